/* polisi-pdf-lang.h: marking the language of each part of a PDF
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "polisi-page-layout.h"

G_BEGIN_DECLS

GBytes *polisi_pdf_mark_languages (GBytes     *pdf,
                                   GArray     *log,
                                   PolisiLang  first);

G_END_DECLS
