/* SPDX-License-Identifier: ISC */
/*
 * The list of terminals, paged (paging.h), through either door:
 *   GET /staff/terminals   every role: a table, a search by terminal id or
 *                          serial, filters by state, model and manager
 *   GET /api/v1/terminals  the same rows and filters as JSON
 * Filters (query string): q (a terminal id or a serial, exact), state
 * (ok, warning, error, not_reporting), model (its name), manager (the
 * address); cursor and, for the API, limit (1-1000).
 */
#include <string.h>

#include "app.h"
#include "html.h"
#include "json.h"
#include "paging.h"
#include "staff.h"
#include "staff_table.h"

int	page_staff_terminals(struct http_request *);
int	api_terminals(struct http_request *);

enum terminals_col {
	TERMINALS_ID,
	TERMINALS_UID,
	TERMINALS_MODEL,
	TERMINALS_SERIAL,
	TERMINALS_MANAGER,
	TERMINALS_LAST_REPORT,
	TERMINALS_STATE,
	TERMINALS_OPEN_NOTICES,		/* their keywords, space-separated */
};

/* A terminal's state: its worst open notice, or not reporting. */
#define TERMINAL_STATE							\
	"CASE WHEN t.last_report_at IS NULL OR t.last_report_at < "	\
	"  NOW(6) - INTERVAL " STALE_DAYS " DAY THEN 'not_reporting' "	\
	"ELSE (SELECT CASE MAX(FIELD(n.severity, 'report', 'warning', "	\
	"  'error')) WHEN 3 THEN 'error' WHEN 2 THEN 'warning' "	\
	"  ELSE 'ok' END FROM notices n WHERE n.terminal_id = t.id "	\
	"  AND n.closed_at IS NULL) END"

/*
 * The filters, a parameter (twice or three times) each; "? IS NULL" of
 * an absent one is folded away when the statement runs, so a search by
 * id or serial is one lookup in terminals_uid or terminals_serial. A
 * model or manager is looked up first and filters on the terminal's own
 * column (an index seek on terminals_model or terminals_manager); with
 * the condition on the joined row instead, MariaDB read all 10^6
 * terminals to count one manager's 1,000 (8.6 s). STRAIGHT_JOIN keeps
 * terminals first: else the first page of an unfiltered list starts
 * from the ten models and sorts every terminal (13 s at 10^6).
 */
#define TERMINALS_WHERE							\
	"WHERE (? IS NULL OR t.terminal_uid = ? OR t.serial = ?) "	\
	"AND (? IS NULL OR t.model_id = "				\
	"  (SELECT id FROM models WHERE name = ?)) "			\
	"AND (? IS NULL OR t.manager_id = "				\
	"  (SELECT id FROM managers WHERE email = ?)) "			\
	"AND (? IS NULL OR ? = " TERMINAL_STATE ") "

/* The count reads the terminals alone: every one has its model. */
#define TERMINALS_FROM							\
	"FROM terminals t JOIN models md ON md.id = t.model_id "	\
	"LEFT JOIN managers m ON m.id = t.manager_id "

#define TERMINALS_SELECT						\
	"SELECT STRAIGHT_JOIN t.id, t.terminal_uid, md.name, t.serial, "	\
	"m.email, "							\
	"DATE_FORMAT(t.last_report_at, '%Y-%m-%dT%H:%i:%sZ'), "		\
	TERMINAL_STATE ", "						\
	"(SELECT GROUP_CONCAT(n.condition_kw ORDER BY n.id SEPARATOR ' ') " \
	"  FROM notices n WHERE n.terminal_id = t.id AND n.closed_at IS NULL) "

static const char *const terminals_filter_names[] = {
	"q", "model", "manager", "state", NULL,
};

static int
terminals_filters(struct http_request *req, struct portal *p,
    struct db_val *v, unsigned int *n)
{
	static const char *const states[] = {
		"ok", "warning", "error", "not_reporting", NULL,
	};
	const char		*q = portal_arg(req, "q");
	const char		*model = portal_arg(req, "model");
	const char		*manager = portal_arg(req, "manager");
	const char		*state = portal_arg(req, "state");
	const char *const	*s;
	unsigned int		 i = 0;

	for (s = states; state != NULL && *s != NULL; s++)
		if (strcmp(state, *s) == 0)
			break;
	if (state != NULL && *s == NULL) {
		(void)paging_refuse(req, p, "state must be ok, warning, "
		    "error or not_reporting");
		return -1;
	}
#define FILTER(val, times) do {						\
	unsigned int k_;						\
	for (k_ = 0; k_ < (times); k_++)				\
		v[i++] = (val) != NULL ? DB_STR(val) : DB_NULL();	\
} while (0)
	FILTER(q, 3);
	FILTER(model, 2);
	FILTER(manager, 2);
	FILTER(state, 2);
#undef FILTER
	*n = i;
	return 0;
}

static const struct paging_list terminals_list = {
	.count = "SELECT COUNT(*) FROM (SELECT 1 FROM terminals t "
	    TERMINALS_WHERE
	    "LIMIT " PAGING_COUNT_FETCH ") x",
	.forward = TERMINALS_SELECT TERMINALS_FROM TERMINALS_WHERE
	    "AND t.id > ? ORDER BY t.id LIMIT ?",
	.backward = TERMINALS_SELECT TERMINALS_FROM TERMINALS_WHERE
	    "AND t.id < ? ORDER BY t.id DESC LIMIT ?",
	.key_col = TERMINALS_ID,
	.filters = terminals_filters,
	.names = terminals_filter_names,
};

/* The search and filter form, filled with the request's values. */
static void
filter_form(struct kore_buf *buf, struct portal *p)
{
	static const char *const states[] = {
		"", "ok", "warning", "error", "not_reporting", NULL,
	};
	struct http_request	*req = p->q.req;
	const char		*state = portal_arg(req, "state");
	const char *const	*s;

	kore_buf_appendf(buf, "<form method=\"get\" action=\"/staff/terminals\""
	    " class=\"filters\">");
	html_wrap(buf, "<label>Terminal id or serial <input name=\"q\" value=\"",
	    portal_arg(req, "q"), "\"></label>\n");
	html_wrap(buf, "<label>Model <input name=\"model\" value=\"",
	    portal_arg(req, "model"), "\"></label>\n");
	html_wrap(buf, "<label>Manager <input name=\"manager\" value=\"",
	    portal_arg(req, "manager"), "\"></label>\n");
	kore_buf_appendf(buf, "<label>State <select name=\"state\">");
	for (s = states; *s != NULL; s++) {
		html_wrap(buf, "<option value=\"", *s, "\"");
		if (state != NULL && strcmp(state, *s) == 0)
			kore_buf_appendf(buf, " selected");
		html_wrap(buf, ">", **s != '\0' ? *s : "any", "</option>");
	}
	kore_buf_appendf(buf, "</select></label>\n"
	    "<button type=\"submit\">Find</button></form>\n");
}

static void
terminals_render(struct kore_buf *buf, struct portal *p)
{
	static const struct staff_column cols[] = {
		{ "Terminal", TERMINALS_UID }, { "Model", TERMINALS_MODEL },
		{ "Serial", TERMINALS_SERIAL },
		{ "Manager", TERMINALS_MANAGER },
		{ "Last report", TERMINALS_LAST_REPORT },
		{ "State", TERMINALS_STATE },
		{ "Open notices", TERMINALS_OPEN_NOTICES }, { NULL, 0 },
	};

	filter_form(buf, p);
	paging_table(buf, p, cols);
}

/* Open notices' keywords, space-separated, as a JSON array. */
static void
keywords(struct kore_buf *buf, const char *list)
{
	const char	*end;
	char		 kw[65];
	size_t		 n;
	int		 first = 1;

	kore_buf_appendf(buf, "[");
	while (list != NULL && *list != '\0') {
		end = strchr(list, ' ');
		n = end != NULL ? (size_t)(end - list) : strlen(list);
		if (n > 0 && n < sizeof(kw)) {
			memcpy(kw, list, n);
			kw[n] = '\0';
			kore_buf_appendf(buf, "%s", first ? "" : ",");
			json_string(buf, kw);
			first = 0;
		}
		list = end != NULL ? end + 1 : NULL;
	}
	kore_buf_appendf(buf, "]");
}

static int
terminals_reply(struct http_request *req, struct portal *p)
{
	/* The columns up to the state; then the notices, as an array. */
	static const char *const keys[TERMINALS_OPEN_NOTICES] = {
		[TERMINALS_ID] = "id", [TERMINALS_UID] = "terminal",
		[TERMINALS_MODEL] = "model", [TERMINALS_SERIAL] = "serial",
		[TERMINALS_MANAGER] = "manager",
		[TERMINALS_LAST_REPORT] = "last_report_at",
		[TERMINALS_STATE] = "state",
	};
	struct kore_buf	*buf = kore_buf_alloc(8192);
	unsigned int	 k, r;

	kore_buf_appendf(buf, "{\"terminals\":[");
	for (k = 0; k < paging_shown(p); k++) {
		r = paging_row(p, k);
		kore_buf_appendf(buf, "%s{", k ? "," : "");
		json_members(buf, &p->q, r, keys, TERMINALS_OPEN_NOTICES,
		    JSON_COL(TERMINALS_ID));
		kore_buf_appendf(buf, ",\"open_notices\":");
		keywords(buf, db_async_cell(&p->q, r,
		    TERMINALS_OPEN_NOTICES));
		kore_buf_appendf(buf, "}");
	}
	return paging_json_send(req, p, buf);
}

static const struct page terminals_page = {
	.who = PAGE_STAFF, .title = "Terminals", .roles = ROLE_ANY,
	.paging = &terminals_list, .render = terminals_render,
};

static const struct page terminals_call = {
	.who = PAGE_API, .title = "api terminals", .roles = ROLE_ANY,
	.paging = &terminals_list, .answer = terminals_reply,
};

int
page_staff_terminals(struct http_request *req)
{
	return page_run(req, &terminals_page);
}

int
api_terminals(struct http_request *req)
{
	return page_run(req, &terminals_call);
}
