/* SPDX-License-Identifier: ISC */
/* Who may see a page: links, cookies, bearer tokens, roles, CSRF. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "json.h"
#include "page_auth.h"
#include "staff.h"

/* A staff or API session, by its token's hash. */
static const char sql_session[] =
	"SELECT u.id, u.username, u.role FROM sessions s "
	"JOIN staff_users u ON u.id = s.staff_user_id "
	"WHERE s.token_hash = ? AND s.expires_at > NOW(6) "
	"AND u.disabled_at IS NULL";
enum { SESSION_ID, SESSION_USERNAME, SESSION_ROLE };

unsigned int
page_role_bits(const char *role)
{
	if (role == NULL)
		return 0;
	if (!strcmp(role, "admin"))
		return ROLE_ADMIN | ROLE_DESK | ROLE_DISPATCH | ROLE_STAFF;
	if (!strcmp(role, "desk"))
		return ROLE_DESK | ROLE_STAFF;
	if (!strcmp(role, "dispatch"))
		return ROLE_DISPATCH | ROLE_STAFF;
	if (!strcmp(role, "staff"))
		return ROLE_STAFF;
	return 0;
}

static int
is_local(struct http_request *req)
{
	struct connection	*c = req->owner;

	if (c->family == AF_INET)
		return (ntohl(c->addr.ipv4.sin_addr.s_addr) >> 24) == 127;
	if (c->family == AF_INET6)
		return IN6_IS_ADDR_LOOPBACK(&c->addr.ipv6.sin6_addr);
	return 0;
}

static int
bearer(struct http_request *req, struct portal *p)
{
	const char	*v;

	if (!http_request_header(req, "authorization", &v) ||
	    strncmp(v, "Bearer ", 7) != 0)
		return -1;
	return token_hash(v + 7, strlen(v + 7), p->cookie_hash);
}

/* The link's token ends the path (the route admits only hex digits). */
static int
link_token(struct http_request *req, struct portal *p)
{
	const char	*slash = strrchr(req->path, '/');

	if (slash == NULL)
		return -1;
	return token_hash(slash + 1, strlen(slash + 1), p->link_hash);
}

static int
staff_signed_out(struct http_request *req)
{
	portal_set_cookie(req, COOKIE_STAFF, NULL, 0);
	if (req->method == HTTP_METHOD_GET) {
		portal_redirect(req, "/staff/login");
		return PAGE_DONE;
	}
	html_message(req, 403, "Signed out", "Sign in again.");
	return PAGE_DONE;
}

static int
manager_signed_out(struct http_request *req, struct portal *p)
{
	if (p->page->not_found.text != NULL)
		return page_not_found(req, p);
	html_message(req, 403, "Signed out", "To see your terminals, follow "
	    "the link in the latest e-mail from the service center.");
	return PAGE_DONE;
}

static int
csrf_checked(struct http_request *req, struct portal *p)
{
	if (req->method != HTTP_METHOD_POST || csrf_valid(req, p->cookie))
		return -1;
	html_message(req, 400, "Cannot do that", "This form has expired: "
	    "reload the page and try again.");
	return PAGE_DONE;
}

int
page_auth_start(struct http_request *req, struct portal *p,
    const struct page *page)
{
	struct db_val	arg[1];

	switch (page->who) {
	case PAGE_PUBLIC:
		return -1;
	case PAGE_LOCAL:
		if (is_local(req))
			return -1;
		html_message(req, 403, "Not allowed", "Only from this host.");
		return PAGE_DONE;
	case PAGE_LINK:
		return link_token(req, p) ? page_not_found(req, p) : -1;
	case PAGE_MANAGER:
		if (portal_cookie(req, p, COOKIE_MANAGER))
			return manager_signed_out(req, p);
		return csrf_checked(req, p);
	case PAGE_STAFF:
		if (portal_cookie(req, p, COOKIE_STAFF))
			return staff_signed_out(req);
		break;
	case PAGE_API:
		if (bearer(req, p)) {
			http_response_header(req, "www-authenticate",
			    "Bearer realm=\"faxcare\"");
			json_error(req, 401, "a bearer token is needed");
			return PAGE_DONE;
		}
		break;
	}
	arg[0] = DB_BLOB(p->cookie_hash, TOKEN_HASH_LEN);
	db_async_start(&p->q, req, sql_session, arg, 1);
	return PAGE_QUERY;
}

int
page_auth_session(struct http_request *req, struct portal *p,
    const struct page *page)
{
	int	api = page->who == PAGE_API;

	if (p->q.status != DB_ASYNC_DONE) {
		kore_log(LOG_NOTICE, "session: %s", p->q.error);
		return page_failed(req, p);
	}
	if (p->q.rows == 0) {
		if (!api)
			return staff_signed_out(req);
		json_error(req, 401, "the token is not valid");
		return PAGE_DONE;
	}
	p->staff_id = strtoll(db_async_cell(&p->q, 0, SESSION_ID), NULL, 10);
	(void)snprintf(p->staff_name, sizeof(p->staff_name), "%s",
	    db_async_cell(&p->q, 0, SESSION_USERNAME));
	(void)snprintf(p->staff_role, sizeof(p->staff_role), "%s",
	    db_async_cell(&p->q, 0, SESSION_ROLE));
	if (!(page_role_bits(p->staff_role) & page->roles)) {
		if (api)
			json_error(req, 403, "the account's role does not "
			    "allow this");
		else
			html_message(req, 403, "Not allowed", "Your role does "
			    "not include this page.");
		return PAGE_DONE;
	}
	return api ? -1 : csrf_checked(req, p);
}
