#include "registry/ListenerTable.h"

#include <QSet>
#include <algorithm>

namespace relayfleet {

namespace {

constexpr char kListenState[] = "0A";

// /proc prints addresses as hex words in host byte order: 127.0.0.1 is 0100007F on x86 and
// ARM (little-endian); ::1 is 00000000000000000000000001000000.
bool isLoopback(const QByteArray &hexAddress)
{
    if (hexAddress.size() == 8) {
        bool ok = false;
        const quint32 word = hexAddress.toUInt(&ok, 16);
        return ok && (word & 0xffu) == 127u; // first octet, little-endian
    }
    if (hexAddress.size() == 32) {
        return hexAddress == "00000000000000000000000001000000";
    }
    return false;
}

} // namespace

QList<int> ListenerTable::loopbackListeners(const QByteArray &procNetTcp)
{
    QSet<int> ports;
    const QByteArray input = procNetTcp.left(kMaxInput);
    for (const QByteArray &line : input.split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 4 || fields[3] != kListenState) {
            continue;
        }
        const QList<QByteArray> local = fields[1].split(':');
        if (local.size() != 2 || !isLoopback(local[0]) || local[1].size() != 4) {
            continue;
        }
        bool ok = false;
        const int port = local[1].toInt(&ok, 16);
        if (ok && port > 0) {
            ports.insert(port);
        }
    }
    QList<int> sorted(ports.begin(), ports.end());
    std::sort(sorted.begin(), sorted.end());
    return sorted;
}

} // namespace relayfleet
