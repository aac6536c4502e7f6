#include "WatchCommand.h"

#include "InterruptSignal.h"
#include "fleet/AlertWebhook.h"
#include "fleet/FleetAlerts.h"
#include "fleet/RelayScanner.h"
#include "hostkeys/KnownHostsFile.h"

#include <QEventLoop>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <memory>

namespace relayfleet::cli {

namespace {

constexpr int kMinEverySeconds = 5;
constexpr int kMaxSeconds = 7 * 24 * 3600;
constexpr int kSliceMs = 100;

// The webhook's answers arrive as events: the waits between rounds let them in.
void handleEventsFor(int milliseconds)
{
    QEventLoop loop;
    QTimer::singleShot(milliseconds, &loop, &QEventLoop::quit);
    loop.exec();
}

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
    auto rules = AlertRules::load(m_context.paths().alertRulesFile());
    if (!rules) {
        return CliContext::fail(rules.error());
    }
    const auto every = seconds(parser, QStringLiteral("every"), 60, kMinEverySeconds);
    const auto offlineAfter = seconds(parser, QStringLiteral("offline-after"), 0, 0);
    const QString webhook = parser.isSet(QStringLiteral("webhook"))
                                ? parser.value(QStringLiteral("webhook")).trimmed()
                                : rules->webhookUrl;
    const auto webhookProblem =
        webhook.isEmpty() ? std::nullopt : AlertRules::webhookProblem(webhook);
    if (!args.isEmpty() || !every || !offlineAfter || webhookProblem) {
        CliContext::printError(
            WatchCommand::tr("Usage: watch [--relay NAME] [--offline-after SECONDS] [--webhook "
                             "URL] [--every SECONDS] [--json]\n--every takes %1 to %2 seconds, "
                             "--offline-after 0 to %2.")
                .arg(kMinEverySeconds)
                .arg(kMaxSeconds));
        if (webhookProblem) {
            CliContext::printError(*webhookProblem);
        }
        return 2;
    }
    if (parser.isSet(QStringLiteral("offline-after"))) {
        // One limit for every device, as asked: the labels' own limits step aside.
        rules->offlineSeconds = *offlineAfter;
        rules->offlineSecondsByLabel.clear();
    }
    auto relays = m_context.relays(parser.value(QStringLiteral("relay")));
    if (!relays) {
        return CliContext::fail(relays.error());
    }
    CancelToken cancel;
    InterruptSignal interrupt(cancel);
    FleetAlerts alerts(*rules);
    AlertWebhook hook;
    hook.setUrl(webhook);
    // One connection per relay for the whole watch; a lost one is replaced at the next round.
    QHash<QString, std::shared_ptr<RelayConnection>> connections;
    QHash<QString, QString> relayProblems; // said once, until the relay answers again
    const auto say = [this](const QJsonObject &json, const QString &text) {
        CliContext::printOut(
            m_context.json() ? QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact))
                             : text);
    };
    QHash<quint64, QString> posted; // the device of each post on its way
    QObject::connect(
        &hook, &AlertWebhook::finished, &hook,
        [&say, &posted](quint64 post, bool ok, const QString &result) {
            const QString device = posted.take(post);
            if (!ok) {
                say(QJsonObject{{QStringLiteral("event"), QStringLiteral("webhook-failed")},
                                {QStringLiteral("device"), device},
                                {QStringLiteral("message"), result}},
                    WatchCommand::tr("the webhook did not take the alert of %1: %2")
                        .arg(device, result));
            }
        });
    if (!m_context.json()) {
        const QString limit = rules->offlineSeconds
                                  ? WatchCommand::tr("a device unreachable for %1 s is told")
                                        .arg(*rules->offlineSeconds)
                                  : WatchCommand::tr("an unreachable device is not told");
        const QString labels =
            rules->offlineSecondsByLabel.isEmpty()
                ? QString()
                : WatchCommand::tr(" (%n label(s) have their own limit)", nullptr,
                                   int(rules->offlineSecondsByLabel.size()));
        CliContext::printError(WatchCommand::tr("Watching %n relay(s) every %1 s; %2%3. Ctrl+C "
                                                "ends it.",
                                                nullptr, int(relays->size()))
                                   .arg(*every)
                                   .arg(limit, labels));
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
                if (const quint64 post = hook.post(event)) {
                    posted.insert(post, event.device);
                }
            }
        }
        // Until the next round, waking often enough to end promptly on Ctrl+C.
        for (int waited = 0; waited < *every * 1000 && !cancel.isCancelled(); waited += kSliceMs) {
            handleEventsFor(kSliceMs);
        }
    }
    // Posts still on their way get their time (each is bounded by the webhook's timeout).
    for (int waited = 0; hook.pending() > 0 && waited < AlertWebhook::kTimeoutMs + 1000;
         waited += kSliceMs) {
        handleEventsFor(kSliceMs);
    }
    return 0;
}

} // namespace relayfleet::cli
