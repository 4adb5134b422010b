/* SPDX-License-Identifier: ISC */
/*
 * Keys: key files are 64 hex digits and a newline, nothing else, and not
 * readable by others; per-terminal keys derived from the master secret sign
 * reports the center verifies with the key it derives again.
 * usage: keys SCRATCH-DIR
 */
#include <fcntl.h>
#include <stdio.h>
#include <pwd.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "sample.h"
#include "tap.h"

static const char *dir;

/* Write a file of exactly these bytes with this mode; its path. */
static const char *file(const char *name, const char *bytes, size_t n,
			mode_t mode)
{
	static char path[4096];
	int fd;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (unlink(path) && access(path, F_OK) == 0)
		diag("cannot remove %s", path);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
	if (fd < 0 || write(fd, bytes, n) != (ssize_t)n || fchmod(fd, mode) ||
	    close(fd))
		diag("cannot write %s", path);
	return path;
}

static void refused_file(const char *name, const char *bytes, size_t n,
			 mode_t mode, const char *want, const char *what)
{
	const char *path = file(name, bytes, n, mode);
	char text[512];
	struct fc_key key;
	struct fc_error err;
	int rc = fc_key_load_file(path, &key, &err);

	snprintf(text, sizeof(text), "%s: %s", path, want);
	ok(rc == -1 && err.code == FC_ERR_KEY && !strcmp(err.text, text),
	       "%s is refused", what);
	if (rc == 0 || strcmp(err.text, text))
		diag("got '%s'\n# want '%s'", rc ? err.text : "accepted",
			 text);
}

/* Only root or the program's user (or the user it drops to) may own it. */
static void owners(const char *good)
{
	const char *path = file("nobody.key", good, 65, 0600);
	struct fc_key key;
	struct fc_error err;
	char want[4200];

	if (geteuid() != 0) {
		ok(1, "# SKIP a key owned by another user: needs root");
		ok(1, "# SKIP a key owned by the daemon's user: needs root");
		ok(1, "# SKIP a key of any owner for a tool: needs root");
		return;
	}
	if (chown(path, 65534, 65534))
		diag("cannot chown %s", path);
	snprintf(want, sizeof(want), "%s: owned by %s, not by root; chown it",
		 path, getpwuid(65534) ? getpwuid(65534)->pw_name : "uid 65534");
	ok(fc_key_load_file_for(path, 0, &key, &err) == -1 &&
	       err.code == FC_ERR_KEY && !strcmp(err.text, want),
	       "a daemon refuses a key owned by another user: %s", err.text);
	ok(!fc_key_load_file_for(path, 65534, &key, &err),
	       "a key owned by the user the daemon drops to loads");
	ok(!fc_key_load_file(path, &key, &err),
	       "a tool (faxcare-keygen, as root) reads a key of any owner");
}

static void key_files(void)
{
	const char *good = SAMPLE_KEY_HEX "\n";
	struct fc_key key, want = sample_key();
	struct fc_error err;
	char path[4096];

	ok(!fc_key_load_file(file("good.key", good, 65, 0600), &key,
				 &err) &&
	       !memcmp(key.bytes, want.bytes, FC_KEY_LEN),
	       "a 0600 key file of 64 hex digits and a newline loads %s",
	       err.text);
	ok(!fc_key_load_file(file("group.key", good, 65, 0640), &key,
				 &err),
	       "a group-readable key file loads (0640 for a service group)");
	refused_file("world.key", good, 65, 0644,
		     "others may read or write it (mode 0644); chmod o-rw it",
		     "a world-readable key file");
	refused_file("nonl.key", SAMPLE_KEY_HEX, 64, 0600,
		     "expected 64 hex digits and a newline, found no newline",
		     "a key without its newline");
	refused_file("short.key", "0011\n", 5, 0600,
		     "4 characters, a key is exactly 64 hex digits",
		     "a short key");
	refused_file("crlf.key", SAMPLE_KEY_HEX "\r\n", 66, 0600,
		     "character 65 (0x0d) is not a hex digit (a key is 64 hex digits)",
		     "a key with a CRLF line end");
	refused_file("two.key", SAMPLE_KEY_HEX "\n" SAMPLE_KEY_HEX "\n", 130,
		     0600,
		     "more than one line (a key file holds one key)",
		     "a key file with a second line");
	refused_file("nothex.key",
		     "zz112233445566778899aabbccddeeff0123456789abcdeffedcba9876543210\n",
		     65, 0600,
		     "character 1 (0x7a) is not a hex digit (a key is 64 hex digits)",
		     "a key that is not hex");
	refused_file("empty.key", "", 0, 0600,
		     "expected 64 hex digits and a newline, found no newline",
		     "an empty key file");
	refused_file("gw.key", good, 65, 0620,
		     "group or others may write it (mode 0620); chmod go-w it",
		     "a group-writable key file");
	refused_file("ow.key", good, 65, 0602,
		     "group or others may write it (mode 0602); chmod go-w it",
		     "a world-writable key file");
	owners(good);
	snprintf(path, sizeof(path), "%s/absent.key", dir);
	ok(fc_key_load_file(path, &key, &err) == -1 &&
	       strstr(err.text, "No such file or directory") &&
	       strstr(err.text, path),
	       "a missing key file names the file: %s", err.text);
	ok(fc_key_load_file(dir, &key, &err) == -1 &&
	       strstr(err.text, "not a regular file"),
	       "a directory is not a key file: %s", err.text);
}

static void hex(void)
{
	struct fc_key key, back;
	struct fc_error err;
	char text[FC_KEY_HEX_LEN + 1];

	ok(!fc_key_from_hex(SAMPLE_KEY_HEX, &key, &err), "hex key parses");
	fc_key_to_hex(&key, text);
	is_str(text, SAMPLE_KEY_HEX, "hex key writes back the same");
	ok(!fc_key_from_hex("00112233445566778899AABBCCDDEEFF0123456789ABCDEFFEDCBA9876543210",
				&back, &err) &&
	       !memcmp(key.bytes, back.bytes, FC_KEY_LEN),
	       "upper-case hex is the same key");
	ok(fc_key_from_hex(SAMPLE_KEY_HEX "00", &key, &err) == -1 &&
	       err.code == FC_ERR_KEY, "a longer hex string is refused: %s",
	       err.text);
}

static void derivation(void)
{
	struct fc_key master = sample_key(), a, a2, b, other = master, k;
	struct fc_key g1, g2;
	struct fc_report r;
	struct fc_error err;
	char body[FC_MESSAGE_MAX];

	ok(!fc_key_derive(&master, "fx9000-sn123", &a, &err) &&
	       !fc_key_derive(&master, "fx9000-sn123", &a2, &err) &&
	       !memcmp(a.bytes, a2.bytes, FC_KEY_LEN),
	       "derivation is deterministic");
	ok(!fc_key_derive(&master, "fx9000-sn124", &b, &err) &&
	       memcmp(a.bytes, b.bytes, FC_KEY_LEN),
	       "each terminal gets its own key");
	other.bytes[0] ^= 0x80;
	ok(!fc_key_derive(&other, "fx9000-sn123", &k, &err) &&
	       memcmp(a.bytes, k.bytes, FC_KEY_LEN),
	       "another master secret gives another key");
	ok(fc_key_derive(&master, "fx9000 sn123", &k, &err) == -1 &&
	       err.code == FC_ERR_VALUE,
	       "no key for an invalid terminal id: %s", err.text);

	/* The terminal signs with its key; the center derives it again. */
	sample_report(&r, FC_REPORT_STATUS);
	ok(!fc_report_encode_body(&r, &a, FC_NEWLINE_LF, body,
				      sizeof(body), NULL, &err) &&
	       !fc_report_parse_body(body, strlen(body), &r, &err) &&
	       !fc_key_derive(&master, r.terminal_id, &k, &err) &&
	       !fc_report_verify(&r, &k, &err),
	       "a report signed with a derived key verifies at the center %s",
	       err.text);
	ok(!fc_key_derive(&master, "fx9000-sn124", &k, &err) &&
	       fc_report_verify(&r, &k, &err) == -1,
	       "another terminal's derived key does not verify it");

	ok(!fc_key_generate(&g1, &err) && !fc_key_generate(&g2, &err) &&
	       memcmp(g1.bytes, g2.bytes, FC_KEY_LEN),
	       "generated keys differ");
	fc_key_wipe(&g1);
	memset(&g2, 0, sizeof(g2));
	ok(!memcmp(g1.bytes, g2.bytes, FC_KEY_LEN), "a wiped key is zero");
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: keys SCRATCH-DIR\n");
		return 2;
	}
	dir = argv[1];
	key_files();
	hex();
	derivation();
	return done_testing();
}
