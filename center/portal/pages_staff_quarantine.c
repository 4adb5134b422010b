/* SPDX-License-Identifier: ISC */
/*
 * GET /staff/quarantine: the newest 200 messages the mailgate dropped
 * (admins): when, why, and the start of the message as delivered. The
 * table holds the newest quarantine_keep (center/ingest/quarantine.h).
 */
#include "app.h"
#include "html.h"
#include "staff.h"
#include "staff_table.h"

int	page_staff_quarantine(struct http_request *);

enum quarantine_col {
	QUARANTINE_COL_TAG = 0,		/* 'Q' */
	QUARANTINE_AT,
	QUARANTINE_REASON,
	QUARANTINE_DETAIL,
	QUARANTINE_BYTES,
	QUARANTINE_HEAD,
};

/* The message is whatever a stranger sent: shown as ASCII text, escaped. */
static const char sql_quarantine[] =
	"SELECT 'Q', DATE_FORMAT(received_at, '%Y-%m-%d %H:%i:%s UTC'), "
	"reason, detail, bytes, CONVERT(LEFT(raw, 2000) USING ascii) "
	"FROM mail_quarantine ORDER BY id DESC LIMIT 200";

static void
quarantine_render(struct kore_buf *buf, struct portal *p)
{
	static const struct staff_column cols[] = {
		{ "When", QUARANTINE_AT }, { "Why", QUARANTINE_REASON },
		{ "Detail", QUARANTINE_DETAIL }, { "Bytes", QUARANTINE_BYTES },
		{ "Message (start)", QUARANTINE_HEAD }, { NULL, 0 },
	};
	const struct staff_column	*c;
	unsigned int			 r;

	kore_buf_appendf(buf, "<p>Mail that was not a valid report, accepted "
	    "and dropped (never bounced), newest first.</p>\n");
	html_table_begin(buf, NULL, "Quarantined mail");
	staff_heads(buf, cols);
	for (r = 0; r < p->q.rows; r++) {
		kore_buf_appendf(buf, "<tr>");
		for (c = cols; c->col != QUARANTINE_HEAD; c++)
			html_wrap(buf, "<td>", db_async_cell(&p->q, r, c->col),
			    "</td>");
		html_wrap(buf, "<td><pre>", db_async_cell(&p->q, r,
		    QUARANTINE_HEAD), "</pre></td></tr>\n");
	}
	if (p->q.rows == 0)
		kore_buf_appendf(buf, "<tr><td colspan=\"5\">None.</td></tr>\n");
	kore_buf_appendf(buf, "</tbody>");
	html_table_end(buf);
}

static const struct page quarantine_page = {
	.who = PAGE_STAFF, .title = "Quarantine", .roles = ROLE_ADMIN,
	.sql = sql_quarantine,
	.render = quarantine_render,
};

int
page_staff_quarantine(struct http_request *req)
{
	return page_run(req, &quarantine_page);
}
