#!/usr/bin/env bash
# usage: tests/harness/chromium-a11y.t
#
# The accessibility steps of scripts/chromium-drive on pages made to fail
# and pass: axe fails on a serious violation (a <select> without a label)
# and names it, passes a clean page; expect-no-hscroll fails on a page
# wider than a phone and names what is too wide; size lays the page out
# again; screenshot-page takes the whole page; --keep-going runs on past
# a failed step and still exits 1.
# SPDX-License-Identifier: ISC
cd "$(dirname "$0")/../.." || exit 1
. tests/lib/tap.sh
. scripts/lib.sh

dir=$(mktemp -d) || bail "mktemp failed"
server=
cleanup() {
	trap - EXIT INT TERM
	stop_pid "$server"
	rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir "$dir/www"
cat >"$dir/www/bad.html" <<'HTML'
<!DOCTYPE html>
<html lang="en"><head><title>Order</title></head>
<body><main><h1>Order</h1>
<form><select name="model"><option>FX-200</option></select></form>
<div style="width: 700px">A wide box</div></main></body></html>
HTML
cat >"$dir/www/good.html" <<'HTML'
<!DOCTYPE html>
<html lang="en"><head><title>Order</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>Order</h1>
<form><label>Model <select name="model"><option>FX-200</option></select></label></form>
<div style="max-width: 700px; height: 2000px">A box as wide as the screen</div>
</main></body></html>
HTML

port=$(free_port)
python3 -m http.server --bind 127.0.0.1 --directory "$dir/www" "$port" \
	>"$dir/http.log" 2>&1 &
server=$!
wait_port "$port" 10 || bail "http.server did not start"
url=http://127.0.0.1:$port

out=$(scripts/chromium-drive --keep-going --size 360x640 2>&1 <<STEPS
goto $url/bad.html
axe
expect-no-hscroll
expect-text Paper jam
STEPS
)
is $? 1 "a page with a serious violation and too wide fails"
like "$out" 'line 2 \(axe\) failed: axe-core found 1 serious or critical violation\(s\) on /bad.html:' \
	"axe says how many and where"
like "$out" 'select-name \(critical\): Select element must have an accessible name; on select' \
	"and which rule, its impact and the element"
like "$out" 'line 3 \(expect-no-hscroll\) failed: the page is [0-9]+ px wide in a 360 px viewport: it scrolls sideways; too wide: div \(7[0-9][0-9] px\)' \
	"expect-no-hscroll names what is too wide"
like "$out" 'line 4 \(expect-text Paper jam\) failed' \
	"--keep-going ran on past the failed steps"

scripts/chromium-drive --size 1280x800 <<STEPS
goto $url/bad.html
size 800x600
expect-no-hscroll
STEPS
ok $? "at 800 px the same page fits: size laid it out again"

scripts/chromium-drive --size 360x640 <<STEPS
goto $url/good.html
axe
expect-no-hscroll
screenshot-page $dir/good.png
STEPS
ok $? "a clean page that fits passes"
height=$(od -An -tu1 -j20 -N4 "$dir/good.png" |
	awk '{ print (($1 * 256 + $2) * 256 + $3) * 256 + $4 }')
[ "${height:-0}" -ge 2000 ]
ok $? "screenshot-page takes the whole page, not the window (${height:-no} px tall)"
done_testing
