/* SPDX-License-Identifier: ISC */
/*
 * The daemon's faxcared.conf(5) parser (daemon/config.c): any bytes as the
 * file. config_load reads a path, so the input goes into a memfd read
 * through /proc/self/fd. Its complaints go to stderr: run with
 * -close_fd_mask=2 to keep them out of libFuzzer's output.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "faxcare/proto.h"
#include "config.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int	 fd = -1;
	static char	 path[64];
	struct config	 conf;
	int		 problems;

	if (fd == -1) {
		if ((fd = memfd_create("faxcared.conf", 0)) == -1)
			abort();
		(void)snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	}
	if (ftruncate(fd, 0) == -1 ||
	    pwrite(fd, data, size, 0) != (ssize_t)size)
		abort();
	problems = config_load(path, &conf);
	if (problems < 0)
		abort();
	/* A file without problems gives what the daemon relies on. */
	if (problems == 0 && (conf.retry_min_ms <= 0 ||
	    conf.retry_max_ms < conf.retry_min_ms ||
	    conf.retry_max_ms > DURATION_MAX_MS ||
	    fc_check_address(conf.manager, NULL) != 0 ||
	    fc_check_address(conf.center, NULL) != 0 ||
	    conf.relay_host[0] == '\0' || conf.key_file[0] != '/'))
		abort();
	return 0;
}
