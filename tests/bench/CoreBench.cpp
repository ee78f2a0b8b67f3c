// Times load, registration, resampling, N4 and resolution matching on the shared real pairs and
// prints medians, with the registration's accuracy: on the Ljubljana pairs, the distance between our FU->BL mapping and
// the dataset's own transforms (studyN_FLAIR_to_common_space.txt) over the brain mask.
// Usage: core_bench [repeats=5] [data folder] [--sampling 0.25,0.10,0.05] [--iterations 200,100,40]
//                   [--metric-region brain|head|everywhere]
//                   [--n4-iterations 40] [--n4-levels 3] [--n4-field-shrink 1] [--n4-shrink 4]
// Targets: registration <= 5 s (speed issue) with sub-voxel accuracy; load of a pair < 1 s.
#include <itkImageRegionConstIteratorWithIndex.h>
#include <itkMultiThreaderBase.h>
#include <vnl/algo/vnl_determinant.h>
#include <vnl/algo/vnl_svd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "lesiondelta/core/BiasCorrection.h"
#include "lesiondelta/core/Resampling.h"
#include "lesiondelta/core/ResolutionMatching.h"
#include "lesiondelta/core/RigidRegistration.h"
#include "lesiondelta/core/Standardisation.h"
#include "lesiondelta/core/TransformIO.h"
#include "lesiondelta/core/VolumeIO.h"

namespace fs = std::filesystem;
using namespace lesiondelta;

namespace {

double seconds(const std::function<void()>& f) {
    const auto t = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const auto n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

std::string sizeOf(const ImageVolume& image) {
    const auto s = image.GetLargestPossibleRegion().GetSize();
    return std::to_string(s[0]) + "x" + std::to_string(s[1]) + "x" + std::to_string(s[2]);
}

std::vector<double> numbers(const std::string& list) {
    std::vector<double> v;
    std::stringstream in(list);
    for (std::string x; std::getline(in, x, ',');) v.push_back(std::stod(x));
    return v;
}

struct Accuracy {
    double median = -1, max = -1;
    // The dataset's transforms are affine (scales 0.996-1.005 on pair 03): no rigid mapping can
    // match them everywhere. The best rigid fit to them (least squares over the same points) and
    // its residual give the floor any rigid registration can reach, and how far ours lies from it.
    double floorMedian = -1, floorMax = -1, fromBestMedian = -1, fromBestMax = -1;
};

// Least-squares rigid fit (Kabsch) of q -> t; returns the mapped points of q.
std::vector<itk::Point<double, 3>> bestRigid(const std::vector<itk::Point<double, 3>>& q,
                                             const std::vector<itk::Point<double, 3>>& t) {
    itk::Vector<double, 3> qc, tc;
    qc.Fill(0), tc.Fill(0);
    for (std::size_t i = 0; i < q.size(); ++i)
        for (int a = 0; a < 3; ++a) qc[a] += q[i][a] / q.size(), tc[a] += t[i][a] / t.size();
    vnl_matrix<double> h(3, 3, 0.0);
    for (std::size_t i = 0; i < q.size(); ++i)
        for (int a = 0; a < 3; ++a)
            for (int b = 0; b < 3; ++b) h(a, b) += (q[i][a] - qc[a]) * (t[i][b] - tc[b]);
    vnl_svd<double> svd(h);
    vnl_matrix<double> r = svd.V() * svd.U().transpose();
    if (vnl_determinant(r) < 0) {
        vnl_matrix<double> v = svd.V();
        v.set_column(2, -v.get_column(2));
        r = v * svd.U().transpose();
    }
    std::vector<itk::Point<double, 3>> out(q.size());
    for (std::size_t i = 0; i < q.size(); ++i)
        for (int a = 0; a < 3; ++a) {
            out[i][a] = tc[a];
            for (int b = 0; b < 3; ++b) out[i][a] += r(a, b) * (q[i][b] - qc[b]);
        }
    return out;
}

// Our FU->BL mapping against the dataset's transforms (common -> raw study points), over every
// third brain voxel in x and y of the common space.
Accuracy accuracyAgainstDataset(const fs::path& dir, const RigidTransform& fuToBl) {
    if (!fs::exists(dir / "study1_FLAIR_to_common_space.txt") || !fs::exists(dir / "brainmask.nii.gz")) return {};
    const auto brain = readMask((dir / "brainmask.nii.gz").string());
    const auto commonToBl = readTransform((dir / "study1_FLAIR_to_common_space.txt").string());
    const auto commonToFu = readTransform((dir / "study2_FLAIR_to_common_space.txt").string());
    std::vector<double> d;
    std::vector<itk::Point<double, 3>> fuPoints, blPoints, ours;
    itk::ImageRegionConstIteratorWithIndex<MaskVolume> it(brain, brain->GetBufferedRegion());
    for (; !it.IsAtEnd(); ++it) {
        const auto idx = it.GetIndex();
        if (!it.Get() || idx[0] % 3 || idx[1] % 3) continue;
        PhysicalPointLps c;
        brain->TransformIndexToPhysicalPoint(idx, c);
        fuPoints.push_back(commonToFu->TransformPoint(c));
        blPoints.push_back(commonToBl->TransformPoint(c));
        ours.push_back(fuToBl.TransformPoint(fuPoints.back()));
        d.push_back(blPoints.back().EuclideanDistanceTo(ours.back()));
    }
    if (d.empty()) return {};
    Accuracy a{median(d), *std::max_element(d.begin(), d.end())};
    const auto best = bestRigid(fuPoints, blPoints);
    std::vector<double> floor(d.size()), fromBest(d.size());
    for (std::size_t i = 0; i < d.size(); ++i) {
        floor[i] = best[i].EuclideanDistanceTo(blPoints[i]);
        fromBest[i] = best[i].EuclideanDistanceTo(ours[i]);
    }
    a.floorMedian = median(floor), a.floorMax = *std::max_element(floor.begin(), floor.end());
    a.fromBestMedian = median(fromBest), a.fromBestMax = *std::max_element(fromBest.begin(), fromBest.end());
    return a;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> positional;
    RegistrationOptions options;
    BiasCorrectionOptions n4;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--metric-region" && i + 1 < argc) {
            const std::string r = argv[++i];
            options.metricRegion = r == "head"         ? MetricRegion::Head
                                   : r == "everywhere" ? MetricRegion::Everywhere
                                                       : MetricRegion::Brain;
        } else if (a == "--sampling" && i + 1 < argc) {
            const auto v = numbers(argv[++i]);
            for (std::size_t l = 0; l < 3 && l < v.size(); ++l) options.samplingFraction[l] = v[l];
        } else if (a == "--iterations" && i + 1 < argc) {
            const auto v = numbers(argv[++i]);
            for (std::size_t l = 0; l < 3 && l < v.size(); ++l) options.iterationsPerLevel[l] = unsigned(v[l]);
        } else if (a == "--n4-iterations" && i + 1 < argc) {
            n4.iterationsPerLevel = unsigned(std::atoi(argv[++i]));
        } else if (a == "--n4-shrink" && i + 1 < argc) {
            n4.shrinkFactor = unsigned(std::atoi(argv[++i]));
        } else if (a == "--n4-field-shrink" && i + 1 < argc) {
            n4.fieldShrink = unsigned(std::atoi(argv[++i]));
        } else if (a == "--n4-levels" && i + 1 < argc) {
            n4.fittingLevels = unsigned(std::atoi(argv[++i]));
        } else {
            positional.push_back(a);
        }
    }
    const int repeats = positional.size() > 0 ? std::max(1, std::atoi(positional[0].c_str())) : 5;
    const fs::path data = positional.size() > 1 ? fs::path(positional[1]) : fs::path(LESIONDELTA_SHARED_DATA);
    struct Pair {
        std::string name;
        fs::path bl, fu;
    };
    const std::vector<Pair> pairs = {
        {"ljubljana patient01", data / "ljubljana-longitudinal/patient01/study1_FLAIR.nii.gz",
         data / "ljubljana-longitudinal/patient01/study2_FLAIR.nii.gz"},
        {"ljubljana patient03", data / "ljubljana-longitudinal/patient03/study1_FLAIR.nii.gz",
         data / "ljubljana-longitudinal/patient03/study2_FLAIR.nii.gz"},
        {"fslr pair", data / "fslr-pair/baseline_FLAIR.nii.gz", data / "fslr-pair/followup_FLAIR.nii.gz"},
    };
    std::printf(
        "core_bench: %d repeats per pair, medians in seconds, %u threads; registration sampling %.3g,%.3g,%.3g "
        "iterations %u,%u,%u; N4 %u levels x %u iterations\n",
        repeats, itk::MultiThreaderBase::GetGlobalDefaultNumberOfThreads(), options.samplingFraction[0],
        options.samplingFraction[1], options.samplingFraction[2], options.iterationsPerLevel[0],
        options.iterationsPerLevel[1], options.iterationsPerLevel[2], n4.fittingLevels, n4.iterationsPerLevel);
    std::printf("%-22s %-12s %9s %13s %15s %9s %9s %10s %20s\n", "pair", "FU size", "load pair", "registration",
                "BL->FU resample", "FU->1mm", "N4 (FU)", "res. match", "vs dataset med/max");
    int measured = 0;
    BiasCorrectionOptions n4Reference;  // the earlier default: 3 levels x 40 iterations
    n4Reference.fittingLevels = 3;
    n4Reference.iterationsPerLevel = 40;
    const bool compareN4 = true;  // the shape of the field against 3 x 40 iterations, field at every voxel
    std::string n4Note;
    for (const auto& p : pairs) {
        if (!fs::exists(p.bl) || !fs::exists(p.fu)) {
            std::printf("%-22s skipped: %s not found\n", p.name.c_str(), p.bl.string().c_str());
            continue;
        }
        std::vector<double> load, reg, resample, iso, bias, match;
        ImageVolume::Pointer bl, fu;
        RegistrationResult result;
        for (int i = 0; i < repeats; ++i) {
            load.push_back(seconds([&] {
                bl = readVolume(p.bl.string());
                fu = readVolume(p.fu.string());
            }));
            reg.push_back(seconds([&] { result = registerRigid(*fu, *bl, options); }));
            resample.push_back(seconds([&] { resampleLinear(*bl, *fu, result.fuToBl); }));
            ImageVolume::Pointer fuIso;
            iso.push_back(seconds([&] { fuIso = resampleToIsotropic(*fu, 1.0); }));
            const auto head = headMask(*fuIso);
            ImageVolume::Pointer corrected;
            bias.push_back(seconds([&] { corrected = correctBias(*fuIso, *head, n4); }));
            // Resolution matching of both visits on FU's 1 mm grid (as `segment` does it, there
            // after N4 and standardisation, which do not change what it finds much).
            auto blIso = resampleLinear(*bl, *fuIso, result.fuToBl), fuMatched = fuIso;
            ResolutionMatch matched;
            match.push_back(seconds([&] { matched = matchResolution(blIso, fuMatched, *head); }));
            if (i == 0) {
                char line[256];
                std::snprintf(line, sizeof line,
                              "  %s: resolution matching blurred BL by %.2f/%.2f/%.2f mm and FU by %.2f/%.2f/%.2f mm "
                              "(x/y/z)\n",
                              p.name.c_str(), matched.blSigmaMm[0], matched.blSigmaMm[1], matched.blSigmaMm[2],
                              matched.fuSigmaMm[0], matched.fuSigmaMm[1], matched.fuSigmaMm[2]);
                n4Note += line;
            }
            if (i == 0 && compareN4) {
                // The same scan corrected with the reference settings (3 levels x 40 iterations):
                // how far the faster settings' result lies from it, relative, inside the head.
                const auto reference = correctBias(*fuIso, *head, n4Reference);
                std::vector<double> rel;
                const auto n = fuIso->GetLargestPossibleRegion().GetNumberOfPixels();
                for (std::size_t k = 0; k < n; ++k) {
                    const float r = reference->GetBufferPointer()[k];
                    if (head->GetBufferPointer()[k] && std::abs(r) > 1e-3f)
                        rel.push_back(corrected->GetBufferPointer()[k] / r);
                }
                // N4's field has no fixed scale and standardisation removes one: compare shapes.
                const double scale = median(rel);
                for (auto& x : rel) x = std::abs(x / scale - 1.0);
                std::sort(rel.begin(), rel.end());
                n4Note += "  " + p.name +
                          ": N4 result vs 3 x 40 reference inside the head, up to a scale factor: median " +
                          std::to_string(100 * rel[rel.size() / 2]).substr(0, 5) + " %, 99th percentile " +
                          std::to_string(100 * rel[rel.size() * 99 / 100]).substr(0, 5) + " %\n";
            }
        }
        const auto accuracy = accuracyAgainstDataset(p.fu.parent_path(), *result.fuToBl);
        char acc[64] = "-";
        if (accuracy.median >= 0) {
            std::snprintf(acc, sizeof acc, "%.2f / %.2f mm", accuracy.median, accuracy.max);
            char line[256];
            std::snprintf(line, sizeof line,
                          "  %s: best rigid fit to the dataset's affine maps leaves %.2f / %.2f mm (median / max: the "
                          "floor of any "
                          "rigid registration); ours lies %.2f / %.2f mm from that rigid fit\n",
                          p.name.c_str(), accuracy.floorMedian, accuracy.floorMax, accuracy.fromBestMedian,
                          accuracy.fromBestMax);
            n4Note += line;
        }
        std::printf("%-22s %-12s %9.3f %13.3f %15.3f %9.3f %9.3f %10.3f %20s\n", p.name.c_str(), sizeOf(*fu).c_str(),
                    median(load), median(reg), median(resample), median(iso), median(bias), median(match), acc);
        ++measured;
    }
    std::printf("%s", n4Note.c_str());
    if (!measured) std::printf("no shared real pair found under %s: nothing measured\n", data.string().c_str());
    return 0;
}
