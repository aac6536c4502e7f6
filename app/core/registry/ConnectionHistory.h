#pragma once

#include "base/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QStringList>

namespace relayfleet {

// When a device's tunnel came and went, as its relay recorded it (the relay helper's history:
// "EPOCH up" / "EPOCH down" lines). A device that lost power reports nothing, so this is the
// relay's own record; "down" is the device's last heartbeat. A device that reaches the relay
// again says why its attempts failed meanwhile: "EPOCH cause:CODE,CODE" (the relay's time,
// codes from a fixed list, see causeText). The text comes from the relay, which may be
// compromised: every line is validated and the sizes are capped.
struct ConnectionHistory
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionHistory)

public:
    static constexpr int kMaxEvents = 1000;
    // The latest time the relay may write, in seconds since 1970 (the year 3000): later is
    // broken input, and a time within it can be moved between clocks without overflow.
    static constexpr qint64 kLatestEpoch = 32503680000;

    struct Event
    {
        QDateTime at;
        bool up = false;
        QStringList causes; // a device's report: no coming or going
    };
    struct Outage
    {
        QDateTime start;
        QDateTime end;      // invalid while it lasts
        QStringList causes; // codes the device reported for it, in the order they came
    };

    QList<Event> events; // oldest first

    // Lines of the history file, or the space-separated pairs of the listing's "@events".
    // Malformed parts are skipped, never guessed at.
    static ConnectionHistory parse(const QByteArray &text);
    // Each time the tunnel was down (from a "down" to the next "up"), oldest first.
    QList<Outage> outages() const;
    // Since when the tunnel is down, if the last event says so.
    QDateTime downSince() const;
    // What the device reported since its tunnel last came up (its own sshd not answering
    // behind a tunnel the relay sees up), empty when the tunnel went since.
    QStringList reportedSinceUp() const;

    // The codes a device may report, and what each means to a person.
    static const QStringList &causeCodes();
    static QString causeText(const QString &code);
    // "relay refused the connection; then relay port still held" for an outage's codes.
    static QString causesText(const QStringList &codes);
};

} // namespace relayfleet
