#!/bin/bash
# benchmark.sh [--bin BUILD_DIR] [--large N]: import and search figures.
#
# Without --bin it makes a release build in _build-release first (meson's
# default build is -O0 and says nothing about speed). Prints one line per
# figure; copy them into the README's performance section.
set -euo pipefail
cd "$(dirname "$0")/.."

build=""
large=1000000
while [ $# -gt 0 ]; do
  case "$1" in
    --bin) build=$2; shift 2 ;;
    --large) large=$2; shift 2 ;;
    *) echo "usage: $0 [--bin BUILD_DIR] [--large N]" >&2; exit 2 ;;
  esac
done

if [ -z "$build" ]; then
  build=_build-release
  [ -d "$build" ] || meson setup "$build" --buildtype=release >/dev/null
  # ninja itself, so that a changed meson.build is picked up first.
  ninja -C "$build" src/goodwill tests/bench-search tests/bench-startup >/dev/null
fi
goodwill="$build/src/goodwill"
bench="$build/tests/bench-search"
startup="$build/tests/bench-startup"

# GOODWILL_BENCH_DIR keeps the generated stores for another run.
if [ -n "${GOODWILL_BENCH_DIR:-}" ]; then
  work=$GOODWILL_BENCH_DIR
  mkdir -p "$work"
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/goodwill-bench.XXXXXX")
  trap 'rm -rf "$work"' EXIT
fi
export LC_ALL=C.UTF-8 LANGUAGE=C TZ=UTC

# Realistic rows: 40 words of shop vocabulary, 800 customers (each with
# one name and one e-mail), five staff,
# ten categories, varied lengths; "kettle" is in about 1 row in 25.
make_csv () {
  awk -v rows="$1" -v seed="$2" 'BEGIN {
    srand(seed);
    split("the a delivery late broken refund staff rude queue till price label parcel courier " \
          "jacket zip size shelf sale receipt invoice card charged twice waited phone hold " \
          "repair workshop weeks sofa scratched box toaster bread coffee manager apologised " \
          "coupon discount", words, " ");
    n = length(words);
    print "received_at,kind,channel,category,customer_name,customer_email,received_by,description,status";
    for (i = 1; i <= rows; i++) {
      len = 8 + int(rand() * 30);
      text = "";
      for (w = 0; w < len; w++) text = text words[1 + int(rand() * n)] " ";
      if (rand() < 0.04) text = text "kettle";
      customer = int(rand() * 800);
      printf "2024-%02d-%02d %02d:%02d,complaint,in_store,Category %d,Customer %d,c%d@example.com,Staff %d,\"%s\",open\n",
        1 + int(rand() * 12), 1 + int(rand() * 28), 9 + int(rand() * 9), int(rand() * 60),
        int(rand() * 10), customer, customer, int(rand() * 5), text;
    }
  }'
}

seconds () { date +%s.%N; }

# Start-up, in one X server and D-Bus session for every run, as on a desktop
# where the accessibility bus is already up: a round to warm up, then nine
# rounds of the floor (an empty libadwaita window) and each store in turn,
# so that whatever else the machine does weighs on all of them alike. Each
# run times main() to the first frame painted with the list filled, then,
# once the window has settled, one search; and its peak RSS. Prints the
# medians, and the first frame as a multiple of the floor's.
startup_figures () {
  tests/headless-run.sh sh -c '
    bench=$1
    shift
    for round in 0 1 2 3 4 5 6 7 8 9; do
      for target in "$@"; do
        # shellcheck disable=SC2086
        "$bench" ${target#*=} 2>/dev/null | sed "s|^|$round ${target%%=*} |"
      done
    done' sh "$startup" "$@" 2>/dev/null \
    | awk '
        function median(list, n,    i, j, t, v) {
          split(list, v, " ")
          for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] + 0 < v[i] + 0) { t = v[i]; v[i] = v[j]; v[j] = t }
          return v[int((n + 1) / 2)]
        }
        $1 !~ /^[0-9]+$/ || $1 == 0 { next }
        { label = $2; if (!(label in seen)) { seen[label] = 1; order[++k] = label } }
        /first frame/ { frames[label] = frames[label] " " $(NF - 1); nf[label]++ }
        / search / { searches[label] = searches[label] " " $(NF - 5); ns[label]++ }
        /peak RSS/ { rss[label] = rss[label] " " $(NF - 1); nr[label]++ }
        END {
          floor = median(frames["floor"], nf["floor"])
          for (i = 1; i <= k; i++) {
            l = order[i]
            printf "start-up, %s: first frame %.0f ms, %.2f x floor", l, median(frames[l], nf[l]), median(frames[l], nf[l]) / floor
            if (ns[l] > 0) printf ", search %.1f ms", median(searches[l], ns[l])
            printf ", peak RSS %d MB (medians of %d)\n", median(rss[l], nr[l]), nf[l]
          }
        }'
}

echo "# Goodwill benchmark, $(date -u +%Y-%m-%d), $(nproc) cores, $(sqlite3 --version | cut -d' ' -f1) sqlite3 shell"

# The sqlite3 shell loading the same file into a table with the same
# columns, and an FTS5 index with the search index's tokenizer and prefixes
# over the same text, in one transaction: what an import is measured by.
shell_import () {
  local csv=$1 db=$2
  rm -f "$db"
  sqlite3 "$db" <<SQL
BEGIN;
CREATE TABLE complaints (received_at, kind, channel, category, customer_name, customer_email,
                         received_by, description, status);
CREATE VIRTUAL TABLE complaint_search USING fts5 (description, handling, notes, customer,
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
.import --csv --skip 1 $csv complaints
INSERT INTO complaint_search (rowid, description, handling, notes, customer)
  SELECT rowid, description, '', '', customer_name || ' ' || customer_email FROM complaints;
COMMIT;
SQL
}

# import_store N SEED STORE: makes N rows and imports them, beside the
# sqlite3 shell loading the same file (goodwill first, then the shell,
# three times, the medians), unless STORE is already there from an earlier
# run kept with GOODWILL_BENCH_DIR.
import_store () {
  local rows=$1 seed=$2 store=$3 start end ours="" theirs=""
  if [ -e "$store" ]; then
    echo "import: reusing $store"
    return
  fi
  make_csv "$rows" "$seed" >"$work/rows.csv"
  for round in 1 2 3; do
    rm -f "$store" "$store-wal" "$store-shm"
    start=$(seconds)
    "$goodwill" --database "$store" --import-csv "$work/rows.csv" >/dev/null 2>&1
    end=$(seconds)
    ours="$ours $(awk -v s="$start" -v e="$end" 'BEGIN { print e - s }')"
    start=$(seconds)
    shell_import "$work/rows.csv" "$work/shell.db"
    end=$(seconds)
    theirs="$theirs $(awk -v s="$start" -v e="$end" 'BEGIN { print e - s }')"
  done
  rm -f "$work/rows.csv" "$work/shell.db"
  awk -v n="$rows" -v ours="$ours" -v theirs="$theirs" '
    function median(list,    v, i, j, t) {
      split(list, v, " ")
      for (i = 1; i <= 3; i++) for (j = i + 1; j <= 3; j++) if (v[j] + 0 < v[i] + 0) { t = v[i]; v[i] = v[j]; v[j] = t }
      return v[2]
    }
    BEGIN {
      a = median(ours); b = median(theirs)
      printf "import %d rows: %.2f s (%.0f rows/s); sqlite3 shell %.2f s; ratio %.2f (medians of 3)\n", n, a, n / a, b, a / b
    }'
}

import_store 100000 1 "$work/100k.db"

shell_search () {
  # The same query the store runs, in the sqlite3 shell on the same file,
  # eleven times in one session; the shell's timer has millisecond steps.
  local db=$1 word=$2
  {
    echo ".timer on"
    for _ in $(seq 11); do
      echo "SELECT count(*) FROM (SELECT rowid FROM complaint_search WHERE complaint_search MATCH '\"$word\"*' ORDER BY rowid DESC LIMIT 200);"
    done
  } | sqlite3 "$db" | awk '/Run Time/ { print $4 * 1000 }' | sort -n \
    | awk -v w="$word" '{ t[NR] = $1 }
        END { printf "sqlite3 shell \"%s\": median %.1f ms, best %.1f ms over %d runs\n", w, t[int((NR + 1) / 2)], t[1], NR }'
}

for word in kettle courier; do
  echo "100,000 complaints: $("$bench" "$work/100k.db" "$word")"
  echo "100,000 complaints: $(shell_search "$work/100k.db" "$word")"
done

import_store "$large" 2 "$work/large.db"
for word in kettle courier; do
  echo "$large complaints: $("$bench" "$work/large.db" "$word")"
  echo "$large complaints: $(shell_search "$work/large.db" "$word")"
done
startup_figures "floor=--floor" "empty=$work/empty.db" "100000=$work/100k.db kettle" \
  "$large=$work/large.db kettle"
ls -l "$work/large.db" | awk -v n="$large" '{ printf "store size with %d complaints: %.0f MB\n", n, $5 / 1e6 }'
