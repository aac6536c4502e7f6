#pragma once

#include <QWizardPage>
#include <functional>

class QFormLayout;
class QLabel;

namespace relayfleet::gui {

// A wizard page of plain fields whose Next button is enabled only when `check` finds no
// problem; the problem is shown under the fields as the user types, not after a click.
class CheckedWizardPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit CheckedWizardPage(QWidget *parent = nullptr);

    QFormLayout *form() const { return m_form; }
    // `check` returns an empty string when the page is fine, else what to fix.
    void setCheck(std::function<QString()> check);
    // Re-checks whenever `widget` changes (line edits, combo boxes, buttons).
    void watch(QWidget *widget);
    bool isComplete() const override;
    QString problem() const;

private:
    void recheck();

    QFormLayout *m_form = nullptr;
    QLabel *m_problem = nullptr;
    std::function<QString()> m_check;
};

} // namespace relayfleet::gui
