// personal_record.h: what the kiosk holds about one person, for an inspection request (AVG art. 15;
// `leergang-kiosk privacy export CODE`, docs/privacy.md).
//
// Contract (which events belong to the person, and nothing about anyone else):
//   1. Every event whose participant code is the person's (codeKey: "7" and "0007" are one person):
//      check-ins, check-outs, undos, staff corrections, and a staff review linking a walk-in to them.
//   2. The walk-in registration such a link names (refersTo): the person typed it at the door.
//   3. Every event referring to one of those, to any depth, that names no other person: an undo
//      (also one written without a code), a staff review of that walk-in.
//   Nothing else: another person's events, other walk-ins and their reviews stay out, even on the
//   same day. `privacy erase` deletes the same closure (store/erasure.cpp). Staff names (actor) become "medewerker" / "staff member" unless `showStaffNames`
//   ([privacy] inspection_staff_names = true), since they are someone else's personal data.
//   The events are in time order (at, then seq).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/attendance.h"
#include "core/participant.h"
#include "core/text_catalogue.h"

namespace kiosk {

struct PersonalRecord {
    std::string code;                        // as asked
    std::optional<Participant> participant;  // the roster row, when the kiosk has one
    bool onRoster = false;                   // false: kept for history (no longer on the list)
    std::vector<AttendanceEvent> events;     // rules 1-3, in time order, staff names replaced unless shown
};

// The person's record out of every stored event (see the contract above). `staffWord` replaces a
// non-empty actor unless `showStaffNames`.
PersonalRecord collectPersonalRecord(const std::string& code, std::optional<Participant> participant, bool onRoster,
                                     const std::vector<AttendanceEvent>& all, bool showStaffNames,
                                     const std::string& staffWord);

// What the central server holds about the person (a [central] url; central/central_inspection.h),
// for the readable answer: read with the kiosk's own role, so only the kiosk's cohorts (`cohorts`).
// Events as the kiosk would hold them (staff names replaced as above); `erasures`: the tombstones of
// the person in those cohorts (the server keeps a keyed hash of the code, the date and counts).
struct ServerRosterRow {
    std::string cohort;
    int version = 0;
    Participant participant;
};
struct ServerErasure {
    std::string cohort;
    LocalDate erasedOn;
    int eventsRemoved = 0, rosterRowsRemoved = 0;
};
struct ServerPersonalRecord {
    std::string cohorts;  // comma-separated, as the server gave them
    std::vector<ServerRosterRow> rosterRows;
    std::vector<AttendanceEvent> events;
    std::vector<ServerErasure> erasures;
    bool holdsAnything() const { return !rosterRows.empty() || !events.empty() || !erasures.empty(); }
};

// What the record says about itself: where it was made, and the processing register in words.
struct InspectionContext {
    Instant madeAt;
    std::string kioskId;
    int retentionDays = 365;
    std::string emailPurpose;   // empty unless e-mail addresses are kept
    bool centralRecord = false; // a [central] url: the server and the other kiosks hold it too
};

// The record as one JSON document (UTF-8, two-space indent): the person, their events (times local
// and UTC milliseconds), and the purpose, retention and recipients in Dutch and English from the
// catalogue (`tx` holds both languages). Keys are stable (format "leergang-kiosk/inzage/1").
std::string personalRecordJson(const PersonalRecord& r, const InspectionContext& ctx, const Texts& tx);

// A register text ("inspection.purpose", ".retention", ".recipients") in tx's language, filled in.
std::string inspectionText(const char* key, const InspectionContext& ctx, const Texts& tx);

// One event in words for the readable document ("Ingecheckt", "Correctie: afgemeld (ziek)").
std::string describeEvent(const AttendanceEvent& e, const Texts& tx);

}  // namespace kiosk
