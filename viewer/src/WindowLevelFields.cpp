#include "lesiondelta/viewer/WindowLevelFields.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <algorithm>
#include <cmath>

namespace lesiondelta::viewer {

WindowLevelFields::WindowLevelFields(SlicePairModel& model, QWidget* parent) : QWidget(parent), model_(model) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(3);
    for (Side side : {Side::Baseline, Side::FollowUp}) {
        auto* name = new QLabel(side == Side::Baseline ? tr("BL W/L") : tr("FU W/L"), this);
        layout->addSpacing(side == Side::Baseline ? 0 : 8);
        layout->addWidget(name);
        for (int k = 0; k < 2; ++k) {
            auto* f = new QDoubleSpinBox(this);
            f->setObjectName(
                QStringLiteral("%1%2").arg(side == Side::Baseline ? "bl" : "fu", k == 0 ? "Window" : "Level"));
            f->setRange(k == 0 ? 1e-3 : -1e7, 1e7);
            f->setDecimals(1);
            f->setKeyboardTracking(false);  // set when typing ends (Enter, focus), not per digit
            f->setButtonSymbols(QAbstractSpinBox::NoButtons);
            f->setMaximumWidth(70);
            f->setToolTip(k == 0 ? tr("Window: the intensity span from black to white")
                                 : tr("Level: the intensity shown mid-grey"));
            fields_[index(side)][k] = f;
            layout->addWidget(f);
            connect(f, &QDoubleSpinBox::valueChanged, this, [this, side] {
                WindowLevel w;
                w.window = windowField(side)->value();
                w.level = levelField(side)->value();
                model_.setWindowLevel(side, w);
            });
        }
    }
    listener_ = model_.addListener([this](unsigned changes) {
        if (changes & (SlicePairModel::Window | SlicePairModel::Geometry)) show();
    });
    show();
}

WindowLevelFields::~WindowLevelFields() { model_.removeListener(listener_); }

void WindowLevelFields::show() {
    for (Side side : {Side::Baseline, Side::FollowUp}) {
        const auto& w = model_.windowLevel(side);
        // Steps of about 1 % of the scan's range: arrow keys and the wheel move the window usefully
        // on 0..1 standardised data and on 0..4000 raw data alike.
        const auto& r = model_.intensityRange(side);
        const double step = std::max(1e-3, (r.high - r.low) / 100.0);
        const int decimals = std::clamp(int(std::ceil(-std::log10(step))) + 1, 0, 3);
        for (int k = 0; k < 2; ++k) {
            auto* f = fields_[index(side)][k];
            const QSignalBlocker block(f);
            f->setDecimals(decimals);
            f->setSingleStep(step);
            f->setValue(k == 0 ? w.window : w.level);
            f->setEnabled(model_.hasGeometry());
        }
    }
}

}  // namespace lesiondelta::viewer
