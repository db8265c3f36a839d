// tcp_proxy.h: a small TCP proxy for the central tests. It listens on 127.0.0.1 (a free port) and
// forwards each connection to the test server's unix socket. hang() stops forwarding in both
// directions without closing anything: to the kiosk, a server that stops answering without a reset
// (its bytes are still acknowledged by the proxy's kernel, so TCP keepalives and tcp_user_timeout
// never notice: only the kiosk's own watchdog can).
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace kiosk::test {

class TcpProxy {
public:
    explicit TcpProxy(std::string unixPath) : target_(std::move(unixPath)) {
        listen_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof a;
        if (::bind(listen_, reinterpret_cast<sockaddr*>(&a), len) == 0 && ::listen(listen_, 16) == 0 &&
            ::getsockname(listen_, reinterpret_cast<sockaddr*>(&a), &len) == 0)
            port_ = ntohs(a.sin_port);
        thread_ = std::thread([this] { run(); });
    }
    ~TcpProxy() {
        stop_ = true;
        thread_.join();
        for (auto [a, b] : pairs_)
            if (a >= 0) {
                ::close(a);
                ::close(b);
            }
        ::close(listen_);
    }
    int port() const { return port_; }
    void hang() { hanging_ = true; }

private:
    int connectTarget() const {
        const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_un u{};
        u.sun_family = AF_UNIX;
        std::strncpy(u.sun_path, target_.c_str(), sizeof u.sun_path - 1);
        if (::connect(fd, reinterpret_cast<sockaddr*>(&u), sizeof u) != 0) {
            ::close(fd);
            return -1;
        }
        return fd;
    }
    void run() {
        while (!stop_) {
            std::vector<pollfd> fds{{listen_, POLLIN, 0}};
            if (!hanging_)
                for (auto [a, b] : pairs_) {
                    fds.push_back({a, POLLIN, 0});
                    fds.push_back({b, POLLIN, 0});
                }
            if (::poll(fds.data(), fds.size(), 50) <= 0) continue;
            if (fds[0].revents & POLLIN) {
                const int client = ::accept4(listen_, nullptr, nullptr, SOCK_CLOEXEC);
                const int server = client >= 0 ? connectTarget() : -1;
                if (server >= 0) pairs_.emplace_back(client, server);
                else if (client >= 0) ::close(client);
            }
            for (size_t i = 1; i < fds.size(); ++i) {
                if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
                auto& p = pairs_[(i - 1) / 2];
                const int from = fds[i].fd, to = from == p.first ? p.second : p.first;
                if (from < 0 || to < 0) continue;
                char buf[16384];
                const ssize_t n = ::read(from, buf, sizeof buf);
                if (n <= 0) {  // one side closed: so does the other (poll skips the -1s)
                    ::close(p.first);
                    ::close(p.second);
                    p = {-1, -1};
                    continue;
                }
                for (ssize_t done = 0; done < n;) {
                    const ssize_t w = ::write(to, buf + done, static_cast<size_t>(n - done));
                    if (w <= 0) break;
                    done += w;
                }
            }
        }
    }

    std::string target_;
    int listen_ = -1, port_ = 0;
    std::atomic<bool> stop_{false}, hanging_{false};
    std::vector<std::pair<int, int>> pairs_;
    std::thread thread_;
};

}  // namespace kiosk::test
