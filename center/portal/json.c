/* SPDX-License-Identifier: ISC */
/* JSON output for the API; see json.h. */
#include <ctype.h>

#include "json.h"

void
json_string(struct kore_buf *buf, const char *s)
{
	const unsigned char	*p;

	if (s == NULL) {
		kore_buf_appendf(buf, "null");
		return;
	}
	kore_buf_appendf(buf, "\"");
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			kore_buf_appendf(buf, "\\%c", *p);
		else if (*p < 0x20 || *p == '<' || *p == '>' || *p == '&')
			/* Also <, >, &: safe if a browser ever renders it. */
			kore_buf_appendf(buf, "\\u%04x", *p);
		else
			kore_buf_append(buf, p, 1);
	}
	kore_buf_appendf(buf, "\"");
}

void
json_number(struct kore_buf *buf, const char *s)
{
	const char	*p = s;

	if (p != NULL && *p == '-')
		p++;
	if (p == NULL || *p == '\0') {
		kore_buf_appendf(buf, "null");
		return;
	}
	for (; *p != '\0'; p++) {
		if (!isdigit((unsigned char)*p)) {
			kore_buf_appendf(buf, "null");
			return;
		}
	}
	kore_buf_appendf(buf, "%s", s);
}

void
json_send(struct http_request *req, int status, struct kore_buf *buf)
{
	http_response_header(req, "content-type",
	    "application/json; charset=utf-8");
	http_response_header(req, "cache-control", "no-store");
	http_response_header(req, "x-content-type-options", "nosniff");
	http_response(req, status, buf->data, buf->offset);
	kore_buf_free(buf);
}

void
json_error(struct http_request *req, int status, const char *text)
{
	struct kore_buf	*buf = kore_buf_alloc(128);

	kore_buf_appendf(buf, "{\"error\":");
	json_string(buf, text);
	kore_buf_appendf(buf, "}\n");
	json_send(req, status, buf);
}

void
json_members(struct kore_buf *buf, const struct db_async_query *q,
    unsigned int r, const char *const *keys, unsigned int n,
    unsigned int numbers)
{
	unsigned int	c;

	for (c = 0; c < n; c++) {
		kore_buf_appendf(buf, "%s\"%s\":", c ? "," : "", keys[c]);
		if (numbers & JSON_COL(c))
			json_number(buf, db_async_cell(q, r, c));
		else
			json_string(buf, db_async_cell(q, r, c));
	}
}
