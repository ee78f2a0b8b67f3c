#pragma once
// Window and level of BL and FU as numbers, typed in or stepped (as in a PACS viewer's W/L
// fields): they show the model's windows as they change (right-drag, presets, linking) and set
// them when edited, so a linked window follows as it does for a drag.
#include <QWidget>
#include <array>

#include "lesiondelta/viewer/SlicePairModel.h"

class QDoubleSpinBox;

namespace lesiondelta::viewer {

class WindowLevelFields : public QWidget {
    Q_OBJECT
public:
    explicit WindowLevelFields(SlicePairModel& model, QWidget* parent = nullptr);
    ~WindowLevelFields() override;
    QDoubleSpinBox* windowField(Side side) const { return fields_[index(side)][0]; }
    QDoubleSpinBox* levelField(Side side) const { return fields_[index(side)][1]; }

private:
    static int index(Side s) { return s == Side::Baseline ? 0 : 1; }
    void show();  // the model's windows into the fields
    SlicePairModel& model_;
    std::array<std::array<QDoubleSpinBox*, 2>, 2> fields_{};
    int listener_ = 0;
};

}  // namespace lesiondelta::viewer
