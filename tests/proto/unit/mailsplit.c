/* SPDX-License-Identifier: ISC */
/* Test-only message splitting and transfer decoding for the fixtures. */
#include <openssl/evp.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>
#include "mailsplit.h"

const char *mail_body(const char *msg, size_t len, size_t *body_len)
{
	for (size_t i = 0; i < len; i++) {
		size_t skip = 0;

		if (msg[i] != '\n')
			continue;
		if (i + 1 < len && msg[i + 1] == '\n')
			skip = 2;
		else if (i + 2 < len && msg[i + 1] == '\r' &&
			 msg[i + 2] == '\n')
			skip = 3;
		if (skip) {
			*body_len = len - i - skip;
			return msg + i + skip;
		}
	}
	return NULL;
}

int mail_header(const char *msg, const char *name, char *out, size_t len)
{
	size_t nl = strlen(name), o = 0;
	const char *p = msg;

	while (*p && *p != '\n' && *p != '\r') {
		bool match = !strncasecmp(p, name, nl) && p[nl] == ':';
		const char *q = p + nl + 1;

		if (!match) {	/* skip this header and its continuations */
			do {
				p = strchr(p, '\n');
				if (!p)
					return -1;
				p++;
			} while (*p == ' ' || *p == '\t');
			continue;
		}
		for (;;) {
			if (*q == '\r' || *q == '\n') {
				q += *q == '\r' ? 2 : 1;
				if (*q != ' ' && *q != '\t')
					break;
			}
			if (!*q)
				break;
			if (o + 1 < len && !(o == 0 && (*q == ' ' || *q == '\t')))
				out[o++] = *q == '\t' ? ' ' : *q;
			q++;
		}
		while (o && out[o - 1] == ' ')
			o--;
		out[o] = '\0';
		return 0;
	}
	return -1;
}

static int hex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int mail_decode_qp(const char *in, size_t len, char *out, size_t outlen,
		   size_t *n)
{
	size_t o = 0;

	for (size_t i = 0; i < len; i++) {
		if (o + 1 >= outlen)
			return -1;
		if (in[i] != '=') {
			out[o++] = in[i];
			continue;
		}
		if (i + 1 < len && in[i + 1] == '\n') {		/* soft break */
			i += 1;
		} else if (i + 2 < len && in[i + 1] == '\r' &&
			   in[i + 2] == '\n') {
			i += 2;
		} else if (i + 2 < len && hex(in[i + 1]) >= 0 &&
			   hex(in[i + 2]) >= 0) {
			out[o++] = (char)(hex(in[i + 1]) << 4 | hex(in[i + 2]));
			i += 2;
		} else {
			return -1;
		}
	}
	out[o] = '\0';
	*n = o;
	return 0;
}

int mail_decode_base64(const char *in, size_t len, char *out, size_t outlen,
		       size_t *n)
{
	unsigned char clean[16384];
	size_t c = 0;
	int got;

	for (size_t i = 0; i < len; i++) {
		if (in[i] == '\r' || in[i] == '\n' || in[i] == ' ')
			continue;
		if (c + 1 >= sizeof(clean))
			return -1;
		clean[c++] = (unsigned char)in[i];
	}
	if (c % 4 || 3 * c / 4 + 1 > outlen)
		return -1;
	got = EVP_DecodeBlock((unsigned char *)out, clean, (int)c);
	if (got < 0)
		return -1;
	/* EVP_DecodeBlock counts the padding as data. */
	while (c && clean[c - 1] == '=') {
		c--;
		got--;
	}
	out[got] = '\0';
	*n = (size_t)got;
	return 0;
}
