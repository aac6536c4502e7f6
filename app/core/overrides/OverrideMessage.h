#pragma once

#include "base/Result.h"
#include "overrides/OverrideAssignment.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

namespace relayfleet {

// A push as written into the FIFO: "#seq N" then one line per assignment. One write() of at
// most PIPE_BUF bytes, so concurrent writers never interleave.
class OverrideMessage
{
    Q_DECLARE_TR_FUNCTIONS(OverrideMessage)
public:
    static constexpr qsizetype kMaxBytes = 4096;

    static Result<QByteArray> payload(qint64 seq, const QList<OverrideAssignment> &assignments);
    // A sequence number unique enough across processes and devices.
    static qint64 newSequence();
};

} // namespace relayfleet
