/* SPDX-License-Identifier: ISC */
/* Key files, per-terminal key derivation and new random keys. */
#include <errno.h>
#include <fcntl.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "faxcare/key.h"
#include "faxcare/report.h"
#include "internal.h"

#define DERIVE_LABEL "faxcare-terminal-key-1:"

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decode exactly FC_KEY_HEX_LEN hex digits from s (n bytes long). */
static int decode(const char *what, const char *s, size_t n,
		  struct fc_key *key, struct fc_error *err)
{
	for (size_t i = 0; i < n; i++)
		if (hexval((unsigned char)s[i]) < 0)
			return fc_error_set(err, FC_ERR_KEY, 0,
				"%s: character %zu (0x%02x) is not a hex digit (a key is %d hex digits)",
				what, i + 1, (unsigned char)s[i],
				FC_KEY_HEX_LEN);
	if (n != FC_KEY_HEX_LEN)
		return fc_error_set(err, FC_ERR_KEY, 0,
			"%s: %zu characters, a key is exactly %d hex digits",
			what, n, FC_KEY_HEX_LEN);
	for (size_t i = 0; i < FC_KEY_LEN; i++)
		key->bytes[i] = (unsigned char)(hexval(s[2 * i]) << 4 |
						hexval(s[2 * i + 1]));
	return 0;
}

int fc_key_from_hex(const char *hex, struct fc_key *key, struct fc_error *err)
{
	return decode("key", hex, strnlen(hex, FC_KEY_HEX_LEN + 1), key, err);
}

void fc_key_to_hex(const struct fc_key *key, char *hex)
{
	for (size_t i = 0; i < FC_KEY_LEN; i++)
		(void)snprintf(hex + 2 * i, 3, "%02x", key->bytes[i]);
}

/* Read at most len bytes of an open file; -1 on a read error. */
static ssize_t read_all(int fd, char *buf, size_t len)
{
	size_t got = 0;

	while (got < len) {
		ssize_t n = read(fd, buf + got, len - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		got += (size_t)n;
	}
	return (ssize_t)got;
}

static int check_file(const char *path, int fd, uid_t user,
		      struct fc_error *err)
{
	struct stat st;

	if (fc_secret_check(path, fd, user, &st, err))
		return -1;
	if (st.st_mode & S_IROTH)
		return fc_error_set(err, FC_ERR_KEY, 0,
			"%s: others may read or write it (mode %04o); chmod o-rw it",
			path, (unsigned int)(st.st_mode & 07777));
	return 0;
}

int fc_key_load_file(const char *path, struct fc_key *key,
		     struct fc_error *err)
{
	return fc_key_load_file_for(path, FC_ANY_OWNER, key, err);
}

int fc_key_load_fd(const char *path, int fd, uid_t user, struct fc_key *key,
		   struct fc_error *err)
{
	char buf[256];
	const char *nl;
	ssize_t n;
	int rc = -1;

	if (check_file(path, fd, user, err))
		goto out;
	/* From the start: the same open file is read again on a reload. */
	if (lseek(fd, 0, SEEK_SET) == (off_t)-1) {
		fc_error_set(err, FC_ERR_SYSTEM, 0, "%s: %s", path,
			     strerror(errno));
		goto out;
	}
	n = read_all(fd, buf, sizeof(buf));
	if (n < 0) {
		fc_error_set(err, FC_ERR_SYSTEM, 0, "%s: %s", path,
			     strerror(errno));
		goto out;
	}
	nl = memchr(buf, '\n', (size_t)n);
	if (!nl) {
		fc_error_set(err, FC_ERR_KEY, 0,
			"%s: expected %d hex digits and a newline, found no newline",
			path, FC_KEY_HEX_LEN);
		goto out;
	}
	if (nl != buf + n - 1) {
		fc_error_set(err, FC_ERR_KEY, 0,
			"%s: more than one line (a key file holds one key)",
			path);
		goto out;
	}
	rc = decode(path, buf, (size_t)(nl - buf), key, err);
out:
	OPENSSL_cleanse(buf, sizeof(buf));
	return rc;
}

int fc_key_load_file_for(const char *path, uid_t user, struct fc_key *key,
			 struct fc_error *err)
{
	int fd, rc;

	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return fc_error_set(err, errno == ENOENT ? FC_ERR_KEY :
				    FC_ERR_SYSTEM, 0, "%s: %s", path,
				    strerror(errno));
	rc = fc_key_load_fd(path, fd, user, key, err);
	if (close(fd) && rc == 0)
		rc = fc_error_set(err, FC_ERR_SYSTEM, 0, "%s: close: %s",
				  path, strerror(errno));
	return rc;
}

int fc_key_derive(const struct fc_key *master, const char *terminal_id,
		  struct fc_key *key, struct fc_error *err)
{
	char msg[sizeof(DERIVE_LABEL) + FC_TERMINAL_ID_MAX];
	unsigned int outlen = 0;
	int n;

	if (fc_check_terminal_id(terminal_id, err))
		return -1;
	n = snprintf(msg, sizeof(msg), "%s%s", DERIVE_LABEL, terminal_id);
	if (n < 0 || (size_t)n >= sizeof(msg))
		return fc_error_set(err, FC_ERR_VALUE, 0,
				    "terminal id too long");
	if (!HMAC(EVP_sha256(), master->bytes, FC_KEY_LEN,
		  (const unsigned char *)msg, (size_t)n, key->bytes,
		  &outlen) || outlen != FC_KEY_LEN)
		return fc_error_set(err, FC_ERR_SYSTEM, 0,
				    "HMAC-SHA256 failed in OpenSSL");
	return 0;
}

int fc_key_generate(struct fc_key *key, struct fc_error *err)
{
	return fc_random_bytes(key->bytes, FC_KEY_LEN, err);
}

void fc_key_wipe(struct fc_key *key)
{
	OPENSSL_cleanse(key, sizeof(*key));
}
