#include "lesiondelta/core/VolumeIO.h"

#include <itkCastImageFilter.h>
#include <itkGDCMImageIO.h>
#include <itkImageFileReader.h>
#include <itkImageFileWriter.h>
#include <itkImageIOFactory.h>
#include <itkImageRegionConstIterator.h>
#include <itkImageRegionIterator.h>
#include <itkImageSeriesReader.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ItkIoLock.h"
#include "lesiondelta/core/AtomicWrite.h"
#include "lesiondelta/core/DicomSeries.h"
#include "lesiondelta/core/NiftiFileCheck.h"
#include "lesiondelta/core/VolumeChecks.h"
#include "lesiondelta/core/VolumeError.h"

namespace fs = std::filesystem;

namespace lesiondelta {
namespace {

std::string describeSize(const std::vector<std::size_t>& dims) {
    std::ostringstream s;
    for (std::size_t i = 0; i < dims.size(); ++i) s << (i ? "x" : "") << dims[i];
    return s.str();
}

// First line of an ITK exception description: ITK's messages carry file/line noise after it.
std::string itkReason(const itk::ExceptionObject& e) {
    std::string d = e.GetDescription();
    while (!d.empty() && (d.back() == '\n' || d.back() == ' ')) d.pop_back();
    const auto nl = d.find('\n');
    return nl == std::string::npos ? d : d.substr(0, nl);
}

// Checks what the header says before any voxel is allocated.
void checkHeader(itk::ImageIOBase& io, const std::string& path, const ReadOptions& options) {
    const unsigned int n = io.GetNumberOfDimensions();
    std::vector<std::size_t> dims(n);
    for (unsigned int i = 0; i < n; ++i) dims[i] = io.GetDimensions(i);
    if (io.GetPixelType() == itk::IOPixelEnum::COMPLEX || io.GetNumberOfComponents() != 1) {
        throw VolumeError(path, "has " + std::to_string(io.GetNumberOfComponents()) + " components per voxel (" +
                                    io.GetPixelTypeAsString(io.GetPixelType()) +
                                    "); a scalar (grey-value) volume is needed");
    }
    if (n < 3) {
        throw VolumeError(path,
                          "is a " + std::to_string(n) + "D image (" + describeSize(dims) + "); a 3D volume is needed");
    }
    if (n > 4 || (n == 4 && dims[3] != 1)) {
        throw VolumeError(path, "is a " + std::to_string(n) + "D image (" + describeSize(dims) +
                                    ") holding several volumes; one 3D volume is needed");
    }
    double voxels = 1.0;
    for (unsigned int i = 0; i < n; ++i) {
        if (dims[i] == 0) throw VolumeError(path, "is empty (size " + describeSize(dims) + ")");
        voxels *= static_cast<double>(dims[i]);
    }
    if (dims[0] == 1 || dims[1] == 1 || dims[2] == 1) {
        throw VolumeError(path, "has a single slice (" + describeSize(dims) + "); a 3D volume is needed");
    }
    if (voxels > static_cast<double>(options.maxVoxels)) {
        std::ostringstream s;
        s << "is too large (" << describeSize(dims) << " = " << voxels << " voxels; the limit is " << options.maxVoxels
          << ")";
        throw VolumeError(path, s.str());
    }
    for (unsigned int i = 0; i < 3; ++i) {
        const double sp = io.GetSpacing(i);
        if (!std::isfinite(sp) || sp <= 0.0) {
            std::ostringstream s;
            s << "has an invalid voxel spacing (" << sp << " mm along axis " << i << ")";
            throw VolumeError(path, s.str());
        }
    }
}

void checkVoxels(const ImageVolume& image, const std::string& path) {
    checkGeometry(image, path);
    const std::size_t bad = countNonFinite(image);
    if (bad > 0) {
        throw VolumeError(path, "contains " + std::to_string(bad) + " NaN or infinite voxels");
    }
}

ImageVolume::Pointer readDicomFolder(const std::string& path, const ReadOptions& options) {
    const auto series = listDicomSeries(path);
    if (series.empty()) throw VolumeError(path, "is a folder without DICOM series");
    std::string uid = options.dicomSeriesUid;
    if (uid.empty()) {
        if (series.size() > 1) {
            std::ostringstream s;
            s << "holds " << series.size() << " DICOM series; choose one by its UID:";
            for (const auto& si : series) {
                s << " [" << si.uid << " \"" << si.description << "\" " << si.fileCount << " files]";
            }
            throw VolumeError(path, s.str());
        }
        uid = series.front().uid;
    }
    const auto files = dicomSeriesFiles(path, uid);
    if (files.empty()) throw VolumeError(path, "has no DICOM series with UID " + uid);
    if (files.size() < 2) throw VolumeError(path, "DICOM series " + uid + " has a single slice; a 3D volume is needed");
    if (files.size() > options.maxVoxels) throw VolumeError(path, "DICOM series is too large");

    auto io = itk::GDCMImageIO::New();
    auto reader = itk::ImageSeriesReader<ImageVolume>::New();
    reader->SetImageIO(io);
    reader->SetFileNames(files);
    const std::lock_guard lock(detail::itkIoMutex());
    try {
        io->SetFileName(files.front());
        io->ReadImageInformation();
        if (io->GetNumberOfComponents() != 1) {
            throw VolumeError(path, "DICOM series " + uid + " is not grey-value (" +
                                        std::to_string(io->GetNumberOfComponents()) + " components)");
        }
        const double voxels = double(io->GetDimensions(0)) * io->GetDimensions(1) * files.size();
        if (voxels > double(options.maxVoxels)) throw VolumeError(path, "DICOM series is too large");
        reader->Update();
    } catch (const itk::ExceptionObject& e) {
        throw VolumeError(path, "DICOM series " + uid + " cannot be read: " + itkReason(e));
    }
    ImageVolume::Pointer image = reader->GetOutput();
    image->DisconnectPipeline();
    checkVoxels(*image, path);
    return image;
}

ImageVolume::Pointer readFile(const std::string& path, const ReadOptions& options) {
    {
        std::ifstream probe(path, std::ios::binary);
        if (!probe) throw VolumeError(path, "cannot be opened (permission denied or unreadable)");
    }
    std::error_code ec;
    if (fs::file_size(path, ec) == 0) throw VolumeError(path, "is an empty file");

    // Below ITK first: its NIfTI reader prints to stderr and gives vague messages for bad headers,
    // and lets through what checkNiftiFile refuses (no-op for other formats).
    checkNiftiFile(path, options.maxVoxels);
    const std::lock_guard lock(detail::itkIoMutex());
    itk::ImageIOBase::Pointer io = itk::ImageIOFactory::CreateImageIO(path.c_str(), itk::IOFileModeEnum::ReadMode);
    if (!io) {
        throw VolumeError(path,
                          "is not a readable image (expected NIfTI .nii/.nii.gz, NRRD, "
                          "MetaImage .mha/.mhd or a DICOM folder)");
    }
    io->SetFileName(path);
    try {
        io->ReadImageInformation();
    } catch (const itk::ExceptionObject& e) {
        throw VolumeError(path, "cannot be read: " + itkReason(e));
    }
    checkHeader(*io, path, options);

    auto reader = itk::ImageFileReader<ImageVolume>::New();
    reader->SetImageIO(io);
    reader->SetFileName(path);
    try {
        reader->Update();
    } catch (const itk::ExceptionObject& e) {
        throw VolumeError(path, "cannot be read (truncated or corrupt?): " + itkReason(e));
    }
    ImageVolume::Pointer image = reader->GetOutput();
    image->DisconnectPipeline();
    checkVoxels(*image, path);
    return image;
}

template <typename TImage>
void writeImage(const TImage& image, const std::string& path) {
    writeAtomically(path, [&](const std::string& temp) {
        auto writer = itk::ImageFileWriter<TImage>::New();
        writer->SetInput(&image);
        writer->SetFileName(temp);
        writer->UseCompressionOn();
        const std::lock_guard lock(detail::itkIoMutex());
        try {
            writer->Update();
        } catch (const itk::ExceptionObject& e) {
            throw VolumeError(path, "cannot be written: " + itkReason(e));
        }
    });
}

}  // namespace

ImageVolume::Pointer readVolume(const std::string& path, const ReadOptions& options) {
    if (path.empty()) throw VolumeError("", "no input file name given");
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec && ec != std::errc::no_such_file_or_directory) {
        throw VolumeError(path, "cannot be accessed: " + ec.message());
    }
    if (!fs::exists(status)) throw VolumeError(path, "file not found");
    if (fs::is_directory(status)) return readDicomFolder(path, options);
    if (!fs::is_regular_file(status)) throw VolumeError(path, "is not a regular file");
    return readFile(path, options);
}

MaskVolume::Pointer readMask(const std::string& path, const ReadOptions& options) {
    const auto image = readVolume(path, options);
    auto mask = MaskVolume::New();
    mask->CopyInformation(image);
    mask->SetRegions(image->GetLargestPossibleRegion());
    mask->Allocate();
    itk::ImageRegionConstIterator<ImageVolume> in(image, image->GetLargestPossibleRegion());
    itk::ImageRegionIterator<MaskVolume> out(mask, mask->GetLargestPossibleRegion());
    for (; !in.IsAtEnd(); ++in, ++out) out.Set(in.Get() > 0.0f ? 1 : 0);
    return mask;
}

LabelVolume::Pointer readLabels(const std::string& path, const ReadOptions& options) {
    const auto image = readVolume(path, options);
    auto labels = LabelVolume::New();
    labels->CopyInformation(image);
    labels->SetRegions(image->GetLargestPossibleRegion());
    labels->Allocate();
    itk::ImageRegionConstIterator<ImageVolume> in(image, image->GetLargestPossibleRegion());
    itk::ImageRegionIterator<LabelVolume> out(labels, labels->GetLargestPossibleRegion());
    for (; !in.IsAtEnd(); ++in, ++out) {
        const float v = in.Get();
        if (v < 0.0f || v != std::round(v) || v > 4.0e9f) {
            throw VolumeError(path, "is not a label image (voxel value " + std::to_string(v) + ")");
        }
        out.Set(static_cast<std::uint32_t>(v));
    }
    return labels;
}

void writeVolume(const ImageVolume& image, const std::string& path) { writeImage(image, path); }
void writeMask(const MaskVolume& mask, const std::string& path) { writeImage(mask, path); }
void writeLabels(const LabelVolume& labels, const std::string& path) { writeImage(labels, path); }

}  // namespace lesiondelta
