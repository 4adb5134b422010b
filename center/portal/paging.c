/* SPDX-License-Identifier: ISC */
/* Keyset pagination for every list; see paging.h. */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "json.h"
#include "page.h"
#include "paging.h"
#include "staff_table.h"

/* The count's one column. */
enum paging_count_col { PAGING_COUNT };

/* The latest time a DATETIME holds (9999-12-31 23:59:59.999999), in a
 * timed cursor's microseconds: the start of a descending timed list. */
#define PAGING_TIME_MAX		253402300799999999LL

/* A cursor's text: "n" or "p", a timed list's time and "-", the key. */
#define CURSOR_LEN		48

/* A number of 1 to 19 digits, no leading zero, at most INT64_MAX: where
 * it ends, or NULL. */
static const char *
number(const char *s, unsigned long long *v)
{
	char	*end;

	if (*s < '1' || *s > '9')
		return NULL;
	errno = 0;
	*v = strtoull(s, &end, 10);
	if (errno != 0 || end - s > 19 || *v > INT64_MAX)
		return NULL;
	return end;
}

/* "n" or "p", a timed list's time and "-", and a key: 0, or -1. */
static int
cursor_parse(const char *s, int timed, struct paging *pg)
{
	if (s[0] != 'n' && s[0] != 'p')
		return -1;
	pg->before = s[0] == 'p';
	s++;
	if (timed && ((s = number(s, &pg->time)) == NULL || *s++ != '-' ||
	    pg->time > PAGING_TIME_MAX))
		return -1;
	if ((s = number(s, &pg->key)) == NULL || *s != '\0')
		return -1;
	return 0;
}

/* The cursor of a page's row r in direction dir ('n' or 'p'). */
static void
cursor_of(struct portal *p, unsigned int r, char dir, char *out)
{
	const struct paging_list	*list = p->page->paging;

	if (list->timed)
		(void)snprintf(out, CURSOR_LEN, "%c%s-%s", dir,
		    db_async_cell(&p->q, r, list->time_col),
		    db_async_cell(&p->q, r, list->key_col));
	else
		(void)snprintf(out, CURSOR_LEN, "%c%s", dir,
		    db_async_cell(&p->q, r, list->key_col));
}

int
paging_refuse(struct http_request *req, struct portal *p, const char *text)
{
	if (p->page->who == PAGE_API || (p->page->flags & PAGE_JSON))
		json_error(req, 400, text);
	else
		html_message(req, 400, "Bad request", text);
	return PAGE_DONE;
}

int
paging_start(struct http_request *req, struct portal *p)
{
	const struct paging_list	*list = p->page->paging;
	struct paging			*pg = &p->paging;
	const char			*v;
	long long			 limit;

	memset(pg, 0, sizeof(*pg));
	pg->total = -1;
	pg->rows = PAGING_ROWS;
	if ((v = portal_arg(req, "cursor")) != NULL &&
	    cursor_parse(v, list->timed, pg) == -1)
		return paging_refuse(req, p, list->timed ?
		    "cursor: not one of this list's (n or p, a time and a "
		    "row's number, as its links give)" :
		    "cursor: not one of this list's "
		    "(n or p and a row's number, as its links give)");
	if (portal_arg(req, "limit") != NULL) {
		limit = portal_arg_num(req, "limit");
		if (limit < 1 || limit > PAGING_ROWS_MAX)
			return paging_refuse(req, p, "limit must be 1 to 1000");
		pg->rows = (unsigned int)limit;
	}
	if (list->filters != NULL &&
	    list->filters(req, p, pg->filter, &pg->nfilter) == -1)
		return PAGE_DONE;
	p->step = 0;
	if (list->choices != NULL) {
		p->step = -1;
		db_async_start(&p->q, req, list->choices, NULL, 0);
	} else
		db_async_start(&p->q, req, list->count, pg->filter,
		    pg->nfilter);
	return PAGE_QUERY;
}

int
paging_next(struct http_request *req, struct portal *p)
{
	const struct paging_list	*list = p->page->paging;
	struct paging			*pg = &p->paging;
	struct db_val			 arg[PAGING_FILTERS_MAX + 4];
	const char			*n;
	long long			 key, time;
	unsigned int			 i;

	if (p->step == -1) {
		/* Done (page.c answers failures): keep its rows. */
		p->choices = p->q;
		memset(&p->q, 0, sizeof(p->q));
		p->step = 0;
		db_async_start(&p->q, req, list->count, pg->filter,
		    pg->nfilter);
		return PAGE_QUERY;
	}
	if (p->step++ != 0)
		return -1;
	n = db_async_cell(&p->q, 0, PAGING_COUNT);
	pg->total = n != NULL ? strtoll(n, NULL, 10) : 0;
	/* No cursor: from the start, which is the top of a descending list. */
	key = (long long)pg->key;
	time = (long long)pg->time;
	if (pg->key == 0) {
		key = list->descending ? INT64_MAX : 0;
		time = list->descending ? PAGING_TIME_MAX : 0;
	}
	memcpy(arg, pg->filter, pg->nfilter * sizeof(arg[0]));
	i = pg->nfilter;
	if (list->timed) {
		arg[i++] = DB_INT(time);
		arg[i++] = DB_INT(time);
	}
	arg[i++] = DB_INT(key);
	arg[i++] = DB_INT((long long)pg->rows + 1);
	db_async_start(&p->q, req, pg->before ? list->backward : list->forward,
	    arg, i);
	return PAGE_QUERY;
}

unsigned int
paging_shown(const struct portal *p)
{
	return p->q.rows < p->paging.rows ? p->q.rows : p->paging.rows;
}

unsigned int
paging_row(const struct portal *p, unsigned int k)
{
	/* A backward page comes nearest the cursor first. */
	return p->paging.before ? paging_shown(p) - 1 - k : k;
}

/*
 * The cursors of the pages around this one (NULL where there is none):
 * more rows than shown came in the direction the page went; the cursor
 * row lies the other way.
 */
static void
cursors(struct portal *p, char *next, char *prev)
{
	const struct paging	*pg = &p->paging;
	unsigned int		 shown = paging_shown(p);
	int			 more = p->q.rows > pg->rows;

	next[0] = prev[0] = '\0';
	if (shown == 0) {
		/* Past either end: back to where the cursor was. */
		if (pg->key != 0 && p->page->paging->timed)
			(void)snprintf(pg->before ? next : prev, CURSOR_LEN,
			    "%c%llu-%llu", pg->before ? 'n' : 'p', pg->time,
			    pg->key);
		else if (pg->key != 0)
			(void)snprintf(pg->before ? next : prev, CURSOR_LEN,
			    "%c%llu", pg->before ? 'n' : 'p', pg->key);
		return;
	}
	if (pg->before ? 1 : more)
		cursor_of(p, paging_row(p, shown - 1), 'n', next);
	if (pg->before ? more : pg->key != 0)
		cursor_of(p, paging_row(p, 0), 'p', prev);
}

/* value, percent-encoded for a query string (RFC 3986 unreserved kept). */
static void
url_encode(struct kore_buf *buf, const char *value)
{
	const unsigned char	*s;

	for (s = (const unsigned char *)value; *s != '\0'; s++) {
		if (isalnum(*s) || strchr("-._~", *s) != NULL)
			kore_buf_appendf(buf, "%c", *s);
		else
			kore_buf_appendf(buf, "%%%02X", *s);
	}
}

/* A link to this list's page at cursor, its filters kept. */
static void
page_link(struct kore_buf *buf, struct http_request *req, struct portal *p,
    const char *rel, const char *cursor, const char *words)
{
	const char *const	*name = p->page->paging->names;
	const char		*v;
	struct kore_buf		 href;

	kore_buf_init(&href, 256);
	kore_buf_appendf(&href, "%s?", req->path);
	for (; name != NULL && *name != NULL; name++) {
		if ((v = portal_arg(req, *name)) == NULL)
			continue;
		kore_buf_appendf(&href, "%s=", *name);
		url_encode(&href, v);
		kore_buf_appendf(&href, "&");
	}
	kore_buf_appendf(&href, "cursor=%s", cursor);
	html_wrap(buf, "<a rel=\"", rel, "\" href=\"");
	html_text(buf, kore_buf_stringify(&href, NULL));
	html_wrap(buf, "\">", words, "</a>");
	kore_buf_cleanup(&href);
}

/* "N in all" or "more than CAP". */
static void
total(struct kore_buf *buf, const struct paging *pg)
{
	if (pg->total > atoll(PAGING_COUNT_CAP))
		kore_buf_appendf(buf, "more than " PAGING_COUNT_CAP);
	else
		kore_buf_appendf(buf, "%lld", pg->total);
}

void
paging_total(struct kore_buf *buf, struct portal *p)
{
	kore_buf_appendf(buf, "<p class=\"total\">Total: ");
	total(buf, &p->paging);
	kore_buf_appendf(buf, "</p>\n");
}

void
paging_nav(struct kore_buf *buf, struct portal *p)
{
	struct http_request	*req = p->q.req;
	char			 next[CURSOR_LEN], prev[CURSOR_LEN];

	kore_buf_appendf(buf, "<nav class=\"pages\" aria-label=\"Pages of "
	    "the list\">");
	cursors(p, next, prev);
	if (prev[0] != '\0')
		page_link(buf, req, p, "prev", prev, "Previous page");
	if (prev[0] != '\0' && next[0] != '\0')
		kore_buf_appendf(buf, " ");
	if (next[0] != '\0')
		page_link(buf, req, p, "next", next, "Next page");
	kore_buf_appendf(buf, "</nav>\n");
}

void
paging_table(struct kore_buf *buf, struct portal *p,
    const struct staff_column *cols)
{
	paging_table_tail(buf, p, cols, NULL);
}

void
paging_table_tail(struct kore_buf *buf, struct portal *p,
    const struct staff_column *cols,
    void (*tail)(struct kore_buf *, struct portal *, unsigned int))
{
	const struct staff_column	*c;
	unsigned int			 k, r, n = 0;

	paging_total(buf, p);
	html_table_begin(buf, "list", NULL);
	staff_heads(buf, cols);
	for (k = 0; k < paging_shown(p); k++) {
		r = paging_row(p, k);
		kore_buf_appendf(buf, "<tr>");
		for (c = cols; c->head != NULL; c++) {
			if (tail != NULL && c[1].head == NULL)
				tail(buf, p, r);
			else
				html_wrap(buf, "<td>", db_async_cell(&p->q, r,
				    c->col), "</td>");
		}
		kore_buf_appendf(buf, "</tr>\n");
	}
	for (c = cols; c->head != NULL; c++)
		n++;
	if (paging_shown(p) == 0)
		kore_buf_appendf(buf, "<tr><td colspan=\"%u\">None.</td></tr>\n",
		    n);
	kore_buf_appendf(buf, "</tbody>");
	html_table_end(buf);
	paging_nav(buf, p);
}

int
paging_json_send(struct http_request *req, struct portal *p,
    struct kore_buf *buf)
{
	char	next[CURSOR_LEN], prev[CURSOR_LEN];

	cursors(p, next, prev);
	kore_buf_appendf(buf, "],\"total\":%lld,\"total_exact\":%s,\"next\":",
	    p->paging.total > atoll(PAGING_COUNT_CAP) ?
	    atoll(PAGING_COUNT_CAP) : p->paging.total,
	    p->paging.total > atoll(PAGING_COUNT_CAP) ? "false" : "true");
	if (next[0] != '\0')
		json_string(buf, next);
	else
		kore_buf_appendf(buf, "null");
	kore_buf_appendf(buf, ",\"previous\":");
	if (prev[0] != '\0')
		json_string(buf, prev);
	else
		kore_buf_appendf(buf, "null");
	kore_buf_appendf(buf, "}\n");
	json_send(req, 200, buf);
	return PAGE_DONE;
}

int
paging_json_list(struct http_request *req, struct portal *p, const char *name,
    const char *const *keys, unsigned int n, unsigned int numbers)
{
	struct kore_buf	*buf = kore_buf_alloc(8192);
	unsigned int	 k;

	kore_buf_appendf(buf, "{");
	json_string(buf, name);
	kore_buf_appendf(buf, ":[");
	for (k = 0; k < paging_shown(p); k++) {
		kore_buf_appendf(buf, "%s{", k ? "," : "");
		json_members(buf, &p->q, paging_row(p, k), keys, n, numbers);
		kore_buf_appendf(buf, "}");
	}
	return paging_json_send(req, p, buf);
}
