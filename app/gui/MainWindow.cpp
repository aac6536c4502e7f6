#include "MainWindow.h"

#include "DemoLab.h"
#include "alerts/AlertNotifier.h"
#include "alerts/AlertSettingsDialog.h"
#include "audit/AuditLogDialog.h"
#include "enrolment/DeviceUpgrade.h"
#include "enrolment/TunnelProfile.h"
#include "fleet/AdoptDialog.h"
#include "fleet/DeviceDetailsPane.h"
#include "fleet/FleetController.h"
#include "fleet/FleetFilterModel.h"
#include "fleet/FleetModel.h"
#include "fleet/FleetStatusDelegate.h"
#include "fleet/HealthHistoryLoader.h"
#include "openssh/OpenSshConfig.h"
#include "openssh/SystemTerminal.h"
#include "overrides/OverridesEditor.h"
#include "registry/DeviceFiles.h"
#include "relay/RelayStore.h"
#include "settings/AppSettings.h"
#include "terminal/TerminalTab.h"
#include "transfer/FileTransferDialog.h"
#include "transfer/OpenPorts.h"
#include "wizards/EnrolWizard.h"
#include "wizards/KeySetupWizard.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProcess>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace relayfleet::gui {

MainWindow::MainWindow(AppPaths paths, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(std::make_unique<AppSettings>(paths.home()))
    , m_fleet(new FleetController(std::move(paths), m_settings->refreshIntervalSeconds(),
                                  m_settings->checkDevicesEveryMinutes(), this))
    , m_model(m_fleet->model())
    , m_filter(new FleetFilterModel(this))
{
    setWindowTitle(tr("Relay Fleet"));
    setObjectName(QStringLiteral("mainWindow"));
    m_filter->setSourceModel(m_model);
    m_alerts = new AlertNotifier(loadAlertRules(), auditLog(), this);
    m_healthHistory = new HealthHistoryLoader(this);
    // What arrives for a device no longer selected is dropped.
    const auto selectedKey = [this] {
        const int row = selectedModelRow();
        return row < 0
                   ? QString()
                   : m_model->statusAt(row).relay + QLatin1Char('\n') + m_model->statusAt(row).id;
    };
    connect(m_healthHistory, &HealthHistoryLoader::loaded, this,
            [this, selectedKey](const QString &device, const QList<DeviceHealth> &history) {
                if (device == selectedKey()) {
                    m_details->showHealthHistory(history);
                }
            });
    connect(m_healthHistory, &HealthHistoryLoader::failed, this,
            [this, selectedKey](const QString &device, const QString &message) {
                if (device == selectedKey()) {
                    m_details->showHealthMessage(message);
                }
            });
    connect(m_alerts, &AlertNotifier::alerted, this,
            [this](const QString &text) { statusBar()->showMessage(text); });
    connect(m_alerts, &AlertNotifier::showWindowRequested, this, [this] {
        show();
        raise();
        activateWindow();
    });
    connect(m_alerts, &AlertNotifier::quitRequested, this, [this] {
        m_quitting = true;
        close();
        QApplication::quit();
    });

    buildDeviceTable();
    buildWelcomeBanner();
    buildDetailsAndOpenPorts();
    buildTabs();
    connect(m_table, &QTableView::activated, this,
            [this](const QModelIndex &index) { openTerminal(m_filter->mapToSource(index).row()); });
    buildActions();
    buildMenus();
    buildToolBar();

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::showSelection);
    // Only what the user selects is warmed (a refresh that reselects the row is not a choice).
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::warmSelection);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateLabelFilter);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::updateLabelFilter);
    connect(m_fleet, &FleetController::said, this,
            [this](const QString &text) { statusBar()->showMessage(text); });
    connect(m_fleet, &FleetController::relaysConfigured, this,
            [this](bool any) { showWelcome(!any); });
    connect(m_fleet, &FleetController::relayScanned, this,
            [this](const QString &relay, const QList<DeviceStatus> &statuses) {
                m_alerts->relayScanned(relay, statuses);
                showSelection();
            });
    connect(m_fleet, &FleetController::refreshFinished, this, [this] {
        m_table->resizeColumnsToContents();
        m_table->horizontalHeader()->setStretchLastSection(true);
        Q_EMIT refreshFinished();
    });
    connect(m_fleet, &FleetController::upgradingChanged, this, &MainWindow::updateActions);
    connect(m_fleet, &FleetController::upgradeFinished, this,
            [this](const QString &text, bool good) {
                // Said where it stays until read: the refresh after it rewrites the status bar, and
                // an upgrade may have taken minutes, with the user elsewhere.
                auto *box = new QMessageBox(good ? QMessageBox::Information : QMessageBox::Warning,
                                            tr("Upgrade"), text, QMessageBox::Ok, this);
                box->setObjectName(QStringLiteral("upgradeResultDialog"));
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->open();
            });
    // A first start fits the screen it opens on; later ones restore what the user left.
    const QRect available = screen()->availableGeometry();
    resize(std::min(1100, available.width() * 9 / 10), std::min(640, available.height() * 9 / 10));
    restoreGeometry(m_settings->windowGeometry());
    restoreState(m_settings->windowState());
    updateActions();
    QTimer::singleShot(0, this, &MainWindow::refresh);
}

void MainWindow::buildDeviceTable()
{
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("deviceTable"));
    m_table->setModel(m_filter);
    m_table->setItemDelegateForColumn(FleetModel::Status, new FleetStatusDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(FleetModel::Name, Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    // Files dropped on a device are uploaded to it.
    m_table->setAcceptDrops(true);
    m_table->viewport()->setAcceptDrops(true);
    m_table->viewport()->installEventFilter(this);
}

// Shown instead of an empty list when no relay is configured yet.
void MainWindow::buildWelcomeBanner()
{
    m_welcome = new QWidget(this);
    m_welcome->setObjectName(QStringLiteral("welcomeBanner"));
    auto *welcomeLayout = new QHBoxLayout(m_welcome);
    auto *welcomeText =
        new QLabel(tr("No relay is configured yet. Set up your key and relay, or try everything "
                      "first against a demo lab on this computer."),
                   m_welcome);
    welcomeText->setWordWrap(true);
    auto *setUp = new QPushButton(tr("Set up keys and relay…"), m_welcome);
    setUp->setObjectName(QStringLiteral("welcomeSetUpButton"));
    auto *demo = new QPushButton(tr("Start the demo lab"), m_welcome);
    demo->setObjectName(QStringLiteral("welcomeDemoButton"));
    demo->setEnabled(DemoLab::isAvailable());
    welcomeLayout->addWidget(welcomeText, 1);
    welcomeLayout->addWidget(setUp);
    welcomeLayout->addWidget(demo);
    m_welcome->hide();
    connect(setUp, &QPushButton::clicked, this, &MainWindow::openKeySetup);
    connect(demo, &QPushButton::clicked, this, &MainWindow::startDemo);
}

void MainWindow::buildDetailsAndOpenPorts()
{
    m_details = new DeviceDetailsPane(m_fleet->paths().home(), this);
    m_openPorts = new OpenPorts(this);
    connect(m_openPorts, &OpenPorts::changed, this, &MainWindow::showSelection);
    connect(m_openPorts, &OpenPorts::opened, this, [this](const OpenPorts::Open &port) {
        const QString address = port.url.toString();
        QGuiApplication::clipboard()->setText(address);
        statusBar()->showMessage(tr("Port %1 of %2 is open at %3 (address copied).")
                                     .arg(port.devicePort)
                                     .arg(port.target.displayName(), address));
        QDesktopServices::openUrl(port.url);
    });
    connect(m_openPorts, &OpenPorts::failed, this,
            [this](const QString &device, int port, const QString &why) {
                auto *box = new QMessageBox(
                    QMessageBox::Warning, tr("Open port"),
                    tr("Port %1 of %2 could not be opened here: %3").arg(port).arg(device, why),
                    QMessageBox::Ok, this);
                box->setObjectName(QStringLiteral("openPortFailedDialog"));
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->open();
                updateActions();
            });
    connect(m_details, &DeviceDetailsPane::closePortRequested, this, [this](int devicePort) {
        const int row = selectedModelRow();
        if (row >= 0) {
            m_openPorts->close(m_model->statusAt(row).target(), devicePort);
        }
    });
}

// The fleet (list and details) is the first tab, which stays; terminals open beside it.
void MainWindow::buildTabs()
{
    auto *fleet = new QWidget(this);
    auto *fleetLayout = new QVBoxLayout(fleet);
    fleetLayout->setContentsMargins(0, 0, 0, 0);
    fleetLayout->addWidget(m_welcome);
    auto *splitter = new QSplitter(fleet);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    fleetLayout->addWidget(splitter, 1);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->addTab(fleet, tr("Fleet"));
    m_tabs->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr); // the fleet stays
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        if (index > 0) {
            QWidget *tab = m_tabs->widget(index);
            m_tabs->removeTab(index);
            tab->deleteLater();
        }
    });
    setCentralWidget(m_tabs);
}

MainWindow::~MainWindow() = default;

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    // With a tray icon the refreshes and their alerts go on; Quit in its menu ends the program.
    if (!m_quitting && m_alerts->keepsRunning()) {
        QApplication::setQuitOnLastWindowClosed(false);
        hide();
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::buildActions()
{
    auto make = [this](const QString &text, const QString &name, auto slot) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_refreshAction = make(tr("Refresh"), QStringLiteral("refreshAction"), &MainWindow::refresh);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setToolTip(
        tr("Ask the relays how their devices are (costs the devices no data)"));
    m_checkDevicesAction =
        make(tr("Check devices"), QStringLiteral("checkDevicesAction"), &MainWindow::checkDevices);
    m_checkDevicesAction->setToolTip(
        tr("Ask every device itself whether it answers (about 5 KB of data each)"));
    m_terminalAction = make(tr("Terminal"), QStringLiteral("terminalAction"),
                            [this] { openTerminal(selectedModelRow()); });
    m_terminalAction->setToolTip(
        tr("Open a shell on the selected device in a tab (or double-click it)"));
    m_systemTerminalAction = make(tr("System terminal"), QStringLiteral("systemTerminalAction"),
                                  &MainWindow::openSystemTerminal);
    m_copyCommandAction =
        make(tr("Copy SSH command"), QStringLiteral("copySshCommandAction"), [this] {
            const QString command = sshCommandForSelection();
            if (!command.isEmpty()) {
                QGuiApplication::clipboard()->setText(command);
                statusBar()->showMessage(tr("Copied: %1").arg(command));
            }
        });
    m_overridesAction = make(tr("Overrides"), QStringLiteral("overridesAction"), [this] {
        const QString label = m_labels->currentData().toString();
        // With a label chosen and no device selected, the editor serves the whole label.
        openOverrides(label.isEmpty() ? selectedModelRow() : -1, label);
    });
    m_overridesAction->setToolTip(
        tr("Push variable overrides to the selected device, or to the label chosen"));
    m_adoptAction = make(tr("Adopt…"), QStringLiteral("adoptAction"),
                         [this] { openAdopt(selectedModelRow()); });
    m_adoptAction->setToolTip(tr("Register the selected hand-made tunnel as a device"));
    m_upgradeAction = make(tr("Upgrade device files…"), QStringLiteral("upgradeAction"),
                           [this] { upgradeDevice(selectedModelRow()); });
    m_upgradeAction->setToolTip(
        tr("Bring the selected device's tunnel runner up to this version; it goes back to the "
           "old one by itself if the new one gets no tunnel"));
    m_profileAction = make(tr("Device's link…"), QStringLiteral("profileAction"),
                           [this] { changeProfile(selectedModelRow()); });
    m_profileAction->setToolTip(tr("Cellular (saves data) or LAN / Wi-Fi (answers faster): how "
                                   "the selected device keeps its tunnel"));
    m_uploadAction = make(tr("Upload files…"), QStringLiteral("uploadAction"), [this] {
        const QStringList files =
            QFileDialog::getOpenFileNames(this, tr("Files to upload"), QDir::homePath());
        if (!files.isEmpty()) {
            uploadFiles(files);
        }
    });
    m_uploadAction->setToolTip(tr("Copy files to the selected device, or to every device of the "
                                  "label chosen (or drop files on a device)"));
    m_downloadAction =
        make(tr("Download file…"), QStringLiteral("downloadAction"), &MainWindow::downloadFile);
    m_openPortAction =
        make(tr("Open port…"), QStringLiteral("openPortAction"), &MainWindow::openPort);
    m_openPortAction->setToolTip(
        tr("Reach a port of the selected device (a web page, Jupyter, Node-RED) from this "
           "computer"));
    m_enrolAction =
        make(tr("Enrol device…"), QStringLiteral("enrolAction"), &MainWindow::openEnrol);
    m_keySetupAction = make(tr("Set up keys and relay…"), QStringLiteral("keySetupAction"),
                            &MainWindow::openKeySetup);
    m_demoAction =
        make(tr("Start the demo lab"), QStringLiteral("demoAction"), &MainWindow::startDemo);
    m_demoAction->setEnabled(DemoLab::isAvailable());
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_keySetupAction);
    file->addAction(m_enrolAction);
    file->addAction(m_demoAction);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    quit->setObjectName(QStringLiteral("quitAction"));
    QMenu *device = menuBar()->addMenu(tr("&Device"));
    for (QAction *action : {m_terminalAction, m_systemTerminalAction, m_copyCommandAction,
                            m_uploadAction, m_downloadAction, m_openPortAction, m_upgradeAction,
                            m_profileAction, m_overridesAction, m_adoptAction}) {
        device->addAction(action);
    }
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_refreshAction);
    view->addAction(m_checkDevicesAction);
    m_auditAction = view->addAction(tr("&Audit log…"), this, &MainWindow::openAuditLog);
    QAction *alertSettings = view->addAction(tr("A&lerts…"), this, &MainWindow::openAlertSettings);
    alertSettings->setObjectName(QStringLiteral("alertSettingsAction"));
    m_auditAction->setObjectName(QStringLiteral("auditLogAction"));
    QMenu *checking = view->addMenu(tr("Check devices automatically"));
    checking->setObjectName(QStringLiteral("checkDevicesMenu"));
    auto *checkingGroup = new QActionGroup(checking);
    for (const int minutes : {0, 60, 15}) {
        // A probe is about 5 KB of the device's data: what the choice costs each device a month.
        const double megabytes = minutes == 0 ? 0 : 5e3 * 30 * 24 * 60 / minutes / 1e6;
        QAction *action = checking->addAction(
            minutes == 0 ? tr("Never (only when asked)")
                         : tr("Every %n min (about %1 MB a month per device)", nullptr, minutes)
                               .arg(megabytes, 0, 'f', 1));
        action->setObjectName(QStringLiteral("checkDevicesEvery_%1").arg(minutes));
        action->setCheckable(true);
        action->setChecked(m_settings->checkDevicesEveryMinutes() == minutes);
        checkingGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, minutes] {
            m_settings->setCheckDevicesEveryMinutes(minutes);
            m_fleet->setCheckDevicesEvery(minutes);
        });
    }
    QMenu *language = view->addMenu(tr("Language"));
    language->setObjectName(QStringLiteral("languageMenu"));
    auto *group = new QActionGroup(language);
    const QList<QPair<QString, QString>> languages{
        {QString(), tr("Follow the system")},
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("ja"), QStringLiteral("日本語")}};
    for (const auto &[code, name] : languages) {
        QAction *action = language->addAction(name);
        action->setObjectName(
            QStringLiteral("language_%1").arg(code.isEmpty() ? QStringLiteral("system") : code));
        action->setCheckable(true);
        action->setChecked(m_settings->language() == code);
        group->addAction(action);
        // A copy: clang before 16 (Debian 12's 14) cannot capture a structured binding.
        connect(action, &QAction::triggered, this, [this, chosen = code] {
            m_settings->setLanguage(chosen);
            statusBar()->showMessage(tr("The language changes the next time Relay Fleet starts."));
        });
    }
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("About Relay Fleet"), this, [this] {
        QMessageBox::about(this, tr("About Relay Fleet"),
                           tr("Relay Fleet %1\nDevices behind NAT, reached through reverse SSH "
                              "tunnels on your relay.")
                               .arg(QApplication::applicationVersion()));
    });
    about->setObjectName(QStringLiteral("aboutAction"));
    // On a Mac, Qt moves menu items into the application menu by their text, which fails in
    // Japanese and can catch "Set Up Keys" as Preferences: every role is explicit.
    for (QMenu *menu : menuBar()->findChildren<QMenu *>()) {
        for (QAction *action : menu->actions()) {
            action->setMenuRole(QAction::NoRole);
        }
    }
    quit->setMenuRole(QAction::QuitRole);
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::buildToolBar()
{
    auto *toolBar = addToolBar(tr("Fleet"));
    toolBar->setObjectName(QStringLiteral("fleetToolBar"));
    toolBar->setMovable(false);
    for (QAction *action :
         {m_refreshAction, m_checkDevicesAction, m_terminalAction, m_systemTerminalAction,
          m_copyCommandAction, m_overridesAction, m_adoptAction, m_enrolAction}) {
        toolBar->addAction(action);
    }
    toolBar->addSeparator();
    m_search = new QLineEdit(toolBar);
    m_search->setObjectName(QStringLiteral("searchBox"));
    m_search->setPlaceholderText(tr("Search devices"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(280);
    toolBar->addWidget(m_search);
    m_labels = new QComboBox(toolBar);
    m_labels->setObjectName(QStringLiteral("labelFilter"));
    m_labels->addItem(tr("All labels"), QString());
    toolBar->addWidget(m_labels);
    connect(m_search, &QLineEdit::textChanged, m_filter, &FleetFilterModel::setSearchText);
    connect(m_labels, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setLabel(m_labels->currentData().toString());
        updateActions();
    });
}

void MainWindow::updateLabelFilter()
{
    const QString current = m_labels->currentData().toString();
    const QStringList labels = m_model->allLabels();
    QSignalBlocker blocker(m_labels);
    m_labels->clear();
    m_labels->addItem(tr("All labels"), QString());
    for (const QString &label : labels) {
        m_labels->addItem(QLatin1Char('@') + label, label);
    }
    m_labels->setCurrentIndex(std::max(0, m_labels->findData(current)));
}

void MainWindow::updateActions()
{
    const int row = selectedModelRow();
    const bool selected = row >= 0;
    const bool registered = selected && !m_model->statusAt(row).id.isEmpty();
    const bool unregistered =
        selected && m_model->statusAt(row).state == DeviceStatus::State::Unregistered;
    m_terminalAction->setEnabled(selected);
    m_systemTerminalAction->setEnabled(selected);
    m_copyCommandAction->setEnabled(selected);
    m_overridesAction->setEnabled(registered || !m_labels->currentData().toString().isEmpty());
    m_adoptAction->setEnabled(unregistered);
    m_uploadAction->setEnabled(!selectedOrLabelled().isEmpty());
    m_downloadAction->setEnabled(registered);
    m_openPortAction->setEnabled(registered && !m_openPorts->isOpening());
    m_upgradeAction->setEnabled(selected && !m_model->statusAt(row).tunnelKey.isEmpty() &&
                                !m_fleet->isUpgrading());
    m_profileAction->setEnabled(selected && !m_model->statusAt(row).tunnelKey.isEmpty());
}

void MainWindow::upgradeDevice(int modelRow)
{
    if (modelRow < 0 || m_fleet->isUpgrading()) {
        return;
    }
    const DeviceStatus status = m_model->statusAt(modelRow);
    auto relay = RelayStore(m_fleet->paths().relaysFile()).find(status.relay);
    if (!relay) {
        QMessageBox::warning(this, tr("Upgrade"), relay.error().message);
        return;
    }
    const DeviceUpgrade::Options options;
    const QString question =
        tr("Upgrade the Relay Fleet files on %1 to version %2?\n\nIts tunnel restarts: the "
           "device tries the new runner and switches to it only once it has a working tunnel; "
           "otherwise it goes back to its current runner by itself within %3 s.")
            .arg(status.name.isEmpty() ? status.id : status.name)
            .arg(DeviceFiles::currentVersion())
            .arg(options.watchdogSeconds);
    QMessageBox ask(QMessageBox::Question, tr("Upgrade"), question,
                    QMessageBox::Yes | QMessageBox::Cancel, this);
    ask.setObjectName(QStringLiteral("upgradeQuestionDialog"));
    ask.button(QMessageBox::Yes)->setObjectName(QStringLiteral("upgradeYesButton"));
    if (ask.exec() != QMessageBox::Yes) {
        return;
    }
    m_fleet->upgrade(status);
}

void MainWindow::changeProfile(int modelRow)
{
    if (modelRow < 0) {
        return;
    }
    const DeviceStatus status = m_model->statusAt(modelRow);
    auto relay = RelayStore(m_fleet->paths().relaysFile()).find(status.relay);
    if (!relay) {
        QMessageBox::warning(this, tr("Device's link"), relay.error().message);
        return;
    }
    const QList<TunnelProfile::Kind> kinds{TunnelProfile::Kind::Cellular, TunnelProfile::Kind::Lan};
    QStringList items;
    QString explained;
    for (const TunnelProfile::Kind kind : kinds) {
        items << TunnelProfile::label(kind);
        explained += QStringLiteral("\n• ") + TunnelProfile::label(kind) + QStringLiteral(": ") +
                     TunnelProfile::description(kind);
    }
    // The lan profile's runner says it sends a heartbeat every 5 s.
    const int current = status.heartbeatEvery == 5 ? 1 : 0;
    bool chosen = false;
    const QString item = QInputDialog::getItem(
        this, tr("Device's link"), tr("How %1 keeps its tunnel:\n%2").arg(status.id, explained),
        items, current, false, &chosen);
    if (!chosen) {
        return;
    }
    m_fleet->changeProfile(status, kinds.at(items.indexOf(item)));
}

void MainWindow::showSelection()
{
    updateActions();
    const int row = selectedModelRow();
    if (row < 0) {
        m_details->clear();
        return;
    }
    const DeviceStatus &status = m_model->statusAt(row);
    m_details->showDevice(status);
    m_details->showOpenPorts(m_openPorts->openFor(status.target()));
    if (m_healthHistory->needs(status)) {
        m_healthHistory->load(fleetAccess(), status);
    }
}

QList<DeviceStatus> MainWindow::selectedOrLabelled() const
{
    QList<DeviceStatus> devices;
    const int selected = selectedModelRow();
    const QString label = m_labels ? m_labels->currentData().toString() : QString();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const DeviceStatus &status = m_model->statusAt(row);
        const bool wanted =
            selected >= 0 ? row == selected : !label.isEmpty() && status.labels.contains(label);
        if (wanted && !status.id.isEmpty()) {
            devices << status;
        }
    }
    return devices;
}

void MainWindow::uploadFiles(const QStringList &files)
{
    const QList<DeviceStatus> devices = selectedOrLabelled();
    if (devices.isEmpty() || files.isEmpty()) {
        statusBar()->showMessage(
            tr("Select a registered device, or choose a label, to upload files to."));
        return;
    }
    auto *dialog = FileTransferDialog::upload(fleetAccess(), devices, files, this);
    dialog->open();
}

void MainWindow::downloadFile()
{
    const int row = selectedModelRow();
    if (row < 0 || m_model->statusAt(row).id.isEmpty()) {
        return;
    }
    const QString folder =
        QFileDialog::getExistingDirectory(this, tr("Download into folder"), QDir::homePath());
    if (folder.isEmpty()) {
        return;
    }
    auto *dialog =
        FileTransferDialog::download(fleetAccess(), m_model->statusAt(row), folder, this);
    dialog->open();
}

void MainWindow::openPort()
{
    const int row = selectedModelRow();
    if (row < 0 || m_model->statusAt(row).id.isEmpty()) {
        return;
    }
    const DeviceStatus status = m_model->statusAt(row);
    bool ok = false;
    const int port =
        QInputDialog::getInt(this, tr("Open port"),
                             tr("Port on %1 (as the device itself reaches it on 127.0.0.1):")
                                 .arg(status.name.isEmpty() ? status.id : status.name),
                             8080, 1, 65535, 1, &ok);
    if (!ok) {
        return;
    }
    statusBar()->showMessage(tr("Opening port %1 of %2…").arg(port).arg(status.id));
    m_openPorts->open(fleetAccess(), status, port);
    updateActions();
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_table->viewport() ||
        (event->type() != QEvent::DragEnter && event->type() != QEvent::DragMove &&
         event->type() != QEvent::Drop)) {
        return QMainWindow::eventFilter(watched, event);
    }
    auto *drop = static_cast<QDropEvent *>(event);
    const QModelIndex index = m_table->indexAt(drop->position().toPoint());
    QStringList files;
    for (const QUrl &url : drop->mimeData()->urls()) {
        if (url.isLocalFile()) {
            files << url.toLocalFile();
        }
    }
    const int row = index.isValid() ? m_filter->mapToSource(index).row() : -1;
    if (files.isEmpty() || row < 0 || m_model->statusAt(row).id.isEmpty()) {
        drop->ignore();
        return true;
    }
    drop->acceptProposedAction();
    if (event->type() == QEvent::Drop) {
        m_table->selectRow(index.row());
        uploadFiles(files);
    }
    return true;
}

void MainWindow::warmSelection()
{
    const int row = selectedModelRow();
    if (row < 0) {
        return;
    }
    m_fleet->warm(m_model->statusAt(row));
}

const AppPaths &MainWindow::paths() const
{
    return m_fleet->paths();
}

RelayConnections &MainWindow::relayConnections() const
{
    return m_fleet->relayConnections();
}

WarmDeviceConnections &MainWindow::warmDevices() const
{
    return *m_fleet->warmDevices();
}

std::shared_ptr<const AuditLog> MainWindow::auditLog() const
{
    return m_fleet->auditLog();
}

FleetAccess MainWindow::fleetAccess() const
{
    return m_fleet->fleetAccess();
}

int MainWindow::selectedModelRow() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : m_filter->mapToSource(rows.first()).row();
}

int MainWindow::addTab(QWidget *tab, const QString &title)
{
    const int index = m_tabs->addTab(tab, title);
    m_tabs->setCurrentIndex(index);
    return index;
}

QString MainWindow::sshCommandForSelection()
{
    const int row = selectedModelRow();
    if (row < 0) {
        statusBar()->showMessage(tr("Select a device first."));
        return {};
    }
    const DeviceStatus status = m_model->statusAt(row);
    auto relay = RelayStore(m_fleet->paths().relaysFile()).find(status.relay);
    if (!relay) {
        statusBar()->showMessage(relay.error().message);
        return {};
    }
    auto command =
        OpenSshConfig::commandFor(m_fleet->paths().home(), relay.value(), status.target());
    if (!command) {
        statusBar()->showMessage(command.error().message);
        return {};
    }
    return command.value();
}

void MainWindow::openSystemTerminal()
{
    const QString command = sshCommandForSelection();
    if (command.isEmpty()) {
        return;
    }
    const SystemTerminal::Launch launch = SystemTerminal::launchFor(
        hostPlatform(), command,
        QDir(QDir::tempPath()).filePath(QStringLiteral("relayfleet-terminal")));
    auto fallBack = [this, command](const QString &why) {
        QGuiApplication::clipboard()->setText(command);
        statusBar()->showMessage(
            tr("The system terminal could not be opened (%1); the command is on the clipboard.")
                .arg(why));
    };
    if (auto written = SystemTerminal::writeScript(launch); !written) {
        fallBack(written.error().message);
        return;
    }
    if (!launch.exitStatusTellsSuccess) {
        if (!QProcess::startDetached(launch.program, launch.arguments)) {
            fallBack(tr("%1 did not start").arg(launch.program));
        }
        return;
    }
    // `open` answers within a moment; its exit status says whether Terminal took the script.
    auto *process = new QProcess(this);
    connect(process, &QProcess::finished, this,
            [process, launch, fallBack](int exitCode, QProcess::ExitStatus status) {
                process->deleteLater();
                if (status != QProcess::NormalExit || exitCode != 0) {
                    QFile::remove(launch.scriptPath);
                    const QString said =
                        QString::fromLocal8Bit(process->readAllStandardError()).trimmed();
                    fallBack(said.isEmpty()
                                 ? tr("%1 exited with status %2").arg(launch.program).arg(exitCode)
                                 : said);
                }
            });
    connect(process, &QProcess::errorOccurred, this,
            [process, launch, fallBack](QProcess::ProcessError error) {
                if (error == QProcess::FailedToStart) {
                    process->deleteLater();
                    QFile::remove(launch.scriptPath);
                    fallBack(tr("%1 did not start").arg(launch.program));
                }
            });
    process->start(launch.program, launch.arguments);
}

void MainWindow::openTerminal(int modelRow)
{
    if (modelRow < 0 || modelRow >= m_model->rowCount()) {
        return;
    }
    const DeviceStatus status = m_model->statusAt(modelRow);
    auto relay = RelayStore(m_fleet->paths().relaysFile()).find(status.relay);
    if (!relay) {
        statusBar()->showMessage(relay.error().message);
        return;
    }
    FleetAccess access = fleetAccess();
    // Host keys are checked against the pins; the tab asks about first-seen keys and refuses
    // changed ones (HostKeyDialog). An unregistered tunnel's key is checked for this once.
    access.deviceHostKeyPolicy.persist = !status.id.isEmpty();
    auto *tab = new TerminalTab(std::move(access), status.target(), m_fleet->warmDevices(), m_tabs);
    addTab(tab, status.name.isEmpty() ? QStringLiteral("%1:%2").arg(status.relay).arg(status.port)
                                      : status.name);
    connect(tab, &TerminalTab::titleChanged, this, [this, tab](const QString &title) {
        m_tabs->setTabToolTip(m_tabs->indexOf(tab), title);
    });
    tab->connectSession();
}

void MainWindow::openOverrides(int modelRow, const QString &label)
{
    QList<DeviceStatus> devices;
    if (!label.isEmpty()) {
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (!m_model->statusAt(row).id.isEmpty() &&
                m_model->statusAt(row).labels.contains(label)) {
                devices << m_model->statusAt(row);
            }
        }
    } else if (modelRow >= 0 && modelRow < m_model->rowCount() &&
               !m_model->statusAt(modelRow).id.isEmpty()) {
        devices << m_model->statusAt(modelRow);
    }
    if (devices.isEmpty()) {
        statusBar()->showMessage(
            tr("Select a registered device, or choose a label, to edit its overrides."));
        return;
    }
    auto *editor = new OverridesEditor(m_fleet->paths(), fleetAccess(), devices, label, m_tabs);
    addTab(editor, editor->title());
    connect(editor, &OverridesEditor::pushFinished, this, &MainWindow::showSelection);
    editor->readApplied(); // what the devices run now, next to what is desired
}

void MainWindow::openAdopt(int modelRow)
{
    if (modelRow < 0 || modelRow >= m_model->rowCount() ||
        m_model->statusAt(modelRow).state != DeviceStatus::State::Unregistered) {
        statusBar()->showMessage(tr("Select a hand-made (unregistered) tunnel to adopt."));
        return;
    }
    auto *dialog = new AdoptDialog(fleetAccess(), m_model->statusAt(modelRow), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AdoptDialog::adopted, this, [this](const QString &id) {
        statusBar()->showMessage(tr("Adopted %1.").arg(id));
        refresh();
    });
    dialog->open();
}

void MainWindow::openAuditLog()
{
    const int row = selectedModelRow();
    QString device;
    if (row >= 0) {
        const DeviceStatus status = m_model->statusAt(row);
        device = status.target().idOrPort();
    }
    auto *dialog = new AuditLogDialog(m_fleet->paths(), device, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::openAlertSettings()
{
    auto *dialog = new AlertSettingsDialog(m_alerts->rules(), m_model->allLabels(),
                                           m_fleet->paths().alertRulesFile(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { m_alerts->setRules(dialog->rules()); });
    dialog->open();
}

AlertRules MainWindow::loadAlertRules()
{
    const QString path = m_fleet->paths().alertRulesFile();
    const bool saved = QFileInfo::exists(path);
    auto rules = AlertRules::load(path);
    if (!rules) {
        // The file stays as it is until the user saves View -> Alerts again.
        statusBar()->showMessage(tr("The alert settings cannot be read, the defaults apply: %1")
                                     .arg(rules.error().message));
        return AlertRules{};
    }
    if (const auto minutes = m_settings->takeLegacyAlertOfflineMinutes(); minutes && !saved) {
        rules->offlineSeconds =
            *minutes > 0 ? AlertRules::Limit(qint64(*minutes) * 60) : std::nullopt;
        if (auto written = rules->save(path); !written) {
            statusBar()->showMessage(written.error().message);
        }
    }
    return rules.value();
}

void MainWindow::openKeySetup()
{
    auto *wizard = new KeySetupWizard(m_fleet->paths(), this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &QDialog::finished, this, [this] { refresh(); });
    wizard->open();
}

void MainWindow::openEnrol()
{
    QList<DeviceStatus> tunnels;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->statusAt(row).state == DeviceStatus::State::Unregistered) {
            tunnels << m_model->statusAt(row);
        }
    }
    auto *wizard = new EnrolWizard(m_fleet->paths(), tunnels, this);
    wizard->setRelayConnections(m_fleet->sharedConnections());
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &QDialog::finished, this, [this] { refresh(); });
    wizard->open();
}

void MainWindow::startDemo()
{
    if (m_demo) {
        return;
    }
    m_demo = new DemoLab(this);
    m_demoAction->setEnabled(false);
    m_welcome->setEnabled(false);
    statusBar()->showMessage(
        tr("Starting the demo lab: a relay and three devices on this computer…"));
    connect(m_demo, &DemoLab::ready, this, [this](const QString &home) {
        m_welcome->setEnabled(true);
        setWindowTitle(tr("Relay Fleet — demo lab"));
        switchHome(AppPaths::resolve(home));
        Q_EMIT demoReady();
    });
    connect(m_demo, &DemoLab::failed, this, [this](const QString &message) {
        m_welcome->setEnabled(true);
        m_demoAction->setEnabled(true);
        statusBar()->showMessage(message);
        m_demo->deleteLater();
        m_demo = nullptr;
    });
    m_demo->start();
}

void MainWindow::switchHome(AppPaths paths)
{
    while (m_tabs->count() > 1) {
        QWidget *tab = m_tabs->widget(1);
        m_tabs->removeTab(1);
        tab->deleteLater();
    }
    m_fleet->switchHome(std::move(paths));
    m_openPorts->reset();
    m_alerts->reset(loadAlertRules(), auditLog());
    m_healthHistory->forget();
    m_details->setHome(m_fleet->paths().home());
    showSelection();
}

void MainWindow::showWelcome(bool show)
{
    m_welcome->setVisible(show);
}

void MainWindow::refresh()
{
    m_fleet->refresh();
}

void MainWindow::checkDevices()
{
    m_fleet->checkDevices();
}

} // namespace relayfleet::gui
