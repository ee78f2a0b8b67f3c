#include "lesiondelta/pipeline/LesionOverlaps.h"

namespace lesiondelta {

std::vector<LesionOverlap> lesionOverlaps(const MaskVolume& lesionMask, const std::vector<Lesion>& lesions,
                                          const ImageVolume* probability, const std::vector<const MaskVolume*>& others,
                                          double minMl) {
    unsigned count = 0;
    const auto labels = labelLesions(lesionMask, minMl, &count);
    const auto n = labels->GetLargestPossibleRegion().GetNumberOfPixels();
    const std::uint32_t* label = labels->GetBufferPointer();
    const float* prob = probability ? probability->GetBufferPointer() : nullptr;
    std::vector<double> sum(count + 1, 0.0);
    std::vector<std::size_t> voxels(count + 1, 0);
    std::vector<std::vector<bool>> overlaps(count + 1, std::vector<bool>(others.size(), false));
    for (std::size_t i = 0; i < n; ++i) {
        const auto l = label[i];
        if (!l) continue;
        if (prob) sum[l] += prob[i];
        ++voxels[l];
        for (std::size_t m = 0; m < others.size(); ++m)
            if (others[m] && others[m]->GetBufferPointer()[i]) overlaps[l][m] = true;
    }
    std::vector<LesionOverlap> out;
    out.reserve(lesions.size());
    for (const auto& lesion : lesions) {
        LesionOverlap row;
        row.id = lesion.id;
        if (lesion.id <= count && voxels[lesion.id]) {
            if (prob) row.meanProbability = sum[lesion.id] / double(voxels[lesion.id]);
            for (std::size_t m = 0; m < others.size(); ++m)
                if (overlaps[lesion.id][m]) row.overlappedBy.push_back(m);
        }
        out.push_back(std::move(row));
    }
    return out;
}

}  // namespace lesiondelta
