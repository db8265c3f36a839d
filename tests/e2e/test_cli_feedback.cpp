// `export --feedback` (issue 29, 6): the day's question answered on the real kiosk's goodbye card,
// one tap per person, then counted by the command line: no count at 4 answers (said instead), every
// count at 5, and no participant code anywhere in the export.
#include <catch2/catch.hpp>

#include "e2e_support.h"
#include "test_support.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

struct Person {
    const char* code;
    const char* tile;  // the tile's label in the sample config
    const char* answer;
};

// Checked in at 08:50; at 16:30 on the kiosk: Uitchecken, the name, an answer.
void checkOutAndAnswer(const TempDir& dir, const Person& p) {
    REQUIRE(runKiosk(dir, {"checkin", p.code, "--at", "2026-11-26T08:50", "--now", "2026-11-26T16:30"}).exitCode == 0);
    const auto r = runKiosk(dir, {"--now", "2026-11-26T16:30", "--screenshot", (dir / "shot.png").string(), "--tap", "Uitchecken",
                                  "--tap", p.tile, "--tap", p.answer});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
}

// The morning after: counts show once the day has ended (day_feedback.h, rule 5).
RunResult exportFeedback(const TempDir& dir) { return runKiosk(dir, {"export", "--feedback", "--now", "2026-11-27T08:00"}); }

}  // namespace

TEST_CASE("export --feedback: taps on the goodbye card, hidden at 4 answers, counted at 5, no codes", "[cli][feedback]") {
    TempDir dir;
    const Person people[] = {{"ZU01", "Anna de V.", "Goed"},
                             {"ZU02", "Mohamed E.", "Sterk"},
                             {"ZU05", "Çağla Ö.", "Goed"},
                             {"ZU08", "Fatima B.", "Matig"},
                             {"ZU12", "Daan S.", "Goed"}};
    for (int i = 0; i < 4; ++i) checkOutAndAnswer(dir, people[i]);
    auto r = exportFeedback(dir);
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out == "\xEF\xBB\xBF" "datum;groep;vraag;antwoord;aantal\r\n"
                   "2026-11-26;zutphen-2026;Hoe was deze dag voor je?;minder dan 5 antwoorden: geen aantallen getoond;\r\n");

    checkOutAndAnswer(dir, people[4]);
    r = exportFeedback(dir);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out == "\xEF\xBB\xBF" "datum;groep;vraag;antwoord;aantal\r\n"
                   "2026-11-26;zutphen-2026;Hoe was deze dag voor je?;Sterk;1\r\n"
                   "2026-11-26;zutphen-2026;Hoe was deze dag voor je?;Goed;3\r\n"
                   "2026-11-26;zutphen-2026;Hoe was deze dag voor je?;Matig;1\r\n");
    for (const auto& p : people) CHECK(r.out.find(p.code) == std::string::npos);
    // The same day, after the last check-out: no count yet (one more answer would say whose it was).
    const RunResult sameDay = runKiosk(dir, {"export", "--feedback", "--now", "2026-11-26T17:00"});
    REQUIRE(sameDay.exitCode == 0);
    CHECK(sameDay.out.find("de dag loopt nog") != std::string::npos);
    CHECK(sameDay.out.find("Sterk;1") == std::string::npos);

    // To a file, written whole; and only as CSV.
    const auto file = dir / "vraag.csv";
    REQUIRE(runKiosk(dir, {"export", "--feedback", "--now", "2026-11-27T08:00", "--out", file.string()}).exitCode == 0);
    CHECK(readFile(file.string()) == r.out);
    CHECK(runKiosk(dir, {"export", "--feedback", "--format", "xlsx"}).exitCode == 2);
}
