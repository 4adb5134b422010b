/* SPDX-License-Identifier: ISC */
/* scrypt password hashes; see password.h. */
#include <errno.h>
#include <limits.h>
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
		(void)snprintf(out + 2 * i, 3, "%02x", b[i]);
}

/* Exactly n bytes as 2n hex digits, nothing else. */
static int
unhex(const char *s, size_t n, unsigned char *out)
{
	size_t	len;

	if (strlen(s) != 2 * n ||
	    OPENSSL_hexstr2buf_ex(out, n, &len, s, '\0') != 1 || len != n)
		return -1;
	return 0;
}

/* One decimal parameter of a stored hash, digits only, then '$'. */
static int
param(const char **s, unsigned int *out)
{
	char		*end;
	unsigned long	 v;

	if (**s < '0' || **s > '9')
		return -1;
	errno = 0;
	v = strtoul(*s, &end, 10);
	if (errno != 0 || v > UINT_MAX || *end != '$')
		return -1;
	*out = (unsigned int)v;
	*s = end + 1;
	return 0;
}

/* "scrypt$LOG2N$R$P$SALT$KEY", as password_hash() writes it. */
static int
parse(const char *stored, unsigned int *log2n, unsigned int *r,
    unsigned int *p, unsigned char *salt, unsigned char *key)
{
	char	salthex[2 * SALT_LEN + 1];
	size_t	prefix = strlen("scrypt$");

	if (stored == NULL || strncmp(stored, "scrypt$", prefix) != 0)
		return -1;
	stored += prefix;
	if (param(&stored, log2n) || param(&stored, r) || param(&stored, p) ||
	    strlen(stored) != 2 * SALT_LEN + 1 + 2 * KEY_LEN ||
	    stored[2 * SALT_LEN] != '$')
		return -1;
	memcpy(salthex, stored, 2 * SALT_LEN);
	salthex[2 * SALT_LEN] = '\0';
	return unhex(salthex, SALT_LEN, salt) ||
	    unhex(stored + 2 * SALT_LEN + 1, KEY_LEN, key) ? -1 : 0;
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
	unsigned int	log2n, r, p;
	int		ok;

	if (parse(stored, &log2n, &r, &p, salt, want)) {
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
