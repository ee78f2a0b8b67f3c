#pragma once
// How the process's C heap treats the large, short-lived blocks of a case: LibTorch's tensors and
// ITK's volumes (tens of MB, made and freed by every layer, every filter and every crop).
//
// glibc's malloc serves a block above its mmap threshold (128 KiB, adapting up to 32 MiB) with a
// mapping of its own and gives it back when freed, so the next block of that size is faulted in
// again page by page, zeroed by the kernel. On the 2-core development VM of 2026-12-01 (an Oxide
// virtual AMD "Turin-like" CPU, AVX-512 with bf16) that was most of the CNN's time: the
// whole-brain inference of a real pair took 26 s in bf16 (20 s of it in the kernel) and of a
// 176^3 one 66 s in fp32; kept in the heap, 5.5-6.7 s and 11 s. tests/bench/heap_reuse measures
// it (crop pair 6.0x, training step 5.6x). Outside glibc it does nothing.
//
// The kept memory is not handed back after a segmentation: a process that segmented holds up to
// its peak (1.3 GB in bf16) until it ends. malloc_trim would return it but holds the heap's lock
// for ~60 ms, which the GUI thread would feel.

namespace lesiondelta::ml {

/// Keeps up to 2 GiB (mallopt's limit) of freed memory at the top of the heap for the next blocks
/// (glibc M_TOP_PAD), serves every block from the heap, also those above glibc's largest mmap
/// threshold of 32 MiB (M_MMAP_MAX 0: without it a long training run with validation spent most
/// of its time faulting such blocks in), and gives every thread started afterwards the same heap
/// (M_ARENA_MAX 1).
/// Process-wide; only the first call acts. Resident memory grows only by what the computation
/// touches (its peak working set: 1.3 GB for a bf16 segmentation here, 1.7 GB in fp32). Called
/// first in the programs' main() and by the CPU users of LibTorch (ChangeSegmenter,
/// PairSynthesizer) for tests and benchmarks. Does nothing when the environment sets
/// LESIONDELTA_HEAP_REUSE=0 (glibc's default behaviour, for comparison).
void keepFreedMemoryInHeap();

}  // namespace lesiondelta::ml
