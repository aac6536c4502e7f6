// Removes what abandoned NAT labs left behind. With --expect-clean it also fails when
// anything of a lab is still there after the suite: a test that leaks is a failing test.
#include "LabCommand.h"
#include "NatLab.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    relayfleet::lab::NatLab::cleanUpAbandonedLabs();
    if (!QCoreApplication::arguments().contains(QStringLiteral("--expect-clean"))) {
        return 0;
    }
    auto list = relayfleet::lab::LabCommand::run(
        {QStringLiteral("ip"), QStringLiteral("netns"), QStringLiteral("list")});
    QTextStream out(stdout);
    if (list && list->out.contains("rfl")) {
        out << "lab namespaces left behind:\n" << list->out;
        return 1;
    }
    auto procs =
        relayfleet::lab::LabCommand::run({QStringLiteral("pgrep"), QStringLiteral("-af"),
                                          QStringLiteral("rflab-proxy|/rflab-[0-9a-f]{4}-")});
    if (procs && !procs->out.trimmed().isEmpty()) {
        out << "lab processes left behind:\n" << procs->out;
        return 1;
    }
    out << "no lab namespace or process left\n";
    return 0;
}
