/* SPDX-License-Identifier: ISC */
/*
 * Whom a relay session trusts. libESMTP checks the certificate itself once
 * the handshake is done (SSL_get_verify_result, then the relay's name
 * against the certificate's DNS names) and asks its event callback whether
 * to go on anyway; the answer here is always no, so a relay that cannot
 * prove who it is gets neither the password nor mail.
 */
#include <stdio.h>
#include <openssl/err.h>
#include <openssl/x509.h>
#include "smtp_tls.h"

SSL_CTX *fc_smtp_tls_ctx(const struct fc_smtp_relay *relay,
			 struct fc_error *err)
{
	SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
	int loaded;

	if (!ctx) {
		(void)fc_error_set(err, FC_ERR_SYSTEM, 0,
				   "openssl: cannot make a TLS context");
		return NULL;
	}
	(void)SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
	/*
	 * Not TLS 1.3: libESMTP 1.1's reads stall on the session tickets a
	 * TLS 1.3 server sends after the handshake (measured with Postfix
	 * 3.7: one session in three timed out after the second EHLO).
	 */
	(void)SSL_CTX_set_max_proto_version(ctx, TLS1_2_VERSION);
	if (relay->ca_file && relay->ca_file[0])
		loaded = SSL_CTX_load_verify_locations(ctx, relay->ca_file,
						       NULL);
	else
		loaded = SSL_CTX_set_default_verify_paths(ctx);
	if (loaded != 1) {
		char why[160];

		ERR_error_string_n(ERR_get_error(), why, sizeof(why));
		(void)fc_error_set(err, FC_ERR_SYSTEM, 0, "%s %s: %s",
				   relay->words.ca_file ? relay->words.ca_file
							: "ca file",
				   relay->ca_file && relay->ca_file[0]
					   ? relay->ca_file
					   : "(the system's trust store)",
				   why);
		SSL_CTX_free(ctx);
		return NULL;
	}
	return ctx;
}

int fc_smtp_tls_event(int event, va_list ap, char *why, size_t len)
{
	long result;
	const char *name;

	switch (event) {
	case SMTP_EV_INVALID_PEER_CERTIFICATE:
		result = va_arg(ap, long);
		(void)snprintf(why, len, "%s",
			       X509_verify_cert_error_string(result));
		return 1;
	case SMTP_EV_NO_PEER_CERTIFICATE:
		(void)snprintf(why, len, "no certificate");
		return 1;
	case SMTP_EV_WRONG_PEER_CERTIFICATE:
		(void)va_arg(ap, int *);
		name = va_arg(ap, const char *);
		(void)snprintf(why, len, "the certificate is for %s",
			       name && name[0] ? name : "another name");
		return 1;
	case SMTP_EV_WEAK_CIPHER:
		(void)snprintf(why, len, "a weak cipher");
		return 1;
	default:
		return 0;
	}
}

void fc_smtp_untrusted_reason(const struct fc_smtp_relay *relay,
			      const char *why, char *buf, size_t len)
{
	const char *word = relay->words.ca_file ? relay->words.ca_file : "CA";
	int own = relay->ca_file && relay->ca_file[0];

	(void)snprintf(buf, len,
		       "relay %s:%u: certificate not trusted (%s; %s%s%s): nothing sent",
		       relay->host, relay->port, why, own ? word : "",
		       own ? " " : "",
		       own ? relay->ca_file : "the system's trust store");
}
