#include "lesiondelta/ml/CpuFeatures.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#define LESIONDELTA_X86 1
#endif

namespace lesiondelta::ml {
namespace {

std::string upper(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::toupper(c)); });
    return s;
}

// oneDNN ceilings (its documented ONEDNN_MAX_CPU_ISA values) under which bf16 runs natively.
bool limitAllowsBf16(const std::string& limit) {
    if (limit.empty()) return true;
    const std::string l = upper(limit);
    static const std::array<const char*, 9> allowed{"ALL",
                                                    "DEFAULT",
                                                    "AVX512_CORE_BF16",
                                                    "AVX512_CORE_FP16",
                                                    "AVX512_CORE_AMX",
                                                    "AVX512_CORE_AMX_FP16",
                                                    "AVX10_1_512",
                                                    "AVX10_1_512_AMX",
                                                    "AVX10_1_512_AMX_FP16"};
    return std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return l == a; });
}

#ifdef LESIONDELTA_X86
struct Regs {
    unsigned a = 0, b = 0, c = 0, d = 0;
};
Regs cpuid(unsigned leaf, unsigned sub) {
    Regs r;
    if (!__get_cpuid_count(leaf, sub, &r.a, &r.b, &r.c, &r.d)) r = Regs{};
    return r;
}
std::uint64_t xgetbv0() {
    unsigned lo = 0, hi = 0;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    return (std::uint64_t(hi) << 32) | lo;
}
std::string brand() {
    if (__get_cpuid_max(0x80000000u, nullptr) < 0x80000004u) return "unknown";
    char text[49] = {};
    for (unsigned i = 0; i < 3; ++i) {
        const Regs r = cpuid(0x80000002u + i, 0);
        std::memcpy(text + 16 * i, &r.a, 4);
        std::memcpy(text + 16 * i + 4, &r.b, 4);
        std::memcpy(text + 16 * i + 8, &r.c, 4);
        std::memcpy(text + 16 * i + 12, &r.d, 4);
    }
    std::string s(text);
    const auto first = s.find_first_not_of(' ');
    const auto last = s.find_last_not_of(' ');
    return first == std::string::npos ? "unknown" : s.substr(first, last - first + 1);
}
#endif

}  // namespace

bool CpuFeatures::bf16BlockedByOnednnLimit() const {
    if (!avx512 || onednnIsaLimit.empty()) return false;
    const std::string l = upper(onednnIsaLimit);
    return l == "SSE41" || l == "AVX" || l == "AVX2" || l == "AVX2_VNNI" || l == "AVX2_VNNI_2";
}

bool CpuFeatures::nativeBf16() const { return (avx512Bf16 || amxBf16) && limitAllowsBf16(onednnIsaLimit); }

std::string CpuFeatures::describe() const {
    std::string flags;
    auto add = [&](bool on, const char* name) {
        if (!on) return;
        if (!flags.empty()) flags += ' ';
        flags += name;  // appended in place (GCC 12 warns, falsely, about the temporary's memcpy)
    };
    add(avx2, "avx2");
    add(avx512, "avx512");
    add(avx512Bf16, "avx512_bf16");
    add(amxBf16, "amx_bf16");
    std::string s = model + " [" + (flags.empty() ? "no avx2" : flags) + "]";
    if (!onednnIsaLimit.empty()) s += " (oneDNN limited to " + onednnIsaLimit + ")";
    return s;
}

CpuFeatures detectCpuFeatures() {
    CpuFeatures f;
    f.model = "unknown";
#ifdef LESIONDELTA_X86
    f.model = brand();
    const Regs l1 = cpuid(1, 0);
    const bool osxsave = (l1.c >> 27) & 1u;
    const std::uint64_t xcr0 = osxsave ? xgetbv0() : 0;
    const bool ymm = (xcr0 & 0x6u) == 0x6u;            // SSE + AVX state
    const bool zmm = ymm && (xcr0 & 0xE0u) == 0xE0u;   // opmask + ZMM state
    const bool tiles = (xcr0 & 0x60000u) == 0x60000u;  // AMX TILECFG + TILEDATA
    const bool fma = (l1.c >> 12) & 1u;
    const Regs l7 = cpuid(7, 0);
    const Regs l71 = cpuid(7, 1);
    f.avx2 = ymm && fma && ((l7.b >> 5) & 1u);
    f.avx512 = zmm && ((l7.b >> 16) & 1u) && ((l7.b >> 30) & 1u) && ((l7.b >> 31) & 1u);
    f.avx512Bf16 = f.avx512 && ((l71.a >> 5) & 1u);
    // Linux grants AMX tile state on request (oneDNN asks); XCR0 shows whether the OS supports it.
    f.amxBf16 = tiles && ((l7.d >> 22) & 1u);
#endif
    for (const char* name : {"ONEDNN_MAX_CPU_ISA", "DNNL_MAX_CPU_ISA"}) {
        if (const char* v = std::getenv(name); v && *v) {
            f.onednnIsaLimit = v;
            break;
        }
    }
    return f;
}

const CpuFeatures& cpuFeatures() {
    static const CpuFeatures features = detectCpuFeatures();
    return features;
}

}  // namespace lesiondelta::ml
