/*
 * POST /api/v1/session: username, password -> {"token": ..., "expires_in":
 * seconds}, a staff session for the API's bearer header. Rate limited
 * like the sign-in form; failures are in the audit log.
 */
#include <stdio.h>
#include <stdlib.h>

#include "api.h"
#include "json.h"
#include "password_task.h"
#include "ratelimit.h"
#include "staff.h"
#include "staff_sql.h"

int	api_session(struct http_request *);

enum { S_START, S_USER, S_CHECK, S_OPENED, S_AUDITED };

static const char sql_user[] = STAFF_SQL_USER;
static const char sql_open[] = STAFF_SQL_SESSION_OPEN;
static const char sql_audit[] =
	"INSERT INTO audit_log (actor, action, subject) VALUES (?, ?, 'api')";

static int
start(struct http_request *req, struct portal *p)
{
	const char	*user = portal_arg(req, "username");
	struct db_val	 arg[1];

	if (!ratelimit_allow(req, RATELIMIT_LOGIN)) {
		json_error(req, 429, "too many attempts; wait a minute");
		return KORE_RESULT_OK;
	}
	if (user == NULL || portal_arg(req, "password") == NULL) {
		json_error(req, 400, "username and password are needed");
		return KORE_RESULT_OK;
	}
	if ((size_t)snprintf(p->staff_name, sizeof(p->staff_name), "%s",
	    user) >= sizeof(p->staff_name)) {
		json_error(req, 400, "the username is too long");
		return KORE_RESULT_OK;
	}
	arg[0] = DB_STR(user);
	db_async_start(&p->q, req, sql_user, arg, 1);
	req->fsm_state = S_USER;
	return KORE_RESULT_RETRY;
}

static int
audit(struct http_request *req, struct portal *p, const char *action)
{
	struct db_val	arg[2];

	arg[0] = DB_STR(p->staff_name);
	arg[1] = DB_STR(action);
	db_async_start(&p->q, req, sql_audit, arg, 2);
	req->fsm_state = S_AUDITED;
	return KORE_RESULT_RETRY;
}

static int
user(struct http_request *req, struct portal *p)
{
	password_task_start(req, p, portal_arg(req, "password"),
	    p->q.rows == 1 ? db_async_cell(&p->q, 0, 1) : NULL);
	req->fsm_state = S_CHECK;
	return KORE_RESULT_RETRY;
}

static int
checked(struct http_request *req, struct portal *p)
{
	struct db_val	arg[4];
	int		match;

	if ((match = password_task_result(req, p)) < 0)
		return KORE_RESULT_RETRY;
	if (!match) {
		p->step = 1;
		return audit(req, p, "api.login.failed");
	}
	if (token_new(p->new_token, p->new_hash)) {
		json_error(req, 503, "try again later");
		return KORE_RESULT_OK;
	}
	arg[0] = DB_INT(strtoll(db_async_cell(&p->q, 0, 0), NULL, 10));
	arg[1] = DB_BLOB(p->new_hash, TOKEN_HASH_LEN);
	arg[2] = DB_BLOB(p->new_hash, TOKEN_HASH_LEN);
	arg[3] = DB_INT(STAFF_SESSION_HOURS);
	db_async_start(&p->q, req, sql_open, arg, 4);
	req->fsm_state = S_OPENED;
	return KORE_RESULT_RETRY;
}

int
api_session(struct http_request *req)
{
	struct portal	*p = portal_get(req);
	struct kore_buf	*buf;

	if (req->fsm_state != S_START && db_async_pending(&p->q))
		return KORE_RESULT_RETRY;
	if (req->fsm_state != S_START && p->q.status != DB_ASYNC_DONE) {
		kore_log(LOG_NOTICE, "api session: %s", p->q.error);
		json_error(req, 503, "try again later");
		return KORE_RESULT_OK;
	}
	switch (req->fsm_state) {
	case S_START:
		return start(req, p);
	case S_USER:
		return user(req, p);
	case S_CHECK:
		return checked(req, p);
	case S_OPENED:
		return audit(req, p, "api.login");
	default:
		if (p->step == 1) {
			json_error(req, 401, "wrong username or password");
			return KORE_RESULT_OK;
		}
		buf = kore_buf_alloc(160);
		kore_buf_appendf(buf, "{\"token\":\"%s\",\"expires_in\":%ld}\n",
		    p->new_token, STAFF_SESSION_HOURS * 3600L);
		json_send(req, 200, buf);
		return KORE_RESULT_OK;
	}
}
