#include "LabNetwork.h"

#include "LabCommand.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <csignal>

namespace relayfleet::lab {

QStringList LabNetwork::inNamespace(const QString &netns, const QStringList &argv)
{
    return QStringList{QStringLiteral("ip"), QStringLiteral("netns"), QStringLiteral("exec"),
                       netns} +
           argv;
}

void LabNetwork::removeNamespace(const QString &netns)
{
    auto pids = LabCommand::run(
        {QStringLiteral("ip"), QStringLiteral("netns"), QStringLiteral("pids"), netns});
    if (pids) {
        for (const QByteArray &pid : pids->out.split('\n')) {
            if (pid.trimmed().toLongLong() > 0) {
                ::kill(static_cast<pid_t>(pid.trimmed().toLongLong()), SIGKILL);
            }
        }
    }
    (void)LabCommand::run(
        {QStringLiteral("ip"), QStringLiteral("netns"), QStringLiteral("del"), netns});
}

Result<void> LabNetwork::linkDevice(const QString &deviceNetns, const QString &relayNetns,
                                    const QString &veth, const QString &prefix,
                                    const QString &deviceAddress)
{
    const QStringList ip{QStringLiteral("ip")};
    const QList<QStringList> steps = {
        {QStringLiteral("netns"), QStringLiteral("add"), deviceNetns},
        {QStringLiteral("-n"), deviceNetns, QStringLiteral("link"), QStringLiteral("set"),
         QStringLiteral("lo"), QStringLiteral("up")},
        {QStringLiteral("link"), QStringLiteral("add"), veth, QStringLiteral("netns"), relayNetns,
         QStringLiteral("type"), QStringLiteral("veth"), QStringLiteral("peer"),
         QStringLiteral("name"), QStringLiteral("eth0"), QStringLiteral("netns"), deviceNetns},
        {QStringLiteral("-n"), relayNetns, QStringLiteral("addr"), QStringLiteral("add"),
         prefix + QStringLiteral("1/24"), QStringLiteral("dev"), veth},
        {QStringLiteral("-n"), relayNetns, QStringLiteral("link"), QStringLiteral("set"), veth,
         QStringLiteral("up")},
        {QStringLiteral("-n"), deviceNetns, QStringLiteral("addr"), QStringLiteral("add"),
         deviceAddress + QStringLiteral("/24"), QStringLiteral("dev"), QStringLiteral("eth0")},
        {QStringLiteral("-n"), deviceNetns, QStringLiteral("link"), QStringLiteral("set"),
         QStringLiteral("eth0"), QStringLiteral("up")},
    };
    for (const QStringList &step : steps) {
        if (auto rc = LabCommand::check(ip + step); !rc) {
            return rc.error();
        }
    }
    return {};
}

Result<void> LabNetwork::setLink(const QString &netns, bool up)
{
    auto rc =
        LabCommand::check({QStringLiteral("ip"), QStringLiteral("-n"), netns,
                           QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("eth0"),
                           up ? QStringLiteral("up") : QStringLiteral("down")});
    return rc ? Result<void>() : Result<void>(rc.error());
}

Result<void> LabNetwork::routeDefaultVia(const QString &netns, const QString &gateway)
{
    auto rc = LabCommand::check({QStringLiteral("ip"), QStringLiteral("-n"), netns,
                                 QStringLiteral("route"), QStringLiteral("replace"),
                                 QStringLiteral("default"), QStringLiteral("via"), gateway});
    return rc ? Result<void>() : Result<void>(rc.error());
}

Result<LabNetwork::LinkCounters> LabNetwork::linkCounters(const QString &netns)
{
    auto shown =
        LabCommand::check({QStringLiteral("ip"), QStringLiteral("-n"), netns, QStringLiteral("-s"),
                           QStringLiteral("-j"), QStringLiteral("link"), QStringLiteral("show"),
                           QStringLiteral("dev"), QStringLiteral("eth0")});
    if (!shown) {
        return shown.error();
    }
    const QJsonObject stats = QJsonDocument::fromJson(shown.value())
                                  .array()
                                  .first()
                                  .toObject()
                                  .value(QStringLiteral("stats64"))
                                  .toObject();
    const QJsonObject rx = stats.value(QStringLiteral("rx")).toObject();
    const QJsonObject tx = stats.value(QStringLiteral("tx")).toObject();
    if (rx.isEmpty() || tx.isEmpty()) {
        return LabCommand::error(QStringLiteral("ip gave no counters for %1's link: %2")
                                     .arg(netns, QString::fromUtf8(shown.value().left(200))));
    }
    const auto number = [](const QJsonObject &side, const char *name) {
        return static_cast<qint64>(side.value(QLatin1String(name)).toDouble());
    };
    return LinkCounters{number(rx, "bytes"), number(tx, "bytes"), number(rx, "packets"),
                        number(tx, "packets")};
}

Result<void> LabNetwork::setCarrierNat(const QString &relayNetns, const QString &interfaces,
                                       int idleSeconds)
{
    const QString table = QStringLiteral("relayfleet_carrier");
    // Gone first, so that setting it again starts from nothing (no error if it was not there).
    (void)LabCommand::run(
        inNamespace(relayNetns, {QStringLiteral("nft"), QStringLiteral("delete"),
                                 QStringLiteral("table"), QStringLiteral("inet"), table}));
    if (idleSeconds <= 0) {
        return {};
    }
    // What conntrack no longer knows is INVALID once it may not pick connections up mid-stream.
    const QString rules = QStringLiteral("table inet %1 {\n"
                                         "  chain in { type filter hook input priority 0; "
                                         "iifname \"%2\" ct state invalid drop; }\n"
                                         "  chain out { type filter hook output priority 0; "
                                         "oifname \"%2\" ct state invalid drop; }\n"
                                         "}\n")
                              .arg(table, interfaces);
    const QString script =
        QStringLiteral("printf '%s' \"$1\" | nft -f - && "
                       "sysctl -q -w net.netfilter.nf_conntrack_tcp_loose=0 && "
                       "sysctl -q -w net.netfilter.nf_conntrack_tcp_timeout_established=%1")
            .arg(idleSeconds);
    auto rc = LabCommand::check(inNamespace(relayNetns, {QStringLiteral("sh"), QStringLiteral("-c"),
                                                         script, QStringLiteral("sh"), rules}));
    return rc ? Result<void>() : Result<void>(rc.error());
}

} // namespace relayfleet::lab
