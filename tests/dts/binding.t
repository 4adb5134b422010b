#!/usr/bin/env bash
# usage: tests/dts/binding.t
#
# The faxcare,fax-engine binding is a valid dt-schema document, its example
# builds and satisfies it, it rejects a node missing its sensors, and its
# vendor prefix is the project's own.
# SPDX-License-Identifier: ISC
. "$(dirname "$0")/lib.sh"

out=$(dt-doc-validate -u "$DTS_BINDINGS" "$DTS_BINDING" 2>&1)
ok $? "dt-doc-validate accepts $DTS_BINDING"
is "$out" "" "dt-doc-validate has nothing to say about it"

schema=$(dts_schema)
[ -s "$schema" ]; ok $? "dt-mk-schema processes dts/bindings with the kernel's bindings and dts/patches"
[ ! -s "$dts_tmp/schema.err" ]; ok $? "dt-mk-schema has nothing to say" ||
	diag "$(cat "$dts_tmp/schema.err")"

# The example, built the way the kernel's dt_binding_check builds it.
dt-extract-example "$DTS_BINDING" >"$dts_tmp/example.dts" &&
	out=$(scripts/arm64/dtbo "$dts_tmp/example.dts" "$dts_tmp/example.dtb" 2>&1)
ok $? "the binding's example compiles" || diag "$out"
# The extractor's wrapper node draws one dtc warning of its own.
is "$(echo "$out" | grep -v -e avoid_unnecessary_addr_size -e '^$')" "" \
	"dtc has no warning about the example"
out=$(dts_validate_ours "$dts_tmp/example.dtb")
is "$out" "" "the example satisfies the binding"
like "$(dt-validate -M -l faxcare,fax-engine -s "$schema" "$dts_tmp/example.dtb" 2>&1)" \
	'fax-engine: matched on schema.*' "the example's node is matched by the binding"

# A node without its jam sensor and with a misspelt property must fail.
dtc -q -I dtb -O dts "$dts_tmp/example.dtb" |
	sed -e '/jam-gpios/d' -e 's/debounce-interval-ms/debounce-ms/' >"$dts_tmp/broken.dts"
dtc -q -@ -I dts -O dtb -o "$dts_tmp/broken.dtb" "$dts_tmp/broken.dts"
out=$(dts_validate_ours "$dts_tmp/broken.dtb")
like "$out" "'jam-gpios' is a required property" "a node without jam-gpios is rejected"
like "$out" "'debounce-ms' does not match" "an unknown property is rejected"

# What tests/kmod/gpio.t's fixture gives faxeng_gpio to refuse, the binding
# rejects too: intervals and page counts out of range, no paper-empty-gpios.
for bad in 'debounce-interval-ms = <0>' 'debounce-interval-ms = <1001>' \
	'faxcare,drum-rated-pages = <0>' 'faxcare,maintenance-interval-pages = <10000001>'; do
	prop=${bad%% =*}
	dtc -q -I dtb -O dts "$dts_tmp/example.dtb" |
		sed -E "s/^([[:space:]]*)$prop = .*;/\1$bad;/" >"$dts_tmp/range.dts"
	grep -qF "$bad;" "$dts_tmp/range.dts" || diag "no $prop in the example"
	dtc -q -@ -I dts -O dtb -o "$dts_tmp/range.dtb" "$dts_tmp/range.dts"
	like "$(dts_validate_ours "$dts_tmp/range.dtb")" "$prop" "the binding rejects $bad"
done
dtc -q -I dtb -O dts "$dts_tmp/example.dtb" | sed '/paper-empty-gpios/d' >"$dts_tmp/trays.dts"
dtc -q -@ -I dts -O dtb -o "$dts_tmp/trays.dtb" "$dts_tmp/trays.dts"
like "$(dts_validate_ours "$dts_tmp/trays.dtb")" "'paper-empty-gpios' is a required property" \
	"the binding rejects a node without paper-empty-gpios"

# The driver and the binding agree: every property faxeng_gpio reads, and
# every GPIO it asks for (NAME-gpios), is in the binding.
# Supply child nodes: the types and numbers the binding allows.
for bad in 's/"fuser"/"ink"/:faxcare,supply-type' \
	's/"fuser"/"toner"/:faxcare,rated-pages' \
	's/supply@5 \{/supply@17 {/:supply@17' \
	's/"cyan"/"red"/:faxcare,colorant'; do
	dtc -q -I dtb -O dts "$dts_tmp/example.dtb" | sed -E "${bad%:*}" >"$dts_tmp/supply.dts"
	dtc -q -@ -I dts -O dtb -o "$dts_tmp/supply.dtb" "$dts_tmp/supply.dts"
	like "$(dts_validate_ours "$dts_tmp/supply.dtb")" "${bad##*:}" \
		"the binding rejects a supply node changed by ${bad%:*}"
done

driver=kmod/faxeng_gpio.c
[ -r "$driver" ]; ok $? "the GPIO backend's source is at hand"
read_props=$( {
	sed -nE 's/.*device_property_read_[a-z0-9_]+\([^,]+, *"([^"]+)".*/\1/p' "$driver"
	sed -nE 's/.*(gpiod_get[a-z_]*|fxg_get_[a-z]+)\([^,]+, *"([^"]+)".*/\2-gpios/p' "$driver"
	grep -q 'iio_channel_get' "$driver" && echo io-channels
} | sort -u)
like "$read_props" 'page-pulse-gpios' "the driver's property names are found"
missing=$(for p in $read_props; do grep -q "^  $p:" "$DTS_BINDING" || echo "$p"; done)
is "$missing" "" "the binding documents every property the driver reads"
# ... and on what is required: the binding's required list, and the lines
# the driver refuses to probe without (fxg_get_*(..., true), or a literal
# "NAME-gpios is required").
binding_required=$(sed -n '/^required:/,/^[a-z]/s/^  - \(.*\)/\1/p' "$DTS_BINDING" |
	grep -v '^compatible$' | sort)
driver_required=$( {
	sed -nE 's/.*fxg_get_[a-z]+\([^,]+, *"([^"]+)", *[A-Z_]+, *true\).*/\1-gpios/p' "$driver"
	grep -oE '"[a-z-]+-gpios is required' "$driver" | sed -E 's/^"([a-z-]+-gpios).*/\1/'
} | sort -u)
like "$driver_required" page-pulse-gpios "the driver's required lines are found"
is "$driver_required" "$binding_required" \
	"the driver requires what the binding requires"
# ... and on the debounce interval's range and default.
debounce_yaml() {
	sed -n "/^  debounce-interval-ms:/,/^  [a-z]/s/^    $1: *\([0-9]*\)/\1/p" "$DTS_BINDING"
}
driver_define() { sed -nE "s/^#define $1[[:space:]]+([0-9]+).*/\1/p" "$driver"; }
is "$(driver_define FXG_DEBOUNCE_MS_MIN)-$(driver_define FXG_DEBOUNCE_MS_MAX)" \
	"$(debounce_yaml minimum)-$(debounce_yaml maximum)" \
	"the driver accepts the binding's debounce-interval-ms range"
is "$(driver_define FXG_DEBOUNCE_MS_DEFAULT)" "$(debounce_yaml default)" \
	"and defaults to the binding's default"

like "$(grep -o '"faxcare,fax-engine"' "$driver")" faxcare,fax-engine \
	"the driver matches the binding's compatible"

# The vendor prefix: faxcare everywhere, and not registered by anyone else.
compat=$(sed -n 's/^ *const: \(.*,fax-engine\)$/\1/p' "$DTS_BINDING")
is "$compat" faxcare,fax-engine "the compatible is faxcare,fax-engine"
others=$(grep -oE '^  [a-z0-9-]+,[a-z0-9-]+:' "$DTS_BINDING" | grep -v '^  faxcare,')
is "$others" "" "every vendor property carries the faxcare prefix"
[ -s "$ARM64_VENDOR_PREFIXES" ]; ok $? "the kernel's vendor-prefixes.yaml is at hand"
grep -q '"^acme,\.\*"' "$ARM64_VENDOR_PREFIXES"; ok $? "the kernel's registry lists acme (taken)"
! grep -q '"^faxcare,' "$ARM64_VENDOR_PREFIXES"
ok $? "the kernel's registry does not list faxcare: the prefix is free"
key=${schema##*/processed-}
grep -q '"^faxcare,' "$(dirname "$schema")/linux-${key%.json}/${ARM64_VENDOR_PREFIXES#"$ARM64_LINUX_SRC"/}"
ok $? "dts/patches registers it in the copy dt-validate's schema is built from"

done_testing
