// lesiondelta-cli end to end: verbs, outputs and one-line errors, on files the tests write.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "CliRunner.h"
#include "TestImages.h"
#include "TinyAtlas.h"
#include "lesiondelta/core/VolumeChecks.h"
#include "lesiondelta/core/VolumeIO.h"
#include "lesiondelta/ml/TrainingAtlas.h"

using namespace lesiondelta;
using namespace lesiondelta::test;

namespace {

bool oneLine(const std::string& s) { return !s.empty() && s.find('\n') == s.size() - 1; }

// A small synthetic pair: FU = phantom, BL = phantom shifted by 3 mm and scaled, other grid.
void writePair(const TempDir& dir) {
    auto fu = makeImage<ImageVolume>({64, 72, 30}, {2.2, 2.2, 4.0}, {-70, -78, -58});
    fillPhysical(*fu, headPhantom);
    auto bl = makeImage<ImageVolume>({70, 70, 40}, {2.0, 2.3, 3.0}, {-69, -80, -60});
    fillPhysical(*bl, [](const PhysicalPointLps& p) {
        PhysicalPointLps q = p;
        q[0] -= 3.0;
        return 1.7 * headPhantom(q);
    });
    writeVolume(*fu, dir.file("fu.nii.gz"));
    writeVolume(*bl, dir.file("bl.nii.gz"));
}

MaskVolume::Pointer blankMask() { return makeImage<MaskVolume>({20, 20, 20}, {1, 1, 1}); }

TEST(Cli, VersionPrintsTheProjectVersion) {
    const auto r = cli("--version");
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_EQ(r.out.rfind("lesiondelta-cli ", 0), 0u) << r.out;
}

TEST(Cli, HelpListsEveryVerb) {
    // The verbs the program dispatches (--verbs reads the same table) against the verbs --help
    // documents (its usage lines: two spaces, the verb, a space): the same set, none missing.
    const auto verbs = cli("--verbs");
    ASSERT_EQ(verbs.exitCode, 0);
    std::set<std::string> dispatched, documented;
    std::istringstream v(verbs.out);
    for (std::string line; std::getline(v, line);)
        if (!line.empty()) dispatched.insert(line);
    const auto help = cli("--help");
    EXPECT_EQ(help.exitCode, 0);
    std::istringstream h(help.out);
    const std::regex usage("^  ([a-z]+) .*");
    for (std::string line; std::getline(h, line);) {
        std::smatch m;
        if (std::regex_match(line, m, usage)) documented.insert(m[1]);
    }
    EXPECT_GE(dispatched.size(), 13u);
    EXPECT_EQ(dispatched, documented);
    for (const auto& verb : dispatched) {
        const auto r = cli(verb);  // no options: a usage error of that verb, never "unknown verb"
        EXPECT_EQ(r.err.find("unknown verb"), std::string::npos) << verb << ": " << r.err;
    }
}

TEST(Cli, UnknownVerbAndMissingOptionsAreUsageErrors) {
    const auto unknown = cli("frobnicate");
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_TRUE(oneLine(unknown.err)) << unknown.err;
    const auto missing = cli("register --bl x.nii.gz");
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_NE(missing.err.find("--fu"), std::string::npos) << missing.err;
    const auto badNumber = cli("lesions --mask m.nii.gz --min-ml abc");
    EXPECT_EQ(badNumber.exitCode, 2);
    EXPECT_NE(badNumber.err.find("not a number"), std::string::npos) << badNumber.err;
}

TEST(Cli, RegisterWritesBlOnTheFuGridTheTransformAndASummary) {
    TempDir dir;
    writePair(dir);
    const auto r =
        cli("register --bl " + dir.file("bl.nii.gz") + " --fu " + dir.file("fu.nii.gz") + " --out " + dir.file("out"));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto blInFu = readVolume(dir.file("out/bl_in_fu.nii.gz"));
    EXPECT_TRUE(sameGrid(*blInFu, *readVolume(dir.file("fu.nii.gz"))));
    EXPECT_NE(slurp(dir.file("out/bl_to_fu.tfm")).find("VersorRigid3DTransform"), std::string::npos);
    const auto summary = nlohmann::json::parse(slurp(dir.file("out/summary.json")));
    EXPECT_GT(summary["alignment_check"]["ncc_after"].get<double>(),
              summary["alignment_check"]["ncc_before"].get<double>());
    EXPECT_LT(summary["registration"]["final_metric"].get<double>(), 0.0);
    for (const char* stage : {"load_images_s", "registration_s", "alignment_check_s", "writing_s"}) {
        EXPECT_TRUE(summary["timings"].contains(stage)) << stage;
    }
    // The 3 mm shift along x is recovered (FU point p maps to BL point p + 3 mm in x).
    const auto t = summary["registration"]["translation_mm"];
    EXPECT_NEAR(t[0].get<double>(), 3.0, 0.5);
}

TEST(Cli, LesionsPrintsOneCsvRowPerLesionAndJsonOnRequest) {
    TempDir dir;
    auto mask = blankMask();
    paintBox(*mask, {1, 1, 1}, {4, 4, 4});        // 64 voxels = 0.064 ml
    paintBox(*mask, {10, 10, 10}, {12, 12, 10});  // 9 voxels: below 0.01 ml
    writeMask(*mask, dir.file("m.nii.gz"));
    const auto csv = cli("lesions --mask " + dir.file("m.nii.gz"));
    ASSERT_EQ(csv.exitCode, 0) << csv.err;
    EXPECT_EQ(std::count(csv.out.begin(), csv.out.end(), '\n'), 2) << csv.out;  // header + 1 lesion
    EXPECT_NE(csv.out.find("\n1,64,0.064,"), std::string::npos) << csv.out;
    const auto all = cli("lesions --json --min-ml 0 --mask " + dir.file("m.nii.gz"));
    ASSERT_EQ(all.exitCode, 0) << all.err;
    const auto j = nlohmann::json::parse(all.out);
    EXPECT_EQ(j["count"].get<int>(), 2);
    EXPECT_NEAR(j["total_volume_ml"].get<double>(), 0.073, 1e-9);
}

TEST(Cli, EvaluateGivesPerRaterMeanAndInterRaterMetricsWithNullWhereUndefined) {
    TempDir dir;
    auto pred = blankMask(), rater1 = blankMask(), rater2 = blankMask();
    paintBox(*pred, {2, 2, 2}, {4, 4, 4});
    paintBox(*pred, {14, 14, 14}, {16, 16, 16});  // FP for both raters
    paintBox(*rater1, {2, 2, 2}, {4, 4, 4});
    writeMask(*pred, dir.file("pred.nii.gz"));
    writeMask(*rater1, dir.file("r1.nii.gz"));
    writeMask(*rater2, dir.file("r2.nii.gz"));  // this rater found nothing
    const auto r = cli("evaluate --pred " + dir.file("pred.nii.gz") + " --ref " + dir.file("r1.nii.gz") + " --ref " +
                       dir.file("r2.nii.gz"));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j["per_rater"].size(), 2u);
    EXPECT_DOUBLE_EQ(j["per_rater"][0]["sensitivity"].get<double>(), 1.0);
    EXPECT_DOUBLE_EQ(j["per_rater"][0]["dice"].get<double>(), 1.0);
    EXPECT_EQ(j["per_rater"][0]["fp_count"].get<int>(), 1);
    EXPECT_TRUE(j["per_rater"][1]["sensitivity"].is_null());
    EXPECT_EQ(j["per_rater"][1]["fp_count"].get<int>(), 2);
    EXPECT_DOUBLE_EQ(j["mean_over_raters"]["sensitivity"].get<double>(), 1.0);
    EXPECT_DOUBLE_EQ(j["mean_over_raters"]["fp_count"].get<double>(), 1.5);
    EXPECT_TRUE(j.contains("inter_rater"));
}

TEST(Cli, EvaluateSweepsThresholdsOverProbabilityMapsAndNamesTheBestF1) {
    TempDir dir;
    auto probability = makeImage<ImageVolume>({20, 20, 20}, {1, 1, 1});
    paintBox(*probability, {1, 1, 1}, {3, 3, 3}, 0.9f);       // lesion A, sure
    paintBox(*probability, {8, 1, 1}, {10, 3, 3}, 0.5f);      // lesion B, less sure
    paintBox(*probability, {1, 12, 12}, {3, 14, 14}, 0.35f);  // no lesion
    paintBox(*probability, {12, 12, 1}, {14, 14, 3}, 0.6f);   // no lesion, fairly sure
    auto reference = blankMask();
    paintBox(*reference, {1, 1, 1}, {3, 3, 3});
    paintBox(*reference, {8, 1, 1}, {10, 3, 3});
    writeVolume(*probability, dir.file("p.nii.gz"));
    writeMask(*reference, dir.file("r.nii.gz"));
    std::ofstream(dir.file("cases.csv")) << "case,probability,reference\none,p.nii.gz,r.nii.gz\n";
    const auto r = cli("evaluate --cases " + dir.file("cases.csv") + " --thresholds 0.3,0.4,0.55,0.7 --json " +
                       dir.file("sweep.json"));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    // F1 = 2 found / (2 found + missed + FP): 0.3 -> 4/6, 0.4 -> 4/5, 0.55 -> 2/4, 0.7 -> 2/3.
    EXPECT_NE(r.out.find("best lesion-wise F1 0.800 at threshold 0.40"), std::string::npos) << r.out;
    const auto j = nlohmann::json::parse(slurp(dir.file("sweep.json")));
    EXPECT_DOUBLE_EQ(j["chosen"].get<double>(), 0.4);
    ASSERT_EQ(j["thresholds"].size(), 4u);
    EXPECT_DOUBLE_EQ(j["thresholds"][0]["false_positives"].get<double>(), 2.0);
    EXPECT_DOUBLE_EQ(j["thresholds"][2]["sensitivity"].get<double>(), 0.5);
    EXPECT_NEAR(j["thresholds"][3]["f1"].get<double>(), 2.0 / 3.0, 1e-12);
    EXPECT_EQ(cli("evaluate --cases " + dir.file("cases.csv") + " --thresholds 0.4,1.5").exitCode, 2);
}

TEST(Cli, EvaluateReadsLstChangeLabelsAsIncreaseOnly) {
    TempDir dir;
    auto labels = makeImage<LabelVolume>({20, 20, 20}, {1, 1, 1});
    paintBox(*labels, {2, 2, 2}, {4, 4, 4}, 3);        // increase: counts
    paintBox(*labels, {10, 10, 10}, {12, 12, 12}, 1);  // decrease: ignored
    paintBox(*labels, {15, 2, 2}, {17, 4, 4}, 2);      // no change: ignored
    writeLabels(*labels, dir.file("lst.nii.gz"));
    auto rater = blankMask();
    paintBox(*rater, {2, 2, 2}, {4, 4, 4});
    writeMask(*rater, dir.file("r.nii.gz"));
    const auto r = cli("evaluate --pred-lst " + dir.file("lst.nii.gz") + " --ref " + dir.file("r.nii.gz"));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["per_rater"][0]["predicted_lesions"].get<int>(), 1);
    EXPECT_EQ(j["per_rater"][0]["fp_count"].get<int>(), 0);
    EXPECT_DOUBLE_EQ(j["per_rater"][0]["dice"].get<double>(), 1.0);
}

TEST(Cli, SynthWritesPairsFromAnAtlasDeterministically) {
    TempDir dir;
    ml::saveAtlas(lesiondelta::testing::tinyAtlas(), dir.file("atlas.safetensors"));
    const std::string args = "synth --atlas " + dir.file("atlas.safetensors") + " --count 2 --crop 32 --seed 3 --out ";
    const auto a = cli(args + dir.file("a")), b = cli(args + dir.file("b"));
    ASSERT_EQ(a.exitCode, 0) << a.err;
    ASSERT_EQ(b.exitCode, 0) << b.err;
    EXPECT_EQ(a.out, b.out.substr(0, b.out.find("wrote")) + a.out.substr(a.out.find("wrote")));
    for (const char* f : {"bl.nii.gz", "fu.nii.gz", "new_lesions.nii.gz"}) {
        const auto v = readVolume(dir.file(std::string("a/pair002/") + f));
        EXPECT_EQ(v->GetLargestPossibleRegion().GetSize()[0], 32u) << f;
        EXPECT_DOUBLE_EQ(v->GetSpacing()[2], 1.0) << f;
    }
    const auto info = nlohmann::json::parse(slurp(dir.file("a/synth.json")));
    EXPECT_EQ(info["seed"], 3);
    ASSERT_EQ(info["pairs"].size(), 2u);
    const auto fuA = readVolume(dir.file("a/pair001/fu.nii.gz")), fuB = readVolume(dir.file("b/pair001/fu.nii.gz"));
    EXPECT_FLOAT_EQ(fuA->GetPixel({{16, 16, 16}}), fuB->GetPixel({{16, 16, 16}}));
}

TEST(Cli, AtlasRefusesTheRealTestPair) {
    TempDir dir;
    const auto r = cli("atlas --data " + dir.file("data") + " --out " + dir.file("a.safetensors") + " --real-pair 03");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("pair 03 is the test pair"), std::string::npos) << r.err;
    EXPECT_FALSE(std::ifstream(dir.file("a.safetensors")).good());
}

TEST(Cli, SynthAndTrainNameAnUnusableAtlas) {
    TempDir dir;
    std::ofstream(dir.file("atlas.safetensors")) << "not an atlas";
    const auto s = cli("synth --atlas " + dir.file("atlas.safetensors") + " --out " + dir.file("o"));
    EXPECT_EQ(s.exitCode, 1);
    EXPECT_NE(s.err.find(dir.file("atlas.safetensors") + ": is not a lesiondelta-atlas file"), std::string::npos)
        << s.err;
    const auto t =
        cli("train --atlas " + dir.file("atlas.safetensors") + " --out " + dir.file("run") + " --device cpu");
    EXPECT_EQ(t.exitCode, 1);
    EXPECT_NE(t.err.find(dir.file("atlas.safetensors")), std::string::npos) << t.err;
}

TEST(Cli, TrainRunsOnAnAtlasAndRefusesUnavailableOptions) {
    TempDir dir;
    ml::saveAtlas(lesiondelta::testing::tinyAtlas(), dir.file("atlas.safetensors"));
    const std::string base =
        "train --atlas " + dir.file("atlas.safetensors") + " --out " + dir.file("run") +
        " --width 2 --crop 32 --steps 4 --validation-pairs 2 --validate-every 2 --checkpoint-every 2";
    const auto r = cli(base + " --device cpu");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("trained to step 4"), std::string::npos) << r.out;
    EXPECT_NE(r.err.find("validation at step 2"), std::string::npos) << r.err;
    EXPECT_TRUE(std::ifstream(dir.file("run/checkpoint.safetensors")).good());
    // Resuming a finished run does nothing more; a longer schedule continues it.
    const auto more = cli(base + " --device cpu --resume auto --steps 6");
    ASSERT_EQ(more.exitCode, 0) << more.err;
    EXPECT_NE(more.out.find("trained to step 6"), std::string::npos) << more.out;
    const auto bf16 = cli(base + " --device cpu --bf16");
    EXPECT_EQ(bf16.exitCode, 2);
    EXPECT_NE(bf16.err.find("--bf16 needs --device cuda"), std::string::npos) << bf16.err;
    // Real steps need an atlas with a real pair; the lesion fractions must fit in one.
    const auto real = cli(base + " --device cpu --real-every 4");
    EXPECT_EQ(real.exitCode, 2);
    EXPECT_NE(real.err.find("--real-every needs an atlas with a real pair"), std::string::npos) << real.err;
    const auto fractions = cli(base + " --device cpu --brighten-fraction 0.7 --stable-insert-fraction 0.5");
    EXPECT_EQ(fractions.exitCode, 2);
    EXPECT_NE(fractions.err.find("add up to more than 1"), std::string::npos) << fractions.err;
    const auto protocol = cli(base + " --device cpu --protocol-change-fraction 1.5");
    EXPECT_EQ(protocol.exitCode, 2);
    EXPECT_NE(protocol.err.find("--protocol-change-fraction"), std::string::npos) << protocol.err;
    if (!torch::cuda::is_available()) {
        const auto cuda = cli(base + " --device cuda");
        EXPECT_EQ(cuda.exitCode, 1);
        EXPECT_NE(cuda.err.find("CUDA was requested"), std::string::npos) << cuda.err;
    }
}

TEST(Cli, MissingInputIsAOneLineErrorNamingTheFile) {
    TempDir dir;
    const auto r = cli("lesions --mask " + dir.file("absent.nii.gz"));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(oneLine(r.err)) << r.err;
    EXPECT_NE(r.err.find(dir.file("absent.nii.gz") + ": file not found"), std::string::npos) << r.err;
}

TEST(Cli, FileThatIsNotAnImageIsAOneLineError) {
    TempDir dir;
    std::ofstream(dir.file("fu.nii.gz")) << "hello";
    writePair(dir);  // writes a real bl.nii.gz (and overwrites fu); make fu bad again
    std::ofstream(dir.file("fu.nii.gz")) << "hello";
    const auto r =
        cli("register --bl " + dir.file("bl.nii.gz") + " --fu " + dir.file("fu.nii.gz") + " --out " + dir.file("o"));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(oneLine(r.err)) << r.err;
    EXPECT_NE(r.err.find(dir.file("fu.nii.gz")), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir.file("o/bl_in_fu.nii.gz")));
}

TEST(Cli, BaselineWithoutContrastCannotBeRegisteredAndIsNamed) {
    TempDir dir;
    writePair(dir);
    auto flat = makeImage<ImageVolume>({30, 30, 20}, {2, 2, 4});
    flat->FillBuffer(7.0f);
    writeVolume(*flat, dir.file("flat.nii.gz"));
    const auto r =
        cli("register --bl " + dir.file("flat.nii.gz") + " --fu " + dir.file("fu.nii.gz") + " --out " + dir.file("o"));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find(dir.file("flat.nii.gz") + ": has no contrast"), std::string::npos) << r.err;
}

TEST(Cli, ReferenceMaskThatCannotBeMappedIsNamed) {
    TempDir dir;
    writeMask(*blankMask(), dir.file("pred.nii.gz"));
    auto far = makeImage<MaskVolume>({20, 20, 20}, {1, 1, 1}, {900, 0, 0});
    writeMask(*far, dir.file("far.nii.gz"));
    const auto r = cli("evaluate --pred " + dir.file("pred.nii.gz") + " --ref " + dir.file("far.nii.gz"));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find(dir.file("far.nii.gz")), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("cannot be mapped"), std::string::npos) << r.err;
}

TEST(Cli, RegistersTheBundledSampleCase) {
    const std::string sample = LESIONDELTA_SAMPLE_DIR;
    TempDir dir;
    const auto r = cli("register --bl " + sample + "/study1_FLAIR.nii.gz --fu " + sample +
                       "/study2_FLAIR.nii.gz --out " + dir.file("o"));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto summary = nlohmann::json::parse(slurp(dir.file("o/summary.json")));
    // Real pair: alignment inside the head improves clearly.
    EXPECT_GT(summary["alignment_check"]["ncc_after"].get<double>(),
              summary["alignment_check"]["ncc_before"].get<double>() + 0.2);
}

}  // namespace
