// PairSynthesizer's real-pair crops and the anatomy deformation they share with synthetic pairs.
#include <sstream>

#include "SynthesisOps.h"
#include "lesiondelta/ml/PairSynthesizer.h"

namespace lesiondelta::ml {

using namespace synthesis;

torch::Tensor PairSynthesizer::deformation(int64_t q, int64_t r) {
    auto rot = randomRotation(rng_, o_.maxRotationDeg);
    const bool flip = uniform(rng_, 0, 1) < 0.5;
    if (flip)
        for (int i = 0; i < 3; ++i) rot[i][2] = -rot[i][2];
    auto positions = centredGrid({q, q, q}, device_).matmul(matrixTensor(rot, device_).t()) + (r - 1) / 2.0;
    const auto elastic = F::interpolate(
        torch::randn({1, 3, 4, 4, 4}, positions.options()) * o_.elasticMm,
        F::InterpolateFuncOptions().size(std::vector<int64_t>{q, q, q}).mode(torch::kTrilinear).align_corners(true));
    return positions + elastic.squeeze(0).permute({1, 2, 3, 0});
}

torch::Tensor PairSynthesizer::deform(const torch::Tensor& stacked, int64_t q, int64_t r) {
    return sampleAt(stacked, deformation(q, r));
}

SyntheticBatch PairSynthesizer::nextReal(int n) {
    if (reals_.empty()) {
        throw std::invalid_argument(
            o_.heldOut ? "real pairs are training data, not for the held-out split"
                       : "the atlas holds no real pair (build it with lesiondelta-cli atlas --real-pair ID)");
    }
    SyntheticBatch b;
    std::vector<torch::Tensor> bl, fu, target;
    for (int i = 0; i < n; ++i) {
        const auto& real = reals_[std::uniform_int_distribution<std::size_t>(0, reals_.size() - 1)(rng_)];
        auto p = realCrop(real);
        bl.push_back(p.bl), fu.push_back(p.fu), target.push_back(p.target);
        b.descriptions.push_back(std::move(p.description));
    }
    b.bl = torch::cat(bl), b.fu = torch::cat(fu), b.target = torch::cat(target);
    return b;
}

PairSynthesizer::Pair PairSynthesizer::realCrop(const Real& real) {
    const int64_t p = o_.crop, q = p, r = int64_t(std::ceil(q * 1.25)) + 12;
    const bool centred = real.targetVoxels.size(0) > 0 && uniform(rng_, 0, 1) < o_.changeCentredFraction;
    const auto& from = centred ? real.targetVoxels : real.regionVoxels;
    const auto* v = from.data_ptr<int64_t>() + 3 * std::uniform_int_distribution<int64_t>(0, from.size(0) - 1)(rng_);
    std::array<int64_t, 3> start;
    for (int d = 0; d < 3; ++d)
        start[d] = v[d] - r / 2 + (centred ? std::uniform_int_distribution<int64_t>(-p / 4, p / 4)(rng_) : 0);
    // Outside the stored box: each visit's darkest value (air), no target.
    const auto region = torch::stack({regionOf(real.bl, start, r, real.blAir), regionOf(real.fu, start, r, real.fuAir),
                                      regionOf(real.target, start, r, 0.0f)});
    const auto warped = deform(region.unsqueeze(0), q, r);
    Pair out;
    out.bl = warped.narrow(1, 0, 1).contiguous();
    out.fu = warped.narrow(1, 1, 1).contiguous();
    out.target = (warped.narrow(1, 2, 1) >= 0.5).to(torch::kFloat32);
    std::ostringstream d;
    d << real.source->name << " at (" << v[0] << "," << v[1] << "," << v[2] << "): real";
    out.description = d.str();
    return out;
}

}  // namespace lesiondelta::ml
