#include "presence_list.h"

#include <algorithm>

#include "csv.h"

namespace kiosk {

std::vector<PresenceRow> presenceList(const Programme& programme, const std::vector<Participant>& roster,
                                      const AttendanceLedger& ledger, LocalDate date, const AttendanceRules& rules) {
    const ProgrammeDay* day = programme.dayOn(date);
    std::vector<const Participant*> people;
    for (const auto& p : roster)
        if (!day || p.cohortId == day->cohortId) people.push_back(&p);
    std::sort(people.begin(), people.end(),
              [](const Participant* a, const Participant* b) { return lastNameSortKey(*a) < lastNameSortKey(*b); });
    std::vector<PresenceRow> rows;
    rows.reserve(people.size());
    for (const Participant* p : people) {
        const DayRecord r = ledger.record(date, p->code);
        PresenceRow row;
        row.date = date;
        row.participant = *p;
        row.status = statusOf(r, day, rules);
        if (r.checkIn) row.checkIn = toLocal(*r.checkIn).timeOfDay();
        if (r.checkOut) row.checkOut = toLocal(*r.checkOut).timeOfDay();
        row.corrected = r.corrected;
        rows.push_back(std::move(row));
    }
    for (const auto& g : ledger.guests(date)) {
        PresenceRow row;
        row.date = date;
        row.guest = true;
        row.participant.firstName = g.name;
        row.participant.department = g.organisation;
        row.status = DayStatus::present;
        row.checkIn = toLocal(g.at).timeOfDay();
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string neutraliseFormula(std::string_view cell) {
    if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' || cell[0] == '\t' ||
                          cell[0] == '\r' || cell[0] == '\n'))
    {
        std::string out;
        out.reserve(cell.size() + 1);
        out += '\'';
        out += cell;
        return out;
    }
    return std::string(cell);
}

std::string presenceCsv(const std::vector<PresenceRow>& rows, const Texts& tx, char delimiter) {
    std::string out = "\xEF\xBB\xBF";
    auto line = [&](const std::vector<std::string>& cells) {
        for (size_t i = 0; i < cells.size(); ++i) {
            if (i) out += delimiter;
            out += csvField(neutraliseFormula(cells[i]), delimiter);
        }
        out += "\r\n";
    };
    line({tx("export.col.date"), tx("export.col.code"), tx("export.col.first_name"), tx("export.col.infix"),
          tx("export.col.last_name"), tx("export.col.department"), tx("export.col.status"), tx("export.col.check_in"),
          tx("export.col.check_out"), tx("export.col.note")});
    for (const auto& r : rows) {
        const Participant& p = r.participant;
        std::string note;
        if (r.corrected) note = tx("export.note.corrected");
        line({r.date.iso(), p.code, p.firstName, p.infix, p.lastName, p.department,
              r.guest ? tx("status.guest") : tx(std::string("status.") + dayStatusKey(r.status)),
              r.checkIn ? r.checkIn->hhmm() : "", r.checkOut ? r.checkOut->hhmm() : "", note});
    }
    return out;
}

}  // namespace kiosk
