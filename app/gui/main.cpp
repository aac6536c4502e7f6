#include "AppPaths.h"
#include "FleetModel.h"
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
    parser.addOption({QStringLiteral("open-terminal"),
                      QApplication::translate("main", "Open a shell on this device once the fleet is listed."),
                      QStringLiteral("ID")});
    parser.process(app);

    relayfleet::gui::MainWindow window(relayfleet::AppPaths::resolve(parser.value(QStringLiteral("home"))));
    window.show();
    if (parser.isSet(QStringLiteral("open-terminal"))) {
        const QString id = parser.value(QStringLiteral("open-terminal"));
        QObject::connect(&window, &relayfleet::gui::MainWindow::refreshFinished, &window, [&window, id] {
            for (int row = 0; row < window.fleetModel()->rowCount(); ++row) {
                if (window.fleetModel()->statusAt(row).id == id) {
                    window.openTerminal(row);
                    return;
                }
            }
        }, Qt::SingleShotConnection);
    }
    return app.exec();
}
