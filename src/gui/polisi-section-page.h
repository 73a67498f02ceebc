/* polisi-section-page.h: a step of the wizard: one section of the library
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "polisi-clause-editor.h"
#include "polisi-context.h"
#include "polisi-library.h"
#include "polisi-policy.h"

G_BEGIN_DECLS

#define POLISI_TYPE_SECTION_PAGE (polisi_section_page_get_type ())

G_DECLARE_FINAL_TYPE (PolisiSectionPage, polisi_section_page, POLISI, SECTION_PAGE, GtkWidget)

PolisiSectionPage  *polisi_section_page_new         (PolisiSection      *section,
                                                     PolisiPolicy       *policy,
                                                     PolisiContext      *context,
                                                     PolisiSpellChecker *checker);
PolisiSection      *polisi_section_page_get_section (PolisiSectionPage *self);
PolisiClauseEditor *polisi_section_page_get_editor  (PolisiSectionPage *self,
                                                     const char        *clause_id);

GtkWidget          *polisi_section_page_get_dictionary_notice (PolisiSectionPage *self);

G_END_DECLS
