#include "alerts/AlertSettingsDialog.h"

#include "fleet/AlertWebhook.h"
#include "registry/DeviceRecord.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace relayfleet::gui {

namespace {
constexpr int kMaxMinutes = int(AlertRules::kMaxSeconds / 60);

// A limit in minutes; 0 shows "never".
QSpinBox *minutesBox(QWidget *parent, const AlertRules::Limit &seconds)
{
    auto *box = new QSpinBox(parent);
    box->setRange(0, kMaxMinutes);
    box->setSpecialValueText(AlertSettingsDialog::tr("never"));
    box->setSuffix(AlertSettingsDialog::tr(" min"));
    // A limit under a minute (`watch --offline-after`, or the file by hand) shows as one.
    box->setValue(seconds ? int(std::max<qint64>(1, *seconds / 60)) : 0);
    return box;
}

AlertRules::Limit minutes(const QSpinBox *box)
{
    return box->value() > 0 ? AlertRules::Limit(qint64(box->value()) * 60) : std::nullopt;
}
} // namespace

AlertSettingsDialog::AlertSettingsDialog(const AlertRules &rules, QStringList labels, QString path,
                                         QWidget *parent)
    : QDialog(parent)
    , m_rules(rules)
    , m_labels(std::move(labels))
    , m_path(std::move(path))
    , m_webhook(new AlertWebhook(this))
{
    setObjectName(QStringLiteral("alertSettingsDialog"));
    setWindowTitle(tr("Alerts"));
    setMinimumWidth(560);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_offlineMinutes = minutesBox(this, rules.offlineSeconds);
    m_offlineMinutes->setObjectName(QStringLiteral("alertOfflineMinutes"));
    form->addRow(tr("Tell me when a device is unreachable for:"), m_offlineMinutes);
    layout->addLayout(form);

    layout->addWidget(new QLabel(tr("Labels with a limit of their own (the shortest of a "
                                    "device's labels wins):"),
                                 this));
    m_labelLimits = new QTableWidget(0, 2, this);
    m_labelLimits->setObjectName(QStringLiteral("alertLabelLimits"));
    m_labelLimits->setHorizontalHeaderLabels({tr("Label"), tr("Unreachable for")});
    m_labelLimits->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_labelLimits->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_labelLimits->verticalHeader()->hide();
    m_labelLimits->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_labelLimits->setMinimumHeight(120);
    layout->addWidget(m_labelLimits);
    for (auto it = rules.offlineSecondsByLabel.constBegin();
         it != rules.offlineSecondsByLabel.constEnd(); ++it) {
        addLabelRow(it.key(), it.value());
    }
    auto *labelButtons = new QHBoxLayout;
    auto *addLabel = new QPushButton(tr("Add label"), this);
    addLabel->setObjectName(QStringLiteral("alertAddLabel"));
    auto *removeLabel = new QPushButton(tr("Remove"), this);
    removeLabel->setObjectName(QStringLiteral("alertRemoveLabel"));
    labelButtons->addWidget(addLabel);
    labelButtons->addWidget(removeLabel);
    labelButtons->addStretch(1);
    layout->addLayout(labelButtons);
    connect(addLabel, &QPushButton::clicked, this,
            [this] { addLabelRow(QString(), minutes(m_offlineMinutes)); });
    connect(removeLabel, &QPushButton::clicked, this, [this] {
        if (m_labelLimits->currentRow() >= 0) {
            m_labelLimits->removeRow(m_labelLimits->currentRow());
        }
    });

    layout->addWidget(new QLabel(tr("Tell me when a device's health report says:"), this));
    auto *health = new QFormLayout;
    m_diskPercent = new QSpinBox(this);
    m_diskPercent->setObjectName(QStringLiteral("alertDiskPercent"));
    m_diskPercent->setRange(0, 99);
    m_diskPercent->setSpecialValueText(tr("never"));
    m_diskPercent->setSuffix(tr(" % free"));
    m_diskPercent->setValue(rules.diskFreeBelowPercent);
    health->addRow(tr("Its disk has less than:"), m_diskPercent);
    m_temperature = new QSpinBox(this);
    m_temperature->setObjectName(QStringLiteral("alertTemperature"));
    m_temperature->setRange(0, 120);
    m_temperature->setSpecialValueText(tr("never"));
    m_temperature->setSuffix(tr(" °C"));
    m_temperature->setValue(rules.temperatureAboveC);
    health->addRow(tr("Its CPU is hotter than:"), m_temperature);
    m_underVoltage = new QCheckBox(tr("Its power supply is too weak (under-voltage)"), this);
    m_underVoltage->setObjectName(QStringLiteral("alertUnderVoltage"));
    m_underVoltage->setChecked(rules.underVoltage);
    health->addRow(QString(), m_underVoltage);

    m_webhookUrl = new QLineEdit(rules.webhookUrl, this);
    m_webhookUrl->setObjectName(QStringLiteral("alertWebhookUrl"));
    m_webhookUrl->setPlaceholderText(tr("https://hooks.slack.com/services/… (optional)"));
    m_testButton = new QPushButton(tr("Send a test"), this);
    m_testButton->setObjectName(QStringLiteral("alertWebhookTest"));
    auto *webhookRow = new QHBoxLayout;
    webhookRow->addWidget(m_webhookUrl, 1);
    webhookRow->addWidget(m_testButton);
    health->addRow(tr("Also post each alert to:"), webhookRow);
    m_testResult = new QLabel(this);
    m_testResult->setObjectName(QStringLiteral("alertWebhookResult"));
    m_testResult->setTextFormat(Qt::PlainText);
    m_testResult->setWordWrap(true);
    health->addRow(QString(), m_testResult);
    layout->addLayout(health);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("alertProblem"));
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
    layout->addWidget(m_problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &AlertSettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_testButton, &QPushButton::clicked, this, &AlertSettingsDialog::sendTest);
    connect(m_webhook, &AlertWebhook::finished, this,
            [this](quint64 post, bool ok, const QString &result) {
                if (post != m_testPost) {
                    return;
                }
                m_testButton->setEnabled(true);
                m_testResult->setText(ok ? tr("The webhook took the test: %1.").arg(result)
                                         : tr("The test did not arrive: %1.").arg(result));
            });
}

void AlertSettingsDialog::addLabelRow(const QString &label, const AlertRules::Limit &seconds)
{
    const int row = m_labelLimits->rowCount();
    m_labelLimits->insertRow(row);
    auto *name = new QComboBox(m_labelLimits);
    name->setEditable(true);
    name->addItems(m_labels);
    name->setCurrentText(label);
    m_labelLimits->setCellWidget(row, 0, name);
    m_labelLimits->setCellWidget(row, 1, minutesBox(m_labelLimits, seconds));
    m_labelLimits->setCurrentCell(row, 0);
}

Result<AlertRules> AlertSettingsDialog::rulesShown() const
{
    AlertRules rules;
    rules.offlineSeconds = minutes(m_offlineMinutes);
    for (int row = 0; row < m_labelLimits->rowCount(); ++row) {
        const auto *name = qobject_cast<QComboBox *>(m_labelLimits->cellWidget(row, 0));
        const auto *limit = qobject_cast<QSpinBox *>(m_labelLimits->cellWidget(row, 1));
        const QString label = name->currentText().trimmed();
        if (!DeviceRecord::isValidLabel(label)) {
            return Error::make(Error::Code::InvalidInput,
                               tr("\"%1\" is not a label: small letters, digits, - and _, up to "
                                  "32.")
                                   .arg(label.left(40)));
        }
        if (rules.offlineSecondsByLabel.contains(label)) {
            return Error::make(Error::Code::InvalidInput,
                               tr("The label \"%1\" is listed twice.").arg(label));
        }
        rules.offlineSecondsByLabel.insert(label, minutes(limit));
    }
    rules.diskFreeBelowPercent = m_diskPercent->value();
    rules.temperatureAboveC = m_temperature->value();
    rules.underVoltage = m_underVoltage->isChecked();
    rules.webhookUrl = m_webhookUrl->text().trimmed();
    if (!rules.webhookUrl.isEmpty()) {
        if (const auto problem = AlertRules::webhookProblem(rules.webhookUrl)) {
            return Error::make(Error::Code::InvalidInput, *problem);
        }
    }
    return rules;
}

void AlertSettingsDialog::sendTest()
{
    const QString url = m_webhookUrl->text().trimmed();
    if (url.isEmpty()) {
        m_testResult->setText(tr("Type the webhook's address first."));
        return;
    }
    m_webhook->setUrl(url);
    m_testButton->setEnabled(false);
    m_testResult->setText(tr("Sending…"));
    m_testPost = m_webhook->postTest();
}

void AlertSettingsDialog::accept()
{
    auto rules = rulesShown();
    if (!rules) {
        m_problem->setText(rules.error().message);
        return;
    }
    if (auto saved = rules->save(m_path); !saved) {
        m_problem->setText(saved.error().message);
        return;
    }
    m_rules = rules.value();
    QDialog::accept();
}

} // namespace relayfleet::gui
