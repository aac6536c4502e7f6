#include "alerts/AlertNotifier.h"

#include "fleet/AlertWebhook.h"

#include <QApplication>
#include <QDateTime>
#include <QDebug>
#include <QMenu>
#include <QSystemTrayIcon>

namespace relayfleet::gui {

namespace {
constexpr int kToldKept = 200;
constexpr int kNotificationMs = 15000;

QString title(FleetAlerts::Event::Kind kind)
{
    switch (kind) {
    case FleetAlerts::Event::Kind::Offline:
        return AlertNotifier::tr("Device unreachable");
    case FleetAlerts::Event::Kind::BackOnline:
        return AlertNotifier::tr("Device back online");
    case FleetAlerts::Event::Kind::LowDisk:
        return AlertNotifier::tr("Device disk almost full");
    case FleetAlerts::Event::Kind::Hot:
        return AlertNotifier::tr("Device running hot");
    case FleetAlerts::Event::Kind::UnderVoltage:
        return AlertNotifier::tr("Device power too weak");
    }
    return AlertNotifier::tr("Device health");
}
} // namespace

AlertNotifier::AlertNotifier(AlertRules rules, std::shared_ptr<const AuditLog> audit,
                             QObject *parent)
    : QObject(parent)
    , m_alerts(rules)
    , m_audit(std::move(audit))
    , m_webhook(new AlertWebhook(this))
{
    m_webhook->setUrl(rules.webhookUrl);
    connect(m_webhook, &AlertWebhook::finished, this,
            [this](quint64 post, bool ok, const QString &result) {
                const auto it = m_posted.constFind(post);
                if (it == m_posted.constEnd()) {
                    return;
                }
                const FleetAlerts::Event event = *it;
                m_posted.erase(it);
                if (!ok) {
                    Q_EMIT alerted(
                        tr("The webhook did not take the alert of %1: %2").arg(event.name, result));
                }
                record(event, ok,
                       ok ? tr("told; webhook: %1").arg(result)
                          : tr("told; the webhook failed: %1").arg(result));
            });
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

void AlertNotifier::setRules(const AlertRules &rules)
{
    m_alerts.setRules(rules);
    m_webhook->setUrl(rules.webhookUrl);
}

int AlertNotifier::webhookPending() const
{
    return m_webhook->pending();
}

void AlertNotifier::relayScanned(const QString &relay, const QList<DeviceStatus> &statuses)
{
    const QList<FleetAlerts::Event> events =
        m_alerts.update(relay, statuses, QDateTime::currentDateTimeUtc());
    for (const FleetAlerts::Event &event : events) {
        m_told << event;
        const QString text = FleetAlerts::describe(event);
        if (m_tray) {
            m_tray->showMessage(title(event.kind), text,
                                event.kind == FleetAlerts::Event::Kind::BackOnline
                                    ? QSystemTrayIcon::Information
                                    : QSystemTrayIcon::Warning,
                                kNotificationMs);
        }
        Q_EMIT alerted(text);
        if (const quint64 post = m_webhook->post(event)) {
            m_posted.insert(post, event);
        } else {
            record(event, true, tr("told"));
        }
    }
    if (m_told.size() > kToldKept) {
        m_told.erase(m_told.begin(), m_told.begin() + (m_told.size() - kToldKept));
    }
}

void AlertNotifier::record(const FleetAlerts::Event &event, bool ok, const QString &result)
{
    if (m_audit) {
        AuditLog::Entry entry;
        entry.action = AuditLog::Action::Alert;
        entry.device = event.device;
        entry.relay = event.relay;
        entry.ok = ok;
        entry.result = result;
        entry.details = QJsonObject{{QStringLiteral("event"), FleetAlerts::kindName(event.kind)},
                                    {QStringLiteral("message"), FleetAlerts::describe(event)}};
        if (auto recorded = m_audit->record(entry); !recorded) {
            qWarning().noquote() << recorded.error().message;
        }
    }
    Q_EMIT recorded(event, ok, result);
}

void AlertNotifier::reset(const AlertRules &rules, std::shared_ptr<const AuditLog> audit)
{
    m_alerts = FleetAlerts(rules);
    m_webhook->setUrl(rules.webhookUrl);
    m_audit = std::move(audit);
    m_posted.clear(); // the old home's posts still end, unrecorded
    m_told.clear();
}

bool AlertNotifier::keepsRunning() const
{
    return m_tray && m_tray->isVisible() && m_alerts.rules().tellsSomething();
}

} // namespace relayfleet::gui
