#pragma once
// The course report of a patient's series of visits (issue 20): the sentence since the
// rebaseline visit, a timeline (new and again-enlarging lesions per interval, the cumulative
// count), the per-interval table with interval lengths and annualised rates, and the lesion
// identity table. Filled by the pipeline (SeriesAnalysis) from plain numbers; the words are the
// report's own, so German reports read German.
#include <QString>
#include <QStringList>
#include <string>
#include <vector>

namespace lesiondelta::report {

struct CourseVisit {
    QString label, date;
    QString error;  // non-empty: left out, with the reason
};

struct CourseInterval {
    QString from, to;  // visit labels
    int days = 0;
    bool measured = true;
    int fresh = 0, again = 0;  // new lesions, lesions enlarging again
    double ml = 0.0;           // new/enlarged volume
    bool unreliable = false;
    QString note;  // the error or the warnings
};

struct CourseLesion {
    unsigned int id = 0;
    QString firstSeen;
    QStringList againAt;
    std::vector<double> changeMl;  // per interval; NaN: not measured
};

struct CourseData {
    QString patient, reference, rebaseline, rebaselineDate;
    std::vector<CourseVisit> visits;
    std::vector<CourseInterval> intervals;
    std::vector<CourseLesion> lesions;
    // Since the rebaseline visit
    int lesionsSinceRebaseline = 0, followUps = 0, unmeasured = 0;
    double years = 0.0;
};

/// "No new or enlarging T2 lesions since 2024-03-12 (2 follow-ups)." in the reader's language.
QString courseSentence(const CourseData& course);

struct CourseReportOptions {
    QString softwareVersion;
    QString modelFile;  // the CNN's weights file; empty: the classical subtraction detector
};

/// Writes the PDF atomically; throws VolumeError naming the file. Returns the page count.
/// Needs a QApplication (QCustomPlot).
int writeCourseReport(const CourseData& course, const CourseReportOptions& options, const std::string& pdfPath);

}  // namespace lesiondelta::report
