#include "lesiondelta/viewer/LesionNavigator.h"

#include <QHeaderView>

namespace lesiondelta::viewer {
namespace {

/// A cell that sorts by its number, not its text.
class NumberItem : public QTableWidgetItem {
public:
    NumberItem(const QString& text, double value) : QTableWidgetItem(text) {
        setData(Qt::UserRole, value);
        setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    bool operator<(const QTableWidgetItem& other) const override {
        return data(Qt::UserRole).toDouble() < other.data(Qt::UserRole).toDouble();
    }
};

}  // namespace

LesionNavigator::LesionNavigator(QWidget* parent) : QTableWidget(parent) {
    // What a reader judges first comes first, in short headers (full names in the tooltips), so
    // that volume, slice, probability and the other layers show without scrolling in a 300 px
    // side panel (1280 x 720); the centroid comes last.
    setColumnCount(6);
    setHorizontalHeaderLabels({tr("#"), tr("ml"), tr("Slice"), tr("p"), tr("Found by"), tr("Centroid L/P/S (mm)")});
    const QString tips[] = {tr("Lesion"),
                            tr("Volume (ml)"),
                            tr("Axial slice"),
                            tr("Mean CNN probability inside the lesion"),
                            tr("Other layers that overlap the lesion"),
                            QString()};
    for (int c = 0; c < 6; ++c)
        if (!tips[c].isEmpty()) horizontalHeaderItem(c)->setToolTip(tips[c]);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    verticalHeader()->hide();
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    setSortingEnabled(true);
    setAlternatingRowColors(true);
    connect(this, &QTableWidget::itemSelectionChanged, this, &LesionNavigator::onSelectionChanged);
}

void LesionNavigator::setLesions(const std::vector<NavigatorLesion>& lesions) {
    lesions_ = lesions;
    const bool sorting = isSortingEnabled();
    setSortingEnabled(false);
    clearContents();
    setRowCount(int(lesions.size()));
    for (int r = 0; r < int(lesions.size()); ++r) {
        const auto& l = lesions[r];
        auto* id = new NumberItem(QString::number(l.id), l.id);
        id->setData(Qt::UserRole + 1, r);
        if (l.belowMinimum) {
            id->setText(tr("%1 (< 0.01 ml)").arg(l.id));
            id->setForeground(QColor(200, 120, 0));
        }
        setItem(r, 0, id);
        setItem(r, 1, new NumberItem(QString::number(l.volumeMl, 'f', 3), l.volumeMl));
        setItem(r, 2, new NumberItem(QString::number(l.centre[2] + 1), l.centre[2]));
        setItem(r, 3,
                new NumberItem(l.meanProbability < 0 ? QStringLiteral("-") : QString::number(l.meanProbability, 'f', 2),
                               l.meanProbability));
        setItem(r, 4, new QTableWidgetItem(l.foundBy.isEmpty() ? tr("-") : l.foundBy));
        setItem(r, 5,
                new QTableWidgetItem(QStringLiteral("%1, %2, %3")
                                         .arg(l.centroidLpsMm[0], 0, 'f', 1)
                                         .arg(l.centroidLpsMm[1], 0, 'f', 1)
                                         .arg(l.centroidLpsMm[2], 0, 'f', 1)));
    }
    setSortingEnabled(sorting);
}

const NavigatorLesion* LesionNavigator::selectedLesion() const {
    const auto rows = selectionModel() ? selectionModel()->selectedRows() : QModelIndexList{};
    if (rows.isEmpty()) return nullptr;
    const auto* first = item(rows.first().row(), 0);
    if (!first) return nullptr;
    const int index = first->data(Qt::UserRole + 1).toInt();
    return index >= 0 && index < int(lesions_.size()) ? &lesions_[index] : nullptr;
}

void LesionNavigator::step(int direction) {
    if (rowCount() == 0) return;
    const auto rows = selectionModel()->selectedRows();
    const int current = rows.isEmpty() ? (direction > 0 ? -1 : 0) : rows.first().row();
    const int next = ((current + direction) % rowCount() + rowCount()) % rowCount();
    selectRow(next);
}

void LesionNavigator::onSelectionChanged() {
    if (const auto* l = selectedLesion()) Q_EMIT lesionActivated(l->centre);
}

}  // namespace lesiondelta::viewer
