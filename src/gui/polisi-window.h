/* polisi-window.h
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "polisi-application.h"

G_BEGIN_DECLS

#define POLISI_TYPE_WINDOW (polisi_window_get_type ())

G_DECLARE_FINAL_TYPE (PolisiWindow, polisi_window, POLISI, WINDOW, AdwApplicationWindow)

PolisiWindow *polisi_window_new       (PolisiApplication *application);
void          polisi_window_open_file (PolisiWindow      *self,
                                       GFile             *file);

G_END_DECLS
