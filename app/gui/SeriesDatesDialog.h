#pragma once
// When a series folder's FLAIRs are named without dates: the reader gives each file its
// acquisition date (or leaves it out), and the dialog writes DIR/series.json, which
// readSeriesFolder reads from then on.
#include <QDialog>
#include <QString>
#include <QStringList>

class QTableWidget;
class QLabel;

namespace lesiondelta::gui {

class SeriesDatesDialog : public QDialog {
    Q_OBJECT
public:
    /// The image files (names) in `dir`, each with the date found in its name, if any.
    explicit SeriesDatesDialog(const QString& dir, QWidget* parent = nullptr);
    int rowCount() const;
    void setDate(int row, const QString& date);  // yyyy-mm-dd; empty leaves the file out
    /// Checks the dates (valid, one visit per date, at least two) and writes series.json; false
    /// with the problem shown in the dialog otherwise.
    bool writeSeries();
    QString problem() const;

private:
    QString dir_;
    QStringList files_;
    QTableWidget* table_;
    QLabel* problem_;
};

}  // namespace lesiondelta::gui
