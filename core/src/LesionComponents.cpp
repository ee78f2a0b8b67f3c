#include "lesiondelta/core/LesionComponents.h"

#include <itkConnectedComponentImageFilter.h>
#include <itkImageRegionConstIterator.h>
#include <itkImageRegionConstIteratorWithIndex.h>
#include <itkImageRegionIterator.h>
#include <itkRelabelComponentImageFilter.h>

#include <cmath>
#include <limits>

#include "lesiondelta/core/VolumeChecks.h"
#include "lesiondelta/core/VolumeError.h"

namespace lesiondelta {

LabelVolume::Pointer labelLesions(const MaskVolume& mask, double minMl, unsigned int* count) {
    auto components = itk::ConnectedComponentImageFilter<MaskVolume, LabelVolume>::New();
    components->SetInput(&mask);
    components->FullyConnectedOn();  // 26-connectivity in 3D
    auto relabel = itk::RelabelComponentImageFilter<LabelVolume, LabelVolume>::New();
    relabel->SetInput(components->GetOutput());
    relabel->SortByObjectSizeOn();
    // Keep components with volume >= minMl; the epsilon absorbs rounding of the spacing product.
    const double minVoxels = minMl / voxelVolumeMl(mask);
    relabel->SetMinimumObjectSize(static_cast<itk::SizeValueType>(std::max(0.0, std::ceil(minVoxels - 1e-6))));
    relabel->Update();
    if (count) *count = static_cast<unsigned int>(relabel->GetNumberOfObjects());
    LabelVolume::Pointer out = relabel->GetOutput();
    out->DisconnectPipeline();
    return out;
}

MaskVolume::Pointer removeSmallLesions(const MaskVolume& mask, double minMl) {
    const auto labels = labelLesions(mask, minMl);
    auto out = MaskVolume::New();
    out->CopyInformation(&mask);
    out->SetRegions(mask.GetLargestPossibleRegion());
    out->Allocate();
    itk::ImageRegionConstIterator<LabelVolume> in(labels, labels->GetBufferedRegion());
    itk::ImageRegionIterator<MaskVolume> o(out, out->GetBufferedRegion());
    for (; !in.IsAtEnd(); ++in, ++o) o.Set(in.Get() ? 1 : 0);
    return out;
}

std::vector<Lesion> lesionTable(const MaskVolume& mask, double minMl, const ImageVolume* bl, const ImageVolume* fu) {
    if (bl && !sameGrid(mask, *bl)) throw VolumeError("BL", "is not on the mask's grid");
    if (fu && !sameGrid(mask, *fu)) throw VolumeError("FU", "is not on the mask's grid");
    unsigned int n = 0;
    const auto labels = labelLesions(mask, minMl, &n);
    std::vector<Lesion> table(n);
    std::vector<std::array<double, 3>> indexSum(n, {0, 0, 0});
    std::vector<double> blSum(n, 0.0), fuSum(n, 0.0);
    for (unsigned int i = 0; i < n; ++i) {
        table[i].id = i + 1;
        table[i].boxMinIndex = {std::numeric_limits<long>::max(), std::numeric_limits<long>::max(),
                                std::numeric_limits<long>::max()};
        table[i].boxMaxIndex = {std::numeric_limits<long>::min(), std::numeric_limits<long>::min(),
                                std::numeric_limits<long>::min()};
    }
    itk::ImageRegionConstIteratorWithIndex<LabelVolume> it(labels, labels->GetBufferedRegion());
    for (; !it.IsAtEnd(); ++it) {
        const auto label = it.Get();
        if (!label) continue;
        Lesion& lesion = table[label - 1];
        const auto idx = it.GetIndex();
        ++lesion.voxels;
        for (unsigned int d = 0; d < 3; ++d) {
            indexSum[label - 1][d] += idx[d];
            lesion.boxMinIndex[d] = std::min<long>(lesion.boxMinIndex[d], idx[d]);
            lesion.boxMaxIndex[d] = std::max<long>(lesion.boxMaxIndex[d], idx[d]);
        }
        if (bl) blSum[label - 1] += bl->GetPixel(idx);
        if (fu) fuSum[label - 1] += fu->GetPixel(idx);
    }
    const double voxelMl = voxelVolumeMl(mask);
    for (unsigned int i = 0; i < n; ++i) {
        Lesion& lesion = table[i];
        lesion.volumeMl = lesion.voxels * voxelMl;
        itk::ContinuousIndex<double, 3> c;
        for (unsigned int d = 0; d < 3; ++d) {
            c[d] = indexSum[i][d] / lesion.voxels;
            lesion.centroidIndex[d] = c[d];
        }
        PhysicalPointLps p;
        mask.TransformContinuousIndexToPhysicalPoint(c, p);
        for (unsigned int d = 0; d < 3; ++d) lesion.centroidLpsMm[d] = p[d];
        const double nan = std::numeric_limits<double>::quiet_NaN();
        lesion.meanBl = bl ? blSum[i] / lesion.voxels : nan;
        lesion.meanFu = fu ? fuSum[i] / lesion.voxels : nan;
    }
    return table;
}

}  // namespace lesiondelta
