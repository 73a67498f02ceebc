/* polisi-test-export.h: what the export tests expect of every writer
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "polisi-document.h"
#include "polisi-export.h"

G_BEGIN_DECLS

void     polisi_test_add_block_texts (PolisiDocument            *document,
                                      PolisiLang                 lang,
                                      GPtrArray                 *texts);
gboolean polisi_test_options_show    (const PolisiExportOptions *options,
                                      PolisiLang                 lang);

G_END_DECLS
