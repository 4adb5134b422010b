/* The API's common run: bearer token, role, statement, JSON; see api.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "json.h"
#include "staff.h"

enum { A_AUTH, A_AUTHED, A_DONE };

static const char sql_session[] =
	"SELECT u.id, u.username, u.role FROM sessions s "
	"JOIN staff_users u ON u.id = s.staff_user_id "
	"WHERE s.token_hash = ? AND s.expires_at > NOW(6) "
	"AND u.disabled_at IS NULL";

static int
bearer(struct http_request *req, struct portal *p)
{
	const char	*v;

	if (!http_request_header(req, "authorization", &v) ||
	    strncmp(v, "Bearer ", 7) != 0)
		return -1;
	if (token_hash(v + 7, strlen(v + 7), p->cookie_hash))
		return -1;
	return 0;
}

int
api_run(struct http_request *req, const struct api_call *call)
{
	struct portal	*p = portal_get(req);
	struct db_val	 arg[1];

	if (req->fsm_state != A_AUTH && db_async_pending(&p->q))
		return KORE_RESULT_RETRY;
	switch (req->fsm_state) {
	case A_AUTH:
		if (bearer(req, p)) {
			http_response_header(req, "www-authenticate",
			    "Bearer realm=\"faxcare\"");
			json_error(req, 401, "a bearer token is needed");
			return KORE_RESULT_OK;
		}
		arg[0] = DB_BLOB(p->cookie_hash, TOKEN_HASH_LEN);
		db_async_start(&p->q, req, sql_session, arg, 1);
		req->fsm_state = A_AUTHED;
		return KORE_RESULT_RETRY;
	case A_AUTHED:
		if (p->q.status != DB_ASYNC_DONE) {
			json_error(req, 503, "try again later");
			return KORE_RESULT_OK;
		}
		if (p->q.rows == 0) {
			json_error(req, 401, "the token is not valid");
			return KORE_RESULT_OK;
		}
		p->staff_id = strtoll(db_async_cell(&p->q, 0, 0), NULL, 10);
		(void)snprintf(p->staff_name, sizeof(p->staff_name), "%s",
		    db_async_cell(&p->q, 0, 1));
		(void)snprintf(p->staff_role, sizeof(p->staff_role), "%s",
		    db_async_cell(&p->q, 0, 2));
		if (!(staff_role_bit(p->staff_role) & call->roles)) {
			json_error(req, 403, "the account's role does not "
			    "allow this");
			return KORE_RESULT_OK;
		}
		req->fsm_state = A_DONE;
		if (call->start(req, p))
			return KORE_RESULT_OK;
		return KORE_RESULT_RETRY;
	default:
		if (p->q.status != DB_ASYNC_DONE) {
			kore_log(LOG_NOTICE, "api: %s", p->q.error);
			json_error(req, 503, "try again later");
			return KORE_RESULT_OK;
		}
		call->reply(req, p);
		return KORE_RESULT_OK;
	}
}
