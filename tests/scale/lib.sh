# shellcheck shell=bash
# Shared by the scale tests and bench/scale: a fleet seeded in the database,
# its reports written once as files, submitted over SMTP to the two
# ingesters' addresses, and what the center made of them, written as sorted
# text files that two runs (one node, a cluster) can be compared by.
# Source after tests/lib/tap.sh and tests/center/lib.sh.
# SPDX-License-Identifier: ISC

# Conditions a terminal reports (the tray ones carry tray 1), as
# bench/center/run uses them.
SCALE_CONDS=(toner-low toner-empty marker-supply-missing media-low media-empty
	input-tray-missing opc-near-eol opc-life-over media-jam door-open
	fuser-over-temp maintenance-due)
# Terminals per manager.
SCALE_PER_MANAGER=10

# node_sql NODE STATEMENT: like sql, on database node NODE (1-3).
node_sql() {
	local port
	port=$(eval echo "\$FAXCARE_NODE_PORT_$1")
	mariadb --no-defaults --host=127.0.0.1 --port="$port" --user=root \
		--batch --skip-column-names "${FAXCARE_DB_NAME:-faxcare}" -e "$2"
}

# scale_seed TERMINALS: confirmed managers m1@... (SCALE_PER_MANAGER
# terminals each), terminals s-1..s-TERMINALS of one model, and a homepage
# session per manager whose cookie is the manager's id as 64 hex digits.
scale_seed() {
	local t=$1 m=$(( ($1 + SCALE_PER_MANAGER - 1) / SCALE_PER_MANAGER ))
	node_sql 1 "INSERT INTO models (id, name) VALUES (1, 'FX-9000');
	INSERT INTO managers (id, email, confirmed_at)
		SELECT seq, CONCAT('m', seq, '@faxcare.test'), NOW(6)
		FROM seq_1_to_$m;
	INSERT INTO terminals (terminal_uid, model_id, serial, manager_id)
		SELECT CONCAT('s-', seq), 1, CONCAT('SN', seq),
			1 + (seq - 1) DIV $SCALE_PER_MANAGER
		FROM seq_1_to_$t;
	INSERT INTO manager_sessions (manager_id, token_hash, expires_at)
		SELECT seq, UNHEX(SHA2(LOWER(LPAD(HEX(seq), 64, '0')), 256)),
			NOW(6) + INTERVAL 1 DAY
		FROM seq_1_to_$m"
}

scale_managers() { echo $(( ($1 + SCALE_PER_MANAGER - 1) / SCALE_PER_MANAGER )); }

# scale_address TERMINAL: odd terminals mail ingester A, even ones B.
scale_address() {
	if (($1 % 2)); then echo reports@faxcare.test; else echo reports2@faxcare.test; fi
}

# Every report carries this time (2026-11-18), so that one set serves every
# run: the center must accept it (FAXCENTER_TIME_WINDOW=SCALE_TIME_WINDOW).
SCALE_TIMESTAMP=1795000000
SCALE_TIME_WINDOW=$((20 * 365 * 86400))

# scale_reports TERMINALS REPORTS: print the directory of scale_write's
# reports for this size, written once and kept under $FAXCARE_CACHE/scale
# (a process a report takes minutes on a loaded machine); a new set when
# mkreport, the key or this file change.
scale_reports() {
	local key dir
	key=$(cat "$CENTER_TEST_BUILD/mkreport" "$FAXCENTER_MASTER_SECRET_FILE" \
		"${BASH_SOURCE[0]}" | sha256sum | cut -c1-16)
	dir=$FAXCARE_CACHE/scale/$key-$1-$2
	if [ ! -s "$dir/expected-notices" ]; then
		mkdir -p "$FAXCARE_CACHE/scale" || return 1
		rm -rf "$dir.tmp"
		scale_write "$dir.tmp" "$1" "$2" >&2 || return 1
		# The lists name the files where they end up.
		sed -i "s|$dir.tmp/|$dir/|" "$dir.tmp"/*.list || return 1
		rm -rf "$dir" && mv "$dir.tmp" "$dir" || return 1
	fi
	echo "$dir"
}

# scale_write DIR TERMINALS REPORTS: REPORTS signed reports from TERMINALS
# terminals in DIR/burst/ (status reports for every condition, then meter
# readings) and DIR/close/ (completions for every other condition), with
# DIR/burst.list and DIR/close.list ("FILE ADDRESS" a line) and
# DIR/expected-notices ("TERMINAL CONDITION[/TRAY] open|closed", sorted). Also
# DIR/dups.list: every terminal's first status report again, to the other
# ingester (the same Report-Id: it must be stored once). Two terminals at
# a time (mkreport is a process a report).
scale_write() {
	local dir=$1 t=$2 n=$3 i nc=${#SCALE_CONDS[@]}
	local meters=$(($3 / $2 - nc - nc / 2))
	((meters >= 0)) || return 1
	mkdir -p "$dir/burst" "$dir/close" "$dir/lists" || return 1
	# mkreport is built with ASan: its leak check at exit costs a third.
	local -x ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
	for i in $(seq "$t"); do
		(($(jobs -pr | wc -l) >= 2)) && { wait -n || return 1; }
		_scale_terminal "$dir" "$i" "$meters" &
	done
	while (($(jobs -pr | wc -l) > 0)); do wait -n || return 1; done
	for i in burst close dups; do
		cat "$dir"/lists/*."$i" >"$dir/$i.list" 2>/dev/null || : >"$dir/$i.list"
	done
	# Terminals interleaved, as a fleet's mail arrives.
	shuf --random-source=<(yes) "$dir/burst.list" >"$dir/burst.shuf" &&
		mv "$dir/burst.shuf" "$dir/burst.list" &&
		sort "$dir"/lists/*.exp >"$dir/expected-notices"
}

# _scale_terminal DIR I METERS: terminal I's reports and list lines.
_scale_terminal() {
	local dir=$1 i=$2 meters=$3 k c key f tray rid addr other l=$1/lists/$2
	local who=(-i "s-$i" -m "m$(( (i - 1) / SCALE_PER_MANAGER + 1 ))@faxcare.test"
		-M FX-9000 -S "SN$i" -T "$SCALE_TIMESTAMP")
	addr=$(scale_address "$i")
	other=$(scale_address $((i + 1)))
	for k in "${!SCALE_CONDS[@]}"; do
		c=${SCALE_CONDS[$k]}
		tray=() key=$c
		[[ $c == media-* || $c == input-tray-missing ]] && tray=(-n 1) key=$c/1
		rid=$(printf '%08x%08x%016x' "$i" 1 "$k")
		f=$dir/burst/$i-s$k.eml
		mkreport -t status "${who[@]}" -c "$c" "${tray[@]}" -r "$rid" >"$f" ||
			return 1
		echo "$f $addr" >>"$l.burst"
		((k == 0)) && echo "$f $other" >>"$l.dups"
		if ((k % 2 == 0)); then
			f=$dir/close/$i-c$k.eml
			mkreport -t completion "${who[@]}" -c "$c" "${tray[@]}" -C "$rid" \
				-r "$(printf '%08x%08x%016x' "$i" 2 "$k")" >"$f" || return 1
			echo "$f $addr" >>"$l.close"
			echo "s-$i $key closed" >>"$l.exp"
		else
			echo "s-$i $key open" >>"$l.exp"
		fi
	done
	for k in $(seq "$meters"); do
		f=$dir/burst/$i-m$k.eml
		mkreport -t meter "${who[@]}" -L $((100 - k % 100)) \
			-r "$(printf '%08x%08x%016x' "$i" 3 "$k")" >"$f" || return 1
		echo "$f $addr" >>"$l.burst"
	done
}

# scale_submit LIST: each "FILE ADDRESS" of LIST over SMTP to the Postfix
# of with-postfix, one connection; prints how many it submitted.
scale_submit() {
	python3 - "$1" "$FAXCARE_SMTP_HOST" "$FAXCARE_SMTP_PORT" <<'PY'
import smtplib, sys
lst, host, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
s = smtplib.SMTP(host, port)
n = 0
for line in open(lst):
    path, rcpt = line.split()
    with open(path, "rb") as f:
        s.sendmail("postmaster@faxcare.test", [rcpt], f.read())
    n += 1
s.quit()
print(n)
PY
}

# scale_browse OUT MANAGERS: GET the homepages of random managers through
# nginx, one after the other, until OUT.stop exists; a line per request
# "EPOCH-SECONDS STATUS" in OUT.
scale_browse() {
	local out=$1 m=$2 id
	: >"$out"
	while [ ! -e "$out.stop" ]; do
		id=$(( RANDOM % m + 1 ))
		printf '%s %s\n' "$(date +%s.%N)" "$(curl -s -o /dev/null -m 20 \
			-w '%{http_code}' -H "Cookie: fc_home=$(printf '%064x' "$id")" \
			"$FAXCARE_CLUSTER_URL/home")" >>"$out"
	done
}

# scale_5xx_window LOG: the longest time (seconds, 3 decimals) from a 5xx
# (or no answer, 000) answer to the next good one in a browse log; 0 when
# none failed.
scale_5xx_window() {
	awk '{ bad = ($2 >= 500 || $2 == "000") }
	bad && !start { start = $1 }
	!bad && start { if ($1 - start > w) w = $1 - start; start = 0 }
	END { if (start && $1 - start > w) w = $1 - start; printf "%.3f\n", w }' "$1"
}

# scale_mailed DIR MANAGERS: per manager, every notice line of every e-mail
# it got ("mN TERMINAL: SUMMARY (SEVERITY)", sorted; the time a notice
# opened differs from run to run, so it is left out).
scale_mailed() {
	local m f
	for m in $(seq "$2"); do
		for f in "$FAXCARE_MAIL_DIR/m$m/new/"*; do
			[ -f "$f" ] || continue
			mail_body "$f" | awk -v m="m$m" '
				/^  \* .*\(terminal .*\):$/ {
					t = $0; sub(/.*\(terminal /, "", t); sub(/\):$/, "", t); next }
				t != "" && /^    / { s = $0; sub(/^    /, "", s);
					sub(/, since .*/, "", s); print m " " t ": " s; t = "" }'
		done
	done | sort
}

# scale_state NODE: the center's state on NODE, sorted, for comparing runs:
# reports (Report-Id and how often stored) and notices (terminal,
# condition, open or closed, and how many rows).
scale_state() {
	node_sql "$1" "SELECT r.report_uid, COUNT(*) FROM reports r
		GROUP BY r.report_uid ORDER BY r.report_uid" >"$2.reports"
	node_sql "$1" "SELECT t.terminal_uid, n.condition_kw,
		IF(n.closed_at IS NULL, 'open', 'closed') FROM notices n
		JOIN terminals t ON t.id = n.terminal_id" | tr '\t' ' ' | sort >"$2.notices"
}

# scale_row_counts NODE: "TABLE ROWS" for every table of the center.
scale_row_counts() {
	local t q=
	for t in $(node_sql "$1" "SELECT table_name FROM information_schema.tables
		WHERE table_schema = DATABASE() ORDER BY table_name"); do
		q+="${q:+ UNION ALL }SELECT '$t', COUNT(*) FROM \`$t\`"
	done
	# A Galera node applies what others committed a little later: wait
	# for it (a no-op without wsrep).
	node_sql "$1" "SET SESSION wsrep_sync_wait = 1; $q"
}

# scale_outbox_settled: no outbox row is left to send and Postfix has
# delivered everything it took.
scale_outbox_settled() {
	[ "$(node_sql 1 "SELECT COUNT(*) FROM outbox WHERE state IN ('pending', 'sending')")" -eq 0 ] &&
		"$FAXCARE_POSTFIX_CTL" wait-empty 2 >/dev/null 2>&1
}

scale_stored() { node_sql 1 "SELECT COUNT(*) FROM reports"; }
scale_stored_at_least() { [ "$(scale_stored)" -ge "$1" ]; }
# scale_drained N: N reports stored, Postfix's queue empty (deferred mail
# is flushed rather than waited for).
scale_drained() {
	scale_stored_at_least "$1" && "$FAXCARE_POSTFIX_CTL" wait-empty 1 >/dev/null 2>&1 &&
		return 0
	"$FAXCARE_POSTFIX_CTL" flush >/dev/null 2>&1
	return 1
}
