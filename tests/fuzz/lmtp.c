/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer target for the LMTP server's state machine (center/ingest/
 * lmtp.c), fed as faxcenter-ingestd feeds it: pieces of at most
 * LMTP_LINE_MAX bytes, split at line ends. Seeds: whole LMTP sessions
 * carrying the fixtures' mails (tests/fuzz/tests.mk).
 */
#include <stdint.h>
#include <string.h>

#include "lmtp.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lmtp	 lm;
	const char	*p = (const char *)data, *nl;
	size_t		 n;

	if (lmtp_init(&lm, "fuzz", 512))
		return 0;
	while (size > 0) {
		lm.outlen = 0;
		nl = memchr(p, '\n', size < LMTP_LINE_MAX ? size : LMTP_LINE_MAX);
		n = nl != NULL ? (size_t)(nl - p) : (size < LMTP_LINE_MAX ?
		    size : LMTP_LINE_MAX);
		switch (lmtp_input(&lm, p, n, nl != NULL)) {
		case LMTP_MESSAGE:
			lmtp_answer(&lm, (lm.len & 1) ? "250 2.0.0 ok" :
			    "451 4.3.0 later");
			break;
		case LMTP_CLOSE:
			size = n + (nl != NULL);
			break;
		case LMTP_CONTINUE:
			break;
		}
		p += n + (nl != NULL);
		size -= n + (nl != NULL);
	}
	lmtp_free(&lm);
	return 0;
}
