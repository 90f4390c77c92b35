# shellcheck shell=bash
# .ci/lib.sh: helpers shared by e2e.sh and startup.sh for running desktop
# programs in a private Xvfb server. Source it, then call lib_init once.
#
#   lib_init                      temp dir, LANG, cleanup trap, tool check
#   xvfb_start [WxH]              start a private X server, export DISPLAY
#   spawn OUT ERR CMD [ARGS...]   start CMD in the background; sets SPAWNED
#   wait_window REGEX SECS PID    print the id of a visible window named REGEX
#   wait_exit PID SECS            wait for PID to end; sets EXIT_STATUS
#   stop PID SECS                 SIGTERM PID, wait; SIGKILL if it overstays
#   peak_rss_kb PID               VmHWM of a running process, in kB
#   on_screen ID                  the window lies within the screen
#
# Everything spawned and the X server are killed when the script exits.
# The functions are safe under set -e: only their documented returns fail.

# Results for the caller:
# shellcheck disable=SC2034
SPAWNED='' EXIT_STATUS='' # set by spawn; by wait_exit and stop

LIB_PIDS=() # processes we started, killed on exit if still alive
XVFB_PID=''
LIB_TMP=''
LIB_MAIN=''  # pid of the script itself: only it cleans up

lib_init() {
	# A UTF-8 C locale for the tools. Fyne v2.7.1 (jeandeaual/go-locale)
	# strips ".UTF-8" and then fails on "C" ("Error parsing user locale C");
	# it reads LANGUAGE first in that case, so give it a language too.
	export LANG=${LANG:-C.UTF-8}
	case ${LC_ALL:-${LC_MESSAGES:-$LANG}} in
	C.* | POSIX.*) export LANGUAGE=${LANGUAGE:-en} ;;
	esac
	LIB_MAIN=$BASHPID
	LIB_TMP=$(mktemp -d "${TMPDIR:-/tmp}/sahelreader-ci.XXXXXX")
	trap lib_cleanup EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	local missing=() tool
	for tool in Xvfb xdotool import convert; do
		command -v "$tool" >/dev/null || missing+=("$tool")
	done
	if [ ${#missing[@]} -gt 0 ]; then
		echo "missing tools: ${missing[*]} (run 'make deps' to install them)" >&2
		exit 2
	fi
}

lib_cleanup() {
	local pid
	# A child forked by spawn inherits this trap until it execs; a signal
	# in that instant must not make it tear down the X server.
	[ "$BASHPID" = "$LIB_MAIN" ] || return 0
	for pid in "${LIB_PIDS[@]}"; do
		if alive "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
	done
	if [ -n "$XVFB_PID" ]; then
		kill "$XVFB_PID" 2>/dev/null || true
		wait "$XVFB_PID" 2>/dev/null || true
	fi
	[ -n "$LIB_TMP" ] && rm -rf "$LIB_TMP"
	return 0
}

# xvfb_start [WxH] starts Xvfb on a display it picks itself (-displayfd
# reports the number once the server accepts connections, so parallel runs
# cannot race for the same display) and exports DISPLAY. -noreset: by default
# Xvfb resets when its last client leaves, and a program connecting during
# the reset fails with "Failed to open display" (seen between start-up runs).
xvfb_start() {
	local size=${1:-1280x800} fdfile="$LIB_TMP/xvfb-display" i display
	: >"$fdfile"
	Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp -noreset 3>"$fdfile" >"$LIB_TMP/xvfb.log" 2>&1 &
	XVFB_PID=$!
	for ((i = 0; i < 100; i++)); do
		if [ -s "$fdfile" ]; then
			display=$(tr -d '[:space:]' <"$fdfile")
			export DISPLAY=":$display"
			return 0
		fi
		alive "$XVFB_PID" || break
		sleep 0.1
	done
	echo "Xvfb did not start; its log:" >&2
	cat "$LIB_TMP/xvfb.log" >&2
	return 1
}

# spawn OUT ERR CMD [ARGS...] runs CMD in the background with stdout to OUT
# and stderr to ERR (and stdin from /dev/null); the pid is left in SPAWNED.
spawn() {
	local out=$1 err=$2
	shift 2
	(
		trap - EXIT INT TERM
		exec "$@"
	) </dev/null >"$out" 2>"$err" &
	SPAWNED=$!
	LIB_PIDS+=("$SPAWNED")
}

# alive PID: the process exists and is not a zombie.
alive() {
	local state
	kill -0 "$1" 2>/dev/null || return 1
	state=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) || return 1
	[ "$state" != Z ]
}

# wait_window REGEX SECS [PID] polls every 10 ms for a visible window whose
# name matches REGEX and prints its id. Returns 1 on timeout, 2 when PID
# exits first.
wait_window() {
	local regex=$1 secs=$2 pid=${3:-} deadline id
	deadline=$(($(date +%s%N) + secs * 1000000000))
	while [ "$(date +%s%N)" -lt "$deadline" ]; do
		id=$(xdotool search --onlyvisible --name "$regex" 2>/dev/null | head -n 1)
		if [ -n "$id" ]; then
			echo "$id"
			return 0
		fi
		if [ -n "$pid" ] && ! alive "$pid"; then
			return 2
		fi
		sleep 0.01
	done
	return 1
}

# wait_exit PID SECS waits up to SECS for PID (a child of this shell) to end
# and sets EXIT_STATUS to its exit status. Returns 1 if it is still running.
wait_exit() {
	local pid=$1 secs=$2 deadline
	deadline=$(($(date +%s%N) + secs * 1000000000))
	while alive "$pid"; do
		if [ "$(date +%s%N)" -ge "$deadline" ]; then
			EXIT_STATUS=''
			return 1
		fi
		sleep 0.05
	done
	EXIT_STATUS=0
	wait "$pid" 2>/dev/null || EXIT_STATUS=$?
	return 0
}

# stop PID SECS sends SIGTERM and waits up to SECS; a process still running
# then is killed (EXIT_STATUS says "killed") and stop returns 1.
stop() {
	local pid=$1 secs=$2
	kill -TERM "$pid" 2>/dev/null || true
	wait_exit "$pid" "$secs" && return 0
	# SIGQUIT makes a Go program print every goroutine's stack to its stderr
	# before it dies: the log then shows where it hung.
	kill -QUIT "$pid" 2>/dev/null || true
	wait_exit "$pid" 2 && EXIT_STATUS=killed && return 1
	kill -KILL "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	# shellcheck disable=SC2034 # read by the caller
	EXIT_STATUS=killed
	return 1
}

# peak_rss_kb PID prints the peak resident set size (VmHWM) in kB.
peak_rss_kb() {
	awk '/^VmHWM:/ {print $2}' "/proc/$1/status" 2>/dev/null
}

# window_shot ID FILE saves the window's contents as a PNG.
window_shot() {
	import -window "$1" "$2" 2>/dev/null
}

# image_stats FILE prints "STDDEV COLOURS": the standard deviation of all
# channels (0..1) and the number of distinct colours. A blank or single-colour
# image has a standard deviation near 0 and a handful of colours.
image_stats() {
	convert "$1" -format '%[fx:standard_deviation] %k' info: 2>/dev/null
}

# on_screen ID prints the window's geometry ("WxH at X,Y on a WxH screen")
# and succeeds when all of it lies within the screen.
on_screen() {
	# shellcheck disable=SC2034 # set by the eval, SCREEN kept local
	local X Y WIDTH HEIGHT SCREEN sw sh
	eval "$(xdotool getwindowgeometry --shell "$1" 2>/dev/null)" || return 1
	read -r sw sh < <(xdotool getdisplaygeometry)
	echo "${WIDTH}x${HEIGHT} at ${X},${Y} on a ${sw}x${sh} screen"
	[ "$X" -ge 0 ] && [ "$Y" -ge 0 ] && [ $((X + WIDTH)) -le "$sw" ] && [ $((Y + HEIGHT)) -le "$sh" ]
}
