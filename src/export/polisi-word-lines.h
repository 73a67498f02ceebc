/* polisi-word-lines.h
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* A paragraph laid out by words: its lines, each made of the words it
 * shows, shaped once and shared. */
typedef struct _PolisiWordLines PolisiWordLines;

typedef void (*PolisiWordGlyphFunc) (const PangoGlyphInfo *glyph,
                                     int                   cluster,
                                     int                   advance,
                                     gpointer              data);

PolisiWordLines *polisi_word_lines_break        (PangoFont             *font,
                                                 PangoLanguage         *language,
                                                 const char            *text,
                                                 int                    width,
                                                 const GArray          *unbreakable);
void             polisi_word_lines_free         (PolisiWordLines       *lines);
guint            polisi_word_lines_get_n_lines  (const PolisiWordLines *lines);
PangoFont       *polisi_word_lines_get_font     (const PolisiWordLines *lines);
void             polisi_word_lines_get_line     (const PolisiWordLines *lines,
                                                 guint                  index,
                                                 int                   *start,
                                                 int                   *length);
void             polisi_word_lines_foreach_glyph (const PolisiWordLines *lines,
                                                 guint                  index,
                                                 PolisiWordGlyphFunc    func,
                                                 gpointer               data);
PangoGlyphItem  *polisi_word_lines_get_run      (const PolisiWordLines *lines,
                                                 const char            *text,
                                                 guint                  index);
void             polisi_word_lines_show         (cairo_t               *cr,
                                                 const char            *text,
                                                 const PolisiWordLines *lines,
                                                 guint                  index,
                                                 double                 x,
                                                 double                 y);

gboolean         polisi_word_lines_can_break    (const char            *text);
void             polisi_word_lines_next_generation (guint               keep);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PolisiWordLines, polisi_word_lines_free)

G_END_DECLS
