/* SPDX-License-Identifier: ISC */
/*
 * Staff sign-in and sign-out.
 *   GET  /staff/login   the form; a short-lived cookie binds its CSRF token
 *   POST /staff/login   username, password, csrf: checks the scrypt hash,
 *                       opens a session (cookie), logs it; rate limited
 *   POST /staff/logout  ends the session
 */
#include "app.h"
#include "html.h"
#include "signin.h"
#include "staff.h"

int	page_staff_login(struct http_request *);
int	page_staff_logout(struct http_request *);

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
refuse(struct http_request *req, enum signin_refusal why)
{
	switch (why) {
	case SIGNIN_LIMITED:
		html_message(req, 429, "Too many attempts",
		    "Please wait a minute and try again.");
		break;
	case SIGNIN_MISSING:
		login_form(req, 400, "User name and password, please.");
		break;
	case SIGNIN_TOO_LONG:
		login_form(req, 400, "That user name is too long.");
		break;
	case SIGNIN_NO_RANDOM:
		html_message(req, 503, "Try again later", "No randomness.");
		break;
	case SIGNIN_WRONG:
		login_form(req, 401, "Wrong user name or password.");
		break;
	}
	return PAGE_DONE;
}

/* The form's CSRF token is bound to the form's own cookie. */
static int
admit(struct http_request *req)
{
	char	*pre;

	if (portal_request_cookie(req, COOKIE_LOGIN, &pre) == 0 &&
	    csrf_valid(req, pre))
		return -1;
	login_form(req, 400, "The form expired; please sign in again.");
	return PAGE_DONE;
}

static void
opened(struct http_request *req, struct portal *p)
{
	portal_set_cookie(req, COOKIE_STAFF, p->new_token,
	    STAFF_SESSION_HOURS * 3600L);
	portal_set_cookie(req, COOKIE_LOGIN, NULL, 0);
}

static int
signed_in(struct http_request *req, struct portal *p)
{
	(void)p;
	portal_redirect(req, "/staff");
	return PAGE_DONE;
}

static const struct signin form_signin = {
	.audit_ok = "login", .audit_failed = "login.failed",
	.subject = "staff session", .kind = "web", .with_address = 1,
	.admit = admit, .refuse = refuse, .opened = opened,
	.signed_in = signed_in,
};

/* GET: the form. POST: the shared sign-in. */
static int
login_query(struct http_request *req, struct portal *p)
{
	if (req->method == HTTP_METHOD_GET) {
		login_form(req, 200, NULL);
		return PAGE_DONE;
	}
	return signin_start(req, p, &form_signin);
}

static int
login_answer(struct http_request *req, struct portal *p)
{
	return signin_step(req, p, &form_signin);
}

static const struct page login_page = {
	.who = PAGE_PUBLIC, .title = "login", .flags = PAGE_OWN_ERRORS,
	.query = login_query, .answer = login_answer,
};

int
page_staff_login(struct http_request *req)
{
	return page_run(req, &login_page);
}

static int
logout_query(struct http_request *req, struct portal *p)
{
	struct db_val	arg[1];

	arg[0] = DB_BLOB(p->cookie_hash, TOKEN_HASH_LEN);
	portal_set_cookie(req, COOKIE_STAFF, NULL, 0);
	p->obj = p->staff_id;
	staff_audit_detail(p, "signed out");
	db_async_start(&p->q, req, sql_logout, arg, 1);
	return PAGE_QUERY;
}

static const struct page logout_page = {
	.who = PAGE_STAFF, .title = "Sign out", .roles = ROLE_ANY,
	.query = logout_query, .audit = "logout", .next = "/staff/login",
	STAFF_ACTION_WORDS,
};

int
page_staff_logout(struct http_request *req)
{
	return page_run(req, &logout_page);
}
