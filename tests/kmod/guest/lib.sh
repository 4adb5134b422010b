# shellcheck shell=sh
# Helpers for the faxeng guest scripts (busybox sh in the test VM).
#
#   . /faxcare/tests/kmod/guest/lib.sh
#   load_sim [PARAM=VAL...]   insmod faxeng.ko and faxeng_sim.ko
#   sim INPUT VALUE           write a faxeng_sim input (dies on error)
#   attr FILE [ENGINE]        read /sys/class/faxeng/faxengN/FILE
#   write_err FILE VALUE      write VALUE to FILE; prints the error message
#   write_bytes_err FILE BYTES  the same, BYTES as echo -ne takes them
#   (wait_for SECS WHAT CMD... comes from /faxcare/tap.sh)
#   step INPUT VALUE          sim INPUT VALUE, then wait for its events
#   start_monitor FILE        udevadm monitor --property into FILE, once
#                             it has subscribed
#   stop_monitor KEY=VAL...   stop it once the event with every KEY=VAL
#                             (the last one expected) is in FILE
#   event_with FILE KEY=VAL.. one uevent in FILE has every KEY=VAL
#   abi_entry DOC NAME        the Description of NAME's entry in an ABI
#                             document (docs/ABI/testing/*), on one line
#   abi_mode DOC NAME         the mode NAME's entry gives, e.g. 0644
# SPDX-License-Identifier: ISC

. /faxcare/tap.sh

KMOD=/faxcare/kmod
SIMP=/sys/module/faxeng_sim/parameters
ENG=/sys/class/faxeng/faxeng0

load_sim() {
	insmod "$KMOD/faxeng.ko" && insmod "$KMOD/faxeng_sim.ko" "$@"
}

unload_sim() {
	trace_off
	rmmod faxeng_sim && rmmod faxeng
}

sim() {
	echo "$2" >"$SIMP/$1" || bail "cannot set sim input $1 to $2"
}

attr() {
	cat "/sys/class/faxeng/faxeng${2:-0}/$1"
}

# The shell's message for a failed write, e.g. "Invalid argument".
write_err() {
	(echo "$2" >"$1") 2>&1 | sed 's/.*: //'
}

# write_bytes_err FILE BYTES: the same for one write of BYTES, where \n is a
# newline (echo -ne: busybox's printf does not report a failed write).
write_bytes_err() {
	(echo -ne "$2" >"$1") 2>&1 | sed 's/.*: //'
}

# abi_entry DOC NAME: the Description text of the entry one of whose What
# lines ends in /NAME, joined on one line with single spaces.
abi_entry() {
	awk -v name="$2" '
		/^What:/ {
			if (!inwhat)
				hit = 0
			inwhat = 1
			n = split($2, p, "/")
			if (p[n] == name)
				hit = 1
			next
		}
		{ inwhat = 0 }
		/^(Date|Contact|Description):/ { next }
		hit { print }
	' "$1" | tr '\t\n' '  ' | tr -s ' ' | sed 's/^ //; s/ $//'
}

# abi_mode DOC NAME: "0644" from an entry starting "(RW, 0644)".
abi_mode() {
	abi_entry "$1" "$2" |
		sed -n 's/^(\(RO\|RW\|WO\), \(0[0-7][0-7][0-7]\)).*/\2/p'
}


# seqnum_after N: engine 0 sent an event numbered above N.
seqnum_after() {
	[ "$(attr seqnum)" -gt "$1" ]
}

# step INPUT VALUE: set a sim input, wait until its events were sent.
step() {
	_seq=$(attr seqnum)
	sim "$1" "$2"
	wait_for 5 "an event numbered above $_seq" seqnum_after "$_seq" || diag "no event after $1=$2"
}

# service_action FILE: a technician's action on engine 0, and its events.
service_action() {
	_seq=$(attr seqnum)
	echo 1 >"$ENG/$1"
	wait_for 5 "an event numbered above $_seq" seqnum_after "$_seq" || diag "no event after $1"
}

start_udevd() {
	/usr/lib/systemd/systemd-udevd --daemon --resolve-names=never &&
		udevadm settle
}

# udevadm prints its "UDEV - ..." line once its socket is bound: every
# event from then on reaches FILE.
start_monitor() {
	_mon_file=$1
	udevadm monitor --udev --property --subsystem-match=faxeng >"$1" &
	_mon_pid=$!
	wait_for 5 "udevadm monitor to subscribe" grep -q '^UDEV - ' "$1" ||
		bail "udevadm monitor did not subscribe: $(cat "$1")"
}

# Once settled, udevd has sent every queued event to the monitor's socket;
# the expected last one in FILE shows the monitor has printed them all.
# Fails when that event never came.
stop_monitor() {
	udevadm settle --timeout=60
	wait_for 5 "an event with $* in $_mon_file" event_with "$_mon_file" "$@"
	_mon_ok=$?
	kill "$_mon_pid" && wait "$_mon_pid" 2>/dev/null
	_mon_pid=
	[ "$_mon_ok" = 0 ] || diag "no event with $* in $_mon_file"
	return "$_mon_ok"
}

# event_with FILE KEY=VAL...: some uevent record in FILE has all KEY=VALs.
event_with() {
	_f=$1
	shift
	_want=$(for _kv in "$@"; do echo "$_kv"; done)
	awk -v want="$_want" '
		BEGIN { n = split(want, w, "\n") }
		{
			for (i = 1; i <= n; i++)
				if ($0 == w[i]) hit[i] = 1
		}
		/^$/ {
			all = 1
			for (i = 1; i <= n; i++) if (!hit[i]) all = 0
			if (all && n) found = 1
			delete hit
		}
		END {
			all = 1
			for (i = 1; i <= n; i++) if (!hit[i]) all = 0
			exit !(found || (all && n))
		}' "$_f"
}

# count_events FILE KEY=VAL: how many uevent records carry KEY=VAL.
count_events() {
	grep -cx "$2" "$1"
}

# Tracepoints of the faxeng core (docs/kmod.md), counted in the kernel by
# hist triggers: no trace buffer to fill or read.
#   trace_hist EVENT SPEC    from now on, hist:SPEC on faxeng:EVENT, e.g.
#                            trace_hist faxeng_input keys=id:vals=hitcount
#   trace_hist_read EVENT    the histogram so far
#   trace_hits EVENT         how many EVENTs it counted
#   trace_hist_val EVENT KEY=VAL FIELD
#                            FIELD (hitcount, or a vals= field) of the row
#                            whose key KEY is VAL; 0 when there is none
#   trace_off                remove them all; before faxeng unloads (6.1
#                            warns about a tracepoint left with a trigger)
TRACEFS=/sys/kernel/tracing
_hists=/tmp/.faxeng-hists
trace_hist() {
	[ -d $TRACEFS/events ] || mount -t tracefs tracefs $TRACEFS ||
		bail "cannot mount tracefs"
	echo "hist:$2" >"$TRACEFS/events/faxeng/$1/trigger" ||
		bail "cannot set hist:$2 on faxeng:$1"
	echo "$1 $2" >>$_hists
}

trace_off() {
	[ -e $_hists ] || return 0
	while read -r _ev _spec; do
		echo "!hist:$_spec" >"$TRACEFS/events/faxeng/$_ev/trigger"
	done <$_hists
	rm -f $_hists
}

trace_hist_read() {
	cat "$TRACEFS/events/faxeng/$1/hist"
}

trace_hits() {
	trace_hist_read "$1" | sed -n 's/^ *Hits: *//p'
}

trace_hist_val() {
	trace_hist_read "$1" | awk -v k="${2%%=*}:" -v v="${2#*=}" -v f="$3:" '
		$1 == "{" && $2 == k && ($3 == v || $3 == v "}") {
			for (i = 1; i < NF; i++)
				if ($i == f) { n += $(i + 1) }
		}
		END { print n + 0 }'
}
