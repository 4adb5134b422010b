/* SPDX-License-Identifier: ISC */
/*
 * Sign-in's steps (signin.h), in p->step:
 *	LOOKUP --> CHECK (task) --match--> OPENED --> AUDITED: signed_in()
 *	                        \--no----------------> AUDITED: refuse(WRONG)
 * The hash runs for an unknown user too: timing tells nothing. Limits:
 * per client first, so that one client cannot use up a user name's.
 */
#include <stdio.h>
#include <stdlib.h>

#include "password_task.h"
#include "signin.h"

enum { STEP_LOOKUP, STEP_CHECK, STEP_OPENED, STEP_AUDITED };

static const char sql_user[] =
	"SELECT id, password_hash FROM staff_users "
	"WHERE username = ? AND disabled_at IS NULL";
enum { USER_ID, USER_PASSWORD_HASH };

/* The hash again in csrf_secret: kept for the schema, CSRF tokens derive
 * from the cookie. */
static const char sql_session_open[] =
	"INSERT INTO sessions (staff_user_id, kind, token_hash, csrf_secret, "
	"expires_at) VALUES (?, ?, ?, ?, NOW(6) + INTERVAL ? HOUR)";

static const char sql_audit[] =
	"INSERT INTO audit_log (actor, action, subject, detail) "
	"VALUES (?, ?, ?, ?)";

int
signin_start(struct http_request *req, struct portal *p,
    const struct signin *how)
{
	const char	*user = portal_arg(req, "username");
	struct db_val	 arg[1];
	int		 next;

	if (!ratelimit_allow(req, RATELIMIT_LOGIN))
		return how->refuse(req, SIGNIN_LIMITED);
	if (how->admit != NULL && (next = how->admit(req)) != -1)
		return next;
	if (user == NULL || portal_arg(req, "password") == NULL)
		return how->refuse(req, SIGNIN_MISSING);
	if ((size_t)snprintf(p->staff_name, sizeof(p->staff_name), "%s",
	    user) >= sizeof(p->staff_name))
		return how->refuse(req, SIGNIN_TOO_LONG);
	/* Many addresses guessing one account count as one. */
	if (!ratelimit_allow_key(RATELIMIT_USER, user))
		return how->refuse(req, SIGNIN_LIMITED);
	arg[0] = DB_STR(user);
	db_async_start(&p->q, req, sql_user, arg, 1);
	p->step = STEP_LOOKUP;
	return PAGE_QUERY;
}

static int
audit(struct http_request *req, struct portal *p, const struct signin *how,
    const char *action)
{
	char		addr[64];
	struct db_val	arg[4];

	portal_client_addr(req, addr, sizeof(addr));
	arg[0] = DB_STR(p->staff_name);
	arg[1] = DB_STR(action);
	arg[2] = DB_STR(how->subject);
	arg[3] = how->with_address ? DB_STR(addr) : DB_NULL();
	db_async_start(&p->q, req, sql_audit, arg, 4);
	p->step = STEP_AUDITED;
	return PAGE_QUERY;
}

static int
checked(struct http_request *req, struct portal *p, const struct signin *how)
{
	struct db_val	arg[5];
	int		match;

	if ((match = password_task_result(req, p)) < 0)
		return PAGE_WAIT;
	if (!match) {
		p->obj = -1;	/* answered once the attempt is logged */
		return audit(req, p, how, how->audit_failed);
	}
	if (token_new(p->new_token, p->new_hash))
		return how->refuse(req, SIGNIN_NO_RANDOM);
	arg[0] = DB_INT(strtoll(db_async_cell(&p->q, 0, USER_ID), NULL, 10));
	arg[1] = DB_STR(how->kind);
	arg[2] = DB_BLOB(p->new_hash, TOKEN_HASH_LEN);
	arg[3] = DB_BLOB(p->new_hash, TOKEN_HASH_LEN);
	arg[4] = DB_INT(STAFF_SESSION_HOURS);
	db_async_start(&p->q, req, sql_session_open, arg, 5);
	p->step = STEP_OPENED;
	return PAGE_QUERY;
}

int
signin_step(struct http_request *req, struct portal *p,
    const struct signin *how)
{
	/* The attempt stands whatever became of its audit line. */
	if (p->step != STEP_CHECK && p->step != STEP_AUDITED &&
	    p->q.status != DB_ASYNC_DONE)
		return page_failed(req, p);
	switch (p->step) {
	case STEP_LOOKUP:
		password_task_start(req, p, portal_arg(req, "password"),
		    p->q.rows == 1 ?
		    db_async_cell(&p->q, 0, USER_PASSWORD_HASH) : NULL);
		p->step = STEP_CHECK;
		return PAGE_WAIT;
	case STEP_CHECK:
		return checked(req, p, how);
	case STEP_OPENED:
		if (how->opened != NULL)
			how->opened(req, p);
		return audit(req, p, how, how->audit_ok);
	default:
		if (p->q.status != DB_ASYNC_DONE)
			kore_log(LOG_WARNING, "audit: %s", p->q.error);
		if (p->obj == -1)
			return how->refuse(req, SIGNIN_WRONG);
		return how->signed_in(req, p);
	}
}
