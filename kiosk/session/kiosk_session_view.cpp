// kiosk_session_view.cpp: the view a frame draws (ui::KioskView), built from the session's memory only:
// no store call, no I/O. The groups meeting today, the people expected at the door and the counts.
#include "kiosk_session.h"

#include "ui/screens.h"

namespace kiosk {

ui::KioskView KioskSession::buildView() const {
    ui::KioskView v;
    v.texts = &s_.texts;
    v.settings = &s_.config.settings;
    v.programme = &s_.config.programme;
    v.ledger = &s_.ledger;
    v.now = s_.clock.now();
    v.steady = s_.clock.steady();
    v.local = toLocal(v.now);
    // The group this kiosk's agenda and room display follow (running_late.h), as shifted for running late.
    const std::string group = late_.followedGroup(v.local.date);
    const ProgrammeDay* followed = group.empty() ? nullptr : s_.config.programme.dayOn(v.local.date, group);
    v.today = late_.shiftedDay(followed ? followed : s_.config.programme.dayOn(v.local.date), v.local.date);
    if (v.today) v.shift = late_.shiftOn(v.local.date);
    v.shiftAvailable = !s_.config.settings.facilitatorCode.empty();
    v.shownDay = v.today ? v.today : s_.config.programme.groupDay(v.local.date, group);
    v.closingDay = closingDay(v.today);
    const auto& people = s_.roster.people();
    for (size_t i = 0; i < people.size(); ++i)
        if (!v.today || s_.config.programme.dayOn(v.local.date, people[i].cohortId)) {  // every group meeting today
            v.expected.push_back(&people[i]);
            v.expectedSearch.push_back(&s_.roster.searchTexts()[i]);
            v.expectedLabels.push_back(&s_.roster.labels(s_.config.settings.nameDisplay)[i]);
        }
    // The groups meeting today, each with its count (the followed one's day as shifted for running late).
    for (const ProgrammeDay* d : s_.config.programme.daysOn(v.local.date)) {
        const Cohort* c = s_.config.programme.cohort(d->cohortId);
        v.groupsToday.push_back({v.today && v.today->cohortId == d->cohortId ? v.today : d, c ? c->name : d->cohortId, 0, 0});
    }
    for (const auto* p : v.expected) {
        const bool in = s_.ledger.record(v.local.date, p->code).checkIn.has_value();
        if (in) ++v.checkedIn;
        for (auto& g : v.groupsToday)
            if (g.day->cohortId == p->cohortId) {
                ++g.expected;
                g.checkedIn += in ? 1 : 0;
            }
    }
    v.storeProblem = s_.storeProblem;
    v.dimmed = s_.ui.screen == ui::Screen::home && nav_.sleeping();
    v.player = player();
    v.msSinceInput = nav_.msSinceInput();
    v.pin = staff_.pinPad();
    v.shiftLockedSeconds = late_.lockedSeconds();
    v.staff = staff_.view(v.local.date);
    if (!ready_) v.outOfOrder = &outOfOrder_;
    return v;
}

}  // namespace kiosk
