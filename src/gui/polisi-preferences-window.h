/* polisi-preferences-window.h
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define POLISI_TYPE_PREFERENCES_WINDOW (polisi_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (PolisiPreferencesWindow, polisi_preferences_window, POLISI, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *polisi_preferences_window_new (GtkWindow *parent);

G_END_DECLS
