#pragma once

// What every benchmark shares: options (--runs N, --smoke), timing a command, medians, and
// printing figures as a table with the goal and the OpenSSH figure of the same run beside them.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStringList>
#include <QTextStream>
#include <algorithm>
#include <sys/resource.h>

namespace relayfleet::bench {

struct Options
{
    int runs = 7;
    bool smoke = false; // one quick pass: the benchmark still works, its figures mean little
    int devices = 100;

    static Options parse(const QStringList &arguments, int defaultRuns, int defaultDevices)
    {
        Options options;
        options.runs = defaultRuns;
        options.devices = defaultDevices;
        for (qsizetype i = 1; i < arguments.size(); ++i) {
            if (arguments[i] == QLatin1String("--smoke")) {
                options.smoke = true;
            } else if (arguments[i] == QLatin1String("--runs") && i + 1 < arguments.size()) {
                options.runs = std::clamp(arguments[++i].toInt(), 1, 1000);
            } else if (arguments[i] == QLatin1String("--devices") && i + 1 < arguments.size()) {
                options.devices = std::clamp(arguments[++i].toInt(), 1, 500);
            }
        }
        if (options.smoke) {
            options.runs = 1;
        }
        return options;
    }

    // The cellular link the figures are taken on, one way (a smoke pass keeps it short).
    int macRelayDelayMs() const { return smoke ? 5 : 50; }
    int relayDeviceDelayMs() const { return smoke ? 15 : 150; }
};

inline double median(QList<double> values)
{
    if (values.isEmpty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

struct Timed
{
    double ms = 0;
    double cpuMs = 0; // the program's own CPU time, user and system
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs a program to its end (bounded) and says how long it took.
inline Timed timeCommand(const QString &program, const QStringList &arguments,
                         int timeoutMs = 120000)
{
    QProcess process;
    rusage before{};
    ::getrusage(RUSAGE_CHILDREN, &before);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
    }
    Timed timed;
    timed.ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    rusage after{};
    ::getrusage(RUSAGE_CHILDREN, &after); // the program was waited for: its time is in here
    auto cpu = [](const rusage &usage) {
        return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
               static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
    };
    timed.cpuMs = cpu(after) - cpu(before);
    timed.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    timed.out = process.readAllStandardOutput();
    timed.err = process.readAllStandardError();
    return timed;
}

// How busy the machine's processors were between two calls (Linux /proc/stat; 0 elsewhere):
// tells a figure held back by the lab's own processes sharing a few cores from one held back
// by round trips.
class MachineLoad
{
public:
    MachineLoad()
        : m_start(sample())
    {
    }
    double busyFraction() const
    {
        const auto [busy, total] = sample();
        const double elapsed = static_cast<double>(total - m_start.second);
        return elapsed > 0 ? static_cast<double>(busy - m_start.first) / elapsed : 0.0;
    }

private:
    static std::pair<qint64, qint64> sample()
    {
        QFile stat(QStringLiteral("/proc/stat"));
        if (!stat.open(QIODevice::ReadOnly)) {
            return {0, 0};
        }
        const QList<QByteArray> fields =
            stat.readLine().simplified().split(' '); // "cpu user nice system idle iowait ..."
        qint64 total = 0;
        qint64 idle = 0;
        for (qsizetype i = 1; i < fields.size(); ++i) {
            total += fields[i].toLongLong();
            if (i == 4 || i == 5) {
                idle += fields[i].toLongLong();
            }
        }
        return {total - idle, total};
    }
    std::pair<qint64, qint64> m_start;
};

// Runs the event loop until `predicate` holds or `timeoutMs` passed (in slices of at most
// `sliceMs`, which bound how late a figure can notice); whether it held.
// A shell's prompt on a terminal's screen (root's # or a user's $).
inline bool isPrompt(const QString &text)
{
    return text.contains(QLatin1Char('#')) || text.contains(QLatin1Char('$'));
}

template<typename Predicate> bool waitFor(Predicate predicate, int timeoutMs, int sliceMs = 20)
{
    QElapsedTimer timer;
    timer.start();
    while (!predicate() && timer.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, sliceMs);
    }
    return predicate();
}

inline QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

// One line of the result table; `ratio` and `openssh` may be empty.
inline void printFigure(const QString &figure, const QString &value, const QString &openssh,
                        const QString &ratio, const QString &goal, const QString &met,
                        const QString &roundTrips)
{
    out() << QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 |")
                 .arg(figure, value, openssh, ratio, goal, met, roundTrips)
          << Qt::endl;
}

inline void printHeader(const QString &title, const Options &options)
{
    out() << "## " << title
          << (options.smoke ? " (smoke pass: one run, figures not meaningful)" : "") << Qt::endl
          << Qt::endl
          << "| figure | Relay Fleet | OpenSSH | ratio | goal | met | round trips |" << Qt::endl
          << "|---|---|---|---|---|---|---|" << Qt::endl;
}

inline QString ms(double value)
{
    return value >= 1000 ? QStringLiteral("%1 s").arg(value / 1000, 0, 'f', 2)
                         : QStringLiteral("%1 ms").arg(value, 0, 'f', 0);
}

} // namespace relayfleet::bench
