// The sync thread's reconnect backoff (central/sync_worker.h, BACKOFF), through its public API only:
// a "server" that accepts each connection and closes it at once (so every connect attempt fails
// fast), and a count of the attempts over time. The wait doubles from backoffFirstMs per failure
// and stops at backoffMaxMs: after a long outage the kiosk still tries every backoffMaxMs, and it
// never spins either.
#include <catch2/catch.hpp>

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "central/sync_worker.h"
#include "core/text_catalogue.h"
#include "store_test_support.h"

namespace kiosk::test {
namespace {

// A TCP port on 127.0.0.1 that accepts and at once closes every connection, counting them.
class ClosingServer {
public:
    ClosingServer() {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        REQUIRE(fd_ >= 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
        REQUIRE(::listen(fd_, 64) == 0);
        socklen_t len = sizeof a;
        REQUIRE(::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len) == 0);
        port_ = ntohs(a.sin_port);
        thread_ = std::thread([this] {
            while (!stop_) {
                pollfd p{fd_, POLLIN, 0};
                if (::poll(&p, 1, 20) <= 0) continue;
                const int c = ::accept(fd_, nullptr, nullptr);
                if (c < 0) continue;
                ++accepted_;
                ::close(c);
            }
        });
    }
    ~ClosingServer() {
        stop_ = true;
        thread_.join();
        ::close(fd_);
    }
    int port() const { return port_; }
    int accepted() const { return accepted_.load(); }

private:
    int fd_ = -1;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    std::atomic<int> accepted_{0};
    std::thread thread_;
};

Texts dutch() {
    Problems ignored;
    const std::string src = KIOSK_SOURCE_DIR;
    return Texts(Catalogue::parse(readFileText(src + "/assets/text/nl.txt"), "nl.txt", ignored),
                 Catalogue::parse(readFileText(src + "/assets/text/en.txt"), "en.txt", ignored), Lang::nl);
}

}  // namespace

TEST_CASE("sync_worker BACKOFF bound: after a long outage the wait stays at its cap, and never shrinks to a spin", "[backoff]") {
    TempDir dir;
    SystemClock clock;
    {
        AttendanceDb db;  // the kiosk's SQLite file, as the kiosk made it
        REQUIRE(db.open(dir / "attendance.db", clock.now()).status.ok());
    }
    ClosingServer server;
    SyncWorkerOptions o;
    o.url = "host=127.0.0.1 port=" + std::to_string(server.port()) + " dbname=leergang user=deur sslmode=disable gssencmode=disable";
    o.kioskId = "deur";
    o.dbPath = dir / "attendance.db";
    // Scaled down from 1 s and 5 s: 5 ms doubling to a cap of 20 ms. Uncapped, the waits would be
    // 5, 10, 20, 40, ... 640, 1280 ms: in the second second at most one attempt.
    o.backoffFirstMs = 5;
    o.backoffMaxMs = 20;
    SyncWorker worker(o, clock, dutch(), [] {});
    std::this_thread::sleep_for(std::chrono::milliseconds(1000));  // the outage is long (for these waits)
    const int before = server.accepted();
    std::this_thread::sleep_for(std::chrono::milliseconds(1000));
    const int inSecond = server.accepted() - before;
    INFO("connect attempts in the second second of the outage: " << inSecond);
    CHECK(before >= 10);
    CHECK(inSecond >= 15);  // about one per 20 ms: the cap holds
    CHECK(inSecond <= 60);  // and the wait is really waited: no spin
    CHECK_FALSE(worker.status().connected);
}

TEST_CASE("sync_worker BACKOFF bound, an hour: in the hour's next second the kiosk still tries every 5 s, not once an hour",
          "[backoff][boundary]") {
    TempDir dir;
    SystemClock clock;
    {
        AttendanceDb db;
        REQUIRE(db.open(dir / "attendance.db", clock.now()).status.ok());
    }
    ClosingServer server;
    SyncWorkerOptions o;
    o.url = "host=127.0.0.1 port=" + std::to_string(server.port()) + " dbname=leergang user=deur sslmode=disable gssencmode=disable";
    o.kioskId = "deur";
    o.dbPath = dir / "attendance.db";
    // The real waits scaled by 1/1000: 1 s doubling to 5 s becomes 1 ms doubling to 5 ms, so 3.6 s
    // is an hour of outage. Uncapped, the waits would be 1, 2, 4, ... 2048 ms: at most one attempt
    // in the hour's next second (and once an hour after a day). Capped: about one per 5 ms.
    o.backoffFirstMs = 1;
    o.backoffMaxMs = 5;
    SyncWorker worker(o, clock, dutch(), [] {});
    std::this_thread::sleep_for(std::chrono::milliseconds(3600));  // the hour
    const int before = server.accepted();
    std::this_thread::sleep_for(std::chrono::milliseconds(1000));  // the next second
    const int inSecond = server.accepted() - before;
    INFO("connect attempts in the hour's next (scaled) second: " << inSecond);
    CHECK(inSecond >= 20);   // the cap holds (a loaded machine sleeps longer than asked: generous)
    CHECK(inSecond <= 260);  // and each wait is waited: no spin
    CHECK_FALSE(worker.status().connected);
}

}  // namespace kiosk::test
