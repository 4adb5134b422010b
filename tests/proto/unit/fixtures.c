/* SPDX-License-Identifier: ISC */
/*
 * Messages as MTAs and people deliver them (the .eml files in
 * tests/proto/fixtures, made as its README says): after the transfer
 * encoding is undone, each parses and verifies with the key the center
 * derives, or fails for the one reason the fixture was made for.
 * usage: fixtures FIXTURE-DIR
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "mailsplit.h"
#include "sample.h"
#include "tap.h"

struct fixture {
	const char *name;
	enum fc_errcode code;		/* FC_OK: must parse and verify */
	enum fc_report_type type;
	bool own_message_id;		/* the terminal's Message-ID kept */
};

static const struct fixture fixtures[] = {
	{ "status-crlf-received", FC_OK, FC_REPORT_STATUS, true },
	{ "completion-qp", FC_OK, FC_REPORT_COMPLETION, true },
	{ "meter-base64-crlf", FC_OK, FC_REPORT_METER, true },
	{ "registration-forwarded", FC_OK, FC_REPORT_REGISTRATION, false },
	{ "reminder-qp-crlf", FC_OK, FC_REPORT_STATUS, true },
	{ "status-tampered", FC_ERR_SIGNATURE, FC_REPORT_STATUS, true },
	{ "status-truncated", FC_ERR_SYNTAX, FC_REPORT_STATUS, true },
};

static char raw[16384], text[16384];

static size_t load(const char *dir, const char *name)
{
	char path[4096];
	FILE *f;
	size_t n;

	snprintf(path, sizeof(path), "%s/%s.eml", dir, name);
	f = fopen(path, "rb");
	if (!f)
		return 0;
	n = fread(raw, 1, sizeof(raw) - 1, f);
	if (fclose(f))
		return 0;
	raw[n] = '\0';
	return n;
}

/* The body text as GMime would hand it over: transfer encoding undone. */
static int decoded_body(size_t n, size_t *len)
{
	char cte[64] = "7bit";
	const char *body;
	size_t blen;

	body = mail_body(raw, n, &blen);
	if (!body)
		return -1;
	(void)mail_header(raw, "Content-Transfer-Encoding", cte, sizeof(cte));
	if (!strcasecmp(cte, "quoted-printable"))
		return mail_decode_qp(body, blen, text, sizeof(text), len);
	if (!strcasecmp(cte, "base64"))
		return mail_decode_base64(body, blen, text, sizeof(text), len);
	memcpy(text, body, blen);
	text[blen] = '\0';
	*len = blen;
	return 0;
}

/* What the center does: parse, derive the key, verify, check the time. */
static int receive(size_t len, struct fc_report *r, struct fc_error *err)
{
	struct fc_key master = sample_key(), key;

	if (fc_report_parse_body(text, len, r, err) ||
	    fc_key_derive(&master, r->terminal_id, &key, err) ||
	    fc_report_verify(r, &key, err))
		return -1;
	return fc_report_check_time(r, (time_t)(r->timestamp + 60),
				    FC_MAX_AGE_DEFAULT, FC_MAX_AHEAD_DEFAULT,
				    err);
}

static void check(const char *dir, const struct fixture *fx)
{
	char hdr[256], id[FC_MESSAGE_ID_MAX + 1];
	struct fc_report r;
	struct fc_error err = { 0 };
	size_t n = load(dir, fx->name), len = 0;
	int rc;

	if (!n || decoded_body(n, &len)) {
		ok(false, "%s: read and decoded", fx->name);
		return;
	}
	rc = receive(len, &r, &err);
	if (fx->code != FC_OK) {
		ok(rc == -1 && err.code == fx->code,
		       "%s: refused as %s: %s", fx->name,
		       fc_errcode_str(fx->code), err.text);
		return;
	}
	ok(rc == 0, "%s: parses, verifies, is in the time window %s",
	       fx->name, err.text);
	is_str(fc_report_type_str(r.type), fc_report_type_str(fx->type),
		   "%s: report type", fx->name);
	if (!fx->own_message_id)
		return;
	ok(!fc_report_message_id(&r, id, sizeof(id), &err) &&
	       !mail_header(raw, "Message-ID", hdr, sizeof(hdr)) &&
	       !strncmp(hdr + 1, id, strlen(id)),
	       "%s: Message-ID %s is the report's", fx->name, hdr);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: fixtures FIXTURE-DIR\n");
		return 2;
	}
	for (size_t i = 0; i < sizeof(fixtures) / sizeof(fixtures[0]); i++)
		check(argv[1], &fixtures[i]);
	return done_testing();
}
