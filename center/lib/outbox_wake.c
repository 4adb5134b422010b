/* SPDX-License-Identifier: ISC */
/* A datagram on a unix socket wakes the outbox sender. */
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "outbox_wake.h"

static int
socket_address(const char *path, struct sockaddr_un *sun)
{
	memset(sun, 0, sizeof(*sun));
	sun->sun_family = AF_UNIX;
	if (path[0] == '\0' || strlen(path) >= sizeof(sun->sun_path))
		return -1;
	memcpy(sun->sun_path, path, strlen(path));
	return 0;
}

int
outbox_wake(const struct center_config *cfg)
{
	struct sockaddr_un	sun;
	int			fd, rc = 0, saved;

	if (socket_address(cfg->outbox_wake_socket, &sun))
		return 0;
	if ((fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0)) == -1)
		return 0;
	/* No listener, or wake-ups already queued: the sweep or the pass
	 * already coming covers this one. */
	if (sendto(fd, "", 0, MSG_DONTWAIT, (struct sockaddr *)&sun,
	    sizeof(sun)) == -1 && errno != ENOENT && errno != ECONNREFUSED &&
	    errno != EAGAIN)
		rc = -1;
	saved = errno;
	(void)close(fd);
	errno = saved;
	return rc;
}

int
outbox_wake_listen(const char *path, char *err, size_t errlen)
{
	struct sockaddr_un	sun;
	int			fd;

	if (socket_address(path, &sun)) {
		(void)snprintf(err, errlen,
		    "outbox_wake_socket: empty or too long");
		return -1;
	}
	if ((fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK,
	    0)) == -1) {
		(void)snprintf(err, errlen, "socket: %s", strerror(errno));
		return -1;
	}
	/* Only the instance holding the database lock binds: the old socket
	 * is a dead sender's. */
	if ((unlink(path) == -1 && errno != ENOENT) ||
	    bind(fd, (struct sockaddr *)&sun, sizeof(sun)) == -1 ||
	    chmod(path, 0666) == -1) {
		(void)snprintf(err, errlen, "%s: %s", path, strerror(errno));
		(void)close(fd);
		return -1;
	}
	return fd;
}

void
outbox_wake_drain(int fd)
{
	char	buf[16];

	while (recv(fd, buf, sizeof(buf), MSG_DONTWAIT) >= 0)
		;
}
