#include "overrides/OverrideMessage.h"

#include <QDateTime>
#include <QRandomGenerator>

namespace relayfleet {

Result<QByteArray> OverrideMessage::payload(qint64 seq,
                                            const QList<OverrideAssignment> &assignments)
{
    if (assignments.isEmpty()) {
        return Error::make(Error::Code::InvalidInput, tr("Nothing to push."));
    }
    QByteArray out = "#seq " + QByteArray::number(seq) + '\n';
    for (const OverrideAssignment &assignment : assignments) {
        out += assignment.line() + '\n';
    }
    if (out.size() > kMaxBytes) {
        return Error::make(Error::Code::InvalidInput,
                           tr("This push is %1 bytes; at most %2 fit in one atomic write to a "
                              "FIFO. Push fewer or shorter values at a time.")
                               .arg(out.size())
                               .arg(kMaxBytes));
    }
    return out;
}

qint64 OverrideMessage::newSequence()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000 + QRandomGenerator::global()->bounded(1000);
}

} // namespace relayfleet
