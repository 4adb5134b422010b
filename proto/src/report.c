/* SPDX-License-Identifier: ISC */
/* A report in memory: initialisation, conditions, ids, validity, time. */
#include <stdio.h>
#include <string.h>
#include "faxcare/report.h"
#include "fields.h"
#include "internal.h"
#include "timefmt.h"

void fc_report_init(struct fc_report *r, enum fc_report_type type)
{
	memset(r, 0, sizeof(*r));
	r->version = FC_PROTO_VERSION;
	r->type = type;
	r->timestamp = -1;
	r->condition = FC_COND_NONE;
	r->alert_code = -1;
	r->toner_level = -1;
	r->drum_life = -1;
	r->page_count = -1;
}

int fc_report_set_condition(struct fc_report *r, enum fc_condition cond,
			    int instance, struct fc_error *err)
{
	const struct fc_condition_info *info = fc_condition_info(cond);

	if (!info)
		return fc_error_set(err, FC_ERR_VALUE, 0,
				    "condition %d is not in the table",
				    (int)cond);
	if (instance < 0 || instance > FC_INSTANCE_MAX)
		return fc_error_set(err, FC_ERR_VALUE, 0,
				    "Instance: %d is out of range 1..%d",
				    instance, FC_INSTANCE_MAX);
	r->condition = cond;
	(void)snprintf(r->keyword, sizeof(r->keyword), "%s", info->keyword);
	r->severity = info->severity;
	r->alert_code = info->alert_code;
	r->kind = info->kind;
	r->instance = instance;
	return 0;
}

int fc_report_id_new(char id[FC_REPORT_ID_LEN + 1], struct fc_error *err)
{
	unsigned char bytes[FC_REPORT_ID_LEN / 2];

	if (fc_random_bytes(bytes, sizeof(bytes), err))
		return -1;
	for (size_t i = 0; i < sizeof(bytes); i++)
		(void)snprintf(id + 2 * i, 3, "%02x", bytes[i]);
	return 0;
}

int fc_report_validate(const struct fc_report *r, struct fc_error *err)
{
	return fc_report_check_fields(r, NULL, err);
}

int fc_report_check_time(const struct fc_report *r, time_t now, long max_age,
			 long max_ahead, struct fc_error *err)
{
	char when[FC_RFC3339_LEN + 1];
	int64_t t = r->timestamp, n = (int64_t)now;

	if (fc_time_format(t, when, sizeof(when)))
		return fc_error_set(err, FC_ERR_TIME, 0, "Time is missing");
	if (t < n - max_age)
		return fc_error_set(err, FC_ERR_TIME, 0,
			"Time: %s is %lld s old, more than the %ld s accepted",
			when, (long long)(n - t), max_age);
	if (t > n + max_ahead)
		return fc_error_set(err, FC_ERR_TIME, 0,
			"Time: %s is %lld s ahead of this clock, more than the %ld s accepted",
			when, (long long)(t - n), max_ahead);
	return 0;
}

static const char *const type_words[] = {
	[FC_REPORT_REGISTRATION] = "registration",
	[FC_REPORT_STATUS] = "status",
	[FC_REPORT_COMPLETION] = "completion",
	[FC_REPORT_METER] = "meter",
};

static const char *const state_words[] = {
	[FC_STATE_OK] = "ok",
	[FC_STATE_LOW] = "low",
	[FC_STATE_EMPTY] = "empty",
	[FC_STATE_MISSING] = "missing",
	[FC_STATE_NEAR_END] = "near-end",
	[FC_STATE_END] = "end",
};

FC_WORD_FUNCTIONS(enum fc_report_type, fc_report_type_str, fc_report_type_parse,
		  type_words)
FC_WORD_FUNCTIONS(enum fc_state, fc_state_str, fc_state_parse, state_words)
