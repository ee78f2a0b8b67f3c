// Freed memory kept in the heap (ml/HeapReuse.h): a freed tensor's memory stays in the process for
// the next one, also on another thread. Reads glibc's own accounting (mallinfo2).
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cstdlib>
#include <cstring>
#include <thread>
#include <vector>

#include "lesiondelta/ml/HeapReuse.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

using namespace lesiondelta::ml;

TEST(HeapReuse, AFreedTensorsMemoryStaysForTheNextOneAlsoOnAnotherThread) {
#if !defined(__GLIBC__)
    GTEST_SKIP() << "only glibc's malloc is tuned";
#else
    if (const char* e = std::getenv("LESIONDELTA_HEAP_REUSE"); e && std::strcmp(e, "0") == 0)
        GTEST_SKIP() << "LESIONDELTA_HEAP_REUSE=0 is set";
    constexpr std::size_t kBytes = std::size_t(96) << 20;
    keepFreedMemoryInHeap();
    torch::Tensor t = torch::ones({int64_t(kBytes / sizeof(float))});  // touches every page
    const auto inUse = mallinfo2();
    t.reset();
    const auto afterFree = mallinfo2();
    // glibc's default maps a block this large on its own and unmaps it when freed; kept, it came
    // from the heap and its bytes are free heap space now, ready for the next tensor.
    EXPECT_GE(inUse.uordblks, kBytes) << "the tensor was not served from the heap";
    EXPECT_GE(afterFree.fordblks, kBytes);
    EXPECT_EQ(afterFree.hblkhd, inUse.hblkhd);  // no separately mapped block came or went
    // A worker thread (the GUI's detection) allocates from the same heap: no new memory either.
    std::thread([&] {
        const auto again = torch::ones({int64_t(kBytes / sizeof(float))});
        EXPECT_EQ(mallinfo2().arena, afterFree.arena) << "the second tensor needed new memory from the kernel";
        EXPECT_EQ(mallinfo2().hblkhd, afterFree.hblkhd) << "the second tensor was mapped on its own";
    }).join();
#endif
}

TEST(HeapReuse, ABlockLargerThanTheFreeHeapGrowsTheHeapInsteadOfGettingAMappingOfItsOwn) {
#if !defined(__GLIBC__)
    GTEST_SKIP() << "only glibc's malloc is tuned";
#else
    if (const char* e = std::getenv("LESIONDELTA_HEAP_REUSE"); e && std::strcmp(e, "0") == 0)
        GTEST_SKIP() << "LESIONDELTA_HEAP_REUSE=0 is set";
    keepFreedMemoryInHeap();
    // 3 GiB in blocks of 256 MiB, never touched (address space only): more than the 2 GiB the heap
    // keeps free at its top, so some block finds no room there. glibc would map that one on its
    // own (above its 32 MiB threshold) and unmap it when freed, to be faulted in afresh next time.
    constexpr std::size_t kBlock = std::size_t(256) << 20;
    const auto before = mallinfo2();
    std::vector<void*> blocks;
    for (int i = 0; i < 12; ++i) blocks.push_back(std::malloc(kBlock));
    const auto during = mallinfo2();
    for (void* b : blocks) std::free(b);
    for (void* b : blocks) ASSERT_NE(b, nullptr);
    EXPECT_EQ(during.hblkhd, before.hblkhd) << "a block was mapped on its own";
    EXPECT_GE(during.uordblks, 12 * kBlock);
#endif
}
