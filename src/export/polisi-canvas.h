/* polisi-canvas.h: what the page layout draws on
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page layout draws a page through this interface: text as Pango and
 * the line layout by words lay it out, rules and fills, outlines held once
 * and painted many times (the watermark, the line numbers' digits), and the
 * document's structure (elements, links, destinations). Two canvases
 * implement it: cairo's (polisi_canvas_cairo_init(): the preview, printing)
 * and the PDF writer's (polisi-pdf-writer.c), which writes the structure as
 * tagged PDF. The page's user space is in points from its top left corner.
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "polisi-types.h"
#include "polisi-word-lines.h"

G_BEGIN_DECLS

typedef struct _PolisiCanvas PolisiCanvas;

/* Text drawn as filled outlines, held once and painted many times: the
 * layout (its first line from its baseline, or the whole layout from its
 * top left corner) at (@layout_x, @layout_y) in the outlines' own space,
 * which @matrix takes to the page's. */
typedef struct {
  PangoLayout      *layout;
  gboolean          first_line;
  double            layout_x;
  double            layout_y;
  cairo_matrix_t    matrix;
  double            rgba[4];
  cairo_rectangle_t extents;     /* in the outlines' own space */
  cairo_surface_t  *recording;   /* cairo's canvas's, made when first painted */
} PolisiOutlines;

void polisi_outlines_clear (PolisiOutlines *outlines);

/* A link: to a web address (@uri) or a destination in the document
 * (@dest); the area that follows it, and what it says (@alt). */
typedef struct {
  const char *uri;
  const char *dest;
  double      x, y, width, height;
  PolisiLang  lang;
  const char *alt;
} PolisiCanvasLink;

typedef struct {
  void (*set_color)        (PolisiCanvas *canvas, double red, double green, double blue);
  void (*fill_rectangle)   (PolisiCanvas *canvas, double x, double y, double width, double height);
  void (*stroke_line)      (PolisiCanvas *canvas, double x0, double y0, double x1, double y1, double line_width);
  void (*show_layout)      (PolisiCanvas *canvas, PangoLayout *layout, double x, double y);
  void (*show_layout_line) (PolisiCanvas *canvas, PangoLayoutLine *line, double x, double baseline);
  void (*show_glyph_item)  (PolisiCanvas *canvas, const char *text, PangoGlyphItem *item, double x, double baseline);
  void (*show_word_line)   (PolisiCanvas *canvas, const char *text, const PolisiWordLines *lines, guint index,
                            double x, double baseline);
  void (*paint_outlines)   (PolisiCanvas *canvas, PolisiOutlines *outlines, double x, double y);
  void (*begin_element)    (PolisiCanvas *canvas, const char *tag, PolisiLang lang, const char *alt);
  void (*end_element)      (PolisiCanvas *canvas, const char *tag);
  void (*begin_link)       (PolisiCanvas *canvas, const PolisiCanvasLink *link);
  void (*end_link)         (PolisiCanvas *canvas);
  void (*begin_dest)       (PolisiCanvas *canvas, const char *name, double x, double y);
  void (*end_dest)         (PolisiCanvas *canvas, const char *name);
} PolisiCanvasClass;

struct _PolisiCanvas {
  const PolisiCanvasClass *klass;
};

/* cairo's canvas: draws on @cr; on a surface that takes tags, the structure
 * as cairo writes it. */
typedef struct {
  PolisiCanvas parent;
  cairo_t     *cr;
} PolisiCanvasCairo;

void polisi_canvas_cairo_init (PolisiCanvasCairo *canvas,
                               cairo_t           *cr);

static inline void
polisi_canvas_set_color (PolisiCanvas *canvas, double red, double green, double blue)
{
  canvas->klass->set_color (canvas, red, green, blue);
}

static inline void
polisi_canvas_fill_rectangle (PolisiCanvas *canvas, double x, double y, double width, double height)
{
  canvas->klass->fill_rectangle (canvas, x, y, width, height);
}

static inline void
polisi_canvas_stroke_line (PolisiCanvas *canvas, double x0, double y0, double x1, double y1, double line_width)
{
  canvas->klass->stroke_line (canvas, x0, y0, x1, y1, line_width);
}

static inline void
polisi_canvas_show_layout (PolisiCanvas *canvas, PangoLayout *layout, double x, double y)
{
  canvas->klass->show_layout (canvas, layout, x, y);
}

static inline void
polisi_canvas_show_layout_line (PolisiCanvas *canvas, PangoLayoutLine *line, double x, double baseline)
{
  canvas->klass->show_layout_line (canvas, line, x, baseline);
}

static inline void
polisi_canvas_show_glyph_item (PolisiCanvas *canvas, const char *text, PangoGlyphItem *item, double x, double baseline)
{
  canvas->klass->show_glyph_item (canvas, text, item, x, baseline);
}

static inline void
polisi_canvas_show_word_line (PolisiCanvas *canvas, const char *text, const PolisiWordLines *lines, guint index,
                              double x, double baseline)
{
  canvas->klass->show_word_line (canvas, text, lines, index, x, baseline);
}

static inline void
polisi_canvas_paint_outlines (PolisiCanvas *canvas, PolisiOutlines *outlines, double x, double y)
{
  canvas->klass->paint_outlines (canvas, outlines, x, y);
}

static inline void
polisi_canvas_begin_element (PolisiCanvas *canvas, const char *tag, PolisiLang lang, const char *alt)
{
  canvas->klass->begin_element (canvas, tag, lang, alt);
}

static inline void
polisi_canvas_end_element (PolisiCanvas *canvas, const char *tag)
{
  canvas->klass->end_element (canvas, tag);
}

static inline void
polisi_canvas_begin_link (PolisiCanvas *canvas, const PolisiCanvasLink *link)
{
  canvas->klass->begin_link (canvas, link);
}

static inline void
polisi_canvas_end_link (PolisiCanvas *canvas)
{
  canvas->klass->end_link (canvas);
}

static inline void
polisi_canvas_begin_dest (PolisiCanvas *canvas, const char *name, double x, double y)
{
  canvas->klass->begin_dest (canvas, name, x, y);
}

static inline void
polisi_canvas_end_dest (PolisiCanvas *canvas, const char *name)
{
  canvas->klass->end_dest (canvas, name);
}

/* Calls @func for each run of @line (glyphs of one font), with its
 * position: what a canvas that writes glyphs itself draws. */
typedef void (*PolisiCanvasRunFunc) (PangoGlyphItem *run,
                                     const char     *text,
                                     double          x,
                                     double          baseline,
                                     gpointer        data);

void polisi_canvas_foreach_run_in_line   (PangoLayoutLine    *line,
                                          double              x,
                                          double              baseline,
                                          PolisiCanvasRunFunc func,
                                          gpointer            data);
void polisi_canvas_foreach_run_in_layout (PangoLayout        *layout,
                                          double              x,
                                          double              y,
                                          PolisiCanvasRunFunc func,
                                          gpointer            data);

G_END_DECLS
