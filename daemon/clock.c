/* SPDX-License-Identifier: ISC */
/* The daemon's clock (clock.h). */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"

#define BOOT_ID_PATH	"/proc/sys/kernel/random/boot_id"

static int64_t
ms_of(clockid_t clock)
{
	struct timespec ts;

	if (clock_gettime(clock, &ts) == -1)
		return 0;
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int64_t
clock_now_ms(void)
{
	return ms_of(CLOCK_BOOTTIME);
}

int64_t
clock_wall_offset_ms(void)
{
	return ms_of(CLOCK_REALTIME) - ms_of(CLOCK_BOOTTIME);
}

void
clock_boot_id(char id[CLOCK_BOOT_ID_LEN + 1])
{
	ssize_t n = -1;
	int fd;

	if ((fd = open(BOOT_ID_PATH, O_RDONLY | O_CLOEXEC)) != -1) {
		n = read(fd, id, CLOCK_BOOT_ID_LEN);
		(void)close(fd);
	}
	if (n == CLOCK_BOOT_ID_LEN) {
		id[CLOCK_BOOT_ID_LEN] = '\0';
		if (strcspn(id, " \n") == CLOCK_BOOT_ID_LEN)
			return;
	}
	(void)snprintf(id, CLOCK_BOOT_ID_LEN + 1, "-");
}

int64_t
clock_add(int64_t a, int64_t b)
{
	int64_t r;

	if (__builtin_add_overflow(a, b, &r))
		return b > 0 ? INT64_MAX : INT64_MIN;
	return r;
}
