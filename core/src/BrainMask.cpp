#include "lesiondelta/core/BrainMask.h"

#include <itkBinaryBallStructuringElement.h>
#include <itkBinaryDilateImageFilter.h>
#include <itkBinaryErodeImageFilter.h>
#include <itkBinaryFillholeImageFilter.h>
#include <itkConnectedComponentImageFilter.h>
#include <itkExtractImageFilter.h>
#include <itkImageRegionIterator.h>
#include <itkPasteImageFilter.h>
#include <itkRegionOfInterestImageFilter.h>
#include <itkRelabelComponentImageFilter.h>
#include <itkSignedMaurerDistanceMapImageFilter.h>

#include <algorithm>
#include <cmath>

#include "lesiondelta/core/MaskBoundingBox.h"
#include "lesiondelta/core/Progress.h"
#include "lesiondelta/core/Standardisation.h"

namespace lesiondelta {

namespace {

using Ball = itk::BinaryBallStructuringElement<MaskVolume::PixelType, kDim>;

Ball ballMm(const MaskVolume& grid, double mm) {
    Ball::SizeType radius;
    for (unsigned d = 0; d < kDim; ++d) {
        radius[d] = std::max<long>(0, std::lround(mm / grid.GetSpacing()[d]));
    }
    Ball ball;
    ball.SetRadius(radius);
    ball.CreateStructuringElement();
    return ball;
}

/// Closes holes in every axial slice (k = const): ventricles open to the subarachnoid space in
/// 3D but are enclosed within a slice.
void fillHolesPerSlice(MaskVolume& mask) {
    using Slice = itk::Image<MaskVolume::PixelType, 2>;
    const auto region = mask.GetLargestPossibleRegion();
    for (long k = 0; k < long(region.GetSize(2)); ++k) {
        auto sliceRegion = region;
        sliceRegion.SetIndex(2, region.GetIndex(2) + k);
        sliceRegion.SetSize(2, 0);
        auto extract = itk::ExtractImageFilter<MaskVolume, Slice>::New();
        extract->SetInput(&mask);
        extract->SetExtractionRegion(sliceRegion);
        extract->SetDirectionCollapseToSubmatrix();
        auto fill = itk::BinaryFillholeImageFilter<Slice>::New();
        fill->SetInput(extract->GetOutput());
        fill->SetForegroundValue(1);
        fill->SetFullyConnected(true);
        fill->Update();
        const Slice* filled = fill->GetOutput();
        itk::ImageRegionIterator<MaskVolume> out(&mask, [&] {
            auto r = sliceRegion;
            r.SetSize(2, 1);
            return r;
        }());
        const auto* src = filled->GetBufferPointer();
        for (std::size_t i = 0; !out.IsAtEnd(); ++out, ++i) out.Set(out.Get() | src[i]);
    }
}

}  // namespace

MaskVolume::Pointer brainMask(const ImageVolume& image, const BrainMaskOptions& options) {
    // Not hole-filled yet: the scalp would enclose the dark skull band in every slice.
    MaskVolume::Pointer foreground = headMask(image);
    auto checkCancel = [&] {
        if (options.cancelled && options.cancelled()) throw Cancelled();
    };
    checkCancel();

    auto erode = itk::BinaryErodeImageFilter<MaskVolume, MaskVolume, Ball>::New();
    erode->SetInput(foreground);
    erode->SetKernel(ballMm(*foreground, options.erosionMm));
    erode->SetForegroundValue(1);
    erode->SetBackgroundValue(0);

    using Labels = itk::Image<unsigned int, kDim>;
    auto components = itk::ConnectedComponentImageFilter<MaskVolume, Labels>::New();
    components->SetInput(erode->GetOutput());
    components->SetFullyConnected(false);
    auto relabel = itk::RelabelComponentImageFilter<Labels, Labels>::New();
    relabel->SetInput(components->GetOutput());
    relabel->Update();
    checkCancel();
    const auto& sizes = relabel->GetSizeOfObjectsInPixels();
    if (sizes.empty()) return foreground;  // nothing survives the erosion: a tiny or odd image
    unsigned int keep = 1;
    while (keep < sizes.size() && sizes[keep] >= options.keepFraction * sizes[0]) ++keep;

    auto core = MaskVolume::New();
    core->CopyInformation(foreground);
    core->SetRegions(foreground->GetLargestPossibleRegion());
    core->Allocate();
    {
        const auto* l = relabel->GetOutput()->GetBufferPointer();
        auto* c = core->GetBufferPointer();
        const auto n = core->GetLargestPossibleRegion().GetNumberOfPixels();
        for (std::size_t i = 0; i < n; ++i) c[i] = (l[i] >= 1 && l[i] <= keep) ? 1 : 0;
    }

    // Back to full size, but never beyond the foreground; then the enclosed dark CSF is closed.
    auto dilate = itk::BinaryDilateImageFilter<MaskVolume, MaskVolume, Ball>::New();
    dilate->SetInput(core);
    dilate->SetKernel(ballMm(*core, options.erosionMm + 1.0));
    dilate->SetForegroundValue(1);
    dilate->SetBackgroundValue(0);
    dilate->Update();
    checkCancel();
    MaskVolume::Pointer brain = dilate->GetOutput();
    brain->DisconnectPipeline();
    {
        auto* b = brain->GetBufferPointer();
        const auto* f = foreground->GetBufferPointer();
        const auto n = brain->GetLargestPossibleRegion().GetNumberOfPixels();
        for (std::size_t i = 0; i < n; ++i) b[i] = b[i] && f[i];
    }
    fillHolesPerSlice(*brain);
    return brain;
}

MaskVolume::Pointer withoutRim(const MaskVolume& mask, double rimMm) {
    auto out = MaskVolume::New();
    out->CopyInformation(&mask);
    out->SetRegions(mask.GetLargestPossibleRegion());
    out->Allocate();
    const auto n = mask.GetLargestPossibleRegion().GetNumberOfPixels();
    if (rimMm <= 0.0) {
        std::copy_n(mask.GetBufferPointer(), n, out->GetBufferPointer());
        return out;
    }
    // The distance map over the mask's bounding box plus one voxel of background on each side:
    // for a voxel inside, the background voxel just past the nearest face of the box is nearer
    // than anything outside it, so the distances are those over the whole grid (a brain fills
    // about half of its head grid: 0.5 -> 0.3 s at 1 mm).
    const auto box = maskBoundingBox(mask, 1);
    std::fill_n(out->GetBufferPointer(), n, MaskVolume::PixelType(0));
    if (box.GetNumberOfPixels() == 0) return out;  // an empty mask
    auto roi = itk::RegionOfInterestImageFilter<MaskVolume, MaskVolume>::New();
    roi->SetInput(&mask);
    roi->SetRegionOfInterest(box);
    auto distance = itk::SignedMaurerDistanceMapImageFilter<MaskVolume, ImageVolume>::New();
    distance->SetInput(roi->GetOutput());
    distance->SetUseImageSpacing(true);
    distance->SetSquaredDistance(false);
    distance->SetInsideIsPositive(true);
    distance->SetBackgroundValue(0);
    distance->Update();
    // A voxel at the grid's edge has no background beyond it in the grid; the full-grid map
    // treated the outside as absent too, and so does the cropped one when the box reaches it.
    itk::ImageRegionConstIterator<ImageVolume> d(distance->GetOutput(),
                                                 distance->GetOutput()->GetLargestPossibleRegion());
    itk::ImageRegionConstIterator<MaskVolume> m(&mask, box);
    itk::ImageRegionIterator<MaskVolume> o(out, box);
    for (; !m.IsAtEnd(); ++d, ++m, ++o) o.Set((m.Get() && d.Get() > rimMm) ? 1 : 0);
    return out;
}

}  // namespace lesiondelta
