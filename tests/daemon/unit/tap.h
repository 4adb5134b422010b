/* Minimal TAP for the daemon's unit tests: ok(), is_int(), is_str(). */
#ifndef FAXCARE_TEST_TAP_H
#define FAXCARE_TEST_TAP_H

#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

static inline int
ok(int cond, const char *what)
{
	tap_n++;
	printf("%sok %d - %s\n", cond ? "" : "not ", tap_n, what);
	if (!cond)
		tap_failed++;
	(void)fflush(stdout);
	return cond;
}

static inline int
is_int(long long got, long long want, const char *what)
{
	if (!ok(got == want, what))
		printf("#   got %lld, expected %lld\n", got, want);
	return got == want;
}

static inline int
is_str(const char *got, const char *want, const char *what)
{
	int same = got != NULL && strcmp(got, want) == 0;

	if (!ok(same, what))
		printf("#   got '%s', expected '%s'\n", got ? got : "(null)",
		    want);
	return same;
}

static inline int
done_testing(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed != 0;
}

#endif
