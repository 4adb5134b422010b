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
	return done();
}
