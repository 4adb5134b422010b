/* SPDX-License-Identifier: ISC */
/*
 * An engine's state as the kernel gives it (<linux/faxeng.h>, over netlink
 * or sysfs) in the protocol's terms, for the programs that read an engine
 * (build with -I$(top)/include/uapi).
 */
#ifndef FAXCARE_KERNEL_H
#define FAXCARE_KERNEL_H

#include "faxcare/report.h"

/* A toner or tray state (enum faxeng_supply_state), a drum state (enum
 * faxeng_drum_state) as a report's state; FC_STATE_NONE for another value. */
enum fc_state fc_state_of_supply(int supply);
enum fc_state fc_state_of_drum(int drum);

/* The kernel's word for a fault (enum faxeng_fault): "jam", "door-open",
 * "fuser-error"; NULL for another value. */
const char *fc_fault_str(int fault);

#endif /* FAXCARE_KERNEL_H */
