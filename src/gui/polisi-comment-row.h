/* polisi-comment-row.h: a consultation comment and its response
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "polisi-comment.h"
#include "polisi-policy.h"

G_BEGIN_DECLS

#define POLISI_TYPE_COMMENT_ROW (polisi_comment_row_get_type ())

G_DECLARE_FINAL_TYPE (PolisiCommentRow, polisi_comment_row, POLISI, COMMENT_ROW, AdwExpanderRow)

GtkWidget     *polisi_comment_row_new          (PolisiComment    *comment,
                                                PolisiPolicy     *policy,
                                                const char       *clause_label,
                                                PolisiLang        ui);
PolisiComment *polisi_comment_row_get_comment  (PolisiCommentRow *self);
GtkTextBuffer *polisi_comment_row_get_buffer   (PolisiCommentRow *self);

G_END_DECLS
