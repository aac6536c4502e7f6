#include "MainWindow.h"
#include "base/AppPaths.h"
#include "base/PlatformLimits.h"
#include "base/Translations.h"
#include "base/Version.h"
#include "fleet/FleetModel.h"
#include "fleet/StatusIcons.h"
#include "settings/AppSettings.h"
#include "ssh/SshRuntime.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

namespace {

// The home is needed before the options are parsed (the language is a setting kept there), so
// --home is looked up by hand here and parsed properly later.
QString homeBeforeParsing(const QStringList &arguments)
{
    QString home;
    for (qsizetype i = 1; i + 1 < arguments.size(); ++i) {
        if (arguments[i] == QLatin1String("--home")) {
            home = arguments[i + 1];
        }
    }
    return home;
}

void addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QApplication::translate(
        "main", "Manage devices behind NAT, reached through reverse SSH tunnels."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("home"),
                      QApplication::translate("main", "Keep Relay Fleet's files in DIR."),
                      QStringLiteral("DIR")});
    parser.addOption(
        {QStringLiteral("open-terminal"),
         QApplication::translate("main", "Open a shell on this device once the fleet is listed."),
         QStringLiteral("ID")});
    parser.addOption({QStringLiteral("open-overrides"),
                      QApplication::translate(
                          "main", "Open the overrides editor of this device (or @LABEL) once the "
                                  "fleet is listed."),
                      QStringLiteral("ID")});
    parser.addOption(
        {QStringLiteral("open-wizard"),
         QApplication::translate(
             "main", "Open a wizard at start: keys (set up keys and a relay) or enrol."),
         QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("screenshot"),
                      QApplication::translate(
                          "main", "Save a picture of the window to FILE (PNG) once the fleet is "
                                  "listed, then quit."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("demo"),
                      QApplication::translate(
                          "main", "Start the demo lab (a relay and three simulated devices on "
                                  "this computer) and show its fleet.")});
}

// Devices are opened after the first refresh that lists them (the demo's comes after a
// switch of home), once each.
void openDevicesWhenListed(relayfleet::gui::MainWindow &window, const QString &terminalId,
                           const QString &overridesId)
{
    if (terminalId.isEmpty() && overridesId.isEmpty()) {
        return;
    }
    auto pending = std::make_shared<QStringList>(QStringList{terminalId, overridesId});
    QObject::connect(&window, &relayfleet::gui::MainWindow::refreshFinished, &window,
                     [&window, pending] {
                         auto *model = window.fleetModel();
                         for (int row = 0; row < model->rowCount(); ++row) {
                             const QString id = model->statusAt(row).id;
                             if (!id.isEmpty() && id == (*pending)[0]) {
                                 (*pending)[0].clear();
                                 window.openTerminal(row);
                             }
                             if (!id.isEmpty() && id == (*pending)[1]) {
                                 (*pending)[1].clear();
                                 window.openOverrides(row);
                             }
                         }
                         if ((*pending)[1].startsWith(QLatin1Char('@')) && model->rowCount() > 0) {
                             window.openOverrides(-1, (*pending)[1].mid(1));
                             (*pending)[1].clear();
                         }
                     });
}

// After the first refresh of the fleet shown (with --demo, the demo's), once painted.
void saveScreenshotWhenListed(relayfleet::gui::MainWindow &window, const QString &file, bool demo)
{
    auto ready = std::make_shared<bool>(!demo);
    QObject::connect(&window, &relayfleet::gui::MainWindow::demoReady, &window,
                     [ready] { *ready = true; });
    QObject::connect(&window, &relayfleet::gui::MainWindow::refreshFinished, &window,
                     [&window, file, ready] {
                         if (!*ready) {
                             return;
                         }
                         *ready = false; // once
                         QTimer::singleShot(500, &window, [&window, file] {
                             QCoreApplication::exit(window.grab().save(file, "PNG") ? 0 : 1);
                         });
                     });
}

} // namespace

int main(int argc, char *argv[])
{
    relayfleet::initializeSshRuntime();
    relayfleet::PlatformLimits::raiseOpenFileLimit(); // a Mac starts with 256
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("RelayFleet"));
    QApplication::setApplicationName(QStringLiteral("relayfleet"));
    QApplication::setApplicationDisplayName(QStringLiteral("Relay Fleet"));
    QApplication::setApplicationVersion(QStringLiteral(RELAYFLEET_VERSION));
    QApplication::setWindowIcon(relayfleet::gui::StatusIcons::appIcon());
    QGuiApplication::setDesktopFileName(QStringLiteral("relayfleet"));

    const relayfleet::AppPaths paths =
        relayfleet::AppPaths::resolve(homeBeforeParsing(QApplication::arguments()));
    const QString language = qEnvironmentVariable("RELAYFLEET_LANGUAGE");
    relayfleet::installTranslations(
        language.isEmpty() ? relayfleet::gui::AppSettings(paths.home()).language() : language);

    QCommandLineParser parser;
    addOptions(parser);
    parser.process(app);

    relayfleet::gui::MainWindow window(paths);
    window.show();
    if (parser.isSet(QStringLiteral("demo"))) {
        window.startDemo();
    }
    const QString wizard = parser.value(QStringLiteral("open-wizard"));
    if (wizard == QLatin1String("keys")) {
        window.openKeySetup();
    } else if (wizard == QLatin1String("enrol")) {
        window.openEnrol();
    } else if (!wizard.isEmpty()) {
        qWarning("%s", qPrintable(QApplication::translate(
                                      "main", "Unknown wizard \"%1\": use keys or enrol.")
                                      .arg(wizard)));
    }
    openDevicesWhenListed(window, parser.value(QStringLiteral("open-terminal")),
                          parser.value(QStringLiteral("open-overrides")));
    if (parser.isSet(QStringLiteral("screenshot"))) {
        saveScreenshotWhenListed(window, parser.value(QStringLiteral("screenshot")),
                                 parser.isSet(QStringLiteral("demo")));
    }
    return app.exec();
}
