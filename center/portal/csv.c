/* SPDX-License-Identifier: ISC */
/* CSV output; see csv.h. */
#include <string.h>

#include "csv.h"

void
csv_field(struct kore_buf *buf, const char *s, int first)
{
	if (!first)
		kore_buf_append(buf, ",", 1);
	if (s == NULL)
		return;
	if (strpbrk(s, ",\"\r\n") == NULL) {
		kore_buf_append(buf, s, strlen(s));
		return;
	}
	kore_buf_append(buf, "\"", 1);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			kore_buf_append(buf, "\"", 1);
		kore_buf_append(buf, s, 1);
	}
	kore_buf_append(buf, "\"", 1);
}

void
csv_end(struct kore_buf *buf)
{
	kore_buf_append(buf, "\r\n", 2);
}
