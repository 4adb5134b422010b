// SPDX-License-Identifier: GPL-2.0
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
#include <linux/property.h>
#include <linux/workqueue.h>
#include "faxeng.h"

#define FXG_DEBOUNCE_MS_DEFAULT	20
#define FXG_DEBOUNCE_MS_MAX	1000

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
};

/* One switch input: a GPIO line, its interrupt and its debounce work. */
struct fxg_input {
	struct fxg *fxg;
	struct gpio_desc *gpiod;
	enum fxg_role role;
	unsigned int tray;
	unsigned long delay;		/* software debounce, jiffies */
	struct delayed_work work;
};

struct fxg {
	struct device *dev;
	struct faxeng *fe;
	unsigned int trays;
	u32 debounce_ms;
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
	struct delayed_work toner_work;
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

static int fxg_add_input(struct fxg *fxg, struct gpio_desc *gpiod,
			 enum fxg_role role, unsigned int tray)
{
	struct device *dev = fxg->dev;
	struct fxg_input *in;
	int irq, ret;

	in = devm_kzalloc(dev, sizeof(*in), GFP_KERNEL);
	if (!in)
		return -ENOMEM;
	in->fxg = fxg;
	in->gpiod = gpiod;
	in->role = role;
	in->tray = tray;
	/* Debounce in the controller where it can, as gpio_keys does. */
	in->delay = msecs_to_jiffies(fxg->debounce_ms);
	if (fxg->debounce_ms &&
	    !gpiod_set_debounce(gpiod, fxg->debounce_ms * USEC_PER_MSEC))
		in->delay = 0;
	INIT_DELAYED_WORK(&in->work, fxg_input_work);
	/* Released after the interrupt below: no work queued once gone. */
	ret = devm_add_action_or_reset(dev, fxg_cancel_work, in);
	if (ret)
		return ret;

	irq = gpiod_to_irq(gpiod);
	if (irq < 0)
		return dev_err_probe(dev, irq, "input without an interrupt\n");
	ret = devm_request_any_context_irq(dev, irq, fxg_input_irq,
					   IRQF_TRIGGER_RISING |
					   IRQF_TRIGGER_FALLING,
					   dev_name(dev), in);
	if (ret < 0)
		return dev_err_probe(dev, ret, "requesting irq %d\n", irq);
	/*
	 * The first read, by the work: after the interrupt is on, so no edge
	 * is lost, and never concurrent with the reads the edges queue.
	 */
	mod_delayed_work(system_wq, &in->work, 0);
	return 0;
}

static int fxg_add_one(struct fxg *fxg, const char *con_id,
		       enum fxg_role role, bool required)
{
	struct gpio_desc *gpiod;

	if (required)
		gpiod = devm_gpiod_get(fxg->dev, con_id, GPIOD_IN);
	else
		gpiod = devm_gpiod_get_optional(fxg->dev, con_id, GPIOD_IN);
	if (IS_ERR(gpiod))
		return dev_err_probe(fxg->dev, PTR_ERR(gpiod),
				     "getting %s-gpios\n", con_id);
	return gpiod ? fxg_add_input(fxg, gpiod, role, 0) : 0;
}

static int fxg_add_trays(struct fxg *fxg, struct gpio_descs *descs,
			 enum fxg_role role)
{
	unsigned int i;
	int ret;

	for (i = 0; descs && i < descs->ndescs; i++) {
		ret = fxg_add_input(fxg, descs->desc[i], role, i);
		if (ret)
			return ret;
	}
	return 0;
}

static void fxg_toner_work(struct work_struct *work)
{
	struct fxg *fxg = container_of(to_delayed_work(work), struct fxg,
				       toner_work);
	int val, ret;

	/* The channel is scaled to percent (e.g. through iio-rescale). */
	ret = iio_read_channel_processed(fxg->toner, &val);
	if (ret < 0)
		dev_warn_ratelimited(fxg->dev, "reading toner: %d\n", ret);
	else
		faxeng_set_toner_level(fxg->fe, clamp(val, 0, 100));
	queue_delayed_work(system_wq, &fxg->toner_work,
			   msecs_to_jiffies(max(READ_ONCE(toner_poll_ms), 100U)));
}

static void fxg_stop_toner(void *data)
{
	struct fxg *fxg = data;

	cancel_delayed_work_sync(&fxg->toner_work);
}

static int fxg_probe_toner(struct fxg *fxg)
{
	struct device *dev = fxg->dev;
	int ret;

	fxg->toner = devm_iio_channel_get(dev, "toner");
	if (IS_ERR(fxg->toner)) {
		ret = PTR_ERR(fxg->toner);
		fxg->toner = NULL;
		return ret == -ENODEV ? 0 :
		       dev_err_probe(dev, ret, "getting the toner channel\n");
	}
	INIT_DELAYED_WORK(&fxg->toner_work, fxg_toner_work);
	ret = devm_add_action_or_reset(dev, fxg_stop_toner, fxg);
	if (ret)
		return ret;
	queue_delayed_work(system_wq, &fxg->toner_work, 0);
	return 0;
}

static int fxg_probe(struct platform_device *pdev)
{
	struct faxeng_config cfg = { .toner_level = -1 };
	struct device *dev = &pdev->dev;
	struct gpio_descs *missing, *empty, *low;
	struct gpio_desc *pulse;
	u32 debounce = FXG_DEBOUNCE_MS_DEFAULT;
	struct fxg *fxg;
	int irq, ret;

	fxg = devm_kzalloc(dev, sizeof(*fxg), GFP_KERNEL);
	if (!fxg)
		return -ENOMEM;
	fxg->dev = dev;
	mutex_init(&fxg->tray_lock);

	device_property_read_string(dev, "model", &cfg.model);
	device_property_read_string(dev, "serial-number", &cfg.serial);
	device_property_read_u32(dev, "faxcare,drum-rated-pages",
				 &cfg.drum_rated_pages);
	device_property_read_u32(dev, "faxcare,maintenance-interval-pages",
				 &cfg.maintenance_interval);
	device_property_read_u32(dev, "debounce-interval-ms", &debounce);
	if (debounce > FXG_DEBOUNCE_MS_MAX)
		return dev_err_probe(dev, -EINVAL,
				     "debounce-interval-ms %u > %u\n",
				     debounce, FXG_DEBOUNCE_MS_MAX);
	fxg->debounce_ms = debounce;

	missing = devm_gpiod_get_array_optional(dev, "paper-missing", GPIOD_IN);
	if (IS_ERR(missing))
		return dev_err_probe(dev, PTR_ERR(missing),
				     "getting paper-missing-gpios\n");
	empty = devm_gpiod_get_array_optional(dev, "paper-empty", GPIOD_IN);
	if (IS_ERR(empty))
		return dev_err_probe(dev, PTR_ERR(empty),
				     "getting paper-empty-gpios\n");
	low = devm_gpiod_get_array_optional(dev, "paper-low", GPIOD_IN);
	if (IS_ERR(low))
		return dev_err_probe(dev, PTR_ERR(low),
				     "getting paper-low-gpios\n");
	fxg->trays = max3(missing ? missing->ndescs : 0,
			  empty ? empty->ndescs : 0, low ? low->ndescs : 0);
	fxg->trays = max(fxg->trays, 1U);
	if (fxg->trays > FAXENG_MAX_TRAYS)
		return dev_err_probe(dev, -EINVAL, "%u trays, at most %d\n",
				     fxg->trays, FAXENG_MAX_TRAYS);
	cfg.trays = fxg->trays;

	pulse = devm_gpiod_get(dev, "page-pulse", GPIOD_IN);
	if (IS_ERR(pulse))
		return dev_err_probe(dev, PTR_ERR(pulse),
				     "getting page-pulse-gpios\n");

	fxg->fe = devm_faxeng_register(dev, &cfg);
	if (IS_ERR(fxg->fe))
		return dev_err_probe(dev, PTR_ERR(fxg->fe),
				     "registering the engine\n");

	/* Inputs after the engine: devm frees them (and their irqs) first. */
	ret = fxg_add_trays(fxg, missing, FXG_PAPER_MISSING) ?:
	      fxg_add_trays(fxg, empty, FXG_PAPER_EMPTY) ?:
	      fxg_add_trays(fxg, low, FXG_PAPER_LOW) ?:
	      fxg_add_one(fxg, "toner-low", FXG_TONER_LOW, true) ?:
	      fxg_add_one(fxg, "toner-empty", FXG_TONER_EMPTY, false) ?:
	      fxg_add_one(fxg, "door-open", FXG_DOOR_OPEN, true) ?:
	      fxg_add_one(fxg, "jam", FXG_JAM, true) ?:
	      fxg_add_one(fxg, "fuser-error", FXG_FUSER_ERROR, false) ?:
	      fxg_probe_toner(fxg);
	if (ret)
		return ret;

	irq = gpiod_to_irq(pulse);
	if (irq < 0)
		return dev_err_probe(dev, irq, "page pulse without an irq\n");
	ret = devm_request_any_context_irq(dev, irq, fxg_page_irq,
					   IRQF_TRIGGER_RISING, dev_name(dev),
					   fxg);
	if (ret < 0)
		return dev_err_probe(dev, ret, "requesting page irq %d\n", irq);

	dev_info(dev, "%s: %u trays, toner level %s\n", faxeng_name(fxg->fe),
		 fxg->trays, fxg->toner ? "from IIO" : "unknown");
	return 0;
}

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
	},
};
module_platform_driver(fxg_driver);

MODULE_DESCRIPTION("Fax engine on GPIO lines and an IIO toner channel");
MODULE_LICENSE("GPL");
