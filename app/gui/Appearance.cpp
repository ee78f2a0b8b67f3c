#include "Appearance.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>
#include <memory>

namespace lesiondelta::gui {
namespace {

QString& platformStyle() {
    static QString name;  // the style the platform chose, remembered before the first change
    return name;
}

QPalette darkPalette() {
    QPalette p;
    const QColor window(0x2b, 0x2f, 0x36), base(0x1f, 0x22, 0x28), text(0xe6, 0xe9, 0xed);
    const QColor disabled(0x7d, 0x85, 0x90), highlight(0x2e, 0xa0, 0x43);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x58, 0xa6, 0xff));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Light, window.lighter(130));
    p.setColor(QPalette::Midlight, window.lighter(115));
    p.setColor(QPalette::Mid, window.darker(120));
    p.setColor(QPalette::Dark, window.darker(150));
    p.setColor(QPalette::Shadow, Qt::black);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

QPalette lightPalette() {
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create("Fusion"));  // only asked for its palette
    QPalette p = fusion->standardPalette();
    p.setColor(QPalette::Highlight, QColor(0x1f, 0x7a, 0x36));
    p.setColor(QPalette::HighlightedText, Qt::white);
    return p;
}

}  // namespace

void applyTheme(Theme theme) {
    if (platformStyle().isEmpty()) platformStyle() = QApplication::style()->name();
    if (theme == Theme::System) {
        QApplication::setStyle(QStyleFactory::create(platformStyle()));
        QApplication::setPalette(QApplication::style()->standardPalette());
        return;
    }
    QApplication::setStyle(QStyleFactory::create("Fusion"));
    QApplication::setPalette(theme == Theme::Dark ? darkPalette() : lightPalette());
}

}  // namespace lesiondelta::gui
