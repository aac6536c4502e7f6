#include "fleet/DeviceDetailsPane.h"

#include "fleet/HealthChart.h"
#include "overrides/DesiredOverrides.h"
#include "overrides/OverridePush.h"
#include "overrides/PushHistory.h"

#include <QDesktopServices>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>
#include <algorithm>

namespace relayfleet::gui {

DeviceDetailsPane::DeviceDetailsPane(QString home, QWidget *parent)
    : QWidget(parent)
    , m_home(std::move(home))
{
    setObjectName(QStringLiteral("detailsPane"));
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("detailsTitle"));
    QFont font = m_title->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.2);
    m_title->setFont(font);
    layout->addWidget(m_title);
    // Each name above its value, the value as wide as the pane: a long one (a fingerprint, an
    // address with a link to close it) wraps and its row grows. (A QFormLayout beside the names
    // gave wrapped values less height than they need: they were cut.)
    auto *form = new QVBoxLayout;
    form->setSpacing(1);
    // A key's fingerprint has nowhere to wrap: the pane is at least as wide as one.
    QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    fixed.setPointSizeF(this->font().pointSizeF() * 0.9);
    m_fingerprintFont = fixed;
    const int margins = layout->contentsMargins().left() + layout->contentsMargins().right();
    setMinimumWidth(std::max(280, QFontMetrics(fixed).horizontalAdvance(QStringLiteral(
                                      "SHA256:0000000000000000000000000000000000000000000")) +
                                      margins + kValueIndent + 4));
    m_state = addRow(form, tr("Status"), QStringLiteral("detailsState"));
    m_relay = addRow(form, tr("Relay port"), QStringLiteral("detailsRelay"));
    m_hostKey = addRow(form, tr("Host key"), QStringLiteral("detailsHostKey"));
    m_labels = addRow(form, tr("Labels"), QStringLiteral("detailsLabels"));
    m_lastSeen = addRow(form, tr("Last seen"), QStringLiteral("detailsLastSeen"));
    m_data = addRow(form, tr("Data"), QStringLiteral("detailsData"));
    m_health = addRow(form, tr("Health"), QStringLiteral("detailsHealth"));
    m_healthChart = new HealthChart(this);
    form->addWidget(m_healthChart);
    form->addSpacing(4);
    m_tunnelKey = addRow(form, tr("Tunnel key"), QStringLiteral("detailsTunnelKey"));
    m_system = addRow(form, tr("System"), QStringLiteral("detailsSystem"));
    m_deviceFiles = addRow(form, tr("Device files"), QStringLiteral("detailsDeviceFiles"));
    m_lastOutage = addRow(form, tr("Last outage"), QStringLiteral("detailsLastOutage"));
    m_desired = addRow(form, tr("Desired overrides"), QStringLiteral("detailsDesired"));
    m_lastPush = addRow(form, tr("Last push"), QStringLiteral("detailsLastPush"));
    m_openPorts = addRow(form, tr("Open ports"), QStringLiteral("detailsOpenPorts"));
    m_openPorts->setTextFormat(Qt::RichText);
    m_openPorts->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_openPorts->setOpenExternalLinks(false);
    connect(m_openPorts, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link.startsWith(QLatin1String("close:"))) {
            Q_EMIT closePortRequested(link.mid(6).toInt());
        } else {
            QDesktopServices::openUrl(QUrl(link));
        }
    });
    layout->addLayout(form);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("detailsProblem"));
    m_problem->setWordWrap(true);
    layout->addWidget(m_problem);
    layout->addStretch();
    clear();
}

// "runner 3 · key helper 2 · overrides module 2"; what the registry does not record is "?",
// a module never installed is left out.
QString DeviceDetailsPane::fileVersionsText(const DeviceFileVersions &files)
{
    auto version = [](int v) {
        return v > 0 ? QString::number(v) : QStringLiteral("?");
    };
    QStringList parts{tr("runner %1").arg(version(files.runner)),
                      tr("key helper %1").arg(version(files.keyHelper))};
    if (files.overridesModule > 0) {
        parts << tr("overrides module %1").arg(files.overridesModule);
    }
    return parts.join(QStringLiteral(" · "));
}

void DeviceDetailsPane::showOpenPorts(const QList<OpenPorts::Open> &ports)
{
    // Only numbers and our own loopback address go into the rich text.
    QStringList lines;
    for (const OpenPorts::Open &port : ports) {
        const QString url = port.url.toString(QUrl::FullyEncoded).toHtmlEscaped();
        lines << tr("%1 → <a href=\"%2\">%3</a> (<a href=\"close:%1\">close</a>)")
                     .arg(port.devicePort)
                     .arg(url, port.url.authority().toHtmlEscaped());
    }
    m_openPorts->setText(lines.join(QStringLiteral("<br>")));
}

QLabel *DeviceDetailsPane::addRow(QVBoxLayout *form, const QString &label,
                                  const QString &objectName)
{
    auto *name = new QLabel(label, this);
    QFont bold = name->font();
    bold.setBold(true);
    name->setFont(bold);
    auto *value = new QLabel(this);
    value->setObjectName(objectName);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setWordWrap(true);
    value->setIndent(kValueIndent);
    form->addWidget(name);
    form->addWidget(value);
    form->addSpacing(4);
    return value;
}

void DeviceDetailsPane::setHome(const QString &home)
{
    m_home = home;
    clear();
}

void DeviceDetailsPane::showHealthHistory(const QList<DeviceHealth> &history)
{
    m_healthChart->setHistory(history);
}

void DeviceDetailsPane::showHealthMessage(const QString &message)
{
    m_healthChart->setMessage(message);
}

void DeviceDetailsPane::clear()
{
    m_title->setText(tr("No device selected"));
    m_healthChart->setMessage(QString());
    m_shownDevice.clear();
    for (QLabel *label :
         {m_state, m_relay, m_hostKey, m_labels, m_lastSeen, m_data, m_health, m_tunnelKey,
          m_system, m_deviceFiles, m_lastOutage, m_desired, m_lastPush, m_openPorts, m_problem}) {
        label->clear();
    }
}

void DeviceDetailsPane::showDevice(const DeviceStatus &status)
{
    const QString device = status.relay + QLatin1Char('\n') + status.id;
    if (device != m_shownDevice) {
        m_shownDevice = device;
        m_healthChart->setMessage(status.tunnelKey.isEmpty()
                                      ? QString()
                                      : tr("Reading its health reports from the relay…"));
    }
    // Names come from the relay's registry: shown as plain text, never as rich text.
    for (QLabel *label :
         {m_title, m_state, m_relay, m_hostKey, m_labels, m_lastSeen, m_data, m_health, m_tunnelKey,
          m_system, m_deviceFiles, m_lastOutage, m_desired, m_lastPush, m_problem}) {
        label->setTextFormat(Qt::PlainText);
    }
    m_title->setText(status.name.isEmpty()
                         ? (status.id.isEmpty() ? tr("Hand-made tunnel") : status.id)
                         : status.name);
    QString state =
        status.offlineSince.isValid()
            ? tr("%1 since %2")
                  .arg(DeviceStatus::stateLabel(status.state),
                       QLocale().toString(status.offlineSince.toLocalTime(), QLocale::ShortFormat))
            : DeviceStatus::stateLabel(status.state);
    if (!status.offlineCauses.isEmpty()) {
        state += tr(" — %1").arg(ConnectionHistory::causesText(status.offlineCauses));
    }
    m_state->setText(state);
    m_lastOutage->setText(
        status.lastOutage.start.isValid()
            ? tr("%1 – %2 (%3 min)")
                      .arg(QLocale().toString(status.lastOutage.start.toLocalTime(),
                                              QLocale::ShortFormat),
                           QLocale().toString(status.lastOutage.end.toLocalTime(),
                                              QLocale::ShortFormat))
                      .arg(std::max<qint64>(
                          1, status.lastOutage.start.secsTo(status.lastOutage.end) / 60)) +
                  (status.lastOutage.causes.isEmpty()
                       ? QString()
                       : tr(" — %1").arg(ConnectionHistory::causesText(status.lastOutage.causes)))
            : tr("none recorded"));
    m_relay->setText(QStringLiteral("%1:%2").arg(status.relay).arg(status.port));
    // Fingerprints in the fixed font the pane's width is made for; words in the pane's own.
    m_hostKey->setFont(status.hostKeyFingerprint.isEmpty() ? font() : m_fingerprintFont);
    m_tunnelKey->setFont(status.tunnelKey.isEmpty() ? font() : m_fingerprintFont);
    m_hostKey->setText(!status.hostKeyFingerprint.isEmpty() ? status.hostKeyFingerprint
                       : status.probed                      ? tr("unknown")
                                       : tr("not checked (View → Check devices)"));
    m_data->setText(status.tunnelKey.isEmpty() ? tr("not reported (a hand-made tunnel)")
                                               : status.usage.summary());
    if (status.tunnelKey.isEmpty()) {
        m_health->setText(tr("not reported (a hand-made tunnel)"));
    } else if (!status.health.isValid()) {
        m_health->setText(status.health.summary());
    } else {
        const QStringList reasons = status.health.reasons();
        m_health->setText(
            tr("%1 — %2 (reported %3)")
                .arg(reasons.isEmpty()
                         ? DeviceHealth::levelLabel(status.health.level())
                         : tr("%1: %2").arg(DeviceHealth::levelLabel(status.health.level()),
                                            reasons.join(QStringLiteral("; "))),
                     status.health.summary(),
                     QLocale().toString(status.health.reported.toLocalTime(),
                                        QLocale::ShortFormat)));
    }
    m_system->setText(status.health.system().isEmpty() ? tr("not reported")
                                                       : status.health.system());
    m_labels->setText(status.labels.join(QStringLiteral(", ")));
    const QString seenBy =
        status.lastSeenBy == DeviceStatus::SeenBy::Heartbeat ? tr("its heartbeat")
        : status.lastSeenBy == DeviceStatus::SeenBy::Probe   ? tr("it answered the app")
                                                             : QString();
    const QString seenAt = QLocale().toString(status.lastSeen.toLocalTime());
    m_lastSeen->setText(!status.lastSeen.isValid() ? tr("never")
                        : seenBy.isEmpty()         ? seenAt
                                                   : tr("%1 (%2)").arg(seenAt, seenBy));
    m_tunnelKey->setText(status.tunnelKey.isEmpty() ? tr("none (hand-made or adopted tunnel)")
                                                    : status.tunnelKey);
    if (status.tunnelKey.isEmpty()) {
        m_deviceFiles->setText(tr("none (not enrolled by Relay Fleet)"));
    } else {
        const QString versions = fileVersionsText(status.deviceFiles);
        m_deviceFiles->setText(
            status.deviceFilesOutdated()
                ? tr("%1 — older than this app's %2: Device → Upgrade device files…, or "
                     "relayfleet-cli upgrade %3")
                      .arg(versions, fileVersionsText(DeviceFileVersions::current()), status.id)
                : tr("%1 (current)").arg(versions));
    }
    showOverrides(status);
    m_problem->setText(status.problem);
}

void DeviceDetailsPane::showOverrides(const DeviceStatus &status)
{
    DesiredOverrides store(m_home);
    const auto desired = store.desiredFor(status.id, status.labels);
    QStringList values;
    if (desired) {
        for (auto it = desired->begin(); it != desired->end(); ++it) {
            values << it.key() + QLatin1Char('=') +
                          QString::fromUtf8(OverrideAssignment::canonical(it.value()));
        }
    }
    m_desired->setText(values.isEmpty() ? tr("none") : values.join(QLatin1Char('\n')));
    const QString name = status.target().idOrPort(); // as the push history names it
    m_lastPush->setText(tr("never"));
    const auto history = PushHistory(m_home).last();
    if (!history) {
        return;
    }
    // The newest push whose answers include this device.
    for (auto entry = history->crbegin(); entry != history->crend(); ++entry) {
        for (const QJsonValue &result : entry->value(QStringLiteral("results")).toArray()) {
            const QJsonObject answer = result.toObject();
            if (answer.value(QStringLiteral("device")).toString() != name) {
                continue;
            }
            const QString when = entry->value(QStringLiteral("time")).toString();
            m_lastPush->setText(
                answer.value(QStringLiteral("applied")).toBool()
                    ? tr("%1: applied").arg(when)
                    : tr("%1: not applied (%2)")
                          .arg(when, answer.value(QStringLiteral("error")).toString()));
            return;
        }
    }
}

} // namespace relayfleet::gui
