#pragma once

#include "base/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>

namespace relayfleet {

// When a device's tunnel came and went, as its relay recorded it (the relay helper's history:
// "EPOCH up" / "EPOCH down" lines). A device that lost power reports nothing, so this is the
// relay's own record; "down" is the device's last heartbeat. The text comes from the relay,
// which may be compromised: every line is validated and the sizes are capped.
struct ConnectionHistory
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionHistory)

public:
    static constexpr int kMaxEvents = 1000;

    struct Event
    {
        QDateTime at;
        bool up = false;
    };
    struct Outage
    {
        QDateTime start;
        QDateTime end; // invalid while it lasts
    };

    QList<Event> events; // oldest first

    // Lines of the history file, or the space-separated pairs of the listing's "@events".
    // Malformed parts are skipped, never guessed at.
    static ConnectionHistory parse(const QByteArray &text);
    // Each time the tunnel was down (from a "down" to the next "up"), oldest first.
    QList<Outage> outages() const;
    // Since when the tunnel is down, if the last event says so.
    QDateTime downSince() const;
};

} // namespace relayfleet
