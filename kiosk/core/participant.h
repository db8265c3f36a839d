// participant.h: a person on the roster, and the Dutch rules for showing, sorting and finding names.
//
// Names are kept byte for byte as written (Zoë, Ĳsbrand, Çağla). Dutch alphabetical order by last
// name ignores the tussenvoegsel ("de Vries" sorts under V); search folds case and diacritics so
// "zoe" finds Zoë and "ij" finds Ĳsbrand.
#pragma once

#include <string>
#include <string_view>

#include <optional>

#include "civil_time.h"
#include "kiosk_settings.h"

namespace kiosk {

struct Participant {
    std::string code;         // stable id, letters and digits, case-insensitive (badge)
    std::string firstName;
    std::string infix;        // tussenvoegsel: "van der", "de", may be empty
    std::string lastName;
    std::string department;
    std::string cohortId;
    std::string email;        // optional
    // Enrolment (issue 30, late joiners and leavers; day_counting.h rule 4): the first and the last
    // date the person belongs to the cohort, both included. None: from the start, to the end.
    // From the roster's vanaf/from and tot/until columns; a first date also from the day the store
    // first saw the person on a later roster (store/attendance_db_roster.cpp).
    std::optional<LocalDate> from = {};
    std::optional<LocalDate> until = {};
    bool enrolledOn(LocalDate d) const { return (!from || !(d < *from)) && (!until || !(*until < d)); }

    std::string fullName() const;                   // "Anna de Vries"
    std::string displayName(NameDisplay d) const;   // per the public display policy
};

// "Vries, Anna de": the Dutch list form (tussenvoegsel after the first name).
std::string listName(const Participant& p);

// Key for sorting by last name the Dutch way (tussenvoegsel ignored, accents folded).
std::string lastNameSortKey(const Participant& p);
// Key for sorting by first name (accents folded), then last name.
std::string firstNameSortKey(const Participant& p);

// Lower-case ASCII-ish fold for search and sort: "Zoë" -> "zoe", "Ĳsbrand" -> "ijsbrand",
// "Çağla" -> "cagla", "Öztürk" -> "ozturk", "ß" -> "ss". Unknown code points are kept.
std::string foldForSearch(std::string_view utf8);

// True when every word of the query occurs in the participant's folded first name, infix or
// last name ("zoe" finds Zoë, "de v" finds "de Vries").
bool matchesQuery(const Participant& p, std::string_view foldedQuery);
// The folded text a query is matched against (precompute it for large rosters).
std::string searchText(const Participant& p);
bool matchesFolded(std::string_view searchText, std::string_view foldedQuery);

// Upper-cases ASCII letters and drops anything that is not a letter or digit ("ab-12 " -> "AB12").
std::string normaliseCode(std::string_view code);

// First UTF-8 character of s (for initials), or "".
std::string firstCharacter(std::string_view s);

}  // namespace kiosk
