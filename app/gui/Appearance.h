#pragma once
// The look of the application: a light, a dark or the system's theme (remembered in Settings.h).
#include <QString>

namespace lesiondelta::gui {

enum class Theme { System, Light, Dark };

/// Applies `theme` to the whole application: System restores the platform's style and palette;
/// Light and Dark use the Fusion style with a fixed palette (the image views stay black).
void applyTheme(Theme theme);

}  // namespace lesiondelta::gui
