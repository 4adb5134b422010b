/* SPDX-License-Identifier: ISC */
/* faxcare daemon: logging to stderr (foreground) or syslog. */
#ifndef FAXCARE_LOG_H
#define FAXCARE_LOG_H

void	log_init(const char *ident, int foreground, int debug);
void	log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void	log_warnx(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void	log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void	log_debug(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void	fatal(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2), noreturn));
void	fatalx(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2), noreturn));

#endif
