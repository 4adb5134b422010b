# shellcheck shell=sh
# Guest helpers of the arm64 tests (busybox sh): record every uevent and
# wait for the ones a test expects. Source it after /faxcare/tap.sh.
#
#   uevents_start                 from now on, one file of KEY=VALUE lines
#                                 per uevent in /tmp/uevents/
#   (wait_for SECS WHAT CMD... comes from /faxcare/tap.sh)
#   events_with PATTERN...        the event files holding every PATTERN line
#   count_events PATTERN...       how many events hold every PATTERN line
#   seen PATTERN...               whether any event holds them all
# SPDX-License-Identifier: ISC

uevents_start() {
	mkdir -p /tmp/uevents
	uevent sh -c 'env >/tmp/uevents/$SEQNUM' &
}


events_with() {
	for _ev in /tmp/uevents/*; do
		[ -e "$_ev" ] || continue
		for _p in "$@"; do
			grep -qx "$_p" "$_ev" || continue 2
		done
		echo "$_ev"
	done
}

count_events() { events_with "$@" | wc -l; }

seen() { [ -n "$(events_with "$@")" ]; }
