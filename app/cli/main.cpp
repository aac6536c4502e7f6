#include "CliApp.h"
#include "SshRuntime.h"
#include "Version.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    relayfleet::initializeSshRuntime();
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("RelayFleet"));
    QCoreApplication::setApplicationName(QStringLiteral("relayfleet"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RELAYFLEET_VERSION));
    return relayfleet::cli::CliApp().run(QCoreApplication::arguments().mid(1));
}
