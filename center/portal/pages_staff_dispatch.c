/* SPDX-License-Identifier: ISC */
/*
 * Technicians and their availability (dispatch and admins).
 *   GET  /staff/technicians  slots from yesterday on, free or booked (by
 *                            which terminal), and forms to add a
 *                            technician or a slot
 *   POST /staff/technicians  name, email
 *   POST /staff/slots        technician, starts, ends (YYYY-MM-DD HH:MM)
 * Each slot has its forms: remove a free one, cancel or move the visit
 * booked in it (pages_staff_cancel.c).
 */
#include "app.h"
#include "html.h"
#include "staff.h"
#include "staff_forms.h"
#include "staff_table.h"

int	page_staff_technicians(struct http_request *);
int	page_staff_slot_add(struct http_request *);

/* The slots, then one 'T' row per technician (the list and the form's
 * choice). */
enum slots_col {
	SLOTS_COL_TAG = 0,		/* 'S' a slot, 'T' a technician */

	SLOTS_TECHNICIAN = 1,
	SLOTS_STARTS,
	SLOTS_ENDS,
	SLOTS_BOOKED,			/* "free", or by which terminal */
	SLOTS_ID,
	SLOTS_VISIT,			/* the visit booked in it, or NULL */

	SLOTS_TECHNICIAN_ID = 1,
	SLOTS_TECHNICIAN_NAME,
	SLOTS_TECHNICIAN_EMAIL,
};

static const char sql_slots[] =
	"SELECT * FROM (SELECT 'S', tc.name, "
	"DATE_FORMAT(s.starts_at, '%Y-%m-%d %H:%i UTC'), "
	"  DATE_FORMAT(s.ends_at, '%Y-%m-%d %H:%i UTC'), "
	"IF(v.id IS NULL, 'free', "
	"  CONCAT('booked for ', t.terminal_uid, ' (', v.state, ')')), "
	"  s.id, IF(v.state = 'booked', v.id, NULL) "
	"  FROM technician_slots s JOIN technicians tc "
	"  ON tc.id = s.technician_id "
	"  LEFT JOIN visits v ON v.slot_held = s.id "
	"  LEFT JOIN terminals t ON t.id = v.terminal_id "
	"  WHERE s.ends_at > NOW() - INTERVAL 1 DAY "
	"  AND s.removed_at IS NULL "
	"  ORDER BY s.starts_at LIMIT 500) x "
	"UNION ALL SELECT 'T', id, name, email, NULL, NULL, NULL "
	"FROM technicians";

static const char sql_technician_add[] =
	"INSERT INTO technicians (name, email) VALUES (?, ?)";

#define SLOT_TIME	"STR_TO_DATE(?, '%Y-%m-%d %H:%i')"

static const char sql_slot_add[] =
	"INSERT INTO technician_slots (technician_id, starts_at, ends_at) "
	"SELECT id, " SLOT_TIME ", " SLOT_TIME " FROM technicians "
	"WHERE id = ? AND " SLOT_TIME " < " SLOT_TIME;

/* The slots, each with what can be done to it. */
static void
slots_table(struct kore_buf *buf, struct portal *p)
{
	static const struct staff_column cols[] = {
		{ "Slot", SLOTS_ID }, { "Technician", SLOTS_TECHNICIAN },
		{ "From", SLOTS_STARTS }, { "To", SLOTS_ENDS },
		{ "Booked", SLOTS_BOOKED }, { "Change", 0 }, { NULL, 0 },
	};
	const struct staff_input to_slot[] = { { "slot", NULL, 5 } };
	const char	*tag, *visit;
	unsigned int	 r, i;

	kore_buf_appendf(buf, "<table>");
	staff_heads(buf, cols);
	for (r = 0; r < p->q.rows; r++) {
		tag = db_async_cell(&p->q, r, SLOTS_COL_TAG);
		if (tag == NULL || tag[0] != 'S')
			continue;
		html_wrap(buf, "<tr id=\"slot-",
		    db_async_cell(&p->q, r, SLOTS_ID), "\">");
		for (i = 0; cols[i + 1].head != NULL; i++)
			html_wrap(buf, "<td>",
			    db_async_cell(&p->q, r, cols[i].col), "</td>");
		kore_buf_appendf(buf, "<td>");
		visit = db_async_cell(&p->q, r, SLOTS_VISIT);
		if (visit != NULL) {
			staff_row_form(buf, p, "/staff/visits/cancel",
			    "visit", visit, NULL, 0, "Cancel the visit");
			staff_row_form(buf, p, "/staff/visits/move", "visit",
			    visit, to_slot, 1, "Move the visit to slot");
		} else {
			staff_row_form(buf, p, "/staff/slots/remove", "slot",
			    db_async_cell(&p->q, r, SLOTS_ID), NULL, 0,
			    "Remove");
		}
		kore_buf_appendf(buf, "</td></tr>\n");
	}
	kore_buf_appendf(buf, "</tbody></table>\n");
}

static void
slots_render(struct kore_buf *buf, struct portal *p)
{
	static const struct staff_column tech_cols[] = {
		{ "Id", SLOTS_TECHNICIAN_ID },
		{ "Name", SLOTS_TECHNICIAN_NAME },
		{ "E-mail", SLOTS_TECHNICIAN_EMAIL }, { NULL, 0 },
	};
	static const struct staff_choice technician = { "technician",
	    SLOTS_COL_TAG, 'T', SLOTS_TECHNICIAN_ID, SLOTS_TECHNICIAN_NAME };
	static const struct staff_field slot_fields[] = {
		{ "starts", "From (YYYY-MM-DD HH:MM, UTC)", NULL },
		{ "ends", "To", NULL },
		{ NULL, NULL, NULL },
	};

	kore_buf_appendf(buf, "<h2>Availability</h2>\n");
	slots_table(buf, p);
	staff_form(buf, p, &p->q, "/staff/slots", "Add a time a technician is free",
	    &technician, slot_fields);
	kore_buf_appendf(buf, "<h2>Technicians</h2>\n");
	staff_table(buf, p, SLOTS_COL_TAG, 'T', tech_cols);
	kore_buf_appendf(buf, "<form method=\"post\" "
	    "action=\"/staff/technicians\"><fieldset><legend>Add a technician"
	    "</legend>");
	portal_csrf_field(buf, p->cookie);
	kore_buf_appendf(buf, "<label>Name <input name=\"name\" required>"
	    "</label> <label>E-mail <input name=\"email\" type=\"email\">"
	    "</label> <button type=\"submit\">Add</button></fieldset></form>\n");
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
	.sql = sql_slots,
	.render = slots_render,
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
