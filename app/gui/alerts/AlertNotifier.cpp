#include "alerts/AlertNotifier.h"

#include <QApplication>
#include <QDateTime>
#include <QMenu>
#include <QSystemTrayIcon>
#include <limits>

namespace relayfleet::gui {

namespace {
constexpr int kToldKept = 200;
constexpr int kNotificationMs = 15000;

// With alerts off, outages are still followed (never told), so that turning them on knows
// since when each device is gone.
qint64 thresholdSeconds(int seconds)
{
    return seconds > 0 ? seconds : std::numeric_limits<qint64>::max() / 4;
}
} // namespace

AlertNotifier::AlertNotifier(int offlineSeconds, QObject *parent)
    : QObject(parent)
    , m_offlineSeconds(offlineSeconds)
    , m_alerts(thresholdSeconds(offlineSeconds))
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_menu = new QMenu;
        m_menu->addAction(tr("Show Relay Fleet"), this, &AlertNotifier::showWindowRequested);
        m_menu->addAction(tr("Quit"), this, &AlertNotifier::quitRequested);
        m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        m_tray->setObjectName(QStringLiteral("alertTray"));
        m_tray->setToolTip(tr("Relay Fleet"));
        m_tray->setContextMenu(m_menu);
        connect(m_tray, &QSystemTrayIcon::activated, this,
                [this](QSystemTrayIcon::ActivationReason reason) {
                    if (reason == QSystemTrayIcon::Trigger ||
                        reason == QSystemTrayIcon::DoubleClick) {
                        Q_EMIT showWindowRequested();
                    }
                });
        connect(m_tray, &QSystemTrayIcon::messageClicked, this,
                &AlertNotifier::showWindowRequested);
        m_tray->show();
    }
}

AlertNotifier::~AlertNotifier()
{
    delete m_menu; // a context menu has no parent (QSystemTrayIcon does not take it)
}

void AlertNotifier::setOfflineAfterSeconds(int seconds)
{
    m_offlineSeconds = seconds;
    m_alerts.setOfflineAfterSeconds(thresholdSeconds(seconds));
}

void AlertNotifier::relayScanned(const QString &relay, const QList<DeviceStatus> &statuses)
{
    const QList<FleetAlerts::Event> events =
        m_alerts.update(relay, statuses, QDateTime::currentDateTimeUtc());
    for (const FleetAlerts::Event &event : events) {
        m_told << event;
        const QString text = FleetAlerts::describe(event);
        if (m_tray) {
            const bool back = event.kind == FleetAlerts::Event::Kind::BackOnline;
            m_tray->showMessage(
                event.kind == FleetAlerts::Event::Kind::Offline ? tr("Device unreachable")
                : back                                          ? tr("Device back online")
                                                                : tr("Device health"),
                text, back ? QSystemTrayIcon::Information : QSystemTrayIcon::Warning,
                kNotificationMs);
        }
        Q_EMIT alerted(text);
    }
    if (m_told.size() > kToldKept) {
        m_told.erase(m_told.begin(), m_told.begin() + (m_told.size() - kToldKept));
    }
}

void AlertNotifier::reset()
{
    m_alerts = FleetAlerts(thresholdSeconds(m_offlineSeconds));
    m_told.clear();
}

bool AlertNotifier::keepsRunning() const
{
    return m_tray && m_tray->isVisible() && m_offlineSeconds > 0;
}

} // namespace relayfleet::gui
