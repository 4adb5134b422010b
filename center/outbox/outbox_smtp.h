/* SPDX-License-Identifier: ISC */
/* Handing one message to the SMTP relay (<faxcare/smtp.h>'s policy). */
#ifndef FAXCENTER_OUTBOX_SMTP_H
#define FAXCENTER_OUTBOX_SMTP_H

#include <stddef.h>

#include "config.h"

enum smtp_result {
	SMTP_SENT = 0,		/* the relay accepted it (2xx) */
	SMTP_RETRY,		/* no relay, 4xx: later */
	SMTP_REFUSED,		/* 5xx: retrying will not help */
	SMTP_AUTH_TROUBLE,	/* AUTH refused (535) or needed (530): our
				 * configuration, later, whatever it takes */
};

/* Send text (a whole message, CRLF) from sender to rcpt; err says why not. */
enum smtp_result	smtp_send(const struct center_config *cfg,
			    const char *rcpt, const char *text, char *err,
			    size_t errlen);

#endif
