#!/bin/sh
# Makes the sample PDFs shown in the README from the shipped config: a week of check-ins for the
# shipped roster (through the real binary), then the presence list, the blank list, the matrix and
# the certificates, and page 1 of each as a small PNG in docs/pdf/.
#   docs/pdf/make-samples.sh build/release/leergang-kiosk
set -eu
BIN=$(realpath "${1:?usage: docs/pdf/make-samples.sh PATH/TO/leergang-kiosk}")
HERE=$(cd "$(dirname "$0")" && pwd)
CFG=$HERE/../../config
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
k() { "$BIN" --config "$CFG" --db "$T/db" "$@" >/dev/null; }
codes=$(tail -n +2 "$CFG/participants.csv" | cut -d';' -f1)
i=0
for d in 2026-11-26 2026-12-10 2027-01-14 2027-01-28 2027-02-11 2027-03-11 2027-04-01; do
    j=0
    for c in $codes; do
        j=$((j + 1))
        # Most people every day; a few miss a day or two (so not everyone earns the certificate).
        if [ $(((j + i) % 5)) -ne 0 ] || [ $j -le 6 ]; then
            m=$((50 + (j * 7 + i * 3) % 25)); h=08
            [ $m -ge 60 ] && { h=09; m=$((m - 60)); }
            k checkin "$c" --at "${d}T$h:$(printf %02d $m)"
            k checkout "$c" --at "${d}T16:$(printf %02d $((20 + j % 30)))"
        fi
    done
    i=$((i + 1))
done
k export --date 2026-11-26 --format pdf --out "$T/presentielijst.pdf"
k export --blank --day 2 --out "$T/presentielijst-leeg.pdf"
k export --matrix --date 2027-04-01 --format pdf --out "$T/matrix.pdf"
k export --certificates --date 2027-04-01 --out "$T/certificaten"
for f in presentielijst presentielijst-leeg matrix; do
    pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$T/$f.pdf" "$HERE/$f"
done
pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$T/certificaten/alle-certificaten.pdf" "$HERE/certificaat"
cp "$T/presentielijst.pdf" "$T/matrix.pdf" "$HERE/"
cp "$T/certificaten/certificaat-ijsbrand-kuipers-zu04.pdf" "$HERE/certificaat.pdf"
echo "docs/pdf: presentielijst, presentielijst-leeg, matrix, certificaat (.png; PDFs of three)"
