#include "fleet/HealthChart.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <functional>
#include <optional>

namespace relayfleet::gui {

namespace {

constexpr int kRowHeight = 44;
constexpr int kLabelWidth = 110;
constexpr int kRows = 3;

struct Series
{
    QString title;
    std::function<std::optional<double>(const DeviceHealth &)> value;
    double low;   // the axis' bottom
    double high;  // its top, unless a value goes higher
    double worry; // where a value becomes a worry (drawn faintly)
    QString (*format)(double);
};

} // namespace

HealthChart::HealthChart(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("healthChart"));
    setMinimumHeight(kRows * kRowHeight + 8);
}

QSize HealthChart::sizeHint() const
{
    return {360, kRows * kRowHeight + 8};
}

void HealthChart::setHistory(const QList<DeviceHealth> &history)
{
    m_history = history;
    m_message.clear();
    m_read = true;
    update();
}

void HealthChart::setMessage(const QString &message)
{
    m_history.clear();
    m_message = message;
    m_read = false;
    update();
}

void HealthChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette &colors = palette();
    if (!m_read || m_history.size() < 2) {
        painter.setPen(colors.color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                         !m_read ? m_message
                         : m_history.isEmpty()
                             ? tr("No health reports yet.")
                             : tr("One report so far: the chart starts with the next, in an "
                                  "hour."));
        return;
    }
    const Series series[kRows] = {
        {tr("Temperature"),
         [](const DeviceHealth &h) {
             return h.temperatureMilliC ? std::optional<double>(*h.temperatureMilliC / 1000.0)
                                        : std::nullopt;
         },
         30, 90, DeviceHealth::kWarmMilliC / 1000.0,
         [](double v) {
             return QStringLiteral("%1 °C").arg(QLocale().toString(v, 'f', 1));
         }},
        {tr("Load"),
         [](const DeviceHealth &h) {
             return h.load100 ? std::optional<double>(*h.load100 / 100.0) : std::nullopt;
         },
         0, 4, -1,
         [](double v) {
             return QLocale().toString(v, 'f', 2);
         }},
        {tr("Disk free"),
         [](const DeviceHealth &h) {
             return h.diskFreePercent ? std::optional<double>(*h.diskFreePercent) : std::nullopt;
         },
         0, 100, DeviceHealth::kLowDiskPercent,
         [](double v) {
             return QStringLiteral("%1 %").arg(int(v));
         }},
    };
    const qint64 first = m_history.first().reported.toSecsSinceEpoch();
    const qint64 span = std::max<qint64>(1, m_history.last().reported.toSecsSinceEpoch() - first);
    const QColor line = colors.color(QPalette::Highlight);
    const QColor faint = colors.color(QPalette::Mid);
    for (int row = 0; row < kRows; ++row) {
        const Series &one = series[row];
        const QRect area(kLabelWidth, 4 + row * kRowHeight, width() - kLabelWidth - 4,
                         kRowHeight - 10);
        double high = one.high;
        std::optional<double> latest;
        for (const DeviceHealth &report : m_history) {
            if (const auto v = one.value(report)) {
                high = std::max(high, *v);
                latest = v;
            }
        }
        painter.setPen(colors.color(QPalette::WindowText));
        painter.drawText(
            QRect(0, area.top(), kLabelWidth - 6, area.height()), Qt::AlignLeft | Qt::AlignVCenter,
            one.title + QLatin1Char('\n') + (latest ? one.format(*latest) : QStringLiteral("—")));
        painter.setPen(faint);
        painter.drawRect(area);
        const auto y = [&](double v) {
            return area.bottom() - (v - one.low) / (high - one.low) * area.height();
        };
        if (one.worry > one.low && one.worry < high) {
            painter.setPen(QPen(faint, 1, Qt::DashLine));
            painter.drawLine(QPointF(area.left(), y(one.worry)),
                             QPointF(area.right(), y(one.worry)));
        }
        QPainterPath path;
        bool drawing = false;
        for (const DeviceHealth &report : m_history) {
            const auto v = one.value(report);
            if (!v) {
                drawing = false; // a gap where the device could not tell
                continue;
            }
            const QPointF at(area.left() + double(report.reported.toSecsSinceEpoch() - first) /
                                               double(span) * area.width(),
                             y(*v));
            if (drawing) {
                path.lineTo(at);
            } else {
                path.moveTo(at);
                drawing = true;
            }
        }
        painter.setPen(QPen(line, 1.5));
        painter.drawPath(path);
    }
}

} // namespace relayfleet::gui
