/* SPDX-License-Identifier: ISC */
/* Times as the protocol writes them: RFC 3339 in UTC, RFC 5322 dates. */
#ifndef FAXCARE_TIMEFMT_H
#define FAXCARE_TIMEFMT_H

#include <stddef.h>
#include <stdint.h>

/* Years the protocol accepts: 2000..9999. */
#define FC_TIME_MIN	INT64_C(946684800)	/* 2000-01-01T00:00:00Z */
#define FC_TIME_MAX	INT64_C(253402300799)	/* 9999-12-31T23:59:59Z */
#define FC_RFC3339_LEN	20			/* YYYY-MM-DDTHH:MM:SSZ */

/* "2024-05-01T12:00:00Z"; -1 when t is outside FC_TIME_MIN..MAX. */
int fc_time_format(int64_t t, char *buf, size_t len);
/* Exactly that form, a real calendar date; -1 otherwise. */
int fc_time_parse(const char *s, int64_t *t);
/* "Wed, 01 May 2024 12:00:00 +0000" for the Date header. */
int fc_time_format_rfc5322(int64_t t, char *buf, size_t len);

#endif /* FAXCARE_TIMEFMT_H */
