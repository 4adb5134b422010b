/* SPDX-License-Identifier: ISC */
/* A staff list's forms per row; see staff_forms.h. */
#include "html.h"
#include "staff_forms.h"

void
staff_row_form(struct kore_buf *buf, struct portal *p, const char *action,
    const char *id_field, const char *id, const struct staff_input *inputs,
    unsigned int n, const char *button)
{
	unsigned int	i;

	html_wrap(buf, "<form class=\"row\" method=\"post\" action=\"",
	    action, "\">");
	portal_csrf_field(buf, p->cookie);
	html_wrap(buf, "<input type=\"hidden\" name=\"", id_field, "\" ");
	html_wrap(buf, "value=\"", id, "\">");
	for (i = 0; i < n; i++) {
		html_wrap(buf, "<input name=\"", inputs[i].name, "\" ");
		html_wrap(buf, "aria-label=\"", inputs[i].name, "\" ");
		kore_buf_appendf(buf, "size=\"%d\" required value=\"",
		    inputs[i].size);
		html_text(buf, inputs[i].value != NULL ? inputs[i].value : "");
		kore_buf_appendf(buf, "\"> ");
	}
	html_wrap(buf, "<button type=\"submit\">", button,
	    "</button></form>");
}

void
staff_edit_cell(struct kore_buf *buf, struct portal *p,
    const char *action_edit, const char *action_other,
    const char *other_label, const char *id_field, const char *id,
    const struct staff_input *inputs, unsigned int n)
{
	html_wrap(buf, "<td id=\"", id_field, "-");
	html_wrap(buf, "", id, "\">");
	staff_row_form(buf, p, action_edit, id_field, id, inputs, n, "Save");
	staff_row_form(buf, p, action_other, id_field, id, NULL, 0,
	    other_label);
	kore_buf_appendf(buf, "</td>");
}
