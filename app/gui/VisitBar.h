#pragma once
// Above the reading views while a patient series is open: which two visits are shown (BL side,
// FU side; any two, not only neighbours) and the course in one sentence.
#include <QWidget>
#include <vector>

class QComboBox;
class QLabel;

namespace lesiondelta::gui {

class VisitBar : public QWidget {
    Q_OBJECT
public:
    explicit VisitBar(QWidget* parent = nullptr);
    /// The visits to choose from: their indices in the series and labels ("2024-03-12").
    void setVisits(const std::vector<int>& indices, const QStringList& labels);
    /// Shows the pair on screen without announcing it.
    void setPair(int from, int to);
    void setSentence(const QString& sentence);
    QComboBox* fromBox() const { return from_; }
    QComboBox* toBox() const { return to_; }

Q_SIGNALS:
    void pairChosen(int from, int to);  // visit indices

private:
    QComboBox* from_;
    QComboBox* to_;
    QLabel* sentence_;
};

}  // namespace lesiondelta::gui
