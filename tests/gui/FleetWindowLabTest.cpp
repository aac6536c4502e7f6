// The fleet window against the NAT lab, offscreen: devices appear with their live status,
// the filters work, and a double-clicked device opens a working shell in a tab.
#include "LabCli.h"
#include "LoopbackHttpServer.h"
#include "MainWindow.h"
#include "NatLab.h"
#include "alerts/AlertNotifier.h"
#include "audit/AuditLog.h"
#include "audit/AuditLogDialog.h"
#include "fleet/AdoptDialog.h"
#include "fleet/FleetModel.h"
#include "fleet/HealthChart.h"
#include "hostkeys/KnownHostsFile.h"
#include "overrides/OverridesEditor.h"
#include "ssh/SshRuntime.h"
#include "terminal/TerminalEmulator.h"
#include "terminal/TerminalTab.h"
#include "terminal/TerminalWidget.h"
#include "transfer/FileTransferDialog.h"
#include "transfer/OpenPorts.h"
#include "wizards/EnrolWizard.h"
#include "wizards/TaskWizardPage.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWizard>
#include <functional>

using namespace relayfleet;
using relayfleet::lab::NatLab;

class FleetWindowLabTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<NatLab> m_lab;
    QTemporaryDir m_homes;
    std::unique_ptr<lab::CliRunner> m_cli;
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
            if (auto *target = box->findChild<QAbstractButton *>(button);
                target && !button.isEmpty()) {
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

    // The fleet-model row of the first device `predicate` accepts, or -1.
    template<typename Predicate> static int modelRow(gui::MainWindow &window, Predicate predicate)
    {
        return window.fleetModel()->rowOf(predicate);
    }

public Q_SLOTS:
    // QDesktopServices hands http links here instead of to a browser.
    void openedInBrowser(const QUrl &url) { m_browserUrls << url; }

private:
    QList<QUrl> m_browserUrls;

private Q_SLOTS:
    void initTestCase()
    {
        initializeSshRuntime();
        auto lab = NatLab::start({.devices = 4}); // 2 and 3: adopted and enrolled from the window
        QVERIFY2(lab, qPrintable(lab ? QString() : lab.error().message));
        m_lab = std::move(lab.value());
        m_cli = std::make_unique<lab::CliRunner>(m_homes.filePath(QStringLiteral("mac")));
        QCOMPARE(lab::addLabRelay(*m_cli, *m_lab, true), 0);
        const int adopted = m_lab->allocateRelayPort();
        m_kitchenPort = adopted;
        QVERIFY(m_lab->startSeedTunnel(0, adopted));
        QCOMPARE(
            m_cli
                ->run({QStringLiteral("adopt"), QStringLiteral("lab:%1").arg(adopted),
                       QStringLiteral("--id"), QStringLiteral("kitchen"), QStringLiteral("--label"),
                       QStringLiteral("home"), QStringLiteral("--user"), m_lab->deviceUser(),
                       QStringLiteral("--accept-new-host-key")})
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
        // The selected device is logged in to ahead, in the background.
        const DeviceTarget kitchen = window.fleetModel()->statusAt(kitchenRow).target();
        QTRY_VERIFY_WITH_TIMEOUT(window.warmDevices().isReady(kitchen), 20000);
        window.findChild<QAction *>(QStringLiteral("copySshCommandAction"))->trigger();
        QVERIFY2(QGuiApplication::clipboard()->text().startsWith(QStringLiteral("ssh -F ")),
                 qPrintable(QGuiApplication::clipboard()->text()));
        QVERIFY(
            QGuiApplication::clipboard()->text().endsWith(QStringLiteral(" relayfleet-kitchen")));
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
        QTRY_VERIFY_WITH_TIMEOUT(
            tab->emulator()->screenText().contains(QStringLiteral("gui-42 dev1")), 10000);
        // The PTY follows the widget's size.
        tab->terminal()->resize(tab->terminal()->width() / 2, tab->terminal()->height());
        const QSize grid = tab->terminal()->gridSize();
        QTest::keyClicks(tab->terminal(), QStringLiteral("stty size"));
        QTest::keyClick(tab->terminal(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(tab->emulator()->screenText().contains(
                                     QStringLiteral("%1 %2").arg(grid.height()).arg(grid.width())),
                                 10000);
        // The terminal took the warm connection, and the refresh, the warming and the terminal
        // shared one login to the relay.
        QVERIFY(!window.warmDevices().isReady(kitchen));
        QCOMPARE(window.relayConnections().loginCount(), 1);

        // The relay's sshd killed under an open terminal: the tab says so and offers to
        // reconnect, and the window keeps answering meanwhile (a timer on the GUI thread
        // measures the longest gap between its ticks).
        QSignalSpy closed(tab, &gui::TerminalTab::sessionClosed);
        QElapsedTimer sinceTick;
        qint64 longestGap = 0;
        QTimer heartbeat;
        connect(&heartbeat, &QTimer::timeout, this,
                [&] { longestGap = std::max(longestGap, sinceTick.restart()); });
        heartbeat.start(10);
        sinceTick.start();
        QElapsedTimer sinceFault;
        sinceFault.start();
        QVERIFY(m_lab->stopRelay());
        QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, 15000);
        const qint64 reportedAfter = sinceFault.elapsed();
        auto *banner = tab->findChild<QWidget *>(QStringLiteral("terminalBanner"));
        QTRY_VERIFY(banner->isVisible());
        QTest::qWait(200);
        heartbeat.stop();
        QString shown;
        for (const QLabel *label : banner->findChildren<QLabel *>()) {
            shown += label->text() + QLatin1Char(' ');
        }
        qInfo("| relay sshd killed | terminal tab (window) | %s | %lld ms | longest GUI-thread gap "
              "%lld ms |",
              qPrintable(shown.simplified()), reportedAfter, longestGap);
        // A hang, not a speed (the gap is the figure above): a busy machine may deschedule the
        // window's thread, but not for seconds unless it waited on the lost relay itself.
        QVERIFY2(longestGap < 3000, qPrintable(QString::number(longestGap)));
        QVERIFY(!shown.trimmed().isEmpty());
        // View -> Audit log: the terminal opened by the window, then closed by the lost relay,
        // newest first, with the key that logged in.
        search->setText(QStringLiteral("kitchen"));
        table->selectRow(0);
        window.findChild<QAction *>(QStringLiteral("auditLogAction"))->trigger();
        search->clear();
        auto *audit = window.findChild<gui::AuditLogDialog *>(QStringLiteral("auditLogDialog"));
        QVERIFY(audit);
        QTRY_VERIFY_WITH_TIMEOUT(audit->table()->rowCount() >= 2, 5000);
        const auto cell = [audit](int row, int column) {
            return audit->table()->item(row, column)->text();
        };
        QCOMPARE(cell(0, 1), QStringLiteral("kitchen"));
        QCOMPARE(cell(0, 2), AuditLog::actionLabel(AuditLog::Action::TerminalClosed));
        QCOMPARE(cell(1, 2), AuditLog::actionLabel(AuditLog::Action::TerminalOpened));
        QVERIFY2(cell(1, 3).startsWith(QStringLiteral("ok")), qPrintable(cell(1, 3)));
        QCOMPARE(cell(1, 5), QStringLiteral("relayfleet"));
        QVERIFY2(cell(1, 6).startsWith(QStringLiteral("SHA256:")), qPrintable(cell(1, 6)));
        const QString shots = qEnvironmentVariable("RELAYFLEET_SCREENSHOTS");
        if (!shots.isEmpty()) {
            audit->grab().save(shots + QStringLiteral("/audit-log.png"));
        }
        audit->close();
        QVERIFY(m_lab->startRelay());
        // The lost connection is replaced on its next use, by one new login.
        QSignalSpy refreshedAgain(&window, &gui::MainWindow::refreshFinished);
        window.refresh();
        QVERIFY(refreshedAgain.wait(30000));
        QCOMPARE(window.relayConnections().loginCount(), 2);
        QCOMPARE(window.relayConnections().liveCount(), 1);
    }

    // A hand-made tunnel adopted from the window (its key trusted on an explicit click), then
    // overrides pushed to it, and to its label, from the editor, and read back.
    void switchingHomesDropsTheOldRefresh()
    {
        // The lab's fleet refreshes slowly (a slow link); the window switches to an empty home
        // in the middle: the empty home is shown at once, and the old refresh adds nothing.
        QVERIFY(m_lab->setMacRelayDelay(200)); // the refresh takes about 4 s
        const auto fastAgain = qScopeGuard([this] { (void)m_lab->setMacRelayDelay(1); });
        gui::MainWindow window(AppPaths::resolve(m_cli->home()));
        QSignalSpy refreshed(&window, &gui::MainWindow::refreshFinished);
        window.show();
        QTest::qWait(300); // the lab's refresh is under way
        QTemporaryDir empty;
        window.switchHome(AppPaths::resolve(empty.path()));
        QVERIFY(refreshed.wait(5000)); // the empty home's refresh, not held back by the old one
        QCOMPARE(refreshed.count(), 1);
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("No relay configured yet."));
        QTest::qWait(6000); // long enough for the old refresh to have finished
        QCOMPARE(window.fleetModel()->rowCount(), 0);
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("No relay configured yet."));
        QCOMPARE(refreshed.count(), 1);
    }

    void adoptThenOverridesFromWindow()
    {
        const int port = m_lab->allocateRelayPort();
        QVERIFY(m_lab->startSeedTunnel(2, port));
        gui::MainWindow window(AppPaths::resolve(m_cli->home()));
        QSignalSpy refreshed(&window, &gui::MainWindow::refreshFinished);
        window.show();
        QVERIFY(refreshed.wait(30000));
        auto rowOf = [&](auto predicate) {
            return modelRow(window, predicate);
        };
        const int tunnel = rowOf([port](const DeviceStatus &s) { return s.port == port; });
        QVERIFY(tunnel >= 0);
        QCOMPARE(window.fleetModel()->statusAt(tunnel).state, DeviceStatus::State::Unregistered);
        window.openAdopt(tunnel);
        auto *dialog = window.findChild<gui::AdoptDialog *>(QStringLiteral("adoptDialog"));
        QVERIFY(dialog);
        auto *adopt = dialog->findChild<QPushButton *>(QStringLiteral("adoptButton"));
        dialog->setFields(QStringLiteral("Shed!"), {}, {}, m_lab->deviceUser());
        QVERIFY(!adopt->isEnabled()); // not a valid id
        dialog->setFields(QStringLiteral("shed"), QStringLiteral("Shed Pi"),
                          QStringLiteral("plant"), m_lab->deviceUser());
        QVERIFY(adopt->isEnabled());
        QSignalSpy adopted(dialog, &gui::AdoptDialog::adopted);
        adopt->click();
        const QString asked =
            answerDialog(QStringLiteral("hostKeyUnknownDialog"), QStringLiteral("trustButton"));
        QVERIFY2(asked.contains(m_lab->deviceHostKeyFingerprint(2)), qPrintable(asked));
        QVERIFY(adopted.count() == 1 || adopted.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(
            rowOf([](const DeviceStatus &s) { return s.id == QLatin1String("shed"); }) >= 0, 30000);
        const int shed = rowOf([](const DeviceStatus &s) { return s.id == QLatin1String("shed"); });
        QCOMPARE(window.fleetModel()->statusAt(shed).state, DeviceStatus::State::Online);
        QCOMPARE(window.fleetModel()->statusAt(shed).labels, QStringList{QStringLiteral("plant")});
        // The adoption is in the audit log, with the key it pinned.
        const auto adoptions =
            AuditLog(m_cli->home(), QStringLiteral("relayfleet")).entries(QStringLiteral("shed"));
        QVERIFY(adoptions);
        QVERIFY(!adoptions->isEmpty());
        QCOMPARE(adoptions->last().action, AuditLog::Action::Adopted);
        QVERIFY(adoptions->last().ok);
        QCOMPARE(adoptions->last().details.value(QStringLiteral("host_key")).toString(),
                 m_lab->deviceHostKeyFingerprint(2));

        // Program A runs on the shed and reads its FIFO.
        QCOMPARE(m_cli
                     ->run({QStringLiteral("overrides"), QStringLiteral("install-module"),
                            QStringLiteral("shed")})
                     .exitCode,
                 0);
        const auto installed =
            AuditLog(m_cli->home(), QStringLiteral("relayfleet")).entries(QStringLiteral("shed"));
        QVERIFY(installed);
        QCOMPARE(installed->last().action, AuditLog::Action::Upgrade);
        QCOMPARE(installed->last().details.value(QStringLiteral("file")).toString(),
                 QStringLiteral("overrides-module"));
        const QString home = m_lab->isolated() ? QStringLiteral("/root") : m_lab->deviceHome(2);
        const QString stateFile =
            m_lab->deviceHome(2) + QStringLiteral("/.relayfleet/overrides.fifo.state.json");
        QVERIFY(
            m_lab->startProgram(2, QStringLiteral("program-a"),
                                {QStringLiteral("python3"),
                                 home + QStringLiteral("/.relayfleet/python/example_program_a.py"),
                                 home + QStringLiteral("/.relayfleet/overrides.fifo"),
                                 home + QStringLiteral("/program.log")}));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(stateFile), 10000);

        window.openOverrides(shed);
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("tabs"));
        auto *editor = qobject_cast<gui::OverridesEditor *>(tabs->currentWidget());
        QVERIFY(editor);
        // Opening reads what the program applied so far: nothing is desired yet.
        QSignalSpy opened(editor, &gui::OverridesEditor::readFinished);
        QVERIFY(opened.wait(30000));
        QCOMPARE(editor->lastReadings().size(), 1);
        QVERIFY(editor->lastReadings().first().inSync());
        QVERIFY(editor->lastReadings().first().comparison.rows.isEmpty());
        QSignalSpy pushed(editor, &gui::OverridesEditor::pushFinished);
        editor->setValues({{QStringLiteral("SPEED"), QStringLiteral("2.5")},
                           {QStringLiteral("MODE"), QStringLiteral("\"fast\"")}});
        QElapsedTimer timer;
        timer.start();
        editor->findChild<QPushButton *>(QStringLiteral("pushButton"))->click();
        QVERIFY(pushed.wait(30000));
        qInfo("push from the editor, applied confirmation included: %lld ms", timer.elapsed());
        QCOMPARE(editor->lastPush().size(), 1);
        const PushResult answer = editor->lastPush().first();
        QVERIFY2(answer.applied, QJsonDocument(answer.toJson()).toJson().constData());
        QCOMPARE(answer.values.value(QStringLiteral("SPEED")).toDouble(), 2.5);
        const QJsonObject state = QJsonDocument::fromJson(testing::readFile(stateFile)).object();
        QCOMPARE(state.value(QStringLiteral("values"))
                     .toObject()
                     .value(QStringLiteral("MODE"))
                     .toString(),
                 QStringLiteral("fast"));

        QSignalSpy read(editor, &gui::OverridesEditor::readFinished);
        editor->findChild<QPushButton *>(QStringLiteral("readAppliedButton"))->click();
        QVERIFY(read.wait(30000));
        QCOMPARE(editor->lastReadings().size(), 1);
        const auto &compared = editor->lastReadings().first().comparison;
        QVERIFY(editor->lastReadings().first().inSync());
        QCOMPARE(compared.rows.size(), 2);
        for (const OverrideComparison::Row &row : compared.rows) {
            QCOMPARE(row.status, OverrideComparison::Status::Ok);
        }
        // The details pane shows the desired values and the last push.
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("detailsDesired")) != nullptr);
        // What the program takes is shown; a value it rejects is not "applied": its row is
        // marked with the program's reason.
        auto *accepted = editor->findChild<QLabel *>(QStringLiteral("acceptedNames"));
        QVERIFY(accepted->isVisibleTo(editor));
        QVERIFY2(accepted->text().contains(QStringLiteral("THRESHOLD (int")),
                 qPrintable(accepted->text()));
        QSignalSpy rejectedPush(editor, &gui::OverridesEditor::pushFinished);
        editor->setValues({{QStringLiteral("SPEED"), QStringLiteral("2.5")},
                           {QStringLiteral("THRESHOLD"), QStringLiteral("0.75")}});
        editor->push();
        QVERIFY(rejectedPush.wait(30000));
        const PushResult refused = editor->lastPush().first();
        QVERIFY2(!refused.applied, QJsonDocument(refused.toJson()).toJson().constData());
        auto *values = editor->findChild<QTableWidget *>(QStringLiteral("overrideValues"));
        QCOMPARE(values->item(1, 0)->text(), QStringLiteral("THRESHOLD"));
        QVERIFY2(values->item(1, 0)->toolTip().contains(QStringLiteral("wrong type")),
                 qPrintable(values->item(1, 0)->toolTip()));
        QVERIFY(values->item(1, 0)->foreground().color() !=
                values->item(0, 0)->foreground().color());
        QVERIFY(values->item(0, 0)->toolTip().isEmpty());
        auto *results = editor->findChild<QTableWidget *>(QStringLiteral("overrideResults"));
        QCOMPARE(results->item(0, 1)->text(), QStringLiteral("not applied"));
        QVERIFY(results->item(0, 2)->text().contains(
            QStringLiteral("THRESHOLD rejected (wrong type)")));

        // The whole label: one value for every device carrying it (before, LIMIT=3 was "applied"
        // here though program A rejects LIMIT).
        window.openOverrides(-1, QStringLiteral("plant"));
        auto *labelEditor = qobject_cast<gui::OverridesEditor *>(tabs->currentWidget());
        QVERIFY(labelEditor && labelEditor != editor);
        QSignalSpy labelOpened(labelEditor, &gui::OverridesEditor::readFinished);
        QVERIFY(labelOpened.wait(30000));
        QSignalSpy labelPushed(labelEditor, &gui::OverridesEditor::pushFinished);
        labelEditor->setValues(
            {{QStringLiteral("THRESHOLD"), QStringLiteral("3")}}); // program A takes THRESHOLD: int
        labelEditor->push();
        QVERIFY(labelPushed.wait(30000));
        QVERIFY(labelEditor->lastPush().first().applied);
        m_lab->stopProgram(2, QStringLiteral("program-a"));
    }

    // The enrolment wizard over a LAN address: the device's key is trusted on a click, the ten
    // steps run with progress, and the device is then online through its own tunnel.
    void enrolWizardFromWindow()
    {
        auto lan = m_lab->lanPort(3);
        QVERIFY2(lan, qPrintable(lan ? QString() : lan.error().message));
        gui::MainWindow window(AppPaths::resolve(m_cli->home()));
        QSignalSpy refreshed(&window, &gui::MainWindow::refreshFinished);
        window.show();
        QVERIFY(refreshed.wait(30000));
        window.openEnrol();
        auto *wizard = window.findChild<gui::EnrolWizard *>(QStringLiteral("enrolWizard"));
        QVERIFY(wizard);
        wizard->findChild<QLineEdit *>(QStringLiteral("enrolId"))
            ->setText(QStringLiteral("cellar"));
        wizard->findChild<QLineEdit *>(QStringLiteral("enrolLabels"))
            ->setText(QStringLiteral("plant"));
        wizard->findChild<QLineEdit *>(QStringLiteral("enrolUser"))->setText(m_lab->deviceUser());
        wizard->findChild<QLineEdit *>(QStringLiteral("lanAddress"))
            ->setText(QStringLiteral("127.0.0.1:%1").arg(lan.value()));
        wizard->findChild<QSpinBox *>(QStringLiteral("deviceSshPort"))
            ->setValue(m_lab->deviceSshPort(3));
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        wizard->next();
        QCOMPARE(wizard->currentId(), int(gui::EnrolWizard::RelayPage));
        QCOMPARE(
            wizard->findChild<QComboBox *>(QStringLiteral("enrolKey"))->currentData().toString(),
            m_lab->clientKey());
        wizard->findChild<QLineEdit *>(QStringLiteral("relayFromDevice"))
            ->setText(QStringLiteral("%1:%2")
                          .arg(m_lab->relayHostForDevice(3))
                          .arg(m_lab->relayPortForDevice(3)));
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        auto *run = wizard->findChild<gui::TaskWizardPage *>(QStringLiteral("runPage"));
        QSignalSpy finished(run, &gui::TaskWizardPage::taskFinished);
        wizard->next(); // starts at once
        const QString asked =
            answerDialog(QStringLiteral("hostKeyUnknownDialog"), QStringLiteral("trustButton"));
        QVERIFY2(asked.contains(m_lab->deviceHostKeyFingerprint(3)), qPrintable(asked));
        QVERIFY(finished.count() == 1 || finished.wait(120000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(run->outcome()));
        QVERIFY(run->outcome().contains(QStringLiteral("Enrolled cellar")));
        QVERIFY(wizard->button(QWizard::FinishButton)->isEnabled());
        auto *log = run->findChild<QPlainTextEdit *>(QStringLiteral("taskLog"));
        QVERIFY2(log->toPlainText().count(QLatin1Char('\n')) >= 9, qPrintable(log->toPlainText()));
        wizard->accept();
        // The refresh after the wizard lists it, online through the relay.
        QTRY_VERIFY_WITH_TIMEOUT(modelRow(window,
                                          [](const DeviceStatus &s) {
                                              return s.id == QLatin1String("cellar") &&
                                                     s.state == DeviceStatus::State::Online &&
                                                     !s.tunnelKey.isEmpty();
                                          }) >= 0,
                                 60000);
        // The enrolment and the refreshes around it shared the window's one relay login.
        QCOMPARE(window.relayConnections().loginCount(), 1);

        // Its runner reported its health with its first heartbeat: selected, the details say
        // how it is, and the chart has the reports the relay keeps (read over that same login).
        auto *deviceTable = window.findChild<QTableView *>(QStringLiteral("deviceTable"));
        auto *search = window.findChild<QLineEdit *>(QStringLiteral("searchBox"));
        QVERIFY(deviceTable && search);
        QTRY_VERIFY_WITH_TIMEOUT(modelRow(window,
                                          [](const DeviceStatus &s) {
                                              return s.id == QLatin1String("cellar") &&
                                                     s.health.isValid();
                                          }) >= 0,
                                 60000);
        search->setText(QStringLiteral("cellar"));
        deviceTable->selectRow(0);
        const DeviceHealth reported =
            window.fleetModel()
                ->statusAt(modelRow(
                    window, [](const DeviceStatus &s) { return s.id == QLatin1String("cellar"); }))
                .health;
        auto *health = window.findChild<QLabel *>(QStringLiteral("detailsHealth"));
        QVERIFY2(health->text().startsWith(DeviceHealth::levelLabel(reported.level())) &&
                     health->text().contains(reported.summary()),
                 qPrintable(health->text()));
        auto *chart = window.findChild<gui::HealthChart *>(QStringLiteral("healthChart"));
        QVERIFY(chart);
        QTRY_VERIFY_WITH_TIMEOUT(chart->reportCount() >= 1, 20000);
        search->clear();
        QCOMPARE(window.relayConnections().loginCount(), 1);

        // Device -> Upgrade device files on a device whose runner is older than this build's.
        const QString runner =
            (m_lab->isolated() ? QStringLiteral("/root") : m_lab->deviceHome(3)) +
            QStringLiteral("/.relayfleet/tunnel");
        QVERIFY(m_lab->runOnDevice(3, {QStringLiteral("sed"), QStringLiteral("-i"),
                                       QStringLiteral("/^# relayfleet-version/d"), runner}));
        const int cellar =
            modelRow(window, [](const DeviceStatus &s) { return s.id == QLatin1String("cellar"); });
        QVERIFY(cellar >= 0);
        QTimer::singleShot(0, &window, [&window, cellar] { window.upgradeDevice(cellar); });
        QCOMPARE(answerDialog(QStringLiteral("upgradeQuestionDialog"),
                              QStringLiteral("upgradeYesButton"))
                     .isEmpty(),
                 false);
        QElapsedTimer upgrading;
        upgrading.start();
        QTRY_VERIFY_WITH_TIMEOUT(
            window.findChild<QMessageBox *>(QStringLiteral("upgradeResultDialog")) != nullptr,
            150000);
        auto *result = window.findChild<QMessageBox *>(QStringLiteral("upgradeResultDialog"));
        qInfo("upgraded from the window in %lld ms: %s", upgrading.elapsed(),
              qPrintable(result->text()));
        QVERIFY2(result->text().startsWith(QStringLiteral("cellar: upgraded")),
                 qPrintable(result->text()));
        QCOMPARE(result->icon(), QMessageBox::Information);
        result->close();
    }

    void filesAndPortsFromWindow()
    {
        QVERIFY(m_lab->startSeedTunnel(0, m_kitchenPort)); // an earlier case restarted the relay
        gui::MainWindow window(AppPaths::resolve(m_cli->home()));
        QSignalSpy refreshed(&window, &gui::MainWindow::refreshFinished);
        window.resize(1100, 640);
        window.show();
        QVERIFY(refreshed.wait(30000));
        auto *table = window.findChild<QTableView *>(QStringLiteral("deviceTable"));
        auto *search = window.findChild<QLineEdit *>(QStringLiteral("searchBox"));
        search->setText(QStringLiteral("kitchen"));
        QCOMPARE(table->model()->rowCount(), 1);

        // Files dropped on the device open the upload, which copies them into its home.
        QTemporaryDir local;
        const QString file = local.filePath(QStringLiteral("new config; $(x).txt"));
        QByteArray contents(300 * 1024, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(contents.data()),
                                              contents.size() / 4);
        {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly) && out.write(contents) == contents.size());
        }
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(file)});
        const QPoint onKitchen = table->visualRect(table->model()->index(0, 0)).center();
        QDragEnterEvent enter(onKitchen, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(table->viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(onKitchen), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(table->viewport(), &drop);
        QVERIFY(drop.isAccepted());
        auto *dialog =
            window.findChild<gui::FileTransferDialog *>(QStringLiteral("fileTransferDialog"));
        QVERIFY(dialog);
        QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("transferPath"))->text(),
                 QStringLiteral("~/"));
        dialog->findChild<QPushButton *>(QStringLiteral("transferStartButton"))->click();
        auto *results = dialog->findChild<QPlainTextEdit *>(QStringLiteral("transferResults"));
        QTRY_VERIFY_WITH_TIMEOUT(results->isVisible(), 60000);
        QVERIFY2(results->toPlainText().startsWith(QStringLiteral("kitchen: copied 1 file")),
                 qPrintable(results->toPlainText()));
        QCOMPARE(dialog->findChild<QProgressBar *>(QStringLiteral("transferProgress"))->value(),
                 1000);
        QCOMPARE(relayfleet::testing::readFile(m_lab->deviceHome(0) +
                                               QStringLiteral("/new config; $(x).txt")),
                 contents);
        const QString shots = qEnvironmentVariable("RELAYFLEET_SCREENSHOTS");
        if (!shots.isEmpty()) {
            dialog->grab().save(shots + QStringLiteral("/upload-dialog.png"));
        }
        dialog->close();

        // Device -> Download: the file comes back whole into the chosen folder.
        QTemporaryDir into;
        const int kitchenRow = modelRow(
            window, [](const DeviceStatus &s) { return s.id == QLatin1String("kitchen"); });
        auto *download = gui::FileTransferDialog::download(
            window.fleetAccess(), window.fleetModel()->statusAt(kitchenRow), into.path(), &window);
        download->findChild<QLineEdit *>(QStringLiteral("transferPath"))
            ->setText(QStringLiteral("~/new config; $(x).txt"));
        download->findChild<QPushButton *>(QStringLiteral("transferStartButton"))->click();
        auto *downloaded = download->findChild<QPlainTextEdit *>(QStringLiteral("transferResults"));
        QTRY_VERIFY_WITH_TIMEOUT(!downloaded->toPlainText().isEmpty(), 60000);
        QVERIFY2(downloaded->toPlainText().startsWith(QStringLiteral("kitchen: copied 1 file")),
                 qPrintable(downloaded->toPlainText()));
        QCOMPARE(
            relayfleet::testing::readFile(into.filePath(QStringLiteral("new config; $(x).txt"))),
            contents);
        download->close();

        // Device -> Open port: a web server on the device, reached from here in the browser.
        const int webPort = 18000 + QRandomGenerator::global()->bounded(1000);
        QVERIFY(m_lab->startProgram(
            0, QStringLiteral("web"),
            {QStringLiteral("python3"), QStringLiteral("-m"), QStringLiteral("http.server"),
             QString::number(webPort), QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
             QStringLiteral("--directory"), relayfleet::testing::homeOnDevice(*m_lab, 0)}));
        auto stopWeb = qScopeGuard([this] { m_lab->stopProgram(0, QStringLiteral("web")); });
        QDesktopServices::setUrlHandler(QStringLiteral("http"), this, "openedInBrowser");
        auto unhandle =
            qScopeGuard([] { QDesktopServices::unsetUrlHandler(QStringLiteral("http")); });
        table->selectRow(0);
        const int kitchen = modelRow(
            window, [](const DeviceStatus &s) { return s.id == QLatin1String("kitchen"); });
        // The server may take a moment to listen: the window says so, and a retry works.
        QElapsedTimer timer;
        timer.start();
        while (m_browserUrls.isEmpty() && timer.elapsed() < 30000) {
            window.openPorts().open(window.fleetAccess(), window.fleetModel()->statusAt(kitchen),
                                    webPort);
            QTRY_VERIFY_WITH_TIMEOUT(!window.openPorts().isOpening(), 30000);
            QTest::qWait(200);
            if (auto *failed =
                    window.findChild<QMessageBox *>(QStringLiteral("openPortFailedDialog"))) {
                failed->close();
            }
        }
        QCOMPARE(m_browserUrls.size(), 1);
        const QUrl url = m_browserUrls.first();
        QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(QGuiApplication::clipboard()->text(), url.toString());
        QTcpSocket socket;
        socket.connectToHost(url.host(), static_cast<quint16>(url.port()));
        QVERIFY(socket.waitForConnected(10000));
        socket.write("GET /new%20config%3B%20%24%28x%29.txt HTTP/1.0\r\n\r\n");
        QByteArray response;
        while (socket.waitForReadyRead(10000)) {
            response += socket.readAll();
        }
        QVERIFY2(response.startsWith("HTTP/1.0 200"), response.left(200).constData());
        QVERIFY(response.endsWith(contents));
        auto *openPorts = window.findChild<QLabel *>(QStringLiteral("detailsOpenPorts"));
        QTRY_VERIFY(openPorts->text().contains(QStringLiteral("%1 →").arg(webPort)));
        if (!shots.isEmpty()) {
            QTest::qWait(200); // the details pane lays out its new line
            window.grab().save(shots + QStringLiteral("/open-port.png"));
        }
        // A port nothing listens on is refused with the reason, and nothing is kept open.
        window.openPorts().open(window.fleetAccess(), window.fleetModel()->statusAt(kitchen), 1);
        QTRY_VERIFY_WITH_TIMEOUT(
            window.findChild<QMessageBox *>(QStringLiteral("openPortFailedDialog")) != nullptr,
            30000);
        auto *refused = window.findChild<QMessageBox *>(QStringLiteral("openPortFailedDialog"));
        QVERIFY2(refused->text().contains(QStringLiteral("Nothing listens on port 1")),
                 qPrintable(refused->text()));
        refused->close();
        QCOMPARE(window.openPorts().count(), 1);
        // Closing it from the details pane ends the forward.
        Q_EMIT openPorts->linkActivated(QStringLiteral("close:%1").arg(webPort));
        QCOMPARE(window.openPorts().count(), 0);
        QTRY_VERIFY(!openPorts->text().contains(QStringLiteral("%1 →").arg(webPort)));
        QTcpSocket closed;
        closed.connectToHost(url.host(), static_cast<quint16>(url.port()));
        QVERIFY(!closed.waitForConnected(2000));
        // The audit log has its opening and its closing.
        const auto recorded = AuditLog(m_cli->home(), QStringLiteral("relayfleet"))
                                  .entries(QStringLiteral("kitchen"));
        QVERIFY(recorded);
        QStringList forwards;
        for (const AuditLog::Entry &entry : recorded.value()) {
            if (entry.action == AuditLog::Action::Forward &&
                entry.details.value(QStringLiteral("device_port")).toInt() == webPort && entry.ok) {
                forwards << entry.result.section(QLatin1Char(' '), 0, 0);
            }
        }
        QCOMPARE(forwards.mid(forwards.size() - 2),
                 QStringList({QStringLiteral("started"), QStringLiteral("closed")}));
    }

    // Cancel in the middle of an upload: the dialog says what happened, the device keeps no
    // partial file and no target, and the window can upload again afterwards.
    void uploadCancelledFromWindow()
    {
        QVERIFY(m_lab->startSeedTunnel(0, m_kitchenPort));
        gui::MainWindow window(AppPaths::resolve(m_cli->home()));
        QSignalSpy refreshed(&window, &gui::MainWindow::refreshFinished);
        window.show();
        QVERIFY(refreshed.wait(30000));
        const int kitchen = modelRow(
            window, [](const DeviceStatus &s) { return s.id == QLatin1String("kitchen"); });
        QVERIFY(kitchen >= 0);
        QTemporaryDir local;
        const QString file = local.filePath(QStringLiteral("big one.bin"));
        QByteArray contents(48 * 1024 * 1024, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(contents.data()),
                                              contents.size() / 4);
        {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly) && out.write(contents) == contents.size());
        }
        // A slow link (200 ms each way to the relay) so that the copy is still running when
        // Cancel is pressed.
        QVERIFY(m_lab->setMacRelayDelay(200));
        auto fast = qScopeGuard([this] { (void)m_lab->setMacRelayDelay(0); });
        auto *dialog = gui::FileTransferDialog::upload(
            window.fleetAccess(), {window.fleetModel()->statusAt(kitchen)}, {file}, &window);
        dialog->show();
        QSignalSpy finished(dialog, &gui::FileTransferDialog::transferFinished);
        dialog->findChild<QPushButton *>(QStringLiteral("transferStartButton"))->click();
        auto *progress = dialog->findChild<QProgressBar *>(QStringLiteral("transferProgress"));
        QTRY_VERIFY_WITH_TIMEOUT(progress->value() > 0, 60000);
        QVERIFY2(progress->value() < 1000, "the copy ended before it could be cancelled");
        auto *cancel = dialog->findChild<QPushButton *>(QStringLiteral("transferCancelButton"));
        cancel->click();
        QVERIFY(dialog->isVisible()); // Cancel stops the copy; it does not close the dialog
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().first().toBool(), false);
        const QString results =
            dialog->findChild<QPlainTextEdit *>(QStringLiteral("transferResults"))->toPlainText();
        QVERIFY2(results.startsWith(QStringLiteral("kitchen: failed — Sending ")) &&
                     results.contains(QStringLiteral("Cancelled")) &&
                     results.contains(QStringLiteral("was not changed")) &&
                     !results.contains(QStringLiteral("partial copy may remain")),
                 qPrintable(results));
        QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("transferStatus"))->text(),
                 QStringLiteral("Not everything was copied:"));
        QCOMPARE(cancel->text(), QStringLiteral("Close"));
        if (const QString shots = qEnvironmentVariable("RELAYFLEET_SCREENSHOTS");
            !shots.isEmpty()) {
            dialog->grab().save(shots + QStringLiteral("/upload-cancelled.png"));
        }
        const QStringList left =
            QDir(m_lab->deviceHome(0))
                .entryList({QStringLiteral("*big one.bin*")}, QDir::Files | QDir::Hidden);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(','))));
        cancel->click(); // now Close
        QTRY_VERIFY(!dialog->isVisible());
    }

    // An upload to a label's devices says, device by device, what happened: one of them lost
    // its power, the other has the file.
    void labelUploadFromWindow()
    {
        gui::MainWindow window(AppPaths::resolve(m_cli->home()));
        QSignalSpy refreshed(&window, &gui::MainWindow::refreshFinished);
        window.show();
        QVERIFY(refreshed.wait(30000));
        QList<DeviceStatus> plant;
        for (int row = 0; row < window.fleetModel()->rowCount(); ++row) {
            if (window.fleetModel()->statusAt(row).labels.contains(QLatin1String("plant"))) {
                plant << window.fleetModel()->statusAt(row);
            }
        }
        QCOMPARE(plant.size(), 2);    // shed (adopted) and cellar (enrolled)
        QVERIFY(m_lab->powerLoss(2)); // the shed goes dark; its relay port stays open
        QTemporaryDir local;
        const QString file = local.filePath(QStringLiteral("plant.conf"));
        const QByteArray contents("water=2.5\n");
        {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly) && out.write(contents) == contents.size());
        }
        auto *dialog =
            gui::FileTransferDialog::upload(window.fleetAccess(), plant, {file}, &window);
        dialog->show();
        QSignalSpy finished(dialog, &gui::FileTransferDialog::transferFinished);
        dialog->findChild<QPushButton *>(QStringLiteral("transferStartButton"))->click();
        QVERIFY(finished.wait(90000));
        QCOMPARE(finished.first().first().toBool(), false);
        const QStringList lines =
            dialog->findChild<QPlainTextEdit *>(QStringLiteral("transferResults"))
                ->toPlainText()
                .split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 2);
        QVERIFY2(std::any_of(lines.begin(), lines.end(),
                             [](const QString &line) {
                                 return line.startsWith(QStringLiteral("cellar: copied 1 file"));
                             }),
                 qPrintable(lines.join(QLatin1Char('\n'))));
        QVERIFY2(std::any_of(lines.begin(), lines.end(),
                             [](const QString &line) {
                                 return line.startsWith(QStringLiteral("Shed Pi: failed — ")) &&
                                        line.contains(QStringLiteral("did not answer"));
                             }),
                 qPrintable(lines.join(QLatin1Char('\n'))));
        QCOMPARE(
            relayfleet::testing::readFile(m_lab->deviceHome(3) + QStringLiteral("/plant.conf")),
            contents);
        QVERIFY(!QFile::exists(m_lab->deviceHome(2) + QStringLiteral("/plant.conf")));
    }

    // A device away for longer than allowed is told once, and its return once (the tray's
    // notification where there is a tray; here, offscreen, the list of what was told), each
    // posted to the webhook and kept in the audit log with the webhook's answer.
    void alertsWhenADeviceStaysAway()
    {
        QVERIFY(m_lab->startSeedTunnel(0, m_kitchenPort));
        gui::MainWindow window(AppPaths::resolve(m_cli->home()));
        relayfleet::testing::LoopbackHttpServer hook(204);
        AlertRules rules;
        rules.offlineSeconds = 3;
        rules.webhookUrl = hook.url();
        window.alerts().setRules(rules);
        QSignalSpy refreshed(&window, &gui::MainWindow::refreshFinished);
        window.show();
        QVERIFY(refreshed.wait(30000));
        const auto told = [&window](FleetAlerts::Event::Kind kind) {
            int count = 0;
            for (const FleetAlerts::Event &event : window.alerts().told()) {
                count += event.device == QLatin1String("kitchen") && event.kind == kind;
            }
            return count;
        };
        const auto refreshUntil = [&](const std::function<bool()> &done) {
            QElapsedTimer waited;
            waited.start();
            while (!done() && waited.elapsed() < 60000) {
                QTest::qWait(1000);
                window.refresh();
                refreshed.wait(30000);
            }
            return done();
        };
        QCOMPARE(told(FleetAlerts::Event::Kind::Offline), 0);
        m_lab->stopTunnel(0);
        QVERIFY(refreshUntil([&] { return told(FleetAlerts::Event::Kind::Offline) > 0; }));
        QVERIFY(m_lab->startSeedTunnel(0, m_kitchenPort));
        QVERIFY(refreshUntil([&] { return told(FleetAlerts::Event::Kind::BackOnline) > 0; }));
        // Later refreshes tell nothing more.
        window.refresh();
        QVERIFY(refreshed.wait(30000));
        QCOMPARE(told(FleetAlerts::Event::Kind::Offline), 1);
        QCOMPARE(told(FleetAlerts::Event::Kind::BackOnline), 1);
        QTRY_COMPARE_WITH_TIMEOUT(window.alerts().webhookPending(), 0, 15000);
        QStringList posted;
        for (const auto &request : hook.requests()) {
            const QJsonObject body = QJsonDocument::fromJson(request.body).object();
            if (body.value(QStringLiteral("device")).toString() == QLatin1String("kitchen")) {
                posted << body.value(QStringLiteral("event")).toString();
            }
        }
        QCOMPARE(posted, QStringList({QStringLiteral("offline"), QStringLiteral("online")}));
        const auto recorded = AuditLog(m_cli->home(), QStringLiteral("relayfleet"))
                                  .entries(QStringLiteral("kitchen"));
        QVERIFY(recorded);
        QStringList alerts;
        for (const AuditLog::Entry &entry : recorded.value()) {
            if (entry.action == AuditLog::Action::Alert) {
                QVERIFY2(entry.ok, qPrintable(entry.result));
                QVERIFY2(entry.result.contains(QStringLiteral("HTTP 204")),
                         qPrintable(entry.result));
                alerts << entry.details.value(QStringLiteral("event")).toString();
            }
        }
        QCOMPARE(alerts, QStringList({QStringLiteral("offline"), QStringLiteral("online")}));
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
            return modelRow(window, predicate);
        };
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("tabs"));

        const int kitchen =
            rowOf([](const DeviceStatus &s) { return s.id == QLatin1String("kitchen"); });
        // A first-seen key (kitchen's pin forgotten) is shown and trusted only on request.
        KnownHostsFile knownHosts(m_cli->home() + QStringLiteral("/known_hosts"));
        QVERIFY(knownHosts.removeAll(QStringLiteral("relayfleet-kitchen")));
        window.openTerminal(kitchen);
        auto *unknownTab = qobject_cast<gui::TerminalTab *>(tabs->currentWidget());
        const QString asked =
            answerDialog(QStringLiteral("hostKeyUnknownDialog"), QStringLiteral("trustButton"));
        QVERIFY2(asked.contains(m_lab->deviceHostKeyFingerprint(0)), qPrintable(asked));
        // (The session may already be up: look for the shell's prompt rather than a signal.)
        QTRY_VERIFY_WITH_TIMEOUT(
            unknownTab->emulator()->screenText().contains(QStringLiteral("@dev1")), 20000);
        QCOMPARE(knownHosts.keysFor(QStringLiteral("relayfleet-kitchen"))->size(),
                 1); // pinned again

        // A changed key (kitchen reinstalled) is refused, with both fingerprints.
        const QString before = m_lab->deviceHostKeyFingerprint(0);
        QVERIFY(m_lab->regenerateDeviceHostKey(0));
        window.openTerminal(kitchen);
        auto *changedTab = qobject_cast<gui::TerminalTab *>(tabs->currentWidget());
        const QString warning = answerDialog(QStringLiteral("hostKeyChangedDialog"), QString());
        QVERIFY2(warning.contains(before) && warning.contains(m_lab->deviceHostKeyFingerprint(0)),
                 qPrintable(warning));
        auto *banner = changedTab->findChild<QLabel *>(QStringLiteral("terminalBannerText"));
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10000);
        QVERIFY(banner->text().contains(QStringLiteral("CHANGED")));
    }
};

QTEST_MAIN(FleetWindowLabTest)
#include "FleetWindowLabTest.moc"
