/* polisi-file.h: writing a file so that it is either all there or not at all
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean polisi_file_replace (GFile       *file,
                              const void  *data,
                              gsize        length,
                              GError     **error);

G_END_DECLS
