/* SPDX-License-Identifier: ISC */
/*
 * A bounded text writer: appends to a caller's buffer, remembers overflow
 * instead of failing at every call, and ends lines with LF or CRLF.
 */
#ifndef FAXCARE_OUT_H
#define FAXCARE_OUT_H

#include <stdbool.h>
#include <stddef.h>
#include "faxcare/error.h"

/* Longest line the protocol writes, without the line end. */
#define FC_LINE_MAX 77

struct fc_out {
	char *buf;
	size_t len;		/* capacity, NUL included */
	size_t pos;
	bool overflow;
	const char *nl;		/* "\n" or "\r\n" */
};

void fc_out_init(struct fc_out *o, char *buf, size_t len, bool crlf);
void fc_out_printf(struct fc_out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void fc_out_newline(struct fc_out *o);
/* "Name: value", folded at spaces so no line exceeds FC_LINE_MAX. */
void fc_out_header(struct fc_out *o, const char *name, const char *value);
/* Words of text wrapped at 72 columns, then a line end. */
void fc_out_paragraph(struct fc_out *o, const char *text);
/* 0, or -1 with FC_ERR_NOSPACE; sets *outlen when not NULL. */
int fc_out_finish(struct fc_out *o, size_t *outlen, struct fc_error *err);

#endif /* FAXCARE_OUT_H */
