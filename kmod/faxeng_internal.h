/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * faxeng core internals shared by its parts: state, sysfs, netlink.
 */
#ifndef _FAXENG_INTERNAL_H
#define _FAXENG_INTERNAL_H

#include <linux/mutex.h>
#include <linux/netlink.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>
#include "faxeng.h"
#include "faxeng_compat.h"

#define FAXENG_TONER_UNKNOWN	(-1)

/* How many conditions there are: bits of the u64 condition bitmaps. */
#define FAXENG_COND_COUNT	(FAXENG_COND_MAX + 1)

/* Knobs writable through sysfs and FAXENG_CMD_SET, with their ranges. */
enum faxeng_knob {
	FAXENG_KNOB_TONER_LOW_THRESHOLD,
	FAXENG_KNOB_TONER_HYSTERESIS,
	FAXENG_KNOB_DRUM_NEAR_END_THRESHOLD,
	FAXENG_KNOB_DRUM_HYSTERESIS,
	FAXENG_KNOB_DRUM_RATED_PAGES,
	FAXENG_KNOB_MAINTENANCE_INTERVAL,

	FAXENG_KNOB_COUNT
};

#define FAXENG_THRESHOLD_MIN	1
#define FAXENG_THRESHOLD_MAX	99
#define FAXENG_HYSTERESIS_MAX	50
/* A threshold plus its hysteresis stays below this, so a full supply clears. */
#define FAXENG_THRESHOLD_HYST_LIMIT	100

/* Every condition's reason at once takes 243 characters. */
#define FAXENG_LIST_LEN		256
/* A state key with a number or a state word: "FAXENG_DRUM_PAGES=<u64>". */
#define FAXENG_KEY_LEN		40

/* The state keys of a uevent, FAXENG_NAME to FAXENG_REASONS, one slot each. */
struct faxeng_state_keys {
	char name[FAXENG_KEY_LEN];
	char model[sizeof("FAXENG_MODEL=") + FAXENG_ID_LEN];
	char serial[sizeof("FAXENG_SERIAL=") + FAXENG_ID_LEN];
	char toner_level[FAXENG_KEY_LEN];
	char toner_state[FAXENG_KEY_LEN];
	char trays[FAXENG_KEY_LEN];
	char tray_state[FAXENG_MAX_TRAYS][FAXENG_KEY_LEN];
	char drum_life[FAXENG_KEY_LEN];
	char drum_state[FAXENG_KEY_LEN];
	char drum_pages[FAXENG_KEY_LEN];
	char faults[sizeof("FAXENG_FAULTS=") + FAXENG_LIST_LEN];
	char maintenance_due[FAXENG_KEY_LEN];
	char page_count[FAXENG_KEY_LEN];
	char reasons[sizeof("FAXENG_REASONS=") + FAXENG_LIST_LEN];
};

#define FAXENG_UEVENT_STATE_KEYS	(15 + FAXENG_MAX_TRAYS)
#define FAXENG_UEVENT_KEYS		(FAXENG_UEVENT_STATE_KEYS + 9)
/* A transition's own keys, FAXENG_CHANGED to FAXENG_TRAY. */
#define FAXENG_UEVENT_BUF		384

/* Everything one engine reports, consistent as of one instant. */
struct faxeng_state {
	int toner_level;		/* percent or FAXENG_TONER_UNKNOWN */
	u8 toner_state;			/* enum faxeng_supply_state */
	u8 trays;
	u8 tray_state[FAXENG_MAX_TRAYS];
	u8 drum_state;			/* enum faxeng_drum_state */
	u32 drum_life;
	u32 faults;			/* BIT(enum faxeng_fault) */
	bool maintenance_due;
	u64 page_count;
	u64 drum_pages;
	u64 maintenance_pages;
	u32 knob[FAXENG_KNOB_COUNT];
	/*
	 * In fe->st: the number of the last event of the newest event-work
	 * snapshot (sent, or being sent). In report_st: the event's own.
	 */
	u64 seqnum;
	u64 conditions;			/* BIT_ULL(enum faxeng_condition) */
	u64 tray_conditions[FAXENG_MAX_TRAYS]; /* PAPER_* bits per tray */
};

/* One condition raised or cleared. */
struct faxeng_transition {
	enum faxeng_condition cond;
	bool active;
	unsigned int tray;		/* 1.. for PAPER_*, else 0 */
	u64 seqnum;
};

/*
 * A change uevent's own keys: the whole state, then the transition's. The
 * state keys are kept from one work run to the next; a run formats again
 * only those whose value changed. The others are formatted for each event.
 */
struct faxeng_uevent_env {
	char *envp[FAXENG_UEVENT_KEYS + 1];
	int nstate;			/* envp[0..nstate) are the state's */
	/* keys show this state; false: none yet, or a run lost them */
	bool valid;
	struct faxeng_state shown;
	int len;			/* buf[0..len) is in use */
	struct faxeng_state_keys keys;
	char buf[FAXENG_UEVENT_BUF];
};

struct faxeng {
	struct device dev;
	u32 id;
	char model[FAXENG_ID_LEN + 1];
	char serial[FAXENG_ID_LEN + 1];

	/*
	 * Protects the inputs, st, dead, reported* and last_run;
	 * taken from sensor interrupt handlers, so a spinlock, always taken
	 * with interrupts off.
	 */
	spinlock_t lock;
	bool toner_sw[3];		/* enum faxeng_toner_switch */
	struct faxeng_state st;
	/* Not added yet, or unregistering: queue no event work. */
	bool dead;
	/* Conditions as of the last event-work snapshot. */
	u64 reported;
	u64 reported_tray[FAXENG_MAX_TRAYS];

	/* Coalesces bursts of input changes into events. */
	struct delayed_work work;
	unsigned long last_run;		/* jiffies of the last work run */
	/*
	 * The work's snapshot, which its events report, and the state keys
	 * of its uevents; only the work (never concurrent with itself)
	 * touches them.
	 */
	struct faxeng_state report_st;
	struct faxeng_uevent_env uenv;

	/*
	 * Events numbered but lost: a change uevent that could not be sent,
	 * a netlink event that could not be built or that a listener which
	 * asked for NETLINK_BROADCAST_ERROR had no room for. Work only.
	 */
	unsigned long uevents_dropped;
	unsigned long netlink_dropped;
	bool added;			/* by faxeng_add(), process context */
};

static inline struct faxeng *to_faxeng(struct device *dev)
{
	return container_of(dev, struct faxeng, dev);
}

/* faxeng_core.c */
void faxeng_snapshot(struct faxeng *fe, struct faxeng_state *st);
int faxeng_set_knobs(struct faxeng *fe, unsigned long mask, const u32 *value);
int faxeng_set_knob(struct faxeng *fe, enum faxeng_knob knob, u32 value);
int faxeng_do_action(struct faxeng *fe, enum faxeng_action action);
int faxeng_knob_check(enum faxeng_knob knob, u32 value);
struct faxeng *faxeng_find_get(u32 id);
struct faxeng *faxeng_next_get(u32 *id);

/* faxeng_vocab.c: the condition table and state words */
struct faxeng_condition_info {
	const char *name;
	const char *keyword;
	enum faxeng_severity severity;
	u32 alert_code;
	enum faxeng_kind kind;
};

extern const struct faxeng_condition_info faxeng_conditions[FAXENG_COND_COUNT];
extern const char *const faxeng_drum_names[3];
extern const char *const faxeng_fault_names[FAXENG_FAULT_COUNT];
extern const char *const faxeng_severity_names[3];
extern const char *const faxeng_kind_names[3];
extern const enum faxeng_condition faxeng_fault_conditions[FAXENG_FAULT_COUNT];
/* Room for a u64 in decimal: 20 digits and the NUL. */
#define FAXENG_U64_LEN	21
bool faxeng_append(char *buf, size_t size, size_t *len, const char *str);
const char *faxeng_u64_str(char buf[FAXENG_U64_LEN], u64 value);
void faxeng_condition_file(char *buf, size_t size,
			   const struct faxeng_transition *tr);
int faxeng_format_faults(char *buf, size_t size, u32 faults);
int faxeng_format_reasons(char *buf, size_t size, u64 conditions);

/* faxeng_sysfs.c */
extern const struct attribute_group *faxeng_groups[];
int faxeng_dev_uevent(faxeng_uevent_dev *dev, struct kobj_uevent_env *env);
int faxeng_uevent_state(struct faxeng *fe, const struct faxeng_state *st);
int faxeng_emit_uevent(struct faxeng *fe, const struct faxeng_transition *tr);

/* faxeng_netlink.c */
int faxeng_netlink_init(void);
void faxeng_netlink_exit(void);
int faxeng_netlink_event(struct faxeng *fe, const struct faxeng_state *st,
			 const struct faxeng_transition *tr);

#endif /* _FAXENG_INTERNAL_H */
