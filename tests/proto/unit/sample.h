/* SPDX-License-Identifier: ISC */
/* Valid sample reports and a fixed key, shared by the unit tests. */
#ifndef FAXCARE_TEST_SAMPLE_H
#define FAXCARE_TEST_SAMPLE_H

#include "faxcare/proto.h"

#define SAMPLE_TIME	1714564800	/* 2024-05-01T12:00:00Z */
#define SAMPLE_KEY_HEX \
	"00112233445566778899aabbccddeeff0123456789abcdeffedcba9876543210"
#define SAMPLE_FROM	"fx9000-sn123@terminals.example.com"
#define SAMPLE_TO	"reports@center.example.com"
#define SAMPLE_ID	"0123456789abcdef0123456789abcdef"
#define SAMPLE_OTHER_ID	"fedcba9876543210fedcba9876543210"

/* The key of SAMPLE_KEY_HEX. */
struct fc_key sample_key(void);

/* A valid report of that type: status and completion for toner-low. */
void sample_report(struct fc_report *r, enum fc_report_type type);

/* Sign r with the sample key and write its body (LF) into buf. */
void sample_body(const struct fc_report *r, char *buf, size_t len);

/* Replace the first occurrence of `from` in s (in place, len bytes). */
int replace(char *s, size_t len, const char *from, const char *to);

#endif /* FAXCARE_TEST_SAMPLE_H */
