// kiosk_session.cpp: the session's frame (kiosk_session.h): the store's completions to the rooms that asked,
// and the intents the screens return, applied. The view each frame draws is built in kiosk_session_view.cpp.
#include "kiosk_session.h"

#include <algorithm>
#include <cstdio>

#include <imgui.h>

#include "ui/closing_card.h"
#include "ui/explore.h"
#include "ui/screens.h"
#include "ui/theme.h"

namespace kiosk {

// Every message but a check-in's leaves the store thread here and goes to the room that asked.
bool KioskSession::drainStore() {
    // A PIN check or an export that finished on its own thread needs a frame to take it.
    const bool background = staff_.backgroundDone();
    if (!s_.worker) return background;
    auto done = s_.worker->takeCompletions();
    const Instant now = s_.clock.now();
    // An event committed on this kiosk: the sync thread pushes it now, not at its next check.
    if (s_.sync && std::any_of(done.begin(), done.end(), [](const StoreCompletion& c) { return c.status.ok() && c.event(); }))
        s_.sync->poke();
    // The central record's status changed in a way a person would see: the Status page draws it.
    bool syncShown = false;
    if (s_.sync && s_.sync->statusVersion() != syncSeen_) {
        syncSeen_ = s_.sync->statusVersion();
        syncShown = s_.ui.screen == ui::Screen::staff_health;
    }
    // The sync thread applied another kiosk's roster to the file: the store thread reads it in
    // order with its other work and posts it as an import (RosterSynced, below, a frame later).
    if (s_.sync && s_.sync->rostersApplied() != rostersSeen_) {
        rostersSeen_ = s_.sync->rostersApplied();
        s_.worker->reloadRoster();
    }
    for (auto& c : done) {
        if (staff_.completed(c)) {
            // A correction of a day not held (a catch-up is written on the own day it makes up):
            // the matrix's fold reads it again, as for another writer's event.
            if (const AttendanceEvent* e = c.event(); e && c.status.ok()) days_.arrived({*e});
            continue;
        }
        if (late_.completed(c) || days_.completed(c)) continue;
        if (std::holds_alternative<store_done::Checked>(c.result)) {
            checked(c);
            continue;
        }
        if (auto* synced = std::get_if<store_done::RosterSynced>(&c.result)) {
            if (!c.status.ok()) {  // the kiosk goes on with the roster it has: said on the Status page, not at the door
                const std::string why = std::string(kRosterFile) + ": " + s_.texts(storeErrorKey(c.status.kind)) + " (" + c.status.detail + ")";
                std::fprintf(stderr, "%s\n", why.c_str());
                s_.configProblems.push_back(why);
            }
            else if (synced->imported) s_.roster.set(std::move(synced->roster));  // what the store now holds as active
            for (const auto& r : synced->import.codesRestored)  // imported in the stored form: said on the Status page
                s_.configProblems.push_back(std::string(kRosterFile) + ": " +
                                            s_.texts.format("problem.roster.zeros_restored", {{"code", r.incoming}, {"existing", r.stored}}));
            continue;
        }
        if (std::holds_alternative<store_done::BackedUp>(c.result) || std::holds_alternative<store_done::Purged>(c.result)) {
            if (!c.status.ok()) {
                const auto* b = std::get_if<store_done::BackedUp>(&c.result);
                std::fprintf(stderr, "%s: %s (%s)\n", b ? b->dir.c_str() : "purge", s_.texts(storeErrorKey(c.status.kind)).c_str(),
                             c.status.detail.c_str());
                lastUpkeepDay_ = {};                        // try again,
                upkeepRetryAt_ = now.plusSeconds(60 * 60);  // in an hour
            }
            continue;
        }
        if (std::holds_alternative<store_done::AnswerCounted>(c.result)) {  // the door never hears of it
            if (!c.status.ok()) std::fprintf(stderr, "%s (%s)\n", s_.texts(storeErrorKey(c.status.kind)).c_str(), c.status.detail.c_str());
            continue;
        }
        if (std::holds_alternative<store_done::MetaSet>(c.result)) {
            if (!c.status.ok()) s_.reportStoreProblem(c.status);
            continue;
        }
        // What another kiosk, the command line or a script committed (store_worker.h, OTHER WRITERS).
        if (const auto* arrived = std::get_if<store_done::Arrived>(&c.result)) {
            for (const auto& e : arrived->events)
                if (days_.shows(e)) s_.ledger.apply(e);
            days_.arrived(arrived->events);
            if (!c.status.ok()) std::fprintf(stderr, "%s (%s)\n", s_.texts(storeErrorKey(c.status.kind)).c_str(), c.status.detail.c_str());
            continue;
        }
        // A tap decided again by the store on the fresh state: written, or what is true now.
        if (const auto* decided = std::get_if<store_done::Decided>(&c.result); decided && c.status.ok()) {
            s_.storeProblem.clear();
            for (const auto& e : decided->unseen) s_.ledger.apply(e);
            if (decided->outcome.written) {
                s_.ledger.apply(decided->outcome.event);
                flow_.committed(s_.ui.feedback, c.ticket, now);
            } else {
                flow_.refused(s_.ui.feedback, c.ticket, decided->outcome.show, decided->outcome.shownTime, now,
                              decided->outcome.refusal);
            }
            continue;
        }
        // An event of the door (a walk-in), or a failed write.
        if (c.status.ok()) {
            s_.storeProblem.clear();
            if (const AttendanceEvent* e = c.event()) s_.ledger.apply(*e);
            flow_.committed(s_.ui.feedback, c.ticket, now);
        } else {
            s_.reportStoreProblem(c.status);
            if (flow_.failed(s_.ui.feedback, c.ticket, s_.storeProblem, now) && ready_ && s_.ui.screen != ui::Screen::walkin)
                s_.ui.screen = ui::Screen::checkin;
        }
    }
    return !done.empty() || background || syncShown;
}

void KioskSession::goHome() {
    if (staff_.unlocked()) staff_.lock();  // home is public: staff mode never outlives it
    if (s_.ui.speech) narrator_.setSpeech(false);  // home turns speech off for the next person, said (not silently)
    nav_.home();
}

void KioskSession::leaveCard() {
    // Speech mode, after an undo (the third trial by ear): whoever undid stays to choose the right
    // name, so Klaar and Terug go back to the list of names with speech on, which is then said.
    const ui::Feedback::Kind k = s_.ui.feedback.kind;
    if (s_.ui.speech && (k == ui::Feedback::Kind::undone || k == ui::Feedback::Kind::undone_out)) {
        const ui::CheckMode mode = k == ui::Feedback::Kind::undone ? ui::CheckMode::check_in : ui::CheckMode::check_out;
        nav_.go(ui::intent::Go{ui::Screen::checkin, mode}, staff_.unlocked());
        narrator_.sayScreenAgain();
        return;
    }
    goHome();
}

void KioskSession::apply(const ui::Intent& in) {
    namespace I = ui::intent;
    const Instant now = s_.clock.now();
    std::visit(
        [&](const auto& a) {
            using A = std::decay_t<decltype(a)>;
            if constexpr (std::is_same_v<A, std::monostate>) {
            } else if constexpr (std::is_same_v<A, I::Go>) {
                if (a.screen == ui::Screen::home) leaveCard();
                else nav_.go(a, staff_.unlocked());
            } else if constexpr (std::is_same_v<A, I::SetLang>) {
                s_.texts.setLang(a.lang);
            } else if constexpr (std::is_same_v<A, I::Speech>) {
                narrator_.setSpeech(a.on);
            } else if constexpr (std::is_same_v<A, I::Contrast>) {
                s_.ui.highContrast = a.on;
            } else if constexpr (std::is_same_v<A, I::LargerText>) {
                s_.ui.largerText = a.on;
            } else if constexpr (std::is_same_v<A, I::Repeat>) {
                narrator_.repeat();
            } else if constexpr (std::is_same_v<A, I::Focus>) {
                if (a.byLetter) ui::exploreJump(a.step, a.letter);
                else if (a.step == 0) ui::exploreActivate();
                else ui::exploreMove(a.step);
            } else if constexpr (std::is_same_v<A, I::MoreTime>) {
                nav_.noteInput();
                s_.ui.moreTimeSecondsLeft = 0;
            } else if constexpr (std::is_same_v<A, I::CheckIn>) {
                tap(a.again ? CheckAction::check_in_again : CheckAction::check_in, a.participantCode);
            } else if constexpr (std::is_same_v<A, I::CheckOut>) {
                tap(CheckAction::check_out, a.participantCode);
            } else if constexpr (std::is_same_v<A, I::Scan>) {
                scan(a.code);
            } else if constexpr (std::is_same_v<A, I::Undo>) {
                tap(CheckAction::undo, {});
            } else if constexpr (std::is_same_v<A, I::Answer>) {
                answer(a.index);
            } else if constexpr (std::is_same_v<A, I::Dismiss>) {
                leaveCard();
            } else if constexpr (std::is_same_v<A, I::RegisterGuest>) {
                if (!s_.worker) return;
                if (auto w = flow_.walkIn(s_.ui.feedback, a.name, a.organisation, EventStamp::kiosk(now, s_.config.settings.kioskId)))
                    write(*w);
            } else if constexpr (std::is_same_v<A, I::StartExercise>) {
                const Exercise* e = s_.config.programme.exercise(a.exerciseId);
                if (!e) return;
                running_ = std::make_unique<Running>(*e);
                running_->player.start(s_.clock.steady());
                s_.ui.screen = ui::Screen::exercise;
                keepStoppedRun(now);  // a new run replaces a stopped one
            } else if constexpr (std::is_same_v<A, I::Player>) {
                runPlayer(a.command, s_.clock.steady());
                keepStoppedRun(now);
            } else if constexpr (std::is_same_v<A, I::UnlockShift>) {
                late_.unlock(a, now);
                if (s_.ui.shiftUnlocked) nav_.codeAccepted();
            } else if constexpr (std::is_same_v<A, I::CloseRoomDisplay>) {
                if (!nav_.roomMode()) s_.ui.roomPinned = false;  // in room mode the room display stays home
                nav_.go(ui::intent::Go{ui::Screen::agenda}, staff_.unlocked());
            } else if constexpr (std::is_same_v<A, I::SetShift>) {
                late_.set(a, now);
            } else if constexpr (std::is_same_v<A, I::FollowGroup>) {
                late_.follow(a, now);
            } else if constexpr (std::is_same_v<A, I::UnlockStaff>) {
                staff_.unlock(a);
            } else if constexpr (std::is_same_v<A, I::LockStaff>) {
                staff_.lock();
                goHome();
            } else if constexpr (std::is_same_v<A, I::StaffDay>) {
                staff_.showDay(a);
            } else if constexpr (std::is_same_v<A, I::StaffGroup>) {
                staff_.showGroup(a);
            } else if constexpr (std::is_same_v<A, I::StaffChange>) {
                staff_.change(a, now);
            } else {
                static_assert(std::is_same_v<A, I::StaffExport>, "every intent is applied");
                staff_.exportFile(a, now);
            }
        },
        in.action);
}

Navigation::Holds KioskSession::holds() const {
    const auto st = running_ ? running_->player.state() : ExercisePlayer::State::finished;
    const bool exerciseOn = s_.ui.screen == ui::Screen::exercise &&
                            (st == ExercisePlayer::State::running || st == ExercisePlayer::State::paused);
    return {exerciseOn, staff_.on(), s_.ui.screen == ui::Screen::room && s_.ui.roomPinned};
}

void KioskSession::frame() {
    if (!ready_) {  // could not start: only the screen that says so, nothing to tap
        ui::drawKioskUi(buildView(), s_.ui);
        return;
    }
    drainStore();
    const Instant now = s_.clock.now();
    nav_.observeCard();
    staff_.frame(now);
    days_.frame(localDateOf(now), staff_.on() ? std::optional(localDateOf(now).plusDays(s_.ui.staffDayOffset)) : std::nullopt,
                staff_.on() && s_.ui.screen == ui::Screen::staff_history);
    dailyUpkeep(now);
    if (nav_.homeDue(holds())) goHome();
    // The touch that answers "Meer tijd nodig?" counts as input before this frame sees it: the question
    // stays up until that touch is released, so that it is the answer and not a tap on the screen under it.
    const int asked = s_.ui.moreTimeSecondsLeft;
    const bool touching = ImGui::IsMouseDown(ImGuiMouseButton_Left) || ImGui::IsMouseReleased(ImGuiMouseButton_Left);
    s_.ui.moreTimeSecondsLeft = nav_.moreTimeSecondsLeft(holds());
    if (asked > 0 && touching && s_.ui.moreTimeSecondsLeft == 0 && s_.ui.screen != ui::Screen::home) s_.ui.moreTimeSecondsLeft = asked;
    s_.ui.undoSecondsLeft = 0;
    if (s_.ui.feedback.kind == ui::Feedback::Kind::checked_in || s_.ui.feedback.kind == ui::Feedback::Kind::checked_out)
        s_.ui.undoSecondsLeft = undoSecondsLeft(s_.ledger.record(localDateOf(s_.ui.feedback.at), s_.ui.feedback.code),
                                                undoMoment(), undoRules());
    for (const ui::Intent& key : input_.read(s_.ui.screen, running_ != nullptr, s_.ui.speech, s_.clock.steady())) {
        if (const auto* pc = key.as<ui::intent::Player>()) {
            nav_.noteInput();
            if (ui::pageStep(s_.ui, pc->command)) continue;  // the clicker reads a long step page by page first
        }
        apply(key);
    }
    if (flow_.inFlight() == 0 && s_.ui.feedback.kind != ui::Feedback::Kind::pending)
        if (auto code = waitingScans_.take()) scan(*code);
    tickPlayer();
    nav_.updateSleep(now, false);  // asleep until a touch has come and gone
    const ui::KioskView view = buildView();
    ui::useHighContrast(s_.ui.highContrast);  // home resets it with the rest of UiState
    s_.ui.animating = false;  // a screen that moves by itself this frame sets it again
    const ui::Screen drawn = s_.ui.screen;
    apply(ui::drawKioskUi(view, s_.ui));
    narrator_.afterFrame(view, drawn, ImGui::IsMouseClicked(ImGuiMouseButton_Left));
    if (nav_.sleeping()) nav_.updateSleep(now, InputBindings::touched());
}

int64_t KioskSession::msUntilNextChange() const {
    if (!ready_) return 60000 - s_.clock.now().ms % 60000;  // the out-of-order screen: only its clock
    if (!waitingScans_.empty() && flow_.inFlight() == 0) return 0;  // a waiting scan is taken next frame
    const int64_t ms = nav_.msUntilNextChange(s_.clock.now(), holds(), player(), staff_.unlocked());
    // Speech mode: a tap on nothing is said once no second tap came (ui/explore.h rule 6), without another event.
    return s_.ui.speech ? std::min(ms, ui::exploreMsUntilSaid(s_.clock.now().ms)) : ms;
}

}  // namespace kiosk
