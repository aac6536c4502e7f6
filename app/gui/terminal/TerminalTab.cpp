#include "terminal/TerminalTab.h"

#include "HostKeyDialog.h"
#include "terminal/TerminalEmulator.h"
#include "terminal/TerminalWidget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace relayfleet::gui {

TerminalTab::TerminalTab(FleetAccess access, DeviceTarget target,
                         std::shared_ptr<WarmDeviceConnections> warm, QWidget *parent)
    : QWidget(parent)
    , m_access(std::move(access))
    , m_target(std::move(target))
    , m_warm(std::move(warm))
    , m_emulator(new TerminalEmulator(24, 80, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_banner = new QWidget(this);
    m_banner->setObjectName(QStringLiteral("terminalBanner"));
    auto *bannerLayout = new QHBoxLayout(m_banner);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setObjectName(QStringLiteral("terminalBannerText"));
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextFormat(Qt::PlainText);
    m_reconnect = new QPushButton(tr("Reconnect"), m_banner);
    m_reconnect->setObjectName(QStringLiteral("reconnectButton"));
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(m_reconnect);
    m_banner->hide();
    m_terminal = new TerminalWidget(m_emulator, this);
    layout->addWidget(m_banner);
    layout->addWidget(m_terminal, 1);
    connect(m_reconnect, &QPushButton::clicked, this, &TerminalTab::connectSession);
    connect(m_emulator, &TerminalEmulator::titleChanged, this, &TerminalTab::titleChanged);
    connect(m_terminal, &TerminalWidget::gridResized, this, [this](int rows, int columns) {
        if (m_session) {
            m_session->resize(rows, columns);
        }
    });
    connect(m_emulator, &TerminalEmulator::output, this, [this](const QByteArray &bytes) {
        if (m_session) {
            m_session->write(bytes);
        }
    });
}

TerminalTab::~TerminalTab()
{
    m_abandoned->store(true); // a pending host key question answers "no" from now on
    m_session.reset();
}

void TerminalTab::connectSession()
{
    m_banner->hide();
    m_access.relayHostKeyPolicy = HostKeyDialog::askingPolicy(this, true, m_abandoned);
    m_access.deviceHostKeyPolicy =
        HostKeyDialog::askingPolicy(this, m_access.deviceHostKeyPolicy.persist, m_abandoned);
    m_session = std::make_unique<TerminalSession>(
        m_access, m_target, QSize(m_emulator->columns(), m_emulator->rows()), m_warm);
    connect(m_session.get(), &TerminalSession::received, m_emulator, &TerminalEmulator::feed);
    connect(m_session.get(), &TerminalSession::connected, this, [this] {
        m_terminal->setFocus();
        Q_EMIT sessionConnected();
    });
    connect(m_session.get(), &TerminalSession::failed, this,
            [this](Error::Code code, const QString &message) {
                if (code == Error::Code::HostKeyChanged) {
                    HostKeyDialog::showChanged(this, message);
                }
            });
    connect(m_session.get(), &TerminalSession::closed, this, [this](const QString &error) {
        m_bannerText->setText(error.isEmpty() ? tr("The shell has ended.")
                                              : tr("The connection dropped: %1").arg(error));
        m_banner->show();
        Q_EMIT sessionClosed(error);
    });
    m_emulator->feed(QStringLiteral("\r\n%1\r\n")
                         .arg(tr("Connecting to %1…").arg(m_target.displayName()))
                         .toUtf8());
    m_session->start();
}

} // namespace relayfleet::gui
