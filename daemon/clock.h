/* SPDX-License-Identifier: ISC */
/*
 * faxcare daemon: the daemon's clock. Deadlines within a run count on
 * CLOCK_BOOTTIME, which no `date -s` or NTP step moves and which counts a
 * suspend; only what outlives the run (the state file) is written in wall
 * time, with the boot it was taken in, so that a restart in the same boot
 * gets its deadlines back exactly and one after a reboot as near as the
 * wall clock allows.
 */
#ifndef FAXCARE_CLOCK_H
#define FAXCARE_CLOCK_H

#include <stdint.h>

#define CLOCK_BOOT_ID_LEN	36	/* a UUID */

/* Milliseconds on CLOCK_BOOTTIME: the time of the daemon's deadlines. */
int64_t	clock_now_ms(void);
/* Wall time minus clock_now_ms(), in milliseconds, as of now. */
int64_t	clock_wall_offset_ms(void);
/* This boot's id (the kernel's random boot_id), or "-" when unknown. */
void	clock_boot_id(char id[CLOCK_BOOT_ID_LEN + 1]);
/* a + b, saturated at the ends of int64 (times read from a file). */
int64_t	clock_add(int64_t a, int64_t b);

#endif
