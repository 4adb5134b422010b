/*
 * /m/TOKEN: the manager's homepage (the URL the center's e-mails carry).
 * Part 1 lists the manager's terminals and their open notices; orders,
 * visits and guides build on this page.
 */
#include "app.h"
#include "html.h"

int	page_home(struct http_request *);

static int	home_query(struct http_request *);
static int	home_reply(struct http_request *);

enum { HOME_QUERY, HOME_REPLY };

static struct http_state home_states[] = {
	{ "HOME_QUERY", home_query },
	{ "HOME_REPLY", home_reply },
};

/* One row per open notice; a terminal without any gives one NULL row. */
static const char sql_home[] =
	"SELECT m.email, t.terminal_uid, md.name, t.serial, n.summary, "
	"n.severity, DATE_FORMAT(n.opened_at, '%Y-%m-%d %H:%i UTC') "
	"FROM manager_tokens mt "
	"JOIN managers m ON m.id = mt.manager_id "
	"LEFT JOIN terminals t ON t.manager_id = m.id "
	"LEFT JOIN models md ON md.id = t.model_id "
	"LEFT JOIN notices n ON n.terminal_id = t.id AND n.closed_at IS NULL "
	"WHERE mt.token_hash = ? AND mt.expires_at > NOW(6) "
	"ORDER BY t.terminal_uid, n.opened_at, n.id";

int
page_home(struct http_request *req)
{
	return http_state_run(home_states, 2, req);
}

static int
home_query(struct http_request *req)
{
	struct page_state	*st = page_state(req);
	struct db_val		 p[1];

	if (page_token(req, st)) {
		html_message(req, 404, "Not found", "No such page.");
		return HTTP_STATE_COMPLETE;
	}
	p[0] = DB_BLOB(st->token_hash, TOKEN_HASH_LEN);
	db_async_start(&st->q, req, sql_home, p, 1);
	req->fsm_state = HOME_REPLY;
	return db_async_next(&st->q);
}

static void
terminal_heading(struct kore_buf *buf, const struct db_async_query *q,
    unsigned int r)
{
	kore_buf_appendf(buf, "<h2>");
	html_text(buf, db_async_cell(q, r, 2));
	kore_buf_appendf(buf, " <span class=\"serial\">serial ");
	html_text(buf, db_async_cell(q, r, 3));
	kore_buf_appendf(buf, "</span> <span class=\"terminal\">(");
	html_text(buf, db_async_cell(q, r, 1));
	kore_buf_appendf(buf, ")</span></h2>\n");
}

static int
home_reply(struct http_request *req)
{
	struct page_state	*st = page_state(req);
	struct db_async_query	*q = &st->q;
	struct kore_buf		*buf;
	const char		*prev = NULL, *term;
	unsigned int		 r;

	if (db_async_pending(q))
		return HTTP_STATE_RETRY;
	if (q->status != DB_ASYNC_DONE) {
		kore_log(LOG_NOTICE, "home: %s", q->error);
		html_message(req, 503, "Try again later",
		    "The service center cannot answer right now.");
		return HTTP_STATE_COMPLETE;
	}
	if (q->rows == 0) {
		html_message(req, 404, "Not found",
		    "This link is not valid or has expired; the next e-mail "
		    "from the service center carries a new one.");
		return HTTP_STATE_COMPLETE;
	}
	buf = kore_buf_alloc(4096);
	html_begin(buf, "Your terminals");
	kore_buf_appendf(buf, "<p class=\"manager\">Manager: ");
	html_text(buf, db_async_cell(q, 0, 0));
	kore_buf_appendf(buf, "</p>\n");
	if (db_async_cell(q, 0, 1) == NULL)
		kore_buf_appendf(buf, "<p>No terminal names you as its "
		    "manager yet.</p>\n");
	for (r = 0; r < q->rows; r++) {
		term = db_async_cell(q, r, 1);
		if (term == NULL)
			continue;
		if (prev == NULL || strcmp(prev, term)) {
			if (prev != NULL)
				kore_buf_appendf(buf, "</ul></section>\n");
			kore_buf_appendf(buf, "<section class=\"terminal\">");
			terminal_heading(buf, q, r);
			kore_buf_appendf(buf, "<ul class=\"notices\">");
			if (db_async_cell(q, r, 4) == NULL)
				kore_buf_appendf(buf, "<li class=\"ok\">"
				    "Nothing needs attention.</li>");
			prev = term;
		}
		if (db_async_cell(q, r, 4) == NULL)
			continue;
		kore_buf_appendf(buf, "<li class=\"notice ");
		html_text(buf, db_async_cell(q, r, 5));
		kore_buf_appendf(buf, "\">");
		html_text(buf, db_async_cell(q, r, 4));
		kore_buf_appendf(buf, " <span class=\"since\">since ");
		html_text(buf, db_async_cell(q, r, 6));
		kore_buf_appendf(buf, "</span></li>");
	}
	if (prev != NULL)
		kore_buf_appendf(buf, "</ul></section>\n");
	html_end(buf);
	html_send(req, 200, buf);
	return HTTP_STATE_COMPLETE;
}
