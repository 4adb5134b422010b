/* SPDX-License-Identifier: ISC */
/* A libudev monitor filtered to the faxeng subsystem. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include <libudev.h>

#include "monitor.h"

#define SUBSYSTEM	"faxeng"

struct monitor {
	struct udev		*udev;
	struct udev_monitor	*mon;
};

struct monitor *
monitor_open(const char *source)
{
	struct monitor *m;

	if ((m = calloc(1, sizeof(*m))) == NULL)
		return NULL;
	if ((m->udev = udev_new()) == NULL ||
	    (m->mon = udev_monitor_new_from_netlink(m->udev, source)) == NULL ||
	    udev_monitor_filter_add_match_subsystem_devtype(m->mon, SUBSYSTEM,
	    NULL) < 0 || udev_monitor_enable_receiving(m->mon) < 0) {
		monitor_close(m);
		return NULL;
	}
	return m;
}

void
monitor_close(struct monitor *m)
{
	if (m == NULL)
		return;
	/* libudev's unref functions take NULL. */
	udev_monitor_unref(m->mon);
	udev_unref(m->udev);
	free(m);
}

int
monitor_fd(struct monitor *m)
{
	return udev_monitor_get_fd(m->mon);
}

int
monitor_read(struct monitor *m, char *action, size_t alen, char *sysname,
    size_t slen)
{
	struct udev_device *dev;
	const char *a, *s;

	if ((dev = udev_monitor_receive_device(m->mon)) == NULL)
		return 0;
	a = udev_device_get_action(dev);
	s = udev_device_get_sysname(dev);
	(void)snprintf(action, alen, "%s", a != NULL ? a : "");
	(void)snprintf(sysname, slen, "%s", s != NULL ? s : "");
	udev_device_unref(dev);
	return 1;
}
