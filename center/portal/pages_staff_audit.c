/* GET /staff/audit: the newest 500 entries of the audit log (admins). */
#include "app.h"
#include "staff.h"
#include "staff_table.h"

int	page_staff_audit(struct http_request *);

static const char sql_audit[] =
	"SELECT 'A', DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s UTC'), actor, action, "
	"subject, CAST(detail AS CHAR(1000)) FROM audit_log "
	"ORDER BY id DESC LIMIT 500";

static int
audit_start(struct http_request *req, struct portal *p)
{
	db_async_start(&p->q, req, sql_audit, NULL, 0);
	return PAGE_QUERY;
}

static void
audit_render(struct kore_buf *buf, struct portal *p)
{
	static const char *const heads[] = { "When", "Who", "What", "Subject",
	    "Detail", NULL };

	staff_table(buf, p, 'A', heads);
}

static const struct page audit_page = {
	.who = PAGE_STAFF, .title = "Audit log", .roles = ROLE_ADMIN,
	.query = audit_start,
	.render = audit_render,
};

int
page_staff_audit(struct http_request *req)
{
	return page_run(req, &audit_page);
}
