#!/bin/sh
# usage: scripts/vm/run --net tests/vm/boot.sh HOST_PORT
#
# Guest half of tests/harness/vm-boot.t: the project's module loads and
# unloads, and the guest reaches a host service on 127.0.0.1:HOST_PORT
# through 10.0.2.2 (the host answers "ack <line>").
# SPDX-License-Identifier: ISC
. /faxcare/tap.sh
port=$1

insmod /faxcare/kmod/faxeng.ko
ok $? "insmod faxeng.ko"
grep -q '^faxeng ' /proc/modules
ok $? "faxeng is in /proc/modules"
rmmod faxeng
ok $? "rmmod faxeng"
! grep -q '^faxeng ' /proc/modules
ok $? "faxeng is gone from /proc/modules"

like "$(ip -4 addr show dev eth0)" 'inet 10\.0\.2\.15/24' "eth0 has 10.0.2.15/24"
reply=$(echo "hello from faxcare-vm" | nc -w 10 10.0.2.2 "$port")
is "$reply" "ack hello from faxcare-vm" "host service on 127.0.0.1:$port answers through 10.0.2.2"
done_testing
