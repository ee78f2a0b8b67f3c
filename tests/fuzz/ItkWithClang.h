// Force-included (-include) before every source of the fuzz build. Debian's ITK 5.2 headers were
// generated for GCC only: itk_compiler_detection.h stops with "Unsupported compiler" under
// clang. This reads that header once while clang poses as GCC 12 (its include guard keeps it from
// being read again); everything else is compiled by clang as clang.
#pragma once
#pragma push_macro("__clang__")
#pragma push_macro("__GNUC__")
#pragma push_macro("__GNUC_MINOR__")
#undef __clang__
#undef __GNUC__
#undef __GNUC_MINOR__
#define __GNUC__ 12
#define __GNUC_MINOR__ 2
#include <itk_compiler_detection.h>
#pragma pop_macro("__GNUC_MINOR__")
#pragma pop_macro("__GNUC__")
#pragma pop_macro("__clang__")
