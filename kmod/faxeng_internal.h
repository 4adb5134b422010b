/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * faxeng core internals shared by its parts: state, sysfs, netlink.
 */
#ifndef _FAXENG_INTERNAL_H
#define _FAXENG_INTERNAL_H

#include <linux/mutex.h>
#include <linux/netlink.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/workqueue.h>
#include "faxeng.h"
#include "faxeng_compat.h"

/* A level no sensor gives: sysfs and uevents say "unknown", netlink omits it. */
#define FAXENG_LEVEL_UNKNOWN	U32_MAX

/* How many conditions there are: bits of the u64 condition bitmaps. */
#define FAXENG_COND_COUNT	(FAXENG_COND_MAX + 1)

/* The values of faxeng_props.h's FAXENG_PROP lines, in its order. */
enum faxeng_prop {
#define FAXENG_PROP(name, NAME, nl, show, uevent) FAXENG_PROP_##NAME,
#include <linux/faxeng_props.h>

	FAXENG_PROP_COUNT
};

/* The settings of its FAXENG_KNOB lines, in its order. */
enum faxeng_knob {
#define FAXENG_KNOB(name, NAME, min, max, def) FAXENG_KNOB_##NAME,
#include <linux/faxeng_props.h>

	FAXENG_KNOB_COUNT
};

/* The values of its FAXENG_SUPPLY_PROP lines, and the settings of its knobs. */
enum faxeng_supply_prop {
#define FAXENG_SUPPLY_PROP(name, NAME, nl, show, applies, uevent)	\
	FAXENG_SUPPLY_PROP_##NAME,
#include <linux/faxeng_props.h>

	FAXENG_SUPPLY_PROP_COUNT
};

enum faxeng_supply_knob {
#define FAXENG_SUPPLY_KNOB(name, NAME, min, max, def, applies)	\
	FAXENG_SUPPLY_KNOB_##NAME,
#include <linux/faxeng_props.h>

	FAXENG_SUPPLY_KNOB_COUNT
};

/* How a property is shown: faxeng_props.h's show column. */
enum faxeng_show {
	FAXENG_SHOW_NUM,
	FAXENG_SHOW_LEVEL,
	FAXENG_SHOW_FLAG,
	FAXENG_SHOW_SUPPLY,
	FAXENG_SHOW_DRUM,
	FAXENG_SHOW_FAULTS,
	FAXENG_SHOW_TYPE,
	FAXENG_SHOW_COLOUR,
	FAXENG_SHOW_CLASS,
	FAXENG_SHOW_MARKER,
};

/* Which supplies a supply property or knob applies to: its applies column. */
enum faxeng_applies {
	FAXENG_APPLIES_ALL,
	FAXENG_APPLIES_LIFE,
	FAXENG_APPLIES_CONSUMED,
	FAXENG_APPLIES_FILLED,
};

/* One property: where its value sits in struct faxeng_state, its names. */
struct faxeng_prop_info {
	const char *key;		/* "FAXENG_DRUM_PAGES=" */
	u16 offset;			/* in struct faxeng_state (faxeng_supply) */
	u8 nla_type;			/* NLA_U8, NLA_U32 or NLA_U64: its size */
	u16 attr;			/* FAXENG_A_DRUM_PAGES */
	u8 show;			/* enum faxeng_show */
	bool uevent;
	u8 applies;			/* a supply's: enum faxeng_applies */
};

/* A threshold plus its hysteresis stays below this, so a full supply clears. */
#define FAXENG_THRESHOLD_HYST_LIMIT	100

/* Every condition's reason at once takes 472 characters. */
#define FAXENG_LIST_LEN		512
/* Every fault at once, "jam,door-open,fuser-error", takes 25. */
#define FAXENG_FAULTS_LEN	64
/* A state key with a number or a state word: "FAXENG_DRUM_PAGES=<u64>". */
#define FAXENG_KEY_LEN		40
/* Room for a u64 in decimal: 20 digits and the NUL. */
#define FAXENG_U64_LEN	21

/*
 * The state keys of a uevent, FAXENG_NAME to FAXENG_REASONS. An enumerated
 * property's key is one of the constant strings of faxeng_vocab.c, a
 * number's is formatted into its slot of @num.
 */
struct faxeng_state_keys {
	char name[FAXENG_KEY_LEN];
	char model[sizeof("FAXENG_MODEL=") + FAXENG_ID_LEN];
	char serial[sizeof("FAXENG_SERIAL=") + FAXENG_ID_LEN];
	char trays[FAXENG_KEY_LEN];
	const char *tray_state[FAXENG_MAX_TRAYS];
	const char *prop[FAXENG_PROP_COUNT];	/* NULL: not in uevents */
	char num[FAXENG_PROP_COUNT][FAXENG_KEY_LEN];
	char reasons[sizeof("FAXENG_REASONS=") + FAXENG_LIST_LEN];
};

/* Name, model, serial, trays, the trays' states, properties, reasons. */
#define FAXENG_UEVENT_STATE_KEYS	\
	(5 + FAXENG_MAX_TRAYS + FAXENG_PROP_COUNT)
/* A transition's own keys, FAXENG_CHANGED to FAXENG_TRAY or the supply's. */
#define FAXENG_UEVENT_KEYS		\
	(FAXENG_UEVENT_STATE_KEYS + 9 + FAXENG_SUPPLY_PROP_COUNT)

/* One supply; the fields of faxeng_props.h's supply lines are so named. */
struct faxeng_supply {
	u32 type;			/* enum faxeng_supply_type, fixed */
	u32 colour;			/* enum faxeng_colour, fixed */
	u32 class;			/* enum faxeng_supply_class, fixed */
	u32 level;			/* percent or FAXENG_LEVEL_UNKNOWN */
	u32 state;			/* enum faxeng_marker_state */
	u64 pages;			/* a unit with a life: pages on it */
	u64 conditions;			/* BIT_ULL(enum faxeng_condition) */
	u32 knob[FAXENG_SUPPLY_KNOB_COUNT];
	u8 sw;				/* BIT(enum faxeng_toner_switch) */
	bool has_sw;			/* switch lines: ok rather than unknown */
	bool life;			/* its level is its remaining life */
};

/* Everything one engine reports, consistent as of one instant. */
struct faxeng_state {
	/* The fields of faxeng_props.h's properties are named as they are. */
	u32 toner_level;		/* percent or FAXENG_LEVEL_UNKNOWN */
	u32 toner_state;		/* enum faxeng_supply_state */
	u8 trays;
	u8 tray_state[FAXENG_MAX_TRAYS];
	u32 drum_state;			/* enum faxeng_drum_state */
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
	u8 supplies;			/* fixed at registration */
	/* The toner and drum the toner_* and drum_* values show, or -1. */
	s8 toner_supply;
	s8 drum_supply;
	struct faxeng_supply supply[FAXENG_MAX_SUPPLIES];
};

/* One condition raised or cleared. */
struct faxeng_transition {
	enum faxeng_condition cond;
	bool active;
	unsigned int tray;		/* 1.. for PAPER_*, else 0 */
	unsigned int supply;		/* 1.. for a supply's, else 0 */
	bool shown;			/* that supply's is toner_/drum_state */
	u64 seqnum;
};

/*
 * A change uevent's own keys: the whole state, then the transition's. The
 * state keys are kept from one work run to the next; a run formats again
 * only the numbers that changed. Of the transition's keys only
 * FAXENG_SEQNUM is formatted, the others are constant strings.
 */
struct faxeng_uevent_env {
	char *envp[FAXENG_UEVENT_KEYS + 1];
	int nstate;			/* envp[0..nstate) are the state's */
	/* keys show this state; false: none yet, or a run lost them */
	bool valid;
	struct faxeng_state shown;
	struct faxeng_state_keys keys;
	char seqnum[sizeof("FAXENG_SEQNUM=") + FAXENG_U64_LEN];
	/* A supply's numbers: FAXENG_SUPPLY_LEVEL=, FAXENG_SUPPLY_PAGES=<u64> */
	char supply_num[FAXENG_SUPPLY_PROP_COUNT]
		       [sizeof("FAXENG_SUPPLY_PAGES=") + FAXENG_U64_LEN];
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
	struct faxeng_state st;
	/* Not added yet, or unregistering: queue no event work. */
	bool dead;
	/* Conditions as of the last event-work snapshot. */
	u64 reported;
	u64 reported_tray[FAXENG_MAX_TRAYS];
	u64 reported_supply[FAXENG_MAX_SUPPLIES];

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
	/* sysfs: its groups, one supplyS directory per supply among them */
	const struct attribute_group **groups;
	struct faxeng_supply_files *supply_files;
};

static inline struct faxeng *to_faxeng(struct device *dev)
{
	return container_of(dev, struct faxeng, dev);
}

/* faxeng_core.c */
void faxeng_snapshot(struct faxeng *fe, struct faxeng_state *st);
u64 faxeng_conditions_now(struct faxeng *fe);
int faxeng_set_knobs(struct faxeng *fe, unsigned long mask, const u32 *value);
int faxeng_set_knob(struct faxeng *fe, enum faxeng_knob knob, u32 value);
int faxeng_do_action(struct faxeng *fe, enum faxeng_action action);
int faxeng_knob_check(enum faxeng_knob knob, u32 value);
void faxeng_snapshot_supply(struct faxeng *fe, unsigned int supply,
			    struct faxeng_supply *sup);
int faxeng_set_supply_knobs(struct faxeng *fe, unsigned int supply,
			    unsigned long mask, const u32 *value);
int faxeng_supply_knob_check(enum faxeng_supply_knob knob, u32 value);
int faxeng_supply_reset(struct faxeng *fe, unsigned int supply);
bool faxeng_supply_applies(const struct faxeng_supply *sup, u8 applies);
struct faxeng *faxeng_find_get(u32 id);
struct faxeng *faxeng_next_get(u32 *id);

/* faxeng_vocab.c: the condition table, state words and uevent keys */
struct faxeng_condition_info {
	const char *name;
	enum faxeng_severity severity;
	u32 alert_code;
	enum faxeng_kind kind;
	/* Its change uevents' keys that do not vary, FAXENG_CONDITION=... */
	const char *key_condition;
	const char *key_reason;
	const char *key_severity;
	const char *key_alert_code;
	const char *key_kind;
};

/* Per supply: FAXENG_SUPPLY=s, FAXENG_CHANGED=supplys/state. */
struct faxeng_supply_keys {
	const char *supply;
	const char *changed;
};

/* Per tray: FAXENG_TRAY=t, FAXENG_CHANGED=trayt_state, its state keys. */
struct faxeng_tray_keys {
	const char *tray;
	const char *changed;
	const char *state[FAXENG_SUPPLY_MISSING + 1];
};

#define FAXENG_CHANGED_PREFIX	"FAXENG_CHANGED="
#define FAXENG_REASON_PREFIX	"FAXENG_REASON="
/* Every set of faults: the values of a fault bitmap. */
#define FAXENG_FAULT_SETS	BIT(FAXENG_FAULT_COUNT)

extern const struct faxeng_condition_info faxeng_conditions[FAXENG_COND_COUNT];
extern const char *const faxeng_fault_names[FAXENG_FAULT_COUNT];
extern const char *const faxeng_severity_names[3];
extern const char *const faxeng_kind_names[3];
extern const enum faxeng_condition faxeng_fault_conditions[FAXENG_FAULT_COUNT];
extern const struct faxeng_prop_info faxeng_props[FAXENG_PROP_COUNT];
extern const struct faxeng_tray_keys faxeng_tray_keys[FAXENG_MAX_TRAYS];
extern const struct faxeng_prop_info
faxeng_supply_props[FAXENG_SUPPLY_PROP_COUNT];
extern const struct faxeng_supply_keys faxeng_supply_keys[FAXENG_MAX_SUPPLIES];
extern const char *const faxeng_supply_knob_names[FAXENG_SUPPLY_KNOB_COUNT];
extern const u8 faxeng_supply_knob_applies[FAXENG_SUPPLY_KNOB_COUNT];
u64 faxeng_supply_prop_value(const struct faxeng_supply *sup,
			     enum faxeng_supply_prop prop);
const char *faxeng_supply_prop_word(enum faxeng_supply_prop prop, u64 value,
				    char *buf, size_t size);
const char *faxeng_supply_prop_key(enum faxeng_supply_prop prop, u64 value);
enum faxeng_condition faxeng_supply_condition(u32 type, u32 state);
bool faxeng_append(char *buf, size_t size, size_t *len, const char *str);
const char *faxeng_u64_str(char buf[FAXENG_U64_LEN], u64 value);
const char *faxeng_changed_key(const struct faxeng_transition *tr);
u64 faxeng_prop_value(const struct faxeng_state *st, enum faxeng_prop prop);
const char *faxeng_prop_word(enum faxeng_prop prop, u64 value,
			     char *buf, size_t size);
const char *faxeng_prop_key(enum faxeng_prop prop, u64 value);

/* The sysfs file whose value a transition changed (FAXENG_CHANGED). */
static inline const char *
faxeng_condition_file(const struct faxeng_transition *tr)
{
	return faxeng_changed_key(tr) + strlen(FAXENG_CHANGED_PREFIX);
}

/* Its IPP keyword, "media-jam": its FAXENG_REASON key's value. */
static inline const char *
faxeng_keyword(const struct faxeng_condition_info *ci)
{
	return ci->key_reason + strlen(FAXENG_REASON_PREFIX);
}

int faxeng_format_faults(char *buf, size_t size, u32 faults);
void faxeng_append_reasons(char *buf, size_t size, size_t *len,
			   u64 conditions);
int faxeng_format_reasons(char *buf, size_t size, u64 conditions);
int faxeng_vocab_init(void);

/* faxeng_sysfs.c */
extern const struct attribute_group *faxeng_groups[];
int faxeng_dev_uevent(faxeng_uevent_dev *dev, struct kobj_uevent_env *env);
int faxeng_uevent_state(struct faxeng *fe, const struct faxeng_state *st);
int faxeng_emit_uevent(struct faxeng *fe, const struct faxeng_transition *tr);

/* faxeng_supply_sysfs.c */
int faxeng_sysfs_alloc(struct faxeng *fe);
void faxeng_sysfs_free(struct faxeng *fe);

/* faxeng_netlink.c */
int faxeng_netlink_init(void);
void faxeng_netlink_exit(void);
int faxeng_netlink_event(struct faxeng *fe, const struct faxeng_state *st,
			 const struct faxeng_transition *tr);

#endif /* _FAXENG_INTERNAL_H */
