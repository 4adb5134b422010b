// SPDX-License-Identifier: GPL-2.0
/*
 * faxeng debugfs: /sys/kernel/debug/faxeng/faxengN/stats, how much work the
 * coalescing does (inputs seen, work runs, events sent, time in the work,
 * netlink events built).
 * For benchmarks and debugging; not a stable interface.
 */
#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include "faxeng_internal.h"

static struct dentry *faxeng_debugfs_root;

static int faxeng_stats_show(struct seq_file *m, void *unused)
{
	struct faxeng *fe = m->private;
	u64 inputs, seqnum;

	spin_lock_irq(&fe->lock);
	inputs = fe->inputs;
	seqnum = fe->st.seqnum;
	spin_unlock_irq(&fe->lock);
	seq_printf(m, "inputs %llu\nwork_runs %llu\nevents %llu\nwork_ns %llu\n"
		   "netlink_events %llu\n", inputs, READ_ONCE(fe->work_runs),
		   seqnum, READ_ONCE(fe->work_ns), READ_ONCE(fe->nl_events));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(faxeng_stats);

void faxeng_debugfs_add(struct faxeng *fe)
{
	fe->debugfs = debugfs_create_dir(dev_name(&fe->dev),
					 faxeng_debugfs_root);
	debugfs_create_file("stats", 0444, fe->debugfs, fe,
			    &faxeng_stats_fops);
}

void faxeng_debugfs_remove(struct faxeng *fe)
{
	debugfs_remove(fe->debugfs);
}

void faxeng_debugfs_init(void)
{
	faxeng_debugfs_root = debugfs_create_dir("faxeng", NULL);
}

void faxeng_debugfs_exit(void)
{
	debugfs_remove(faxeng_debugfs_root);
}
