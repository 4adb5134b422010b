#!/usr/bin/env bash
# usage: tests/kmod/modinfo.t: module names, firmware aliases and
# dependencies that udev/modprobe and the other layers rely on
# SPDX-License-Identifier: ISC
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/scripts/lib.sh"
. "$top/tests/lib/tap.sh"

# make check-build builds the modules for every kernel line.
for line in "${FAXCARE_KERNEL_LINES[@]}"; do
	ko=$(kernel_modules_dir "$line")
	rel=$(kernel_release "$line")
	for m in faxeng faxeng_sim faxeng_gpio; do
		is "$(modinfo -F name "$ko/$m.ko" 2>&1)" "$m" "linux $rel: $m.ko is built and named $m"
		is "$(modinfo -F vermagic "$ko/$m.ko" 2>&1 | cut -d' ' -f1)" "$rel" \
			"linux $rel: $m.ko is built for it"
	done
done
# What follows does not depend on the kernel: the default line's build.
ko=$(kernel_modules_dir "$FAXCARE_KERNEL")
for m in faxeng faxeng_sim faxeng_gpio; do
	is "$(modinfo -F license "$ko/$m.ko" 2>&1)" GPL "$m.ko is GPL"
done
aliases=$(modinfo -F alias "$ko/faxeng_gpio.ko" 2>&1)
like "$aliases" '^of:N\*T\*Cfaxcare,fax-engine$' \
	"faxeng_gpio autoloads for compatible faxcare,fax-engine"
like "$aliases" '^platform:fax-engine$' \
	"faxeng_gpio autoloads for a platform device named fax-engine"
is "$(modinfo -F depends "$ko/faxeng_gpio.ko" | tr ',' '\n' | sort | tr '\n' ' ')" \
	"faxeng industrialio " "faxeng_gpio needs faxeng and industrialio only"
is "$(modinfo -F depends "$ko/faxeng_sim.ko")" faxeng "faxeng_sim needs faxeng"
is "$(modinfo -F depends "$ko/faxeng.ko")" "" "faxeng needs nothing"
# PF_NETLINK 16, NETLINK_GENERIC 16: genetlink's request_module() on an
# unknown family name.
is "$(modinfo -F alias "$ko/faxeng.ko")" net-pf-16-proto-16-family-faxeng \
	"faxeng autoloads when generic netlink family faxeng is resolved"
done_testing
