#!/usr/bin/env bash
# usage: tests/center/nginx.t
# The sample nginx site (center/conf/nginx-faxcenter.conf) in front of the
# Kore app: HTTPS reaches the app, HTTP redirects to HTTPS, the tokens in
# manager and confirmation URLs stay out of the access log, nginx limits
# the rate of links and sign-ins per client (the app's own limits are per
# worker, and are lifted here so that only nginx's can answer 429), and
# /metrics answers the local host only.
# SPDX-License-Identifier: ISC
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
in_db "$0" "$@"

tmp=$(mktemp -d)
nginx_pid=
cleanup() { [ -n "$nginx_pid" ] && stop_pid "$nginx_pid"; center_stop; rm -rf "$tmp"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

command -v nginx >/dev/null || command -v /usr/sbin/nginx >/dev/null
ok $? "nginx is installed (scripts/deps)"
export FAXCENTER_MIGRATE_ON_START=yes RATELIMIT_SCALE=1000
center_start "$tmp" || bail "the app did not start"

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=faxcare.example.com \
	-keyout "$tmp/key.pem" -out "$tmp/cert.pem" 2>/dev/null
http=$(free_port)
https=$(free_port)
# The sample as shipped, with this run's ports, certificate and log.
sed -e "s|listen 80;|listen 127.0.0.1:$http;|" -e '/listen \[::\]/d' \
	-e "s|listen 443 ssl http2;|listen 127.0.0.1:$https ssl http2;|" \
	-e "s|server 127.0.0.1:8888 |server 127.0.0.1:$CENTER_PORT |" \
	-e "s|/etc/ssl/faxcare/fullchain.pem|$tmp/cert.pem|" \
	-e "s|/etc/ssl/faxcare/privkey.pem|$tmp/key.pem|" \
	-e "s|/var/log/nginx/faxcenter.log|$tmp/access.log|" \
	"$CENTER_TOP/center/conf/nginx-faxcenter.conf" >"$tmp/site.conf"
cat >"$tmp/nginx.conf" <<CONF
daemon off;
user root;
pid $tmp/nginx.pid;
error_log $tmp/error.log;
events { worker_connections 64; }
http {
	access_log off;
	client_body_temp_path $tmp/body;
	proxy_temp_path $tmp/proxy;
	fastcgi_temp_path $tmp/fastcgi;
	uwsgi_temp_path $tmp/uwsgi;
	scgi_temp_path $tmp/scgi;
	include $tmp/site.conf;
}
CONF
/usr/sbin/nginx -t -c "$tmp/nginx.conf" -p "$tmp" >"$tmp/check.log" 2>&1
ok $? "nginx accepts the sample site" || diag "$(cat "$tmp/check.log")"
/usr/sbin/nginx -c "$tmp/nginx.conf" -p "$tmp" &
nginx_pid=$!
wait_port "$https" 10
ok $? "nginx listens"

https_get() {
	curl -s --cacert "$tmp/cert.pem" \
		--resolve "faxcare.example.com:$https:127.0.0.1" "$@"
}
is "$(https_get "https://faxcare.example.com:$https/healthz")" ok \
	"HTTPS through nginx reaches the app"
like "$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' \
	--resolve "faxcare.example.com:$http:127.0.0.1" \
	"http://faxcare.example.com:$http/healthz")" '^301 https://' \
	"plain HTTP is redirected to HTTPS"
token=$(printf '%064d' 42)
https_get -o /dev/null "https://faxcare.example.com:$https/m/$token"
https_get -o /dev/null "https://faxcare.example.com:$https/confirm/$token"
wait_for 5 "the access log's line for the last request" \
	grep -q 'GET /confirm/' "$tmp/access.log"
like "$(cat "$tmp/access.log")" 'GET /m/\.\.\.' "the access log records the page"
grep -q "$token" "$tmp/access.log"
is "$?" 1 "... but not the token"

# codes ADDR N URL: the status of N requests to URL from ADDR (a client
# address of its own: nginx limits per address), one a line, over one
# connection (well within a second).
codes() {
	local addr=$1 n=$2 url=$3 urls=()
	while ((n-- > 0)); do urls+=(-o /dev/null "$url"); done
	https_get --interface "$addr" -w '%{http_code}\n' "${urls[@]}"
}
site=https://faxcare.example.com:$https
link=$site/m/$(printf '%064d' 43)
codes 127.0.0.3 31 "$link" >"$tmp/links"
is "$(head -30 "$tmp/links" | sort -u)" 404 \
	"30 link requests at once reach the app (a made-up token: 404)"
is "$(sed -n 31p "$tmp/links")" 429 "the 31st is refused by nginx with 429"
is "$(codes 127.0.0.3 1 "$site/confirm/$(printf '%064d' 44)")" 429 \
	"confirmation links share the links' limit"
is "$(codes 127.0.0.3 1 "$site/healthz")" 200 "other pages are not limited"
is "$(codes 127.0.0.1 1 "$link")" 404 "another client's links still work"
codes 127.0.0.4 11 "$site/staff/login" >"$tmp/logins"
is "$(head -10 "$tmp/logins" | sort -u)" 200 "10 sign-in forms at once are served"
is "$(sed -n 11p "$tmp/logins")" 429 "the 11th is refused with 429"
is "$(https_get --interface 127.0.0.4 -o /dev/null -w '%{http_code}' \
	-d username=erp -d password=x "$site/api/v1/session")" 429 \
	"the API's sign-in shares the sign-in limit"

like "$(https_get "$site/metrics")" \
	'faxcare_database_up 1' "/metrics answers from this host (127.0.0.1)"
is "$(https_get --interface 127.0.0.2 -o /dev/null -w '%{http_code}' \
	"$site/metrics")" 403 \
	"... and is forbidden from another address (127.0.0.2)"
done_testing
