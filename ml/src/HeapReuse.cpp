#include "lesiondelta/ml/HeapReuse.h"

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <mutex>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace lesiondelta::ml {

void keepFreedMemoryInHeap() {
#if defined(__GLIBC__)
    static std::once_flag once;
    std::call_once(once, [] {
        if (const char* e = std::getenv("LESIONDELTA_HEAP_REUSE"); e && std::strcmp(e, "0") == 0) return;
        constexpr int kKept = int((std::size_t(2) << 30) - (std::size_t(1) << 20));  // mallopt takes an int
        if (mallopt(M_TOP_PAD, kKept) != 1) return;
        mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's largest allowed threshold on 64-bit
        // Blocks above it (a width-16 layer's output, a 128^3 tile's first level) would still get
        // a mapping each and be faulted in afresh: no mappings at all, every block from the heap.
        mallopt(M_MMAP_MAX, 0);
        // One heap for every thread: another thread's arena grows in heaps of at most 64 MiB, so
        // its larger blocks (a CNN layer's output) would still be mapped and faulted in afresh each
        // time. Threads that allocated before this call keep their arena.
        mallopt(M_ARENA_MAX, 1);
        // The pad applies when the heap next grows: trim its top, then make it grow once, so that
        // the very next large tensor already comes from the heap instead of a mapping of its own.
        malloc_trim(0);
        void* volatile grow = std::malloc(64 << 10);  // volatile: the compiler may not drop the pair
        std::free(grow);
    });
#endif
}

}  // namespace lesiondelta::ml
