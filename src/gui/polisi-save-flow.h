/* polisi-save-flow.h: saving the window's policy, and what to do when a save is refused
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "polisi-session.h"

G_BEGIN_DECLS

#define POLISI_TYPE_SAVE_FLOW (polisi_save_flow_get_type ())

G_DECLARE_FINAL_TYPE (PolisiSaveFlow, polisi_save_flow, POLISI, SAVE_FLOW, GObject)

PolisiSaveFlow *polisi_save_flow_new          (GtkWindow      *parent,
                                               PolisiSession  *session,
                                               GSettings      *settings);
void            polisi_save_flow_save         (PolisiSaveFlow *self,
                                               gboolean        close_after);
void            polisi_save_flow_save_as      (PolisiSaveFlow *self,
                                               gboolean        close_after);
gboolean        polisi_save_flow_save_to_file (PolisiSaveFlow *self,
                                               GFile          *file,
                                               GError        **error);

G_END_DECLS
