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
    out.json = json + "\n  ]\n}\n";
    out.rosterRows = rows.rows();
    out.events = events.rows();
    out.ok = true;
    return out;
}

}  // namespace kiosk
