/* SPDX-License-Identifier: ISC */
/*
 * Signing: HMAC-SHA256 with the terminal's key over the canonical form of a
 * report (docs/protocol.md, "Canonical form"): "faxcare-report-1\n" and then
 * every present field but Signature, in the specification's order, as
 * "Key:value\n" with values written the one way the encoder writes them.
 */
#ifndef FAXCARE_SIGNATURE_H
#define FAXCARE_SIGNATURE_H

#include <stddef.h>
#include "faxcare/error.h"
#include "faxcare/key.h"
#include "faxcare/report.h"

/* The canonical form into buf (NUL-terminated); *outlen its length. */
int fc_report_canonical(const struct fc_report *r, char *buf, size_t len,
			size_t *outlen, struct fc_error *err);

/* Validate r, then set r->signature and r->has_signature. */
int fc_report_sign(struct fc_report *r, const struct fc_key *key,
		   struct fc_error *err);

/* 0 when r carries a signature that key made over r's fields; the
 * comparison takes constant time. FC_ERR_SIGNATURE otherwise. */
int fc_report_verify(const struct fc_report *r, const struct fc_key *key,
		     struct fc_error *err);

#endif /* FAXCARE_SIGNATURE_H */
