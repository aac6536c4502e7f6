#include "wizards/CheckedWizardPage.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace relayfleet::gui {

CheckedWizardPage::CheckedWizardPage(QWidget *parent)
    : QWizardPage(parent)
{
    auto *layout = new QVBoxLayout(this);
    m_form = new QFormLayout;
    layout->addLayout(m_form);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("pageProblem"));
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    layout->addWidget(m_problem);
    layout->addStretch();
}

void CheckedWizardPage::setCheck(std::function<QString()> check)
{
    m_check = std::move(check);
    recheck();
}

void CheckedWizardPage::watch(QWidget *widget)
{
    if (auto *edit = qobject_cast<QLineEdit *>(widget)) {
        connect(edit, &QLineEdit::textChanged, this, &CheckedWizardPage::recheck);
    } else if (auto *combo = qobject_cast<QComboBox *>(widget)) {
        connect(combo, &QComboBox::currentIndexChanged, this, &CheckedWizardPage::recheck);
        connect(combo, &QComboBox::editTextChanged, this, &CheckedWizardPage::recheck);
    } else if (auto *button = qobject_cast<QAbstractButton *>(widget)) {
        connect(button, &QAbstractButton::toggled, this, &CheckedWizardPage::recheck);
    } else if (auto *spin = qobject_cast<QSpinBox *>(widget)) {
        connect(spin, &QSpinBox::valueChanged, this, &CheckedWizardPage::recheck);
    }
}

QString CheckedWizardPage::problem() const
{
    return m_check ? m_check() : QString();
}

bool CheckedWizardPage::isComplete() const
{
    return problem().isEmpty();
}

void CheckedWizardPage::recheck()
{
    m_problem->setText(problem());
    Q_EMIT completeChanged();
}

} // namespace relayfleet::gui
