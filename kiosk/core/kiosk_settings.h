// kiosk_settings.h: everything tunable about one kiosk, filled from kiosk.toml.
// Each field carries its default and unit; an absent key keeps the default.
#pragma once

#include <string>

#include "civil_time.h"

namespace kiosk {

// How a participant's name appears on screens the room can see.
enum class NameDisplay {
    first_and_initial,  // "Anna de V."  (default: enough to find yourself, little for others)
    first_only,         // "Anna"
    full,               // "Anna de Vries"
};

// What this kiosk's screen is for.
enum class KioskMode {
    door,  // at the entrance: check-in on the home screen (default)
    room,  // the screen in the training room: starts on the pinned room display, no public check-in
};

// What makes a day count towards the certificate ([attendance] day_counts; core/day_counting.h).
enum class DayCounts {
    any_check_in,  // a check-in that day (default)
    share,         // at least min_share_percent of the programme hours present
};

struct KioskSettings {
    std::string venue = "De Broodfabriek";  // shown on the home screen
    std::string city = "Zutphen";
    std::string kioskId = "entree";         // recorded with every event this kiosk writes
    Lang lang = Lang::nl;                   // language at start and after returning home
    int returnHomeSeconds = 20;             // inactivity before any screen returns home
    int staffAutoLockSeconds = 60;          // inactivity before staff mode locks
    int undoSeconds = 10;                   // window in which a check-in can be undone
    int lateGraceMinutes = 10;              // check-in later than day start + this is "late"
    int earlyLeaveGraceMinutes = 10;        // check-out earlier than day end - this is "left early"
    NameDisplay nameDisplay = NameDisplay::first_and_initial;
    std::string exportFolder = "";          // empty: $XDG_DATA_HOME/leergang-kiosk/exports
    int retentionDays = 365;                // attendance older than this is purged at start
    bool keepEmail = false;                 // [privacy] keep_email: the roster's e-mail stored (else never read)
    std::string emailPurpose = "";          // [privacy] email_purpose: what for; required with keepEmail
    bool inspectionStaffNames = false;      // [privacy] inspection_staff_names: staff names in `privacy export` (else "medewerker")
    int backupKeep = 14;                    // daily backups kept
    int certificateMinDays = 6;             // days present needed for the certificate
    DayCounts dayCounts = DayCounts::any_check_in;  // [attendance] day_counts: "any_check_in" or "share"
    int minSharePercent = 75;               // [attendance] min_share_percent, % of the programme hours (share)
    bool excusedCountsForCertificate = false;  // [attendance] excused_counts_for_certificate
    int maxCatchUps = 1;                    // [attendance] max_catch_ups: made-up days that count (core/catch_up.h)
    int forgottenCheckoutGraceMinutes = 60; // [attendance] forgotten_checkout_grace_minutes after the day's end
    float scale = 0.0f;                     // 0: from the window height; else a factor (1.0 = 800 px high)
    KioskMode mode = KioskMode::door;       // [kiosk] mode: "door" or "room" (ui/screen_room.cpp)
    std::string followCohort = "";          // [kiosk] cohort: the group the agenda, room display and exercises
    bool roomFlash = true;                  // [room] flash: the screen flashes at "tijd is om" (an exercise may say otherwise)
    bool roomChime = false;                 // [room] chime: a soft chime at the exercise's marks (core/room_chime.h)
                                            // follow on a day with several ("" = the first in programme.toml)
    std::string staffPinHash = "";          // Argon2id (libsodium), set with `set-pin`
    std::string facilitatorCode = "";       // digits; lets a facilitator shift today's agenda ("" = off)
    std::string centralUrl = "";            // [central] url: libpq connection string or URI ("" = off)
    std::string centralPasswordFile = "";   // [central] password_file: absolute; read by the kiosk only, never shown
};

const char* nameDisplayKey(NameDisplay d);
const char* dayCountsKey(DayCounts d);  // "any_check_in", "share"

}  // namespace kiosk
