// store_schema.cpp: every version of the kiosk's SQLite schema, in order, and the one loop that
// applies them (the contract: store_schema.h). Never edit a released step: add one at the end.
#include "store/store_schema.h"

#include <sqlite3.h>

#include <string>

#include "store/central_outbox.h"
#include "store/meta_keys.h"
#include "store/sqlite_statement.h"

namespace kiosk {

namespace {

// Version 1: the roster, the append-only log and the meta table.
constexpr const char* kParticipantsAndLog = R"sql(
CREATE TABLE participant (
    code        TEXT PRIMARY KEY,              -- normalised: upper-case letters and digits
    first_name  TEXT NOT NULL,
    infix       TEXT NOT NULL DEFAULT '',
    last_name   TEXT NOT NULL,
    department  TEXT NOT NULL DEFAULT '',
    cohort      TEXT NOT NULL DEFAULT '',
    email       TEXT NOT NULL DEFAULT '',
    active      INTEGER NOT NULL DEFAULT 1,    -- 0: no longer on the roster, kept for history
    updated_ms  INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE attendance_event (
    seq               INTEGER PRIMARY KEY AUTOINCREMENT,
    id                TEXT NOT NULL UNIQUE,    -- idempotency key
    participant_code  TEXT REFERENCES participant(code),  -- NULL for a guest
    kind              TEXT NOT NULL CHECK (kind IN ('check_in','check_out','undo','correction','guest_registration')),
    at_ms             INTEGER NOT NULL,        -- UTC milliseconds of the moment it is about
    recorded_ms       INTEGER NOT NULL,        -- UTC milliseconds when written
    local_date        TEXT NOT NULL,           -- YYYY-MM-DD it counts for (Europe/Amsterdam)
    source            TEXT NOT NULL CHECK (source IN ('kiosk','staff','command_line')),
    kiosk_id          TEXT NOT NULL,
    reason            TEXT NOT NULL DEFAULT '',
    actor             TEXT NOT NULL DEFAULT '',
    refers_to         TEXT NOT NULL DEFAULT '',
    effect            TEXT NOT NULL DEFAULT '',
    guest_name        TEXT NOT NULL DEFAULT '',
    guest_organisation TEXT NOT NULL DEFAULT '',
    CHECK (kind <> 'correction' OR reason <> ''),
    CHECK (kind = 'guest_registration' OR participant_code IS NOT NULL)
);
CREATE INDEX attendance_event_by_day ON attendance_event(local_date, participant_code);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER attendance_event_append_only BEFORE UPDATE ON attendance_event
BEGIN SELECT RAISE(ABORT, 'attendance_event is append-only'); END;
)sql";

// Version 2 (issue 17): the central outbox (central_outbox.h, DESIGN). The trigger marks every event
// for upload in the transaction that writes it, except those pulled from other kiosks; the step
// marks the events already there, so a kiosk that joins a central record uploads its history.
constexpr const char* kCentralOutbox = R"sql(
CREATE TABLE central_outbox (
    seq INTEGER PRIMARY KEY              -- attendance_event.seq, waiting for upload
);
CREATE TABLE central_pulled (
    event_id     TEXT PRIMARY KEY,       -- attendance_event.id of an event from another kiosk
    origin_kiosk TEXT NOT NULL,
    origin_seq   INTEGER NOT NULL,
    UNIQUE (origin_kiosk, origin_seq)
) WITHOUT ROWID;
CREATE TRIGGER attendance_event_to_outbox AFTER INSERT ON attendance_event
WHEN NOT EXISTS (SELECT 1 FROM central_pulled WHERE event_id = NEW.id)
BEGIN INSERT INTO central_outbox (seq) VALUES (NEW.seq); END;
INSERT INTO central_outbox (seq) SELECT seq FROM attendance_event;
)sql";

// Version 3 (issue 27): pulled events keep the origin's epoch; a high-water mark is per (origin,
// epoch). SQLite cannot drop the old UNIQUE (origin_kiosk, origin_seq), so the table is rebuilt (the
// trigger, which names it, is dropped and made again around that). Everything pulled so far was epoch 0.
constexpr const char* kPulledEpoch = R"sql(
DROP TRIGGER attendance_event_to_outbox;
CREATE TABLE central_pulled_v3 (
    event_id     TEXT PRIMARY KEY,
    origin_kiosk TEXT NOT NULL,
    origin_epoch INTEGER NOT NULL DEFAULT 0,
    origin_seq   INTEGER NOT NULL,
    UNIQUE (origin_kiosk, origin_epoch, origin_seq)
) WITHOUT ROWID;
INSERT INTO central_pulled_v3 (event_id, origin_kiosk, origin_epoch, origin_seq)
    SELECT event_id, origin_kiosk, 0, origin_seq FROM central_pulled;
DROP TABLE central_pulled;
ALTER TABLE central_pulled_v3 RENAME TO central_pulled;
CREATE TRIGGER attendance_event_to_outbox AFTER INSERT ON attendance_event
WHEN NOT EXISTS (SELECT 1 FROM central_pulled WHERE event_id = NEW.id)
BEGIN INSERT INTO central_outbox (seq) VALUES (NEW.seq); END;
)sql";

// Version 4 (issue 30, late joiners and leavers): a participant's enrolment. enrolled_from and
// enrolled_until are the roster's vanaf/from and tot/until; listed_from the date a later roster
// first listed the person, listed_until the day before a roster left them off (both written by
// importRoster, attendance_db_roster.cpp). '' = none. All YYYY-MM-DD.
constexpr const char* kEnrolment = R"sql(
ALTER TABLE participant ADD COLUMN enrolled_from TEXT NOT NULL DEFAULT '';
ALTER TABLE participant ADD COLUMN enrolled_until TEXT NOT NULL DEFAULT '';
ALTER TABLE participant ADD COLUMN listed_from TEXT NOT NULL DEFAULT '';
ALTER TABLE participant ADD COLUMN listed_until TEXT NOT NULL DEFAULT '';
)sql";

// Version 5: the day's question at check-out, counted (day_feedback_store.cpp). A row is (date,
// cohort, question, answer index) with the answer's text and how many gave it: no participant code,
// no time, no row per answer, so nothing in the file lines an answer up with a check-out (the rowid
// of a per-answer row would). The outbox's trigger is on attendance_event only: the counts never
// leave the kiosk. Retention (retention.cpp) removes them by the same cut-off as the events.
constexpr const char* kDayFeedback = R"sql(
CREATE TABLE day_feedback_count (
    local_date    TEXT NOT NULL,      -- YYYY-MM-DD the answer was given (Europe/Amsterdam)
    cohort        TEXT NOT NULL,      -- the programme day's cohort id
    question      TEXT NOT NULL,      -- as asked (programme.toml may change later)
    answer_index  INTEGER NOT NULL,   -- 0-based, in the order asked
    answer        TEXT NOT NULL,      -- as asked
    answers       INTEGER NOT NULL CHECK (answers > 0),
    PRIMARY KEY (local_date, cohort, question, answer_index)
) WITHOUT ROWID;
)sql";

constexpr SchemaStep kSteps[] = {
    {1, kParticipantsAndLog, "the roster, the append-only event log with its by-day index, the meta table"},
    {2, kCentralOutbox, "the central outbox and the events pulled from other kiosks (issue 17)"},
    {3, kPulledEpoch, "pulled events keep their origin's epoch: a high-water mark per (origin, epoch) (issue 27)"},
    {4, kEnrolment, "a participant's enrolment: late joiners and leavers (issue 30)"},
    {5, kDayFeedback, "the day's question at check-out, counted without a code"},
};
static_assert(std::size(kSteps) == kStoreSchemaVersion, "one step per version (contract 1)");

// Contract 5. seq is the rowid: the index holds only the staff changes' row ids, a few bytes each.
#define KIOSK_STAFF_CHANGES "(kind = 'correction' OR (kind = 'guest_registration' AND refers_to <> ''))"
constexpr const char* kIndexes =
    "CREATE INDEX IF NOT EXISTS attendance_event_staff_changes ON attendance_event(seq) WHERE " KIOSK_STAFF_CHANGES;

using store_detail::execSql;

}  // namespace

namespace store_detail {
// One text for both: SQLite uses a partial index when the query's WHERE contains the index's.
const char* const kStaffChangesWhere = KIOSK_STAFF_CHANGES;
}  // namespace store_detail
#undef KIOSK_STAFF_CHANGES

std::span<const SchemaStep> storeSchemaSteps() { return kSteps; }

int storeSchemaVersion(sqlite3* db) {
    store_detail::Statement st(db, "PRAGMA user_version");
    return st.step() == SQLITE_ROW ? static_cast<int>(st.integer(0)) : -1;
}

StoreStatus migrateStoreSchema(sqlite3* db, int upTo) {
    const int version = storeSchemaVersion(db);
    if (version < 0) return store_detail::statusOf(db, sqlite3_errcode(db));
    if (version > upTo)
        return {StoreErrorKind::too_new,
                "schema version " + std::to_string(version) + " is newer than this kiosk (" + std::to_string(upTo) + ")"};
    for (const SchemaStep& step : kSteps) {
        if (step.version <= version || step.version > upTo) continue;
        if (auto s = execSql(db, "BEGIN IMMEDIATE"); !s.ok()) return s;
        auto s = execSql(db, step.sql);
        if (s.ok() && step.version == 1)  // contract 4
            s = execSql(db, ("INSERT INTO meta (key, value) VALUES ('" + std::string(meta_keys::kCentralEpoch) + "', '" +
                             std::to_string(randomOriginEpoch()) + "')")
                                .c_str());
        if (s.ok()) s = execSql(db, ("PRAGMA user_version=" + std::to_string(step.version)).c_str());
        if (s.ok()) s = execSql(db, "COMMIT");
        if (!s.ok()) {
            execSql(db, "ROLLBACK");
            return s;
        }
    }
    return execSql(db, kIndexes);
}

}  // namespace kiosk
