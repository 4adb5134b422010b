#!/bin/sh
# usage: tests/kmod/sysfs.t: every faxeng sysfs file, good and bad writes (VM)
top=$(cd "$(dirname "$0")/../.." && pwd)
exec "$top/scripts/vm/run" --timeout 240 "$top/tests/kmod/guest/sysfs.sh"
