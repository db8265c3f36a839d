#include "cli/command_line.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iterator>

#include "cli/subcommands.h"
#include "core/clock.h"
#include "core/text_checks.h"

namespace kiosk {
namespace {

bool toInt(const std::string& s, int& out) {
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

// --touch X,Y or --hold X,Y,S: whole window pixels (0..8191), a hold 0.1 to 60 seconds.
bool parseTouch(const std::string& v, bool hold, ScriptedTouch& out) {
    int x = -1, y = -1, n = 0;
    double s = 0;
    if (v.empty() || v.find_first_not_of("0123456789,.") != std::string::npos) return false;  // no sign, space, exponent
    if (hold) {
        if (std::sscanf(v.c_str(), "%d,%d,%lf%n", &x, &y, &s, &n) != 3) return false;
    } else if (std::sscanf(v.c_str(), "%d,%d%n", &x, &y, &n) != 2) {
        return false;
    }
    if (static_cast<size_t>(n) != v.size() || x < 0 || y < 0 || x > 8191 || y > 8191) return false;
    if (hold && !(s >= 0.1 && s <= 60)) return false;
    out.x = static_cast<float>(x);
    out.y = static_cast<float>(y);
    out.holdSeconds = hold ? s : 0;
    return true;
}

// --swipe X1,Y1,X2,Y2: whole window pixels (0..8191).
bool parseSwipe(const std::string& v, ScriptedTouch& out) {
    int x1 = -1, y1 = -1, x2 = -1, y2 = -1, n = 0;
    if (v.empty() || v.find_first_not_of("0123456789,") != std::string::npos) return false;
    if (std::sscanf(v.c_str(), "%d,%d,%d,%d%n", &x1, &y1, &x2, &y2, &n) != 4 || static_cast<size_t>(n) != v.size()) return false;
    for (int c : {x1, y1, x2, y2})
        if (c < 0 || c > 8191) return false;
    out.swipe = true;
    out.x = static_cast<float>(x1);
    out.y = static_cast<float>(y1);
    out.x2 = static_cast<float>(x2);
    out.y2 = static_cast<float>(y2);
    return true;
}

}  // namespace

std::string usageText(const std::string& screens) {
    return R"(Leergang Kiosk: aanmelden en programma voor de Leergang Ambtelijk Vakmanschap.

Gebruik / usage:
  leergang-kiosk [opties]                 de kiosk starten / start the kiosk
)" + subcommandUsage() + R"(
Opties / options:
  --config DIR       configuratiemap (standaard $LEERGANG_KIOSK_CONFIG, /etc/leergang-kiosk, ingebouwd)
  --db FILE          database (standaard $XDG_DATA_HOME/leergang-kiosk/attendance.db)
                     meerdere processen mogen tegelijk schrijven (kiosken, checkin/checkout, scripts):
                     elk feit één keer / several processes may write at once, each fact once
  --now YYYY-MM-DDTHH:MM   de klok start op dit lokale tijdstip en loopt door (demo's, tests); bij checkin
                           en checkout: de klok waartegen --at gecontroleerd wordt
  --screen NAME      met dit scherm beginnen / start on this screen:
)" + screens + R"(  --size WxH         venstergrootte (standaard 1280x800)
  --fullscreen       volledig scherm (op locatie)
  --diagonal INCH    schermdiagonaal (gaat voor [display] diagonal_inches): hoe groot 9 mm is
  --lang nl|en       taal
  --screenshot FILE.png [--frames N]   N frames tekenen (standaard 2), PNG schrijven, stoppen
  --ui-dump FILE     na elk frame een JSON-regel met alle tikbare elementen
  --speech-log FILE  elke uitspraak van de spraakmodus als JSON-regel (tekst, taal, start) / each utterance
  --audio-device PCM ALSA-apparaat voor de spraak (standaard default; null: weggooien) / speech's ALSA device
  --tap LABEL|ID     tik op het element met dit opschrift (of deze id) zodra het in beeld is (herhaalbaar; demo's)
  --touch X,Y        tik op vensterpixel X,Y (indrukken, een frame later loslaten), zonder te kijken wat
                     daar staat / tap at window pixel X,Y, blind to what is there
  --hold X,Y,S       een vinger S seconden (0.1 tot 60, echte tijd) stil op X,Y / a finger held still
  --swipe X1,Y1,X2,Y2  een vinger van X1,Y1 naar X2,Y2 vegen in 0,2 s, dan loslaten (in de spraakstand:
                     naar rechts het volgende element, naar links het vorige) / a swipe in 0.2 s (speech
                     mode: right is the next element, left the previous)
  --wait S           S seconden (0.1 tot 60) niets aanraken, dan verder met de volgende tik / touch nothing
                     --tap, --touch, --hold, --swipe en --wait gaan om de beurt, in de volgorde van de
                     opdrachtregel / taken in turn, in the order given
  --delay S          met --screenshot: na de tikken S seconden wachten (echte tijd), dan de afbeelding
  --version, --help

Afsluitcodes / exit codes: 0 goed, 1 fout tijdens het draaien, 2 verkeerd gebruik of configuratiefout,
  3 niets te doen: het was al zo (checkin: al ingecheckt; checkout: al uitgecheckt; correct: al afgemeld
    met die reden, al afwezig, al ingehaald op die datum; export --certificates:
    niemand haalde de certificaatregel) / nothing to do, it was so already,
  4 geweigerd, niets opgeslagen (checkin/checkout: een onmogelijke tijd, zoals uitchecken vóór het inchecken
    of meer dan 5 minuten na de klok, of uitchecken zonder inchecken; correct: een tijd die nog moet komen,
    afmelden voor een dag die geen programmadag van de groep is; --catch-up-of: zie `correct`) / refused,
    nothing stored.
  checkin na een checkout checkt opnieuw in / checkin after a checkout checks in again.
)";
}

// The option `a` that takes one string value: where it goes; nullptr for any other.
static std::optional<std::string>* stringOption(CommandLine& cl, const std::string& a) {
    if (a == "--config") return &cl.configDir;
    if (a == "--db") return &cl.dbPath;
    if (a == "--now") return &cl.now;
    if (a == "--screen") return &cl.screen;
    if (a == "--size") return &cl.size;
    if (a == "--lang") return &cl.lang;
    if (a == "--screenshot") return &cl.screenshot;
    if (a == "--ui-dump") return &cl.uiDump;
    if (a == "--at") return &cl.at;
    if (a == "--date") return &cl.date;
    if (a == "--format") return &cl.format;
    if (a == "--out") return &cl.out;
    if (a == "--delimiter") return &cl.delimiter;
    if (a == "--url") return &cl.url;
    if (a == "--add-kiosk") return &cl.addKiosk;
    if (a == "--in") return &cl.in;
    if (a == "--reason") return &cl.reason;
    if (a == "--actor") return &cl.actor;
    if (a == "--participant") return &cl.participant;
    if (a == "--set-cohorts") return &cl.setCohorts;
    if (a == "--add-cohorts") return &cl.addCohorts;
    if (a == "--erase") return &cl.erase;
    if (a == "--speech-log") return &cl.speechLog;
    if (a == "--audio-device") return &cl.audioDevice;
    return nullptr;
}

// --touch X,Y, --hold X,Y,S, --swipe X1,Y1,X2,Y2 or --wait S into the scripted touches, in order; false with `error` set.
static bool addScriptedTouch(CommandLine& cl, const std::string& a, const std::string& v, std::string& error) {
    ScriptedTouch t;
    t.wait = a == "--wait";
    if (a == "--swipe" ? parseSwipe(v, t) : parseTouch(t.wait ? "0,0," + v : v, a != "--touch", t)) {
        cl.taps.push_back(t);
        return true;
    }
    if (a == "--touch")
        error = "--touch X,Y: twee gehele pixels vanaf linksboven / two whole pixels from the top left: ";
    else if (a == "--swipe")
        error = "--swipe X1,Y1,X2,Y2: vier gehele pixels vanaf linksboven / four whole pixels from the top left: ";
    else if (a == "--hold")
        error = "--hold X,Y,S: pixels vanaf linksboven en 0.1 tot 60 seconden / "
                "pixels from the top left and 0.1 to 60 seconds: ";
    else
        error = "--wait S: 0.1 tot 60 seconden / 0.1 to 60 seconds: ";
    error += printable(v);
    return false;
}

// An option of `export` that says its kind (cl.exportKind); false for any other. `seen`: one bit per
// option already given, so that the same option twice counts once (cl.exportKindOptions).
static bool noteExportKind(CommandLine& cl, const std::string& a, unsigned& seen) {
    static constexpr struct {
        const char* option;
        ExportKind kind;
    } kOptions[] = {{"--matrix", ExportKind::matrix},           {"--blank", ExportKind::blank},
                    {"--certificates", ExportKind::certificates}, {"--participants", ExportKind::statements},
                    {"--participant", ExportKind::statements},    {"--feedback", ExportKind::feedback}};
    for (unsigned i = 0; i < std::size(kOptions); ++i) {
        if (a != kOptions[i].option) continue;
        if (!(seen & (1u << i))) ++cl.exportKindOptions;
        seen |= 1u << i;
        if (cl.exportKind != ExportKind::feedback) cl.exportKind = kOptions[i].kind;
        return true;
    }
    return false;
}

std::optional<CommandLine> parseCommandLine(int argc, const char* const* argv, std::string& error) {
    CommandLine cl;
    unsigned exportKindsSeen = 0;
    auto needValue = [&](int& i, const char* name) -> std::optional<std::string> {
        if (i + 1 >= argc) {
            error = std::string(name) + " verwacht een waarde / needs a value";
            return std::nullopt;
        }
        return std::string(argv[++i]);
    };
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        std::optional<std::string>* target = stringOption(cl, a);
        if (target) {
            auto v = needValue(i, a.c_str());
            if (!v) return std::nullopt;
            *target = *v;
            if (a == "--participant") noteExportKind(cl, a, exportKindsSeen);
            continue;
        }
        if (a == "--delay") {
            auto v = needValue(i, a.c_str());
            if (!v) return std::nullopt;
            char* end = nullptr;
            cl.delaySeconds = std::strtod(v->c_str(), &end);
            if (!end || *end || cl.delaySeconds < 0 || cl.delaySeconds > 3600) {
                error = "--delay: geen geldig aantal seconden / not a valid number of seconds: " + printable(*v);
                return std::nullopt;
            }
            continue;
        }
        if (a == "--diagonal") {
            auto v = needValue(i, a.c_str());
            if (!v) return std::nullopt;
            char* end = nullptr;
            cl.diagonalInches = std::strtod(v->c_str(), &end);
            if (!end || *end || !(cl.diagonalInches >= 5 && cl.diagonalInches <= 110)) {
                error = "--diagonal: 5 tot 110 inch / 5 to 110 inches: " + printable(*v);
                return std::nullopt;
            }
            continue;
        }
        if (a == "--tap" || a == "--cohort") {
            auto v = needValue(i, a.c_str());
            if (!v) return std::nullopt;
            if (a == "--tap") cl.taps.push_back(ScriptedTouch{*v});
            else cl.cohorts.push_back(*v);
            if (a == "--cohort") cl.cohort = *v;  // export --cohort ID reads the last one
            continue;
        }
        if (a == "--touch" || a == "--hold" || a == "--wait" || a == "--swipe") {
            auto v = needValue(i, a.c_str());
            if (!v || !addScriptedTouch(cl, a, *v, error)) return std::nullopt;
            continue;
        }
        if (a == "--frames" || a == "--older-than" || a == "--day" || a == "--catch-up-of") {
            auto v = needValue(i, a.c_str());
            if (!v) return std::nullopt;
            int n = 0;
            if (!toInt(*v, n) || n < (a == "--older-than" ? 0 : 1)) {
                error = a + ": geen geldig getal / not a valid number: " + printable(*v);
                return std::nullopt;
            }
            if (a == "--frames") cl.frames = n;
            else if (a == "--day") cl.day = n;
            else if (a == "--catch-up-of") cl.catchUpOf = n;
            else cl.olderThanDays = n;
            continue;
        }
        if (a == "--fullscreen") cl.fullscreen = true;
        else if (a == "--json") cl.json = true;
        else if (noteExportKind(cl, a, exportKindsSeen)) continue;
        else if (a == "--excused") cl.excused = true;
        else if (a == "--absent") cl.absent = true;
        else if (a == "--allow-empty") cl.allowEmpty = true;
        else if (a == "--purge") cl.purge = true;
        else if (a == "--help" || a == "-h") cl.help = true;
        else if (a == "--version") cl.version = true;
        else if (a.size() > 1 && a[0] == '-' && a != "-") {
            error = "onbekende optie / unknown option: " + printable(a);
            return std::nullopt;
        } else if (cl.command.empty() && cl.positional.empty()) {
            if (!findSubcommand(a)) {
                error = "onbekende opdracht / unknown command: " + printable(a);
                return std::nullopt;
            }
            cl.command = a;
        } else {
            cl.positional.push_back(a);
        }
    }
    return cl;
}

}  // namespace kiosk

namespace kiosk {

std::unique_ptr<Clock> clockFromCommandLine(const CommandLine& cl) {
    if (!cl.now) return std::make_unique<SystemClock>();
    const auto t = LocalDateTime::parse(*cl.now);
    if (!t) {
        std::fprintf(stderr, "leergang-kiosk: --now YYYY-MM-DDTHH:MM, niet / not '%s'\n", cl.now->c_str());
        return nullptr;
    }
    return std::make_unique<ShiftedClock>(fromLocal(*t));
}

}  // namespace kiosk
