#include "TerminalPrompt.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace relayfleet::cli {

namespace {

class Tty
{
public:
    Tty()
        : m_fd(::open("/dev/tty", O_RDWR | O_NOCTTY))
    {
    }
    ~Tty()
    {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    bool isOpen() const { return m_fd >= 0; }
    void write(const QString &text)
    {
        const QByteArray bytes = text.toLocal8Bit();
        [[maybe_unused]] auto n = ::write(m_fd, bytes.constData(), bytes.size());
    }
    std::optional<QString> readLine(bool echo)
    {
        termios saved{};
        const bool isTerm = tcgetattr(m_fd, &saved) == 0;
        if (isTerm && !echo) {
            termios quiet = saved;
            quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
            tcsetattr(m_fd, TCSAFLUSH, &quiet);
        }
        QByteArray line;
        char c = 0;
        bool gotAny = false;
        while (::read(m_fd, &c, 1) == 1) {
            gotAny = true;
            if (c == '\n' || c == '\r') {
                break;
            }
            if (line.size() < 4096) {
                line.append(c);
            }
        }
        if (isTerm && !echo) {
            tcsetattr(m_fd, TCSAFLUSH, &saved);
            write(QStringLiteral("\n"));
        }
        if (!gotAny) {
            return std::nullopt;
        }
        return QString::fromLocal8Bit(line);
    }

private:
    int m_fd;
};

} // namespace

bool TerminalPrompt::hasTerminal()
{
    return Tty().isOpen();
}

bool TerminalPrompt::confirmHostKey(const QString &who, const HostKey &key, bool persisted)
{
    Tty tty;
    if (!tty.isOpen()) {
        return false;
    }
    tty.write(QCoreApplication::translate("TerminalPrompt",
                                          "The authenticity of %1 can't be established.\n"
                                          "%2 key fingerprint is %3.\n")
                  .arg(who, key.type(), key.fingerprint()));
    tty.write(
        persisted
            ? QCoreApplication::translate("TerminalPrompt", "Pin this key and continue (yes/no)? ")
            : QCoreApplication::translate("TerminalPrompt",
                                          "Continue this once without pinning it (yes/no)? "));
    const auto answer = tty.readLine(true);
    return answer && answer->trimmed().compare(QStringLiteral("yes"), Qt::CaseInsensitive) == 0;
}

std::optional<QString> TerminalPrompt::secret(const QString &question)
{
    Tty tty;
    if (!tty.isOpen()) {
        return std::nullopt;
    }
    tty.write(question);
    return tty.readLine(false);
}

} // namespace relayfleet::cli
