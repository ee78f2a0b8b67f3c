#include "lesiondelta/ml/HeapReuse.h"

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <mutex>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace lesiondelta::ml {

namespace {
std::mutex keptMutex;
std::size_t kept = 0;
}  // namespace

void keepFreedMemoryInHeap(std::size_t bytes) {
#if defined(__GLIBC__)
    if (const char* e = std::getenv("LESIONDELTA_HEAP_REUSE"); e && std::strcmp(e, "0") == 0) return;
    bytes = std::min<std::size_t>(bytes, INT_MAX);
    const std::lock_guard lock(keptMutex);
    if (bytes <= kept) return;
    if (mallopt(M_TOP_PAD, int(bytes)) != 1) return;
    kept = bytes;
    mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's largest allowed threshold on 64-bit
    // One heap for every thread: another thread's arena grows in heaps of at most 64 MiB, so its
    // larger blocks (a CNN layer's output) would still be mapped and faulted in afresh each time.
    // Threads that allocated before this call keep their arena.
    mallopt(M_ARENA_MAX, 1);
    // The pad applies when the heap next grows: trim its top, then make it grow once, so that the
    // very next large tensor already comes from the heap instead of a mapping of its own.
    malloc_trim(0);
    void* volatile grow = std::malloc(64 << 10);  // volatile: the compiler may not drop the pair
    std::free(grow);
#else
    (void)bytes;
#endif
}

}  // namespace lesiondelta::ml
