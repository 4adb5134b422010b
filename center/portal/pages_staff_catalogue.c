/* SPDX-License-Identifier: ISC */
/*
 * The catalogue (order desk and admins).
 *   GET  /staff/catalogue     the consumables, paged, filtered by ?model=
 *                             (its name), and a form to add one
 *   POST /staff/consumables   model, condition, sku, name, price_cents,
 *                             yield_pages, picture
 *   GET  /staff/guides        product guides per model, and a form
 *   POST /staff/guides        model, title, url (https), summary
 * Each consumable and guide has its forms to change, retire or remove it
 * (pages_staff_catalogue_edit.c).
 */
#include "app.h"
#include "html.h"
#include "paging.h"
#include "staff.h"
#include "staff_forms.h"
#include "staff_table.h"

int	page_staff_catalogue(struct http_request *);
int	page_staff_consumable_add(struct http_request *);
int	page_staff_guides(struct http_request *);

/*
 * Each page's statement gives the rows of its list, then one 'M' row per
 * model for the form's choice; the first column tags them.
 */
enum model_col { COL_TAG = 0, MODEL_ID, MODEL_NAME };

static const struct staff_choice model_choice = { "model", COL_TAG, 'M',
    MODEL_ID, MODEL_NAME };

/* The consumables, paged (paging.h) in the order they were added,
 * filtered by model (?model=, its name). */
enum consumable_col {
	CONSUMABLE_ID,
	CONSUMABLE_MODEL,
	CONSUMABLE_SKU,
	CONSUMABLE_NAME,
	CONSUMABLE_REMEDIES,
	CONSUMABLE_YIELD,
	CONSUMABLE_PRICE,
	CONSUMABLE_PICTURE,
	CONSUMABLE_CENTS,
	CONSUMABLE_RETIRED,	/* when, or NULL: offered */
};

#define CATALOGUE_WHERE							\
	"FROM consumables c JOIN models md ON md.id = c.model_id "	\
	"WHERE (? IS NULL OR c.model_id = "				\
	"  (SELECT id FROM models WHERE name = ?)) "

#define CATALOGUE_SELECT						\
	"SELECT STRAIGHT_JOIN c.id, md.name, c.sku, c.name, "		\
	"c.condition_kw, c.yield_pages, CONCAT(c.price_cents DIV 100, "	\
	"'.', LPAD(c.price_cents MOD 100, 2, '0')), c.picture, "	\
	"c.price_cents, DATE_FORMAT(c.retired_at, '%Y-%m-%d') "

static const char *const catalogue_filter_names[] = { "model", NULL };

static int
catalogue_filters(struct http_request *req, struct portal *p,
    struct db_val *v, unsigned int *n)
{
	const char	*model = portal_arg(req, "model");

	(void)p;
	v[0] = v[1] = model != NULL ? DB_STR(model) : DB_NULL();
	*n = 2;
	return 0;
}

static const struct paging_list catalogue_list = {
	.count = "SELECT COUNT(*) FROM (SELECT STRAIGHT_JOIN 1 "
	    CATALOGUE_WHERE "LIMIT " PAGING_COUNT_FETCH ") x",
	.forward = CATALOGUE_SELECT CATALOGUE_WHERE
	    "AND c.id > ? ORDER BY c.id LIMIT ?",
	.backward = CATALOGUE_SELECT CATALOGUE_WHERE
	    "AND c.id < ? ORDER BY c.id DESC LIMIT ?",
	.key_col = CONSUMABLE_ID,
	.filters = catalogue_filters,
	.names = catalogue_filter_names,
	.choices = "SELECT 'M', id, name FROM models ORDER BY name",
};

static const char sql_consumable_add[] =
	"INSERT INTO consumables (model_id, condition_kw, sku, name, "
	"price_cents, yield_pages, picture) "
	"SELECT id, ?, ?, ?, ?, ?, ? FROM models WHERE id = ?";

/* 'G' rows. */
enum guide_col {
	GUIDE_MODEL = 1, GUIDE_TITLE, GUIDE_URL, GUIDE_SUMMARY, GUIDE_ID,
};

static const char sql_guides[] =
	"SELECT * FROM (SELECT 'G', md.name, g.title, g.url, "
	"  CAST(g.summary AS CHAR(1000)), g.id FROM product_guides g "
	"  LEFT JOIN models md ON md.id = g.model_id "
	"  ORDER BY md.name, g.id LIMIT 1000) x "
	"UNION ALL SELECT 'M', id, name, NULL, NULL, NULL FROM models";

static const char sql_guide_add[] =
	"INSERT INTO product_guides (model_id, title, url, summary) "
	"SELECT id, ?, ?, ? FROM models WHERE id = ?";

/* A consumable's cells, then its forms (none once retired). */
static void
consumable_row(struct kore_buf *buf, struct portal *p, unsigned int r)
{
	static const unsigned int cells[] = {
		CONSUMABLE_MODEL, CONSUMABLE_SKU, CONSUMABLE_NAME,
		CONSUMABLE_REMEDIES, CONSUMABLE_YIELD, CONSUMABLE_PRICE,
		CONSUMABLE_PICTURE,
	};
	const char	*id = db_async_cell(&p->q, r, CONSUMABLE_ID);
	const char	*retired = db_async_cell(&p->q, r, CONSUMABLE_RETIRED);
	unsigned int	 i;

	html_wrap(buf, "<tr id=\"consumable-", id, "\">");
	for (i = 0; i < sizeof(cells) / sizeof(cells[0]); i++)
		html_wrap(buf, "<td>", db_async_cell(&p->q, r, cells[i]),
		    "</td>");
	if (retired != NULL) {
		html_wrap(buf, "<td class=\"retired\">retired ", retired,
		    "</td></tr>\n");
		return;
	}
	const struct staff_input inputs[] = {
		{ "name", db_async_cell(&p->q, r, CONSUMABLE_NAME), 24 },
		{ "price_cents", db_async_cell(&p->q, r, CONSUMABLE_CENTS), 6 },
		{ "yield_pages", db_async_cell(&p->q, r, CONSUMABLE_YIELD), 6 },
	};
	staff_edit_cell(buf, p, "/staff/consumables/edit",
	    "/staff/consumables/retire", "Retire", "consumable", id, inputs, 3);
	kore_buf_appendf(buf, "</tr>\n");
}

static void
catalogue_render(struct kore_buf *buf, struct portal *p)
{
	static const struct staff_column cols[] = {
		{ "Model", CONSUMABLE_MODEL }, { "Part number", CONSUMABLE_SKU },
		{ "Name", CONSUMABLE_NAME }, { "Remedies", CONSUMABLE_REMEDIES },
		{ "Yield (pages)", CONSUMABLE_YIELD },
		{ "Price", CONSUMABLE_PRICE }, { "Picture", CONSUMABLE_PICTURE },
		{ "Change or retire", 0 }, { NULL, 0 },
	};
	unsigned int	k;
	static const struct staff_field fields[] = {
		{ "condition", "Remedies (IPP keyword)", "toner-low" },
		{ "sku", "Part number", NULL },
		{ "name", "Name", NULL },
		{ "price_cents", "Price in cents", NULL },
		{ "yield_pages", "Yield in pages", NULL },
		{ "picture", "Picture", "/assets/consumables/toner.svg" },
		{ NULL, NULL, NULL },
	};

	paging_total(buf, p);
	kore_buf_appendf(buf, "<table>");
	staff_heads(buf, cols);
	for (k = 0; k < paging_shown(p); k++)
		consumable_row(buf, p, paging_row(p, k));
	if (paging_shown(p) == 0)
		kore_buf_appendf(buf, "<tr><td colspan=\"8\">None yet.</td>"
		    "</tr>\n");
	kore_buf_appendf(buf, "</tbody></table>\n");
	paging_nav(buf, p);
	staff_form(buf, p, &p->choices, "/staff/consumables",
	    "Add a consumable", &model_choice, fields);
}

static int
consumable_add_start(struct http_request *req, struct portal *p)
{
	const char	*kw = portal_arg(req, "condition");
	const char	*sku = portal_arg(req, "sku");
	const char	*name = portal_arg(req, "name");
	const char	*pic = portal_arg(req, "picture");
	long long	 model = portal_arg_id(req, "model");
	long long	 cents = portal_arg_num(req, "price_cents");
	long long	 yield = portal_arg_num(req, "yield_pages");
	struct db_val	 arg[7];

	if (kw == NULL || sku == NULL || name == NULL || model < 0 ||
	    cents < 0 || yield < 0) {
		html_message(req, 400, "Cannot do that", "A model, the "
		    "condition it remedies, a part number, a name, a price and "
		    "a yield, please.");
		return PAGE_DONE;
	}
	p->obj = model;
	staff_audit_detail(p, "consumable %s", sku);
	arg[0] = DB_STR(kw);
	arg[1] = DB_STR(sku);
	arg[2] = DB_STR(name);
	arg[3] = DB_INT(cents);
	arg[4] = DB_INT(yield);
	arg[5] = DB_STR(pic != NULL ? pic : "");
	arg[6] = DB_INT(model);
	db_async_start(&p->q, req, sql_consumable_add, arg, 7);
	return PAGE_QUERY;
}

/* Each guide with its forms to change or remove it. */
static void
guides_table(struct kore_buf *buf, struct portal *p)
{
	static const struct staff_column cols[] = {
		{ "For model", GUIDE_MODEL }, { "Title", GUIDE_TITLE },
		{ "Link", GUIDE_URL }, { "Summary", GUIDE_SUMMARY },
		{ "Change or remove", 0 }, { NULL, 0 },
	};
	const char	*tag, *id;
	unsigned int	 r, i, n = 0;

	kore_buf_appendf(buf, "<table>");
	staff_heads(buf, cols);
	for (r = 0; r < p->q.rows; r++) {
		tag = db_async_cell(&p->q, r, COL_TAG);
		if (tag == NULL || tag[0] != 'G')
			continue;
		id = db_async_cell(&p->q, r, GUIDE_ID);
		html_wrap(buf, "<tr id=\"guide-", id, "\">");
		for (i = 0; cols[i + 1].head != NULL; i++)
			html_wrap(buf, "<td>",
			    db_async_cell(&p->q, r, cols[i].col), "</td>");
		const struct staff_input inputs[] = {
			{ "title", db_async_cell(&p->q, r, GUIDE_TITLE), 20 },
			{ "url", db_async_cell(&p->q, r, GUIDE_URL), 24 },
			{ "summary", db_async_cell(&p->q, r, GUIDE_SUMMARY),
			    24 },
		};
		staff_edit_cell(buf, p, "/staff/guides/edit",
		    "/staff/guides/remove", "Remove", "guide", id, inputs, 3);
		kore_buf_appendf(buf, "</tr>\n");
		n++;
	}
	if (n == 0)
		kore_buf_appendf(buf, "<tr><td colspan=\"5\">None yet.</td>"
		    "</tr>\n");
	kore_buf_appendf(buf, "</tbody></table>\n");
}

static void
guides_render(struct kore_buf *buf, struct portal *p)
{
	static const struct staff_field fields[] = {
		{ "title", "Title", NULL },
		{ "url", "Link (https://...)", NULL },
		{ "summary", "Summary", NULL },
		{ NULL, NULL, NULL },
	};

	guides_table(buf, p);
	staff_form(buf, p, &p->q, "/staff/guides", "Add a product guide",
	    &model_choice, fields);
}

static int
guide_add_start(struct http_request *req, struct portal *p)
{
	const char	*title = portal_arg(req, "title");
	const char	*url = portal_arg(req, "url");
	const char	*summary = portal_arg(req, "summary");
	struct db_val	 arg[4];

	p->obj = portal_arg_id(req, "model");
	if (title == NULL || url == NULL || summary == NULL || p->obj < 0) {
		html_message(req, 400, "Cannot do that", "A model, a title, an "
		    "https:// link and a summary, please.");
		return PAGE_DONE;
	}
	staff_audit_detail(p, "guide %s", url);
	arg[0] = DB_STR(title);
	arg[1] = DB_STR(url);
	arg[2] = DB_STR(summary);
	arg[3] = DB_INT(p->obj);
	db_async_start(&p->q, req, sql_guide_add, arg, 4);
	return PAGE_QUERY;
}

static const struct page catalogue_page = {
	.who = PAGE_STAFF, .title = "Consumables", .roles = ROLE_DESK,
	.paging = &catalogue_list,
	.render = catalogue_render,
};
static const struct page consumable_add_page = {
	.who = PAGE_STAFF, .title = "Add a consumable", .roles = ROLE_DESK,
	.query = consumable_add_start, .audit = "consumable.add",
	.next = "/staff/catalogue",
	STAFF_ACTION_WORDS,
};
static const struct page guides_page = {
	.who = PAGE_STAFF, .title = "Product guides", .roles = ROLE_DESK,
	.sql = sql_guides,
	.render = guides_render,
};
static const struct page guide_add_page = {
	.who = PAGE_STAFF, .title = "Add a product guide", .roles = ROLE_DESK,
	.query = guide_add_start, .audit = "guide.add", .next = "/staff/guides",
	STAFF_ACTION_WORDS,
};

int
page_staff_catalogue(struct http_request *req)
{
	return page_run(req, &catalogue_page);
}

int
page_staff_consumable_add(struct http_request *req)
{
	return page_run(req, &consumable_add_page);
}

int
page_staff_guides(struct http_request *req)
{
	return page_run(req, req->method == HTTP_METHOD_POST ?
	    &guide_add_page : &guides_page);
}
