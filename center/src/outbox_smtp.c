/*
 * libESMTP, one session per message (the relay is on the same host or
 * network; a session is cheap next to the wait for a 250).
 */
#include <stdio.h>
#include <string.h>

#include <libesmtp.h>

#include "outbox_smtp.h"

/* A status of 0 means the dialogue never reached that point. */
static enum smtp_result
classify(const smtp_status_t *st, const char *what, char *err, size_t errlen)
{
	if (st != NULL && st->code >= 200 && st->code < 300)
		return SMTP_SENT;
	snprintf(err, errlen, "%s: %d %s", what, st != NULL ? st->code : 0,
	    st != NULL && st->text != NULL ? st->text : "no answer");
	err[strcspn(err, "\r\n")] = '\0';
	return st != NULL && st->code >= 500 ? SMTP_REFUSED : SMTP_RETRY;
}

enum smtp_result
smtp_send(const struct center_config *cfg, const char *rcpt,
    const char *text, char *err, size_t errlen)
{
	smtp_session_t		 s;
	smtp_message_t		 m;
	smtp_recipient_t	 r;
	enum smtp_result	 res;
	char			 server[CENTER_STR_MAX + 16], ebuf[128];

	snprintf(server, sizeof(server), "%s:%d", cfg->smtp_host,
	    cfg->smtp_port);
	if ((s = smtp_create_session()) == NULL) {
		snprintf(err, errlen, "libesmtp: %s",
		    smtp_strerror(smtp_errno(), ebuf, sizeof(ebuf)));
		return SMTP_RETRY;
	}
	if (!smtp_set_server(s, server) ||
	    (m = smtp_add_message(s)) == NULL ||
	    !smtp_set_reverse_path(m, cfg->sender) ||
	    (r = smtp_add_recipient(m, rcpt)) == NULL ||
	    !smtp_set_message_str(m, (void *)text)) {
		snprintf(err, errlen, "libesmtp: %s",
		    smtp_strerror(smtp_errno(), ebuf, sizeof(ebuf)));
		smtp_destroy_session(s);
		return SMTP_RETRY;
	}
	if (!smtp_start_session(s)) {
		snprintf(err, errlen, "smtp %s: %s", server,
		    smtp_strerror(smtp_errno(), ebuf, sizeof(ebuf)));
		smtp_destroy_session(s);
		return SMTP_RETRY;
	}
	/* The recipient first: refused at RCPT, the message's status is only
	 * the relay's complaint that no recipient was left for DATA. */
	res = classify(smtp_recipient_status(r), "recipient", err, errlen);
	if (res == SMTP_SENT)
		res = classify(smtp_message_transfer_status(m), "message", err,
		    errlen);
	smtp_destroy_session(s);
	return res;
}
