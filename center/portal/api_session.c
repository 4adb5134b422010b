/* SPDX-License-Identifier: ISC */
/*
 * POST /api/v1/session: username, password -> {"token": ..., "expires_in":
 * seconds}, a staff session for the API's bearer header. The staff form's
 * sign-in (signin.h): rate limited alike, every attempt in the audit log.
 */
#include "json.h"
#include "signin.h"

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
	.subject = "api", .refuse = refuse,
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

int
api_session(struct http_request *req)
{
	return page_run(req, &session_page);
}
