#include "overrides/OverridesEditor.h"

#include "base/WorkerTask.h"
#include "overrides/DesiredOverrides.h"
#include "overrides/OverrideProtocol.h"

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

// A compared variable's status, as the results table says it.
QString statusText(OverrideComparison::Status status)
{
    switch (status) {
    case OverrideComparison::Status::Ok:
        return OverridesEditor::tr("as desired");
    case OverrideComparison::Status::Drift:
        return OverridesEditor::tr("drift");
    case OverrideComparison::Status::Missing:
        return OverridesEditor::tr("not applied");
    case OverrideComparison::Status::Extra:
        return OverridesEditor::tr("not desired");
    }
    return {};
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
    , m_overrides(std::move(access), m_paths.home())
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
    const auto targets = this->targets();
    QStringList scope;
    if (m_label.isEmpty()) {
        for (const DeviceTarget &target : targets) {
            scope << target.idOrPort();
        }
    } else {
        scope << QLatin1Char('@') + m_label;
    }
    setBusy(true, tr("Pushing to %n device(s)…", nullptr, static_cast<int>(targets.size())));
    m_task->start<Result<FleetOverrides::Pushed>>(
        [overrides = m_overrides, scope, targets, push = push.value()](WorkerTask &task) {
            return overrides.push(scope, targets, push, task.cancelToken());
        },
        [this](const Result<FleetOverrides::Pushed> &pushed) {
            setBusy(false);
            if (!pushed) { // the wanted values could not be kept: nothing was sent
                m_message->setText(pushed.error().message);
                return;
            }
            const QList<PushResult> &answers = pushed->results;
            const auto applied =
                std::count_if(answers.cbegin(), answers.cend(),
                              [](const PushResult &answer) { return answer.applied; });
            m_message->setText(
                m_task->cancelToken().isCancelled()
                    ? tr("Cancelled: applied on %1 of %2 devices.").arg(applied).arg(answers.size())
                    : tr("Applied on %1 of %2 devices.").arg(applied).arg(answers.size()));
            if (pushed->notInHistory) {
                m_message->setText(
                    m_message->text() + QLatin1Char(' ') +
                    tr("The push is not in the history: %1").arg(pushed->notInHistory->message));
            }
            showPushed(answers);
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
    const auto targets = this->targets();
    QList<QStringList> labels;
    for (const DeviceStatus &device : std::as_const(m_devices)) {
        labels << device.labels;
    }
    setBusy(true, tr("Reading the applied values…"));
    m_task->start<QList<FleetOverrides::Reading>>(
        [overrides = m_overrides, targets, labels](WorkerTask &task) {
            QList<FleetOverrides::Reading> readings;
            for (qsizetype i = 0; i < targets.size() && !task.cancelToken().isCancelled(); ++i) {
                task.reportProgress(static_cast<int>(i), static_cast<int>(targets.size()),
                                    targets[i].idOrPort());
                readings << overrides.read(targets[i], labels.value(i),
                                           QLatin1String(OverrideProtocol::kDefaultFifo),
                                           task.cancelToken());
            }
            return readings;
        },
        [this](const QList<FleetOverrides::Reading> &readings) {
            setBusy(false);
            // What the programs take, as the first that says tells.
            for (const FleetOverrides::Reading &reading : readings) {
                if (!reading.comparison.accepts.isEmpty()) {
                    showAccepted(reading.comparison.accepts);
                    break;
                }
            }
            const auto inSync = std::count_if(
                readings.cbegin(), readings.cend(),
                [](const FleetOverrides::Reading &reading) { return reading.inSync(); });
            m_message->setText(
                tr("%1 of %2 devices have the desired values.").arg(inSync).arg(readings.size()));
            showReadings(readings);
            Q_EMIT readFinished();
        });
}

void OverridesEditor::addResult(const QString &device, const QString &result,
                                const QString &details, bool failed)
{
    const int r = m_results->rowCount();
    m_results->insertRow(r);
    m_results->setItem(r, 0, readOnlyItem(device));
    m_results->setItem(r, 1, readOnlyItem(result));
    m_results->setItem(r, 2, readOnlyItem(details));
    if (failed) {
        for (int column = 0; column < 3; ++column) {
            m_results->item(r, column)->setForeground(kErrorColour);
        }
    }
}

void OverridesEditor::showPushed(const QList<PushResult> &answers)
{
    m_lastPush = answers;
    m_lastReadings.clear();
    m_results->setRowCount(0);
    for (const PushResult &answer : answers) {
        QStringList rejected;
        for (const PushResult::Variable &variable : answer.rejected()) {
            rejected << tr("%1 rejected (%2)").arg(variable.name, variable.reason);
        }
        const QString result = answer.applied    ? tr("applied")
                               : answer.received ? tr("not applied")
                               : answer.ok       ? tr("written, not confirmed in time")
                                                 : tr("failed");
        const QString details =
            !rejected.isEmpty() ? rejected.join(QStringLiteral("; "))
            : !answer.error.isEmpty()
                ? answer.error
                : QString::fromUtf8(QJsonDocument(answer.values).toJson(QJsonDocument::Compact));
        addResult(answer.device(), result, details, !answer.applied);
    }
    m_results->resizeColumnToContents(0);
    m_results->resizeColumnToContents(1);
}

void OverridesEditor::showReadings(const QList<FleetOverrides::Reading> &readings)
{
    m_lastReadings = readings;
    m_lastPush.clear();
    m_results->setRowCount(0);
    for (const FleetOverrides::Reading &reading : readings) {
        const QString device = reading.target.idOrPort();
        const OverrideComparison &comparison = reading.comparison;
        if (reading.unreachable || !comparison.problem.isEmpty()) {
            addResult(device, tr("unknown"),
                      reading.unreachable ? reading.unreachable->message : comparison.problem,
                      false);
        }
        if (reading.unreachable) {
            continue;
        }
        for (const OverrideComparison::Row &row : comparison.rows) {
            addResult(device, statusText(row.status),
                      tr("%1: desired %2, applied %3")
                          .arg(row.name, jsonText(row.desired), jsonText(row.applied)),
                      false);
        }
        if (comparison.rows.isEmpty() && comparison.problem.isEmpty()) {
            addResult(device, tr("nothing desired"), QString(), false);
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
