// Text fitting (widgets.cpp fitText / wrapLines) on content of any length: the cut is right (the
// longest prefix that fits with "…"), and a 64,000-character or 1 MB title costs less than a frame.
#include <catch2/catch.hpp>

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <string>

#include "ui/theme.h"
#include "ui/widgets.h"

using namespace kiosk;

namespace {

// A real ImGui context with the kiosk's fonts in a built atlas (no GL).
struct FontContext {
    FontContext() {
        ctx = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1920, 1080);
        ui::Theme& t = ui::theme();
        t.em = ui::emForHeight(1080, 0.0f);
        t.fonts = ui::loadFonts(t.em);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    ~FontContext() { ImGui::DestroyContext(ctx); }
    ImGuiContext* ctx = nullptr;
};

double millisecondsFor(const std::function<void()>& f) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// The title a careless edit makes: words with Dutch letters, `bytes` long.
std::string longTitle(size_t bytes) {
    const std::string word = "Samenwerking\xC3\xAB\xC4\xB3 ";  // "Samenwerkingëĳ "
    std::string s;
    while (s.size() < bytes) s += word;
    return s;
}

const std::string kEllipsis = "\xE2\x80\xA6";

}  // namespace

TEST_CASE("fitText keeps the longest prefix that fits with an ellipsis, cut between characters", "[ui][text]") {
    FontContext fc;
    ImFont* f = ui::theme().fonts.body;
    const std::string text = "Z\xC3\xB6\xC3\xAB Ĳsbrand van der Meulen-\xC3\x87" "a\xC4\x9F" "la, Publiekszaken en Vergunningen";
    for (float width : {5.0f, 40.0f, 80.0f, 150.0f, 300.0f, 2000.0f}) {
        const std::string fitted = ui::fitText(f, text, width);
        INFO("width " << width << ": " << fitted);
        if (ui::textSize(f, text).x <= width) {
            CHECK(fitted == text);
            continue;
        }
        REQUIRE(fitted.size() >= kEllipsis.size());
        CHECK(fitted.compare(fitted.size() - kEllipsis.size(), kEllipsis.size(), kEllipsis) == 0);
        const std::string prefix = fitted.substr(0, fitted.size() - kEllipsis.size());
        CHECK(text.compare(0, prefix.size(), prefix) == 0);
        if (!prefix.empty()) CHECK(ui::textSize(f, fitted).x <= width);
        // One more character would not fit (unless only spaces were dropped at the cut).
        size_t next = prefix.size() + 1;
        while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
        if (text[prefix.size()] != ' ')
            CHECK(ui::textSize(f, text.substr(0, next) + kEllipsis).x > width);
        // Never half a UTF-8 character before the ellipsis.
        if (!prefix.empty()) CHECK((static_cast<unsigned char>(prefix.back()) & 0xC0) != 0xC0);
    }
}

TEST_CASE("a 64,000-character and a 1 MB title are fitted and wrapped well within one frame (16 ms)", "[ui][text][perf]") {
    FontContext fc;
    const ui::Theme& t = ui::theme();
    for (size_t bytes : {size_t{64000}, size_t{1} << 20}) {
        const std::string title = longTitle(bytes);
        std::string one;
        std::vector<std::string> lines;
        // Best of three: the figure is the cost, not a moment when the machine was busy.
        double best = 1e9;
        for (int run = 0; run < 3; ++run)
            best = std::min(best, millisecondsFor([&] {
                one = ui::fitText(t.fonts.title, title, 900.0f);
                lines = ui::wrapLines(t.fonts.large, title, 1400.0f, 6);
            }));
        INFO(bytes << " bytes: " << best << " ms");
        WARN("fitText + wrapLines, " << bytes << "-byte title: " << best << " ms (best of 3)");
        CHECK(best < 16.0);
        CHECK(ui::textSize(t.fonts.title, one).x <= 900.0f);
        REQUIRE(lines.size() == 6);
        for (const auto& l : lines) CHECK(ui::textSize(t.fonts.large, l).x <= 1400.0f);
        CHECK(lines.back().compare(lines.back().size() - kEllipsis.size(), kEllipsis.size(), kEllipsis) == 0);
    }
}

TEST_CASE("wrapLines gives the same lines as before for text that fits in its lines", "[ui][text]") {
    FontContext fc;
    ImFont* f = ui::theme().fonts.body;
    const auto lines = ui::wrapLines(f, "Thijs van den Berg / op den K.", 10000.0f, 2);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == "Thijs van den Berg / op den K.");
    const auto two = ui::wrapLines(f, "een twee drie vier vijf zes zeven acht", ui::textSize(f, "een twee drie").x + 1.0f, 2);
    REQUIRE(two.size() == 2);
    CHECK(two[0] == "een twee drie");
    CHECK(two[1].rfind("vier vijf", 0) == 0);
}
