#pragma once
// Removes a test's scratch folder with POSIX nftw() rather than std::filesystem::remove_all:
// PyTorch's LibTorch wheels (2.5 and later) export a statically linked copy of libstdc++'s
// std::filesystem, and a test binary linked to them binds remove_all to that copy, which crashes
// (pytorch/pytorch#133437; seen with LibTorch 2.11 on the GPU machine).
#include <ftw.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

namespace lesiondelta::testing {

inline void removeTree(const std::filesystem::path& folder) {
    nftw(
        folder.c_str(),
        [](const char* path, const struct stat*, int, struct FTW*) {
            std::remove(path);  // best effort, like a temp folder's cleanup
            return 0;
        },
        16, FTW_DEPTH | FTW_PHYS);
}

}  // namespace lesiondelta::testing
