// store_schema.h: the kiosk's SQLite schema, its whole history in one place (store_schema.cpp), in
// version order. The file's PRAGMA user_version is the number of steps applied.
//
// CONTRACT
//   1. Version N is made by step N of storeSchemaSteps() (steps 1..kStoreSchemaVersion, no gaps, in
//      order: a test holds it). A fresh file gets every step from 1; a file at version V gets the
//      steps after V. Each step is applied once, in its own BEGIN IMMEDIATE transaction together
//      with PRAGMA user_version = N: a failure or a crash rolls the step back whole, and the file
//      stays at N-1 (the next open applies step N again from the start).
//   2. A step is never edited once released: kiosks in the field have applied it as it was. A change
//      of schema is a new step at the end (and kStoreSchemaVersion one higher). The fixtures
//      tests/store/fixtures/schema-vN.db, written by version N and never regenerated, hold this:
//      each one opened today must end with the schema a fresh file gets (tests/store/test_migrations.cpp).
//   3. A file of a newer version (user_version above kStoreSchemaVersion: written by a newer kiosk)
//      is refused as StoreErrorKind::too_new and left untouched, read-write and read-only alike
//      (AttendanceDb::ensureOpen); nothing of it is migrated, moved or quarantined. A file below
//      version 2 has no central outbox: CentralOutbox::open refuses it.
//   4. A step may seed data with its tables: step 1 gives the database its origin epoch
//      (meta central_epoch, central/central_sync.h rule 2), so that a replaced box's empty
//      database is never taken for its predecessor.
//   5. Indexes that change no data are not numbered steps: they are made after the steps at every
//      read-write open, idempotently (IF NOT EXISTS). An older kiosk opens such a file as before
//      (no version it would refuse as newer).
#pragma once

#include <span>

#include "store/store_status.h"

struct sqlite3;

namespace kiosk {

inline constexpr int kStoreSchemaVersion = 5;

struct SchemaStep {
    int version;      // the user_version once applied
    const char* sql;  // the statements, run as one script
    const char* why;  // one line: what the version adds, and for what
};

// Every step, in version order (contract 1).
std::span<const SchemaStep> storeSchemaSteps();

// Brings the open read-write connection `db` from its user_version up to `upTo` (contract 1), then
// makes the indexes of contract 5. too_new when the file is of a newer version than `upTo`
// (contract 3). `upTo` below kStoreSchemaVersion is for the tests of the history alone.
StoreStatus migrateStoreSchema(sqlite3* db, int upTo = kStoreSchemaVersion);

// The file's user_version; -1 when it cannot be read.
int storeSchemaVersion(sqlite3* db);

namespace store_detail {
// The staff changes the History page lists (AttendanceDb::recentStaffChanges), as one WHERE clause:
// also the WHERE of the partial index that holds exactly those rows (contract 5), so SQLite uses it.
extern const char* const kStaffChangesWhere;
}  // namespace store_detail

}  // namespace kiosk
