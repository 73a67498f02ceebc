/* polisi-modules.h: the parts the program loads when they are wanted
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define POLISI_EXPORT_MODULE "polisi-export.so"
#define POLISI_WINDOW_MODULE "polisi-window.so"

char     *polisi_modules_find        (const char  *name);
gboolean  polisi_modules_load_export (const char **path,
                                      const char **reason);

G_END_DECLS
