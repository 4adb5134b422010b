/* SPDX-License-Identifier: ISC */
/* This engine's signing key (terminal_key.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "log.h"
#include "terminal_key.h"

static int
open_key(const char *path)
{
	return open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
}

int
terminal_key_open(struct terminal_key *tk, const struct config *conf,
    const char *engine, uid_t user, char *why, size_t len)
{
	struct fc_error err;

	memset(tk, 0, sizeof(*tk));
	tk->fd = -1;
	tk->user = user;
	if (config_key_path(conf, engine, tk->path, sizeof(tk->path)) == -1) {
		(void)snprintf(why, len, "key-file: %s: too long for %s",
		    conf->key_file, engine);
		return -1;
	}
	if ((tk->fd = open_key(tk->path)) == -1) {
		(void)snprintf(why, len, "key-file: %s: %s", tk->path,
		    strerror(errno));
		return -1;
	}
	if (fc_key_load_fd(tk->path, tk->fd, user, &tk->key, &err) == -1) {
		(void)snprintf(why, len, "key-file: %s", err.text);
		terminal_key_close(tk);
		return -1;
	}
	return 0;
}

int
terminal_key_reload(struct terminal_key *tk)
{
	struct fc_key key;
	struct fc_error err;
	int fd, e;

	/* A new file (replaced by rename) if we may open it... */
	if ((fd = open_key(tk->path)) == -1) {
		e = errno;
		if (e != EACCES && e != EPERM) {
			log_warnx("key-file %s: %s; keeping the running key",
			    tk->path, strerror(e));
			return -1;
		}
		/* ...else the one opened before root was dropped, in place. */
		log_debug("key-file %s: %s; reading it in place", tk->path,
		    strerror(e));
		fd = tk->fd;
	}
	if (fc_key_load_fd(tk->path, fd, tk->user, &key, &err) == -1) {
		log_warnx("key-file: %s; keeping the running key", err.text);
		if (fd != tk->fd)
			(void)close(fd);
		fc_key_wipe(&key);
		return -1;
	}
	if (fd != tk->fd) {
		(void)close(tk->fd);
		tk->fd = fd;
	}
	tk->key = key;
	fc_key_wipe(&key);
	log_info("key-file %s reloaded", tk->path);
	return 0;
}

void
terminal_key_close(struct terminal_key *tk)
{
	if (tk->fd != -1)
		(void)close(tk->fd);
	tk->fd = -1;
	fc_key_wipe(&tk->key);
}
