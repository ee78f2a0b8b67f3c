#pragma once
// One lock for ITK's image file I/O in this process. ITK 5.2's NIfTI reader keeps state in a
// global std::string inside libITKIONIFTI, so two threads reading at once race on it (found by
// ThreadSanitizer in `batch --jobs 2`; cf. InsightSoftwareConsortium/ITK#2003). Reading and
// writing image files (NIfTI, DICOM and the rest) is serialised; work on the images is not.
#include <mutex>

namespace lesiondelta::detail {

inline std::mutex& itkIoMutex() {
    static std::mutex m;
    return m;
}

}  // namespace lesiondelta::detail
