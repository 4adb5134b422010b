/* SPDX-License-Identifier: ISC */
/*
 * The API's JSON writer (center/portal/json.c): any bytes (up to the first
 * NUL, as the database hands a value over) written as a string and as a
 * number. The string must be one JSON string that reads back to the input,
 * with no raw control character and no '<', '>' or '&'; the number must be
 * the input when it is an integer, else null.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"

static void __attribute__((noreturn))
fail(const char *what, const struct kore_buf *buf)
{
	(void)fprintf(stderr, "json: %s: %.*s\n", what, (int)buf->offset,
	    (const char *)buf->data);
	abort();
}

/* The JSON string in buf read back into out (as long as the input), as a
 * JSON reader would; -1 when it is not exactly one well-formed string. */
static int
read_back(const struct kore_buf *buf, char *out)
{
	const unsigned char	*p = buf->data, *end = p + buf->offset;
	char			 hex[5], *rest;
	unsigned long		 u;

	if (buf->offset < 2 || *p++ != '"' || end[-1] != '"')
		return -1;
	for (end--; p < end; p++) {
		if (*p < 0x20 || *p == '<' || *p == '>' || *p == '&' ||
		    *p == '"')
			return -1;
		if (*p != '\\') {
			*out++ = (char)*p;
			continue;
		}
		if (++p == end)
			return -1;
		if (*p == '"' || *p == '\\' || *p == '/')
			*out++ = (char)*p;
		else if (*p == 'u' && end - p > 4) {
			/* buf holds no NUL: copy the four digits out. */
			memcpy(hex, p + 1, 4);
			hex[4] = '\0';
			u = strtoul(hex, &rest, 16);
			if (*rest != '\0' || u == 0 || u >= 0x80)
				return -1;
			*out++ = (char)u;
			p += 4;
		} else
			return -1;
	}
	*out = '\0';
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kore_buf	*buf;
	char		*s, *back;
	const char	*d;

	if ((s = strndup((const char *)data, size)) == NULL ||
	    (back = malloc(strlen(s) + 1)) == NULL)
		abort();

	buf = kore_buf_alloc(16);
	json_string(buf, s);
	if (read_back(buf, back) != 0 || strcmp(back, s) != 0)
		fail("not the input as one JSON string", buf);
	kore_buf_free(buf);

	buf = kore_buf_alloc(16);
	json_number(buf, s);
	d = s + (*s == '-');
	if (*d != '\0' && strspn(d, "0123456789") == strlen(d)) {
		if (buf->offset != strlen(s) || memcmp(buf->data, s,
		    buf->offset) != 0)
			fail("an integer not written as it is", buf);
	} else if (buf->offset != 4 || memcmp(buf->data, "null", 4) != 0)
		fail("not an integer, not null", buf);
	kore_buf_free(buf);
	free(back);
	free(s);
	return 0;
}
