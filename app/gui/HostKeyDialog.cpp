#include "HostKeyDialog.h"

#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QThread>
#include <QWidget>
#include <future>

namespace relayfleet::gui {

bool HostKeyDialog::confirmUnknown(QWidget *parent, const QString &who, const HostKey &key)
{
    QMessageBox box(parent);
    box.setObjectName(QStringLiteral("hostKeyUnknownDialog"));
    box.setIcon(QMessageBox::Question);
    box.setWindowTitle(QObject::tr("Unknown host key"));
    box.setTextFormat(Qt::PlainText);
    box.setText(QObject::tr("This is the first connection to %1.").arg(who));
    box.setInformativeText(
        QObject::tr("Its %1 key fingerprint is:\n%2\n\nTrust it only if it matches the one "
                    "shown on the host itself (ssh-keygen -lf on its host key).")
            .arg(key.type(), key.fingerprint()));
    QPushButton *trust = box.addButton(QObject::tr("Trust and connect"), QMessageBox::AcceptRole);
    trust->setObjectName(QStringLiteral("trustButton"));
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    return box.clickedButton() == trust;
}

void HostKeyDialog::showChanged(QWidget *parent, const QString &message)
{
    QMessageBox box(parent);
    box.setObjectName(QStringLiteral("hostKeyChangedDialog"));
    box.setIcon(QMessageBox::Critical);
    box.setWindowTitle(QObject::tr("Host key changed"));
    box.setTextFormat(Qt::PlainText);
    box.setText(QObject::tr("The connection was refused because the host key changed."));
    box.setInformativeText(message);
    box.setStandardButtons(QMessageBox::Close);
    box.exec();
}

HostKeyPolicy HostKeyDialog::askingPolicy(QWidget *parent, bool persist,
                                          std::shared_ptr<std::atomic_bool> abandoned)
{
    HostKeyPolicy policy;
    policy.onUnknown = HostKeyPolicy::OnUnknown::Ask;
    policy.persist = persist;
    policy.ask = [parent, abandoned](const QString &who, const HostKey &key) {
        if (abandoned->load()) {
            return false;
        }
        auto answer = std::make_shared<std::promise<bool>>();
        auto future = answer->get_future();
        // Queued to the GUI thread (a context object that dies drops the call); the worker
        // polls, so a closing window can never leave it waiting.
        QMetaObject::invokeMethod(
            parent,
            [parent, answer, who, key] { answer->set_value(confirmUnknown(parent, who, key)); },
            Qt::QueuedConnection);
        while (future.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready) {
            if (abandoned->load()) {
                return false;
            }
        }
        return future.get();
    };
    return policy;
}

} // namespace relayfleet::gui
