#!/usr/bin/env bash
# .ci/e2e.sh BINARY: end-to-end checks of Sahel Reader in a private Xvfb,
# run the way a person would and judged by what the app stored and said.
#
#   a  the window "Sahel Reader" appears and is not blank (screenshot kept)
#   b  SIGTERM quits it with status 0 and the library file exists
#   c  the CLI reads an article from the same data folder afterwards
#   d  a second instance says "already running" and exits non-zero
#   e  a corrupt library is moved aside byte-for-byte and the app still starts
#   f  a library from a newer version is refused and left untouched
#   g  clicking another article opens it, and a restart opens it again
#   h  a word double-clicked and highlighted with key 2 is there after a
#      kill -9 the moment it shows, and 'export --format w3c' has it
#   m  'import' of a folder of Markdown, text and HTML files reports each
#      file, the articles are in 'list --json', and the app lists the newest
#      first: a click on that row opens it
#   n  'export --format w3c' of step h's library, imported into an empty
#      library, exports the same file again; a file with an unknown field is
#      refused and writes nothing
#
# Screenshots and logs go to $E2E_OUT (default: a new temp folder, printed).
# Ends with "e2e: N passed, M failed"; exits 1 if anything failed.
set -uo pipefail

if [ $# -ne 1 ] || [ ! -x "$1" ]; then
	echo "usage: $0 BINARY   (e.g. $0 bin/sahelreader)" >&2
	exit 2
fi
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$ROOT/.ci/lib.sh"
lib_init

OUT=${E2E_OUT:-$(mktemp -d "${TMPDIR:-/tmp}/sahelreader-e2e.XXXXXX")}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
echo "e2e: screenshots and logs in $OUT"

# Fyne keeps its own preferences under $XDG_CONFIG_HOME/fyne/APP-ID: give
# the app a private one so runs neither read nor disturb the user's.
APP=(env "XDG_CONFIG_HOME=$OUT/config" "$BIN")

TITLE='^Sahel Reader$'
ERROR_TITLE='^Sahel Reader cannot start$'
passed=0 failed=0
PID='' WIN='' ERR_WIN='' DATA=''

pass() {
	echo "PASS $*"
	passed=$((passed + 1))
}
fail() {
	echo "FAIL $*"
	failed=$((failed + 1))
}
# check DESCRIPTION COMMAND...: PASS or FAIL depending on COMMAND's status.
check() {
	local what=$1
	shift
	if "$@"; then pass "$what"; else fail "$what"; fi
}
# show_log FILE: the last lines of a log, indented, after a failure.
show_log() {
	[ -s "$1" ] && tail -n 40 "$1" | sed 's/^/    | /'
	return 0
}

# wait_for_text FILE TEXT SECS: FILE contains TEXT within SECS.
wait_for_text() {
	local i
	for ((i = 0; i < $3 * 20; i++)); do
		grep -qF -- "$2" "$1" 2>/dev/null && return 0
		sleep 0.05
	done
	grep -qF -- "$2" "$1" 2>/dev/null
}

# start_app STEP DATADIR: runs the app with its output in $OUT/STEP.{out,err};
# sets PID.
start_app() {
	spawn "$OUT/$1.out" "$OUT/$1.err" "${APP[@]}" --data-dir "$2"
	PID=$SPAWNED
}

# expect_window STEP SECS: waits for the main window of $PID; sets WIN.
expect_window() {
	local rc=0
	WIN=$(wait_window "$TITLE" "$2" "$PID") || rc=$?
	case $rc in
	0) pass "$1: window \"Sahel Reader\" is visible" ;;
	2)
		fail "$1: the app exited before its window appeared; stderr:"
		show_log "$OUT/$1.err"
		;;
	*)
		fail "$1: no visible window \"Sahel Reader\" within $2 s; stderr:"
		show_log "$OUT/$1.err"
		;;
	esac
	return $rc
}

# quit_app STEP [LOG]: SIGTERM $PID, which must exit with status 0 within
# 10 s; LOG (default STEP) names the app's output in $OUT.
quit_app() {
	if stop "$PID" 10 && [ "$EXIT_STATUS" = 0 ]; then
		pass "$1: SIGTERM quits with status 0"
	else
		fail "$1: SIGTERM: exit status $EXIT_STATUS (want 0 within 10 s); stderr:"
		show_log "$OUT/${2:-$1}.err"
	fi
}

# screenshot STEP: the whole screen to $OUT/STEP.png, the window to
# $OUT/STEP-window.png; fails if the window looks blank.
screenshot() {
	local stats sd colours
	sleep 1 # let the first frames settle
	import -window root "$OUT/$1.png" || {
		fail "$1: screenshot"
		return
	}
	window_shot "$WIN" "$OUT/$1-window.png" || cp "$OUT/$1.png" "$OUT/$1-window.png"
	stats=$(image_stats "$OUT/$1-window.png")
	read -r sd colours <<<"$stats"
	if awk -v sd="${sd:-0}" -v n="${colours:-0}" 'BEGIN { exit !(sd > 0.03 && n >= 32) }'; then
		pass "$1: window is not blank (std dev $sd, $colours colours; $OUT/$1.png)"
	else
		fail "$1: window looks blank (std dev ${sd:-?}, ${colours:-?} colours; $OUT/$1.png)"
	fi
}

# error_window STEP PID: the app may show a window "Sahel Reader cannot
# start" before it exits; if so, screenshot it ($OUT/STEP-error.png) and check
# that a person can see all of it. Sets ERR_WIN to its id, or ''.
error_window() {
	local geometry
	ERR_WIN=$(wait_window "$ERROR_TITLE" 3 "$2") || return 0
	sleep 1 # its first frame
	import -window root "$OUT/$1-error.png" 2>/dev/null
	if geometry=$(on_screen "$ERR_WIN"); then
		pass "$1: the error window fits on the screen ($geometry)"
	else
		fail "$1: the error window does not fit on the screen ($geometry; $OUT/$1-error.png)"
	fi
}

step_a_b_c() {
	DATA=$OUT/data-main
	echo "-- a: start, window, screenshot"
	start_app a "$DATA"
	expect_window a 30 && screenshot a
	echo "-- b: SIGTERM"
	quit_app b a
	check "b: $DATA/sahelreader.db exists" test -f "$DATA/sahelreader.db"
	check "b: the MINUSMA report was the article open on first start" test "$(stored_last_article "$DATA")" = minusma-withdrawal

	echo "-- c: CLI on the same data folder"
	if timeout 30 "${APP[@]}" --data-dir "$DATA" text minusma-withdrawal >"$OUT/c.out" 2>"$OUT/c.err" </dev/null; then
		pass "c: 'text minusma-withdrawal' exits 0"
	else
		fail "c: 'text minusma-withdrawal' failed; stderr:"
		show_log "$OUT/c.err"
	fi
	check "c: the article text mentions Bamako ($(wc -c <"$OUT/c.out") bytes)" grep -q Bamako "$OUT/c.out"
}

step_d() {
	local second
	echo "-- d: a second instance on the same data folder"
	start_app d "$DATA"
	if ! expect_window d 30; then
		stop "$PID" 10
		return
	fi
	spawn "$OUT/d-second.out" "$OUT/d-second.err" "${APP[@]}" --data-dir "$DATA"
	second=$SPAWNED
	if wait_for_text "$OUT/d-second.err" 'Sahel Reader is already running' 2; then
		pass "d: the second instance says \"Sahel Reader is already running\" within 2 s"
	else
		fail "d: no \"Sahel Reader is already running\" on stderr within 2 s; stderr:"
		show_log "$OUT/d-second.err"
	fi
	error_window d "$second"
	if wait_exit "$second" 15; then
		check "d: the second instance exits non-zero (status $EXIT_STATUS${ERR_WIN:+, after showing its error window})" \
			test "$EXIT_STATUS" != 0
	else
		fail "d: the second instance is still running after 15 s"
		stop "$second" 1
	fi
	check "d: the first instance is still running" alive "$PID"
	quit_app d
}

step_e() {
	local data=$OUT/data-corrupt moved
	echo "-- e: a corrupt library file"
	mkdir -p "$data"
	head -c 4096 /dev/urandom >"$OUT/e-random.bin"
	cp "$OUT/e-random.bin" "$data/sahelreader.db"
	start_app e "$data"
	if expect_window e 30; then
		sleep 1
		import -window root "$OUT/e.png" 2>/dev/null
	fi
	moved=$(find "$data" -maxdepth 1 -name 'sahelreader.db.corrupt-*' | head -n 1)
	if [ -n "$moved" ]; then
		pass "e: moved aside to $(basename "$moved")"
		check "e: the moved-aside file has the original bytes" cmp -s "$OUT/e-random.bin" "$moved"
		check "e: stderr names $moved" grep -qF -- "$moved" "$OUT/e.err"
	else
		fail "e: no sahelreader.db.corrupt-* in $data"
		show_log "$OUT/e.err"
	fi
	if [ -f "$data/sahelreader.db" ] && ! cmp -s "$OUT/e-random.bin" "$data/sahelreader.db"; then
		pass "e: a fresh sahelreader.db was started"
	else
		fail "e: no fresh sahelreader.db in $data"
	fi
	quit_app e
}

# build_dbtool: .ci/dbtool, which reads and forges library files, as $DBTOOL.
build_dbtool() {
	DBTOOL=$LIB_TMP/dbtool
	if ! (cd "$ROOT" && go build -o "$DBTOOL" .ci/dbtool/main.go) >"$OUT/dbtool.log" 2>&1; then
		fail "cannot build .ci/dbtool/main.go"
		show_log "$OUT/dbtool.log"
		DBTOOL=false
	fi
}

step_f() {
	local data=$OUT/data-newer before after
	echo "-- f: a library written by a newer version"
	mkdir -p "$data"
	"$DBTOOL" schema "$data/sahelreader.db" 1000000
	before=$(sha256sum <"$data/sahelreader.db")
	start_app f "$data"
	error_window f "$PID"
	if wait_exit "$PID" 15; then
		check "f: the app exits non-zero (status $EXIT_STATUS)" test "$EXIT_STATUS" != 0
	else
		fail "f: the app is still running after 15 s"
		stop "$PID" 1
	fi
	if grep -qi newer "$OUT/f.err"; then
		pass "f: stderr mentions a newer version"
	else
		fail "f: stderr does not mention \"newer\":"
		show_log "$OUT/f.err"
	fi
	after=$(sha256sum <"$data/sahelreader.db")
	check "f: the library file is unchanged (sha256)" test "$before" = "$after"
}

# stored_last_article DATADIR: what the library remembers as the open article.
stored_last_article() {
	"$DBTOOL" get "$1/sahelreader.db" settings last-article 2>>"$OUT/dbtool.log"
}

# click_row STEP DATADIR Y: starts the app, clicks the library row at Y
# (window coordinates), keeps the screen in $OUT/STEP-clicked.png and quits;
# fails if the window never came.
click_row() {
	start_app "$1" "$2"
	if ! expect_window "$1" 30; then
		stop "$PID" 10
		return 1
	fi
	xdotool mousemove --window "$WIN" 150 "$3" click 1
	sleep 1
	import -window root "$OUT/$1-clicked.png" 2>/dev/null
	quit_app "$1"
}

step_g() {
	local data=$OUT/data-reopen want
	echo "-- g: open another article, quit, start again"
	# The library lists articles in the order of 'list --json'; take the second.
	want=$("${APP[@]}" list --json | sed -n 's/^ *"id": "\(.*\)",$/\1/p' | sed -n 2p)
	# The second row of the library, as a person clicks it (rows are about 80 px high).
	click_row g "$data" 205 || return
	check "g: clicking the second row opened \"$want\" ($OUT/g-clicked.png)" test "$(stored_last_article "$data")" = "$want"
	start_app g2 "$data"
	expect_window g2 30 && screenshot g2
	quit_app g2
	check "g: after a restart \"$want\" is still the open article" test "$(stored_last_article "$data")" = "$want"
}

# green_at X Y: the screen around (X, Y) is mostly tinted green, as behind
# a green highlight (the text's own pixels are grey, a selection blue); the
# screen is kept in $OUT/$3.png.
green_at() {
	local share
	import -window root "$OUT/$3.png" 2>/dev/null || return 1
	share=$(convert "$OUT/$3.png" -crop "24x10+$(($1 - 12))+$(($2 - 5))" +repage \
		-fx '(g > r + 0.06 && g > b + 0.04) ? 1 : 0' -format '%[fx:mean]' info: 2>/dev/null)
	awk -v s="${share:-0}" 'BEGIN { exit !(s > 0.3) }'
}

step_h() {
	# shellcheck disable=SC2034 # HEIGHT and SCREEN are set by the eval, kept local
	local data=$OUT/data-highlight X Y WIDTH HEIGHT SCREEN x y i shown=false exact first
	echo "-- h: double-click a word, press 2, kill -9 the moment it shows, start again, export"
	start_app h "$data"
	if ! expect_window h 30; then
		stop "$PID" 10
		return
	fi
	sleep 1 # its first frames
	eval "$(xdotool getwindowgeometry --shell "$WIN")"
	# The text column, 700 wide, is centred right of the library (290 and an
	# 8-unit divider); the first paragraph begins 168 below the window's top,
	# under the title and the 28-pixel menu bar. 55 in is the middle of its
	# second word.
	x=$((X + 298 + (WIDTH - 298 - 700) / 2 + 55)) y=$((Y + 168))
	xdotool mousemove "$x" "$y" click --repeat 2 --delay 80 1
	sleep 0.5
	xdotool key 2
	for ((i = 0; i < 100; i++)); do
		if green_at "$x" "$y" h-shown; then
			shown=true
			break
		fi
	done
	kill -KILL "$PID" 2>/dev/null
	wait_exit "$PID" 5
	if ! $shown; then
		fail "h: no green highlight appeared at $x,$y after double-click and 2 ($OUT/h-shown.png)"
		show_log "$OUT/h.err"
		return
	fi
	pass "h: the word turned green, and the app was killed (-9) at once"

	start_app h2 "$data"
	if expect_window h2 30; then
		sleep 1
		check "h: after the restart the word is still green ($OUT/h2-shown.png)" green_at "$x" "$y" h2-shown
	fi
	quit_app h2

	"${APP[@]}" --data-dir "$data" export --format w3c >"$OUT/h-export.json" 2>"$OUT/h-export.err"
	check "h: the export holds one annotation" test "$(grep -c '"type": "Annotation"' "$OUT/h-export.json")" = 1
	check "h: it is green" grep -q '"styleClass": "highlight-green"' "$OUT/h-export.json"
	exact=$(sed -n 's/^ *"exact": "\(.*\)",$/\1/p' "$OUT/h-export.json")
	first=$("${APP[@]}" --data-dir "$data" text minusma-withdrawal 2>/dev/null | sed -n 2p)
	if [[ $exact =~ ^[[:alnum:]]+$ ]] && grep -qw -- "$exact" <<<"$first"; then
		pass "h: its quote is the word double-clicked, \"$exact\", from the first paragraph"
	else
		fail "h: its quote \"$exact\" is not one word of the first paragraph; export:"
		show_log "$OUT/h-export.json"
	fi
}

step_m() {
	local data=$OUT/data-import src=$OUT/import-src want=my-rain-over-gao
	echo "-- m: import a folder with the CLI, then open the article in the app"
	mkdir -p "$src/clip"
	printf -- '---\ntitle: Rain over Gao\ndate: 2030-01-01\n---\nThe rain came late to Gao that year.\n' >"$src/rain.md"
	printf '<html><head><meta property="article:published_time" content="2029-06-01"><script>alert("e2e")</script></head>\n<body><h1>Ségou on the Niger</h1><p>Boats <b>leave</b> at dawn.</p></body></html>\n' >"$src/clip/page.html"
	printf 'Mopti, 3 May.\n\n*Not* emphasis, and 1. not a list.\n' >"$src/clip/plain.txt"
	if "${APP[@]}" --data-dir "$data" import "$src" >"$OUT/m-import.out" 2>"$OUT/m-import.err"; then
		pass "m: 'import' of the folder exits 0"
	else
		fail "m: 'import' failed; output:"
		show_log "$OUT/m-import.out"
		show_log "$OUT/m-import.err"
	fi
	check "m: the report says \"3 added, 0 duplicates, 0 failed\"" grep -q '^3 added, 0 duplicates, 0 failed$' "$OUT/m-import.out"
	"${APP[@]}" --data-dir "$data" list --json >"$OUT/m-list.json" 2>>"$OUT/m-import.err"
	check "m: 'list --json' has the three imported articles" \
		test "$(grep -cE '"id": "my-(rain-over-gao|segou-on-the-niger|plain)"' "$OUT/m-list.json")" = 3
	check "m: the HTML article's text has no script" \
		bash -c '! "$@" | grep -q alert' _ "${APP[@]}" --data-dir "$data" text my-segou-on-the-niger
	# The first row of the library (dated 2030, the newest), under the menu
	# bar, the toolbar and the "Library" heading.
	click_row m "$data" 140 || return
	check "m: clicking the first row opened the imported \"$want\" ($OUT/m-clicked.png)" test "$(stored_last_article "$data")" = "$want"
}

step_n() {
	local from=$OUT/data-highlight to=$OUT/data-w3c-import
	echo "-- n: W3C export, import into an empty library, export again"
	"${APP[@]}" --data-dir "$from" export --format w3c -o "$OUT/n-export.json" 2>"$OUT/n.err"
	sed 's/"motivation": "highlighting"/"motivation": "highlighting", "colour": "green"/' "$OUT/n-export.json" >"$OUT/n-bad.json"
	if "${APP[@]}" --data-dir "$to" import "$OUT/n-bad.json" >>"$OUT/n.out" 2>>"$OUT/n.err"; then
		fail "n: a W3C file with an unknown field was accepted"
	else
		check "n: a W3C file with an unknown field is refused, naming it" grep -q 'unknown field "colour"' "$OUT/n.err"
	fi
	"${APP[@]}" --data-dir "$to" export --format w3c -o "$OUT/n-empty.json" 2>>"$OUT/n.err"
	check "n: ... and nothing was written" grep -q '"total": 0' "$OUT/n-empty.json"
	check "n: 'import' of the export into an empty library exits 0" \
		"${APP[@]}" --data-dir "$to" import "$OUT/n-export.json"
	"${APP[@]}" --data-dir "$to" export --format w3c -o "$OUT/n-again.json" 2>>"$OUT/n.err"
	check "n: exporting again gives the same file" cmp -s "$OUT/n-export.json" "$OUT/n-again.json"
	check "n: ... with the annotation of step h" grep -q '"type": "Annotation"' "$OUT/n-again.json"
}

xvfb_start 1280x800 || exit 1
build_dbtool
step_a_b_c
step_d
step_e
step_f
step_g
step_h
step_m
step_n

echo "e2e: screenshots and logs in $OUT"
echo "e2e: $passed passed, $failed failed"
[ "$failed" = 0 ]
