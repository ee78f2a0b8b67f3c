#include "lesiondelta/core/HeapTuning.h"

#include <malloc.h>

namespace lesiondelta {

void keepVolumeAllocationsInHeap() {
#ifdef __GLIBC__
    // 32 MiB is glibc's largest allowed mmap threshold on 64-bit; larger blocks still use mmap.
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    // Freed heap memory stays mapped up to 1 GiB (peak memory is otherwise unchanged).
    mallopt(M_TRIM_THRESHOLD, 1024 * 1024 * 1024);
#endif
}

}  // namespace lesiondelta
