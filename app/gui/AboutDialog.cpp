#include "AboutDialog.h"

#include <itkVersion.h>

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "lesiondelta/Version.h"
#include "lesiondelta/ml/ComputeDevice.h"
#include "lesiondelta/ml/WeightsFile.h"
#include "lesiondelta/viewer/View3D.h"

namespace lesiondelta::gui {
namespace {

QString row(const QString& name, const QString& value) {
    return QStringLiteral("<tr><td><b>%1</b></td><td>&nbsp;&nbsp;%2</td></tr>").arg(name.toHtmlEscaped(), value);
}

}  // namespace

AboutDialog::AboutDialog(const QString& modelPath, QWidget* parent) : QDialog(parent) {
    setObjectName("aboutDialog");
    setWindowTitle(tr("About LesionDelta"));
    QString model;
    if (modelPath.isEmpty()) {
        model = row(tr("Model"), tr("none installed"));
    } else {
        try {
            const auto m = ml::readWeightsMetadata(modelPath.toStdString());
            model = row(tr("Model"), modelPath.toHtmlEscaped()) +
                    row(tr("SHA-256 of the weights"),
                        QStringLiteral("<code>%1</code>").arg(QString::fromStdString(m.dataSha256))) +
                    row(tr("Network"), tr("%1, base width %2, threshold %3")
                                           .arg(QString::fromStdString(m.architecture))
                                           .arg(m.baseWidth)
                                           .arg(m.threshold)) +
                    row(tr("Trained on"), QString::fromStdString(m.trainingData).toHtmlEscaped()) +
                    row(tr("Trained"), QString::fromStdString(m.date).toHtmlEscaped());
        } catch (const std::exception& e) {
            model = row(tr("Model"),
                        tr("%1 cannot be read: %2").arg(modelPath, QString::fromUtf8(e.what())).toHtmlEscaped());
        }
    }
    html_ = tr("<h2>LesionDelta %1</h2><p>Detection and review of new and enlarging multiple-sclerosis lesions in "
               "follow-up FLAIR MRI, after Krueger et al., NeuroImage: Clinical 2020. For research and as a reading "
               "aid; not a certified medical device.</p>")
                .arg(QString::fromLatin1(kVersion)) +
            "<table>" + model + "</table>" + tr("<h3>Libraries</h3>") + "<table>" +
            row("Qt", QString::fromLatin1(qVersion()) + " (LGPL-3.0)") +
            row("LibTorch", QString::fromStdString(ml::torchVersion()) + " (BSD-3-Clause)") +
            row("ITK", QString::fromStdString(itk::Version::GetITKVersion()) + " (Apache-2.0)") +
            row("VTK", viewer::vtkVersionText() + " (BSD-3-Clause)") + row("QCustomPlot", "GPL-3.0") +
            row("nlohmann/json", "MIT") + row("DejaVu fonts", tr("Bitstream Vera licence")) + "</table>" +
            tr("<h3>Licence</h3><p>LesionDelta is free software under the GNU General Public License, version 3 or "
               "later (it links QCustomPlot, which is GPL-3.0). It comes with no warranty.</p>"
               "<h3>Data</h3><p>The sample case and the scans the shipped model was trained on come from the "
               "Ljubljana MS lesion datasets (University of Ljubljana; Lesjak et al., Neuroinformatics 2016 and "
               "2018), released under Creative Commons Attribution (CC BY). The model was trained only on synthetic "
               "pairs made from those scans.</p>");

    auto* layout = new QVBoxLayout(this);
    auto* header = new QHBoxLayout;
    auto* logo = new QLabel(this);
    logo->setPixmap(QIcon(":/icons/lesiondelta.svg").pixmap(64, 64));
    header->addWidget(logo, 0, Qt::AlignTop);
    auto* browser = new QTextBrowser(this);
    browser->setObjectName("aboutText");
    browser->setHtml(html_);
    header->addWidget(browser, 1);
    layout->addLayout(header, 1);
    auto* box = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(box);
    resize(720, 600);
}

}  // namespace lesiondelta::gui
