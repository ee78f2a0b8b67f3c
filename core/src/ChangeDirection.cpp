#include "lesiondelta/core/ChangeDirection.h"

#include <itkImageRegionConstIterator.h>
#include <itkImageRegionIterator.h>

#include <vector>

#include "lesiondelta/core/MaskedStatistics.h"
#include "lesiondelta/core/Standardisation.h"
#include "lesiondelta/core/VolumeChecks.h"
#include "lesiondelta/core/VolumeError.h"

namespace lesiondelta {
ChangeSplit splitChangeByDirection(const MaskVolume& change, const ImageVolume& blInFu, const ImageVolume& fu,
                                   double minMl) {
    if (!sameGrid(change, fu) || !sameGrid(blInFu, fu))
        throw VolumeError("", "change mask, BL and FU must share FU's grid");
    const auto head = headMask(fu);
    const double blMedian = medianWithin(blInFu, *head);
    const double gain = blMedian > 0 ? medianWithin(fu, *head) / blMedian : 1.0;
    unsigned int n = 0;
    const auto labels = labelLesions(change, minMl, &n);
    std::vector<double> difference(n + 1, 0.0);
    std::vector<std::size_t> count(n + 1, 0);
    {
        itk::ImageRegionConstIterator<LabelVolume> l(labels, labels->GetBufferedRegion());
        itk::ImageRegionConstIterator<ImageVolume> b(&blInFu, blInFu.GetBufferedRegion()),
            f(&fu, fu.GetBufferedRegion());
        for (; !l.IsAtEnd(); ++l, ++b, ++f) {
            if (!l.Get()) continue;
            difference[l.Get()] += f.Get() - gain * b.Get();
            ++count[l.Get()];
        }
    }
    ChangeSplit split;
    split.gain = gain;
    std::vector<char> up(n + 1, 0);
    for (unsigned int i = 1; i <= n; ++i) {
        up[i] = difference[i] > 0.0;
        (up[i] ? split.increasing : split.decreasing) += 1;
    }
    split.increase = MaskVolume::New();
    split.increase->CopyInformation(&change);
    split.increase->SetRegions(change.GetLargestPossibleRegion());
    split.increase->Allocate();
    itk::ImageRegionConstIterator<LabelVolume> l(labels, labels->GetBufferedRegion());
    itk::ImageRegionIterator<MaskVolume> o(split.increase, split.increase->GetBufferedRegion());
    for (; !l.IsAtEnd(); ++l, ++o) o.Set(l.Get() && up[l.Get()] ? 1 : 0);
    return split;
}

}  // namespace lesiondelta
