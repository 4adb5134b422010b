/* SPDX-License-Identifier: ISC */
/*
 * Logging in the OpenBSD daemons' manner: log_warn() appends strerror(errno),
 * log_warnx() does not; fatal()/fatalx() log and exit. In the foreground the
 * lines go to stderr, otherwise to syslog.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <time.h>

#include "log.h"

static int log_to_stderr = 1;
static int log_verbose;
static const char *log_ident = "faxcare";

void
log_init(const char *ident, int foreground, int debug)
{
	log_ident = ident;
	log_to_stderr = foreground;
	log_verbose = debug;
	if (!foreground)
		openlog(ident, LOG_PID | LOG_NDELAY, LOG_DAEMON);
}

static void
vlog(int pri, const char *fmt, va_list ap, int with_errno)
{
	char msg[1024];
	int saved = errno;

	(void)vsnprintf(msg, sizeof(msg), fmt, ap);
	if (log_to_stderr && log_verbose) {
		struct timespec ts;

		(void)clock_gettime(CLOCK_REALTIME, &ts);
		(void)fprintf(stderr, "%lld.%03ld ", (long long)ts.tv_sec,
		    ts.tv_nsec / 1000000);
	}
	if (log_to_stderr) {
		if (with_errno)
			(void)fprintf(stderr, "%s: %s: %s\n", log_ident, msg,
			    strerror(saved));
		else
			(void)fprintf(stderr, "%s: %s\n", log_ident, msg);
	} else if (with_errno) {
		syslog(pri, "%s: %s", msg, strerror(saved));
	} else {
		syslog(pri, "%s", msg);
	}
	errno = saved;
}

#define LOG_FN(name, pri, with_errno)				\
void								\
name(const char *fmt, ...)					\
{								\
	va_list ap;						\
								\
	va_start(ap, fmt);					\
	vlog(pri, fmt, ap, with_errno);				\
	va_end(ap);						\
}

LOG_FN(log_warn, LOG_WARNING, 1)
LOG_FN(log_warnx, LOG_WARNING, 0)
LOG_FN(log_info, LOG_INFO, 0)

void
log_debug(const char *fmt, ...)
{
	va_list ap;

	if (!log_verbose)
		return;
	va_start(ap, fmt);
	vlog(LOG_DEBUG, fmt, ap, 0);
	va_end(ap);
}

void
fatal(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog(LOG_CRIT, fmt, ap, 1);
	va_end(ap);
	exit(1);
}

void
fatalx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog(LOG_CRIT, fmt, ap, 0);
	va_end(ap);
	exit(1);
}
