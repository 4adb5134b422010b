/* SPDX-License-Identifier: GPL-2.0 */
/* Minimal TAP output for the proto unit tests. */
#ifndef FAXCARE_TEST_TAP_H
#define FAXCARE_TEST_TAP_H

#include <stdbool.h>

void tap_ok(bool cond, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void tap_is_str(const char *got, const char *want, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void tap_is_int(long long got, long long want, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void tap_diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print the plan; the exit status for main. */
int tap_done(void);

#endif /* FAXCARE_TEST_TAP_H */
