/* polisi-test-lines.h: line numbers in a rendering, against Polisi's own
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "polisi-export.h"

G_BEGIN_DECLS

typedef struct {
  guint n_numbered;   /* lines Polisi's page layout numbers */
  guint n_found;      /* of those, the numbers found beside a line of text */
  guint n_same;       /* of those, beside the same words as in Polisi's layout */
} PolisiTestLines;

void polisi_test_check_line_numbers (PolisiDocument            *document,
                                     const PolisiExportOptions *options,
                                     const char                *pdf_path,
                                     PolisiTestLines           *result);

G_END_DECLS
