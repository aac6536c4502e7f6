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
    // {"name", "desired", "applied", "status"}, status one of ok, drift, missing (desired, not
    // applied) or extra (applied, not desired).
    QJsonArray rows;
    QString problem;     // why the program's applied values are unknown (not running, ...)
    QJsonObject accepts; // what the program takes, if it says (OverrideProtocol::parseAccepts)

    static OverrideComparison of(const QJsonObject &desired, const Result<QJsonObject> &applied);
    bool inSync() const;
    // What must be pushed again to make the device match.
    static QList<OverrideAssignment> drifted(const QJsonObject &desired,
                                             const Result<QJsonObject> &applied);
};

} // namespace relayfleet
