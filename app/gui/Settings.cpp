#include "Settings.h"

#include <QSettings>

namespace lesiondelta::gui::settings {
namespace {

QVariant get(const char* key, const QVariant& fallback = {}) { return QSettings().value(key, fallback); }
void put(const char* key, const QVariant& value) { QSettings().setValue(key, value); }

const char* themeKey(Theme t) { return t == Theme::Light ? "light" : t == Theme::Dark ? "dark" : "system"; }

}  // namespace

QByteArray windowGeometry() { return get("window/geometry").toByteArray(); }
void setWindowGeometry(const QByteArray& geometry) { put("window/geometry", geometry); }

QStringList recentCases() { return get("recentCases").toStringList(); }
void setRecentCases(const QStringList& entries) { put("recentCases", entries); }

QString lastFolder() { return get("lastFolder").toString(); }
void setLastFolder(const QString& folder) { put("lastFolder", folder); }

QString raterName() { return get("rater/name").toString(); }
void setRaterName(const QString& name) { put("rater/name", name); }

bool anonymiseReports() { return get("anonymiseReports", false).toBool(); }
void setAnonymiseReports(bool on) { put("anonymiseReports", on); }

double flickerHz() { return get("view/flickerHz", 2.0).toDouble(); }
void setFlickerHz(double hz) { put("view/flickerHz", hz); }

bool welcomeAtStart() { return get("welcome/showAtStart", true).toBool(); }
void setWelcomeAtStart(bool on) { put("welcome/showAtStart", on); }

Theme theme() {
    const QString v = get("appearance/theme", "system").toString();
    return v == "light" ? Theme::Light : v == "dark" ? Theme::Dark : Theme::System;
}
void setTheme(Theme theme) { put("appearance/theme", themeKey(theme)); }

QString pacsNode() { return get("pacs/node").toString(); }
void setPacsNode(const QString& node) { put("pacs/node", node); }
QString pacsOurAeTitle() { return get("pacs/ourAeTitle", QStringLiteral("LESIONDELTA")).toString(); }
void setPacsOurAeTitle(const QString& aeTitle) { put("pacs/ourAeTitle", aeTitle); }

QString language() { return get("appearance/language").toString(); }
void setLanguage(const QString& code) { put("appearance/language", code); }

}  // namespace lesiondelta::gui::settings
