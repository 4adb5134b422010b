/* SPDX-License-Identifier: ISC */
/* Tables and forms for the staff pages; see staff_table.h. */
#include "html.h"
#include "staff_table.h"

static int
tagged(const struct db_async_query *q, unsigned int r, unsigned int tag_col,
    char tag)
{
	const char	*t = db_async_cell(q, r, tag_col);

	return t != NULL && t[0] == tag;
}

void
staff_heads(struct kore_buf *buf, const struct staff_column *cols)
{
	kore_buf_appendf(buf, "<thead><tr>");
	for (; cols->head != NULL; cols++)
		html_wrap(buf, "<th>", cols->head, "</th>");
	kore_buf_appendf(buf, "</tr></thead><tbody>\n");
}

unsigned int
staff_rows(struct kore_buf *buf, struct portal *p, unsigned int tag_col,
    char tag, const struct staff_column *cols, int reverse)
{
	const struct staff_column	*c;
	unsigned int			 r, k, rows = 0;

	for (k = 0; k < p->q.rows; k++) {
		r = reverse ? p->q.rows - 1 - k : k;
		if (!tagged(&p->q, r, tag_col, tag))
			continue;
		kore_buf_appendf(buf, "<tr>");
		for (c = cols; c->head != NULL; c++)
			html_wrap(buf, "<td>", db_async_cell(&p->q, r, c->col),
			    "</td>");
		kore_buf_appendf(buf, "</tr>\n");
		rows++;
	}
	return rows;
}

void
staff_table(struct kore_buf *buf, struct portal *p, unsigned int tag_col,
    char tag, const struct staff_column *cols)
{
	unsigned int	n = 0;

	html_table_begin(buf, NULL, NULL);
	staff_heads(buf, cols);
	while (cols[n].head != NULL)
		n++;
	if (staff_rows(buf, p, tag_col, tag, cols, 0) == 0)
		kore_buf_appendf(buf, "<tr><td colspan=\"%u\">None yet.</td>"
		    "</tr>\n", n);
	kore_buf_appendf(buf, "</tbody>");
	html_table_end(buf);
}

void
staff_form(struct kore_buf *buf, struct portal *p,
    const struct db_async_query *q, const char *action, const char *legend,
    const struct staff_choice *choice, const struct staff_field *fields)
{
	unsigned int	r;

	html_wrap(buf, "<form method=\"post\" action=\"", action,
	    "\"><fieldset><legend>");
	html_text(buf, legend);
	kore_buf_appendf(buf, "</legend>");
	portal_csrf_field(buf, p->cookie);
	html_wrap(buf, "<label>", choice->label != NULL ? choice->label :
	    legend, " ");
	html_wrap(buf, "<select name=\"", choice->name, "\" required>");
	for (r = 0; r < q->rows; r++) {
		if (!tagged(q, r, choice->tag_col, choice->tag))
			continue;
		html_wrap(buf, "<option value=\"",
		    db_async_cell(q, r, choice->value_col), "\">");
		html_text(buf, db_async_cell(q, r, choice->label_col));
		kore_buf_appendf(buf, "</option>");
	}
	kore_buf_appendf(buf, "</select></label>\n");
	for (; fields->name != NULL; fields++) {
		html_wrap(buf, "<label>", fields->label, " <input name=\"");
		html_text(buf, fields->name);
		html_wrap(buf, "\" required value=\"", fields->value,
		    "\"></label>\n");
	}
	kore_buf_appendf(buf, "<button type=\"submit\">Add</button>"
	    "</fieldset></form>\n");
}
