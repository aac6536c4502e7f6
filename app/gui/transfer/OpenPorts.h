#pragma once

#include "fleet/DeviceStatus.h"
#include "relay/FleetAccess.h"
#include "transfer/PortForward.h"

#include <QObject>
#include <QUrl>
#include <memory>
#include <vector>

namespace relayfleet {
class WorkerTask;
}

namespace relayfleet::gui {

// The device ports the window has open here (Device → Open port…): each a PortForward from a
// free local port on 127.0.0.1, started on a worker over the window's relay connection, kept
// until closed on demand or with the window. Opening and closing are in the audit log.
class OpenPorts : public QObject
{
    Q_OBJECT

public:
    struct Open
    {
        DeviceTarget target;
        int devicePort = 0;
        QUrl url;
    };

    explicit OpenPorts(QObject *parent);
    ~OpenPorts() override;

    // Starts forwarding `port` of `device` as `access` reaches it; `opened` or `failed`
    // follows.
    void open(const FleetAccess &access, const DeviceStatus &device, int port);
    void close(const DeviceTarget &target, int devicePort);
    void closeAll();
    // Another home (the demo lab): its ports are not these; one being opened is dropped.
    void reset();
    QList<Open> openFor(const DeviceTarget &target) const;
    int count() const { return static_cast<int>(m_forwards.size()); }
    bool isOpening() const;

Q_SIGNALS:
    void opened(const relayfleet::gui::OpenPorts::Open &port);
    void failed(const QString &device, int port, const QString &why);
    // A port was opened or closed, or a device's session was lost.
    void changed();

private:
    struct Forward
    {
        std::unique_ptr<PortForward> forward;
        FleetAccess access; // as it was opened: its close is recorded where its opening was
    };
    static Open describe(const PortForward &forward);
    // Whether `forward` goes through `target`'s tunnel (its relay and port).
    static bool reaches(const PortForward &forward, const DeviceTarget &target);
    // Ends `forward`, recording why.
    static void end(Forward &forward, const QString &why);

    std::vector<Forward> m_forwards;
    int m_generation = 0; // reset() counts up: what an older opening returns is dropped
    WorkerTask *m_task = nullptr;
};

} // namespace relayfleet::gui
