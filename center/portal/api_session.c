/* SPDX-License-Identifier: ISC */
/*
 * API tokens.
 *   POST   /api/v1/session  username, password -> {"token": ..., "expires_in":
 *                           seconds}, a staff session for the API's bearer
 *                           header. The staff form's sign-in (signin.h):
 *                           rate limited alike, every attempt in the audit
 *                           log.
 *   GET    /api/v1/session  the caller's API tokens: id, created, expires,
 *                           and which one is the bearer's
 *   DELETE /api/v1/session  revokes the bearer's token
 * Staff list and revoke tokens on /staff/sessions too (pages_staff_sessions.c).
 */
#include "json.h"
#include "signin.h"
#include "staff.h"

int	api_session(struct http_request *);

static int
refuse(struct http_request *req, enum signin_refusal why)
{
	switch (why) {
	case SIGNIN_LIMITED:
		json_error(req, 429, "too many attempts; wait a minute");
		break;
	case SIGNIN_MISSING:
		json_error(req, 400, "username and password are needed");
		break;
	case SIGNIN_TOO_LONG:
		json_error(req, 400, "the username is too long");
		break;
	case SIGNIN_NO_RANDOM:
		json_error(req, 503, "try again later");
		break;
	case SIGNIN_WRONG:
		json_error(req, 401, "wrong username or password");
		break;
	}
	return PAGE_DONE;
}

static int
signed_in(struct http_request *req, struct portal *p)
{
	struct kore_buf	*buf = kore_buf_alloc(160);

	kore_buf_appendf(buf, "{\"token\":\"%s\",\"expires_in\":%ld}\n",
	    p->new_token, STAFF_SESSION_HOURS * 3600L);
	json_send(req, 200, buf);
	return PAGE_DONE;
}

static const struct signin api_signin = {
	.audit_ok = "api.login", .audit_failed = "api.login.failed",
	.subject = "api", .kind = "api", .refuse = refuse,
	.signed_in = signed_in,
};

static int
session_query(struct http_request *req, struct portal *p)
{
	return signin_start(req, p, &api_signin);
}

static int
session_answer(struct http_request *req, struct portal *p)
{
	return signin_step(req, p, &api_signin);
}

static const struct page session_page = {
	.who = PAGE_PUBLIC, .title = "api session",
	.flags = PAGE_OWN_ERRORS | PAGE_JSON,
	.query = session_query, .answer = session_answer,
};

enum tokens_col { TOKENS_ID, TOKENS_CREATED, TOKENS_EXPIRES, TOKENS_THIS };

static const char sql_tokens[] =
	"SELECT id, DATE_FORMAT(created_at, '%Y-%m-%dT%H:%i:%sZ'), "
	"DATE_FORMAT(expires_at, '%Y-%m-%dT%H:%i:%sZ'), token_hash = ? "
	"FROM sessions WHERE staff_user_id = ? AND kind = 'api' "
	"AND expires_at > NOW(6) ORDER BY id LIMIT 1000";

static int
tokens_query(struct http_request *req, struct portal *p)
{
	struct db_val	arg[2];

	arg[0] = DB_BLOB(p->cookie_hash, TOKEN_HASH_LEN);
	arg[1] = DB_INT(p->staff_id);
	db_async_start(&p->q, req, sql_tokens, arg, 2);
	return PAGE_QUERY;
}

static int
tokens_answer(struct http_request *req, struct portal *p)
{
	struct kore_buf	*buf = kore_buf_alloc(1024);
	const char	*this;
	unsigned int	 i;

	kore_buf_appendf(buf, "{\"tokens\":[");
	for (i = 0; i < p->q.rows; i++) {
		kore_buf_appendf(buf, "%s{\"id\":", i ? "," : "");
		json_number(buf, db_async_cell(&p->q, i, TOKENS_ID));
		kore_buf_appendf(buf, ",\"created_at\":");
		json_string(buf, db_async_cell(&p->q, i, TOKENS_CREATED));
		kore_buf_appendf(buf, ",\"expires_at\":");
		json_string(buf, db_async_cell(&p->q, i, TOKENS_EXPIRES));
		this = db_async_cell(&p->q, i, TOKENS_THIS);
		kore_buf_appendf(buf, ",\"this\":%s}",
		    this != NULL && this[0] == '1' ? "true" : "false");
	}
	kore_buf_appendf(buf, "]}\n");
	json_send(req, 200, buf);
	return PAGE_DONE;
}

static const struct page tokens_page = {
	.who = PAGE_API, .title = "api tokens", .roles = ROLE_ANY,
	.query = tokens_query, .answer = tokens_answer,
};

static const char sql_revoke[] =
	"DELETE FROM sessions WHERE token_hash = ?";

static int
revoke_query(struct http_request *req, struct portal *p)
{
	struct db_val	arg[1];

	arg[0] = DB_BLOB(p->cookie_hash, TOKEN_HASH_LEN);
	p->obj = p->staff_id;
	staff_audit_detail(p, "API token revoked by its bearer");
	db_async_start(&p->q, req, sql_revoke, arg, 1);
	return PAGE_QUERY;
}

static int
revoked(struct http_request *req, struct portal *p)
{
	struct kore_buf	*buf = kore_buf_alloc(32);

	(void)p;
	kore_buf_appendf(buf, "{\"revoked\":true}\n");
	json_send(req, 200, buf);
	return PAGE_DONE;
}

static const struct page revoke_page = {
	.who = PAGE_API, .title = "api revoke", .roles = ROLE_ANY,
	.query = revoke_query, .audit = "api.logout", .audited = revoked,
	.not_found = { NULL, "the token is not valid" },
};

int
api_session(struct http_request *req)
{
	if (req->method == HTTP_METHOD_DELETE)
		return page_run(req, &revoke_page);
	if (req->method == HTTP_METHOD_GET)
		return page_run(req, &tokens_page);
	return page_run(req, &session_page);
}
