// SPDX-License-Identifier: GPL-2.0-only
/*
 * faxeng_test_adc: the ADC driver of the faxeng_test_gpio board. It binds
 * the board's "faxeng-test-adc" device and provides its one IIO channel,
 * the toner level in percent. Loaded after the board, it is an ADC driver
 * that comes late: the fax engine's probe defers until it is there.
 *
 *   toner=P            the channel's value, percent
 *   suspended_reads    (read) reads while the device was suspended; each
 *                      fails with EBUSY, as on an ADC that is powered down
 *
 * Its suspend takes a while (300 ms), as a real converter's may: time in
 * which a consumer that polls from a workqueue the system did not freeze
 * would read it.
 */
#include <linux/delay.h>
#include <linux/iio/iio.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/pm.h>

static int toner = 100;
static bool suspended;
static unsigned int suspended_reads;

static int fta_toner_set(const char *val, const struct kernel_param *kp)
{
	unsigned int n;

	if (kstrtouint(val, 10, &n) || n > 100)
		return -EINVAL;
	WRITE_ONCE(toner, n);
	return 0;
}

static const struct kernel_param_ops fta_toner_ops = {
	.set = fta_toner_set,
	.get = param_get_int,
};
module_param_cb(toner, &fta_toner_ops, &toner, 0644);
module_param(suspended_reads, uint, 0444);

static int fta_read_raw(struct iio_dev *indio_dev,
			struct iio_chan_spec const *chan, int *val, int *val2,
			long mask)
{
	if (mask != IIO_CHAN_INFO_PROCESSED)
		return -EINVAL;
	if (READ_ONCE(suspended)) {
		WRITE_ONCE(suspended_reads, suspended_reads + 1);
		return -EBUSY;
	}
	*val = READ_ONCE(toner);
	return IIO_VAL_INT;
}

static const struct iio_info fta_info = {
	.read_raw = fta_read_raw,
};

static const struct iio_chan_spec fta_channels[] = {
	{
		.type = IIO_VOLTAGE,
		.indexed = 1,
		.channel = 0,
		.info_mask_separate = BIT(IIO_CHAN_INFO_PROCESSED),
		.datasheet_name = "toner",
	},
};

static int fta_probe(struct platform_device *pdev)
{
	struct iio_dev *iio;

	/* The IIO device takes the board's node: io-channels refer to it. */
	iio = devm_iio_device_alloc(&pdev->dev, 0);
	if (!iio)
		return -ENOMEM;
	iio->name = "faxeng-test-adc";
	iio->info = &fta_info;
	iio->channels = fta_channels;
	iio->num_channels = ARRAY_SIZE(fta_channels);
	iio->modes = INDIO_DIRECT_MODE;
	return devm_iio_device_register(&pdev->dev, iio);
}

static int fta_suspend(struct device *dev)
{
	WRITE_ONCE(suspended, true);
	msleep(300);
	return 0;
}

static int fta_resume(struct device *dev)
{
	WRITE_ONCE(suspended, false);
	return 0;
}

static DEFINE_SIMPLE_DEV_PM_OPS(fta_pm_ops, fta_suspend, fta_resume);

static struct platform_driver fta_driver = {
	.probe = fta_probe,
	.driver = {
		.name = "faxeng-test-adc",
		.pm = pm_sleep_ptr(&fta_pm_ops),
	},
};
module_platform_driver(fta_driver);

MODULE_DESCRIPTION("Test fixture: the toner ADC of the faxeng_test_gpio board");
MODULE_LICENSE("GPL");
