#pragma once

#include "fleet/DeviceStatus.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <functional>

namespace relayfleet {

// Every device and unregistered tunnel of every relay, as a table the GUI shows (and sorts and
// filters through a proxy). Core only: Qt Core has item models, so the model is tested and
// reused without Widgets. Updates keep rows whose identity (relay + id, or relay + port for an
// unregistered tunnel) is unchanged, so a selection survives a refresh.
class FleetModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Status,
        Name,
        Id,
        Labels,
        LastSeen,
        OfflineSince, // sorts the longest gone first, so the devices to look at are on top
        Port,
        Relay,
        ColumnCount
    };
    enum Role
    {
        StateRole = Qt::UserRole + 1,
        LabelsRole,
        StatusRole
    };

    explicit FleetModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Replaces what one relay reported, leaving the other relays' rows alone.
    void setRelayStatuses(const QString &relay, const QList<DeviceStatus> &statuses);
    const DeviceStatus &statusAt(int row) const { return m_rows.at(row); }
    // The first row whose status `matches`; -1: none.
    int rowOf(const std::function<bool(const DeviceStatus &)> &matches) const;
    DeviceStatus::DataTotal dataTotal() const { return DeviceStatus::dataTotal(m_rows); }
    void clear();
    QStringList allLabels() const;

    static QString key(const DeviceStatus &status);
    // "just now", "4 min ago", "3 h ago", "2 days ago": how long ago, for people.
    static QString ago(qint64 seconds);

private:
    QList<DeviceStatus> m_rows;
};

} // namespace relayfleet
