#pragma once

#include "base/Result.h"
#include "overrides/OverrideAssignment.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace relayfleet {

// Desired values against what a device's program reports it applied: one row per variable,
// and when the applied values are unknown, why.
struct OverrideComparison
{
    enum class Status
    {
        Ok,      // applied as desired
        Drift,   // applied with another value
        Missing, // desired, not applied
        Extra,   // applied, not desired
    };
    struct Row
    {
        QString name;
        QJsonValue desired; // undefined when not desired
        QJsonValue applied; // undefined when not applied
        Status status = Status::Ok;
    };

    QList<Row> rows;
    QString problem;     // why the program's applied values are unknown (not running, ...)
    QJsonObject accepts; // what the program takes, if it says (OverrideProtocol::parseAccepts)

    static OverrideComparison of(const QJsonObject &desired, const Result<QJsonObject> &applied);
    bool inSync() const;
    // What must be pushed again to make the device match.
    static QList<OverrideAssignment> drifted(const QJsonObject &desired,
                                             const Result<QJsonObject> &applied);

    static QString statusName(Status status); // "ok", "drift", "missing", "extra"
    // [{"name", "desired", "applied", "status"}] (null for a side without the variable): what
    // `overrides DEVICE --json` prints.
    QJsonArray rowsJson() const;
};

} // namespace relayfleet
