/* SPDX-License-Identifier: ISC */
/*
 * faxcare daemon: started as root (faxcared-start, without systemd), the
 * daemon opens what needs root (its key), gives its spool to its user and
 * drops to it for good before it talks to the kernel, the relay or anyone:
 * libESMTP and OpenSSL never parse network input as root.
 */
#ifndef FAXCARE_PRIVDROP_H
#define FAXCARE_PRIVDROP_H

#include <sys/types.h>

#include <stddef.h>

struct privuser {
	char	 name[32];
	uid_t	 uid;
	gid_t	 gid;
};

/* -1 with why when name is no user, or is root. */
int	privdrop_lookup(const char *name, struct privuser *pu, char *why,
	    size_t len);
/* base and base/engine exist and, with what is inside, belong to pu. */
int	privdrop_give_spool(const struct privuser *pu, const char *base,
	    const char *engine);
/* setgroups, setresgid, setresuid; -1 unless root is gone for good. */
int	privdrop_to(const struct privuser *pu);

#endif
