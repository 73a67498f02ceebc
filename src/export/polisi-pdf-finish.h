/* polisi-pdf-finish.h: finishing a PDF to PDF/UA-1
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "polisi-page-layout.h"

G_BEGIN_DECLS

GBytes *polisi_pdf_finish (GBytes     *pdf,
                           GArray     *log,
                           PolisiLang  first,
                           const char *title);

G_END_DECLS
