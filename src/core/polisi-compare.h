/* polisi-compare.h: what changed between two versions of a policy
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "polisi-assembler.h"

G_BEGIN_DECLS

typedef enum {
  POLISI_CLAUSE_CHANGED,
  POLISI_CLAUSE_ADDED,
  POLISI_CLAUSE_REMOVED,
} PolisiClauseChangeKind;

/* A clause that differs between two versions, as the documents print it
 * (placeholders filled in). */
typedef struct {
  PolisiClauseChangeKind  kind;
  char                   *clause_id;
  char                   *section_id;               /* nullable */
  char                   *old_number;               /* NULL when added */
  char                   *new_number;               /* NULL when removed */
  char                   *old_text[POLISI_N_LANGS]; /* clause markup; "" when added */
  char                   *new_text[POLISI_N_LANGS]; /* "" when removed */
  GPtrArray              *diff[POLISI_N_LANGS];     /* PolisiDiffSpan */
} PolisiClauseComparison;

GPtrArray      *polisi_compare_clauses (PolisiPolicy        *old_policy,
                                        PolisiPolicy        *new_policy,
                                        PolisiLibrary       *library);
PolisiDocument *polisi_compare_summary (PolisiPolicy        *old_policy,
                                        PolisiPolicy        *new_policy,
                                        PolisiLibrary       *library,
                                        PolisiAssembleFlags  flags);
PolisiDocument *polisi_compare_tracked (PolisiPolicy        *old_policy,
                                        PolisiPolicy        *new_policy,
                                        PolisiLibrary       *library,
                                        PolisiAssembleFlags  flags);

G_END_DECLS
