/* SPDX-License-Identifier: ISC */
/* The whole faxcare protocol library: include this, or the parts you use. */
#ifndef FAXCARE_PROTO_H
#define FAXCARE_PROTO_H

#include "faxcare/error.h"
#include "faxcare/conditions.h"
#include "faxcare/key.h"
#include "faxcare/report.h"
#include "faxcare/signature.h"
#include "faxcare/message.h"
#include "faxcare/kernel.h"

#endif /* FAXCARE_PROTO_H */
