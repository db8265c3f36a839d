// central_kiosk.h: a kiosk for the central-record tests: the bundled sample config with its own
// [kiosk] id and [central] url, its own SQLite file, driven through the real binary.
#pragma once

#include <sqlite3.h>

#include <filesystem>
#include <sstream>

#include "central_support.h"
#include "store_test_support.h"

namespace kiosk::test {

inline const std::string kSource = KIOSK_SOURCE_DIR;

// A kiosk: the bundled sample config with its own [kiosk] id and [central] url, its own database.
struct Kiosk {
    TempDir dir;
    std::string id;

    // `cohort` "deventer-2026": the same programme and people for another municipality, codes DV01...
    Kiosk(const std::string& kioskId, const PrintedKiosk& printed, const std::string& cohort = "zutphen-2026") : id(kioskId) {
        std::filesystem::create_directories(dir / "config");
        for (const char* f : {"programme.toml", "exercises.toml", "participants.csv"}) {
            std::string text = readFile(kSource + "/config/" + f);
            for (auto [from, to] : {std::pair<std::string, std::string>{"zutphen-2026", cohort},
                                    {"\nZU", cohort == "zutphen-2026" ? "\nZU" : "\nDV"}})
                for (size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size())
                    text.replace(at, from.size(), to);
            writeFile((dir / "config" / f).string(), text);
        }
        std::string toml = readFile(kSource + "/config/kiosk.toml");
        auto replace = [&](const std::string& from, const std::string& to) {
            const auto at = toml.find(from);
            REQUIRE(at != std::string::npos);
            toml.replace(at, from.size(), to);
        };
        replace("id = \"entree\"", "id = \"" + kioskId + "\"");
        replace("url = \"\"", "url = \"" + printed.url + "\"");
        replace("password_file = \"\"", "password_file = \"" + (dir / "central-password").string() + "\"");
        writeFile((dir / "config" / "kiosk.toml").string(), toml);
        writeFile((dir / "central-password").string(), printed.password + "\n");
        // Only the owner may read it: the kiosk refuses a password file others can read.
        std::filesystem::permissions(dir / "central-password", std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    }
    RunResult cli(std::vector<std::string> args) const {
        std::vector<std::string> argv{kBinary};
        argv.insert(argv.end(), args.begin(), args.end());
        for (const std::string& a : {std::string("--config"), (dir / "config").string(), std::string("--db"),
                                     (dir / "attendance.db").string()})
            argv.push_back(a);
        return run(argv, {{"TZ", "Europe/Amsterdam"}});
    }
    RunResult sync() const { return cli({"sync"}); }
    RunResult checkIn(const std::string& code, const std::string& at) const { return cli({"checkin", code, "--at", at}); }
    // The presence list of 26 November 2026 as staff would export it.
    std::string presenceList() const {
        const RunResult r = cli({"export", "--date", "2026-11-26", "--format", "csv", "--out", "-"});
        REQUIRE(r.exitCode == 0);
        return r.out;
    }
    // The README's step for a box given another id: [kiosk] id, [central] url and the password
    // file as `--add-kiosk` printed them (an empty url: a kiosk on its own, no central record).
    void becomes(const std::string& newId, const PrintedKiosk& printed) {
        std::string toml = readFile((dir / "config" / "kiosk.toml").string());
        auto replaceLine = [&](const std::string& start, const std::string& line) {
            const auto at = toml.find("\n" + start);
            REQUIRE(at != std::string::npos);
            toml.replace(at + 1, toml.find('\n', at + 1) - at - 1, line);
        };
        replaceLine("id = \"" + id + "\"", "id = \"" + newId + "\"");
        replaceLine("url = \"", "url = \"" + printed.url + "\"");
        writeFile((dir / "config" / "kiosk.toml").string(), toml);
        writeFile((dir / "central-password").string(), printed.password + "\n");
        id = newId;
    }
    long long localEvents() const { return sqliteCount("SELECT count(*) FROM attendance_event"); }
    long long sqliteCount(const std::string& sql) const {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open((dir / "attendance.db").c_str(), &db) == SQLITE_OK);
        sqlite3_stmt* st = nullptr;
        REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
        const long long n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
        sqlite3_finalize(st);
        sqlite3_close(db);
        return n;
    }
};

// The presence-list row of one participant (by first name), or "".
inline std::string rowOf(const std::string& csv, const std::string& firstName) {
    std::istringstream in(csv);
    std::string line;
    while (std::getline(in, line))
        if (line.find(";" + firstName + ";") != std::string::npos) return line;
    return {};
}

}  // namespace kiosk::test
