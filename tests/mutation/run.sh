#!/usr/bin/env bash
# tests/mutation/run.sh: a mutation check we can repeat (issue #21).
#
# Puts small, realistic bugs into a scratch copy of the tree one at a time, rebuilds only the
# targets an entry names (incrementally, with ccache), runs the tests it names, and reverts. A
# mutation the tests notice is KILLED; one they do not notice SURVIVED; one whose original text is
# not in the file (any more: other branches change these files), is there more than once, or does
# not compile is NOT-APPLIED. Not part of the default test run.
#
#   tests/mutation/run.sh                       # every entry of tests/mutation/mutations.txt
#   tests/mutation/run.sh --only 1,7,12         # just these entries (numbered from 1, as printed)
#   tests/mutation/run.sh --list other.txt --scratch /tmp/m --jobs 2
#
# The list (mutations.txt): entries separated by a blank line, one `key: value` per line:
#   file:    path from the repository root
#   find:    the exact original text (once in the file); \n is a newline, \\ a backslash
#   replace: what it becomes
#   tests:   a ctest -R regex of the tests that must catch it
#   build:   the build targets those tests need (space separated)
#   why:     one line: the bug it stands for
# Lines starting with '#' are comments.
#
# The scratch copy (default build/mutation/src, MUTATION_SCRATCH to move it) is a copy of the
# working tree without build/ and .git (files deleted from the tree stay in it: remove the folder
# after a merge), configured once like build/test (in its own build/test, so
# ccache's base_dir makes the first build mostly hits); it is kept between runs so that rebuilds
# stay small.
# Exit status: 0 when every applied mutation was killed, 1 when any survived, 2 on a usage error.
set -u -o pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
list="$here/mutations.txt"
scratch="${MUTATION_SCRATCH:-$root/build/mutation}"
jobs=2
only=""

while [ $# -gt 0 ]; do
    case "$1" in
        --list) list="$2"; shift 2 ;;
        --scratch) scratch="$2"; shift 2 ;;
        --jobs) jobs="$2"; shift 2 ;;
        --only) only=",$2,"; shift 2 ;;
        -h|--help) sed -n '2,27p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
[ -f "$list" ] || { echo "run.sh: no list at $list" >&2; exit 2; }

log="$scratch/mutation.log"
# The same layout as build/test, so that ccache (base_dir) finds what the worktree's build compiled.
build="$scratch/src/build/test"

# ---- The list ----
files=(); finds=(); replaces=(); tests=(); builds=(); whys=()
entry_file=""; entry_find=""; entry_replace=""; entry_tests=""; entry_build=""; entry_why=""; entry_line=0
have=0
flush() {
    if [ "$have" = 1 ]; then
        if [ -z "$entry_file" ] || [ -z "$entry_find" ] || [ -z "$entry_tests" ] || [ -z "$entry_build" ]; then
            echo "$list:$entry_line:1: entry needs file, find, tests and build" >&2
            exit 2
        fi
        files+=("$entry_file"); finds+=("$entry_find"); replaces+=("$entry_replace")
        tests+=("$entry_tests"); builds+=("$entry_build"); whys+=("$entry_why")
    fi
    entry_file=""; entry_find=""; entry_replace=""; entry_tests=""; entry_build=""; entry_why=""; have=0
}
lineno=0
while IFS= read -r line || [ -n "$line" ]; do
    lineno=$((lineno + 1))
    case "$line" in
        '#'*) continue ;;
        '') flush; continue ;;
    esac
    key=${line%%:*}
    value=${line#*: }
    [ "$value" = "$line" ] && value=""
    [ "$have" = 0 ] && entry_line=$lineno
    have=1
    case "$key" in
        file) entry_file=$value ;;
        find) printf -v entry_find '%b' "$value" ;;
        replace) printf -v entry_replace '%b' "$value" ;;
        tests) entry_tests=$value ;;
        build) entry_build=$value ;;
        why) entry_why=$value ;;
        *) echo "$list:$lineno:1: unknown key '$key'" >&2; exit 2 ;;
    esac
done < "$list"
flush
count=${#files[@]}
echo "mutation check: $count entries in $list; scratch copy $scratch"

# ---- The scratch copy ----
mkdir -p "$scratch"
# The working tree as it is (tracked and untracked files, not ignored ones, not build/), copied by
# content, not by time: a file that differs is copied and gets a new mtime (so ninja rebuilds it),
# one that does not keeps its own, and a reverted file is never mistaken for one already built.
(cd "$root" && git ls-files -z --cached --others --exclude-standard) |
    while IFS= read -r -d '' f; do
        case "$f" in build/*) continue ;; esac
        [ -f "$root/$f" ] || continue
        if ! cmp -s "$root/$f" "$scratch/src/$f"; then
            mkdir -p "$(dirname "$scratch/src/$f")"
            cp "$root/$f" "$scratch/src/$f"
        fi
    done
mkdir -p "$build"
: > "$log"
if [ ! -f "$build/build.ninja" ]; then
    echo "configuring $build (once)"
    cmake -S "$scratch/src" -B "$build" -G Ninja -DKIOSK_WERROR=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache >> "$log" 2>&1 ||
        { echo "run.sh: configuring failed, see $log" >&2; exit 2; }
fi

selected() { [ -z "$only" ] || [[ "$only" == *",$1,"* ]]; }

# The tests of an entry on the unmutated tree must pass, or a "kill" would mean nothing.
declare -A baseline=()
killed=0; survived=0; skipped=0
for ((i = 0; i < count; i++)); do
    n=$((i + 1))
    selected "$n" || continue
    file="${files[$i]}"; find="${finds[$i]}"; replace="${replaces[$i]}"
    regex="${tests[$i]}"; targets="${builds[$i]}"; why="${whys[$i]}"
    path="$scratch/src/$file"
    label="#$n $file: $why"
    if [ ! -f "$path" ]; then
        echo "NOT-APPLIED $label (no such file)"; skipped=$((skipped + 1)); continue
    fi
    original=$(cat "$path"; printf x); original=${original%x}
    if [[ "$original" != *"$find"* ]]; then
        echo "NOT-APPLIED $label (original text not found)"; skipped=$((skipped + 1)); continue
    fi
    rest=${original#*"$find"}
    if [[ "$rest" == *"$find"* ]]; then
        echo "NOT-APPLIED $label (original text found more than once)"; skipped=$((skipped + 1)); continue
    fi
    # Baseline: the named tests pass on the tree as it is (once per distinct regex).
    if [ -z "${baseline[$regex]:-}" ]; then
        # shellcheck disable=SC2086
        if nice -n 10 cmake --build "$build" -j"$jobs" --target $targets >> "$log" 2>&1 &&
            ctest --test-dir "$build" -R "$regex" -j"$jobs" --no-tests=error --timeout 600 >> "$log" 2>&1; then
            baseline[$regex]=ok
        else
            baseline[$regex]=failed
        fi
    fi
    if [ "${baseline[$regex]}" != ok ]; then
        echo "NOT-APPLIED $label (its tests fail or match nothing on the unmutated tree: $regex)"
        skipped=$((skipped + 1)); continue
    fi
    printf '%s' "${original/"$find"/"$replace"}" > "$path"
    echo "=== #$n $file: $why" >> "$log"
    # shellcheck disable=SC2086
    if ! nice -n 10 cmake --build "$build" -j"$jobs" --target $targets >> "$log" 2>&1; then
        echo "NOT-APPLIED $label (does not compile)"; skipped=$((skipped + 1))
    elif ctest --test-dir "$build" -R "$regex" -j"$jobs" --no-tests=error --timeout 600 >> "$log" 2>&1; then
        echo "SURVIVED    $label (tests: $regex)"; survived=$((survived + 1))
    else
        echo "KILLED      $label"; killed=$((killed + 1))
    fi
    printf '%s' "$original" > "$path"  # revert (the next build recompiles it, from ccache)
done

applied=$((killed + survived))
if [ "$applied" -gt 0 ]; then
    echo "killed $killed of $applied applied ($((100 * killed / applied)) %), survived $survived, not applied $skipped"
else
    echo "no mutation applied ($skipped not applied)"
fi
echo "details: $log"
[ "$survived" -eq 0 ]
