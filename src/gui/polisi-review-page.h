/* polisi-review-page.h: the annual review: versions, review date and
 * triggers, updates of the model clauses, out-of-date legislation
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "polisi-context.h"
#include "polisi-policy.h"

G_BEGIN_DECLS

#define POLISI_TYPE_REVIEW_PAGE (polisi_review_page_get_type ())

G_DECLARE_FINAL_TYPE (PolisiReviewPage, polisi_review_page, POLISI, REVIEW_PAGE, GtkWidget)

PolisiReviewPage *polisi_review_page_new             (PolisiPolicy     *policy,
                                                      PolisiContext    *context);
void              polisi_review_page_refresh         (PolisiReviewPage *self);
guint             polisi_review_page_get_n_updates   (PolisiReviewPage *self);
guint             polisi_review_page_get_n_citations (PolisiReviewPage *self);
guint             polisi_review_page_get_n_builds    (PolisiReviewPage *self);
GtkTextBuffer    *polisi_review_page_get_summary_buffer (PolisiReviewPage *self,
                                                        PolisiLang        lang);
gboolean          polisi_review_page_reveal_update   (PolisiReviewPage *self,
                                                      const char       *clause_id);
GtkWidget        *polisi_review_page_adopt           (PolisiReviewPage *self);
GtkWidget        *polisi_review_page_add_trigger     (PolisiReviewPage *self);

G_END_DECLS
