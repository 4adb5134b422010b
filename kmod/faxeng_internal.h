/* SPDX-License-Identifier: GPL-2.0 */
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

#define FAXENG_TONER_UNKNOWN	(-1)

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

struct faxeng {
	struct device dev;
	u32 id;
	char model[FAXENG_ID_LEN + 1];
	char serial[FAXENG_ID_LEN + 1];

	/*
	 * Protects the inputs, st, dead, reported*, last_run and inputs;
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
	 * The work's snapshot, which its own uevents report; only the work
	 * (never concurrent with itself) touches it, and the uevent callback
	 * reads it when running on report_task, the work's own thread.
	 */
	struct faxeng_state report_st;
	struct task_struct *report_task;

	/* Counters for debugfs and the benchmark. */
	u64 inputs;			/* under lock */
	u64 work_runs;			/* written by the work only */
	u64 work_ns;			/* time spent in the work */
	u64 nl_events;			/* netlink events built, work only */
	struct dentry *debugfs;
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
void faxeng_condition_file(char *buf, size_t size,
			   const struct faxeng_transition *tr);
int faxeng_format_faults(char *buf, size_t size, u32 faults);
int faxeng_format_reasons(char *buf, size_t size, u64 conditions);

/* faxeng_sysfs.c */
extern const struct attribute_group *faxeng_groups[];
int faxeng_dev_uevent(struct device *dev, struct kobj_uevent_env *env);
void faxeng_emit_uevent(struct faxeng *fe, const struct faxeng_transition *tr);

/* faxeng_debugfs.c */
void faxeng_debugfs_init(void);
void faxeng_debugfs_exit(void);
void faxeng_debugfs_add(struct faxeng *fe);
void faxeng_debugfs_remove(struct faxeng *fe);

/* faxeng_netlink.c */
int faxeng_netlink_init(void);
void faxeng_netlink_exit(void);
void faxeng_netlink_event(struct faxeng *fe, const struct faxeng_state *st,
			  const struct faxeng_transition *tr);

#endif /* _FAXENG_INTERNAL_H */
