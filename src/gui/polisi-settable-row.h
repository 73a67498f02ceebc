/* polisi-settable-row.h: a row that sets one key of the policy
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "polisi-settable.h"

G_BEGIN_DECLS

#define POLISI_TYPE_SETTABLE_ROW (polisi_settable_row_get_type ())

G_DECLARE_FINAL_TYPE (PolisiSettableRow, polisi_settable_row, POLISI, SETTABLE_ROW, AdwEntryRow)

GtkWidget            *polisi_settable_row_new          (const PolisiSettable *settable,
                                                        PolisiPolicy         *policy,
                                                        PolisiLibrary        *library,
                                                        PolisiLang            ui);
const PolisiSettable *polisi_settable_row_get_settable (PolisiSettableRow    *self);

G_END_DECLS
