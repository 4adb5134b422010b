/* SPDX-License-Identifier: ISC */
/* The TLS side of a relay session (smtp.c): whom to trust, and why not. */
#ifndef FAXCARE_SMTP_TLS_H
#define FAXCARE_SMTP_TLS_H

#include <stdarg.h>
#include <stddef.h>
#include <openssl/ssl.h>
#include <libesmtp.h>
#include "faxcare/smtp.h"

/*
 * An SSL_CTX trusting the relay's CA file, or the system's trust store;
 * libESMTP's own would look in ~/.authenticate first. NULL on failure.
 */
SSL_CTX *fc_smtp_tls_ctx(const struct fc_smtp_relay *relay,
			 struct fc_error *err);

/*
 * libESMTP's verdict on the relay's certificate, from its event callback:
 * the certificate is refused (left *ok at 0) and the reason kept in why.
 * Returns 1 for such an event, 0 for any other.
 */
int fc_smtp_tls_event(int event, va_list ap, char *why, size_t len);

/* "relay H:P: certificate not trusted (WHY; relay-ca-file F): nothing sent" */
void fc_smtp_untrusted_reason(const struct fc_smtp_relay *relay,
			      const char *why, char *buf, size_t len);

#endif /* FAXCARE_SMTP_TLS_H */
