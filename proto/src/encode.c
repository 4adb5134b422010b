/* SPDX-License-Identifier: ISC */
/* Writing a signed report as a body and as a whole RFC 5322 message. */
#include <openssl/evp.h>
#include <stdio.h>
#include "faxcare/message.h"
#include "faxcare/signature.h"
#include "fields.h"
#include "human.h"
#include "out.h"
#include "syntax.h"
#include "timefmt.h"

#define SIGNATURE_PREFIX "hmac-sha256:"

static void write_block(struct fc_out *o, const struct fc_report *r)
{
	unsigned char b64[4 * ((FC_SIGNATURE_LEN + 2) / 3) + 1];
	char value[128];

	fc_out_printf(o, "%s", FC_BLOCK_BEGIN);
	fc_out_newline(o);
	for (int i = 0; i < FC_NFIELDS; i++) {
		const struct fc_field *f = &fc_fields[i];

		/* Valid reports always format: fc_report_sign checked them. */
		if (!fc_field_present(f, r) ||
		    fc_field_format(f, r, value, sizeof(value)))
			continue;
		fc_out_printf(o, "%s: %s", f->key, value);
		fc_out_newline(o);
	}
	(void)EVP_EncodeBlock(b64, r->signature, FC_SIGNATURE_LEN);
	fc_out_printf(o, "Signature: %s%s", SIGNATURE_PREFIX, b64);
	fc_out_newline(o);
	fc_out_printf(o, "%s", FC_BLOCK_END);
	fc_out_newline(o);
}

/* A signed copy of r. */
static int signed_copy(const struct fc_report *r, const struct fc_key *key,
		       struct fc_report *copy, struct fc_error *err)
{
	*copy = *r;
	return fc_report_sign(copy, key, err);
}

static void write_body(struct fc_out *o, const struct fc_report *r)
{
	fc_human_write(o, r);
	write_block(o, r);
}

int fc_report_encode_body(const struct fc_report *r, const struct fc_key *key,
			  enum fc_newline nl, char *buf, size_t len,
			  size_t *outlen, struct fc_error *err)
{
	struct fc_report s;
	struct fc_out o;

	if (signed_copy(r, key, &s, err))
		return -1;
	fc_out_init(&o, buf, len, nl == FC_NEWLINE_CRLF);
	write_body(&o, &s);
	return fc_out_finish(&o, outlen, err);
}

int fc_report_message_id(const struct fc_report *r, char *buf, size_t len,
			 struct fc_error *err)
{
	struct fc_out o;

	if (fc_syntax_report_id("Report-Id", r->report_id, err) ||
	    fc_syntax_terminal_id("Terminal-Id", r->terminal_id, err))
		return -1;
	fc_out_init(&o, buf, len, false);
	fc_out_printf(&o, "%s@%s.faxcare", r->report_id, r->terminal_id);
	return fc_out_finish(&o, NULL, err);
}

int fc_report_encode_message(const struct fc_report *r,
			     const struct fc_key *key, const char *from,
			     const char *to, enum fc_newline nl, char *buf,
			     size_t len, size_t *outlen, struct fc_error *err)
{
	char subject[FC_SUBJECT_MAX], date[64], msgid[FC_MESSAGE_ID_MAX + 3];
	char id[FC_MESSAGE_ID_MAX + 1];
	struct fc_report s;
	struct fc_out o;

	if (fc_syntax_address("From", from, err) ||
	    fc_syntax_address("To", to, err) ||
	    signed_copy(r, key, &s, err) ||
	    fc_report_subject(&s, subject, sizeof(subject), err) ||
	    fc_report_message_id(&s, id, sizeof(id), err))
		return -1;
	if (fc_time_format_rfc5322(s.timestamp, date, sizeof(date)))
		return fc_error_set(err, FC_ERR_VALUE, 0,
				    "Time: cannot be written as a date");
	(void)snprintf(msgid, sizeof(msgid), "<%s>", id);

	fc_out_init(&o, buf, len, nl == FC_NEWLINE_CRLF);
	fc_out_header(&o, "From", from);
	fc_out_header(&o, "To", to);
	fc_out_header(&o, "Subject", subject);
	fc_out_header(&o, "Date", date);
	fc_out_header(&o, "Message-ID", msgid);
	fc_out_header(&o, "MIME-Version", "1.0");
	fc_out_header(&o, "Content-Type", "text/plain; charset=us-ascii");
	fc_out_header(&o, "Content-Transfer-Encoding", "7bit");
	fc_out_header(&o, FC_HEADER_REPORT, "1");
	fc_out_newline(&o);
	write_body(&o, &s);
	return fc_out_finish(&o, outlen, err);
}
