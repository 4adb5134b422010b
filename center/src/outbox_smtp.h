/* Handing one message to the SMTP relay (<faxcare/smtp.h>'s policy). */
#ifndef FAXCENTER_OUTBOX_SMTP_H
#define FAXCENTER_OUTBOX_SMTP_H

#include <stddef.h>

#include "config.h"

enum smtp_result {
	SMTP_SENT = 0,		/* the relay accepted it (2xx) */
	SMTP_RETRY,		/* no relay, 4xx, AUTH refused or needed: later */
	SMTP_REFUSED,		/* 5xx: retrying will not help */
};

/* Send text (a whole message, CRLF) from sender to rcpt; err says why not. */
enum smtp_result	smtp_send(const struct center_config *cfg,
			    const char *rcpt, const char *text, char *err,
			    size_t errlen);

#endif
