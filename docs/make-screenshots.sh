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
    XDG_DATA_HOME=$data TZ=Europe/Amsterdam xvfb-run -a -s "-screen 0 1920x1080x24" \
        "$BIN" --config config --size "$size" --now "$now" --screenshot "$OUT/$name.png" "$@"
    rm -rf "$data"
    echo "$OUT/$name.png"
}
shot home 1280x800 2026-11-26T09:10
shot home-1080 1920x1080 2026-12-10T13:20
shot home-no-programme-day-en 1280x800 2026-12-05T10:00 --lang en
shot checkin 1280x800 2026-11-26T09:12 --screen checkin
shot checkin-1080 1920x1080 2026-11-26T09:12 --screen checkin
shot welcome 1280x800 2026-11-26T09:12 --tap Inchecken --tap "Anna de V."
shot already-checked-in 1280x800 2026-11-26T09:14 --tap Inchecken --tap "Zoë van den B." --tap Klaar --tap Inchecken --tap "Zoë van den B."
shot agenda 1280x800 2026-11-26T11:20 --screen agenda
shot agenda-1080 1920x1080 2026-12-10T11:20 --screen agenda
