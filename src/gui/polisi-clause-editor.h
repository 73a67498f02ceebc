/* polisi-clause-editor.h: one clause of a step: include it, choose its
 * wording, read why it matters, edit it in Welsh and English
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "polisi-clause.h"
#include "polisi-clause-state.h"
#include "polisi-context.h"
#include "polisi-library.h"
#include "polisi-spell-checker.h"

G_BEGIN_DECLS

#define POLISI_TYPE_CLAUSE_EDITOR (polisi_clause_editor_get_type ())

G_DECLARE_FINAL_TYPE (PolisiClauseEditor, polisi_clause_editor, POLISI, CLAUSE_EDITOR, GtkWidget)

PolisiClauseEditor *polisi_clause_editor_new            (PolisiClause      *clause,
                                                         PolisiClauseState *state,
                                                         PolisiContext     *context);
PolisiClause       *polisi_clause_editor_get_clause     (PolisiClauseEditor *self);
PolisiClauseState  *polisi_clause_editor_get_state      (PolisiClauseEditor *self);
GtkTextBuffer      *polisi_clause_editor_get_buffer     (PolisiClauseEditor *self,
                                                         PolisiLang          lang);
void                polisi_clause_editor_reveal         (PolisiClauseEditor *self,
                                                         int                 lang);
gboolean            polisi_clause_editor_is_update_shown (PolisiClauseEditor *self,
                                                          PolisiLang          lang);
void                polisi_clause_editor_set_spell_checker (PolisiClauseEditor *self,
                                                            PolisiSpellChecker *checker);
gboolean            polisi_clause_editor_is_spell_pending (PolisiClauseEditor *self,
                                                           PolisiLang          lang);
GtkTextView        *polisi_clause_editor_get_view       (PolisiClauseEditor *self,
                                                         PolisiLang          lang);

G_END_DECLS
