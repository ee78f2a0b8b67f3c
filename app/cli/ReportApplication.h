#pragma once
// The QApplication the report-writing verbs need (QCustomPlot draws with widgets' machinery):
// offscreen without a display; the report's language from --language, else the system's.
#include <QApplication>
#include <memory>

#include "Arguments.h"

namespace lesiondelta::cli {

std::unique_ptr<QApplication> reportApplication(const Arguments& a);

}  // namespace lesiondelta::cli
