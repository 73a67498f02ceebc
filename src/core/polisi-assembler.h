/* polisi-assembler.h: policy + library -> document
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "polisi-document.h"
#include "polisi-library.h"
#include "polisi-policy.h"

G_BEGIN_DECLS

typedef enum {
  POLISI_ASSEMBLE_DEFAULT    = 0,
  POLISI_ASSEMBLE_FINAL      = 1 << 0,  /* no watermark, whatever the status */
  POLISI_ASSEMBLE_NO_HISTORY = 1 << 1,  /* leave out the version history table */
} PolisiAssembleFlags;

PolisiDocument *polisi_assemble                (PolisiPolicy        *policy,
                                                PolisiLibrary       *library,
                                                PolisiAssembleFlags  flags);
char           *polisi_assemble_resolve        (PolisiPolicy        *policy,
                                                PolisiLibrary       *library,
                                                const char          *placeholder,
                                                PolisiLang           lang);
char           *polisi_assemble_fill           (PolisiPolicy        *policy,
                                                PolisiLibrary       *library,
                                                const char          *text,
                                                PolisiLang           lang);
const char     *polisi_assemble_section_of     (PolisiLibrary       *library,
                                                const char          *clause_id);
GHashTable     *polisi_assemble_clause_numbers (PolisiPolicy        *policy,
                                                PolisiLibrary       *library);

G_END_DECLS
