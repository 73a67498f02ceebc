/* polisi-clause-title-editor.h: a clause's title in Welsh and English, as
 * the school names it, and for a clause of its own, its removal
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "polisi-clause.h"
#include "polisi-clause-state.h"

G_BEGIN_DECLS

#define POLISI_TYPE_CLAUSE_TITLE_EDITOR (polisi_clause_title_editor_get_type ())

G_DECLARE_FINAL_TYPE (PolisiClauseTitleEditor, polisi_clause_title_editor, POLISI, CLAUSE_TITLE_EDITOR, GtkWidget)

/* The action a clause of the school's own is removed by, with its id: the
 * section page that shows the clause handles it. */
#define POLISI_REMOVE_OWN_CLAUSE_ACTION "section.remove-own-clause"

PolisiClauseTitleEditor *polisi_clause_title_editor_new       (PolisiClause            *clause,
                                                               PolisiClauseState       *state);
GtkEditable             *polisi_clause_title_editor_get_entry (PolisiClauseTitleEditor *self,
                                                               PolisiLang               lang);
gboolean                 polisi_clause_title_editor_apply     (PolisiClauseTitleEditor *self,
                                                               PolisiLang               lang);
const char              *polisi_clause_title_editor_get_error (PolisiClauseTitleEditor *self);

G_END_DECLS
