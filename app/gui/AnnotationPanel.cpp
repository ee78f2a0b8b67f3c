#include "AnnotationPanel.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "AnnotationController.h"
#include "lesiondelta/core/LesionComponents.h"

namespace lesiondelta::gui {

using Tool = AnnotationController::Tool;

AnnotationPanel::AnnotationPanel(AnnotationController& controller, std::function<unsigned()> selectedLesion,
                                 QWidget* parent)
    : QWidget(parent), controller_(controller), selectedLesion_(std::move(selectedLesion)) {
    auto* layout = new QVBoxLayout(this);
    rater_ = new QLabel(this);
    auto* start = new QPushButton(tr("Annotate as rater..."), this);
    layout->addWidget(rater_);
    layout->addWidget(start);
    connect(start, &QPushButton::clicked, this, &AnnotationPanel::startRequested);

    editing_ = new QWidget(this);
    auto* grid = new QGridLayout(editing_);
    grid->setContentsMargins(0, 0, 0, 0);
    tools_ = new QButtonGroup(this);
    const std::pair<QString, Tool> tools[] = {{tr("Navigate (V)"), Tool::Navigate},
                                              {tr("Paint (B)"), Tool::Paint},
                                              {tr("Erase (E)"), Tool::Erase},
                                              {tr("ROI threshold (I)"), Tool::RoiThreshold},
                                              {tr("Erase lesion (K)"), Tool::EraseLesion}};
    int i = 0;
    for (const auto& [name, tool] : tools) {
        auto* b = new QPushButton(name, editing_);
        b->setCheckable(true);
        tools_->addButton(b, int(tool));
        grid->addWidget(b, i / 2, i % 2);
        ++i;
    }
    connect(tools_, &QButtonGroup::idClicked, this, [this](int id) {
        controller_.setTool(Tool(id));
        refresh();
    });
    radius_ = new QDoubleSpinBox(editing_);
    radius_->setRange(0.5, 20);
    radius_->setSingleStep(0.5);
    radius_->setSuffix(tr(" mm"));
    radius_->setPrefix(tr("radius "));
    radius_->setValue(controller_.radiusMm());
    sphere_ = new QCheckBox(tr("3D sphere"), editing_);
    grid->addWidget(radius_, 3, 0);
    grid->addWidget(sphere_, 3, 1);
    connect(radius_, &QDoubleSpinBox::valueChanged, this, [this](double v) { controller_.setRadiusMm(v); });
    connect(sphere_, &QCheckBox::toggled, this, [this](bool on) { controller_.setSphere(on); });

    threshold_ = new QSlider(Qt::Horizontal, editing_);
    threshold_->setRange(0, 1000);
    threshold_->setToolTip(tr("ROI threshold (also Shift+wheel over a view)"));
    thresholdLabel_ = new QLabel(editing_);
    apply_ = new QPushButton(tr("Apply ROI (Enter)"), editing_);
    auto* cancel = new QPushButton(tr("Cancel ROI"), editing_);
    grid->addWidget(threshold_, 4, 0);
    grid->addWidget(thresholdLabel_, 4, 1);
    grid->addWidget(apply_, 5, 0);
    grid->addWidget(cancel, 5, 1);
    // Slider positions map onto the ROI's own intensity range.
    connect(threshold_, &QSlider::valueChanged, this, [this](int v) {
        controller_.setRoiThreshold(
            threshold_->property("low").toDouble() +
            v / 1000.0 * (threshold_->property("high").toDouble() - threshold_->property("low").toDouble()));
    });
    connect(apply_, &QPushButton::clicked, this, [this] { controller_.applyRoi(); });
    connect(cancel, &QPushButton::clicked, this, [this] { controller_.cancelRoi(); });
    connect(&controller_, &AnnotationController::roiStateChanged, this,
            [this](bool pending, double t, double low, double high) {
                const QSignalBlocker block(threshold_);
                threshold_->setProperty("low", low);
                threshold_->setProperty("high", high);
                threshold_->setValue(high > low ? int((t - low) / (high - low) * 1000) : 0);
                threshold_->setEnabled(pending);
                apply_->setEnabled(pending);
                thresholdLabel_->setText(pending ? tr("threshold %1").arg(t, 0, 'f', 1) : tr("draw an ROI"));
            });

    auto* accept = new QPushButton(tr("Accept lesion (Y)"), editing_);
    auto* reject = new QPushButton(tr("Reject lesion (X)"), editing_);
    auto* undo = new QPushButton(tr("Undo"), editing_);
    auto* redo = new QPushButton(tr("Redo"), editing_);
    auto* save = new QPushButton(tr("Save rater mask"), editing_);
    grid->addWidget(accept, 6, 0);
    grid->addWidget(reject, 6, 1);
    grid->addWidget(undo, 7, 0);
    grid->addWidget(redo, 7, 1);
    grid->addWidget(save, 8, 0, 1, 2);
    connect(accept, &QPushButton::clicked, this, [this] {
        if (const unsigned id = selectedLesion_()) controller_.accept(id);
    });
    connect(reject, &QPushButton::clicked, this, [this] {
        if (const unsigned id = selectedLesion_()) controller_.reject(id);
    });
    connect(undo, &QPushButton::clicked, &controller_, &AnnotationController::undo);
    connect(redo, &QPushButton::clicked, &controller_, &AnnotationController::redo);
    connect(save, &QPushButton::clicked, this, &AnnotationPanel::saveRequested);
    layout->addWidget(editing_);

    lesions_ = new QTreeWidget(this);
    lesions_->setHeaderLabels({tr("Lesion"), tr("Volume (ml)"), tr("Note")});
    lesions_->setRootIsDecorated(false);
    lesions_->setToolTip(
        tr("The rater's lesions (26-connected). Lesions under 0.01 ml (3 mm) are not counted "
           "in comparisons. Double-click to go to a lesion."));
    layout->addWidget(new QLabel(tr("Lesions of this rater's mask:"), this));
    layout->addWidget(lesions_, 1);
    connect(lesions_, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const auto v = item->data(0, Qt::UserRole).toList();
        if (v.size() == 3) Q_EMIT lesionActivated({v[0].toDouble(), v[1].toDouble(), v[2].toDouble()});
    });
    lesionTimer_.setSingleShot(true);
    lesionTimer_.setInterval(400);  // after the last stroke: labelling a scan takes tens of ms
    connect(&lesionTimer_, &QTimer::timeout, this, &AnnotationPanel::updateLesionList);
    connect(&controller_, &AnnotationController::changed, this, [this] { lesionTimer_.start(); });
    refresh();
}

void AnnotationPanel::updateLesionList() {
    lesionTimer_.stop();
    lesions_->clear();
    if (!controller_.active()) return;
    for (const auto& l : lesionTable(controller_.annotation()->mask(), 0.0)) {
        auto* item = new QTreeWidgetItem(lesions_);
        item->setText(0, QString::number(l.id));
        item->setText(1, QString::number(l.volumeMl, 'f', 3));
        item->setData(0, Qt::UserRole, QVariantList{l.centroidIndex[0], l.centroidIndex[1], l.centroidIndex[2]});
        if (l.volumeMl < kMinLesionMl) {
            item->setText(2, tr("under 0.01 ml: not counted"));
            item->setForeground(2, QColor(200, 90, 0));
            item->setData(2, Qt::UserRole, true);
        }
    }
}

int AnnotationPanel::lesionRows() const { return lesions_->topLevelItemCount(); }

int AnnotationPanel::flaggedRows() const {
    int n = 0;
    for (int i = 0; i < lesions_->topLevelItemCount(); ++i)
        n += lesions_->topLevelItem(i)->data(2, Qt::UserRole).toBool();
    return n;
}

void AnnotationPanel::refresh() {
    const bool on = controller_.active();
    editing_->setEnabled(on);
    if (!on) lesions_->clear();
    rater_->setText(on ? tr("Rater: <b>%1</b>%2")
                             .arg(QString::fromStdString(controller_.annotation()->rater()))
                             .arg(controller_.annotation()->dirty() ? tr(" (unsaved edits)") : QString())
                       : tr("Not annotating."));
    if (auto* b = tools_->button(int(controller_.tool()))) b->setChecked(true);
}

}  // namespace lesiondelta::gui
