#pragma once

#include "relay/DeviceTarget.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace relayfleet {

// How one device took one push: whether the push reached it, whether its program read it,
// and for each variable whether it was applied or rejected and why. The CLI and the window
// read these fields; JSON is written only for `--json` and the push history (toJson).
struct PushResult
{
    struct Variable
    {
        QString name;
        QJsonValue value; // as pushed
        bool applied = false;
        QString reason; // why the program rejected it
    };

    DeviceTarget target;
    bool reached = false;  // the push's command ran on the device; else `error` says why not
    bool ok = false;       // the device took the push (the payload went into the FIFO)
    bool received = false; // the program read it
    bool applied = false;  // ... and applied every variable of it
    QString error;
    QList<Variable> variables;
    QJsonObject values;  // all the program's applied values after the push
    QJsonObject accepts; // what the program takes, if it says (OverrideProtocol::parseAccepts)

    // Not reached: the relay or the device could not be logged in to.
    static PushResult unreached(const DeviceTarget &target, const QString &error);

    // "kitchen", or "lab:4650" for an unregistered tunnel.
    QString device() const { return target.idOrPort(); }
    QList<Variable> rejected() const;
    // For the audit log: "applied", "not applied" or the error.
    QString outcome() const;

    // {"device", "ok", "received", "applied", "error", "values", "variables", "accepts"}: what
    // `push --json` prints and the history keeps.
    QJsonObject toJson() const;
    static QJsonArray toJson(const QList<PushResult> &results);
};

} // namespace relayfleet
