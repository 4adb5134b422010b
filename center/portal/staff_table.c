/* Tables and forms for the staff pages; see staff_table.h. */
#include "html.h"
#include "staff_table.h"

static int
tagged(struct portal *p, unsigned int r, char tag)
{
	const char	*t = db_async_cell(&p->q, r, 0);

	return t != NULL && t[0] == tag;
}

void
staff_table(struct kore_buf *buf, struct portal *p, char tag,
    const char *const *heads)
{
	unsigned int	r, i, n = 0, rows = 0;

	kore_buf_appendf(buf, "<table><thead><tr>");
	for (; heads[n] != NULL; n++)
		html_wrap(buf, "<th>", heads[n], "</th>");
	kore_buf_appendf(buf, "</tr></thead><tbody>\n");
	for (r = 0; r < p->q.rows; r++) {
		if (!tagged(p, r, tag))
			continue;
		kore_buf_appendf(buf, "<tr>");
		for (i = 1; i <= n; i++)
			html_wrap(buf, "<td>", db_async_cell(&p->q, r, i),
			    "</td>");
		kore_buf_appendf(buf, "</tr>\n");
		rows++;
	}
	if (rows == 0)
		kore_buf_appendf(buf, "<tr><td colspan=\"%u\">None yet.</td>"
		    "</tr>\n", n);
	kore_buf_appendf(buf, "</tbody></table>\n");
}

void
staff_form(struct kore_buf *buf, struct portal *p, const char *action,
    const char *legend, const char *choice, char choice_tag,
    const struct staff_field *fields)
{
	unsigned int	r;

	html_wrap(buf, "<form method=\"post\" action=\"", action,
	    "\"><fieldset><legend>");
	html_text(buf, legend);
	kore_buf_appendf(buf, "</legend>");
	portal_csrf_field(buf, p->cookie);
	html_wrap(buf, "<select name=\"", choice, "\" required>");
	for (r = 0; r < p->q.rows; r++) {
		if (!tagged(p, r, choice_tag))
			continue;
		html_wrap(buf, "<option value=\"", db_async_cell(&p->q, r, 1),
		    "\">");
		html_text(buf, db_async_cell(&p->q, r, 2));
		kore_buf_appendf(buf, "</option>");
	}
	kore_buf_appendf(buf, "</select>\n");
	for (; fields->name != NULL; fields++) {
		html_wrap(buf, "<label>", fields->label, " <input name=\"");
		html_text(buf, fields->name);
		html_wrap(buf, "\" required value=\"", fields->value,
		    "\"></label>\n");
	}
	kore_buf_appendf(buf, "<button type=\"submit\">Add</button>"
	    "</fieldset></form>\n");
}
