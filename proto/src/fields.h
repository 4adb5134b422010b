/* SPDX-License-Identifier: ISC */
/*
 * The fields of a version 1 report block, in the specification's order: one
 * table drives the encoder, the parser, the canonical form and validation,
 * so a field is added in one place. Signature is not in it: it is computed
 * over the fields of this table.
 */
#ifndef FAXCARE_FIELDS_H
#define FAXCARE_FIELDS_H

#include <stdbool.h>
#include <stddef.h>
#include "faxcare/report.h"

enum fc_field_kind {
	FF_VERSION,	/* unsigned int */
	FF_TYPE,	/* enum fc_report_type */
	FF_STRING,	/* char[size], syntax() checks it */
	FF_TIME,	/* int64_t, RFC 3339 */
	FF_SEVERITY,	/* enum fc_severity */
	FF_KIND,	/* enum fc_kind */
	FF_INT,		/* int in min..max, `absent` when absent */
	FF_LLONG,	/* long long in min..max, `absent` when absent */
	FF_STATE,	/* enum fc_state, one of the `states` bits */
};

struct fc_field {
	const char *key;
	enum fc_field_kind kind;
	size_t offset;
	size_t size;
	int (*syntax)(const char *what, const char *s, struct fc_error *err);
	long long min, max, absent;
	unsigned int states;	/* 1 << enum fc_state */
	unsigned int required;	/* 1 << enum fc_report_type */
	unsigned int allowed;
};

#define FC_NFIELDS (20 + FC_TRAYS_MAX)

extern const struct fc_field fc_fields[FC_NFIELDS];

/* Case-insensitive lookup of a block key; NULL when not a field. */
const struct fc_field *fc_field_by_key(const char *key);

bool fc_field_present(const struct fc_field *f, const struct fc_report *r);
/* The value as the encoder writes it; -1 if it cannot be written. */
int fc_field_format(const struct fc_field *f, const struct fc_report *r,
		    char *buf, size_t len);
/* Store a value from the block and check it (error without a line). */
int fc_field_parse(const struct fc_field *f, struct fc_report *r,
		   const char *value, struct fc_error *err);

/*
 * Every present value valid, every field the type requires present, none
 * the type does not allow, and the condition's severity, alert code and
 * kind as the table has them. lines[i] (lines may be NULL) is where field i
 * was read, for the error.
 */
int fc_report_check_fields(const struct fc_report *r,
			   const unsigned int *lines, struct fc_error *err);

#endif /* FAXCARE_FIELDS_H */
