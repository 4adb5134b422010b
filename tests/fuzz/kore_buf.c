/* SPDX-License-Identifier: ISC */
/*
 * Kore's buffer, as the JSON writer uses it, for a fuzz target that runs
 * without the Kore server (Kore has no library to link). Kore's own
 * kore_buf_appendf formats with vsnprintf and appends the result: so here.
 * The HTTP calls and the database cells of json.c that the target never
 * makes abort.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "db_async.h"

struct kore_buf *
kore_buf_alloc(size_t initial)
{
	struct kore_buf	*buf;

	if ((buf = calloc(1, sizeof(*buf))) == NULL ||
	    (buf->data = malloc(initial ? initial : 1)) == NULL)
		abort();
	buf->length = initial ? initial : 1;
	return buf;
}

void
kore_buf_append(struct kore_buf *buf, const void *d, size_t len)
{
	if (buf->offset + len > buf->length) {
		buf->length = (buf->offset + len) * 2;
		if ((buf->data = realloc(buf->data, buf->length)) == NULL)
			abort();
	}
	memcpy(buf->data + buf->offset, d, len);
	buf->offset += len;
}

void
kore_buf_appendf(struct kore_buf *buf, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;
	int	 n;

	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0)
		abort();
	kore_buf_append(buf, s, (size_t)n);
	free(s);
}

void
kore_buf_free(struct kore_buf *buf)
{
	free(buf->data);
	free(buf);
}

void
http_response_header(struct http_request *req, const char *h, const char *v)
{
	(void)req;
	(void)h;
	(void)v;
	abort();
}

void
http_response(struct http_request *req, int status, const void *d, size_t len)
{
	(void)req;
	(void)status;
	(void)d;
	(void)len;
	abort();
}

const char *
db_async_cell(const struct db_async_query *q, unsigned int r, unsigned int c)
{
	(void)q;
	(void)r;
	(void)c;
	abort();
}
