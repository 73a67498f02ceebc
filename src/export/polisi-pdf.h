/* polisi-pdf.h: the PDF writer
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "polisi-document.h"
#include "polisi-export-options.h"

G_BEGIN_DECLS

/* polisi-page-layout.h's, which this header does not bring: what includes
 * it need know nothing of cairo */
typedef struct _PolisiPageLayout PolisiPageLayout;

GBytes *polisi_pdf_write        (PolisiDocument            *document,
                                 const PolisiExportOptions *options,
                                 GError                   **error);
GBytes *polisi_pdf_write_layout (PolisiPageLayout          *layout,
                                 GError                   **error);

G_END_DECLS
