/* SPDX-License-Identifier: ISC */
/*
 * The mailgate's MIME walk (center/ingest/mime.c, GMime): any bytes as a
 * delivered message; the text it takes out goes to the report parser, as
 * the mailgate does.
 */
#include <stdint.h>

#include "faxcare/proto.h"
#include "mime.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mime_text	 mt;
	struct fc_report	 r;
	struct fc_error		 err;
	char			 why[256];

	if (mime_extract((const char *)data, size, &mt, why, sizeof(why)) != 0)
		return 0;
	(void)fc_report_parse_body(mt.text, mt.len, &r, &err);
	mime_text_free(&mt);
	return 0;
}
