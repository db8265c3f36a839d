// Corrections and guest reviews are new events that reshape a day without touching the old ones;
// the export's streaming fold (AttendanceSummary) must always agree with the kiosk's ledger.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "core/attendance.h"
#include "event_support.h"
#include "test_support.h"

using namespace kiosk;

namespace {

AttendanceEvent ev(EventKind k, const std::string& code, const char* when) { return test::eventAt(k, code, when); }

// The staff form as the correction screen fills it; the builder makes the event.
StaffForm form(EventKind kind, const std::string& code, CorrectionEffect effect, const char* reason) {
    StaffForm f;
    f.kind = kind;
    f.participantCode = code;
    f.effect = effect;
    f.reason = reason;
    f.actor = "MJ";
    return f;
}

// Written at `writtenAt` (default: the corrected moment itself).
AttendanceEvent correction(const std::string& code, CorrectionEffect effect, const char* when, const char* writtenAt = nullptr) {
    const Instant at = fromLocal(*LocalDateTime::parse(when));
    return makeStaffEvent(form(EventKind::correction, code, effect, "vergeten"), localDateOf(at), at,
                          EventStamp::staff(writtenAt ? fromLocal(*LocalDateTime::parse(writtenAt)) : at, ""));
}

AttendanceEvent review(const AttendanceEvent& walkIn, CorrectionEffect effect, const std::string& code = {}) {
    StaffForm f = form(EventKind::guest_registration, code, effect, "gezien");
    f.refersTo = walkIn.id;
    return makeStaffEvent(f, walkIn.day, walkIn.at, EventStamp::staff(walkIn.recordedAt, ""));
}

const LocalDate kDay{2026, 11, 26};

}  // namespace

TEST_CASE("a correction reshapes the day, the original events stay, later corrections win", "[attendance][staff]") {
    test::AmsterdamTime tz;
    AttendanceLedger l;
    l.apply(ev(EventKind::check_in, "ZU01", "2026-11-26T10:40"));
    CHECK(toLocal(*l.record(kDay, "ZU01").checkIn).timeOfDay().hhmm() == "10:40");
    l.apply(correction("ZU01", CorrectionEffect::set_check_in, "2026-11-26T09:00"));  // the train was not late after all
    auto r = l.record(kDay, "ZU01");
    CHECK(toLocal(*r.checkIn).timeOfDay().hhmm() == "09:00");
    CHECK(r.corrected);
    CHECK(r.checkInEventId.empty());  // a corrected check-in cannot be undone from the screen
    l.apply(correction("ZU01", CorrectionEffect::set_check_out, "2026-11-26T16:30"));
    CHECK(toLocal(*l.record(kDay, "ZU01").checkOut).timeOfDay().hhmm() == "16:30");
    // The desk stamps an absence at midnight of the day; it is written after the others.
    l.apply(correction("ZU01", CorrectionEffect::set_absent, "2026-11-26T00:00", "2026-11-26T17:00"));
    CHECK_FALSE(l.record(kDay, "ZU01").checkIn);
    CHECK_FALSE(l.record(kDay, "ZU01").checkOut);
    CHECK(l.eventCount() == 4);
    const auto changes = l.staffChanges(10);
    REQUIRE(changes.size() == 3);
    CHECK(changes[0].effect == CorrectionEffect::set_absent);  // newest first
    CHECK(changes[2].effect == CorrectionEffect::set_check_in);
    CHECK(l.staffChanges(1).size() == 1);
}

TEST_CASE("a walk-in is confirmed as a guest, or linked to the participant it turned out to be", "[attendance][staff]") {
    test::AmsterdamTime tz;
    AttendanceLedger l;
    auto karin = ev(EventKind::guest_registration, "", "2026-11-26T09:12");
    karin.guestName = "Karin Mulder";
    auto joost = ev(EventKind::guest_registration, "", "2026-11-26T09:14");
    joost.guestName = "Joost";
    l.apply(karin);
    l.apply(joost);
    REQUIRE(l.guests(kDay).size() == 2);
    CHECK_FALSE(l.guests(kDay)[0].confirmed);
    l.apply(review(karin, CorrectionEffect::confirm_guest));
    l.apply(review(joost, CorrectionEffect::link_guest, "ZU10"));
    const auto guests = l.guests(kDay);
    REQUIRE(guests.size() == 1);
    CHECK(guests[0].name == "Karin Mulder");
    CHECK(guests[0].confirmed);
    const auto r = l.record(kDay, "ZU10");
    REQUIRE(r.checkIn);
    CHECK(*r.checkIn == joost.at);  // there from the walk-in's time
    CHECK(r.corrected);
    CHECK(l.staffChanges(10).size() == 2);
    CHECK(l.find(joost.id)->guestName == "Joost");
}

TEST_CASE("a staff change without reason or name, too long, or of the wrong shape, is refused before it is stored", "[attendance][staff]") {
    test::AmsterdamTime tz;
    StaffForm c = form(EventKind::correction, "ZU01", CorrectionEffect::set_check_in, "vergeten");
    CHECK(checkStaffChange(c).empty());
    c.reason = "  ";
    CHECK(checkStaffChange(c) == "staff.error.reason");
    c.reason = "trein";
    c.actor = "";
    CHECK(checkStaffChange(c) == "staff.error.actor");
    c.actor = "MJ";
    // The central server's limits, counted in characters (é is one): refused here, never left in the outbox.
    c.reason = std::string(499, 'x') + "\u00e9";
    CHECK(checkStaffChange(c).empty());
    c.reason += "x";
    CHECK(checkStaffChange(c) == "staff.error.too_long");
    c.reason = "trein";
    c.actor = std::string(101, 'M');
    CHECK(checkStaffChange(c) == "staff.error.too_long");
    c.actor = "MJ";
    c.effect = CorrectionEffect::link_guest;
    CHECK(checkStaffChange(c) == "staff.error.kind");
    c.effect = CorrectionEffect::set_absent;
    c.participantCode.clear();
    CHECK(checkStaffChange(c) == "staff.error.kind");
    auto walkIn = ev(EventKind::guest_registration, "", "2026-11-26T09:12");
    StaffForm link = form(EventKind::guest_registration, "", CorrectionEffect::link_guest, "gezien");  // linked to nobody
    link.refersTo = walkIn.id;
    CHECK(checkStaffChange(link) == "staff.error.kind");
    link.participantCode = "ZU02";
    CHECK(checkStaffChange(link).empty());
    CHECK(checkStaffChange(form(EventKind::check_in, "ZU01", CorrectionEffect::none, "vergeten")) == "staff.error.kind");
}

TEST_CASE("the export's streaming fold agrees with the kiosk's ledger on random days", "[attendance][export]") {
    test::AmsterdamTime tz;
    std::mt19937 rng(20261126);
    const std::vector<std::string> codes{"ZU01", "ZU02", "ZU03", "ZU04", "ZU05"};
    for (int round = 0; round < 200; ++round) {
        std::vector<AttendanceEvent> log;
        std::vector<AttendanceEvent> walkIns;
        const int n = static_cast<int>(rng() % 40);
        for (int i = 0; i < n; ++i) {
            const int day = 26 + static_cast<int>(rng() % 3);
            char when[32];
            std::snprintf(when, sizeof when, "2026-11-%02dT%02d:%02d", day, 8 + static_cast<int>(rng() % 10),
                          static_cast<int>(rng() % 60));
            const std::string& code = codes[rng() % codes.size()];
            switch (rng() % 8) {
                case 0:
                case 1:
                case 2: log.push_back(ev(EventKind::check_in, code, when)); break;
                case 3: log.push_back(ev(EventKind::check_out, code, when)); break;
                case 4: {  // an undo of a check-in of that person that day, if any
                    for (auto it = log.rbegin(); it != log.rend(); ++it)
                        if (it->kind == EventKind::check_in && it->participantCode == code) {
                            auto u = ev(EventKind::undo, code, when);
                            u.day = it->day;
                            u.refersTo = it->id;
                            log.push_back(u);
                            break;
                        }
                    break;
                }
                case 5:
                    log.push_back(correction(code, static_cast<CorrectionEffect>(1 + rng() % 3), when));
                    break;
                case 6: {
                    auto g = ev(EventKind::guest_registration, "", when);
                    g.guestName = "Gast " + std::to_string(i);
                    walkIns.push_back(g);
                    log.push_back(g);
                    break;
                }
                case 7:
                    if (!walkIns.empty()) {
                        const auto& w = walkIns[rng() % walkIns.size()];
                        log.push_back(rng() % 2 ? review(w, CorrectionEffect::confirm_guest) : review(w, CorrectionEffect::link_guest, code));
                    }
                    break;
            }
        }
        for (size_t i = 0; i < log.size(); ++i) log[i].seq = static_cast<int64_t>(i + 1);
        AttendanceLedger ledger;
        for (const auto& e : log) ledger.apply(e);
        // The store hands events out by (day, participant code, seq); NULL codes (walk-ins) first.
        auto sorted = log;
        std::stable_sort(sorted.begin(), sorted.end(), [](const AttendanceEvent& a, const AttendanceEvent& b) {
            if (a.day != b.day) return a.day < b.day;
            if (a.participantCode != b.participantCode) return a.participantCode < b.participantCode;
            return a.seq < b.seq;
        });
        AttendanceSummary summary;
        for (const auto& e : sorted) summary.add(e);
        summary.finish();
        CHECK(summary.eventCount() == log.size());
        for (int day = 26; day <= 28; ++day) {
            const LocalDate d{2026, 11, day};
            for (const auto& code : codes) {
                INFO("round " << round << " day " << day << " " << code);
                const DayRecord a = ledger.record(d, code), b = summary.record(d, code);
                CHECK(a.checkIn == b.checkIn);
                CHECK(a.checkOut == b.checkOut);
                CHECK(a.corrected == b.corrected);
            }
            const auto ga = ledger.guests(d), gb = summary.guests(d);
            REQUIRE(ga.size() == gb.size());
            for (size_t i = 0; i < ga.size(); ++i) {
                CHECK(ga[i].eventId == gb[i].eventId);
                CHECK(ga[i].confirmed == gb[i].confirmed);
            }
        }
    }
}

TEST_CASE("a staff correction of a time still to come is refused, as a tap's would be", "[staff][time][boundary]") {
    const Instant now = fromLocal({{2026, 11, 26}, 14, 0, 0});
    StaffForm f;
    f.participantCode = "ZU01";
    f.reason = "vergeten uit te checken";
    f.actor = "MK";
    for (const auto effect : {CorrectionEffect::set_check_in, CorrectionEffect::set_check_out}) {
        f.effect = effect;
        CHECK(checkStaffTime(f, now.plusSeconds(5 * 60), now).empty());            // at the limit: two clocks apart
        CHECK(checkStaffTime(f, now.plusSeconds(5 * 60 + 1), now) == "staff.error.ahead");
        CHECK(checkStaffTime(f, fromLocal({{2026, 11, 27}, 9, 0, 0}), now) == "staff.error.ahead");  // tomorrow
        CHECK(checkStaffTime(f, fromLocal({{2026, 11, 19}, 9, 0, 0}), now).empty());  // last week: a forgotten check-in
    }
    f.effect = CorrectionEffect::set_absent;  // an absence carries no time of its own
    CHECK(checkStaffTime(f, fromLocal({{2026, 11, 27}, 0, 0, 0}), now).empty());
}
