/* SPDX-License-Identifier: ISC */
/* GET /staff/audit: the newest 500 entries of the audit log (admins). */
#include "app.h"
#include "staff.h"
#include "staff_table.h"

int	page_staff_audit(struct http_request *);

enum audit_col {
	AUDIT_COL_TAG = 0,		/* 'A' */
	AUDIT_AT,
	AUDIT_ACTOR,
	AUDIT_ACTION,
	AUDIT_SUBJECT,
	AUDIT_DETAIL,
};

static const char sql_audit[] =
	"SELECT 'A', DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s UTC'), actor, action, "
	"subject, CAST(detail AS CHAR(1000)) FROM audit_log "
	"ORDER BY id DESC LIMIT 500";

static void
audit_render(struct kore_buf *buf, struct portal *p)
{
	static const struct staff_column cols[] = {
		{ "When", AUDIT_AT }, { "Who", AUDIT_ACTOR },
		{ "What", AUDIT_ACTION }, { "Subject", AUDIT_SUBJECT },
		{ "Detail", AUDIT_DETAIL }, { NULL, 0 },
	};

	staff_table(buf, p, AUDIT_COL_TAG, 'A', cols);
}

static const struct page audit_page = {
	.who = PAGE_STAFF, .title = "Audit log", .roles = ROLE_ADMIN,
	.sql = sql_audit,
	.render = audit_render,
};

int
page_staff_audit(struct http_request *req)
{
	return page_run(req, &audit_page);
}
