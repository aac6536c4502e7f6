#include "StatusIcons.h"

#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace relayfleet::gui {

namespace {

QPixmap draw(DeviceStatus::State state, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(40, 40, 40), size / 12.0));
    const QRectF box(size * 0.12, size * 0.12, size * 0.76, size * 0.76);
    switch (state) {
    case DeviceStatus::State::Online:
        painter.setBrush(QColor(0x2e, 0xa0, 0x43));
        painter.drawEllipse(box);
        break;
    case DeviceStatus::State::Stale: {
        painter.setBrush(QColor(0xe3, 0x9b, 0x1b));
        QPainterPath triangle;
        triangle.moveTo(box.center().x(), box.top());
        triangle.lineTo(box.right(), box.bottom());
        triangle.lineTo(box.left(), box.bottom());
        triangle.closeSubpath();
        painter.drawPath(triangle);
        break;
    }
    case DeviceStatus::State::Offline:
        painter.setBrush(QColor(0x9a, 0x9a, 0x9a));
        painter.drawEllipse(box);
        break;
    case DeviceStatus::State::Unregistered:
        painter.setBrush(QColor(0x3b, 0x7d, 0xd8));
        painter.drawRect(box);
        break;
    case DeviceStatus::State::Invalid:
        painter.setBrush(QColor(0xc9, 0x2a, 0x2a));
        painter.drawRect(box);
        painter.drawLine(box.topLeft(), box.bottomRight());
        painter.drawLine(box.topRight(), box.bottomLeft());
        break;
    }
    return pixmap;
}

} // namespace

QIcon StatusIcons::icon(DeviceStatus::State state)
{
    static QHash<int, QIcon> cache;
    const int key = static_cast<int>(state);
    if (!cache.contains(key)) {
        QIcon icon;
        for (int size : {16, 24, 32, 48}) {
            icon.addPixmap(draw(state, size));
        }
        cache.insert(key, icon);
    }
    return cache.value(key);
}

} // namespace relayfleet::gui
