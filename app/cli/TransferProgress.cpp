#include "TransferProgress.h"

#include <QLocale>
#include <cstdio>
#include <unistd.h>

namespace relayfleet::cli {

TransferProgress::TransferProgress(bool enabled)
    : m_enabled(enabled && ::isatty(STDERR_FILENO) == 1)
{
    m_started.start();
}

QString TransferProgress::bytes(quint64 count)
{
    return QLocale::system().formattedDataSize(static_cast<qint64>(count), 1,
                                               QLocale::DataSizeSIFormat);
}

void TransferProgress::update(quint64 done, quint64 total)
{
    if (!m_enabled) {
        return;
    }
    std::lock_guard lock(m_mutex);
    if (m_drawn && m_sinceDrawn.elapsed() < 200 && done < total) {
        return;
    }
    const double seconds = std::max<qint64>(m_started.elapsed(), 1) / 1000.0;
    const double rate = static_cast<double>(done) / seconds;
    QString line = tr("Copying: %1 of %2, %3/s")
                       .arg(bytes(done), bytes(total), bytes(static_cast<quint64>(rate)));
    if (rate > 0 && total > done) {
        line += tr(", %1 s left").arg(static_cast<qint64>((total - done) / rate) + 1);
    }
    const QByteArray text = "\r\033[K" + line.toLocal8Bit();
    std::fwrite(text.constData(), 1, static_cast<size_t>(text.size()), stderr);
    std::fflush(stderr);
    m_drawn = true;
    m_sinceDrawn.start();
}

void TransferProgress::finish()
{
    std::lock_guard lock(m_mutex);
    if (m_drawn) {
        std::fputs("\r\033[K", stderr);
        std::fflush(stderr);
        m_drawn = false;
    }
}

} // namespace relayfleet::cli
