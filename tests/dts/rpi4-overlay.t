#!/usr/bin/env bash
# usage: tests/dts/rpi4-overlay.t
#
# The Raspberry Pi 4 overlays compile with dtc -@, apply with fdtoverlay onto
# Debian's bcm2711-rpi-4-b.dtb, wire the sensors as documented (inputs with
# pull-ups, active levels, debounce, ADC channel), and dt-validate, run with
# the kernel's own bindings as dtbs_check runs it, says not a word about
# what the overlays add: its report on the merged tree is its report on
# Debian's tree, which is upstream's (Debian's tree is the kernel's
# bcm2711-rpi-4-b.dts compiled) and listed in dts/README.md.
# SPDX-License-Identifier: ISC
. "$(dirname "$0")/lib.sh"

base=$ARM64_DTB_DIR/broadcom/bcm2711-rpi-4-b.dtb
gpio_path=/soc/gpio@7e200000
[ -r "$base" ]; ok $? "Debian's bcm2711-rpi-4-b.dtb is at hand" || bail "no $base"

for o in faxcare-fax-engine-rpi4 faxcare-fax-engine-rpi4-adc faxcare-fax-engine-rpi4-colour; do
	out=$(scripts/arm64/dtbo "dts/overlays/$o.dtso" "$dts_tmp/$o.dtbo" 2>&1)
	ok $? "$o compiles with dtc -@"
	is "$out" "" "dtc has no warning about $o"
done

# Debian builds the tree without -@, so the overlay finds no gpio label...
! fdtoverlay -i "$base" -o "$dts_tmp/unlabelled.dtb" \
	"$dts_tmp/faxcare-fax-engine-rpi4.dtbo" 2>/dev/null
ok $? "Debian's tree lacks the gpio label the overlay needs"
# ...until it is added, as dts/README.md tells the integrator to.
cp "$base" "$dts_tmp/base.dtb"
dts_add_symbol "$dts_tmp/base.dtb" gpio "$gpio_path"
out=$(fdtoverlay -i "$dts_tmp/base.dtb" -o "$dts_tmp/gpio.dtb" \
	"$dts_tmp/faxcare-fax-engine-rpi4.dtbo" 2>&1)
ok $? "fdtoverlay applies the GPIO overlay" || diag "$out"
out=$(fdtoverlay -i "$dts_tmp/base.dtb" -o "$dts_tmp/adc.dtb" \
	"$dts_tmp/faxcare-fax-engine-rpi4.dtbo" "$dts_tmp/faxcare-fax-engine-rpi4-adc.dtbo" 2>&1)
ok $? "fdtoverlay applies the GPIO and ADC overlays" || diag "$out"
out=$(fdtoverlay -i "$dts_tmp/base.dtb" -o "$dts_tmp/colour.dtb" \
	"$dts_tmp/faxcare-fax-engine-rpi4.dtbo" "$dts_tmp/faxcare-fax-engine-rpi4-adc.dtbo" \
	"$dts_tmp/faxcare-fax-engine-rpi4-colour.dtbo" 2>&1)
ok $? "fdtoverlay applies the GPIO, ADC and colour overlays" || diag "$out"
c=$dts_tmp/colour.dtb
cget() { fdtget "$c" "$@" 2>&1; }
is "$(for n in 3 4 5 6 7 8 9; do printf '%s/%s ' "$(cget /fax-engine/supply@$n faxcare,supply-type)" \
	"$(cget /fax-engine/supply@$n faxcare,colorant 2>/dev/null | grep -v FDT)"; done)" \
	"toner/cyan toner/magenta toner/yellow waste-toner/ fuser/ transfer-unit/ maintenance-kit/ " \
	"the colour engine's supply nodes: CMY toners, waste bottle, fuser, transfer unit, kit"
cadc=$(cget /soc/spi@7e204000/adc@0 phandle)
is "$(cget /fax-engine/supply@3 io-channels) $(cget /fax-engine/supply@5 io-channels)" \
	"$cadc 1 $cadc 3" "cyan on ADC channel 1, yellow on 3"
is "$(cget /fax-engine/supply@6 full-gpios)" "$(cget "$gpio_path" phandle) 27 1" \
	"the waste bottle's full switch on GPIO27, active low"
is "$(cget "$gpio_path/fax-supply-pins" brcm,pins)" "26 27" \
	"its two pins configured, with pull-ups"

m=$dts_tmp/adc.dtb
get() { fdtget "$m" "$@" 2>&1; }
is "$(get /fax-engine compatible)" faxcare,fax-engine "the merged tree has /fax-engine"
gpio_phandle=$(get "$gpio_path" phandle)
pins_phandle=$(get "$gpio_path/fax-engine-pins" phandle)
is "$(get /fax-engine pinctrl-0)" "$pins_phandle" "the node takes its pin configuration"
is "$(get "$gpio_path/fax-engine-pins" brcm,pins)" "5 6 12 13 16 17 22 23 24 25" \
	"ten header pins are configured"
is "$(get "$gpio_path/fax-engine-pins" brcm,function)" 0 "as GPIO inputs"
is "$(get "$gpio_path/fax-engine-pins" brcm,pull)" 2 "with pull-ups"
# Cells: controller phandle, line, flags (1 = active low).
is "$(get /fax-engine paper-empty-gpios)" "$gpio_phandle 5 1 $gpio_phandle 6 1" \
	"two trays' empty sensors, active low, on the SoC's GPIO"
is "$(get /fax-engine door-open-gpios)" "$gpio_phandle 22 0" \
	"the door interlock reads high when open"
is "$(get /fax-engine page-pulse-gpios)" "$gpio_phandle 25 1" "the page pulse on GPIO25"
is "$(get /fax-engine debounce-interval-ms)" 20 "20 ms debounce"
adc_phandle=$(get /soc/spi@7e204000/adc@0 phandle)
is "$(get /soc/spi@7e204000/adc@0 compatible)" microchip,mcp3008 "an MCP3008 on SPI0"
is "$(get /soc/spi@7e204000 status)" okay "SPI0 is enabled"
is "$(get /fax-engine io-channels)" "$adc_phandle 0" "toner level on ADC channel 0"
is "$(get /fax-engine io-channel-names)" toner "the channel is named toner"

for t in gpio adc colour; do
	is "$(dts_validate_ours "$dts_tmp/$t.dtb")" "" \
		"dt-validate: the merged tree ($t) satisfies the binding, no output at all"
done
like "$(dt-validate -M -l faxcare,fax-engine -s "$(dts_schema)" "$m" 2>&1)" \
	'/fax-engine: matched on schema' "dt-validate did check /fax-engine"
# The full check, every schema of the kernel the tree comes from, several
# seconds a tree: the three trees side by side.
for t in base gpio adc colour; do
	dts_validate_all "$dts_tmp/$t.dtb" >"$dts_tmp/$t.report" &
	dts_pids+=($!)
done
wait
for t in gpio adc colour; do
	out=$(diff "$dts_tmp/base.report" "$dts_tmp/$t.report")
	ok $? "dt-validate with the kernel's bindings: the overlays ($t) add not a line to its report on Debian's tree" ||
		diag "$out"
done
like "$(cat "$dts_tmp/base.report")" 'From schema: Documentation/devicetree/bindings/' \
	"the kernel's bindings took part"
# What it reports on Debian's tree is upstream's, and written down.
sed -n '/^<!-- dt-validate bcm2711-rpi-4-b begin -->$/,/^<!-- end -->$/p' dts/README.md |
	sed -e '1,2d' -e '$d' | sed '$d' >"$dts_tmp/readme.report"
out=$(diff "$dts_tmp/readme.report" "$dts_tmp/base.report")
ok $? "dts/README.md lists exactly what dt-validate reports on Debian's tree" || diag "$out"
mkdir "$dts_tmp/include-prefixes"
ln -s "$ARM64_LINUX_SRC/arch/arm/boot/dts" "$dts_tmp/include-prefixes/arm"
cpp -nostdinc -undef -x assembler-with-cpp -D__DTS__ -I "$ARM64_DT_INCLUDE" \
	-I "$dts_tmp/include-prefixes" \
	"$ARM64_LINUX_SRC/arch/arm64/boot/dts/broadcom/bcm2711-rpi-4-b.dts" |
	dtc -q -I dts -O dtb -o "$dts_tmp/upstream.dtb" -
ok $? "the kernel's own bcm2711-rpi-4-b.dts compiles"
out=$(diff <(dtc -q -I dtb -O dts "$base") <(dtc -q -I dtb -O dts "$dts_tmp/upstream.dtb"))
ok $? "Debian's tree is that source compiled, node for node: the complaints are upstream's" ||
	diag "$out"

# The same header and SoC: the Raspberry Pi 400 and the CM4 on its IO board.
for board in bcm2711-rpi-400 bcm2711-rpi-cm4-io; do
	cp "$ARM64_DTB_DIR/broadcom/$board.dtb" "$dts_tmp/$board.dtb"
	dts_add_symbol "$dts_tmp/$board.dtb" gpio "$gpio_path"
	out=$(fdtoverlay -i "$dts_tmp/$board.dtb" -o "$dts_tmp/$board-fax.dtb" \
		"$dts_tmp/faxcare-fax-engine-rpi4.dtbo" "$dts_tmp/faxcare-fax-engine-rpi4-adc.dtbo" 2>&1)
	ok $? "the overlays apply to Debian's $board.dtb too" || diag "$out"
	is "$(dts_validate_ours "$dts_tmp/$board-fax.dtb")" "" \
		"dt-validate: merged $board tree satisfies the binding, no output at all"
done

done_testing
