/* SPDX-License-Identifier: ISC */
/*
 * Giving the spool to the daemon's user before it drops root (needs root):
 * the engine's directory, its subdirectories and their entries become the
 * user's; a hard link or a symbolic link planted there to a file of root's
 * does not hand that file over. Then the drop itself, in a child: no way
 * back to root.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "privdrop.h"
#include "tap.h"

static char dir[] = "/tmp/faxcare-privdrop-test.XXXXXX";

static const char *
at(const char *name)
{
	static char path[4][256];
	static int i;

	i = (i + 1) % 4;
	(void)snprintf(path[i], sizeof(path[i]), "%s/%s", dir, name);
	return path[i];
}

static uid_t
owner(const char *name)
{
	struct stat st;

	return lstat(at(name), &st) == 0 ? st.st_uid : (uid_t)-2;
}

static void
touch(const char *name)
{
	int fd = open(at(name), O_WRONLY | O_CREAT | O_TRUNC, 0600);

	if (fd == -1 || close(fd) == -1)
		diag("cannot create %s", at(name));
}

int
main(void)
{
	struct privuser pu;
	char why[200], cmd[128];
	int status;
	pid_t pid;

	if (geteuid() != 0) {
		ok(1, "# SKIP giving the spool away and dropping root: needs root");
		return done_testing();
	}
	if (mkdtemp(dir) == NULL || chmod(dir, 0755) == -1)
		return 1;
	ok(privdrop_lookup("root", &pu, why, sizeof(why)) == -1,
	    "root is no user to drop to: %s", why);
	ok(privdrop_lookup("no-such-user-here", &pu, why, sizeof(why)) == -1,
	    "an unknown user is refused: %s", why);
	if (!ok(privdrop_lookup("nobody", &pu, why, sizeof(why)) == 0,
	    "nobody is a user to drop to"))
		return done_testing();

	if (mkdir(at("spool"), 0700) == -1 || mkdir(at("spool/faxeng0"),
	    0700) == -1 || mkdir(at("spool/faxeng0/queue"), 0700) == -1)
		return 1;
	touch("spool/faxeng0/state");
	touch("spool/faxeng0/queue/1.report");
	touch("roots");
	touch("roots2");
	if (link(at("roots"), at("spool/faxeng0/queue/2.report")) == -1 ||
	    symlink(at("roots2"), at("spool/faxeng0/queue/3.report")) == -1)
		return 1;
	ok(privdrop_give_spool(&pu, at("spool"), "faxeng0") == 0,
	    "the spool is given to nobody");
	ok(owner("spool") == pu.uid && owner("spool/faxeng0") == pu.uid &&
	    owner("spool/faxeng0/queue") == pu.uid,
	    "the spool, the engine's directory and queue/ are nobody's");
	ok(owner("spool/faxeng0/state") == pu.uid &&
	    owner("spool/faxeng0/queue/1.report") == pu.uid,
	    "and the state and a queued report");
	ok(owner("roots") == 0, "a file of root's hard-linked into queue/ "
	    "stays root's");
	ok(owner("roots2") == 0 && owner("spool/faxeng0/queue/3.report") == 0,
	    "a symbolic link is not followed, nor given away");
	ok(privdrop_give_spool(&pu, at("spool"), "faxeng1") == 0 &&
	    owner("spool/faxeng1") == pu.uid,
	    "a new engine's directory is made, nobody's");

	if ((pid = fork()) == 0)
		_exit(privdrop_to(&pu) == 0 && getuid() == pu.uid &&
		    geteuid() == pu.uid && getegid() == pu.gid &&
		    setuid(0) == -1 && seteuid(0) == -1 ? 0 : 1);
	ok(pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0,
	    "dropped to nobody, no setuid or seteuid gets root back");

	(void)snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	ok(system(cmd) == 0, "cleanup");
	return done_testing();
}
