#include "AppPaths.h"
#include "AppSettings.h"
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

    // The home is needed before the options are parsed (the language is a setting kept there),
    // so --home is looked up by hand here and parsed properly below.
    QString home;
    const QStringList arguments = QApplication::arguments();
    for (qsizetype i = 1; i + 1 < arguments.size(); ++i) {
        if (arguments[i] == QLatin1String("--home")) {
            home = arguments[i + 1];
        }
    }
    const relayfleet::AppPaths paths = relayfleet::AppPaths::resolve(home);
    const QString language = qEnvironmentVariable("RELAYFLEET_LANGUAGE");
    relayfleet::installTranslations(language.isEmpty() ? relayfleet::gui::AppSettings(paths.home()).language() : language);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Manage devices behind NAT, reached through reverse SSH tunnels."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("home"),
                      QApplication::translate("main", "Keep Relay Fleet's files in DIR."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("open-terminal"),
                      QApplication::translate("main", "Open a shell on this device once the fleet is listed."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("demo"),
                      QApplication::translate("main", "Start the demo lab (a relay and three simulated devices on "
                                                      "this computer) and show its fleet.")});
    parser.process(app);

    relayfleet::gui::MainWindow window(paths);
    window.show();
    if (parser.isSet(QStringLiteral("demo"))) {
        window.startDemo();
    }
    if (parser.isSet(QStringLiteral("open-terminal"))) {
        const QString id = parser.value(QStringLiteral("open-terminal"));
        // After the first refresh that lists it (the demo's fleet comes after a switch).
        auto opened = std::make_shared<bool>(false);
        QObject::connect(&window, &relayfleet::gui::MainWindow::refreshFinished, &window, [&window, id, opened] {
            for (int row = 0; row < window.fleetModel()->rowCount() && !*opened; ++row) {
                if (window.fleetModel()->statusAt(row).id == id) {
                    *opened = true;
                    window.openTerminal(row);
                }
            }
        });
    }
    return app.exec();
}
