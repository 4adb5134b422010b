/* SPDX-License-Identifier: ISC */
/* The field table of a version 1 block and what is done field by field. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "fields.h"
#include "internal.h"
#include "syntax.h"
#include "timefmt.h"

#define T(type)		(1u << FC_REPORT_##type)
#define ALL		(T(REGISTRATION) | T(STATUS) | T(COMPLETION) | T(METER))
#define CONDITIONAL	(T(STATUS) | T(COMPLETION))
#define S(state)	(1u << FC_STATE_##state)
#define SUPPLY_STATES	(S(OK) | S(LOW) | S(EMPTY) | S(MISSING))
#define DRUM_STATES	(S(OK) | S(NEAR_END) | S(END))

#define AT(member)	.offset = offsetof(struct fc_report, member)
#define STRING(k, member, syn, req, allow)				\
	{ .key = k, .kind = FF_STRING, AT(member),			\
	  .size = sizeof(((struct fc_report *)0)->member),		\
	  .syntax = syn, .required = req, .allowed = allow }
#define NUMBER(k, knd, member, lo, hi, none, req, allow)		\
	{ .key = k, .kind = knd, AT(member), .min = lo, .max = hi,	\
	  .absent = none, .required = req, .allowed = allow }
#define STATE(k, member, set)						\
	{ .key = k, .kind = FF_STATE, AT(member), .states = set,	\
	  .allowed = ALL }
#define TRAY(n)								\
	{ .key = "Tray-" #n, .kind = FF_STATE,				\
	  .offset = offsetof(struct fc_report, trays) +			\
		    ((n) - 1) * sizeof(enum fc_state),			\
	  .states = SUPPLY_STATES, .allowed = ALL }

const struct fc_field fc_fields[] = {
	{ .key = "Version", .kind = FF_VERSION, AT(version),
	  .required = ALL, .allowed = ALL },
	{ .key = "Type", .kind = FF_TYPE, AT(type),
	  .required = ALL, .allowed = ALL },
	STRING("Report-Id", report_id, fc_syntax_report_id, ALL, ALL),
	{ .key = "Time", .kind = FF_TIME, AT(timestamp), .min = FC_TIME_MIN,
	  .max = FC_TIME_MAX, .absent = -1, .required = ALL, .allowed = ALL },
	STRING("Terminal-Id", terminal_id, fc_syntax_terminal_id, ALL, ALL),
	STRING("Model", model, fc_syntax_model, ALL, ALL),
	STRING("Serial", serial, fc_syntax_serial, ALL, ALL),
	STRING("Manager", manager, fc_syntax_address, ALL, ALL),
	STRING("Completes", completes, fc_syntax_report_id,
	       T(COMPLETION), T(COMPLETION)),
	STRING("Reminder-Of", reminder_of, fc_syntax_report_id, 0, T(STATUS)),
	STRING("Condition", keyword, fc_syntax_keyword,
	       CONDITIONAL, CONDITIONAL),
	{ .key = "Severity", .kind = FF_SEVERITY, AT(severity),
	  .required = CONDITIONAL, .allowed = CONDITIONAL },
	NUMBER("Alert-Code", FF_INT, alert_code, 1, 99999, -1,
	       CONDITIONAL, CONDITIONAL),
	{ .key = "Kind", .kind = FF_KIND, AT(kind),
	  .required = CONDITIONAL, .allowed = CONDITIONAL },
	NUMBER("Instance", FF_INT, instance, 1, FC_INSTANCE_MAX, 0,
	       0, CONDITIONAL),
	NUMBER("Toner-Level", FF_INT, toner_level, 0, 100, -1, 0, ALL),
	STATE("Toner-State", toner_state, SUPPLY_STATES),
	NUMBER("Drum-Life", FF_INT, drum_life, 0, 100, -1, 0, ALL),
	STATE("Drum-State", drum_state, DRUM_STATES),
	NUMBER("Page-Count", FF_LLONG, page_count, 0, FC_PAGE_COUNT_MAX, -1,
	       T(METER), ALL),
	TRAY(1), TRAY(2), TRAY(3), TRAY(4), TRAY(5), TRAY(6), TRAY(7), TRAY(8),
};

_Static_assert(FC_ARRAY_SIZE(fc_fields) == FC_NFIELDS, "FC_NFIELDS");
_Static_assert(FC_TRAYS_MAX == 8, "one TRAY(n) per tray above");

#define FIELD(type, f, r) ((type *)((char *)(r) + (f)->offset))
#define CFIELD(type, f, r) ((const type *)((const char *)(r) + (f)->offset))

const struct fc_field *fc_field_by_key(const char *key)
{
	for (int i = 0; i < FC_NFIELDS; i++)
		if (!strcasecmp(fc_fields[i].key, key))
			return &fc_fields[i];
	return NULL;
}

static long long number_of(const struct fc_field *f, const struct fc_report *r)
{
	if (f->kind == FF_TIME)
		return *CFIELD(int64_t, f, r);
	if (f->kind == FF_LLONG)
		return *CFIELD(long long, f, r);
	return *CFIELD(int, f, r);
}

bool fc_field_present(const struct fc_field *f, const struct fc_report *r)
{
	switch (f->kind) {
	case FF_VERSION:
		return *CFIELD(unsigned int, f, r) != 0;
	case FF_TYPE:
		return *CFIELD(enum fc_report_type, f, r) != FC_REPORT_NONE;
	case FF_STRING:
		return CFIELD(char, f, r)[0] != '\0';
	case FF_SEVERITY:
		return *CFIELD(enum fc_severity, f, r) != FC_SEVERITY_NONE;
	case FF_KIND:
		return *CFIELD(enum fc_kind, f, r) != FC_KIND_NONE;
	case FF_STATE:
		return *CFIELD(enum fc_state, f, r) != FC_STATE_NONE;
	case FF_TIME:
	case FF_INT:
	case FF_LLONG:
		return number_of(f, r) != f->absent;
	}
	return false;
}

/* The word a word-valued field holds; NULL when it holds none. */
static const char *word_of(const struct fc_field *f, const struct fc_report *r)
{
	switch (f->kind) {
	case FF_TYPE:
		return fc_report_type_str(*CFIELD(enum fc_report_type, f, r));
	case FF_SEVERITY:
		return fc_severity_str(*CFIELD(enum fc_severity, f, r));
	case FF_KIND:
		return fc_kind_str(*CFIELD(enum fc_kind, f, r));
	case FF_STATE:
		return fc_state_str(*CFIELD(enum fc_state, f, r));
	default:
		return NULL;
	}
}

static int put(int n, size_t len)
{
	return n >= 0 && (size_t)n < len ? 0 : -1;
}

static int put_word(const char *word, char *buf, size_t len)
{
	return word ? put(snprintf(buf, len, "%s", word), len) : -1;
}

int fc_field_format(const struct fc_field *f, const struct fc_report *r,
		    char *buf, size_t len)
{
	switch (f->kind) {
	case FF_VERSION:
		return put(snprintf(buf, len, "%u",
				    *CFIELD(unsigned int, f, r)), len);
	case FF_TYPE:
	case FF_SEVERITY:
	case FF_KIND:
	case FF_STATE:
		return put_word(word_of(f, r), buf, len);
	case FF_STRING:
		return put(snprintf(buf, len, "%.*s", (int)f->size - 1,
				    CFIELD(char, f, r)), len);
	case FF_TIME:
		return fc_time_format(*CFIELD(int64_t, f, r), buf, len);
	case FF_INT:
	case FF_LLONG:
		return put(snprintf(buf, len, "%lld", number_of(f, r)), len);
	}
	return -1;
}

/* "ok, low, empty, missing": the states a field accepts, for errors. */
static void state_list(unsigned int states, char *buf, size_t len)
{
	size_t pos = 0;

	buf[0] = '\0';
	for (int s = FC_STATE_OK; s <= FC_STATE_END; s++) {
		if (!(states & (1u << s)))
			continue;
		int n = snprintf(buf + pos, len - pos, "%s%s", pos ? ", " : "",
				 fc_state_str((enum fc_state)s));

		if (n < 0 || (size_t)n >= len - pos)
			return;
		pos += (size_t)n;
	}
}

/* Is the stored value valid? (Presence is checked by the caller.) */
static int check_value(const struct fc_field *f, const struct fc_report *r,
		       struct fc_error *err)
{
	char list[64];
	long long v;
	enum fc_state s;

	switch (f->kind) {
	case FF_VERSION:
		if (*CFIELD(unsigned int, f, r) != FC_PROTO_VERSION)
			return fc_error_set(err, FC_ERR_VERSION, 0,
				"Version %u is not supported (this build speaks %d)",
				*CFIELD(unsigned int, f, r), FC_PROTO_VERSION);
		return 0;
	case FF_TYPE:
	case FF_SEVERITY:
	case FF_KIND:
		if (!word_of(f, r))
			return fc_error_set(err, FC_ERR_VALUE, 0,
					    "%s: %d is not a valid value",
					    f->key, *CFIELD(int, f, r));
		return 0;
	case FF_STRING:
		if (strnlen(CFIELD(char, f, r), f->size) == f->size)
			return fc_error_set(err, FC_ERR_VALUE, 0,
				"%s: longer than %zu characters", f->key,
				f->size - 1);
		return f->syntax(f->key, CFIELD(char, f, r), err);
	case FF_STATE:
		s = *CFIELD(enum fc_state, f, r);
		if ((unsigned int)s > FC_STATE_END ||
		    !(f->states & (1u << s))) {
			state_list(f->states, list, sizeof(list));
			return fc_error_set(err, FC_ERR_VALUE, 0,
				"%s: '%s' is not one of %s", f->key,
				fc_state_str(s) ? fc_state_str(s) : "?", list);
		}
		return 0;
	case FF_TIME:
		v = number_of(f, r);
		if (v < f->min || v > f->max)
			return fc_error_set(err, FC_ERR_VALUE, 0,
				"Time: %lld is outside the years 2000..9999",
				v);
		return 0;
	case FF_INT:
	case FF_LLONG:
		v = number_of(f, r);
		if (v < f->min || v > f->max)
			return fc_error_set(err, FC_ERR_VALUE, 0,
				"%s: %lld is out of range %lld..%lld",
				f->key, v, f->min, f->max);
		return 0;
	}
	return fc_error_set(err, FC_ERR_VALUE, 0, "%s: unknown kind", f->key);
}

/* A decimal number of at most 12 digits, nothing else. */
static int parse_number(const struct fc_field *f, const char *value,
			long long *v, struct fc_error *err)
{
	size_t n = strlen(value);

	if (!n || strspn(value, "0123456789") != n)
		return fc_error_set(err, FC_ERR_VALUE, 0,
				    "%s: '%s' is not a decimal number",
				    f->key, value);
	if (n > 12)
		return fc_error_set(err, FC_ERR_VALUE, 0,
				    "%s: %s is out of range %lld..%lld",
				    f->key, value, f->min, f->max);
	*v = strtoll(value, NULL, 10);
	return 0;
}

static int bad_word(const struct fc_field *f, const char *value,
		    const char *choices, struct fc_error *err)
{
	return fc_error_set(err, FC_ERR_VALUE, 0, "%s: '%s' is not one of %s",
			    f->key, value, choices);
}

int fc_field_parse(const struct fc_field *f, struct fc_report *r,
		   const char *value, struct fc_error *err)
{
	char list[64];
	long long v;
	int64_t t;

	switch (f->kind) {
	case FF_VERSION:
		if (parse_number(f, value, &v, err))
			return -1;
		if (v != FC_PROTO_VERSION)
			return fc_error_set(err, FC_ERR_VERSION, 0,
				"Version %s is not supported (this build speaks %d)",
				value, FC_PROTO_VERSION);
		*FIELD(unsigned int, f, r) = (unsigned int)v;
		break;
	case FF_TYPE:
		if (fc_report_type_parse(value, FIELD(enum fc_report_type, f, r)))
			return bad_word(f, value,
				"registration, status, completion, meter", err);
		break;
	case FF_STRING:
		if (strlen(value) >= f->size)
			return fc_error_set(err, FC_ERR_VALUE, 0,
				"%s: longer than %zu characters", f->key,
				f->size - 1);
		memcpy(FIELD(char, f, r), value, strlen(value) + 1);
		break;
	case FF_TIME:
		if (fc_time_parse(value, &t))
			return fc_error_set(err, FC_ERR_VALUE, 0,
				"Time: '%s' is not a UTC time like 2024-05-01T12:00:00Z",
				value);
		*FIELD(int64_t, f, r) = t;
		break;
	case FF_SEVERITY:
		if (fc_severity_parse(value, FIELD(enum fc_severity, f, r)))
			return bad_word(f, value, "report, warning, error",
					err);
		break;
	case FF_KIND:
		if (fc_kind_parse(value, FIELD(enum fc_kind, f, r)))
			return bad_word(f, value, "supply, fault, service",
					err);
		break;
	case FF_STATE:
		if (fc_state_parse(value, FIELD(enum fc_state, f, r)) ||
		    !(f->states & (1u << *FIELD(enum fc_state, f, r)))) {
			state_list(f->states, list, sizeof(list));
			return bad_word(f, value, list, err);
		}
		break;
	case FF_INT:
		if (parse_number(f, value, &v, err))
			return -1;
		if (v > f->max)	/* before it could overflow an int */
			return fc_error_set(err, FC_ERR_VALUE, 0,
				"%s: %s is out of range %lld..%lld",
				f->key, value, f->min, f->max);
		*FIELD(int, f, r) = (int)v;
		break;
	case FF_LLONG:
		if (parse_number(f, value, &v, err))
			return -1;
		*FIELD(long long, f, r) = v;
		break;
	}
	return check_value(f, r, err);
}

static const char *type_name(enum fc_report_type type)
{
	const char *s = fc_report_type_str(type);

	return s ? s : "unknown";
}

static unsigned int line_of(const unsigned int *lines, const struct fc_field *f)
{
	return lines ? lines[f - fc_fields] : 0;
}

/* Condition, severity, alert code and kind agree with the table. */
static int check_condition(const struct fc_report *r,
			   const unsigned int *lines, struct fc_error *err)
{
	const struct fc_condition_info *info;
	enum fc_condition known = fc_condition_by_keyword(r->keyword);

	if (!r->keyword[0])
		return 0;
	if (r->condition != known)
		return fc_error_set(err, FC_ERR_VALUE,
			line_of(lines, fc_field_by_key("Condition")),
			"Condition: '%s' does not match condition number %d",
			r->keyword, (int)r->condition);
	info = fc_condition_info(known);
	if (!info)
		return 0;	/* a keyword of a newer table: taken as sent */
	if (r->severity != info->severity)
		return fc_error_set(err, FC_ERR_VALUE,
			line_of(lines, fc_field_by_key("Severity")),
			"Severity: %s does not match %s, which is %s",
			fc_severity_str(r->severity), info->keyword,
			fc_severity_str(info->severity));
	if (r->alert_code != info->alert_code)
		return fc_error_set(err, FC_ERR_VALUE,
			line_of(lines, fc_field_by_key("Alert-Code")),
			"Alert-Code: %d does not match %s, which is %d",
			r->alert_code, info->keyword, info->alert_code);
	if (r->kind != info->kind)
		return fc_error_set(err, FC_ERR_VALUE,
			line_of(lines, fc_field_by_key("Kind")),
			"Kind: %s does not match %s, which is %s",
			fc_kind_str(r->kind), info->keyword,
			fc_kind_str(info->kind));
	return 0;
}

/* Report ids that name other reports must not name this one. */
static int check_references(const struct fc_report *r,
			    const unsigned int *lines, struct fc_error *err)
{
	if (!strcmp(r->completes, r->report_id))
		return fc_error_set(err, FC_ERR_VALUE,
			line_of(lines, fc_field_by_key("Completes")),
			"Completes: a report cannot complete itself");
	if (!strcmp(r->reminder_of, r->report_id))
		return fc_error_set(err, FC_ERR_VALUE,
			line_of(lines, fc_field_by_key("Reminder-Of")),
			"Reminder-Of: a report cannot remind of itself");
	return 0;
}

int fc_report_check_fields(const struct fc_report *r,
			   const unsigned int *lines, struct fc_error *err)
{
	unsigned int bit = fc_report_type_str(r->type) ? 1u << r->type : 0;

	for (int i = 0; i < FC_NFIELDS; i++) {
		const struct fc_field *f = &fc_fields[i];

		if (!fc_field_present(f, r)) {
			if (f->required == ALL)
				return fc_error_set(err, FC_ERR_MISSING, 0,
					"%s is missing (every report has it)",
					f->key);
			if (f->required & bit)
				return fc_error_set(err, FC_ERR_MISSING, 0,
					"%s is missing (a %s report requires it)",
					f->key, type_name(r->type));
			continue;
		}
		if (check_value(f, r, err))
			return fc_error_at_line(err, line_of(lines, f));
		if (!(f->allowed & bit))
			return fc_error_set(err, FC_ERR_VALUE,
				line_of(lines, f),
				"%s does not belong in a %s report", f->key,
				type_name(r->type));
	}
	if (check_condition(r, lines, err) ||
	    check_references(r, lines, err))
		return -1;
	return 0;
}
