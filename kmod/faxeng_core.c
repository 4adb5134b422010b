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

static const struct {
	u32 min;
	u32 max;
	u32 def;
} faxeng_knob_range[FAXENG_KNOB_COUNT] = {
#define FAXENG_KNOB(_name, _NAME, _min, _max, _def)			\
	[FAXENG_KNOB_##_NAME] = { (_min), (_max), (_def) },
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

static enum faxeng_supply_state faxeng_toner_state(struct faxeng *fe)
{
	struct faxeng_state *st = &fe->st;
	bool was_low = st->toner_state == FAXENG_SUPPLY_LOW ||
		       st->toner_state == FAXENG_SUPPLY_EMPTY;
	bool known = st->toner_level != FAXENG_LEVEL_UNKNOWN;

	if (fe->toner_sw[FAXENG_TONER_SW_MISSING])
		return FAXENG_SUPPLY_MISSING;
	if (fe->toner_sw[FAXENG_TONER_SW_EMPTY] || (known && !st->toner_level))
		return FAXENG_SUPPLY_EMPTY;
	if (fe->toner_sw[FAXENG_TONER_SW_LOW])
		return FAXENG_SUPPLY_LOW;
	if (known &&
	    faxeng_below(st->toner_level,
			 st->knob[FAXENG_KNOB_TONER_LOW_THRESHOLD],
			 st->knob[FAXENG_KNOB_TONER_HYSTERESIS], was_low))
		return FAXENG_SUPPLY_LOW;
	return FAXENG_SUPPLY_OK;
}

static const enum faxeng_condition faxeng_supply_cond[][4] = {
	/* toner */
	{ FAXENG_COND_COUNT, FAXENG_COND_TONER_LOW, FAXENG_COND_TONER_EMPTY,
	  FAXENG_COND_TONER_MISSING },
	/* paper */
	{ FAXENG_COND_COUNT, FAXENG_COND_PAPER_LOW, FAXENG_COND_PAPER_EMPTY,
	  FAXENG_COND_PAPER_MISSING },
};

static u64 faxeng_supply_bit(int paper, u8 state)
{
	enum faxeng_condition c = faxeng_supply_cond[paper][state];

	return c == FAXENG_COND_COUNT ? 0 : BIT_ULL(c);
}

/* Derive every state from the inputs and knobs; fe->lock held. */
static void faxeng_update_locked(struct faxeng *fe)
{
	struct faxeng_state *st = &fe->st;
	u32 rated = st->knob[FAXENG_KNOB_DRUM_RATED_PAGES];
	u32 interval = st->knob[FAXENG_KNOB_MAINTENANCE_INTERVAL];
	u64 used = min_t(u64, st->drum_pages, rated);
	u64 cond = 0;
	int i;

	/* Conditions are bits of a u64, faults of a u32. */
	BUILD_BUG_ON(BITS_PER_TYPE(st->conditions) < FAXENG_COND_COUNT);
	BUILD_BUG_ON(BITS_PER_TYPE(st->faults) < FAXENG_FAULT_COUNT);

	st->toner_state = faxeng_toner_state(fe);
	cond |= faxeng_supply_bit(0, st->toner_state);

	for (i = 0; i < st->trays; i++) {
		st->tray_conditions[i] = faxeng_supply_bit(1, st->tray_state[i]);
		cond |= st->tray_conditions[i];
	}

	st->drum_life = DIV_ROUND_UP_ULL((rated - used) * 100, rated);
	if (!st->drum_life) {
		st->drum_state = FAXENG_DRUM_END;
		cond |= BIT_ULL(FAXENG_COND_DRUM_END);
	} else if (faxeng_below(st->drum_life,
				st->knob[FAXENG_KNOB_DRUM_NEAR_END_THRESHOLD],
				st->knob[FAXENG_KNOB_DRUM_HYSTERESIS],
				st->drum_state != FAXENG_DRUM_OK)) {
		st->drum_state = FAXENG_DRUM_NEAR_END;
		cond |= BIT_ULL(FAXENG_COND_DRUM_NEAR_END);
	} else {
		st->drum_state = FAXENG_DRUM_OK;
	}

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

/* Schedule the event work if a condition changed since the last report. */
static void faxeng_queue_locked(struct faxeng *fe)
{
	bool changed;
	int i;

	if (fe->dead)
		return;

	changed = (fe->st.conditions & ~FAXENG_PAPER_CONDITIONS) != fe->reported;
	for (i = 0; i < fe->st.trays && !changed; i++)
		changed = fe->st.tray_conditions[i] != fe->reported_tray[i];
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

/**
 * faxeng_set_toner_level() - report the toner level an ADC measured
 * @fe: the engine
 * @percent: 0..100 (larger values count as 100), or negative: unknown
 *
 * Context: any, hard interrupts included.
 */
void faxeng_set_toner_level(struct faxeng *fe, int percent)
{
	unsigned long flags;

	spin_lock_irqsave(&fe->lock, flags);
	fe->st.toner_level = percent < 0 ? FAXENG_LEVEL_UNKNOWN :
			     min(percent, 100);
	faxeng_changed_locked(fe);
	spin_unlock_irqrestore(&fe->lock, flags);
}
EXPORT_SYMBOL_GPL(faxeng_set_toner_level);

/**
 * faxeng_set_toner_switch() - report a toner switch (low, empty, missing)
 * @fe: the engine
 * @sw: which switch
 * @on: its level
 *
 * Context: any, hard interrupts included.
 */
void faxeng_set_toner_switch(struct faxeng *fe, enum faxeng_toner_switch sw,
			     bool on)
{
	unsigned long flags;

	if (WARN_ON_ONCE(sw >= ARRAY_SIZE(fe->toner_sw)))
		return;
	spin_lock_irqsave(&fe->lock, flags);
	fe->toner_sw[sw] = on;
	faxeng_changed_locked(fe);
	spin_unlock_irqrestore(&fe->lock, flags);
}
EXPORT_SYMBOL_GPL(faxeng_set_toner_switch);

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
 * Advances the page counter, the drum's and the maintenance interval's.
 * Context: any, hard interrupts included.
 */
void faxeng_add_pages(struct faxeng *fe, unsigned int pages)
{
	unsigned long flags;

	spin_lock_irqsave(&fe->lock, flags);
	fe->st.page_count += pages;
	fe->st.drum_pages += pages;
	fe->st.maintenance_pages += pages;
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
	if (fe->dead) {
		ret = -ENODEV;
	} else if (faxeng_knobs_consistent(knob)) {
		memcpy(fe->st.knob, knob, sizeof(knob));
		faxeng_changed_locked(fe);
	} else {
		ret = -EINVAL;
	}
	spin_unlock_irq(&fe->lock);
	return ret;
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

static void faxeng_emit(struct faxeng *fe, enum faxeng_condition cond,
			bool active, unsigned int tray, u64 seqnum)
{
	struct faxeng_transition tr = {
		.cond = cond,
		.active = active,
		.tray = tray,
		.seqnum = seqnum,
	};

	int uevent, netlink;

	fe->report_st.seqnum = seqnum;
	uevent = faxeng_emit_uevent(fe, &tr);
	netlink = faxeng_netlink_event(fe, &fe->report_st, &tr);
	trace_faxeng_event(fe, &tr, uevent, netlink);
}

/*
 * Emit the raises (want) or the clears (!want) from old to new, numbered
 * from *seqnum on.
 */
static void faxeng_emit_diff(struct faxeng *fe, u64 old, u64 new,
			     unsigned int tray, bool want, u64 *seqnum)
{
	u64 diff = old ^ new;
	int i;

	for (i = 0; i < FAXENG_COND_COUNT; i++)
		if ((diff & BIT_ULL(i)) && !!(new & BIT_ULL(i)) == want)
			faxeng_emit(fe, i, want, tray, ++*seqnum);
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
	fe->reported = st->conditions & ~FAXENG_PAPER_CONDITIONS;
	memcpy(fe->reported_tray, st->tray_conditions,
	       sizeof(fe->reported_tray));
	n = hweight64(old ^ fe->reported);
	for (i = 0; i < st->trays; i++)
		n += hweight64(old_tray[i] ^ st->tray_conditions[i]);
	seqnum = fe->st.seqnum;
	fe->st.seqnum += n;
	spin_unlock_irq(&fe->lock);

	if (n)
		faxeng_uevent_state(fe, st);
	for (pass = 1; pass >= 0; pass--) {
		faxeng_emit_diff(fe, old,
				 st->conditions & ~FAXENG_PAPER_CONDITIONS, 0,
				 pass, &seqnum);
		for (i = 0; i < st->trays; i++)
			faxeng_emit_diff(fe, old_tray[i],
					 st->tray_conditions[i], i + 1, pass,
					 &seqnum);
	}
	/* Timed only when traced, from the start of the run. */
	if (start && trace_faxeng_work_enabled())
		trace_faxeng_work(fe, n, ktime_get_ns() - start);
}

static void faxeng_release(struct device *dev)
{
	kfree(to_faxeng(dev));
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

	strscpy(fe->model, cfg->model ?: "", sizeof(fe->model));
	strscpy(fe->serial, cfg->serial ?: "", sizeof(fe->serial));
	spin_lock_init(&fe->lock);
	/* No event work until faxeng_add(). */
	fe->dead = true;
	INIT_DELAYED_WORK(&fe->work, faxeng_event_work);
	fe->last_run = jiffies - FAXENG_EVENT_INTERVAL;
	fe->st.trays = cfg->trays;
	fe->st.toner_level = cfg->toner_level < 0 ? FAXENG_LEVEL_UNKNOWN :
			     min(cfg->toner_level, 100);
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
	faxeng_update_locked(fe);

	device_initialize(&fe->dev);
	fe->dev.class = &faxeng_class;
	fe->dev.parent = parent;
	fe->dev.groups = faxeng_groups;
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
	fe->reported = fe->st.conditions & ~FAXENG_PAPER_CONDITIONS;
	memcpy(fe->reported_tray, fe->st.tray_conditions,
	       sizeof(fe->reported_tray));
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
