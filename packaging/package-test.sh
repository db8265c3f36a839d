# packaging/package-test.sh: the Debian package's round trip (issues 8, 19 and 31), sourced by
# ../dev.sh (`./dev.sh package-test`, and the last round of `./dev.sh test --package`, which CI runs).
# It uses dev.sh's say, build and PASSED; run from the repository's root.
#
#   package_test            build the package twice (two versions), lintian, install the older, change a
#                           conffile and record check-ins, upgrade, check what a venue would, purge
#   box_locked_down WHEN    the installed files' modes, SysRq, Ctrl-Alt-Del, the binary's hardening
#   pin_rules_on_the_box    set-pin's rules on the installed box
#   unit_exposure_at_most N systemd-analyze security of the installed unit
#   start_caches_fill       the unit's start caches fill for the kiosk user, out of the record's folder

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

# box_locked_down WHEN (issue 31): the installed files a venue's secrets and names are in are
# 0640 root:leergang-kiosk, SysRq is off from the next boot, Ctrl-Alt-Del is masked, and the binary
# carries Debian's hardening (readelf): full RELRO, BIND_NOW, PIE, the stack protector, FORTIFY_SOURCE.
box_locked_down() {
    local f got
    for f in /etc/leergang-kiosk/kiosk.toml /etc/leergang-kiosk/participants.csv; do
        got=$(stat -c '%a %U:%G' "$f")
        [ "$got" = "640 root:leergang-kiosk" ] || { echo "$f: $got, niet 640 root:leergang-kiosk ($1) / not 640 root:leergang-kiosk" >&2; exit 1; }
    done
    grep -qx 'kernel.sysrq = 0' /usr/lib/sysctl.d/90-leergang-kiosk.conf || { echo "SysRq niet uit / SysRq not off ($1)" >&2; exit 1; }
    [ "$(readlink /etc/systemd/system/ctrl-alt-del.target)" = /dev/null ] || { echo "Ctrl-Alt-Del niet gemaskeerd / not masked ($1)" >&2; exit 1; }
    local bin=/usr/bin/leergang-kiosk headers dynamic symbols
    # Read whole first: `readelf | grep -q` under pipefail fails when grep stops at the first match
    # and readelf, still writing, gets SIGPIPE (exit 141), though the binary is fine.
    headers=$(readelf -lW "$bin")
    dynamic=$(readelf -dW "$bin")
    symbols=$(readelf -sW --dyn-syms "$bin")
    grep -q GNU_RELRO <<<"$headers" && grep -q 'FLAGS.*BIND_NOW' <<<"$dynamic" &&
        grep -q 'FLAGS_1.*NOW.*PIE' <<<"$dynamic" &&
        grep -q '__stack_chk_fail' <<<"$symbols" &&
        grep -qE '__[a-z]+_chk@' <<<"$symbols" ||
        { echo "$bin: geen volledige hardening / hardening incomplete ($1):" >&2; grep FLAGS <<<"$dynamic" >&2; exit 1; }
    echo "afgeschermd ($1): kiosk.toml en participants.csv 640 root:leergang-kiosk, SysRq uit, Ctrl-Alt-Del gemaskeerd," \
        "RELRO+BIND_NOW+PIE, stack protector, FORTIFY ($(grep -oE '__[a-z]+_chk' <<<"$symbols" | sort -u | wc -l) _chk-functies)"
}

# pin_rules_on_the_box: set-pin on the installed box refuses 1234 and a kiosk.toml others can read
# (changing nothing), sets a good PIN keeping 0640 root:leergang-kiosk, and the kiosk user reads it.
pin_rules_on_the_box() {
    local toml=/etc/leergang-kiosk/kiosk.toml before sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    before=$(sha256sum "$toml")
    if echo 1234 | "${sudo[@]}" /usr/bin/leergang-kiosk set-pin --config /etc/leergang-kiosk 2>/dev/null; then
        echo "set-pin nam 1234 aan / set-pin accepted 1234" >&2; exit 1
    fi
    "${sudo[@]}" chmod 0644 "$toml"
    if echo 739158 | "${sudo[@]}" /usr/bin/leergang-kiosk set-pin --config /etc/leergang-kiosk 2>/dev/null; then
        echo "set-pin schreef in een bestand dat iedereen kan lezen / set-pin wrote into a world-readable file" >&2; exit 1
    fi
    [ "$(sha256sum "$toml")" = "$before" ] || { echo "set-pin veranderde $toml toch / changed it anyway" >&2; exit 1; }
    "${sudo[@]}" chmod 0640 "$toml"
    echo 739158 | "${sudo[@]}" /usr/bin/leergang-kiosk set-pin --config /etc/leergang-kiosk >/dev/null
    [ "$(stat -c '%a %U:%G' "$toml")" = "640 root:leergang-kiosk" ] || { echo "set-pin veranderde de modus / changed the mode" >&2; exit 1; }
    "${sudo[@]}" runuser -u leergang-kiosk -- /usr/bin/leergang-kiosk check-config --config /etc/leergang-kiosk >/dev/null
    if "${sudo[@]}" runuser -u nobody -- cat "$toml" >/dev/null 2>&1; then
        echo "$toml leesbaar voor nobody / readable by nobody" >&2; exit 1
    fi
    echo "set-pin: 1234 en een leesbaar bestand geweigerd, PIN gezet, 640 root:leergang-kiosk / refused 1234 and a readable file, PIN set"
}

# start_caches_fill (issue 33): the installed kiosk, started twice under Xvfb as the kiosk user with
# the unit's own Environment= lines and its CacheDirectory= folders made as systemd makes them, leaves
# libX11's Compose cache and Mesa's shader cache there, and nothing in the record's folder; each
# start's glfwInit moment (the Compose table: read from the cache the second time) is printed, not
# judged (a timing). A UTF-8 locale, as a venue's box has: its Compose file is the 5,700-line one.
start_caches_fill() {
    local unit=/lib/systemd/system/leergang-kiosk.service tmp envs=() d run home sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    [ -f "$unit" ] || unit=/usr/lib/systemd/system/leergang-kiosk.service
    [ -f "$unit" ] || { echo "geen geïnstalleerde unit / no installed unit" >&2; exit 1; }
    mapfile -t envs < <(sed -n 's/^Environment=//p' "$unit")
    # shellcheck disable=SC2013  # CacheDirectory= is a list of names separated by spaces
    for d in $(sed -n 's/^CacheDirectory=//p' "$unit"); do
        "${sudo[@]}" install -d -o leergang-kiosk -g leergang-kiosk -m 0750 "/var/cache/$d"
    done
    home=$(getent passwd leergang-kiosk | cut -d: -f6)    # systemd sets HOME (libX11 writes no cache without it)
    tmp=$(mktemp -d) || exit 1
    # shellcheck disable=SC2064  # $tmp now, and sudo as it is now
    trap "${sudo[*]} rm -rf '$tmp'; trap - RETURN" RETURN
    chmod 0777 "$tmp"
    for run in 1 2; do
        # @DISPLAY@ becomes xvfb-run's display in the inner shell (-ac: the kiosk user has no cookie).
        # shellcheck disable=SC2016
        xvfb-run -a -s "-screen 0 1280x800x24 -ac" bash -c 'exec "${@/#@DISPLAY@/DISPLAY=$DISPLAY}"' _ \
            "${sudo[@]}" runuser -u leergang-kiosk -- env -i @DISPLAY@ HOME="$home" LC_ALL=C.UTF-8 LEERGANG_KIOSK_TRACE_STARTUP=1 "${envs[@]}" \
            /usr/bin/leergang-kiosk --db "$tmp/cache-test.db" --now 2026-11-26T09:10 --size 1280x800 \
            --screenshot "$tmp/home.png" >"$tmp/trace$run" 2>&1 ||
            { echo "de kiosk startte niet als leergang-kiosk / the kiosk did not start as its user:" >&2; cat "$tmp/trace$run" >&2; exit 1; }
    done
    echo "glfwInit (Compose), start 1 en 2 / starts 1 and 2: $(awk '/glfwInit/ { print $2 " ms" }' "$tmp"/trace1 "$tmp"/trace2 | paste -sd' ')"
    [ -n "$("${sudo[@]}" find /var/cache/leergang-kiosk/compose -type f -print -quit)" ] ||
        { echo "geen Compose-cache / no Compose cache in /var/cache/leergang-kiosk/compose" >&2; exit 1; }
    [ -n "$("${sudo[@]}" find /var/cache/leergang-kiosk/mesa -type f -print -quit)" ] ||
        { echo "geen shader-cache / no shader cache in /var/cache/leergang-kiosk/mesa" >&2; exit 1; }
    [ -z "$("${sudo[@]}" find /var/lib/leergang-kiosk \( -name .cache -o -name .compose-cache \) -print -quit)" ] ||
        { echo "een cache in de map van de registratie / a cache in the record's folder" >&2; exit 1; }
    echo "startcaches gevuld in /var/cache/leergang-kiosk / start caches filled (Compose, shaders)"
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

    box_locked_down "na installeren / after install"

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
    schema=$(sed -n 's/.*constexpr int kStoreSchemaVersion = \([0-9]*\);.*/\1/p' kiosk/store/store_schema.h)
    [ -n "$schema" ] || { echo "schemaversie niet gevonden in kiosk/store/store_schema.h / schema version not found" >&2; exit 1; }
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
    box_locked_down "na bijwerken / after the upgrade"
    pin_rules_on_the_box
    start_caches_fill

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
    systemd-analyze verify leergang-kiosk-central-purge.service leergang-kiosk-central-purge.timer
    ! systemctl is-enabled leergang-kiosk-central-purge.timer >/dev/null 2>&1 ||
        { echo "de centrale bewaartermijn-timer staat aan zonder de eigenaar / the central purge timer is enabled" >&2; exit 1; }
    getent passwd leergang-kiosk >/dev/null
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get remove --purge -y -qq leergang-kiosk >/dev/null
    if [ -e /usr/bin/leergang-kiosk ] || [ -e /etc/leergang-kiosk/kiosk.toml ] || [ -L /etc/systemd/system/ctrl-alt-del.target ] ||
        [ -e /var/cache/leergang-kiosk ]; then
        echo "het pakket liet bestanden achter / the package left files behind" >&2
        exit 1
    fi
    echo "geïnstalleerd, bijgewerkt, gecontroleerd en schoon verwijderd / installed, upgraded, checked and removed cleanly"
    PASSED=$((PASSED + 1))
}
