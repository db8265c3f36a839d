// commands_store.cpp: `restore BACKUP` and `confirm-clock`, the two commands that manage the
// database file itself rather than what is in it.
//
// RESTORE, and how it cannot go wrong
//   - The kiosk must be stopped: restore takes the database's lock exclusively (store_lock.h) and
//     refuses, changing nothing, while the kiosk or any other command has the database open.
//   - The backup is checked first (a database, quick_check ok, a schema this kiosk knows); a bad
//     one is refused, changing nothing.
//   - It is copied with SQLite's backup API (so a backup that is itself in WAL mode, with its own
//     -wal, is read whole) to a new file beside the database, then the current database is moved
//     aside WITH its -wal and -shm (under a name no file has, quarantine.h), then the copy is renamed
//     into place. No stale -wal can ever meet the restored file, and nothing is deleted.
//   - The restored copy gets a new origin epoch (meta central_epoch, central_sync.h rule 2) before
//     it is renamed into place: its local sequence numbers continue from where the backup stood, and
//     the central server may already hold those numbers from this kiosk, from before the restore.
//     Under the new epoch they are a new series; the kiosk's events the backup lacks are pulled back.
//   Exit codes: 0 restored; 1 refused because the database is in use, or a disk error; 2 usage or a
//   backup that is not usable.
#include <sqlite3.h>

#include <cstdint>
#include <cstdio>

#include "cli/command_context.h"
#include "cli/commands.h"
#include "store/central_outbox.h"
#include "store/quarantine.h"
#include "store/sqlite_statement.h"
#include "store/store_lock.h"

namespace kiosk {
namespace {

size_t countEvents(AttendanceDb& db) {
    size_t n = 0;
    db.loadEvents([&](const AttendanceEvent&) { ++n; });
    return n;
}

// Copies the database at `from` (read-only) to the new file `to`. "" on success.
std::string copyDatabase(AttendanceDb& from, const std::filesystem::path& to) {
    if (auto s = from.backupTo(to); !s.ok()) return s.detail.empty() ? storeErrorKey(s.kind) : s.detail;
    return {};
}

// A new origin epoch (randomOriginEpoch) in the copy at `file`. "" on success.
std::string newEpoch(const std::filesystem::path& file) {
    const int64_t epoch = randomOriginEpoch();
    sqlite3* db = nullptr;
    std::string err;
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        err = db ? sqlite3_errmsg(db) : "out of memory";
    } else {
        const std::string sql = "INSERT INTO meta (key, value) VALUES ('central_epoch', '" + std::to_string(epoch) +
                                "') ON CONFLICT(key) DO UPDATE SET value = excluded.value";
        if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) err = sqlite3_errmsg(db);
    }
    if (sqlite3_close(db) != SQLITE_OK && err.empty()) err = "close: " + std::string(sqlite3_errmsg(db));
    return err;
}

}  // namespace

int cmdRestore(const CommandLine& cl) {
    CommandContext ctx;
    if (int rc = prepareCommand(cl, ctx); rc != 0 && ctx.files.files.empty()) return rc;
    const Texts& tx = ctx.texts;
    if (cl.positional.size() != 1) {
        std::fprintf(stderr, "%s\n", tx("restore.usage").c_str());
        return 2;
    }
    const std::filesystem::path backup = cl.positional[0];
    std::error_code ec;
    if (std::filesystem::exists(ctx.dbPath, ec) && std::filesystem::equivalent(backup, ctx.dbPath, ec)) {
        std::fprintf(stderr, "%s\n", tx.format("restore.bad_backup", {{"path", backup.string()}, {"why", ctx.dbPath.string()}}).c_str());
        return 2;
    }
    AttendanceDb source;
    StoreStatus s = std::filesystem::is_regular_file(backup, ec) ? source.openReadOnly(backup)
                                                                 : StoreStatus{StoreErrorKind::io, "not a regular file"};
    std::string check;
    if (s.ok()) s = source.integrityCheck(check);
    if (s.ok() && check != "ok") s = {StoreErrorKind::damaged, check};
    if (s.ok() && (source.schemaVersion() < 1 || source.schemaVersion() > AttendanceDb::kSchemaVersion))
        s = {StoreErrorKind::too_new, "schema version " + std::to_string(source.schemaVersion())};
    size_t restoredEvents = 0;
    if (s.ok()) {
        std::vector<AttendanceEvent> none;
        s = source.loadEvents([&](const AttendanceEvent&) { ++restoredEvents; });
    }
    if (!s.ok()) {
        std::fprintf(stderr, "%s\n", tx.format("restore.bad_backup", {{"path", backup.string()}, {"why", describe(tx, s)}}).c_str());
        return 2;
    }

    // Alone with the database, or nothing happens.
    if (ctx.dbPath.has_parent_path()) std::filesystem::create_directories(ctx.dbPath.parent_path(), ec);
    StoreLock lock;
    if (std::string err = lock.acquireShared(ctx.dbPath); !err.empty()) {
        std::fprintf(stderr, "%s\n", tx.format("restore.failed", {{"why", err}, {"state", tx("restore.state_kept")}}).c_str());
        return 1;
    }
    if (!lock.tryExclusive()) {
        std::fprintf(stderr, "%s\n", tx("restore.kiosk_running").c_str());
        return 1;
    }

    const Instant now = SystemClock{}.now();
    const std::filesystem::path incoming = uniqueAsideName(ctx.dbPath, "restoring", now);
    if (std::string err = copyDatabase(source, incoming); !err.empty()) {
        std::filesystem::remove(incoming, ec);
        std::fprintf(stderr, "%s\n", tx.format("restore.failed", {{"why", err}, {"state", tx("restore.state_kept")}}).c_str());
        return 1;
    }
    source.close();
    if (std::string err = newEpoch(incoming); !err.empty()) {
        std::filesystem::remove(incoming, ec);
        for (const char* suffix : {"-wal", "-shm"}) std::filesystem::remove(incoming.string() + suffix, ec);
        std::fprintf(stderr, "%s\n", tx.format("restore.failed", {{"why", err}, {"state", tx("restore.state_kept")}}).c_str());
        return 1;
    }

    const bool hadDatabase = std::filesystem::exists(ctx.dbPath, ec);
    std::string oldCount = "?";
    std::filesystem::path aside;
    if (hadDatabase) {
        {
            AttendanceDb current;  // counted read-only; a damaged one is simply not counted
            if (current.openReadOnly(ctx.dbPath).ok()) oldCount = std::to_string(countEvents(current));
        }
        aside = uniqueAsideName(ctx.dbPath, "before-restore", now);
        if (std::string err = moveDatabaseAside(ctx.dbPath, aside); !err.empty()) {
            std::filesystem::remove(incoming, ec);
            std::fprintf(stderr, "%s\n", tx.format("restore.failed", {{"why", err}, {"state", tx("restore.state_kept")}}).c_str());
            return 1;
        }
    } else {
        // A -wal or -shm without its database (the case this command exists for): never beside the new file.
        for (const char* suffix : {"-wal", "-shm"})
            if (std::filesystem::exists(ctx.dbPath.string() + suffix, ec))
                renameNoReplace(ctx.dbPath.string() + suffix, uniqueAsideName(ctx.dbPath, "before-restore", now).string() + suffix);
    }
    if (std::string err = renameNoReplace(incoming, ctx.dbPath); !err.empty()) {
        std::filesystem::remove(incoming, ec);
        std::fprintf(stderr, "%s\n", tx.format("restore.failed", {{"why", err},
                                                                 {"state", hadDatabase ? tx.format("restore.state_aside", {{"aside", aside.string()}})
                                                                                       : tx("restore.state_kept")}}).c_str());
        return 1;
    }
    const TextArgs args{{"path", backup.string()}, {"n", std::to_string(restoredEvents)}, {"aside", aside.string()}, {"old", oldCount}};
    std::printf("%s\n", tx.format(hadDatabase ? "restore.done" : "restore.done_fresh", args).c_str());
    return 0;
}

int cmdConfirmClock(const CommandLine& cl) {
    CommandContext ctx;
    if (int rc = prepareCommand(cl, ctx)) return rc;
    AttendanceDb db;
    db.setRetentionDays(ctx.config.settings.retentionDays);
    if (int rc = openStoreWithRoster(ctx, db, SystemClock{}.now())) return rc;
    const Instant now = SystemClock{}.now();
    if (auto s = db.confirmClock(now); !s.ok()) {
        std::fprintf(stderr, "%s\n", describe(ctx.texts, s).c_str());
        return 1;
    }
    std::printf("%s\n", ctx.texts.format("clock.confirmed", {{"date", localDateOf(now).iso()}}).c_str());
    return 0;
}

}  // namespace kiosk
