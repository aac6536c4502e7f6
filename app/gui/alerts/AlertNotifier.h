#pragma once

#include "audit/AuditLog.h"
#include "fleet/AlertRules.h"
#include "fleet/DeviceStatus.h"
#include "fleet/FleetAlerts.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <memory>

class QMenu;
class QSystemTrayIcon;

namespace relayfleet {
class AlertWebhook;
}

namespace relayfleet::gui {

// The window's alerts (core FleetAlerts over each refresh's statuses, by the user's
// AlertRules): told as a notification from the tray / menu-bar icon, which stays while the
// window is closed so that the refreshes and their alerts go on, posted to the webhook when
// one is set, and kept in the audit log with how the webhook took it (a hook that fails says
// why there and in the status bar). Where the desktop has no tray (a bare X server, offscreen)
// the alerts still reach the status bar through alerted().
class AlertNotifier : public QObject
{
    Q_OBJECT

public:
    // `audit`: where each alert is recorded; may be null (nothing recorded).
    AlertNotifier(AlertRules rules, std::shared_ptr<const AuditLog> audit,
                  QObject *parent = nullptr);
    ~AlertNotifier() override;

    void setRules(const AlertRules &rules);
    const AlertRules &rules() const { return m_alerts.rules(); }
    // One relay's statuses from a refresh.
    void relayScanned(const QString &relay, const QList<DeviceStatus> &statuses);
    // Forgets what it followed: another home is shown, with its own rules and audit log.
    void reset(const AlertRules &rules, std::shared_ptr<const AuditLog> audit);

    // Whether closing the window leaves the program running in the tray.
    bool keepsRunning() const;
    const QList<FleetAlerts::Event> &told() const { return m_told; }
    // Alerts not told because a device passed its hourly limit.
    int heldBack() const { return m_alerts.suppressedCount(); }
    // Posts to the webhook still waiting for an answer.
    int webhookPending() const;

Q_SIGNALS:
    void alerted(const QString &text);
    // An alert is in the audit log (with its webhook's answer, when there is a webhook).
    void recorded(const FleetAlerts::Event &event, bool webhookOk, const QString &result);
    void showWindowRequested();
    void quitRequested();

private:
    void record(const FleetAlerts::Event &event, bool ok, const QString &result);

    FleetAlerts m_alerts;
    std::shared_ptr<const AuditLog> m_audit;
    AlertWebhook *m_webhook = nullptr;
    QHash<quint64, FleetAlerts::Event> m_posted; // on their way to the webhook
    QList<FleetAlerts::Event> m_told;            // the last 200
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
};

} // namespace relayfleet::gui
