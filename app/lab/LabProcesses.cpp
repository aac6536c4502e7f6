#include "LabProcesses.h"

#include "LabFiles.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMultiHash>
#include <QSet>
#include <csignal>
#include <sys/stat.h>

namespace relayfleet::lab {

namespace {

QByteArray statOf(const QString &procDir)
{
    return LabFiles::read(procDir + QStringLiteral("/stat"));
}

// The parent named in a /proc/PID/stat line, after the command name in parentheses (0: none).
qint64 parentIn(const QByteArray &stat)
{
    const qsizetype close = stat.lastIndexOf(')');
    return close < 0 ? 0 : stat.mid(close + 2).split(' ').value(1).toLongLong();
}

} // namespace

bool LabProcesses::alive(qint64 pid)
{
    return pid > 0 && ::kill(static_cast<pid_t>(pid), 0) == 0;
}

// Every descendant of `pid` (sshd forks a process per connection that does not share its
// process group), found through /proc since the lab only runs on Linux.
QList<qint64> LabProcesses::descendantsOf(qint64 root)
{
    // A process that never started has pid 0, whose descendants are every process on the
    // machine (PID 1 included): killing those would take the whole machine down.
    if (root <= 1) {
        return {};
    }
    QMultiHash<qint64, qint64> children;
    QDirIterator it(QStringLiteral("/proc"), QDir::Dirs | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        const QString dir = it.next();
        bool ok = false;
        const qint64 pid = QFileInfo(dir).fileName().toLongLong(&ok);
        if (!ok) {
            continue;
        }
        if (const qint64 parent = parentIn(statOf(dir)); parent > 0) {
            children.insert(parent, pid);
        }
    }
    QList<qint64> result;
    QList<qint64> queue{root};
    while (!queue.isEmpty()) {
        const qint64 pid = queue.takeFirst();
        for (qint64 child : children.values(pid)) {
            result.append(child);
            queue.append(child);
        }
    }
    return result;
}

// Ends every descendant of `root` and returns how many there were. Each is stopped first and
// the tree read again until no new one appears: a process that forks between a reading of
// /proc and the kills would otherwise outlive its killed parent (OpenSSH's monitor forks a
// session's user process just after the login, and under load that fork landed in that gap).
int LabProcesses::killDescendants(qint64 root)
{
    QSet<qint64> stopped;
    for (int round = 0; round < 50; ++round) {
        bool grew = false;
        for (qint64 pid : descendantsOf(root)) {
            if (!stopped.contains(pid)) {
                ::kill(static_cast<pid_t>(pid), SIGSTOP);
                stopped.insert(pid);
                grew = true;
            }
        }
        if (!grew) {
            break;
        }
    }
    for (qint64 pid : std::as_const(stopped)) {
        ::kill(static_cast<pid_t>(pid), SIGKILL);
    }
    return static_cast<int>(stopped.size());
}

QByteArray LabProcesses::nameOf(qint64 pid)
{
    const QByteArray stat = statOf(QStringLiteral("/proc/%1").arg(pid));
    const qsizetype open = stat.indexOf('(');
    const qsizetype close = stat.lastIndexOf(')');
    return open >= 0 && close > open ? stat.mid(open + 1, close - open - 1) : QByteArray();
}

qint64 LabProcesses::parentOf(qint64 pid)
{
    return parentIn(statOf(QStringLiteral("/proc/%1").arg(pid)));
}

QList<QByteArray> LabProcesses::argumentsOf(qint64 pid)
{
    QByteArray line = LabFiles::read(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (line.endsWith('\0')) {
        line.chop(1);
    }
    return line.isEmpty() ? QList<QByteArray>() : line.split('\0');
}

bool LabProcesses::sharesOurRoot(qint64 pid)
{
    struct stat theirs
    {
    };
    struct stat ours
    {
    };
    const QByteArray root = QStringLiteral("/proc/%1/root/").arg(pid).toLocal8Bit();
    if (::stat(root.constData(), &theirs) != 0 || ::stat("/", &ours) != 0) {
        return false; // gone, or not ours to look into
    }
    return theirs.st_dev == ours.st_dev && theirs.st_ino == ours.st_ino;
}

} // namespace relayfleet::lab
