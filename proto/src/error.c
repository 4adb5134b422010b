/* SPDX-License-Identifier: ISC */
/* Errors: a code for programs and one sentence for people. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "faxcare/error.h"
#include "internal.h"

int fc_error_set(struct fc_error *err, enum fc_errcode code, unsigned int line,
		 const char *fmt, ...)
{
	va_list ap;
	size_t n = 0;

	if (!err)
		return -1;
	err->code = code;
	err->line = line;
	err->text[0] = '\0';
	if (line) {
		int w = snprintf(err->text, sizeof(err->text), "line %u: ", line);

		n = w > 0 ? (size_t)w : 0;
	}
	va_start(ap, fmt);
	(void)vsnprintf(err->text + n, sizeof(err->text) - n, fmt, ap);
	va_end(ap);
	return -1;
}

void fc_error_clear(struct fc_error *err)
{
	if (!err)
		return;
	err->code = FC_OK;
	err->line = 0;
	err->text[0] = '\0';
}

int fc_error_at_line(struct fc_error *err, unsigned int line)
{
	char text[sizeof(err->text)];

	if (!err || !line || err->line)
		return -1;
	memcpy(text, err->text, sizeof(text));
	return fc_error_set(err, err->code, line, "%s", text);
}

const char *fc_errcode_str(enum fc_errcode code)
{
	static const char *const words[] = {
		[FC_OK] = "ok",
		[FC_ERR_SYNTAX] = "syntax",
		[FC_ERR_VERSION] = "version",
		[FC_ERR_MISSING] = "missing",
		[FC_ERR_DUPLICATE] = "duplicate",
		[FC_ERR_UNKNOWN_FIELD] = "unknown-field",
		[FC_ERR_VALUE] = "value",
		[FC_ERR_NOT_ASCII] = "not-ascii",
		[FC_ERR_SIGNATURE] = "signature",
		[FC_ERR_TIME] = "time",
		[FC_ERR_KEY] = "key",
		[FC_ERR_NOSPACE] = "nospace",
		[FC_ERR_SYSTEM] = "system",
	};

	if ((unsigned int)code >= sizeof(words) / sizeof(words[0]) ||
	    !words[code])
		return "unknown";
	return words[code];
}
