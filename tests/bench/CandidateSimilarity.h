#pragma once
// Agreement measures pair_check_eval compares with the pair check's (bench only).
#include "lesiondelta/core/Volume.h"

namespace lesiondelta::bench {

/// Spearman's rank correlation of `a` and `b` (same grid) over the voxels of `mask`: the
/// normalised correlation of their ranks. Ranks come from each image's cumulative histogram
/// over the mask (`bins` quantiles; ties share their mean rank), so it costs two passes.
/// 0 with fewer than 2 voxels or without contrast.
double rankCorrelation(const ImageVolume& a, const ImageVolume& b, const MaskVolume& mask, int bins = 4096);

/// Normalised mutual information (H(A) + H(B)) / H(A, B) of `a` and `b` over `mask`, each
/// binned into `bins` equal-count bins (so the measure ignores any monotone intensity change):
/// 1 for independent images, 2 for images that determine each other.
double normalisedMutualInformation(const ImageVolume& a, const ImageVolume& b, const MaskVolume& mask, int bins = 32);

}  // namespace lesiondelta::bench
