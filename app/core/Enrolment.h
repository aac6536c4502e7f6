#pragma once

#include "CancelToken.h"
#include "DeviceRecord.h"
#include "EnrolmentRequest.h"
#include "KnownHostsFile.h"
#include "RelayConnection.h"
#include "RelayRegistry.h"
#include "SshSession.h"

#include <functional>
#include <memory>
#include <vector>

namespace relayfleet {

class DeviceConnection;

// Enrols one device: pins its host key, installs the user's key, has the device make its own
// tunnel key, reserves a relay port, authorises the key on the relay with restrictions, pins
// the relay's key on the device, installs the tunnel runner, registers the device and checks
// it through the relay. Each step reports progress; a failure undoes every step already done.
class Enrolment
{
public:
    using Progress = std::function<void(int step, int steps, const QString &what)>;
    static constexpr int kSteps = 9;

    Enrolment(RelayConnection &relay, KnownHostsFile &knownHosts, EnrolmentRequest request,
              Progress progress, CancelToken cancel = {});
    ~Enrolment();

    Result<DeviceRecord> run();
    // Output of the device's service installation ("started: systemd unit ..." and so on).
    const QString &serviceNote() const { return m_serviceNote; }

private:
    Result<void> checkRelay();
    Result<void> connectDevice();
    Result<void> uploadFiles();
    Result<void> installUserKey();
    Result<QString> createTunnelKey();
    Result<int> reservePort();
    Result<void> installRunner(int port);
    Result<void> verify(const DeviceRecord &record);
    Result<CommandOutput> onDevice(const QString &command, const QByteArray &input = {});
    void step(const QString &what);
    void rollback();

    RelayConnection &m_relay;
    KnownHostsFile &m_knownHosts;
    EnrolmentRequest m_request;
    Progress m_progress;
    CancelToken m_cancel;
    RelayRegistry m_registry;
    int m_step = 0;
    std::unique_ptr<DeviceConnection> m_tunnelDevice;
    SshSession m_lanDevice;
    ssh_session m_device = nullptr;
    HostKey m_deviceKey;
    QString m_serviceNote;
    std::vector<std::function<void()>> m_undo;
};

} // namespace relayfleet
