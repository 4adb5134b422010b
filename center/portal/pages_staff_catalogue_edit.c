/* SPDX-License-Identifier: ISC */
/*
 * The order desk's edits of the catalogue (forms on /staff/catalogue and
 * /staff/guides), each one audited statement:
 *   POST /staff/consumables/edit    consumable, name, price_cents,
 *                                   yield_pages[, picture]
 *   POST /staff/consumables/retire  consumable: no longer offered; the
 *                                   orders that name it keep it
 *   POST /staff/guides/edit         guide, title, url (https), summary
 *   POST /staff/guides/remove       guide
 * A part number is not edited: retire the entry and add the new one.
 */
#include "app.h"
#include "html.h"
#include "staff.h"

int	page_staff_consumable_edit(struct http_request *);
int	page_staff_consumable_retire(struct http_request *);
int	page_staff_guide_edit(struct http_request *);
int	page_staff_guide_remove(struct http_request *);

static const char sql_consumable_edit[] =
	"UPDATE consumables SET name = ?, price_cents = ?, yield_pages = ?, "
	"picture = COALESCE(?, picture), edited_at = NOW(6) "
	"WHERE id = ? AND retired_at IS NULL";

static const char sql_consumable_retire[] =
	"UPDATE consumables SET retired_at = NOW(6) "
	"WHERE id = ? AND retired_at IS NULL";

static const char sql_guide_edit[] =
	"UPDATE product_guides SET title = ?, url = ?, summary = ?, "
	"edited_at = NOW(6) "
	"WHERE id = ?";

static const char sql_guide_remove[] =
	"DELETE FROM product_guides WHERE id = ?";

static int
refuse(struct http_request *req, const char *why)
{
	html_message(req, 400, "Cannot do that", why);
	return PAGE_DONE;
}

static int
consumable_edit_start(struct http_request *req, struct portal *p)
{
	const char	*name = portal_arg(req, "name");
	const char	*pic = portal_arg(req, "picture");
	long long	 cents = portal_arg_num(req, "price_cents");
	long long	 yield = portal_arg_num(req, "yield_pages");
	struct db_val	 arg[5];

	p->obj = portal_arg_id(req, "consumable");
	if (p->obj < 0 || name == NULL || cents < 0 || yield < 0)
		return refuse(req, "A consumable, its name, a price and a "
		    "yield, please.");
	staff_audit_detail(p, "consumable %lld: %s, %lld cents, %lld pages",
	    p->obj, name, cents, yield);
	arg[0] = DB_STR(name);
	arg[1] = DB_INT(cents);
	arg[2] = DB_INT(yield);
	arg[3] = pic != NULL ? DB_STR(pic) : DB_NULL();
	arg[4] = DB_INT(p->obj);
	db_async_start(&p->q, req, sql_consumable_edit, arg, 5);
	return PAGE_QUERY;
}

/* A statement whose one parameter is the id in field. */
static int
by_id_start(struct http_request *req, struct portal *p, const char *field,
    const char *sql)
{
	struct db_val	arg[1];

	p->obj = portal_arg_id(req, field);
	if (p->obj < 0)
		return refuse(req, "Which one, please?");
	staff_audit_detail(p, "%s %lld", field, p->obj);
	arg[0] = DB_INT(p->obj);
	db_async_start(&p->q, req, sql, arg, 1);
	return PAGE_QUERY;
}

static int
consumable_retire_start(struct http_request *req, struct portal *p)
{
	return by_id_start(req, p, "consumable", sql_consumable_retire);
}

static int
guide_edit_start(struct http_request *req, struct portal *p)
{
	const char	*title = portal_arg(req, "title");
	const char	*url = portal_arg(req, "url");
	const char	*summary = portal_arg(req, "summary");
	struct db_val	 arg[4];

	p->obj = portal_arg_id(req, "guide");
	if (p->obj < 0 || title == NULL || url == NULL || summary == NULL)
		return refuse(req, "A guide, a title, an https:// link and a "
		    "summary, please.");
	staff_audit_detail(p, "guide %lld: %s", p->obj, url);
	arg[0] = DB_STR(title);
	arg[1] = DB_STR(url);
	arg[2] = DB_STR(summary);
	arg[3] = DB_INT(p->obj);
	db_async_start(&p->q, req, sql_guide_edit, arg, 4);
	return PAGE_QUERY;
}

static int
guide_remove_start(struct http_request *req, struct portal *p)
{
	return by_id_start(req, p, "guide", sql_guide_remove);
}

static const struct page consumable_edit_page = {
	.who = PAGE_STAFF, .title = "Change a consumable", .roles = ROLE_DESK,
	.query = consumable_edit_start, .audit = "consumable.edit",
	.next = "/staff/catalogue",
	STAFF_ACTION_WORDS,
};
static const struct page consumable_retire_page = {
	.who = PAGE_STAFF, .title = "Retire a consumable", .roles = ROLE_DESK,
	.query = consumable_retire_start, .audit = "consumable.retire",
	.next = "/staff/catalogue",
	STAFF_ACTION_WORDS,
};
static const struct page guide_edit_page = {
	.who = PAGE_STAFF, .title = "Change a product guide",
	.roles = ROLE_DESK,
	.query = guide_edit_start, .audit = "guide.edit",
	.next = "/staff/guides",
	STAFF_ACTION_WORDS,
};
static const struct page guide_remove_page = {
	.who = PAGE_STAFF, .title = "Remove a product guide",
	.roles = ROLE_DESK,
	.query = guide_remove_start, .audit = "guide.remove",
	.next = "/staff/guides",
	STAFF_ACTION_WORDS,
};

int
page_staff_consumable_edit(struct http_request *req)
{
	return page_run(req, &consumable_edit_page);
}

int
page_staff_consumable_retire(struct http_request *req)
{
	return page_run(req, &consumable_retire_page);
}

int
page_staff_guide_edit(struct http_request *req)
{
	return page_run(req, &guide_edit_page);
}

int
page_staff_guide_remove(struct http_request *req)
{
	return page_run(req, &guide_remove_page);
}
