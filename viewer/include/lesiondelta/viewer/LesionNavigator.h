#pragma once
// The table of detected lesions: id, volume (ml), centroid (LPS mm), axial slice, mean CNN
// probability, and which methods or raters also found it. Selecting a row (click, or
// next/previous) asks the views to centre on the lesion. Sortable by any column.
#include <QString>
#include <QTableWidget>
#include <array>
#include <vector>

#include "lesiondelta/viewer/DisplayAxes.h"

namespace lesiondelta::viewer {

struct NavigatorLesion {
    unsigned id = 0;
    double volumeMl = 0;
    std::array<double, 3> centroidLpsMm{};
    DisplayIndex centre{};        // display index of the centroid
    double meanProbability = -1;  // < 0: unknown
    QString foundBy;              // e.g. "LST, rater A"
    bool belowMinimum = false;    // smaller than 0.01 ml: flagged
};

class LesionNavigator : public QTableWidget {
    Q_OBJECT
public:
    explicit LesionNavigator(QWidget* parent = nullptr);
    void setLesions(const std::vector<NavigatorLesion>& lesions);
    int lesionCount() const { return rowCount(); }
    /// Selects the next (+1) or previous (-1) row in the current sort order, wrapping around.
    void step(int direction);
    const NavigatorLesion* selectedLesion() const;

Q_SIGNALS:
    void lesionActivated(lesiondelta::viewer::DisplayIndex centre);

private:
    void onSelectionChanged();
    std::vector<NavigatorLesion> lesions_;
};

}  // namespace lesiondelta::viewer
