/* polisi-preview-page.h: one page of the preview
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "polisi-page-layout.h"

G_BEGIN_DECLS

#define POLISI_TYPE_PREVIEW_PAGE (polisi_preview_page_get_type ())

G_DECLARE_FINAL_TYPE (PolisiPreviewPage, polisi_preview_page, POLISI, PREVIEW_PAGE, GtkWidget)

PolisiPreviewPage *polisi_preview_page_new        (void);
void               polisi_preview_page_set_page   (PolisiPreviewPage *self,
                                                   PolisiPageLayout  *layout,
                                                   guint              page);
gboolean           polisi_preview_page_is_in_view (PolisiPreviewPage *self);
gboolean           polisi_preview_page_is_pending (PolisiPreviewPage *self);

G_END_DECLS
