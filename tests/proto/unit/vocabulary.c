/* SPDX-License-Identifier: ISC */
/*
 * The status vocabulary as the library expands it: every condition of
 * <linux/faxeng_conditions.h> found by keyword and by name, with the table's
 * severity, alert code and kind, and wording for people.
 */
#include <ctype.h>
#include <string.h>
#include <linux/faxeng.h>
#include "faxcare/conditions.h"
#include "faxcare/kernel.h"
#include "faxcare/report.h"
#include "tap.h"

static void lower(const char *s, char *out, size_t len)
{
	size_t i;

	for (i = 0; s[i] && i + 1 < len; i++)
		out[i] = (char)tolower((unsigned char)s[i]);
	out[i] = '\0';
}

static void check(enum fc_condition id, const char *name, const char *kw,
		  const char *sev, int alert, const char *kind)
{
	const struct fc_condition_info *info = fc_condition_info(id);
	char want_sev[16], want_kind[16];
	size_t n;

	lower(sev, want_sev, sizeof(want_sev));
	lower(kind, want_kind, sizeof(want_kind));
	is_int(fc_condition_by_keyword(kw), id, "%s found by keyword %s",
		   name, kw);
	is_int(fc_condition_by_name(name), id, "%s found by name", name);
	ok(info != NULL, "%s has an info entry", name);
	if (!info)
		return;
	is_str(info->keyword, kw, "%s keyword", name);
	is_str(info->name, name, "%s name", name);
	is_str(fc_severity_str(info->severity), want_sev, "%s severity",
		   name);
	is_int(info->alert_code, alert, "%s prtAlertCode", name);
	is_str(fc_kind_str(info->kind), want_kind, "%s kind", name);
	n = info->text ? strlen(info->text) : 0;
	ok(n > 3 && isupper((unsigned char)info->text[0]) &&
	       info->text[n - 1] != '.',
	       "%s has wording for people: '%s'", name,
	       info->text ? info->text : "");
	ok(fc_kind_resolution(info->kind) != NULL,
	       "%s has a resolution word: %s", name,
	       fc_kind_resolution(info->kind));
}

static void words(void)
{
	static const char *const sev[] = { "report", "warning", "error" };
	static const char *const kind[] = { "supply", "fault", "service" };
	static const char *const state[] = {
		"ok", "low", "empty", "missing", "near-end", "end"
	};
	static const char *const type[] = {
		"registration", "status", "completion", "meter"
	};
	enum fc_severity s;
	enum fc_kind k;
	enum fc_state st;
	enum fc_report_type t;

	for (int i = 0; i < 3; i++) {
		ok(!fc_severity_parse(sev[i], &s) &&
		       !strcmp(fc_severity_str(s), sev[i]),
		       "severity '%s' round-trips", sev[i]);
		ok(!fc_kind_parse(kind[i], &k) &&
		       !strcmp(fc_kind_str(k), kind[i]),
		       "kind '%s' round-trips", kind[i]);
	}
	for (int i = 0; i < 6; i++)
		ok(!fc_state_parse(state[i], &st) &&
		       !strcmp(fc_state_str(st), state[i]),
		       "state '%s' round-trips", state[i]);
	for (int i = 0; i < 4; i++)
		ok(!fc_report_type_parse(type[i], &t) &&
		       !strcmp(fc_report_type_str(t), type[i]),
		       "report type '%s' round-trips", type[i]);
	ok(fc_severity_parse("Warning", &s) == -1,
	       "severity words are case-sensitive");
	ok(fc_kind_parse("", &k) == -1, "empty kind is rejected");
	ok(fc_state_parse(NULL, &st) == -1, "NULL state is rejected");
	ok(fc_severity_str(FC_SEVERITY_NONE) == NULL &&
	       fc_kind_str((enum fc_kind)42) == NULL,
	       "no word for none or out of range");
}

/* The kernel's states and faults (<linux/faxeng.h>) in the protocol's terms. */
static void kernel_words(void)
{
	is_str(fc_state_str(fc_state_of_supply(FAXENG_SUPPLY_OK)), "ok",
	       "kernel supply ok: ok");
	is_str(fc_state_str(fc_state_of_supply(FAXENG_SUPPLY_MISSING)),
	       "missing", "kernel supply missing: missing");
	is_int(fc_state_of_supply(FAXENG_SUPPLY_MISSING + 1), FC_STATE_NONE,
	       "no state for an unknown supply state");
	is_str(fc_state_str(fc_state_of_drum(FAXENG_DRUM_NEAR_END)), "near-end",
	       "kernel drum near end: near-end");
	is_int(fc_state_of_drum(-1), FC_STATE_NONE,
	       "no state for an unknown drum state");
	is_str(fc_fault_str(FAXENG_FAULT_FUSER_ERROR), "fuser-error",
	       "the kernel's word for a fuser error");
	ok(fc_fault_str(FAXENG_FAULT_MAX + 1) == NULL, "no word for no fault");
}

int main(void)
{
	int n = 0;

#define FAXENG_CONDITION(name, kw, sev, alert, kind)			\
	check(FC_COND_##name, #name, kw, #sev, alert, #kind); n++;
#include <linux/faxeng_conditions.h>
	is_int(n, FC_COND_COUNT, "every condition of the table checked");
	is_int(fc_condition_by_keyword("toner-sparkly"), FC_COND_NONE,
		   "an unknown keyword is no condition");
	is_int(fc_condition_by_keyword("TONER-LOW"), FC_COND_NONE,
		   "keywords are matched exactly");
	is_int(fc_condition_by_keyword(NULL), FC_COND_NONE,
		   "NULL keyword is no condition");
	is_int(fc_condition_by_name("toner_low"), FC_COND_NONE,
		   "names are matched exactly");
	ok(fc_condition_info(FC_COND_NONE) == NULL &&
	       fc_condition_info(FC_COND_COUNT) == NULL,
	       "no info outside the table");
	words();
	kernel_words();
	return done_testing();
}
