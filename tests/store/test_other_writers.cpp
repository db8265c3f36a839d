// Several writers on one database (issue #14, item 3): the decision and the insert are one write
// transaction, so racing processes write each fact once; a refusal says what is true now; the
// store thread hands over what other connections committed, once, and nothing when nothing changed.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <map>
#include <thread>

#include "store/store_worker.h"
#include "store_test_support.h"
#include "test_support.h"

using namespace kiosk;
using test::localTime;

namespace {

Instant nineOClock() { return localTime("2026-11-26T09:00"); }

std::vector<Participant> roster(int n) {
    std::vector<Participant> out;
    for (int i = 1; i <= n; ++i) out.push_back(test::participant("P" + std::to_string(100 + i), "Naam" + std::to_string(i), "X"));
    return out;
}

void createDb(const std::filesystem::path& file, int people) {
    AttendanceDb db;
    REQUIRE(db.open(file, nineOClock()).status.ok());
    RosterImportResult r;
    REQUIRE(db.importRoster(roster(people), nineOClock(), r).ok());
}

GuardedWrite tapOf(CheckAction action, EventKind kind, const std::string& code, Instant at, const std::string& kiosk) {
    GuardedWrite w;
    w.action = action;
    w.event = makeTapEvent(kind, code, EventStamp::kiosk(at, kiosk));
    w.now = at;
    return w;
}

std::map<std::string, int> countKind(const std::filesystem::path& file, EventKind kind) {
    AttendanceDb db;
    REQUIRE(db.openReadOnly(file).ok());
    std::map<std::string, int> n;
    REQUIRE(db.loadEvents([&](const AttendanceEvent& e) {
                  if (e.kind == kind) ++n[e.participantCode];
              }).ok());
    return n;
}

std::vector<StoreCompletion> waitFor(StoreWorker& w, size_t n, int ms = 4000) {
    std::vector<StoreCompletion> all;
    for (int i = 0; i < ms / 5 && all.size() < n; ++i) {
        auto c = w.takeCompletions();
        all.insert(all.end(), c.begin(), c.end());
        if (all.size() < n) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return all;
}

}  // namespace

TEST_CASE("attendance_db rule 8: four processes deciding the same check-ins at the same moment write each one once",
          "[store][writers]") {
    test::AmsterdamTime tz;
    const Instant kNow = nineOClock();
    test::TempDir dir;
    const auto file = dir / "a.db";
    const int people = 40, writers = 4;
    createDb(file, people);
    int gate[2];
    REQUIRE(pipe(gate) == 0);
    std::vector<pid_t> pids;
    for (int k = 0; k < writers; ++k) {
        const pid_t pid = fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {  // a real second (third, fourth) process with its own connection
            close(gate[1]);
            char c;
            if (read(gate[0], &c, 1) < 0) _exit(90);  // all start together when the gate closes
            AttendanceDb db;
            if (!db.openExisting(file).ok()) _exit(91);
            int written = 0;
            for (int i = 1; i <= people; ++i) {
                GuardedOutcome out;
                const auto w = tapOf(CheckAction::check_in, EventKind::check_in, "P" + std::to_string(100 + i), kNow,
                                     "writer" + std::to_string(k));
                if (!db.decideAndAppend(w, out).ok()) _exit(92);
                if (out.written) ++written;
                else if (out.show != CheckFeedback::Kind::already_in) _exit(93);
            }
            _exit(written);  // how many this process wrote
        }
        pids.push_back(pid);
    }
    close(gate[0]);
    close(gate[1]);
    int total = 0;
    for (pid_t pid : pids) {
        int status = 0;
        REQUIRE(waitpid(pid, &status, 0) == pid);
        REQUIRE(WIFEXITED(status));
        REQUIRE(WEXITSTATUS(status) <= people);  // 90..93: the child says what went wrong
        total += WEXITSTATUS(status);
    }
    CHECK(total == people);  // each check-in reported as written by exactly one process
    const auto n = countKind(file, EventKind::check_in);
    CHECK(n.size() == static_cast<size_t>(people));
    for (const auto& [code, count] : n) CHECK(count == 1);
}

TEST_CASE("a tap decided on a stale view is refused with what is true now and the events it missed", "[store][writers]") {
    test::AmsterdamTime tz;
    const Instant kNow = nineOClock();
    test::TempDir dir;
    const auto file = dir / "a.db";
    createDb(file, 3);
    AttendanceDb cli, kiosk;
    REQUIRE(cli.openExisting(file).ok());
    REQUIRE(kiosk.openExisting(file).ok());
    const AttendanceEvent theirs = makeEvent(EventKind::check_in, "P101", localTime("2026-11-26T08:55"), localDateOf(kNow),
                                             EventStamp::commandLine(kNow, "cli"));
    REQUIRE(cli.appendEvent(theirs).ok());

    GuardedOutcome out;
    REQUIRE(kiosk.decideAndAppend(tapOf(CheckAction::check_in, EventKind::check_in, "P101", kNow, "kiosk"), out).ok());
    CHECK_FALSE(out.written);
    CHECK(out.show == CheckFeedback::Kind::already_in);
    CHECK(out.shownTime == theirs.at);  // "al ingecheckt om 08:55"
    REQUIRE(out.read.size() == 1);
    CHECK(out.read[0].id == theirs.id);
    CHECK(countKind(file, EventKind::check_in)["P101"] == 1);

    // Check-out on what the other writer made works; a second check-out says when.
    REQUIRE(kiosk.decideAndAppend(tapOf(CheckAction::check_out, EventKind::check_out, "P101", kNow.plusSeconds(3600), "kiosk"), out).ok());
    CHECK(out.written);
    CHECK(out.event.seq > theirs.seq);
    REQUIRE(cli.decideAndAppend(tapOf(CheckAction::check_out, EventKind::check_out, "P101", kNow.plusSeconds(3700), "cli"), out).ok());
    CHECK_FALSE(out.written);
    CHECK(out.show == CheckFeedback::Kind::already_out);

    // Check-out of someone nobody checked in.
    REQUIRE(kiosk.decideAndAppend(tapOf(CheckAction::check_out, EventKind::check_out, "P102", kNow, "kiosk"), out).ok());
    CHECK_FALSE(out.written);
    CHECK(out.show == CheckFeedback::Kind::not_checked_in);
    CHECK(countKind(file, EventKind::check_out).size() == 1);
}

TEST_CASE("an undo reverses only the check-in the caller saw, inside its window", "[store][writers]") {
    test::AmsterdamTime tz;
    const Instant kNow = nineOClock();
    test::TempDir dir;
    const auto file = dir / "a.db";
    createDb(file, 2);
    AttendanceDb db;
    REQUIRE(db.openExisting(file).ok());
    GuardedOutcome in;
    REQUIRE(db.decideAndAppend(tapOf(CheckAction::check_in, EventKind::check_in, "P101", kNow, "kiosk"), in).ok());
    REQUIRE(in.written);

    GuardedWrite wrong = tapOf(CheckAction::undo, EventKind::undo, "P101", kNow.plusSeconds(3), "kiosk");
    wrong.event.refersTo = "not-the-check-in";
    GuardedOutcome out;
    REQUIRE(db.decideAndAppend(wrong, out).ok());
    CHECK_FALSE(out.written);
    CHECK(out.show == CheckFeedback::Kind::already_in);

    GuardedWrite late = tapOf(CheckAction::undo, EventKind::undo, "P101", kNow.plusSeconds(60), "kiosk");
    late.event.refersTo = in.event.id;
    REQUIRE(db.decideAndAppend(late, out).ok());
    CHECK_FALSE(out.written);  // the window (10 s) has closed

    GuardedWrite undo = tapOf(CheckAction::undo, EventKind::undo, "P101", kNow.plusSeconds(3), "kiosk");
    undo.event.refersTo = in.event.id;
    REQUIRE(db.decideAndAppend(undo, out).ok());
    CHECK(out.written);
    REQUIRE(db.decideAndAppend(undo, out).ok());  // twice: already undone, nothing more written
    CHECK_FALSE(out.written);
    CHECK(out.show == CheckFeedback::Kind::not_checked_in);
    CHECK(countKind(file, EventKind::undo)["P101"] == 1);
}

TEST_CASE("the store thread hands over other writers' events once and posts nothing while nothing changes", "[store][writers]") {
    test::AmsterdamTime tz;
    const Instant kNow = nineOClock();
    test::TempDir dir;
    const auto file = dir / "a.db";
    createDb(file, 3);
    auto db = std::make_unique<AttendanceDb>();
    REQUIRE(db->openExisting(file).ok());
    int64_t seen = 0;
    REQUIRE(db->lastSeq(seen).ok());
    std::atomic<int> wakes{0};
    StoreWorker worker(std::move(db), [&] { ++wakes; });
    worker.follow(seen);
    REQUIRE(waitFor(worker, 1).size() == 1);  // the catch-up at follow(): nothing new
    const int wakesAtRest = wakes.load();
    std::this_thread::sleep_for(std::chrono::milliseconds(1600));  // three polls with no change
    CHECK(worker.takeCompletions().empty());
    CHECK(wakes.load() == wakesAtRest);  // no wake: the kiosk draws no frame for it

    AttendanceDb other;
    REQUIRE(other.openExisting(file).ok());
    const AttendanceEvent theirs = test::checkIn("P101", kNow);
    const auto committed = std::chrono::steady_clock::now();
    REQUIRE(other.appendEvent(theirs).ok());
    auto got = waitFor(worker, 1, 2000);
    const auto took = std::chrono::steady_clock::now() - committed;
    REQUIRE(got.size() == 1);
    CHECK(took < std::chrono::seconds(2));
    const auto* arrived = std::get_if<store_done::Arrived>(&got[0].result);
    REQUIRE(arrived);
    REQUIRE(arrived->events.size() == 1);
    CHECK(arrived->events[0].id == theirs.id);

    // The kiosk's own write comes back in its own completion, and never again in a later Arrived.
    const uint64_t mine = worker.decide(tapOf(CheckAction::check_in, EventKind::check_in, "P102", kNow, "kiosk"));
    got = waitFor(worker, 1);
    REQUIRE(got.size() == 1);
    CHECK(got[0].ticket == mine);
    REQUIRE(got[0].event());
    const std::string myId = got[0].event()->id;
    const AttendanceEvent next = test::checkIn("P103", kNow);
    REQUIRE(other.appendEvent(next).ok());
    got = waitFor(worker, 1, 2000);
    REQUIRE(got.size() == 1);
    arrived = std::get_if<store_done::Arrived>(&got[0].result);
    REQUIRE(arrived);
    REQUIRE(arrived->events.size() == 1);
    CHECK(arrived->events[0].id == next.id);
    CHECK(arrived->events[0].id != myId);

    // A tap on someone another writer checked in: refused, with that event for the ledger.
    // (a minute later: a check-out at the moment of the check-in is an impossible time, refused as such)
    const AttendanceEvent third = test::checkIn("P101", kNow.plusSeconds(60), EventKind::check_out);
    REQUIRE(other.appendEvent(third).ok());
    const uint64_t again =
        worker.decide(tapOf(CheckAction::check_out, EventKind::check_out, "P101", kNow.plusSeconds(61), "kiosk"));
    got = waitFor(worker, 1);
    REQUIRE(!got.empty());
    const StoreCompletion* decided = nullptr;
    for (const auto& c : got)
        if (c.ticket == again) decided = &c;
    if (!decided) {  // the poll may have come first; then the decision follows
        auto more = waitFor(worker, 1);
        got.insert(got.end(), more.begin(), more.end());
        for (const auto& c : got)
            if (c.ticket == again) decided = &c;
    }
    REQUIRE(decided);
    const auto* d = std::get_if<store_done::Decided>(&decided->result);
    REQUIRE(d);
    CHECK_FALSE(d->outcome.written);
    CHECK(d->outcome.show == CheckFeedback::Kind::already_out);
    // The check-out event reached the kiosk exactly once, whichever completion carried it.
    int carried = 0;
    for (const auto& c : got) {
        if (const auto* a = std::get_if<store_done::Arrived>(&c.result))
            for (const auto& e : a->events) carried += e.id == third.id;
        if (const auto* dd = std::get_if<store_done::Decided>(&c.result))
            for (const auto& e : dd->unseen) carried += e.id == third.id;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(700));
    for (const auto& c : worker.takeCompletions())
        if (const auto* a = std::get_if<store_done::Arrived>(&c.result))
            for (const auto& e : a->events) carried += e.id == third.id;
    CHECK(carried == 1);
}
