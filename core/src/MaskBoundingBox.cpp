#include "lesiondelta/core/MaskBoundingBox.h"

#include <itkImageMaskSpatialObject.h>

namespace lesiondelta {

itk::ImageRegion<3> maskBoundingBox(const MaskVolume& mask, long margin) {
    auto spatial = itk::ImageMaskSpatialObject<3, MaskVolume::PixelType>::New();
    spatial->SetImage(&mask);
    auto box = spatial->ComputeMyBoundingBoxInIndexSpace();
    if (box.GetNumberOfPixels() == 0) return {};
    box.PadByRadius(margin);
    box.Crop(mask.GetLargestPossibleRegion());
    return box;
}

}  // namespace lesiondelta
