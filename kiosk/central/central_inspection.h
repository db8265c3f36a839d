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
//   3. `json` is a whole document marked "bron": "centrale server"; `events` and `rosterRows` count
//      what it holds. Nothing throws; `error` holds the server's words.
#pragma once

#include <string>

namespace kiosk {

class PgConnection;

struct CentralPersonRecord {
    bool ok = false;
    int events = 0, rosterRows = 0;
    std::string json;
    std::string error;
};

CentralPersonRecord readCentralRecord(PgConnection& central, const std::string& code, const std::string& kioskId,
                                      bool staffNames, const std::string& staffMember);

}  // namespace kiosk
