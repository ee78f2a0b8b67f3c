#pragma once
// The look of the application: a light, a dark or the system's theme, and the language setting.
// Both are kept in QSettings ("appearance/theme", "appearance/language").
#include <QString>

namespace lesiondelta::gui {

enum class Theme { System, Light, Dark };

/// Applies `theme` to the whole application: System restores the platform's style and palette;
/// Light and Dark use the Fusion style with a fixed palette (the image views stay black).
void applyTheme(Theme theme);
Theme savedTheme();
void saveTheme(Theme theme);

/// The saved language code ("de", "en"), or empty to follow the system.
QString savedLanguage();
void saveLanguage(const QString& code);

}  // namespace lesiondelta::gui
