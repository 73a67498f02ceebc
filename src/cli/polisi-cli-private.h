/* polisi-cli-private.h: what the batch shares with the rest of the command line
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "polisi-context.h"
#include "polisi-policy.h"

G_BEGIN_DECLS

void     polisi_cli_print_error   (const char     *message);
gboolean polisi_cli_apply_setting (PolisiPolicy   *policy,
                                   PolisiLibrary  *library,
                                   const char     *setting,
                                   GError        **error);
int      polisi_batch_run         (PolisiContext  *context,
                                   GVariantDict   *options);

G_END_DECLS
