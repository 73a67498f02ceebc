/* polisi-pdf.h: the PDF writer
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "polisi-document.h"
#include "polisi-export-options.h"

G_BEGIN_DECLS

GBytes *polisi_pdf_write (PolisiDocument            *document,
                          const PolisiExportOptions *options,
                          GError                   **error);

G_END_DECLS
