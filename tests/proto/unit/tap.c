// SPDX-License-Identifier: GPL-2.0
/* Minimal TAP output: "ok N - text", diagnostics on stderr, plan last. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "tap.h"

static int count, failed;

static void result(bool cond, const char *fmt, va_list ap)
{
	count++;
	if (!cond)
		failed++;
	printf("%sok %d - ", cond ? "" : "not ", count);
	vprintf(fmt, ap);
	putchar('\n');
}

void tap_ok(bool cond, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	result(cond, fmt, ap);
	va_end(ap);
}

void tap_is_str(const char *got, const char *want, const char *fmt, ...)
{
	bool same = got && want && !strcmp(got, want);
	va_list ap;

	va_start(ap, fmt);
	result(same, fmt, ap);
	va_end(ap);
	if (!same)
		tap_diag("got:      '%s'\n# expected: '%s'", got ? got : "(null)",
			 want ? want : "(null)");
}

void tap_is_int(long long got, long long want, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	result(got == want, fmt, ap);
	va_end(ap);
	if (got != want)
		tap_diag("got: %lld, expected: %lld", got, want);
}

void tap_diag(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs("# ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int tap_done(void)
{
	printf("1..%d\n", count);
	if (fflush(stdout) == EOF)
		return 1;
	return failed ? 1 : 0;
}
