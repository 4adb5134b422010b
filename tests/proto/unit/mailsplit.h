/* SPDX-License-Identifier: ISC */
/*
 * Test-only stand-in for what the center does with GMime: find a whole
 * message's body, read an (unfolded) header, undo a transfer encoding.
 * Only for the fixtures; the center uses GMime.
 */
#ifndef FAXCARE_TEST_MAILSPLIT_H
#define FAXCARE_TEST_MAILSPLIT_H

#include <stddef.h>

/* The body after the first empty line (LF or CRLF); NULL if none. */
const char *mail_body(const char *msg, size_t len, size_t *body_len);

/* The first header called name, unfolded, trimmed; -1 if absent. */
int mail_header(const char *msg, const char *name, char *out, size_t len);

/* Decode quoted-printable / base64 from in into out (NUL-terminated). */
int mail_decode_qp(const char *in, size_t len, char *out, size_t outlen,
		   size_t *n);
int mail_decode_base64(const char *in, size_t len, char *out, size_t outlen,
		       size_t *n);

#endif /* FAXCARE_TEST_MAILSPLIT_H */
