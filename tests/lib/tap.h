/* SPDX-License-Identifier: ISC */
/*
 * TAP for every C test program of the project (proto, daemon, center,
 * kmod's netlink client): one result line per check, diagnostics as
 * "# " lines on stderr, the plan last.
 *
 *	ok(cond, "name %d", n);		cond is evaluated once
 *	is_int(got, want, "name");
 *	is_str(got, want, "name");	NULL never equals anything
 *	diag("text %s", s);
 *	return done_testing();		exit status: 1 when any check failed
 *
 * Each returns whether its check passed, so a test can stop early.
 */
#ifndef FAXCARE_TESTS_TAP_H
#define FAXCARE_TESTS_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_count, tap_failed;

static inline void
tap_vresult(int pass, const char *fmt, va_list ap)
{
	tap_count++;
	if (!pass)
		tap_failed++;
	printf("%sok %d - ", pass ? "" : "not ", tap_count);
	vprintf(fmt, ap);
	putchar('\n');
	/* Diagnostics go to stderr: keep the two streams in order. */
	(void)fflush(stdout);
}

static inline void __attribute__((format(printf, 1, 2)))
diag(const char *fmt, ...)
{
	va_list ap;

	(void)fflush(stdout);
	fputs("# ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static inline int __attribute__((format(printf, 2, 3)))
ok(int cond, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	tap_vresult(cond != 0, fmt, ap);
	va_end(ap);
	return cond != 0;
}

static inline int __attribute__((format(printf, 3, 4)))
is_int(long long got, long long want, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	tap_vresult(got == want, fmt, ap);
	va_end(ap);
	if (got != want)
		diag("got: %lld, expected: %lld", got, want);
	return got == want;
}

static inline int __attribute__((format(printf, 3, 4)))
is_str(const char *got, const char *want, const char *fmt, ...)
{
	int same = got != NULL && want != NULL && strcmp(got, want) == 0;
	va_list ap;

	va_start(ap, fmt);
	tap_vresult(same, fmt, ap);
	va_end(ap);
	if (!same)
		diag("got:      '%s'\n# expected: '%s'", got ? got : "(null)",
		    want ? want : "(null)");
	return same;
}

/* The plan; main returns this. */
static inline int
done_testing(void)
{
	printf("1..%d\n", tap_count);
	return tap_failed != 0;
}

#endif /* FAXCARE_TESTS_TAP_H */
