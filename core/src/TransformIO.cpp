#include "lesiondelta/core/TransformIO.h"

#include <itkMatrixOffsetTransformBase.h>
#include <itkTransformFactory.h>
#include <itkTransformFileReader.h>

#include <filesystem>
#include <mutex>

#include "lesiondelta/core/VolumeError.h"

namespace lesiondelta {

SpatialTransform::Pointer readTransform(const std::string& path, bool inverse) {
    static std::once_flag registered;
    std::call_once(registered,
                   [] { itk::TransformFactory<itk::MatrixOffsetTransformBase<double, 3, 3>>::RegisterTransform(); });
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) throw VolumeError(path, "transform file not found");
    auto reader = itk::TransformFileReaderTemplate<double>::New();
    reader->SetFileName(path);
    try {
        reader->Update();
    } catch (const itk::ExceptionObject& e) {
        std::string reason = e.GetDescription();
        if (const auto nl = reason.find('\n'); nl != std::string::npos) reason.resize(nl);
        throw VolumeError(path, "is not a readable ITK transform file: " + reason);
    }
    const auto* list = reader->GetTransformList();
    if (list->empty()) throw VolumeError(path, "holds no transform");
    auto* t = dynamic_cast<SpatialTransform*>(list->front().GetPointer());
    if (!t) throw VolumeError(path, "holds a transform that is not 3D to 3D");
    if (!inverse) return t;
    auto inv = t->GetInverseTransform();
    if (!inv) throw VolumeError(path, "holds a transform that cannot be inverted");
    auto* out = dynamic_cast<SpatialTransform*>(inv.GetPointer());
    if (!out) throw VolumeError(path, "holds a transform whose inverse is not 3D to 3D");
    return out;
}

}  // namespace lesiondelta
