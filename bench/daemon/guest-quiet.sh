#!/bin/sh
# usage: guest-quiet.sh  (run in the VM by bench/daemon/run)
# Two engines, so two faxcared started by udev; once both registrations are
# delivered: the wake-ups of each daemon over QUIET_SECS quiet seconds, the
# memory of each daemon and of the baselines (a pause() linked with libc
# alone, idle-libc; with libnl and libudev, idle-nocrypto; with all of
# faxcared's libraries, idle-libs, and after one HMAC-SHA256, idle-hmac);
# then the memory of a sender child in flight (the host's relay stalls each
# DATA; its largest reading over the session) and of its parent meanwhile
# and afterwards, and the wake-ups of the second engine's daemon while the
# first one's report goes out. One figure a line:
#   ok N - mem WHO rss=KB vmrss=KB anon=KB pss=KB private=KB
#   ok N - wakeups WHO COUNT in SECS s
# SPDX-License-Identifier: ISC
. /faxcare/tests/daemon/guest/lib.sh

SECS=${QUIET_SECS:-60}
S=/var/spool/faxcared

# mem WHO PID: from smaps_rollup, which counts the page tables' pages
# exactly (6.1's VmRSS in status is a cached counter, pages off), and VmRSS
# for comparison with ps and top.
mem() {
	awk -v who="$1" '
		FILENAME ~ /status$/ && /^VmRSS:/ { vmrss = $2 }
		FILENAME ~ /rollup$/ && /^Rss:/ { rss = $2 }
		FILENAME ~ /rollup$/ && /^Pss:/ { pss = $2 }
		FILENAME ~ /rollup$/ && /^Anonymous:/ { anon = $2 }
		FILENAME ~ /rollup$/ && /^Private_(Clean|Dirty):/ { priv += $2 }
		END {
			printf "mem %s rss=%d vmrss=%d anon=%d pss=%d private=%d\n",
			    who, rss, vmrss, anon, pss, priv
		}' "/proc/$2/status" "/proc/$2/smaps_rollup"
}
switches() { awk '/ctxt_switches/ { n += $2 } END { print n }' "/proc/$1/status"; }
# The faxcared serving faxengN (its command line ends with the name).
daemon_of() {
	for _p in $(pidof faxcared); do
		tr '\0' ' ' <"/proc/$_p/cmdline" | grep -q " $1 *\$" && echo "$_p"
	done | head -1
}
child_of() {
	for _s in /proc/[0-9]*/status; do
		awk -v p="$1" '/^PPid:/ && $2 == p { ok = 1 } END { exit !ok }' \
			"$_s" 2>/dev/null && { _c=${_s#/proc/}; echo "${_c%/status}"; }
	done | head -1
}
emptied() { [ -d "$S/$1/queue" ] && [ -z "$(ls "$S/$1/queue")" ]; }
# The host asked last: each question takes a while.
both_delivered() {
	[ -n "$(daemon_of faxeng0)" ] && [ -n "$(daemon_of faxeng1)" ] &&
		emptied faxeng0 && emptied faxeng1 &&
		[ "$(count_reports '^registration ')" -ge 2 ]
}
# The sender child is in its session: connected to the host's relay.
in_session() {
	awk '$4 == "01" { split($3, a, ":"); if (a[1] == "0202000A") f = 1 }
	    END { exit !f }' /proc/net/tcp && [ -n "$(child_of "$1")" ]
}

start_engines engines=2
wait_for 60 "both registrations delivered" both_delivered ||
	bail "registrations not delivered"
p0=$(daemon_of faxeng0) p1=$(daemon_of faxeng1)
/faxcare/bench/idle-libc & b0=$!
/faxcare/bench/idle-libs & b1=$!
/faxcare/bench/idle-nocrypto & b2=$!
/faxcare/bench/idle-hmac & b3=$!
# The quiet time also lets both settle (the last sender reaped).
w0=$(switches "$p0") w1=$(switches "$p1")
sleep "$SECS"
ok 0 "wakeups faxeng0 $(($(switches "$p0") - w0)) in $SECS s"
ok 0 "wakeups faxeng1 $(($(switches "$p1") - w1)) in $SECS s"
ok 0 "$(mem idle-libc $b0)"
ok 0 "$(mem idle-libs $b1)"
ok 0 "$(mem idle-nocrypto $b2)"
ok 0 "$(mem idle-hmac $b3)"
ok 0 "$(mem parent-idle $p0)"
if [ -n "${BENCH_SMAPS:-}" ]; then
	awk '/^[0-9a-f]+-[0-9a-f]+ / { m = (NF >= 6 ? $6 : "[anon]") " " $2 }
	    /^Rss:/ { r[m] += $2 } /^Private_Dirty:/ { d[m] += $2 }
	    END { for (k in r) if (r[k]) printf "# smaps %6d kB rss %6d kB dirty %s\n", r[k], d[k], k }' \
	    /proc/$p0/smaps | sort -k3 -n -r
fi
ok 0 "$(mem parent-idle-faxeng1 $p1)"
kill "$b0" "$b1" "$b2" "$b3"

# Once more if the answer got lost (the sink's restart is slow under load).
st=$(host stall 5)
[ "$st" = ok ] || st=$(host stall 5)
is "$st" ok "host relay answers each DATA after 5 s"
w1=$(switches "$p1")
sim toner_level 5
sim toner_low 1
wait_for 40 "a sender in its session" in_session "$p0" ||
	bail "no sender in flight"
c=$(child_of "$p0")
ok 0 "$(mem parent-sending "$p0")"
# The sender's largest reading over its session, sampled until it exits.
best=0 peak=
while [ -d "/proc/$c" ]; do
	m=$(mem sender "$c" 2>/dev/null)
	r=${m#*rss=}
	r=${r%% *}
	[ "${r:-0}" -gt "$best" ] && best=$r peak=$m
	sleep 0.2
done
ok 0 "$peak"
sent() { emptied faxeng0 && [ -z "$(child_of "$p0")" ] &&
	[ "$(count_reports '^status toner-')" -ge 1 ]; }
wait_for 60 "the stalled report delivered" sent || bail "report not delivered"
ok 0 "$(mem parent-after "$p0")"
ok 0 "wakeups faxeng1-other $(($(switches "$p1") - w1)) in the report"
done_testing
