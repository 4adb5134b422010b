#!/bin/sh
# usage: tests/kmod/storm.t: a 10 kHz flapping sensor yields bounded events (VM)
# SPDX-License-Identifier: ISC
top=$(cd "$(dirname "$0")/../.." && pwd)
exec "$top/scripts/vm/each-kernel" "$top/scripts/vm/run" --timeout 240 "$top/tests/kmod/guest/storm.sh"
