#pragma once

#include <QByteArray>
#include <QList>

namespace relayfleet::lab {

// The lab's processes as Linux's /proc shows them: sshd forks a process per connection that
// does not share its process group, and a booted device's processes hang below systemd-nspawn,
// so the lab finds and ends them by parentage.
class LabProcesses
{
public:
    static bool alive(qint64 pid);
    // Every descendant of `root`, nearest first.
    static QList<qint64> descendantsOf(qint64 root);
    // Ends every descendant of `root` and returns how many there were.
    static int killDescendants(qint64 root);
    // The name the kernel gives `pid` (its comm), empty when it is gone.
    static QByteArray nameOf(qint64 pid);
    // Its parent (0 when it is gone).
    static qint64 parentOf(qint64 pid);
    // Its command line's words.
    static QList<QByteArray> argumentsOf(qint64 pid);
    // Whether it sees the same root directory as this process: a process of another root (a
    // CI stage's debootstrap root running beside this machine's own suite) is not of this one.
    static bool sharesOurRoot(qint64 pid);
};

} // namespace relayfleet::lab
