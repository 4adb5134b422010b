/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * faxeng backend interface: how a sensor driver registers a fax engine with
 * the faxeng core and reports what its sensors see.
 */
#ifndef _FAXENG_H
#define _FAXENG_H

#include <linux/device.h>
#include <linux/faxeng.h>

/* How many faults there are (the uapi header gives the highest). */
#define FAXENG_FAULT_COUNT	(FAXENG_FAULT_MAX + 1)

struct faxeng;

/* One supply of an engine, as its backend describes it. */
struct faxeng_supply_config {
	enum faxeng_supply_type type;
	enum faxeng_colour colour;
	int level;			/* at start: percent, or -1: unknown */
	bool switches;			/* it has low/empty (near-full/full) lines */
	u32 rated_pages;		/* a unit with a life; 0: 20000 */
};

/* What a backend knows about its engine when it registers it. */
struct faxeng_config {
	const char *model;
	const char *serial;
	unsigned int trays;		/* 1..FAXENG_MAX_TRAYS */
	/*
	 * Its supplies, 0..FAXENG_MAX_SUPPLIES; none given: a black toner
	 * (toner_level, toner_switches) and a drum (drum_rated_pages).
	 */
	const struct faxeng_supply_config *supplies;
	unsigned int nsupplies;
	bool toner_switches;		/* the default toner has switch lines */
	int toner_level;		/* at start: percent, or -1: unknown */
	u32 drum_rated_pages;		/* 0: the default, 20000 */
	u32 maintenance_interval;	/* pages; 0: the default, 5000 */
	bool maintenance_off;		/* no reminder: interval 0 */
};

/*
 * Toner switches, for engines without (or besides) a level sensor; a
 * supply's too, where for a receptacle that fills up LOW is its near-full
 * switch and EMPTY its full one.
 */
enum faxeng_toner_switch {
	FAXENG_TONER_SW_LOW,
	FAXENG_TONER_SW_EMPTY,
	FAXENG_TONER_SW_MISSING,
};

/* Whether supplies of @type have a rated life in pages (drum, fuser...). */
bool faxeng_supply_type_has_life(enum faxeng_supply_type type);
/* "toner", "cyan": the words sysfs uses. */
extern const char *const faxeng_supply_type_names[FAXENG_SUPPLY_TYPE_MAX + 1];
extern const char *const faxeng_colour_names[FAXENG_COLOUR_MAX + 1];

/* "ok", "low", "empty", "missing": the words sysfs uses for each state. */
extern const char *const faxeng_supply_names[FAXENG_SUPPLY_MISSING + 1];

struct faxeng *faxeng_alloc(struct device *parent,
			    const struct faxeng_config *cfg);
int faxeng_add(struct faxeng *fe);
void faxeng_free(struct faxeng *fe);
struct faxeng *devm_faxeng_alloc(struct device *parent,
				 const struct faxeng_config *cfg);
struct faxeng *faxeng_register(struct device *parent,
			       const struct faxeng_config *cfg);
void faxeng_unregister(struct faxeng *fe);
struct faxeng *devm_faxeng_register(struct device *parent,
				    const struct faxeng_config *cfg);
const char *faxeng_name(const struct faxeng *fe);

/*
 * Sensor inputs. Each records the new value and schedules the coalescing
 * work; callable from any context, hard interrupt handlers included.
 */
void faxeng_set_toner_level(struct faxeng *fe, int percent);
void faxeng_set_toner_switch(struct faxeng *fe, enum faxeng_toner_switch sw,
			     bool on);
void faxeng_set_supply_level(struct faxeng *fe, unsigned int supply,
			     int percent);
void faxeng_set_supply_switch(struct faxeng *fe, unsigned int supply,
			      enum faxeng_toner_switch sw, bool on);
void faxeng_set_tray(struct faxeng *fe, unsigned int tray,
		     enum faxeng_supply_state state);
void faxeng_set_fault(struct faxeng *fe, enum faxeng_fault fault, bool on);
void faxeng_add_pages(struct faxeng *fe, unsigned int pages);

#endif /* _FAXENG_H */
