#include "lesiondelta/viewer/SlicePairPanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QVBoxLayout>

#include "lesiondelta/viewer/WindowLevelFields.h"

namespace lesiondelta::viewer {

SlicePairPanel::SlicePairPanel(SlicePairModel& model, const ViewerScene& scene, QWidget* parent)
    : QWidget(parent), model_(model) {
    bl_ = new SliceView(Side::Baseline, model, scene, this);
    fu_ = new SliceView(Side::FollowUp, model, scene, this);
    bl_->setObjectName("blView");
    fu_->setObjectName("fuView");
    slider_ = new QSlider(Qt::Horizontal, this);
    slider_->setObjectName("sliceSlider");
    slider_->setToolTip(tr("Slice (wheel, Up/Down, Page Up/Down)"));
    sliceLabel_ = new QLabel(this);
    sliceLabel_->setMinimumWidth(90);
    auto* views = new QHBoxLayout;
    views->setSpacing(4);
    views->addWidget(bl_);
    views->addWidget(fu_);
    windowLevel_ = new WindowLevelFields(model, this);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(slider_, 1);
    bottom->addWidget(sliceLabel_);
    bottom->addWidget(windowLevel_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(views, 1);
    layout->addLayout(bottom);
    connect(slider_, &QSlider::valueChanged, this, [this](int v) { model_.setSlice(plane(), v); });
    listener_ = model_.addListener([this](unsigned changes) {
        if (changes & (SlicePairModel::Cursor | SlicePairModel::Geometry)) syncSlider();
    });
    syncSlider();
}

SlicePairPanel::~SlicePairPanel() { model_.removeListener(listener_); }

void SlicePairPanel::setPlane(Plane plane) {
    bl_->setPlane(plane);
    fu_->setPlane(plane);
    syncSlider();
    Q_EMIT planeChanged(plane);
}

void SlicePairPanel::setCrosshair(bool on) {
    bl_->setCrosshair(on);
    fu_->setCrosshair(on);
}

void SlicePairPanel::refresh() {
    bl_->update();
    fu_->update();
}

void SlicePairPanel::syncSlider() {
    const QSignalBlocker block(slider_);
    const int count = model_.hasGeometry() ? model_.sliceCount(plane()) : 1;
    slider_->setRange(0, std::max(0, count - 1));
    slider_->setValue(model_.hasGeometry() ? model_.slice(plane()) : 0);
    sliceLabel_->setText(model_.hasGeometry() ? tr("%1 / %2").arg(model_.slice(plane()) + 1).arg(count) : QString());
}

}  // namespace lesiondelta::viewer
