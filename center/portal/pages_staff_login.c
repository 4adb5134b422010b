/*
 * Staff sign-in and sign-out.
 *   GET  /staff/login   the form; a short-lived cookie binds its CSRF token
 *   POST /staff/login   username, password, csrf: checks the scrypt hash,
 *                       opens a session (cookie), logs it; rate limited
 *   POST /staff/logout  ends the session
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "html.h"
#include "password_task.h"
#include "ratelimit.h"
#include "staff.h"
#include "staff_sql.h"

int	page_staff_login(struct http_request *);
int	page_staff_logout(struct http_request *);

enum { L_START, L_USER, L_CHECK, L_SESSION, L_AUDIT };

static const char sql_user[] = STAFF_SQL_USER;
static const char sql_session[] = STAFF_SQL_SESSION_OPEN;

static const char sql_audit[] =
	"INSERT INTO audit_log (actor, action, subject, detail) "
	"VALUES (?, ?, ?, ?)";

static const char sql_logout[] =
	"DELETE FROM sessions WHERE token_hash = ?";

static void
login_form(struct http_request *req, int status, const char *error)
{
	struct kore_buf	*buf = kore_buf_alloc(2048);
	char		 tok[TOKEN_HEX_LEN + 1];
	unsigned char	 hash[TOKEN_HASH_LEN];

	if (token_new(tok, hash)) {
		kore_buf_free(buf);
		html_message(req, 503, "Try again later", "No randomness.");
		return;
	}
	portal_set_cookie(req, COOKIE_LOGIN, tok, 1800);
	html_begin(buf, "Staff sign-in");
	if (error != NULL) {
		html_wrap(buf, "<p class=\"error\">", error, "</p>\n");
	}
	kore_buf_appendf(buf, "<form method=\"post\" action=\"/staff/login\">");
	portal_csrf_field(buf, tok);
	kore_buf_appendf(buf, "<label>User name <input name=\"username\" "
	    "autocomplete=\"username\" required></label><br>"
	    "<label>Password <input type=\"password\" name=\"password\" "
	    "autocomplete=\"current-password\" required></label><br>"
	    "<button type=\"submit\">Sign in</button></form>\n");
	html_end(buf);
	html_send(req, status, buf);
}

static int
audit(struct http_request *req, struct portal *p, const char *actor,
    const char *action)
{
	char		addr[64];
	struct db_val	arg[4];

	portal_client_addr(req, addr, sizeof(addr));
	arg[0] = DB_STR(actor);
	arg[1] = DB_STR(action);
	arg[2] = DB_STR("staff session");
	arg[3] = DB_STR(addr);
	db_async_start(&p->q, req, sql_audit, arg, 4);
	req->fsm_state = L_AUDIT;
	return KORE_RESULT_RETRY;
}

static int
login_start(struct http_request *req, struct portal *p)
{
	const char	*user = portal_arg(req, "username");
	struct db_val	 arg[1];
	char		*pre;

	if (req->method == HTTP_METHOD_GET) {
		login_form(req, 200, NULL);
		return KORE_RESULT_OK;
	}
	if (!ratelimit_allow(req, RATELIMIT_LOGIN)) {
		html_message(req, 429, "Too many attempts",
		    "Please wait a minute and try again.");
		return KORE_RESULT_OK;
	}
	if (!http_request_cookie(req, COOKIE_LOGIN, &pre) ||
	    !csrf_valid(req, pre)) {
		login_form(req, 400, "The form expired; please sign in again.");
		return KORE_RESULT_OK;
	}
	if (user == NULL || portal_arg(req, "password") == NULL) {
		login_form(req, 400, "User name and password, please.");
		return KORE_RESULT_OK;
	}
	if ((size_t)snprintf(p->staff_name, sizeof(p->staff_name), "%s",
	    user) >= sizeof(p->staff_name)) {
		login_form(req, 400, "That user name is too long.");
		return KORE_RESULT_OK;
	}
	arg[0] = DB_STR(user);
	db_async_start(&p->q, req, sql_user, arg, 1);
	req->fsm_state = L_USER;
	return KORE_RESULT_RETRY;
}

static int
login_user(struct http_request *req, struct portal *p)
{
	const char	*stored = NULL;

	if (p->q.status != DB_ASYNC_DONE) {
		portal_db_error(req, "login");
		return KORE_RESULT_OK;
	}
	if (p->q.rows == 1)
		stored = db_async_cell(&p->q, 0, 1);
	/* The hash runs for an unknown user too: timing tells nothing. */
	password_task_start(req, p, portal_arg(req, "password"), stored);
	req->fsm_state = L_CHECK;
	return KORE_RESULT_RETRY;
}

static int
login_checked(struct http_request *req, struct portal *p)
{
	struct db_val	arg[4];
	int		match;

	if ((match = password_task_result(req, p)) < 0)
		return KORE_RESULT_RETRY;
	if (!match) {
		p->step = 1;	/* answered once the attempt is logged */
		return audit(req, p, p->staff_name, "login.failed");
	}
	if (token_new(p->new_token, p->new_hash)) {
		html_message(req, 503, "Try again later", "No randomness.");
		return KORE_RESULT_OK;
	}
	arg[0] = DB_INT(strtoll(db_async_cell(&p->q, 0, 0), NULL, 10));
	arg[1] = DB_BLOB(p->new_hash, TOKEN_HASH_LEN);
	/* Kept for the schema; CSRF tokens derive from the cookie. */
	arg[2] = DB_BLOB(p->new_hash, TOKEN_HASH_LEN);
	arg[3] = DB_INT(STAFF_SESSION_HOURS);
	db_async_start(&p->q, req, sql_session, arg, 4);
	req->fsm_state = L_SESSION;
	return KORE_RESULT_RETRY;
}

int
page_staff_login(struct http_request *req)
{
	struct portal	*p = portal_get(req);

	if (req->fsm_state != L_START && db_async_pending(&p->q))
		return KORE_RESULT_RETRY;
	switch (req->fsm_state) {
	case L_START:
		return login_start(req, p);
	case L_USER:
		return login_user(req, p);
	case L_CHECK:
		return login_checked(req, p);
	case L_SESSION:
		if (p->q.status != DB_ASYNC_DONE) {
			portal_db_error(req, "login session");
			return KORE_RESULT_OK;
		}
		portal_set_cookie(req, COOKIE_STAFF, p->new_token,
		    STAFF_SESSION_HOURS * 3600L);
		portal_set_cookie(req, COOKIE_LOGIN, NULL, 0);
		return audit(req, p, p->staff_name, "login");
	default:
		if (p->q.status != DB_ASYNC_DONE)
			kore_log(LOG_WARNING, "audit: %s", p->q.error);
		if (p->step == 1)
			login_form(req, 401, "Wrong user name or password.");
		else
			portal_redirect(req, "/staff");
		return KORE_RESULT_OK;
	}
}

static int
logout_start(struct http_request *req, struct portal *p)
{
	struct db_val	arg[1];

	arg[0] = DB_BLOB(p->cookie_hash, TOKEN_HASH_LEN);
	portal_set_cookie(req, COOKIE_STAFF, NULL, 0);
	p->obj = p->staff_id;
	staff_audit_detail(p, "signed out");
	db_async_start(&p->q, req, sql_logout, arg, 1);
	return 0;
}

static const struct staff_page logout_page = {
	.title = "Sign out", .roles = ROLE_ANY, .start = logout_start,
	.audit = "logout", .next = "/staff/login",
};

int
page_staff_logout(struct http_request *req)
{
	return staff_run(req, &logout_page);
}
