/* SPDX-License-Identifier: ISC */
/*
 * GET /staff/quarantine: the messages the mailgate dropped (admins),
 * newest first, paged (paging.h) and filtered by ?reason=: when, why, and
 * the start of the message as delivered. The table holds the newest
 * quarantine_keep (center/ingest/quarantine.h).
 */
#include "app.h"
#include "html.h"
#include "paging.h"
#include "staff.h"
#include "staff_table.h"

int	page_staff_quarantine(struct http_request *);

enum quarantine_col {
	QUARANTINE_ID,
	QUARANTINE_AT,
	QUARANTINE_REASON,
	QUARANTINE_DETAIL,
	QUARANTINE_BYTES,
	QUARANTINE_HEAD,
};

/* The message is whatever a stranger sent: shown as ASCII text, escaped.
 * A reason filters by scanning by id: the table is small (its keep). */
#define QUARANTINE_WHERE						\
	"FROM mail_quarantine WHERE (? IS NULL OR reason = ?) "

#define QUARANTINE_SELECT						\
	"SELECT id, DATE_FORMAT(received_at, '%Y-%m-%d %H:%i:%s UTC'), "	\
	"reason, detail, bytes, CONVERT(LEFT(raw, 2000) USING ascii) "

static const char *const quarantine_filter_names[] = { "reason", NULL };

static int
quarantine_filters(struct http_request *req, struct portal *p,
    struct db_val *v, unsigned int *n)
{
	const char	*reason = portal_arg(req, "reason");

	(void)p;
	v[0] = v[1] = reason != NULL ? DB_STR(reason) : DB_NULL();
	*n = 2;
	return 0;
}

static const struct paging_list quarantine_list = {
	.count = "SELECT COUNT(*) FROM (SELECT 1 " QUARANTINE_WHERE
	    "LIMIT " PAGING_COUNT_FETCH ") x",
	.forward = QUARANTINE_SELECT QUARANTINE_WHERE
	    "AND id < ? ORDER BY id DESC LIMIT ?",
	.backward = QUARANTINE_SELECT QUARANTINE_WHERE
	    "AND id > ? ORDER BY id LIMIT ?",
	.descending = 1,
	.key_col = QUARANTINE_ID,
	.filters = quarantine_filters,
	.names = quarantine_filter_names,
};

/* The message's start, as delivered. */
static void
message_head(struct kore_buf *buf, struct portal *p, unsigned int r)
{
	html_wrap(buf, "<td><pre>", db_async_cell(&p->q, r, QUARANTINE_HEAD),
	    "</pre></td>");
}

static void
quarantine_render(struct kore_buf *buf, struct portal *p)
{
	static const struct staff_column cols[] = {
		{ "When", QUARANTINE_AT }, { "Why", QUARANTINE_REASON },
		{ "Detail", QUARANTINE_DETAIL }, { "Bytes", QUARANTINE_BYTES },
		{ "Message (start)", QUARANTINE_HEAD }, { NULL, 0 },
	};

	kore_buf_appendf(buf, "<p>Mail that was not a valid report, accepted "
	    "and dropped (never bounced), newest first.</p>\n");
	html_wrap(buf, "<form method=\"get\" action=\"/staff/quarantine\" "
	    "class=\"filters\"><label>Why <input name=\"reason\" value=\"",
	    portal_arg(p->q.req, "reason"), "\"></label> "
	    "<button type=\"submit\">Find</button></form>\n");
	paging_table_tail(buf, p, cols, message_head);
}

static const struct page quarantine_page = {
	.who = PAGE_STAFF, .title = "Quarantine", .roles = ROLE_ADMIN,
	.paging = &quarantine_list,
	.render = quarantine_render,
};

int
page_staff_quarantine(struct http_request *req)
{
	return page_run(req, &quarantine_page);
}
