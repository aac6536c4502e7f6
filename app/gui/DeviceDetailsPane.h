#pragma once

#include "DeviceStatus.h"

#include <QWidget>

class QLabel;
class QFormLayout;

namespace relayfleet::gui {

// What the fleet window shows about the selected device.
class DeviceDetailsPane : public QWidget
{
    Q_OBJECT

public:
    explicit DeviceDetailsPane(QWidget *parent = nullptr);

    void showDevice(const DeviceStatus &status);
    void clear();

private:
    QLabel *addRow(QFormLayout *form, const QString &label, const QString &objectName);

    QLabel *m_title = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_relay = nullptr;
    QLabel *m_hostKey = nullptr;
    QLabel *m_labels = nullptr;
    QLabel *m_lastSeen = nullptr;
    QLabel *m_problem = nullptr;
};

} // namespace relayfleet::gui
