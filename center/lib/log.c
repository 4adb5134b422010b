/* SPDX-License-Identifier: ISC */
/* One line on stderr per message, the program's name in front; see log.h. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"

static const char	*procname = "faxcenter";

void
log_init(const char *progname)
{
	procname = progname;
}

/* errnum 0: no system error to add. */
static void
vlog(int errnum, const char *fmt, va_list ap)
{
	char	msg[1024];

	(void)vsnprintf(msg, sizeof(msg), fmt, ap);
	if (errnum != 0)
		(void)fprintf(stderr, "%s: %s: %s\n", procname, msg,
		    strerror(errnum));
	else
		(void)fprintf(stderr, "%s: %s\n", procname, msg);
}

/* The varargs of fmt, errnum added when not 0. */
#define LOG_ARGS(errnum) do {						\
	va_list	ap;							\
	va_start(ap, fmt);						\
	vlog((errnum), fmt, ap);					\
	va_end(ap);							\
} while (0)

void
log_info(const char *fmt, ...)
{
	LOG_ARGS(0);
}

void
warn(const char *fmt, ...)
{
	LOG_ARGS(errno);
}

void
warnx(const char *fmt, ...)
{
	LOG_ARGS(0);
}

void
fatal(const char *fmt, ...)
{
	LOG_ARGS(errno);
	exit(1);
}

void
fatalx(const char *fmt, ...)
{
	LOG_ARGS(0);
	exit(1);
}
