#include "lesiondelta/pipeline/SeriesAnalysis.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>

#include "lesiondelta/core/BrainMask.h"
#include "lesiondelta/core/PairSimilarity.h"
#include "lesiondelta/core/RigidRegistration.h"
#include "lesiondelta/core/TransformIO.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/core/VolumeIO.h"
#include "lesiondelta/pipeline/Plausibility.h"
#include "lesiondelta/pipeline/ResultText.h"
#include "lesiondelta/pipeline/SegmentationPipeline.h"

namespace fs = std::filesystem;

namespace lesiondelta {

namespace {

/// A label as a file-name part: letters, digits, '-' and '.', the rest '_'.
std::string safe(const std::string& label) {
    std::string out = label;
    for (char& c : out)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.') c = '_';
    return out;
}

/// `file` exists and was written after every one of `inputs`.
bool newerThan(const fs::path& file, const std::vector<std::string>& inputs) {
    std::error_code ec;
    const auto t = fs::last_write_time(file, ec);
    if (ec) return false;
    for (const auto& in : inputs) {
        const auto ti = fs::last_write_time(in, ec);
        if (ec || ti > t) return false;
    }
    return true;
}

/// What decides whether an interval's stored result can be reused.
nlohmann::json intervalStamp(const SeriesInput& in, const SeriesVisit& from, const SeriesVisit& to) {
    return {{"bl", from.flair},
            {"fu", to.flair},
            {"detector", in.detector},
            {"model", in.detector == "cnn" ? in.settings.modelPath : ""},
            {"threshold", in.settings.threshold},
            {"min_lesion_ml", in.settings.minLesionMl}};
}

/// Reference -> visit (reference fixed, visit moving), from OUT/visits/ when it is there.
SpatialTransform::ConstPointer registerToReference(const SeriesInput& in, const ImageVolume& reference,
                                                   const SeriesVisit& referenceVisit, const ImageVolume& scan,
                                                   const SeriesVisit& visit, const ProgressCallback& progress) {
    const fs::path file =
        fs::path(in.outDir) / "visits" / (safe(visit.label) + "_from_" + safe(referenceVisit.label) + ".tfm");
    if (!in.force && newerThan(file, {visit.flair, referenceVisit.flair})) {
        try {
            return readTransform(file.string()).GetPointer();
        } catch (const VolumeError&) {
            // unreadable: registered again below
        }
    }
    RegistrationOptions options;
    options.progress = progress;
    const auto r = registerRigid(reference, scan, options);
    fs::create_directories(file.parent_path());
    writeTransform(*r.fuToBl, file.string());
    return r.fuToBl.GetPointer();
}

/// The pair check's agreement of a visit with the reference after registration, kept beside its
/// transform (OUT/visits/*.json): computing it costs more than reading a visit.
double agreementWithReference(const SeriesInput& in, const ImageVolume& reference, const SeriesVisit& referenceVisit,
                              const ImageVolume& inReference, const SeriesVisit& visit) {
    const fs::path base = fs::path(in.outDir) / "visits" / (safe(visit.label) + "_from_" + safe(referenceVisit.label));
    const fs::path file = base.string() + ".json", transform = base.string() + ".tfm";
    if (!in.force && newerThan(file, {visit.flair, referenceVisit.flair, transform.string()})) {
        try {
            std::ifstream kept(file);
            return nlohmann::json::parse(kept).at("alignment_agreement").get<double>();
        } catch (const std::exception&) {
            // unreadable: measured again below
        }
    }
    const double agreement = alignmentAgreement(reference, inReference);
    writeTextAtomically(file.string(), nlohmann::json{{"alignment_agreement", agreement}}.dump() + "\n");
    return agreement;
}

/// The interval's two scans as the detectors take them: no reading and no registration of their
/// own, BL's map to FU composed from both visits' registrations to the reference.
std::shared_ptr<const RegisteredPair> pairThroughReference(const SeriesResult& out, const SeriesInterval& interval,
                                                           const std::vector<ImageVolume::Pointer>& scans) {
    auto pair = std::make_shared<RegisteredPair>();
    pair->bl = scans[interval.from];
    pair->fu = scans[interval.to];
    pair->registration.fuToBl = composeThroughReference(out.visits[interval.from].referenceToVisit.GetPointer(),
                                                        out.visits[interval.to].referenceToVisit.GetPointer());
    pair->blInFu = resampleLinear(*pair->bl, *pair->fu, pair->registration.fuToBl);
    // The CNN's search region comes from FU's brain estimate on FU's own grid, as after a pair
    // registration (estimated on the 1 mm grid instead, the series found none of the
    // pair workflow's 2 lesions on real pair 01).
    pair->registration.fuBrain = brainMask(*pair->fu);
    pair->composedThroughReference = true;
    return pair;
}

void measureInterval(const SeriesInput& in, SeriesResult& out, SeriesInterval& interval,
                     const std::vector<ImageVolume::Pointer>& scans, const ProgressCallback& progress) {
    const auto& from = out.visits[interval.from].visit;
    const auto& to = out.visits[interval.to].visit;
    const ResultsFolder folder(interval.folder);
    const fs::path stampFile = fs::path(interval.folder) / "series_interval.json";
    const auto stamp = intervalStamp(in, from, to);
    MaskVolume::Pointer mask;
    nlohmann::json summary;
    bool fresh = false;
    if (!in.force && folder.hasCnnResult() && newerThan(stampFile, {from.flair, to.flair})) {
        try {
            std::ifstream s(stampFile);
            if (nlohmann::json::parse(s) == stamp) {
                mask = readMask(folder.newLesions().string());
                summary = folder.readSummary();
                interval.reused = true;
            }
        } catch (const std::exception&) {
            mask = nullptr;  // damaged: computed again
        }
    }
    if (!mask) {
        SegmentationInput pair = in.settings;
        pair.blPath = from.flair;
        pair.fuPath = to.flair;
        pair.blSeriesUid = from.dicomSeriesUid;
        pair.fuSeriesUid = to.dicomSeriesUid;
        pair.registered = pairThroughReference(out, interval, scans);
        pair.progress = progress;
        SegmentationResult r = in.detector == "subtraction" ? runSubtractionBaseline(pair) : runSegmentation(pair);
        folder.write(r);
        writeTextAtomically(stampFile.string(), stamp.dump(2) + "\n");
        mask = r.newLesions;
        summary = r.summary;
        for (const auto& w : r.warnings) {
            interval.warnings.push_back(w.message);
            interval.unreliable |= w.unreliable;
        }
        fresh = true;
    }
    if (!fresh && summary.is_object() && summary.contains("warnings") && summary["warnings"].is_array()) {
        for (const auto& w : summary["warnings"]) {
            interval.warnings.push_back(w.value("message", ""));
            interval.unreliable |= w.value("unreliable", false);
        }
    }
    // The mask lies on the later visit's grid; the course is counted on the reference grid.
    interval.inReference =
        resampleNearest(*mask, *out.referenceScan, out.visits[interval.to].referenceToVisit.GetPointer());
    // The detector counted its findings (summary.json); counted again only for an older result.
    const auto counted =
        summary.is_object() && summary.contains("new_lesions") ? summary["new_lesions"].value("count", -1) : -1;
    interval.findings = counted >= 0 ? std::size_t(counted) : lesionTable(*mask, in.settings.minLesionMl).size();
}

}  // namespace

SeriesResult analyseSeries(const SeriesInput& in) {
    if (in.detector != "cnn" && in.detector != "subtraction")
        throw VolumeError("", "unknown detector \"" + in.detector + "\" (cnn or subtraction)");
    SeriesResult out;
    out.series = in.series;
    const auto& visits = in.series.visits;
    const int n = int(visits.size());
    for (const auto& v : visits) {
        SeriesVisitState state;
        state.visit = v;
        out.visits.push_back(state);
    }

    // Shares of the progress bar: reading and registering the visits, then the detections.
    const double registrationShare = 0.3;
    auto report = [&](double f, const std::string& stage) {
        if (in.progress && !in.progress(f, stage)) throw Cancelled();
    };

    // 1. Read every visit; the reference must be readable.
    std::vector<ImageVolume::Pointer> scans(n);
    for (int i = 0; i < n; ++i) {
        report(registrationShare * i / (2.0 * n), "loading");
        try {
            ReadOptions options;
            options.dicomSeriesUid = visits[i].dicomSeriesUid;
            scans[i] = readVolume(visits[i].flair, options);
        } catch (const VolumeError& e) {
            out.visits[i].error = e.what();
        }
    }
    if (!in.reference.empty()) {
        out.reference = findVisit(in.series, in.reference);
        if (out.reference < 0)
            throw VolumeError(in.series.folder, "has no visit \"" + in.reference + "\" to use as the reference");
        if (!scans[out.reference]) throw VolumeError(visits[out.reference].flair, out.visits[out.reference].error);
    } else {
        for (int i = n - 1; i >= 0 && out.reference < 0; --i)
            if (scans[i]) out.reference = i;
        if (out.reference < 0) throw VolumeError(in.series.folder, "none of its visits could be read");
    }
    out.referenceScan = scans[out.reference];
    if (in.keepVisitsInReference) out.visits[out.reference].inReference = out.referenceScan;

    // 2. Every other readable visit registered once to the reference; a pair of scans that do
    // not agree after registration (another patient, a failed registration) is flagged.
    for (int i = 0; i < n; ++i) {
        if (!scans[i] || i == out.reference) continue;
        const double f0 = registrationShare * (0.5 + i / (2.0 * n)),
                     f1 = registrationShare * (0.5 + (i + 1) / (2.0 * n));
        try {
            auto& state = out.visits[i];
            state.referenceToVisit = registerToReference(in, *out.referenceScan, visits[out.reference], *scans[i],
                                                         visits[i], progressShare(in.progress, f0, f1));
            const auto inReference = resampleLinear(*scans[i], *out.referenceScan, state.referenceToVisit.GetPointer());
            state.alignmentAgreement =
                agreementWithReference(in, *out.referenceScan, visits[out.reference], *inReference, visits[i]);
            state.warnings = checkAlignment(state.alignmentAgreement, visits[i].flair, visits[out.reference].flair);
            if (in.keepVisitsInReference) state.inReference = inReference;
        } catch (const Cancelled&) {
            throw;
        } catch (const std::exception& e) {
            out.visits[i].error = std::string("cannot be registered to the reference visit: ") + e.what();
            scans[i] = nullptr;
        }
    }

    // 3. Consecutive readable visits make the intervals.
    std::vector<int> usable;
    for (int i = 0; i < n; ++i)
        if (scans[i]) usable.push_back(i);
    if (usable.size() < 2) throw VolumeError(in.series.folder, "fewer than two of its visits could be read");
    for (std::size_t k = 0; k + 1 < usable.size(); ++k) {
        SeriesInterval interval;
        interval.from = usable[k];
        interval.to = usable[k + 1];
        interval.days = daysBetween(visits[interval.from].date, visits[interval.to].date);
        interval.folder = (fs::path(in.outDir) / "intervals" /
                           (safe(visits[interval.from].label) + "_to_" + safe(visits[interval.to].label)))
                              .string();
        out.intervals.push_back(interval);
    }
    // The scans stay in memory: the detectors take them with maps composed through the reference
    // (each visit read and registered once).

    // 4. Detection per interval, reused where OUT holds it.
    const std::size_t m = out.intervals.size();
    for (std::size_t k = 0; k < m; ++k) {
        const double f0 = registrationShare + (1 - registrationShare) * k / m;
        const double f1 = registrationShare + (1 - registrationShare) * (k + 1) / m;
        auto& interval = out.intervals[k];
        for (const int v : {interval.from, interval.to})
            for (const auto& w : out.visits[v].warnings) {
                interval.warnings.push_back(w.message);
                interval.unreliable |= w.unreliable;
            }
        try {
            measureInterval(in, out, interval, scans, progressShare(in.progress, f0, f1));
        } catch (const Cancelled&) {
            throw;
        } catch (const std::exception& e) {
            out.intervals[k].error = e.what();
        }
        // The pair's own check may repeat the one against the reference: each message once.
        std::vector<std::string> unique;
        for (auto& w : interval.warnings)
            if (std::find(unique.begin(), unique.end(), w) == unique.end()) unique.push_back(std::move(w));
        interval.warnings = std::move(unique);
    }

    // 5. Lesion identities through the course.
    std::vector<MaskVolume::ConstPointer> masks;
    for (const auto& interval : out.intervals) masks.push_back(interval.inReference.GetPointer());
    if (std::none_of(masks.begin(), masks.end(), [](const auto& mk) { return bool(mk); }))
        throw VolumeError(in.series.folder, "no interval could be measured: " + out.intervals.front().error);
    out.course = trackLesions(masks, in.tracking);
    report(1.0, "done");
    return out;
}

}  // namespace lesiondelta
