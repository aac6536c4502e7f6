// The fleet window, offscreen, without a network: what it says with no relay, and that an
// unreachable relay is reported while the window keeps answering.
#include "AppPaths.h"
#include "FleetModel.h"
#include "MainWindow.h"
#include "RelayStore.h"
#include "SshRuntime.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace relayfleet;

class MainWindowTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { initializeSshRuntime(); }

    void explainsWhatToDoWithoutRelays()
    {
        QTemporaryDir home;
        gui::MainWindow window(AppPaths::resolve(home.path()));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("relay add")));
        QCOMPARE(window.findChild<QTableView *>(QStringLiteral("deviceTable"))->model()->rowCount(), 0);
    }

    void unreachableRelayIsReportedWithoutFreezing()
    {
        QTemporaryDir home;
        const AppPaths paths = AppPaths::resolve(home.path());
        QVERIFY(RelayStore(paths.relaysFile())
                    .save(RelayConfig::fromAddress(QStringLiteral("down"), QStringLiteral("pi@127.0.0.1:1"),
                                                   QStringLiteral("me"))
                              .value()));
        gui::MainWindow window(paths);
        QSignalSpy finished(&window, &gui::MainWindow::refreshFinished);
        window.show();
        // The event loop keeps turning while the refresh runs on its worker.
        QElapsedTimer longestGap;
        qint64 worst = 0;
        longestGap.start();
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&] {
            worst = std::max(worst, longestGap.restart());
        });
        ticker.start(10);
        QVERIFY(finished.wait(20000));
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("Cannot connect to relay down")),
                 qPrintable(window.statusBar()->currentMessage()));
        QVERIFY2(worst < 500, qPrintable(QStringLiteral("the GUI thread stalled for %1 ms").arg(worst)));
    }
};

QTEST_MAIN(MainWindowTest)
#include "MainWindowTest.moc"
