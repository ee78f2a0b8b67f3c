#pragma once
// A picture of a window as the reader sees it, for `lesiondelta --screenshot`: QWidget::grab()
// plus what it leaves out - the OpenGL frames of visible 3D views and open dialogs (windows of
// their own), painted in where they show.
#include <QPixmap>

class QWidget;

namespace lesiondelta::gui {

QPixmap windowSnapshot(QWidget& window);

}  // namespace lesiondelta::gui
