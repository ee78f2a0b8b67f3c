#pragma once
// The 3D view: a semi-transparent head surface with the new lesions as green surfaces, in
// physical LPS millimetres. VTK renders through vtkGenericOpenGLRenderWindow inside this Qt6
// QOpenGLWidget (Debian's VTK Qt module is built for Qt5, so it is not used). Left drag rotates,
// wheel zooms, a click on a lesion reports its physical position.
#include <QImage>
#include <QOpenGLWidget>
#include <array>
#include <memory>

#include "lesiondelta/core/Volume.h"

namespace lesiondelta::viewer {

class View3D : public QOpenGLWidget {
    Q_OBJECT
public:
    explicit View3D(QWidget* parent = nullptr);
    ~View3D() override;

    /// Builds the surfaces: the head from `head` (binary, any grid), lesions from `lesions`.
    void setHead(const MaskVolume* head);
    void setLesions(const MaskVolume* lesions);
    void resetCamera();
    std::size_t lesionTriangles() const;  // for tests
    /// The current 3D picture read back from VTK (QWidget::grab does not capture VTK's frame).
    QImage snapshot();

Q_SIGNALS:
    void lesionPicked(std::array<double, 3> pointLpsMm);

protected:
    void initializeGL() override;
    void paintGL() override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

private:
    struct Private;
    std::unique_ptr<Private> d_;
};

/// The VTK version the viewer is built with (for the About dialog).
QString vtkVersionText();

}  // namespace lesiondelta::viewer
