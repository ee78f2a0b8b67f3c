#include "lesiondelta/core/RigidRegistration.h"

#include <itkCenteredTransformInitializer.h>
#include <itkCommand.h>
#include <itkImageMaskSpatialObject.h>
#include <itkImageRegionConstIterator.h>
#include <itkImageRegistrationMethodv4.h>
#include <itkMatrixOffsetTransformBase.h>
#include <itkMattesMutualInformationImageToImageMetricv4.h>
#include <itkRegistrationParameterScalesFromPhysicalShift.h>
#include <itkRegularStepGradientDescentOptimizerv4.h>
#include <itkTransformFileWriter.h>

#include <chrono>
#include <cmath>

#include "lesiondelta/core/AtomicWrite.h"
#include "lesiondelta/core/BrainMask.h"
#include "lesiondelta/core/Standardisation.h"
#include "lesiondelta/core/VolumeChecks.h"
#include "lesiondelta/core/VolumeError.h"

namespace lesiondelta {
namespace {

using Metric = itk::MattesMutualInformationImageToImageMetricv4<ImageVolume, ImageVolume>;
using Optimizer = itk::RegularStepGradientDescentOptimizerv4<double>;
using Registration = itk::ImageRegistrationMethodv4<ImageVolume, ImageVolume, RigidTransform>;
constexpr unsigned int kLevels = 3;
constexpr double kLevelTargetSpacingMm[kLevels] = {4.0, 2.0, 0.0};  // 0 = native resolution
constexpr double kLevelSmoothingMm[kLevels] = {2.0, 1.0, 0.0};

// Reports progress after each optimizer iteration and turns a cancel answer into ITK's abort.
class ProgressObserver : public itk::Command {
public:
    using Self = ProgressObserver;
    using Pointer = itk::SmartPointer<Self>;
    itkNewMacro(Self);
    void setup(const ProgressCallback* cb, const RegistrationOptions* opts, const Registration* reg) {
        callback_ = cb;
        options_ = opts;
        registration_ = reg;
    }
    void Execute(itk::Object* caller, const itk::EventObject& event) override {
        Execute(static_cast<const itk::Object*>(caller), event);
    }
    void Execute(const itk::Object* caller, const itk::EventObject&) override {
        ++iterations;
        if (!callback_ || !*callback_) return;
        const auto* optimizer = static_cast<const Optimizer*>(caller);
        const unsigned int level = registration_->GetCurrentLevel();
        double done = 0.0, total = 0.0;
        for (unsigned int l = 0; l < kLevels; ++l) total += options_->iterationsPerLevel[l];
        for (unsigned int l = 0; l < level; ++l) done += options_->iterationsPerLevel[l];
        done += optimizer->GetCurrentIteration();
        if (!(*callback_)(std::min(1.0, done / total), "registration")) throw itk::ProcessAborted();
    }
    unsigned int iterations = 0;

private:
    const ProgressCallback* callback_ = nullptr;
    const RegistrationOptions* options_ = nullptr;
    const Registration* registration_ = nullptr;
};

// Resets the iteration budget of the optimizer at the start of every level.
class LevelObserver : public itk::Command {
public:
    using Self = LevelObserver;
    using Pointer = itk::SmartPointer<Self>;
    itkNewMacro(Self);
    void setup(Registration* reg, Optimizer* opt, const RegistrationOptions* opts) {
        registration_ = reg;
        optimizer_ = opt;
        options_ = opts;
    }
    void Execute(const itk::Object*, const itk::EventObject&) override {}
    void Execute(itk::Object*, const itk::EventObject&) override {
        const unsigned int level = registration_->GetCurrentLevel();
        if (level + 1 < kLevels) optimizer_->SetNumberOfIterations(options_->iterationsPerLevel[level + 1]);
    }

private:
    Registration* registration_ = nullptr;
    Optimizer* optimizer_ = nullptr;
    const RegistrationOptions* options_ = nullptr;
};

}  // namespace

RegistrationResult registerRigid(const ImageVolume& fu, const ImageVolume& bl, const RegistrationOptions& options) {
    checkHasContrast(fu, "FU");
    checkHasContrast(bl, "BL");
    const auto start = std::chrono::steady_clock::now();

    auto initial = RigidTransform::New();
    using Initializer = itk::CenteredTransformInitializer<RigidTransform, ImageVolume, ImageVolume>;
    auto initializer = Initializer::New();
    initializer->SetTransform(initial);
    initializer->SetFixedImage(&fu);
    initializer->SetMovingImage(&bl);
    initializer->MomentsOn();  // copes with different fields of view better than the grid centres
    initializer->InitializeTransform();

    auto metric = Metric::New();
    metric->SetNumberOfHistogramBins(options.histogramBins);
    metric->SetUseMovingImageGradientFilter(false);
    metric->SetUseFixedImageGradientFilter(false);
    MaskVolume::ConstPointer fuRegion;
    if (options.metricRegion != MetricRegion::Everywhere) {
        // The metric samples only FU's brain (or head): air, neck and scalp, whose appearance
        // changes between visits, do not pull the alignment (issue 17, section 5). BL gets no
        // mask: a moving mask cuts the brain's edge differently in BL and biased a phantom
        // pair's alignment (SegmentTest's unchanged pair then showed false changes).
        const bool brain = options.metricRegion == MetricRegion::Brain;
        BrainMaskOptions maskOptions;
        maskOptions.cancelled = [&] { return options.progress && !options.progress(0.0, "registration"); };
        fuRegion = brain ? (options.fuBrain ? options.fuBrain : MaskVolume::ConstPointer(brainMask(fu, maskOptions)))
                         : MaskVolume::ConstPointer(headMask(fu));
        if (maskOptions.cancelled()) throw Cancelled();
        auto fixedMask = itk::ImageMaskSpatialObject<kDim>::New();
        fixedMask->SetImage(fuRegion);
        fixedMask->Update();
        metric->SetFixedImageMask(fixedMask);
    }

    auto scales = itk::RegistrationParameterScalesFromPhysicalShift<Metric>::New();
    scales->SetMetric(metric);

    auto optimizer = Optimizer::New();
    optimizer->SetScalesEstimator(scales);
    optimizer->SetLearningRate(options.initialStep);  // first step, shrunk on every reversal
    optimizer->SetMinimumStepLength(options.minimumStep);
    optimizer->SetRelaxationFactor(0.5);
    optimizer->SetGradientMagnitudeTolerance(1e-8);
    optimizer->SetDoEstimateLearningRateOnce(false);
    optimizer->SetDoEstimateLearningRateAtEachIteration(false);
    optimizer->SetNumberOfIterations(options.iterationsPerLevel[0]);
    optimizer->SetReturnBestParametersAndValue(true);

    auto registration = Registration::New();
    registration->SetFixedImage(&fu);
    registration->SetMovingImage(&bl);
    registration->SetMetric(metric);
    registration->SetOptimizer(optimizer);
    registration->SetInitialTransform(initial);
    registration->InPlaceOn();
    registration->SetNumberOfLevels(kLevels);
    registration->SetSmoothingSigmasAreSpecifiedInPhysicalUnits(true);
    Registration::SmoothingSigmasArrayType sigmas(kLevels);
    Registration::MetricSamplingPercentageArrayType sampling(kLevels);
    for (unsigned int l = 0; l < kLevels; ++l) {
        sigmas[l] = kLevelSmoothingMm[l];
        // Per-axis shrink factors so that thick-slice axes are not shrunk as much as in-plane ones.
        Registration::ShrinkFactorsPerDimensionContainerType factors;
        double voxels = 1.0;  // of the fixed image at this level
        for (unsigned int d = 0; d < kDim; ++d) {
            const double sp = fu.GetSpacing()[d];
            factors[d] = std::max(1u, static_cast<unsigned int>(std::lround(kLevelTargetSpacingMm[l] / sp)));
            voxels *= std::ceil(double(fu.GetLargestPossibleRegion().GetSize()[d]) / factors[d]);
        }
        sampling[l] = std::min(1.0, std::max(options.samplingFraction[l], options.minimumSamples / voxels));
        registration->SetShrinkFactorsPerDimension(l, factors);
    }
    registration->SetSmoothingSigmasPerLevel(sigmas);
    registration->SetMetricSamplingStrategy(Registration::MetricSamplingStrategyEnum::RANDOM);
    registration->SetMetricSamplingPercentagePerLevel(sampling);
    registration->MetricSamplingReinitializeSeed(static_cast<int>(options.randomSeed));

    auto progress = ProgressObserver::New();
    progress->setup(&options.progress, &options, registration);
    optimizer->AddObserver(itk::IterationEvent(), progress);
    auto levels = LevelObserver::New();
    levels->setup(registration, optimizer, &options);
    registration->AddObserver(itk::MultiResolutionIterationEvent(), levels);

    try {
        registration->Update();
    } catch (const itk::ProcessAborted&) {
        throw Cancelled();
    } catch (const itk::ExceptionObject& e) {
        std::string reason = e.GetDescription();
        if (const auto nl = reason.find('\n'); nl != std::string::npos) reason.resize(nl);
        throw VolumeError("", "BL and FU cannot be registered: " + reason);
    }

    RegistrationResult result;
    result.fuToBl = RigidTransform::New();
    result.fuToBl->SetFixedParameters(registration->GetOutput()->Get()->GetFixedParameters());
    result.fuToBl->SetParameters(registration->GetOutput()->Get()->GetParameters());
    result.finalMetric = optimizer->GetValue();
    if (options.metricRegion == MetricRegion::Brain) result.fuBrain = fuRegion;
    result.iterations = progress->iterations;
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!std::isfinite(result.finalMetric) || result.finalMetric >= 0.0) {
        throw VolumeError("",
                          "BL and FU cannot be registered: no shared information was found "
                          "(do they show the same head?)");
    }
    return result;
}

void writeTransform(const RigidTransform& transform, const std::string& path) {
    writeAtomically(path, [&](const std::string& temp) {
        auto writer = itk::TransformFileWriterTemplate<double>::New();
        writer->SetInput(&transform);
        writer->SetFileName(temp);
        try {
            writer->Update();
        } catch (const itk::ExceptionObject& e) {
            throw VolumeError(path, std::string("cannot be written: ") + e.GetDescription());
        }
    });
}

double normalisedCorrelation(const ImageVolume& a, const ImageVolume& b, const MaskVolume* mask) {
    itk::ImageRegionConstIterator<ImageVolume> ia(&a, a.GetBufferedRegion());
    itk::ImageRegionConstIterator<ImageVolume> ib(&b, b.GetBufferedRegion());
    double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0, n = 0;
    if (mask) {
        itk::ImageRegionConstIterator<MaskVolume> im(mask, mask->GetBufferedRegion());
        for (; !ia.IsAtEnd(); ++ia, ++ib, ++im) {
            if (!im.Get()) continue;
            const double x = ia.Get(), y = ib.Get();
            sa += x;
            sb += y;
            saa += x * x;
            sbb += y * y;
            sab += x * y;
            n += 1;
        }
    } else {
        for (; !ia.IsAtEnd(); ++ia, ++ib) {
            const double x = ia.Get(), y = ib.Get();
            sa += x;
            sb += y;
            saa += x * x;
            sbb += y * y;
            sab += x * y;
            n += 1;
        }
    }
    if (n < 2) return 0.0;
    const double cov = sab - sa * sb / n, va = saa - sa * sa / n, vb = sbb - sb * sb / n;
    if (va <= 0 || vb <= 0) return 0.0;
    return cov / std::sqrt(va * vb);
}

RigidTransform::Pointer composeThroughReference(const itk::Transform<double, 3, 3>* referenceToA,
                                                const itk::Transform<double, 3, 3>* referenceToB) {
    using Affine = itk::MatrixOffsetTransformBase<double, 3, 3>;
    auto asMatrixOffset = [](const itk::Transform<double, 3, 3>* t, const char* which) {
        Affine::MatrixType m;
        m.SetIdentity();
        Affine::OutputVectorType o;
        o.Fill(0.0);
        if (t) {
            const auto* mo = dynamic_cast<const Affine*>(t);
            if (!mo) throw VolumeError("", std::string("the transform of ") + which + " is not a matrix transform");
            m = mo->GetMatrix();
            o = mo->GetOffset();
        }
        return std::pair{m, o};
    };
    const auto [ma, oa] = asMatrixOffset(referenceToA, "scan A");
    const auto [mb, ob] = asMatrixOffset(referenceToB, "scan B");
    // Rigid: the inverse of B's matrix is its transpose.
    const Affine::MatrixType mbInv(mb.GetTranspose());
    const Affine::MatrixType m = ma * mbInv;
    const Affine::OutputVectorType o = oa - ma * (mbInv * ob);
    auto out = RigidTransform::New();
    try {
        out->SetMatrix(m, 1e-6);
    } catch (const itk::ExceptionObject&) {
        throw VolumeError("", "the transforms to the reference are not rigid (their matrices are not orthonormal)");
    }
    out->SetOffset(o);
    return out;
}

}  // namespace lesiondelta
