/* SPDX-License-Identifier: ISC */
/*
 * docs/protocol.md says what the code does: its example message parses,
 * verifies and re-encodes to the same bytes, its canonical form is the
 * library's, and its condition table is the header's.
 * usage: spec DOCS/PROTOCOL.MD
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mailsplit.h"
#include "sample.h"
#include "tap.h"

static char doc[65536];

/* A copy of the first ``` block after heading and intro; NULL if none. */
static char *code_after(const char *heading, const char *intro)
{
	const char *h = strstr(doc, heading), *start, *end;

	h = h ? strstr(h, intro) : NULL;
	start = h ? strstr(h, "```\n") : NULL;
	end = start ? strstr(start + 4, "```\n") : NULL;
	if (!end)
		return NULL;
	return strndup(start + 4, (size_t)(end - start - 4));
}

static void example(char *msg, const char *canonical_doc)
{
	struct fc_key key = sample_key();
	struct fc_report r;
	struct fc_error err;
	char canon[2048], again[FC_MESSAGE_MAX];
	const char *body;
	size_t blen;

	body = msg ? mail_body(msg, strlen(msg), &blen) : NULL;
	ok(body && !fc_report_parse_body(body, blen, &r, &err) &&
	       !fc_report_verify(&r, &key, &err),
	       "the example message parses and verifies with the documented key");
	if (!body)
		return;
	ok(canonical_doc &&
	       !fc_report_canonical(&r, canon, sizeof(canon), NULL, &err) &&
	       !strcmp(canon, canonical_doc),
	       "the documented canonical form is the library's");
	ok(!fc_report_encode_message(&r, &key, SAMPLE_FROM, SAMPLE_TO,
					 FC_NEWLINE_LF, again, sizeof(again),
					 NULL, &err) && !strcmp(again, msg),
	       "the example is what the encoder writes today");
}

static void conditions(void)
{
	char row[256];

	for (int c = 0; c < FC_COND_COUNT; c++) {
		const struct fc_condition_info *i =
			fc_condition_info((enum fc_condition)c);

		snprintf(row, sizeof(row), "| `%s` | %s | %d | %s | %s |\n",
			 i->keyword, fc_severity_str(i->severity),
			 i->alert_code, fc_kind_str(i->kind), i->text);
		ok(strstr(doc, row) != NULL,
		       "the spec lists %s as the table has it", i->keyword);
	}
}

int main(int argc, char **argv)
{
	FILE *f;
	size_t n;
	char *canon, *msg;
	int closed;

	if (argc != 2) {
		fprintf(stderr, "usage: spec DOCS/PROTOCOL.MD\n");
		return 2;
	}
	f = fopen(argv[1], "r");
	n = f ? fread(doc, 1, sizeof(doc) - 1, f) : 0;
	/* Close whatever the read gave: a short read still holds the file. */
	closed = f ? fclose(f) == 0 : 0;
	ok(closed && n > 0 && n < sizeof(doc) - 1,
	       "%s is readable", argv[1]);
	doc[n] = '\0';
	conditions();
	canon = code_after("## 4. Canonical form", "the\ncanonical form is");
	msg = code_after("## 10. Example", "signed with the key");
	example(msg, canon);
	free(canon);
	free(msg);
	return done_testing();
}
