#pragma once
// Help > About: version, the model in use (checksum, training data, date), the versions of Qt,
// LibTorch, ITK and VTK, the licences of LesionDelta and its libraries, and the data attribution.
#include <QDialog>

namespace lesiondelta::gui {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    /// `modelPath` empty: no model is installed (said in the dialog).
    explicit AboutDialog(const QString& modelPath, QWidget* parent = nullptr);

    /// The dialog's text (HTML), for tests.
    QString text() const { return html_; }

private:
    QString html_;
};

}  // namespace lesiondelta::gui
