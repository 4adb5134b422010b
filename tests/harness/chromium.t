#!/usr/bin/env bash
# usage: tests/harness/chromium.t
#
# scripts/chromium-headless renders a page as a user's browser would
# (screenshot, DOM, PDF) and scripts/chromium-drive follows a link, fills
# and submits a form and checks what the next page says. Its accessibility
# steps: axe fails on a serious violation (a <select> without a label) and
# names it, passes a clean page; expect-no-hscroll fails on a page wider
# than a phone and names what is too wide; size lays the page out again;
# screenshot-page takes the whole page; --keep-going runs on past a failed
# step and still exits 1.
# SPDX-License-Identifier: ISC
cd "$(dirname "$0")/../.." || exit 1
. tests/lib/tap.sh
. scripts/lib.sh

# png_size FILE: "WxH" when FILE is a PNG (signature, then IHDR's size).
png_size() {
	[ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || return 1
	od -An -tu1 -j16 -N8 "$1" | awk '{ printf "%dx%d\n", \
		(($1 * 256 + $2) * 256 + $3) * 256 + $4, (($5 * 256 + $6) * 256 + $7) * 256 + $8 }'
}

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
cat >"$dir/www/index.html" <<'HTML'
<!DOCTYPE html>
<html><head><title>Terminal FX-200</title></head>
<body><h1>Toner low on FX-200</h1><p><a id="order" href="order.html">Order toner</a></p></body></html>
HTML
cat >"$dir/www/order.html" <<'HTML'
<!DOCTYPE html>
<html><body><h1>Order</h1>
<form action="ordered.html" method="get">
<input id="qty" name="qty" value="1">
<select id="model" name="model"><option value="x">X</option><option value="fx-200">FX-200</option></select>
<button type="submit">Order</button>
</form></body></html>
HTML
cat >"$dir/www/ordered.html" <<'HTML'
<!DOCTYPE html>
<html><body><p id="r"></p><script>
const q = new URLSearchParams(location.search);
document.getElementById('r').textContent = 'Ordered ' + q.get('qty') + ' cartridges for ' + q.get('model');
</script></body></html>
HTML

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

start=$(date +%s.%N)
scripts/chromium-headless screenshot "$dir/shot.png" "$url/" --size 640x480
ok $? "screenshot: exits 0"
diag "screenshot: $(echo "$(date +%s.%N) - $start" | bc) s"
is "$(png_size "$dir/shot.png")" 640x480 \
	"screenshot: a PNG of the asked size"
[ "$(stat -c %s "$dir/shot.png")" -gt 1000 ]; ok $? "screenshot: not empty"

dom=$(scripts/chromium-headless dom "$url/")
ok $? "dom: exits 0"
like "$dom" '<h1>Toner low on FX-200</h1>' "dom: holds the page's text"

scripts/chromium-headless pdf "$dir/page.pdf" "$url/"
is "$(head -c 5 "$dir/page.pdf")" "%PDF-" "pdf: a PDF"

! scripts/chromium-headless screenshot "$dir/none.png" "$url/" --size huge 2>/dev/null
ok $? "a bad option is refused"

start=$(date +%s.%N)
scripts/chromium-drive --size 800x600 <<STEPS
goto $url/
expect-status 200
expect-text Toner low on FX-200
click #order
expect-url /order.html
fill #qty 3
fill #model fx-200
submit
expect-text Ordered 3 cartridges for fx-200
expect-no-text Toner low
screenshot $dir/ordered.png
STEPS
ok $? "drive: follows a link, fills and submits a form, sees the result"
diag "drive: $(echo "$(date +%s.%N) - $start" | bc) s"
is "$(png_size "$dir/ordered.png")" 800x600 \
	"drive: screenshot of the result"

out=$(scripts/chromium-drive --wait 1 2>&1 <<STEPS
goto $url/
expect-text Paper jam
STEPS
)
is $? 1 "drive: a missing text fails the run"
like "$out" "line 2 \(expect-text Paper jam\) failed" "drive: and says which step"

scripts/chromium-drive <<STEPS >/dev/null
goto $url/missing.html
expect-status 404
STEPS
ok $? "drive: sees the HTTP status"

# The accessibility steps, on pages made to fail and to pass.
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
height=$(png_size "$dir/good.png" | cut -dx -f2)
[ "${height:-0}" -ge 2000 ]
ok $? "screenshot-page takes the whole page, not the window (${height:-no} px tall)"
done_testing
