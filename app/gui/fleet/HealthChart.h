#pragma once

#include "registry/DeviceHealth.h"

#include <QList>
#include <QWidget>

namespace relayfleet::gui {

// A device's health over the reports the relay keeps (about a week, hourly): its temperature,
// load and disk free, each a small line over the same time axis, with its latest value. The
// limits where a value becomes a worry are drawn as faint lines.
class HealthChart : public QWidget
{
    Q_OBJECT

public:
    explicit HealthChart(QWidget *parent = nullptr);

    void setHistory(const QList<DeviceHealth> &history);
    // Said in place of the chart (nothing reported yet, the relay could not be read).
    void setMessage(const QString &message);
    int reportCount() const { return int(m_history.size()); }

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<DeviceHealth> m_history;
    QString m_message;
    bool m_read = false; // a history was set (else the message, or nothing, is shown)
};

} // namespace relayfleet::gui
