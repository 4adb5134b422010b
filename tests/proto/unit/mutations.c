/* SPDX-License-Identifier: ISC */
/*
 * Thousands of random damages to a signed body (seeded, so reproducible):
 * none crashes the parser, every refusal says why, and nothing that changes
 * a value of the report still verifies.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sample.h"
#include "tap.h"

#define ROUNDS 20000

int main(void)
{
	static char orig[FC_MESSAGE_MAX], body[FC_MESSAGE_MAX];
	char want[2048], got[2048];
	struct fc_key key = sample_key();
	struct fc_report r;
	struct fc_error err;
	int refused = 0, silent = 0, forged = 0, same = 0;
	size_t len;

	sample_report(&r, FC_REPORT_STATUS);
	strcpy(r.reminder_of, SAMPLE_OTHER_ID);
	r.instance = 2;
	sample_body(&r, orig, sizeof(orig));
	if (fc_report_parse_body(orig, strlen(orig), &r, &err) ||
	    fc_report_canonical(&r, want, sizeof(want), NULL, &err))
		return 2;
	srandom(20240501);
	for (int i = 0; i < ROUNDS; i++) {
		int edits = 1 + (int)(random() % 3);

		len = strlen(orig);
		memcpy(body, orig, len + 1);
		for (int e = 0; e < edits; e++) {
			size_t at = (size_t)random() % len;

			switch (random() % 3) {
			case 0:	/* replace a byte with any byte */
				body[at] = (char)(random() % 256);
				break;
			case 1:	/* delete a byte */
				memmove(body + at, body + at + 1, len - at);
				len--;
				break;
			default: /* flip a bit */
				body[at] ^= (char)(1 << (random() % 8));
				break;
			}
		}
		if (fc_report_parse_body(body, len, &r, &err)) {
			refused++;
			if (!err.text[0] || err.code == FC_OK)
				silent++;
			continue;
		}
		if (fc_report_verify(&r, &key, &err))
			continue;
		if (fc_report_canonical(&r, got, sizeof(got), NULL, &err) ||
		    strcmp(got, want))
			forged++;
		else
			same++;
	}
	ok(refused > ROUNDS / 2, "%d of %d damaged bodies refused by the parser",
	       refused, ROUNDS);
	is_int(silent, 0, "every refusal has an error code and text");
	is_int(forged, 0,
		   "no damage that changes a value verifies (%d harmless ones did)",
		   same);
	return done_testing();
}
