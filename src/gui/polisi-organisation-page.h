/* polisi-organisation-page.h: the first step: the organisation, its people
 * and its contacts
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

#define POLISI_TYPE_ORGANISATION_PAGE (polisi_organisation_page_get_type ())

G_DECLARE_FINAL_TYPE (PolisiOrganisationPage, polisi_organisation_page, POLISI, ORGANISATION_PAGE, GtkWidget)

PolisiOrganisationPage *polisi_organisation_page_new            (PolisiPolicy           *policy,
                                                                 PolisiContext          *context);
void                    polisi_organisation_page_focus_answer   (PolisiOrganisationPage *self,
                                                                 const char             *placeholder,
                                                                 int                     lang);
GtkEditable            *polisi_organisation_page_get_entry      (PolisiOrganisationPage *self,
                                                                 const char             *key);
GPtrArray              *polisi_organisation_page_list_keys      (PolisiOrganisationPage *self);
GtkCheckButton         *polisi_organisation_page_get_category_check (PolisiOrganisationPage *self,
                                                                     PolisiLanguageCategory  category);
guint                   polisi_organisation_page_get_n_question_updates (PolisiOrganisationPage *self);

G_END_DECLS
