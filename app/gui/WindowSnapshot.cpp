#include "WindowSnapshot.h"

#include <QDialog>
#include <QPainter>
#include <QWidget>

#include "lesiondelta/viewer/View3D.h"

namespace lesiondelta::gui {

QPixmap windowSnapshot(QWidget& window) {
    QPixmap shot = window.grab();
    QPainter painter(&shot);
    for (auto* view : window.findChildren<viewer::View3D*>()) {
        if (!view->isVisible()) continue;  // VTK's frame is not in grab(): paint it in
        painter.drawImage(QRectF(view->mapTo(&window, QPoint(0, 0)), QSizeF(view->size())), view->snapshot());
    }
    for (auto* dialog : window.findChildren<QDialog*>()) {
        if (!dialog->isVisible()) continue;  // centred, as it opens
        const QPixmap picture = dialog->grab();
        painter.drawPixmap((shot.width() - picture.width()) / 2, (shot.height() - picture.height()) / 2, picture);
    }
    return shot;
}

}  // namespace lesiondelta::gui
