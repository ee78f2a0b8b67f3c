#include "Localization.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace lesiondelta::i18n {

QStringList availableLanguages() { return {"en", "de"}; }

QString chooseLanguage(const QString& requested) {
    const auto offered = availableLanguages();
    if (offered.contains(requested)) return requested;
    for (const QString& ui : QLocale::system().uiLanguages()) {
        const QString code = ui.section('-', 0, 0).section('_', 0, 0).toLower();
        if (offered.contains(code)) return code;
    }
    return "en";
}

QString installTranslations(const QString& requested) {
    auto* app = QCoreApplication::instance();
    const QString language = chooseLanguage(requested);
    for (auto* old : app->findChildren<QTranslator*>("lesiondelta-translator")) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    // English too: the sources are English, but its file holds the plural forms ("1 lesion").
    auto* own = new QTranslator(app);
    own->setObjectName("lesiondelta-translator");
    if (own->load(":/i18n/lesiondelta_" + language + ".qm")) QCoreApplication::installTranslator(own);
    if (language == "en") return language;
    auto* qt = new QTranslator(app);
    qt->setObjectName("lesiondelta-translator");
    if (qt->load("qtbase_" + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    return language;
}

QString languageName(const QString& code) {
    if (code == "de") return QStringLiteral("Deutsch");
    if (code == "en") return QStringLiteral("English");
    return code;
}

}  // namespace lesiondelta::i18n
