#include "lesiondelta/core/ItkThreads.h"

#include <itkMersenneTwisterRandomVariateGenerator.h>
#include <itkMultiThreaderBase.h>
#include <itkObjectFactoryBase.h>

namespace lesiondelta {

void initialiseItkForThreads() {
    static const bool done = [] {
        itk::Statistics::MersenneTwisterRandomVariateGenerator::GetInstance();
        itk::MultiThreaderBase::GetGlobalDefaultNumberOfThreads();
        itk::MultiThreaderBase::GetGlobalDefaultThreader();
        itk::ObjectFactoryBase::GetRegisteredFactories();
        return true;
    }();
    (void)done;
}

}  // namespace lesiondelta
