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
        if (!ok || epoch <= 0 || epoch > kLatestEpoch) {
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
    // The helper appends events in the order it learns them, so each report belongs to the
    // outage open at its place in the file, whatever the times say: a device reports at the
    // connect that ends an outage, in the same second as the "up" that closes it and often as
    // the "down" of the next one. The one exception is a "down" written after the report that
    // explains it (a session the relay never saw end is closed at the next connect, dated at
    // its last heartbeat): reports waiting just before such a "down" belong to it, when they are
    // not older than it (two seconds of slack for times recorded in whole seconds by different
    // processes); a report made while the tunnel was up (sshd-down) is not.
    constexpr qint64 kSlackSecs = 2;
    QList<Outage> result;
    QList<const Event *> waiting;
    auto add = [](Outage &outage, const QStringList &causes) {
        for (const QString &code : causes) {
            if (!outage.causes.contains(code) && outage.causes.size() < 8) {
                outage.causes << code;
            }
        }
    };
    for (const Event &event : events) {
        const bool open = !result.isEmpty() && !result.last().end.isValid();
        if (!event.causes.isEmpty()) {
            if (open) {
                add(result.last(), event.causes);
            } else {
                waiting.append(&event);
            }
        } else if (!event.up && !open) {
            result.append(Outage{event.at, {}, {}});
            for (const Event *report : std::as_const(waiting)) {
                if (event.at.secsTo(report->at) >= -kSlackSecs) {
                    add(result.last(), report->causes);
                }
            }
            waiting.clear();
        } else if (event.up) {
            if (open) {
                result.last().end = event.at;
            }
            waiting.clear();
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
