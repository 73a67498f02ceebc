/* polisi-gui-utils.h: small helpers the review and consultation steps share
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "polisi-context.h"
#include "polisi-library.h"
#include "polisi-policy.h"

G_BEGIN_DECLS

GHashTable *polisi_gui_clause_numbers     (PolisiPolicy  *policy,
                                           PolisiLibrary *library);
char       *polisi_gui_clause_label       (PolisiPolicy  *policy,
                                           PolisiContext *context,
                                           GHashTable    *numbers,
                                           const char    *clause_id);
char       *polisi_gui_diff_markup        (GPtrArray     *diff);
char       *polisi_gui_format_date        (const char    *iso,
                                           PolisiLang     ui);
GtkWidget  *polisi_gui_placeholder_row    (const char    *text);
char       *polisi_gui_buffer_get_text    (GtkTextBuffer *buffer);
void        polisi_gui_show_error         (GtkWidget     *widget,
                                           const char    *heading,
                                           const char    *message);
void        polisi_gui_clear_group        (AdwPreferencesGroup *group,
                                           GPtrArray     *rows);

G_END_DECLS
