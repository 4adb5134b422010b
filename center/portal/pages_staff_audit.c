/* SPDX-License-Identifier: ISC */
/*
 * GET /staff/audit: the audit log, newest first, paged (admins);
 * filtered by action (?action=, exact) and by who (?actor=, exact).
 */
#include "app.h"
#include "paging.h"
#include "staff.h"
#include "staff_table.h"

int	page_staff_audit(struct http_request *);

enum audit_col {
	AUDIT_ID,
	AUDIT_AT,
	AUDIT_ACTOR,
	AUDIT_ACTION,
	AUDIT_SUBJECT,
	AUDIT_DETAIL,
};

#define AUDIT_WHERE							\
	"FROM audit_log WHERE (? IS NULL OR action = ?) "		\
	"AND (? IS NULL OR actor = ?) "

#define AUDIT_SELECT							\
	"SELECT id, DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s UTC'), actor, "	\
	"action, subject, CAST(detail AS CHAR(1000)) "

static const char *const audit_filter_names[] = { "action", "actor", NULL };

static int
audit_filters(struct http_request *req, struct portal *p, struct db_val *v,
    unsigned int *n)
{
	const char	*action = portal_arg(req, "action");
	const char	*actor = portal_arg(req, "actor");

	(void)p;
	v[0] = v[1] = action != NULL ? DB_STR(action) : DB_NULL();
	v[2] = v[3] = actor != NULL ? DB_STR(actor) : DB_NULL();
	*n = 4;
	return 0;
}

/* Newest first: forward walks down the ids. */
static const struct paging_list audit_list = {
	.count = "SELECT COUNT(*) FROM (SELECT 1 " AUDIT_WHERE
	    "LIMIT " PAGING_COUNT_FETCH ") x",
	.forward = AUDIT_SELECT AUDIT_WHERE
	    "AND id < ? ORDER BY id DESC LIMIT ?",
	.backward = AUDIT_SELECT AUDIT_WHERE
	    "AND id > ? ORDER BY id LIMIT ?",
	.descending = 1,
	.key_col = AUDIT_ID,
	.filters = audit_filters,
	.names = audit_filter_names,
};

static void
audit_render(struct kore_buf *buf, struct portal *p)
{
	static const struct staff_column cols[] = {
		{ "When", AUDIT_AT }, { "Who", AUDIT_ACTOR },
		{ "What", AUDIT_ACTION }, { "Subject", AUDIT_SUBJECT },
		{ "Detail", AUDIT_DETAIL }, { NULL, 0 },
	};

	paging_table(buf, p, cols);
}

static const struct page audit_page = {
	.who = PAGE_STAFF, .title = "Audit log", .roles = ROLE_ADMIN,
	.paging = &audit_list,
	.render = audit_render,
};

int
page_staff_audit(struct http_request *req)
{
	return page_run(req, &audit_page);
}
