#pragma once

#include "base/CancelToken.h"
#include "base/Error.h"
#include "base/UniqueFd.h"
#include "base/WorkerTask.h"
#include "exec/WarmDeviceConnections.h"
#include "relay/DeviceTarget.h"
#include "relay/FleetAccess.h"
#include "ssh/SshHandles.h"

#include <QByteArray>
#include <QObject>
#include <QSize>
#include <atomic>
#include <mutex>
#include <optional>

namespace relayfleet {

class SshSession;

// An interactive shell on a device through its relay: a PTY channel (xterm-256color) on a
// device session, served by a worker thread (a WorkerTask). Bytes from the shell arrive as
// received(); write() and resize() may be called from any thread. Destroying the session
// closes it and waits for the worker.
class TerminalSession : public QObject
{
    Q_OBJECT

public:
    // `size`: columns × rows. `warm`: device connections logged in ahead (the selected
    // devices); null: none.
    TerminalSession(FleetAccess access, DeviceTarget target, QSize size,
                    std::shared_ptr<WarmDeviceConnections> warm = {}, QObject *parent = nullptr);
    ~TerminalSession() override;

    void start();
    void write(const QByteArray &bytes);
    void resize(int rows, int columns);
    void close();

Q_SIGNALS:
    void connected();
    void received(const QByteArray &bytes);
    // Empty `error`: the shell ended by itself; otherwise why the link dropped.
    void closed(const QString &error);
    // Also emitted when the link could not be made: the code says why (HostKeyChanged...).
    void failed(relayfleet::Error::Code code, const QString &message);

private:
    void run(const CancelToken &cancel);
    QString serve(SshSession &session, const ChannelHandle &channel, const CancelToken &cancel);
    void wake();

    FleetAccess m_access;
    DeviceTarget m_target;
    QSize m_size;
    std::shared_ptr<WarmDeviceConnections> m_warm;
    std::atomic_bool m_closed{false}; // close() before start(): the shell is never opened
    std::mutex m_mutex;
    QByteArray m_input;
    std::optional<std::pair<int, int>> m_pendingResize;
    UniqueFd m_wakeRead;
    UniqueFd m_wakeWrite;
    WorkerTask m_task; // last: stopped before anything the worker uses is destroyed
};

} // namespace relayfleet
