#pragma once
#include <functional>
// A classical brain-region estimate for FLAIR scans with or without skull, used to keep CNN
// detections off the scalp, skull and neck (where thick-slice and misregistration artefacts of
// the difference image sit) - lesson 2 of shared/docs/training-notes.md.
#include "lesiondelta/core/Volume.h"

namespace lesiondelta {

struct BrainMaskOptions {
    /// Erosion radius (mm) that cuts the thin bright bridges between brain and scalp before the
    /// largest component is kept. FLAIR shows skull and CSF dark, so the brain is separated from
    /// the scalp by a dark band a few mm wide except at a few narrow contacts.
    double erosionMm = 4.0;
    /// Components whose eroded volume is at least this fraction of the largest are kept too
    /// (cerebellum and brain stem may separate from the cerebrum after erosion).
    double keepFraction = 0.1;
    /// Asked between the stages; true stops the estimate with Cancelled (a cancel during
    /// registration, which estimates FU's brain first, then takes effect within a stage).
    std::function<bool()> cancelled;
};

/// The brain region of `image` (any grid; radii in mm are converted per axis): Otsu foreground,
/// eroded, the largest component(s) kept, dilated back by the radius plus 1 mm within the
/// foreground, and holes closed slice by slice (dark ventricles and sulcal CSF inside the brain). On a skull-stripped
/// scan it returns (nearly) the whole foreground.
MaskVolume::Pointer brainMask(const ImageVolume& image, const BrainMaskOptions& options = {});

/// `mask` without its outer `rimMm` (Euclidean distance to the outside, in mm). rimMm <= 0
/// returns a copy.
MaskVolume::Pointer withoutRim(const MaskVolume& mask, double rimMm);

}  // namespace lesiondelta
