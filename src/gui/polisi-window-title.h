/* polisi-window-title.h: what the window's title says of its session
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "polisi-session.h"

G_BEGIN_DECLS

char *polisi_window_title_folder (GFile          *file);
void  polisi_window_title_update (GtkWindow      *window,
                                  AdwWindowTitle *title,
                                  PolisiSession  *session);

G_END_DECLS
