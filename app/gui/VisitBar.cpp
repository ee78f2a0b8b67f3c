#include "VisitBar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>

namespace lesiondelta::gui {

VisitBar::VisitBar(QWidget* parent) : QWidget(parent) {
    setObjectName("visitBar");
    from_ = new QComboBox(this);
    from_->setObjectName("visitFrom");
    from_->setToolTip(tr("The visit shown on the BL side"));
    to_ = new QComboBox(this);
    to_->setObjectName("visitTo");
    to_->setToolTip(tr("The visit shown on the FU side"));
    for (auto* box : {from_, to_}) box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    sentence_ = new QLabel(this);
    sentence_->setObjectName("courseSentence");
    sentence_->setWordWrap(true);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(new QLabel(tr("Visits"), this));
    layout->addWidget(from_);
    layout->addWidget(new QLabel(QStringLiteral("→"), this));
    layout->addWidget(to_);
    layout->addSpacing(12);
    layout->addWidget(sentence_, 1);
    auto chosen = [this] { Q_EMIT pairChosen(from_->currentData().toInt(), to_->currentData().toInt()); };
    connect(from_, &QComboBox::activated, this, chosen);
    connect(to_, &QComboBox::activated, this, chosen);
}

void VisitBar::setVisits(const std::vector<int>& indices, const QStringList& labels) {
    for (auto* box : {from_, to_}) {
        const QSignalBlocker block(box);
        box->clear();
        for (std::size_t i = 0; i < indices.size(); ++i) box->addItem(labels[int(i)], indices[i]);
    }
}

void VisitBar::setPair(int from, int to) {
    const QSignalBlocker b1(from_), b2(to_);
    from_->setCurrentIndex(from_->findData(from));
    to_->setCurrentIndex(to_->findData(to));
}

void VisitBar::setSentence(const QString& sentence) {
    sentence_->setText(QStringLiteral("<b>%1</b>").arg(sentence.toHtmlEscaped()));
}

}  // namespace lesiondelta::gui
