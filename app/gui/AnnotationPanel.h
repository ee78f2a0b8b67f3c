#pragma once
// The annotation tool box: rater, tools (navigate, paint, erase, ROI threshold, erase lesion),
// brush size and shape, the ROI threshold with Apply/Cancel, accept/reject of the selected CNN
// lesion, undo/redo and saving. Buttons only; AnnotationController does the work.
#include <QTimer>
#include <QWidget>
#include <array>
#include <functional>

class QLabel;
class QSlider;
class QPushButton;
class QDoubleSpinBox;
class QCheckBox;
class QButtonGroup;
class QTreeWidget;

namespace lesiondelta::gui {

class AnnotationController;

class AnnotationPanel : public QWidget {
    Q_OBJECT
public:
    AnnotationPanel(AnnotationController& controller, std::function<unsigned()> selectedLesion,
                    QWidget* parent = nullptr);
    void refresh();  // controller state changed (rater, tool, ROI)
    /// Rows of the rater's lesion list (26-connected components, largest first); components
    /// under 0.01 ml are flagged as not counted. Updated shortly after each edit.
    int lesionRows() const;
    int flaggedRows() const;
    void updateLesionList();  // now, instead of after the debounce

Q_SIGNALS:
    void startRequested();  // the window asks for the rater's name and starts
    void saveRequested();
    void lesionActivated(std::array<double, 3> centroidIndex);  // FU voxel index of a listed lesion

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
    QTreeWidget* lesions_;
    QTimer lesionTimer_;
};

}  // namespace lesiondelta::gui
