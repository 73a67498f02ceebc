/* polisi-window-actions.h: the window's actions table (win.*) and their shortcuts
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "polisi-window.h"

G_BEGIN_DECLS

typedef struct {
  const char *action;     /* "app.new", "win.save", "window.close" */
  const char *accel;      /* as gtk_accelerator_parse() reads it */
} PolisiShortcut;

void                  polisi_window_actions_install   (GtkWidgetClass *widget_class);
void                  polisi_window_actions_update    (PolisiWindow   *window);
const PolisiShortcut *polisi_window_actions_shortcuts (guint          *n_shortcuts);

G_END_DECLS
