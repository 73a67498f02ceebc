/* polisi-html.h: the web page writer
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "polisi-document.h"
#include "polisi-export-options.h"

G_BEGIN_DECLS

GBytes *polisi_html_write (PolisiDocument            *document,
                           const PolisiExportOptions *options,
                           GError                   **error);

char   *polisi_html_anchor (const char                *id);

G_END_DECLS
