#include "presence_list.h"

#include <algorithm>

#include "catch_up.h"
#include "csv.h"

namespace kiosk {

namespace {

std::string cohortName(const Programme& programme, const std::string& id) {
    const Cohort* c = programme.cohort(id);
    return c && !c->name.empty() ? c->name : id;
}

// A visitor's row (issue 30): the group they came to that date, and the own day their visit made
// up when staff marked it so and it counts (catch_up.h rules 1-4, as the matrix judges them).
void fileVisitor(PresenceRow& row, const Programme& programme, const Participant& p, const DayRecord& r,
                 const DayRecords& records, LocalDate date, int maxCatchUps) {
    row.ownGroupName = cohortName(programme, p.cohortId);
    if (const ProgrammeDay* host = catchUpDay(programme, p.cohortId, date, arrivalTime(r))) row.groupId = host->cohortId;
    std::vector<ProgrammeDay> ownDays;
    for (const auto& d : programme.days)
        if (d.cohortId == p.cohortId) ownDays.push_back(d);
    const auto madeUp = resolveCatchUps(programme, p, ownDays, records, maxCatchUps);
    for (size_t i = 0; i < ownDays.size(); ++i)
        if (madeUp[i] == date) row.madeUpDay = ownDays[i].number;
}

}  // namespace

std::vector<PresenceRow> presenceList(const Programme& programme, const std::vector<Participant>& roster,
                                      const DayRecords& records, LocalDate date, const AttendanceRules& rules, Instant now) {
    // Every group meeting that date (issue 30: two cohorts may share one), each person judged by
    // their own group's day, and filed by the group whose day they attended.
    const bool programmeDay = !programme.daysOn(date).empty();
    std::vector<const Participant*> people, visitors;
    for (const auto& p : roster) {
        if (!programmeDay || programme.dayOn(date, p.cohortId)) people.push_back(&p);
        else if (records.record(date, p.code).checkIn) visitors.push_back(&p);
    }
    auto byName = [](const Participant* a, const Participant* b) { return lastNameSortKey(*a) < lastNameSortKey(*b); };
    std::sort(people.begin(), people.end(), byName);
    std::sort(visitors.begin(), visitors.end(), byName);
    const size_t own = people.size();
    people.insert(people.end(), visitors.begin(), visitors.end());
    std::vector<PresenceRow> rows;
    rows.reserve(people.size());
    for (size_t i = 0; i < people.size(); ++i) {
        const Participant* p = people[i];
        const DayRecord r = records.record(date, p->code);
        const ProgrammeDay* day = programme.dayOn(date, p->cohortId);
        PresenceRow row;
        row.date = date;
        row.participant = *p;
        row.otherGroup = i >= own;
        if (day) row.groupId = day->cohortId;
        if (row.otherGroup) fileVisitor(row, programme, *p, r, records, date, rules.maxCatchUps);
        row.status = !p->enrolledOn(date) && !r.checkIn ? DayStatus::not_enrolled : statusOf(r, day, rules);
        if (r.checkIn) row.checkIn = toLocal(*r.checkIn).timeOfDay();
        if (r.checkOut) row.checkOut = toLocal(*r.checkOut).timeOfDay();
        if (!r.intervals.empty() && r.intervals.front().out) row.minutesPresent = r.minutesPresent;
        row.corrected = r.corrected;
        row.excusedReason = r.excused ? r.excusedReason : std::string{};
        row.checkOutForgotten = checkOutForgotten(r, date, day, now, rules.forgottenGraceMinutes);
        rows.push_back(std::move(row));
    }
    for (const auto& g : records.guests(date)) {
        PresenceRow row;
        row.date = date;
        row.guest = true;
        row.participant.firstName = g.name;
        row.participant.department = g.organisation;
        row.status = DayStatus::present;
        row.checkIn = toLocal(g.at).timeOfDay();
        row.guestEventId = g.eventId;
        row.guestConfirmed = g.confirmed;
        rows.push_back(std::move(row));
    }
    return rows;
}

ExportTable presenceTable(const std::vector<PresenceRow>& rows, LocalDate date, const Texts& tx) {
    ExportTable t;
    t.sheetName = tx("export.sheet.presence");
    t.title = tx.format("export.title.presence", {{"date", longDate(date, tx.lang())}});
    t.header = {tx("export.col.date"),       tx("export.col.code"),   tx("export.col.first_name"), tx("export.col.infix"),
                tx("export.col.last_name"),  tx("export.col.department"), tx("export.col.status"),
                tx("export.col.check_in"),   tx("export.col.check_out"),  tx("export.col.minutes_present"),
                tx("export.col.note")};
    t.numeric.assign(t.header.size(), false);
    t.numeric[9] = true;
    t.widths = {11, 10, 16, 12, 20, 28, 22, 14, 16, 16, 30};
    for (const auto& r : rows) {
        const Participant& p = r.participant;
        std::string note;
        if (r.corrected) note = tx("export.note.corrected");
        if (r.status == DayStatus::excused) note = tx.format("export.note.excused", {{"reason", r.excusedReason}});
        if (r.status == DayStatus::not_enrolled)  // why n.v.t.: joins later, or left (day_counting.h rule 4)
            note = p.from && date < *p.from ? tx.format("export.note.joins", {{"date", p.from->iso()}})
                   : p.until               ? tx.format("export.note.left", {{"date", p.until->iso()}})
                                           : std::string{};
        if (r.checkOutForgotten) note = tx("export.note.checkout_forgotten");
        if (r.otherGroup)  // a visitor: their own group, and the own day made up when staff marked it so
            note = r.madeUpDay ? tx.format("export.note.made_up", {{"n", std::to_string(r.madeUpDay)}, {"group", r.ownGroupName}})
                               : tx.format("export.note.other_group", {{"group", r.ownGroupName}});
        if (r.guest) note = tx(r.guestConfirmed ? "export.note.guest_confirmed" : "export.note.guest_unconfirmed");
        t.rows.push_back({r.date.iso(), p.code, p.firstName, p.infix, p.lastName, p.department,
                          r.guest ? tx("status.guest") : tx(std::string("status.") + dayStatusKey(r.status)),
                          r.checkIn ? r.checkIn->hhmm() : "", r.checkOut ? r.checkOut->hhmm() : "",
                          r.minutesPresent ? std::to_string(*r.minutesPresent) : "", note});
    }
    return t;
}

std::vector<PresencePart> presenceParts(const Programme& programme, const std::vector<PresenceRow>& rows, LocalDate date) {
    const auto days = programme.daysOn(date);
    std::vector<PresencePart> parts;
    auto named = [&](const ProgrammeDay* d) {
        PresencePart part;
        part.day = d;
        if (d) {
            part.cohortId = d->cohortId;
            const Cohort* c = programme.cohort(d->cohortId);
            part.groupName = c && !c->name.empty() ? c->name : d->cohortId;
        }
        return part;
    };
    if (days.size() < 2) {
        parts.push_back(named(days.empty() ? nullptr : days.front()));
        parts.front().rows = rows;
        return parts;
    }
    for (const ProgrammeDay* d : days) parts.push_back(named(d));
    PresencePart guests;
    guests.guestsOnly = true;
    for (const auto& r : rows) {
        // Filed by the group whose day they attended (PresenceRow::groupId), not by the roster's group.
        auto own = std::find_if(parts.begin(), parts.end(), [&](const PresencePart& p) { return !r.guest && p.cohortId == r.groupId; });
        (own == parts.end() ? guests : *own).rows.push_back(r);
    }
    if (!guests.rows.empty()) parts.push_back(std::move(guests));
    return parts;
}

ExportTable presenceTable(const std::vector<PresencePart>& parts, LocalDate date, const Texts& tx) {
    if (parts.size() == 1) return presenceTable(parts.front().rows, date, tx);
    ExportTable t = presenceTable(std::vector<PresenceRow>{}, date, tx);
    t.header.push_back(tx("export.col.group"));
    t.numeric.push_back(false);
    t.widths.push_back(30);
    for (const auto& part : parts) {
        ExportTable one = presenceTable(part.rows, date, tx);
        const std::string group = part.guestsOnly ? tx("status.guest") : part.groupName;
        ExportSheet sheet;
        sheet.name = sheetName(part.guestsOnly ? tx("pdf.guests") : group);
        for (const auto& other : t.sheets)  // two names alike in their first 31 characters
            if (other.name == sheet.name) sheet.name = sheetName(sheet.name.substr(0, 27) + " " + std::to_string(t.sheets.size() + 1));
        sheet.title = one.title + " \xE2\x80\x94 " + (part.guestsOnly ? tx("pdf.guests") : group);
        sheet.firstRow = t.rows.size();
        sheet.rowCount = one.rows.size();
        t.sheets.push_back(std::move(sheet));
        for (auto& row : one.rows) {
            row.push_back(group);
            t.rows.push_back(std::move(row));
        }
    }
    return t;
}

std::string presenceCsv(const std::vector<PresenceRow>& rows, const Texts& tx, char delimiter) {
    const LocalDate date = rows.empty() ? LocalDate{} : rows.front().date;
    return tableCsv(presenceTable(rows, date, tx), delimiter);
}

}  // namespace kiosk
