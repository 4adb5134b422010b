/* SPDX-License-Identifier: ISC */
/*
 * Every kind of bad input is refused with an error that says exactly what
 * is wrong and where; and what mail systems do around the block is not.
 */
#include <stdio.h>
#include <string.h>
#include "sample.h"
#include "tap.h"

static char body[3 * FC_MESSAGE_MAX];

static void fresh(enum fc_report_type type)
{
	struct fc_report r;

	sample_report(&r, type);
	sample_body(&r, body, sizeof(body));
}

/* 1-based number of the first line of body starting with prefix. */
static unsigned int line_of(const char *prefix)
{
	unsigned int no = 1;

	for (const char *p = body; p; p = strchr(p, '\n'), p = p ? p + 1 : p) {
		if (!strncmp(p, prefix, strlen(prefix)))
			return no;
		no++;
	}
	return 0;
}

static void edit(const char *from, const char *to)
{
	if (replace(body, sizeof(body), from, to))
		diag("fixture edit failed: '%s'", from);
}

/* Parse body; expect failure with code and exactly text. */
static void refused(enum fc_errcode code, const char *text, const char *what)
{
	struct fc_report r;
	struct fc_error err;
	int rc = fc_report_parse_body(body, strlen(body), &r, &err);

	ok(rc == -1 && err.code == code && !strcmp(err.text, text),
	       "%s: refused: %s", what, text);
	if (rc == 0)
		diag("it was accepted");
	else if (err.code != code || strcmp(err.text, text))
		diag("got %s: '%s'", fc_errcode_str(err.code), err.text);
}

/* Parse body, which must succeed, then verify with key. */
static int parse_verify(const struct fc_key *key, struct fc_report *r,
			struct fc_error *err)
{
	if (fc_report_parse_body(body, strlen(body), r, err))
		return -2;
	return fc_report_verify(r, key, err);
}

static void block_structure(void)
{
	char text[160];

	strcpy(body, "Hello,\nthe toner is low.\n");
	refused(FC_ERR_SYNTAX,
		"no -----BEGIN FAXCARE REPORT----- line: this is not a faxcare report",
		"a mail without a block");

	fresh(FC_REPORT_STATUS);
	*strstr(body, "Signature:") = '\0';
	snprintf(text, sizeof(text),
		 "line %u: the block that begins here has no -----END FAXCARE REPORT----- line (truncated?)",
		 line_of(FC_BLOCK_BEGIN));
	refused(FC_ERR_SYNTAX, text, "a truncated mail");

	fresh(FC_REPORT_STATUS);
	strcat(body, "\n-----BEGIN FAXCARE REPORT-----\nVersion: 1\n");
	/* the second BEGIN is two lines after the END */
	snprintf(text, sizeof(text),
		 "line %u: a second report block (the first began on line %u); a message carries one report",
		 line_of(FC_BLOCK_END) + 2, line_of(FC_BLOCK_BEGIN));
	refused(FC_ERR_SYNTAX, text, "two blocks");
}

/* Fields in the right place: the duplicate needs both line numbers. */
static void duplicate(void)
{
	char text[160];

	fresh(FC_REPORT_STATUS);
	edit("Serial: SN123\n", "Serial: SN123\nModel: FX-1\n");
	snprintf(text, sizeof(text),
		 "line %u: Model appears twice (first on line %u)",
		 line_of("Model: FX-1"), line_of("Model: FX-9000"));
	refused(FC_ERR_DUPLICATE, text, "a duplicate field");
}

/*
 * One edit of a valid body, and the error it must cause. The error names
 * the line that starts with line_prefix, or no line when that is NULL.
 */
struct bad_input {
	const char *from, *to, *line_prefix, *error;
	enum fc_errcode code;
	enum fc_report_type type;
};

static void bad_inputs(void)
{
	static const struct bad_input cases[] = {
		{ "Model: FX-9000\n", "Model FX-9000\n", "Model FX",
		  "expected 'Key: value', got 'Model FX-9000'", FC_ERR_SYNTAX, FC_REPORT_STATUS },
		{ "Version: 1\n", "Version: 2\n", "Version",
		  "Version 2 is not supported (this build speaks 1)",
		  FC_ERR_VERSION, FC_REPORT_STATUS },
		{ "Version: 1\n", "", NULL,
		  "Version is missing (every report has it)", FC_ERR_MISSING, FC_REPORT_STATUS },
		{ "Model: FX-9000\n", "", NULL,
		  "Model is missing (every report has it)", FC_ERR_MISSING, FC_REPORT_STATUS },
		{ "Condition: toner-low\n", "", NULL,
		  "Condition is missing (a status report requires it)",
		  FC_ERR_MISSING, FC_REPORT_STATUS },
		{ "Completes: " SAMPLE_OTHER_ID "\n", "", NULL,
		  "Completes is missing (a completion report requires it)",
		  FC_ERR_MISSING, FC_REPORT_COMPLETION },
		{ "Page-Count: 12345\n", "", NULL,
		  "Page-Count is missing (a meter report requires it)",
		  FC_ERR_MISSING, FC_REPORT_METER },
		{ "Serial: SN123\n", "Serial: SN123\nColour: beige\n", "Colour",
		  "unknown field 'Colour' (version 1 does not define it)",
		  FC_ERR_UNKNOWN_FIELD, FC_REPORT_STATUS },
		{ "Serial: SN123\n",
		  "Serial: SN123\nCompletes: " SAMPLE_OTHER_ID "\n", "Completes",
		  "Completes does not belong in a status report", FC_ERR_VALUE, FC_REPORT_STATUS },
		{ "Serial: SN123\n", "Serial:   \n", "Serial:",
		  "Serial: empty value", FC_ERR_VALUE, FC_REPORT_STATUS },
		{ "Model: FX-9000\n", "Model: FX\0339000\n", "Model",
		  "byte 0x1b in column 10 is not printable 7-bit ASCII",
		  FC_ERR_NOT_ASCII, FC_REPORT_STATUS },
		{ "Toner-Level: 12\n", "Toner-Level: 140\n", "Toner-Level",
		  "Toner-Level: 140 is out of range 0..100", FC_ERR_VALUE, FC_REPORT_STATUS },
		{ "Toner-Level: 12\n", "Toner-Level: -5\n", "Toner-Level",
		  "Toner-Level: '-5' is not a decimal number", FC_ERR_VALUE, FC_REPORT_STATUS },
		{ "Drum-Life: 80\n", "Drum-Life: 99999999999999\n", "Drum-Life",
		  "Drum-Life: 99999999999999 is out of range 0..100",
		  FC_ERR_VALUE, FC_REPORT_STATUS },
		{ "Drum-State: ok\n", "Drum-State: low\n", "Drum-State",
		  "Drum-State: 'low' is not one of ok, near-end, end",
		  FC_ERR_VALUE, FC_REPORT_STATUS },
		{ "Tray-2: low\n", "Tray-2: near-end\n", "Tray-2",
		  "Tray-2: 'near-end' is not one of ok, low, empty, missing",
		  FC_ERR_VALUE, FC_REPORT_STATUS },
		{ "Manager: alice@example.com\n", "Manager: alice.example.com\n",
		  "Manager",
		  "Manager: 'alice.example.com' is not an e-mail address (no @)",
		  FC_ERR_VALUE, FC_REPORT_STATUS },
		{ "Manager: alice@example.com\n", "Manager: alice@\n", "Manager",
		  "Manager: 'alice@' is not an e-mail address (bad domain after the @)",
		  FC_ERR_VALUE, FC_REPORT_STATUS },
		{ "Manager: alice@example.com\n",
		  "Manager: al..ice@example.com\n", "Manager",
		  "Manager: 'al..ice@example.com' is not an e-mail address (bad local part before the @)",
		  FC_ERR_VALUE, FC_REPORT_STATUS },
		{ "Manager: alice@example.com\n",
		  "Manager: <alice@example.com>\n", "Manager",
		  "Manager: '<alice@example.com>' is not an e-mail address (bad local part before the @)",
		  FC_ERR_VALUE, FC_REPORT_STATUS },
		{ "Manager: alice@example.com\n",
		  "Manager: alice@-example.com\n", "Manager",
		  "Manager: 'alice@-example.com' is not an e-mail address (bad domain after the @)",
		  FC_ERR_VALUE, FC_REPORT_STATUS },
		{ "Model: FX-9000\n", "Model: FX-9000\xc3\xa9\n", "Model",
		  "byte 0xc3 in column 15 is not printable 7-bit ASCII",
		  FC_ERR_NOT_ASCII, FC_REPORT_STATUS },
		{ "Time: 2024-05-01T12:00:00Z\n", "Time: 2024-02-30T12:00:00Z\n",
		  "Time",
		  "Time: '2024-02-30T12:00:00Z' is not a UTC time like 2024-05-01T12:00:00Z",
		  FC_ERR_VALUE, FC_REPORT_STATUS },
		{ "Time: 2024-05-01T12:00:00Z\n",
		  "Time: 2024-05-01T14:00:00+02:00\n", "Time",
		  "Time: '2024-05-01T14:00:00+02:00' is not a UTC time like 2024-05-01T12:00:00Z",
		  FC_ERR_VALUE, FC_REPORT_STATUS },
		{ "Report-Id: " SAMPLE_ID "\n",
		  "Report-Id: 0123456789ABCDEF0123456789ABCDEF\n", "Report-Id",
		  "Report-Id: '0123456789ABCDEF0123456789ABCDEF' is not a report id (32 lowercase hex digits)",
		  FC_ERR_VALUE, FC_REPORT_STATUS },
		{ "Terminal-Id: fx9000-sn123\n", "Terminal-Id: fx9000/sn123\n",
		  "Terminal-Id",
		  "Terminal-Id: 'fx9000/sn123' is not a terminal id (letters, digits, '.', '-', '_'; starting and ending with a letter or digit)",
		  FC_ERR_VALUE, FC_REPORT_STATUS },
		{ "Serial: SN123\n", "Serial: SN 123\n", "Serial",
		  "Serial: 'SN 123' contains a space", FC_ERR_VALUE, FC_REPORT_STATUS },
		{ "Type: status\n", "Type: alarm\n", "Type",
		  "Type: 'alarm' is not one of registration, status, completion, meter",
		  FC_ERR_VALUE, FC_REPORT_STATUS },
		{ "Severity: warning\n", "Severity: error\n", "Severity",
		  "Severity: error does not match toner-low, which is warning",
		  FC_ERR_VALUE, FC_REPORT_STATUS },
		{ "Alert-Code: 1104\n", "Alert-Code: 1101\n", "Alert-Code",
		  "Alert-Code: 1101 does not match toner-low, which is 1104",
		  FC_ERR_VALUE, FC_REPORT_STATUS },
		{ "Kind: supply\n", "Kind: fault\n", "Kind",
		  "Kind: fault does not match toner-low, which is supply",
		  FC_ERR_VALUE, FC_REPORT_STATUS },
		{ "Kind: supply\n", "Kind: supply\nInstance: 9\n", "Instance",
		  "Instance: 9 is out of range 1..8", FC_ERR_VALUE, FC_REPORT_STATUS },
		{ "Kind: supply\n", "Kind: supply\nReminder-Of: " SAMPLE_ID "\n",
		  "Reminder-Of",
		  "Reminder-Of: a report cannot remind of itself",
		  FC_ERR_VALUE, FC_REPORT_STATUS },
		{ "Condition: toner-low\n", "Condition: Toner_Low\n",
		  "Condition",
		  "Condition: 'Toner_Low' is not an IPP keyword (lowercase letters, digits, '-')",
		  FC_ERR_VALUE, FC_REPORT_STATUS },
	};
	char text[256];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		fresh(cases[i].type);
		edit(cases[i].from, cases[i].to);
		if (cases[i].line_prefix)
			snprintf(text, sizeof(text), "line %u: %s",
				 line_of(cases[i].line_prefix),
				 cases[i].error);
		else
			snprintf(text, sizeof(text), "%s", cases[i].error);
		refused(cases[i].code, text, cases[i].error);
	}
}

static void signatures(void)
{
	struct fc_key key = sample_key(), other = key;
	struct fc_report r;
	struct fc_error err;
	char text[160];
	int rc;

	fresh(FC_REPORT_STATUS);
	rc = parse_verify(&key, &r, &err);
	ok(rc == 0, "an untouched body verifies %s", err.text);

	edit("Toner-Level: 12\n", "Toner-Level: 13\n");
	rc = parse_verify(&key, &r, &err);
	ok(rc == -1 && err.code == FC_ERR_SIGNATURE &&
	       !strcmp(err.text, "Signature does not match: the report was altered or not signed with terminal fx9000-sn123's key"),
	       "a tampered field fails the signature: %s", err.text);

	fresh(FC_REPORT_STATUS);
	edit("Manager: alice@example.com\n", "Manager: mallory@example.com\n");
	rc = parse_verify(&key, &r, &err);
	ok(rc == -1 && err.code == FC_ERR_SIGNATURE,
	       "a changed manager address fails the signature");

	fresh(FC_REPORT_STATUS);
	other.bytes[31] ^= 1;
	rc = parse_verify(&other, &r, &err);
	ok(rc == -1 && err.code == FC_ERR_SIGNATURE,
	       "another terminal's key fails the signature");

	fresh(FC_REPORT_STATUS);
	edit("=\n-----END", "\n-----END");
	{
		char *sig = strstr(body, "hmac-sha256:") + 12;

		memmove(sig + 20, strchr(sig, '\n'), strlen(strchr(sig, '\n')) + 1);
	}
	snprintf(text, sizeof(text),
		 "line %u: Signature: 20 base64 characters, an HMAC-SHA256 has 44 (truncated?)",
		 line_of("Signature:"));
	refused(FC_ERR_VALUE, text, "a truncated signature");

	fresh(FC_REPORT_STATUS);
	edit("hmac-sha256:", "hmac-md5:");
	snprintf(text, sizeof(text),
		 "line %u: Signature: 'hmac-md5:", line_of("Signature:"));
	rc = fc_report_parse_body(body, strlen(body), &r, &err);
	ok(rc == -1 && !strncmp(err.text, text, strlen(text)) &&
	       strstr(err.text, "is not hmac-sha256:<base64>"),
	       "another algorithm is refused: %s", err.text);

	fresh(FC_REPORT_STATUS);
	*strstr(body, "Signature:") = '\0';
	strcat(body, FC_BLOCK_END "\n");
	refused(FC_ERR_MISSING, "Signature is missing (every report is signed)",
		"an unsigned report");

	fc_report_init(&r, FC_REPORT_STATUS);
	rc = fc_report_verify(&r, &key, &err);
	ok(rc == -1 && err.code == FC_ERR_SIGNATURE,
	       "verify refuses a report that carries no signature");
}

static void replay_window(void)
{
	struct fc_report r;
	struct fc_error err;
	const long age = FC_MAX_AGE_DEFAULT, ahead = FC_MAX_AHEAD_DEFAULT;
	int rc;

	sample_report(&r, FC_REPORT_STATUS);
	ok(!fc_report_check_time(&r, SAMPLE_TIME + 3600, age, ahead, &err),
	       "a report an hour old is inside the window");
	ok(!fc_report_check_time(&r, SAMPLE_TIME + age, age, ahead, &err),
	       "a report exactly max_age old is inside the window");
	rc = fc_report_check_time(&r, SAMPLE_TIME + age + 1, age, ahead, &err);
	ok(rc == -1 && err.code == FC_ERR_TIME &&
	       !strcmp(err.text, "Time: 2024-05-01T12:00:00Z is 864001 s old, more than the 864000 s accepted"),
	       "too old: %s", err.text);
	rc = fc_report_check_time(&r, SAMPLE_TIME - 7200, age, ahead, &err);
	ok(rc == -1 && err.code == FC_ERR_TIME &&
	       !strcmp(err.text, "Time: 2024-05-01T12:00:00Z is 7200 s ahead of this clock, more than the 3600 s accepted"),
	       "from the future: %s", err.text);
}

/* What MTAs and mail programs do around the block does not matter. */
static void tolerated(void)
{
	struct fc_key key = sample_key();
	struct fc_report r;
	struct fc_error err;
	char crlf[FC_MESSAGE_MAX * 2];
	size_t o = 0;

	fresh(FC_REPORT_STATUS);
	for (const char *p = body; *p; p++) {
		if (*p == '\n') {
			memcpy(crlf + o, "  \t\r\n", 5);	/* blanks, CRLF */
			o += 5;
		} else {
			crlf[o++] = *p;
		}
	}
	crlf[o] = '\0';
	snprintf(body, sizeof(body), "> forwarded by the front desk\n\n%s",
		 crlf);
	edit("Model: FX-9000", "\n\n  model:FX-9000");
	edit("Serial: SN123", "SERIAL :  SN123");
	strcat(body, "\r\n-- \r\nmailing list footer caf\xc3\xa9\r\n");
	ok(parse_verify(&key, &r, &err) == 0,
	       "CRLF, blanks at line ends and starts, blank lines, key case, text before and after are tolerated %s",
	       err.text);
	fresh(FC_REPORT_STATUS);
	edit("Manager: alice@example.com\n",
	     "Manager: alice@example.com\n\n\n");
	ok(parse_verify(&key, &r, &err) == 0,
	       "blank lines inside the block are tolerated %s", err.text);
}

/* A keyword from a newer table is carried as sent, not refused. */
static void newer_condition(void)
{
	struct fc_key key = sample_key();
	struct fc_report r, got;
	struct fc_error err;

	sample_report(&r, FC_REPORT_STATUS);
	strcpy(r.keyword, "staple-empty");
	r.condition = FC_COND_NONE;
	r.severity = FC_SEVERITY_ERROR;
	r.alert_code = 1501;
	r.kind = FC_KIND_SUPPLY;
	sample_body(&r, body, sizeof(body));
	ok(!fc_report_parse_body(body, strlen(body), &got, &err) &&
	       !fc_report_verify(&got, &key, &err) &&
	       got.condition == FC_COND_NONE &&
	       !strcmp(got.keyword, "staple-empty") &&
	       got.severity == FC_SEVERITY_ERROR && got.alert_code == 1501,
	       "an unknown IPP keyword is carried with its severity and code %s",
	       err.text);
	ok(strstr(body, "reports: staple-empty.") != NULL,
	       "people read the keyword when there is no wording for it");
}

/* The encoder refuses what the parser would refuse. */
static void encoder_refuses(void)
{
	struct fc_key key = sample_key();
	struct fc_report r;
	struct fc_error err;
	char small[64];
	int rc;

	sample_report(&r, FC_REPORT_STATUS);
	strcpy(r.manager, "not an address");
	rc = fc_report_encode_body(&r, &key, FC_NEWLINE_LF, body,
				   sizeof(body), NULL, &err);
	ok(rc == -1 && err.code == FC_ERR_VALUE &&
	       !strcmp(err.text, "Manager: 'not an address' is not an e-mail address (no @)"),
	       "a bad manager address is not encoded: %s", err.text);

	sample_report(&r, FC_REPORT_METER);
	r.page_count = -1;
	rc = fc_report_encode_body(&r, &key, FC_NEWLINE_LF, body,
				   sizeof(body), NULL, &err);
	ok(rc == -1 && err.code == FC_ERR_MISSING,
	       "a meter report without a page count is not encoded: %s",
	       err.text);

	sample_report(&r, FC_REPORT_STATUS);
	r.toner_level = 101;
	rc = fc_report_encode_body(&r, &key, FC_NEWLINE_LF, body,
				   sizeof(body), NULL, &err);
	ok(rc == -1 && !strcmp(err.text,
				   "Toner-Level: 101 is out of range 0..100"),
	       "an out of range level is not encoded: %s", err.text);

	sample_report(&r, FC_REPORT_STATUS);
	rc = fc_report_encode_message(&r, &key, "terminal", SAMPLE_TO,
				      FC_NEWLINE_LF, body, sizeof(body), NULL,
				      &err);
	ok(rc == -1 && !strncmp(err.text, "From: 'terminal'", 16),
	       "a bad From address is not used: %s", err.text);

	rc = fc_report_encode_body(&r, &key, FC_NEWLINE_LF, small,
				   sizeof(small), NULL, &err);
	ok(rc == -1 && err.code == FC_ERR_NOSPACE,
	       "a buffer too small is reported: %s", err.text);

	rc = fc_report_set_condition(&r, FC_COND_COUNT, 0, &err);
	ok(rc == -1 && err.code == FC_ERR_VALUE,
	       "a condition outside the table is refused: %s", err.text);
}

int main(void)
{
	block_structure();
	duplicate();
	bad_inputs();
	signatures();
	replay_window();
	tolerated();
	newer_condition();
	encoder_refuses();
	return done_testing();
}
