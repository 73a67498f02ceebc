/* polisi-consultation-page.h: the consultation draft and the comments on it
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "polisi-context.h"
#include "polisi-policy.h"

G_BEGIN_DECLS

#define POLISI_TYPE_CONSULTATION_PAGE (polisi_consultation_page_get_type ())

G_DECLARE_FINAL_TYPE (PolisiConsultationPage, polisi_consultation_page, POLISI, CONSULTATION_PAGE, GtkWidget)

PolisiConsultationPage *polisi_consultation_page_new                 (PolisiPolicy           *policy,
                                                                      PolisiContext          *context);
void                    polisi_consultation_page_refresh             (PolisiConsultationPage *self);
guint                   polisi_consultation_page_get_n_proposals     (PolisiConsultationPage *self);
guint                   polisi_consultation_page_get_n_builds        (PolisiConsultationPage *self);
guint                   polisi_consultation_page_get_n_comments      (PolisiConsultationPage *self);
gboolean                polisi_consultation_page_reveal_comment      (PolisiConsultationPage *self,
                                                                      const char             *comment_id);
GtkWidget              *polisi_consultation_page_get_comment_row     (PolisiConsultationPage *self,
                                                                      const char             *comment_id);
GtkTextBuffer          *polisi_consultation_page_get_response_buffer (PolisiConsultationPage *self,
                                                                      const char             *comment_id);
void                    polisi_consultation_page_set_consultation    (PolisiConsultationPage *self,
                                                                      gboolean                consultation);
void                    polisi_consultation_page_set_closing_date    (PolisiConsultationPage *self,
                                                                      const char             *date);
void                    polisi_consultation_page_set_responder       (PolisiConsultationPage *self,
                                                                      const char             *name);

G_END_DECLS
