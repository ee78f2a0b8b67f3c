#pragma once
// Overlay controls and legend: one row per mask layer (visible, colour swatch, fill/outline,
// opacity), the probability heat map with its cut-off, and the CNN threshold slider that updates the mask live.
#include <QWidget>

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
    explicit LayerPanel(CaseSession& session, QWidget* parent = nullptr);
    void rebuild();  // shows the scene's layers and heat map as they are now
    void setThresholdValue(double threshold);

Q_SIGNALS:
    void sceneChanged();

private:
    CaseSession& session_;
    QGridLayout* rows_;  // header row, then one row per layer
    QCheckBox* heat_;
    QDoubleSpinBox* heatFloor_;
    QSlider* threshold_;
    QLabel* thresholdLabel_;
    QTimer* thresholdDelay_;
};

}  // namespace lesiondelta::gui
