// commands.h: the subcommands, small functions over the same core, content and store as the kiosk.
#pragma once

#include "command_line.h"

namespace kiosk {

int runCommand(const CommandLine& cl);       // commands.cpp: dispatches to the ones below
int cmdCheckConfig(const CommandLine& cl);   // commands_config.cpp
int cmdShow(const CommandLine& cl);
int cmdImportRoster(const CommandLine& cl);
int cmdCheckInOut(const CommandLine& cl);    // commands_attendance.cpp
int cmdCorrect(const CommandLine& cl);       // commands_attendance.cpp
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
