/* SPDX-License-Identifier: ISC */
/* LMTP's server side, pure: lmtp.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lmtp.h"

static void
reply(struct lmtp *lm, const char *fmt, ...)
{
	va_list	ap;
	int	n;

	va_start(ap, fmt);
	n = vsnprintf(lm->out + lm->outlen, sizeof(lm->out) - lm->outlen,
	    fmt, ap);
	va_end(ap);
	/* out holds a reply for every recipient: never full in practice. */
	if (n > 0 && (size_t)n < sizeof(lm->out) - lm->outlen)
		lm->outlen += (size_t)n;
}

static void
reset(struct lmtp *lm)
{
	lm->nrcpt = 0;
	lm->len = lm->seen = 0;
	lm->sender[0] = '\0';
}

int
lmtp_init(struct lmtp *lm, const char *hostname, size_t max_msg)
{
	memset(lm, 0, sizeof(*lm));
	lm->max_msg = max_msg;
	/* The message, its Return-Path and a line end to spare. */
	lm->cap = max_msg + LMTP_ADDR_MAX + 32;
	if ((lm->msg = malloc(lm->cap)) == NULL)
		return -1;
	reply(lm, "220 %s LMTP faxcenter-ingestd\r\n", hostname);
	return 0;
}

void
lmtp_free(struct lmtp *lm)
{
	free(lm->msg);
	lm->msg = NULL;
}

static void
append(struct lmtp *lm, const char *p, size_t n)
{
	size_t	room;

	lm->seen += n;
	/* Keep max_msg + 1 bytes of the message proper: "too big" shows. */
	room = lm->cap - 1 - lm->len;
	if (n > room)
		n = room;
	memcpy(lm->msg + lm->len, p, n);
	lm->len += n;
	lm->msg[lm->len] = '\0';
}

/* "FROM:<addr>" or "TO:<addr>", then optional parameters (ignored). */
static int
path(const char *arg, size_t len, const char *key, char *addr)
{
	size_t	klen = strlen(key), i;

	if (len < klen || strncasecmp(arg, key, klen) != 0)
		return -1;
	arg += klen;
	len -= klen;
	if (len > 0 && arg[0] == ' ')	/* "MAIL FROM: <a>" is common */
		arg++, len--;
	if (len < 2 || arg[0] != '<')
		return -1;
	for (i = 1; i < len && arg[i] != '>'; i++)
		if (arg[i] == '<' || (unsigned char)arg[i] < 0x21 ||
		    (unsigned char)arg[i] > 0x7e || i > LMTP_ADDR_MAX)
			return -1;
	if (i == len || (i + 1 < len && arg[i + 1] != ' '))
		return -1;
	memcpy(addr, arg + 1, i - 1);
	addr[i - 1] = '\0';
	return 0;
}

static int
verb(const char *line, size_t len, const char *v)
{
	size_t	n = strlen(v);

	return len >= n && strncasecmp(line, v, n) == 0 &&
	    (len == n || line[n] == ' ');
}

static enum lmtp_event
data_line(struct lmtp *lm, const char *line, size_t len, int eol)
{
	int	start = !lm->partial;

	lm->partial = !eol;
	if (eol && len > 0 && line[len - 1] == '\r')
		len--;
	if (start && eol && len == 1 && line[0] == '.') {
		lm->state = LMTP_RCPT;	/* until lmtp_answer() */
		return LMTP_MESSAGE;
	}
	if (start && len > 0 && line[0] == '.')
		line++, len--;
	append(lm, line, len);
	if (eol)
		append(lm, "\n", 1);
	return LMTP_CONTINUE;
}

enum lmtp_event
lmtp_input(struct lmtp *lm, const char *line, size_t len, int eol)
{
	char		 addr[LMTP_ADDR_MAX + 1];
	const char	*arg;
	size_t		 alen;
	int		 start = !lm->partial;

	if (lm->state == LMTP_CLOSED)
		return LMTP_CLOSE;
	if (lm->state == LMTP_DATA)
		return data_line(lm, line, len, eol);
	/* A command line too long: refuse it once, skip its rest. */
	lm->partial = !eol;
	if (!eol || !start) {
		if (start)
			reply(lm, "500 5.5.2 line too long\r\n");
		return LMTP_CONTINUE;
	}
	if (len > 0 && line[len - 1] == '\r')
		len--;
	/* MAIL's and RCPT's argument: "MAIL" alone has none. */
	arg = len > 5 ? line + 5 : "";
	alen = len > 5 ? len - 5 : 0;
	if (memchr(line, '\0', len) != NULL) {
		reply(lm, "500 5.5.2 NUL in command\r\n");
	} else if (verb(line, len, "QUIT")) {
		reply(lm, "221 2.0.0 bye\r\n");
		lm->state = LMTP_CLOSED;
		return LMTP_CLOSE;
	} else if (verb(line, len, "NOOP")) {
		reply(lm, "250 2.0.0 OK\r\n");
	} else if (verb(line, len, "LHLO") && len > 5) {
		reset(lm);
		lm->state = LMTP_READY;
		reply(lm, "250-faxcenter-ingestd\r\n250-PIPELINING\r\n"
		    "250 ENHANCEDSTATUSCODES\r\n");
	} else if (lm->state == LMTP_GREETED) {
		reply(lm, "503 5.5.1 LHLO first\r\n");
	} else if (verb(line, len, "RSET")) {
		reset(lm);
		lm->state = LMTP_READY;
		reply(lm, "250 2.0.0 OK\r\n");
	} else if (verb(line, len, "MAIL")) {
		if (lm->state != LMTP_READY)
			reply(lm, "503 5.5.1 nested MAIL\r\n");
		else if (path(arg, alen, "FROM:", lm->sender))
			reply(lm, "501 5.5.4 syntax: MAIL FROM:<address>\r\n");
		else {
			lm->state = LMTP_MAIL;
			reply(lm, "250 2.1.0 OK\r\n");
		}
	} else if (verb(line, len, "RCPT")) {
		if (lm->state != LMTP_MAIL && lm->state != LMTP_RCPT)
			reply(lm, "503 5.5.1 MAIL first\r\n");
		else if (path(arg, alen, "TO:", addr))
			reply(lm, "501 5.5.4 syntax: RCPT TO:<address>\r\n");
		else if (lm->nrcpt == LMTP_RCPT_MAX)
			reply(lm, "452 4.5.3 too many recipients\r\n");
		else {
			lm->nrcpt++;
			lm->state = LMTP_RCPT;
			reply(lm, "250 2.1.5 OK\r\n");
		}
	} else if (verb(line, len, "DATA") && len == 4) {
		if (lm->state != LMTP_RCPT)
			reply(lm, "503 5.5.1 RCPT first\r\n");
		else {
			lm->state = LMTP_DATA;
			lm->len = lm->seen = 0;
			/* As a final delivery agent does (RFC 5321 4.4). */
			append(lm, "Return-Path: <", 14);
			append(lm, lm->sender, strlen(lm->sender));
			append(lm, ">\n", 2);
			lm->seen = 0;
			reply(lm, "354 end with <CRLF>.<CRLF>\r\n");
		}
	} else
		reply(lm, "502 5.5.1 not implemented\r\n");
	return LMTP_CONTINUE;
}

void
lmtp_answer(struct lmtp *lm, const char *text)
{
	unsigned int	i;

	for (i = 0; i < lm->nrcpt; i++)
		reply(lm, "%s\r\n", text);
	reset(lm);
	lm->state = LMTP_READY;
}
