/* polisi-library-update.h: the annual review: library updates and legislation
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "polisi-legislation.h"
#include "polisi-library.h"
#include "polisi-policy.h"

G_BEGIN_DECLS

typedef enum {
  POLISI_UPDATE_CHANGED,    /* the library has a newer version of a clause */
  POLISI_UPDATE_NEW,        /* a clause the policy does not have */
  POLISI_UPDATE_WITHDRAWN,  /* a clause the library no longer has */
} PolisiUpdateKind;

/* One change of the library since the policy was made, with the policy's
 * text and the library's, and their comparison, in both languages. */
typedef struct {
  PolisiUpdateKind  kind;
  char             *clause_id;
  char             *section_id;                 /* NULL for a withdrawn clause */
  char             *title[POLISI_N_LANGS];      /* the library's; NULL for a withdrawn clause */
  guint             old_version;                /* the policy's; 0 for a new clause */
  guint             new_version;                /* the library's; 0 for a withdrawn clause */
  /* Changed and withdrawn: the clause is in the policy. New: it would be,
   * once accepted (it is recommended or required). */
  gboolean          included;
  /* Changed: the author edited the text, and accepting replaces the edits. */
  gboolean          edited;
  char             *old_text[POLISI_N_LANGS];   /* the policy's; "" for a new clause */
  char             *new_text[POLISI_N_LANGS];   /* the library's; "" for a withdrawn clause */
  GPtrArray        *diff[POLISI_N_LANGS];       /* PolisiDiffSpan, old to new */
  /* What the library says changed in the clause, and why, in the versions
   * after the policy's library version (a new clause's says it is new);
   * NULL when the library gives no note (and for a withdrawn clause). */
  char             *notes[POLISI_N_LANGS];
} PolisiLibraryUpdate;

/* An out-of-date name of an Act or of guidance in a clause's text. */
typedef struct {
  char                   *clause_id;
  PolisiLang              lang;
  gsize                   offset;       /* in the clause's text, in bytes */
  gsize                   length;
  char                   *found;        /* as written: "Ddeddf Diogelu Data 1998" */
  char                   *replacement;  /* the current name, mutated the same way */
  char                   *context;      /* a few words either side, for people */
  const PolisiInstrument *instrument;   /* borrowed from the register */
} PolisiCitationFix;

gboolean   polisi_library_update_applies    (PolisiPolicy        *policy,
                                             PolisiLibrary       *library);
GPtrArray *polisi_library_update_list       (PolisiPolicy        *policy,
                                             PolisiLibrary       *library);
gboolean   polisi_library_update_decide     (PolisiPolicy        *policy,
                                             PolisiLibrary       *library,
                                             const char          *clause_id,
                                             gboolean             accept,
                                             GError             **error);
gboolean   polisi_library_update_decide_all (PolisiPolicy        *policy,
                                             PolisiLibrary       *library,
                                             const char * const  *clause_ids,
                                             gboolean             accept,
                                             guint               *n_decided,
                                             GError             **error);

GPtrArray *polisi_library_update_list_citations    (PolisiPolicy             *policy,
                                                    PolisiLegislation        *legislation);
gboolean   polisi_library_update_fix_citation      (PolisiPolicy             *policy,
                                                    PolisiLegislation        *legislation,
                                                    const PolisiCitationFix  *fix,
                                                    GError                  **error);
guint      polisi_library_update_fix_all_citations (PolisiPolicy             *policy,
                                                    PolisiLegislation        *legislation);

G_END_DECLS
