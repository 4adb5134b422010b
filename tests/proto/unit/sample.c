/* SPDX-License-Identifier: ISC */
/* Valid sample reports and a fixed key, shared by the unit tests. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sample.h"

struct fc_key sample_key(void)
{
	struct fc_key key;
	struct fc_error err;

	if (fc_key_from_hex(SAMPLE_KEY_HEX, &key, &err)) {
		fprintf(stderr, "sample key: %s\n", err.text);
		exit(2);
	}
	return key;
}

void sample_report(struct fc_report *r, enum fc_report_type type)
{
	struct fc_error err;

	fc_report_init(r, type);
	strcpy(r->report_id, SAMPLE_ID);
	strcpy(r->terminal_id, "fx9000-sn123");
	strcpy(r->model, "FX-9000");
	strcpy(r->serial, "SN123");
	strcpy(r->manager, "alice@example.com");
	r->timestamp = SAMPLE_TIME;
	r->page_count = 12345;
	if (type == FC_REPORT_STATUS || type == FC_REPORT_COMPLETION) {
		if (fc_report_set_condition(r, FC_COND_TONER_LOW, 0, &err)) {
			fprintf(stderr, "sample: %s\n", err.text);
			exit(2);
		}
		r->toner_level = 12;
		r->toner_state = FC_STATE_LOW;
		r->drum_life = 80;
		r->drum_state = FC_STATE_OK;
		r->trays[0] = FC_STATE_OK;
		r->trays[1] = FC_STATE_LOW;
	}
	if (type == FC_REPORT_COMPLETION) {
		strcpy(r->completes, SAMPLE_OTHER_ID);
		r->toner_level = 100;
		r->toner_state = FC_STATE_OK;
	}
}

void sample_body(const struct fc_report *r, char *buf, size_t len)
{
	struct fc_key key = sample_key();
	struct fc_error err;

	if (fc_report_encode_body(r, &key, FC_NEWLINE_LF, buf, len, NULL,
				  &err)) {
		fprintf(stderr, "sample body: %s\n", err.text);
		exit(2);
	}
}

int replace(char *s, size_t len, const char *from, const char *to)
{
	char *at = strstr(s, from);
	size_t fl = strlen(from), tl = strlen(to), rest;

	if (!at)
		return -1;
	rest = strlen(at + fl);
	if ((size_t)(at - s) + tl + rest + 1 > len)
		return -1;
	memmove(at + tl, at + fl, rest + 1);
	memcpy(at, to, tl);
	return 0;
}
