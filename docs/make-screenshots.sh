#!/usr/bin/env bash
# Regenerates the README's screenshots with the real binary under Xvfb (a fresh database each).
#   docs/make-screenshots.sh [path/to/leergang-kiosk]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-build/release/leergang-kiosk}
OUT=docs/screenshots
shot() {  # shot NAME SIZE NOW [kiosk args...]
    local name=$1 size=$2 now=$3; shift 3
    local data; data=$(mktemp -d)
    XDG_DATA_HOME=$data TZ=Europe/Amsterdam xvfb-run -a -s "-screen 0 1920x1920x24" \
        "$BIN" --config "${CFG:-config}" --size "$size" --now "$now" --screenshot "$OUT/$name.png" "$@"
    rm -rf "$data"
    echo "$OUT/$name.png"
}
# Issue #16: the check-in and staff screens on a portrait stand (1080x1920, 21.5 inch) and a 7-inch
# 800x480 panel. `docs/make-screenshots.sh BIN sizes` makes only these.
sizes() {
    local staff sdata size sfx diag
    staff=$(mktemp -d)
    cp config/kiosk.toml config/programme.toml config/exercises.toml config/participants.csv "$staff/"
    chmod 600 "$staff/kiosk.toml"  # set-pin refuses a file others can read (issue 31)
    echo 258046 | "$BIN" set-pin --config "$staff" >/dev/null
    for size in 1080x1920 800x480; do
        if [ "$size" = 1080x1920 ]; then sfx=portrait; diag=21.5; else sfx=800x480; diag=7; fi
        shot "home-$sfx" "$size" 2026-11-26T09:10 --diagonal "$diag"
        shot "checkin-$sfx" "$size" 2026-11-26T09:12 --diagonal "$diag" --screen checkin
        shot "welcome-$sfx" "$size" 2026-11-26T09:12 --diagonal "$diag" --tap Inchecken --tap "Anna de V."
        shot "walkin-$sfx" "$size" 2026-11-26T09:15 --diagonal "$diag" --tap Inchecken --tap "Ik sta niet op de lijst" \
            --tap K --tap A --tap R --tap I --tap N
        shot "search-$sfx" "$size" 2026-11-26T09:12 --diagonal "$diag" --config tests/e2e/long-content --tap Inchecken --tap V --tap A
        shot "checkout-$sfx" "$size" 2026-11-26T16:20 --diagonal "$diag" --tap Uitchecken
        shot "already-checked-in-$sfx" "$size" 2026-11-26T09:14 --diagonal "$diag" --tap Inchecken --tap "Zoë van den B." --tap Klaar \
            --tap Inchecken --tap "Zoë van den B."
        # The kiosk that cannot start (here: its database is a folder): says so, and whom to turn to.
        sdata=$(mktemp -d)
        mkdir -p "$sdata/leergang-kiosk/attendance.db"
        XDG_DATA_HOME=$sdata TZ=Europe/Amsterdam xvfb-run -a -s "-screen 0 1920x1920x24" "$BIN" --config config --size "$size" \
            --diagonal "$diag" --now 2026-11-26T09:10 --screenshot "$OUT/out-of-order-$sfx.png" 2>/dev/null || true
        echo "$OUT/out-of-order-$sfx.png"
        rm -rf "$sdata"
        sdata=$(mktemp -d)
        for c in ZU01:08:52 ZU02:08:57 ZU03:09:02 ZU05:08:49; do
            XDG_DATA_HOME=$sdata TZ=Europe/Amsterdam "$BIN" --config "$staff" checkin "${c%%:*}" --at "2026-11-26T${c#*:}" >/dev/null
        done
        XDG_DATA_HOME=$sdata TZ=Europe/Amsterdam "$BIN" --config "$staff" checkout ZU02 --at 2026-11-26T14:40 >/dev/null
        # One correction saved, so that Historie has a line: the first row (absent) was there from 09:05.
        XDG_DATA_HOME=$sdata TZ=Europe/Amsterdam xvfb-run -a -s "-screen 0 1920x1920x24" "$BIN" --config "$staff" --size "$size" \
            --diagonal "$diag" --now 2026-11-26T16:44 --screenshot "$sdata/saved.png" --screen staff_pin --tap 2 --tap 5 --tap 8 --tap 0 --tap 4 --tap 6 \
            --tap OK --tap Corrigeren --tap +5 --tap "Reden (verplicht)" --tap T --tap R --tap E --tap I --tap N --tap "Uw naam of initialen" --tap M --tap . \
            --tap J --tap . --tap Opslaan >/dev/null
        for page in staff-pin staff-today staff-correct staff-matrix staff-history staff-health; do
            local taps=(--screen staff_pin --tap 2 --tap 5 --tap 8 --tap 0 --tap 4 --tap 6 --tap OK)
            case $page in
                staff-pin) taps=(--screen staff_pin --tap 2 --tap 5) ;;
                staff-correct) taps+=(--tap Corrigeren --tap "Reden (verplicht)") ;;
                staff-matrix) taps+=(--tap Matrix) ;;
                staff-history) taps+=(--tap Historie) ;;
                staff-health) taps+=(--tap Status) ;;
            esac
            XDG_DATA_HOME=$sdata TZ=Europe/Amsterdam xvfb-run -a -s "-screen 0 1920x1920x24" "$BIN" --config "$staff" --size "$size" \
                --diagonal "$diag" --now 2026-11-26T16:45 --screenshot "$OUT/$page-$sfx.png" "${taps[@]}"
            echo "$OUT/$page-$sfx.png"
        done
        rm -rf "$sdata"
    done
    rm -rf "$staff"
}
if [ "${2:-}" = sizes ]; then sizes; exit 0; fi
sizes
shot home 1280x800 2026-11-26T09:10
shot home-1080 1920x1080 2026-12-10T13:20
shot home-no-programme-day-en 1280x800 2026-12-05T10:00 --lang en
shot checkin 1280x800 2026-11-26T09:12 --screen checkin
shot checkin-1080 1920x1080 2026-11-26T09:12 --screen checkin
shot welcome 1280x800 2026-11-26T09:12 --tap Inchecken --tap "Anna de V."
shot already-checked-in 1280x800 2026-11-26T09:14 --tap Inchecken --tap "Zoë van den B." --tap Klaar --tap Inchecken --tap "Zoë van den B."
shot agenda 1280x800 2026-11-26T11:20 --screen agenda
shot agenda-1080 1920x1080 2026-12-10T11:20 --screen agenda
shot walkin 1280x800 2026-11-26T09:15 --tap Inchecken --tap "Ik sta niet op de lijst" \
    --tap K --tap A --tap R --tap I --tap N --tap "" --tap M --tap U --tap L --tap D --tap E --tap R \
    --tap "Organisatie of afdeling" --tap L --tap O --tap C --tap H --tap E --tap M
# Search on a larger roster: the sample programme with 240 generated participants added.
big=$(mktemp -d)
cp config/kiosk.toml config/programme.toml config/exercises.toml "$big/"
{
    cat config/participants.csv
    i=0
    for first in Anna Bram Carla Dirk Eva Floor Gijs Hanna Ids Jet Kees Lieke; do
        for last in Bakker Visser Smit Meijer Mulder Bos Vos Peters Hendriks Dekker "de Jong" "van Dam" Brouwer Kok Jacobs Wit Vermeulen "van der Berg" Willems Koster; do
            i=$((i + 1))
            infix=""; name=$last
            case "$last" in "de "*|"van "*) infix=${last% *}; name=${last##* } ;; esac
            echo "G$i;$first;$infix;$name;Gemeente Deventer;zutphen-2026;"
        done
    done
} > "$big/participants.csv"
data=$(mktemp -d)
XDG_DATA_HOME=$data TZ=Europe/Amsterdam xvfb-run -a -s "-screen 0 1920x1080x24" "$BIN" --config "$big" --size 1280x800 \
    --now 2026-11-26T09:12 --screenshot "$OUT/search.png" --tap Inchecken --tap Z --tap O --tap E
echo "$OUT/search.png"
XDG_DATA_HOME=$data TZ=Europe/Amsterdam xvfb-run -a -s "-screen 0 1920x1080x24" "$BIN" --config "$big" --size 1920x1080 \
    --now 2026-11-26T09:12 --screenshot "$OUT/search-1080.png" --tap Inchecken --tap I --tap J
echo "$OUT/search-1080.png"
rm -rf "$big" "$data"
shot welcome-1080 1920x1080 2026-11-26T09:12 --tap Inchecken --tap "Anna de V."
shot already-checked-in-1080 1920x1080 2026-11-26T09:14 --tap Inchecken --tap "Zoë van den B." --tap Klaar --tap Inchecken --tap "Zoë van den B."
shot walkin-1080 1920x1080 2026-11-26T09:15 --tap Inchecken --tap "Ik sta niet op de lijst" --tap K --tap A --tap R --tap I --tap N --tap "" --tap M --tap U --tap L --tap D --tap E --tap R
# The exercise player: running, paused, the last 10% and overtime (these two wait in real time:
# the first step of "Standpunt in de ruimte", shortened by a minute to 1:00).
ex=(--tap Programma --tap Oefeningen --tap "Standpunt in de ruimte")
for size in 1280x800 1920x1080; do
    sfx=""; [ "$size" = 1920x1080 ] && sfx="-1080"
    shot "exercises$sfx" "$size" 2026-11-26T10:55 --tap Programma --tap Oefeningen
    shot "exercise-running$sfx" "$size" 2026-11-26T11:05 "${ex[@]}"
    shot "exercise-paused$sfx" "$size" 2026-11-26T11:05 "${ex[@]}" --tap Pauze
    shot "exercise-ending$sfx" "$size" 2026-11-26T11:05 "${ex[@]}" --tap "−1 min" --delay 55 &
    shot "exercise-overtime$sfx" "$size" 2026-11-26T11:05 "${ex[@]}" --tap "−1 min" --delay 67 &
done
wait
# Uitloop stands behind the facilitator code, which the sample does not ship (issue 31): a copy with one.
fac=$(mktemp -d)
cp config/kiosk.toml config/programme.toml config/exercises.toml config/participants.csv "$fac/"
sed -i 's/^facilitator_code = ""/facilitator_code = "2468"/' "$fac/kiosk.toml"
CFG=$fac shot agenda-running-late 1280x800 2026-11-26T11:20 --tap Programma --tap Uitloop --tap 2 --tap 4 --tap 6 --tap 8 --tap OK --tap "+10 min" --tap Klaar
CFG=$fac shot running-late-keypad 1280x800 2026-11-26T11:20 --tap Programma --tap Uitloop --tap 2 --tap 4
CFG=$fac shot running-late 1280x800 2026-11-26T11:20 --tap Programma --tap Uitloop --tap 2 --tap 4 --tap 6 --tap 8 --tap OK --tap "+10 min"

# Staff mode, at the end of day 1: a copy of the sample config with the PIN 258046 set (as `set-pin`
# leaves it), a morning of check-ins and one walk-in in one database, then each page behind the PIN.
# (The real way in is a 3-second press in the top-left corner; a screenshot starts on the PIN pad.)
staff=$(mktemp -d)
cp config/kiosk.toml config/programme.toml config/exercises.toml config/participants.csv "$staff/"
chmod 600 "$staff/kiosk.toml"  # set-pin refuses a file others can read (issue 31)
echo 258046 | "$BIN" set-pin --config "$staff" >/dev/null
sdata=$(mktemp -d)
kiosk() { XDG_DATA_HOME=$sdata TZ=Europe/Amsterdam "$BIN" --config "$staff" "$@"; }
for c in ZU01:08:52 ZU02:08:57 ZU03:09:02 ZU04:09:21 ZU05:08:49 ZU06:08:58 ZU07:09:04 ZU09:08:55 ZU11:09:00 ZU12:08:59 ZU13:09:03; do
    kiosk checkin "${c%%:*}" --at "2026-11-26T${c#*:}" >/dev/null
done
kiosk checkout ZU02 --at 2026-11-26T14:40 >/dev/null
kiosk checkout ZU05 --at 2026-11-26T16:31 >/dev/null
staffshot() {  # staffshot NAME SIZE NOW [kiosk args...]
    local name=$1 size=$2 now=$3; shift 3
    XDG_DATA_HOME=$sdata TZ=Europe/Amsterdam xvfb-run -a -s "-screen 0 1920x1080x24" \
        "$BIN" --config "$staff" --size "$size" --now "$now" --screenshot "$OUT/$name.png" "$@"
    echo "$OUT/$name.png"
}
pin=(--screen staff_pin --tap 2 --tap 5 --tap 8 --tap 0 --tap 4 --tap 6 --tap OK)
staffshot staff-walkin 1280x800 2026-11-26T09:40 --tap Inchecken --tap "Ik sta niet op de lijst" \
    --tap K --tap A --tap R --tap I --tap N --tap "" --tap M --tap U --tap L --tap D --tap E --tap R \
    --tap "Organisatie of afdeling" --tap L --tap O --tap C --tap H --tap E --tap M --tap Aanmelden >/dev/null
staffshot staff-pin 1280x800 2026-11-26T16:45 --screen staff_pin --tap 2 --tap 5
staffshot staff-pin-wrong 1280x800 2026-11-26T16:45 --screen staff_pin --tap 1 --tap 2 --tap 3 --tap 4 --tap OK
staffshot staff-today 1280x800 2026-11-26T16:45 "${pin[@]}"
staffshot staff-guest 1280x800 2026-11-26T16:45 "${pin[@]}" --tap Bekijken
staffshot staff-correct 1280x800 2026-11-26T16:45 "${pin[@]}" --tap Corrigeren --tap +5 --tap T --tap R --tap E --tap I --tap N
# Save two corrections so that the list, the matrix and the history show them.
staffshot staff-saved 1280x800 2026-11-26T16:45 "${pin[@]}" --tap Bekijken --tap "Uw naam of initialen" --tap M --tap . --tap J --tap . \
    --tap Opslaan --tap Corrigeren --tap +5 --tap +5 --tap T --tap R --tap E --tap I --tap N --tap Opslaan >/dev/null
staffshot staff-today-after 1280x800 2026-11-26T16:46 "${pin[@]}"
staffshot staff-matrix 1280x800 2026-11-26T16:46 "${pin[@]}" --tap Matrix
staffshot staff-history 1280x800 2026-11-26T16:46 "${pin[@]}" --tap Historie
staffshot staff-health 1280x800 2026-11-26T16:46 "${pin[@]}" --tap Status
staffshot staff-exported 1280x800 2026-11-26T16:46 "${pin[@]}" --tap Excel
staffshot staff-today-1080 1920x1080 2026-11-26T16:46 "${pin[@]}"
rm -f "$OUT/staff-saved.png" "$OUT/staff-walkin.png"
rm -rf "$staff" "$sdata"
