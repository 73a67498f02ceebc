/* polisi-dates.h: calendar dates in files and in both languages
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "polisi-types.h"

G_BEGIN_DECLS

gboolean  polisi_date_parse_iso   (const char  *text,
                                   GDate       *date);
gboolean  polisi_date_parse_written (const char *text,
                                     GDate      *date);
gboolean  polisi_date_check_iso   (const char  *text,
                                   const char  *key,
                                   GError     **error);
char     *polisi_date_to_iso      (const GDate *date);
char     *polisi_date_format      (const GDate *date,
                                   PolisiLang   lang);
void      polisi_date_add_months  (GDate       *date,
                                   guint        months);
void      polisi_date_set_today   (GDate       *date);
char     *polisi_date_format_cycle (guint       months,
                                    PolisiLang  lang);
char     *polisi_date_normalize_timestamp (const char *text);

G_END_DECLS
