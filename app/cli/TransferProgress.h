#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QString>
#include <mutex>

namespace relayfleet::cli {

// "Copying: 12.3 MB of 50.0 MB, 4.1 MB/s, 9 s left" on one line of a terminal, redrawn a few
// times a second; nothing when stderr is not a terminal (a script reads the result, not this).
// Thread-safe: every device's copy reports into it.
class TransferProgress
{
    Q_DECLARE_TR_FUNCTIONS(relayfleet::cli::TransferProgress)
public:
    explicit TransferProgress(bool enabled);
    void update(quint64 done, quint64 total);
    // Clears the line before results are printed.
    void finish();

    static QString bytes(quint64 count);

private:
    bool m_enabled;
    std::mutex m_mutex;
    QElapsedTimer m_started;
    QElapsedTimer m_sinceDrawn;
    bool m_drawn = false;
};

} // namespace relayfleet::cli
