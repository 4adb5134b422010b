/* SPDX-License-Identifier: ISC */
/* Form and query fields past their validators; see field.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "field.h"

long long
field_num(const char *v)
{
	char		*end;
	long long	 n;

	if (v == NULL || *v < '0' || *v > '9')
		return -1;
	errno = 0;
	n = strtoll(v, &end, 10);
	return *end == '\0' && errno == 0 && n >= 0 ? n : -1;
}

int
field_datetime(const char *v)
{
	const char	*end;
	struct tm	 tm, check;
	time_t		 t;

	if (v == NULL)
		return 0;
	memset(&tm, 0, sizeof(tm));
	end = strptime(v, "%Y-%m-%d %H:%M", &tm);
	if (end == NULL || *end != '\0')
		return 0;
	/* timegm normalizes an impossible date: it must come back the same. */
	check = tm;
	t = timegm(&check);
	return t != (time_t)-1 && check.tm_mday == tm.tm_mday &&
	    check.tm_mon == tm.tm_mon && check.tm_hour == tm.tm_hour;
}
