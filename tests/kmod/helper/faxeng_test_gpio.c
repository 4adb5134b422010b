// SPDX-License-Identifier: GPL-2.0
/*
 * faxeng_test_gpio: test fixture for faxeng_gpio on kernels without device
 * tree, gpio-sim or gpio-mockup (Debian's amd64 kernel). It provides what a
 * board would: a GPIO chip whose lines tests set through module parameters,
 * with interrupts raised from irq_work (hard-interrupt context), an IIO
 * channel for the toner level, and a "fax-engine" platform device whose
 * firmware description is a software node plus a GPIO lookup table, using
 * the property names of the faxcare,fax-engine binding.
 *
 *   line=N=V     set line N to V (0/1), raising an edge interrupt
 *   bounce=N=K   toggle line N K times at once (contact bounce)
 *   pulses=K     K page pulses (rising edges) on the page-pulse line
 *   toner=P      the toner channel's value, percent
 */
#include <linux/gpio/driver.h>
#include <linux/gpio/machine.h>
#include <linux/iio/driver.h>
#include <linux/iio/iio.h>
#include <linux/iio/machine.h>
#include <linux/irq.h>
#include <linux/irq_work.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/property.h>

#define FT_LINES	12
#define FT_PAGE_PULSE	9
#define FT_LABEL	"faxeng-test"

struct ft {
	struct platform_device *parent;
	struct platform_device *engine;
	struct gpio_chip gc;
	struct iio_dev *iio;
	struct irq_work irq_work;
	/* Line values and interrupt state; taken from hard interrupts. */
	spinlock_t lock;
	unsigned long values;
	unsigned long enabled;
	unsigned int type[FT_LINES];
	atomic_t pending[FT_LINES];
	int toner;
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

static int ft_toner_set(const char *val, const struct kernel_param *kp)
{
	unsigned int n;

	if (!ft || kstrtouint(val, 10, &n) || n > 100)
		return -EINVAL;
	WRITE_ONCE(ft->toner, n);
	return 0;
}

static const struct kernel_param_ops ft_line_ops = { .set = ft_line_set };
static const struct kernel_param_ops ft_bounce_ops = { .set = ft_bounce_set };
static const struct kernel_param_ops ft_pulses_ops = { .set = ft_pulses_set };
static const struct kernel_param_ops ft_toner_ops = { .set = ft_toner_set };
module_param_cb(line, &ft_line_ops, NULL, 0200);
module_param_cb(bounce, &ft_bounce_ops, NULL, 0200);
module_param_cb(pulses, &ft_pulses_ops, NULL, 0200);
module_param_cb(toner, &ft_toner_ops, NULL, 0200);

static int ft_read_raw(struct iio_dev *indio_dev,
		       struct iio_chan_spec const *chan, int *val, int *val2,
		       long mask)
{
	if (mask != IIO_CHAN_INFO_PROCESSED)
		return -EINVAL;
	*val = READ_ONCE(ft->toner);
	return IIO_VAL_INT;
}

static const struct iio_info ft_iio_info = {
	.read_raw = ft_read_raw,
};

static const struct iio_chan_spec ft_iio_channels[] = {
	{
		.type = IIO_VOLTAGE,
		.indexed = 1,
		.channel = 0,
		.info_mask_separate = BIT(IIO_CHAN_INFO_PROCESSED),
		.datasheet_name = "toner",
	},
};

static struct iio_map ft_iio_maps[] = {
	IIO_MAP("toner", "fax-engine.0", "toner"),
	{ }
};

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

static const struct property_entry ft_engine_props[] = {
	PROPERTY_ENTRY_STRING("model", "FX-GPIO 1"),
	PROPERTY_ENTRY_STRING("serial-number", "GP0001"),
	PROPERTY_ENTRY_U32("debounce-interval-ms", 10),
	PROPERTY_ENTRY_U32("faxcare,drum-rated-pages", 1000),
	PROPERTY_ENTRY_U32("faxcare,maintenance-interval-pages", 100),
	{ }
};

static int ft_add_iio(void)
{
	int ret;

	ft->iio = iio_device_alloc(&ft->parent->dev, 0);
	if (!ft->iio)
		return -ENOMEM;
	ft->iio->name = "faxeng-test-adc";
	ft->iio->info = &ft_iio_info;
	ft->iio->channels = ft_iio_channels;
	ft->iio->num_channels = ARRAY_SIZE(ft_iio_channels);
	ft->iio->modes = INDIO_DIRECT_MODE;
	ret = iio_map_array_register(ft->iio, ft_iio_maps);
	if (ret)
		goto err_free;
	ret = iio_device_register(ft->iio);
	if (ret)
		goto err_unmap;
	return 0;

err_unmap:
	iio_map_array_unregister(ft->iio);
err_free:
	iio_device_free(ft->iio);
	return ret;
}

static void ft_remove_iio(void)
{
	iio_device_unregister(ft->iio);
	iio_map_array_unregister(ft->iio);
	iio_device_free(ft->iio);
}

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

static int __init ft_init(void)
{
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
	ft->toner = 100;

	ft->parent = platform_device_register_simple(FT_LABEL, -1, NULL, 0);
	ret = PTR_ERR_OR_ZERO(ft->parent);
	if (ret)
		goto err_free;
	ret = ft_add_gpio();
	if (ret)
		goto err_parent;
	ret = ft_add_iio();
	if (ret)
		goto err_gpio;
	gpiod_add_lookup_table(&ft_lookup);
	ft->engine = platform_device_register_full(&info);
	ret = PTR_ERR_OR_ZERO(ft->engine);
	if (ret)
		goto err_lookup;
	return 0;

err_lookup:
	gpiod_remove_lookup_table(&ft_lookup);
	ft_remove_iio();
err_gpio:
	gpiochip_remove(&ft->gc);
err_parent:
	platform_device_unregister(ft->parent);
err_free:
	kfree(ft);
	ft = NULL;
	return ret;
}

static void __exit ft_exit(void)
{
	platform_device_unregister(ft->engine);
	gpiod_remove_lookup_table(&ft_lookup);
	ft_remove_iio();
	irq_work_sync(&ft->irq_work);
	gpiochip_remove(&ft->gc);
	platform_device_unregister(ft->parent);
	kfree(ft);
}

module_init(ft_init);
module_exit(ft_exit);

MODULE_DESCRIPTION("Test fixture: GPIO lines, IIO toner, a fax-engine device");
MODULE_LICENSE("GPL");
