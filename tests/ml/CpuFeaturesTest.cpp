// CPU feature detection against the kernel's own view (/proc/cpuinfo) and the precision choice
// it drives: bf16 only where it runs on native instructions.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "lesiondelta/ml/ChangeSegmenter.h"
#include "lesiondelta/ml/CpuFeatures.h"

namespace lesiondelta::ml {
namespace {

// The first "flags" line of /proc/cpuinfo as a set; empty where there is none.
std::set<std::string> kernelCpuFlags() {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("flags", 0) == 0) {
            std::istringstream words(line.substr(line.find(':') + 1));
            std::set<std::string> flags;
            for (std::string w; words >> w;) flags.insert(w);
            return flags;
        }
    }
    return {};
}

// Sets an environment variable for one scope and restores it.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old, had_ = true;
        if (value)
            setenv(name, value, 1);
        else
            unsetenv(name);
    }
    ~ScopedEnv() {
        if (had_)
            setenv(name_, old_.c_str(), 1);
        else
            unsetenv(name_);
    }

private:
    const char* name_;
    std::string old_;
    bool had_ = false;
};

TEST(CpuFeatures, AgreeWithTheKernelsCpuFlags) {
#if !defined(__x86_64__)
    GTEST_SKIP() << "x86-64 only";
#endif
    const auto flags = kernelCpuFlags();
    if (flags.empty()) GTEST_SKIP() << "/proc/cpuinfo has no flags line";
    ScopedEnv a("ONEDNN_MAX_CPU_ISA", nullptr), b("DNNL_MAX_CPU_ISA", nullptr);
    const CpuFeatures f = detectCpuFeatures();
    EXPECT_EQ(f.avx2, flags.count("avx2") && flags.count("fma")) << f.describe();
    EXPECT_EQ(f.avx512, flags.count("avx512f") && flags.count("avx512bw") && flags.count("avx512vl")) << f.describe();
    EXPECT_EQ(f.avx512Bf16, f.avx512 && flags.count("avx512_bf16")) << f.describe();
    EXPECT_EQ(f.amxBf16, flags.count("amx_bf16") > 0) << f.describe();
    EXPECT_EQ(f.nativeBf16(), f.avx512Bf16 || f.amxBf16);
    EXPECT_NE(f.model, "");
    EXPECT_NE(f.model, "unknown");
    EXPECT_NE(f.describe().find(f.model), std::string::npos);
}

TEST(CpuFeatures, OnednnIsaLimitBelowBf16TurnsNativeBf16Off) {
    ScopedEnv b("DNNL_MAX_CPU_ISA", nullptr);
    {
        ScopedEnv a("ONEDNN_MAX_CPU_ISA", "AVX2");
        const CpuFeatures f = detectCpuFeatures();
        EXPECT_EQ(f.onednnIsaLimit, "AVX2");
        EXPECT_FALSE(f.nativeBf16());
        EXPECT_NE(f.describe().find("oneDNN limited to AVX2"), std::string::npos) << f.describe();
    }
    CpuFeatures f;
    f.avx512 = f.avx512Bf16 = true;
    for (const char* limit : {"", "ALL", "avx512_core_bf16", "AVX512_CORE_AMX"}) {
        f.onednnIsaLimit = limit;
        EXPECT_TRUE(f.nativeBf16()) << limit;
    }
    for (const char* limit : {"AVX2", "avx512_core", "AVX512_CORE_VNNI", "SSE41"}) {
        f.onednnIsaLimit = limit;
        EXPECT_FALSE(f.nativeBf16()) << limit;
    }
}

CpuFeatures cpuWith(bool bf16) {
    CpuFeatures f;
    f.model = "Test CPU";
    f.avx2 = true;
    f.avx512 = bf16;
    f.avx512Bf16 = bf16;
    return f;
}

TEST(ChoosePrecision, AutoIsBf16OnlyOnACpuWithNativeBf16) {
    const auto native = choosePrecision("auto", torch::kCPU, cpuWith(true));
    EXPECT_EQ(native.precision, Precision::BFloat16);
    EXPECT_NE(native.reason.find("native bf16 (avx512_bf16)"), std::string::npos) << native.reason;
    EXPECT_TRUE(native.warning.empty());

    const auto avx2 = choosePrecision("auto", torch::kCPU, cpuWith(false));
    EXPECT_EQ(avx2.precision, Precision::Float32);
    EXPECT_NE(avx2.reason.find("no native bf16"), std::string::npos) << avx2.reason;
    EXPECT_TRUE(avx2.warning.empty());

    // CUDA: fp32 (whole volume well under a second already; no emulation question).
    const auto cuda = choosePrecision("auto", torch::Device(torch::kCUDA, 0), cpuWith(true));
    EXPECT_EQ(cuda.precision, Precision::Float32);
}

TEST(ChoosePrecision, ExplicitBf16WithoutNativeBf16IsHonouredWithAWarningSayingHowMuchSlower) {
    const auto slow = choosePrecision("bf16", torch::kCPU, cpuWith(false));
    EXPECT_EQ(slow.precision, Precision::BFloat16);
    EXPECT_NE(slow.warning.find("Test CPU"), std::string::npos) << slow.warning;
    EXPECT_NE(slow.warning.find("times SLOWER than in fp32"), std::string::npos) << slow.warning;
    EXPECT_NE(slow.warning.find("--precision auto or fp32"), std::string::npos) << slow.warning;

    EXPECT_TRUE(choosePrecision("bf16", torch::kCPU, cpuWith(true)).warning.empty());
    EXPECT_TRUE(choosePrecision("bf16", torch::Device(torch::kCUDA, 0), cpuWith(false)).warning.empty());
    const auto fp32 = choosePrecision("fp32", torch::kCPU, cpuWith(true));
    EXPECT_EQ(fp32.precision, Precision::Float32);
    EXPECT_TRUE(fp32.warning.empty());
    EXPECT_THROW(choosePrecision("fp16", torch::kCPU, cpuWith(true)), std::invalid_argument);
}

TEST(ChoosePrecision, Bf16UnderAOnednnLimitBelowAvx512IsRefusedWithAClearMessage) {
    CpuFeatures limited = cpuWith(true);
    limited.onednnIsaLimit = "AVX2";
    EXPECT_TRUE(limited.bf16BlockedByOnednnLimit());
    try {
        choosePrecision("bf16", torch::kCPU, limited);
        FAIL() << "bf16 under a oneDNN AVX2 limit on an AVX-512 CPU was accepted";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("oneDNN is limited to AVX2"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("--precision auto or fp32"), std::string::npos) << e.what();
    }
    EXPECT_EQ(choosePrecision("auto", torch::kCPU, limited).precision, Precision::Float32);
    // Without AVX-512 LibTorch never asks oneDNN for bf16: slow, but it runs (a warning, no error).
    CpuFeatures avx2Only = cpuWith(false);
    avx2Only.onednnIsaLimit = "AVX2";
    EXPECT_FALSE(avx2Only.bf16BlockedByOnednnLimit());
    EXPECT_FALSE(choosePrecision("bf16", torch::kCPU, avx2Only).warning.empty());
}

}  // namespace
}  // namespace lesiondelta::ml
