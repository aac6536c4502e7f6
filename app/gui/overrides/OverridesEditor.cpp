#include "overrides/OverridesEditor.h"

#include "base/WorkerTask.h"
#include "overrides/DesiredOverrides.h"
#include "overrides/OverrideProtocol.h"
#include "overrides/PushHistory.h"

#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace relayfleet::gui {

namespace {

struct AppliedReading
{
    QJsonArray rows;
    QJsonObject accepts; // what the programs take, as the first that says tells
};

// Desired against applied, device by device (on the worker): one row per variable, or one
// row saying why the device's values are unknown.
AppliedReading readAppliedValues(const FleetAccess &access, const QList<DeviceTarget> &targets,
                                 const QList<QJsonObject> &desired, WorkerTask &task)
{
    AppliedReading reading;
    for (qsizetype i = 0; i < targets.size() && !task.cancelToken().isCancelled(); ++i) {
        task.reportProgress(static_cast<int>(i), static_cast<int>(targets.size()),
                            targets[i].idOrPort());
        const QString device = targets[i].idOrPort();
        auto compared = FleetOverrides::compare(access, targets[i], desired[i],
                                                QLatin1String(OverrideProtocol::kDefaultFifo),
                                                task.cancelToken());
        if (!compared) {
            reading.rows.append(
                QJsonObject{{QStringLiteral("device"), device},
                            {QStringLiteral("in_sync"), false},
                            {QStringLiteral("status"), QStringLiteral("unreachable")},
                            {QStringLiteral("error"), compared.error().message}});
            continue;
        }
        if (reading.accepts.isEmpty()) {
            reading.accepts = compared->accepts;
        }
        const bool inSync = compared->problem.isEmpty() && compared->inSync();
        if (!compared->problem.isEmpty()) {
            reading.rows.append(
                QJsonObject{{QStringLiteral("device"), device},
                            {QStringLiteral("in_sync"), false},
                            {QStringLiteral("status"), QStringLiteral("not-running")},
                            {QStringLiteral("error"), compared->problem}});
        }
        for (const QJsonValue &row : compared->rowsJson()) {
            QJsonObject entry = row.toObject();
            entry.insert(QStringLiteral("device"), device);
            entry.insert(QStringLiteral("in_sync"), inSync);
            reading.rows.append(entry);
        }
        if (compared->rows.isEmpty() && compared->problem.isEmpty()) {
            reading.rows.append(QJsonObject{{QStringLiteral("device"), device},
                                            {QStringLiteral("in_sync"), true},
                                            {QStringLiteral("status"), QStringLiteral("ok")}});
        }
    }
    return reading;
}

} // namespace

namespace {

QTableWidgetItem *readOnlyItem(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

QString jsonText(const QJsonValue &value)
{
    return value.isUndefined() ? QString()
                               : QString::fromUtf8(OverrideAssignment::canonical(value));
}

// What a program rejected, and the devices where a push was not applied: readable on light
// and dark themes.
const QColor kErrorColour(0xd0, 0x30, 0x30);

} // namespace

// Which devices the values are for, and how a value is written.
QString OverridesEditor::scopeText() const
{
    QStringList names;
    for (const DeviceStatus &device : std::as_const(m_devices)) {
        names << device.target().idOrPort();
    }
    return m_label.isEmpty()
               ? tr("Desired values for %1. VALUE is JSON: 2.5, \"text\", true, null.")
                     .arg(names.join(QStringLiteral(", ")))
               : tr("Desired values for label @%1 (%2 devices: %3). VALUE is JSON: 2.5, "
                    "\"text\", true, null.")
                     .arg(m_label)
                     .arg(m_devices.size())
                     .arg(names.join(QStringLiteral(", ")));
}

// Add and Remove edit the table; Read applied, Push and Cancel talk to the devices.
QHBoxLayout *OverridesEditor::buildButtons()
{
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add"), this);
    add->setObjectName(QStringLiteral("addOverrideButton"));
    auto *remove = new QPushButton(tr("Remove"), this);
    remove->setObjectName(QStringLiteral("removeOverrideButton"));
    m_push = new QPushButton(tr("Push"), this);
    m_push->setObjectName(QStringLiteral("pushButton"));
    m_push->setDefault(true);
    m_read = new QPushButton(tr("Read applied"), this);
    m_read->setObjectName(QStringLiteral("readAppliedButton"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setEnabled(false);
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    buttons->addWidget(m_read);
    buttons->addWidget(m_push);
    buttons->addWidget(m_cancel);
    connect(add, &QPushButton::clicked, this, [this] {
        addRow();
        m_values->editItem(m_values->item(m_values->rowCount() - 1, 0));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_values->currentRow() >= 0) {
            m_values->removeRow(m_values->currentRow());
        }
    });
    return buttons;
}

OverridesEditor::OverridesEditor(AppPaths paths, FleetAccess access, QList<DeviceStatus> devices,
                                 QString label, QWidget *parent)
    : QWidget(parent)
    , m_paths(std::move(paths))
    , m_access(std::move(access))
    , m_devices(std::move(devices))
    , m_label(std::move(label))
    , m_task(new WorkerTask(this))
{
    setObjectName(QStringLiteral("overridesEditor"));
    auto *layout = new QVBoxLayout(this);
    auto *scope = new QLabel(this);
    scope->setTextFormat(Qt::PlainText);
    scope->setWordWrap(true);
    scope->setText(scopeText());
    layout->addWidget(scope);

    m_accepted = new QLabel(this);
    m_accepted->setObjectName(QStringLiteral("acceptedNames"));
    m_accepted->setTextFormat(Qt::PlainText);
    m_accepted->setWordWrap(true);
    m_accepted->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_accepted->hide();
    layout->addWidget(m_accepted);

    m_values = new QTableWidget(0, 2, this);
    m_values->setObjectName(QStringLiteral("overrideValues"));
    m_values->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    m_values->horizontalHeader()->setStretchLastSection(true);
    m_values->verticalHeader()->hide();
    layout->addWidget(m_values, 1);

    layout->addLayout(buildButtons());

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);
    m_progress->hide();
    layout->addWidget(m_progress);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("overridesMessage"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    m_results = new QTableWidget(0, 3, this);
    m_results->setObjectName(QStringLiteral("overrideResults"));
    m_results->setHorizontalHeaderLabels({tr("Device"), tr("Result"), tr("Details")});
    m_results->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_results->verticalHeader()->hide();
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_results, 1);

    connect(m_push, &QPushButton::clicked, this, &OverridesEditor::push);
    connect(m_read, &QPushButton::clicked, this, &OverridesEditor::readApplied);
    connect(m_cancel, &QPushButton::clicked, m_task, &WorkerTask::cancel);
    connect(m_task, &WorkerTask::progress, this, [this](int step, int steps, const QString &what) {
        m_progress->setRange(0, steps);
        m_progress->setValue(step);
        m_message->setText(what);
    });
    loadDesired();
}

OverridesEditor::~OverridesEditor() = default;

QString OverridesEditor::title() const
{
    if (!m_label.isEmpty()) {
        return tr("Overrides @%1").arg(m_label);
    }
    const DeviceStatus &device = m_devices.value(0);
    return tr("Overrides %1").arg(device.id.isEmpty() ? QString::number(device.port) : device.id);
}

void OverridesEditor::addRow(const QString &name, const QString &value)
{
    const int row = m_values->rowCount();
    m_values->insertRow(row);
    m_values->setItem(row, 0, new QTableWidgetItem(name));
    m_values->setItem(row, 1, new QTableWidgetItem(value));
}

void OverridesEditor::setValues(const QList<QPair<QString, QString>> &rows)
{
    m_values->setRowCount(0);
    for (const auto &[name, value] : rows) {
        addRow(name, value);
    }
}

void OverridesEditor::loadDesired()
{
    DesiredOverrides store(m_paths.home());
    const DeviceStatus device = m_devices.value(0);
    const auto desired = m_label.isEmpty() ? store.desiredFor(device.id, device.labels)
                                           : store.desiredFor({}, {m_label});
    if (!desired) {
        m_message->setText(desired.error().message);
        return;
    }
    for (auto it = desired->begin(); it != desired->end(); ++it) {
        addRow(it.key(), jsonText(it.value()));
    }
}

Result<QList<OverrideAssignment>> OverridesEditor::assignments() const
{
    QList<OverrideAssignment> list;
    for (int row = 0; row < m_values->rowCount(); ++row) {
        const QString name =
            m_values->item(row, 0) ? m_values->item(row, 0)->text().trimmed() : QString();
        const QString value =
            m_values->item(row, 1) ? m_values->item(row, 1)->text().trimmed() : QString();
        if (name.isEmpty() && value.isEmpty()) {
            continue;
        }
        auto assignment = OverrideAssignment::parse(name + QLatin1Char('=') + value);
        if (!assignment) {
            return Error::make(Error::Code::InvalidInput,
                               tr("Row %1: %2").arg(row + 1).arg(assignment.error().message));
        }
        list << assignment.value();
    }
    if (list.isEmpty()) {
        return Error::make(Error::Code::InvalidInput,
                           tr("Add at least one NAME and VALUE to push."));
    }
    return list;
}

QList<DeviceTarget> OverridesEditor::targets() const
{
    QList<DeviceTarget> targets;
    for (const DeviceStatus &device : m_devices) {
        targets << device.target();
    }
    return targets;
}

void OverridesEditor::setBusy(bool busy, const QString &what)
{
    m_push->setEnabled(!busy);
    m_read->setEnabled(!busy);
    m_cancel->setEnabled(busy);
    m_progress->setVisible(busy);
    m_progress->setRange(0, 0);
    if (busy) {
        m_message->setText(what);
    }
}

void OverridesEditor::push()
{
    if (m_task->isRunning()) {
        return;
    }
    // Everything is validated before anything is sent.
    auto list = assignments();
    if (!list) {
        m_message->setText(list.error().message);
        return;
    }
    auto push =
        OverridePush::prepare(list.value(), QLatin1String(OverrideProtocol::kDefaultFifo), 5);
    if (!push) {
        m_message->setText(push.error().message);
        return;
    }
    DesiredOverrides store(m_paths.home());
    const auto saved = m_label.isEmpty() ? store.setForDevice(m_devices.value(0).id, list.value())
                                         : store.setForLabel(m_label, list.value());
    if (!saved) {
        m_message->setText(saved.error().message);
        return;
    }
    const FleetAccess &access = m_access;
    const auto targets = this->targets();
    setBusy(true, tr("Pushing to %n device(s)…", nullptr, static_cast<int>(targets.size())));
    m_task->start<QList<PushResult>>(
        [access, targets, push = push.value()](WorkerTask &task) {
            return FleetOverrides::send(access, targets, push, task.cancelToken());
        },
        [this, push = push.value(), targets](const QList<PushResult> &answers) {
            setBusy(false);
            const auto applied =
                std::count_if(answers.cbegin(), answers.cend(),
                              [](const PushResult &answer) { return answer.applied; });
            QStringList names;
            for (const DeviceTarget &target : targets) {
                names << target.idOrPort();
            }
            const auto recorded =
                PushHistory(m_paths.home())
                    .record(push.sequence(),
                            m_label.isEmpty() ? names : QStringList{QLatin1Char('@') + m_label},
                            push.assignments(), answers);
            m_message->setText(
                m_task->cancelToken().isCancelled()
                    ? tr("Cancelled: applied on %1 of %2 devices.").arg(applied).arg(answers.size())
                    : tr("Applied on %1 of %2 devices.").arg(applied).arg(answers.size()));
            if (!recorded) {
                m_message->setText(
                    m_message->text() + QLatin1Char(' ') +
                    tr("The push is not in the history: %1").arg(recorded.error().message));
            }
            showResults(PushResult::toJson(answers));
            markRejected(answers);
            for (const PushResult &answer : answers) {
                if (!answer.accepts.isEmpty()) {
                    showAccepted(answer.accepts);
                    break;
                }
            }
            Q_EMIT pushFinished();
        });
}

void OverridesEditor::readApplied()
{
    if (m_task->isRunning()) {
        return;
    }
    const FleetAccess &access = m_access;
    const auto targets = this->targets();
    QList<QJsonObject> desired;
    DesiredOverrides store(m_paths.home());
    for (const DeviceStatus &device : std::as_const(m_devices)) {
        auto wanted = store.desiredFor(device.id, device.labels);
        desired << (wanted ? wanted.value() : QJsonObject());
    }
    setBusy(true, tr("Reading the applied values…"));
    m_task->start<AppliedReading>(
        [access, targets, desired](WorkerTask &task) {
            return readAppliedValues(access, targets, desired, task);
        },
        [this](const AppliedReading &reading) {
            setBusy(false);
            if (!reading.accepts.isEmpty()) {
                showAccepted(reading.accepts);
            }
            int inSync = 0;
            int devices = 0;
            QString last;
            for (const QJsonValue &row : reading.rows) {
                const QString device = row.toObject().value(QStringLiteral("device")).toString();
                if (device != last) {
                    ++devices;
                    last = device;
                    inSync += row.toObject().value(QStringLiteral("in_sync")).toBool() ? 1 : 0;
                }
            }
            m_message->setText(
                tr("%1 of %2 devices have the desired values.").arg(inSync).arg(devices));
            showResults(reading.rows);
            Q_EMIT readFinished();
        });
}

void OverridesEditor::showResults(const QJsonArray &rows)
{
    m_lastResults = rows;
    m_results->setRowCount(0);
    for (const QJsonValue &value : rows) {
        const QJsonObject row = value.toObject();
        QString result;
        QString details;
        const QString status = row.value(QStringLiteral("status")).toString();
        if (status.isEmpty()) { // a push answer
            QStringList rejected;
            for (const QJsonValue &variable : row.value(QStringLiteral("variables")).toArray()) {
                if (!variable.toObject().value(QStringLiteral("applied")).toBool()) {
                    rejected
                        << tr("%1 rejected (%2)")
                               .arg(variable.toObject().value(QStringLiteral("name")).toString(),
                                    variable.toObject().value(QStringLiteral("reason")).toString());
                }
            }
            result = row.value(QStringLiteral("applied")).toBool()    ? tr("applied")
                     : row.value(QStringLiteral("received")).toBool() ? tr("not applied")
                     : row.value(QStringLiteral("ok")).toBool()
                         ? tr("written, not confirmed in time")
                         : tr("failed");
            details = !rejected.isEmpty() ? rejected.join(QStringLiteral("; "))
                      : row.value(QStringLiteral("error")).isString()
                          ? row.value(QStringLiteral("error")).toString()
                          : QString::fromUtf8(
                                QJsonDocument(row.value(QStringLiteral("values")).toObject())
                                    .toJson(QJsonDocument::Compact));
        } else if (row.contains(QStringLiteral("name"))) { // a compared variable
            static const QHash<QString, QString> names{
                {QStringLiteral("ok"), tr("as desired")},
                {QStringLiteral("drift"), tr("drift")},
                {QStringLiteral("missing"), tr("not applied")},
                {QStringLiteral("extra"), tr("not desired")}};
            result = names.value(status, status);
            details = tr("%1: desired %2, applied %3")
                          .arg(row.value(QStringLiteral("name")).toString(),
                               jsonText(row.value(QStringLiteral("desired"))),
                               jsonText(row.value(QStringLiteral("applied"))));
        } else {
            result = status == QLatin1String("ok") ? tr("nothing desired") : tr("unknown");
            details = row.value(QStringLiteral("error")).toString();
        }
        const int r = m_results->rowCount();
        m_results->insertRow(r);
        m_results->setItem(r, 0, readOnlyItem(row.value(QStringLiteral("device")).toString()));
        m_results->setItem(r, 1, readOnlyItem(result));
        m_results->setItem(r, 2, readOnlyItem(details));
        if (status.isEmpty() && !row.value(QStringLiteral("applied")).toBool()) {
            for (int column = 0; column < 3; ++column) {
                m_results->item(r, column)->setForeground(kErrorColour);
            }
        }
    }
    m_results->resizeColumnToContents(0);
    m_results->resizeColumnToContents(1);
}

void OverridesEditor::markRejected(const QList<PushResult> &answers)
{
    // Reasons per variable name, over every device that rejected it.
    QHash<QString, QStringList> reasons;
    for (const PushResult &answer : answers) {
        for (const PushResult::Variable &variable : answer.rejected()) {
            reasons[variable.name] << tr("%1: %2").arg(answer.device(), variable.reason);
        }
    }
    for (int row = 0; row < m_values->rowCount(); ++row) {
        const QString name =
            m_values->item(row, 0) ? m_values->item(row, 0)->text().trimmed() : QString();
        const QStringList why = reasons.value(name);
        for (int column = 0; column < 2; ++column) {
            if (QTableWidgetItem *item = m_values->item(row, column)) {
                item->setForeground(why.isEmpty() ? palette().color(QPalette::Text) : kErrorColour);
                item->setToolTip(
                    why.isEmpty()
                        ? QString()
                        : tr("Rejected by the program: %1").arg(why.join(QStringLiteral("; "))));
            }
        }
    }
}

void OverridesEditor::showAccepted(const QJsonObject &accepts)
{
    QStringList names;
    for (auto it = accepts.begin(); it != accepts.end(); ++it) {
        const QJsonObject about = it.value().toObject();
        names << tr("%1 (%2, now %3)")
                     .arg(it.key(), about.value(QStringLiteral("type")).toString(),
                          jsonText(about.value(QStringLiteral("value"))));
    }
    m_accepted->setText(tr("The program takes: %1").arg(names.join(QStringLiteral(", "))));
    m_accepted->setVisible(!names.isEmpty());
}

} // namespace relayfleet::gui
