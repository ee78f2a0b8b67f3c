#include "lesiondelta/core/Standardisation.h"

#include <itkImageRegionConstIterator.h>
#include <itkImageRegionIterator.h>
#include <itkOtsuThresholdImageFilter.h>

#include <cmath>

#include "lesiondelta/core/VolumeChecks.h"

namespace lesiondelta {

MaskVolume::Pointer headMask(const ImageVolume& image, double* threshold) {
    auto otsu = itk::OtsuThresholdImageFilter<ImageVolume, MaskVolume>::New();
    otsu->SetInput(&image);
    otsu->SetInsideValue(0);  // at or below the threshold: background
    otsu->SetOutsideValue(1);
    otsu->SetNumberOfHistogramBins(128);
    otsu->Update();
    if (threshold) *threshold = otsu->GetThreshold();
    MaskVolume::Pointer mask = otsu->GetOutput();
    mask->DisconnectPipeline();
    return mask;
}

ImageVolume::Pointer standardise(const ImageVolume& image, StandardisationStats* statsOut) {
    checkHasContrast(image, "");
    StandardisationStats stats;
    const auto headVoxels = headMask(image, &stats.foregroundThreshold);
    const MaskVolume* head = headVoxels.GetPointer();
    double sum = 0.0, sumSq = 0.0;
    std::size_t n = 0;
    itk::ImageRegionConstIterator<ImageVolume> in(&image, image.GetBufferedRegion());
    itk::ImageRegionConstIterator<MaskVolume> fg(head, head->GetBufferedRegion());
    for (; !in.IsAtEnd(); ++in, ++fg) {
        if (!fg.Get()) continue;
        const double v = in.Get();
        sum += v;
        sumSq += v * v;
        ++n;
    }
    if (n < 2) {  // degenerate histogram: fall back to every voxel
        n = 0;
        sum = sumSq = 0.0;
        for (in.GoToBegin(); !in.IsAtEnd(); ++in, ++n) {
            sum += in.Get();
            sumSq += double(in.Get()) * in.Get();
        }
    }
    stats.foregroundVoxels = n;
    stats.mean = sum / n;
    stats.sd = std::sqrt(std::max(0.0, sumSq / n - stats.mean * stats.mean));
    if (!(stats.sd > 0.0)) stats.sd = 1.0;

    auto out = ImageVolume::New();
    out->CopyInformation(&image);
    out->SetRegions(image.GetLargestPossibleRegion());
    out->Allocate();
    itk::ImageRegionIterator<ImageVolume> o(out, out->GetBufferedRegion());
    for (in.GoToBegin(); !in.IsAtEnd(); ++in, ++o) {
        o.Set(static_cast<float>((in.Get() - stats.mean) / stats.sd));
    }
    if (statsOut) *statsOut = stats;
    return out;
}

}  // namespace lesiondelta
