/* SPDX-License-Identifier: ISC */
/* RFC 3339 (UTC only) and RFC 5322 dates, independent of the locale. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "timefmt.h"

static int to_tm(int64_t t, struct tm *tm)
{
	time_t tt = (time_t)t;

	if (t < FC_TIME_MIN || t > FC_TIME_MAX || !gmtime_r(&tt, tm))
		return -1;
	return 0;
}

int fc_time_format(int64_t t, char *buf, size_t len)
{
	struct tm tm;
	int n;

	if (to_tm(t, &tm))
		return -1;
	n = snprintf(buf, len, "%04d-%02d-%02dT%02d:%02d:%02dZ",
		     tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
		     tm.tm_min, tm.tm_sec);
	return n == FC_RFC3339_LEN ? 0 : -1;
}

/* n decimal digits at s, nothing else. */
static int digits(const char *s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*v = *v * 10 + (s[i] - '0');
	}
	return 0;
}

int fc_time_parse(const char *s, int64_t *t)
{
	struct tm tm = { 0 }, back;
	int y, mo, d, h, mi, sec;
	time_t tt;

	if (strlen(s) != FC_RFC3339_LEN || s[4] != '-' || s[7] != '-' ||
	    s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z')
		return -1;
	if (digits(s, 4, &y) || digits(s + 5, 2, &mo) ||
	    digits(s + 8, 2, &d) || digits(s + 11, 2, &h) ||
	    digits(s + 14, 2, &mi) || digits(s + 17, 2, &sec))
		return -1;
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	tt = timegm(&tm);
	/* timegm normalises 31 April to 1 May: a round trip catches it. */
	if (to_tm((int64_t)tt, &back) || back.tm_year != y - 1900 ||
	    back.tm_mon != mo - 1 || back.tm_mday != d || back.tm_hour != h ||
	    back.tm_min != mi || back.tm_sec != sec)
		return -1;
	*t = (int64_t)tt;
	return 0;
}

int fc_time_format_rfc5322(int64_t t, char *buf, size_t len)
{
	static const char days[][4] = {
		"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"
	};
	static const char months[][4] = {
		"Jan", "Feb", "Mar", "Apr", "May", "Jun",
		"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
	};
	struct tm tm;
	int n;

	if (to_tm(t, &tm))
		return -1;
	n = snprintf(buf, len, "%s, %02d %s %04d %02d:%02d:%02d +0000",
		     days[tm.tm_wday], tm.tm_mday, months[tm.tm_mon],
		     tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
	return n > 0 && (size_t)n < len ? 0 : -1;
}
