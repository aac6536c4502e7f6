#pragma once

#include "base/Result.h"

#include <QProcess>
#include <QString>
#include <memory>

namespace relayfleet::lab {

// The lab's userspace link (rflab-proxy, DelayProxy.cpp) as the lab drives it: one process for
// every route between the Mac, the relay and the devices, told one command a line (route,
// delay, blackhole, close, orphan, stats) and answering each with one line. It dies with this
// process (and with the object).
class LinkProxy
{
public:
    LinkProxy() = default;
    ~LinkProxy();
    LinkProxy(const LinkProxy &) = delete;
    LinkProxy &operator=(const LinkProxy &) = delete;

    Result<void> start();
    // The proxy's "ok ..." answer to `line`, or what it said instead (or that it said nothing
    // within 5 s).
    Result<QString> command(const QString &line);
    // "route ...": the port it listens on for that route.
    Result<int> route(const QString &line);
    // EOF on its standard input stops it; one that does not stop is killed.
    void stop();

private:
    std::unique_ptr<QProcess> m_process;
};

} // namespace relayfleet::lab
