// libFuzzer harness: importing a rater mask or an LST change-label image (readMask / readLabels,
// lstIncreaseMask, mapMaskToGrid onto a FU grid): the path every mask a user adds to a case
// takes, through ITK's NIfTI reader. Any input must end in a mask or a VolumeError - no crash,
// no sanitizer report, no hang, no unbounded allocation.
#include <itkNiftiImageIOFactory.h>
#include <unistd.h>

#include <cstdint>
#include <fstream>
#include <string>

#include "lesiondelta/core/MaskImport.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/core/VolumeIO.h"

namespace {

lesiondelta::ImageVolume::Pointer fuGrid() {
    auto grid = lesiondelta::ImageVolume::New();
    grid->SetRegions(lesiondelta::ImageVolume::SizeType{{32, 32, 16}});
    const double spacing[] = {1.0, 1.0, 2.0};
    grid->SetSpacing(spacing);
    const double origin[] = {-16.0, -16.0, -16.0};
    grid->SetOrigin(origin);
    return grid;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    itk::NiftiImageIOFactory::RegisterOneFactory();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string path = "/tmp/lesiondelta-fuzz-mask-" + std::to_string(getpid()) + ".nii";
    static const auto grid = fuGrid();
    std::ofstream(path, std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(data), std::streamsize(size));
    try {
        const auto mask = lesiondelta::readMask(path);
        lesiondelta::mapMaskToGrid(*mask, *grid, path);
    } catch (const lesiondelta::VolumeError&) {
        // refused with a message: fine
    }
    try {
        const auto lst = lesiondelta::lstIncreaseMask(*lesiondelta::readLabels(path));
        lesiondelta::mapMaskToGrid(*lst, *grid, path);
    } catch (const lesiondelta::VolumeError&) {
    }
    return 0;
}
