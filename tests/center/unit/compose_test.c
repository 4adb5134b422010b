/* SPDX-License-Identifier: ISC */
/* objects: outbox_compose */
/* The manager's e-mail: plain words, one line per notice, the URL, and a
 * message with the headers SMTP needs and CRLF line ends. */
#include <string.h>

#include <gmime/gmime.h>

#include "outbox_compose.h"
#include "tap.h"

int
main(void)
{
	struct notice_line lines[] = {
		{ "FX-9000", "SN1", "office-1", "Toner is low", "warning",
		    "supply", "2026-11-24 04:00 UTC" },
		{ "FX-9000", "SN2", "office-2", "Paper is jammed", "error",
		    "fault", "2026-11-24 04:01 UTC" },
	};
	char	*subject, *body, *msg;

	g_mime_init();
	compose_notice_mail(lines, 1, "https://c.example/m/abc", 90, &subject,
	    &body);
	ok(strcmp(subject, "Fax terminal FX-9000 SN1: Toner is low") == 0,
	    "one notice: the subject names terminal and problem");
	ok(strstr(body, "https://c.example/m/abc") != NULL,
	    "the body carries the URL");
	ok(strstr(body, "order them") != NULL &&
	    strstr(body, "technician") == NULL,
	    "a shortage offers supplies, not a visit");
	g_free(subject);
	g_free(body);

	compose_notice_mail(lines, 2, "https://c.example/m/abc", 90, &subject,
	    &body);
	ok(strcmp(subject, "2 things need attention on your fax terminals") ==
	    0, "two notices: one subject counting them");
	ok(strstr(body, "office-1") && strstr(body, "office-2") &&
	    strstr(body, "Paper is jammed (error)"), "each notice is listed");
	ok(strstr(body, "technician") != NULL, "a failure offers a visit");

	{
		const char *one[] = { "  * FX-9000, serial SN1 (terminal id "
		    "office-1):\n    https://c.example/confirm/t1\n" };
		const char *two[] = { one[0], "  * FX-9000, serial SN2 "
		    "(terminal id office-2):\n    https://c.example/confirm/t2\n" };
		char *c1 = compose_confirm_mail(one, 1, "alice@example.com", 72);
		char *c2 = compose_confirm_mail(two, 2, "alice@example.com", 72);

		ok(strstr(c1, "A fax terminal names this address") &&
		    strstr(c1, "(alice@example.com)") &&
		    strstr(c1, "confirm/t1") && strstr(c1, "72 hours"),
		    "one confirmation: the terminal, the address, the link");
		ok(strstr(c2, "These fax terminals name") &&
		    strstr(c2, "confirm/t1") && strstr(c2, "confirm/t2") &&
		    strstr(c2, "links above are"),
		    "two confirmations in one e-mail, each with its link");
		g_free(c1);
		g_free(c2);
	}
	{
		struct takeover_mail tm = {
			.terminal = "office-1", .model = "FX-9000",
			.serial = "SN1", .new_manager = "bob@example.com",
			.changed = "2030-01-01 10:00 UTC",
			.until = "2030-01-08 10:00 UTC",
			.undo_url = "https://c.example/confirm/undo/u1",
		};
		char *t1 = compose_takeover_mail(&tm);
		char *t2;

		tm.undo_url = NULL;
		t2 = compose_takeover_mail(&tm);
		ok(strstr(t1, "office-1") && strstr(t1, "bob@example.com") &&
		    strstr(t1, "model \"FX-9000\"") &&
		    strstr(t1, "(until 2030-01-08 10:00 UTC)") &&
		    strstr(t1, "confirm/undo/u1") && strstr(t1, "locks"),
		    "a change of manager: the terminal, the new manager, the "
		    "undo link and its end");
		ok(strstr(t2, "confirm/undo") == NULL &&
		    strstr(t2, "can no\nlonger be undone") != NULL,
		    "without a link, it says the change can no longer be undone");
		g_free(t1);
		g_free(t2);
	}

	msg = compose_message("center@c.example", "alice@example.com", subject,
	    body, "batch-1@c.example");
	ok(strstr(msg, "Message-Id: <batch-1@c.example>\r\n") != NULL ||
	    strstr(msg, "Message-ID: <batch-1@c.example>\r\n") != NULL,
	    "the Message-ID is the one given");
	ok(strstr(msg, "To: alice@example.com\r\n") != NULL &&
	    strstr(msg, "From: faxcare service center <center@c.example>\r\n")
	    != NULL, "From and To, CRLF");
	ok(strstr(msg, "Date: ") != NULL, "a Date header");
	ok(strstr(msg, "\n\n") == NULL || strstr(msg, "\r\n\r\n") != NULL,
	    "CRLF line ends");
	g_free(msg);
	g_free(subject);
	g_free(body);
	return done_testing();
}
