/* polisi-diff.h: word-level comparison of two texts
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "polisi-text.h"

G_BEGIN_DECLS

typedef enum {
  POLISI_DIFF_EQUAL,
  POLISI_DIFF_DELETE,
  POLISI_DIFF_INSERT,
} PolisiDiffOp;

/* One span of a comparison: text both have, text only the old one has, or
 * text only the new one has. */
typedef struct {
  PolisiDiffOp  op;
  char         *text;
} PolisiDiffSpan;

/* How polisi_diff_to_blocks() cuts the spans into paragraphs. */
typedef enum {
  /* At every paragraph break, old or new: both texts' paragraphs can be
   * seen, for a document that shows the changes. */
  POLISI_DIFF_SPLIT_ALL,
  /* At the new text's paragraph breaks only: the paragraphs are the new
   * text's, and a deleted break is part of the deleted text. For tracked
   * changes. */
  POLISI_DIFF_SPLIT_NEW,
} PolisiDiffSplit;

GPtrArray *polisi_diff_texts        (const char      *old_text,
                                     const char      *new_text);
gboolean   polisi_diff_is_equal     (GPtrArray       *diff);
guint      polisi_diff_count_changes (GPtrArray      *diff);
char      *polisi_diff_get_old      (GPtrArray       *diff);
char      *polisi_diff_get_new      (GPtrArray       *diff);
char      *polisi_diff_format       (GPtrArray       *diff,
                                     const char      *delete_open,
                                     const char      *delete_close,
                                     const char      *insert_open,
                                     const char      *insert_close);
GPtrArray *polisi_diff_to_blocks    (GPtrArray       *diff,
                                     PolisiDiffSplit  split);

G_END_DECLS
