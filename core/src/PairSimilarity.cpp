#include "lesiondelta/core/PairSimilarity.h"

#include <itkBoxMeanImageFilter.h>

#include <algorithm>
#include <cmath>

#include "lesiondelta/core/Resampling.h"
#include "lesiondelta/core/Standardisation.h"

namespace lesiondelta {
double localCorrelation(const ImageVolume& a, const ImageVolume& b, const MaskVolume& mask, double radiusMm) {
    const auto n = a.GetLargestPossibleRegion().GetNumberOfPixels();
    auto product = [&](const float* x, const float* y) {
        auto out = ImageVolume::New();
        out->CopyInformation(&a);
        out->SetRegions(a.GetLargestPossibleRegion());
        out->Allocate();
        for (std::size_t i = 0; i < n; ++i) out->GetBufferPointer()[i] = x[i] * y[i];
        return out;
    };
    itk::Size<kDim> radius;
    for (unsigned d = 0; d < kDim; ++d) radius[d] = std::max<long>(1, std::lround(radiusMm / a.GetSpacing()[d]));
    auto boxMean = [&](const ImageVolume& image) {
        auto f = itk::BoxMeanImageFilter<ImageVolume, ImageVolume>::New();
        f->SetInput(&image);
        f->SetRadius(radius);
        f->Update();
        ImageVolume::Pointer out = f->GetOutput();
        out->DisconnectPipeline();
        return out;
    };
    const float* pa = a.GetBufferPointer();
    const float* pb = b.GetBufferPointer();
    const auto ma = boxMean(a), mb = boxMean(b);
    const auto maa = boxMean(*product(pa, pa)), mbb = boxMean(*product(pb, pb)), mab = boxMean(*product(pa, pb));
    // Boxes flatter than 1 % of the masked intensity range in either image carry no structure.
    double lo = 1e300, hi = -1e300;
    const auto* m = mask.GetBufferPointer();
    for (std::size_t i = 0; i < n; ++i)
        if (m[i]) lo = std::min(lo, double(pa[i])), hi = std::max(hi, double(pa[i]));
    if (!(hi > lo)) return 0.0;
    double sum = 0.0;
    std::size_t count = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!m[i]) continue;
        const double va = maa->GetBufferPointer()[i] - double(ma->GetBufferPointer()[i]) * ma->GetBufferPointer()[i];
        const double vb = mbb->GetBufferPointer()[i] - double(mb->GetBufferPointer()[i]) * mb->GetBufferPointer()[i];
        const double cov = mab->GetBufferPointer()[i] - double(ma->GetBufferPointer()[i]) * mb->GetBufferPointer()[i];
        if (va <= 1e-4 * (hi - lo) * (hi - lo) || vb <= 0) continue;
        sum += cov / std::sqrt(va * vb);
        ++count;
    }
    return count ? sum / double(count) : 0.0;
}

double alignmentAgreement(const ImageVolume& fu, const ImageVolume& blInFu) {
    const auto grid = isotropicGridLike(fu, 2.0);
    const auto fu2 = resampleLinear(fu, *grid);
    const auto bl2 = resampleLinear(blInFu, *grid);
    return localCorrelation(*fu2, *bl2, *headMask(*fu2), 4.0);
}

}  // namespace lesiondelta
