#!/usr/bin/env bash
# usage: tests/harness/licenses.t: every source file carries the SPDX line of
# its part of the tree (scripts/licenses), and each license it names has its
# text in LICENSES/ and its place in LICENSE
# SPDX-License-Identifier: ISC
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/lib/tap.sh"
cd "$top" || bail "no $top"

out=$(scripts/licenses 2>&1)
ok $? "scripts/licenses: every source file has its SPDX line" || diag "$out"
is "$(sed -n 1p kmod/faxeng_core.c)" "// SPDX-License-Identifier: GPL-2.0-only" \
	"a driver source: GPL-2.0-only, on its first line"
is "$(sed -n 1p include/uapi/linux/faxeng.h)" \
	"/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */" \
	"the uapi header: GPL-2.0 WITH Linux-syscall-note"
is "$(sed -n 1p dts/bindings/misc/faxcare,fax-engine.yaml)" \
	"# SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause)" \
	"the device-tree binding: GPL-2.0-only OR BSD-2-Clause"
is "$(sed -n 1p daemon/config.c)" "/* SPDX-License-Identifier: ISC */" \
	"the daemon: ISC"
like "$(sed -n '1,/^set /p' scripts/deps)" '^# SPDX-License-Identifier: ISC$' \
	"a script: ISC, in its leading comment"
like "$(sed -n '2,5s/^# \{0,1\}//p' scripts/vm/run | head -n 1)" '^usage: scripts/vm/run ' \
	"a script's usage text still opens its comment"

# Each license in use has its text, and LICENSE says where it applies.
ids=$(git ls-files ':!LICENSES' | xargs grep -h -E '^\s*(//|/\*|#|--|\.\\")\s*SPDX-License-Identifier: ' 2>/dev/null |
	sed 's/.*SPDX-License-Identifier: //; s/ *\*\/$//' | tr ' ()' '\n\n\n' |
	grep -v -e '^OR$' -e '^WITH$' -e '^$' | sort -u)
for id in $ids; do
	text=${id%-only}
	[ -s "LICENSES/$text" ]
	ok $? "$id: its text is in LICENSES/$text"
	grep -q -- "$id" LICENSE
	ok $? "$id: LICENSE says where it applies"
done
for f in kmod/faxeng_core.c kmod/faxeng_sim.c kmod/faxeng_gpio.c; do
	grep -q 'MODULE_LICENSE("GPL")' "$f"
	ok $? "$f declares a GPL module license, as its SPDX line says"
done
done_testing
