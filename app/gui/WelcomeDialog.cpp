#include "WelcomeDialog.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "Settings.h"

namespace lesiondelta::gui {
namespace {

QPushButton* bigButton(const QString& icon, const QString& text, QWidget* parent) {
    auto* b = new QPushButton(QIcon(icon), text, parent);
    b->setIconSize(QSize(28, 28));
    b->setMinimumHeight(48);
    return b;
}

}  // namespace

WelcomeDialog::WelcomeDialog(const QString& sampleFolder, QWidget* parent)
    : QDialog(parent), sampleFolder_(sampleFolder) {
    setObjectName("welcomeDialog");
    setWindowTitle(tr("Welcome to LesionDelta"));
    auto* layout = new QVBoxLayout(this);

    auto* header = new QHBoxLayout;
    auto* logo = new QLabel(this);
    logo->setPixmap(QIcon(":/icons/lesiondelta.svg").pixmap(72, 72));
    header->addWidget(logo);
    auto* intro = new QLabel(
        tr("<h2>Welcome to LesionDelta</h2>"
           "<p>LesionDelta compares a patient's baseline (BL) and follow-up (FU) FLAIR scans and finds the "
           "lesions that are new or enlarged at FU with a 3D convolutional network. You check them in coupled "
           "BL/FU views, correct them and export a PDF report.</p>"),
        this);
    intro->setWordWrap(true);
    header->addWidget(intro, 1);
    layout->addLayout(header);

    auto* buttons = new QHBoxLayout;
    sample_ = bigButton(":/icons/detect.svg", tr("Open the sample case"), this);
    sample_->setObjectName("welcomeSample");
    sample_->setEnabled(!sampleFolder_.isEmpty());
    if (sampleFolder_.isEmpty()) sample_->setToolTip(tr("The sample case is not installed."));
    auto* folder = bigButton(":/icons/open-case.svg", tr("Open a case folder..."), this);
    auto* scans = bigButton(":/icons/open-scans.svg", tr("Open BL and FU scans..."), this);
    buttons->addWidget(sample_);
    buttons->addWidget(folder);
    buttons->addWidget(scans);
    layout->addLayout(buttons);
    connect(sample_, &QPushButton::clicked, this, [this] {
        accept();
        Q_EMIT openSample(sampleFolder_);
    });
    connect(folder, &QPushButton::clicked, this, [this] {
        accept();
        Q_EMIT openFolder();
    });
    connect(scans, &QPushButton::clicked, this, [this] {
        accept();
        Q_EMIT openScans();
    });

    auto* tour = new QTextBrowser(this);
    tour->setObjectName("welcomeTour");
    tour->setOpenExternalLinks(false);
    tour->setHtml(
        tr("<h3>A short tour</h3>"
           "<ol>"
           "<li><b>Open</b> a case folder (Ctrl+Shift+O), two scans (Ctrl+O) or two DICOM folders; you can also "
           "drop files on the window. BL is registered to FU in the background.</li>"
           "<li><b>Detect</b> new and enlarged lesions (Ctrl+D). They appear in green; the list on the right is "
           "sorted by volume.</li>"
           "<li><b>Review</b>: N and P go to the next and previous lesion, T shows BL in the FU view, F flickers "
           "between them, W and A set the window, L links the windows of both views, Up/Down and the wheel change "
           "the slice, 1/2/3 the plane.</li>"
           "<li><b>Correct</b> in the Annotate tab: accept or reject each CNN lesion, paint (B) and erase (E) "
           "with the brush; the annotation is saved with your name and kept safe against crashes.</li>"
           "<li><b>Compare and report</b>: add LST output and rater masks (File menu); export the patient report "
           "as PDF (Ctrl+E).</li>"
           "</ol>"
           "<p>F1 lists every shortcut. The CNN's result supports, and does not replace, the reading of the "
           "images.</p>"));
    tour->setMinimumHeight(260);
    layout->addWidget(tour, 1);

    auto* bottom = new QHBoxLayout;
    again_ = new QCheckBox(tr("Show this window at start"), this);
    again_->setChecked(showAtStart());
    connect(again_, &QCheckBox::toggled, this, [](bool on) { settings::setWelcomeAtStart(on); });
    bottom->addWidget(again_);
    bottom->addStretch();
    auto* close = new QPushButton(tr("Close"), this);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    bottom->addWidget(close);
    layout->addLayout(bottom);
    resize(760, 560);
}

bool WelcomeDialog::showAtStart() { return settings::welcomeAtStart(); }

}  // namespace lesiondelta::gui
