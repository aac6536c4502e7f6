// The fleet window against the NAT lab, offscreen: devices appear with their live status,
// the filters work, and a double-clicked device opens a working shell in a tab.
#include "FleetModel.h"
#include "KnownHostsFile.h"
#include "LabCli.h"
#include "MainWindow.h"
#include "NatLab.h"
#include "SshRuntime.h"
#include "TerminalEmulator.h"
#include "TerminalTab.h"
#include "TerminalWidget.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QMessageBox>
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
#include <QTimer>

using namespace relayfleet;
using relayfleet::lab::NatLab;

class FleetWindowLabTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<NatLab> m_lab;
    QTemporaryDir m_homes;
    std::unique_ptr<testing::CliRunner> m_cli;
    int m_kitchenPort = 0;
    int m_handMadePort = 0;

    // Answers the next modal dialog named `name` by clicking `button` (or closing it) and
    // returns its text. A timer does it: the dialog runs its own event loop, in which only
    // timers and events still fire. Bounded in time.
    QString answerDialog(const QString &name, const QString &button)
    {
        QString text;
        bool answered = false;
        QTimer poll;
        connect(&poll, &QTimer::timeout, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (answered || !box || box->objectName() != name) {
                return;
            }
            answered = true;
            text = box->text() + QLatin1Char('\n') + box->informativeText();
            if (auto *target = box->findChild<QAbstractButton *>(button); target && !button.isEmpty()) {
                target->click();
            } else {
                box->close();
            }
        });
        poll.start(50);
        QElapsedTimer timer;
        timer.start();
        while (!answered && timer.elapsed() < 20000) {
            QTest::qWait(50);
        }
        return text;
    }

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
        m_kitchenPort = adopted;
        QVERIFY(m_lab->startSeedTunnel(0, adopted));
        QCOMPARE(m_cli->run({QStringLiteral("adopt"), QStringLiteral("lab:%1").arg(adopted), QStringLiteral("--id"),
                             QStringLiteral("kitchen"), QStringLiteral("--label"), QStringLiteral("home"),
                             QStringLiteral("--user"), m_lab->deviceUser(), QStringLiteral("--accept-new-host-key")})
                     .exitCode,
                 0);
        m_handMadePort = m_lab->allocateRelayPort();
        QVERIFY(m_lab->startSeedTunnel(1, m_handMadePort));
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

    void hostKeyQuestions()
    {
        // The relay restarted in the previous test: the hand-made tunnels come back.
        QVERIFY(m_lab->startSeedTunnel(0, m_kitchenPort));
        QVERIFY(m_lab->startSeedTunnel(1, m_handMadePort));
        gui::MainWindow window(AppPaths::resolve(m_cli->home()));
        QSignalSpy refreshed(&window, &gui::MainWindow::refreshFinished);
        window.show();
        QVERIFY(refreshed.wait(30000));
        auto rowOf = [&](auto predicate) {
            for (int row = 0; row < window.fleetModel()->rowCount(); ++row) {
                if (predicate(window.fleetModel()->statusAt(row))) {
                    return row;
                }
            }
            return -1;
        };
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("tabs"));

        const int kitchen = rowOf([](const DeviceStatus &s) { return s.id == QLatin1String("kitchen"); });
        // A first-seen key (kitchen's pin forgotten) is shown and trusted only on request.
        KnownHostsFile knownHosts(m_cli->home() + QStringLiteral("/known_hosts"));
        QVERIFY(knownHosts.removeAll(QStringLiteral("relayfleet-kitchen")));
        window.openTerminal(kitchen);
        auto *unknownTab = qobject_cast<gui::TerminalTab *>(tabs->currentWidget());
        const QString asked = answerDialog(QStringLiteral("hostKeyUnknownDialog"), QStringLiteral("trustButton"));
        QVERIFY2(asked.contains(m_lab->deviceHostKeyFingerprint(0)), qPrintable(asked));
        // (The session may already be up: look for the shell's prompt rather than a signal.)
        QTRY_VERIFY_WITH_TIMEOUT(unknownTab->emulator()->screenText().contains(QStringLiteral("@dev1")), 20000);
        QCOMPARE(knownHosts.keysFor(QStringLiteral("relayfleet-kitchen"))->size(), 1); // pinned again

        // A changed key (kitchen reinstalled) is refused, with both fingerprints.
        const QString before = m_lab->deviceHostKeyFingerprint(0);
        QVERIFY(m_lab->regenerateDeviceHostKey(0));
        window.openTerminal(kitchen);
        auto *changedTab = qobject_cast<gui::TerminalTab *>(tabs->currentWidget());
        const QString warning = answerDialog(QStringLiteral("hostKeyChangedDialog"), QString());
        QVERIFY2(warning.contains(before) && warning.contains(m_lab->deviceHostKeyFingerprint(0)), qPrintable(warning));
        auto *banner = changedTab->findChild<QLabel *>(QStringLiteral("terminalBannerText"));
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10000);
        QVERIFY(banner->text().contains(QStringLiteral("CHANGED")));
    }
};

QTEST_MAIN(FleetWindowLabTest)
#include "FleetWindowLabTest.moc"
