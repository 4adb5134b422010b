#!/bin/sh
# usage: scripts/vm/run tests/vm/misbehave.sh panic|warn|sleep|fail|poweroff
#
# Guest half of tests/harness/vm-verdict.t: passes one test, then goes wrong
# in the way named, which the runner must report as a failure.
# SPDX-License-Identifier: ISC
. /faxcare/tap.sh
ok 0 "about to $1"
echo "misbehave: about to $1" >&2
case $1 in
panic) echo c >/proc/sysrq-trigger ;;
warn) insmod /faxcare/kmod/vm_warn.ko ;;
sleep) sleep 3600 ;;
fail) ok 1 "deliberate failure" ;;
poweroff) poweroff -f ;;
esac
done_testing
