/* polisi-finish-page.h: the last step: what to fix, then export and print
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "polisi-export-flow.h"
#include "polisi-export.h"
#include "polisi-library.h"

G_BEGIN_DECLS

#define POLISI_TYPE_FINISH_PAGE (polisi_finish_page_get_type ())

G_DECLARE_FINAL_TYPE (PolisiFinishPage, polisi_finish_page, POLISI, FINISH_PAGE, GtkWidget)

PolisiFinishPage *polisi_finish_page_new           (void);
void              polisi_finish_page_set_findings  (PolisiFinishPage *self,
                                                    GPtrArray        *findings,
                                                    PolisiLibrary    *library);
guint             polisi_finish_page_get_n_rows    (PolisiFinishPage *self);
void              polisi_finish_page_activate_row  (PolisiFinishPage *self,
                                                    guint             index);
PolisiFormat      polisi_finish_page_get_format    (PolisiFinishPage *self);
void              polisi_finish_page_set_format    (PolisiFinishPage *self,
                                                    PolisiFormat      format);
PolisiLayout      polisi_finish_page_get_layout    (PolisiFinishPage *self);
void              polisi_finish_page_set_layout    (PolisiFinishPage *self,
                                                    PolisiLayout      layout);
gboolean          polisi_finish_page_get_final     (PolisiFinishPage *self);
gboolean          polisi_finish_page_get_english_first (PolisiFinishPage *self);
void              polisi_finish_page_set_export_flow (PolisiFinishPage *self,
                                                      PolisiExportFlow *flow);
PolisiExportFlow *polisi_finish_page_get_export_flow (PolisiFinishPage *self);

G_END_DECLS
