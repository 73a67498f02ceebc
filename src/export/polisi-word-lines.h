/* polisi-word-lines.h
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* A line of a paragraph laid out by words. */
typedef struct {
  int             start;    /* byte offset in the text */
  int             length;   /* in bytes, with the space it ends with */
  PangoGlyphItem *run;      /* its glyphs: one run, as Pango's would be */
} PolisiWordLine;

GArray *polisi_word_lines_break (PangoFont     *font,
                                 PangoLanguage *language,
                                 const char    *text,
                                 int            width,
                                 const GArray  *unbreakable);

gboolean polisi_word_lines_can_break (const char *text);

void     polisi_word_lines_show      (cairo_t              *cr,
                                      const char           *text,
                                      const PangoGlyphItem *run,
                                      double                x,
                                      double                y);

G_END_DECLS
