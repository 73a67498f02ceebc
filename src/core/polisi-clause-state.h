/* polisi-clause-state.h: what a policy says about one clause
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "polisi-clause.h"
#include "polisi-types.h"

G_BEGIN_DECLS

#define POLISI_TYPE_CLAUSE_STATE (polisi_clause_state_get_type ())

G_DECLARE_FINAL_TYPE (PolisiClauseState, polisi_clause_state, POLISI, CLAUSE_STATE, GObject)

PolisiClauseState *polisi_clause_state_new                (const char        *id);
PolisiClauseState *polisi_clause_state_new_own            (const char        *id);
gboolean           polisi_clause_id_is_own                (const char        *id);
char              *polisi_clause_new_own_id               (const char        *section_id);
PolisiClauseState *polisi_clause_state_new_from_library   (PolisiClause      *clause,
                                                           PolisiNation       nation);
const char        *polisi_clause_state_get_id             (PolisiClauseState *self);
gboolean           polisi_clause_state_get_included       (PolisiClauseState *self);
void               polisi_clause_state_set_included       (PolisiClauseState *self,
                                                           gboolean           included);
gboolean           polisi_clause_state_include            (PolisiClauseState *self,
                                                           PolisiClause      *clause,
                                                           gboolean           included,
                                                           PolisiLang         lang,
                                                           GError           **error);
const char        *polisi_clause_state_get_alternative    (PolisiClauseState *self);
guint              polisi_clause_state_get_library_version (PolisiClauseState *self);
const char        *polisi_clause_state_get_text           (PolisiClauseState *self,
                                                           PolisiLang         lang);
gboolean           polisi_clause_state_set_text           (PolisiClauseState *self,
                                                           PolisiLang         lang,
                                                           const char        *text);
gboolean           polisi_clause_state_get_edited         (PolisiClauseState *self,
                                                           PolisiLang         lang);
gboolean           polisi_clause_state_get_needs_update   (PolisiClauseState *self,
                                                           PolisiLang         lang);
void               polisi_clause_state_confirm_translation (PolisiClauseState *self,
                                                            PolisiLang         lang);
void               polisi_clause_state_use_alternative    (PolisiClauseState *self,
                                                           PolisiClause      *clause,
                                                           const PolisiAlternative *alternative);
gboolean           polisi_clause_state_replace_text       (PolisiClauseState *self,
                                                           PolisiLang         lang,
                                                           const char        *text,
                                                           gboolean           other_needs_update);
guint              polisi_clause_state_get_declined_version (PolisiClauseState *self);
void               polisi_clause_state_set_declined_version (PolisiClauseState *self,
                                                             guint              version);
gboolean           polisi_clause_state_get_kept_withdrawn (PolisiClauseState *self);
void               polisi_clause_state_set_kept_withdrawn (PolisiClauseState *self,
                                                           gboolean           kept);
gboolean           polisi_clause_state_get_own            (PolisiClauseState *self);
const char        *polisi_clause_state_get_title          (PolisiClauseState *self,
                                                           PolisiLang         lang);
gboolean           polisi_clause_state_set_title          (PolisiClauseState *self,
                                                           PolisiLang         lang,
                                                           const char        *title);
gboolean           polisi_clause_state_rename             (PolisiClauseState *self,
                                                           PolisiClause      *clause,
                                                           PolisiLang         lang,
                                                           const char        *title,
                                                           GError           **error);
const char        *polisi_clause_state_get_display_title  (PolisiClauseState *self,
                                                           PolisiClause      *clause,
                                                           PolisiLang         lang);
gboolean           polisi_clause_state_equal              (PolisiClauseState *a,
                                                           PolisiClauseState *b);

/* For the file reader: restores a saved state without the rules that
 * editing applies. */
void               _polisi_clause_state_restore           (PolisiClauseState *self,
                                                           gboolean           included,
                                                           const char        *alternative,
                                                           guint              library_version);
void               _polisi_clause_state_restore_review    (PolisiClauseState *self,
                                                           guint              declined_version,
                                                           gboolean           kept_withdrawn);
PolisiClauseState *_polisi_clause_state_dup               (PolisiClauseState *self);
void               _polisi_clause_state_restore_text      (PolisiClauseState *self,
                                                           PolisiLang         lang,
                                                           const char        *text,
                                                           gboolean           edited,
                                                           gboolean           needs_update);
void               _polisi_clause_state_restore_title     (PolisiClauseState *self,
                                                           PolisiLang         lang,
                                                           const char        *title);

G_END_DECLS
