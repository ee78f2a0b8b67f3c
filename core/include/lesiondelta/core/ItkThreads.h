#pragma once
// ITK 5.2 creates some of its process-wide singletons lazily and without a lock (the random
// generator's globals, the thread pool settings, the object factories): two threads that make
// their first ITK calls at the same moment race on them (found by ThreadSanitizer in
// `batch --jobs 2`; fixed upstream after 5.2, InsightSoftwareConsortium/ITK#3624). Call this
// once on the main thread before starting threads that use ITK.
namespace lesiondelta {

void initialiseItkForThreads();

}  // namespace lesiondelta
