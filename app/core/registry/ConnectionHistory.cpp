#include "registry/ConnectionHistory.h"

#include "compat/QtCompat.h"

namespace relayfleet {

ConnectionHistory ConnectionHistory::parse(const QByteArray &text)
{
    ConnectionHistory history;
    const QList<QByteArray> words = text.left(64 * 1024).simplified().split(' ');
    for (qsizetype i = 0; i + 1 < words.size() && history.events.size() < kMaxEvents; i += 2) {
        bool ok = false;
        const qint64 epoch = words[i].toLongLong(&ok);
        const QByteArray &kind = words[i + 1];
        if (!ok || epoch <= 0 || epoch > 32503680000LL) {
            continue;
        }
        const QDateTime at = qtcompat::utcFromSecsSinceEpoch(epoch);
        if (kind == "up" || kind == "down") {
            history.events.append(Event{at, kind == "up", {}});
        } else if (kind.startsWith("cause:") && kind.size() <= 200) {
            QStringList causes;
            for (const QByteArray &code : kind.mid(6).split(',')) {
                const QString known = QString::fromLatin1(code);
                if (causeCodes().contains(known) && !causes.contains(known) && causes.size() < 8) {
                    causes << known;
                }
            }
            if (!causes.isEmpty()) {
                history.events.append(Event{at, false, causes});
            }
        }
    }
    return history;
}

QList<ConnectionHistory::Outage> ConnectionHistory::outages() const
{
    QList<Outage> result;
    for (const Event &event : events) {
        if (!event.causes.isEmpty()) {
            continue;
        } else if (!event.up && (result.isEmpty() || result.last().end.isValid())) {
            result.append(Outage{event.at, {}, {}});
        } else if (event.up && !result.isEmpty() && !result.last().end.isValid()) {
            result.last().end = event.at;
        }
    }
    // A report is made while the device's attempts fail, so it belongs to the outage that
    // spans its time (the relay may write the "down" only after it, but dated at the last
    // heartbeat: a session it never saw end is closed at the next connect). Two seconds of
    // slack for times recorded in whole seconds by different processes.
    constexpr qint64 kSlackSecs = 2;
    for (const Event &event : events) {
        if (event.causes.isEmpty()) {
            continue;
        }
        for (auto it = result.rbegin(); it != result.rend(); ++it) {
            if (it->start.secsTo(event.at) >= -kSlackSecs &&
                (!it->end.isValid() || event.at.secsTo(it->end) >= -kSlackSecs)) {
                for (const QString &code : event.causes) {
                    if (!it->causes.contains(code) && it->causes.size() < 8) {
                        it->causes << code;
                    }
                }
                break;
            }
        }
    }
    return result;
}

QDateTime ConnectionHistory::downSince() const
{
    for (auto it = events.crbegin(); it != events.crend(); ++it) {
        if (it->causes.isEmpty()) {
            return it->up ? QDateTime() : it->at;
        }
    }
    return {};
}

QStringList ConnectionHistory::reportedSinceUp() const
{
    QStringList reported;
    for (auto it = events.crbegin(); it != events.crend(); ++it) {
        if (it->causes.isEmpty()) {
            return it->up ? reported : QStringList();
        }
        for (const QString &code : it->causes) {
            if (!reported.contains(code)) {
                reported.prepend(code);
            }
        }
    }
    return {};
}

const QStringList &ConnectionHistory::causeCodes()
{
    // The device's runner (resources/device/relayfleet-tunnel, cause_codes) and the relay
    // helper (report_outage) know the same list.
    static const QStringList codes{
        QStringLiteral("dns"),       QStringLiteral("no-route"),  QStringLiteral("timeout"),
        QStringLiteral("refused"),   QStringLiteral("host-key"),  QStringLiteral("key-refused"),
        QStringLiteral("port-held"), QStringLiteral("keepalive"), QStringLiteral("closed-early"),
        QStringLiteral("closed"),    QStringLiteral("sshd-down"), QStringLiteral("clock-off"),
        QStringLiteral("other")};
    return codes;
}

QString ConnectionHistory::causeText(const QString &code)
{
    if (code == QLatin1String("dns")) {
        return tr("the relay's name did not resolve (DNS)");
    }
    if (code == QLatin1String("no-route")) {
        return tr("no route to the relay (the device's network was down)");
    }
    if (code == QLatin1String("timeout")) {
        return tr("connecting to the relay timed out");
    }
    if (code == QLatin1String("refused")) {
        return tr("the relay refused the connection (its sshd down or restarting)");
    }
    if (code == QLatin1String("host-key")) {
        return tr("the relay's host key changed");
    }
    if (code == QLatin1String("key-refused")) {
        return tr("the relay refused the tunnel key");
    }
    if (code == QLatin1String("port-held")) {
        return tr("the relay port was still held by another session");
    }
    if (code == QLatin1String("keepalive")) {
        return tr("the relay stopped answering keepalives");
    }
    if (code == QLatin1String("closed-early")) {
        return tr("the relay closed the connection before the login");
    }
    if (code == QLatin1String("closed")) {
        return tr("the relay closed the connection");
    }
    if (code == QLatin1String("sshd-down")) {
        return tr("the device's own sshd was not answering");
    }
    if (code == QLatin1String("clock-off")) {
        return tr("the device's clock was far off");
    }
    return tr("an unrecognised error (see relayfleet-cli logs)");
}

QString ConnectionHistory::causesText(const QStringList &codes)
{
    QStringList parts;
    for (const QString &code : codes) {
        parts << causeText(code);
    }
    return parts.join(tr("; then "));
}

} // namespace relayfleet
