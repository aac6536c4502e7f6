// rfbench-terminal: raw terminal output through the emulator (libvterm's state layer and our
// screen) and painted by the widget, offscreen or on the display given: megabytes per second
// for typical shell output (coloured `ls`-like lines, plain log lines, Japanese text), painted
// as the widget paints (at most once per display frame) and, for comparison, after every chunk.
// --smoke for a quick pass.
#include "BenchSupport.h"
#include "terminal/TerminalEmulator.h"
#include "terminal/TerminalWidget.h"

#include <QApplication>
#include <QPaintEvent>
#include <functional>
#include <vterm.h>

using namespace relayfleet;
using namespace relayfleet::bench;

namespace {

constexpr qsizetype kChunk = 16 * 1024; // about what one read from the channel brings

QByteArray sampleOutput(qsizetype bytes)
{
    QByteArray out;
    out.reserve(bytes + 256);
    for (int line = 0; out.size() < bytes; ++line) {
        switch (line % 4) {
        case 0:
            out += "\x1b[01;34mdrwxr-xr-x\x1b[0m  2 pi pi 4096 Nov 25 12:00 \x1b[01;32msensor-" +
                   QByteArray::number(line) + ".log\x1b[0m\r\n";
            break;
        case 1:
            out += "2026-11-25T12:00:00Z INFO reading " + QByteArray::number(line) +
                   " temperature=21.5 humidity=40 pressure=1013 status=ok\r\n";
            break;
        case 2:
            out += "\x1b[33mwarning\x1b[0m: 温度センサーの応答が遅れています (" +
                   QByteArray::number(line) + ")\r\n";
            break;
        default:
            out += "    at relayfleet.overrides.apply (line " + QByteArray::number(line) + ")\r\n";
            break;
        }
    }
    return out;
}

// Counts the paints of the widget it watches.
class PaintCounter : public QObject
{
public:
    int paints = 0;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            ++paints;
        }
        return false;
    }
};

struct WidgetRun
{
    double megabytesPerSecond = 0;
    int paints = 0;
    double paintMs = 0; // one paint of the whole grid, alone
};

// Feeds `output` a chunk at a time to a terminal widget on screen, `afterChunk` after each; the
// last state is painted before the clock stops.
WidgetRun feedWidget(const QByteArray &output,
                     const std::function<void(gui::TerminalWidget &)> &afterChunk)
{
    TerminalEmulator emulator(40, 120);
    gui::TerminalWidget widget(&emulator);
    widget.resize(1000, 700);
    widget.show();
    QCoreApplication::processEvents();
    PaintCounter counter;
    widget.viewport()->installEventFilter(&counter);
    QElapsedTimer timer;
    timer.start();
    for (qsizetype at = 0; at < output.size(); at += kChunk) {
        emulator.feed(output.mid(at, kChunk));
        afterChunk(widget);
    }
    widget.viewport()->repaint();
    WidgetRun run;
    run.megabytesPerSecond = static_cast<double>(output.size()) / 1e6 /
                             (static_cast<double>(timer.nsecsElapsed()) / 1e9);
    run.paints = counter.paints;
    QElapsedTimer paintTimer;
    paintTimer.start();
    for (int i = 0; i < 20; ++i) {
        widget.viewport()->repaint();
    }
    run.paintMs = static_cast<double>(paintTimer.nsecsElapsed()) / 1e6 / 20;
    return run;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const Options options = Options::parse(QCoreApplication::arguments(), 5, 0);
    const qsizetype total = options.smoke ? 256 * 1024 : 8 * 1024 * 1024;
    const QByteArray output = sampleOutput(total);
    printHeader(QStringLiteral("Terminal output (platform %1, %2 MB per run)")
                    .arg(QGuiApplication::platformName())
                    .arg(static_cast<double>(output.size()) / 1e6, 0, 'f', 1),
                options);

    QList<double> stateLayerOnly;
    QList<double> emulatorOnly;
    QList<double> perFrame;
    QList<double> perChunk;
    QList<double> paintsPerRun;
    QList<double> paintMs;
    for (int run = 0; run < options.runs; ++run) {
        {
            // libvterm's parser and state layer with nothing listening (no cells kept): what the
            // emulator costs when every character goes through libvterm.
            VTerm *vt = vterm_new(40, 120);
            vterm_set_utf8(vt, 1);
            vterm_state_reset(vterm_obtain_state(vt), 1);
            QElapsedTimer timer;
            timer.start();
            for (qsizetype at = 0; at < output.size(); at += kChunk) {
                const QByteArray chunk = output.mid(at, kChunk);
                vterm_input_write(vt, chunk.constData(), static_cast<size_t>(chunk.size()));
            }
            stateLayerOnly << static_cast<double>(output.size()) / 1e6 /
                                  (static_cast<double>(timer.nsecsElapsed()) / 1e9);
            vterm_free(vt);
        }
        {
            TerminalEmulator emulator(40, 120);
            QElapsedTimer timer;
            timer.start();
            for (qsizetype at = 0; at < output.size(); at += kChunk) {
                emulator.feed(output.mid(at, kChunk));
            }
            emulatorOnly << static_cast<double>(output.size()) / 1e6 /
                                (static_cast<double>(timer.nsecsElapsed()) / 1e9);
        }
        // As in a session: each chunk arrives in its own turn of the event loop, and the widget
        // paints when a frame is due.
        const WidgetRun session =
            feedWidget(output, [](gui::TerminalWidget &) { QCoreApplication::processEvents(); });
        perFrame << session.megabytesPerSecond;
        paintsPerRun << session.paints;
        paintMs << session.paintMs;
        // No terminal paints this often: the worst case.
        perChunk << feedWidget(output, [](gui::TerminalWidget &widget) {
                        widget.viewport()->repaint();
                    }).megabytesPerSecond;
    }
    printFigure(
        QStringLiteral(
            "output processed and painted (at most one paint per 16 ms frame, as the widget does)"),
        QStringLiteral("%1 MB/s").arg(median(perFrame), 0, 'f', 1), QString(), QString(),
        QStringLiteral("≥ 30 MB/s"),
        median(perFrame) >= 30 ? QStringLiteral("yes") : QStringLiteral("no"),
        QStringLiteral("%1 paints").arg(median(paintsPerRun), 0, 'f', 0));
    printFigure(QStringLiteral("output processed and painted, every 16 KB chunk painted"),
                QStringLiteral("%1 MB/s").arg(median(perChunk), 0, 'f', 1), QString(), QString(),
                QString(), QString(), QStringLiteral("%1 paints").arg(output.size() / kChunk));
    printFigure(QStringLiteral("one paint of the whole 120×40 grid"),
                QStringLiteral("%1 ms").arg(median(paintMs), 0, 'f', 2), QString(), QString(),
                QString(), QString(), QString());
    printFigure(QStringLiteral("output processed by the emulator alone"),
                QStringLiteral("%1 MB/s").arg(median(emulatorOnly), 0, 'f', 1), QString(),
                QString(), QString(), QString(), QString());
    printFigure(QStringLiteral("libvterm's parser and state layer alone, keeping nothing (every "
                               "character through libvterm)"),
                QStringLiteral("%1 MB/s").arg(median(stateLayerOnly), 0, 'f', 1), QString(),
                QString(), QString(), QString(), QString());
    out() << Qt::endl << "runs: " << options.runs << ", medians" << Qt::endl;
    return 0;
}
