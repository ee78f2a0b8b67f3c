#include "lesiondelta/viewer/SlicePairPanel.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QVBoxLayout>

#include "lesiondelta/viewer/WindowLevelFields.h"

namespace lesiondelta::viewer {

SlicePairPanel::SlicePairPanel(SlicePairModel& model, const ViewerScene& scene, QWidget* parent)
    : QWidget(parent), model_(model) {
    const char* sideNames[] = {"bl", "fu"};
    const char* planeNames[] = {"", "Coronal", "Sagittal"};
    for (int s = 0; s < 2; ++s) {
        for (Plane plane : {Plane::Axial, Plane::Coronal, Plane::Sagittal}) {
            auto* v = new SliceView(s == 0 ? Side::Baseline : Side::FollowUp, model, scene, this);
            v->setPlane(plane);
            v->setObjectName(
                QStringLiteral("%1%2View").arg(sideNames[s], planeNames[int(plane)]));  // blView, fuCoronalView
            views_[s][int(plane)] = v;
        }
    }
    slider_ = new QSlider(Qt::Horizontal, this);
    slider_->setObjectName("sliceSlider");
    slider_->setToolTip(tr("Slice (wheel, Up/Down, Page Up/Down)"));
    sliceLabel_ = new QLabel(this);
    sliceLabel_->setMinimumWidth(90);
    windowLevel_ = new WindowLevelFields(model, this);
    grid_ = new QGridLayout;
    grid_->setSpacing(4);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(slider_, 1);
    bottom->addWidget(sliceLabel_);
    bottom->addWidget(windowLevel_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(grid_, 1);
    layout->addLayout(bottom);
    connect(slider_, &QSlider::valueChanged, this, [this](int v) { model_.setSlice(plane(), v); });
    listener_ = model_.addListener([this](unsigned changes) {
        if (changes & (SlicePairModel::Cursor | SlicePairModel::Geometry)) syncSlider();
    });
    arrange();
    syncSlider();
}

SlicePairPanel::~SlicePairPanel() { model_.removeListener(listener_); }

std::vector<SliceView*> SlicePairPanel::allViews() const {
    std::vector<SliceView*> out;
    for (const auto& side : views_)
        for (auto* v : side) out.push_back(v);
    return out;
}

void SlicePairPanel::setPlane(Plane plane) {
    plane_ = plane;
    arrange();
    syncSlider();
    Q_EMIT planeChanged(plane);
}

void SlicePairPanel::setLayout(Layout layout) {
    layout_ = layout;
    arrange();
}

void SlicePairPanel::arrange() {
    for (auto* v : allViews()) {
        grid_->removeWidget(v);
        v->hide();
    }
    for (int s = 0; s < 2; ++s) {
        if (layout_ == Layout::SideBySide) {
            grid_->addWidget(views_[s][int(plane_)], 0, s);
            views_[s][int(plane_)]->show();
        } else {
            for (int p = 0; p < 3; ++p) {
                grid_->addWidget(views_[s][p], s, p);
                views_[s][p]->show();
            }
        }
    }
    // Stretch only the rows and columns in use, so a hidden layout leaves no empty cells.
    for (int i = 0; i < 3; ++i) {
        grid_->setColumnStretch(i, layout_ == Layout::ThreePlanes || i < 2 ? 1 : 0);
        grid_->setRowStretch(i, layout_ == Layout::ThreePlanes ? (i < 2 ? 1 : 0) : (i == 0 ? 1 : 0));
    }
}

void SlicePairPanel::setCrosshair(bool on) {
    for (auto* v : allViews()) v->setCrosshair(on);
}

void SlicePairPanel::syncSlider() {
    const QSignalBlocker block(slider_);
    const int count = model_.hasGeometry() ? model_.sliceCount(plane()) : 1;
    slider_->setRange(0, std::max(0, count - 1));
    slider_->setValue(model_.hasGeometry() ? model_.slice(plane()) : 0);
    sliceLabel_->setText(model_.hasGeometry() ? tr("%1 / %2").arg(model_.slice(plane()) + 1).arg(count) : QString());
}

}  // namespace lesiondelta::viewer
