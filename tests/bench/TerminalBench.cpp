// rfbench-terminal: raw terminal output through the emulator (libvterm) and painted by the
// widget, offscreen or on the display given: megabytes per second for typical shell output
// (coloured `ls`-like lines, plain log lines, Japanese text). --smoke for a quick pass.
#include "BenchSupport.h"
#include "TerminalEmulator.h"
#include "TerminalWidget.h"

#include <QApplication>

using namespace relayfleet;
using namespace relayfleet::bench;

namespace {

QByteArray sampleOutput(qsizetype bytes)
{
    QByteArray out;
    out.reserve(bytes + 256);
    for (int line = 0; out.size() < bytes; ++line) {
        switch (line % 4) {
        case 0:
            out += "\x1b[01;34mdrwxr-xr-x\x1b[0m  2 pi pi 4096 Nov 25 12:00 \x1b[01;32msensor-" + QByteArray::number(line) +
                   ".log\x1b[0m\r\n";
            break;
        case 1:
            out += "2026-11-25T12:00:00Z INFO reading " + QByteArray::number(line) +
                   " temperature=21.5 humidity=40 pressure=1013 status=ok\r\n";
            break;
        case 2:
            out += "\x1b[33mwarning\x1b[0m: 温度センサーの応答が遅れています (" + QByteArray::number(line) + ")\r\n";
            break;
        default:
            out += "    at relayfleet.overrides.apply (line " + QByteArray::number(line) + ")\r\n";
            break;
        }
    }
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const Options options = Options::parse(QCoreApplication::arguments(), 5, 0);
    const qsizetype total = options.smoke ? 256 * 1024 : 8 * 1024 * 1024;
    const QByteArray output = sampleOutput(total);
    constexpr qsizetype kChunk = 16 * 1024; // about what one read from the channel brings
    printHeader(QStringLiteral("Terminal output (platform %1, %2 MB per run)")
                    .arg(QGuiApplication::platformName())
                    .arg(static_cast<double>(output.size()) / 1e6, 0, 'f', 1),
                options);

    QList<double> emulatorOnly;
    QList<double> painted;
    for (int run = 0; run < options.runs; ++run) {
        {
            TerminalEmulator emulator(40, 120);
            QElapsedTimer timer;
            timer.start();
            for (qsizetype at = 0; at < output.size(); at += kChunk) {
                emulator.feed(output.mid(at, kChunk));
            }
            emulatorOnly << static_cast<double>(output.size()) / 1e6 / (static_cast<double>(timer.nsecsElapsed()) / 1e9);
        }
        TerminalEmulator emulator(40, 120);
        gui::TerminalWidget widget(&emulator);
        widget.resize(1000, 700);
        widget.show();
        QCoreApplication::processEvents();
        QElapsedTimer timer;
        timer.start();
        for (qsizetype at = 0; at < output.size(); at += kChunk) {
            emulator.feed(output.mid(at, kChunk));
            // Each chunk is painted before the next arrives: the worst case (a real session
            // paints once per event-loop turn, often after several chunks).
            widget.viewport()->repaint();
        }
        painted << static_cast<double>(output.size()) / 1e6 / (static_cast<double>(timer.nsecsElapsed()) / 1e9);
    }
    printFigure(QStringLiteral("output processed and painted (every 16 KB chunk painted)"),
                QStringLiteral("%1 MB/s").arg(median(painted), 0, 'f', 1), QString(), QString(), QStringLiteral("≥ 30 MB/s"),
                median(painted) >= 30 ? QStringLiteral("yes") : QStringLiteral("no"), QString());
    printFigure(QStringLiteral("output processed by the emulator alone"),
                QStringLiteral("%1 MB/s").arg(median(emulatorOnly), 0, 'f', 1), QString(), QString(), QString(), QString(),
                QString());
    out() << Qt::endl << "runs: " << options.runs << ", medians" << Qt::endl;
    return 0;
}
