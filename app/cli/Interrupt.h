#pragma once
// Ctrl-C (SIGINT) and SIGTERM for the command line. The first signal asks the running work to
// stop at its next progress report (a registration iteration, a CNN crop, a report section):
// the work throws Cancelled before anything is written, and main exits with status 130. Files
// are written atomically, so even a stop during writing leaves whole files only. A second
// signal ends the program at once (the handler is reset after the first).
#include "lesiondelta/core/Progress.h"

namespace lesiondelta::cli {

void installInterruptHandler();
bool interrupted();
/// `inner` (may be empty) that also answers false once interrupted.
ProgressCallback stopOnInterrupt(ProgressCallback inner = {});
/// A command's progress: each new stage printed to stderr as "[42%] registration" (nothing when
/// `quiet`), stopping once interrupted.
ProgressCallback commandProgress(bool quiet);

}  // namespace lesiondelta::cli
