// Removes what abandoned NAT labs left behind. With --expect-clean it also fails when
// anything of a lab is still there after the suite: a test that leaks is a failing test.
// Labs that belong to a live process (another suite running on this machine at the same time,
// or one in another root beside it) are not this suite's: the check leaves them out.
#include "AbandonedLabs.h"
#include "LabCommand.h"
#include "LabProcesses.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTextStream>

using relayfleet::lab::AbandonedLabs;
using relayfleet::lab::LabProcesses;

namespace {

// The lab a process belongs to: the id in a lab path on its command line ("/rflab-1a2b-..."),
// else, for the lab's proxy itself, the process that started it (0: none known).
struct Belonging
{
    QString labId;
    qint64 starter = 0;
};

std::optional<Belonging> labOf(qint64 pid)
{
    const QList<QByteArray> arguments = LabProcesses::argumentsOf(pid);
    if (arguments.isEmpty()) {
        return std::nullopt;
    }
    static const QRegularExpression labPath(QStringLiteral("/rflab-([0-9a-f]{4})-"));
    for (const QByteArray &argument : arguments) {
        const auto match = labPath.match(QString::fromLocal8Bit(argument));
        if (match.hasMatch()) {
            return Belonging{match.captured(1), 0};
        }
    }
    // Only the proxy program itself, not a command that merely names it (a compiler's -D).
    if (QFileInfo(QString::fromLocal8Bit(arguments.first())).fileName() ==
        QLatin1String("rflab-proxy")) {
        return Belonging{{}, LabProcesses::parentOf(pid)};
    }
    return std::nullopt;
}

bool leftBehind(const Belonging &belonging)
{
    if (!belonging.labId.isEmpty()) {
        return !AbandonedLabs::hasLiveOwner(belonging.labId);
    }
    // A proxy dies with the lab that started it; one whose starter is gone was left behind.
    return belonging.starter <= 1 || !LabProcesses::alive(belonging.starter);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    AbandonedLabs::cleanUp();
    if (!QCoreApplication::arguments().contains(QStringLiteral("--expect-clean"))) {
        return 0;
    }
    QTextStream out(stdout);
    // What cleaning up could not remove.
    const QStringList namespaces = AbandonedLabs::namespaces();
    if (!namespaces.isEmpty()) {
        out << "lab namespaces left behind:\n" << namespaces.join(QLatin1Char('\n')) << '\n';
        return 1;
    }
    auto procs =
        relayfleet::lab::LabCommand::run({QStringLiteral("pgrep"), QStringLiteral("-af"),
                                          QStringLiteral("rflab-proxy|/rflab-[0-9a-f]{4}-")});
    QStringList processes;
    if (procs) {
        for (const QByteArray &line : procs->out.split('\n')) {
            const qint64 pid = line.left(line.indexOf(' ')).toLongLong();
            if (pid <= 0 || !LabProcesses::sharesOurRoot(pid)) {
                continue;
            }
            const auto belonging = labOf(pid);
            if (belonging && leftBehind(*belonging)) {
                processes << QString::fromLocal8Bit(line);
            }
        }
    }
    if (!processes.isEmpty()) {
        out << "lab processes left behind:\n" << processes.join(QLatin1Char('\n')) << '\n';
        return 1;
    }
    out << "no lab namespace or process left\n";
    return 0;
}
