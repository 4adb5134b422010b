/* SPDX-License-Identifier: ISC */
/*
 * The server side of LMTP (RFC 2033), as small and strict as the one client
 * it serves (Postfix's lmtp(8)) allows: LHLO, MAIL, RCPT, DATA (dot-
 * stuffed), RSET, NOOP, QUIT; anything else is refused. Pure: lines come
 * in, reply text goes out into lm->out; no I/O, so a fuzzer drives it.
 *
 *   GREETED --LHLO--> READY --MAIL--> MAIL --RCPT--> RCPT --DATA--> DATA
 *      ^                ^                                          |
 *      |                +---- lmtp_answer() (a reply per RCPT) <---+ "."
 *      +-- RSET keeps LHLO; QUIT closes from anywhere
 *
 * A message is kept up to max_msg + 1 bytes (enough for the receiver to
 * see it is too big and quarantine its head); the rest is read and
 * discarded, so an oversized message is answered, not deferred forever.
 */
#ifndef FAXCENTER_LMTP_H
#define FAXCENTER_LMTP_H

#include <stddef.h>

#define LMTP_LINE_MAX	4096	/* longer input arrives in pieces */
#define LMTP_RCPT_MAX	100	/* RFC 5321's minimum buffer */
#define LMTP_ADDR_MAX	256

enum lmtp_state {
	LMTP_GREETED, LMTP_READY, LMTP_MAIL, LMTP_RCPT, LMTP_DATA, LMTP_CLOSED,
};

enum lmtp_event {
	LMTP_CONTINUE,	/* read on */
	LMTP_MESSAGE,	/* msg/len hold a message: call lmtp_answer() */
	LMTP_CLOSE,	/* flush lm->out, then close */
};

struct lmtp {
	enum lmtp_state	 state;
	size_t		 max_msg;
	unsigned int	 nrcpt;
	int		 partial;	/* the last piece had no line end */
	char		 sender[LMTP_ADDR_MAX + 1];
	char		*msg;		/* Return-Path, then the message, LF */
	size_t		 len, cap, seen;
	char		 out[LMTP_RCPT_MAX * 96 + 512];
	size_t		 outlen;
};

/* Greets into lm->out. 0, or -1 when out of memory. */
int	lmtp_init(struct lmtp *lm, const char *hostname, size_t max_msg);
void	lmtp_free(struct lmtp *lm);

/*
 * One piece of input: a line without its line end (eol 1), or the start
 * of a line longer than LMTP_LINE_MAX (eol 0).
 */
enum lmtp_event	lmtp_input(struct lmtp *lm, const char *line, size_t len,
		    int eol);

/* After LMTP_MESSAGE: one reply ("250 2.0.0 ...") for every recipient. */
void	lmtp_answer(struct lmtp *lm, const char *reply);

#endif
