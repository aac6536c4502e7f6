#pragma once

#include "fleet/DeviceStatus.h"
#include "relay/FleetAccess.h"
#include "transfer/DeviceCopy.h"

#include <QDialog>
#include <QStringList>
#include <memory>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace relayfleet {
class WorkerTask;
}

namespace relayfleet::gui {

// Files to devices (Upload…, or files dropped on a device) and from one device (Download…):
// where to, then a progress bar with Cancel, then one line per device saying what happened.
// The copy runs on a worker thread over the window's relay connections (core DeviceCopy).
class FileTransferDialog : public QDialog
{
    Q_OBJECT

public:
    // Upload `files` to every device of `devices` (one, or all with a label).
    static FileTransferDialog *upload(FleetAccess access, QList<DeviceStatus> devices,
                                      QStringList files, QWidget *parent);
    // Download from `device` into `localFolder`.
    static FileTransferDialog *download(FleetAccess access, DeviceStatus device,
                                        QString localFolder, QWidget *parent);
    ~FileTransferDialog() override;

    // Starts the copy with what the fields say (the Copy button does the same).
    void start();
    bool isRunning() const;

Q_SIGNALS:
    void transferFinished(bool allGood);

private:
    enum class Direction
    {
        Upload,
        Download
    };
    struct Outcome
    {
        QStringList lines;
        bool allGood = true;
    };
    struct RelayJob
    {
        RelayConfig relay;
        QList<DeviceTarget> targets;
        QStringList names;
    };
    struct Plan
    {
        QList<RelayJob> jobs;
        QStringList problems; // devices whose relay is not configured here
    };
    struct Request
    {
        Plan plan;
        bool upload = true;
        QString path; // on the device
        QStringList files;
        QString localFolder;
        FleetAccess access;
    };
    FileTransferDialog(FleetAccess access, QList<DeviceStatus> devices, QStringList files,
                       QString localFolder, Direction direction, QWidget *parent);
    Plan planByRelay() const;
    static Outcome copyOnWorker(const Request &request, WorkerTask &task);
    static void describeResults(const QList<DeviceCopy::DeviceResult> &results,
                                const QStringList &names, Outcome &outcome);
    void showProgress(int permille, const QString &what);
    void finish(const Outcome &outcome);

    FleetAccess m_access;
    QList<DeviceStatus> m_devices;
    QStringList m_files;
    QString m_localFolder;
    Direction m_direction;
    QLineEdit *m_path = nullptr; // the device's folder (upload) or file (download)
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QPlainTextEdit *m_results = nullptr;
    QPushButton *m_startButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    WorkerTask *m_task = nullptr; // last: stops before anything it uses is gone
};

} // namespace relayfleet::gui
