#pragma once
// Overlay controls and legend: one row per mask layer (visible, colour swatch, fill/outline,
// opacity), the probability heat map with its cut-off, and the CNN threshold slider that updates the mask live.
#include <QWidget>
#include <vector>

#include "lesiondelta/viewer/LayerId.h"

class QGridLayout;
class QSlider;
class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QTimer;

namespace lesiondelta::gui {

class CaseSession;

class LayerPanel : public QWidget {
    Q_OBJECT
public:
    /// Follows the session's scene by itself: rows when layers come and go, values when
    /// another control (a key, a menu) changes them.
    explicit LayerPanel(CaseSession& session, QWidget* parent = nullptr);
    ~LayerPanel() override;
    void setThresholdValue(double threshold);

private:
    struct Row {
        viewer::LayerId id;
        QCheckBox* visible;
        QCheckBox* outline;
        QSlider* opacity;
    };
    void rebuild();     // one row per layer of the scene
    void syncValues();  // the widgets show the scene's values (no signals sent back)
    CaseSession& session_;
    int sceneListener_ = 0;
    std::vector<Row> shown_;
    QGridLayout* rows_;  // header row, then one row per layer
    QCheckBox* heat_;
    QDoubleSpinBox* heatFloor_;
    QSlider* threshold_;
    QLabel* thresholdLabel_;
    QTimer* thresholdDelay_;
};

}  // namespace lesiondelta::gui
