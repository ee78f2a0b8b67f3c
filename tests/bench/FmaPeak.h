#pragma once
// This CPU's measured single-precision peak: a tiny loop of independent fused multiply-adds on
// every core (AVX-512 where present, else AVX2+FMA, else scalar), so that a CNN's achieved
// GFLOP/s can be quoted as a fraction of what this machine can do at all.
#include <immintrin.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "lesiondelta/ml/CpuFeatures.h"

namespace lesiondelta::bench {

namespace detail {

constexpr long kFmaIterations = 20'000'000;

// GCC 12's _mm512_reduce_add_ps starts from an undefined register on purpose and -Wuninitialized
// reports it (a false positive inside the compiler's own header).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuninitialized"
__attribute__((target("avx512f"))) inline float fmaLoop512(float seed) {
    __m512 acc[10];
    for (auto& a : acc) a = _mm512_set1_ps(seed);
    const __m512 m = _mm512_set1_ps(0.999999f), c = _mm512_set1_ps(1e-7f);
    for (long i = 0; i < kFmaIterations; ++i)
        for (auto& a : acc) a = _mm512_fmadd_ps(a, m, c);
    __m512 s = acc[0];
    for (int k = 1; k < 10; ++k) s = _mm512_add_ps(s, acc[k]);
    return _mm512_reduce_add_ps(s);
}
#pragma GCC diagnostic pop

__attribute__((target("avx2,fma"))) inline float fmaLoop256(float seed) {
    __m256 acc[10];
    for (auto& a : acc) a = _mm256_set1_ps(seed);
    const __m256 m = _mm256_set1_ps(0.999999f), c = _mm256_set1_ps(1e-7f);
    for (long i = 0; i < kFmaIterations; ++i)
        for (auto& a : acc) a = _mm256_fmadd_ps(a, m, c);
    float out[8];
    __m256 s = acc[0];
    for (int k = 1; k < 10; ++k) s = _mm256_add_ps(s, acc[k]);
    _mm256_storeu_ps(out, s);
    float r = 0;
    for (float x : out) r += x;
    return r;
}

}  // namespace detail

struct FmaPeak {
    double gflops = 0.0;  // all cores together
    const char* isa = "scalar";
};

/// Runs the loop on `threads` threads (each 20 M iterations of 10 independent vector FMAs),
/// `rounds` times, and keeps the fastest round: a peak, on a machine others may share.
inline FmaPeak measureFmaPeak(unsigned threads = std::max(1u, std::thread::hardware_concurrency()), int rounds = 7) {
    const auto& cpu = ml::cpuFeatures();  // the project's one CPU detection (OS state included)
    const bool avx512 = cpu.avx512;
    const bool avx2 = cpu.avx2;
    if (!avx512 && !avx2) return {};
    const double lanes = avx512 ? 16 : 8;
    std::atomic<float> sink{0};
    double best = 1e30;
    for (int round = 0; round < rounds; ++round) {
        const auto t0 = std::chrono::steady_clock::now();
        std::vector<std::thread> pool;
        for (unsigned t = 0; t < threads; ++t) {
            pool.emplace_back([&, t] {
                const float r = avx512 ? detail::fmaLoop512(float(t)) : detail::fmaLoop256(float(t));
                sink.store(r);
            });
        }
        for (auto& th : pool) th.join();
        best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    const double flops = 2.0 * lanes * 10.0 * double(detail::kFmaIterations) * threads;
    return {flops / best / 1e9, avx512 ? "avx512 fma" : "avx2 fma"};
}

}  // namespace lesiondelta::bench
