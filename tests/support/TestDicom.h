#pragma once
// Writes small DICOM series with ITK/GDCM for tests (one or several series per folder).
#include <itkGDCMImageIO.h>
#include <itkImageSeriesWriter.h>
#include <itkMetaDataObject.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "TestImages.h"

namespace lesiondelta::test {

using ShortVolume = itk::Image<std::int16_t, 3>;
using ShortSlice = itk::Image<std::int16_t, 2>;

/// Writes `volume` (axial, identity direction) as a DICOM series, one file per slice named
/// prefix<k>.dcm, with the tags every reader needs plus `tags` (e.g. identifying ones).
inline void writeVolumeSeries(const ShortVolume& volume, const std::filesystem::path& dir, const std::string& prefix,
                              const std::string& seriesUid, const std::string& description,
                              const std::map<std::string, std::string>& tags = {{"0010|0020", "TEST"}}) {
    const auto size = volume.GetLargestPossibleRegion().GetSize();
    const auto spacing = volume.GetSpacing();
    const unsigned slices = unsigned(size[2]);
    auto io = itk::GDCMImageIO::New();
    io->KeepOriginalUIDOn();
    std::vector<itk::MetaDataDictionary> dictionaries(slices);
    typename itk::ImageSeriesWriter<ShortVolume, ShortSlice>::DictionaryArrayType dictionaryPointers;
    std::vector<std::string> names;
    for (unsigned k = 0; k < slices; ++k) {
        auto& d = dictionaries[k];
        itk::ImageBase<3>::PointType corner;
        volume.TransformIndexToPhysicalPoint(itk::Index<3>{{0, 0, long(k)}}, corner);
        for (const auto& [tag, value] : tags) itk::EncapsulateMetaData<std::string>(d, tag, value);
        if (!tags.count("0020|000d"))
            itk::EncapsulateMetaData<std::string>(d, "0020|000d", "1.2.826.0.1.3680043.2.1125.1");
        itk::EncapsulateMetaData<std::string>(d, "0020|000e", seriesUid);
        itk::EncapsulateMetaData<std::string>(d, "0020|0052", seriesUid + ".0");  // frame of reference
        itk::EncapsulateMetaData<std::string>(d, "0008|0018", seriesUid + "." + std::to_string(k + 1));
        itk::EncapsulateMetaData<std::string>(d, "0008|0016", "1.2.840.10008.5.1.4.1.1.4");
        itk::EncapsulateMetaData<std::string>(d, "0008|0060", "MR");
        itk::EncapsulateMetaData<std::string>(d, "0028|0004", "MONOCHROME2");
        if (!tags.count("0008|0022")) itk::EncapsulateMetaData<std::string>(d, "0008|0022", "20240110");
        itk::EncapsulateMetaData<std::string>(d, "0008|0070", "ACME");
        itk::EncapsulateMetaData<std::string>(d, "0008|1090", "Scanner 3T");
        itk::EncapsulateMetaData<std::string>(d, "0008|103e", description);
        itk::EncapsulateMetaData<std::string>(d, "0020|0013", std::to_string(k + 1));
        itk::EncapsulateMetaData<std::string>(
            d, "0020|0032",
            std::to_string(corner[0]) + "\\" + std::to_string(corner[1]) + "\\" + std::to_string(corner[2]));
        itk::EncapsulateMetaData<std::string>(d, "0020|0037", "1\\0\\0\\0\\1\\0");
        itk::EncapsulateMetaData<std::string>(d, "0028|0030",
                                              std::to_string(spacing[1]) + "\\" + std::to_string(spacing[0]));
        itk::EncapsulateMetaData<std::string>(d, "0018|0050", std::to_string(spacing[2]));
        dictionaryPointers.push_back(&d);
        names.push_back((dir / (prefix + std::to_string(k) + ".dcm")).string());
    }
    auto writer = itk::ImageSeriesWriter<ShortVolume, ShortSlice>::New();
    writer->SetInput(&volume);
    writer->SetImageIO(io);
    writer->SetFileNames(names);
    writer->SetMetaDataDictionaryArray(&dictionaryPointers);
    writer->Update();
}

// Writes an axial series of `slices` 16x12 slices, 0.8 x 0.8 mm, 3 mm apart, voxel value = base + k.
inline void writeSeries(const std::filesystem::path& dir, const std::string& prefix, const std::string& seriesUid,
                        const std::string& description, unsigned slices, std::int16_t base) {
    auto volume = makeImage<ShortVolume>({16, 12, slices}, {0.8, 0.8, 3.0}, {-10, -20, 30});
    for (unsigned k = 0; k < slices; ++k) paintBox(*volume, {0, 0, long(k)}, {15, 11, long(k)}, std::int16_t(base + k));
    writeVolumeSeries(*volume, dir, prefix, seriesUid, description);
}

}  // namespace lesiondelta::test
