/* SPDX-License-Identifier: ISC */
/*
 * The catalogue (order desk and admins).
 *   GET  /staff/catalogue     the consumables, paged, filtered by ?model=
 *                             (its name), and a form to add one
 *   POST /staff/consumables   model, condition, sku, name, price_cents,
 *                             yield_pages, picture
 *   GET  /staff/guides        product guides, the newest first, paged
 *                             and filtered by ?model= (its name), and a
 *                             form to add one
 *   GET  /api/v1/guides       the same guides and filter as JSON
 *   POST /staff/guides        model, title, url (https), summary
 * Each consumable and guide has its forms to change, retire or remove it
 * (pages_staff_catalogue_edit.c).
 */
#include <string.h>

#include "app.h"
#include "html.h"
#include "json.h"
#include "paging.h"
#include "staff.h"
#include "staff_forms.h"
#include "staff_table.h"

int	page_staff_catalogue(struct http_request *);
int	page_staff_consumable_add(struct http_request *);
int	page_staff_guides(struct http_request *);
int	api_guides(struct http_request *);

/*
 * Each page's statement gives the rows of its list, then one 'M' row per
 * model for the form's choice; the first column tags them.
 */
enum model_col { COL_TAG = 0, MODEL_ID, MODEL_NAME };

static const struct staff_choice model_choice = { "model", COL_TAG, 'M',
    MODEL_ID, MODEL_NAME, "Model" };

/* A form choosing ?model= (a model's name) for the list at action. */
static void
model_filter(struct kore_buf *buf, struct portal *p, const char *action)
{
	const char	*model = portal_arg(p->q.req, "model");
	const char	*name;
	unsigned int	 r;

	html_wrap(buf, "<form method=\"get\" action=\"", action,
	    "\" class=\"filters\"><label>Model <select name=\"model\">"
	    "<option value=\"\">any</option>");
	for (r = 0; r < p->choices.rows; r++) {
		name = db_async_cell(&p->choices, r, MODEL_NAME);
		html_wrap(buf, "<option value=\"", name, "\"");
		if (model != NULL && name != NULL && strcmp(model, name) == 0)
			kore_buf_appendf(buf, " selected");
		html_wrap(buf, ">", name, "</option>");
	}
	kore_buf_appendf(buf, "</select></label>\n"
	    "<button type=\"submit\">Find</button></form>\n");
}

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

/* A guide: the API's members first, in order (json_members). */
enum guide_col {
	GUIDE_ID,
	GUIDE_MODEL,
	GUIDE_TITLE,
	GUIDE_URL,
	GUIDE_SUMMARY,
	GUIDE_CREATED,
	GUIDE_API_COLS,
	GUIDE_AT = GUIDE_API_COLS,	/* the cursor's time */
};

/* Walked in product_guides_time, or product_guides_model_time for one
 * model's (migration 0055). */
#define GUIDES_WHERE							\
	"FROM product_guides g LEFT JOIN models md ON md.id = g.model_id " \
	"WHERE (? IS NULL OR g.model_id = "				\
	"  (SELECT id FROM models WHERE name = ?)) "

#define GUIDES_SELECT							\
	"SELECT STRAIGHT_JOIN g.id, md.name, g.title, g.url, "		\
	"CAST(g.summary AS CHAR(1000)), "				\
	"DATE_FORMAT(g.created_at, '%Y-%m-%dT%H:%i:%sZ'), "		\
	PAGING_TIME("g.created_at") " "

/* The newest first: backward is toward the newer. */
static const struct paging_list guides_list = {
	.count = "SELECT COUNT(*) FROM (SELECT STRAIGHT_JOIN 1 "
	    GUIDES_WHERE "LIMIT " PAGING_COUNT_FETCH ") x",
	.forward = GUIDES_SELECT GUIDES_WHERE "AND "
	    PAGING_BEFORE("g.created_at", "g.id")
	    "ORDER BY g.created_at DESC, g.id DESC LIMIT ?",
	.backward = GUIDES_SELECT GUIDES_WHERE "AND "
	    PAGING_AFTER("g.created_at", "g.id")
	    "ORDER BY g.created_at, g.id LIMIT ?",
	.descending = 1,
	.key_col = GUIDE_ID,
	.timed = 1,
	.time_col = GUIDE_AT,
	.filters = catalogue_filters,
	.names = catalogue_filter_names,
	.choices = "SELECT 'M', id, name FROM models ORDER BY name",
};

static const char sql_guide_add[] =
	"INSERT INTO product_guides (model_id, title, url, summary) "
	"SELECT id, ?, ?, ? FROM models WHERE id = ?";

/* The last cell of a consumable's row: its forms, or when it was
 * retired. */
static void
consumable_forms(struct kore_buf *buf, struct portal *p, unsigned int r)
{
	const char	*id = db_async_cell(&p->q, r, CONSUMABLE_ID);
	const char	*retired = db_async_cell(&p->q, r, CONSUMABLE_RETIRED);

	if (retired != NULL) {
		html_wrap(buf, "<td class=\"retired\">retired ", retired,
		    "</td>");
		return;
	}
	const struct staff_input inputs[] = {
		{ "name", db_async_cell(&p->q, r, CONSUMABLE_NAME), 24 },
		{ "price_cents", db_async_cell(&p->q, r, CONSUMABLE_CENTS), 6 },
		{ "yield_pages", db_async_cell(&p->q, r, CONSUMABLE_YIELD), 6 },
	};
	staff_edit_cell(buf, p, "/staff/consumables/edit",
	    "/staff/consumables/retire", "Retire", "consumable", id, inputs, 3);
}

static void
catalogue_render(struct kore_buf *buf, struct portal *p)
{
	static const struct staff_column cols[] = {
		{ "Model", CONSUMABLE_MODEL }, { "Part number", CONSUMABLE_SKU },
		{ "Name", CONSUMABLE_NAME }, { "Remedies", CONSUMABLE_REMEDIES },
		{ "Yield (pages)", CONSUMABLE_YIELD },
		{ "Price", CONSUMABLE_PRICE }, { "Picture", CONSUMABLE_PICTURE },
		{ "Change or retire", CONSUMABLE_ID }, { NULL, 0 },
	};
	static const struct staff_field fields[] = {
		{ "condition", "Remedies (IPP keyword)", "toner-low" },
		{ "sku", "Part number", NULL },
		{ "name", "Name", NULL },
		{ "price_cents", "Price in cents", NULL },
		{ "yield_pages", "Yield in pages", NULL },
		{ "picture", "Picture", "/assets/consumables/toner.svg" },
		{ NULL, NULL, NULL },
	};

	model_filter(buf, p, "/staff/catalogue");
	paging_table_tail(buf, p, cols, consumable_forms);
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

/* The last cell of a guide's row: its forms to change or remove it. */
static void
guide_forms(struct kore_buf *buf, struct portal *p, unsigned int r)
{
	const struct staff_input inputs[] = {
		{ "title", db_async_cell(&p->q, r, GUIDE_TITLE), 20 },
		{ "url", db_async_cell(&p->q, r, GUIDE_URL), 24 },
		{ "summary", db_async_cell(&p->q, r, GUIDE_SUMMARY), 24 },
	};

	staff_edit_cell(buf, p, "/staff/guides/edit", "/staff/guides/remove",
	    "Remove", "guide", db_async_cell(&p->q, r, GUIDE_ID), inputs, 3);
}

static void
guides_render(struct kore_buf *buf, struct portal *p)
{
	static const struct staff_column cols[] = {
		{ "For model", GUIDE_MODEL }, { "Title", GUIDE_TITLE },
		{ "Link", GUIDE_URL }, { "Summary", GUIDE_SUMMARY },
		{ "Added", GUIDE_CREATED }, { "Change or remove", GUIDE_ID },
		{ NULL, 0 },
	};
	static const struct staff_field fields[] = {
		{ "title", "Title", NULL },
		{ "url", "Link (https://...)", NULL },
		{ "summary", "Summary", NULL },
		{ NULL, NULL, NULL },
	};

	model_filter(buf, p, "/staff/guides");
	paging_table_tail(buf, p, cols, guide_forms);
	staff_form(buf, p, &p->choices, "/staff/guides",
	    "Add a product guide", &model_choice, fields);
}

static int
guides_reply(struct http_request *req, struct portal *p)
{
	static const char *const keys[GUIDE_API_COLS] = {
		[GUIDE_ID] = "id", [GUIDE_MODEL] = "model",
		[GUIDE_TITLE] = "title", [GUIDE_URL] = "url",
		[GUIDE_SUMMARY] = "summary", [GUIDE_CREATED] = "created_at",
	};

	return paging_json_list(req, p, "guides", keys, GUIDE_API_COLS,
	    JSON_COL(GUIDE_ID));
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
	.paging = &guides_list,
	.render = guides_render,
};
static const struct page guides_call = {
	.who = PAGE_API, .title = "api guides", .roles = ROLE_DESK,
	.paging = &guides_list, .answer = guides_reply,
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

int
api_guides(struct http_request *req)
{
	return page_run(req, &guides_call);
}
