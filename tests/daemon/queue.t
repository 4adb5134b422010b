#!/usr/bin/env bash
# usage: tests/daemon/queue.t  (prove runs it; needs `make -C daemon` built)
# Bad queue entries do not block the good ones. The daemon runs as its own
# user (nobody here, faxcare on a terminal) and owns the spool; faxengctl
# run by root queues reports that user can read, and run by anybody else
# refuses with the reason. An entry only root can read (as faxengctl made
# them before), a dangling symbolic link, a truncated report, garbage and a
# report signed with another key are moved to failed/ with the reason
# logged; the reports behind them are sent. `faxengctl spool requeue` puts a
# sendable failed report back and refuses the others, saying why.
# SPDX-License-Identifier: ISC
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/sink-test.sh"

daemon_setup
write_conf
q=$spool/faxeng0/queue
# The daemon's user reaches its configuration, its key and its spool.
chmod 755 "$work"
# The key as a terminal has it: the daemon's, readable by an operators'
# group too (here daemon's: a user who may read it, but not the spool).
chown nobody:daemon "$key" && chmod 640 "$key"
mkdir -p "$spool" && chown nobody:nogroup "$spool"

as_daemon() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }
ctl() { "$FAXENGCTL" -c "$conf" "$@"; }
flush() { as_daemon "$FAXCARED" -c "$conf" -q faxeng0 2>>"$work/log"; }
rid_of() { sed -n 's/^queued test report \([0-9a-f]*\) .*/\1/p'; }
sent() { grep -l "^Message-ID: <$1@" "$FAXCARE_SINK_DIR"/* 2>/dev/null | wc -l; }

flush
is "$?" 0 "faxcared -q as the daemon's user: an empty queue, exit 0"
is "$(stat -c %U "$spool/faxeng0")" nobody "the daemon's user owns its spool"

# Root's test report: written as the spool's owner.
good1=$(ctl test-mail faxeng0 2>/dev/null | rid_of)
like "$good1" '^[0-9a-f]{32}$' "faxengctl test-mail run by root queued a report"
is "$(stat -c '%U %a' "$q"/*)" "nobody 600" \
	"the entry belongs to the daemon's user, who can read it"
# Anybody else: refused, with the reason.
err=$(setpriv --reuid=daemon --regid=daemon --clear-groups "$FAXENGCTL" \
	-c "$conf" test-mail faxeng0 2>&1 >/dev/null)
is "$?" 1 "faxengctl test-mail as another user: exit 1"
like "$err" "belongs to nobody \(uid 65534\), the daemon's user: it could not read a report queued by uid 1; run faxengctl as nobody or root" \
	"it says whose the spool is and who may queue"
is "$(queue_count)" 1 "and queued nothing"

# Bad entries, named to be first in the queue.
other=$work/other
mkdir -p "$other"
# Root's own copy of the key: faxengctl takes a key only from root or the
# spool's owner, and this spool (made by root) is root's.
install -m 600 -o root -g root "$key" "$other/root.key"
sed -e "s|^spool .*|spool $other/spool|" -e "s|^key-file .*|key-file $other/root.key|" \
	"$conf" >"$other/root.conf"
(umask 077 && "$KEYGEN" -n >"$other/other.key") || bail "faxcare-keygen -n failed"
sed -e "s|^spool .*|spool $other/spool2|" -e "s|^key-file .*|key-file $other/other.key|" \
	"$conf" >"$other/forger.conf"
for _ in 1 2; do "$FAXENGCTL" -c "$other/root.conf" test-mail faxeng0 >/dev/null 2>&1; done
"$FAXENGCTL" -c "$other/forger.conf" test-mail faxeng0 >/dev/null 2>&1
set -- "$other"/spool/faxeng0/queue/*
[ $# -eq 2 ] || bail "two reports for the bad entries expected in $other/spool"
root_made=$(sed -n 's/^Message-ID: <\([0-9a-f]*\)@.*/\1/p' "$1")
mv "$1" "$q/0000000001.000000000.1.0-root-made"
head -c $(($(stat -c %s "$2") - 100)) "$2" >"$q/0000000002.000000000.1.0-truncated"
ln -s /nonexistent "$q/0000000003.000000000.1.0-dangling"
head -c 700 /dev/urandom >"$q/0000000004.000000000.1.0-garbage"
mv "$other"/spool2/faxeng0/queue/* "$q/0000000005.000000000.1.0-forged"
chown -h nobody:nogroup "$q"/000000000[2-5]*
good2=$(ctl test-mail faxeng0 2>/dev/null | rid_of)
is "$(stat -c '%U %a' "$q/0000000001.000000000.1.0-root-made")" "root 600" \
	"the first entry is root's, mode 0600: the daemon's user cannot read it"
is "$(ls "$q" | wc -l)" 7 "seven entries queued: five bad ones first, then two reports"

flush
is "$?" 0 "faxcared -q: exit 0"
is "$(sent "$good1")$(sent "$good2")" 11 "both good reports behind the bad ones arrived"
is "$(sink_count)" 2 "and nothing else"
is "$(queue_count)" 0 "the queue is empty"
is "$(ls "$spool/faxeng0/failed" | wc -l)" 5 "the five bad entries moved to failed/"
[ -L "$spool/faxeng0/failed/0000000003.000000000.1.0-dangling" ]
ok $? "the dangling link is in failed/ too"
log=$(cat "$work/log")
like "$log" "queue entry 0000000001\.[^ ]*-root-made: not readable by uid 65534 \(owner uid 0, mode 0600; queued by another user than the daemon.s\): moved to failed/" \
	"log: the unreadable entry, whose it is and its mode"
like "$log" "queue entry [^ ]*-truncated: not a whole report \(.*END FAXCARE REPORT.*moved to failed/" \
	"log: the truncated report"
like "$log" "queue entry [^ ]*-dangling: a symbolic link, not a report the daemon wrote: moved to failed/" \
	"log: the symbolic link"
like "$log" "queue entry [^ ]*-garbage: not a whole report .*moved to failed/" \
	"log: the garbage"
like "$log" "queue entry [^ ]*-forged: the center would refuse it as forged: not signed with this terminal's key" \
	"log: the report signed with another key"
diag "$(grep 'queue entry' "$work/log")"

out=$(as_daemon "$FAXENGCTL" -c "$conf" spool)
like "$out" "faxeng0: 0 queued, 5 failed \(0 too old for the center, 5 unreadable or not a report\)" \
	"faxengctl spool as the daemon's user counts the five failed entries"

# requeue: the report only root could read goes back as the daemon's.
out=$(ctl spool requeue --all 2>"$work/requeue.err")
is "$?" 1 "faxengctl spool requeue --all: exit 1 (some could not go back)"
is "$out" "faxeng0: requeued meter report $root_made" "it requeued the one real report"
is "$(grep -c 'not requeued' "$work/requeue.err")" 4 "and refused the four others"
like "$(cat "$work/requeue.err")" "faxeng0: [^ ]*-dangling: not requeued: a symbolic link" \
	"each with the reason"
is "$(stat -c '%U %a' "$q/0000000001.000000000.1.0-root-made")" "nobody 600" \
	"the requeued entry now belongs to the daemon's user"
flush
is "$(sent "$root_made")" 1 "the requeued report arrived"
is "$(ls "$spool/faxeng0/failed" | wc -l)" 4 "the four bad ones stay in failed/"
out=$(ctl spool requeue 0123456789abcdef 2>&1)
is "$?" 1 "requeue of an unknown report id: exit 1"
like "$out" "no failed report 0123456789abcdef" "it says so"
done_testing
