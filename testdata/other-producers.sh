#!/usr/bin/env bash
# The streaming reader against excelize, cell for cell, on workbooks other programs
# wrote: every sample re-saved by LibreOffice and by openpyxl (normal mode), into a
# temporary folder, then `go test ./ledger -run TestStreamSourceMatchesExcelize` with
# GONGJIAN_DIFF_GLOB naming them. CI runs it; so can you:
#
#   testdata/other-producers.sh
#
# Needs soffice (LibreOffice) and Debian's python3-openpyxl for /usr/bin/python3.
set -euo pipefail
cd "$(dirname "$0")/.."

tmp=$(mktemp -d "${TMPDIR:-/tmp}/gongjian-producers-XXXXXX")
trap 'rm -rf "$tmp"' EXIT

for f in testdata/*.xlsx; do
  soffice -env:UserInstallation="file://$tmp/profile" --headless --norestore \
    --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$tmp/libreoffice" "$f" >/dev/null 2>&1 # counted below
done
/usr/bin/python3 - "$tmp/openpyxl" testdata/*.xlsx <<'PY'
import os
import sys

import openpyxl

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
for path in sys.argv[2:]:
    openpyxl.load_workbook(path).save(os.path.join(out, os.path.basename(path)))
PY

samples=$(ls testdata/*.xlsx | wc -l)
for producer in libreoffice openpyxl; do
  written=$(ls "$tmp/$producer"/*.xlsx | wc -l)
  if [ "$written" -ne "$samples" ]; then
    echo "$producer wrote $written of $samples workbooks" >&2
    exit 1
  fi
done
GONGJIAN_DIFF_GLOB="$tmp/*/*.xlsx" go test -count=1 -run TestStreamSourceMatchesExcelize ./ledger
