#pragma once

#include "base/AppPaths.h"
#include "fleet/DeviceStatus.h"
#include "overrides/FleetOverrides.h"

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace relayfleet {
class WorkerTask;
}

namespace relayfleet::gui {

// Variable overrides for one device or one label group: a NAME / VALUE table of the desired
// values, Push (every row validated before anything is sent, then one atomic write per
// device), and the outcome per device — applied, rejected by the program (the rows in the error
// colour, with its reason), written but not confirmed, or why not. What the program takes
// (names, types, current values) is shown once a device has said it.
// "Read applied" compares what each device's program reports with the desired values.
// All network work runs on a worker; Cancel stops it.
class OverridesEditor : public QWidget
{
    Q_OBJECT

public:
    // `devices`: the devices in scope (one, or every device carrying `label`), reached through
    // `access`; `paths`: where the desired values and the push history are kept.
    OverridesEditor(AppPaths paths, FleetAccess access, QList<DeviceStatus> devices, QString label,
                    QWidget *parent = nullptr);
    ~OverridesEditor() override;

    QString title() const;
    void setValues(const QList<QPair<QString, QString>> &rows);
    void push();
    void readApplied();
    // The answers of the last push, or the readings of the last read (the other is empty).
    const QList<PushResult> &lastPush() const { return m_lastPush; }
    const QList<FleetOverrides::Reading> &lastReadings() const { return m_lastReadings; }

Q_SIGNALS:
    void pushFinished();
    void readFinished();

private:
    QString scopeText() const;
    QHBoxLayout *buildButtons();
    void addRow(const QString &name = {}, const QString &value = {});
    void loadDesired();
    Result<QList<OverrideAssignment>> assignments() const;
    QList<DeviceTarget> targets() const;
    void setBusy(bool busy, const QString &what = {});
    void showPushed(const QList<PushResult> &answers);
    void showReadings(const QList<FleetOverrides::Reading> &readings);
    void addResult(const QString &device, const QString &result, const QString &details,
                   bool failed);
    // Marks the rows whose variable a device's program rejected, with its reason.
    void markRejected(const QList<PushResult> &answers);
    void showAccepted(const QJsonObject &accepts);

    AppPaths m_paths;
    FleetOverrides m_overrides;
    QList<DeviceStatus> m_devices;
    QString m_label;
    QTableWidget *m_values = nullptr;
    QTableWidget *m_results = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_accepted = nullptr; // what the program takes: names, types, current values
    QProgressBar *m_progress = nullptr;
    QPushButton *m_push = nullptr;
    QPushButton *m_read = nullptr;
    QPushButton *m_cancel = nullptr;
    WorkerTask *m_task = nullptr;
    QList<PushResult> m_lastPush;
    QList<FleetOverrides::Reading> m_lastReadings;
};

} // namespace relayfleet::gui
