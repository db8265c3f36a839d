// One person's record for an inspection request (core/personal_record.h): all of theirs, nothing of
// anyone else's, staff names hidden unless configured.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <set>

#include "core/event_builder.h"
#include "core/personal_record.h"
#include "event_support.h"
#include "test_support.h"

using namespace kiosk;
using kiosk::test::eventAt;

namespace {

Instant at(const char* when) { return fromLocal(*LocalDateTime::parse(when)); }

AttendanceEvent staffEvent(EventKind kind, CorrectionEffect effect, const std::string& code, const std::string& refersTo,
                           const char* when, const std::string& reason, const std::string& actor) {
    StaffForm f;
    f.kind = kind;
    f.effect = effect;
    f.participantCode = code;
    f.refersTo = refersTo;
    f.reason = reason;
    f.actor = actor;
    return makeStaffEvent(f, localDateOf(at(when)), at(when), EventStamp::staff(at(when), "deur"));
}

// A day at the door: Sanne (ZU04) and Ruben (ZU05), two walk-ins (one of them was Sanne), staff at work.
std::vector<AttendanceEvent> aDay() {
    std::vector<AttendanceEvent> all;
    all.push_back(eventAt(EventKind::check_in, "ZU05", "2026-11-26T08:58"));
    all.push_back(eventAt(EventKind::check_in, "ZU04", "2026-11-26T09:01"));
    AttendanceEvent undo = makeUndoEvent("", all.back().id, EventStamp::kiosk(at("2026-11-26T09:01"), "deur"));
    all.push_back(undo);  // written without a code: still hers (rule 3)
    all.push_back(makeWalkInEvent("Sanne B.", "Gemeente Zutphen", EventStamp::kiosk(at("2026-11-26T09:03"), "deur")));
    const std::string sannesWalkIn = all.back().id;
    all.push_back(makeWalkInEvent("Karin Anders", "Provincie Gelderland", EventStamp::kiosk(at("2026-11-26T09:04"), "deur")));
    const std::string karinsWalkIn = all.back().id;
    all.push_back(staffEvent(EventKind::guest_registration, CorrectionEffect::link_guest, "ZU04", sannesWalkIn,
                             "2026-11-26T09:03", "gast was deelnemer", "M. Jansen"));
    all.push_back(staffEvent(EventKind::guest_registration, CorrectionEffect::confirm_guest, "", karinsWalkIn,
                             "2026-11-26T09:04", "gast gezien bij de balie", "M. Jansen"));
    all.push_back(staffEvent(EventKind::correction, CorrectionEffect::set_excused, "ZU05", "", "2026-11-27T09:00",
                             "ziek gemeld", "M. Jansen"));
    all.push_back(staffEvent(EventKind::correction, CorrectionEffect::set_check_out, "ZU04", "", "2026-11-26T16:30",
                             "vergeten uit te checken", "M. Jansen"));
    for (size_t i = 0; i < all.size(); ++i) all[i].seq = static_cast<int64_t>(i + 1);
    return all;
}

Participant sanne() { return {"ZU04", "Sanne", "", "Bakker", "Burgerzaken", "zutphen-2026", ""}; }

}  // namespace

TEST_CASE("inspection: every event about the person, the walk-in linked to them and the undo, in time order", "[inspection]") {
    test::AmsterdamTime tz;
    const auto all = aDay();
    const PersonalRecord r = collectPersonalRecord("zu04", sanne(), true, all, false, "medewerker");
    std::vector<std::string> kinds;
    for (const auto& e : r.events) kinds.push_back(std::string(eventKindKey(e.kind)) + ":" + correctionEffectKey(e.effect));
    CHECK(kinds == std::vector<std::string>{"check_in:", "undo:", "guest_registration:", "guest_registration:link_guest",
                                            "correction:set_check_out"});
    for (const auto& e : r.events) {
        CHECK(e.participantCode != "ZU05");
        CHECK(e.guestName != "Karin Anders");
        CHECK((e.actor.empty() || e.actor == "medewerker"));
    }
    CHECK(r.onRoster);
    // The staff member's own name only when the venue says so.
    const PersonalRecord named = collectPersonalRecord("ZU04", sanne(), true, all, true, "medewerker");
    CHECK(named.events.back().actor == "M. Jansen");
}

TEST_CASE("inspection: the JSON holds the person and their events and nothing of the others", "[inspection]") {
    test::AmsterdamTime tz;
    const PersonalRecord r = collectPersonalRecord("ZU04", sanne(), true, aDay(), false, "medewerker");
    const InspectionContext ctx{at("2026-12-07T10:00"), "deur", 365, "", false};
    const std::string json = personalRecordJson(r, ctx, test::texts());
    for (const auto& e : r.events) CHECK(json.find(e.id) != std::string::npos);
    for (const char* s : {"\"first_name\": \"Sanne\"", "\"last_name\": \"Bakker\"", "\"walk_in_name\": \"Sanne B.\"",
                          "\"at_local\": \"2026-11-26T16:30:00\"", "\"reason\": \"vergeten uit te checken\"",
                          "\"by\": \"medewerker\"", "\"retention_days\": 365", "na 365 dagen gewist", "erased after 365 days"})
        CHECK(json.find(s) != std::string::npos);
    for (const char* s : {"ZU05", "Karin", "Provincie", "M. Jansen", "ziek gemeld", "\"email\""})
        CHECK(json.find(s) == std::string::npos);
    CHECK(std::count(json.begin(), json.end(), '{') == std::count(json.begin(), json.end(), '}'));
    CHECK(std::count(json.begin(), json.end(), '[') == std::count(json.begin(), json.end(), ']'));
}

TEST_CASE("inspection: no person's record holds another person's event, whatever the day looked like", "[inspection][property]") {
    test::AmsterdamTime tz;
    std::mt19937 rng(20261207);
    const std::vector<std::string> codes{"ZU01", "ZU02", "ZU03", "0007"};
    for (int round = 0; round < 200; ++round) {
        std::vector<AttendanceEvent> all;
        std::vector<std::string> walkIns;
        const int n = 1 + static_cast<int>(rng() % 25);
        for (int i = 0; i < n; ++i) {
            const std::string& code = codes[rng() % codes.size()];
            const std::string when = "2026-11-26T" + std::to_string(10 + i / 6) + ":" + std::to_string(10 + i % 6 * 8);
            switch (rng() % 5) {
                case 0: all.push_back(eventAt(EventKind::check_in, code, when.c_str())); break;
                case 1: all.push_back(eventAt(EventKind::check_out, code, when.c_str())); break;
                case 2:
                    all.push_back(makeWalkInEvent("Gast " + std::to_string(i), "Org", EventStamp::kiosk(at(when.c_str()), "deur")));
                    walkIns.push_back(all.back().id);
                    break;
                case 3:
                    if (!walkIns.empty())
                        all.push_back(staffEvent(EventKind::guest_registration, CorrectionEffect::link_guest, code,
                                                 walkIns[rng() % walkIns.size()], when.c_str(), "r", "a"));
                    break;
                default:
                    if (!all.empty()) all.push_back(makeUndoEvent("", all[rng() % all.size()].id, EventStamp::kiosk(at(when.c_str()), "deur")));
            }
        }
        std::set<std::string> linked;  // walk-ins some link names: they may belong to that person
        for (const auto& e : all)
            if (e.effect == CorrectionEffect::link_guest) linked.insert(e.refersTo);
        for (const std::string& code : codes) {
            const PersonalRecord r = collectPersonalRecord(code, std::nullopt, false, all, false, "medewerker");
            std::set<std::string> inRecord;
            for (const auto& e : r.events) inRecord.insert(e.id);
            for (const auto& e : all) {
                INFO("round " << round << " code " << code << " event " << e.id);
                if (e.participantCode == code) CHECK(inRecord.count(e.id) == 1);  // all of theirs
                if (!e.participantCode.empty() && e.participantCode != code) CHECK(inRecord.count(e.id) == 0);
                if (e.kind == EventKind::guest_registration && e.participantCode.empty() && !linked.count(e.id))
                    CHECK(inRecord.count(e.id) == 0);  // a walk-in nobody was linked to is nobody's
            }
            CHECK(inRecord.size() == r.events.size());  // each once
        }
    }
}
