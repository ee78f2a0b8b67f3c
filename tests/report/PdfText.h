#pragma once
// Reading back what a report PDF says, through poppler's command-line tools.
#include <QByteArray>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <string>

namespace lesiondelta::test {

inline bool havePoppler() {
    return !QStandardPaths::findExecutable("pdftotext").isEmpty() && !QStandardPaths::findExecutable("pdfinfo").isEmpty();
}

/// The text of a PDF (layout kept), or empty when pdftotext fails.
inline QString pdfText(const std::string& pdf) {
    QProcess p;
    p.start("pdftotext", {"-layout", QString::fromStdString(pdf), "-"});
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

/// pdfinfo's "Key: value" field, e.g. "Pages" or "Page size".
inline QString pdfInfo(const std::string& pdf, const QString& key) {
    QProcess p;
    p.start("pdfinfo", {QString::fromStdString(pdf)});
    p.waitForFinished(60000);
    for (const auto& line : QString::fromUtf8(p.readAllStandardOutput()).split('\n')) {
        if (line.startsWith(key + ":")) return line.mid(key.size() + 1).trimmed();
    }
    return {};
}

}  // namespace lesiondelta::test
