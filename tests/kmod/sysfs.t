#!/bin/sh
# usage: tests/kmod/sysfs.t: every faxeng sysfs file, good and bad writes (VM)
# SPDX-License-Identifier: ISC
top=$(cd "$(dirname "$0")/../.." && pwd)
exec "$top/scripts/vm/each-kernel" "$top/scripts/vm/run" --timeout 420 \
	--file "$top/docs/ABI/testing/sysfs-class-faxeng:/faxcare/sysfs-class-faxeng" \
	--file "$top/docs/ABI/testing/sysfs-module-faxeng_sim:/faxcare/sysfs-module-faxeng_sim" \
	"$top/tests/kmod/guest/sysfs.sh"
