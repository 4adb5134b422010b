#!/bin/sh
# usage: tests/kmod/sysfs.t: every faxeng sysfs file, good and bad writes (VM)
top=$(cd "$(dirname "$0")/../.." && pwd)
exec "$top/scripts/vm/each-kernel" "$top/scripts/vm/run" --timeout 240 \
	--file "$top/docs/ABI/testing/sysfs-class-faxeng:/faxcare/sysfs-class-faxeng" \
	"$top/tests/kmod/guest/sysfs.sh"
