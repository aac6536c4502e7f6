#pragma once

#include "base/JsonLinesFile.h"
#include "base/Result.h"
#include "overrides/OverrideAssignment.h"
#include "overrides/PushResult.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace relayfleet {

// This machine's record of every push (<home>/push-history.jsonl): when, to which devices,
// which values, and each device's answer. One line per push (JsonLinesFile: bounded, the
// older half kept in push-history.jsonl.1).
class PushHistory
{
    Q_DECLARE_TR_FUNCTIONS(PushHistory)
public:
    explicit PushHistory(QString home);

    Result<void> record(qint64 seq, const QStringList &targets,
                        const QList<OverrideAssignment> &assignments,
                        const QList<PushResult> &results);
    // The newest entries, oldest first.
    Result<QList<QJsonObject>> last(int count = 100) const;

private:
    JsonLinesFile file() const;

    QString m_home;
};

} // namespace relayfleet
