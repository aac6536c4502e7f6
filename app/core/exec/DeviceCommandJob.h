#pragma once

#include "base/CancelToken.h"
#include "base/Credentials.h"
#include "base/Error.h"
#include "base/WorkerTask.h"
#include "hostkeys/HostKeyPolicy.h"
#include "relay/DeviceTarget.h"
#include "relay/RelayConfig.h"
#include "relay/RelayConnections.h"

#include <QObject>

namespace relayfleet {

// Runs one command on a device through its relay on a worker thread (a WorkerTask), so a GUI
// never waits on the network. Output and the outcome arrive as signals (queued to the
// receiver's thread); cancel() ends it within ~100 ms. Destroying the job cancels it and waits
// for the worker.
class DeviceCommandJob : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        RelayConfig relay;
        DeviceTarget target;
        QString command;
        Credentials credentials;
        QString knownHostsPath;
        HostKeyPolicy relayHostKeyPolicy;
        HostKeyPolicy deviceHostKeyPolicy;
        int connectTimeoutMs = 15000;
        // The window's shared relay connections; null: a login of this job's own.
        std::shared_ptr<RelayConnections> connections;
    };

    explicit DeviceCommandJob(Request request, QObject *parent = nullptr);
    ~DeviceCommandJob() override;

    void start();
    void cancel() { m_task.cancel(); }
    bool isRunning() const { return m_task.isRunning(); }

Q_SIGNALS:
    void standardOutput(const QByteArray &data);
    void standardError(const QByteArray &data);
    void finished(int exitStatus);
    void failed(relayfleet::Error::Code code, const QString &message);

private:
    void run(const CancelToken &cancel);

    Request m_request;
    WorkerTask m_task; // last: stopped before the request it reads is destroyed
};

} // namespace relayfleet
