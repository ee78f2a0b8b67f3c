#pragma once
// The annotation tool box: rater, tools (navigate, paint, erase, ROI threshold, erase lesion),
// brush size and shape, the ROI threshold with Apply/Cancel, accept/reject of the selected CNN
// lesion, undo/redo and saving. Buttons only; AnnotationController does the work.
#include <QWidget>
#include <functional>

class QLabel;
class QSlider;
class QPushButton;
class QDoubleSpinBox;
class QCheckBox;
class QButtonGroup;

namespace lesiondelta::gui {

class AnnotationController;

class AnnotationPanel : public QWidget {
    Q_OBJECT
public:
    AnnotationPanel(AnnotationController& controller, std::function<unsigned()> selectedLesion, QWidget* parent = nullptr);
    void refresh();  // controller state changed (rater, tool, ROI)

Q_SIGNALS:
    void startRequested();  // the window asks for the rater's name and starts
    void saveRequested();

private:
    AnnotationController& controller_;
    std::function<unsigned()> selectedLesion_;
    QLabel* rater_;
    QButtonGroup* tools_;
    QDoubleSpinBox* radius_;
    QCheckBox* sphere_;
    QSlider* threshold_;
    QLabel* thresholdLabel_;
    QPushButton* apply_;
    QWidget* editing_;
};

}  // namespace lesiondelta::gui
