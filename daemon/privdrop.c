/* SPDX-License-Identifier: ISC */
/* Dropping root for good (privdrop.h). */
#define _GNU_SOURCE	/* setresuid, setresgid */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "log.h"
#include "privdrop.h"

int
privdrop_lookup(const char *name, struct privuser *pu, char *why, size_t len)
{
	struct passwd *pw;

	errno = 0;
	if ((pw = getpwnam(name)) == NULL) {
		(void)snprintf(why, len, "user %s: %s", name, errno != 0 ?
		    strerror(errno) : "no such user (faxcare.sysusers "
		    "creates it)");
		return -1;
	}
	if (pw->pw_uid == 0) {
		(void)snprintf(why, len, "user %s is root", name);
		return -1;
	}
	(void)snprintf(pu->name, sizeof(pu->name), "%s", name);
	pu->uid = pw->pw_uid;
	pu->gid = pw->pw_gid;
	return 0;
}

/* dirfd and what it holds, depth levels down, to pu; no symlink followed. */
static int
give_tree(const struct privuser *pu, int dirfd, int depth)
{
	struct dirent *de;
	struct stat st;
	DIR *d;
	int fd, ret = 0;

	if (fchown(dirfd, pu->uid, pu->gid) == -1)
		return -1;
	if (depth == 0)
		return 0;
	if ((fd = openat(dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) ==
	    -1 || (d = fdopendir(fd)) == NULL) {
		if (fd != -1)
			(void)close(fd);
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		if (fstatat(dirfd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) ==
		    -1) {
			ret = -1;
			continue;
		}
		/*
		 * The user may write here: a hard link it made to a file of
		 * root's must not become the user's. Directories and files of
		 * one link only; what is the user's already stays as it is.
		 */
		if (!S_ISDIR(st.st_mode) && !(S_ISREG(st.st_mode) &&
		    st.st_nlink == 1))
			continue;
		if ((st.st_uid != pu->uid || st.st_gid != pu->gid) &&
		    fchownat(dirfd, de->d_name, pu->uid, pu->gid,
		    AT_SYMLINK_NOFOLLOW) == -1) {
			ret = -1;
			continue;
		}
		if (!S_ISDIR(st.st_mode))
			continue;
		if ((fd = openat(dirfd, de->d_name, O_RDONLY | O_DIRECTORY |
		    O_NOFOLLOW | O_CLOEXEC)) == -1 ||
		    give_tree(pu, fd, depth - 1) == -1)
			ret = -1;
		if (fd != -1)
			(void)close(fd);
	}
	(void)closedir(d);
	return ret;
}

int
privdrop_give_spool(const struct privuser *pu, const char *base,
    const char *engine)
{
	int basefd, fd, ret;

	if (mkdir(base, 0700) == -1 && errno != EEXIST)
		return -1;
	if ((basefd = open(base, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		return -1;
	if (fchown(basefd, pu->uid, pu->gid) == -1 ||
	    (mkdirat(basefd, engine, 0700) == -1 && errno != EEXIST) ||
	    (fd = openat(basefd, engine, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) == -1) {
		(void)close(basefd);
		return -1;
	}
	/* queue/, failed/, tmp/ and their entries; state, lock. */
	ret = give_tree(pu, fd, 2);
	(void)close(fd);
	(void)close(basefd);
	return ret;
}

int
privdrop_to(const struct privuser *pu)
{
	if (setgroups(1, &pu->gid) == -1 ||
	    setresgid(pu->gid, pu->gid, pu->gid) == -1 ||
	    setresuid(pu->uid, pu->uid, pu->uid) == -1)
		return -1;
	/* Gone for good: no way back to root. */
	if (setuid(0) != -1 || geteuid() != pu->uid) {
		errno = EPERM;
		return -1;
	}
	return 0;
}
