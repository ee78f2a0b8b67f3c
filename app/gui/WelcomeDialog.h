#pragma once
// The first-run panel: what LesionDelta does, three ways to start (the sample case, a case
// folder, two scans), a short tour of the tools with their shortcuts, and whether to show it at
// the next start (settings::welcomeAtStart). Help > Welcome and tour shows it again.
#include <QDialog>

class QCheckBox;
class QPushButton;

namespace lesiondelta::gui {

class WelcomeDialog : public QDialog {
    Q_OBJECT
public:
    /// `sampleFolder` empty: the sample case is not installed and its button is disabled.
    explicit WelcomeDialog(const QString& sampleFolder, QWidget* parent = nullptr);

    static bool showAtStart();
    QPushButton* sampleButton() const { return sample_; }

Q_SIGNALS:
    void openSample(const QString& folder);
    void openFolder();
    void openScans();

private:
    QString sampleFolder_;
    QPushButton* sample_ = nullptr;
    QCheckBox* again_ = nullptr;
};

}  // namespace lesiondelta::gui
