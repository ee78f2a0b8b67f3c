#include "lesiondelta/core/PairSynthesis.h"

#include <itkImageRegionConstIterator.h>
#include <itkImageRegionIterator.h>
#include <itkImageRegionIteratorWithIndex.h>
#include <itkRecursiveGaussianImageFilter.h>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "lesiondelta/core/LesionComponents.h"
#include "lesiondelta/core/MaskedStatistics.h"
#include "lesiondelta/core/Resampling.h"
#include "lesiondelta/core/RigidRegistration.h"
#include "lesiondelta/core/SubtractionDetector.h"
#include "lesiondelta/core/VolumeError.h"

namespace lesiondelta {
namespace {

using Index = itk::Index<kDim>;
using Rng = std::mt19937;

double uniform(Rng& rng, double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); }

template <typename TImage>
typename TImage::Pointer copyOf(const TImage& image) {
    auto out = TImage::New();
    out->CopyInformation(&image);
    out->SetRegions(image.GetLargestPossibleRegion());
    out->Allocate();
    std::copy(image.GetBufferPointer(), image.GetBufferPointer() + image.GetLargestPossibleRegion().GetNumberOfPixels(),
              out->GetBufferPointer());
    return out;
}

MaskVolume::Pointer emptyMaskLike(const itk::ImageBase<kDim>& grid) {
    auto m = MaskVolume::New();
    m->CopyInformation(&grid);
    m->SetRegions(grid.GetLargestPossibleRegion());
    m->Allocate(true);
    return m;
}

// Normal-appearing tissue in which lesions may be inserted and from which inpainting samples:
// the inner head, away from lesions, with intensities between the 30th and 85th percentile.
struct Tissue {
    MaskVolume::Pointer brain;  // inner head region
    MaskVolume::Pointer nawm;
    std::vector<Index> nawmVoxels;
    double median = 0, spread = 1;
};

Tissue normalTissue(const ImageVolume& flair, const MaskVolume* lesions) {
    Tissue t;
    const auto inner = innerHeadRegion(flair, 5.0);
    t.brain = inner;
    std::vector<float> values;
    itk::ImageRegionConstIterator<ImageVolume> f(&flair, flair.GetBufferedRegion());
    itk::ImageRegionConstIterator<MaskVolume> m(inner, inner->GetBufferedRegion());
    for (; !f.IsAtEnd(); ++f, ++m) {
        if (m.Get()) values.push_back(f.Get());
    }
    if (values.size() < 1000) throw VolumeError("", "has no usable brain region to synthesise in");
    std::sort(values.begin(), values.end());
    const float lo = values[values.size() * 30 / 100], hi = values[values.size() * 85 / 100];
    t.nawm = emptyMaskLike(flair);
    itk::ImageRegionIteratorWithIndex<MaskVolume> n(t.nawm, t.nawm->GetBufferedRegion());
    for (; !n.IsAtEnd(); ++n) {
        const auto idx = n.GetIndex();
        const float v = flair.GetPixel(idx);
        if (inner->GetPixel(idx) && v >= lo && v <= hi && !(lesions && lesions->GetPixel(idx))) {
            n.Set(1);
            t.nawmVoxels.push_back(idx);
        }
    }
    if (t.nawmVoxels.empty()) throw VolumeError("", "has no normal-appearing tissue to synthesise in");
    const auto stats = robustStatistics(flair, *t.nawm);
    t.median = stats.median;
    t.spread = stats.spread;
    return t;
}

// Median and spread of normal-appearing tissue in a box of +-radius voxels around `centre`.
std::pair<double, double> localTissue(const ImageVolume& flair, const Tissue& t, const Index& centre, long radius) {
    std::vector<float> v;
    const auto size = flair.GetLargestPossibleRegion().GetSize();
    for (long k = centre[2] - radius; k <= centre[2] + radius; ++k)
        for (long j = centre[1] - radius; j <= centre[1] + radius; ++j)
            for (long i = centre[0] - radius; i <= centre[0] + radius; ++i) {
                if (i < 0 || j < 0 || k < 0 || i >= long(size[0]) || j >= long(size[1]) || k >= long(size[2])) continue;
                const Index idx{{i, j, k}};
                if (t.nawm->GetPixel(idx)) v.push_back(flair.GetPixel(idx));
            }
    if (v.size() < 5) return {t.median, t.spread};
    std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
    const double median = v[v.size() / 2];
    for (auto& x : v) x = std::abs(x - float(median));
    std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
    return {median, std::max(1e-3, 1.4826 * v[v.size() / 2])};
}

struct Component {
    std::vector<Index> voxels;
    Index centre;
};

std::vector<Component> components(const MaskVolume& lesions) {
    unsigned int n = 0;
    const auto labels = labelLesions(lesions, 0.0, &n);
    std::vector<Component> out(n);
    itk::ImageRegionConstIteratorWithIndex<LabelVolume> it(labels, labels->GetBufferedRegion());
    for (; !it.IsAtEnd(); ++it) {
        if (it.Get()) out[it.Get() - 1].voxels.push_back(it.GetIndex());
    }
    for (auto& c : out) c.centre = c.voxels[c.voxels.size() / 2];
    return out;
}

const long kFace[6][3] = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};

bool inside(const itk::ImageBase<kDim>& g, const Index& i) { return g.GetLargestPossibleRegion().IsInside(i); }

// Replaces the voxels by normal-appearing tissue sampled around them (median + matched noise).
void inpaint(ImageVolume& image, const std::vector<Index>& voxels, const Tissue& t, Rng& rng) {
    if (voxels.empty()) return;
    const auto [median, spread] = localTissue(image, t, voxels[voxels.size() / 2], 6);
    std::normal_distribution<double> noise(0.0, 0.5 * spread);
    for (const auto& v : voxels) image.SetPixel(v, float(median + noise(rng)));
}

// Voxels face-adjacent to the component, outside every lesion, inside the brain.
std::vector<Index> rim(const Component& c, const MaskVolume& lesions, const Tissue& t) {
    std::vector<Index> out;
    for (const auto& v : c.voxels)
        for (const auto& d : kFace) {
            Index n = v;
            for (int a = 0; a < 3; ++a) n[a] += d[a];
            if (inside(lesions, n) && !lesions.GetPixel(n) && t.brain->GetPixel(n) &&
                std::find(out.begin(), out.end(), n) == out.end()) {
                out.push_back(n);
            }
        }
    return out;
}

// Voxels of the component with a face neighbour outside it.
std::vector<Index> boundary(const Component& c, const MaskVolume& lesions) {
    std::vector<Index> out;
    for (const auto& v : c.voxels)
        for (const auto& d : kFace) {
            Index n = v;
            for (int a = 0; a < 3; ++a) n[a] += d[a];
            if (!inside(lesions, n) || !lesions.GetPixel(n)) {
                out.push_back(v);
                break;
            }
        }
    return out;
}

// Puts a scaled copy of a real lesion shape (or an ellipsoid) into FU; returns the voxels marked.
std::vector<Index> insertLesion(ImageVolume& fu, const MaskVolume& occupied, const Tissue& t,
                                const std::vector<LesionShape>& shapes, const SynthesisOptions& o, Rng& rng) {
    const double targetMl = std::exp(uniform(rng, std::log(o.insertMinMl), std::log(o.insertMaxMl)));
    const LesionShape* shape = shapes.empty() ? nullptr : &shapes[std::uniform_int_distribution<std::size_t>(0, shapes.size() - 1)(rng)];
    double shapeMl = 0.0;
    if (shape) {
        for (itk::ImageRegionConstIterator<MaskVolume> it(shape->mask, shape->mask->GetBufferedRegion()); !it.IsAtEnd(); ++it) {
            shapeMl += it.Get() ? voxelVolumeMl(*shape->mask) : 0.0;
        }
    }
    const double radiusMm = std::cbrt(targetMl * 1000.0 * 3.0 / (4.0 * M_PI));
    const double axes[3] = {radiusMm * uniform(rng, 0.7, 1.3), radiusMm * uniform(rng, 0.7, 1.3), radiusMm * uniform(rng, 0.7, 1.3)};
    const double scale = shape ? std::cbrt(targetMl / std::max(shapeMl, 1e-6)) : 1.0;
    const double faint = uniform(rng, 0.5, 1.0);  // some new lesions are faint
    const double extentMm = 2.0 * (shape ? scale * 20.0 : radiusMm * 1.5) + 2.0;
    PhysicalPointLps shapeCentre;  // centre of the shape's box, physical
    if (shape) {
        const auto& box = shape->mask->GetLargestPossibleRegion();
        itk::ContinuousIndex<double, kDim> mid;
        for (int a = 0; a < 3; ++a) mid[a] = box.GetIndex()[a] + (box.GetSize()[a] - 1) / 2.0;
        shape->mask->TransformContinuousIndexToPhysicalPoint(mid, shapeCentre);
    }
    for (int attempt = 0; attempt < 30; ++attempt) {
        const Index centre = t.nawmVoxels[std::uniform_int_distribution<std::size_t>(0, t.nawmVoxels.size() - 1)(rng)];
        PhysicalPointLps c;
        fu.TransformIndexToPhysicalPoint(centre, c);
        const auto [median, spread] = localTissue(fu, t, centre, 5);
        std::vector<std::pair<Index, float>> voxels;
        std::size_t inTissue = 0;
        long reach[3];
        for (int a = 0; a < 3; ++a) reach[a] = long(std::ceil(extentMm / 2.0 / fu.GetSpacing()[a]));
        for (long k = -reach[2]; k <= reach[2]; ++k)
            for (long j = -reach[1]; j <= reach[1]; ++j)
                for (long i = -reach[0]; i <= reach[0]; ++i) {
                    const Index v{{centre[0] + i, centre[1] + j, centre[2] + k}};
                    if (!inside(fu, v)) continue;
                    PhysicalPointLps p;
                    fu.TransformIndexToPhysicalPoint(v, p);
                    double ratio = 0.0;
                    if (shape) {
                        // Offset from the centre, scaled back into the shape's box (centred).
                        PhysicalPointLps q;
                        for (int a = 0; a < 3; ++a) q[a] = shapeCentre[a] + (p[a] - c[a]) / scale;
                        Index si;
                        if (shape->mask->TransformPhysicalPointToIndex(q, si) && shape->mask->GetPixel(si)) ratio = shape->ratio->GetPixel(si);
                    } else {
                        double r = 0;
                        for (int a = 0; a < 3; ++a) r += (p[a] - c[a]) * (p[a] - c[a]) / (axes[a] * axes[a]);
                        if (r <= 1.0) ratio = 1.25 + 0.15 * (1.0 - r);
                    }
                    if (ratio <= 0.0) continue;
                    ratio = 1.0 + faint * std::max(0.1, ratio - 1.0);
                    voxels.push_back({v, float(median * ratio)});
                    inTissue += t.nawm->GetPixel(v) && !occupied.GetPixel(v);
                }
        if (voxels.empty() || inTissue < 0.8 * voxels.size()) continue;
        // Partial-volume edges: the contrast field (ratio - 1) is smoothed with a binomial kernel
        // (about 0.7 voxel sigma) before it is added; the target is where the smoothed contrast
        // reaches half its peak, i.e. the lesion's visible extent.
        const long n[3] = {2 * reach[0] + 3, 2 * reach[1] + 3, 2 * reach[2] + 3};
        auto at = [&](long i, long j, long k) { return i + n[0] * (j + n[1] * k); };
        std::vector<double> contrast(n[0] * n[1] * n[2], 0.0), tmp(contrast.size());
        for (const auto& [v, value] : voxels) {
            contrast[at(v[0] - centre[0] + reach[0] + 1, v[1] - centre[1] + reach[1] + 1, v[2] - centre[2] + reach[2] + 1)] =
                value / median - 1.0;
        }
        for (int axis = 0; axis < 3; ++axis) {
            for (int pass = 0; pass < 2; ++pass) {
                tmp = contrast;
                for (long k = 0; k < n[2]; ++k)
                    for (long j = 0; j < n[1]; ++j)
                        for (long i = 0; i < n[0]; ++i) {
                            long c[3] = {i, j, k};
                            if (c[axis] == 0 || c[axis] == n[axis] - 1) continue;
                            long lo[3] = {i, j, k}, hi[3] = {i, j, k};
                            --lo[axis];
                            ++hi[axis];
                            contrast[at(i, j, k)] = 0.25 * tmp[at(lo[0], lo[1], lo[2])] + 0.5 * tmp[at(i, j, k)] +
                                                    0.25 * tmp[at(hi[0], hi[1], hi[2])];
                        }
            }
        }
        const double peak = *std::max_element(contrast.begin(), contrast.end());
        std::vector<Index> marked;
        std::normal_distribution<double> noise(0.0, 0.3 * spread);
        for (long k = 0; k < n[2]; ++k)
            for (long j = 0; j < n[1]; ++j)
                for (long i = 0; i < n[0]; ++i) {
                    const double cv = contrast[at(i, j, k)];
                    if (cv < 0.05 * peak) continue;
                    const Index v{{centre[0] + i - reach[0] - 1, centre[1] + j - reach[1] - 1, centre[2] + k - reach[2] - 1}};
                    if (!inside(fu, v)) continue;
                    fu.SetPixel(v, std::max(fu.GetPixel(v), float(median * (1.0 + cv) + noise(rng) * cv / peak)));
                    if (cv >= 0.5 * peak) marked.push_back(v);
                }
        if (marked.empty()) continue;
        return marked;
    }
    return {};
}

// Scan-level nuisance of a real follow-up: gain and gamma, smooth bias field, noise, thick slices.
ImageVolume::Pointer addNuisance(const ImageVolume& image, const Tissue& t, Rng& rng) {
    auto out = copyOf(image);
    const double gamma = uniform(rng, 0.85, 1.15), gain = uniform(rng, 0.7, 1.4);
    const double bias[9] = {uniform(rng, -0.1, 0.1), uniform(rng, -0.1, 0.1), uniform(rng, -0.1, 0.1),
                            uniform(rng, -0.05, 0.05), uniform(rng, -0.05, 0.05), uniform(rng, -0.05, 0.05),
                            uniform(rng, -0.03, 0.03), uniform(rng, -0.03, 0.03), uniform(rng, -0.03, 0.03)};
    const auto size = image.GetLargestPossibleRegion().GetSize();
    std::normal_distribution<double> noise(0.0, uniform(rng, 0.01, 0.04) * t.median);
    const double m = std::max(1e-6, t.median);
    for (itk::ImageRegionIteratorWithIndex<ImageVolume> it(out, out->GetBufferedRegion()); !it.IsAtEnd(); ++it) {
        const auto i = it.GetIndex();
        double u[3];
        for (int a = 0; a < 3; ++a) u[a] = 2.0 * i[a] / std::max<double>(1.0, size[a] - 1.0) - 1.0;  // -1..1
        const double b = bias[0] * u[0] + bias[1] * u[1] + bias[2] * u[2] + bias[3] * u[0] * u[0] + bias[4] * u[1] * u[1] +
                         bias[5] * u[2] * u[2] + bias[6] * u[0] * u[1] + bias[7] * u[1] * u[2] + bias[8] * u[0] * u[2];
        const double x = std::max(0.0f, it.Get());
        it.Set(float(gain * m * std::pow(x / m, gamma) * std::exp(std::clamp(b, -0.2, 0.2)) + noise(rng)));
    }
    // Thick slices (half the time): average along the slice axis as a 2.5-4 mm slab would.
    const double thickness = uniform(rng, 2.5, 4.0);
    if (uniform(rng, 0, 1) < 0.5 && image.GetSpacing()[2] < thickness) {
        auto slab = itk::RecursiveGaussianImageFilter<ImageVolume, ImageVolume>::New();
        slab->SetInput(out);
        slab->SetDirection(2);
        slab->SetSigma(thickness / 2.355);
        slab->Update();
        auto thickGrid = ImageVolume::New();
        thickGrid->CopyInformation(out);
        auto spacing = out->GetSpacing();
        auto gridSize = size;
        gridSize[2] = std::max<itk::SizeValueType>(2, itk::SizeValueType(size[2] * spacing[2] / thickness));
        spacing[2] = size[2] * spacing[2] / gridSize[2];
        thickGrid->SetSpacing(spacing);
        ImageVolume::RegionType region;
        region.SetSize(gridSize);
        thickGrid->SetRegions(region);
        const auto thick = resampleLinear(*slab->GetOutput(), *thickGrid);
        out = resampleLinear(*thick, image, nullptr, 0.0f);
    }
    return out;
}

}  // namespace

std::vector<LesionShape> extractLesionShapes(const ImageVolume& flair, const MaskVolume& lesions) {
    std::vector<LesionShape> shapes;
    const Tissue t = normalTissue(flair, &lesions);
    for (const auto& c : components(lesions)) {
        if (c.voxels.size() < 3) continue;
        Index lo = c.voxels.front(), hi = c.voxels.front();
        for (const auto& v : c.voxels)
            for (int a = 0; a < 3; ++a) {
                lo[a] = std::min(lo[a], v[a]);
                hi[a] = std::max(hi[a], v[a]);
            }
        ImageVolume::RegionType box;
        box.SetIndex(lo);
        for (int a = 0; a < 3; ++a) box.SetSize(a, hi[a] - lo[a] + 1);
        LesionShape s;
        s.mask = MaskVolume::New();
        s.mask->CopyInformation(&lesions);
        s.mask->SetRegions(box);
        s.mask->Allocate(true);
        s.ratio = ImageVolume::New();
        s.ratio->CopyInformation(&flair);
        s.ratio->SetRegions(box);
        s.ratio->Allocate(true);
        const double around = localTissue(flair, t, c.centre, 8).first;
        for (const auto& v : c.voxels) {
            s.mask->SetPixel(v, 1);
            s.ratio->SetPixel(v, float(std::clamp(flair.GetPixel(v) / std::max(around, 1e-6), 1.0, 3.0)));
        }
        shapes.push_back(s);
    }
    return shapes;
}

SyntheticPair synthesisePair(const ImageVolume& flair, const MaskVolume* lesions, const std::vector<LesionShape>& shapes,
                             const SynthesisOptions& o) {
    Rng rng(o.seed);
    const Tissue t = normalTissue(flair, lesions);
    auto bl = copyOf(flair), fu = copyOf(flair);
    SyntheticPair pair;
    pair.newLesions = emptyMaskLike(flair);
    auto occupied = lesions ? copyOf(*lesions) : emptyMaskLike(flair);

    if (lesions) {
        for (const auto& c : components(*lesions)) {
            const double r = uniform(rng, 0, 1);
            if (r < o.removeFraction) {  // absent in BL: the whole lesion is new
                inpaint(*bl, c.voxels, t, rng);
                for (const auto& v : c.voxels) pair.newLesions->SetPixel(v, 1);
                ++pair.removed;
            } else if (r < o.removeFraction + o.enlargeFraction * (1 - o.removeFraction)) {  // grows in FU
                double mean = 0;
                for (const auto& v : c.voxels) mean += flair.GetPixel(v);
                mean /= c.voxels.size();
                for (const auto& v : rim(c, *lesions, t)) {
                    fu->SetPixel(v, float(mean * uniform(rng, 0.85, 1.0)));
                    pair.newLesions->SetPixel(v, 1);
                    occupied->SetPixel(v, 1);
                }
                ++pair.enlarged;
            } else if (r < o.removeFraction + (o.enlargeFraction + o.shrinkFraction) * (1 - o.removeFraction) &&
                       c.voxels.size() > 20) {  // shrinks in FU: NOT a target
                inpaint(*fu, boundary(c, *lesions), t, rng);
                ++pair.shrunk;
            }
        }
    }
    const int inserts = std::uniform_int_distribution<int>(o.insertMin, std::max(o.insertMin, o.insertMax))(rng);
    for (int i = 0; i < inserts; ++i) {
        const auto marked = insertLesion(*fu, *occupied, t, shapes, o, rng);
        for (const auto& v : marked) {
            pair.newLesions->SetPixel(v, 1);
            occupied->SetPixel(v, 1);
        }
        pair.inserted += marked.empty() ? 0 : 1;
    }

    if (o.nuisance) {
        bl = addNuisance(*bl, t, rng);
        fu = addNuisance(*fu, t, rng);
        // Residual misregistration of BL: a rigid motion about the volume centre.
        auto motion = RigidTransform::New();
        itk::ContinuousIndex<double, kDim> mid;
        const auto size = flair.GetLargestPossibleRegion().GetSize();
        for (int a = 0; a < 3; ++a) mid[a] = (size[a] - 1) / 2.0;
        PhysicalPointLps centre;
        flair.TransformContinuousIndexToPhysicalPoint(mid, centre);
        motion->SetCenter(centre);
        itk::Vector<double, 3> axis, shift;
        for (int a = 0; a < 3; ++a) axis[a] = uniform(rng, -1, 1);
        if (axis.GetNorm() < 1e-3) axis[2] = 1;
        pair.rotationDeg = uniform(rng, 0, o.maxRotationDeg);
        motion->SetRotation(axis, pair.rotationDeg * M_PI / 180.0);
        const double shiftMm = uniform(rng, 0, o.maxShiftMm);
        itk::Vector<double, 3> dir;
        for (int a = 0; a < 3; ++a) dir[a] = uniform(rng, -1, 1);
        if (dir.GetNorm() < 1e-3) dir[0] = 1;
        dir.Normalize();
        for (int a = 0; a < 3; ++a) {
            shift[a] = dir[a] * shiftMm;
            pair.shiftMm[a] = shift[a];
        }
        motion->SetTranslation(shift);
        bl = resampleLinear(*bl, flair, motion);
    }
    pair.bl = bl;
    pair.fu = fu;
    std::ostringstream d;
    d << "seed " << o.seed << ": removed " << pair.removed << ", inserted " << pair.inserted << ", enlarged "
      << pair.enlarged << ", shrunk " << pair.shrunk << "; BL moved " << std::sqrt(pair.shiftMm[0] * pair.shiftMm[0] +
      pair.shiftMm[1] * pair.shiftMm[1] + pair.shiftMm[2] * pair.shiftMm[2]) << " mm, " << pair.rotationDeg << " deg";
    pair.description = d.str();
    return pair;
}

}  // namespace lesiondelta
