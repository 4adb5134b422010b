/* SPDX-License-Identifier: ISC */
/* HMAC-SHA256 over the canonical form of a report. */
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <string.h>
#include "faxcare/signature.h"
#include "fields.h"
#include "out.h"

#define CANONICAL_HEAD "faxcare-report-1\n"
/* Every field at its longest, with its key: well under this. */
#define CANONICAL_MAX 2048

int fc_report_canonical(const struct fc_report *r, char *buf, size_t len,
			size_t *outlen, struct fc_error *err)
{
	struct fc_out o;
	char value[128];

	fc_out_init(&o, buf, len, false);
	fc_out_printf(&o, "%s", CANONICAL_HEAD);
	for (int i = 0; i < FC_NFIELDS; i++) {
		const struct fc_field *f = &fc_fields[i];

		if (!fc_field_present(f, r))
			continue;
		if (fc_field_format(f, r, value, sizeof(value)))
			return fc_error_set(err, FC_ERR_VALUE, 0,
					    "%s: cannot be written", f->key);
		fc_out_printf(&o, "%s:%s\n", f->key, value);
	}
	return fc_out_finish(&o, outlen, err);
}

static int mac(const struct fc_report *r, const struct fc_key *key,
	       unsigned char out[FC_SIGNATURE_LEN], struct fc_error *err)
{
	char canon[CANONICAL_MAX];
	size_t n;
	unsigned int outlen = 0;

	if (fc_report_canonical(r, canon, sizeof(canon), &n, err))
		return -1;
	if (!HMAC(EVP_sha256(), key->bytes, FC_KEY_LEN,
		  (const unsigned char *)canon, n, out, &outlen) ||
	    outlen != FC_SIGNATURE_LEN)
		return fc_error_set(err, FC_ERR_SYSTEM, 0,
				    "HMAC-SHA256 failed in OpenSSL");
	OPENSSL_cleanse(canon, sizeof(canon));
	return 0;
}

int fc_report_sign(struct fc_report *r, const struct fc_key *key,
		   struct fc_error *err)
{
	if (fc_report_validate(r, err) || mac(r, key, r->signature, err))
		return -1;
	r->has_signature = true;
	return 0;
}

int fc_report_verify(const struct fc_report *r, const struct fc_key *key,
		     struct fc_error *err)
{
	unsigned char want[FC_SIGNATURE_LEN];

	if (!r->has_signature)
		return fc_error_set(err, FC_ERR_SIGNATURE, 0,
				    "Signature is missing");
	if (mac(r, key, want, err))
		return -1;
	if (CRYPTO_memcmp(want, r->signature, sizeof(want)))
		return fc_error_set(err, FC_ERR_SIGNATURE, 0,
			"Signature does not match: the report was altered or not signed with terminal %s's key",
			r->terminal_id);
	return 0;
}
