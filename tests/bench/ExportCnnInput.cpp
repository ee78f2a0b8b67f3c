// Writes the CNN inputs of a real pair as raw buffers for ml_crop_bench on a machine without ITK:
//   export_cnn_input BL FU OUTDIR  ->  OUTDIR/{bl.f16, fu.f16, head.u8, size.txt}
// (1 mm, FU space, z-scored; x fastest; little-endian IEEE half floats, to halve what travels).
#include <torch/torch.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "lesiondelta/core/VolumeIO.h"
#include "lesiondelta/pipeline/SegmentationPipeline.h"

using namespace lesiondelta;

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: export_cnn_input BL FU OUTDIR\n");
        return 2;
    }
    try {
        const auto bl = readVolume(argv[1]);
        const auto fu = readVolume(argv[2]);
        const auto reg = registerRigid(*fu, *bl);
        const auto in = prepareCnnInput(*bl, *fu, *reg.fuToBl);
        const std::filesystem::path out(argv[3]);
        std::filesystem::create_directories(out);
        const auto size = in.fu->GetLargestPossibleRegion().GetSize();
        const std::size_t n = in.fu->GetLargestPossibleRegion().GetNumberOfPixels();
        std::ofstream(out / "size.txt") << size[0] << " " << size[1] << " " << size[2] << "\n";
        for (const auto& [name, image] : {std::pair{"bl.f16", in.bl}, std::pair{"fu.f16", in.fu}}) {
            const auto half =
                torch::from_blob(image->GetBufferPointer(), {int64_t(n)}, torch::kFloat32).to(torch::kHalf);
            std::ofstream(out / name, std::ios::binary).write(static_cast<const char*>(half.data_ptr()), n * 2);
        }
        std::ofstream(out / "head.u8", std::ios::binary)
            .write(reinterpret_cast<const char*>(in.head->GetBufferPointer()), n);
        std::printf("wrote %s (%lux%lux%lu)\n", out.string().c_str(), size[0], size[1], size[2]);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
    return 0;
}
