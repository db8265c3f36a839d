// live_kiosk.h: a kiosk with its sync thread running (central/sync_worker.h), as the kiosk runs it,
// for the central tests that watch the thread live; a local writer beside it; waits against a deadline.
#pragma once

#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <thread>

#include "central/sync_worker.h"
#include "central_kiosk.h"
#include "core/text_catalogue.h"
#include "store_test_support.h"

namespace kiosk::test {

using Steady = std::chrono::steady_clock;

// The catalogues as the kiosk embeds them, in Dutch.
inline Texts dutch() {
    Problems ignored;
    return Texts(Catalogue::parse(readFileText(kSource + "/assets/text/nl.txt"), "nl.txt", ignored),
                 Catalogue::parse(readFileText(kSource + "/assets/text/en.txt"), "en.txt", ignored), Lang::nl);
}

// Polls `done` every 10 ms until it holds or `ms` have passed; the time it took, or -1.
inline long long waitUntil(int ms, const std::function<bool()>& done) {
    const auto start = Steady::now();
    for (;;) {
        if (done()) return std::chrono::duration_cast<std::chrono::milliseconds>(Steady::now() - start).count();
        if (Steady::now() - start > std::chrono::milliseconds(ms)) return -1;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

// A kiosk: the sample config with its own [kiosk] id and [central] url, its own database, and (once
// started) its own sync thread, as the kiosk runs it.
// The clock handed to start() must outlive the kiosk (declare it first): the thread reads it.
struct LiveKiosk : Kiosk {
    PrintedKiosk printed;
    std::atomic<int> wakes{0};  // calls of the frame loop's wake
    std::unique_ptr<SyncWorker> worker;

    LiveKiosk(const std::string& kioskId, const PrintedKiosk& p) : Kiosk(kioskId, p), printed(p) {
        // The database as the kiosk opens it (migrated, roster imported), and its first contact.
        const RunResult first = cli({"sync"});
        INFO(first.err);
        REQUIRE(first.exitCode == 0);
    }
    ~LiveKiosk() { worker.reset(); }

    std::filesystem::path db() const { return dir / "attendance.db"; }
    void start(const Clock& clock, SyncWorkerOptions o = {}) {
        o.url = printed.url;
        o.passwordFile = (dir / "central-password").string();
        o.kioskId = id;
        o.dbPath = db();
        worker = std::make_unique<SyncWorker>(o, clock, dutch(), [this] { ++wakes; });
        REQUIRE(waitUntil(10'000, [&] { return worker->syncsDone() > 0; }) >= 0);
    }
    long long count(const std::string& sql) const {
        sqlite3* h = nullptr;
        REQUIRE(sqlite3_open_v2(db().c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
        sqlite3_busy_timeout(h, 2000);
        sqlite3_stmt* st = nullptr;
        long long n = -1;
        if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
            n = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
        sqlite3_close(h);
        return n;
    }
    bool has(const std::string& eventId) const {
        return count("SELECT count(*) FROM attendance_event WHERE id = '" + eventId + "'") == 1;
    }
};

// A local writer beside the sync thread (as the store thread is): one durable commit per event,
// recorded under the kiosk's own id as its store thread records them (the server takes an event
// only with kiosk_id = its origin kiosk: central_schema.h, SECURITY MODEL R2).
struct LocalWriter {
    AttendanceDb db;
    std::string kioskId;
    explicit LocalWriter(const LiveKiosk& k) : kioskId(k.id) { REQUIRE(db.openExisting(k.db()).ok()); }
    std::string write(const std::string& code, const char* at) {
        AttendanceEvent e = makeTapEvent(EventKind::check_in, code, EventStamp::kiosk(localTime(at), kioskId));
        const StoreStatus s = db.appendEvent(e);
        INFO(s.detail);
        REQUIRE(s.ok());
        return e.id;
    }
};

}  // namespace kiosk::test
