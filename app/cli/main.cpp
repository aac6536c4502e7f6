#include "CliApp.h"
#include "base/PlatformLimits.h"
#include "base/Translations.h"
#include "base/Version.h"
#include "keys/KeychainSecretStore.h"
#include "ssh/SshRuntime.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    relayfleet::initializeSshRuntime();
    relayfleet::PlatformLimits::raiseOpenFileLimit(); // a Mac starts with 256
    // Before the application object exists: it picks its event loop from the environment.
    for (const auto &[name, value] :
         relayfleet::KeychainSecretStore::commandLineEnvironment(relayfleet::hostPlatform())) {
        if (!qEnvironmentVariableIsSet(name.constData())) {
            qputenv(name.constData(), value);
        }
    }
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("RelayFleet"));
    QCoreApplication::setApplicationName(QStringLiteral("relayfleet"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RELAYFLEET_VERSION));
    relayfleet::installTranslations(qEnvironmentVariable("RELAYFLEET_LANGUAGE"));
    return relayfleet::cli::CliApp().run(QCoreApplication::arguments().mid(1));
}
