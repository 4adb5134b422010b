/* SPDX-License-Identifier: ISC */
/*
 * The one runner of every portal page (page.h). Its states, one Kore
 * handler call or more each (a call that started a statement returns
 * RETRY, and the request sleeps until db_async wakes it):
 *
 *	ENTER --rate limit, who--> [SESSION] --> QUERY --> ANSWER* --> AUDITED
 */
#include <stdio.h>
#include <string.h>

#include "html.h"
#include "json.h"
#include "page_auth.h"
#include "staff.h"

enum { S_ENTER, S_SESSION, S_ANSWER, S_AUDITED };

static const char sql_audit_staff[] =
	"INSERT INTO audit_log (actor, action, subject, detail) "
	"VALUES (?, ?, ?, ?)";

static const char sql_audit_manager[] =
	"INSERT INTO audit_log (actor, action, subject, detail) "
	"SELECT CONCAT('manager ', m.email), ?, ?, ? FROM manager_sessions s "
	"JOIN managers m ON m.id = s.manager_id WHERE s.token_hash = ?";

static int
json_errors(const struct page *page)
{
	return page->who == PAGE_API || (page->flags & PAGE_JSON);
}

int
page_failed(struct http_request *req, struct portal *p)
{
	const struct page	*page = p->page;

	if (page->duplicate.text != NULL &&
	    strstr(p->q.error, "Duplicate entry") != NULL) {
		html_message(req, 409, page->duplicate.title,
		    page->duplicate.text);
		return PAGE_DONE;
	}
	if (json_errors(page)) {
		kore_log(LOG_NOTICE, "%s: %s", page->title, p->q.error);
		json_error(req, 503, "try again later");
		return PAGE_DONE;
	}
	portal_db_error(req, page->title);
	return PAGE_DONE;
}

int
page_not_found(struct http_request *req, struct portal *p)
{
	const struct page_words	*w = &p->page->not_found;

	if (json_errors(p->page))
		json_error(req, 404, w->text);
	else
		html_message(req, 404, w->title != NULL ? w->title :
		    "Not found", w->text);
	return PAGE_DONE;
}

static int
audit_start(struct http_request *req, struct portal *p)
{
	struct db_val	arg[4];

	if (p->page->who == PAGE_MANAGER) {
		arg[0] = DB_STR(p->page->audit);
		arg[1] = DB_STR(p->subject);
		arg[2] = DB_STR(p->detail);
		arg[3] = DB_BLOB(p->cookie_hash, TOKEN_HASH_LEN);
		db_async_start(&p->q, req, sql_audit_manager, arg, 4);
	} else {
		arg[0] = DB_STR(p->staff_name);
		arg[1] = DB_STR(p->page->audit);
		arg[2] = DB_STR(p->subject);
		arg[3] = DB_STR(p->detail);
		db_async_start(&p->q, req, sql_audit_staff, arg, 4);
	}
	req->fsm_state = S_AUDITED;
	return PAGE_QUERY;
}

/* An action without an answer(): it must have changed a row. */
static int
changed(struct http_request *req, struct portal *p)
{
	if (p->q.affected == 0)
		return page_not_found(req, p);
	return PAGE_AUDIT;
}

/* A staff page's rows drawn inside the staff pages' frame. */
static int
staff_frame(struct http_request *req, struct portal *p)
{
	struct kore_buf	*buf = kore_buf_alloc(16384);

	html_begin(buf, p->page->title);
	staff_nav(buf, p);
	p->page->render(buf, p);
	html_end(buf);
	html_send(req, 200, buf);
	return PAGE_DONE;
}

static int
answer(struct http_request *req, struct portal *p)
{
	const struct page	*page = p->page;
	int			 next;

	if (p->q.status != DB_ASYNC_DONE && !(page->flags & PAGE_OWN_ERRORS))
		return page_failed(req, p);
	if (page->paging != NULL && (next = paging_next(req, p)) != -1)
		return next;
	if (page->answer != NULL)
		return page->answer(req, p);
	if (page->render != NULL)
		return staff_frame(req, p);
	return changed(req, p);
}

static int
audited(struct http_request *req, struct portal *p)
{
	/* The action is done; a failed audit row is only logged. */
	if (p->q.status != DB_ASYNC_DONE)
		kore_log(LOG_WARNING, "audit: %s", p->q.error);
	if (p->page->audited != NULL)
		return p->page->audited(req, p);
	portal_redirect(req, p->page->next);
	return PAGE_DONE;
}

/* One step of the page; PAGE_QUERY and PAGE_WAIT leave it asleep. */
static int
step(struct http_request *req, struct portal *p, const struct page *page)
{
	int	next;

	switch (req->fsm_state) {
	case S_ENTER:
		if (!ratelimit_allow(req, page->limit)) {
			if (json_errors(page))
				json_error(req, 429, "too many attempts; "
				    "wait a minute");
			else
				html_message(req, 429, "Too many requests",
				    "Please wait a minute and try again.");
			return PAGE_DONE;
		}
		req->fsm_state = S_SESSION;
		if ((next = page_auth_start(req, p, page)) != -1)
			return next;
		/* nothing to look up */
		/* FALLTHROUGH */
	case S_SESSION:
		if (page->who == PAGE_STAFF || page->who == PAGE_API) {
			if ((next = page_auth_session(req, p, page)) != -1)
				return next;
		}
		req->fsm_state = S_ANSWER;
		if (page->paging != NULL)
			return paging_start(req, p);
		if (page->query != NULL)
			return page->query(req, p);
		db_async_start(&p->q, req, page->sql, NULL, 0);
		return PAGE_QUERY;
	case S_ANSWER:
		return answer(req, p);
	default:
		return audited(req, p);
	}
}

int
page_run(struct http_request *req, const struct page *page)
{
	struct portal	*p = portal_get(req);
	int		 next;

	p->page = page;
	if (req->fsm_state != S_ENTER && db_async_pending(&p->q))
		return KORE_RESULT_RETRY;
	for (;;) {
		next = step(req, p, page);
		if (next == PAGE_AUDIT)
			next = audit_start(req, p);
		if (next == PAGE_DONE)
			return KORE_RESULT_OK;
		if (next == PAGE_WAIT)
			return KORE_RESULT_RETRY;
		/* A statement that failed at once: answer it now, for Kore
		 * would not run a request woken inside its handler until
		 * the next tick (db_async_next). */
		if (db_async_next(&p->q) == HTTP_STATE_RETRY)
			return KORE_RESULT_RETRY;
	}
}

int
page_link_query(struct http_request *req, struct portal *p,
    const char *get_sql, const char *post_sql)
{
	struct db_val	arg[1];

	arg[0] = DB_BLOB(p->link_hash, TOKEN_HASH_LEN);
	db_async_start(&p->q, req, req->method == HTTP_METHOD_POST ?
	    post_sql : get_sql, arg, 1);
	return PAGE_QUERY;
}
