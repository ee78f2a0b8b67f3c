#pragma once
// The sample pair (real patient 01, CC-BY) as DICOM studies, as a PACS would hold them: patient
// LD01, BL and FU a year apart, each with a FLAIR series; the FU study also has a T1 series.
#include <itkCastImageFilter.h>

#include <filesystem>
#include <map>
#include <string>

#include "TestDicom.h"
#include "lesiondelta/core/VolumeIO.h"

namespace lesiondelta::test {

inline const std::string kBlStudy = "1.2.826.0.1.3680043.2.1125.77.1", kFuStudy = "1.2.826.0.1.3680043.2.1125.77.2";
inline const std::string kFuFlair = kFuStudy + ".3";

inline ShortVolume::Pointer sampleAsShort(const std::string& file) {
    const auto image = readVolume(std::string(LESIONDELTA_SAMPLE_DIR) + "/" + file);
    auto cast = itk::CastImageFilter<ImageVolume, ShortVolume>::New();
    cast->SetInput(image);
    cast->Update();
    ShortVolume::Pointer out = cast->GetOutput();
    out->DisconnectPipeline();
    auto direction = out->GetDirection();
    direction.SetIdentity();  // TestDicom writes axial slices
    out->SetDirection(direction);
    return out;
}

/// The sample pair as DICOM: two studies of patient LD01 a year apart, each with a FLAIR series;
/// the FU study also has a T1 series.
inline void writeSampleStudies(const std::filesystem::path& dir) {
    const std::map<std::string, std::string> patient = {{"0010|0010", "SAMPLE^LD"}, {"0010|0020", "LD01"}};
    auto tags = [&](const std::string& study, const std::string& date) {
        auto t = patient;
        t["0020|000d"] = study;
        t["0008|0020"] = date;
        t["0008|0022"] = date;
        return t;
    };
    std::filesystem::create_directories(dir);
    writeVolumeSeries(*sampleAsShort("study1_FLAIR.nii.gz"), dir, "bl", kBlStudy + ".3", "AX FLAIR",
                      tags(kBlStudy, "20100101"));
    writeVolumeSeries(*sampleAsShort("study2_FLAIR.nii.gz"), dir, "fu", kFuFlair, "AX FLAIR",
                      tags(kFuStudy, "20110101"));
    auto t1 = makeImage<ShortVolume>({16, 12, 6}, {1, 1, 3}, {0, 0, 0});
    writeVolumeSeries(*t1, dir, "t1", kFuStudy + ".4", "SAG T1", tags(kFuStudy, "20110101"));
}

}  // namespace lesiondelta::test
