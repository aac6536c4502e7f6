#include "MainWindow.h"

#include "DeviceDetailsPane.h"
#include "FleetFilterModel.h"
#include "FleetModel.h"
#include "FleetRefreshJob.h"
#include "FleetStatusDelegate.h"
#include "KeyStore.h"
#include "OpenSshConfig.h"
#include "KeychainSecretStore.h"
#include "RelayStore.h"
#include "TerminalTab.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QProcess>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>

namespace relayfleet::gui {

namespace {

constexpr int kAutoRefreshMs = 30000;

// Logs in with the relay's key; the app's own keys open with their keychain passphrase, since
// nobody can be asked from a worker thread.
Credentials appCredentials(const QString &home, const QString &identity)
{
    Credentials credentials;
    credentials.identityFile = identity;
    credentials.passphrase = [home](const QString &file) -> std::optional<QString> {
        KeychainSecretStore keychain;
        KeyStore keys(home, &keychain);
        if (const auto key = keys.findByPath(file)) {
            if (auto secret = keys.passphrase(*key)) {
                return secret.value();
            }
        }
        return std::nullopt;
    };
    return credentials;
}

} // namespace

MainWindow::MainWindow(AppPaths paths, QWidget *parent)
    : QMainWindow(parent), m_paths(std::move(paths)), m_model(new FleetModel(this)), m_filter(new FleetFilterModel(this))
{
    setWindowTitle(tr("Relay Fleet"));
    setObjectName(QStringLiteral("mainWindow"));
    m_filter->setSourceModel(m_model);

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

    m_details = new DeviceDetailsPane(this);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->addTab(splitter, tr("Fleet"));
    m_tabs->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr); // the fleet stays
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        if (index > 0) {
            QWidget *tab = m_tabs->widget(index);
            m_tabs->removeTab(index);
            tab->deleteLater();
        }
    });
    setCentralWidget(m_tabs);
    connect(m_table, &QTableView::activated, this,
            [this](const QModelIndex &index) { openTerminal(m_filter->mapToSource(index).row()); });
    buildToolBar();

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::showSelection);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateLabelFilter);
    m_autoRefresh = new QTimer(this);
    m_autoRefresh->setInterval(kAutoRefreshMs);
    connect(m_autoRefresh, &QTimer::timeout, this, &MainWindow::refresh);
    m_autoRefresh->start();
    resize(1000, 560);
    QTimer::singleShot(0, this, &MainWindow::refresh);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildToolBar()
{
    auto *toolBar = addToolBar(tr("Fleet"));
    toolBar->setObjectName(QStringLiteral("fleetToolBar"));
    toolBar->setMovable(false);
    auto *refreshAction = toolBar->addAction(tr("Refresh"), this, &MainWindow::refresh);
    refreshAction->setObjectName(QStringLiteral("refreshAction"));
    refreshAction->setShortcut(QKeySequence::Refresh);
    auto *terminalAction = toolBar->addAction(tr("Terminal"), this, [this] { openTerminal(selectedModelRow()); });
    terminalAction->setObjectName(QStringLiteral("terminalAction"));
    auto *systemTerminal = toolBar->addAction(tr("System terminal"), this, [this] {
        const QString command = sshCommandForSelection();
        if (command.isEmpty()) {
            return;
        }
#ifdef Q_OS_MACOS
        QString escaped = command;
        escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
        const bool started = QProcess::startDetached(
            QStringLiteral("osascript"),
            {QStringLiteral("-e"), QStringLiteral("tell application \"Terminal\" to do script \"%1\"").arg(escaped)});
#else
        const bool started = QProcess::startDetached(QStringLiteral("x-terminal-emulator"),
                                                     {QStringLiteral("-e"), QStringLiteral("sh"), QStringLiteral("-c"), command});
#endif
        if (!started) {
            statusBar()->showMessage(tr("No terminal program could be started; the command is on the clipboard."));
            QGuiApplication::clipboard()->setText(command);
        }
    });
    systemTerminal->setObjectName(QStringLiteral("systemTerminalAction"));
    auto *copyCommand = toolBar->addAction(tr("Copy SSH command"), this, [this] {
        const QString command = sshCommandForSelection();
        if (!command.isEmpty()) {
            QGuiApplication::clipboard()->setText(command);
            statusBar()->showMessage(tr("Copied: %1").arg(command));
        }
    });
    copyCommand->setObjectName(QStringLiteral("copySshCommandAction"));
    toolBar->addSeparator();
    m_search = new QLineEdit(toolBar);
    m_search->setObjectName(QStringLiteral("searchBox"));
    m_search->setPlaceholderText(tr("Search devices"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(320);
    toolBar->addWidget(m_search);
    m_labels = new QComboBox(toolBar);
    m_labels->setObjectName(QStringLiteral("labelFilter"));
    m_labels->addItem(tr("All labels"), QString());
    toolBar->addWidget(m_labels);
    connect(m_search, &QLineEdit::textChanged, m_filter, &FleetFilterModel::setSearchText);
    connect(m_labels, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setLabel(m_labels->currentData().toString()); });
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

void MainWindow::showSelection()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        m_details->clear();
        return;
    }
    m_details->showDevice(m_model->statusAt(m_filter->mapToSource(rows.first()).row()));
}

int MainWindow::selectedModelRow() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : m_filter->mapToSource(rows.first()).row();
}

QString MainWindow::sshCommandForSelection()
{
    const int row = selectedModelRow();
    if (row < 0) {
        statusBar()->showMessage(tr("Select a device first."));
        return {};
    }
    const DeviceStatus status = m_model->statusAt(row);
    auto relay = RelayStore(m_paths.relaysFile()).find(status.relay);
    if (!relay) {
        statusBar()->showMessage(relay.error().message);
        return {};
    }
    DeviceTarget target;
    target.relay = status.relay;
    target.port = status.port;
    target.deviceId = status.id;
    if (!status.user.isEmpty()) {
        target.user = status.user;
    }
    auto command = OpenSshConfig::commandFor(m_paths.home(), relay.value(), target);
    if (!command) {
        statusBar()->showMessage(command.error().message);
        return {};
    }
    return command.value();
}

void MainWindow::openTerminal(int modelRow)
{
    if (modelRow < 0 || modelRow >= m_model->rowCount()) {
        return;
    }
    const DeviceStatus status = m_model->statusAt(modelRow);
    auto relay = RelayStore(m_paths.relaysFile()).find(status.relay);
    if (!relay) {
        statusBar()->showMessage(relay.error().message);
        return;
    }
    TerminalSession::Request request;
    request.relay = relay.value();
    request.target.relay = status.relay;
    request.target.port = status.port;
    request.target.deviceId = status.id;
    if (!status.user.isEmpty()) {
        request.target.user = status.user;
    }
    request.knownHostsPath = m_paths.knownHostsFile();
    request.credentials = appCredentials(m_paths.home(), relay->identityFile);
    // Host keys are checked against the pins; the tab asks about first-seen keys and refuses
    // changed ones (HostKeyDialog). An unregistered tunnel's key is checked for this once.
    request.deviceHostKeyPolicy.persist = !status.id.isEmpty();
    auto *tab = new TerminalTab(request, m_tabs);
    const QString name = status.name.isEmpty() ? QStringLiteral("%1:%2").arg(status.relay).arg(status.port) : status.name;
    const int index = m_tabs->addTab(tab, name);
    connect(tab, &TerminalTab::titleChanged, this, [this, tab](const QString &title) {
        m_tabs->setTabToolTip(m_tabs->indexOf(tab), title);
    });
    m_tabs->setCurrentIndex(index);
    tab->connectSession();
}

void MainWindow::refresh()
{
    if (m_job) {
        return; // one refresh at a time
    }
    RelayStore store(m_paths.relaysFile());
    auto relays = store.load();
    if (!relays) {
        statusBar()->showMessage(relays.error().message);
        return;
    }
    if (relays->isEmpty()) {
        statusBar()->showMessage(tr("No relay configured yet. Add one with relayfleet-cli relay add NAME user@host."));
        return;
    }
    FleetRefreshJob::Request request;
    request.relays = relays.value();
    request.knownHostsPath = m_paths.knownHostsFile();
    const QString home = m_paths.home();
    request.credentials = [home](const RelayConfig &relay) { return appCredentials(home, relay.identityFile); };
    m_failures.clear();
    m_job = new FleetRefreshJob(std::move(request), this);
    connect(m_job, &FleetRefreshJob::relayScanned, this,
            [this](const QString &relay, const QList<DeviceStatus> &statuses) {
                m_model->setRelayStatuses(relay, statuses);
                showSelection();
            });
    connect(m_job, &FleetRefreshJob::relayFailed, this,
            [this](const QString &, const QString &message) { m_failures << message; });
    connect(m_job, &FleetRefreshJob::finished, this, [this] {
        m_job->deleteLater();
        m_job = nullptr;
        statusBar()->showMessage(m_failures.isEmpty()
                                     ? tr("%1 devices and tunnels, refreshed %2")
                                           .arg(m_model->rowCount())
                                           .arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat))
                                     : m_failures.join(QLatin1Char(' ')));
        m_table->resizeColumnsToContents();
        Q_EMIT refreshFinished();
    });
    statusBar()->showMessage(tr("Refreshing…"));
    m_job->start();
}

} // namespace relayfleet::gui
