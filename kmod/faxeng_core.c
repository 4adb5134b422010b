// SPDX-License-Identifier: GPL-2.0-only
/*
 * faxeng core: the fax engine class. Backends register engines and report
 * sensor inputs; the core derives the states (with thresholds and
 * hysteresis), and a work item turns condition changes into uevents and
 * netlink events, coalescing bursts.
 */
#include <linux/bitops.h>
#include <linux/jiffies.h>
#include <linux/math64.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/xarray.h>
#include "faxeng_internal.h"

#define CREATE_TRACE_POINTS
#include "faxeng_trace.h"

/* A flapping input yields at most one event run per this interval. */
#define FAXENG_EVENT_INTERVAL	msecs_to_jiffies(20)

#define FAXENG_PAPER_CONDITIONS	(BIT_ULL(FAXENG_COND_PAPER_LOW) |	\
				 BIT_ULL(FAXENG_COND_PAPER_EMPTY) |	\
				 BIT_ULL(FAXENG_COND_PAPER_MISSING))

/* The engine's own conditions: neither a tray's nor a supply's. */
static u64 faxeng_engine_conditions(const struct faxeng_state *st)
{
	u64 cond = st->conditions & ~FAXENG_PAPER_CONDITIONS;
	int i;

	for (i = 0; i < st->supplies; i++)
		cond &= ~st->supply[i].conditions;
	return cond;
}

static const struct {
	u32 min;
	u32 max;
	u32 def;
} faxeng_knob_range[FAXENG_KNOB_COUNT] = {
#define FAXENG_KNOB(_name, _NAME, _min, _max, _def)			\
	[FAXENG_KNOB_##_NAME] = { (_min), (_max), (_def) },
#include <linux/faxeng_props.h>
};

static const struct {
	u32 min;
	u32 max;
	u32 def;
} faxeng_supply_knob_range[FAXENG_SUPPLY_KNOB_COUNT] = {
#define FAXENG_SUPPLY_KNOB(_name, _NAME, _min, _max, _def, _applies)	\
	[FAXENG_SUPPLY_KNOB_##_NAME] = { (_min), (_max), (_def) },
#include <linux/faxeng_props.h>
};

/* Registered, not created: class_create() changed its arguments in 6.4. */
static struct class faxeng_class = {
	.name = "faxeng",
	.dev_uevent = faxeng_dev_uevent,
};

/* Registered engines by id; the mutex orders lookups against removal. */
static DEFINE_XARRAY_ALLOC(faxeng_engines);
static DEFINE_MUTEX(faxeng_engines_lock);

/*
 * Whether a level counts as at or below its threshold: once it was, it
 * must rise above threshold + hysteresis to count as above again.
 */
static bool faxeng_below(u32 level, u32 thr, u32 hyst, bool was_below)
{
	return level <= thr || (was_below && level <= thr + hyst);
}

/* The same for a receptacle that fills up: at or above its threshold. */
static bool faxeng_above(u32 level, u32 thr, u32 hyst, bool was_above)
{
	return level >= thr || (was_above && level + hyst >= thr);
}

/* Remaining life in percent of @rated pages, @pages used; 0 only at the end. */
static u32 faxeng_life(u64 pages, u32 rated)
{
	u64 used = min_t(u64, pages, rated);

	return DIV_ROUND_UP_ULL((rated - used) * 100, rated);
}

static bool faxeng_sw(const struct faxeng_supply *sup,
		      enum faxeng_toner_switch sw)
{
	return sup->sw & BIT(sw);
}

/* A supply's state from its level, switches and thresholds. */
static u32 faxeng_supply_state(const struct faxeng_supply *sup)
{
	const u32 *k = sup->knob;
	bool known = sup->level != FAXENG_LEVEL_UNKNOWN;
	bool was;

	if (faxeng_sw(sup, FAXENG_TONER_SW_MISSING))
		return FAXENG_MARKER_MISSING;
	if (sup->class == FAXENG_SUPPLY_CLASS_FILLED) {
		was = sup->state == FAXENG_MARKER_NEAR_FULL ||
		      sup->state == FAXENG_MARKER_FULL;
		if (faxeng_sw(sup, FAXENG_TONER_SW_EMPTY) ||
		    (known && sup->level >= k[FAXENG_SUPPLY_KNOB_FULL_THRESHOLD]))
			return FAXENG_MARKER_FULL;
		if (faxeng_sw(sup, FAXENG_TONER_SW_LOW) ||
		    (known &&
		     faxeng_above(sup->level,
				  k[FAXENG_SUPPLY_KNOB_NEAR_FULL_THRESHOLD],
				  k[FAXENG_SUPPLY_KNOB_HYSTERESIS], was)))
			return FAXENG_MARKER_NEAR_FULL;
	} else {
		was = sup->state != FAXENG_MARKER_OK &&
		      sup->state != FAXENG_MARKER_UNKNOWN;
		if (faxeng_sw(sup, FAXENG_TONER_SW_EMPTY) ||
		    (known && sup->level <= k[FAXENG_SUPPLY_KNOB_EMPTY_THRESHOLD]))
			return sup->life ? FAXENG_MARKER_END : FAXENG_MARKER_EMPTY;
		if (faxeng_sw(sup, FAXENG_TONER_SW_LOW) ||
		    (known &&
		     faxeng_below(sup->level,
				  k[FAXENG_SUPPLY_KNOB_LOW_THRESHOLD],
				  k[FAXENG_SUPPLY_KNOB_HYSTERESIS], was)))
			return sup->life ? FAXENG_MARKER_NEAR_END :
					   FAXENG_MARKER_LOW;
	}
	/* No level and no switch line: nobody knows, least of all "ok". */
	return known || sup->has_sw ? FAXENG_MARKER_OK : FAXENG_MARKER_UNKNOWN;
}

/* The toner_state a supply's state shows as: unknown shows as ok. */
static u32 faxeng_toner_state(u32 marker)
{
	switch (marker) {
	case FAXENG_MARKER_LOW:
		return FAXENG_SUPPLY_LOW;
	case FAXENG_MARKER_EMPTY:
		return FAXENG_SUPPLY_EMPTY;
	case FAXENG_MARKER_MISSING:
		return FAXENG_SUPPLY_MISSING;
	default:
		return FAXENG_SUPPLY_OK;
	}
}

/* Every supply's level (a unit's life), state and conditions; lock held. */
static void faxeng_update_supplies_locked(struct faxeng_state *st)
{
	struct faxeng_supply *sup;
	enum faxeng_condition c;
	u32 rated;
	int i;

	for (i = 0; i < st->supplies; i++) {
		sup = &st->supply[i];
		rated = sup->knob[FAXENG_SUPPLY_KNOB_RATED_PAGES];
		if (sup->life)
			sup->level = faxeng_life(sup->pages, rated);
		sup->state = faxeng_supply_state(sup);
		c = faxeng_supply_condition(sup->type, sup->state);
		sup->conditions = c == FAXENG_COND_COUNT ? 0 : BIT_ULL(c);
	}
	if (st->toner_supply >= 0) {
		sup = &st->supply[st->toner_supply];
		st->toner_level = sup->level;
		st->toner_state = faxeng_toner_state(sup->state);
	} else {
		st->toner_level = FAXENG_LEVEL_UNKNOWN;
		st->toner_state = FAXENG_SUPPLY_OK;
	}
}

static const enum faxeng_condition faxeng_paper_cond[4] = {
	FAXENG_COND_COUNT, FAXENG_COND_PAPER_LOW, FAXENG_COND_PAPER_EMPTY,
	FAXENG_COND_PAPER_MISSING,
};

static u64 faxeng_paper_bit(u8 state)
{
	enum faxeng_condition c = faxeng_paper_cond[state];

	return c == FAXENG_COND_COUNT ? 0 : BIT_ULL(c);
}

/* Derive every state from the inputs and knobs; fe->lock held. */
static void faxeng_update_locked(struct faxeng *fe)
{
	struct faxeng_state *st = &fe->st;
	u32 rated = st->knob[FAXENG_KNOB_DRUM_RATED_PAGES];
	u32 interval = st->knob[FAXENG_KNOB_MAINTENANCE_INTERVAL];
	u64 cond = 0;
	int i;

	/* Conditions are bits of a u64, faults of a u32. */
	BUILD_BUG_ON(BITS_PER_TYPE(st->conditions) < FAXENG_COND_COUNT);
	BUILD_BUG_ON(BITS_PER_TYPE(st->faults) < FAXENG_FAULT_COUNT);

	faxeng_update_supplies_locked(st);
	for (i = 0; i < st->supplies; i++)
		cond |= st->supply[i].conditions;

	for (i = 0; i < st->trays; i++) {
		st->tray_conditions[i] = faxeng_paper_bit(st->tray_state[i]);
		cond |= st->tray_conditions[i];
	}

	/* The drum's conditions are its supply's; an engine without one has
	 * the values alone.
	 */
	st->drum_life = faxeng_life(st->drum_pages, rated);
	if (!st->drum_life)
		st->drum_state = FAXENG_DRUM_END;
	else if (faxeng_below(st->drum_life,
			      st->knob[FAXENG_KNOB_DRUM_NEAR_END_THRESHOLD],
			      st->knob[FAXENG_KNOB_DRUM_HYSTERESIS],
			      st->drum_state != FAXENG_DRUM_OK))
		st->drum_state = FAXENG_DRUM_NEAR_END;
	else
		st->drum_state = FAXENG_DRUM_OK;

	for (i = 0; i < FAXENG_FAULT_COUNT; i++)
		if (st->faults & BIT(i))
			cond |= BIT_ULL(faxeng_fault_conditions[i]);

	st->maintenance_due = interval && st->maintenance_pages >= interval;
	if (st->maintenance_due)
		cond |= BIT_ULL(FAXENG_COND_MAINTENANCE_DUE);

	st->conditions = cond;
}

/*
 * Jiffies before the event work may run again: one run per interval. The
 * unsigned difference stays right when jiffies wraps (32-bit machines).
 * fe->lock held.
 */
static unsigned long faxeng_holdoff_locked(struct faxeng *fe)
{
	unsigned long since = jiffies - fe->last_run;

	return since < FAXENG_EVENT_INTERVAL ? FAXENG_EVENT_INTERVAL - since : 0;
}

/* The conditions of now are the reported ones. fe->lock held. */
static void faxeng_mark_reported_locked(struct faxeng *fe)
{
	int i;

	fe->reported = faxeng_engine_conditions(&fe->st);
	memcpy(fe->reported_tray, fe->st.tray_conditions,
	       sizeof(fe->reported_tray));
	for (i = 0; i < fe->st.supplies; i++)
		fe->reported_supply[i] = fe->st.supply[i].conditions;
}

/* Schedule the event work if a condition changed since the last report. */
static void faxeng_queue_locked(struct faxeng *fe)
{
	bool changed;
	int i;

	if (fe->dead)
		return;

	changed = faxeng_engine_conditions(&fe->st) != fe->reported;
	for (i = 0; i < fe->st.trays && !changed; i++)
		changed = fe->st.tray_conditions[i] != fe->reported_tray[i];
	for (i = 0; i < fe->st.supplies && !changed; i++)
		changed = fe->st.supply[i].conditions != fe->reported_supply[i];
	if (!changed)
		return;

	/* A no-op while pending: this is what bounds a storm's cost. */
	queue_delayed_work(system_wq, &fe->work, faxeng_holdoff_locked(fe));
}

/* Recompute, and schedule the event work if a condition changed. */
static void faxeng_changed_locked(struct faxeng *fe)
{
	faxeng_update_locked(fe);
	trace_faxeng_input(fe);
	faxeng_queue_locked(fe);
}

/* A supply's level; a unit with a life has its own. fe->lock held. */
static void faxeng_supply_level_locked(struct faxeng *fe, int supply,
				       int percent)
{
	struct faxeng_supply *sup;

	if (supply < 0 || supply >= fe->st.supplies)
		return;
	sup = &fe->st.supply[supply];
	if (sup->life)
		return;
	sup->level = percent < 0 ? FAXENG_LEVEL_UNKNOWN : min(percent, 100);
	faxeng_changed_locked(fe);
}

static void faxeng_supply_switch_locked(struct faxeng *fe, int supply,
					enum faxeng_toner_switch sw, bool on)
{
	struct faxeng_supply *sup;

	if (supply < 0 || supply >= fe->st.supplies)
		return;
	sup = &fe->st.supply[supply];
	if (on)
		sup->sw |= BIT(sw);
	else
		sup->sw &= ~BIT(sw);
	faxeng_changed_locked(fe);
}

/**
 * faxeng_set_toner_level() - report the toner level an ADC measured
 * @fe: the engine
 * @percent: 0..100 (larger values count as 100), or negative: unknown
 *
 * The level of the toner toner_level shows, the first black one.
 * Context: any, hard interrupts included.
 */
void faxeng_set_toner_level(struct faxeng *fe, int percent)
{
	unsigned long flags;

	spin_lock_irqsave(&fe->lock, flags);
	faxeng_supply_level_locked(fe, fe->st.toner_supply, percent);
	spin_unlock_irqrestore(&fe->lock, flags);
}
EXPORT_SYMBOL_GPL(faxeng_set_toner_level);

/**
 * faxeng_set_toner_switch() - report a toner switch (low, empty, missing)
 * @fe: the engine
 * @sw: which switch
 * @on: its level
 *
 * A switch of the toner toner_state shows, the first black one.
 * Context: any, hard interrupts included.
 */
void faxeng_set_toner_switch(struct faxeng *fe, enum faxeng_toner_switch sw,
			     bool on)
{
	unsigned long flags;

	if (WARN_ON_ONCE(sw > FAXENG_TONER_SW_MISSING))
		return;
	spin_lock_irqsave(&fe->lock, flags);
	faxeng_supply_switch_locked(fe, fe->st.toner_supply, sw, on);
	spin_unlock_irqrestore(&fe->lock, flags);
}
EXPORT_SYMBOL_GPL(faxeng_set_toner_switch);

/**
 * faxeng_set_supply_level() - report the level a supply's sensor measured
 * @fe: the engine
 * @supply: supply index, 0 for supply 1; out of range is ignored
 * @percent: 0..100 (larger values count as 100), or negative: unknown
 *
 * Units with a rated life (drum, fuser, ...) count pages instead, and
 * ignore this.
 * Context: any, hard interrupts included.
 */
void faxeng_set_supply_level(struct faxeng *fe, unsigned int supply,
			     int percent)
{
	unsigned long flags;

	spin_lock_irqsave(&fe->lock, flags);
	faxeng_supply_level_locked(fe, min_t(unsigned int, supply, FAXENG_MAX_SUPPLIES),
				   percent);
	spin_unlock_irqrestore(&fe->lock, flags);
}
EXPORT_SYMBOL_GPL(faxeng_set_supply_level);

/**
 * faxeng_set_supply_switch() - report a supply's switch line
 * @fe: the engine
 * @supply: supply index, 0 for supply 1; out of range is ignored
 * @sw: low, empty or missing; for a receptacle, LOW is near-full and
 *	EMPTY full
 * @on: its level
 *
 * Context: any, hard interrupts included.
 */
void faxeng_set_supply_switch(struct faxeng *fe, unsigned int supply,
			      enum faxeng_toner_switch sw, bool on)
{
	unsigned long flags;

	if (WARN_ON_ONCE(sw > FAXENG_TONER_SW_MISSING))
		return;
	spin_lock_irqsave(&fe->lock, flags);
	faxeng_supply_switch_locked(fe, min_t(unsigned int, supply, FAXENG_MAX_SUPPLIES), sw,
				    on);
	spin_unlock_irqrestore(&fe->lock, flags);
}
EXPORT_SYMBOL_GPL(faxeng_set_supply_switch);

/**
 * faxeng_set_tray() - report the paper state of one input tray
 * @fe: the engine
 * @tray: tray index, 0 for tray 1; out of range is ignored
 * @state: ok, low, empty or missing
 *
 * Context: any, hard interrupts included.
 */
void faxeng_set_tray(struct faxeng *fe, unsigned int tray,
		     enum faxeng_supply_state state)
{
	unsigned long flags;

	if (WARN_ON_ONCE(state > FAXENG_SUPPLY_MISSING))
		return;
	spin_lock_irqsave(&fe->lock, flags);
	if (tray < fe->st.trays) {
		fe->st.tray_state[tray] = state;
		faxeng_changed_locked(fe);
	}
	spin_unlock_irqrestore(&fe->lock, flags);
}
EXPORT_SYMBOL_GPL(faxeng_set_tray);

/**
 * faxeng_set_fault() - report a fault sensor (jam, door open, fuser error)
 * @fe: the engine
 * @fault: which fault
 * @on: whether it is present
 *
 * Context: any, hard interrupts included.
 */
void faxeng_set_fault(struct faxeng *fe, enum faxeng_fault fault, bool on)
{
	unsigned long flags;

	if (WARN_ON_ONCE(fault >= FAXENG_FAULT_COUNT))
		return;
	spin_lock_irqsave(&fe->lock, flags);
	if (on)
		fe->st.faults |= BIT(fault);
	else
		fe->st.faults &= ~BIT(fault);
	faxeng_changed_locked(fe);
	spin_unlock_irqrestore(&fe->lock, flags);
}
EXPORT_SYMBOL_GPL(faxeng_set_fault);

/**
 * faxeng_add_pages() - count printed pages (page-pulse edges)
 * @fe: the engine
 * @pages: how many
 *
 * Advances the page counter, the drum's and the maintenance interval's,
 * and those of the supplies with a life.
 * Context: any, hard interrupts included.
 */
void faxeng_add_pages(struct faxeng *fe, unsigned int pages)
{
	unsigned long flags;
	int i;

	spin_lock_irqsave(&fe->lock, flags);
	fe->st.page_count += pages;
	fe->st.drum_pages += pages;
	fe->st.maintenance_pages += pages;
	for (i = 0; i < fe->st.supplies; i++)
		if (fe->st.supply[i].life)
			fe->st.supply[i].pages += pages;
	faxeng_changed_locked(fe);
	spin_unlock_irqrestore(&fe->lock, flags);
}
EXPORT_SYMBOL_GPL(faxeng_add_pages);

/**
 * faxeng_name() - the engine's device name, "faxengN"
 * @fe: the engine
 *
 * Return: the name, valid from faxeng_alloc() until the engine is freed or
 * unregistered.
 */
const char *faxeng_name(const struct faxeng *fe)
{
	return dev_name(&fe->dev);
}
EXPORT_SYMBOL_GPL(faxeng_name);

void faxeng_snapshot(struct faxeng *fe, struct faxeng_state *st)
{
	unsigned long flags;

	spin_lock_irqsave(&fe->lock, flags);
	*st = fe->st;
	spin_unlock_irqrestore(&fe->lock, flags);
}

/* The active conditions, without a copy of the whole state. */
u64 faxeng_conditions_now(struct faxeng *fe)
{
	unsigned long flags;
	u64 cond;

	spin_lock_irqsave(&fe->lock, flags);
	cond = fe->st.conditions;
	spin_unlock_irqrestore(&fe->lock, flags);
	return cond;
}

int faxeng_knob_check(enum faxeng_knob knob, u32 value)
{
	if (value < faxeng_knob_range[knob].min ||
	    value > faxeng_knob_range[knob].max)
		return -ERANGE;
	return 0;
}

/* Every threshold plus its hysteresis stays below 100: a full supply clears. */
static bool faxeng_knobs_consistent(const u32 *knob)
{
	return knob[FAXENG_KNOB_TONER_LOW_THRESHOLD] +
	       knob[FAXENG_KNOB_TONER_HYSTERESIS] <
	       FAXENG_THRESHOLD_HYST_LIMIT &&
	       knob[FAXENG_KNOB_DRUM_NEAR_END_THRESHOLD] +
	       knob[FAXENG_KNOB_DRUM_HYSTERESIS] < FAXENG_THRESHOLD_HYST_LIMIT;
}

/*
 * A supply's thresholds keep their order with room for the hysteresis:
 * empty < low and low + hysteresis < 100 (a full supply clears), near-full
 * < full and near-full > hysteresis (an emptied receptacle clears).
 */
static bool faxeng_supply_knobs_consistent(const struct faxeng_supply *sup,
					   const u32 *k)
{
	u32 hyst = k[FAXENG_SUPPLY_KNOB_HYSTERESIS];

	if (sup->class == FAXENG_SUPPLY_CLASS_FILLED)
		return k[FAXENG_SUPPLY_KNOB_NEAR_FULL_THRESHOLD] <
		       k[FAXENG_SUPPLY_KNOB_FULL_THRESHOLD] &&
		       k[FAXENG_SUPPLY_KNOB_NEAR_FULL_THRESHOLD] > hyst;
	return k[FAXENG_SUPPLY_KNOB_EMPTY_THRESHOLD] <
	       k[FAXENG_SUPPLY_KNOB_LOW_THRESHOLD] &&
	       k[FAXENG_SUPPLY_KNOB_LOW_THRESHOLD] + hyst <
	       FAXENG_THRESHOLD_HYST_LIMIT;
}

/* The engine knobs that are the toner's and the drum's supply knobs. */
static const struct {
	enum faxeng_knob knob;
	bool drum;
	enum faxeng_supply_knob supply_knob;
} faxeng_knob_alias[] = {
	{ FAXENG_KNOB_TONER_LOW_THRESHOLD, false,
	  FAXENG_SUPPLY_KNOB_LOW_THRESHOLD },
	{ FAXENG_KNOB_TONER_HYSTERESIS, false, FAXENG_SUPPLY_KNOB_HYSTERESIS },
	{ FAXENG_KNOB_DRUM_NEAR_END_THRESHOLD, true,
	  FAXENG_SUPPLY_KNOB_LOW_THRESHOLD },
	{ FAXENG_KNOB_DRUM_HYSTERESIS, true, FAXENG_SUPPLY_KNOB_HYSTERESIS },
	{ FAXENG_KNOB_DRUM_RATED_PAGES, true, FAXENG_SUPPLY_KNOB_RATED_PAGES },
};

/*
 * Copy @knob's aliased values into the toner's and drum's knob sets
 * @toner and @drum (from_supply false), or back (true).
 */
static void faxeng_alias_knobs(const struct faxeng_state *st, u32 *knob,
			       u32 *toner, u32 *drum, bool from_supply)
{
	u32 *sk;
	int i;

	for (i = 0; i < ARRAY_SIZE(faxeng_knob_alias); i++) {
		if ((faxeng_knob_alias[i].drum ? st->drum_supply :
		     st->toner_supply) < 0)
			continue;
		sk = faxeng_knob_alias[i].drum ? drum : toner;
		if (from_supply)
			knob[faxeng_knob_alias[i].knob] =
				sk[faxeng_knob_alias[i].supply_knob];
		else
			sk[faxeng_knob_alias[i].supply_knob] =
				knob[faxeng_knob_alias[i].knob];
	}
}

/*
 * Take the engine knobs @knob and the knobs @sk of supply @supply (or
 * none, -1) as they are to become, the aliases made equal from the side
 * that was set; all or nothing. fe->lock held.
 */
static int faxeng_commit_knobs_locked(struct faxeng *fe, u32 *knob,
				      int supply, const u32 *sk)
{
	u32 toner[FAXENG_SUPPLY_KNOB_COUNT], drum[FAXENG_SUPPLY_KNOB_COUNT];
	struct faxeng_state *st = &fe->st;
	size_t size = sizeof(toner);

	if (fe->dead)
		return -ENODEV;
	if (st->toner_supply >= 0)
		memcpy(toner, supply == st->toner_supply ? sk :
		       st->supply[st->toner_supply].knob, size);
	if (st->drum_supply >= 0)
		memcpy(drum, supply == st->drum_supply ? sk :
		       st->supply[st->drum_supply].knob, size);
	faxeng_alias_knobs(st, knob, toner, drum, supply >= 0);
	if (!faxeng_knobs_consistent(knob) ||
	    (supply >= 0 &&
	     !faxeng_supply_knobs_consistent(&st->supply[supply], sk)) ||
	    (st->toner_supply >= 0 &&
	     !faxeng_supply_knobs_consistent(&st->supply[st->toner_supply],
					     toner)) ||
	    (st->drum_supply >= 0 &&
	     !faxeng_supply_knobs_consistent(&st->supply[st->drum_supply],
					     drum)))
		return -EINVAL;
	memcpy(st->knob, knob, sizeof(st->knob));
	if (supply >= 0)
		memcpy(st->supply[supply].knob, sk, size);
	if (st->toner_supply >= 0)
		memcpy(st->supply[st->toner_supply].knob, toner, size);
	if (st->drum_supply >= 0)
		memcpy(st->supply[st->drum_supply].knob, drum, size);
	faxeng_changed_locked(fe);
	return 0;
}

/*
 * Set the knobs in @mask to their @value entries, all or none: each in its
 * range (else -ERANGE), and together consistent (else -EINVAL), checked
 * under the lock against the values they join.
 */
int faxeng_set_knobs(struct faxeng *fe, unsigned long mask, const u32 *value)
{
	u32 knob[FAXENG_KNOB_COUNT];
	int i, ret = 0;

	for_each_set_bit(i, &mask, FAXENG_KNOB_COUNT) {
		ret = faxeng_knob_check(i, value[i]);
		if (ret)
			return ret;
	}
	spin_lock_irq(&fe->lock);
	memcpy(knob, fe->st.knob, sizeof(knob));
	for_each_set_bit(i, &mask, FAXENG_KNOB_COUNT)
		knob[i] = value[i];
	ret = faxeng_commit_knobs_locked(fe, knob, -1, NULL);
	spin_unlock_irq(&fe->lock);
	return ret;
}

int faxeng_supply_knob_check(enum faxeng_supply_knob knob, u32 value)
{
	if (value < faxeng_supply_knob_range[knob].min ||
	    value > faxeng_supply_knob_range[knob].max)
		return -ERANGE;
	return 0;
}

/* Whether a supply property or knob of @applies is one of @sup's. */
bool faxeng_supply_applies(const struct faxeng_supply *sup, u8 applies)
{
	switch (applies) {
	case FAXENG_APPLIES_LIFE:
		return sup->life;
	case FAXENG_APPLIES_CONSUMED:
		return sup->class == FAXENG_SUPPLY_CLASS_CONSUMED;
	case FAXENG_APPLIES_FILLED:
		return sup->class == FAXENG_SUPPLY_CLASS_FILLED;
	default:
		return true;
	}
}

/*
 * The same for supply @supply (index) and its knobs: -ENOENT for a knob
 * it does not have, -ENODEV for a supply the engine lacks.
 */
int faxeng_set_supply_knobs(struct faxeng *fe, unsigned int supply,
			    unsigned long mask, const u32 *value)
{
	u32 knob[FAXENG_KNOB_COUNT], sk[FAXENG_SUPPLY_KNOB_COUNT];
	struct faxeng_supply *sup;
	int i, ret;

	for_each_set_bit(i, &mask, FAXENG_SUPPLY_KNOB_COUNT) {
		ret = faxeng_supply_knob_check(i, value[i]);
		if (ret)
			return ret;
	}
	/* supplies is fixed at registration: no lock needed. */
	if (supply >= fe->st.supplies)
		return -ENODEV;
	spin_lock_irq(&fe->lock);
	sup = &fe->st.supply[supply];
	ret = 0;
	for_each_set_bit(i, &mask, FAXENG_SUPPLY_KNOB_COUNT)
		if (!faxeng_supply_applies(sup, faxeng_supply_knob_applies[i]))
			ret = -ENOENT;
	if (!ret) {
		memcpy(knob, fe->st.knob, sizeof(knob));
		memcpy(sk, sup->knob, sizeof(sk));
		for_each_set_bit(i, &mask, FAXENG_SUPPLY_KNOB_COUNT)
			sk[i] = value[i];
		ret = faxeng_commit_knobs_locked(fe, knob, supply, sk);
	}
	spin_unlock_irq(&fe->lock);
	return ret;
}

/* A new unit of supply @supply (index): its pages to 0. */
int faxeng_supply_reset(struct faxeng *fe, unsigned int supply)
{
	int ret = 0;

	if (supply >= fe->st.supplies)
		return -ENODEV;
	spin_lock_irq(&fe->lock);
	if (fe->dead) {
		ret = -ENODEV;
	} else if (!fe->st.supply[supply].life) {
		ret = -EINVAL;
	} else {
		fe->st.supply[supply].pages = 0;
		if (supply == fe->st.drum_supply)
			fe->st.drum_pages = 0;
		faxeng_changed_locked(fe);
	}
	spin_unlock_irq(&fe->lock);
	return ret;
}

void faxeng_snapshot_supply(struct faxeng *fe, unsigned int supply,
			    struct faxeng_supply *sup)
{
	unsigned long flags;

	spin_lock_irqsave(&fe->lock, flags);
	*sup = fe->st.supply[supply];
	spin_unlock_irqrestore(&fe->lock, flags);
}

int faxeng_set_knob(struct faxeng *fe, enum faxeng_knob knob, u32 value)
{
	u32 values[FAXENG_KNOB_COUNT] = {};

	values[knob] = value;
	return faxeng_set_knobs(fe, BIT(knob), values);
}

int faxeng_do_action(struct faxeng *fe, enum faxeng_action action)
{
	spin_lock_irq(&fe->lock);
	if (fe->dead) {
		spin_unlock_irq(&fe->lock);
		return -ENODEV;
	}
	switch (action) {
	case FAXENG_ACTION_DRUM_RESET:
		fe->st.drum_pages = 0;
		if (fe->st.drum_supply >= 0)
			fe->st.supply[fe->st.drum_supply].pages = 0;
		break;
	case FAXENG_ACTION_MAINTENANCE_DONE:
		fe->st.maintenance_pages = 0;
		break;
	default:
		break;
	}
	faxeng_changed_locked(fe);
	spin_unlock_irq(&fe->lock);
	return 0;
}

/*
 * Emit the raises (want) or the clears (!want) from old to new, numbered
 * from *seqnum on; @where names the tray or supply they are of.
 */
static void faxeng_emit_diff(struct faxeng *fe, u64 old, u64 new,
			     const struct faxeng_transition *where, bool want,
			     u64 *seqnum)
{
	struct faxeng_transition tr = *where;
	u64 diff = old ^ new;
	int i, uevent, netlink;

	for (i = 0; i < FAXENG_COND_COUNT; i++) {
		if (!(diff & BIT_ULL(i)) || !!(new & BIT_ULL(i)) != want)
			continue;
		tr.cond = i;
		tr.active = want;
		tr.seqnum = ++*seqnum;
		fe->report_st.seqnum = tr.seqnum;
		uevent = faxeng_emit_uevent(fe, &tr);
		netlink = faxeng_netlink_event(fe, &fe->report_st, &tr);
		trace_faxeng_event(fe, &tr, uevent, netlink);
	}
}

/*
 * The event work: report every condition that changed since the last run,
 * raises before clears, one uevent and one netlink event each.
 *
 * The snapshot and the sequence numbers of its events are taken in one
 * critical section, so that st.seqnum (what GET and sysfs show) always
 * names the newest snapshot: a GET that shows seqnum N reflects every
 * transition up to N, and every event numbered above N carries a state
 * taken after that GET's.
 */
static void faxeng_event_work(struct work_struct *work)
{
	struct faxeng *fe = container_of(to_delayed_work(work), struct faxeng,
					 work);
	struct faxeng_state *st = &fe->report_st;
	u64 old, old_tray[FAXENG_MAX_TRAYS], seqnum, start = 0;
	u64 old_supply[FAXENG_MAX_SUPPLIES], engine;
	struct faxeng_transition where;
	unsigned long holdoff;
	int i, pass, n;

	if (trace_faxeng_work_enabled())
		start = ktime_get_ns();

	spin_lock_irq(&fe->lock);
	/* Queued early by an input that raced with the previous run. */
	holdoff = faxeng_holdoff_locked(fe);
	if (holdoff) {
		if (!fe->dead)
			queue_delayed_work(system_wq, &fe->work, holdoff);
		spin_unlock_irq(&fe->lock);
		return;
	}
	fe->last_run = jiffies;
	*st = fe->st;
	old = fe->reported;
	memcpy(old_tray, fe->reported_tray, sizeof(old_tray));
	memcpy(old_supply, fe->reported_supply, sizeof(old_supply));
	faxeng_mark_reported_locked(fe);
	engine = fe->reported;
	n = hweight64(old ^ engine);
	for (i = 0; i < st->trays; i++)
		n += hweight64(old_tray[i] ^ st->tray_conditions[i]);
	for (i = 0; i < st->supplies; i++)
		n += hweight64(old_supply[i] ^ st->supply[i].conditions);
	seqnum = fe->st.seqnum;
	fe->st.seqnum += n;
	spin_unlock_irq(&fe->lock);

	if (n)
		faxeng_uevent_state(fe, st);
	for (pass = 1; pass >= 0; pass--) {
		where = (struct faxeng_transition){};
		faxeng_emit_diff(fe, old, engine, &where, pass,
				 &seqnum);
		for (i = 0; i < st->trays; i++) {
			where.tray = i + 1;
			faxeng_emit_diff(fe, old_tray[i],
					 st->tray_conditions[i], &where, pass,
					 &seqnum);
		}
		where.tray = 0;
		for (i = 0; i < st->supplies; i++) {
			where.supply = i + 1;
			where.shown = i == st->toner_supply ||
				      i == st->drum_supply;
			faxeng_emit_diff(fe, old_supply[i],
					 st->supply[i].conditions, &where, pass,
					 &seqnum);
		}
	}
	/* Timed only when traced, from the start of the run. */
	if (start && trace_faxeng_work_enabled())
		trace_faxeng_work(fe, n, ktime_get_ns() - start);
}

static void faxeng_release(struct device *dev)
{
	struct faxeng *fe = to_faxeng(dev);

	faxeng_sysfs_free(fe);
	kfree(fe);
}

/* Without supplies given: the toner and drum of a mono engine. */
static void faxeng_default_supplies(const struct faxeng_config *cfg,
				    struct faxeng_supply_config *sc)
{
	sc[0] = (struct faxeng_supply_config){
		.type = FAXENG_SUPPLY_TYPE_TONER,
		.colour = FAXENG_COLOUR_BLACK,
		.level = cfg->toner_level,
		.switches = cfg->toner_switches,
	};
	sc[1] = (struct faxeng_supply_config){
		.type = FAXENG_SUPPLY_TYPE_OPC,
		.colour = FAXENG_COLOUR_NONE,
		.rated_pages = cfg->drum_rated_pages,
	};
}

/*
 * The supplies, and which of them toner_* and drum_* show: the first black
 * toner (else the first toner) and the first drum.
 */
static int faxeng_init_supplies(struct faxeng_state *st,
				const struct faxeng_config *cfg)
{
	struct faxeng_supply_config def[2];
	const struct faxeng_supply_config *sc = cfg->supplies;
	unsigned int n = cfg->nsupplies;
	struct faxeng_supply *sup;
	int i, k;

	if (!sc) {
		faxeng_default_supplies(cfg, def);
		sc = def;
		n = ARRAY_SIZE(def);
	}
	if (n > FAXENG_MAX_SUPPLIES)
		return -EINVAL;
	st->supplies = n;
	st->toner_supply = -1;
	st->drum_supply = -1;
	for (i = 0; i < n; i++) {
		sup = &st->supply[i];
		if (sc[i].type > FAXENG_SUPPLY_TYPE_MAX ||
		    sc[i].colour > FAXENG_COLOUR_MAX)
			return -EINVAL;
		if (sc[i].rated_pages > FAXENG_PAGES_MAX)
			return -ERANGE;
		sup->type = sc[i].type;
		sup->colour = sc[i].colour;
		sup->class = sup->type == FAXENG_SUPPLY_TYPE_WASTE_TONER ?
			     FAXENG_SUPPLY_CLASS_FILLED :
			     FAXENG_SUPPLY_CLASS_CONSUMED;
		sup->life = faxeng_supply_type_has_life(sup->type);
		sup->has_sw = sc[i].switches;
		sup->level = sc[i].level < 0 ? FAXENG_LEVEL_UNKNOWN :
			     min(sc[i].level, 100);
		for (k = 0; k < FAXENG_SUPPLY_KNOB_COUNT; k++)
			sup->knob[k] = faxeng_supply_knob_range[k].def;
		if (sc[i].rated_pages)
			sup->knob[FAXENG_SUPPLY_KNOB_RATED_PAGES] =
				sc[i].rated_pages;
		if (sup->type == FAXENG_SUPPLY_TYPE_TONER &&
		    (st->toner_supply < 0 ||
		     (sup->colour == FAXENG_COLOUR_BLACK &&
		      st->supply[st->toner_supply].colour !=
		      FAXENG_COLOUR_BLACK)))
			st->toner_supply = i;
		if (sup->type == FAXENG_SUPPLY_TYPE_OPC && st->drum_supply < 0)
			st->drum_supply = i;
	}
	return 0;
}

/**
 * faxeng_alloc() - allocate a fax engine, not yet visible
 * @parent: the backend's device, or NULL
 * @cfg: identification, trays and the page-based defaults
 *
 * The engine gets its number and name (faxeng_name()) and takes inputs at
 * once, but nothing is announced until faxeng_add(): a backend acquires its
 * resources (and names its interrupts) between the two, so that a probe
 * that fails or defers on the way shows user space nothing.
 * Context: process.
 * Return: the engine, or an ERR_PTR(); undo with faxeng_free().
 */
struct faxeng *faxeng_alloc(struct device *parent,
			    const struct faxeng_config *cfg)
{
	struct faxeng *fe;
	int i, ret;

	if (!cfg->trays || cfg->trays > FAXENG_MAX_TRAYS)
		return ERR_PTR(-EINVAL);
	if (cfg->drum_rated_pages > FAXENG_PAGES_MAX ||
	    cfg->maintenance_interval > FAXENG_PAGES_MAX)
		return ERR_PTR(-ERANGE);

	fe = kzalloc(sizeof(*fe), GFP_KERNEL);
	if (!fe)
		return ERR_PTR(-ENOMEM);
	ret = faxeng_init_supplies(&fe->st, cfg);
	if (!ret)
		ret = faxeng_sysfs_alloc(fe);
	if (ret) {
		faxeng_sysfs_free(fe);
		kfree(fe);
		return ERR_PTR(ret);
	}

	strscpy(fe->model, cfg->model ?: "", sizeof(fe->model));
	strscpy(fe->serial, cfg->serial ?: "", sizeof(fe->serial));
	spin_lock_init(&fe->lock);
	/* No event work until faxeng_add(). */
	fe->dead = true;
	INIT_DELAYED_WORK(&fe->work, faxeng_event_work);
	fe->last_run = jiffies - FAXENG_EVENT_INTERVAL;
	fe->st.trays = cfg->trays;
	for (i = 0; i < FAXENG_KNOB_COUNT; i++)
		fe->st.knob[i] = faxeng_knob_range[i].def;
	if (cfg->drum_rated_pages)
		fe->st.knob[FAXENG_KNOB_DRUM_RATED_PAGES] =
			cfg->drum_rated_pages;
	if (cfg->maintenance_off)
		fe->st.knob[FAXENG_KNOB_MAINTENANCE_INTERVAL] = 0;
	else if (cfg->maintenance_interval)
		fe->st.knob[FAXENG_KNOB_MAINTENANCE_INTERVAL] =
			cfg->maintenance_interval;
	/* The toner's and drum's own knobs are the engine's. */
	faxeng_alias_knobs(&fe->st, fe->st.knob,
			   fe->st.toner_supply < 0 ? NULL :
			   fe->st.supply[fe->st.toner_supply].knob,
			   fe->st.drum_supply < 0 ? NULL :
			   fe->st.supply[fe->st.drum_supply].knob, false);
	faxeng_update_locked(fe);

	device_initialize(&fe->dev);
	fe->dev.class = &faxeng_class;
	fe->dev.parent = parent;
	fe->dev.groups = fe->groups;
	fe->dev.release = faxeng_release;

	/* Reserved: lookups find no engine there until faxeng_add(). */
	mutex_lock(&faxeng_engines_lock);
	ret = xa_alloc(&faxeng_engines, &fe->id, NULL, xa_limit_31b,
		       GFP_KERNEL);
	mutex_unlock(&faxeng_engines_lock);
	if (ret)
		goto err_put;
	ret = dev_set_name(&fe->dev, "faxeng%u", fe->id);
	if (ret)
		goto err_erase;
	return fe;

err_erase:
	mutex_lock(&faxeng_engines_lock);
	xa_erase(&faxeng_engines, fe->id);
	mutex_unlock(&faxeng_engines_lock);
err_put:
	put_device(&fe->dev);
	return ERR_PTR(ret);
}
EXPORT_SYMBOL_GPL(faxeng_alloc);

/**
 * faxeng_free() - free an engine that faxeng_add() did not add
 * @fe: the engine, from faxeng_alloc()
 *
 * The backend must report no input after this returns.
 * Context: process.
 */
void faxeng_free(struct faxeng *fe)
{
	mutex_lock(&faxeng_engines_lock);
	xa_erase(&faxeng_engines, fe->id);
	mutex_unlock(&faxeng_engines_lock);
	put_device(&fe->dev);
}
EXPORT_SYMBOL_GPL(faxeng_free);

/**
 * faxeng_add() - make an allocated engine visible
 * @fe: the engine, from faxeng_alloc()
 *
 * Creates /sys/class/faxeng/faxengN, announced by an add uevent that
 * carries the state the inputs reported so far; inputs from then on are
 * reported as change events. Remove it with faxeng_unregister(); on
 * failure it is still to be freed with faxeng_free().
 * Context: process.
 * Return: 0, or a negative errno.
 */
int faxeng_add(struct faxeng *fe)
{
	int ret;

	/*
	 * Report from this snapshot on; the add uevent carries the state as
	 * of its own sending, which an input in between only makes newer.
	 */
	spin_lock_irq(&fe->lock);
	faxeng_mark_reported_locked(fe);
	spin_unlock_irq(&fe->lock);

	ret = device_add(&fe->dev);
	if (ret)
		return ret;

	mutex_lock(&faxeng_engines_lock);
	xa_store(&faxeng_engines, fe->id, fe, GFP_KERNEL);
	mutex_unlock(&faxeng_engines_lock);
	fe->added = true;

	/* Events from now on, for inputs since the snapshot too. */
	spin_lock_irq(&fe->lock);
	fe->dead = false;
	faxeng_queue_locked(fe);
	spin_unlock_irq(&fe->lock);
	return 0;
}
EXPORT_SYMBOL_GPL(faxeng_add);

/**
 * faxeng_register() - register a fax engine with the faxeng class
 * @parent: the backend's device, or NULL
 * @cfg: identification, trays and the page-based defaults
 *
 * faxeng_alloc() and faxeng_add() in one, for backends that need no
 * resources in between: the engine is announced by an add uevent that
 * carries the initial state. The backend reports inputs from then on.
 * Context: process.
 * Return: the engine, or an ERR_PTR().
 */
struct faxeng *faxeng_register(struct device *parent,
			       const struct faxeng_config *cfg)
{
	struct faxeng *fe = faxeng_alloc(parent, cfg);
	int ret;

	if (IS_ERR(fe))
		return fe;
	ret = faxeng_add(fe);
	if (ret) {
		faxeng_free(fe);
		return ERR_PTR(ret);
	}
	return fe;
}
EXPORT_SYMBOL_GPL(faxeng_register);

/**
 * faxeng_unregister() - remove an engine
 * @fe: the engine, from faxeng_register()
 *
 * Waits for an event run in progress; events not yet sent are dropped.
 * The backend must report no input after this returns.
 * Context: process.
 */
void faxeng_unregister(struct faxeng *fe)
{
	spin_lock_irq(&fe->lock);
	fe->dead = true;
	spin_unlock_irq(&fe->lock);
	cancel_delayed_work_sync(&fe->work);

	mutex_lock(&faxeng_engines_lock);
	xa_erase(&faxeng_engines, fe->id);
	mutex_unlock(&faxeng_engines_lock);

	device_unregister(&fe->dev);
}
EXPORT_SYMBOL_GPL(faxeng_unregister);

static void devm_faxeng_release(void *data)
{
	struct faxeng *fe = data;

	if (fe->added)
		faxeng_unregister(fe);
	else
		faxeng_free(fe);
}

/**
 * devm_faxeng_alloc() - faxeng_alloc(), undone when @parent unbinds
 * @parent: the backend's device
 * @cfg: as for faxeng_alloc()
 *
 * The engine, once faxeng_add() added it, is unregistered then, else
 * freed; the backend calls neither faxeng_free() nor faxeng_unregister().
 * Return: the engine, or an ERR_PTR().
 */
struct faxeng *devm_faxeng_alloc(struct device *parent,
				 const struct faxeng_config *cfg)
{
	struct faxeng *fe = faxeng_alloc(parent, cfg);
	int ret;

	if (IS_ERR(fe))
		return fe;
	ret = devm_add_action_or_reset(parent, devm_faxeng_release, fe);
	return ret ? ERR_PTR(ret) : fe;
}
EXPORT_SYMBOL_GPL(devm_faxeng_alloc);

/**
 * devm_faxeng_register() - faxeng_register() undone when @parent unbinds
 * @parent: the backend's device
 * @cfg: as for faxeng_register()
 *
 * Return: the engine, or an ERR_PTR().
 */
struct faxeng *devm_faxeng_register(struct device *parent,
				    const struct faxeng_config *cfg)
{
	struct faxeng *fe = devm_faxeng_alloc(parent, cfg);
	int ret;

	if (IS_ERR(fe))
		return fe;
	ret = faxeng_add(fe);
	return ret ? ERR_PTR(ret) : fe;
}
EXPORT_SYMBOL_GPL(devm_faxeng_register);

/* The engine with this id, referenced; put_device() when done. */
struct faxeng *faxeng_find_get(u32 id)
{
	struct faxeng *fe;

	mutex_lock(&faxeng_engines_lock);
	fe = xa_load(&faxeng_engines, id);
	if (fe)
		get_device(&fe->dev);
	mutex_unlock(&faxeng_engines_lock);
	return fe;
}

/* The first engine with an id of *id or more, referenced, for dumps. */
struct faxeng *faxeng_next_get(u32 *id)
{
	unsigned long index = *id;
	struct faxeng *fe;

	mutex_lock(&faxeng_engines_lock);
	fe = xa_find(&faxeng_engines, &index, U32_MAX, XA_PRESENT);
	if (fe) {
		get_device(&fe->dev);
		*id = index;
	}
	mutex_unlock(&faxeng_engines_lock);
	return fe;
}

static int __init faxeng_init(void)
{
	int ret;

	ret = faxeng_vocab_init();
	if (ret)
		return ret;
	ret = class_register(&faxeng_class);
	if (ret)
		return ret;

	ret = faxeng_netlink_init();
	if (ret) {
		class_unregister(&faxeng_class);
		return ret;
	}
	return 0;
}

static void __exit faxeng_exit(void)
{
	faxeng_netlink_exit();
	class_unregister(&faxeng_class);
}

module_init(faxeng_init);
module_exit(faxeng_exit);

MODULE_DESCRIPTION("Fax engine status class: sysfs, uevents, generic netlink");
MODULE_LICENSE("GPL");
