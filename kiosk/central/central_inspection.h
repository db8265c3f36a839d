// central_inspection.h: what the central record holds about one person, as this kiosk's role may
// read it (AVG art. 15 with a central record, issue 31; `privacy export CODE`).
//
// CONTRACT
//   1. Read-only, one REPEATABLE READ transaction, as the kiosk's own role: row-level security
//      gives only the kiosk's cohorts (central_schema.h, R1), which the JSON says.
//   2. The person is found by the code's key (leergang_code_key: "7" and "0007" are one person):
//      their rows in every roster release of those cohorts, every event naming them, and the
//      walk-in a link of theirs names (their own typed name). Nothing about anyone else: no other
//      participant's row, and the actor of a correction is "medewerker" unless `staffNames`.
//   3. The person's erasure state in those cohorts: a tombstone is found by the keyed hash of the
//      code (leergang_erasure_hash under the cohort's key, central_schema_v8.cpp), its date and
//      counts; no tombstone, none listed.
//   4. `json` is a whole document marked "bron": "centrale server"; `record` holds the same for the
//      readable answer (core/personal_record.h, ServerPersonalRecord: the PDF's server section);
//      `events` and `rosterRows` count what it holds. Nothing throws; `error` holds the server's words.
#pragma once

#include <string>

#include "core/personal_record.h"

namespace kiosk {

class PgConnection;

struct CentralPersonRecord {
    bool ok = false;
    int events = 0, rosterRows = 0;
    std::string json;
    ServerPersonalRecord record;
    std::string error;
};

CentralPersonRecord readCentralRecord(PgConnection& central, const std::string& code, const std::string& kioskId,
                                      bool staffNames, const std::string& staffMember);

}  // namespace kiosk
