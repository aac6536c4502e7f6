// The main window, offscreen: it lists what the core's relay store holds and says what to do
// when there is nothing yet. Widgets are found by objectName, as a user finds them by label.
#include "AppPaths.h"
#include "MainWindow.h"
#include "RelayStore.h"

#include <QListWidget>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace relayfleet;

class MainWindowTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsConfiguredRelays()
    {
        QTemporaryDir home;
        const AppPaths paths = AppPaths::resolve(home.path());
        RelayStore store(paths.relaysFile());
        QVERIFY(store.save(RelayConfig::fromAddress(QStringLiteral("tokyo"), QStringLiteral("user@relay-server.com:10000"),
                                                    QStringLiteral("me")).value()));
        QVERIFY(store.save(RelayConfig::fromAddress(QStringLiteral("lab"), QStringLiteral("pi@127.0.0.1"),
                                                    QStringLiteral("me")).value()));
        gui::MainWindow window(paths);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *list = window.findChild<QListWidget *>(QStringLiteral("relayList"));
        QVERIFY(list);
        QCOMPARE(list->count(), 2);
        QVERIFY(list->item(0)->text().contains(QStringLiteral("user@relay-server.com:10000")));
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Relays configured: 2"));
    }

    void explainsWhatToDoWithoutRelays()
    {
        QTemporaryDir home;
        gui::MainWindow window(AppPaths::resolve(home.path()));
        auto *list = window.findChild<QListWidget *>(QStringLiteral("relayList"));
        QCOMPARE(list->count(), 0);
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("relay add")));
    }
};

QTEST_MAIN(MainWindowTest)
#include "MainWindowTest.moc"
