#pragma once

#include <QObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

namespace relayfleet::gui {

// The built-in demo: a relay and three simulated devices on this machine (rflab-demo, real
// OpenSSH sshd processes), with a Relay Fleet home of its own that points at them. Started
// without blocking; stopped (and its files removed) when this object goes.
class DemoLab : public QObject
{
    Q_OBJECT

public:
    explicit DemoLab(QObject *parent = nullptr);
    ~DemoLab() override;

    // Where rflab-demo is: $RELAYFLEET_DEMO_LAB, the build tree, or the installed libexec.
    static QString program();
    static bool isAvailable() { return !program().isEmpty(); }

    void start();
    bool isReady() const { return m_ready; }
    QString home() const;

Q_SIGNALS:
    void ready(const QString &home);
    void failed(const QString &message);

private:
    void fail(const QString &message);

    QTemporaryDir m_dir;
    QProcess m_process;
    QTimer m_timeout;
    QByteArray m_output;
    bool m_ready = false;
};

} // namespace relayfleet::gui
