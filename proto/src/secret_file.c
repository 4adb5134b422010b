/* SPDX-License-Identifier: ISC */
/*
 * Files that hold a secret (a key, a relay password): whoever may change
 * one can make the program sign or log in with a secret of their choosing,
 * so nobody but its owner may write it, and a daemon takes it only from
 * root or its own user.
 */
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "faxcare/key.h"
#include "internal.h"

/* " or faxcare" for a uid other than root's; "" for root's. */
static void or_user(uid_t uid, char *buf, size_t len)
{
	struct passwd *pw = uid ? getpwuid(uid) : NULL;

	if (!uid)
		buf[0] = '\0';
	else if (pw)
		(void)snprintf(buf, len, " or %s", pw->pw_name);
	else
		(void)snprintf(buf, len, " or uid %u", (unsigned int)uid);
}

int fc_secret_check(const char *path, int fd, uid_t user,
		    struct stat *st, struct fc_error *err)
{
	char owner[72], us[72], them[72];

	if (fstat(fd, st))
		return fc_error_set(err, FC_ERR_SYSTEM, 0, "%s: %s", path,
				    strerror(errno));
	if (!S_ISREG(st->st_mode))
		return fc_error_set(err, FC_ERR_KEY, 0,
				    "%s: not a regular file", path);
	if (st->st_mode & (S_IWGRP | S_IWOTH))
		return fc_error_set(err, FC_ERR_KEY, 0,
			"%s: group or others may write it (mode %04o); chmod go-w it",
			path, (unsigned int)(st->st_mode & 07777));
	if (user != FC_ANY_OWNER && st->st_uid != 0 &&
	    st->st_uid != geteuid() && st->st_uid != user) {
		or_user(st->st_uid, owner, sizeof(owner));
		or_user(geteuid(), us, sizeof(us));
		or_user(user == geteuid() ? 0 : user, them, sizeof(them));
		return fc_error_set(err, FC_ERR_KEY, 0,
			"%s: owned by %s, not by root%s%s; chown it",
			path, owner + 4, us, them);
	}
	return 0;
}
