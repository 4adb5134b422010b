/* SPDX-License-Identifier: ISC */
/*
 * The report parser and verifier (proto): any bytes as a decoded body. What
 * parses is verified against the key derived for its terminal, checked for
 * time, given a Subject and Message-ID as the center does; then signed and
 * written again, and that must read back to the same canonical form with a
 * good signature: the encoder can write whatever the parser accepts.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "faxcare/proto.h"

/* The sample master key of tests/proto/unit/sample.h. */
#define MASTER_HEX \
	"00112233445566778899aabbccddeeff0123456789abcdeffedcba9876543210"

/* A broken promise of the library: say which, and crash for libFuzzer. */
static void __attribute__((noreturn))
fail(const char *what, const struct fc_error *err)
{
	(void)fprintf(stderr, "report: %s: %s\n", what, err->text);
	abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct fc_key	 master;
	static int		 loaded;
	struct fc_report	 r, again;
	struct fc_error		 err;
	struct fc_key		 key;
	char			 canon[FC_MESSAGE_MAX], canon2[FC_MESSAGE_MAX];
	char			 body[FC_MESSAGE_MAX], line[FC_SUBJECT_MAX + 1];
	size_t			 len, len2, blen;

	if (!loaded) {
		if (fc_key_from_hex(MASTER_HEX, &master, &err) != 0)
			fail("master key", &err);
		loaded = 1;
	}
	if (fc_report_parse_body((const char *)data, size, &r, &err) != 0)
		return 0;
	if (fc_key_derive(&master, r.terminal_id, &key, &err) != 0)
		fail("derive", &err);
	(void)fc_report_verify(&r, &key, &err);
	(void)fc_report_check_time(&r, 1714564800, FC_MAX_AGE_DEFAULT,
	    FC_MAX_AHEAD_DEFAULT, &err);
	if (fc_report_subject(&r, line, sizeof(line), &err) != 0 ||
	    fc_report_message_id(&r, line, sizeof(line), &err) != 0 ||
	    fc_report_canonical(&r, canon, sizeof(canon), &len, &err) != 0)
		fail("subject, message-id or canonical form", &err);

	if (fc_report_encode_body(&r, &key, FC_NEWLINE_LF, body, sizeof(body),
	    &blen, &err) != 0 ||
	    fc_report_parse_body(body, blen, &again, &err) != 0 ||
	    fc_report_verify(&again, &key, &err) != 0 ||
	    fc_report_canonical(&again, canon2, sizeof(canon2), &len2,
	    &err) != 0)
		fail("written again", &err);
	if (len != len2 || memcmp(canon, canon2, len) != 0)
		fail("read back differently", &err);
	fc_key_wipe(&key);
	return 0;
}
