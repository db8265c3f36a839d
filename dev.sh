#!/usr/bin/env bash
# dev.sh: the project's front door.
#   ./dev.sh run    set up, build and start the kiosk on the bundled sample programme
#   ./dev.sh test   set up, build and run every test (also under AddressSanitizer + UBSan and ThreadSanitizer, and the fuzzers)
#   ./dev.sh test --package   the same, then the Debian package round trip (installs it; what CI runs)
#   ./dev.sh setup [LIST...]   only install what packaging/build-deps (or the lists named) lists and this machine lacks
#   ./dev.sh package-test   only the Debian package round trip
#   ./dev.sh bench  the kiosk against Chromium showing the same home screen (bench/compare.sh; not part of test)
# Everything comes from Debian 12 packages (packaging/build-deps); nothing is downloaded at build time.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$PWD
JOBS=$(nproc 2>/dev/null || echo 2)

say() { printf '\n== %s\n' "$*"; }

# setup [LIST...]: install the packages that the lists name (default packaging/build-deps; one package a
# line, '#' starts a comment) and this machine lacks. bench/compare.sh calls it with bench/bench-deps too.
setup() {
    local lists=("$@") missing=()
    [ ${#lists[@]} -gt 0 ] || lists=(packaging/build-deps)
    while read -r pkg; do
        [ -n "$pkg" ] || continue
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done < <(sed 's/#.*//' "${lists[@]}" | tr -s ' \t' '\n')
    if [ ${#missing[@]} -eq 0 ]; then
        echo "Alle pakketten zijn aanwezig / all packages present (${lists[*]})."
        return 0
    fi
    say "Installeren / installing: ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null; then sudo=(sudo); else
            echo "Niet als root en geen sudo: installeer eerst / not root and no sudo, install first:" >&2
            echo "  apt-get install ${missing[*]}" >&2
            exit 1
        fi
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

PASSED=0
ctest_stage() {  # ctest_stage DIR [ctest options...]: runs, and counts what passed
    local dir=$1; shift
    ctest --test-dir "$dir" --output-on-failure -j "$JOBS" "$@" | tee "$dir/ctest.log"
    local n
    n=$(grep -oE 'tests passed, 0 tests failed out of [0-9]+' "$dir/ctest.log" | grep -oE '[0-9]+$' || echo 0)
    PASSED=$((PASSED + n))
}

build() {  # build DIR [cmake options...] [-- TARGET]
    local dir=$1; shift
    local opts=() target=()
    while [ $# -gt 0 ]; do
        if [ "$1" = "--" ]; then shift; target=(--target "$@"); break; fi
        opts+=("$1"); shift
    done
    cmake -S "$ROOT" -B "$dir" -G Ninja "${opts[@]}" >/dev/null
    cmake --build "$dir" -j "$JOBS" "${target[@]}"
}

run() {
    setup
    say "Bouwen / building (build/release)"
    build build/release -DCMAKE_BUILD_TYPE=Release -- leergang-kiosk
    local bin=build/release/leergang-kiosk
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
        say "Kiosk starten / starting the kiosk (sluit het venster om te stoppen / close the window to stop)"
        exec "$bin" --config "$ROOT/config" "$@"
    fi
    echo "Geen beeldscherm (DISPLAY is niet gezet) / no display (DISPLAY is not set)."
    if command -v xvfb-run >/dev/null; then
        mkdir -p build/screenshots
        local png=$ROOT/build/screenshots/home.png
        xvfb-run -a -s "-screen 0 1280x800x24" "$bin" --config "$ROOT/config" --screenshot "$png" "$@"
        echo "In plaats daarvan een schermafbeelding getekend onder Xvfb / rendered a screenshot under Xvfb instead:"
        echo "  $png"
    else
        echo "Xvfb ontbreekt, dus ook geen schermafbeelding / Xvfb is missing, so no screenshot either." >&2
        exit 1
    fi
}

test_all() {
    setup
    say "1/6 Kern zonder afhankelijkheden / core alone (no ImGui, GLFW, GL, SQLite, toml++)"
    # -O0 (Debug): this round proves the core builds and passes alone; round 2 compiles it optimised.
    build build/core -DKIOSK_CORE_ONLY=ON -DKIOSK_WERROR=ON -DCMAKE_BUILD_TYPE=Debug
    ctest_stage build/core

    say "2/6 Alles, waarschuwingen zijn fouten / everything, warnings are errors"
    build build/test -DKIOSK_WERROR=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
    ctest_stage build/test

    say "3/6 AddressSanitizer + UndefinedBehaviorSanitizer"
    build build/asan -DKIOSK_WERROR=ON -DCMAKE_BUILD_TYPE=Debug -DKIOSK_SANITIZE=address,undefined -DKIOSK_BENCHMARKS=OFF \
        -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14
    # fontconfig's process-long caches (under Pango, PDF exports) are suppressed: tests/lsan-suppressions.txt
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 LSAN_OPTIONS=suppressions=$ROOT/tests/lsan-suppressions.txt \
        ctest_stage build/asan -LE slow

    say "4/6 ThreadSanitizer: de opslagthread, de pincodecontrole, de exportthread / the store thread, PIN check, export thread"
    build build/tsan -DKIOSK_WERROR=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKIOSK_SANITIZE=thread \
        -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 -- store_tests ui_tests session_tests export_tests sim_week
    # Pango's own helper threads and glib locks are invisible to TSan: tests/tsan-suppressions.txt
    TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$ROOT/tests/tsan-suppressions.txt" \
        ctest_stage build/tsan -R '^(store|ui|session|export):' -LE slow
    # The simulated week: every thread at work for seven days (its memory figure is not judged here).
    TSAN_OPTIONS="halt_on_error=1 suppressions=$ROOT/tests/tsan-suppressions.txt" SIM_WEEK_NO_MEMORY_TARGET=1 \
        build/tsan/tests/sim/sim_week | tail -4
    PASSED=$((PASSED + 1))

    say "5/6 Fuzzing (libFuzzer, ${FUZZ_SECONDS:-20} s per target)"
    build build/fuzz -DKIOSK_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14
    local failed=0
    for target in build/fuzz/tests/fuzz/fuzz_*; do
        [ -x "$target" ] || continue
        local name corpus
        name=$(basename "$target")
        corpus=$(mktemp -d)
        cp -r "$ROOT/tests/fuzz/corpus/${name#fuzz_}/." "$corpus/" 2>/dev/null || true
        if "$target" -max_total_time="${FUZZ_SECONDS:-20}" -timeout=10 -rss_limit_mb=2048 -print_final_stats=0 \
            -artifact_prefix="build/fuzz/$name-" "$corpus" >"build/fuzz/$name.log" 2>&1; then
            echo "$name: geen crash / no crash ($(grep -o 'stat::number_of_executed_units: [0-9]*' "build/fuzz/$name.log" || grep -oE '#[0-9]+' "build/fuzz/$name.log" | tail -1) runs)"
        else
            echo "$name: CRASH, zie / see build/fuzz/$name.log" >&2
            tail -40 "build/fuzz/$name.log" >&2
            failed=1
        fi
        rm -rf "$corpus"
    done
    [ "$failed" -eq 0 ]
    [ -z "${PACKAGE_TEST:-}" ] || package_test
    say "Alle tests geslaagd / all tests passed"
    echo "ctest: $PASSED passed, 0 failed"
}

# unit_exposure_at_most MAX: systemd-analyze security of the installed unit with its drop-ins (by name,
# so that /etc/systemd/system/leergang-kiosk.service.d/ counts) is at most MAX.
unit_exposure_at_most() {
    local exposure
    exposure=$(systemd-analyze security --offline=true leergang-kiosk.service 2>/dev/null |
        sed -n 's/.*Overall exposure level for leergang-kiosk.service: \([0-9.]*\).*/\1/p')
    echo "systemd-analyze security: $exposure (<= $1)"
    awk -v e="${exposure:-99}" -v max="$1" 'BEGIN { exit !(e <= max) }' ||
        { echo "systemd-analyze security: $exposure, meer dan / more than $1" >&2; exit 1; }
}

# The Debian package, round trip (issues 8 and 19): build it twice from the same objects (round 2's
# build/test, RelWithDebInfo so that the -dbgsym package has symbols) with two versions; lintian on the
# newer must print nothing; systemd-analyze verify of the installed unit; install the older, change a
# conffile and record check-ins as the kiosk user, install the newer over it, and check what a venue
# would: the change kept, the check-ins there, the database's schema (SQLite's user_version) the newer
# binary's, the unit reloaded and the kiosk restarted only where systemd runs; purge leaves no files
# but the attendance data. Then a [central] url over TCP: doctor reports the unit blocks it, the drop-in
# of central-dropin opens it, security stays <= 3.1. Run by `./dev.sh test --package` (CI) and `./dev.sh package-test`.
package_test() {
    say "6/6 Debian-pakket: lintian, systemd-analyze, bijwerken, verwijderen / package: lintian, systemd-analyze, upgrade, removal"
    local dir=build/test out=$ROOT/build/package
    local new old sudo=() data fake
    new=$(sed -n 's/^project([a-z_]* VERSION \([0-9.]*\) .*/\1/p' CMakeLists.txt)
    old="$new~old"    # sorts before $new for dpkg: 0.1.0~old < 0.1.0
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    rm -rf "$out" && mkdir -p "$out/old" "$out/new"
    build "$dir" -DKIOSK_WERROR=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKIOSK_VERSION="$old" -- leergang-kiosk
    (cd "$dir" && cpack -G DEB -B "$out/old" >/dev/null)
    build "$dir" -DKIOSK_WERROR=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo -UKIOSK_VERSION -- leergang-kiosk
    (cd "$dir" && cpack -G DEB -B "$out/new" >/dev/null)
    local deb_old deb_new
    deb_old=$(ls "$out"/old/leergang-kiosk_*_*.deb)
    deb_new=$(ls "$out"/new/leergang-kiosk_*_*.deb)
    echo "pakketten / packages: $deb_old $deb_new $(ls "$out"/new/*.ddeb)"

    # lintian at its default level, on the .deb and its -dbgsym .ddeb: any line it prints (an error, a
    # warning) fails. lintian warns on
    # stderr that it runs as root (CI does); that line alone is not about the package.
    local lint lint_rc=0
    lint=$(lintian "$deb_new" "$out"/new/*.ddeb 2> >(grep -v '^running with root privileges is not recommended!$' >&2)) ||
        lint_rc=$?
    if [ -n "$lint" ] || [ "$lint_rc" -ne 0 ]; then    # a line, or lintian itself failed
        printf 'lintian (exit %s):\n%s\n' "$lint_rc" "$lint" >&2
        exit 1
    fi
    echo "lintian: geen fouten, geen waarschuwingen / no errors, no warnings ($(lintian --version))"

    # Start from no kiosk package; the old one, as a venue has it.
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get remove --purge -y -qq leergang-kiosk >/dev/null 2>&1 || true
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb_old" >/dev/null
    test "$(/usr/bin/leergang-kiosk --version)" = "leergang-kiosk $old"
    /usr/bin/leergang-kiosk check-config --config /etc/leergang-kiosk
    systemd-analyze verify leergang-kiosk.service
    unit_exposure_at_most 3.1

    # The venue's own edit of a conffile, and check-ins in the package's data folder, as the kiosk user.
    "${sudo[@]}" sed -i 's/^id = "entree" /id = "zaal-2"  /' /etc/leergang-kiosk/kiosk.toml
    grep -q '^id = "zaal-2"' /etc/leergang-kiosk/kiosk.toml
    data=/var/lib/leergang-kiosk/package-test-$$.db    # never the venue's attendance.db
    local as_kiosk=("${sudo[@]}" runuser -u leergang-kiosk -- /usr/bin/leergang-kiosk --config /etc/leergang-kiosk --db "$data")
    "${as_kiosk[@]}" checkin ZU01 --at 2026-11-26T09:05 >/dev/null
    "${as_kiosk[@]}" checkin ZU02 --at 2026-11-26T09:07 >/dev/null

    # The newer one over it. systemctl and deb-systemd-invoke are shadowed by recorders on PATH, so that
    # what the maintainer scripts asked of systemd can be checked without touching this machine's.
    fake=$(mktemp -d)
    for cmd in systemctl deb-systemd-invoke; do
        printf '#!/bin/sh\necho "%s $*" >>%s/calls\n' "$cmd" "$fake" >"$fake/$cmd"
        chmod +x "$fake/$cmd"
    done
    "${sudo[@]}" env PATH="$fake:$PATH" DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends "$deb_new" >/dev/null
    test "$(/usr/bin/leergang-kiosk --version)" = "leergang-kiosk $new"
    grep -q '^id = "zaal-2"' /etc/leergang-kiosk/kiosk.toml || { echo "conffile-wijziging kwijt / conffile change lost" >&2; exit 1; }
    /usr/bin/leergang-kiosk check-config --config /etc/leergang-kiosk
    local list schema health
    list=$("${as_kiosk[@]}" export --date 2026-11-26 --format csv --out -)
    grep -q 'ZU01;.*;09:05;' <<<"$list" && grep -q 'ZU02;.*;09:07;' <<<"$list" ||
        { printf 'check-ins kwijt na bijwerken / check-ins lost in the upgrade:\n%s\n' "$list" >&2; exit 1; }
    schema=$(sed -n 's/.*kSchemaVersion = \([0-9]*\);.*/\1/p' kiosk/store/attendance_db.h)
    health=$(DISPLAY='' WAYLAND_DISPLAY='' "${as_kiosk[@]}" doctor) ||
        { printf 'doctor na bijwerken / doctor after the upgrade:\n%s\n' "$health" >&2; exit 1; }
    grep -q "integriteit in orde, schema \([0-9]* → \)\?$schema, 2 registraties" <<<"$health" ||
        { printf 'database niet op schema %s / database not at schema %s:\n%s\n' "$schema" "$schema" "$health" >&2; exit 1; }
    if [ -d /run/systemd/system ]; then    # systemd is init: reloaded, and a running kiosk restarted
        grep -qx 'systemctl --system daemon-reload' "$fake/calls" &&
            grep -qx 'deb-systemd-invoke try-restart leergang-kiosk.service' "$fake/calls" ||
            { echo "dienst niet herladen / unit not reloaded: $(cat "$fake/calls" 2>/dev/null)" >&2; exit 1; }
        echo "systemd: daemon-reload, try-restart leergang-kiosk.service"
    else                                  # a container: nothing asked of a systemd that is not there
        [ ! -e "$fake/calls" ] || { echo "systemd aangeroepen zonder systemd / systemd called without it: $(cat "$fake/calls")" >&2; exit 1; }
        echo "geen systemd: dienst niet herladen of gestart, zoals het hoort / no systemd: unit neither reloaded nor started, as it should"
    fi
    # And where systemd is init: the postinst of this upgrade run again as dpkg runs it ("configure OLD"),
    # in a mount namespace of its own in which /run/systemd/system exists (this machine's stays as it is).
    rm -f "$fake/calls"
    if "${sudo[@]}" unshare -m sh -c 'mkdir -p /run/systemd && mount -t tmpfs tmpfs /run/systemd &&
            mkdir /run/systemd/system && PATH="$1:$PATH" /var/lib/dpkg/info/leergang-kiosk.postinst configure "$2"' \
            sh "$fake" "$old" 2>/dev/null; then
        [ "$(cat "$fake/calls")" = "$(printf 'systemctl --system daemon-reload\ndeb-systemd-invoke try-restart leergang-kiosk.service')" ] ||
            { echo "dienst niet herladen / unit not reloaded: $(cat "$fake/calls" 2>/dev/null)" >&2; exit 1; }
        echo "met systemd: daemon-reload, try-restart (een draaiende kiosk herstart, een gestopte blijft uit) / with systemd: reloaded, try-restart"
    else
        echo "met systemd: NIET gecontroleerd, unshare -m kan hier niet / with systemd: NOT checked, no unshare -m here"
    fi
    rm -rf "$fake"
    echo "bijgewerkt $old -> $new: conffile bewaard, 2 check-ins, schema $schema / upgraded: conffile kept, 2 check-ins, schema $schema"

    # A central record over TCP: doctor says the installed unit blocks it; the drop-in that
    # central-dropin prints opens it (doctor healthy), and the sandbox still rates at or below 3.1.
    local dropin=/etc/systemd/system/leergang-kiosk.service.d/central.conf
    "${sudo[@]}" sed -i 's|^url = ""|url = "postgresql://kiosk@192.0.2.10:5433/leergang"|' /etc/leergang-kiosk/kiosk.toml
    if health=$(DISPLAY='' WAYLAND_DISPLAY='' "${as_kiosk[@]}" doctor) ||
        ! grep -q 'blokkeert 192.0.2.10 (192.0.2.10)' <<<"$health"; then
        printf 'doctor zag niet dat de dienst de server blokkeert / doctor missed the blocked server:\n%s\n' "$health" >&2
        exit 1
    fi
    "${sudo[@]}" mkdir -p "$(dirname "$dropin")"
    "${as_kiosk[@]}" central-dropin 2>/dev/null | "${sudo[@]}" tee "$dropin" >/dev/null
    health=$(DISPLAY='' WAYLAND_DISPLAY='' "${as_kiosk[@]}" doctor) && grep -q '192.0.2.10:5433: de afscherming van de dienst laat de server door' <<<"$health" ||
        { printf 'doctor na de drop-in / doctor after the drop-in:\n%s\n' "$health" >&2; exit 1; }
    systemd-analyze verify leergang-kiosk.service
    unit_exposure_at_most 3.1
    "${sudo[@]}" rm -rf "$(dirname "$dropin")"
    echo "centrale registratie: geblokkeerd gemeld, drop-in opent hem / central record: block reported, drop-in opens it"

    "${sudo[@]}" rm -f "$data" "$data-wal" "$data-shm"
    test -f /usr/share/man/man1/leergang-kiosk.1.gz
    test -f /lib/udev/rules.d/90-leergang-kiosk-usb.rules
    getent passwd leergang-kiosk >/dev/null
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get remove --purge -y -qq leergang-kiosk >/dev/null
    if [ -e /usr/bin/leergang-kiosk ] || [ -e /etc/leergang-kiosk/kiosk.toml ]; then
        echo "het pakket liet bestanden achter / the package left files behind" >&2
        exit 1
    fi
    echo "geïnstalleerd, bijgewerkt, gecontroleerd en schoon verwijderd / installed, upgraded, checked and removed cleanly"
    PASSED=$((PASSED + 1))
}

# Sourced (bench/compare.sh does, for setup and build): only the functions above, no command.
[ "${BASH_SOURCE[0]}" = "$0" ] || return 0

case "${1:-}" in
    run) shift; run "$@" ;;
    test)
        shift
        if [ "${1:-}" = "--package" ]; then
            shift
            PACKAGE_TEST=1
        fi
        test_all "$@" ;;
    setup) shift; setup "$@" ;;
    package-test) setup; PASSED=0; package_test ;;
    bench) shift; exec "$ROOT/bench/compare.sh" "$@" ;;
    *) echo "Gebruik / usage: ./dev.sh run | test [--package] | setup [LIST...] | package-test | bench" >&2; exit 2 ;;
esac
