/* polisi-trigger-row.h: a row of the review triggers
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "polisi-trigger.h"

G_BEGIN_DECLS

#define POLISI_TYPE_TRIGGER_ROW (polisi_trigger_row_get_type ())

G_DECLARE_FINAL_TYPE (PolisiTriggerRow, polisi_trigger_row, POLISI, TRIGGER_ROW, AdwActionRow)

GtkWidget     *polisi_trigger_row_new         (PolisiTrigger    *trigger,
                                               PolisiLang        ui);
PolisiTrigger *polisi_trigger_row_get_trigger (PolisiTriggerRow *self);
void           polisi_trigger_row_set_pending (PolisiTriggerRow *self,
                                               gboolean          pending);
gboolean       polisi_trigger_row_get_pending (PolisiTriggerRow *self);

G_END_DECLS
