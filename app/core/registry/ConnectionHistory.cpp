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
        if (!ok || epoch <= 0 || epoch > 32503680000LL || (kind != "up" && kind != "down")) {
            continue;
        }
        history.events.append(Event{qtcompat::utcFromSecsSinceEpoch(epoch), kind == "up"});
    }
    return history;
}

QList<ConnectionHistory::Outage> ConnectionHistory::outages() const
{
    QList<Outage> result;
    for (const Event &event : events) {
        if (!event.up && (result.isEmpty() || result.last().end.isValid())) {
            result.append(Outage{event.at, {}});
        } else if (event.up && !result.isEmpty() && !result.last().end.isValid()) {
            result.last().end = event.at;
        }
    }
    return result;
}

QDateTime ConnectionHistory::downSince() const
{
    return !events.isEmpty() && !events.last().up ? events.last().at : QDateTime();
}

} // namespace relayfleet
