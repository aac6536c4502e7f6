#pragma once

#include "registry/ConnectionHistory.h"
#include "registry/DataUsage.h"
#include "registry/DeviceFileVersions.h"
#include "registry/DeviceHealth.h"
#include "relay/DeviceTarget.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace relayfleet {

// What the fleet view shows for one device or unregistered tunnel.
struct DeviceStatus
{
    Q_DECLARE_TR_FUNCTIONS(DeviceStatus)

public:
    enum class State
    {
        Online,
        Stale,
        Offline,
        Unregistered,
        Invalid
    };

    QString id;
    QString name;
    QString relay;
    int port = 0;
    State state = State::Offline;
    // The latest sign of life: the device's own heartbeat (kept by the relay while its tunnel
    // is up), or the app's successful probe (it answered with its key), whichever is newer.
    enum class SeenBy
    {
        Nobody,
        Heartbeat,
        Probe
    };
    QDateTime lastSeen;
    SeenBy lastSeenBy = SeenBy::Nobody;
    // Takes `when` as the last sign of life if it is newer than what is known.
    void seen(const QDateTime &when, SeenBy by);
    // How often its runner said it sends a heartbeat (0: not said; a runner older than version
    // 4 sends one every 5 s without saying so).
    int heartbeatEvery = 0;
    // Whether the state was confirmed by a probe (a key exchange with the device, which costs
    // its link about 5 KB) or comes from the relay's view alone (its listener and the
    // heartbeat's age: nothing reaches the device).
    bool probed = false;
    DataUsage usage;     // what it last reported of the data it uses
    DeviceHealth health; // what it last reported of its health
    // How long a device may stay silent before the relay's view calls it stale: its interval,
    // the time its runner waits for an answer, and some slack for a slow link.
    static qint64 silenceAllowedSeconds(int heartbeatEvery);
    // What the tunnels of the devices that reported their data used this month, together.
    struct DataTotal
    {
        qint64 bytes = 0;
        int reporting = 0; // how many devices reported
    };
    static DataTotal dataTotal(const QList<DeviceStatus> &statuses);
    QString hostKeyFingerprint;
    QStringList labels;
    QString user;                   // the login user the registry names, if any
    DeviceFileVersions deviceFiles; // Relay Fleet's files on it, as its registry entry says
    // The relay's record of its tunnel's latest comings and goings, and what follows from it
    // with the state: since when it is unreachable, and its latest outage that ended.
    ConnectionHistory connections;
    QDateTime offlineSince;               // invalid while online (or never seen)
    QStringList offlineCauses;            // what the device reported of the current outage
    ConnectionHistory::Outage lastOutage; // start invalid when none is known
    void noteOutages(); // sets the two above from `connections`, `state` and `lastSeen`
    // Enrolled, and its files older than this build's: `relayfleet-cli upgrade` brings them up.
    bool deviceFilesOutdated() const;
    QString tunnelKey; // SHA256 fingerprint of the device's own tunnel key (enrolled devices)
    QString problem;   // a sentence when something is wrong beyond the state itself

    // The state's word in JSON and scripts ("stale"), never translated.
    static QString stateName(State state);
    // The state's word for people, in the user's language ("停滞").
    static QString stateLabel(State state);
    // How to reach it: its relay, port, id and login user (the default one when none is kept).
    DeviceTarget target() const;
    QJsonObject toJson() const;
};

} // namespace relayfleet
