#include "WatchCommand.h"

#include "InterruptSignal.h"
#include "fleet/FleetAlerts.h"
#include "fleet/RelayScanner.h"
#include "hostkeys/KnownHostsFile.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <memory>

namespace relayfleet::cli {

namespace {

constexpr int kMinEverySeconds = 5;
constexpr int kMaxSeconds = 7 * 24 * 3600;

// A whole number of seconds from `min` to kMaxSeconds, or nothing.
std::optional<int> seconds(const QCommandLineParser &parser, const QString &option, int fallback,
                           int min)
{
    if (!parser.isSet(option)) {
        return fallback;
    }
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (!ok || value < min || value > kMaxSeconds) {
        return std::nullopt;
    }
    return value;
}

} // namespace

int WatchCommand::run(const QStringList &args, const QCommandLineParser &parser)
{
    const auto every = seconds(parser, QStringLiteral("every"), 60, kMinEverySeconds);
    const auto offlineAfter = seconds(parser, QStringLiteral("offline-after"), 600, 0);
    if (!args.isEmpty() || !every || !offlineAfter) {
        CliContext::printError(
            WatchCommand::tr("Usage: watch [--relay NAME] [--offline-after SECONDS] [--every "
                             "SECONDS] [--json]\n--every takes %1 to %2 seconds, "
                             "--offline-after 0 to %2.")
                .arg(kMinEverySeconds)
                .arg(kMaxSeconds));
        return 2;
    }
    auto relays = m_context.relays(parser.value(QStringLiteral("relay")));
    if (!relays) {
        return CliContext::fail(relays.error());
    }
    CancelToken cancel;
    InterruptSignal interrupt(cancel);
    FleetAlerts alerts(*offlineAfter);
    // One connection per relay for the whole watch; a lost one is replaced at the next round.
    QHash<QString, std::shared_ptr<RelayConnection>> connections;
    QHash<QString, QString> relayProblems; // said once, until the relay answers again
    const auto say = [this](const QJsonObject &json, const QString &text) {
        CliContext::printOut(
            m_context.json() ? QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact))
                             : text);
    };
    if (!m_context.json()) {
        CliContext::printError(
            WatchCommand::tr("Watching %n relay(s) every %1 s; a device unreachable for %2 s is "
                             "told. Ctrl+C ends it.",
                             nullptr, int(relays->size()))
                .arg(*every)
                .arg(*offlineAfter));
    }
    while (!cancel.isCancelled()) {
        for (const RelayConfig &relay : relays.value()) {
            if (cancel.isCancelled()) {
                break;
            }
            auto &connection = connections[relay.name];
            if (!connection || !connection->isAlive()) {
                auto opened = m_context.connectRelay(relay);
                connection = opened ? opened.value() : nullptr;
                if (!opened) {
                    if (relayProblems.value(relay.name) != opened.error().message) {
                        relayProblems.insert(relay.name, opened.error().message);
                        say(QJsonObject{{QStringLiteral("event"),
                                         QStringLiteral("relay-unreachable")},
                                        {QStringLiteral("relay"), relay.name},
                                        {QStringLiteral("message"), opened.error().message}},
                            WatchCommand::tr("relay %1 cannot be reached: %2")
                                .arg(relay.name, opened.error().message));
                    }
                    continue;
                }
            }
            RelayScanner::Options options;
            options.probeTimeoutMs = std::min(m_context.timeoutSeconds(), 5) * 1000;
            auto statuses = RelayScanner::scan(*connection, options, cancel);
            if (!statuses) {
                connection = nullptr;
                if (relayProblems.value(relay.name) != statuses.error().message &&
                    !cancel.isCancelled()) {
                    relayProblems.insert(relay.name, statuses.error().message);
                    say(QJsonObject{{QStringLiteral("event"), QStringLiteral("relay-unreachable")},
                                    {QStringLiteral("relay"), relay.name},
                                    {QStringLiteral("message"), statuses.error().message}},
                        WatchCommand::tr("relay %1 cannot be read: %2")
                            .arg(relay.name, statuses.error().message));
                }
                continue;
            }
            relayProblems.remove(relay.name);
            for (const FleetAlerts::Event &event :
                 alerts.update(relay.name, statuses.value(), QDateTime::currentDateTimeUtc())) {
                say(FleetAlerts::toJson(event),
                    QStringLiteral("%1  %2  %3")
                        .arg(event.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                             FleetAlerts::kindName(event.kind), FleetAlerts::describe(event)));
            }
        }
        // Until the next round, waking often enough to end promptly on Ctrl+C.
        for (int waited = 0; waited < *every * 10 && !cancel.isCancelled(); ++waited) {
            QThread::msleep(100);
        }
    }
    return 0;
}

} // namespace relayfleet::cli
