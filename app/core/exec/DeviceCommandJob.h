#pragma once

#include "base/CancelToken.h"
#include "base/Error.h"
#include "base/WorkerTask.h"
#include "relay/DeviceTarget.h"
#include "relay/FleetAccess.h"

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
    DeviceCommandJob(FleetAccess access, DeviceTarget target, QString command,
                     QObject *parent = nullptr);
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

    FleetAccess m_access;
    DeviceTarget m_target;
    QString m_command;
    WorkerTask m_task; // last: stopped before what it reads is destroyed
};

} // namespace relayfleet
