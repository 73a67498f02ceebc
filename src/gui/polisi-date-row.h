/* polisi-date-row.h: a date, typed or picked from a calendar
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "polisi-types.h"

G_BEGIN_DECLS

#define POLISI_TYPE_DATE_ROW (polisi_date_row_get_type ())

G_DECLARE_FINAL_TYPE (PolisiDateRow, polisi_date_row, POLISI, DATE_ROW, AdwEntryRow)

GtkWidget   *polisi_date_row_new          (PolisiLang     ui);
PolisiLang   polisi_date_row_get_interface_language (PolisiDateRow *self);
void         polisi_date_row_set_interface_language (PolisiDateRow *self,
                                                     PolisiLang     ui);
const char  *polisi_date_row_get_date     (PolisiDateRow *self);
void         polisi_date_row_set_date     (PolisiDateRow *self,
                                           const char    *iso);
gboolean     polisi_date_row_get_valid    (PolisiDateRow *self);
GtkCalendar *polisi_date_row_get_calendar (PolisiDateRow *self);
void         polisi_date_row_pick_day     (PolisiDateRow *self,
                                           const char    *iso);

G_END_DECLS
