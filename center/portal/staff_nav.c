/* SPDX-License-Identifier: ISC */
/* The staff pages' navigation and the words of their audit entries. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "html.h"
#include "page_auth.h"
#include "staff.h"

void
staff_nav(struct kore_buf *buf, struct portal *p)
{
	unsigned int	roles = page_role_bits(p->staff_role);

	kore_buf_appendf(buf, "<nav class=\"staff\" aria-label=\"Staff pages\">"
	    "<a href=\"/staff\">Fleet"
	    "</a> <a href=\"/staff/terminals\">Terminals</a>");
	if (roles & ROLE_DESK)
		kore_buf_appendf(buf, " <a href=\"/staff/orders\">Orders</a> "
		    "<a href=\"/staff/catalogue\">Consumables</a> "
		    "<a href=\"/staff/guides\">Product guides</a> "
		    "<a href=\"/staff/meters\">Meter statements</a>");
	if (roles & ROLE_DISPATCH)
		kore_buf_appendf(buf, " <a href=\"/staff/technicians\">"
		    "Technicians</a>");
	if (roles & ROLE_ADMIN)
		kore_buf_appendf(buf, " <a href=\"/staff/audit\">Audit log"
		    "</a> <a href=\"/staff/quarantine\">Quarantine</a>");
	kore_buf_appendf(buf, " <a href=\"/staff/sessions\">Sessions</a>");
	kore_buf_appendf(buf, " <form class=\"logout\" method=\"post\" "
	    "action=\"/staff/logout\">");
	portal_csrf_field(buf, p->cookie);
	html_wrap(buf, "<span class=\"who\">", p->staff_name, " (");
	html_text(buf, p->staff_role);
	kore_buf_appendf(buf, ")</span> <button type=\"submit\">Sign out"
	    "</button></form></nav>\n");
}

void
staff_audit_detail(struct portal *p, const char *fmt, ...)
{
	va_list	ap;
	int	n;

	va_start(ap, fmt);
	n = vsnprintf(p->detail, sizeof(p->detail), fmt, ap);
	va_end(ap);
	/* The action is done either way: say in the log that text is cut. */
	if (n < 0)
		p->detail[0] = '\0';
	else if ((size_t)n >= sizeof(p->detail))
		memcpy(p->detail + sizeof(p->detail) - 4, "...", 4);
	(void)snprintf(p->subject, sizeof(p->subject), "%lld", p->obj);
}
