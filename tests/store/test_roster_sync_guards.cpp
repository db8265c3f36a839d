// The store's own guards on the live roster sync (roster_sync.h): an empty list is never synced,
// and a list whose codes lost their leading zeros in Excel keeps the stored codes, whoever calls.
#include <catch2/catch.hpp>

#include "store/roster_sync.h"
#include "store_test_support.h"
#include "test_support.h"

using namespace kiosk;

namespace {
const Instant kNow{1'795'000'000'000};
}

TEST_CASE("the live roster sync refuses an empty list and keeps the stored form of codes that lost their zeros", "[store][roster][case]") {
    test::AmsterdamTime tz;
    test::TempDir dir;
    AttendanceDb db;
    REQUIRE(db.open(dir / "attendance.db", kNow).status.ok());
    bool imported = false;
    RosterImportResult result;
    REQUIRE(syncConfigRoster(db, {test::participant("0007", "Bram", "Verhoef"), test::participant("0031", "Ilse", "Linden")},
                             "zeros", kNow, imported, result).ok());
    REQUIRE(imported);

    // A header-only participants.csv: nothing synced, nobody deactivated.
    REQUIRE(syncConfigRoster(db, {}, "header only", kNow, imported, result).ok());
    CHECK_FALSE(imported);
    // Excel's save without the zeros: synced as the same two people, in the stored form.
    REQUIRE(syncConfigRoster(db, {test::participant("7", "Bram", "Verhoef"), test::participant("31", "Ilse", "Linden")},
                             "stripped", kNow, imported, result).ok());
    CHECK(imported);
    REQUIRE(result.codesRestored.size() == 2);
    CHECK(result.codesRestored[0].incoming == "7");
    CHECK(result.codesRestored[0].stored == "0007");
    CHECK(result.added == 0);
    CHECK(result.deactivated == 0);
    std::optional<StoredParticipant> found;
    CodeMatch match = CodeMatch::unknown;
    REQUIRE(db.findParticipant("7", found, &match).ok());
    REQUIRE(found);
    CHECK(found->participant.code == "0007");
    CHECK(match == CodeMatch::active);

    std::vector<StoredParticipant> stored;
    REQUIRE(db.participants(stored).ok());
    REQUIRE(stored.size() == 2);
    for (const auto& sp : stored) CHECK(sp.active);
    CHECK(stored[0].participant.code == "0007");
    CHECK(stored[1].participant.code == "0031");
}

TEST_CASE("roster import rule (codes kept): a former participant's 0007 re-imported as 7 is the same person again, not a new one", "[store][roster][case]") {
    test::AmsterdamTime tz;
    test::TempDir dir;
    AttendanceDb db;
    REQUIRE(db.open(dir / "attendance.db", kNow).status.ok());
    RosterImportResult r;
    REQUIRE(db.importRoster({test::participant("0007", "Bram", "Verhoef"), test::participant("0031", "Ilse", "Linden")}, kNow, r).ok());
    // Bram leaves the list: a former participant, kept under his stored code.
    REQUIRE(db.importRoster({test::participant("0031", "Ilse", "Linden")}, kNow, r).ok());
    REQUIRE(r.deactivated == 1);
    // He comes back in a list saved by Excel, without the zeros.
    REQUIRE(db.importRoster({test::participant("7", "Bram", "Verhoef"), test::participant("31", "Ilse", "Linden")}, kNow, r).ok());
    CHECK(r.added == 0);
    REQUIRE(r.codesRestored.size() == 2);
    CHECK(r.codesRestored[0].incoming == "7");
    CHECK(r.codesRestored[0].stored == "0007");
    std::vector<StoredParticipant> stored;
    REQUIRE(db.participants(stored).ok());
    REQUIRE(stored.size() == 2);  // no new person "7"
    CHECK(stored[0].participant.code == "0007");
    CHECK(stored[0].active);
    CHECK(stored[1].participant.code == "0031");
}
