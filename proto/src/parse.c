/* SPDX-License-Identifier: ISC */
/*
 * Reading a report from a mail body whose transfer encoding is decoded.
 * Whatever MTAs and mail programs do around the block is tolerated: CR
 * before LF, white space at either end of a line, blank lines, text before
 * and after. Inside the block every byte must be printable 7-bit ASCII and
 * every line "Key: value".
 */
#include <openssl/evp.h>
#include <string.h>
#include <strings.h>
#include "faxcare/message.h"
#include "fields.h"
#include "internal.h"

#define BLOCK_LINES_MAX	64
#define VALUE_MAX	128
#define SIGNATURE_PREFIX "hmac-sha256:"
#define SIGNATURE_B64_LEN 44	/* 32 bytes, one '=' of padding */

struct line {
	const char *s;
	size_t n;
	unsigned int no;	/* 1-based line number in the body */
};

struct block {
	struct line lines[BLOCK_LINES_MAX];
	int count;
};

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static void trim(struct line *l)
{
	while (l->n && is_blank(l->s[0])) {
		l->s++;
		l->n--;
	}
	while (l->n && is_blank(l->s[l->n - 1]))
		l->n--;
}

static bool line_is(const struct line *l, const char *marker)
{
	return l->n == strlen(marker) && !memcmp(l->s, marker, l->n);
}

static int check_ascii(const struct line *l, struct fc_error *err)
{
	for (size_t i = 0; i < l->n; i++) {
		unsigned char c = (unsigned char)l->s[i];

		if ((c < 0x20 && c != '\t') || c > 0x7e)
			return fc_error_set(err, FC_ERR_NOT_ASCII, l->no,
				"byte 0x%02x in column %zu is not printable 7-bit ASCII",
				c, i + 1);
	}
	return 0;
}

/* Find the one block and collect its non-blank lines. */
static int find_block(const char *text, size_t len, struct block *b,
		      struct fc_error *err)
{
	enum { BEFORE, INSIDE, AFTER } where = BEFORE;
	unsigned int no = 0, begin = 0;
	const char *p = text, *end = text + len;

	b->count = 0;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		struct line l = { p, nl ? (size_t)(nl - p) : (size_t)(end - p),
				  ++no };

		p = nl ? nl + 1 : end;
		trim(&l);
		if (line_is(&l, FC_BLOCK_BEGIN)) {
			if (where != BEFORE)
				return fc_error_set(err, FC_ERR_SYNTAX, no,
					"a second report block (the first began on line %u); a message carries one report",
					begin);
			where = INSIDE;
			begin = no;
			continue;
		}
		if (where != INSIDE)
			continue;
		if (line_is(&l, FC_BLOCK_END)) {
			where = AFTER;
			continue;
		}
		if (!l.n)
			continue;
		if (check_ascii(&l, err))
			return -1;
		if (b->count == BLOCK_LINES_MAX)
			return fc_error_set(err, FC_ERR_SYNTAX, no,
				"more than %d lines in the report block",
				BLOCK_LINES_MAX);
		b->lines[b->count++] = l;
	}
	if (where == BEFORE)
		return fc_error_set(err, FC_ERR_SYNTAX, 0,
			"no %s line: this is not a faxcare report",
			FC_BLOCK_BEGIN);
	if (where == INSIDE)
		return fc_error_set(err, FC_ERR_SYNTAX, begin,
			"the block that begins here has no %s line (truncated?)",
			FC_BLOCK_END);
	return 0;
}

/* Split "Key: value" into NUL-terminated key and value. */
static int split(const struct line *l, char *key, size_t keylen, char *value,
		 struct fc_error *err)
{
	const char *colon = memchr(l->s, ':', l->n);
	size_t kn = colon ? (size_t)(colon - l->s) : 0;
	struct line v;

	while (kn && is_blank(l->s[kn - 1]))	/* "Key : value" */
		kn--;

	if (!kn || kn >= keylen ||
	    strspn(l->s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
		   "0123456789-") != kn)
		return fc_error_set(err, FC_ERR_SYNTAX, l->no,
				    "expected 'Key: value', got '%.*s'",
				    (int)(l->n > 40 ? 40 : l->n), l->s);
	memcpy(key, l->s, kn);
	key[kn] = '\0';
	v.s = colon + 1;
	v.n = l->n - (size_t)(colon + 1 - l->s);
	trim(&v);
	if (!v.n)
		return fc_error_set(err, FC_ERR_VALUE, l->no, "%s: empty value",
				    key);
	if (v.n >= VALUE_MAX)
		return fc_error_set(err, FC_ERR_VALUE, l->no,
				    "%s: a value of %zu characters is too long",
				    key, v.n);
	memcpy(value, v.s, v.n);
	value[v.n] = '\0';
	return 0;
}

static int parse_signature(const char *value, struct fc_report *r,
			   unsigned int no, struct fc_error *err)
{
	static const char b64chars[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const char *b64 = value + strlen(SIGNATURE_PREFIX);
	unsigned char raw[3 * SIGNATURE_B64_LEN / 4];
	size_t n;

	if (strncmp(value, SIGNATURE_PREFIX, strlen(SIGNATURE_PREFIX)))
		return fc_error_set(err, FC_ERR_VALUE, no,
			"Signature: '%.20s' is not %s<base64>", value,
			SIGNATURE_PREFIX);
	n = strlen(b64);
	if (n != SIGNATURE_B64_LEN)
		return fc_error_set(err, FC_ERR_VALUE, no,
			"Signature: %zu base64 characters, an HMAC-SHA256 has %d (truncated?)",
			n, SIGNATURE_B64_LEN);
	if (strspn(b64, b64chars) != n - 1 || b64[n - 1] != '=' ||
	    EVP_DecodeBlock(raw, (const unsigned char *)b64, (int)n) !=
	    (int)sizeof(raw))
		return fc_error_set(err, FC_ERR_VALUE, no,
				    "Signature: not valid base64");
	memcpy(r->signature, raw, FC_SIGNATURE_LEN);
	r->has_signature = true;
	return 0;
}

/* Version first: a newer version may have fields this build lacks. */
static int check_version(const struct block *b, struct fc_report *r,
			 struct fc_error *err)
{
	char key[32], value[VALUE_MAX];

	for (int i = 0; i < b->count; i++) {
		if (split(&b->lines[i], key, sizeof(key), value, err))
			return -1;
		if (strcasecmp(key, "Version"))
			continue;
		if (fc_field_parse(fc_field_by_key(key), r, value, err))
			return fc_error_at_line(err, b->lines[i].no);
		return 0;
	}
	return fc_error_set(err, FC_ERR_MISSING, 0,
			    "Version is missing (every report has it)");
}

int fc_report_parse_body(const char *text, size_t len, struct fc_report *r,
			 struct fc_error *err)
{
	unsigned int lines[FC_NFIELDS] = { 0 }, signature_line = 0;
	char key[32], value[VALUE_MAX];
	struct block b;

	fc_report_init(r, FC_REPORT_NONE);
	r->version = 0;
	if (find_block(text, len, &b, err) || check_version(&b, r, err))
		return -1;
	for (int i = 0; i < b.count; i++) {
		const struct line *l = &b.lines[i];
		const struct fc_field *f;

		if (split(l, key, sizeof(key), value, err))
			return -1;
		if (!strcasecmp(key, "Signature")) {
			if (signature_line)
				return fc_error_set(err, FC_ERR_DUPLICATE,
					l->no,
					"Signature appears twice (first on line %u)",
					signature_line);
			signature_line = l->no;
			if (parse_signature(value, r, l->no, err))
				return -1;
			continue;
		}
		f = fc_field_by_key(key);
		if (!f)
			return fc_error_set(err, FC_ERR_UNKNOWN_FIELD, l->no,
				"unknown field '%s' (version %d does not define it)",
				key, FC_PROTO_VERSION);
		if (lines[f - fc_fields])
			return fc_error_set(err, FC_ERR_DUPLICATE, l->no,
				"%s appears twice (first on line %u)", f->key,
				lines[f - fc_fields]);
		lines[f - fc_fields] = l->no;
		if (fc_field_parse(f, r, value, err))
			return fc_error_at_line(err, l->no);
	}
	if (!signature_line)
		return fc_error_set(err, FC_ERR_MISSING, 0,
			"Signature is missing (every report is signed)");
	r->condition = fc_condition_by_keyword(r->keyword);
	return fc_report_check_fields(r, lines, err);
}
