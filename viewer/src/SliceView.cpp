#include "lesiondelta/viewer/SliceView.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace lesiondelta::viewer {

SliceView::SliceView(Side view, SlicePairModel& model, const ViewerScene& scene, QWidget* parent)
    : QWidget(parent), view_(view), model_(model), scene_(scene) {
    setMinimumSize(200, 200);
    setFocusPolicy(Qt::ClickFocus);
    setMouseTracking(false);
    setAttribute(Qt::WA_OpaquePaintEvent);
    listener_ = model_.addListener([this](unsigned) { update(); });
    sceneListener_ = scene_.addListener([this](unsigned) { update(); });
}

SliceView::~SliceView() {
    model_.removeListener(listener_);
    scene_.removeListener(sceneListener_);
}

void SliceView::setPlane(Plane plane) {
    plane_ = plane;
    update();
}

void SliceView::setCrosshair(bool on) {
    crosshair_ = on;
    update();
}

QImage SliceView::sliceImage() const {
    const ImageVolume* image = scene_.scan(model_.shownIn(view_));
    if (!image || !model_.hasGeometry()) return {};
    const auto g = sliceGeometry(model_.axes(), plane_, model_.slice(plane_));
    if (buffer_.width() != g.width || buffer_.height() != g.height)
        buffer_ = QImage(g.width, g.height, QImage::Format_RGB32);
    const bool outlined = scene_.outlineOnBaseline() && model_.shownIn(view_) == Side::Baseline;
    renderSlice(*image, g, model_.windowLevel(model_.shownIn(view_)), scene_.masks(), scene_.heat(),
                reinterpret_cast<std::uint32_t*>(buffer_.bits()), outlined);
    return buffer_;
}

SliceView::Mapping SliceView::mapping() const {
    Mapping m;
    if (!model_.hasGeometry()) return m;
    const auto g = sliceGeometry(model_.axes(), plane_, 0);
    const double fit = std::min(width() / (g.width * g.pixelWidthMm), height() / (g.height * g.pixelHeightMm));
    const double mmScale = fit * model_.zoom();
    m.scaleX = g.pixelWidthMm * mmScale;
    m.scaleY = g.pixelHeightMm * mmScale;
    // The model's centre (continuous display index) sits in the middle of the widget.
    const auto& c = model_.centre();
    const double cu = c[g.screenXAxis] + 0.5;
    const double cv = (g.screenYUp ? g.height - 1 - c[g.screenYAxis] : c[g.screenYAxis]) + 0.5;
    m.offsetX = width() / 2.0 - cu * m.scaleX;
    m.offsetY = height() / 2.0 - cv * m.scaleY;
    return m;
}

bool SliceView::displayAt(const QPointF& p, DisplayIndex& out) const {
    if (!model_.hasGeometry()) return false;
    const auto m = mapping();
    const auto g = sliceGeometry(model_.axes(), plane_, 0);
    const int u = int(std::floor((p.x() - m.offsetX) / m.scaleX));
    const int v = int(std::floor((p.y() - m.offsetY) / m.scaleY));
    const bool inside = u >= 0 && v >= 0 && u < g.width && v < g.height;
    out = model_.axes().clamp(displayFromScreen(model_.axes(), plane_, model_.slice(plane_), u, v));
    return inside;
}

QPointF SliceView::positionOf(const DisplayIndex& d) const {
    const auto m = mapping();
    const auto s = screenFromDisplay(model_.axes(), plane_, d);
    return {m.offsetX + (s[0] + 0.5) * m.scaleX, m.offsetY + (s[1] + 0.5) * m.scaleY};
}

void SliceView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), Qt::black);
    const QImage image = sliceImage();
    if (image.isNull()) {
        painter.setPen(QColor(160, 160, 160));
        painter.drawText(rect(), Qt::AlignCenter, tr("No case open"));
        return;
    }
    const auto m = mapping();
    const QRectF target(m.offsetX, m.offsetY, image.width() * m.scaleX, image.height() * m.scaleY);
    // A plane reformatted across thick slices (coronal or sagittal of 3-4 mm axial data) is
    // interpolated for display instead of drawn as blocks; planes of near-cubic voxels show
    // their voxels as they are.
    const auto g = sliceGeometry(model_.axes(), plane_, 0);
    const double aspect = g.pixelHeightMm / g.pixelWidthMm;
    painter.setRenderHint(QPainter::SmoothPixmapTransform, aspect > 1.5 || aspect < 1 / 1.5);
    painter.drawImage(target, image);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    if (crosshair_) {
        // Crosshair through the cursor, interrupted around it so the voxel stays visible.
        const QPointF c = positionOf(model_.cursor());
        const double gap = std::max(6.0, 1.5 * std::max(m.scaleX, m.scaleY));
        painter.setPen(QPen(QColor(255, 80, 80, 170), 1));
        painter.drawLine(QPointF(target.left(), c.y()), QPointF(c.x() - gap, c.y()));
        painter.drawLine(QPointF(c.x() + gap, c.y()), QPointF(target.right(), c.y()));
        painter.drawLine(QPointF(c.x(), target.top()), QPointF(c.x(), c.y() - gap));
        painter.drawLine(QPointF(c.x(), c.y() + gap), QPointF(c.x(), target.bottom()));
    }
    drawLabels(painter);
    drawHeatKey(painter);
    drawRuler(painter);
    drawBrushFootprint(painter);
}

std::array<double, 2> SliceView::slicePixelAt(const QPointF& position) const {
    const auto m = mapping();
    return {(position.x() - m.offsetX) / m.scaleX, (position.y() - m.offsetY) / m.scaleY};
}

QPointF SliceView::positionOfSlicePixel(const std::array<double, 2>& p) const {
    const auto m = mapping();
    return {m.offsetX + p[0] * m.scaleX, m.offsetY + p[1] * m.scaleY};
}

void SliceView::drawRuler(QPainter& painter) const {
    if (!ruler_ || ruler_->plane != plane_ || ruler_->slice != model_.slice(plane_)) return;
    const QPointF a = positionOfSlicePixel(ruler_->from), b = positionOfSlicePixel(ruler_->to);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(QColor(255, 220, 0), 1.5));
    painter.drawLine(a, b);
    // End ticks across the line.
    const QPointF along = b - a;
    const double length = std::hypot(along.x(), along.y());
    if (length > 1) {
        const QPointF across(-along.y() / length * 5, along.x() / length * 5);
        painter.drawLine(a - across, a + across);
        painter.drawLine(b - across, b + across);
    }
    const double mm = ruler_->lengthMm(sliceGeometry(model_.axes(), plane_, 0));
    const QString text = tr("%1 mm").arg(mm, 0, 'f', 1);
    const QPointF at = (a + b) / 2 + QPointF(8, -8);
    painter.setPen(Qt::black);
    painter.drawText(at + QPointF(1, 1), text);
    painter.setPen(QColor(255, 220, 0));
    painter.drawText(at, text);
    painter.setRenderHint(QPainter::Antialiasing, false);
}

void SliceView::setBrushFootprintMm(double radiusMm) {
    brushMm_ = std::max(0.0, radiusMm);
    setMouseTracking(brushMm_ > 0);
    if (brushMm_ <= 0) hover_.reset();
    update();
}

void SliceView::drawBrushFootprint(QPainter& painter) const {
    if (brushMm_ <= 0 || !hover_ || !model_.hasGeometry()) return;
    const auto m = mapping();
    const auto g = sliceGeometry(model_.axes(), plane_, 0);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(QColor(255, 255, 255, 200), 1, Qt::DashLine));
    painter.setBrush(Qt::NoBrush);
    painter.drawEllipse(*hover_, brushMm_ / g.pixelWidthMm * m.scaleX, brushMm_ / g.pixelHeightMm * m.scaleY);
    painter.setRenderHint(QPainter::Antialiasing, false);
}

void SliceView::leaveEvent(QEvent* event) {
    hover_.reset();
    update();
    QWidget::leaveEvent(event);
}

void SliceView::drawHeatKey(QPainter& painter) const {
    const HeatLayer& heat = scene_.heat();
    if (!heat.visible || !heat.probability || view_ != Side::FollowUp) return;  // once per row of views
    // A vertical bar left of the R/L letter: probability 1 at the top, the cut-off at the bottom,
    // in the colours renderSlice blends in (before blending with the scan).
    const int barHeight = std::clamp(height() / 3, 60, 240);
    const QRect bar(width() - 40, (height() - barHeight) / 2, 10, barHeight);
    QImage strip(1, barHeight, QImage::Format_RGB32);
    for (int y = 0; y < barHeight; ++y) {
        const double p = 1.0 - (1.0 - heat.floor) * y / std::max(1, barHeight - 1);
        strip.setPixel(0, y, 0xff000000u | heatColour(p));
    }
    painter.drawImage(bar, strip);
    painter.setPen(QColor(200, 200, 200));
    painter.drawRect(bar.adjusted(-1, -1, 0, 0));
    QFont f = painter.font();
    f.setBold(false);
    f.setPointSizeF(std::max(7.0, f.pointSizeF() - 1.0));
    painter.setFont(f);
    const int textWidth = 60;
    painter.drawText(QRect(bar.left() - textWidth - 4, bar.top() - 8, textWidth, 16), Qt::AlignRight | Qt::AlignVCenter,
                     QStringLiteral("1.00"));
    painter.drawText(QRect(bar.left() - textWidth - 4, bar.bottom() - 8, textWidth, 16),
                     Qt::AlignRight | Qt::AlignVCenter, QString::number(heat.floor, 'f', 2));
    painter.drawText(QRect(bar.right() - 120, bar.top() - 28, 121, 16), Qt::AlignRight | Qt::AlignBottom,
                     tr("CNN probability"));
}

void SliceView::drawLabels(QPainter& painter) const {
    const Side shown = model_.shownIn(view_);
    const bool toggled = shown != view_;
    QFont f = painter.font();
    f.setBold(true);
    painter.setFont(f);
    const QString name = shown == Side::Baseline ? tr("BL") : tr("FU");
    const QString plane = plane_ == Plane::Axial     ? tr("axial")
                          : plane_ == Plane::Coronal ? tr("coronal")
                                                     : tr("sagittal");
    const QString text =
        tr("%1  %2 %3/%4").arg(name, plane).arg(model_.slice(plane_) + 1).arg(model_.sliceCount(plane_));
    painter.setPen(toggled ? QColor(255, 200, 0) : QColor(230, 230, 230));
    painter.drawText(QRect(8, 6, width() - 16, 20), Qt::AlignLeft | Qt::AlignTop,
                     toggled ? text + tr("  (toggled)") : text);
    // Orientation letters (radiological convention: patient right on screen left).
    const char* left = plane_ == Plane::Sagittal ? "A" : "R";
    const char* right = plane_ == Plane::Sagittal ? "P" : "L";
    const char* top = plane_ == Plane::Axial ? "A" : "S";
    const char* bottom = plane_ == Plane::Axial ? "P" : "I";
    painter.setPen(QColor(120, 200, 255));
    painter.drawText(QRect(4, 0, 20, height()), Qt::AlignVCenter | Qt::AlignLeft, left);
    painter.drawText(QRect(width() - 24, 0, 20, height()), Qt::AlignVCenter | Qt::AlignRight, right);
    painter.drawText(QRect(0, 22, width(), 20), Qt::AlignHCenter | Qt::AlignTop, top);
    painter.drawText(QRect(0, height() - 24, width(), 20), Qt::AlignHCenter | Qt::AlignBottom, bottom);
}

void SliceView::mousePressEvent(QMouseEvent* event) {
    dragStart_ = event->position();
    DisplayIndex d;
    const bool inside = displayAt(event->position(), d);
    if (event->button() == Qt::LeftButton && ruler_) {  // the next click clears the ruler
        ruler_.reset();
        update();
    }
    if (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ControlModifier) && model_.hasGeometry()) {
        drag_ = Drag::Ruler;
        const auto p = slicePixelAt(event->position());
        ruler_ = Ruler{plane_, model_.slice(plane_), p, p};
        update();
        return;
    }
    if (event->button() == Qt::LeftButton && !(event->modifiers() & Qt::ShiftModifier)) {
        if (pointerHandler_ && inside && pointerHandler_(QEvent::MouseButtonPress, d, event->modifiers())) {
            drag_ = Drag::Tool;
            return;
        }
        drag_ = Drag::Cursor;
        model_.setCursor(d);
        Q_EMIT cursorPicked();
    } else if (event->button() == Qt::RightButton) {
        drag_ = Drag::Window;
        windowAtStart_ = model_.windowLevel(model_.shownIn(view_));
    } else if (event->button() == Qt::MiddleButton || event->button() == Qt::LeftButton) {
        drag_ = Drag::Pan;
        centreAtStart_ = model_.centre();
    }
}

void SliceView::mouseMoveEvent(QMouseEvent* event) {
    const QPointF delta = event->position() - dragStart_;
    DisplayIndex d;
    if (brushMm_ > 0) {
        hover_ = event->position();
        update();
    }
    switch (drag_) {
        case Drag::Ruler:
            if (ruler_) ruler_->to = slicePixelAt(event->position());
            update();
            break;
        case Drag::Tool:
            displayAt(event->position(), d);
            pointerHandler_(QEvent::MouseMove, d, event->modifiers());
            break;
        case Drag::Cursor:
            displayAt(event->position(), d);
            model_.setCursor(d);
            Q_EMIT cursorPicked();
            break;
        case Drag::Window: {
            // A full widget width doubles/halves the window; a full height moves the level by a window.
            const Side shown = model_.shownIn(view_);
            WindowLevel w = windowAtStart_;
            w.window = windowAtStart_.window * std::pow(2.0, delta.x() / std::max(1, width()) * 2.0);
            w.level = windowAtStart_.level - delta.y() / std::max(1, height()) * windowAtStart_.window;
            model_.setWindowLevel(shown, w);
            break;
        }
        case Drag::Pan: {
            const auto m = mapping();
            const auto g = sliceGeometry(model_.axes(), plane_, 0);
            auto c = centreAtStart_;
            c[g.screenXAxis] -= delta.x() / m.scaleX;
            c[g.screenYAxis] += (g.screenYUp ? 1 : -1) * delta.y() / m.scaleY;
            model_.setCentre(c);
            break;
        }
        case Drag::None:
            break;
    }
}

void SliceView::mouseReleaseEvent(QMouseEvent* event) {
    if (drag_ == Drag::Tool) {
        DisplayIndex d;
        displayAt(event->position(), d);
        pointerHandler_(QEvent::MouseButtonRelease, d, event->modifiers());
    }
    drag_ = Drag::None;
}

void SliceView::wheelEvent(QWheelEvent* event) {
    const QPoint delta = event->angleDelta();  // Shift turns the wheel horizontal on some platforms
    const int steps = (delta.y() != 0 ? delta.y() : delta.x()) / 120;
    if (steps == 0) return;
    if (event->modifiers() & Qt::ShiftModifier) {
        Q_EMIT shiftWheel(steps);
    } else if (event->modifiers() & Qt::ControlModifier) {
        model_.setZoom(model_.zoom() * std::pow(1.15, steps));
    } else {
        model_.stepSlice(plane_, steps);
    }
    event->accept();
}

}  // namespace lesiondelta::viewer
