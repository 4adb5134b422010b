/* SPDX-License-Identifier: ISC */
/*
 * A faxcare report in memory: what a terminal tells its service center.
 * docs/protocol.md is the specification; this struct holds one report of
 * protocol version 1 with fixed-size fields (no heap).
 *
 * Absent optional values: empty strings, -1 for numbers, FC_STATE_NONE for
 * states. fc_report_init() sets every field absent.
 */
#ifndef FAXCARE_REPORT_H
#define FAXCARE_REPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>
#include "faxcare/conditions.h"
#include "faxcare/error.h"

#define FC_PROTO_VERSION	1

/* Limits keep every line of a message under 78 characters. */
#define FC_REPORT_ID_LEN	32	/* 128 random bits as lowercase hex */
#define FC_TERMINAL_ID_MAX	32	/* [A-Za-z0-9._-], starts/ends alnum */
#define FC_MODEL_MAX		63	/* printable ASCII, spaces inside */
#define FC_SERIAL_MAX		63	/* printable ASCII, no spaces */
#define FC_ADDRESS_MAX		64	/* addr-spec: dot-atom@domain */
#define FC_KEYWORD_MAX		40	/* IPP keyword: [a-z0-9-] */
#define FC_TRAYS_MAX		8	/* trays numbered 1..FC_TRAYS_MAX */
#define FC_INSTANCE_MAX		FC_TRAYS_MAX
#define FC_PAGE_COUNT_MAX	999999999999LL
#define FC_SIGNATURE_LEN	32	/* HMAC-SHA256 */

/* Replay window defaults for fc_report_check_time(): a report may wait in
 * the terminal's spool and in MTA queues (Postfix gives up after 5 days). */
#define FC_MAX_AGE_DEFAULT	(10L * 24 * 3600)
#define FC_MAX_AHEAD_DEFAULT	(1L * 3600)

enum fc_report_type {
	FC_REPORT_NONE = 0,
	FC_REPORT_REGISTRATION,	/* identity and manager; first start, changes */
	FC_REPORT_STATUS,	/* a new condition, or a reminder of one */
	FC_REPORT_COMPLETION,	/* a condition cleared; names its status report */
	FC_REPORT_METER,	/* periodic page counter and levels */
};

/* Toner and trays: ok/low/empty/missing. Drum: ok/near-end/end. */
enum fc_state {
	FC_STATE_NONE = 0,
	FC_STATE_OK,
	FC_STATE_LOW,
	FC_STATE_EMPTY,
	FC_STATE_MISSING,
	FC_STATE_NEAR_END,
	FC_STATE_END,
};

struct fc_report {
	unsigned int version;			/* FC_PROTO_VERSION */
	enum fc_report_type type;
	char report_id[FC_REPORT_ID_LEN + 1];
	char completes[FC_REPORT_ID_LEN + 1];	/* completion: its status */
	char reminder_of[FC_REPORT_ID_LEN + 1];	/* status: first report */
	char terminal_id[FC_TERMINAL_ID_MAX + 1];
	char model[FC_MODEL_MAX + 1];
	char serial[FC_SERIAL_MAX + 1];
	char manager[FC_ADDRESS_MAX + 1];	/* the manager's e-mail */
	int64_t timestamp;			/* seconds since the epoch, UTC */

	/* status and completion: the condition, as the table has it */
	enum fc_condition condition;	/* FC_COND_NONE if keyword unknown */
	char keyword[FC_KEYWORD_MAX + 1];
	enum fc_severity severity;
	int alert_code;			/* -1 absent */
	enum fc_kind kind;
	int instance;			/* tray number 1.., 0 absent */

	/* levels, each optional */
	int toner_level;		/* percent, -1 absent */
	enum fc_state toner_state;
	int drum_life;			/* percent, -1 absent */
	enum fc_state drum_state;
	long long page_count;		/* -1 absent */
	enum fc_state trays[FC_TRAYS_MAX];	/* [n - 1] is tray n */

	bool has_signature;
	unsigned char signature[FC_SIGNATURE_LEN];
};

/* Every field absent, version 1, the given type. */
void fc_report_init(struct fc_report *r, enum fc_report_type type);

/* Fill condition, keyword, severity, alert code and kind from the table;
 * instance is the tray number for tray conditions, else 0. */
int fc_report_set_condition(struct fc_report *r, enum fc_condition cond,
			    int instance, struct fc_error *err);

/* A fresh report id: 128 bits from getrandom(), lowercase hex. */
int fc_report_id_new(char id[FC_REPORT_ID_LEN + 1], struct fc_error *err);

/* Is every field valid, and are the fields its type requires present?
 * The encoder and the parser both call it. */
int fc_report_validate(const struct fc_report *r, struct fc_error *err);

/* Replay window: 0 when now - max_age <= timestamp <= now + max_ahead. */
int fc_report_check_time(const struct fc_report *r, time_t now, long max_age,
			 long max_ahead, struct fc_error *err);

/* Words as the protocol writes them; NULL for _NONE or out of range. */
const char *fc_report_type_str(enum fc_report_type type);
int fc_report_type_parse(const char *word, enum fc_report_type *type);
const char *fc_state_str(enum fc_state state);
int fc_state_parse(const char *word, enum fc_state *state);

/* Syntax checks the protocol applies, for callers that take these values
 * from elsewhere (configuration, web forms): 0 valid, -1 with err. */
int fc_check_address(const char *addr, struct fc_error *err);
int fc_check_terminal_id(const char *id, struct fc_error *err);
int fc_check_report_id(const char *id, struct fc_error *err);

#endif /* FAXCARE_REPORT_H */
