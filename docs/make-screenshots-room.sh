#!/usr/bin/env bash
# The facilitator's screens at the sizes venues use (issue 16): the room display, the exercise with a
# long step, the safe stop, the agenda, the exercise chooser and running late, each at 1080x1920
# (portrait stand), 800x480 (7-inch panel) and 3840x2160 (a 65-inch TV). With long content: a
# 400-character step, a 120-character agenda title with a long room, a long assignment.
#   docs/make-screenshots-room.sh [path/to/leergang-kiosk]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-build/release/leergang-kiosk}
OUT=docs/screenshots
long=$(mktemp -d)
cp config/kiosk.toml config/programme.toml config/exercises.toml config/participants.csv "$long/"
sed -i 's/^facilitator_code = ""/facilitator_code = "2468"/' "$long/kiosk.toml"  # not shipped (issue 31)
python3 - "$long" <<'PY'
import sys, pathlib
d = pathlib.Path(sys.argv[1])
ex = (d / "exercises.toml").read_text()
step = ("Loop rustig door de ruimte en kies, zonder te overleggen, een plek op de denkbeeldige lijn tussen "
        "‘Regel’ en ‘Ruimte’ die past bij wat jij als ambtenaar zou doen wanneer een burger met een "
        "onvolledige aanvraag voor een omgevingsvergunning aan de balie staat. Blijf daar staan, kijk om je "
        "heen en merk op waar je collega’s staan. Vertel daarna in één zin aan je buurman of buurvrouw "
        "waarom je hier staat en wat je nodig zou hebben om op te schuiven.")
ex = ex.replace("text = \"Ga in het midden van de zaal staan. Links is ‘Regel’, rechts is ‘Ruimte’.\"", f"text = \"{step}\"", 1)
(d / "exercises.toml").write_text(ex)
pr = (d / "programme.toml").read_text()
pr = pr.replace("title = \"Het rechtsstatelijk kompas: rechtmatigheid, gelijkheid en de ruimte voor maatwerk\"\nroom = \"Ovenzaal\"",
                "title = \"Het rechtsstatelijk kompas: rechtmatigheid, gelijkheid en de ruimte voor maatwerk in de dagelijkse uitvoeringspraktijk\"\n"
                "room = \"Ovenzaal (eerste verdieping, ingang via de binnenplaats)\"", 1)
(d / "programme.toml").write_text(pr)
PY
roommode=$(mktemp -d)
cp "$long"/* "$roommode/"
sed -i 's/^mode = "door"/mode = "room"/' "$roommode/kiosk.toml"
shot() {  # shot NAME SIZE NOW CONFIG [kiosk args...]
    local name=$1 size=$2 now=$3 cfg=$4; shift 4
    local data; data=$(mktemp -d)
    XDG_DATA_HOME=$data TZ=Europe/Amsterdam xvfb-run -a -s "-screen 0 3840x2160x24" \
        "$BIN" --config "$cfg" --size "$size" --now "$now" --screenshot "$OUT/$name.png" "$@"
    rm -rf "$data"
    echo "$OUT/$name.png"
}
code=(--tap 2 --tap 4 --tap 6 --tap 8 --tap OK)
ex=(--tap Programma --tap Oefeningen --tap "Standpunt in de ruimte")
for size in 1080x1920 800x480 3840x2160; do
    shot "room-$size" "$size" 2026-11-26T10:05 "$long" --tap Programma --tap Zaalscherm "${code[@]}"
    shot "exercise-long-$size" "$size" 2026-11-26T11:05 "$long" "${ex[@]}"
    shot "agenda-$size" "$size" 2026-11-26T10:05 "$long" --tap Programma
    shot "exercises-$size" "$size" 2026-11-26T10:55 "$long" --tap Programma --tap Oefeningen
    shot "running-late-$size" "$size" 2026-11-26T11:20 "$long" --tap Programma --tap Uitloop "${code[@]}" --tap "+10 min"
done
for size in 1080x1920 800x480; do
    shot "exercise-stop-$size" "$size" 2026-11-26T11:05 "$long" "${ex[@]}" --tap Volgende --tap Stoppen
    shot "exercise-stopped-$size" "$size" 2026-11-26T11:05 "$long" "${ex[@]}" --tap Volgende --tap Stoppen --tap "Ja, stoppen"
    # The stopped run offered in the chooser (it survives a restart too).
    shot "exercises-resume-$size" "$size" 2026-11-26T11:05 "$long" "${ex[@]}" --tap Volgende --tap Stoppen --tap "Ja, stoppen" \
        --tap "Terug naar het programma" --tap Oefeningen
    shot "running-late-keypad-$size" "$size" 2026-11-26T11:20 "$long" --tap Programma --tap Uitloop --tap 2 --tap 4
    # The second kiosk in the room ([kiosk] mode = "room"): it starts on the room display.
    shot "room-mode-$size" "$size" 2026-11-26T10:05 "$roommode"
done
shot agenda-open-800x480 800x480 2026-11-26T10:05 "$long" --tap Programma \
    --tap "Het rechtsstatelijk kompas: rechtmatigheid, gelijkheid en de ruimte voor maatwerk in de dagelijkse uitvoeringspraktijk"
shot room-exercise-3840x2160 3840x2160 2026-11-26T11:05 "$roommode" --tap Programma --tap Oefeningen --tap "Standpunt in de ruimte" --tap Zaalscherm
shot agenda-open-3840x2160 3840x2160 2026-11-26T10:05 "$long" --tap Programma \
    --tap "Het rechtsstatelijk kompas: rechtmatigheid, gelijkheid en de ruimte voor maatwerk in de dagelijkse uitvoeringspraktijk"
rm -rf "$long" "$roommode"
