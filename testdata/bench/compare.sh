#!/usr/bin/env bash
# gongjian against openpyxl on the same 100,000-row ledger, whole processes, side by
# side: wall seconds and peak RSS of
#   (a) gongjian check --no-annotate --format json FILE
#   (b) openpyxl read-only, every cell's value
#   (c) gongjian check --format json FILE, writing the annotated copy
#   (d) openpyxl, normal mode, a fill and a comment on each flagged cell, saved
# each RUNS times, alternating a b c d a b c d …, then the medians, the ratios and the
# bars of issue 8.
#
#   testdata/bench/compare.sh            # 100,000 rows, 5 runs each
#   ROWS=20000 RUNS=3 testdata/bench/compare.sh
#   GONGJIAN=/path/to/gongjian testdata/bench/compare.sh   # time a binary built elsewhere
#
# Needs go, /usr/bin/time and Debian's python3-openpyxl (installed with apt-get
# when missing). Exits 0 whether or not the bars are met; non-zero when a run fails or
# a tool reads or finds something other than expected.
set -euo pipefail

rows=${ROWS:-100000}
runs=${RUNS:-5}
percent=5

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gongjian-compare-XXXXXX")
trap 'rm -rf "$tmp"' EXIT

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo=sudo; fi
need=()
[ -x /usr/bin/time ] || need+=(time)
/usr/bin/python3 -c 'import openpyxl' 2>/dev/null || need+=(python3-openpyxl)
if [ ${#need[@]} -gt 0 ]; then
  echo "安装 ${need[*]} …" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

echo "== 准备" >&2
if [ -n "${GONGJIAN:-}" ]; then
  cp "$GONGJIAN" "$tmp/gongjian"
else
  go build -o "$tmp/gongjian" ./cmd/gongjian
fi
go run ./testdata/bench/cmd/genledger -rows "$rows" -flagged "$percent" -o "$tmp/ledger.xlsx" -cells "$tmp/flagged.tsv"
flagged=$(wc -l <"$tmp/flagged.tsv")
mkdir "$tmp/c" "$tmp/d"
cp "$tmp/ledger.xlsx" "$tmp/c/ledger.xlsx" # (c) writes its copy beside its input

cat >"$tmp/read.py" <<'EOF'
# openpyxl read-only: every cell's value, as a script reading a ledger would.
import sys
import openpyxl

wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
ws = wb.worksheets[0]
rows = cells = 0
for row in ws.iter_rows(values_only=True):
    rows += 1
    for v in row:
        if v is not None:
            cells += 1
wb.close()
print(rows, cells)
EOF

cat >"$tmp/annotate.py" <<'EOF'
# openpyxl annotating the flagged cells: a fill (red error, yellow warning) and a
# comment on each, then save. Less than gongjian does (no row marks, no result sheets).
import sys
import openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill

src, cells, out = sys.argv[1:4]
fills = {
    "error": PatternFill(fill_type="solid", fgColor="FFFFB7B7"),
    "warning": PatternFill(fill_type="solid", fgColor="FFFFE9A8"),
}
wb = openpyxl.load_workbook(src)
ws = wb.worksheets[0]
n = 0
with open(cells, encoding="utf-8") as f:
    for line in f:
        ref, severity, rule = line.split()
        c = ws[ref]
        c.fill = fills[severity]
        c.comment = Comment("【检查】" + rule + "：请核对这个单元格。", "攻坚检查")
        n += 1
wb.save(out)
print(n)
EOF

# timed NAME OK_CODES CMD… runs CMD under /usr/bin/time, its stdout into $tmp/NAME.out,
# and appends "wall peakKB user sys" to $tmp/NAME.times.
timed() {
  local name=$1 ok=$2 status=0
  shift 2
  /usr/bin/time -f '%e %M %U %S' -o "$tmp/$name.t" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" || status=$?
  if [[ " $ok " != *" $status "* ]]; then
    echo "$name: exit status $status" >&2
    cat "$tmp/$name.err" >&2
    exit 1
  fi
  tail -n1 "$tmp/$name.t" >>"$tmp/$name.times"
}

# gongjian exits 1 when it finds errors, as it does here.
findings() { /usr/bin/python3 -c 'import json,sys; print(len(json.load(sys.stdin)["findings"]))' <"$1"; }

load_start=$(uptime)
echo "== 负载（开始）：$load_start" >&2
for i in $(seq "$runs"); do
  echo "-- 第 $i/$runs 轮，负载 $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  cut -d' ' -f1 /proc/loadavg >>"$tmp/load"
  timed a "0 1" "$tmp/gongjian" check --no-annotate --format json "$tmp/ledger.xlsx"
  [ "$(findings "$tmp/a.out")" -eq "$flagged" ] || { echo "(a) findings $(findings "$tmp/a.out"), want $flagged" >&2; exit 1; }

  timed b 0 /usr/bin/python3 "$tmp/read.py" "$tmp/ledger.xlsx"
  read -r prow pcells <"$tmp/b.out"
  [ "$prow" -eq $((rows + 4)) ] || { echo "(b) openpyxl read $prow rows, want $((rows + 4))" >&2; exit 1; }

  rm -f "$tmp/c/ledger.检查结果.xlsx"
  timed c "0 1" "$tmp/gongjian" check --format json "$tmp/c/ledger.xlsx"
  [ -s "$tmp/c/ledger.检查结果.xlsx" ] || { echo "(c) wrote no annotated copy" >&2; exit 1; }
  rm -f "$tmp/c/ledger.检查结果.xlsx"

  rm -f "$tmp/d/out.xlsx"
  timed d 0 /usr/bin/python3 "$tmp/annotate.py" "$tmp/ledger.xlsx" "$tmp/flagged.tsv" "$tmp/d/out.xlsx"
  [ "$(cat "$tmp/d.out")" -eq "$flagged" ] && [ -s "$tmp/d/out.xlsx" ] || { echo "(d) openpyxl annotated $(cat "$tmp/d.out") cells" >&2; exit 1; }
  rm -f "$tmp/d/out.xlsx"
done
load_end=$(uptime)
echo "== 负载（结束）：$load_end" >&2

# median FILE COLUMN: the median of a column of numbers.
median() {
  cut -d' ' -f"$2" "$1" | sort -n | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'
}
for k in a b c d; do
  declare "wall_$k=$(median "$tmp/$k.times" 1)"
  declare "rss_$k=$(awk -v kb="$(median "$tmp/$k.times" 2)" 'BEGIN {printf "%.0f", kb/1024}')"
  awk '{printf "%.2f\n", $3 + $4}' "$tmp/$k.times" >"$tmp/$k.cpu"
  declare "cpu_$k=$(median "$tmp/$k.cpu" 1)"
  declare "all_$k=$(cut -d' ' -f1 "$tmp/$k.times" | paste -sd' ')"
done

echo
echo "台账：$rows 行 × 16 列，$flagged 行（${percent}%）带错误，$(du -k "$tmp/ledger.xlsx" | cut -f1) KB；$(nproc) 核；各 $runs 次交替运行，取中位数。"
echo "openpyxl $(/usr/bin/python3 -c 'import openpyxl; print(openpyxl.__version__)')，Python $(/usr/bin/python3 -c 'import platform; print(platform.python_version())')，$(go version | cut -d' ' -f3)。"
echo "负载：开始 ${load_start#*load average: }；结束 ${load_end#*load average: }（1、5、15 分钟）；各轮开始时 1 分钟负载 $(paste -sd' ' "$tmp/load")。"
echo
echo "| 工作 | 用时 s（中位数） | CPU s（user+sys，中位数） | 峰值 RSS MB（中位数） | 各次用时 s |"
echo "|---|---:|---:|---:|---|"
echo "| (a) gongjian check --no-annotate | $wall_a | $cpu_a | $rss_a | $all_a |"
echo "| (b) openpyxl 只读，读出每个单元格 | $wall_b | $cpu_b | $rss_b | $all_b |"
echo "| (c) gongjian check，写标注副本 | $wall_c | $cpu_c | $rss_c | $all_c |"
echo "| (d) openpyxl 给带错误的单元格加填充和批注并保存 | $wall_d | $cpu_d | $rss_d | $all_d |"
echo

ratio() { awk -v x="$1" -v y="$2" 'BEGIN {printf "%.3f", x/y}'; }
echo "gongjian ÷ openpyxl：读取 (a)/(b) 用时 $(ratio "$wall_a" "$wall_b")、内存 $(ratio "$rss_a" "$rss_b")；标注 (c)/(d) 用时 $(ratio "$wall_c" "$wall_d")、内存 $(ratio "$rss_c" "$rss_d")。"
echo

# bar LABEL VALUE LIMIT: one row of the bars table.
met=0
missed=0
bar() {
  if awk -v v="$2" -v l="$3" 'BEGIN {exit !(v <= l)}'; then
    echo "| $1 | $2 | ≤ $3 | 达标 |"
    met=$((met + 1))
  else
    echo "| $1 | $2 | ≤ $3 | **未达标** |"
    missed=$((missed + 1))
  fi
}
echo "| issue 8 的指标 | 实测 | 要求 | 结果 |"
echo "|---|---:|---:|---|"
bar "check --no-annotate 用时 s" "$wall_a" 1.0
bar "check --no-annotate 峰值内存 MB" "$rss_a" 120
bar "check --no-annotate ÷ openpyxl 只读（用时）" "$(ratio "$wall_a" "$wall_b")" 0.2
bar "check 写标注副本 用时 s" "$wall_c" 2.0
bar "check 写标注副本 峰值内存 MB" "$rss_c" 200
echo
echo "$met 项达标，$missed 项未达标。"
