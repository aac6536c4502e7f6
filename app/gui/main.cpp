#include "AppPaths.h"
#include "MainWindow.h"
#include "SshRuntime.h"
#include "Translations.h"
#include "Version.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    relayfleet::initializeSshRuntime();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("RelayFleet"));
    QApplication::setApplicationName(QStringLiteral("relayfleet"));
    QApplication::setApplicationDisplayName(QStringLiteral("Relay Fleet"));
    QApplication::setApplicationVersion(QStringLiteral(RELAYFLEET_VERSION));

    relayfleet::installTranslations(qEnvironmentVariable("RELAYFLEET_LANGUAGE"));

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("home"),
                      QApplication::translate("main", "Keep Relay Fleet's files in DIR."),
                      QStringLiteral("DIR")});
    parser.process(app);

    relayfleet::gui::MainWindow window(relayfleet::AppPaths::resolve(parser.value(QStringLiteral("home"))));
    window.show();
    return app.exec();
}
