#include "quarantine.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <array>
#include <map>
#include <vector>

#include "roster_sync.h"
#include "sqlite_statement.h"
#include "store/meta_keys.h"

namespace kiosk {
namespace {

using store_detail::Statement;

std::string stamp(Instant t) {
    const auto l = toLocal(t);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d-%02d%02d%02d", l.date.year, l.date.month, l.date.day, l.hour,
                  l.minute, l.second);
    return buf;
}

constexpr int kEventColumns = 15;
constexpr const char* kEventColumnList =
    "seq, id, participant_code, kind, at_ms, recorded_ms, local_date, source, kiosk_id, reason, actor, refers_to, effect,"
    " guest_name, guest_organisation";

// One row as SQLite values, copied out of the damaged file.
struct Row {
    std::vector<std::string> text;
    std::vector<int64_t> integer;
    std::vector<int> type;
};

Row readRow(Statement& st, int columns) {
    Row r;
    for (int c = 0; c < columns; ++c) {
        r.type.push_back(sqlite3_column_type(st.get(), c));
        r.integer.push_back(st.integer(c));
        r.text.push_back(st.text(c));
    }
    return r;
}

void bindRow(Statement& st, const Row& r) {
    for (size_t c = 0; c < r.type.size(); ++c) {
        const int i = static_cast<int>(c) + 1;
        if (r.type[c] == SQLITE_NULL) sqlite3_bind_null(st.get(), i);
        else if (r.type[c] == SQLITE_INTEGER) st.bind(i, r.integer[c]);
        else st.bind(i, r.text[c]);
    }
}

// Reads events with seq > after, in order, until the end (true) or a damaged page (false). Sought
// as seq >= after + 1: a seek to `after` itself, the last key of a damaged stretch, would land on
// the damaged page and lose the first good event after it.
bool scanEvents(sqlite3* old, int64_t after, std::map<int64_t, Row>& out, int64_t& last) {
    const std::string sql = std::string("SELECT ") + kEventColumnList + " FROM attendance_event WHERE seq >= ? ORDER BY seq";
    Statement st(old, sql.c_str());
    if (st.prepareRc() != SQLITE_OK) return false;
    st.bind(1, after + 1);
    last = after;
    int rc;
    while ((rc = st.step()) == SQLITE_ROW) {
        last = st.integer(0);
        out.emplace(last, readRow(st, kEventColumns));
    }
    return rc == SQLITE_DONE;
}

// 1: a row with seq >= key exists and the seek reached it; 0: none (the end); -1: the seek hit damage.
int probe(sqlite3* old, int64_t key, int64_t& found) {
    Statement st(old, "SELECT seq FROM attendance_event WHERE seq >= ? ORDER BY seq LIMIT 1");
    if (st.prepareRc() != SQLITE_OK) return -1;
    st.bind(1, key);
    const int rc = st.step();
    if (rc == SQLITE_ROW) {
        found = st.integer(0);
        return 1;
    }
    return rc == SQLITE_DONE ? 0 : -1;
}

// Every readable event, past damaged pages (contract 2). `skipped`: keys jumped over.
void readAllEvents(sqlite3* old, std::map<int64_t, Row>& out, int64_t& skipped, bool& complete) {
    int64_t after = 0, last = 0;
    for (int rounds = 0; rounds < 100000; ++rounds) {
        if (scanEvents(old, after, out, last)) return;
        complete = false;
        // Damage after `last`: find a readable key beyond it, by ever larger steps...
        int64_t step = 1, good = -1, found = 0;
        for (; step < (int64_t{1} << 40); step *= 2) {
            const int p = probe(old, last + step, found);
            if (p == 0) return;  // nothing readable beyond: done
            if (p == 1) {
                good = last + step;
                break;
            }
        }
        if (good < 0) return;
        // ...then narrow back to the first key from which a seek works.
        int64_t bad = last + step / 2;
        if (step == 1) bad = last;
        while (good - bad > 1) {
            const int64_t mid = bad + (good - bad) / 2;
            int64_t f = 0;
            if (probe(old, mid, f) == 1) good = mid;
            else bad = mid;
        }
        probe(old, good, found);
        skipped += found - last - 1;
        // Always move forward: a row that can be sought but not read through is skipped as well.
        const int64_t next = std::max(found - 1, after + 1);
        if (next > found - 1) ++skipped;
        after = next;
    }
}

// Participants scanned from the front and from the back: everything but the damaged middle.
void readAllParticipants(sqlite3* old, std::map<std::string, Row>& out, bool& complete) {
    for (const char* order : {"ASC", "DESC"}) {
        const std::string sql = std::string("SELECT code, first_name, infix, last_name, department, cohort, email, active,"
                                            " updated_ms FROM participant ORDER BY code ") + order;
        Statement st(old, sql.c_str());
        if (st.prepareRc() != SQLITE_OK) {
            complete = false;
            continue;
        }
        int rc;
        while ((rc = st.step()) == SQLITE_ROW) out.emplace(st.text(0), readRow(st, 9));
        if (rc != SQLITE_DONE) complete = false;
        else break;  // read to the end from the front: no need to come from the back
    }
}

}  // namespace

std::filesystem::path uniqueAsideName(const std::filesystem::path& file, const std::string& tag, Instant now) {
    const std::string base = file.string() + "." + tag + "-" + stamp(now);
    std::error_code ec;
    std::filesystem::path p = base;
    for (int n = 2; std::filesystem::exists(std::filesystem::symlink_status(p, ec)) ||
                    std::filesystem::exists(std::filesystem::symlink_status(p.string() + "-wal", ec));
         ++n)
        p = base + "-" + std::to_string(n);
    return p;
}

int removeAsideCopiesBefore(const std::filesystem::path& database, LocalDate cutoff) {
    namespace fs = std::filesystem;
    const fs::path dir = database.has_parent_path() ? database.parent_path() : fs::path(".");
    const std::string base = database.filename().string() + ".";
    int removed = 0;
    std::error_code ec;
    std::vector<fs::path> old;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        const std::string name = e.path().filename().string();
        for (const char* tag : {"damaged-", "before-restore-", "before-recovery-"}) {
            const std::string prefix = base + tag;
            if (name.rfind(prefix, 0) != 0 || name.size() < prefix.size() + 8) continue;
            const std::string d = name.substr(prefix.size(), 8);
            const auto day = LocalDate::parse(d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2));
            if (day && *day < cutoff) old.push_back(e.path());
        }
    }
    for (const auto& p : old)
        if (fs::remove_all(p, ec) > 0 && !ec) ++removed;
    return removed;
}

std::string renameNoReplace(const std::filesystem::path& from, const std::filesystem::path& to) {
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return {};
    if (errno == EINVAL || errno == ENOSYS) {
        // A file system without RENAME_NOREPLACE: a hard link refuses to replace as well.
        if (::link(from.c_str(), to.c_str()) == 0) {
            ::unlink(from.c_str());
            return {};
        }
    }
    return std::strerror(errno);
}

std::string moveDatabaseAside(const std::filesystem::path& file, const std::filesystem::path& aside) {
    if (std::string err = renameNoReplace(file, aside); !err.empty()) return err;
    std::error_code ec;
    for (const char* suffix : {"-wal", "-shm"}) {
        const std::filesystem::path side = file.string() + suffix;
        if (std::filesystem::exists(side, ec))
            if (std::string err = renameNoReplace(side, aside.string() + suffix); !err.empty()) return err;
    }
    return {};
}

SalvageResult salvageRows(sqlite3* fresh, const std::filesystem::path& damaged, Instant now) {
    SalvageResult result;
    sqlite3* old = nullptr;
    if (sqlite3_open_v2(damaged.c_str(), &old, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close_v2(old);
        result.complete = false;
        return result;
    }
    std::map<int64_t, Row> events;
    std::map<std::string, Row> people;
    int64_t skipped = 0;
    readAllEvents(old, events, skipped, result.complete);
    readAllParticipants(old, people, result.complete);
    std::vector<std::pair<std::string, std::string>> meta;
    {
        Statement st(old, "SELECT key, value FROM meta");
        int rc;
        while ((rc = st.step()) == SQLITE_ROW)
            if (st.text(0) != meta_keys::kConfigRosterHash) meta.emplace_back(st.text(0), st.text(1));  // re-import names placeholders
        if (rc != SQLITE_DONE) result.complete = false;
    }
    // Which events came from other kiosks through the central record (central_outbox.h): carried
    // before the events, so that the outbox trigger leaves them out and they are never pushed as
    // this kiosk's own (central_sync.h, rule 13 would send them under this kiosk's id). Best effort:
    // a store that never synced has no such table; schema 2 has no epoch.
    std::vector<std::array<std::string, 4>> pulled;
    for (const char* sql : {"SELECT event_id, origin_kiosk, origin_epoch, origin_seq FROM central_pulled",
                            "SELECT event_id, origin_kiosk, 0, origin_seq FROM central_pulled"}) {
        Statement st(old, sql);
        if (st.prepareRc() != SQLITE_OK) continue;
        int rc;
        while ((rc = st.step()) == SQLITE_ROW) pulled.push_back({st.text(0), st.text(1), st.text(2), st.text(3)});
        if (rc != SQLITE_DONE) result.complete = false;
        break;
    }
    sqlite3_close_v2(old);

    if (!store_detail::execSql(fresh, "BEGIN IMMEDIATE").ok()) {
        result.eventsNotCarried = static_cast<int>(events.size() + static_cast<size_t>(skipped));
        return result;
    }
    {
        // The columns every schema version has; the enrolment (version 4) comes back with the roster,
        // which is imported again (its hash is not carried over).
        Statement wr(fresh, "INSERT OR IGNORE INTO participant (code, first_name, infix, last_name, department, cohort, email,"
                            " active, updated_ms) VALUES (?,?,?,?,?,?,?,?,?)");
        for (const auto& [code, row] : people) {
            bindRow(wr, row);
            if (wr.step() == SQLITE_DONE && sqlite3_changes(fresh) > 0) ++result.participantsCarried;
            wr.reset();
        }
        Statement placeholder(fresh, "INSERT OR IGNORE INTO participant (code, first_name, last_name, active, updated_ms) VALUES (?,?,'',0,?)");
        for (const auto& [seq, row] : events) {
            if (row.type[2] == SQLITE_NULL || people.count(row.text[2])) continue;
            placeholder.bind(1, row.text[2]);
            placeholder.bind(2, row.text[2]);
            placeholder.bind(3, now.ms);
            if (placeholder.step() == SQLITE_DONE && sqlite3_changes(fresh) > 0) ++result.participantsPlaceholder;
            placeholder.reset();
        }
        Statement pr(fresh, "INSERT OR IGNORE INTO central_pulled (event_id, origin_kiosk, origin_epoch, origin_seq) VALUES (?,?,?,?)");
        for (const auto& row : pulled) {
            for (int i = 0; i < 4; ++i) pr.bind(i + 1, row[static_cast<size_t>(i)]);
            pr.step();
            pr.reset();
        }
        const std::string sql = std::string("INSERT OR IGNORE INTO attendance_event (") + kEventColumnList +
                                ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        Statement ev(fresh, sql.c_str());
        for (const auto& [seq, row] : events) {
            bindRow(ev, row);
            if (ev.step() == SQLITE_DONE && sqlite3_changes(fresh) > 0) ++result.eventsCarried;
            else ++result.eventsNotCarried;  // garbage the schema refuses, or a duplicate id
            ev.reset();
        }
        Statement m(fresh, "INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)");
        for (const auto& [k, v] : meta) {
            m.bind(1, k);
            m.bind(2, v);
            m.step();
            m.reset();
        }
    }
    result.eventsNotCarried += static_cast<int>(std::min<int64_t>(skipped, 1 << 30));
    if (!store_detail::execSql(fresh, "COMMIT").ok()) {
        store_detail::execSql(fresh, "ROLLBACK");  // never leave a transaction open
        result.eventsNotCarried += result.eventsCarried;
        result.eventsCarried = 0;
        result.participantsCarried = result.participantsPlaceholder = 0;
    }
    return result;
}

}  // namespace kiosk
