/* SPDX-License-Identifier: ISC */
/*
 * Encode -> parse -> verify for every report type, every condition of the
 * table, both line ends, the longest values; what the message looks like to
 * a mail system (7-bit, lines under 78, stable Message-ID).
 */
#include <stdio.h>
#include <string.h>
#include "mailsplit.h"
#include "sample.h"
#include "tap.h"

static char msg[FC_MESSAGE_MAX];

/* Every byte printable 7-bit ASCII or a line end; every line < 78. */
static bool mail_safe(const char *s, size_t n, bool crlf, char *why,
		      size_t wlen)
{
	size_t col = 0, line = 1;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\n') {
			if (crlf != (i > 0 && s[i - 1] == '\r')) {
				snprintf(why, wlen, "line %zu: wrong line end",
					 line);
				return false;
			}
			col = 0;
			line++;
			continue;
		}
		if (c == '\r' && crlf && i + 1 < n && s[i + 1] == '\n')
			continue;
		if (c < 0x20 || c > 0x7e) {
			snprintf(why, wlen, "line %zu: byte 0x%02x", line, c);
			return false;
		}
		if (++col > 77) {
			snprintf(why, wlen, "line %zu: longer than 77", line);
			return false;
		}
	}
	return true;
}

/* Encode r as a whole message, then read it back as the center would. */
static void round_trip(const struct fc_report *r, enum fc_newline nl,
		       const char *label, const char *subject_part)
{
	struct fc_key key = sample_key();
	struct fc_report got, want;
	struct fc_error err;
	char hdr[256], id[FC_MESSAGE_ID_MAX + 1], c1[2048], c2[2048];
	char why[64] = "";
	const char *body;
	size_t n = 0, blen = 0;
	bool crlf = nl == FC_NEWLINE_CRLF;

	if (fc_report_encode_message(r, &key, SAMPLE_FROM, SAMPLE_TO, nl, msg,
				     sizeof(msg), &n, &err)) {
		ok(false, "%s: encodes (%s)", label, err.text);
		return;
	}
	ok(mail_safe(msg, n, crlf, why, sizeof(why)),
	       "%s: 7-bit, %s line ends, every line under 78 %s", label,
	       crlf ? "CRLF" : "LF", why);
	ok(!mail_header(msg, "Subject", hdr, sizeof(hdr)) &&
	       strstr(hdr, subject_part),
	       "%s: Subject '%s' says '%s'", label, hdr, subject_part);
	ok(!fc_report_message_id(r, id, sizeof(id), &err) &&
	       !mail_header(msg, "Message-ID", hdr, sizeof(hdr)) &&
	       hdr[0] == '<' && !strncmp(hdr + 1, id, strlen(id)) &&
	       !strcmp(hdr + 1 + strlen(id), ">"),
	       "%s: Message-ID <%s>", label, id);
	ok(!mail_header(msg, "X-Faxcare-Report", hdr, sizeof(hdr)) &&
	       !strcmp(hdr, "1") &&
	       !mail_header(msg, "Content-Transfer-Encoding", hdr,
			    sizeof(hdr)) && !strcmp(hdr, "7bit"),
	       "%s: X-Faxcare-Report 1, 7bit", label);
	body = mail_body(msg, n, &blen);
	if (!body || fc_report_parse_body(body, blen, &got, &err)) {
		ok(false, "%s: parses (%s)", label,
		       body ? err.text : "no body");
		return;
	}
	ok(!fc_report_verify(&got, &key, &err), "%s: verifies %s", label,
	       err.text);
	want = *r;
	ok(!fc_report_sign(&want, &key, &err) &&
	       !fc_report_canonical(&want, c1, sizeof(c1), NULL, &err) &&
	       !fc_report_canonical(&got, c2, sizeof(c2), NULL, &err) &&
	       !strcmp(c1, c2) &&
	       !memcmp(want.signature, got.signature, FC_SIGNATURE_LEN) &&
	       got.condition == r->condition,
	       "%s: every field comes back as sent", label);
	if (strcmp(c1, c2))
		diag("sent:\n%s\n# got:\n%s", c1, c2);
}

static void every_type(void)
{
	static const struct {
		enum fc_report_type type;
		const char *subject;
	} types[] = {
		{ FC_REPORT_REGISTRATION, "FX-9000 SN123: registration" },
		{ FC_REPORT_STATUS, "FX-9000 SN123: Toner is low (warning)" },
		{ FC_REPORT_COMPLETION, "cleared: Toner is low" },
		{ FC_REPORT_METER, "FX-9000 SN123: meter reading" },
	};
	struct fc_report r;
	char label[64];

	for (int i = 0; i < 4; i++) {
		for (int nl = FC_NEWLINE_LF; nl <= FC_NEWLINE_CRLF; nl++) {
			sample_report(&r, types[i].type);
			snprintf(label, sizeof(label), "%s %s",
				 fc_report_type_str(types[i].type),
				 nl ? "CRLF" : "LF");
			round_trip(&r, (enum fc_newline)nl, label,
				   types[i].subject);
		}
	}
	sample_report(&r, FC_REPORT_STATUS);
	strcpy(r.reminder_of, SAMPLE_OTHER_ID);
	round_trip(&r, FC_NEWLINE_LF, "reminder", "reminder: Toner is low");
}

static void every_condition(void)
{
	const struct fc_condition_info *info;
	struct fc_report r;
	struct fc_error err;
	char label[64], subject[96];

	for (int c = 0; c < FC_COND_COUNT; c++) {
		info = fc_condition_info((enum fc_condition)c);
		sample_report(&r, FC_REPORT_STATUS);
		if (fc_report_set_condition(&r, info->id,
					    info->kind == FC_KIND_SUPPLY, &err))
			diag("%s", err.text);
		snprintf(label, sizeof(label), "status %s", info->keyword);
		snprintf(subject, sizeof(subject), "%s%s (%s)", info->text,
			 r.instance ? ", tray 1" : "",
			 fc_severity_str(info->severity));
		round_trip(&r, FC_NEWLINE_CRLF, label, subject);
	}
}

/* The longest value of every field still keeps lines under 78. */
static void longest(void)
{
	struct fc_report r;

	sample_report(&r, FC_REPORT_STATUS);
	memset(r.model, 'M', FC_MODEL_MAX);
	memcpy(r.model + 10, " with spaces ", 13);
	r.model[FC_MODEL_MAX] = '\0';
	memset(r.serial, 'S', FC_SERIAL_MAX);
	r.serial[FC_SERIAL_MAX] = '\0';
	memset(r.terminal_id, 't', FC_TERMINAL_ID_MAX);
	r.terminal_id[FC_TERMINAL_ID_MAX] = '\0';
	memset(r.manager, 'a', FC_ADDRESS_MAX);
	memcpy(r.manager + FC_ADDRESS_MAX - 12, "@example.com", 13);
	strcpy(r.reminder_of, SAMPLE_OTHER_ID);
	r.instance = 8;
	r.page_count = FC_PAGE_COUNT_MAX;
	for (int i = 0; i < FC_TRAYS_MAX; i++)
		r.trays[i] = FC_STATE_MISSING;
	round_trip(&r, FC_NEWLINE_CRLF, "longest values", "MMMMMMMMMM with space... SSS");
}

static void stable(void)
{
	static char again[FC_MESSAGE_MAX];
	struct fc_key key = sample_key();
	struct fc_report r;
	struct fc_error err;

	sample_report(&r, FC_REPORT_STATUS);
	ok(!fc_report_encode_message(&r, &key, SAMPLE_FROM, SAMPLE_TO,
					 FC_NEWLINE_LF, msg, sizeof(msg), NULL,
					 &err) &&
	       !fc_report_encode_message(&r, &key, SAMPLE_FROM, SAMPLE_TO,
					 FC_NEWLINE_LF, again, sizeof(again),
					 NULL, &err) &&
	       !strcmp(msg, again),
	       "the same report encodes to the same bytes (redelivery is harmless)");
	ok(strstr(msg, "Date: Wed, 01 May 2024 12:00:00 +0000\n") &&
	       strstr(msg, "Time: 2024-05-01T12:00:00Z\n"),
	       "Date header and Time field are the report's time");
	ok(strstr(msg, "\n\nFax terminal FX-9000, serial SN123") != NULL,
	       "the body begins with words for people");
}

static void new_ids(void)
{
	char a[FC_REPORT_ID_LEN + 1], b[FC_REPORT_ID_LEN + 1];
	struct fc_error err;

	ok(!fc_report_id_new(a, &err) && !fc_report_id_new(b, &err) &&
	       !fc_check_report_id(a, &err) && strcmp(a, b),
	       "new report ids are valid and differ: %s %s", a, b);
}

int main(void)
{
	every_type();
	every_condition();
	longest();
	stable();
	new_ids();
	return done_testing();
}
