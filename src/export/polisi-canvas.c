/* polisi-canvas.c: cairo's canvas, and walking a layout's runs
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cairo's canvas draws as Pango's cairo renderer does, and marks the
 * structure with cairo's tags, which a PDF surface turns into tagged PDF
 * and other surfaces ignore.
 */
#include "config.h"

#include <pango/pangocairo.h>

#include "polisi-canvas.h"

void
polisi_outlines_clear (PolisiOutlines *outlines)
{
  g_clear_object (&outlines->layout);
  g_clear_pointer (&outlines->recording, cairo_surface_destroy);
}

void
polisi_canvas_foreach_run_in_line (PangoLayoutLine    *line,
                                   double              x,
                                   double              baseline,
                                   PolisiCanvasRunFunc func,
                                   gpointer            data)
{
  const char *text = pango_layout_get_text (line->layout);
  int run_x = 0;

  for (GSList *r = line->runs; r != NULL; r = r->next)
    {
      PangoGlyphItem *run = r->data;

      func (run, text, x + run_x / (double) PANGO_SCALE, baseline, data);
      run_x += pango_glyph_string_get_width (run->glyphs);
    }
}

void
polisi_canvas_foreach_run_in_layout (PangoLayout        *layout,
                                     double              x,
                                     double              y,
                                     PolisiCanvasRunFunc func,
                                     gpointer            data)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  const char *text = pango_layout_get_text (layout);

  do
    {
      PangoGlyphItem *run = pango_layout_iter_get_run_readonly (iter);
      PangoRectangle logical;

      if (run == NULL)
        continue;
      pango_layout_iter_get_run_extents (iter, NULL, &logical);
      func (run, text, x + logical.x / (double) PANGO_SCALE,
            y + pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE, data);
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
}

/* cairo's canvas ----------------------------------------------------------- */

static cairo_t *
on_cairo_of (PolisiCanvas *canvas)
{
  return ((PolisiCanvasCairo *) canvas)->cr;
}

static void
on_cairo_set_color (PolisiCanvas *canvas,
                 double        red,
                 double        green,
                 double        blue)
{
  cairo_set_source_rgb (on_cairo_of (canvas), red, green, blue);
}

static void
on_cairo_fill_rectangle (PolisiCanvas *canvas,
                      double        x,
                      double        y,
                      double        width,
                      double        height)
{
  cairo_t *cr = on_cairo_of (canvas);

  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);
}

static void
on_cairo_stroke_line (PolisiCanvas *canvas,
                   double        x0,
                   double        y0,
                   double        x1,
                   double        y1,
                   double        line_width)
{
  cairo_t *cr = on_cairo_of (canvas);

  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
}

static void
on_cairo_show_layout_at (PolisiCanvas *canvas,
                      PangoLayout  *layout,
                      double        x,
                      double        y)
{
  cairo_t *cr = on_cairo_of (canvas);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
on_cairo_show_line_at (PolisiCanvas    *canvas,
                    PangoLayoutLine *line,
                    double           x,
                    double           baseline)
{
  cairo_t *cr = on_cairo_of (canvas);

  cairo_move_to (cr, x, baseline);
  pango_cairo_show_layout_line (cr, line);
}

static void
on_cairo_show_glyph_item_at (PolisiCanvas   *canvas,
                          const char     *text,
                          PangoGlyphItem *item,
                          double          x,
                          double          baseline)
{
  cairo_t *cr = on_cairo_of (canvas);

  cairo_move_to (cr, x, baseline);
  pango_cairo_show_glyph_item (cr, text, item);
}

/* Placed as Pango places a line: from the current point, as cairo keeps
 * it. */
static void
on_cairo_show_word_line (PolisiCanvas          *canvas,
                      const char            *text,
                      const PolisiWordLines *lines,
                      guint                  index,
                      double                 x,
                      double                 baseline)
{
  cairo_t *cr = on_cairo_of (canvas);
  double origin_x, origin_y;

  cairo_move_to (cr, x, baseline);
  cairo_get_current_point (cr, &origin_x, &origin_y);
  polisi_word_lines_show (cr, text, lines, index, origin_x, origin_y);
}

/* Recorded once: a PDF surface holds the outlines once, as a form every
 * page uses. */
static void
on_cairo_paint_outlines (PolisiCanvas   *canvas,
                      PolisiOutlines *outlines,
                      double          x,
                      double          y)
{
  cairo_t *cr = on_cairo_of (canvas);

  if (outlines->recording == NULL)
    {
      cairo_t *record;

      outlines->recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &outlines->extents);
      record = cairo_create (outlines->recording);
      cairo_transform (record, &outlines->matrix);
      cairo_move_to (record, outlines->layout_x, outlines->layout_y);
      cairo_set_source_rgba (record, outlines->rgba[0], outlines->rgba[1], outlines->rgba[2], outlines->rgba[3]);
      if (outlines->first_line)
        pango_cairo_layout_line_path (record, pango_layout_get_line_readonly (outlines->layout, 0));
      else
        pango_cairo_layout_path (record, outlines->layout);
      cairo_fill (record);
      cairo_destroy (record);
    }

  cairo_save (cr);
  cairo_set_source_surface (cr, outlines->recording, x, y);
  cairo_paint (cr);
  cairo_restore (cr);
}

static void
on_cairo_begin_element (PolisiCanvas *canvas,
                     const char   *tag,
                     PolisiLang    lang,
                     const char   *alt)
{
  cairo_tag_begin (on_cairo_of (canvas), tag, NULL);
}

static void
on_cairo_end_element (PolisiCanvas *canvas,
                   const char   *tag)
{
  cairo_tag_end (on_cairo_of (canvas), tag);
}

static char *
escape_attribute (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
on_cairo_begin_link (PolisiCanvas           *canvas,
                  const PolisiCanvasLink *link)
{
  g_autofree char *target = escape_attribute (link->uri != NULL ? link->uri : link->dest);
  g_autofree char *attributes = NULL;
  char buffer[4][G_ASCII_DTOSTR_BUF_SIZE];

  attributes = g_strdup_printf ("%s='%s' rect=[%s %s %s %s]", link->uri != NULL ? "uri" : "dest", target,
                                g_ascii_dtostr (buffer[0], sizeof buffer[0], link->x),
                                g_ascii_dtostr (buffer[1], sizeof buffer[1], link->y),
                                g_ascii_dtostr (buffer[2], sizeof buffer[2], link->width),
                                g_ascii_dtostr (buffer[3], sizeof buffer[3], link->height));
  cairo_tag_begin (on_cairo_of (canvas), CAIRO_TAG_LINK, attributes);
}

static void
on_cairo_end_link (PolisiCanvas *canvas)
{
  cairo_tag_end (on_cairo_of (canvas), CAIRO_TAG_LINK);
}

static void
on_cairo_begin_dest (PolisiCanvas *canvas,
                  const char   *name,
                  double        x,
                  double        y)
{
  g_autofree char *escaped = escape_attribute (name);
  g_autofree char *attributes = g_strdup_printf ("name='%s'", escaped);

  cairo_tag_begin (on_cairo_of (canvas), CAIRO_TAG_DEST, attributes);
}

static void
on_cairo_end_dest (PolisiCanvas *canvas,
                const char   *name)
{
  cairo_tag_end (on_cairo_of (canvas), CAIRO_TAG_DEST);
}

static const PolisiCanvasClass cairo_canvas_class = {
  on_cairo_set_color,
  on_cairo_fill_rectangle,
  on_cairo_stroke_line,
  on_cairo_show_layout_at,
  on_cairo_show_line_at,
  on_cairo_show_glyph_item_at,
  on_cairo_show_word_line,
  on_cairo_paint_outlines,
  on_cairo_begin_element,
  on_cairo_end_element,
  on_cairo_begin_link,
  on_cairo_end_link,
  on_cairo_begin_dest,
  on_cairo_end_dest,
};

void
polisi_canvas_cairo_init (PolisiCanvasCairo *canvas,
                          cairo_t           *cr)
{
  canvas->parent.klass = &cairo_canvas_class;
  canvas->cr = cr;
}
