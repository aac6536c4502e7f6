// rflab-proxy: the NAT lab's userspace link. The kernel here has no netem, so latency and
// black holes are injected by relaying TCP through this process. One process serves any
// number of routes; each route may listen in one network namespace and connect out of
// another (a socket belongs to the namespace it was created in).
//
// Commands, one per line on stdin; each is answered with one line on stdout:
//   route NAME LISTEN_NS HOST:PORT UPSTREAM_NS HOST:PORT DELAY_MS  -> "ok NAME PORT"
//   delay NAME MS                  one-way delay added in each direction
//   blackhole NAME 0|1             1: stop moving bytes (connections stay open, like a dead link)
//   close NAME                     close the route's listener and connections
//   orphan NAME                    close the listener but keep its connections open and
//                                  silent forever (a powered-off device's half of a link)
//   count NAME                     -> "ok NAME CONNECTIONS"
//   stats NAME                     -> "ok NAME ACCEPTED CLIENT_FLIGHTS SERVER_FLIGHTS": every
//                                  connection accepted so far, and the flights of data that
//                                  followed one the other way (first flights included). A
//                                  flight each way is a round trip the peers waited for,
//                                  unless they pipelined; benchmarks count round trips so.
// A namespace of "-" means the proxy's own. EOF on stdin stops the proxy.
#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <map>
#include <memory>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sched.h>
#include <sstream>
#include <string>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Chunk
{
    Clock::time_point due;
    std::string bytes;
};

struct Direction
{
    std::deque<Chunk> queue;
    size_t queued = 0;
    bool readEof = false;
    bool shutdownSent = false;
};

struct Connection
{
    int client = -1;
    int upstream = -1;
    bool upstreamConnected = false;
    Direction up;   // client -> upstream
    Direction down; // upstream -> client
    bool dead = false;
    int lastDirection = 0; // 0 nothing yet, 1 client -> upstream, 2 upstream -> client
};

struct Route
{
    std::string name;
    int listener = -1;
    std::string upstreamNs;
    sockaddr_in upstreamAddr{};
    int delayMs = 0;
    bool blackhole = false;
    std::vector<std::unique_ptr<Connection>> connections;
    unsigned long accepted = 0;
    unsigned long clientFlights = 0;
    unsigned long serverFlights = 0;
};

constexpr size_t kMaxQueued = 1 << 20;

void setNonBlocking(int fd)
{
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL, 0) | O_NONBLOCK);
}

bool parseAddress(const std::string &text, sockaddr_in &addr)
{
    const auto colon = text.rfind(':');
    if (colon == std::string::npos) {
        return false;
    }
    addr = {};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(std::stoi(text.substr(colon + 1))));
    return inet_pton(AF_INET, text.substr(0, colon).c_str(), &addr.sin_addr) == 1;
}

// Creates a socket inside namespace `ns` ("-" = our own) and returns to ours afterwards.
int socketIn(const std::string &ns)
{
    if (ns == "-") {
        return socket(AF_INET, SOCK_STREAM, 0);
    }
    const int self = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
    const int target = open(("/var/run/netns/" + ns).c_str(), O_RDONLY | O_CLOEXEC);
    if (self < 0 || target < 0 || setns(target, CLONE_NEWNET) != 0) {
        if (self >= 0) {
            close(self);
        }
        if (target >= 0) {
            close(target);
        }
        return -1;
    }
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    setns(self, CLONE_NEWNET);
    close(self);
    close(target);
    return fd;
}

class Proxy
{
public:
    void run()
    {
        std::string input;
        std::vector<pollfd> fds;
        for (;;) {
            fds.clear();
            fds.push_back({STDIN_FILENO, POLLIN, 0});
            for (auto &[name, route] : m_routes) {
                fds.push_back({route->listener, POLLIN, 0});
                for (auto &c : route->connections) {
                    if (route->blackhole) {
                        continue;
                    }
                    short clientEvents = 0;
                    short upstreamEvents = 0;
                    if (!c->up.readEof && c->up.queued < kMaxQueued) {
                        clientEvents |= POLLIN;
                    }
                    if (!c->down.readEof && c->down.queued < kMaxQueued && c->upstreamConnected) {
                        upstreamEvents |= POLLIN;
                    }
                    if (!c->upstreamConnected || readyToSend(c->up)) {
                        upstreamEvents |= POLLOUT;
                    }
                    if (readyToSend(c->down)) {
                        clientEvents |= POLLOUT;
                    }
                    fds.push_back({c->client, clientEvents, 0});
                    fds.push_back({c->upstream, upstreamEvents, 0});
                }
            }
            poll(fds.data(), fds.size(), nextTimeoutMs());
            if (fds[0].revents & (POLLIN | POLLHUP)) {
                char buf[4096];
                const ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
                if (n <= 0) {
                    return;
                }
                input.append(buf, static_cast<size_t>(n));
                size_t nl;
                while ((nl = input.find('\n')) != std::string::npos) {
                    handleCommand(input.substr(0, nl));
                    input.erase(0, nl + 1);
                }
            }
            for (auto &[name, route] : m_routes) {
                acceptAll(*route);
                if (!route->blackhole) {
                    for (auto &c : route->connections) {
                        service(*route, *c);
                    }
                }
                std::erase_if(route->connections, [](const auto &c) {
                    if (!c->dead) {
                        return false;
                    }
                    close(c->client);
                    close(c->upstream);
                    return true;
                });
            }
        }
    }

private:
    static bool readyToSend(const Direction &d)
    {
        return !d.queue.empty() && d.queue.front().due <= Clock::now();
    }

    int nextTimeoutMs() const
    {
        int timeout = 1000;
        const auto now = Clock::now();
        for (const auto &[name, route] : m_routes) {
            if (route->blackhole) {
                continue;
            }
            for (const auto &c : route->connections) {
                for (const Direction *d : {&c->up, &c->down}) {
                    if (!d->queue.empty()) {
                        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                            d->queue.front().due - now)
                                            .count();
                        timeout = std::min<int>(timeout, std::max<long>(0, ms + 1));
                    }
                }
            }
        }
        return timeout;
    }

    void reply(const std::string &line)
    {
        std::string out = line + "\n";
        [[maybe_unused]] auto n = write(STDOUT_FILENO, out.data(), out.size());
    }

    void handleCommand(const std::string &line)
    {
        std::istringstream in(line);
        std::string verb, name;
        in >> verb >> name;
        if (verb == "route") {
            std::string listenNs, listenAddr, upstreamNs, upstreamAddr;
            int delay = 0;
            in >> listenNs >> listenAddr >> upstreamNs >> upstreamAddr >> delay;
            addRoute(name, listenNs, listenAddr, upstreamNs, upstreamAddr, delay);
            return;
        }
        auto it = m_routes.find(name);
        if (it == m_routes.end()) {
            reply("error " + name + " no such route");
            return;
        }
        Route &route = *it->second;
        if (verb == "delay") {
            in >> route.delayMs;
        } else if (verb == "blackhole") {
            int on = 0;
            in >> on;
            route.blackhole = on != 0;
        } else if (verb == "close") {
            for (auto &c : route.connections) {
                close(c->client);
                close(c->upstream);
            }
            close(route.listener);
            m_routes.erase(it);
        } else if (verb == "orphan") {
            close(route.listener);
            route.listener = -1;
            route.blackhole = true;
            m_orphans.push_back(std::move(it->second));
            m_routes.erase(it);
        } else if (verb == "count") {
            reply("ok " + name + " " + std::to_string(route.connections.size()));
            return;
        } else if (verb == "stats") {
            reply("ok " + name + " " + std::to_string(route.accepted) + " " +
                  std::to_string(route.clientFlights) + " " + std::to_string(route.serverFlights));
            return;
        } else {
            reply("error " + name + " unknown command " + verb);
            return;
        }
        reply("ok " + name);
    }

    void addRoute(const std::string &name, const std::string &listenNs,
                  const std::string &listenAddr, const std::string &upstreamNs,
                  const std::string &upstreamAddr, int delay)
    {
        auto route = std::make_unique<Route>();
        route->name = name;
        route->upstreamNs = upstreamNs;
        route->delayMs = delay;
        sockaddr_in listen{};
        if (!parseAddress(listenAddr, listen) || !parseAddress(upstreamAddr, route->upstreamAddr)) {
            reply("error " + name + " bad address");
            return;
        }
        const int fd = socketIn(listenNs);
        const int one = 1;
        if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0 ||
            bind(fd, reinterpret_cast<sockaddr *>(&listen), sizeof listen) != 0 ||
            ::listen(fd, 512) != 0) {
            reply("error " + name + " cannot listen: " + std::strerror(errno));
            if (fd >= 0) {
                close(fd);
            }
            return;
        }
        setNonBlocking(fd);
        socklen_t len = sizeof listen;
        getsockname(fd, reinterpret_cast<sockaddr *>(&listen), &len);
        route->listener = fd;
        m_routes[name] = std::move(route);
        reply("ok " + name + " " + std::to_string(ntohs(listen.sin_port)));
    }

    void acceptAll(Route &route)
    {
        for (;;) {
            const int client = accept(route.listener, nullptr, nullptr);
            if (client < 0) {
                return;
            }
            const int upstream = socketIn(route.upstreamNs);
            if (upstream < 0) {
                close(client);
                continue;
            }
            const int one = 1;
            setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            setsockopt(upstream, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            setNonBlocking(client);
            setNonBlocking(upstream);
            const int rc = connect(upstream, reinterpret_cast<sockaddr *>(&route.upstreamAddr),
                                   sizeof route.upstreamAddr);
            if (rc != 0 && errno != EINPROGRESS) {
                close(client);
                close(upstream);
                continue;
            }
            auto c = std::make_unique<Connection>();
            c->client = client;
            c->upstream = upstream;
            c->upstreamConnected = rc == 0;
            route.connections.push_back(std::move(c));
            ++route.accepted;
        }
    }

    // Moves bytes one step in each direction, holding each chunk until its delay is over.
    void service(Route &route, Connection &c)
    {
        if (!c.upstreamConnected) {
            int err = 0;
            socklen_t len = sizeof err;
            pollfd p{c.upstream, POLLOUT, 0};
            if (poll(&p, 1, 0) <= 0) {
                return;
            }
            getsockopt(c.upstream, SOL_SOCKET, SO_ERROR, &err, &len);
            if (err != 0) {
                c.dead = true;
                return;
            }
            c.upstreamConnected = true;
        }
        pump(route, c.client, c.upstream, c.up, c);
        pump(route, c.upstream, c.client, c.down, c);
        if (c.up.shutdownSent && c.down.shutdownSent) {
            c.dead = true;
        }
    }

    void pump(Route &route, int from, int to, Direction &d, Connection &c)
    {
        char buf[64 * 1024];
        const int direction = &d == &c.up ? 1 : 2;
        while (!d.readEof && d.queued < kMaxQueued) {
            const ssize_t n = recv(from, buf, sizeof buf, 0);
            if (n > 0) {
                if (c.lastDirection != direction) {
                    ++(direction == 1 ? route.clientFlights : route.serverFlights);
                    c.lastDirection = direction;
                }
                d.queue.push_back({Clock::now() + std::chrono::milliseconds(route.delayMs),
                                   std::string(buf, static_cast<size_t>(n))});
                d.queued += static_cast<size_t>(n);
            } else if (n == 0) {
                d.readEof = true;
            } else {
                if (errno != EAGAIN && errno != EWOULDBLOCK) {
                    c.dead = true; // reset: pass it on by closing both sides
                }
                break;
            }
        }
        while (readyToSend(d)) {
            Chunk &chunk = d.queue.front();
            const ssize_t n = send(to, chunk.bytes.data(), chunk.bytes.size(), MSG_NOSIGNAL);
            if (n < 0) {
                if (errno != EAGAIN && errno != EWOULDBLOCK) {
                    c.dead = true;
                }
                break;
            }
            d.queued -= static_cast<size_t>(n);
            if (static_cast<size_t>(n) < chunk.bytes.size()) {
                chunk.bytes.erase(0, static_cast<size_t>(n));
                break;
            }
            d.queue.pop_front();
        }
        if (d.readEof && d.queue.empty() && !d.shutdownSent) {
            shutdown(to, SHUT_WR);
            d.shutdownSent = true;
        }
    }

    std::map<std::string, std::unique_ptr<Route>> m_routes;
    std::vector<std::unique_ptr<Route>> m_orphans;
};

} // namespace

int main()
{
    // The lab starts this proxy; if the lab's process dies, the proxy goes with it.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    signal(SIGPIPE, SIG_IGN);
    setvbuf(stdout, nullptr, _IONBF, 0);
    Proxy().run();
    return 0;
}
