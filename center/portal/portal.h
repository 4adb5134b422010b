/* SPDX-License-Identifier: ISC */
/*
 * What the manager's homepage and the staff pages share: the session
 * cookies, CSRF tokens, form fields and the per-request state of a page
 * that runs a few statements one after another.
 *
 * Sessions: the cookie holds a token (token.h), the database its SHA-256.
 * CSRF: a form carries HMAC-SHA256(cookie token, "csrf"): only a page that
 * was given the cookie can compute it, and nothing needs storing.
 */
#ifndef FAXCENTER_PORTAL_H
#define FAXCENTER_PORTAL_H

#include <kore/kore.h>
#include <kore/http.h>
#include <kore/tasks.h>

#include "db_async.h"
#include "paging.h"
#include "token.h"

#define COOKIE_MANAGER	"fc_home"	/* a manager's session */
#define COOKIE_STAFF	"fc_staff"	/* a staff member's session */
#define COOKIE_LOGIN	"fc_login"	/* binds the login form's CSRF token */

#define CSRF_HEX_LEN	64

#define MANAGER_SESSION_DAYS	30
#define STAFF_SESSION_HOURS	8

/* A terminal is "not reporting" after this many days without a report
 * (a string: it goes into statements and into words). */
#define STALE_DAYS		"7"

struct page;

struct portal {
	const struct page	*page;		/* the page running (page.h) */
	struct db_async_query	q;
	int			step;		/* the page's own progress */
	struct paging		paging;		/* a paged list's place */
	struct db_async_query	choices;	/* and its form's options */
	long long		obj;		/* the object acted on */
	unsigned char		link_hash[TOKEN_HASH_LEN]; /* PAGE_LINK */
	/* what the audit log says about an action */
	char			subject[64];
	char			detail[512];
	char			*cookie;	/* the session cookie, if valid */
	unsigned char		cookie_hash[TOKEN_HASH_LEN];
	char			new_token[TOKEN_HEX_LEN + 1];
	unsigned char		new_hash[TOKEN_HASH_LEN];
	/* the signed-in staff member, once the session was checked */
	long long		staff_id;
	/* staff_users' VARCHAR(64) and VARCHAR(32), 4 bytes a character */
	char			staff_name[64 * 4 + 1];
	char			staff_role[32 * 4 + 1];
	/* a password check, run off the event loop (password_task.c) */
	struct kore_task	 task;
	int			 task_used;
	/* the homepage's shared check (home_check.c) */
	struct home_wait	*home;
};

/* The request's portal state, created on first use. */
struct portal	*portal_get(struct http_request *req);

/*
 * The named cookie's value (NAME, or __Host-NAME when base_url is https):
 * 0, or -1 when the request has none.
 */
int	portal_request_cookie(struct http_request *req, const char *name,
	    char **value);

/*
 * The named cookie's token, hashed into p->cookie_hash; 0, or -1 when the
 * request has none or it is not a well-formed token.
 */
int	portal_cookie(struct http_request *req, struct portal *p,
	    const char *name);

/* Set (or, with token NULL, clear) a session cookie: Secure and named
 * __Host-NAME when base_url is https. */
void	portal_set_cookie(struct http_request *req, const char *name,
	    const char *token, long max_age_s);

/* The CSRF token for a session token (CSRF_HEX_LEN + 1 bytes). */
void	csrf_token(const char *session_token, char *out);

/* 1 when the request's "csrf" field matches session_token's; else 0. */
int	csrf_valid(struct http_request *req, const char *session_token);

/* A form or query field that passed its validator, or NULL. */
const char	*portal_arg(struct http_request *req, const char *name);

/* A validated decimal id, or -1. */
long long	portal_arg_id(struct http_request *req, const char *name);

/* A validated decimal number, 0 allowed, or -1. */
long long	portal_arg_num(struct http_request *req, const char *name);

/*
 * A validated "YYYY-MM-DD HH:MM" field naming a real date and time (no
 * February 30th), or NULL.
 */
const char	*portal_arg_datetime(struct http_request *req, const char *name);

/* 303 to location (a path of this site). */
int	portal_redirect(struct http_request *req, const char *location);

/* The request's query failed: log it and answer 503. */
int	portal_db_error(struct http_request *req, const char *what);

/* The client's address as text, for rate limits and the audit log. */
void	portal_client_addr(struct http_request *req, char *out, size_t len);

/* A hidden CSRF field for a form. */
void	portal_csrf_field(struct kore_buf *buf, const char *session_token);

#endif
