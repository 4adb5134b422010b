/* SPDX-License-Identifier: ISC */
/*
 * Messages of the center's command-line programs, in OpenSMTPD's manner:
 * one line on stderr each, the program's name set once by log_init() in
 * front. warn() and fatal() add strerror(errno); the -x forms do not.
 * fatal() and fatalx() exit 1. The Kore app logs with kore_log() instead.
 */
#ifndef FAXCENTER_LOG_H
#define FAXCENTER_LOG_H

void	log_init(const char *progname);

void	log_info(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));
void	warn(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));
void	warnx(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));
void	fatal(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2), noreturn));
void	fatalx(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2), noreturn));

#endif
