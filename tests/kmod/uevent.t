#!/bin/sh
# usage: tests/kmod/uevent.t: each transition seen by udevadm monitor (VM)
# SPDX-License-Identifier: ISC
top=$(cd "$(dirname "$0")/../.." && pwd)
exec "$top/scripts/vm/each-kernel" "$top/scripts/vm/run" --timeout 240 "$top/tests/kmod/guest/uevent.sh"
