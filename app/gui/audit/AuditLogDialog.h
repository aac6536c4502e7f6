#pragma once

#include "base/AppPaths.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QTableWidget;

namespace relayfleet::gui {

// View -> Audit log: what was done to devices from this machine, by the window and the CLI
// (core AuditLog), newest first, one device or all; failed actions stand out.
class AuditLogDialog : public QDialog
{
    Q_OBJECT

public:
    // `device`: shown alone at first (empty: every device).
    AuditLogDialog(AppPaths paths, const QString &device, QWidget *parent = nullptr);

    // Reads the log again (the Refresh button does the same).
    void reload();
    QTableWidget *table() const { return m_table; }

private:
    AppPaths m_paths;
    QComboBox *m_device = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace relayfleet::gui
