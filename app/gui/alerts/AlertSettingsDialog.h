#pragma once

#include "fleet/AlertRules.h"

#include <QDialog>
#include <QString>
#include <QStringList>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace relayfleet {
class AlertWebhook;
}

namespace relayfleet::gui {

// View -> Alerts…: what the user wants to be told of (AlertRules): how long a device may be
// unreachable, a limit of its own for some labels, the disk, temperature and under-voltage
// alerts and the webhook, with a button that sends it a test. OK writes <home>/alerts.json
// (read by `relayfleet-cli watch` too) and keeps the dialog open, saying why, when a value or
// the file is wrong.
class AlertSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    // `labels`: the fleet's labels, offered in the labels' list.
    AlertSettingsDialog(const AlertRules &rules, QStringList labels, QString path,
                        QWidget *parent = nullptr);

    // The rules as saved by OK.
    const AlertRules &rules() const { return m_rules; }

    void accept() override;

private:
    void addLabelRow(const QString &label, const AlertRules::Limit &seconds);
    void sendTest();
    // The rules the controls hold, or why they are wrong.
    Result<AlertRules> rulesShown() const;

    AlertRules m_rules;
    QStringList m_labels;
    QString m_path;
    QSpinBox *m_offlineMinutes = nullptr;
    QTableWidget *m_labelLimits = nullptr;
    QSpinBox *m_diskPercent = nullptr;
    QSpinBox *m_temperature = nullptr;
    QCheckBox *m_underVoltage = nullptr;
    QLineEdit *m_webhookUrl = nullptr;
    QPushButton *m_testButton = nullptr;
    QLabel *m_testResult = nullptr;
    QLabel *m_problem = nullptr;
    AlertWebhook *m_webhook = nullptr;
    quint64 m_testPost = 0;
};

} // namespace relayfleet::gui
