#include "enrolment/TunnelProfile.h"

#include "base/ShellQuote.h"

#include <QLocale>
#include <algorithm>

namespace relayfleet {

QString TunnelProfile::name(Kind kind)
{
    return kind == Kind::Lan ? QStringLiteral("lan") : QStringLiteral("cellular");
}

std::optional<TunnelProfile::Kind> TunnelProfile::fromName(const QString &name)
{
    if (name == QLatin1String("cellular")) {
        return Kind::Cellular;
    }
    if (name == QLatin1String("lan")) {
        return Kind::Lan;
    }
    return std::nullopt;
}

QString TunnelProfile::label(Kind kind)
{
    return kind == Kind::Lan ? tr("LAN / Wi-Fi") : tr("Cellular (saves data)");
}

QString TunnelProfile::description(Kind kind)
{
    return kind == Kind::Lan
               ? tr("A heartbeat every 5 s: a lost link is noticed within 30 s, at about 270 MB "
                    "of data a month.")
               : tr("One heartbeat after as long a silence as the carrier allows (learned, at "
                    "most 28 min): under 1 MB of data a month idle; a lost link is noticed within "
                    "30 min.");
}

namespace {

// rfbench-data, 2026-12-06 (docs/PERFORMANCE.md): one cellular heartbeat and its answer, billed;
// the lan profile's idle month.
constexpr double kHeartbeatBytes = 576;
constexpr double kLanIdleMonthBytes = 267e6;
constexpr double kMonthSeconds = 30.0 * 24 * 3600;
constexpr int kReplyWait = 60;

} // namespace

int TunnelProfile::noticedWithinSeconds(Kind kind, int keepaliveMax)
{
    return kind == Kind::Lan ? 30 : keepaliveMax + kReplyWait;
}

qint64 TunnelProfile::idleBytesPerMonth(Kind kind, int keepaliveMax)
{
    if (kind == Kind::Lan) {
        return static_cast<qint64>(kLanIdleMonthBytes);
    }
    return static_cast<qint64>(kHeartbeatBytes * kMonthSeconds / std::max(keepaliveMax, 1));
}

QString TunnelProfile::costSummary(Kind kind, int keepaliveMax)
{
    const qint64 bytes = idleBytesPerMonth(kind, keepaliveMax);
    const int within = noticedWithinSeconds(kind, keepaliveMax);
    const QString when =
        within < 120 ? tr("%n s", nullptr, within) : tr("%n min", nullptr, (within + 59) / 60);
    return tr("%1: about %2 a month idle; a link that died silently is noticed within %3")
        .arg(name(kind), QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat), when);
}

QString TunnelProfile::changeCommand(Kind kind, int keepaliveMax)
{
    const QString notEnrolled =
        tr("This device has no tunnel.conf: it was not enrolled by Relay Fleet.");
    const QString tooOld =
        tr("Its tunnel runner is older than version 4 and has no profiles: run `relayfleet-cli "
           "upgrade` for it first.");
    const QString cannotWrite = tr("Cannot write its tunnel.conf (is its disk full?).");
    const QString done = tr("Profile %1 set; its tunnel reconnects with it in a few seconds.")
                             .arg(costSummary(kind, keepaliveMax));
    QString settings = QStringLiteral("PROFILE=") + name(kind);
    if (kind == Kind::Cellular) {
        settings += QStringLiteral("\nKEEPALIVE_MAX=%1").arg(keepaliveMax);
    }
    // The connection is ended by a process of its own, after this session has returned (the
    // session runs through that very connection), and marked as on purpose (tunnel.reconnect:
    // no outage recorded, no pause).
    return QStringLiteral(
               "d=\"$HOME/.relayfleet\"; c=\"$d/tunnel.conf\"; "
               "[ -f \"$c\" ] || { printf '%s\\n' %1 >&2; exit 3; }; "
               "v=$(sed -n 's/^# relayfleet-version: \\([0-9]*\\).*/\\1/p' \"$d/tunnel\"); "
               "[ \"${v:-0}\" -ge 4 ] || { printf '%s\\n' %2 >&2; exit 4; }; "
               "{ grep -v -e '^PROFILE=' -e '^KEEPALIVE_MAX=' \"$c\"; printf '%3\\n'; } "
               ">\"$c.new\" && mv -f \"$c.new\" \"$c\" || "
               "{ rm -f \"$c.new\"; printf '%s\\n' %4 >&2; exit 5; }; "
               ": >\"$d/tunnel.reconnect\"; "
               "nohup sh -c 'sleep 2; kill -TERM \"$(cat \"$0\")\"' \"$d/tunnel.ssh-pid\" "
               "</dev/null >/dev/null 2>&1 & printf '%s\\n' %5")
        .arg(shellQuote(notEnrolled), shellQuote(tooOld), settings, shellQuote(cannotWrite),
             shellQuote(done));
}

} // namespace relayfleet
