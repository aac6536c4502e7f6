#pragma once

#include "AppPaths.h"

#include <QMainWindow>

class QListWidget;

namespace relayfleet::gui {

// The fleet window. For now it lists the configured relays; devices, terminals and wizards
// hang off it as they arrive.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(AppPaths paths, QWidget *parent = nullptr);

    void reloadRelays();

private:
    AppPaths m_paths;
    QListWidget *m_relays = nullptr;
};

} // namespace relayfleet::gui
