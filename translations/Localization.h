#pragma once
// The language of the GUI and the reports: German or English, following the system's UI
// languages unless a setting or option names one.
#include <QString>
#include <QStringList>

namespace lesiondelta::i18n {

/// The languages offered, as codes: "en", "de".
QStringList availableLanguages();

/// The language to use: `requested` when it is an offered code; otherwise (empty or "system")
/// the first of the system's UI languages that is offered; English when none is.
QString chooseLanguage(const QString& requested = {});

/// Installs LesionDelta's translation (and Qt's own for its dialogs, where installed) for the
/// chosen language into the running application. Returns the language now in use.
QString installTranslations(const QString& requested = {});

/// The language's own name ("Deutsch", "English").
QString languageName(const QString& code);

}  // namespace lesiondelta::i18n
