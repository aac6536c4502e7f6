#pragma once

#include "base/AppPaths.h"
#include "fleet/DeviceStatus.h"
#include "relay/RelayConnections.h"
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
// until closed on demand or with the window.
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

    OpenPorts(AppPaths paths, std::shared_ptr<RelayConnections> relays, QObject *parent);
    ~OpenPorts() override;

    // Starts forwarding `port` of `device`; `opened` or `failed` follows.
    void open(const DeviceStatus &device, int port);
    void close(const DeviceTarget &target, int devicePort);
    void closeAll();
    // Another home (the demo lab): its ports are not these; one being opened is dropped.
    void reset(AppPaths paths, std::shared_ptr<RelayConnections> relays);
    QList<Open> openFor(const DeviceTarget &target) const;
    int count() const { return static_cast<int>(m_forwards.size()); }
    bool isOpening() const;

Q_SIGNALS:
    void opened(const relayfleet::gui::OpenPorts::Open &port);
    void failed(const QString &device, int port, const QString &why);
    // A port was opened or closed, or a device's session was lost.
    void changed();

private:
    static Open describe(const PortForward &forward);

    AppPaths m_paths;
    std::shared_ptr<RelayConnections> m_relays;
    std::vector<std::unique_ptr<PortForward>> m_forwards;
    int m_generation = 0; // reset() counts up: what an older opening returns is dropped
    WorkerTask *m_task = nullptr;
};

} // namespace relayfleet::gui
