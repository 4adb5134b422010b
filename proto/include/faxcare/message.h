/* SPDX-License-Identifier: ISC */
/*
 * A report as an e-mail, "faxcare-report 1" (docs/protocol.md): RFC 5322
 * headers, a plain-words paragraph for people, and a signed machine block
 *   -----BEGIN FAXCARE REPORT-----
 *   Key: value
 *   -----END FAXCARE REPORT-----
 * All 7-bit ASCII, every line shorter than 78 characters.
 */
#ifndef FAXCARE_MESSAGE_H
#define FAXCARE_MESSAGE_H

#include <stddef.h>
#include "faxcare/error.h"
#include "faxcare/key.h"
#include "faxcare/report.h"

#define FC_BLOCK_BEGIN	"-----BEGIN FAXCARE REPORT-----"
#define FC_BLOCK_END	"-----END FAXCARE REPORT-----"
#define FC_HEADER_REPORT "X-Faxcare-Report"	/* value: the version */

/* Large enough for any message the encoder writes. */
#define FC_MESSAGE_MAX	8192
/* Message-ID without the angle brackets (as GMime returns it). */
#define FC_MESSAGE_ID_MAX (FC_REPORT_ID_LEN + 1 + FC_TERMINAL_ID_MAX + 9)
#define FC_SUBJECT_MAX	160

enum fc_newline {
	FC_NEWLINE_LF = 0,	/* for a spool or sendmail's stdin */
	FC_NEWLINE_CRLF,	/* for SMTP as is */
};

/*
 * Sign r with key and write the whole message: From, To, Subject, Date,
 * Message-ID, MIME-Version, Content-Type (text/plain; charset=us-ascii),
 * Content-Transfer-Encoding (7bit), X-Faxcare-Report, a blank line, the body.
 * from and to are bare addresses (addr-spec). buf gets a NUL; *outlen (may be
 * NULL) the length without it.
 */
int fc_report_encode_message(const struct fc_report *r,
			     const struct fc_key *key, const char *from,
			     const char *to, enum fc_newline nl, char *buf,
			     size_t len, size_t *outlen, struct fc_error *err);

/* Sign r with key and write only the body (text for people, then block). */
int fc_report_encode_body(const struct fc_report *r, const struct fc_key *key,
			  enum fc_newline nl, char *buf, size_t len,
			  size_t *outlen, struct fc_error *err);

/*
 * Parse a body whose transfer encoding is already decoded: find the one
 * block, read its fields, validate them. Tolerates CRLF or LF, trailing
 * white space, blank lines, any text before and after the block. Does not
 * verify the signature: derive the key from r->terminal_id, then call
 * fc_report_verify() and fc_report_check_time().
 */
int fc_report_parse_body(const char *text, size_t len, struct fc_report *r,
			 struct fc_error *err);

/* "REPORTID@TERMINALID.faxcare" (no angle brackets): stable per report so
 * a redelivered message is recognised as the same. */
int fc_report_message_id(const struct fc_report *r, char *buf, size_t len,
			 struct fc_error *err);

/* "[faxcare] FX-9000 SN123: Toner is low (warning)"; long model or serial
 * are shortened here only (the block keeps them whole). */
int fc_report_subject(const struct fc_report *r, char *buf, size_t len,
		      struct fc_error *err);

#endif /* FAXCARE_MESSAGE_H */
