// SPDX-License-Identifier: GPL-2.0-only
/*
 * faxeng_gpio: a fax engine whose sensors are GPIO lines (and optionally an
 * IIO channel for the toner level), described by firmware: device tree
 * (compatible "faxcare,fax-engine"), ACPI _DSD, or software nodes and GPIO
 * lookup tables. Switch inputs are interrupt-driven and debounced with
 * delayed work, as gpio_keys does; page pulses are counted in the interrupt
 * handler.
 */
#include <linux/device.h>
#include <linux/gpio/consumer.h>
#include <linux/iio/consumer.h>
#include <linux/interrupt.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/pm.h>
#include <linux/property.h>
#include <linux/workqueue.h>
#include "faxeng.h"

#define FXG_DEBOUNCE_MS_DEFAULT	20
#define FXG_DEBOUNCE_MS_MIN	1
#define FXG_DEBOUNCE_MS_MAX	1000
/* Three lines per tray and per supply at most, and five switches. */
#define FXG_MAX_INPUTS		(3 * FAXENG_MAX_TRAYS + 5 + \
				 3 * FAXENG_MAX_SUPPLIES)
/* Supplies 1 and 2 are the engine's own toner lines and drum. */
#define FXG_OWN_SUPPLIES	2

static unsigned int toner_poll_ms = 10000;
module_param(toner_poll_ms, uint, 0644);
MODULE_PARM_DESC(toner_poll_ms,
		 "How often the toner IIO channel is read, in ms (min 100)");

enum fxg_role {
	FXG_PAPER_MISSING,
	FXG_PAPER_EMPTY,
	FXG_PAPER_LOW,
	FXG_TONER_LOW,
	FXG_TONER_EMPTY,
	FXG_DOOR_OPEN,
	FXG_JAM,
	FXG_FUSER_ERROR,
	/* A supply node's lines, in enum faxeng_toner_switch's order. */
	FXG_SUPPLY_LOW,
	FXG_SUPPLY_EMPTY,
	FXG_SUPPLY_MISSING,
};

/* Interrupts are named faxengN-<this>, with the tray number for trays. */
static const char *const fxg_irq_names[] = {
	[FXG_PAPER_MISSING]	= "paper-missing",
	[FXG_PAPER_EMPTY]	= "paper-empty",
	[FXG_PAPER_LOW]		= "paper-low",
	[FXG_TONER_LOW]		= "toner-low",
	[FXG_TONER_EMPTY]	= "toner-empty",
	[FXG_DOOR_OPEN]		= "door",
	[FXG_JAM]		= "jam",
	[FXG_FUSER_ERROR]	= "fuser",
	[FXG_SUPPLY_LOW]	= "supply-low",
	[FXG_SUPPLY_EMPTY]	= "supply-empty",
	[FXG_SUPPLY_MISSING]	= "supply-missing",
};

/* One switch input: a GPIO line, its interrupt and its debounce work. */
struct fxg_input {
	struct fxg *fxg;
	struct gpio_desc *gpiod;
	int irq;
	enum fxg_role role;
	unsigned int tray;		/* or the supply's index */
	unsigned long delay;		/* software debounce, jiffies */
	struct delayed_work work;
};

struct fxg {
	struct device *dev;
	struct faxeng *fe;
	unsigned int trays;
	u32 debounce_ms;
	struct fxg_input in[FXG_MAX_INPUTS];
	unsigned int inputs;
	struct gpio_desc *pulse;
	int pulse_irq;
	/*
	 * Tray inputs as last read, written by the inputs' debounce works,
	 * which may run at once on several CPUs; a tray's state derives from
	 * all three, so one mutex (the works may sleep) orders them.
	 */
	bool paper_missing[FAXENG_MAX_TRAYS];
	bool paper_empty[FAXENG_MAX_TRAYS];
	bool paper_low[FAXENG_MAX_TRAYS];
	struct mutex tray_lock;		/* the three arrays above */
	struct iio_channel *toner;
	/* Reads toner and the supplies' level channels. */
	struct delayed_work toner_work;
	bool polled;
	struct faxeng_supply_config supply[FAXENG_MAX_SUPPLIES];
	struct iio_channel *level[FAXENG_MAX_SUPPLIES];
	unsigned int supplies;
};

static void fxg_report_tray(struct fxg *fxg, unsigned int tray)
{
	enum faxeng_supply_state state = FAXENG_SUPPLY_OK;

	if (fxg->paper_missing[tray])
		state = FAXENG_SUPPLY_MISSING;
	else if (fxg->paper_empty[tray])
		state = FAXENG_SUPPLY_EMPTY;
	else if (fxg->paper_low[tray])
		state = FAXENG_SUPPLY_LOW;
	faxeng_set_tray(fxg->fe, tray, state);
}

/* Read a settled input and tell the core. */
static void fxg_input_report(struct fxg_input *in)
{
	struct fxg *fxg = in->fxg;
	int val = gpiod_get_value_cansleep(in->gpiod);

	if (val < 0) {
		dev_warn_ratelimited(fxg->dev, "reading an input: %d\n", val);
		return;
	}
	switch (in->role) {
	case FXG_PAPER_MISSING:
	case FXG_PAPER_EMPTY:
	case FXG_PAPER_LOW:
		mutex_lock(&fxg->tray_lock);
		if (in->role == FXG_PAPER_MISSING)
			fxg->paper_missing[in->tray] = val;
		else if (in->role == FXG_PAPER_EMPTY)
			fxg->paper_empty[in->tray] = val;
		else
			fxg->paper_low[in->tray] = val;
		fxg_report_tray(fxg, in->tray);
		mutex_unlock(&fxg->tray_lock);
		break;
	case FXG_TONER_LOW:
		faxeng_set_toner_switch(fxg->fe, FAXENG_TONER_SW_LOW, val);
		break;
	case FXG_TONER_EMPTY:
		faxeng_set_toner_switch(fxg->fe, FAXENG_TONER_SW_EMPTY, val);
		break;
	case FXG_DOOR_OPEN:
		faxeng_set_fault(fxg->fe, FAXENG_FAULT_DOOR_OPEN, val);
		break;
	case FXG_JAM:
		faxeng_set_fault(fxg->fe, FAXENG_FAULT_JAM, val);
		break;
	case FXG_FUSER_ERROR:
		faxeng_set_fault(fxg->fe, FAXENG_FAULT_FUSER_ERROR, val);
		break;
	case FXG_SUPPLY_LOW:
	case FXG_SUPPLY_EMPTY:
	case FXG_SUPPLY_MISSING:
		faxeng_set_supply_switch(fxg->fe, in->tray,
					 FAXENG_TONER_SW_LOW +
					 (in->role - FXG_SUPPLY_LOW), val);
		break;
	}
}

static void fxg_input_work(struct work_struct *work)
{
	fxg_input_report(container_of(to_delayed_work(work),
				      struct fxg_input, work));
}

/* Every edge restarts the debounce period; the work reads the result. */
static irqreturn_t fxg_input_irq(int irq, void *data)
{
	struct fxg_input *in = data;

	mod_delayed_work(system_wq, &in->work, in->delay);
	return IRQ_HANDLED;
}

static irqreturn_t fxg_page_irq(int irq, void *data)
{
	struct fxg *fxg = data;

	faxeng_add_pages(fxg->fe, 1);
	return IRQ_HANDLED;
}

static void fxg_cancel_work(void *data)
{
	struct fxg_input *in = data;

	cancel_delayed_work_sync(&in->work);
}

/* Note a line as an input, with its interrupt; nothing runs yet. */
static int fxg_take_line(struct fxg *fxg, struct gpio_desc *gpiod,
			 const char *con_id, enum fxg_role role,
			 unsigned int tray)
{
	struct fxg_input *in;

	if (WARN_ON(fxg->inputs == FXG_MAX_INPUTS))
		return -EINVAL;
	in = &fxg->in[fxg->inputs];
	in->irq = gpiod_to_irq(gpiod);
	if (in->irq < 0)
		return dev_err_probe(fxg->dev, in->irq,
				     "%s-gpios: a line without an interrupt\n",
				     con_id);
	in->fxg = fxg;
	in->gpiod = gpiod;
	in->role = role;
	in->tray = tray;
	fxg->inputs++;
	return 0;
}

/* A NAME-gpios switch: the binding makes some required, some optional. */
static int fxg_get_switch(struct fxg *fxg, const char *con_id,
			  enum fxg_role role, bool required)
{
	struct gpio_desc *gpiod;

	gpiod = devm_gpiod_get_optional(fxg->dev, con_id, GPIOD_IN);
	if (IS_ERR(gpiod))
		return dev_err_probe(fxg->dev, PTR_ERR(gpiod),
				     "getting %s-gpios\n", con_id);
	if (!gpiod) {
		if (!required)
			return 0;
		return dev_err_probe(fxg->dev, -EINVAL,
				     "%s-gpios is required but missing\n",
				     con_id);
	}
	return fxg_take_line(fxg, gpiod, con_id, role, 0);
}

/*
 * A per-tray list: paper-empty-gpios (required) says how many trays there
 * are; paper-low-gpios and paper-missing-gpios follow its order.
 */
static int fxg_get_trays(struct fxg *fxg, const char *con_id,
			 enum fxg_role role, bool required)
{
	struct gpio_descs *descs;
	unsigned int i;
	int ret;

	descs = devm_gpiod_get_array_optional(fxg->dev, con_id, GPIOD_IN);
	if (IS_ERR(descs))
		return dev_err_probe(fxg->dev, PTR_ERR(descs),
				     "getting %s-gpios\n", con_id);
	if (!descs)
		return required ?
		       dev_err_probe(fxg->dev, -EINVAL,
				     "%s-gpios is required but missing\n",
				     con_id) : 0;
	if (required) {
		fxg->trays = descs->ndescs;
		if (fxg->trays > FAXENG_MAX_TRAYS)
			return dev_err_probe(fxg->dev, -EINVAL,
					     "%s-gpios: %u trays, at most %d\n",
					     con_id, fxg->trays,
					     FAXENG_MAX_TRAYS);
	} else if (descs->ndescs > fxg->trays) {
		return dev_err_probe(fxg->dev, -EINVAL,
				     "%s-gpios: %u lines, more than the %u of paper-empty-gpios\n",
				     con_id, descs->ndescs, fxg->trays);
	}
	for (i = 0; i < descs->ndescs; i++) {
		ret = fxg_take_line(fxg, descs->desc[i], con_id, role, i);
		if (ret)
			return ret;
	}
	return 0;
}

/* Request an input's interrupt, named after the engine and the line. */
static int fxg_start_input(struct fxg *fxg, struct fxg_input *in)
{
	struct device *dev = fxg->dev;
	const char *name;
	int ret;

	if (in->role >= FXG_SUPPLY_LOW)
		name = devm_kasprintf(dev, GFP_KERNEL, "%s-%s%u",
				      faxeng_name(fxg->fe),
				      fxg_irq_names[in->role], in->tray + 1);
	else if (in->role <= FXG_PAPER_LOW)
		name = devm_kasprintf(dev, GFP_KERNEL, "%s-%s%u",
				      faxeng_name(fxg->fe),
				      fxg_irq_names[in->role], in->tray + 1);
	else
		name = devm_kasprintf(dev, GFP_KERNEL, "%s-%s",
				      faxeng_name(fxg->fe),
				      fxg_irq_names[in->role]);
	if (!name)
		return -ENOMEM;

	/* Debounce in the controller where it can, as gpio_keys does. */
	in->delay = msecs_to_jiffies(fxg->debounce_ms);
	if (!gpiod_set_debounce(in->gpiod, fxg->debounce_ms * USEC_PER_MSEC))
		in->delay = 0;
	INIT_DELAYED_WORK(&in->work, fxg_input_work);
	/* Released after the interrupt below: no work queued once gone. */
	ret = devm_add_action_or_reset(dev, fxg_cancel_work, in);
	if (ret)
		return ret;

	ret = devm_request_any_context_irq(dev, in->irq, fxg_input_irq,
					   IRQF_TRIGGER_RISING |
					   IRQF_TRIGGER_FALLING, name, in);
	if (ret < 0)
		return dev_err_probe(dev, ret, "requesting irq %d (%s)\n",
				     in->irq, name);
	/*
	 * The first read, by the work: after the interrupt is on, so no edge
	 * is lost, and never concurrent with the reads the edges queue.
	 */
	mod_delayed_work(system_wq, &in->work, 0);
	return 0;
}

static void fxg_toner_work(struct work_struct *work)
{
	struct fxg *fxg = container_of(to_delayed_work(work), struct fxg,
				       toner_work);
	unsigned int i;
	int val, ret;

	/* The channel is scaled to percent (e.g. through iio-rescale). */
	ret = fxg->toner ? iio_read_channel_processed(fxg->toner, &val) : 0;
	if (ret < 0)
		dev_warn_ratelimited(fxg->dev, "reading toner: %d\n", ret);
	else if (fxg->toner)
		faxeng_set_toner_level(fxg->fe, clamp(val, 0, 100));
	for (i = 0; i < fxg->supplies; i++) {
		if (!fxg->level[i])
			continue;
		ret = iio_read_channel_processed(fxg->level[i], &val);
		/* A sensor that does not answer: unknown, not empty. */
		if (ret < 0)
			dev_warn_ratelimited(fxg->dev, "reading supply %u: %d\n",
					     i + 1, ret);
		faxeng_set_supply_level(fxg->fe, i,
					ret < 0 ? -1 : clamp(val, 0, 100));
	}
	/* Freezable: no reads of an ADC the system suspended. */
	queue_delayed_work(system_freezable_wq, &fxg->toner_work,
			   msecs_to_jiffies(max(READ_ONCE(toner_poll_ms), 100U)));
}

static void fxg_stop_toner(void *data)
{
	struct fxg *fxg = data;

	cancel_delayed_work_sync(&fxg->toner_work);
}

/* The optional toner channel; its provider may come later (deferral). */
static int fxg_get_toner(struct fxg *fxg)
{
	struct device *dev = fxg->dev;
	bool names = device_property_present(dev, "io-channel-names");
	int ret;

	if (names != device_property_present(dev, "io-channels"))
		return dev_err_probe(dev, -EINVAL,
				     "%s without %s\n",
				     names ? "io-channel-names" : "io-channels",
				     names ? "io-channels" : "io-channel-names");
	fxg->toner = devm_iio_channel_get(dev, "toner");
	if (IS_ERR(fxg->toner)) {
		ret = PTR_ERR(fxg->toner);
		fxg->toner = NULL;
		return ret == -ENODEV ? 0 :
		       dev_err_probe(dev, ret, "getting the toner channel\n");
	}
	return 0;
}

static int fxg_start_toner(struct fxg *fxg)
{
	unsigned int i;
	int ret;

	fxg->polled = fxg->toner;
	for (i = 0; i < fxg->supplies; i++)
		fxg->polled |= !!fxg->level[i];
	if (!fxg->polled)
		return 0;
	INIT_DELAYED_WORK(&fxg->toner_work, fxg_toner_work);
	ret = devm_add_action_or_reset(fxg->dev, fxg_stop_toner, fxg);
	if (ret)
		return ret;
	queue_delayed_work(system_freezable_wq, &fxg->toner_work, 0);
	return 0;
}

/*
 * An optional u32 property within the binding's range; @val keeps its
 * default when the property is absent.
 */
static int fxg_read_u32(struct device *dev, const char *prop, u32 *val,
			u32 min, u32 max)
{
	u32 v;
	int ret;

	ret = device_property_read_u32(dev, prop, &v);
	if (ret == -EINVAL)
		return 0;
	if (ret)
		return dev_err_probe(dev, ret, "%s: not a u32\n", prop);
	if (v < min || v > max)
		return dev_err_probe(dev, -EINVAL,
				     "%s = %u: out of range %u..%u\n",
				     prop, v, min, max);
	*val = v;
	return 0;
}

/* A supply node's NAME-gpios line, optional: the switch @role reads it. */
static int fxg_get_supply_line(struct fxg *fxg, struct fwnode_handle *node,
			       const char *con_id, enum fxg_role role,
			       unsigned int supply)
{
	struct gpio_desc *gpiod;

	gpiod = devm_fwnode_gpiod_get(fxg->dev, node, con_id, GPIOD_IN,
				      "fax-engine-supply");
	if (IS_ERR(gpiod)) {
		if (PTR_ERR(gpiod) == -ENOENT)
			return 0;
		return dev_err_probe(fxg->dev, PTR_ERR(gpiod),
				     "supply@%u: getting %s-gpios\n",
				     supply + 1, con_id);
	}
	fxg->supply[supply].switches = true;
	return fxg_take_line(fxg, gpiod, con_id, role, supply);
}

/*
 * One supply@S node: its type, colorant, rated life, switch lines and level
 * channel, as supply S. Nodes come in no particular order (an overlay
 * adds them in reverse); @seen collects their numbers.
 */
static int fxg_get_supply(struct fxg *fxg, struct fwnode_handle *node,
			  unsigned long *seen)
{
	struct device *dev = fxg->dev;
	struct faxeng_supply_config *sc;
	struct iio_channel *chan;
	const char *str;
	bool filled, life;
	unsigned int s;
	u32 reg;
	int ret;

	if (fwnode_property_read_u32(node, "reg", &reg) ||
	    reg <= FXG_OWN_SUPPLIES || reg > FAXENG_MAX_SUPPLIES ||
	    test_and_set_bit(reg - 1, seen))
		return dev_err_probe(dev, -EINVAL,
				     "a supply node's reg must be %d..%d, each once\n",
				     FXG_OWN_SUPPLIES + 1, FAXENG_MAX_SUPPLIES);
	s = reg - 1;
	sc = &fxg->supply[s];
	ret = fwnode_property_read_string(node, "faxcare,supply-type", &str);
	if (!ret)
		ret = match_string(faxeng_supply_type_names,
				   ARRAY_SIZE(faxeng_supply_type_names), str);
	if (ret < 0)
		return dev_err_probe(dev, -EINVAL,
				     "supply@%u: faxcare,supply-type missing or unknown\n",
				     reg);
	sc->type = ret;
	sc->colour = FAXENG_COLOUR_NONE;
	if (!fwnode_property_read_string(node, "faxcare,colorant", &str)) {
		ret = match_string(faxeng_colour_names,
				   ARRAY_SIZE(faxeng_colour_names), str);
		if (ret < 0)
			return dev_err_probe(dev, -EINVAL,
					     "supply@%u: unknown faxcare,colorant %s\n",
					     reg, str);
		sc->colour = ret;
	}
	sc->level = -1;
	life = faxeng_supply_type_has_life(sc->type);
	filled = sc->type == FAXENG_SUPPLY_TYPE_WASTE_TONER;
	ret = fwnode_property_read_u32(node, "faxcare,rated-pages",
				       &sc->rated_pages);
	if (!ret && (!life || !sc->rated_pages ||
		     sc->rated_pages > FAXENG_PAGES_MAX))
		return dev_err_probe(dev, -EINVAL,
				     "supply@%u: faxcare,rated-pages is 1..%d, for a unit with a life\n",
				     reg, FAXENG_PAGES_MAX);
	fxg->supplies = max(fxg->supplies, reg);
	if (life)
		return fxg_get_supply_line(fxg, node, "missing",
					   FXG_SUPPLY_MISSING, s);
	ret = fxg_get_supply_line(fxg, node, filled ? "near-full" : "low",
				  FXG_SUPPLY_LOW, s) ?:
	      fxg_get_supply_line(fxg, node, filled ? "full" : "empty",
				  FXG_SUPPLY_EMPTY, s) ?:
	      fxg_get_supply_line(fxg, node, "missing", FXG_SUPPLY_MISSING, s);
	if (ret || !fwnode_property_present(node, "io-channels"))
		return ret;
	chan = devm_fwnode_iio_channel_get_by_name(dev, node, "level");
	if (IS_ERR(chan)) {
		ret = PTR_ERR(chan);
		return dev_err_probe(dev, ret,
				     "supply@%u: getting the level channel\n",
				     reg);
	}
	fxg->level[s] = chan;
	return 0;
}

/* A node named supply or supply@S (fwnode_name_eq() is not exported). */
static bool fxg_is_supply_node(struct fwnode_handle *node)
{
	const char *name = fwnode_get_name(node);
	size_t len = strlen("supply");

	return name && !strncmp(name, "supply", len) &&
	       (!name[len] || name[len] == '@');
}

/*
 * The supplies: the engine's toner lines (supply 1, a black toner) and
 * drum (2), then a supply@S child node each.
 */
static int fxg_get_supplies(struct fxg *fxg, struct faxeng_config *cfg)
{
	unsigned long seen = GENMASK(FXG_OWN_SUPPLIES - 1, 0);
	struct fwnode_handle *node;
	int ret;

	fxg->supply[0] = (struct faxeng_supply_config){
		.type = FAXENG_SUPPLY_TYPE_TONER,
		.colour = FAXENG_COLOUR_BLACK,
		.level = -1,
		/* toner-low-gpios is required */
		.switches = true,
	};
	fxg->supply[1] = (struct faxeng_supply_config){
		.type = FAXENG_SUPPLY_TYPE_OPC,
		.rated_pages = cfg->drum_rated_pages,
	};
	fxg->supplies = FXG_OWN_SUPPLIES;
	device_for_each_child_node(fxg->dev, node) {
		if (!fxg_is_supply_node(node))
			continue;
		ret = fxg_get_supply(fxg, node, &seen);
		if (ret) {
			fwnode_handle_put(node);
			return ret;
		}
	}
	/* Numbered without a gap, as sysfs numbers them. */
	if (seen != GENMASK(fxg->supplies - 1, 0))
		return dev_err_probe(fxg->dev, -EINVAL,
				     "supply nodes: reg must run %d, %d, ... without a gap\n",
				     FXG_OWN_SUPPLIES + 1,
				     FXG_OWN_SUPPLIES + 2);
	cfg->supplies = fxg->supply;
	cfg->nsupplies = fxg->supplies;
	return 0;
}

/*
 * The firmware description, as the binding faxcare,fax-engine says: the
 * required lines, optional ones, the ranges of the numbers. Nothing is
 * visible to user space yet.
 */
static int fxg_get_resources(struct fxg *fxg, struct faxeng_config *cfg)
{
	struct device *dev = fxg->dev;
	int ret;

	device_property_read_string(dev, "model", &cfg->model);
	device_property_read_string(dev, "serial-number", &cfg->serial);
	fxg->debounce_ms = FXG_DEBOUNCE_MS_DEFAULT;
	ret = fxg_read_u32(dev, "debounce-interval-ms", &fxg->debounce_ms,
			   FXG_DEBOUNCE_MS_MIN, FXG_DEBOUNCE_MS_MAX) ?:
	      fxg_read_u32(dev, "faxcare,drum-rated-pages",
			   &cfg->drum_rated_pages, 1, FAXENG_PAGES_MAX) ?:
	      fxg_read_u32(dev, "faxcare,maintenance-interval-pages",
			   &cfg->maintenance_interval, 1, FAXENG_PAGES_MAX);
	if (ret)
		return ret;

	ret = fxg_get_trays(fxg, "paper-empty", FXG_PAPER_EMPTY, true) ?:
	      fxg_get_trays(fxg, "paper-low", FXG_PAPER_LOW, false) ?:
	      fxg_get_trays(fxg, "paper-missing", FXG_PAPER_MISSING, false) ?:
	      fxg_get_switch(fxg, "toner-low", FXG_TONER_LOW, true) ?:
	      fxg_get_switch(fxg, "toner-empty", FXG_TONER_EMPTY, false) ?:
	      fxg_get_switch(fxg, "door-open", FXG_DOOR_OPEN, true) ?:
	      fxg_get_switch(fxg, "jam", FXG_JAM, true) ?:
	      fxg_get_switch(fxg, "fuser-error", FXG_FUSER_ERROR, false);
	if (ret)
		return ret;
	cfg->trays = fxg->trays;
	ret = fxg_get_supplies(fxg, cfg);
	if (ret)
		return ret;

	fxg->pulse = devm_gpiod_get_optional(dev, "page-pulse", GPIOD_IN);
	if (IS_ERR(fxg->pulse))
		return dev_err_probe(dev, PTR_ERR(fxg->pulse),
				     "getting page-pulse-gpios\n");
	if (!fxg->pulse)
		return dev_err_probe(dev, -EINVAL,
				     "page-pulse-gpios is required but missing\n");
	fxg->pulse_irq = gpiod_to_irq(fxg->pulse);
	if (fxg->pulse_irq < 0)
		return dev_err_probe(dev, fxg->pulse_irq,
				     "page-pulse-gpios: a line without an interrupt\n");

	return fxg_get_toner(fxg);
}

static int fxg_probe(struct platform_device *pdev)
{
	struct faxeng_config cfg = { .toner_level = -1 };
	struct device *dev = &pdev->dev;
	struct fxg *fxg;
	const char *name;
	unsigned int i;
	int ret;

	fxg = devm_kzalloc(dev, sizeof(*fxg), GFP_KERNEL);
	if (!fxg)
		return -ENOMEM;
	fxg->dev = dev;
	mutex_init(&fxg->tray_lock);
	platform_set_drvdata(pdev, fxg);

	/*
	 * Everything that can fail or defer comes first, as in gpio_keys:
	 * the engine appears (one add uevent, which starts the terminal's
	 * daemon) only once the probe can no longer fail.
	 */
	ret = fxg_get_resources(fxg, &cfg);
	if (ret)
		return ret;

	/* Freed after the interrupts and works below (devm order). */
	fxg->fe = devm_faxeng_alloc(dev, &cfg);
	if (IS_ERR(fxg->fe))
		return dev_err_probe(dev, PTR_ERR(fxg->fe),
				     "allocating the engine\n");

	for (i = 0; i < fxg->inputs; i++) {
		ret = fxg_start_input(fxg, &fxg->in[i]);
		if (ret)
			return ret;
	}
	name = devm_kasprintf(dev, GFP_KERNEL, "%s-page",
			      faxeng_name(fxg->fe));
	if (!name)
		return -ENOMEM;
	ret = devm_request_any_context_irq(dev, fxg->pulse_irq, fxg_page_irq,
					   IRQF_TRIGGER_RISING, name, fxg);
	if (ret < 0)
		return dev_err_probe(dev, ret, "requesting irq %d (%s)\n",
				     fxg->pulse_irq, name);
	ret = fxg_start_toner(fxg);
	if (ret)
		return ret;

	/*
	 * The first reads done, the add uevent carries what the lines say
	 * (a change after that is an event); an edge meanwhile queues a
	 * read of its own.
	 */
	for (i = 0; i < fxg->inputs; i++)
		flush_delayed_work(&fxg->in[i].work);
	if (fxg->polled)
		flush_delayed_work(&fxg->toner_work);
	ret = faxeng_add(fxg->fe);
	if (ret)
		return dev_err_probe(dev, ret, "adding the engine\n");

	dev_info(dev, "%s: %u trays, %u supplies, toner level %s\n",
		 faxeng_name(fxg->fe), fxg->trays, fxg->supplies,
		 fxg->toner ? "from IIO" : "unknown");
	return 0;
}

/*
 * Lines may have changed while the system slept, their edges lost with
 * the interrupts off: read every input again, as gpio_keys does, and the
 * toner channel (its work runs once tasks are thawed).
 */
static int fxg_resume(struct device *dev)
{
	struct fxg *fxg = dev_get_drvdata(dev);
	unsigned int i;

	for (i = 0; i < fxg->inputs; i++)
		mod_delayed_work(system_wq, &fxg->in[i].work, 0);
	if (fxg->polled)
		mod_delayed_work(system_freezable_wq, &fxg->toner_work, 0);
	return 0;
}

static DEFINE_SIMPLE_DEV_PM_OPS(fxg_pm_ops, NULL, fxg_resume);

static const struct of_device_id fxg_of_match[] = {
	{ .compatible = "faxcare,fax-engine" },
	{ }
};
MODULE_DEVICE_TABLE(of, fxg_of_match);

static const struct platform_device_id fxg_id_table[] = {
	{ .name = "fax-engine" },
	{ }
};
MODULE_DEVICE_TABLE(platform, fxg_id_table);

static struct platform_driver fxg_driver = {
	.probe = fxg_probe,
	.id_table = fxg_id_table,
	.driver = {
		.name = "faxeng_gpio",
		.of_match_table = fxg_of_match,
		.pm = pm_sleep_ptr(&fxg_pm_ops),
	},
};
module_platform_driver(fxg_driver);

MODULE_DESCRIPTION("Fax engine on GPIO lines and an IIO toner channel");
MODULE_LICENSE("GPL");
