/* polisi-own-clause-dialog.h: add a clause of the school's own to a
 * section, with its title and text in Welsh and English
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "polisi-context.h"
#include "polisi-library.h"
#include "polisi-policy.h"

G_BEGIN_DECLS

#define POLISI_TYPE_OWN_CLAUSE_DIALOG (polisi_own_clause_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PolisiOwnClauseDialog, polisi_own_clause_dialog, POLISI, OWN_CLAUSE_DIALOG, AdwWindow)

PolisiOwnClauseDialog *polisi_own_clause_dialog_new            (PolisiPolicy          *policy,
                                                                PolisiContext         *context,
                                                                PolisiSection         *section);
GtkEditable           *polisi_own_clause_dialog_get_title_entry (PolisiOwnClauseDialog *self,
                                                                PolisiLang             lang);
GtkTextBuffer         *polisi_own_clause_dialog_get_buffer     (PolisiOwnClauseDialog *self,
                                                                PolisiLang             lang);
void                   polisi_own_clause_dialog_set_position   (PolisiOwnClauseDialog *self,
                                                                guint                  position);
const char            *polisi_own_clause_dialog_get_error      (PolisiOwnClauseDialog *self);

G_END_DECLS
