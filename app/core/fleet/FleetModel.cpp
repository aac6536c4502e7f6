#include "fleet/FleetModel.h"

#include <QCoreApplication>
#include <QSet>
#include <algorithm>

namespace relayfleet {

FleetModel::FleetModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QString FleetModel::key(const DeviceStatus &status)
{
    return status.relay + QLatin1Char('/') +
           (status.id.isEmpty() ? QStringLiteral(":%1").arg(status.port) : status.id);
}

int FleetModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int FleetModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FleetModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size()) {
        return {};
    }
    const DeviceStatus &s = m_rows.at(index.row());
    if (role == StateRole) {
        return static_cast<int>(s.state);
    }
    if (role == LabelsRole) {
        return s.labels;
    }
    if (role == Qt::ToolTipRole) {
        QStringList tips;
        if (!s.problem.isEmpty()) {
            tips << s.problem;
        }
        if (!s.offlineCauses.isEmpty()) {
            tips << QCoreApplication::translate("FleetModel", "Why, as the device reported: %1")
                        .arg(ConnectionHistory::causesText(s.offlineCauses));
        }
        if (s.health.level() == DeviceHealth::Level::Warning ||
            s.health.level() == DeviceHealth::Level::Critical) {
            tips << QCoreApplication::translate("FleetModel", "Health: %1 — %2")
                        .arg(DeviceHealth::levelLabel(s.health.level()),
                             s.health.reasons().join(QStringLiteral("; ")));
        }
        if (s.deviceFilesOutdated()) {
            tips << QCoreApplication::translate(
                        "FleetModel",
                        "Its Relay Fleet files are older than this app's: relayfleet-cli "
                        "upgrade %1 brings them up.")
                        .arg(s.id);
        }
        return tips.isEmpty() ? QVariant() : QVariant(tips.join(QLatin1Char('\n')));
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole) {
        return {};
    }
    switch (index.column()) {
    case Status: {
        if (role != Qt::DisplayRole) {
            return DeviceStatus::stateLabel(s.state);
        }
        // Marked in the list, so that the devices to look at (a health worry, files an upgrade
        // would change) are seen at once; the tooltip says why.
        QString text = DeviceStatus::stateLabel(s.state);
        if (s.health.level() == DeviceHealth::Level::Warning ||
            s.health.level() == DeviceHealth::Level::Critical) {
            text = QCoreApplication::translate("FleetModel", "%1 · %2")
                       .arg(text, DeviceHealth::levelLabel(s.health.level()));
        }
        if (s.deviceFilesOutdated()) {
            text = QCoreApplication::translate("FleetModel", "%1 · files outdated").arg(text);
        }
        return text;
    }
    case Name:
        return s.name.isEmpty()
                   ? (s.id.isEmpty()
                          ? QCoreApplication::translate("FleetModel", "(hand-made tunnel)")
                          : s.id)
                   : s.name;
    case Id:
        return s.id;
    case Labels:
        return s.labels.join(QStringLiteral(", "));
    case LastSeen:
        if (role == Qt::EditRole) {
            return s.lastSeen;
        }
        // How long ago first: with cellular devices heard from every few minutes up to half an
        // hour, the age says more than the clock time.
        return s.lastSeen.isValid()
                   ? QCoreApplication::translate("FleetModel", "%1 (%2)")
                         .arg(FleetModel::ago(s.lastSeen.secsTo(QDateTime::currentDateTimeUtc())),
                              QLocale().toString(s.lastSeen.toLocalTime(), QLocale::ShortFormat))
                   : QCoreApplication::translate("FleetModel", "never");
    case OfflineSince:
        if (role == Qt::EditRole) {
            return s.offlineSince;
        }
        return s.offlineSince.isValid()
                   ? QLocale().toString(s.offlineSince.toLocalTime(), QLocale::ShortFormat)
                   : QString();
    case Port:
        return s.port == 0 ? QVariant() : QVariant(s.port);
    case Relay:
        return s.relay;
    default:
        return {};
    }
}

QVariant FleetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Status:
        return QCoreApplication::translate("FleetModel", "Status");
    case Name:
        return QCoreApplication::translate("FleetModel", "Name");
    case Id:
        return QCoreApplication::translate("FleetModel", "Id");
    case Labels:
        return QCoreApplication::translate("FleetModel", "Labels");
    case LastSeen:
        return QCoreApplication::translate("FleetModel", "Last seen");
    case OfflineSince:
        return QCoreApplication::translate("FleetModel", "Offline since");
    case Port:
        return QCoreApplication::translate("FleetModel", "Port");
    case Relay:
        return QCoreApplication::translate("FleetModel", "Relay");
    default:
        return {};
    }
}

int FleetModel::rowOf(const std::function<bool(const DeviceStatus &)> &matches) const
{
    const auto found = std::find_if(m_rows.cbegin(), m_rows.cend(), matches);
    return found == m_rows.cend() ? -1 : static_cast<int>(found - m_rows.cbegin());
}

void FleetModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void FleetModel::setRelayStatuses(const QString &relay, const QList<DeviceStatus> &statuses)
{
    QHash<QString, const DeviceStatus *> incoming;
    for (const DeviceStatus &status : statuses) {
        incoming.insert(key(status), &status);
    }
    // Rows of this relay that disappeared go, from the bottom so indexes stay valid.
    for (int row = static_cast<int>(m_rows.size()) - 1; row >= 0; --row) {
        if (m_rows[row].relay == relay && !incoming.contains(key(m_rows[row]))) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    QSet<QString> present;
    int firstChanged = -1;
    int lastChanged = -1;
    for (int row = 0; row < m_rows.size(); ++row) {
        const QString k = key(m_rows[row]);
        if (auto it = incoming.constFind(k); it != incoming.constEnd()) {
            m_rows[row] = **it;
            present.insert(k);
            firstChanged = firstChanged < 0 ? row : firstChanged;
            lastChanged = row;
        }
    }
    // One notification for the whole refresh: views repaint once, not once per device.
    if (firstChanged >= 0) {
        Q_EMIT dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));
    }
    QList<DeviceStatus> added;
    for (const DeviceStatus &status : statuses) {
        if (!present.contains(key(status))) {
            added << status;
        }
    }
    if (!added.isEmpty()) {
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        m_rows += added;
        endInsertRows();
    }
}

QStringList FleetModel::allLabels() const
{
    QSet<QString> labels;
    for (const DeviceStatus &status : m_rows) {
        for (const QString &label : status.labels) {
            labels.insert(label);
        }
    }
    QStringList sorted(labels.begin(), labels.end());
    sorted.sort();
    return sorted;
}

QString FleetModel::ago(qint64 seconds)
{
    if (seconds < 60) {
        return tr("just now");
    }
    if (seconds < 3600) {
        return tr("%n min ago", nullptr, static_cast<int>(seconds / 60));
    }
    if (seconds < 2 * 86400) {
        return tr("%n h ago", nullptr, static_cast<int>(seconds / 3600));
    }
    return tr("%n days ago", nullptr, static_cast<int>(std::min<qint64>(seconds / 86400, 99999)));
}

} // namespace relayfleet
