#pragma once

#include "base/CancelToken.h"
#include "enrolment/EnrolmentRequest.h"
#include "hostkeys/KnownHostsFile.h"
#include "registry/DeviceRecord.h"
#include "registry/RelayRegistry.h"
#include "relay/RelayConnection.h"
#include "ssh/SshSession.h"

#include <QCoreApplication>
#include <functional>
#include <memory>
#include <vector>

namespace relayfleet {

class DeviceConnection;

// Enrols one device: pins its host key, installs the user's key, has the device make its own
// tunnel key, reserves a relay port, authorises the key on the relay with restrictions, pins
// the relay's key on the device, installs the tunnel runner, registers the device and checks
// it through the relay. Each step reports progress; a failure (or a cancel) undoes every step
// already done, with its own time limit and never cancelled itself; if the relay went away it
// is logged in to again for the undo. What could not be undone is named in the error.
class Enrolment
{
    Q_DECLARE_TR_FUNCTIONS(Enrolment)
public:
    using Progress = std::function<void(int step, int steps, const QString &what)>;
    using Reconnect = std::function<Result<std::shared_ptr<RelayConnection>>()>;
    static constexpr int kSteps = 10; // every step() of run(), in order (counted by EnrolmentTest)

    Enrolment(RelayConnection &relay, KnownHostsFile &knownHosts, EnrolmentRequest request,
              Progress progress, CancelToken cancel = {});
    ~Enrolment();

    // How to log in to the relay again if it is lost before the undo (without it, steps done
    // on a lost relay stay and are reported).
    void setReconnect(Reconnect reconnect) { m_reconnect = std::move(reconnect); }
    Result<DeviceRecord> run();
    // After a failed run: the steps that could not be undone, each with its reason.
    const QStringList &leftovers() const { return m_leftovers; }
    // Output of the device's service installation ("started: systemd unit ..." and so on).
    const QString &serviceNote() const { return m_serviceNote; }

private:
    Result<DeviceRecord> enrolSteps(DeviceRecord record);
    Result<void> checkRelay();
    Result<void> connectDevice();
    Result<void> uploadFiles();
    Result<void> installUserKey();
    Result<QString> createTunnelKey();
    Result<int> reservePort();
    Result<void> installRunner(int port);
    Result<void> verify(const DeviceRecord &record);
    Result<CommandOutput> onDevice(const QString &command, const QByteArray &input = {});
    Result<void> undoOnDevice(const QString &command, const QByteArray &input = {});
    void step(const QString &what);
    void rollback();
    RelayConnection *relayForUndo(const QDeadlineTimer &patience);
    const CancelToken &cancelToken() const { return m_undoing ? m_undoCancel : m_cancel; }

    // One step's undo; `onRelay` ones get the registry to use (the relay may have been
    // logged in to again).
    struct Undo
    {
        QString what;
        bool onRelay = false;
        std::function<Result<void>(RelayRegistry &)> run;
    };
    void addUndo(QString what, std::function<Result<void>()> run);
    void addRelayUndo(QString what, std::function<Result<void>(RelayRegistry &)> run);

    RelayConnection &m_relay;
    KnownHostsFile &m_knownHosts;
    EnrolmentRequest m_request;
    Progress m_progress;
    CancelToken m_cancel;
    RelayRegistry m_registry;
    int m_step = 0;
    std::unique_ptr<DeviceConnection> m_tunnelDevice;
    SshSession m_lanDevice;
    SshSession *m_device = nullptr; // m_lanDevice or m_tunnelDevice's session
    HostKey m_deviceKey;
    QString m_serviceNote;
    std::vector<Undo> m_undo;
    Reconnect m_reconnect;
    std::shared_ptr<RelayConnection> m_undoRelay;
    // Set when an undo found the enrolment's own connection dead before its pump had noticed:
    // the undos go on over a new one.
    bool m_relayDiedUnderUndo = false;
    bool m_undoing = false;
    CancelToken m_undoCancel; // never cancelled: an undo that was started is finished
    QStringList m_leftovers;
    bool m_leftOnRelay = false; // some of the leftovers are on the relay (`remove ID` clears them)
};

} // namespace relayfleet
