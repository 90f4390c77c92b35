#!/usr/bin/env bash
# .ci/startup.sh [RUNS]: whole-process start-up time of Sahel Reader against
# the floor, a Fyne "hello world" (.ci/floor/hello.go) built the same way.
#
# For each program, RUNS runs (default 5, interleaved) under one Xvfb: the
# time from exec to a visible window, polled with xdotool every 10 ms plus
# xdotool's own run time (10-40 ms on a busy 2-core machine: that is the
# granularity of the figures), and the peak resident memory (VmHWM) just
# before SIGTERM. Every run is a first start: a fresh --data-dir (the reader
# creates its library) and a fresh XDG_CONFIG_HOME (Fyne's preferences).
# Prints every run, the median of each program and the ratios of the reader
# to the floor and to the floor opened at the reader's window size.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$ROOT/.ci/lib.sh"
lib_init
cd "$ROOT"

RUNS=${1:-5}
# The reader's first window size (ui/window.go); the second floor opens at it.
READER_SIZE=1180x780

echo "startup: building bin/sahelreader and bin/floor"
go build -o bin/sahelreader .
go build -o bin/floor .ci/floor/hello.go

# time_run NAME RUN TITLE CMD...: one run; appends "MS KB" to $LIB_TMP/NAME.
time_run() {
	local name=$1 run=$2 title=$3 t0 t1 ms kb pid
	shift 3
	t0=$(date +%s%N)
	spawn "$LIB_TMP/$name.out" "$LIB_TMP/$name.err" "$@"
	pid=$SPAWNED
	if ! wait_window "$title" 30 "$pid" >/dev/null; then
		echo "startup: $name showed no window \"$title\"; stderr:" >&2
		cat "$LIB_TMP/$name.err" >&2
		exit 1
	fi
	t1=$(date +%s%N)
	kb=$(peak_rss_kb "$pid")
	stop "$pid" 10 || echo "startup: $name did not stop on SIGTERM" >&2
	ms=$(awk -v ns=$((t1 - t0)) 'BEGIN { printf "%.1f", ns / 1e6 }')
	printf '  %-8s run %d: %7s ms to window, peak RSS %4d MB\n' "$name" "$run" "$ms" $((kb / 1024))
	echo "$ms $kb" >>"$LIB_TMP/$name"
}

# median NAME COLUMN: median of one column of $LIB_TMP/NAME.
median() {
	cut -d' ' -f"$2" "$LIB_TMP/$1" | sort -n | awk '{ v[NR] = $1 }
		END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

xvfb_start 1280x800
echo "startup: $RUNS runs each on DISPLAY=$DISPLAY"
for ((i = 1; i <= RUNS; i++)); do
	# A first start every time: new library, new Fyne config folder.
	fresh=$(mktemp -d "$LIB_TMP/run.XXXXXX")
	time_run reader "$i" '^Sahel Reader$' env "XDG_CONFIG_HOME=$fresh/config" bin/sahelreader --data-dir "$fresh/data"
	time_run floor "$i" '^Hello floor$' env "XDG_CONFIG_HOME=$fresh/config" bin/floor
	time_run floor-big "$i" '^Hello floor$' env "XDG_CONFIG_HOME=$fresh/config" bin/floor -size "$READER_SIZE"
done

reader_ms=$(median reader 1) floor_ms=$(median floor 1) big_ms=$(median floor-big 1)
reader_kb=$(median reader 2) floor_kb=$(median floor 2) big_kb=$(median floor-big 2)
awk -v r="$reader_ms" -v f="$floor_ms" -v b="$big_ms" -v rk="$reader_kb" -v fk="$floor_kb" -v bk="$big_kb" -v size="$READER_SIZE" 'BEGIN {
	printf "startup: median reader %.1f ms, floor %.1f ms, ratio reader/floor %.2f\n", r, f, r / f
	printf "startup: floor at the reader'"'"'s %s: %.1f ms, ratio reader/that %.2f\n", size, b, r / b
	printf "startup: median peak RSS reader %.0f MB, floor %.0f MB (%.2f), floor at %s %.0f MB (%.2f)\n", rk / 1024, fk / 1024, rk / fk, size, bk / 1024, rk / bk
}'
