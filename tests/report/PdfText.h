#pragma once
// Reading back what a report PDF says, through poppler's command-line tools.
#include <QByteArray>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <string>

namespace lesiondelta::test {

inline bool havePoppler() {
    return !QStandardPaths::findExecutable("pdftotext").isEmpty() &&
           !QStandardPaths::findExecutable("pdfinfo").isEmpty() &&
           !QStandardPaths::findExecutable("pdftoppm").isEmpty();
}

/// The text of a PDF (layout kept), or empty when pdftotext fails.
inline QString pdfText(const std::string& pdf) {
    QProcess p;
    p.start("pdftotext", {"-layout", QString::fromStdString(pdf), "-"});
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

/// Page `page` of a PDF rendered by pdftoppm at `dpi` (a null image when that fails).
inline QImage pdfPage(const std::string& pdf, int page, int dpi = 50) {
    const QString stem = QString::fromStdString(pdf) + ".page";
    QProcess p;
    p.start("pdftoppm", {"-r", QString::number(dpi), "-f", QString::number(page), "-l", QString::number(page), "-png",
                         "-singlefile", QString::fromStdString(pdf), stem});
    p.waitForFinished(60000);
    return QImage(stem + ".png");
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
