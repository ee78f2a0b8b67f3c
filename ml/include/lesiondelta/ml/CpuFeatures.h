#pragma once
// What this CPU can do for the CNN, read at run time (CPUID and XGETBV on x86-64): which vector
// and bfloat16 instructions exist, and whether oneDNN (LibTorch's CPU convolutions) may use them.
#include <string>

namespace lesiondelta::ml {

struct CpuFeatures {
    std::string model;        // e.g. "AMD EPYC 9R14" (the brand string; "unknown" elsewhere)
    bool avx2 = false;        // AVX2 and FMA, usable (OS saves the YMM state)
    bool avx512 = false;      // AVX-512 F/BW/VL, usable (OS saves the ZMM state)
    bool avx512Bf16 = false;  // AVX512_BF16 (Cooper Lake, Sapphire Rapids, Zen 4 and later)
    bool amxBf16 = false;     // AMX-BF16 tiles (Sapphire Rapids and later)
    /// oneDNN's ISA ceiling from ONEDNN_MAX_CPU_ISA / DNNL_MAX_CPU_ISA ("" when unset). oneDNN
    /// reads it once per process; it caps what the instructions above are worth.
    std::string onednnIsaLimit;

    /// True when bf16 convolutions run on native instructions: AVX512_BF16 or AMX-BF16 present
    /// and not excluded by the oneDNN ceiling. Without them oneDNN emulates bf16 and a CNN pass
    /// is many times slower than fp32.
    bool nativeBf16() const;
    /// True when LibTorch would hand bf16 convolutions to oneDNN (AVX-512 present) but the oneDNN
    /// ceiling lies below AVX-512, so oneDNN refuses them ("could not create a primitive").
    bool bf16BlockedByOnednnLimit() const;
    /// One line for logs and summaries: model and the flags above.
    std::string describe() const;
};

/// This machine's features (cached after the first call; the environment is read then).
const CpuFeatures& cpuFeatures();

/// Reads the features now (for tests: the oneDNN ceiling comes from the current environment).
CpuFeatures detectCpuFeatures();

}  // namespace lesiondelta::ml
