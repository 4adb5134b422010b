/* SPDX-License-Identifier: ISC */
/* Random bytes for report ids and keys, from the kernel's CSPRNG. */
#include <errno.h>
#include <string.h>
#include <sys/random.h>
#include "internal.h"

int fc_random_bytes(unsigned char *buf, size_t n, struct fc_error *err)
{
	size_t got = 0;

	while (got < n) {
		ssize_t r = getrandom(buf + got, n - got, 0);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return fc_error_set(err, FC_ERR_SYSTEM, 0,
					    "getrandom: %s", strerror(errno));
		got += (size_t)r;
	}
	return 0;
}
