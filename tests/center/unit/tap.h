/* Minimal TAP for the center's C unit tests: ok(cond, name), then done(). */
#ifndef FAXCENTER_TEST_TAP_H
#define FAXCENTER_TEST_TAP_H

#include <stdio.h>

static int	tap_n, tap_failed;

/* cond is evaluated once: it may be the call under test. */
#define ok(cond, ...) do {						\
	int tap_pass = (cond) ? 1 : 0;					\
	tap_n++;							\
	if (!tap_pass)							\
		tap_failed++;						\
	printf("%sok %d - ", tap_pass ? "" : "not ", tap_n);		\
	printf(__VA_ARGS__);						\
	printf("\n");							\
} while (0)

static inline int
done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed != 0;
}

#endif
