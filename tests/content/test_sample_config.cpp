// The bundled sample (config/) is what a venue starts from: it must be valid and faithful to the
// brochure: seven days in order with their themes, two exercises a day, fourteen participants.
#include <catch2/catch.hpp>

#include <set>

#include "content/config_loader.h"
#include "test_support.h"

using namespace kiosk;

TEST_CASE("the bundled sample programme is valid and complete", "[config][sample]") {
    Problems read;
    const auto files = readConfigFolder(std::string(KIOSK_SOURCE_DIR) + "/config", test::texts(), read);
    REQUIRE(read.empty());
    const auto cfg = loadConfig(files, test::texts());
    for (const auto& p : cfg.problems) FAIL(p.format());

    const std::vector<std::string> themes{"Rechtsstatelijk vakmanschap", "Democratisch vakmanschap",
                                          "Omgaan met conflict en dilemma", "Oplossingsgericht werken",
                                          "Rollen en samenwerking", "Creativiteit", "Afsluiting"};
    REQUIRE(cfg.programme.days.size() == 7);
    for (size_t i = 0; i < 7; ++i) {
        const auto& d = cfg.programme.days[i];
        CHECK(d.number == static_cast<int>(i) + 1);
        CHECK(d.theme == themes[i]);
        int exercises = 0;
        for (const auto& a : d.agenda) exercises += !a.exerciseId.empty();
        CHECK(exercises >= 2);
        CHECK(d.agenda.front().title == "Inloop en koffie");
        if (i < 6) CHECK_FALSE(d.assignment.empty());
    }
    CHECK(cfg.settings.venue == "De Broodfabriek");
    // The certificate's organising partners, as on the programme's own page (shared/seed).
    CHECK(cfg.programme.certificate.organisers == std::vector<std::string>{"Stichting Beroepseer", "Tilburg University"});
    CHECK_FALSE(cfg.programme.certificate.signatory.empty());
    CHECK(cfg.settings.city == "Zutphen");
    REQUIRE(cfg.roster.rows.size() == 14);
    std::set<std::string> departments;
    for (const auto& r : cfg.roster.rows) departments.insert(r.participant.department);
    CHECK(departments.size() >= 6);
    for (const auto& e : cfg.programme.exercises) {
        INFO(e.id);
        CHECK(e.steps.size() >= 3);
        CHECK_FALSE(e.purpose.empty());
    }
}
