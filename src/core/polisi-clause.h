/* polisi-clause.h: a model clause of the library, with its alternatives
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "polisi-types.h"

G_BEGIN_DECLS

/* What follows the section's id and the dot in the id of a clause a school
 * writes itself ("images.own-3f2a9c01b4d7"): no library clause's id has it. */
#define POLISI_OWN_CLAUSE_MARK "own-"

typedef struct _PolisiSection PolisiSection;

/* One wording of a clause. Owned by its clause. */
typedef struct {
  char     *id;
  char     *label[POLISI_N_LANGS];
  char     *text[POLISI_N_LANGS];   /* clause markup, see polisi-text.h */
  gboolean  is_default;
  gboolean  any_nation;
  PolisiNation nation;              /* when !any_nation */
} PolisiAlternative;

/* Where a clause's substance comes from: a source of the library and the
 * part of it. */
typedef struct {
  char *ref;
  char *section;
} PolisiCitation;

/* What changed in a clause in one version of the library, and why, in
 * both languages. */
typedef struct {
  char *version;                    /* the library's version: "2026.12" */
  char *note[POLISI_N_LANGS];
} PolisiClauseChange;

#define POLISI_TYPE_CLAUSE (polisi_clause_get_type ())

G_DECLARE_FINAL_TYPE (PolisiClause, polisi_clause, POLISI, CLAUSE, GObject)

const char              *polisi_clause_get_id               (PolisiClause *self);
guint                    polisi_clause_get_version          (PolisiClause *self);
PolisiClauseDefault      polisi_clause_get_default          (PolisiClause *self);
const char              *polisi_clause_get_title            (PolisiClause *self,
                                                             PolisiLang    lang);
const char              *polisi_clause_get_reason           (PolisiClause *self,
                                                             PolisiLang    lang);
const char              *polisi_clause_get_guidance         (PolisiClause *self,
                                                             PolisiLang    lang);
PolisiSection           *polisi_clause_get_section          (PolisiClause *self);
guint                    polisi_clause_get_n_citations      (PolisiClause *self);
const PolisiCitation    *polisi_clause_get_citation         (PolisiClause *self,
                                                             guint         index);
guint                    polisi_clause_get_n_alternatives   (PolisiClause *self);
const PolisiAlternative *polisi_clause_get_alternative      (PolisiClause *self,
                                                             guint         index);
const PolisiAlternative *polisi_clause_lookup_alternative   (PolisiClause *self,
                                                             const char   *id);
const PolisiAlternative *polisi_clause_get_default_alternative (PolisiClause *self,
                                                                PolisiNation  nation);
gboolean                 polisi_clause_alternative_applies  (const PolisiAlternative *alternative,
                                                             PolisiNation             nation);
GPtrArray               *polisi_clause_get_placeholders     (PolisiClause *self);
guint                    polisi_clause_get_n_changes        (PolisiClause *self);
const PolisiClauseChange *polisi_clause_get_change          (PolisiClause *self,
                                                             guint         index);
const PolisiClauseChange *polisi_clause_lookup_change       (PolisiClause *self,
                                                             const char   *version);
GPtrArray               *polisi_clause_list_changes_since   (PolisiClause *self,
                                                             const char   *version);
char                    *polisi_clause_format_changes_since (PolisiClause *self,
                                                             const char   *version,
                                                             PolisiLang    lang);

G_END_DECLS
