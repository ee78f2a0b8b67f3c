#include "LayerPanel.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "CaseSession.h"

namespace lesiondelta::gui {

LayerPanel::LayerPanel(CaseSession& session, QWidget* parent) : QWidget(parent), session_(session) {
    auto* layout = new QVBoxLayout(this);
    auto* layers = new QGroupBox(tr("Overlays"), this);
    rows_ = new QGridLayout(layers);
    rows_->setColumnStretch(1, 1);
    layout->addWidget(layers);

    auto* cnn = new QGroupBox(tr("CNN"), this);
    auto* cnnLayout = new QVBoxLayout(cnn);
    heat_ = new QCheckBox(tr("Probability heat map (H)"), cnn);
    heat_->setObjectName("heatCheck");
    heatFloor_ = new QDoubleSpinBox(cnn);
    heatFloor_->setObjectName("heatFloor");
    heatFloor_->setRange(0.05, 0.95);
    heatFloor_->setSingleStep(0.05);
    heatFloor_->setDecimals(2);
    heatFloor_->setValue(session_.scene().heat().floor);
    heatFloor_->setToolTip(tr("Probabilities below this are not coloured"));
    auto* heatRow = new QHBoxLayout;
    heatRow->addWidget(heat_, 1);
    heatRow->addWidget(new QLabel(tr("from"), cnn));
    heatRow->addWidget(heatFloor_);
    cnnLayout->addLayout(heatRow);
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Threshold"), cnn));
    threshold_ = new QSlider(Qt::Horizontal, cnn);
    threshold_->setObjectName("thresholdSlider");
    threshold_->setRange(5, 95);
    threshold_->setValue(40);
    threshold_->setToolTip(tr("Probability at or above which a voxel is marked (default 0.40)"));
    thresholdLabel_ = new QLabel("0.40", cnn);
    row->addWidget(threshold_, 1);
    row->addWidget(thresholdLabel_);
    cnnLayout->addLayout(row);
    layout->addWidget(cnn);
    layout->addStretch(1);

    connect(heat_, &QCheckBox::toggled, this, [this](bool on) { session_.scene().setHeatVisible(on); });
    connect(heatFloor_, &QDoubleSpinBox::valueChanged, this,
            [this](double floor) { session_.scene().setHeatFloor(floor); });
    // The label follows the slider at once; the mask follows when the slider rests for 60 ms,
    // so dragging stays smooth on large volumes.
    thresholdDelay_ = new QTimer(this);
    thresholdDelay_->setSingleShot(true);
    thresholdDelay_->setInterval(60);
    connect(threshold_, &QSlider::valueChanged, this, [this](int v) {
        thresholdLabel_->setText(QString::number(v / 100.0, 'f', 2));
        thresholdDelay_->start();
    });
    connect(thresholdDelay_, &QTimer::timeout, this, [this] { session_.setThreshold(threshold_->value() / 100.0); });
    sceneListener_ = session_.scene().addListener([this](unsigned changes) {
        using S = viewer::ViewerScene;
        if (changes & S::LayerList) {
            rebuild();
        } else if (changes & (S::LayerStyle | S::Heat)) {
            syncValues();
        }
    });
    rebuild();
}

LayerPanel::~LayerPanel() { session_.scene().removeListener(sceneListener_); }

void LayerPanel::setThresholdValue(double threshold) {
    const QSignalBlocker block(threshold_);
    threshold_->setValue(int(std::lround(threshold * 100)));
    thresholdLabel_->setText(QString::number(threshold, 'f', 2));
}

void LayerPanel::syncValues() {
    // The scene is the one source of truth (H, G and O change it too).
    const auto& scene = session_.scene();
    const QSignalBlocker block(heat_);
    const QSignalBlocker blockFloor(heatFloor_);
    heat_->setChecked(scene.heat().visible);
    heatFloor_->setValue(scene.heat().floor);
    for (const auto& row : shown_) {
        const auto* l = scene.layer(row.id);
        if (!l) continue;
        const QSignalBlocker b1(row.visible), b2(row.outline), b3(row.opacity);
        row.visible->setChecked(l->visible);
        row.outline->setChecked(l->outline);
        row.opacity->setValue(int(std::lround(l->opacity * 100)));
    }
}

void LayerPanel::rebuild() {
    shown_.clear();
    while (auto* item = rows_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    syncValues();
    const auto& masks = session_.scene().masks();
    // The annotation tools' own layers (ROI outline, its preview) are not overlays to choose.
    const auto listed = [](const viewer::MaskLayer& l) {
        return l.id.kind != viewer::LayerKind::Roi && l.id.kind != viewer::LayerKind::RoiPreview;
    };
    if (std::none_of(masks.begin(), masks.end(), listed)) {
        rows_->addWidget(new QLabel(tr("No overlays yet: run detection (Ctrl+D) or add a mask."), this), 0, 0, 1, 4);
        return;
    }
    // Columns: colour swatch (the legend), visible + name, outline, opacity; headed.
    auto* outlineHeader = new QLabel(tr("Outline"), this);
    outlineHeader->setToolTip(
        tr("Draw the layer's outline instead of filling it (on BL every layer is outlined unless "
           "View > Overlays on BL as outlines is off)"));
    rows_->addWidget(new QLabel(tr("Layer"), this), 0, 0, 1, 2);
    rows_->addWidget(outlineHeader, 0, 2);
    rows_->addWidget(new QLabel(tr("Opacity"), this), 0, 3);
    int row = 1;
    for (std::size_t i = 0; i < masks.size(); ++i) {
        if (!listed(masks[i])) continue;
        auto* swatch = new QLabel(this);
        swatch->setFixedSize(14, 14);
        swatch->setStyleSheet(
            QStringLiteral("background:#%1; border:1px solid #222;").arg(masks[i].rgb, 6, 16, QChar('0')));
        auto* visible = new QCheckBox(QString::fromStdString(masks[i].name), this);
        visible->setChecked(masks[i].visible);
        auto* outline = new QCheckBox(this);
        outline->setChecked(masks[i].outline);
        outline->setToolTip(outlineHeader->toolTip());
        auto* opacity = new QSlider(Qt::Horizontal, this);
        opacity->setRange(10, 100);
        opacity->setValue(int(masks[i].opacity * 100));
        opacity->setMaximumWidth(90);
        opacity->setToolTip(tr("Opacity"));
        rows_->addWidget(swatch, row, 0);
        rows_->addWidget(visible, row, 1);
        rows_->addWidget(outline, row, 2, Qt::AlignHCenter);
        rows_->addWidget(opacity, row, 3);
        ++row;
        shown_.push_back({masks[i].id, visible, outline, opacity});
        auto& scene = session_.scene();
        const auto id = masks[i].id;
        connect(visible, &QCheckBox::toggled, this, [&scene, id](bool on) { scene.setLayerVisible(id, on); });
        connect(outline, &QCheckBox::toggled, this, [&scene, id](bool on) { scene.setLayerOutline(id, on); });
        connect(opacity, &QSlider::valueChanged, this, [&scene, id](int v) { scene.setLayerOpacity(id, v / 100.0); });
    }
}

}  // namespace lesiondelta::gui
