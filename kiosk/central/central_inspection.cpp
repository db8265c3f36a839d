#include "central_inspection.h"

#include <vector>

#include "core/json.h"
#include "pg_connection.h"

namespace kiosk {
namespace {

// One JSON object of `r`'s row `i`, its columns by name; `actorCol`: the column shown as staff.
std::string rowObject(const PgResult& r, int i, const std::vector<std::string>& names, int actorCol, bool staffNames,
                      const std::string& staffMember) {
    std::string out = "{";
    for (size_t c = 0; c < names.size(); ++c) {
        std::string v = r.isNull(i, static_cast<int>(c)) ? std::string() : r.text(i, static_cast<int>(c));
        if (static_cast<int>(c) == actorCol && !v.empty() && !staffNames) v = staffMember;
        out += (c ? ", " : "") + jsonString(names[c]) + ": " + jsonString(v);
    }
    return out + "}";
}

std::string cell(const PgResult& r, int i, int c) { return r.isNull(i, c) ? std::string() : r.text(i, c); }

// Contract 4: the same rows for the readable answer, as the kiosk's own types.
ServerPersonalRecord structured(const PgResult& cohorts, const PgResult& rows, const PgResult& events,
                                const PgResult& erasures, bool staffNames, const std::string& staffMember) {
    ServerPersonalRecord s;
    s.cohorts = cohorts.text(0, 0);
    for (int i = 0; i < rows.rows(); ++i) {
        ServerRosterRow row;
        row.cohort = row.participant.cohortId = cell(rows, i, 0);
        row.version = static_cast<int>(rows.integer(i, 1));
        row.participant.code = cell(rows, i, 2);
        row.participant.firstName = cell(rows, i, 3);
        row.participant.infix = cell(rows, i, 4);
        row.participant.lastName = cell(rows, i, 5);
        row.participant.department = cell(rows, i, 6);
        s.rosterRows.push_back(std::move(row));
    }
    for (int i = 0; i < events.rows(); ++i) {
        AttendanceEvent e;
        e.id = cell(events, i, 0);
        e.kioskId = cell(events, i, 3);
        e.kind = parseEventKind(cell(events, i, 4)).value_or(EventKind::correction);
        e.day = LocalDate::parse(cell(events, i, 5)).value_or(LocalDate{});
        e.at = Instant{events.integer(i, 6)};
        e.recordedAt = Instant{events.integer(i, 7)};
        e.source = parseEventSource(cell(events, i, 9)).value_or(EventSource::kiosk);
        e.effect = parseCorrectionEffect(cell(events, i, 10)).value_or(CorrectionEffect::none);
        e.reason = cell(events, i, 11);
        e.actor = cell(events, i, 12);
        if (!e.actor.empty() && !staffNames) e.actor = staffMember;
        e.refersTo = cell(events, i, 13);
        e.participantCode = cell(events, i, 14);
        e.guestName = cell(events, i, 15);
        e.guestOrganisation = cell(events, i, 16);
        s.events.push_back(std::move(e));
    }
    for (int i = 0; i < erasures.rows(); ++i)
        s.erasures.push_back(ServerErasure{cell(erasures, i, 0), LocalDate::parse(cell(erasures, i, 1)).value_or(LocalDate{}),
                                           static_cast<int>(erasures.integer(i, 2)),
                                           static_cast<int>(erasures.integer(i, 3))});
    return s;
}

}  // namespace

CentralPersonRecord readCentralRecord(PgConnection& c, const std::string& code, const std::string& kioskId,
                                      bool staffNames, const std::string& staffMember) {
    CentralPersonRecord out;
    auto fail = [&](const std::string& why) {
        c.exec("ROLLBACK");
        out.error = why;
        return out;
    };
    if (PgResult r = c.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); !r.ok()) return fail(r.error());
    PgResult cohorts = c.exec("SELECT coalesce(string_agg(c, ',' ORDER BY c), '') FROM unnest(leergang_my_cohorts()) c");
    if (!cohorts.ok()) return fail(cohorts.error());
    PgResult rows = c.exec("SELECT cohort, version::text, code, first_name, infix, last_name, department FROM roster_release_row"
                           " WHERE leergang_code_key(code) = leergang_code_key($1) ORDER BY cohort, version",
                           {code});
    if (!rows.ok()) return fail(rows.error());
    PgResult events = c.exec(
        "SELECT id, cohort, origin_kiosk, kiosk_id, kind, local_date::text, at_ms::text, recorded_ms::text, received_at::text,"
        " source, effect, reason, actor, refers_to, participant_code, guest_name, guest_organisation FROM attendance_event e"
        " WHERE leergang_code_key(e.participant_code) = leergang_code_key($1)"
        "  OR e.id IN (SELECT l.refers_to FROM attendance_event l WHERE l.effect = 'link_guest'"
        "              AND leergang_code_key(l.participant_code) = leergang_code_key($1))"
        " ORDER BY at_ms, id",
        {code});
    if (!events.ok()) return fail(events.error());
    PgResult erasures = c.exec("SELECT k.cohort, x.erased_on::text, x.events_removed, x.roster_rows_removed"
                               " FROM erasure_key k JOIN erasure x ON x.cohort = k.cohort"
                               " WHERE x.person = leergang_erasure_hash(k.key, $1) ORDER BY k.cohort",
                               {code});
    if (!erasures.ok()) return fail(erasures.error());
    if (PgResult r = c.exec("COMMIT"); !r.ok()) return fail(r.error());
    const std::vector<std::string> rowNames{"groep", "versie", "code", "voornaam", "tussenvoegsel", "achternaam", "afdeling"};
    const std::vector<std::string> eventNames{"id", "groep", "kiosk_van_herkomst", "kiosk", "soort", "datum", "tijdstip_ms",
                                              "vastgelegd_ms", "ontvangen_door_server", "bron", "effect", "reden",
                                              "medewerker", "verwijst_naar", "code", "gastnaam", "gastorganisatie"};
    std::string json = "{\n  \"bron\": \"centrale server / central server\",\n  \"gelezen_door_kiosk\": " + jsonString(kioskId) +
                       ",\n  \"groepen\": " + jsonString(cohorts.text(0, 0)) + ",\n  \"code\": " + jsonString(code) +
                       ",\n  \"deelnemerslijsten\": [";
    for (int i = 0; i < rows.rows(); ++i)
        json += std::string(i ? "," : "") + "\n    " + rowObject(rows, i, rowNames, -1, staffNames, staffMember);
    json += "\n  ],\n  \"registraties\": [";
    for (int i = 0; i < events.rows(); ++i)
        json += std::string(i ? "," : "") + "\n    " + rowObject(events, i, eventNames, 12, staffNames, staffMember);
    json += "\n  ],\n  \"wissingen\": [";
    const std::vector<std::string> erasureNames{"groep", "gewist_op", "registraties_verwijderd", "regels_verwijderd"};
    for (int i = 0; i < erasures.rows(); ++i)
        json += std::string(i ? "," : "") + "\n    " + rowObject(erasures, i, erasureNames, -1, staffNames, staffMember);
    out.json = json + "\n  ]\n}\n";
    out.record = structured(cohorts, rows, events, erasures, staffNames, staffMember);
    out.rosterRows = rows.rows();
    out.events = events.rows();
    out.ok = true;
    return out;
}

}  // namespace kiosk
