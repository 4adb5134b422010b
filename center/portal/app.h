/* SPDX-License-Identifier: ISC */
/*
 * The faxcenter Kore application: settings shared by every page.
 */
#ifndef FAXCENTER_APP_H
#define FAXCENTER_APP_H

#include <kore/kore.h>
#include <kore/http.h>

#include "config.h"
#include "db_async.h"
#include "token.h"

extern struct center_config	app_config;

#endif
