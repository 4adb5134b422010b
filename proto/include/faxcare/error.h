/* SPDX-License-Identifier: ISC */
/*
 * Errors of the faxcare protocol library: a code a program can act on and a
 * sentence a person can act on ("line 7: Toner-Level: 140 is out of range
 * 0..100").
 *
 * Every function that can fail returns 0 on success and -1 on failure, and
 * then fills the struct fc_error it was given (which may be NULL).
 */
#ifndef FAXCARE_ERROR_H
#define FAXCARE_ERROR_H

enum fc_errcode {
	FC_OK = 0,
	FC_ERR_SYNTAX,		/* no block, a line that is not "Key: value" */
	FC_ERR_VERSION,		/* a protocol version this build does not speak */
	FC_ERR_MISSING,		/* a field the report type requires is absent */
	FC_ERR_DUPLICATE,	/* a field appears twice */
	FC_ERR_UNKNOWN_FIELD,	/* a field version 1 does not define */
	FC_ERR_VALUE,		/* a value with bad syntax or out of range */
	FC_ERR_NOT_ASCII,	/* a byte outside printable 7-bit ASCII */
	FC_ERR_SIGNATURE,	/* the signature does not match: forged or damaged */
	FC_ERR_TIME,		/* the report's time is outside the accepted window */
	FC_ERR_KEY,		/* a key file that is not 64 hex digits */
	FC_ERR_NOSPACE,		/* the output buffer is too small */
	FC_ERR_SYSTEM,		/* a system call or OpenSSL failed; see text */
};

struct fc_error {
	enum fc_errcode code;
	unsigned int line;	/* 1-based line of the body, 0 if not about one */
	char text[256];		/* the whole sentence, line number included */
};

/* Record an error (err may be NULL); always returns -1. */
int fc_error_set(struct fc_error *err, enum fc_errcode code, unsigned int line,
		 const char *fmt, ...) __attribute__((format(printf, 4, 5)));

void fc_error_clear(struct fc_error *err);

/* "syntax", "signature", ...: a stable word for logs and metrics. */
const char *fc_errcode_str(enum fc_errcode code);

#endif /* FAXCARE_ERROR_H */
