/* polisi-preview-pane.h: the window's preview beside the step: shown as the user chose, following the place edited
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "polisi-preview.h"

G_BEGIN_DECLS

#define POLISI_TYPE_PREVIEW_PANE (polisi_preview_pane_get_type ())

G_DECLARE_FINAL_TYPE (PolisiPreviewPane, polisi_preview_pane, POLISI, PREVIEW_PANE, GObject)

PolisiPreviewPane *polisi_preview_pane_new          (GtkWindow         *window,
                                                     GtkWidget         *box,
                                                     GtkToggleButton   *button,
                                                     GtkDropDown       *layouts,
                                                     PolisiPreview     *preview,
                                                     GSettings         *settings);
void               polisi_preview_pane_show_policy  (PolisiPreviewPane *self,
                                                     PolisiPolicy      *policy,
                                                     PolisiLibrary     *library);
void               polisi_preview_pane_follow       (PolisiPreviewPane *self,
                                                     const char        *block_id);
gboolean           polisi_preview_pane_get_visible  (PolisiPreviewPane *self);
void               polisi_preview_pane_set_visible  (PolisiPreviewPane *self,
                                                     gboolean           visible);

G_END_DECLS
