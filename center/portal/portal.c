/* SPDX-License-Identifier: ISC */
/* Session cookies, CSRF tokens and form fields for the portal's pages. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "app.h"
#include "field.h"
#include "home_check.h"
#include "html.h"
#include "portal.h"

static void
portal_free(struct http_request *req)
{
	struct portal	*p = http_state_get(req);

	if (p != NULL) {
		db_async_clear(&p->q);
		db_async_clear(&p->choices);
		if (p->task_used)
			kore_task_destroy(&p->task);
		home_check_free(p);
	}
	http_state_cleanup(req);
}

struct portal *
portal_get(struct http_request *req)
{
	struct portal	*p;

	if (http_state_exists(req))
		return http_state_get(req);
	p = http_state_create(req, sizeof(*p), portal_free);
	/* Parsed once per request: the handler runs again after each query. */
	http_populate_cookies(req);
	if (req->method == HTTP_METHOD_POST)
		http_populate_post(req);
	else
		http_populate_qs(req);
	return p;
}

static int
secure_site(void)
{
	return strncmp(app_config.base_url, "https:", 6) == 0;
}

/*
 * Over https a session cookie is __Host-NAME: the browser keeps it only if
 * this host set it Secure, for Path=/ and no Domain, so neither a sibling
 * domain nor a plain-http answer can plant or shadow it. An unprefixed
 * cookie is then never read.
 */
static const char *
cookie_name(const char *name, char *buf, size_t len)
{
	if (!secure_site())
		return name;
	(void)snprintf(buf, len, "__Host-%s", name);
	return buf;
}

int
portal_request_cookie(struct http_request *req, const char *name,
    char **value)
{
	char	full[64];

	return http_request_cookie(req, cookie_name(name, full, sizeof(full)),
	    value) ? 0 : -1;
}

int
portal_cookie(struct http_request *req, struct portal *p, const char *name)
{
	char	*value;

	if (portal_request_cookie(req, name, &value))
		return -1;
	if (token_hash(value, strlen(value), p->cookie_hash))
		return -1;
	p->cookie = value;
	return 0;
}

void
portal_set_cookie(struct http_request *req, const char *name,
    const char *token, long max_age_s)
{
	char	hdr[256], full[64];

	/* Lax: the e-mailed link is a top-level navigation from elsewhere. */
	(void)snprintf(hdr, sizeof(hdr),
	    "%s=%s; Path=/; Max-Age=%ld; HttpOnly; "
	    "SameSite=Lax%s", cookie_name(name, full, sizeof(full)),
	    token != NULL ? token : "", token != NULL ? max_age_s : 0,
	    secure_site() ? "; Secure" : "");
	http_response_header(req, "set-cookie", hdr);
}

void
csrf_token(const char *session_token, char *out)
{
	static const char	label[] = "faxcare csrf v1";
	unsigned char		mac[EVP_MAX_MD_SIZE];
	unsigned int		len = 0, i;

	if (HMAC(EVP_sha256(), session_token, (int)strlen(session_token),
	    (const unsigned char *)label, sizeof(label) - 1, mac, &len) ==
	    NULL || len * 2 != CSRF_HEX_LEN) {
		/* Never matches: a form then fails closed. */
		memset(out, 'x', CSRF_HEX_LEN);
		out[CSRF_HEX_LEN] = '\0';
		return;
	}
	for (i = 0; i < len; i++)
		(void)snprintf(out + 2 * i, 3, "%02x", mac[i]);
}

int
csrf_valid(struct http_request *req, const char *session_token)
{
	char		 want[CSRF_HEX_LEN + 1];
	const char	*got;

	if (session_token == NULL ||
	    (got = portal_arg(req, "csrf")) == NULL ||
	    strlen(got) != CSRF_HEX_LEN)
		return 0;
	csrf_token(session_token, want);
	return CRYPTO_memcmp(want, got, CSRF_HEX_LEN) == 0;
}

const char *
portal_arg(struct http_request *req, const char *name)
{
	char	*v;

	if (!http_argument_get_string(req, name, &v))
		return NULL;
	return v;
}

long long
portal_arg_num(struct http_request *req, const char *name)
{
	return field_num(portal_arg(req, name));
}

const char *
portal_arg_datetime(struct http_request *req, const char *name)
{
	const char	*v = portal_arg(req, name);

	return field_datetime(v) ? v : NULL;
}

long long
portal_arg_id(struct http_request *req, const char *name)
{
	long long	id = portal_arg_num(req, name);

	return id > 0 ? id : -1;
}

int
portal_redirect(struct http_request *req, const char *location)
{
	http_response_header(req, "location", location);
	http_response_header(req, "cache-control", "no-store");
	http_response(req, 303, NULL, 0);
	return HTTP_STATE_COMPLETE;
}

int
portal_db_error(struct http_request *req, const char *what)
{
	struct portal	*p = portal_get(req);

	kore_log(LOG_NOTICE, "%s: %s", what, p->q.error);
	html_message(req, 503, "Try again later",
	    "The service center cannot answer right now.");
	return HTTP_STATE_COMPLETE;
}

/*
 * Kore listens on loopback behind nginx (conf/nginx-faxcenter.conf), which
 * appends the client's address to X-Forwarded-For: from a loopback peer
 * that last entry is the client. Earlier entries are the client's to say.
 */
static int
forwarded_for(struct http_request *req, char *out, size_t len)
{
	const char	*xff, *last;
	size_t		 n;

	if (!http_request_header(req, "x-forwarded-for", &xff))
		return -1;
	last = strrchr(xff, ',');
	last = last != NULL ? last + 1 : xff;
	last += strspn(last, " \t");
	n = strcspn(last, " \t");
	if (n == 0 || n >= len)
		return -1;
	memcpy(out, last, n);
	out[n] = '\0';
	return 0;
}

void
portal_client_addr(struct http_request *req, char *out, size_t len)
{
	struct connection	*c = req->owner;
	const void		*a = NULL;
	int			 loopback = 0;

	if (c->family == AF_INET) {
		a = &c->addr.ipv4.sin_addr;
		loopback = (ntohl(c->addr.ipv4.sin_addr.s_addr) >> 24) == 127;
	} else if (c->family == AF_INET6) {
		a = &c->addr.ipv6.sin6_addr;
		loopback = IN6_IS_ADDR_LOOPBACK(&c->addr.ipv6.sin6_addr);
	}
	if (loopback && forwarded_for(req, out, len) == 0)
		return;
	if (a == NULL || inet_ntop(c->family, a, out, (socklen_t)len) == NULL)
		(void)snprintf(out, len, "local");
}

void
portal_csrf_field(struct kore_buf *buf, const char *session_token)
{
	char	tok[CSRF_HEX_LEN + 1];

	csrf_token(session_token, tok);
	kore_buf_appendf(buf, "<input type=\"hidden\" name=\"csrf\" "
	    "value=\"%s\">", tok);
}
