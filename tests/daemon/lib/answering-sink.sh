# shellcheck shell=bash
# usage: . tests/daemon/lib/answering-sink.sh; answering_sink VAR SMTP-SINK-OPTION...
# A relay that gives one answer: a smtp-sink of the test's own (e.g. -f AUTH
# -B "535 ...") on 127.0.0.1 at a free port (put in VAR), keeping nothing.
# Its PID joins the array service_pids, for the test's cleanup to stop; its
# output goes to $answering_sink_log (default /dev/null). Needs tap.sh and
# scripts/lib.sh.
# SPDX-License-Identifier: ISC
answering_sink() {
	local port user=()
	port=$(free_port)
	# smtp-sink refuses to keep root privileges.
	[ "$(id -u)" -eq 0 ] && user=(-u nobody)
	smtp-sink "${user[@]}" "${@:2}" "127.0.0.1:$port" 10 </dev/null \
		>>"${answering_sink_log:-/dev/null}" 2>&1 &
	service_pids+=($!)
	wait_port "$port" 5 || bail "smtp-sink ${*:2} did not start"
	printf -v "$1" %s "$port"
}
