#include "MainWindow.h"

#include "RelayStore.h"

#include <QLabel>
#include <QListWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace relayfleet::gui {

MainWindow::MainWindow(AppPaths paths, QWidget *parent)
    : QMainWindow(parent), m_paths(std::move(paths))
{
    setWindowTitle(tr("Relay Fleet"));
    setObjectName(QStringLiteral("mainWindow"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    auto *heading = new QLabel(tr("Relays"), central);
    heading->setObjectName(QStringLiteral("relaysHeading"));
    QFont font = heading->font();
    font.setBold(true);
    heading->setFont(font);
    m_relays = new QListWidget(central);
    m_relays->setObjectName(QStringLiteral("relayList"));
    layout->addWidget(heading);
    layout->addWidget(m_relays);
    setCentralWidget(central);
    resize(720, 480);
    reloadRelays();
}

void MainWindow::reloadRelays()
{
    m_relays->clear();
    RelayStore store(m_paths.relaysFile());
    auto relays = store.load();
    if (!relays) {
        statusBar()->showMessage(relays.error().message);
        return;
    }
    for (const RelayConfig &relay : relays.value()) {
        m_relays->addItem(QStringLiteral("%1 — %2").arg(relay.name, relay.displayAddress()));
    }
    statusBar()->showMessage(relays->isEmpty()
                                 ? tr("No relay configured yet. Add one with relayfleet-cli "
                                      "relay add NAME user@host.")
                                 : tr("Relays configured: %1").arg(relays->size()));
}

} // namespace relayfleet::gui
