// Layout fit at every size (the every-size test's panels, tests/e2e, and a 10-inch portrait panel),
// headless: what a participant at the door or staff at a 7-inch panel would notice. The name tiles
// keep the tile font where a fair grid allows it, the staff export bar says where a file goes in
// full, a namesake's row in the search keeps the row font, and a portrait home with two groups
// uses its height for the group cards.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <thread>

#include "config_copy.h"
#include "ui/layout.h"
#include "ui_harness.h"

using namespace kiosk;

namespace {

struct Panel {
    float w, h, diagonal;
};
// The every-size test's panels, and a 10-inch and a 7-inch panel on their side.
constexpr Panel kPanels[] = {{800, 480, 7},       {1024, 600, 7},      {1280, 800, 10.1f},   {1920, 1080, 21.5f},
                             {1080, 1920, 21.5f}, {3840, 2160, 65},    {800, 1280, 10.1f},   {800, 1280, 7}};

std::unique_ptr<test::UiHarness> kioskAt(float w, float h, float diagonal, const std::string& config) {
    return std::make_unique<test::UiHarness>("2026-11-26T09:10", w, h, config, false, std::filesystem::path{},
                                             std::function<std::vector<ExportTarget>()>{}, std::function<void(SessionOptions&)>{},
                                             diagonal);
}

// The frame's texts (drawText), recorded for one frame.
const std::vector<ui::TextItem>& textsOfAFrame(test::UiHarness& ui) {
    ui::recordFrameTexts(true);
    ui.frame();
    ui::recordFrameTexts(false);
    return ui::frameTexts();
}

bool overlaps(ImVec2 aMin, ImVec2 aMax, ImVec2 bMin, ImVec2 bMax) {
    return std::min(aMax.x, bMax.x) - std::max(aMin.x, bMin.x) > 1 && std::min(aMax.y, bMax.y) - std::max(aMin.y, bMin.y) > 1;
}

}  // namespace

TEST_CASE("check-in tiles of the sample at every size: every name keeps the tile font", "[ui][sizes][checkin][fit]") {
    // The sizes of the screenshots, at the assumed 96 dpi (no --diagonal): 14 names, two of them
    // wrapping ("Maria-Louise / van den H."), two as wide as a tile less one icon's room.
    for (const ImVec2 size : {ImVec2(800, 480), ImVec2(1024, 600), ImVec2(1280, 800), ImVec2(1920, 1080), ImVec2(1080, 1920),
                              ImVec2(800, 1280)}) {
        INFO(size.x << "x" << size.y);
        auto ui = kioskAt(size.x, size.y, 0, std::string(KIOSK_SOURCE_DIR) + "/config");
        ui->tap("go.checkin");
        int tiles = 0;
        for (const auto& t : ui::frameTargets()) {
            if (t.id.rfind("tile.", 0) != 0) continue;
            ++tiles;
            INFO(t.label);
            CHECK_FALSE(t.clipped);
            CHECK(t.capPx == Approx(ui::capHeightPx(ui::theme().fonts.title)));
        }
        CHECK(tiles == 14);
    }
}

TEST_CASE("staff export bar at every size: where the file goes is said whole, clear of the buttons", "[ui][sizes][staff][fit]") {
    test::ConfigCopy cfg;
    cfg.withStaffPin();
    for (const Panel& p : kPanels) {
        auto ui = kioskAt(p.w, p.h, p.diagonal, cfg.path());
        REQUIRE(ui->openStaffDesk(test::kStaffPin));
        for (const char* page : {"Presentielijst naar", "Matrix naar"}) {
            INFO(p.w << "x" << p.h << " at " << p.diagonal << " inch, " << page);
            if (std::string(page) == "Matrix naar") ui->tap("desk.tab.matrix");
            const auto& texts = textsOfAFrame(*ui);
            int said = 0;
            for (const auto& t : texts) {
                const bool where = t.text.rfind(page, 0) == 0, folder = t.text.find("exports") != std::string::npos;
                if (!where && !folder) continue;
                INFO(t.text);
                said += where;
                CHECK_FALSE(t.shortened);
                CHECK_FALSE(t.clipped);
                for (const auto& b : ui::frameTargets())
                    if (b.id.rfind("save.", 0) == 0) CHECK_FALSE(overlaps(t.min, t.max, b.min, b.max));
            }
            std::string all;
            for (const auto& t : texts) all += t.text + " ";
            for (const auto& b : ui::frameTargets())
                if (b.id.rfind("save.", 0) == 0) {
                    INFO(b.id);
                    CHECK_FALSE(b.clipped);  // whole, inside the window
                }
            CHECK(said >= 1);
            CHECK(all.find("(geen USB-stick gevonden)") != std::string::npos);  // the message's end, not cut off
        }
    }
}

TEST_CASE("namesakes in the search list at every size: their two lines keep the row font", "[ui][sizes][checkin][namesake][fit]") {
    test::ConfigCopy cfg;  // the sample and Lochem: 17 people, two Anna de Vries (· Griffie, · Beleid Sociaal Domein)
    cfg.addLochem();
    int searched = 0;
    for (const Panel& p : kPanels) {
        INFO(p.w << "x" << p.h << " at " << p.diagonal << " inch");
        auto ui = kioskAt(p.w, p.h, p.diagonal, cfg.path());
        ui->tap("go.checkin");
        if (!ui->has("search.key.Q")) continue;  // name tiles at this size (the other tests)
        ++searched;
        for (const char* id : {"tile.ZU01", "tile.LO03"}) {
            const ui::TapTarget* row = ui->target(id);
            REQUIRE(row);
            INFO(row->label);
            CHECK_FALSE(row->clipped);
            CHECK(row->capPx >= ui::capHeightPx(ui::theme().fonts.bodyBold) - 0.01f);
        }
        // The keyboard gave way no further than keys of 9 mm.
        const ui::TapTarget* q = ui->target("search.key.Q");
        CHECK(q->max.x - q->min.x >= ui::layout().minTargetPx - 0.5f);
    }
    CHECK(searched >= 2);  // the 7-inch panels search
}

TEST_CASE("portrait home with two groups: the group cards use the height between the title and the total", "[ui][sizes][cohorts][home][fit]") {
    test::ConfigCopy cfg;
    cfg.addLochem();
    for (const Panel& p : kPanels) {
        if (p.h <= p.w) continue;
        INFO(p.w << "x" << p.h << " at " << p.diagonal << " inch");
        auto ui = kioskAt(p.w, p.h, p.diagonal, cfg.path());
        const auto& texts = textsOfAFrame(*ui);
        float subtitleBottom = 0, totalTop = 0, firstGroup = 1e9f, lastLine = 0;
        for (const auto& t : texts) {
            if (t.text == "Balanceren tussen burger en bestuur") subtitleBottom = t.max.y;
            if (t.text.rfind("samen ", 0) == 0) totalTop = t.min.y;
        }
        REQUIRE(subtitleBottom > 0);
        REQUIRE(totalTop > subtitleBottom);
        std::string all;
        for (const auto& t : texts) {
            if (t.min.y <= subtitleBottom || t.max.y >= totalTop) continue;
            INFO(t.text);
            CHECK_FALSE(t.shortened);
            CHECK_FALSE(t.clipped);
            if (t.text.rfind("Gemeente Zutphen", 0) == 0) firstGroup = t.min.y;
            lastLine = std::max(lastLine, t.max.y);
            all += t.text + "|";
        }
        // The cards' words span more than half the room, not a strip at its top.
        CHECK(lastLine - firstGroup >= 0.5f * (totalTop - subtitleBottom));
        CHECK(all.find("Gemeente Lochem, 2027") != std::string::npos);
        CHECK(all.find("Kennismaken met de raad") != std::string::npos);
        CHECK(all.find("Bakkerij") != std::string::npos);
    }
}

namespace {

// The matrix page's headings apart and whole, and the certificate column's words and the names of
// the rows in view whole (`nl`: in Dutch, else in English).
void checkMatrixFits(test::UiHarness& ui, bool nl) {
    ui.tap("desk.tab.matrix");
    for (int i = 0; i < 2500 && ui.session().buildView().staff->matrixLoading; ++i) {  // loaded off the UI thread
        ui.frame();
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    REQUIRE_FALSE(ui.session().buildView().staff->matrixLoading);
    const auto texts = textsOfAFrame(ui);
    const ui::TextItem *nameHead = nullptr, *certHead = nullptr, *exportLine = nullptr;
    for (const auto& t : texts) {
        if (t.text == (nl ? "Naam" : "Name")) nameHead = &t;
        if (t.text == (nl ? "Certificaat" : "Certificate")) certHead = &t;
        if (t.text.rfind(nl ? "Matrix naar" : "Matrix to", 0) == 0) exportLine = &t;
    }
    REQUIRE(nameHead);
    REQUIRE(certHead);
    REQUIRE(exportLine);
    // The headings: every text on the line of "Naam" (a day, its date, Dagen, Certificaat).
    std::vector<const ui::TextItem*> heads;
    for (const auto& t : texts)
        if (&t != nameHead && t.max.y > nameHead->min.y && t.min.y < nameHead->max.y) heads.push_back(&t);
    CHECK(heads.size() >= 2 * 7 + 2);
    for (size_t i = 0; i < heads.size(); ++i) {
        INFO(heads[i]->text);
        CHECK_FALSE(heads[i]->shortened);
        CHECK_FALSE(heads[i]->clipped);
        for (size_t j = i + 1; j < heads.size(); ++j) {
            INFO("and " << heads[j]->text);
            CHECK_FALSE(overlaps(heads[i]->min, heads[i]->max, heads[j]->min, heads[j]->max));
        }
    }
    // The rows in view: the certificate column's words whole, and each name whole.
    int statuses = 0, names = 0;
    for (const auto& t : texts) {
        if (t.min.y <= certHead->max.y || t.max.y >= exportLine->min.y) continue;
        INFO(t.text);
        const bool cert = t.min.x >= certHead->min.x - 1, name = t.min.x <= nameHead->min.x + 1;
        statuses += cert;
        names += name;
        if (cert || name) CHECK_FALSE(t.shortened);
    }
    CHECK(statuses >= 2);
    CHECK(names >= 2);
}

}  // namespace

TEST_CASE("staff matrix at every size: the day headings apart, the certificate status and the names whole", "[ui][sizes][staff][matrix][fit]") {
    // The sample at 09:10 on day 1: nobody in yet, so every row says the longest status there is
    // ("elke dag nodig", once "nog haalbaar, geen dag meer te missen", cut to "nog haalbaa…").
    test::ConfigCopy cfg;
    cfg.withStaffPin();
    for (const Panel& p : kPanels) {
        auto ui = kioskAt(p.w, p.h, p.diagonal, cfg.path());
        {
            INFO(p.w << "x" << p.h << " at " << p.diagonal << " inch, nl");
            REQUIRE(ui->openStaffDesk(test::kStaffPin));
            checkMatrixFits(*ui, true);
        }
        if (p.w > 1100) continue;  // English on the narrow panels, where its longer words are tight
        INFO(p.w << "x" << p.h << " at " << p.diagonal << " inch, en");
        ui->tap("desk.lock");
        ui->tap("lang.en");
        REQUIRE(ui->openStaffDesk(test::kStaffPin));
        checkMatrixFits(*ui, false);
    }
}
