# shellcheck shell=bash
# The center's processes for scripts/with-center-cluster: two Kore hosts
# behind nginx, two ingesters, two outbox senders, each pointed at its own
# database node. Source after tests/lib/tap.sh and tests/center/lib.sh.
#
#   cluster_nodes N   set FAXCARE_NODE_PORT_{1,2,3} and FAXCARE_NODE_CTL
#                     from what with-galera (N = 3) or with-mariadb (N = 1)
#                     exported
#   cluster_start     start everything, wait until nginx answers through both
#                     Kore hosts; exports what with-center-cluster documents
#   cluster_stop      stop what cluster_start started, by PID
# SPDX-License-Identifier: ISC

# nginx leaves a host that failed a request out for this many seconds.
CENTER_HEALTH_WINDOW=${CENTER_HEALTH_WINDOW:-5}
_cluster_pids=()

cluster_nodes() {
	local i
	export FAXCARE_CLUSTER_NODES=$1
	for i in 1 2 3; do
		if (($1 == 1)); then
			export "FAXCARE_NODE_PORT_$i=$FAXCARE_DB_PORT"
		else
			export "FAXCARE_NODE_PORT_$i=$(galera_node_port "$i")"
		fi
		[ -n "$(eval echo "\$FAXCARE_NODE_PORT_$i")" ] || return 1
	done
	export FAXCARE_NODE_CTL=$FAXCARE_TOP/scripts/harness/cluster-node-ctl
	export FAXCARE_DB_HOST=127.0.0.1 FAXCARE_DB_PORT=$FAXCARE_NODE_PORT_1
	# The center's programs take the socket first: over TCP, each to its node.
	unset FAXCARE_DB_SOCKET
}

# galera_node_port I: node I's SQL port, as scripts/with-galera exports it.
galera_node_port() {
	eval echo "\${FAXCARE_DB_PORT_$1:-}"
}

# _on NODE CMD...: run CMD with the center's database settings on NODE.
_on() {
	local port
	port=$(eval echo "\$FAXCARE_NODE_PORT_$1")
	shift
	FAXCARE_DB_HOST=127.0.0.1 FAXCARE_DB_PORT=$port "$@"
}

# _kore NAME NODE: a Kore host in $FAXCARE_CLUSTER_DIR/kore-NAME.
_kore() {
	local d=$FAXCARE_CLUSTER_DIR/kore-$1
	mkdir -p "$d" || return 1
	CENTER_PORT=$(free_port)
	FAXCENTER_OUTBOX_WAKE=$FAXCARE_CLUSTER_DIR/wake-$1 _on "$2" center_start "$d" ||
		return 1
	_cluster_pids+=("$CENTER_PID")
	echo "$CENTER_PORT" >"$d/port"
	CENTER_PID=
}

# _daemon NAME NODE WAKE CMD...: CMD in the background, its log NAME.log.
# A simple command, not a function, so that $! is CMD itself: a function
# would run in a subshell whose PID cluster_stop would stop, leaving CMD.
_daemon() {
	local name=$1 node=$2 wake=$3 port
	shift 3
	port=$(eval echo "\$FAXCARE_NODE_PORT_$node")
	FAXCENTER_OUTBOX_WAKE=$FAXCARE_CLUSTER_DIR/wake-$wake \
		FAXCARE_DB_HOST=127.0.0.1 FAXCARE_DB_PORT=$port "$@" \
		>>"$FAXCARE_CLUSTER_DIR/$name.log" 2>&1 &
	_cluster_pids+=("$!")
}

_nginx_conf() {
	local d=$FAXCARE_CLUSTER_DIR a b
	a=$(cat "$d/kore-a/port") b=$(cat "$d/kore-b/port")
	# The sample as shipped, with this run's ports, two Kore hosts, plain
	# HTTP (the TLS lines go), and a log that says who answered.
	sed -e "s|listen 80;|listen 127.0.0.1:$(free_port);|" -e '/listen \[::\]/d' \
		-e "s|listen 443 ssl http2;|listen 127.0.0.1:$CLUSTER_HTTP_PORT;|" \
		-e '/^\tssl_/d' -e '/Strict-Transport-Security/d' \
		-e "s|server 127.0.0.1:8888 \(.*fail_timeout=\)[0-9]*s;|server 127.0.0.1:$a \1${CENTER_HEALTH_WINDOW}s;\n\tserver 127.0.0.1:$b \1${CENTER_HEALTH_WINDOW}s;|" \
		-e "s|access_log /var/log/nginx/faxcenter.log faxcare_notoken;|access_log $d/nginx-access.log faxcare_cluster;|" \
		"$FAXCARE_TOP/center/conf/nginx-faxcenter.conf" >"$d/site.conf" || return 1
	grep -q "127.0.0.1:$b " "$d/site.conf" || return 1
	cat >"$d/nginx.conf" <<CONF
daemon off;
user root;
pid $d/nginx.pid;
error_log $d/nginx-error.log;
worker_processes 1;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path $d/body;
	proxy_temp_path $d/proxy;
	fastcgi_temp_path $d/fastcgi;
	uwsgi_temp_path $d/uwsgi;
	scgi_temp_path $d/scgi;
	log_format faxcare_cluster '\$msec \$status \$faxcare_uri_notoken '
		'upstream=\$upstream_addr upstream_status=\$upstream_status';
	include $d/site.conf;
}
CONF
}

_both_hosts_answer() {
	local a b
	a=$(cat "$FAXCARE_CLUSTER_DIR/kore-a/port") b=$(cat "$FAXCARE_CLUSTER_DIR/kore-b/port")
	[ "$(http_status "http://127.0.0.1:$a/healthz")" = 200 ] &&
		[ "$(http_status "http://127.0.0.1:$b/healthz")" = 200 ] &&
		[ "$(http_status "$FAXCARE_CLUSTER_URL/healthz")" = 200 ]
}

cluster_start() {
	local sock=$FAXCARE_CLUSTER_SOCKDIR
	FAXCARE_CLUSTER_DIR=$(mktemp -d "${TMPDIR:-/tmp}/fxcenter.XXXXXX") || return 1
	export FAXCARE_CLUSTER_DIR CENTER_HEALTH_WINDOW
	center_secret "$FAXCARE_CLUSTER_DIR"
	CLUSTER_HTTP_PORT=$(free_port)
	export FAXCARE_CLUSTER_URL=http://127.0.0.1:$CLUSTER_HTTP_PORT
	# Links in the managers' mail lead to nginx.
	export FAXCENTER_BASE_URL=$FAXCARE_CLUSTER_URL CENTER_BASE_URL=$FAXCARE_CLUSTER_URL
	_on 1 "$CENTER_BUILD/faxcenter-migrate" >"$FAXCARE_CLUSTER_DIR/migrate.log" 2>&1 ||
		return 1
	_kore a 1 && _kore b 2 || return 1
	_daemon ingestd-a 1 a "$CENTER_BUILD/faxcenter-ingestd" -s "$sock/ingest-a.sock"
	_daemon ingestd-b 2 b "$CENTER_BUILD/faxcenter-ingestd" -s "$sock/ingest-b.sock"
	# outbox_start's settings: Postfix on loopback, no STARTTLS.
	_daemon outbox-a 2 a env FAXCENTER_SENDER=center@faxcare.test \
		FAXCARE_SMTP_STARTTLS=off \
		"$CENTER_BUILD/faxcenter-outbox" -p "${OUTBOX_SWEEP_MS:-1000}"
	_daemon outbox-b 3 b env FAXCENTER_SENDER=center@faxcare.test \
		FAXCARE_SMTP_STARTTLS=off \
		"$CENTER_BUILD/faxcenter-outbox" -p "${OUTBOX_SWEEP_MS:-1000}"
	_nginx_conf || return 1
	/usr/sbin/nginx -c "$FAXCARE_CLUSTER_DIR/nginx.conf" -p "$FAXCARE_CLUSTER_DIR" \
		>>"$FAXCARE_CLUSTER_DIR/nginx-error.log" 2>&1 &
	_cluster_pids+=("$!")
	wait_for 20 "the ingesters' sockets" test -S "$sock/ingest-a.sock" -a \
		-S "$sock/ingest-b.sock" || return 1
	wait_for 20 "nginx and both Kore hosts" _both_hosts_answer
}

cluster_stop() {
	local pid
	for pid in "${_cluster_pids[@]}"; do
		stop_pid "$pid"
	done
	_cluster_pids=()
	if [ -n "${FAXCARE_CLUSTER_KEEP:-}" ] && [ -d "${FAXCARE_CLUSTER_DIR:-}" ]; then
		cp -r "$FAXCARE_CLUSTER_DIR" "$FAXCARE_CLUSTER_KEEP/" 2>/dev/null
	fi
	[ -n "${FAXCARE_CLUSTER_DIR:-}" ] && rm -rf "$FAXCARE_CLUSTER_DIR"
	FAXCARE_CLUSTER_DIR=
}
