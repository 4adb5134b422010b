// SPDX-License-Identifier: GPL-2.0-only
/*
 * faxeng_sim: simulated fax engines for tests and demos. Every sensor input
 * is a module parameter writable at run time, as test_power does for power
 * supplies; see docs/ABI/testing/sysfs-module-faxeng_sim.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/hrtimer.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/string.h>
#include "faxeng.h"

#define SIM_MAX_ENGINES	4
#define SIM_MAX_PULSES	1000000
#define SIM_MAX_FLAP	100000
#define SIM_MAX_PAGE_RATE	100000
/* Engine i's serial is the prefix and i in this many digits. */
#define SIM_INDEX_DIGITS	4
#define SIM_PAGES_MAX		10000000

static unsigned int engines = 1;
module_param(engines, uint, 0444);
MODULE_PARM_DESC(engines, "Number of simulated engines, 1..4");

static unsigned int trays = 2;
module_param(trays, uint, 0444);
MODULE_PARM_DESC(trays, "Input trays per engine, 1..8");

static char *model = "FX-SIM 100";
module_param(model, charp, 0444);
MODULE_PARM_DESC(model, "Model string of every engine, at most 63 characters");

static char *serial = "SIM";
module_param(serial, charp, 0444);
MODULE_PARM_DESC(serial,
		 "Serial prefix, at most 59 characters: engine i is <serial><i, 4 digits>");

static unsigned int rated_pages = 20000;
module_param(rated_pages, uint, 0444);
MODULE_PARM_DESC(rated_pages, "Drum rated life in pages, 1..10000000");

static unsigned int maintenance_interval = 5000;
module_param(maintenance_interval, uint, 0444);
MODULE_PARM_DESC(maintenance_interval,
		 "Pages between maintenance services, 0..10000000 (0: no reminder)");

static bool colour;
module_param(colour, bool, 0444);
MODULE_PARM_DESC(colour,
		 "A colour engine: CMYK toners, waste toner, drums, fuser, transfer unit, maintenance kit (default: mono)");

static unsigned int drums = 1;
module_param(drums, uint, 0444);
MODULE_PARM_DESC(drums, "A colour engine's drums: 1 (one for all) or 4 (one per colour)");

/* The life of the colour engine's units, in pages. */
#define SIM_FUSER_PAGES		100000
#define SIM_TRANSFER_PAGES	120000
#define SIM_KIT_PAGES		200000

enum sim_input {
	SIM_TONER_LEVEL,
	SIM_TONER_LOW,
	SIM_TONER_EMPTY,
	SIM_TONER_MISSING,
	SIM_TRAY,
	SIM_JAM,
	SIM_DOOR_OPEN,
	SIM_FUSER_ERROR,
	SIM_PAGES,
	SIM_FLAP,
	SIM_FLAPPED,
	SIM_PAGE_RATE,
	SIM_SUPPLY_LEVEL,
	SIM_SUPPLY_MISSING,
};

struct sim_engine {
	struct faxeng *fe;
	char serial[FAXENG_ID_LEN + 1];
	int toner_level;		/* percent, or -1: no level sensor */
	bool toner_sw[3];		/* enum faxeng_toner_switch */
	u8 tray[FAXENG_MAX_TRAYS];	/* enum faxeng_supply_state */
	bool fault[FAXENG_FAULT_COUNT];
	atomic64_t pulses;		/* written and timer page pulses */
	u32 flap_rate;
	bool flap_jam;			/* the flapped jam input, timer only */
	u64 flapped;			/* toggles so far, timer only */
	struct hrtimer flap_timer;
	u32 page_rate;
	struct hrtimer page_timer;
	/* per supply: percent or -1 (unknown), its missing switch */
	int supply_level[FAXENG_MAX_SUPPLIES];
	bool supply_missing[FAXENG_MAX_SUPPLIES];
};

/* Every engine's supplies, from the colour and drums parameters. */
static struct faxeng_supply_config sim_supplies[FAXENG_MAX_SUPPLIES];
static unsigned int sim_nsupplies;

static struct sim_engine sim[SIM_MAX_ENGINES];
/* Serialises inputs with init and exit; sim_count is 0 when not ready. */
static DEFINE_MUTEX(sim_lock);
static unsigned int sim_count;

static enum hrtimer_restart sim_flap(struct hrtimer *timer)
{
	struct sim_engine *s = container_of(timer, struct sim_engine,
					    flap_timer);

	s->flap_jam = !s->flap_jam;
	s->flapped++;
	faxeng_set_fault(s->fe, FAXENG_FAULT_JAM, s->flap_jam);
	hrtimer_forward_now(timer, ns_to_ktime(NSEC_PER_SEC / s->flap_rate));
	return HRTIMER_RESTART;
}

/* A running engine: one page pulse per period, from hard interrupt. */
static enum hrtimer_restart sim_page(struct hrtimer *timer)
{
	struct sim_engine *s = container_of(timer, struct sim_engine,
					    page_timer);

	atomic64_inc(&s->pulses);
	faxeng_add_pages(s->fe, 1);
	hrtimer_forward_now(timer, ns_to_ktime(NSEC_PER_SEC / s->page_rate));
	return HRTIMER_RESTART;
}

static void sim_page_rate_set(struct sim_engine *s, u32 rate)
{
	hrtimer_cancel(&s->page_timer);
	s->page_rate = rate;
	if (rate)
		hrtimer_start(&s->page_timer, ns_to_ktime(NSEC_PER_SEC / rate),
			      HRTIMER_MODE_REL);
}

static void sim_flap_set(struct sim_engine *s, u32 rate)
{
	hrtimer_cancel(&s->flap_timer);
	s->flap_rate = rate;
	if (rate) {
		s->flap_jam = s->fault[FAXENG_FAULT_JAM];
		hrtimer_start(&s->flap_timer,
			      ns_to_ktime(NSEC_PER_SEC / rate),
			      HRTIMER_MODE_REL);
	} else {
		faxeng_set_fault(s->fe, FAXENG_FAULT_JAM,
				 s->fault[FAXENG_FAULT_JAM]);
	}
}

static int sim_parse_bool(const char *v, bool *on)
{
	unsigned int n;

	if (kstrtouint(v, 10, &n) || n > 1)
		return -EINVAL;
	*on = n;
	return 0;
}

static int sim_set_tray(struct sim_engine *s, char *v)
{
	char *eq = strchr(v, '=');
	unsigned int tray;
	int state;

	if (!eq)
		return -EINVAL;
	*eq = '\0';
	if (kstrtouint(v, 10, &tray) || !tray || tray > trays)
		return -EINVAL;
	state = match_string(faxeng_supply_names,
			     ARRAY_SIZE(faxeng_supply_names), eq + 1);
	if (state < 0)
		return -EINVAL;
	s->tray[tray - 1] = state;
	faxeng_set_tray(s->fe, tray - 1, state);
	return 0;
}

/*
 * "S=VALUE": supply S (1..), whose VALUE @parse takes; -EINVAL for a
 * supply the engines lack.
 */
static int sim_supply_arg(char *v, char **value)
{
	char *eq = strchr(v, '=');
	unsigned int supply;

	if (!eq)
		return -EINVAL;
	*eq = '\0';
	if (kstrtouint(v, 10, &supply) || !supply || supply > sim_nsupplies)
		return -EINVAL;
	*value = eq + 1;
	return supply - 1;
}

/* A level sensor's reading: a unit with a life has none. */
static int sim_set_supply_level(struct sim_engine *s, char *v)
{
	int supply = sim_supply_arg(v, &v);
	unsigned int n;

	if (supply < 0 ||
	    faxeng_supply_type_has_life(sim_supplies[supply].type))
		return -EINVAL;
	if (!strcmp(v, "unknown"))
		n = -1;
	else if (kstrtouint(v, 10, &n) || n > 100)
		return -EINVAL;
	s->supply_level[supply] = n;
	if (!supply)
		s->toner_level = n;
	faxeng_set_supply_level(s->fe, supply, n);
	return 0;
}

static int sim_set_supply_missing(struct sim_engine *s, char *v)
{
	int supply = sim_supply_arg(v, &v);
	bool on;

	if (supply < 0 || sim_parse_bool(v, &on))
		return -EINVAL;
	s->supply_missing[supply] = on;
	faxeng_set_supply_switch(s->fe, supply, FAXENG_TONER_SW_MISSING, on);
	return 0;
}

static int sim_apply(struct sim_engine *s, enum sim_input in, char *v)
{
	unsigned int n;
	bool on;

	switch (in) {
	case SIM_TONER_LEVEL:
		if (!strcmp(v, "unknown"))
			n = -1;
		else if (kstrtouint(v, 10, &n) || n > 100)
			return -EINVAL;
		s->toner_level = n;
		faxeng_set_toner_level(s->fe, s->toner_level);
		/* The toner toner_level shows is supply 1. */
		s->supply_level[0] = n;
		return 0;
	case SIM_TONER_LOW:
	case SIM_TONER_EMPTY:
	case SIM_TONER_MISSING:
		if (sim_parse_bool(v, &on))
			return -EINVAL;
		n = FAXENG_TONER_SW_LOW + (in - SIM_TONER_LOW);
		s->toner_sw[n] = on;
		faxeng_set_toner_switch(s->fe, n, on);
		return 0;
	case SIM_TRAY:
		return sim_set_tray(s, v);
	case SIM_SUPPLY_LEVEL:
		return sim_set_supply_level(s, v);
	case SIM_SUPPLY_MISSING:
		return sim_set_supply_missing(s, v);
	case SIM_JAM:
	case SIM_DOOR_OPEN:
	case SIM_FUSER_ERROR:
		if (sim_parse_bool(v, &on))
			return -EINVAL;
		n = FAXENG_FAULT_JAM + (in - SIM_JAM);
		s->fault[n] = on;
		faxeng_set_fault(s->fe, n, on);
		return 0;
	case SIM_PAGES:
		if (kstrtouint(v, 10, &n) || !n || n > SIM_MAX_PULSES)
			return -EINVAL;
		atomic64_add(n, &s->pulses);
		faxeng_add_pages(s->fe, n);
		return 0;
	case SIM_PAGE_RATE:
		if (kstrtouint(v, 10, &n) || n > SIM_MAX_PAGE_RATE)
			return -EINVAL;
		sim_page_rate_set(s, n);
		return 0;
	case SIM_FLAP:
		if (kstrtouint(v, 10, &n) || n > SIM_MAX_FLAP)
			return -EINVAL;
		sim_flap_set(s, n);
		return 0;
	case SIM_FLAPPED:
		break;
	}
	return -EINVAL;
}

/* "[E:]VALUE": the input of engine E (default 0). */
static int sim_input_set(const char *val, const struct kernel_param *kp)
{
	enum sim_input in = *(enum sim_input *)kp->arg;
	unsigned int e = 0, count;
	char buf[32], *v, *colon;
	int ret;

	if (strscpy(buf, val, sizeof(buf)) < 0)
		return -EINVAL;
	v = strim(buf);
	colon = strchr(v, ':');
	if (colon) {
		*colon = '\0';
		ret = kstrtouint(v, 10, &e);
		/* A number, however large, names an engine: ENODEV below. */
		if (ret == -ERANGE)
			e = UINT_MAX;
		else if (ret)
			return -EINVAL;
		v = colon + 1;
	}

	mutex_lock(&sim_lock);
	count = sim_count;
	ret = e < count ? sim_apply(&sim[e], in, v) : -ENODEV;
	mutex_unlock(&sim_lock);
	/* No engine yet: given to insmod, which then fails. */
	if (!count)
		pr_err("%s is a run-time input: write it once the module is loaded\n",
		       kp->name);
	return ret;
}

static int sim_show_one(char *buf, int len, struct sim_engine *s,
			enum sim_input in)
{
	int i;

	switch (in) {
	case SIM_TONER_LEVEL:
		if (s->toner_level < 0)
			return sysfs_emit_at(buf, len, "unknown");
		return sysfs_emit_at(buf, len, "%d", s->toner_level);
	case SIM_TONER_LOW:
	case SIM_TONER_EMPTY:
	case SIM_TONER_MISSING:
		return sysfs_emit_at(buf, len, "%d",
				     s->toner_sw[in - SIM_TONER_LOW]);
	case SIM_TRAY:
		for (i = 0; i < trays; i++)
			len += sysfs_emit_at(buf, len, "%s%d=%s", i ? "," : "",
					     i + 1,
					     faxeng_supply_names[s->tray[i]]);
		return len;
	case SIM_SUPPLY_LEVEL:
		for (i = 0; i < sim_nsupplies; i++) {
			len += sysfs_emit_at(buf, len, "%s%d=", i ? "," : "",
					     i + 1);
			if (faxeng_supply_type_has_life(sim_supplies[i].type))
				len += sysfs_emit_at(buf, len, "pages");
			else if (s->supply_level[i] < 0)
				len += sysfs_emit_at(buf, len, "unknown");
			else
				len += sysfs_emit_at(buf, len, "%d",
						     s->supply_level[i]);
		}
		return len;
	case SIM_SUPPLY_MISSING:
		for (i = 0; i < sim_nsupplies; i++)
			len += sysfs_emit_at(buf, len, "%s%d=%d", i ? "," : "",
					     i + 1, s->supply_missing[i]);
		return len;
	case SIM_JAM:
	case SIM_DOOR_OPEN:
	case SIM_FUSER_ERROR:
		return sysfs_emit_at(buf, len, "%d", s->fault[in - SIM_JAM]);
	case SIM_PAGES:
		return sysfs_emit_at(buf, len, "%lld",
				     atomic64_read(&s->pulses));
	case SIM_PAGE_RATE:
		return sysfs_emit_at(buf, len, "%u", s->page_rate);
	case SIM_FLAP:
		return sysfs_emit_at(buf, len, "%u", s->flap_rate);
	case SIM_FLAPPED:
		return sysfs_emit_at(buf, len, "%llu", READ_ONCE(s->flapped));
	}
	return 0;
}

static int sim_input_get(char *buf, const struct kernel_param *kp)
{
	enum sim_input in = *(enum sim_input *)kp->arg;
	unsigned int e;
	int len = 0;

	mutex_lock(&sim_lock);
	for (e = 0; e < sim_count; e++) {
		if (e)
			len += sysfs_emit_at(buf, len, " ");
		if (in == SIM_TRAY || in == SIM_SUPPLY_LEVEL ||
		    in == SIM_SUPPLY_MISSING)
			len = sim_show_one(buf, len, &sim[e], in);
		else
			len += sim_show_one(buf, len, &sim[e], in);
	}
	mutex_unlock(&sim_lock);
	return len + sysfs_emit_at(buf, len, "\n");
}

static const struct kernel_param_ops sim_input_ops = {
	.set = sim_input_set,
	.get = sim_input_get,
};

#define SIM_INPUT(_name, _id)						\
	static enum sim_input sim_in_##_name = _id;			\
	module_param_cb(_name, &sim_input_ops, &sim_in_##_name, 0644)

SIM_INPUT(toner_level, SIM_TONER_LEVEL);
MODULE_PARM_DESC(toner_level, "[E:]0..100 or unknown");
SIM_INPUT(toner_low, SIM_TONER_LOW);
MODULE_PARM_DESC(toner_low, "[E:]0|1 toner-low switch");
SIM_INPUT(toner_empty, SIM_TONER_EMPTY);
MODULE_PARM_DESC(toner_empty, "[E:]0|1 toner-empty switch");
SIM_INPUT(toner_missing, SIM_TONER_MISSING);
MODULE_PARM_DESC(toner_missing, "[E:]0|1 no cartridge");
SIM_INPUT(tray, SIM_TRAY);
MODULE_PARM_DESC(tray, "[E:]T=ok|low|empty|missing");
SIM_INPUT(supply_level, SIM_SUPPLY_LEVEL);
MODULE_PARM_DESC(supply_level, "[E:]S=0..100|unknown level of supply S");
SIM_INPUT(supply_missing, SIM_SUPPLY_MISSING);
MODULE_PARM_DESC(supply_missing, "[E:]S=0|1 supply S taken out");
SIM_INPUT(jam, SIM_JAM);
MODULE_PARM_DESC(jam, "[E:]0|1 paper jam");
SIM_INPUT(door_open, SIM_DOOR_OPEN);
MODULE_PARM_DESC(door_open, "[E:]0|1 door open");
SIM_INPUT(fuser_error, SIM_FUSER_ERROR);
MODULE_PARM_DESC(fuser_error, "[E:]0|1 fuser error");
SIM_INPUT(pages, SIM_PAGES);
MODULE_PARM_DESC(pages, "[E:]N page pulses (1..1000000)");
SIM_INPUT(flap, SIM_FLAP);
MODULE_PARM_DESC(flap, "[E:]RATE jam toggles per second, 0 stops");
SIM_INPUT(page_rate, SIM_PAGE_RATE);
MODULE_PARM_DESC(page_rate, "[E:]RATE page pulses per second, 0 stops");

static enum sim_input sim_in_flapped = SIM_FLAPPED;
module_param_cb(flapped, &sim_input_ops, &sim_in_flapped, 0444);
MODULE_PARM_DESC(flapped, "Jam toggles made by flap so far");

static int sim_devices_get(char *buf, const struct kernel_param *kp)
{
	unsigned int e;
	int len = 0;

	mutex_lock(&sim_lock);
	for (e = 0; e < sim_count; e++)
		len += sysfs_emit_at(buf, len, "%s%s", e ? " " : "",
				     faxeng_name(sim[e].fe));
	mutex_unlock(&sim_lock);
	return len + sysfs_emit_at(buf, len, "\n");
}

static const struct kernel_param_ops sim_devices_ops = {
	.get = sim_devices_get,
};
module_param_cb(devices, &sim_devices_ops, NULL, 0444);
MODULE_PARM_DESC(devices, "faxengN name of each simulated engine");

static void sim_remove_all(unsigned int count)
{
	while (count--) {
		hrtimer_cancel(&sim[count].flap_timer);
		hrtimer_cancel(&sim[count].page_timer);
		faxeng_unregister(sim[count].fe);
	}
}

/*
 * Refuse load-time parameters out of range rather than change them: a cut
 * serial prefix would give every engine the same serial.
 */
static int __init sim_check_params(void)
{
	size_t len;

	if (!engines || engines > SIM_MAX_ENGINES) {
		pr_err("engines=%u: must be 1..%d\n", engines, SIM_MAX_ENGINES);
		return -EINVAL;
	}
	if (!trays || trays > FAXENG_MAX_TRAYS) {
		pr_err("trays=%u: must be 1..%d\n", trays, FAXENG_MAX_TRAYS);
		return -EINVAL;
	}
	len = strlen(model);
	if (len > FAXENG_ID_LEN) {
		pr_err("model is %zu characters long: at most %d\n", len,
		       FAXENG_ID_LEN);
		return -EINVAL;
	}
	len = strlen(serial);
	if (len > FAXENG_ID_LEN - SIM_INDEX_DIGITS) {
		pr_err("serial prefix is %zu characters long: at most %d, as %d digits of engine index follow it\n",
		       len, FAXENG_ID_LEN - SIM_INDEX_DIGITS, SIM_INDEX_DIGITS);
		return -EINVAL;
	}
	if (!rated_pages || rated_pages > SIM_PAGES_MAX) {
		pr_err("rated_pages=%u: must be 1..%d\n", rated_pages,
		       SIM_PAGES_MAX);
		return -EINVAL;
	}
	if (drums != 1 && !(colour && drums == 4)) {
		pr_err("drums=%u: must be 1, or 4 for a colour engine\n",
		       drums);
		return -EINVAL;
	}
	if (maintenance_interval > SIM_PAGES_MAX) {
		pr_err("maintenance_interval=%u: must be 0..%d\n",
		       maintenance_interval, SIM_PAGES_MAX);
		return -EINVAL;
	}
	return 0;
}

static void __init sim_add_supply(enum faxeng_supply_type type,
				  enum faxeng_colour colour, u32 rated)
{
	sim_supplies[sim_nsupplies++] = (struct faxeng_supply_config){
		.type = type,
		.colour = colour,
		.level = faxeng_supply_type_has_life(type) ? -1 :
			 type == FAXENG_SUPPLY_TYPE_WASTE_TONER ? 0 : 100,
		.rated_pages = rated,
	};
}

/*
 * Mono: a black toner and a drum, as faxeng gives by default. Colour:
 * toners black, cyan, magenta, yellow (1..4), the waste bottle (5), one
 * drum or one per colour, fuser, transfer unit, maintenance kit.
 */
static void __init sim_make_supplies(void)
{
	enum faxeng_colour c;

	if (!colour) {
		sim_add_supply(FAXENG_SUPPLY_TYPE_TONER, FAXENG_COLOUR_BLACK, 0);
		sim_add_supply(FAXENG_SUPPLY_TYPE_OPC, FAXENG_COLOUR_NONE,
			       rated_pages);
		return;
	}
	for (c = FAXENG_COLOUR_BLACK; c <= FAXENG_COLOUR_YELLOW; c++)
		sim_add_supply(FAXENG_SUPPLY_TYPE_TONER, c, 0);
	sim_add_supply(FAXENG_SUPPLY_TYPE_WASTE_TONER, FAXENG_COLOUR_NONE, 0);
	if (drums == 1)
		sim_add_supply(FAXENG_SUPPLY_TYPE_OPC, FAXENG_COLOUR_NONE,
			       rated_pages);
	else
		for (c = FAXENG_COLOUR_BLACK; c <= FAXENG_COLOUR_YELLOW; c++)
			sim_add_supply(FAXENG_SUPPLY_TYPE_OPC, c, rated_pages);
	sim_add_supply(FAXENG_SUPPLY_TYPE_FUSER, FAXENG_COLOUR_NONE,
		       SIM_FUSER_PAGES);
	sim_add_supply(FAXENG_SUPPLY_TYPE_TRANSFER_UNIT, FAXENG_COLOUR_NONE,
		       SIM_TRANSFER_PAGES);
	sim_add_supply(FAXENG_SUPPLY_TYPE_MAINTENANCE_KIT, FAXENG_COLOUR_NONE,
		       SIM_KIT_PAGES);
}

static int __init sim_init(void)
{
	struct faxeng_config cfg = {
		.model = model,
		.trays = trays,
		.toner_level = 100,
		.drum_rated_pages = rated_pages,
		.maintenance_interval = maintenance_interval,
		.maintenance_off = !maintenance_interval,
	};
	struct sim_engine *s;
	unsigned int e, i;
	int ret;

	ret = sim_check_params();
	if (ret)
		return ret;
	sim_make_supplies();
	cfg.supplies = sim_supplies;
	cfg.nsupplies = sim_nsupplies;

	for (e = 0; e < engines; e++) {
		s = &sim[e];
		hrtimer_init(&s->flap_timer, CLOCK_MONOTONIC,
			     HRTIMER_MODE_REL);
		s->flap_timer.function = sim_flap;
		hrtimer_init(&s->page_timer, CLOCK_MONOTONIC,
			     HRTIMER_MODE_REL);
		s->page_timer.function = sim_page;
		snprintf(s->serial, sizeof(s->serial), "%s%0*u", serial,
			 SIM_INDEX_DIGITS, e);
		cfg.serial = s->serial;
		s->fe = faxeng_register(NULL, &cfg);
		if (IS_ERR(s->fe)) {
			sim_remove_all(e);
			return PTR_ERR(s->fe);
		}
		s->toner_level = cfg.toner_level;
		for (i = 0; i < sim_nsupplies; i++)
			s->supply_level[i] = sim_supplies[i].level;
	}

	mutex_lock(&sim_lock);
	sim_count = engines;
	mutex_unlock(&sim_lock);
	return 0;
}

static void __exit sim_exit(void)
{
	unsigned int count;

	mutex_lock(&sim_lock);
	count = sim_count;
	sim_count = 0;
	mutex_unlock(&sim_lock);
	sim_remove_all(count);
}

module_init(sim_init);
module_exit(sim_exit);

MODULE_DESCRIPTION("Simulated fax engines for the faxeng class");
MODULE_LICENSE("GPL");
