#include "audit/AuditLogDialog.h"

#include "audit/AuditLog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace relayfleet::gui {

namespace {
// The newest this many: enough for weeks of a small fleet, quick to read and draw.
constexpr int kShownEntries = 2000;
constexpr int kMaxColumnWidth = 320;
} // namespace

AuditLogDialog::AuditLogDialog(AppPaths paths, const QString &device, QWidget *parent)
    : QDialog(parent)
    , m_paths(std::move(paths))
{
    setObjectName(QStringLiteral("auditLogDialog"));
    setWindowTitle(tr("Audit log"));
    resize(1000, 520);
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Device:"), this));
    m_device = new QComboBox(this);
    m_device->setObjectName(QStringLiteral("auditDevice"));
    m_device->addItem(tr("All devices"), QString());
    if (!device.isEmpty()) {
        m_device->addItem(device, device);
        m_device->setCurrentIndex(1);
    }
    top->addWidget(m_device, 1);
    auto *refresh = new QPushButton(tr("Refresh"), this);
    refresh->setObjectName(QStringLiteral("auditRefresh"));
    top->addWidget(refresh);
    layout->addLayout(top);

    m_table = new QTableWidget(0, 7, this);
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("Time"), tr("Device"), tr("Action"), tr("Outcome"), tr("What"), tr("By"), tr("Key")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    layout->addWidget(m_table, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("auditStatus"));
    m_status->setTextFormat(Qt::PlainText);
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(refresh, &QPushButton::clicked, this, &AuditLogDialog::reload);
    connect(m_device, &QComboBox::currentIndexChanged, this, &AuditLogDialog::reload);
    reload();
}

void AuditLogDialog::reload()
{
    const QString device = m_device->currentData().toString();
    const auto entries =
        AuditLog(m_paths.home(), QStringLiteral("relayfleet")).entries(device, kShownEntries);
    m_table->setRowCount(0);
    if (!entries) {
        m_status->setText(entries.error().message);
        return;
    }
    // Every device the log names, for the filter (kept as it is while one is chosen).
    if (device.isEmpty()) {
        QStringList known;
        for (const AuditLog::Entry &entry : entries.value()) {
            if (!known.contains(entry.device)) {
                known << entry.device;
            }
        }
        known.sort();
        const QSignalBlocker quiet(m_device);
        for (const QString &name : known) {
            if (m_device->findData(name) < 0) {
                m_device->addItem(name, name);
            }
        }
    }
    m_table->setRowCount(int(entries->size()));
    int row = 0;
    // Newest first: what the user just did is at the top.
    for (auto it = entries->crbegin(); it != entries->crend(); ++it, ++row) {
        const AuditLog::Entry &entry = *it;
        QString what = entry.details.value(QStringLiteral("command")).toString();
        if (what.isEmpty() && !entry.details.isEmpty()) {
            what = QString::fromUtf8(QJsonDocument(entry.details).toJson(QJsonDocument::Compact));
        }
        const QStringList cells{QLocale().toString(entry.time.toLocalTime(), QLocale::ShortFormat),
                                entry.device,
                                AuditLog::actionLabel(entry.action),
                                (entry.ok ? tr("ok") : tr("failed")) + QStringLiteral(" — ") +
                                    entry.result,
                                what,
                                entry.program,
                                entry.key};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(cells.at(column));
            if (!entry.ok) {
                item->setForeground(QColor(0xb0, 0x20, 0x20));
            }
            m_table->setItem(row, column, item);
        }
    }
    m_table->resizeColumnsToContents();
    // A long reason or command is elided (its tooltip has it whole): every column stays in view.
    for (int column = 0; column < m_table->columnCount(); ++column) {
        m_table->setColumnWidth(column, std::min(m_table->columnWidth(column), kMaxColumnWidth));
    }
    m_status->setText(
        tr("%n action(s) shown, newest first; the log is %1.", nullptr, int(entries->size()))
            .arg(m_paths.auditLogFile()));
}

} // namespace relayfleet::gui
