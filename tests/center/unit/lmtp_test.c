/* SPDX-License-Identifier: ISC */
/* objects: lmtp */
/*
 * The LMTP server's state machine, as Postfix's lmtp(8) drives it (with
 * PIPELINING) and as a broken or hostile client might: replies, dot-
 * stuffing, the size limit, long lines, commands out of order.
 */
#include <string.h>

#include "lmtp.h"
#include "tap.h"

static struct lmtp	lm;

/* Feed text line by line; returns the last event, replies in out. */
static enum lmtp_event
feed(const char *text, char *out, size_t outlen)
{
	enum lmtp_event	ev = LMTP_CONTINUE;
	const char	*nl;

	lm.outlen = 0;
	while (*text != '\0' && ev == LMTP_CONTINUE) {
		nl = strchr(text, '\n');
		ev = lmtp_input(&lm, text, (size_t)(nl - text), 1);
		text = nl + 1;
	}
	(void)snprintf(out, outlen, "%.*s", (int)lm.outlen, lm.out);
	return ev;
}

int
main(void)
{
	char	out[2048], big[LMTP_LINE_MAX];
	size_t	i;

	ok(lmtp_init(&lm, "mx", 40) == 0, "a session starts");
	ok(strncmp(lm.out, "220 mx LMTP", 11) == 0, "with a 220 greeting");
	feed("MAIL FROM:<a@b>\r\n", out, sizeof(out));
	is_str(out, "503 5.5.1 LHLO first\r\n", "MAIL before LHLO is refused");
	feed("HELO x\r\n", out, sizeof(out));
	is_str(out, "503 5.5.1 LHLO first\r\n", "so is SMTP's HELO");
	feed("LHLO client\r\n", out, sizeof(out));
	ok(strstr(out, "250 ENHANCEDSTATUSCODES\r\n") != NULL &&
	    strstr(out, "250-PIPELINING\r\n") != NULL,
	    "LHLO announces pipelining and enhanced status codes");
	feed("DATA\r\n", out, sizeof(out));
	is_str(out, "503 5.5.1 RCPT first\r\n", "DATA without RCPT is refused");
	feed("MAIL\r\n", out, sizeof(out));
	is_str(out, "501 5.5.4 syntax: MAIL FROM:<address>\r\n",
	    "MAIL without an argument is refused (found by the fuzzer)");
	feed("MAIL FROM:a@b\r\n", out, sizeof(out));
	is_str(out, "501 5.5.4 syntax: MAIL FROM:<address>\r\n",
	    "a path without angle brackets is refused");

	/* Pipelined, as Postfix sends it: two recipients, dot-stuffing. */
	ok(feed("MAIL FROM:<t@x> BODY=7BIT\r\nRCPT TO:<r@y>\r\n"
	    "RCPT TO:<r2@y>\r\nDATA\r\nSubject: s\r\n\r\n..dot\r\nbody\r\n"
	    ".\r\n", out, sizeof(out)) == LMTP_MESSAGE,
	    "the final dot ends the message");
	is_str(out, "250 2.1.0 OK\r\n250 2.1.5 OK\r\n250 2.1.5 OK\r\n"
	    "354 end with <CRLF>.<CRLF>\r\n", "each command is answered");
	is_str(lm.msg, "Return-Path: <t@x>\nSubject: s\n\n.dot\nbody\n",
	    "the message is unstuffed, with LF ends and its Return-Path");
	lm.outlen = 0;
	lmtp_answer(&lm, "451 4.3.0 later");
	is_str(lm.out, "451 4.3.0 later\r\n451 4.3.0 later\r\n",
	    "one reply per recipient");

	/* Too big: kept up to the limit and one byte, answered all the same. */
	ok(feed("MAIL FROM:<>\r\nRCPT TO:<r@y>\r\nDATA\r\n"
	    "0123456789012345678901234567890123456789\r\nmore\r\n.\r\n",
	    out, sizeof(out)) == LMTP_MESSAGE, "an oversized message ends");
	ok(lm.len > 40 && lm.len <= 40 + LMTP_ADDR_MAX + 32,
	    "and is kept no further than its limit and the Return-Path");
	lmtp_answer(&lm, "250 2.0.0 dropped");

	/* A command longer than a line: refused once, the rest skipped. */
	memset(big, 'A', sizeof(big));
	lm.outlen = 0;
	(void)lmtp_input(&lm, big, sizeof(big), 0);
	(void)lmtp_input(&lm, big, 10, 1);
	is_str(lm.out, "500 5.5.2 line too long\r\n", "a long line is refused once");
	feed("NOOP\r\n", out, sizeof(out));
	is_str(out, "250 2.0.0 OK\r\n", "and the session goes on");
	feed("VRFY x\r\n", out, sizeof(out));
	is_str(out, "502 5.5.1 not implemented\r\n", "VRFY is not implemented");
	for (i = 0; i <= LMTP_RCPT_MAX; i++) {
		if (i == 0)
			feed("MAIL FROM:<a@b>\r\n", out, sizeof(out));
		feed("RCPT TO:<r@y>\r\n", out, sizeof(out));
	}
	is_str(out, "452 4.5.3 too many recipients\r\n",
	    "recipients are limited");
	feed("RSET\r\n", out, sizeof(out));
	is_str(out, "250 2.0.0 OK\r\n", "RSET");
	ok(feed("QUIT\r\n", out, sizeof(out)) == LMTP_CLOSE &&
	    strcmp(out, "221 2.0.0 bye\r\n") == 0, "QUIT closes");
	lmtp_free(&lm);
	return done_testing();
}
