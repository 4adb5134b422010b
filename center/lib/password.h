/* SPDX-License-Identifier: ISC */
/*
 * Staff passwords, stored as scrypt (OpenSSL's EVP_PBE_scrypt, N=2^15,
 * r=8, p=1: 32 MiB and tens of milliseconds per guess) with a random salt:
 *   scrypt$LOG2N$R$P$SALT_HEX$KEY_HEX
 */
#ifndef FAXCENTER_PASSWORD_H
#define FAXCENTER_PASSWORD_H

#include <stddef.h>

#define PASSWORD_HASH_MAX	160

/* Hash pw into out (PASSWORD_HASH_MAX bytes). 0 or -1. */
int	password_hash(const char *pw, char *out, size_t outlen);

/*
 * 1 when pw matches stored, else 0 (also for a malformed stored value).
 * stored NULL still costs one hash, so an unknown user takes as long.
 */
int	password_verify(const char *pw, const char *stored);

#endif
