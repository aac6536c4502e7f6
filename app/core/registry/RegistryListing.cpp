#include "registry/RegistryListing.h"

#include "compat/QtCompat.h"
#include "relay/DeviceTarget.h"

namespace relayfleet {

namespace {

// A time the relay wrote, as seconds since 1970: invalid unless a plausible one (the same bound
// as the history's events, so that moving it between clocks cannot overflow).
QDateTime relayTime(const QByteArray &text)
{
    bool ok = false;
    const qint64 epoch = text.trimmed().toLongLong(&ok);
    return ok && epoch > 0 && epoch <= ConnectionHistory::kLatestEpoch
               ? qtcompat::utcFromSecsSinceEpoch(epoch)
               : QDateTime();
}

} // namespace

Result<RegistryListing> RegistryListing::parse(const QByteArray &output)
{
    if (output.size() > kMaxInput) {
        return Error::make(Error::Code::Protocol,
                           tr("The relay's registry listing is larger than 16 MiB."));
    }
    RegistryListing listing;
    const qsizetype listenersAt = output.indexOf("\n@listeners\n");
    const QByteArray registry = listenersAt >= 0 ? output.left(listenersAt + 1) : output;
    if (listenersAt >= 0) {
        listing.listenerTable = output.mid(listenersAt + 12);
    }
    const QList<QByteArray> lines = registry.split('\n');
    if (lines.isEmpty() || !lines.first().startsWith("relayfleet-helper ")) {
        return Error::make(Error::Code::Protocol,
                           tr("The relay did not answer like a Relay Fleet helper."));
    }
    listing.helperVersion = lines.first().mid(18).trimmed().toInt();
    Entry *current = nullptr;
    QByteArray body;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines[i];
        if (!current && line.startsWith("@now ")) {
            listing.relayNow = relayTime(line.mid(5));
        } else if (line.startsWith("@device ")) {
            if (listing.entries.size() >= kMaxEntries) {
                break;
            }
            listing.entries.append(Entry{});
            current = &listing.entries.last();
            current->fileId = QString::fromUtf8(line.mid(8).trimmed());
            body.clear();
        } else if (current && line.startsWith("| ")) {
            if (body.size() <= DeviceRecord::kMaxSize) {
                body += line.mid(2) + '\n';
            }
        } else if (current && line.startsWith("@last_seen ")) {
            current->lastSeen = relayTime(line.mid(11));
        } else if (current && line.startsWith("@beat_every ")) {
            bool ok = false;
            const int seconds = line.mid(12).trimmed().toInt(&ok);
            if (ok && seconds >= 1 && seconds <= kMaxHeartbeatEvery) {
                current->heartbeatEvery = seconds;
            }
        } else if (current && line.startsWith("@usage ")) {
            current->usage = DataUsage::parse(line.mid(7));
        } else if (current && line.startsWith("@health ")) {
            current->health = DeviceHealth::parse(line.mid(8));
        } else if (current && line.startsWith("@events ")) {
            current->recent = ConnectionHistory::parse(line.mid(8).left(1024));
        } else if (current && line == "@end") {
            auto record = DeviceRecord::parse(body);
            if (!DeviceTarget::isValidId(current->fileId)) {
                current->fileId = QStringLiteral("(invalid)");
                current->problem = tr("The registry file name is not a valid id.");
            } else if (!record) {
                current->problem = record.error().message;
            } else if (record->id != current->fileId) {
                current->problem =
                    tr("The entry in %1.conf names another device.").arg(current->fileId);
            } else {
                current->record = record.value();
            }
            current = nullptr;
        }
    }
    return listing;
}

void RegistryListing::moveToLocalClock(const QDateTime &localNow)
{
    if (!relayNow.isValid() || !localNow.isValid()) {
        return;
    }
    const qint64 measured = relayNow.secsTo(localNow);
    const qint64 ahead = qAbs(measured) <= kClockSlackSeconds ? 0 : measured;
    for (Entry &entry : entries) {
        if (entry.lastSeen.isValid()) {
            entry.lastSeen = entry.lastSeen.addSecs(ahead);
        }
        if (entry.usage.reported.isValid()) {
            entry.usage.reported = entry.usage.reported.addSecs(ahead);
        }
        if (entry.health.reported.isValid()) {
            entry.health.reported = entry.health.reported.addSecs(ahead);
        }
        for (ConnectionHistory::Event &event : entry.recent.events) {
            event.at = event.at.addSecs(ahead);
        }
    }
    relayNow = localNow;
}

} // namespace relayfleet
