// commands.h: the subcommands, small functions over the same core, content and store as the kiosk.
#pragma once

#include <string>

#include "command_line.h"
#include "core/attendance.h"
#include "core/text_catalogue.h"

namespace kiosk {

class AttendanceDb;
struct CommandContext;
struct Participant;

// Exit statuses of checkin / checkout / correct beside 0 (done), 1 (error) and 2 (usage): see usageText().
constexpr int kExitAlreadySo = 3;  // it was so already: nothing written
constexpr int kExitRefused = 4;    // not possible (an impossible time, out without in): nothing written

int runCommand(const CommandLine& cl);       // commands.cpp: dispatches to the ones below
int cmdCheckConfig(const CommandLine& cl);   // commands_config.cpp
int cmdShow(const CommandLine& cl);
int cmdImportRoster(const CommandLine& cl);
int cmdCheckInOut(const CommandLine& cl);    // commands_attendance.cpp
int cmdCorrect(const CommandLine& cl);       // commands_attendance.cpp
int cmdCorrectCatchUp(const CommandLine& cl);  // commands_correct_catch_up.cpp: correct --catch-up-of N
// commands_attendance.cpp: the config (valid) and the store with its roster, for a command that
// writes; the active participant a code stands for. 0, or the exit code (said on stderr).
int openConfiguredStore(const CommandLine& cl, CommandContext& ctx, AttendanceDb& db);
int findActiveParticipant(CommandContext& ctx, AttendanceDb& db, const std::string& code, Participant& out);
// A correction refused by the staff form's rules (`key`, a staff.error.* text): said on stderr; 2 for
// what the command line lacks (reason, actor, a text too long), else kExitRefused.
int refuseCorrection(const CommandContext& ctx, TextArgs args, const std::string& key);
// `code`'s record of `date` as the store holds it now; 0, or 1 with the store's error said.
int dayRecordFromStore(const CommandContext& ctx, AttendanceDb& db, LocalDate date, const std::string& code, DayRecord& out);
int cmdExport(const CommandLine& cl);
int cmdExportFeedback(const CommandLine& cl);  // commands_feedback.cpp: export --feedback
int cmdBackup(const CommandLine& cl);
int cmdPurge(const CommandLine& cl);
int cmdDoctor(const CommandLine& cl);        // commands_doctor.cpp
int cmdSetPin(const CommandLine& cl);        // commands_pin.cpp
int cmdCentralDropIn(const CommandLine& cl); // commands_central.cpp
int cmdCentralSetup(const CommandLine& cl);  // commands_central_setup.cpp
int cmdSync(const CommandLine& cl);          // commands_sync.cpp
int cmdRestore(const CommandLine& cl);       // commands_store.cpp
int cmdConfirmClock(const CommandLine& cl);
int cmdPrivacy(const CommandLine& cl);  // privacy erase (commands_privacy.cpp)

}  // namespace kiosk
