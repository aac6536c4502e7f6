// The fleet window against the NAT lab, offscreen: devices appear with their live status,
// the filters work, and a double-clicked device opens a working shell in a tab.
#include "FleetModel.h"
#include "LabCli.h"
#include "MainWindow.h"
#include "NatLab.h"
#include "SshRuntime.h"
#include "TerminalEmulator.h"
#include "TerminalTab.h"
#include "TerminalWidget.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace relayfleet;
using relayfleet::lab::NatLab;

class FleetWindowLabTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<NatLab> m_lab;
    QTemporaryDir m_homes;
    std::unique_ptr<testing::CliRunner> m_cli;

private Q_SLOTS:
    void initTestCase()
    {
        initializeSshRuntime();
        auto lab = NatLab::start({.devices = 2});
        QVERIFY2(lab, qPrintable(lab ? QString() : lab.error().message));
        m_lab = std::move(lab.value());
        m_cli = std::make_unique<testing::CliRunner>(m_homes.filePath(QStringLiteral("mac")));
        QCOMPARE(testing::addLabRelay(*m_cli, *m_lab, true), 0);
        const int adopted = m_lab->allocateRelayPort();
        QVERIFY(m_lab->startSeedTunnel(0, adopted));
        QCOMPARE(m_cli->run({QStringLiteral("adopt"), QStringLiteral("lab:%1").arg(adopted), QStringLiteral("--id"),
                             QStringLiteral("kitchen"), QStringLiteral("--label"), QStringLiteral("home"),
                             QStringLiteral("--user"), m_lab->deviceUser(), QStringLiteral("--accept-new-host-key")})
                     .exitCode,
                 0);
        QVERIFY(m_lab->startSeedTunnel(1, m_lab->allocateRelayPort()));
    }

    void cleanupTestCase() { m_lab.reset(); }

    void devicesFiltersAndTerminal()
    {
        gui::MainWindow window(AppPaths::resolve(m_cli->home()));
        QSignalSpy refreshed(&window, &gui::MainWindow::refreshFinished);
        window.show();
        QVERIFY(refreshed.wait(30000));
        auto *table = window.findChild<QTableView *>(QStringLiteral("deviceTable"));
        QCOMPARE(table->model()->rowCount(), 2);
        int kitchenRow = -1;
        for (int row = 0; row < window.fleetModel()->rowCount(); ++row) {
            if (window.fleetModel()->statusAt(row).id == QLatin1String("kitchen")) {
                kitchenRow = row;
                QCOMPARE(window.fleetModel()->statusAt(row).state, DeviceStatus::State::Online);
            }
        }
        QVERIFY(kitchenRow >= 0);

        auto *search = window.findChild<QLineEdit *>(QStringLiteral("searchBox"));
        QTest::keyClicks(search, QStringLiteral("kitch"));
        QCOMPARE(table->model()->rowCount(), 1);
        search->clear();
        auto *labels = window.findChild<QComboBox *>(QStringLiteral("labelFilter"));
        labels->setCurrentIndex(labels->findData(QStringLiteral("home")));
        QCOMPARE(table->model()->rowCount(), 1);
        labels->setCurrentIndex(0);
        QCOMPARE(table->model()->rowCount(), 2);

        // Selecting shows the details; the OpenSSH command for the system terminal is copied.
        search->setText(QStringLiteral("kitchen"));
        table->selectRow(0);
        QVERIFY(!window.findChild<QLabel *>(QStringLiteral("detailsState"))->text().isEmpty());
        window.findChild<QAction *>(QStringLiteral("copySshCommandAction"))->trigger();
        QVERIFY2(QGuiApplication::clipboard()->text().startsWith(QStringLiteral("ssh -F ")),
                 qPrintable(QGuiApplication::clipboard()->text()));
        QVERIFY(QGuiApplication::clipboard()->text().endsWith(QStringLiteral(" relayfleet-kitchen")));
        search->clear();
        window.openTerminal(kitchenRow);
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("tabs"));
        QCOMPARE(tabs->count(), 2);
        auto *tab = qobject_cast<gui::TerminalTab *>(tabs->currentWidget());
        QVERIFY(tab);
        QSignalSpy connected(tab, &gui::TerminalTab::sessionConnected);
        QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(tab->emulator()->screenText().contains(QLatin1Char('#')), 10000);
        QTest::keyClicks(tab->terminal(), QStringLiteral("echo gui-$((6*7)) $LAB_HOST"));
        QTest::keyClick(tab->terminal(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(tab->emulator()->screenText().contains(QStringLiteral("gui-42 dev1")), 10000);
        // The PTY follows the widget's size.
        tab->terminal()->resize(tab->terminal()->width() / 2, tab->terminal()->height());
        const QSize grid = tab->terminal()->gridSize();
        QTest::keyClicks(tab->terminal(), QStringLiteral("stty size"));
        QTest::keyClick(tab->terminal(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(tab->emulator()->screenText().contains(
                                     QStringLiteral("%1 %2").arg(grid.height()).arg(grid.width())),
                                 10000);

        // A dropped link says so and offers to reconnect.
        QSignalSpy closed(tab, &gui::TerminalTab::sessionClosed);
        QVERIFY(m_lab->stopRelay());
        QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, 15000);
        QTRY_VERIFY(tab->findChild<QWidget *>(QStringLiteral("terminalBanner"))->isVisible());
        QVERIFY(m_lab->startRelay());
    }
};

QTEST_MAIN(FleetWindowLabTest)
#include "FleetWindowLabTest.moc"
