// name_labels.h: namesakes told apart. Wherever the kiosk shows who someone is (tiles, search rows,
// the card after a tap), it shows the label this module gives, never a bare displayName().
//
// Contract
//   1. A label starts as the display policy says (kiosk.toml name_display: "Anna de V.").
//   2. Labels that collide (compared folded: case and accents do not tell people apart on a
//      screen) lengthen together, one step at a time, until they differ or run out of steps:
//        policy  ->  full name ("Anna de Vries")  ->  + department ("Anna de Vries · HR")
//                ->  + code ("Anna de Vries · HR · 0007")
//      Only the colliding ones lengthen; everybody else keeps the short, private form.
//   3. Computed over the whole list a screen can show (RosterCache: every active participant), so a
//      label is unique on any screen; the cost is a longer label for namesakes in two cohorts.
//   4. namesakeWarnings() reports every collision of the policy form within a cohort with the
//      roster's lines (check-config, the Status page, import-roster): staff can add a department.
#pragma once

#include <string>
#include <vector>

#include "diagnostics.h"
#include "kiosk_settings.h"
#include "participant.h"
#include "roster.h"
#include "text_catalogue.h"

namespace kiosk {

// One label per participant, same order; distinct wherever the steps above can make them so.
std::vector<std::string> distinctLabels(const std::vector<const Participant*>& people, NameDisplay policy);
std::vector<std::string> distinctLabels(const std::vector<Participant>& people, NameDisplay policy);

// A warning (file:line) for each roster row whose policy label equals another's in the same cohort.
Problems namesakeWarnings(const std::vector<RosterRow>& rows, NameDisplay policy, const std::string& fileName,
                          const Texts& texts);

}  // namespace kiosk
