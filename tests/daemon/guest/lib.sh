# shellcheck shell=sh
# Helpers for the daemon's guest scripts (busybox sh in the test VM).
#
#   start_udevd            the directories faxcared uses, systemd-udevd
#                          running with the project's rule, settled
#   start_engines ARG...   start_udevd (the rule starts faxcared), then
#                          faxeng and faxeng_sim ARG...
#   host CMD...            a sink-ctl-server command on the host
#   reports                the host sink's reports (see sink-ctl-server)
#   wait_reports N PATTERN wait (30 s) until N caught reports match PATTERN
#   count_reports PATTERN  how many caught reports match PATTERN (grep -E)
#   daemon_pid             faxcared's PID, or nothing
#   daemons_of faxengN     how many faxcared processes serve that engine
#   report_id TYPE COND    the last caught report's id of that type and
#                          condition (empty if none), e.g. status toner-low
#   wait_sent ENGINE ID    wait (30 s) until the daemons' log says report ID
#                          was sent and ENGINE's spool queue is empty
#   in_select PID          PID is blocked in select(2)
#   delivery_failures      how many times the daemons' log says a try to
#                          deliver the queue failed
# and tap.sh's, wait_for among them.
# SPDX-License-Identifier: ISC

. /faxcare/tap.sh

SIMP=/sys/module/faxeng_sim/parameters
KMOD=/faxcare/kmod

start_udevd() {
	mkdir -p /var/spool /var/lib /var/log
	/usr/lib/systemd/systemd-udevd --daemon --resolve-names=never ||
		bail "systemd-udevd did not start"
	udevadm settle
}

start_engines() {
	start_udevd
	insmod "$KMOD/faxeng.ko" && insmod "$KMOD/faxeng_sim.ko" "$@" ||
		bail "cannot load faxeng_sim"
	udevadm settle
}

# -w: after the request, wait (up to 20 s) for the answer instead of
# hanging up at once, which lost slow answers on a loaded machine. An
# answer still lost is asked for again: every command but silent and
# refuse-auth (which take the sink's port once) is idempotent.
host() {
	_ans=$(echo "$*" | nc -w 20 10.0.2.2 "$SINKCTL_PORT")
	case $_ans:$1 in
	:silent | :refuse-auth) ;;
	:*) _ans=$(echo "$*" | nc -w 30 10.0.2.2 "$SINKCTL_PORT") ;;
	esac
	[ -z "$_ans" ] || echo "$_ans"
}
reports() { host reports; }
count_reports() { reports | grep -Ec -- "$1"; }

_at_least() { [ "$(count_reports "$2")" -ge "$1" ]; }
wait_reports() { wait_for 30 "$1 report(s) matching '$2'" _at_least "$1" "$2"; }

daemon_pid() { pidof faxcared | tr ' ' '\n' | sort -n | head -1; }

daemons_of() {
	for _p in $(pidof faxcared); do
		tr '\0' ' ' <"/proc/$_p/cmdline"
		echo
	done | grep -c " $1 *\$"
}

sim() { echo "$2" >"$SIMP/$1" || bail "cannot set sim input $1 to $2"; }

report_id() {
	reports | awk -v t="$1" -v c="$2" '$1 == t && $2 == c { id = $3 } END { print id }'
}

# Nothing left to send and this report's send logged (faxcared -d).
_sent() {
	[ -n "$2" ] && [ -z "$(ls "/var/spool/faxcared/$1/queue")" ] &&
		grep -q "sent [^ ]*-$2\$" /var/log/faxcared.log
}
wait_sent() { wait_for 30 "report $2 sent and $1's queue empty" _sent "$1" "$2"; }

delivery_failures() { grep -c "queue not delivered; next try in" /var/log/faxcared.log; }

# select(2) or pselect6(2) on x86_64: /proc/PID/syscall's first field.
in_select() {
	case "$(cut -d' ' -f1 "/proc/$1/syscall" 2>/dev/null)" in
	23 | 270) return 0 ;;
	esac
	return 1
}
