/* scrypt password hashes; see password.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "password.h"

#define LOG2N		15
#define R		8
#define P		1
#define SALT_LEN	16
#define KEY_LEN		32
#define MAXMEM		(64UL * 1024 * 1024)

static int
derive(const char *pw, const unsigned char *salt, size_t saltlen,
    unsigned int log2n, unsigned int r, unsigned int p, unsigned char *key)
{
	if (log2n < 10 || log2n > 20 || r < 1 || r > 32 || p < 1 || p > 4)
		return -1;
	return EVP_PBE_scrypt(pw, strlen(pw), salt, saltlen,
	    (uint64_t)1 << log2n, r, p, MAXMEM, key, KEY_LEN) == 1 ? 0 : -1;
}

static void
hex(const unsigned char *b, size_t n, char *out)
{
	size_t	i;

	for (i = 0; i < n; i++)
		snprintf(out + 2 * i, 3, "%02x", b[i]);
}

static int
unhex(const char *s, size_t n, unsigned char *out)
{
	size_t		i;
	unsigned int	v;

	if (strlen(s) != 2 * n)
		return -1;
	for (i = 0; i < n; i++) {
		if (sscanf(s + 2 * i, "%2x", &v) != 1)
			return -1;
		out[i] = (unsigned char)v;
	}
	return 0;
}

int
password_hash(const char *pw, char *out, size_t outlen)
{
	unsigned char	salt[SALT_LEN], key[KEY_LEN];
	char		salthex[2 * SALT_LEN + 1], keyhex[2 * KEY_LEN + 1];
	int		n;

	if (getrandom(salt, sizeof(salt), 0) != (ssize_t)sizeof(salt) ||
	    derive(pw, salt, sizeof(salt), LOG2N, R, P, key))
		return -1;
	hex(salt, sizeof(salt), salthex);
	hex(key, sizeof(key), keyhex);
	n = snprintf(out, outlen, "scrypt$%d$%d$%d$%s$%s", LOG2N, R, P,
	    salthex, keyhex);
	OPENSSL_cleanse(key, sizeof(key));
	return n > 0 && (size_t)n < outlen ? 0 : -1;
}

int
password_verify(const char *pw, const char *stored)
{
	unsigned char	salt[SALT_LEN], want[KEY_LEN], got[KEY_LEN];
	char		salthex[2 * SALT_LEN + 1], keyhex[2 * KEY_LEN + 1];
	unsigned int	log2n, r, p;
	int		ok;

	if (stored == NULL || sscanf(stored, "scrypt$%u$%u$%u$%32[0-9a-f]$"
	    "%64[0-9a-f]", &log2n, &r, &p, salthex, keyhex) != 5 ||
	    unhex(salthex, SALT_LEN, salt) || unhex(keyhex, KEY_LEN, want)) {
		/* Same work as a real check. */
		memset(salt, 0, sizeof(salt));
		(void)derive(pw, salt, sizeof(salt), LOG2N, R, P, got);
		return 0;
	}
	if (derive(pw, salt, sizeof(salt), log2n, r, p, got))
		return 0;
	ok = CRYPTO_memcmp(want, got, KEY_LEN) == 0;
	OPENSSL_cleanse(got, sizeof(got));
	return ok;
}
