#pragma once
// glibc serves every allocation over 128 KiB-32 MiB (its adaptive threshold) with a fresh mmap and
// returns it with munmap, so each new volume of a case (tens of MB, made and freed by every
// filter and every CNN crop) is faulted in page by page again: perf showed ~15 % of `segment`'s
// CPU time in the kernel's page-fault and page-clearing paths.
namespace lesiondelta {

/// Keeps allocations up to 32 MiB (a 1 mm float volume of a head) in the heap and freed memory
/// mapped for reuse. Call once at the start of main(); idempotent. segment_bench: see README.
void keepVolumeAllocationsInHeap();

}  // namespace lesiondelta
