#include "lesiondelta/pipeline/Plausibility.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <sstream>

#include "lesiondelta/core/ResolutionMatching.h"
#include "lesiondelta/pipeline/ReportCaseLoader.h"

namespace fs = std::filesystem;

namespace lesiondelta {
namespace {

std::string fixed(double v, int digits) {
    std::ostringstream s;
    s.setf(std::ios::fixed);
    s.precision(digits);
    s << v;
    return s.str();
}

double voxelMm3(const ImageVolume& v) {
    const auto sp = v.GetSpacing();
    return sp[0] * sp[1] * sp[2];
}

double thickestMm(const ImageVolume& v) {
    const auto sp = v.GetSpacing();
    return std::max({sp[0], sp[1], sp[2]});
}

bool sameVoxels(const ImageVolume& a, const ImageVolume& b) {
    if (a.GetLargestPossibleRegion().GetSize() != b.GetLargestPossibleRegion().GetSize()) return false;
    const std::size_t n = a.GetLargestPossibleRegion().GetNumberOfPixels();
    return std::memcmp(a.GetBufferPointer(), b.GetBufferPointer(), n * sizeof(float)) == 0;
}

/// YYYYMMDD from "2024-01-10", "20240110" or "2024-01-10T08:00:00"; empty when not a date.
std::string dayKey(const std::string& date) {
    std::string digits;
    for (char c : date) {
        if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
        if (digits.size() == 8) break;
    }
    return digits.size() == 8 ? digits : std::string();
}

}  // namespace

std::vector<PlausibilityWarning> checkPairInputs(const std::string& blPath, const std::string& fuPath,
                                                 const ImageVolume& bl, const ImageVolume& fu) {
    std::vector<PlausibilityWarning> w;
    std::error_code ec;
    if (fs::equivalent(blPath, fuPath, ec) || sameVoxels(bl, fu)) {
        w.push_back({"same_scan",
                     "BL and FU are the same scan (" + fs::path(fuPath).filename().string() +
                         "): there is no follow-up to compare, so no lesion can be new; check the chosen files.",
                     true});
    }
    const double volumeRatio = std::max(voxelMm3(bl), voxelMm3(fu)) / std::min(voxelMm3(bl), voxelMm3(fu));
    const double thicknessRatio = std::max(thickestMm(bl), thickestMm(fu)) / std::min(thickestMm(bl), thickestMm(fu));
    if (volumeRatio > 3.0 || thicknessRatio > 3.0) {
        w.push_back({"resolution",
                     "BL and FU have very different resolutions (voxels of " + fixed(voxelMm3(bl), 2) + " and " +
                         fixed(voxelMm3(fu), 2) + " mm3, thickest axis " + fixed(thickestMm(bl), 1) + " and " +
                         fixed(thickestMm(fu), 1) +
                         " mm): partial-volume differences can look like new or "
                         "vanished small lesions; read small detections with care.",
                     false});
    }
    return w;
}

namespace {

// The anatomical axis a grid axis runs along most nearly (its direction cosine in LPS).
std::string anatomicalAxis(const ImageVolume& grid, int axis) {
    const auto d = grid.GetDirection();
    int best = 0;
    for (int c = 1; c < 3; ++c)
        if (std::abs(d[c][axis]) > std::abs(d[best][axis])) best = c;
    static const char* names[3] = {"left-right", "front-back", "head-foot"};
    return names[best];
}

}  // namespace

std::vector<PlausibilityWarning> checkResolutionMatch(const ResolutionMatch& match, const ImageVolume& grid) {
    if (!match.changed()) return {};
    std::string what;
    for (int a = 0; a < 3; ++a) {
        for (const auto& [visit, sigma] : {std::pair{"BL", match.blSigmaMm[a]}, std::pair{"FU", match.fuSigmaMm[a]}}) {
            if (sigma <= 0) continue;
            if (!what.empty()) what += ", ";
            what +=
                std::string(visit) + " by " + fixed(sigma, 1) + " mm along the " + anatomicalAxis(grid, a) + " axis";
        }
    }
    return {{"resolution_matched",
             "BL and FU were acquired with different sharpness (another slice thickness or slice direction). "
             "Before the comparison the sharper scan was blurred to match the other (" +
                 what +
                 "), so that partial-volume differences are not taken for new lesions; faint new lesions smaller "
                 "than that blur are harder to see. Read small detections with care.",
             false}};
}

std::vector<PlausibilityWarning> checkScanDates(const CaseFolder& pair) {
    const auto info = scanInfo(pair);
    auto text = [&](const char* key) {
        return info.contains(key) && info[key].is_string() ? info[key].get<std::string>() : std::string();
    };
    const std::string bl = dayKey(text("bl_date")), fu = dayKey(text("fu_date"));
    if (bl.empty() || fu.empty()) return {};
    if (fu < bl) {
        return {{"fu_before_bl",
                 "FU is dated before BL (" + text("fu_date") + " < " + text("bl_date") +
                     "): the scans are probably swapped, so lesions that vanished would be reported as new.",
                 true}};
    }
    if (fu == bl) {
        return {{"same_day",
                 "BL and FU were acquired on the same day (" + text("bl_date") +
                     "): any difference is measurement variation, not disease activity.",
                 false}};
    }
    return {};
}

std::vector<PlausibilityWarning> checkAlignment(double agreement, const std::string& blPath,
                                                const std::string& fuPath) {
    if (!(agreement < kPlausibleAgreement)) return {};
    return {{"alignment",
             "BL and FU agree poorly after registration (local correlation " + fixed(agreement, 2) +
                 " inside the head; same-patient FLAIR pairs reach 0.7-0.9, also across a change of scanner). "
                 "They may be scans of different "
                 "patients or of different contrasts, or the registration failed: treat any detection as "
                 "unreliable. BL: " +
                 blPath + ", FU: " + fuPath,
             true}};
}

std::vector<PlausibilityWarning> checkResult(double newLesionMl, double headMl) {
    const bool tooMuch =
        newLesionMl > kImplausibleNewLesionMl || (headMl > 0 && newLesionMl > kImplausibleHeadFraction * headMl);
    if (!tooMuch) return {};
    return {{"implausible_result",
             "The CNN marked " + fixed(newLesionMl, 1) + " ml as new or enlarging (" +
                 fixed(headMl > 0 ? 100.0 * newLesionMl / headMl : 0.0, 1) +
                 " % of the head): far more than one follow-up interval of MS usually brings. A scanner or "
                 "protocol change, an artefact or a wrong pairing is more likely; check the images.",
             true}};
}

bool anyUnreliable(const std::vector<PlausibilityWarning>& warnings) {
    return std::any_of(warnings.begin(), warnings.end(), [](const auto& w) { return w.unreliable; });
}

}  // namespace lesiondelta
