#include "DeviceDetailsPane.h"

#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace relayfleet::gui {

DeviceDetailsPane::DeviceDetailsPane(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("detailsPane"));
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("detailsTitle"));
    QFont font = m_title->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.2);
    m_title->setFont(font);
    layout->addWidget(m_title);
    auto *form = new QFormLayout;
    m_state = addRow(form, tr("Status"), QStringLiteral("detailsState"));
    m_relay = addRow(form, tr("Relay port"), QStringLiteral("detailsRelay"));
    m_hostKey = addRow(form, tr("Host key"), QStringLiteral("detailsHostKey"));
    m_labels = addRow(form, tr("Labels"), QStringLiteral("detailsLabels"));
    m_lastSeen = addRow(form, tr("Last seen"), QStringLiteral("detailsLastSeen"));
    layout->addLayout(form);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("detailsProblem"));
    m_problem->setWordWrap(true);
    layout->addWidget(m_problem);
    layout->addStretch();
    clear();
}

QLabel *DeviceDetailsPane::addRow(QFormLayout *form, const QString &label, const QString &objectName)
{
    auto *value = new QLabel(this);
    value->setObjectName(objectName);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setWordWrap(true);
    form->addRow(label, value);
    return value;
}

void DeviceDetailsPane::clear()
{
    m_title->setText(tr("No device selected"));
    for (QLabel *label : {m_state, m_relay, m_hostKey, m_labels, m_lastSeen, m_problem}) {
        label->clear();
    }
}

void DeviceDetailsPane::showDevice(const DeviceStatus &status)
{
    // Names come from the relay's registry: shown as plain text, never as rich text.
    for (QLabel *label : {m_title, m_state, m_relay, m_hostKey, m_labels, m_lastSeen, m_problem}) {
        label->setTextFormat(Qt::PlainText);
    }
    m_title->setText(status.name.isEmpty() ? (status.id.isEmpty() ? tr("Hand-made tunnel") : status.id) : status.name);
    m_state->setText(DeviceStatus::stateName(status.state));
    m_relay->setText(QStringLiteral("%1:%2").arg(status.relay).arg(status.port));
    m_hostKey->setText(status.hostKeyFingerprint.isEmpty() ? tr("unknown") : status.hostKeyFingerprint);
    m_labels->setText(status.labels.join(QStringLiteral(", ")));
    m_lastSeen->setText(status.lastSeen.isValid() ? QLocale().toString(status.lastSeen.toLocalTime()) : tr("never"));
    m_problem->setText(status.problem);
}

} // namespace relayfleet::gui
