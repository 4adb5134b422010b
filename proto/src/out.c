/* SPDX-License-Identifier: ISC */
/* Bounded text writer for messages and canonical forms. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "out.h"

#define PARAGRAPH_WIDTH 72

void fc_out_init(struct fc_out *o, char *buf, size_t len, bool crlf)
{
	o->buf = buf;
	o->len = len;
	o->pos = 0;
	o->overflow = len == 0;
	o->nl = crlf ? "\r\n" : "\n";
	if (len)
		buf[0] = '\0';
}

static void out_bytes(struct fc_out *o, const char *s, size_t n)
{
	if (o->overflow || n >= o->len - o->pos) {
		o->overflow = true;
		return;
	}
	memcpy(o->buf + o->pos, s, n);
	o->pos += n;
	o->buf[o->pos] = '\0';
}

void fc_out_printf(struct fc_out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (o->overflow)
		return;
	va_start(ap, fmt);
	n = vsnprintf(o->buf + o->pos, o->len - o->pos, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= o->len - o->pos) {
		o->overflow = true;
		o->buf[o->pos] = '\0';
		return;
	}
	o->pos += (size_t)n;
}

void fc_out_newline(struct fc_out *o)
{
	out_bytes(o, o->nl, strlen(o->nl));
}

/* Append the space-separated words of text, breaking lines before width;
 * col is the current column, cont what starts a continuation line. */
static void out_words(struct fc_out *o, const char *text, size_t col,
		      size_t width, const char *cont)
{
	const char *p = text;

	while (*p) {
		size_t n;

		while (*p == ' ')
			p++;
		n = strcspn(p, " ");
		if (!n)
			break;
		if (col && col + 1 + n > width) {
			fc_out_newline(o);
			out_bytes(o, cont, strlen(cont));
			col = strlen(cont);
		} else if (col) {
			out_bytes(o, " ", 1);
			col++;
		}
		out_bytes(o, p, n);
		col += n;
		p += n;
	}
}

void fc_out_header(struct fc_out *o, const char *name, const char *value)
{
	fc_out_printf(o, "%s:", name);
	out_words(o, value, strlen(name) + 1, FC_LINE_MAX, " ");
	fc_out_newline(o);
}

void fc_out_paragraph(struct fc_out *o, const char *text)
{
	out_words(o, text, 0, PARAGRAPH_WIDTH, "");
	fc_out_newline(o);
}

int fc_out_finish(struct fc_out *o, size_t *outlen, struct fc_error *err)
{
	if (o->overflow)
		return fc_error_set(err, FC_ERR_NOSPACE, 0,
				    "output buffer of %zu bytes is too small",
				    o->len);
	if (outlen)
		*outlen = o->pos;
	return 0;
}
