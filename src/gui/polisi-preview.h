/* polisi-preview.h: the pages as they will print, kept current
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "polisi-library.h"
#include "polisi-page-layout.h"
#include "polisi-policy.h"

G_BEGIN_DECLS

/* for polisi_preview_show_block(): the document's first page, its title page */
#define POLISI_PREVIEW_FIRST_PAGE "first-page"

#define POLISI_TYPE_PREVIEW (polisi_preview_get_type ())

G_DECLARE_FINAL_TYPE (PolisiPreview, polisi_preview, POLISI, PREVIEW, GtkWidget)

PolisiPreview    *polisi_preview_new               (void);
void              polisi_preview_set_policy        (PolisiPreview  *self,
                                                    PolisiPolicy   *policy,
                                                    PolisiLibrary  *library);
void              polisi_preview_set_layout        (PolisiPreview  *self,
                                                    PolisiLayout    layout);
PolisiLayout      polisi_preview_get_layout        (PolisiPreview  *self);
PolisiPageLayout *polisi_preview_get_page_layout   (PolisiPreview  *self);
gboolean          polisi_preview_is_current        (PolisiPreview  *self);
void              polisi_preview_update_now        (PolisiPreview  *self);
void              polisi_preview_scroll_to_block   (PolisiPreview  *self,
                                                    const char     *block_id);
void              polisi_preview_show_block        (PolisiPreview  *self,
                                                    const char     *block_id);
int               polisi_preview_get_shown_page    (PolisiPreview  *self);
int               polisi_preview_get_top_page      (PolisiPreview  *self);

G_END_DECLS
