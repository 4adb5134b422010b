/* SPDX-License-Identifier: ISC */
/*
 * Technicians and their availability (dispatch and admins).
 *   GET  /staff/technicians  slots starting from 24 hours ago on, in the
 *                            order they start, free or booked (by which terminal,
 *                            for which manager), paged (paging.h) and
 *                            filtered by state (free, booked), technician
 *                            (id) and manager (the visit's); the
 *                            technicians; forms to add either
 *   GET  /api/v1/slots       the same slots and filters as JSON
 *   POST /staff/technicians  name, email
 *   POST /staff/slots        technician, starts, ends (YYYY-MM-DD HH:MM)
 * Each slot has its forms: remove a free one, cancel or move the visit
 * booked in it (pages_staff_cancel.c).
 */
#include <string.h>

#include "app.h"
#include "html.h"
#include "json.h"
#include "paging.h"
#include "staff.h"
#include "staff_forms.h"
#include "staff_table.h"

int	page_staff_technicians(struct http_request *);
int	page_staff_slot_add(struct http_request *);
int	api_slots(struct http_request *);

/* A slot: the API's members first, in order (json_members), then the
 * page's. */
enum slots_col {
	SLOTS_ID,
	SLOTS_TECHNICIAN,
	SLOTS_STARTS,
	SLOTS_ENDS,
	SLOTS_VISIT,			/* its visit's state, or NULL: free */
	SLOTS_TERMINAL,
	SLOTS_MANAGER,
	SLOTS_API_COLS,
	SLOTS_AT = SLOTS_API_COLS,	/* the cursor's time */
	SLOTS_FROM,
	SLOTS_TO,
	SLOTS_BOOKED,			/* "free", or by which terminal */
	SLOTS_BOOKED_VISIT,		/* the visit booked in it, or NULL */
};

/* The technicians (p->choices): the table and the forms' choice. */
enum technician_col {
	TECHNICIAN_TAG,
	TECHNICIAN_ID,
	TECHNICIAN_NAME,
	TECHNICIAN_EMAIL,
};

/*
 * Slots first (STRAIGHT_JOIN), walked in technician_slots_time, or in
 * technician_slots_technician_time for one technician's, from 24 hours
 * ago: a bound on the start, so that the years of past slots are not
 * read (a bound on the end made the first page and its count read them
 * all: 10.8 s at 10^6 past slots, 0.2 s now). A slot is held by at most
 * one visit, booked or completed (visits_slot_held: a cancelled one frees
 * it); a removed slot is hidden (migration 0085).
 */
#define SLOTS_JOIN							\
	"FROM technician_slots s "					\
	"LEFT JOIN visits v ON v.slot_held = s.id "

#define SLOTS_WHERE							\
	"WHERE s.starts_at > NOW() - INTERVAL 1 DAY "			\
	"AND s.removed_at IS NULL "					\
	"AND (? IS NULL OR (? = 'free') = (v.id IS NULL)) "		\
	"AND (? IS NULL OR s.technician_id = ?) "			\
	"AND (? IS NULL OR v.manager_id = "				\
	"  (SELECT id FROM managers WHERE email = ?)) "

#define SLOTS_SELECT							\
	"SELECT STRAIGHT_JOIN s.id, tc.name, "				\
	"DATE_FORMAT(s.starts_at, '%Y-%m-%dT%H:%i:00Z'), "		\
	"DATE_FORMAT(s.ends_at, '%Y-%m-%dT%H:%i:00Z'), "		\
	"v.state, t.terminal_uid, m.email, "				\
	PAGING_TIME("s.starts_at") ", "					\
	"DATE_FORMAT(s.starts_at, '%Y-%m-%d %H:%i UTC'), "		\
	"DATE_FORMAT(s.ends_at, '%Y-%m-%d %H:%i UTC'), "		\
	"IF(v.id IS NULL, 'free', CONCAT('booked for ', "		\
	"  t.terminal_uid, ' (', v.state, ')')), "			\
	"IF(v.state = 'booked', v.id, NULL) "				\
	SLOTS_JOIN							\
	"JOIN technicians tc ON tc.id = s.technician_id "		\
	"LEFT JOIN terminals t ON t.id = v.terminal_id "		\
	"LEFT JOIN managers m ON m.id = v.manager_id "

static const char *const slots_filter_names[] = {
	"state", "technician", "manager", NULL,
};

static int
slots_filters(struct http_request *req, struct portal *p, struct db_val *v,
    unsigned int *n)
{
	const char	*state = portal_arg(req, "state");
	const char	*manager = portal_arg(req, "manager");
	long long	 technician = -1;

	if (state != NULL && strcmp(state, "free") != 0 &&
	    strcmp(state, "booked") != 0) {
		(void)paging_refuse(req, p, "state must be free or booked");
		return -1;
	}
	if (portal_arg(req, "technician") != NULL &&
	    (technician = portal_arg_id(req, "technician")) < 0) {
		(void)paging_refuse(req, p, "technician must be a "
		    "technician's number");
		return -1;
	}
	v[0] = v[1] = state != NULL ? DB_STR(state) : DB_NULL();
	v[2] = v[3] = technician >= 0 ? DB_INT(technician) : DB_NULL();
	v[4] = v[5] = manager != NULL ? DB_STR(manager) : DB_NULL();
	*n = 6;
	return 0;
}

static const struct paging_list slots_list = {
	.count = "SELECT COUNT(*) FROM (SELECT STRAIGHT_JOIN 1 " SLOTS_JOIN
	    SLOTS_WHERE "LIMIT " PAGING_COUNT_FETCH ") x",
	.forward = SLOTS_SELECT SLOTS_WHERE "AND "
	    PAGING_AFTER("s.starts_at", "s.id")
	    "ORDER BY s.starts_at, s.id LIMIT ?",
	.backward = SLOTS_SELECT SLOTS_WHERE "AND "
	    PAGING_BEFORE("s.starts_at", "s.id")
	    "ORDER BY s.starts_at DESC, s.id DESC LIMIT ?",
	.key_col = SLOTS_ID,
	.timed = 1,
	.time_col = SLOTS_AT,
	.filters = slots_filters,
	.names = slots_filter_names,
	.choices = "SELECT 'T', id, name, email FROM technicians ORDER BY id",
};

static const char sql_technician_add[] =
	"INSERT INTO technicians (name, email) VALUES (?, ?)";

#define SLOT_TIME	"STR_TO_DATE(?, '%Y-%m-%d %H:%i')"

static const char sql_slot_add[] =
	"INSERT INTO technician_slots (technician_id, starts_at, ends_at) "
	"SELECT id, " SLOT_TIME ", " SLOT_TIME " FROM technicians "
	"WHERE id = ? AND " SLOT_TIME " < " SLOT_TIME;

/* The filters' form, filled with the request's values. */
static void
filter_form(struct kore_buf *buf, struct portal *p)
{
	static const char *const states[] = { "", "free", "booked", NULL };
	struct http_request	*req = p->q.req;
	const char		*state = portal_arg(req, "state");
	const char		*tech = portal_arg(req, "technician");
	const char *const	*s;
	const char		*id;
	unsigned int		 r;

	kore_buf_appendf(buf, "<form method=\"get\" "
	    "action=\"/staff/technicians\" class=\"filters\">"
	    "<label>State <select name=\"state\">");
	for (s = states; *s != NULL; s++) {
		html_wrap(buf, "<option value=\"", *s, "\"");
		if (state != NULL && strcmp(state, *s) == 0)
			kore_buf_appendf(buf, " selected");
		html_wrap(buf, ">", **s != '\0' ? *s : "any", "</option>");
	}
	kore_buf_appendf(buf, "</select></label>\n<label>Technician "
	    "<select name=\"technician\"><option value=\"\">any</option>");
	for (r = 0; r < p->choices.rows; r++) {
		id = db_async_cell(&p->choices, r, TECHNICIAN_ID);
		html_wrap(buf, "<option value=\"", id, "\"");
		if (tech != NULL && id != NULL && strcmp(tech, id) == 0)
			kore_buf_appendf(buf, " selected");
		html_wrap(buf, ">", db_async_cell(&p->choices, r,
		    TECHNICIAN_NAME), "</option>");
	}
	html_wrap(buf, "</select></label>\n<label>Manager <input "
	    "name=\"manager\" value=\"", portal_arg(req, "manager"),
	    "\"></label>\n<button type=\"submit\">Find</button></form>\n");
}

static void
technicians_table(struct kore_buf *buf, struct portal *p)
{
	static const struct staff_column cols[] = {
		{ "Id", TECHNICIAN_ID }, { "Name", TECHNICIAN_NAME },
		{ "E-mail", TECHNICIAN_EMAIL }, { NULL, 0 },
	};
	const struct staff_column	*c;
	unsigned int			 r;

	html_table_begin(buf, NULL, "Technicians");
	staff_heads(buf, cols);
	for (r = 0; r < p->choices.rows; r++) {
		kore_buf_appendf(buf, "<tr>");
		for (c = cols; c->head != NULL; c++)
			html_wrap(buf, "<td>", db_async_cell(&p->choices, r,
			    c->col), "</td>");
		kore_buf_appendf(buf, "</tr>\n");
	}
	if (p->choices.rows == 0)
		kore_buf_appendf(buf, "<tr><td colspan=\"3\">None yet.</td>"
		    "</tr>\n");
	kore_buf_appendf(buf, "</tbody>");
	html_table_end(buf);
}

/* The last cell of a slot's row: remove it when free, cancel or move the
 * visit booked in it (pages_staff_cancel.c). */
static void
slot_forms(struct kore_buf *buf, struct portal *p, unsigned int r)
{
	static const struct staff_input to_slot[] = { { "slot", NULL, 5 } };
	const char	*slot = db_async_cell(&p->q, r, SLOTS_ID);
	const char	*visit = db_async_cell(&p->q, r, SLOTS_BOOKED_VISIT);

	html_wrap(buf, "<td id=\"slot-", slot, "\">");
	if (visit != NULL) {
		staff_row_form(buf, p, "/staff/visits/cancel", "visit", visit,
		    NULL, 0, "Cancel the visit");
		staff_row_form(buf, p, "/staff/visits/move", "visit", visit,
		    to_slot, 1, "Move the visit to slot");
	} else if (db_async_cell(&p->q, r, SLOTS_VISIT) == NULL)
		staff_row_form(buf, p, "/staff/slots/remove", "slot", slot,
		    NULL, 0, "Remove");
	kore_buf_appendf(buf, "</td>");
}

static void
slots_render(struct kore_buf *buf, struct portal *p)
{
	static const struct staff_column slot_cols[] = {
		{ "Technician", SLOTS_TECHNICIAN }, { "From", SLOTS_FROM },
		{ "To", SLOTS_TO }, { "Booked", SLOTS_BOOKED },
		{ "Slot", SLOTS_ID }, { "Change", SLOTS_ID }, { NULL, 0 },
	};
	static const struct staff_choice technician = { "technician",
	    TECHNICIAN_TAG, 'T', TECHNICIAN_ID, TECHNICIAN_NAME, "Technician" };
	static const struct staff_field slot_fields[] = {
		{ "starts", "From (YYYY-MM-DD HH:MM, UTC)", NULL },
		{ "ends", "To", NULL },
		{ NULL, NULL, NULL },
	};

	kore_buf_appendf(buf, "<h2>Availability</h2>\n");
	filter_form(buf, p);
	paging_table_tail(buf, p, slot_cols, slot_forms);
	staff_form(buf, p, &p->choices, "/staff/slots",
	    "Add a time a technician is free", &technician, slot_fields);
	kore_buf_appendf(buf, "<h2>Technicians</h2>\n");
	technicians_table(buf, p);
	kore_buf_appendf(buf, "<form method=\"post\" "
	    "action=\"/staff/technicians\"><fieldset><legend>Add a technician"
	    "</legend>");
	portal_csrf_field(buf, p->cookie);
	kore_buf_appendf(buf, "<label>Name <input name=\"name\" required>"
	    "</label> <label>E-mail <input name=\"email\" type=\"email\">"
	    "</label> <button type=\"submit\">Add</button></fieldset></form>\n");
}

static int
slots_reply(struct http_request *req, struct portal *p)
{
	static const char *const keys[SLOTS_API_COLS] = {
		[SLOTS_ID] = "id", [SLOTS_TECHNICIAN] = "technician",
		[SLOTS_STARTS] = "starts_at", [SLOTS_ENDS] = "ends_at",
		[SLOTS_VISIT] = "visit", [SLOTS_TERMINAL] = "terminal",
		[SLOTS_MANAGER] = "manager",
	};

	return paging_json_list(req, p, "slots", keys, SLOTS_API_COLS,
	    JSON_COL(SLOTS_ID));
}

static int
technician_add_start(struct http_request *req, struct portal *p)
{
	const char	*name = portal_arg(req, "name");
	const char	*email = portal_arg(req, "email");
	struct db_val	 arg[2];

	if (name == NULL) {
		html_message(req, 400, "Cannot do that", "A name, please.");
		return PAGE_DONE;
	}
	p->obj = 0;
	staff_audit_detail(p, "technician %s", name);
	arg[0] = DB_STR(name);
	arg[1] = email != NULL ? DB_STR(email) : DB_NULL();
	db_async_start(&p->q, req, sql_technician_add, arg, 2);
	return PAGE_QUERY;
}

static int
slot_add_start(struct http_request *req, struct portal *p)
{
	const char	*from = portal_arg_datetime(req, "starts");
	const char	*to = portal_arg_datetime(req, "ends");
	struct db_val	 arg[5];

	p->obj = portal_arg_id(req, "technician");
	if (from == NULL || to == NULL || p->obj < 0) {
		html_message(req, 400, "Cannot do that", "A technician and the "
		    "time from and to (YYYY-MM-DD HH:MM), please.");
		return PAGE_DONE;
	}
	staff_audit_detail(p, "slot %s to %s UTC", from, to);
	arg[0] = DB_STR(from);
	arg[1] = DB_STR(to);
	arg[2] = DB_INT(p->obj);
	arg[3] = DB_STR(from);
	arg[4] = DB_STR(to);
	db_async_start(&p->q, req, sql_slot_add, arg, 5);
	return PAGE_QUERY;
}

static const struct page slots_page = {
	.who = PAGE_STAFF, .title = "Technicians", .roles = ROLE_DISPATCH,
	.paging = &slots_list,
	.render = slots_render,
};
static const struct page slots_call = {
	.who = PAGE_API, .title = "api slots", .roles = ROLE_DISPATCH,
	.paging = &slots_list, .answer = slots_reply,
};
static const struct page technician_add_page = {
	.who = PAGE_STAFF, .title = "Add a technician", .roles = ROLE_DISPATCH,
	.query = technician_add_start, .audit = "technician.add",
	.next = "/staff/technicians",
	STAFF_ACTION_WORDS,
};
static const struct page slot_add_page = {
	.who = PAGE_STAFF, .title = "Add a slot", .roles = ROLE_DISPATCH,
	.query = slot_add_start,
	.audit = "slot.add", .next = "/staff/technicians",
	STAFF_ACTION_WORDS,
};

int
page_staff_technicians(struct http_request *req)
{
	return page_run(req, req->method == HTTP_METHOD_POST ?
	    &technician_add_page : &slots_page);
}

int
page_staff_slot_add(struct http_request *req)
{
	return page_run(req, &slot_add_page);
}

int
api_slots(struct http_request *req)
{
	return page_run(req, &slots_call);
}
