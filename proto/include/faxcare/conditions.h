/* SPDX-License-Identifier: ISC */
/*
 * The status vocabulary, expanded from the one table in
 * <linux/faxeng_conditions.h> (build with -I$(top)/include/uapi): lookups by
 * IPP keyword and by name, severity and kind words, and the wording people
 * read ("Toner is low").
 */
#ifndef FAXCARE_CONDITIONS_H
#define FAXCARE_CONDITIONS_H

enum fc_condition {
	FC_COND_NONE = -1,	/* no condition, or a keyword this build lacks */
#define FAXENG_CONDITION(name, keyword, severity, alert, kind) FC_COND_##name,
#include <linux/faxeng_conditions.h>
	FC_COND_COUNT
};

/* IPP severity suffixes: "report", "warning", "error". */
enum fc_severity {
	FC_SEVERITY_NONE = 0,
	FC_SEVERITY_REPORT,
	FC_SEVERITY_WARNING,
	FC_SEVERITY_ERROR,
};

/* What resolves a condition: "supply", "fault", "service". */
enum fc_kind {
	FC_KIND_NONE = 0,
	FC_KIND_SUPPLY,		/* replenishment */
	FC_KIND_FAULT,		/* repair */
	FC_KIND_SERVICE,	/* maintenance visit */
};

struct fc_condition_info {
	enum fc_condition id;
	const char *name;	/* "TONER_LOW", as in the table */
	const char *keyword;	/* "toner-low", IPP printer-state-reasons */
	enum fc_severity severity;
	int alert_code;		/* RFC 3805 prtAlertCode */
	enum fc_kind kind;
	const char *text;	/* "Toner is low": a sentence without a period */
};

/* NULL when id is not a condition of the table. */
const struct fc_condition_info *fc_condition_info(enum fc_condition id);

/* FC_COND_NONE when no condition has that keyword / name (exact match). */
enum fc_condition fc_condition_by_keyword(const char *keyword);
enum fc_condition fc_condition_by_name(const char *name);

/* Words as the protocol writes them; NULL for _NONE or out of range. */
const char *fc_severity_str(enum fc_severity severity);
const char *fc_kind_str(enum fc_kind kind);

/* Parse a word back; 0 on success, -1 when it is not one. */
int fc_severity_parse(const char *word, enum fc_severity *severity);
int fc_kind_parse(const char *word, enum fc_kind *kind);

/* "replenished", "repaired", "serviced": how a condition of a kind ends. */
const char *fc_kind_resolution(enum fc_kind kind);

#endif /* FAXCARE_CONDITIONS_H */
