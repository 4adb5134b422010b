#!/bin/sh
# usage: tests/kmod/cycles.t: 100 load/unload cycles with events in flight (VM)
top=$(cd "$(dirname "$0")/../.." && pwd)
exec "$top/scripts/vm/run" --timeout 400 "$top/tests/kmod/guest/cycles.sh" 100
