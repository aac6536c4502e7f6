#include "AbandonedLabs.h"

#include "LabCommand.h"
#include "LabFiles.h"
#include "LabNetwork.h"
#include "LabProcesses.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <unistd.h>

namespace relayfleet::lab {

namespace {

// Whether a lab with this id still belongs to a live process other than this one.
bool ownedByAnotherLiveProcess(const QString &labId)
{
    QDirIterator dirs(QDir::tempPath(), {QStringLiteral("rflab-%1-*").arg(labId)}, QDir::Dirs);
    while (dirs.hasNext()) {
        const qint64 owner =
            LabFiles::read(dirs.next() + QStringLiteral("/owner.pid")).trimmed().toLongLong();
        if (LabProcesses::alive(owner) && owner != getpid()) {
            return true;
        }
    }
    return false;
}

void removeDeadLabDirectories()
{
    // Directories of dead labs (a test killed before its destructor ran).
    QDirIterator labDirs(QDir::tempPath(), {QStringLiteral("rflab-*-*")}, QDir::Dirs);
    while (labDirs.hasNext()) {
        const QString dir = labDirs.next();
        const qint64 owner =
            LabFiles::read(dir + QStringLiteral("/owner.pid")).trimmed().toLongLong();
        // A lab being created in another process has no owner file yet: leave young ones be.
        const bool young = QFileInfo(dir).lastModified().secsTo(QDateTime::currentDateTime()) < 300;
        if (owner == 0 ? !young : !LabProcesses::alive(owner)) {
            // A booted device's disk first: nothing is removed through a mount.
            QFile mounts(QStringLiteral("/proc/mounts"));
            if (mounts.open(QIODevice::ReadOnly)) {
                for (const QByteArray &line : mounts.readAll().split('\n')) {
                    const QString point = QString::fromLocal8Bit(line.split(' ').value(1));
                    if (point.startsWith(dir + QLatin1Char('/'))) {
                        (void)LabCommand::run(
                            {QStringLiteral("umount"), QStringLiteral("-l"), point});
                    }
                }
            }
            QDir(dir).removeRecursively();
        }
    }
}

void removeDeadAccounts()
{
    // Throwaway password accounts of dead labs.
    const QByteArray passwd = LabFiles::read(QStringLiteral("/etc/passwd"));
    static const QRegularExpression labUser(QStringLiteral("^rflabpw([0-9a-f]{4}):"),
                                            QRegularExpression::MultilineOption);
    auto users = labUser.globalMatch(QString::fromUtf8(passwd));
    while (users.hasNext()) {
        const auto match = users.next();
        if (!ownedByAnotherLiveProcess(match.captured(1))) {
            (void)LabCommand::run(
                {QStringLiteral("userdel"), QStringLiteral("rflabpw") + match.captured(1)});
        }
    }
}

} // namespace

bool AbandonedLabs::hasLiveOwner(const QString &labId)
{
    return ownedByAnotherLiveProcess(labId);
}

QStringList AbandonedLabs::namespaces()
{
    auto list =
        LabCommand::run({QStringLiteral("ip"), QStringLiteral("netns"), QStringLiteral("list")});
    if (!list) {
        return {};
    }
    static const QRegularExpression labNamespace(QStringLiteral("^rfl([0-9a-f]{4})-\\S+"));
    QStringList abandoned;
    for (const QByteArray &line : list->out.split('\n')) {
        const auto match = labNamespace.match(QString::fromLatin1(line));
        if (match.hasMatch() && !ownedByAnotherLiveProcess(match.captured(1))) {
            abandoned << match.captured(0);
        }
    }
    return abandoned;
}

void AbandonedLabs::cleanUp()
{
    removeDeadLabDirectories();
    if (geteuid() != 0) {
        return; // namespaces and accounts exist only for root's labs
    }
    // Each with whatever still runs in it.
    for (const QString &netns : namespaces()) {
        LabNetwork::removeNamespace(netns);
    }
    removeDeadAccounts();
}

} // namespace relayfleet::lab
