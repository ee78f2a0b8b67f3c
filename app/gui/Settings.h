#pragma once
// What the application remembers between runs, typed. The QSettings keys and defaults exist only
// here (stored under the organisation and application names set in main()).
#include <QByteArray>
#include <QString>
#include <QStringList>

#include "Appearance.h"

namespace lesiondelta::gui::settings {

QByteArray windowGeometry();  // empty before the first close
void setWindowGeometry(const QByteArray& geometry);

QStringList recentCases();  // newest first: a case folder, or "BL|FU"
void setRecentCases(const QStringList& entries);

QString lastFolder();  // where file dialogs start
void setLastFolder(const QString& folder);

QString raterName();  // the last rater who annotated
void setRaterName(const QString& name);

bool anonymiseReports();  // default false
void setAnonymiseReports(bool on);

double flickerHz();  // default 2
void setFlickerHz(double hz);

bool welcomeAtStart();  // default true
void setWelcomeAtStart(bool on);

Theme theme();  // default System
void setTheme(Theme theme);

/// The PACS node as "AE@host:port" (empty until one was used), and our AE title (LESIONDELTA).
QString pacsNode();
void setPacsNode(const QString& node);
QString pacsOurAeTitle();
void setPacsOurAeTitle(const QString& aeTitle);

QString language();  // "de", "en", or empty: the system's
void setLanguage(const QString& code);

}  // namespace lesiondelta::gui::settings
