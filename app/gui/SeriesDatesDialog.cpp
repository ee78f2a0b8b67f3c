#include "SeriesDatesDialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>
#include <nlohmann/json.hpp>
#include <set>

#include "lesiondelta/pipeline/ResultText.h"
#include "lesiondelta/pipeline/SeriesFolder.h"

namespace lesiondelta::gui {

SeriesDatesDialog::SeriesDatesDialog(const QString& dir, QWidget* parent) : QDialog(parent), dir_(dir) {
    setWindowTitle(tr("Dates of the visits"));
    files_ = QDir(dir).entryList({"*.nii.gz", "*.nii", "*.nrrd", "*.mha"}, QDir::Files, QDir::Name);
    auto* intro = new QLabel(tr("Some scans in %1 have no date in their names. Give each visit's acquisition date "
                                "(YYYY-MM-DD); leave it empty to leave a file out. The dates are saved in "
                                "series.json in that folder.")
                                 .arg(dir),
                             this);
    intro->setWordWrap(true);
    table_ = new QTableWidget(int(files_.size()), 2, this);
    table_->setHorizontalHeaderLabels({tr("Scan"), tr("Date")});
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int r = 0; r < files_.size(); ++r) {
        auto* name = new QTableWidgetItem(files_[r]);
        name->setFlags(name->flags() & ~Qt::ItemIsEditable);
        table_->setItem(r, 0, name);
        // A date in the name (as readSeriesFolder finds it) is offered.
        table_->setItem(r, 1, new QTableWidgetItem(QString::fromStdString(dateInName(files_[r].toStdString()))));
    }
    problem_ = new QLabel(this);
    problem_->setStyleSheet(QStringLiteral("color: #c0392b;"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (writeSeries()) accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(table_, 1);
    layout->addWidget(problem_);
    layout->addWidget(buttons);
    resize(560, 360);
}

int SeriesDatesDialog::rowCount() const { return table_->rowCount(); }

void SeriesDatesDialog::setDate(int row, const QString& date) { table_->item(row, 1)->setText(date); }

QString SeriesDatesDialog::problem() const { return problem_->text(); }

bool SeriesDatesDialog::writeSeries() {
    nlohmann::json visits = nlohmann::json::array();
    std::set<std::string> dates;
    for (int r = 0; r < table_->rowCount(); ++r) {
        const QString text = table_->item(r, 1)->text().trimmed();
        if (text.isEmpty()) continue;
        const std::string date = isoDate(text.toStdString());
        if (date.empty() || date.size() != std::size_t(text.size())) {
            problem_->setText(tr("%1: \"%2\" is not a date (YYYY-MM-DD).").arg(files_[r], text));
            return false;
        }
        if (!dates.insert(date).second) {
            problem_->setText(tr("Two scans have the date %1: one visit per date.").arg(text));
            return false;
        }
        visits.push_back({{"flair", files_[r].toStdString()}, {"date", date}});
    }
    if (visits.size() < 2) {
        problem_->setText(tr("A course needs at least two dated visits."));
        return false;
    }
    try {
        writeTextAtomically(QDir(dir_).filePath("series.json").toStdString(),
                            nlohmann::json{{"visits", visits}}.dump(2) + "\n");
    } catch (const std::exception& e) {
        problem_->setText(QString::fromStdString(e.what()));
        return false;
    }
    return true;
}

}  // namespace lesiondelta::gui
