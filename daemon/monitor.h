/* SPDX-License-Identifier: ISC */
/* faxcare daemon: faxeng devices appearing, changing and going (libudev). */
#ifndef FAXCARE_MONITOR_H
#define FAXCARE_MONITOR_H

#include <stddef.h>

struct monitor;

/* source: "udev" (after udevd's rules ran) or "kernel". */
struct monitor *monitor_open(const char *source);
void	monitor_close(struct monitor *m);
int	monitor_fd(struct monitor *m);
/* 1 with action ("add", "change", "remove") and sysname; 0 nothing. */
int	monitor_read(struct monitor *m, char *action, size_t alen,
	    char *sysname, size_t slen);

#endif
