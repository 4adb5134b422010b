/* SPDX-License-Identifier: ISC */
/*
 * The baseline of bench/daemon/run's memory figures: a process that does
 * nothing, built once with libc alone and once linked with faxcared's
 * libraries, so the daemon's resident memory reads against both.
 */
#include <unistd.h>

int
main(void)
{
	for (;;)
		(void)pause();
}
