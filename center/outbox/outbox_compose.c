/* SPDX-License-Identifier: ISC */
/* Writing the manager's e-mails: words first, then GMime for the format. */
#include <string.h>
#include <time.h>

#include <gmime/gmime.h>

#include "outbox_compose.h"

static int
has_kind(const struct notice_line *lines, size_t n, const char *kind)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (strcmp(lines[i].kind, kind) == 0)
			return 1;
	}
	return 0;
}

void
compose_notice_mail(const struct notice_line *lines, size_t n,
    const char *home_url, int valid_days, char **subject, char **body)
{
	GString	*b = g_string_new(NULL);
	size_t	 i;

	if (n == 1)
		*subject = g_strdup_printf("Fax terminal %s %s: %s",
		    lines[0].model, lines[0].serial, lines[0].summary);
	else
		*subject = g_strdup_printf("%zu things need attention on your "
		    "fax terminals", n);
	g_string_append(b, "Hello,\n\n");
	g_string_append_printf(b, "%s the fax terminals you manage:\n\n",
	    n == 1 ? "The service center has news from one of" :
	    "The service center has news from");
	for (i = 0; i < n; i++)
		g_string_append_printf(b, "  * %s, serial %s (terminal %s):\n"
		    "    %s (%s), since %s\n",
		    lines[i].model, lines[i].serial, lines[i].terminal,
		    lines[i].summary, lines[i].severity, lines[i].opened);
	g_string_append(b, "\n");
	if (has_kind(lines, n, "supply"))
		g_string_append(b, "Your page shows the supplies that fit "
		    "and lets you order them;\nit tells you when they will be "
		    "delivered.\n");
	if (has_kind(lines, n, "fault") || has_kind(lines, n, "service"))
		g_string_append(b, "Your page shows when a service technician "
		    "can come and lets you\nbook the visit.\n");
	if (has_kind(lines, n, "silent"))
		g_string_append(b, "A terminal that stopped reporting may be "
		    "switched off, unplugged\nfrom the network or unable to "
		    "send mail. Its notice closes when it\nreports again.\n");
	g_string_append_printf(b, "\nYour page:\n\n  %s\n\n"
	    "The link is yours alone (please do not forward it) and works for "
	    "%d days.\nWhen the terminal reports that the supply was replaced "
	    "or the repair\ndone, the notice leaves your page by itself.\n\n"
	    "-- \nfaxcare service center\n", home_url, valid_days);
	*body = g_string_free(b, FALSE);
}

char *
compose_confirm_mail(const char *const *lines, size_t n, const char *address,
    int valid_hours)
{
	GString	*b = g_string_new("Hello,\n\n");
	size_t	 i;

	g_string_append_printf(b, "%s this address\n(%s) as %s manager.\n\n"
	    "If you manage %s, please confirm with %s:\n\n",
	    n == 1 ? "A fax terminal names" : "These fax terminals name",
	    address, n == 1 ? "its" : "their", n == 1 ? "it" : "them",
	    n == 1 ? "this link" : "each terminal's link");
	for (i = 0; i < n; i++)
		g_string_append_printf(b, "%s\n", lines[i]);
	g_string_append_printf(b, "Once you confirm, the service center "
	    "e-mails you when a terminal\nruns short of supplies, fails or "
	    "needs maintenance, with a link to\nyour own page. The %s valid "
	    "for %d hours.\n\n"
	    "If you do not manage %s, ignore this message: nothing\n"
	    "changes without your confirmation.\n\n"
	    "-- \nfaxcare service center\n",
	    n == 1 ? "link above is" : "links above are", valid_hours,
	    n == 1 ? "this terminal" : "these terminals");
	return g_string_free(b, FALSE);
}

char *
compose_takeover_mail(const struct takeover_mail *tm)
{
	GString	*b = g_string_new("Hello,\n\n");

	g_string_append_printf(b, "You were the manager of fax terminal %s "
	    "(which says it is\nmodel \"%s\", serial \"%s\"). On %s its "
	    "manager became\n%s, who confirmed a link the terminal's "
	    "registration sent them.\n\n"
	    "From now on its notices go to them, not to you; they see its\n"
	    "state and open notices, not your orders and visits.\n\n"
	    "If this change is right, nothing needs doing.\n\n",
	    tm->terminal, tm->model, tm->serial, tm->changed,
	    tm->new_manager);
	if (tm->undo_url != NULL)
		g_string_append_printf(b, "If it is not, undo it with this "
		    "link (until %s):\n\n  %s\n\n"
		    "Undoing makes you its manager again and locks that: no "
		    "registration\nchanges it until the service center's "
		    "staff unlock it.\n\n", tm->until, tm->undo_url);
	else
		g_string_append(b, "If it is not, please tell the service "
		    "center: the change can no\nlonger be undone by link.\n\n");
	g_string_append(b, "-- \nfaxcare service center\n");
	return g_string_free(b, FALSE);
}

void
compose_desk_mail(const struct desk_mail *dm, char **subject, char **body)
{
	GString	*b = g_string_new("Hello,\n\n");

	if (strcmp(dm->event, "order-cancelled") == 0) {
		*subject = g_strdup_printf("Order %s cancelled", dm->id);
		g_string_append_printf(b, "The service center cancelled your "
		    "order %s: %s x %s\nfor fax terminal %s (%s, serial %s).\n"
		    "Nothing will be delivered for it. If the terminal still "
		    "needs the\nsupply, your page lets you order again.\n",
		    dm->id, dm->item, dm->quantity, dm->terminal, dm->model,
		    dm->serial);
	} else if (strcmp(dm->event, "visit-moved") == 0) {
		*subject = g_strdup_printf("Service visit moved to %s",
		    dm->when);
		g_string_append_printf(b, "The service center moved the "
		    "service visit for fax terminal\n%s (%s, serial %s) from "
		    "%s to %s,\nwith %s.\n", dm->terminal, dm->model,
		    dm->serial, dm->before, dm->when, dm->technician);
	} else {
		*subject = g_strdup_printf("Service visit of %s cancelled",
		    dm->when);
		g_string_append_printf(b, "The service center cancelled the "
		    "service visit of %s\nfor fax terminal %s (%s, serial %s). "
		    "Your page lets you book\nanother time.\n", dm->when,
		    dm->terminal, dm->model, dm->serial);
	}
	g_string_append(b, "\n-- \nfaxcare service center\n");
	*body = g_string_free(b, FALSE);
}

char *
compose_message(const char *from, const char *to, const char *subject,
    const char *body, const char *message_id)
{
	GMimeMessage		*msg = g_mime_message_new(TRUE);
	GMimeTextPart		*part = g_mime_text_part_new_with_subtype("plain");
	GMimeFormatOptions	*fmt = g_mime_format_options_new();
	GDateTime		*now = g_date_time_new_now_utc();
	char			*text;

	g_mime_message_add_mailbox(msg, GMIME_ADDRESS_TYPE_FROM,
	    "faxcare service center", from);
	g_mime_message_add_mailbox(msg, GMIME_ADDRESS_TYPE_TO, NULL, to);
	g_mime_message_set_subject(msg, subject, "utf-8");
	g_mime_message_set_date(msg, now);
	g_mime_message_set_message_id(msg, message_id);
	g_mime_text_part_set_text(part, body);
	g_mime_message_set_mime_part(msg, GMIME_OBJECT(part));
	g_mime_format_options_set_newline_format(fmt,
	    GMIME_NEWLINE_FORMAT_DOS);
	text = g_mime_object_to_string(GMIME_OBJECT(msg), fmt);
	g_mime_format_options_free(fmt);
	g_date_time_unref(now);
	g_object_unref(part);
	g_object_unref(msg);
	return text;
}
