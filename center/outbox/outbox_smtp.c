/* SPDX-License-Identifier: ISC */
/*
 * One relay session per message (the relay is on the same host or network;
 * a session is cheap next to the wait for a 250), through the protocol
 * library's relay policy (<faxcare/smtp.h>), the terminal daemon's: a
 * password goes only over a connection TLS protects unless smtp_starttls =
 * off says the link itself is trusted, and a relay that refuses the
 * credentials or asks for them keeps the mail pending, not failed.
 */
#include <stdio.h>

#include <faxcare/smtp.h>

#include "outbox_smtp.h"

static void
relay_of(const struct center_config *cfg, struct fc_smtp_relay *r)
{
	*r = (struct fc_smtp_relay){
		.host = cfg->smtp_host,
		.port = (unsigned int)cfg->smtp_port,
		.starttls = FC_STARTTLS_REQUIRED,
		.auth_user = cfg->smtp_auth_user,
		.password_file = cfg->smtp_auth_password_file,
		.ca_file = cfg->smtp_ca_file,
		.words = { .user = "smtp_auth_user",
		    .password_file = "smtp_auth_password_file",
		    .starttls = "smtp_starttls", .ca_file = "smtp_ca_file",
		    .assign = " = " },
	};
	/* config.c accepted the word; anything else stays required. */
	(void)fc_starttls_from_word(cfg->smtp_starttls, &r->starttls);
}

enum smtp_result
smtp_send(const struct center_config *cfg, const char *rcpt,
    const char *text, char *err, size_t errlen)
{
	static const enum smtp_result results[] = {
		[FC_SMTP_ACCEPTED] = SMTP_SENT,
		[FC_SMTP_RETRY] = SMTP_RETRY,
		[FC_SMTP_REFUSED] = SMTP_REFUSED,
	};
	struct fc_smtp_relay		 relay;
	struct fc_smtp_session		*s;
	struct fc_smtp_message		*m;
	struct fc_smtp_outcome		 out;
	struct fc_error			 ferr;

	relay_of(cfg, &relay);
	if (fc_smtp_open(&s, &relay, &ferr)) {
		(void)snprintf(err, errlen, "%s", ferr.text);
		return SMTP_RETRY;
	}
	if ((m = fc_smtp_add_text(s, cfg->sender, rcpt, text)) == NULL) {
		(void)snprintf(err, errlen, "libesmtp: cannot add the message");
		fc_smtp_close(s);
		return SMTP_RETRY;
	}
	(void)fc_smtp_run(s, NULL, 0);
	fc_smtp_outcome(s, m, &out);
	fc_smtp_close(s);
	(void)snprintf(err, errlen, "%s", out.text);
	if (out.verdict == FC_SMTP_RETRY && out.auth_code != 0)
		return SMTP_AUTH_TROUBLE;
	return results[out.verdict];
}
