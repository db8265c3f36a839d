#include "cli/subcommands.h"

#include <string>

#include "cli/commands.h"

namespace kiosk {

const std::vector<Subcommand>& subcommands() {
    static const std::vector<Subcommand> kTable{
        {"check-config", cmdCheckConfig, "", "configuratie controleren / validate the config"},
        {"show", cmdShow, "[--json]", "programma en deelnemers tonen / show programme and roster"},
        {"import-roster", cmdImportRoster, "FILE.csv [--allow-empty]",
         "deelnemerslijst inlezen (alles of niets; een lege lijst alleen\n"
         "met --allow-empty) / import the roster (an empty one only with --allow-empty)"},
        {"checkin", cmdCheckInOut, "CODE [--at YYYY-MM-DDTHH:MM]", ""},
        {"checkout", cmdCheckInOut, "CODE [--at YYYY-MM-DDTHH:MM]", ""},
        {"correct", cmdCorrect, "CODE --date YYYY-MM-DD (--excused | --absent | --in HH:MM | --out HH:MM\n"
                                "                 | --catch-up-of N) --reason TEXT --actor NAME",
         "correctie zoals op de personeelspagina's (afgemeld: elke programmadag\n"
         "van de groep, ook een die nog komt; --catch-up-of N: de check-in op --date,\n"
         "een dag van een andere groep, telt als dag N van de eigen groep: inhaaldag;\n"
         "dag N moet al geweest zijn) / a staff correction as on the staff pages (excused:\n"
         "any programme day of the cohort, also to come; --catch-up-of N: the check-in on\n"
         "--date, another group's day, counts as day N of the own group: a make-up day;\n"
         "day N must have taken place)"},
        {"export", cmdExport, "[--date YYYY-MM-DD] [--cohort ID] [--matrix] [--format csv|xlsx|pdf] [--delimiter ';'|','] [--out FILE|-]",
         "presentielijst of matrix naar USB-stick of exportmap / presence list or matrix"},
        {"export", cmdExport, "--blank [--day N [--cohort ID] | --date YYYY-MM-DD] [--out FILE|-]",
         "lege presentielijst (PDF) om vooraf te printen / blank list to print in advance"},
        {"export", cmdExport, "--certificates [--date YYYY-MM-DD] [--cohort ID] [--out DIR]",
         "bewijzen van deelname (PDF): een per persoon en een met allemaal, in een\n"
         "eigen map in DIR (een eerdere export daar wordt vervangen) / certificates,\n"
         "in a folder of their own inside DIR (an earlier one there is replaced)"},
        {"export", cmdExport, "--participant CODE [--date YYYY-MM-DD] [--out FILE|-]", ""},
        {"export", cmdExport, "--participants [--date YYYY-MM-DD] [--out DIR]",
         "deelname-overzicht (PDF): alle programmadagen met status, tijden en uren,\n"
         "en de certificaatregel; voor iedereen, ook onder de regel / statement of\n"
         "participation, for everyone, also below the rule"},
        {"export", cmdExport, "--feedback [--cohort ID] [--delimiter ';'|','] [--out FILE|-]",
         "antwoorden op de vraag van de dag, geteld per dag (CSV, standaard naar\n"
         "standaarduitvoer); geen aantallen bij minder dan 5 antwoorden / the day's\n"
         "question counted per day; no counts below 5 answers"},
        {"backup", cmdBackup, "FILE", "reservekopie van de database / back up the database"},
        {"purge", cmdPurge, "[--older-than DAYS]", ""},
        {"doctor", cmdDoctor, "", "gezondheid van de installatie / health report"},
        {"restore", cmdRestore, "BACKUP.db", "reservekopie terugzetten, kiosk gestopt / restore a backup, kiosk stopped"},
        {"confirm-clock", cmdConfirmClock, "", "de klok klopt (na een lange pauze) / the clock is right (after a long pause)"},
        {"set-pin", cmdSetPin, "", "personeels-PIN instellen, gelezen van standaardinvoer / staff PIN from stdin"},
        {"central-dropin", cmdCentralDropIn, "", "systemd-drop-in die de dienst naar [central] url opent / opens the unit to it"},
        {"central-setup", cmdCentralSetup,
         "--url URL [--add-kiosk ID | --set-cohorts ID | --add-cohorts ID] [--cohort C ...] [--purge [--older-than DAYS]]\n"
         "  [--erase CODE --cohort C --reason TEXT]",
         "centrale database inrichten (eigenaarsrol), een kiosk toevoegen,\n"
         "zijn groepen zetten, bewaartermijn toepassen, iemand wissen /\n"
         "set up the central database (owner role), add a kiosk, set its\n"
         "groups, apply the retention period, erase someone"},
        {"sync", cmdSync, "", "een keer uploaden naar en ophalen van de centrale registratie /\n"
                              "one push to and one pull from the central record"},
        {"privacy", cmdPrivacy, "export CODE [--out DIR]",
         "alles wat deze kiosk over een persoon bewaart, als JSON en PDF, op\n"
         "verzoek (AVG art. 15) / one person's data, on request"},
        {"privacy", cmdPrivacy, "erase CODE --reason TEXT",
         "alles van een persoon wissen, op verzoek (AVG art. 17); alleen op\n"
         "deze kiosk / erase one person on request; on this kiosk only"},
    };
    return kTable;
}

const Subcommand* findSubcommand(std::string_view name) {
    for (const auto& s : subcommands())
        if (s.name == name) return &s;
    return nullptr;
}

std::string subcommandUsage() {
    constexpr size_t kColumn = 42;  // where the descriptions start
    std::string out;
    for (const auto& s : subcommands()) {
        std::string line = "  leergang-kiosk " + std::string(s.name);
        if (!s.synopsis.empty()) line += " " + std::string(s.synopsis);
        std::string_view rest = s.description;
        bool first = true;
        while (!rest.empty()) {
            const size_t nl = rest.find('\n');
            const std::string_view part = rest.substr(0, nl);
            if (first && line.size() + 1 <= kColumn) {
                line.resize(kColumn, ' ');
            } else {
                out += line + "\n";
                line.assign(kColumn, ' ');
            }
            line += part;
            first = false;
            rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
        }
        out += line + "\n";
    }
    return out;
}

}  // namespace kiosk
