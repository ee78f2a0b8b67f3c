#include "lesiondelta/viewer/View3D.h"

#include <vtkActor.h>
#include <vtkCallbackCommand.h>
#include <vtkCamera.h>
#include <vtkCellPicker.h>
#include <vtkFlyingEdges3D.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkImageData.h>
#include <vtkImageShrink3D.h>
#include <vtkMatrix4x4.h>
#include <vtkNew.h>
#include <vtkOpenGLState.h>
#include <vtkPointData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>
#include <vtkUnsignedCharArray.h>
#include <vtkVersion.h>
#include <vtkWindowedSincPolyDataFilter.h>

#include <QMouseEvent>
#include <QOpenGLContext>
#include <QOpenGLExtraFunctions>
#include <QPainter>
#include <QSurfaceFormat>
#include <QWheelEvent>
#include <cstring>

namespace lesiondelta::viewer {
namespace {

/// A mask as vtkImageData in voxel-index space with the mask's spacing and origin; the direction
/// cosines go into the actor's matrix, so the surface ends up in physical LPS mm.
vtkSmartPointer<vtkImageData> toVtk(const MaskVolume& mask) {
    const auto size = mask.GetLargestPossibleRegion().GetSize();
    auto image = vtkSmartPointer<vtkImageData>::New();
    image->SetDimensions(int(size[0]), int(size[1]), int(size[2]));
    image->SetSpacing(mask.GetSpacing()[0], mask.GetSpacing()[1], mask.GetSpacing()[2]);
    image->SetOrigin(0, 0, 0);
    image->AllocateScalars(VTK_UNSIGNED_CHAR, 1);
    std::memcpy(image->GetScalarPointer(), mask.GetBufferPointer(), size[0] * size[1] * size[2]);
    return image;
}

vtkSmartPointer<vtkMatrix4x4> indexToLps(const MaskVolume& mask) {
    auto m = vtkSmartPointer<vtkMatrix4x4>::New();
    const auto dir = mask.GetDirection();
    const auto origin = mask.GetOrigin();
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 3; ++c) m->SetElement(r, c, dir[r][c]);
        m->SetElement(r, 3, origin[r]);
    }
    return m;
}

vtkSmartPointer<vtkPolyData> surfaceOf(vtkImageData* image, int smoothing) {
    vtkNew<vtkFlyingEdges3D> contour;
    contour->SetInputData(image);
    contour->SetValue(0, 0.5);
    contour->ComputeNormalsOn();
    vtkNew<vtkWindowedSincPolyDataFilter> smooth;
    smooth->SetInputConnection(contour->GetOutputPort());
    smooth->SetNumberOfIterations(smoothing);
    smooth->SetPassBand(0.1);
    smooth->NonManifoldSmoothingOn();
    smooth->NormalizeCoordinatesOn();
    smooth->Update();
    vtkSmartPointer<vtkPolyData> out = smooth->GetOutput();
    return out;
}

}  // namespace

struct View3D::Private {
    vtkNew<vtkGenericOpenGLRenderWindow> window;
    vtkNew<vtkRenderer> renderer;
    vtkNew<vtkActor> head, lesions;
    vtkNew<vtkCellPicker> picker;
    bool initialised = false;
    QPoint pressAt, last;
    bool moved = false;
};

View3D::View3D(QWidget* parent) : QOpenGLWidget(parent), d_(std::make_unique<Private>()) {
    setMinimumSize(200, 200);
    // VTK's OpenGL2 backend needs a 3.2 core context with a depth buffer; Qt's default has none.
    QSurfaceFormat format = QSurfaceFormat::defaultFormat();
    format.setRenderableType(QSurfaceFormat::OpenGL);
    format.setVersion(3, 2);
    format.setProfile(QSurfaceFormat::CoreProfile);
    format.setDepthBufferSize(24);
    format.setStencilBufferSize(8);
    format.setAlphaBufferSize(0);
    setFormat(format);
    d_->window->AddRenderer(d_->renderer);
    d_->window->SetMultiSamples(0);
    d_->renderer->SetBackground(0.08, 0.09, 0.11);
    d_->renderer->SetBackground2(0.22, 0.24, 0.28);
    d_->renderer->GradientBackgroundOn();
    // VTK asks for its context through events; Qt owns it.
    vtkNew<vtkCallbackCommand> makeCurrent;
    makeCurrent->SetClientData(this);
    makeCurrent->SetCallback(
        [](vtkObject*, unsigned long, void* self, void*) { static_cast<View3D*>(self)->makeCurrent(); });
    d_->window->AddObserver(vtkCommand::WindowMakeCurrentEvent, makeCurrent);
    vtkNew<vtkCallbackCommand> isCurrent;
    isCurrent->SetClientData(this);
    isCurrent->SetCallback([](vtkObject*, unsigned long, void* self, void* data) {
        *static_cast<bool*>(data) = QOpenGLContext::currentContext() == static_cast<View3D*>(self)->context();
    });
    d_->window->AddObserver(vtkCommand::WindowIsCurrentEvent, isCurrent);
    d_->head->GetProperty()->SetColor(0.85, 0.78, 0.72);
    d_->head->GetProperty()->SetOpacity(0.15);
    d_->head->GetProperty()->BackfaceCullingOn();
    d_->head->PickableOff();
    d_->head->VisibilityOff();
    d_->lesions->GetProperty()->SetColor(0.1, 0.95, 0.2);
    d_->lesions->VisibilityOff();
    d_->renderer->AddActor(d_->head);
    d_->renderer->AddActor(d_->lesions);
    d_->picker->SetTolerance(0.002);
    d_->picker->PickFromListOn();
    d_->picker->AddPickList(d_->lesions);
}

View3D::~View3D() {
    if (d_->initialised) {
        makeCurrent();
        d_->window->Finalize();
        doneCurrent();
    }
}

void View3D::setHead(const MaskVolume* head) {
    if (!head) {
        d_->head->VisibilityOff();
        update();
        return;
    }
    // The head surface only needs to be recognisable: contour at half resolution.
    auto image = toVtk(*head);
    vtkNew<vtkImageShrink3D> shrink;
    shrink->SetInputData(image);
    shrink->SetShrinkFactors(2, 2, 1);
    shrink->AveragingOn();
    shrink->Update();
    vtkNew<vtkPolyDataMapper> mapper;
    mapper->SetInputData(surfaceOf(shrink->GetOutput(), 15));
    mapper->ScalarVisibilityOff();
    d_->head->SetMapper(mapper);
    d_->head->SetUserMatrix(indexToLps(*head));
    d_->head->VisibilityOn();
    resetCamera();
}

void View3D::setLesions(const MaskVolume* lesions) {
    if (!lesions) {
        d_->lesions->VisibilityOff();
        update();
        return;
    }
    vtkNew<vtkPolyDataMapper> mapper;
    mapper->SetInputData(surfaceOf(toVtk(*lesions), 10));
    mapper->ScalarVisibilityOff();
    d_->lesions->SetMapper(mapper);
    d_->lesions->SetUserMatrix(indexToLps(*lesions));
    d_->lesions->VisibilityOn();
    update();
}

std::size_t View3D::lesionTriangles() const {
    auto* mapper = vtkPolyDataMapper::SafeDownCast(d_->lesions->GetMapper());
    return mapper && mapper->GetInput() ? std::size_t(mapper->GetInput()->GetNumberOfPolys()) : 0;
}

void View3D::resetCamera() {
    auto* camera = d_->renderer->GetActiveCamera();
    // Anterior view, superior up (LPS: the camera sits at -y, looking towards +y).
    camera->SetPosition(0, -1, 0);
    camera->SetFocalPoint(0, 0, 0);
    camera->SetViewUp(0, 0, 1);
    d_->renderer->ResetCamera();
    camera->Azimuth(30);
    camera->Elevation(15);
    camera->Dolly(1.4);
    d_->renderer->ResetCameraClippingRange();
    update();
}

void View3D::initializeGL() {
    // VTK renders into its own framebuffer and, at the end of each frame, blits the result into
    // the framebuffer bound at that time: Qt's, during paintGL.
    d_->window->SetOwnContext(false);
    d_->window->SwapBuffersOn();
    d_->window->SetFrameBlitModeToNoBlit();
    d_->window->InitializeFromCurrentContext();
    d_->initialised = true;
}

void View3D::paintGL() {
    const double ratio = devicePixelRatioF();
    const int w = std::max(1, int(width() * ratio)), h = std::max(1, int(height() * ratio));
    d_->window->SetSize(w, h);
    d_->window->SetReadyForRendering(true);
    auto* state = d_->window->GetState();
    state->Reset();
    state->Push();
    // VTK renders into its own framebuffers; the result is then blitted into the framebuffer
    // QOpenGLWidget composes (as VTK's own Qt widget does).
    d_->window->Render();
    constexpr unsigned int kDrawFramebuffer = 0x8CA9;  // GL_DRAW_FRAMEBUFFER
    state->vtkglBindFramebuffer(kDrawFramebuffer, defaultFramebufferObject());
    d_->window->BlitDisplayFramebuffer();
    state->Pop();
    d_->window->SetReadyForRendering(false);
}

QImage View3D::snapshot() {
    if (!d_->initialised || !isVisible()) return {};
    makeCurrent();
    paintGL();  // VTK's frame into this widget's framebuffer, then read that back
    const double ratio = devicePixelRatioF();
    const int w = std::max(1, int(width() * ratio)), h = std::max(1, int(height() * ratio));
    QImage frame(w, h, QImage::Format_RGBX8888);
    auto* gl = context()->extraFunctions();
    gl->glBindFramebuffer(GL_READ_FRAMEBUFFER, defaultFramebufferObject());
    gl->glPixelStorei(GL_PACK_ALIGNMENT, 4);
    gl->glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, frame.bits());
    doneCurrent();
    return frame.mirrored(false, true);  // OpenGL rows run bottom-up
}

void View3D::mousePressEvent(QMouseEvent* event) {
    d_->pressAt = d_->last = event->position().toPoint();
    d_->moved = false;
}

void View3D::mouseMoveEvent(QMouseEvent* event) {
    const QPoint p = event->position().toPoint();
    const QPoint delta = p - d_->last;
    d_->last = p;
    if ((p - d_->pressAt).manhattanLength() > 3) d_->moved = true;
    auto* camera = d_->renderer->GetActiveCamera();
    if (event->buttons() & Qt::LeftButton) {
        camera->Azimuth(-delta.x() * 0.5);
        camera->Elevation(delta.y() * 0.5);
        camera->OrthogonalizeViewUp();
    } else if (event->buttons() & Qt::RightButton) {
        camera->Dolly(std::pow(1.01, -delta.y()));
    }
    d_->renderer->ResetCameraClippingRange();
    update();
}

void View3D::mouseReleaseEvent(QMouseEvent* event) {
    if (d_->moved || event->button() != Qt::LeftButton || !d_->lesions->GetVisibility()) return;
    const double ratio = devicePixelRatioF();
    const double x = event->position().x() * ratio, y = (height() - event->position().y()) * ratio;
    makeCurrent();
    if (d_->picker->Pick(x, y, 0, d_->renderer)) {
        double p[3];
        d_->picker->GetPickPosition(p);
        Q_EMIT lesionPicked({p[0], p[1], p[2]});
    }
    doneCurrent();
}

void View3D::wheelEvent(QWheelEvent* event) {
    d_->renderer->GetActiveCamera()->Dolly(std::pow(1.1, event->angleDelta().y() / 120.0));
    d_->renderer->ResetCameraClippingRange();
    update();
}

QString vtkVersionText() { return QString::fromLatin1(vtkVersion::GetVTKVersion()); }

}  // namespace lesiondelta::viewer
