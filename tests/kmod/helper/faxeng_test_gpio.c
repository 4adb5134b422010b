// SPDX-License-Identifier: GPL-2.0-only
/*
 * faxeng_test_gpio: test fixture for faxeng_gpio on kernels without device
 * tree, gpio-sim or gpio-mockup (Debian's amd64 kernel). It is the board: a
 * GPIO chip whose lines tests set through module parameters, with
 * interrupts raised from irq_work (hard-interrupt context); an ADC device
 * "faxeng-test-adc" that faxeng_test_adc.ko drives (load it later, and the
 * engine's probe waits for it, as for an ADC driver that is slow to come);
 * and a "fax-engine" platform device whose firmware description is a
 * software node (referring to the ADC's, as a device tree's io-channels
 * would) plus a GPIO lookup table, using the property names of the
 * faxcare,fax-engine binding.
 *
 *   line=N=V     set line N to V (0/1), raising an edge interrupt
 *   bounce=N=K   toggle line N K times at once (contact bounce)
 *   pulses=K     K page pulses (rising edges) on the page-pulse line
 *   asleep=N=V   at the next system suspend, set line N to V silently: an
 *                edge lost while the system slept
 *   engine=NAME  register fax-engine.1 described as NAME says (each breaks
 *                the binding one way, see ft_variants), or "none" to
 *                remove it
 */
#include <linux/gpio/driver.h>
#include <linux/gpio/machine.h>
#include <linux/irq.h>
#include <linux/irq_work.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/pm.h>
#include <linux/property.h>
#include <linux/slab.h>
#include <linux/sysfs.h>

#define FT_LINES	12
#define FT_PAGE_PULSE	9
#define FT_LABEL	"faxeng-test"

struct ft {
	struct platform_device *parent;
	struct platform_device *adc;
	struct platform_device *engine;
	struct platform_device *bad;	/* fax-engine.1 */
	struct gpio_chip gc;
	struct irq_work irq_work;
	/* Line values and interrupt state; taken from hard interrupts. */
	spinlock_t lock;
	unsigned long values;
	unsigned long enabled;
	unsigned int type[FT_LINES];
	atomic_t pending[FT_LINES];
	unsigned long asleep_mask;	/* lines to set at suspend, to ... */
	unsigned long asleep_values;	/* ... these values */
};

static struct ft *ft;

static int ft_get(struct gpio_chip *gc, unsigned int offset)
{
	return test_bit(offset, &ft->values);
}

static int ft_get_direction(struct gpio_chip *gc, unsigned int offset)
{
	return GPIO_LINE_DIRECTION_IN;
}

static int ft_direction_input(struct gpio_chip *gc, unsigned int offset)
{
	return 0;
}

static void ft_irq_mask(struct irq_data *d)
{
	clear_bit(irqd_to_hwirq(d), &ft->enabled);
	gpiochip_disable_irq(&ft->gc, irqd_to_hwirq(d));
}

static void ft_irq_unmask(struct irq_data *d)
{
	gpiochip_enable_irq(&ft->gc, irqd_to_hwirq(d));
	set_bit(irqd_to_hwirq(d), &ft->enabled);
}

static int ft_irq_set_type(struct irq_data *d, unsigned int type)
{
	ft->type[irqd_to_hwirq(d)] = type & IRQ_TYPE_SENSE_MASK;
	return 0;
}

static const struct irq_chip ft_irq_chip = {
	.name = FT_LABEL,
	.irq_mask = ft_irq_mask,
	.irq_unmask = ft_irq_unmask,
	.irq_set_type = ft_irq_set_type,
	.flags = IRQCHIP_IMMUTABLE,
	GPIOCHIP_IRQ_RESOURCE_HELPERS,
};

/* Deliver the queued edges, in hard-interrupt context like a real chip. */
static void ft_irq_work(struct irq_work *work)
{
	int line, n;

	for (line = 0; line < FT_LINES; line++) {
		n = atomic_xchg(&ft->pending[line], 0);
		while (n-- > 0 && test_bit(line, &ft->enabled))
			generic_handle_domain_irq(ft->gc.irq.domain, line);
	}
}

/* Set a line; queue an interrupt when the edge is one it listens for. */
static void ft_set_line(unsigned int line, bool value)
{
	unsigned int want;
	unsigned long flags;
	bool old;

	spin_lock_irqsave(&ft->lock, flags);
	old = test_bit(line, &ft->values);
	assign_bit(line, &ft->values, value);
	want = value ? IRQ_TYPE_EDGE_RISING : IRQ_TYPE_EDGE_FALLING;
	if (old != value && (ft->type[line] & want))
		atomic_inc(&ft->pending[line]);
	spin_unlock_irqrestore(&ft->lock, flags);
	irq_work_queue(&ft->irq_work);
}

static int ft_parse_pair(const char *val, unsigned int *a, unsigned int *b)
{
	char buf[24], *eq;

	if (strscpy(buf, val, sizeof(buf)) < 0)
		return -EINVAL;
	eq = strchr(buf, '=');
	if (!eq)
		return -EINVAL;
	*eq = '\0';
	if (kstrtouint(buf, 10, a) || kstrtouint(strim(eq + 1), 10, b) ||
	    *a >= FT_LINES)
		return -EINVAL;
	return 0;
}

static int ft_line_set(const char *val, const struct kernel_param *kp)
{
	unsigned int line, value;

	if (!ft || ft_parse_pair(val, &line, &value) || value > 1)
		return -EINVAL;
	ft_set_line(line, value);
	return 0;
}

static int ft_bounce_set(const char *val, const struct kernel_param *kp)
{
	unsigned int line, times;

	if (!ft || ft_parse_pair(val, &line, &times) || times > 100000)
		return -EINVAL;
	while (times--)
		ft_set_line(line, !test_bit(line, &ft->values));
	return 0;
}

static int ft_pulses_set(const char *val, const struct kernel_param *kp)
{
	unsigned int n;

	if (!ft || kstrtouint(val, 10, &n) || n > 100000)
		return -EINVAL;
	while (n--) {
		ft_set_line(FT_PAGE_PULSE, true);
		ft_set_line(FT_PAGE_PULSE, false);
	}
	return 0;
}

static int ft_asleep_set(const char *val, const struct kernel_param *kp)
{
	unsigned int line, value;
	unsigned long flags;

	if (!ft || ft_parse_pair(val, &line, &value) || value > 1)
		return -EINVAL;
	spin_lock_irqsave(&ft->lock, flags);
	__set_bit(line, &ft->asleep_mask);
	__assign_bit(line, &ft->asleep_values, value);
	spin_unlock_irqrestore(&ft->lock, flags);
	return 0;
}

static const struct kernel_param_ops ft_line_ops = { .set = ft_line_set };
static const struct kernel_param_ops ft_bounce_ops = { .set = ft_bounce_set };
static const struct kernel_param_ops ft_pulses_ops = { .set = ft_pulses_set };
static const struct kernel_param_ops ft_asleep_ops = { .set = ft_asleep_set };
module_param_cb(line, &ft_line_ops, NULL, 0200);
module_param_cb(bounce, &ft_bounce_ops, NULL, 0200);
module_param_cb(pulses, &ft_pulses_ops, NULL, 0200);
module_param_cb(asleep, &ft_asleep_ops, NULL, 0200);

/* The board's wiring, as a device tree's *-gpios properties would say. */
static struct gpiod_lookup_table ft_lookup = {
	.dev_id = "fax-engine.0",
	.table = {
		GPIO_LOOKUP_IDX(FT_LABEL, 0, "paper-empty", 0, GPIO_ACTIVE_HIGH),
		GPIO_LOOKUP_IDX(FT_LABEL, 1, "paper-empty", 1, GPIO_ACTIVE_HIGH),
		GPIO_LOOKUP_IDX(FT_LABEL, 2, "paper-low", 0, GPIO_ACTIVE_HIGH),
		GPIO_LOOKUP_IDX(FT_LABEL, 3, "paper-low", 1, GPIO_ACTIVE_HIGH),
		GPIO_LOOKUP(FT_LABEL, 4, "toner-low", GPIO_ACTIVE_HIGH),
		GPIO_LOOKUP(FT_LABEL, 5, "toner-empty", GPIO_ACTIVE_HIGH),
		GPIO_LOOKUP(FT_LABEL, 6, "door-open", GPIO_ACTIVE_HIGH),
		GPIO_LOOKUP(FT_LABEL, 7, "jam", GPIO_ACTIVE_HIGH),
		GPIO_LOOKUP(FT_LABEL, 8, "fuser-error", GPIO_ACTIVE_HIGH),
		GPIO_LOOKUP(FT_LABEL, FT_PAGE_PULSE, "page-pulse",
			    GPIO_ACTIVE_HIGH),
		GPIO_LOOKUP_IDX(FT_LABEL, 10, "paper-missing", 0,
				GPIO_ACTIVE_HIGH),
		GPIO_LOOKUP_IDX(FT_LABEL, 11, "paper-missing", 1,
				GPIO_ACTIVE_HIGH),
		{ }
	},
};

/* The ADC, a provider of one channel: io-channels = <&adc 0>. */
static const struct property_entry ft_adc_props[] = {
	PROPERTY_ENTRY_U32("#io-channel-cells", 1),
	{ }
};

static const struct software_node ft_adc_node = {
	.name = "faxeng-test-adc",
	.properties = ft_adc_props,
};

static const struct property_entry ft_engine_props[] = {
	PROPERTY_ENTRY_STRING("model", "FX-GPIO 1"),
	PROPERTY_ENTRY_STRING("serial-number", "GP0001"),
	PROPERTY_ENTRY_U32("debounce-interval-ms", 10),
	PROPERTY_ENTRY_U32("faxcare,drum-rated-pages", 1000),
	PROPERTY_ENTRY_U32("faxcare,maintenance-interval-pages", 100),
	PROPERTY_ENTRY_REF("io-channels", &ft_adc_node, 0),
	PROPERTY_ENTRY_STRING("io-channel-names", "toner"),
	{ }
};

/*
 * fax-engine.1, described against the binding: each variant breaks one
 * rule, on the fixture's lines (free while fax-engine.0 is unbound).
 */
static const struct gpiod_lookup ft_bad_lines[] = {
	GPIO_LOOKUP_IDX(FT_LABEL, 0, "paper-empty", 0, GPIO_ACTIVE_HIGH),
	GPIO_LOOKUP(FT_LABEL, 4, "toner-low", GPIO_ACTIVE_HIGH),
	GPIO_LOOKUP(FT_LABEL, 6, "door-open", GPIO_ACTIVE_HIGH),
	GPIO_LOOKUP(FT_LABEL, 7, "jam", GPIO_ACTIVE_HIGH),
	GPIO_LOOKUP(FT_LABEL, FT_PAGE_PULSE, "page-pulse", GPIO_ACTIVE_HIGH),
	/* paper-low-gpios: two lines for paper-empty-gpios' one */
	GPIO_LOOKUP_IDX(FT_LABEL, 2, "paper-low", 0, GPIO_ACTIVE_HIGH),
	GPIO_LOOKUP_IDX(FT_LABEL, 3, "paper-low", 1, GPIO_ACTIVE_HIGH),
};

/* The index in ft_bad_lines of the entries variants leave out. */
#define FT_BAD_JAM	3
#define FT_BAD_LOW	5

static const struct property_entry ft_bad_debounce_0[] = {
	PROPERTY_ENTRY_U32("debounce-interval-ms", 0),
	{ }
};

static const struct property_entry ft_bad_debounce_1001[] = {
	PROPERTY_ENTRY_U32("debounce-interval-ms", 1001),
	{ }
};

static const struct property_entry ft_bad_drum_0[] = {
	PROPERTY_ENTRY_U32("faxcare,drum-rated-pages", 0),
	{ }
};

static const struct property_entry ft_bad_names_only[] = {
	PROPERTY_ENTRY_STRING("io-channel-names", "toner"),
	{ }
};

static const struct property_entry ft_no_props[] = {
	{ }
};

static const struct {
	const char *name;
	const struct property_entry *props;
	unsigned int lines;	/* of ft_bad_lines, from the first */
	int skip;		/* and one left out, or -1 */
} ft_variants[] = {
	{ "no-jam", ft_no_props, FT_BAD_LOW, FT_BAD_JAM },
	{ "no-paper-empty", ft_no_props, FT_BAD_LOW, 0 },
	{ "debounce-0", ft_bad_debounce_0, FT_BAD_LOW, -1 },
	{ "debounce-1001", ft_bad_debounce_1001, FT_BAD_LOW, -1 },
	{ "drum-0", ft_bad_drum_0, FT_BAD_LOW, -1 },
	{ "names-only", ft_bad_names_only, FT_BAD_LOW, -1 },
	{ "low-2-for-1", ft_no_props, FT_BAD_LOW + 2, -1 },
	/* Not broken: what the others break, to show they alone fail. */
	{ "good", ft_no_props, FT_BAD_LOW, -1 },
};

/* The variant's lines of ft_bad_lines, while fax-engine.1 is there. */
static struct gpiod_lookup_table *ft_bad_table;

static void ft_bad_remove(void)
{
	if (!ft->bad)
		return;
	platform_device_unregister(ft->bad);
	ft->bad = NULL;
	gpiod_remove_lookup_table(ft_bad_table);
	kfree(ft_bad_table);
	ft_bad_table = NULL;
}

static int ft_bad_add(unsigned int v)
{
	struct platform_device_info info = {
		.name = "fax-engine",
		.id = 1,
		.properties = ft_variants[v].props,
	};
	unsigned int i, n = 0;
	int ret;

	/* Zeroed: the entry after the last is the table's end. */
	ft_bad_table = kzalloc(struct_size(ft_bad_table, table,
					   ARRAY_SIZE(ft_bad_lines) + 1),
			       GFP_KERNEL);
	if (!ft_bad_table)
		return -ENOMEM;
	ft_bad_table->dev_id = "fax-engine.1";
	for (i = 0; i < ft_variants[v].lines; i++)
		if ((int)i != ft_variants[v].skip)
			ft_bad_table->table[n++] = ft_bad_lines[i];
	gpiod_add_lookup_table(ft_bad_table);
	ft->bad = platform_device_register_full(&info);
	ret = PTR_ERR_OR_ZERO(ft->bad);
	if (ret) {
		ft->bad = NULL;
		gpiod_remove_lookup_table(ft_bad_table);
		kfree(ft_bad_table);
		ft_bad_table = NULL;
	}
	return ret;
}

static DEFINE_MUTEX(ft_bad_lock);

static int ft_engine_set(const char *val, const struct kernel_param *kp)
{
	unsigned int v;
	int ret = 0;

	if (!ft)
		return -EINVAL;
	for (v = 0; v < ARRAY_SIZE(ft_variants); v++)
		if (sysfs_streq(val, ft_variants[v].name))
			break;
	if (v == ARRAY_SIZE(ft_variants) && !sysfs_streq(val, "none"))
		return -EINVAL;
	mutex_lock(&ft_bad_lock);
	ft_bad_remove();
	if (v < ARRAY_SIZE(ft_variants))
		ret = ft_bad_add(v);
	mutex_unlock(&ft_bad_lock);
	return ret;
}

static const struct kernel_param_ops ft_engine_ops = { .set = ft_engine_set };
module_param_cb(engine, &ft_engine_ops, NULL, 0200);

static int ft_add_gpio(void)
{
	struct gpio_irq_chip *girq = &ft->gc.irq;

	ft->gc.label = FT_LABEL;
	ft->gc.parent = &ft->parent->dev;
	ft->gc.owner = THIS_MODULE;
	ft->gc.base = -1;
	ft->gc.ngpio = FT_LINES;
	ft->gc.get = ft_get;
	ft->gc.get_direction = ft_get_direction;
	ft->gc.direction_input = ft_direction_input;
	gpio_irq_chip_set_chip(girq, &ft_irq_chip);
	girq->handler = handle_simple_irq;
	girq->default_type = IRQ_TYPE_NONE;
	return gpiochip_add_data(&ft->gc, ft);
}

/* The lines that changed while the system slept, without an edge. */
static int ft_suspend(struct device *dev)
{
	unsigned long flags;

	spin_lock_irqsave(&ft->lock, flags);
	ft->values = (ft->values & ~ft->asleep_mask) |
		     (ft->asleep_values & ft->asleep_mask);
	ft->asleep_mask = 0;
	spin_unlock_irqrestore(&ft->lock, flags);
	return 0;
}

static DEFINE_SIMPLE_DEV_PM_OPS(ft_pm_ops, ft_suspend, NULL);

static int ft_probe(struct platform_device *pdev)
{
	return 0;
}

/* Binds the board device, only for its suspend callback. */
static struct platform_driver ft_driver = {
	.probe = ft_probe,
	.driver = {
		.name = FT_LABEL,
		.pm = pm_sleep_ptr(&ft_pm_ops),
	},
};

static int __init ft_init(void)
{
	struct platform_device_info adc_info = {
		.name = "faxeng-test-adc",
		.id = PLATFORM_DEVID_NONE,
	};
	struct platform_device_info info = {
		.name = "fax-engine",
		.id = 0,
		.properties = ft_engine_props,
	};
	int ret;

	ft = kzalloc(sizeof(*ft), GFP_KERNEL);
	if (!ft)
		return -ENOMEM;
	spin_lock_init(&ft->lock);
	init_irq_work(&ft->irq_work, ft_irq_work);

	ret = platform_driver_register(&ft_driver);
	if (ret)
		goto err_free;
	ft->parent = platform_device_register_simple(FT_LABEL, -1, NULL, 0);
	ret = PTR_ERR_OR_ZERO(ft->parent);
	if (ret)
		goto err_driver;
	ret = ft_add_gpio();
	if (ret)
		goto err_parent;
	ret = software_node_register(&ft_adc_node);
	if (ret)
		goto err_gpio;
	adc_info.fwnode = software_node_fwnode(&ft_adc_node);
	ft->adc = platform_device_register_full(&adc_info);
	ret = PTR_ERR_OR_ZERO(ft->adc);
	if (ret)
		goto err_node;
	gpiod_add_lookup_table(&ft_lookup);
	ft->engine = platform_device_register_full(&info);
	ret = PTR_ERR_OR_ZERO(ft->engine);
	if (ret)
		goto err_lookup;
	return 0;

err_lookup:
	gpiod_remove_lookup_table(&ft_lookup);
	platform_device_unregister(ft->adc);
err_node:
	software_node_unregister(&ft_adc_node);
err_gpio:
	gpiochip_remove(&ft->gc);
err_parent:
	platform_device_unregister(ft->parent);
err_driver:
	platform_driver_unregister(&ft_driver);
err_free:
	kfree(ft);
	ft = NULL;
	return ret;
}

static void __exit ft_exit(void)
{
	mutex_lock(&ft_bad_lock);
	ft_bad_remove();
	mutex_unlock(&ft_bad_lock);
	platform_device_unregister(ft->engine);
	gpiod_remove_lookup_table(&ft_lookup);
	platform_device_unregister(ft->adc);
	software_node_unregister(&ft_adc_node);
	irq_work_sync(&ft->irq_work);
	gpiochip_remove(&ft->gc);
	platform_device_unregister(ft->parent);
	platform_driver_unregister(&ft_driver);
	kfree(ft);
}

module_init(ft_init);
module_exit(ft_exit);

MODULE_DESCRIPTION("Test fixture: GPIO lines, an ADC device, fax-engine devices");
MODULE_LICENSE("GPL");
