// staff_lists.cpp: the staff pages' data (StaffDesk::view): the day's presence list with its
// counts, the cohort's matrix, the history of changes and the Status page, built from memory and
// the health probe's samples. The lists are rebuilt only when something they show changed.
#include <algorithm>
#include <functional>
#include <set>

#include "session/ledger_days.h"
#include "session/staff_desk.h"
#include "export/export_files.h"
#include "export/export_target.h"

#ifndef KIOSK_VERSION
#define KIOSK_VERSION "0.0.0"
#endif

namespace kiosk {
namespace {

ui::StaffHistoryRow historyRow(const AttendanceEvent& e, const SessionState& s) {
    ui::StaffHistoryRow h;
    h.recordedAt = toLocal(e.recordedAt);
    h.day = e.day;
    h.reason = e.reason;
    h.actor = e.actor;
    const Participant* p = e.participantCode.empty() ? nullptr : s.roster.find(e.participantCode);
    h.who = p ? p->fullName() : e.participantCode;
    const std::string time = toLocal(e.at).timeOfDay().hhmm();
    switch (e.effect) {
        case CorrectionEffect::set_check_in: h.what = s.texts.format("staff.what_in", {{"time", time}}); break;
        case CorrectionEffect::set_check_out: h.what = s.texts.format("staff.what_out", {{"time", time}}); break;
        case CorrectionEffect::set_absent: h.what = s.texts("staff.what_absent"); break;
        case CorrectionEffect::set_excused: h.what = s.texts("staff.what_excused"); break;
        case CorrectionEffect::catch_up:
            h.what = s.texts.format("staff.what_catch_up", {{"date", dayAndMonth(localDateOf(e.at), s.texts.lang())}});
            break;
        case CorrectionEffect::confirm_guest:
        case CorrectionEffect::link_guest: {
            const AttendanceEvent* walkIn = s.ledger.find(e.refersTo);
            if (!walkIn && s.history)  // a walk-in of a day not held: as the History page read it
                for (const auto& w : s.history->walkIns)
                    if (w.id == e.refersTo) walkIn = &w;
            const std::string guest = walkIn ? walkIn->guestName : std::string{};
            if (e.effect == CorrectionEffect::confirm_guest) {
                h.who = guest;
                h.what = s.texts("staff.what_confirmed");
            } else {
                h.what = s.texts.format("staff.what_linked", {{"guest", guest}});
            }
            break;
        }
        case CorrectionEffect::none: break;
    }
    return h;
}

// The matrix reads the ledger for the days it holds (always current) and the store's fold for the
// others (ledger_days.h).
class MatrixRecords : public DayRecords {
public:
    MatrixRecords(const AttendanceLedger& ledger, const MatrixFold* fold) : ledger_(ledger), fold_(fold) {}
    DayRecord record(LocalDate day, const std::string& code) const override {
        if (ledger_.loaded(day) || !fold_) return ledger_.record(day, code);
        return fold_->summary.record(day, code);
    }
    std::vector<Guest> guests(LocalDate day) const override {
        if (ledger_.loaded(day) || !fold_) return ledger_.guests(day);
        return fold_->summary.guests(day);
    }

private:
    const AttendanceLedger& ledger_;
    const MatrixFold* fold_;
};

// Who the lists show: the roster, and people no longer on it who have something on the days shown
// (they were there, so staff must be able to see and correct them: issue 20).
std::vector<Participant> withFormer(const std::vector<Participant>& roster, const std::vector<Participant>& former,
                                    const std::function<bool(const std::string&)>& hasSomething, std::set<std::string>& marked) {
    std::vector<Participant> people = roster;
    for (const auto& p : former)
        if (hasSomething(p.code)) {
            people.push_back(p);
            marked.insert(p.code);
        }
    return people;
}

}  // namespace

void StaffDesk::buildLists(LocalDate date, LocalDate today) const {
    ui::StaffView& st = view_;
    const LoadedConfig& config = s_.config;
    st.date = date;
    const Programme& programme = config.programme;
    // The group shown (issue 30): the one staff chose, on Vandaag only when it meets that day.
    st.cohorts.clear();
    for (const Cohort& c : programme.cohorts) st.cohorts.push_back(c.id);
    st.dayCohorts.clear();
    for (const ProgrammeDay* d : programme.daysOn(date)) st.dayCohorts.push_back(d->cohortId);
    st.day = programme.dayOn(date, s_.ui.staffCohort);
    if (!st.day) st.day = programme.dayOn(date);
    st.listCohort = st.day ? st.day->cohortId : std::string{};
    const Cohort* shownGroup = programme.cohort(st.listCohort);
    st.listGroupName = shownGroup && !shownGroup->name.empty() ? shownGroup->name : st.listCohort;
    st.loading = !s_.ledger.loaded(date);
    const AttendanceRules rules = AttendanceRules::from(config.settings);
    // The matrix's fold also holds the days of the groups not meeting that date (ledger_days.cpp):
    // a visitor's own days, so the list can say which day their visit made up (presence_list.h).
    const MatrixFold* fold = s_.matrixFold ? &*s_.matrixFold : nullptr;
    const MatrixRecords records(s_.ledger, fold);
    std::set<std::string> former;
    const auto people = withFormer(s_.roster.people(), s_.roster.former(), [&](const std::string& code) {
        const DayRecord r = s_.ledger.record(date, code);
        return !r.intervals.empty() || r.corrected;
    }, former);
    st.rows = presenceList(config.programme, people, records, date, rules, s_.clock.now());
    for (auto& r : st.rows) r.formerParticipant = !r.guest && former.count(r.participant.code) > 0;
    st.dayRows = st.rows;
    // Two or more groups that day (issue 30): a group's page holds the rows filed under it (its
    // people and its visitors: PresenceRow::groupId), the walk-ins' page the day's walk-ins, once.
    st.guestsToReview = static_cast<int>(std::count_if(st.rows.begin(), st.rows.end(), [](const PresenceRow& r) { return r.guest && !r.guestConfirmed; }));
    st.guestsList = false;
    if (st.dayCohorts.size() > 1) {
        st.dayCohorts.push_back(ui::kGuestsList);
        st.guestsList = s_.ui.staffCohort == ui::kGuestsList && !programme.cohort(s_.ui.staffCohort);
        if (st.guestsList) {
            st.listCohort = ui::kGuestsList;
            st.listGroupName = s_.texts("pdf.guests");
            st.day = nullptr;
        }
        std::erase_if(st.rows, [&](const PresenceRow& r) { return st.guestsList ? !r.guest : r.guest || r.groupId != st.listCohort; });
    }
    // Walk-ins still to review come first: they are what staff have to do something about.
    std::stable_partition(st.rows.begin(), st.rows.end(), [](const PresenceRow& r) { return r.guest && !r.guestConfirmed; });
    st.present = st.late = st.leftEarly = st.absent = st.excused = st.guests = 0;
    for (const auto& r : st.rows) {
        if (r.guest) ++st.guests;
        else if (r.status == DayStatus::not_enrolled) continue;  // not in the cohort that day: counted nowhere
        else if (r.status == DayStatus::absent) ++st.absent;
        else if (r.status == DayStatus::excused) ++st.excused;
        else {
            ++st.present;
            if (r.status == DayStatus::late || r.status == DayStatus::late_and_left_early) ++st.late;
            if (r.status == DayStatus::left_early || r.status == DayStatus::late_and_left_early) ++st.leftEarly;
        }
    }
    // The cohort of the day shown; days still to come counted from the real today.
    std::set<std::string> formerInMatrix;
    const auto cohort = withFormer(s_.roster.people(), s_.roster.former(), [&](const std::string& code) {
        if (!fold) return false;
        for (LocalDate d = fold->from; !(fold->to < d); d = d.plusDays(1)) {
            const DayRecord r = records.record(d, code);
            if (!r.intervals.empty() || r.corrected) return true;
        }
        return false;
    }, formerInMatrix);
    const ProgrammeDay* matrixDay = programme.groupDay(date, s_.ui.staffCohort);
    st.matrix = cohortMatrix(programme, cohort, records, matrixDay ? matrixDay->cohortId : std::string{}, today,
                             CertificateRule::from(config.settings));
    st.atRisk.clear();
    for (auto& r : st.matrix.rows) {
        r.formerParticipant = formerInMatrix.count(r.participant.code) > 0;
        if (r.certificate == CertificateState::at_risk && !r.formerParticipant) st.atRisk.push_back(r.participant.fullName());
    }
    st.matrixLoading = !fold;
    // History: what the store had when the page opened, and what the ledger holds (written since
    // or of the days held), each change once, newest first.
    std::vector<AttendanceEvent> changes = s_.ledger.staffChanges(LedgerDays::kHistoryRows);
    std::set<std::string> seen;
    for (const auto& e : changes) seen.insert(e.id);
    if (s_.history)
        for (const auto& e : s_.history->changes)
            if (seen.insert(e.id).second) changes.push_back(e);
    std::stable_sort(changes.begin(), changes.end(), [](const AttendanceEvent& a, const AttendanceEvent& b) { return a.seq > b.seq; });
    if (changes.size() > LedgerDays::kHistoryRows) changes.resize(LedgerDays::kHistoryRows);
    st.history.clear();
    for (const auto& e : changes) st.history.push_back(historyRow(e, s_));
}

const ui::StaffView* StaffDesk::view(LocalDate today) const {
    if (!on()) return nullptr;
    ui::StaffView& st = view_;
    const LocalDate date = today.plusDays(s_.ui.staffDayOffset);
    const ListsKey key{date.daysSinceEpoch(), s_.ledger.version(), s_.matrixFold ? s_.matrixFold->version : 0,
                       s_.history ? s_.history->version : 0,
                       s_.roster.version(), s_.texts.lang(), s_.clock.now().ms / 60000, s_.ui.staffCohort};
    if (key != listsKey_) {
        listsKey_ = key;
        buildLists(date, today);
    }
    if (s_.ui.screen == ui::Screen::staff_health) {
        ui::StaffHealth& h = st.health;
        const DiskHealth& disk = probe_.health();
        h.databasePath = s_.options.dbPath.string();
        h.databaseBytes = disk.databaseBytes;
        h.walBytes = disk.walBytes;
        h.freeBytes = disk.freeBytes;
        h.lastBackupPath = disk.lastBackupPath;
        h.lastBackup = disk.lastBackup;
        h.lastExport.reset();
        h.lastExportPath.clear();
        if (auto e = parseLastExport(lastExport_)) {
            h.lastExport = toLocal(e->at);
            h.lastExportPath = e->path;
        }
        h.configProblems = s_.configProblems;
        h.startupProblems = s_.startupProblems;
        h.storeProblem = s_.storeProblem;
        h.clockWarning = s_.clockOk ? std::string{} : s_.clockStatus;
        h.eventCount = s_.ledger.eventCount();
        h.version = KIOSK_VERSION;
        h.central.clear();
        const SyncStatus sync = s_.sync ? s_.sync->status() : SyncStatus{};
        for (auto& l : describeSyncStatus(sync, s_.texts, s_.config.settings.kioskId, s_.clock.now().ms))
            h.central.push_back({l.ok, std::move(l.label), std::move(l.value), l.urgent});
    }
    const ExportTarget target = probe_.exportTarget(s_.ui.exportDrive);
    st.exportToDrive = target.removable;
    st.drives.clear();
    if (probe_.drives().size() > 1)
        for (const auto& d : probe_.drives())
            st.drives.push_back({d.label + (d.bytes ? " \xC2\xB7 " + driveSize(d.bytes) : std::string{}), d.folder.string()});
    st.mustChooseDrive = target.removable && target.folder.empty();
    st.exportTarget = st.mustChooseDrive ? s_.texts("staff.target_choose")
                      : target.removable ? s_.texts.format("staff.target_drive",
                                                           {{"drive", target.label + (target.bytes ? " (" + driveSize(target.bytes) + ")" : std::string{})}})
                                         : s_.texts("staff.target_folder");
    st.exportFolder = target.folder.string();
    st.exportBusy = export_ != nullptr;
    st.saving = !writes_.empty();
    st.exportMessage = exportMessage_;
    st.exportPath = exportPath_;
    st.exportFailed = exportFailed_;
    st.autoLockSeconds = static_cast<int>(std::max<int64_t>(
        0, (static_cast<int64_t>(s_.config.settings.staffAutoLockSeconds) * 1000 - nav_.msSinceInput() + 999) / 1000));
    return &st;
}

}  // namespace kiosk
