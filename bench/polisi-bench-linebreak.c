/* polisi-bench-linebreak.c: laying out text by words against Pango
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Laying out text was most of a cold export (docs/benchmarks.md); the page
 * layout now lays out most paragraphs by words (polisi-word-lines.c), and
 * leaves the rest to Pango. This program lays out every paragraph of the
 * built-in library's clauses (20 letters or more, both languages, every
 * alternative) at a clause's width in a column and on a page, with Pango as
 * the page layout sets it up (Liberation Sans 10 pt, 72 dpi, metric hinting
 * off, glyphs placed to a fraction of a point) and by words, and prints how
 * many were taken by words, how many of those break as Pango's do (all, or
 * test-word-lines fails), and the time each took, the words' cache cold.
 *
 *   polisi-bench-linebreak [--differences]
 */
#include "config.h"

#include <string.h>

#include <pango/pangocairo.h>

#include "polisi-clause.h"
#include "polisi-library.h"
#include "polisi-page-layout.h"
#include "polisi-section.h"
#include "polisi-text.h"
#include "polisi-word-lines.h"

/* The byte offsets where the lines of @text start, by words, or NULL when
 * the text is left to Pango. */
static GArray *
break_by_words (PangoFont  *font,
                const char *text,
                int         width)
{
  g_autoptr(PolisiWordLines) lines = polisi_word_lines_break (font, pango_language_from_string ("en"), text, width, NULL);
  GArray *starts;

  if (lines == NULL)
    return NULL;
  starts = g_array_sized_new (FALSE, FALSE, sizeof (int), polisi_word_lines_get_n_lines (lines));
  for (guint i = 0; i < polisi_word_lines_get_n_lines (lines); i++)
    {
      int start, length;

      polisi_word_lines_get_line (lines, i, &start, &length);
      g_array_append_val (starts, start);
    }
  return starts;
}

static GArray *
break_with_pango (PangoContext               *context,
                  const PangoFontDescription *font,
                  const char                 *text,
                  int                         width)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (int));
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, width);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    g_array_append_val (starts, ((PangoLayoutLine *) l->data)->start_index);
  g_object_unref (layout);
  return starts;
}

static gboolean
same_starts (GArray *a,
             GArray *b)
{
  return a->len == b->len && memcmp (a->data, b->data, a->len * sizeof (int)) == 0;
}

int
main (int   argc,
      char *argv[])
{
  gboolean differences = argc > 1 && g_str_equal (argv[1], "--differences");
  const double widths[] = { 212.0, 452.0 };   /* a clause's text: in a column, on a page */
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiLibrary) library = polisi_library_new_builtin (&error);
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new_with_free_func (g_free);
  PangoContext *context;
  PangoFontDescription *font;
  PangoFont *first;
  guint same = 0, taken = 0, total = 0, lines = 0;
  gint64 pango_time = 0, words_time = 0;

  if (library == NULL)
    g_error ("%s", error->message);

  for (guint s = 0; s < polisi_library_get_n_sections (library); s++)
    {
      PolisiSection *section = polisi_library_get_section (library, s);

      for (guint c = 0; c < polisi_section_get_n_clauses (section); c++)
        {
          PolisiClause *clause = polisi_section_get_clause (section, c);

          for (guint a = 0; a < polisi_clause_get_n_alternatives (clause); a++)
            for (PolisiLang lang = 0; lang < POLISI_N_LANGS; lang++)
              {
                g_autoptr(GPtrArray) blocks = polisi_text_parse_blocks (polisi_clause_get_alternative (clause, a)->text[lang]);

                for (guint b = 0; b < blocks->len; b++)
                  {
                    PolisiTextBlock *block = blocks->pdata[b];

                    if (g_utf8_strlen (block->text, -1) >= 20)
                      g_ptr_array_add (paragraphs, g_strdup (block->text));
                  }
              }
        }
    }

  context = polisi_page_layout_new_pango_context (pango_cairo_font_map_get_default ());
  font = pango_font_description_from_string ("Liberation Sans");
  pango_font_description_set_absolute_size (font, 10 * PANGO_SCALE);
  first = pango_context_load_font (context, font);

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    for (guint i = 0; i < paragraphs->len; i++)
      {
        const char *text = paragraphs->pdata[i];
        int width = (int) (widths[w] * PANGO_SCALE);
        gint64 start = g_get_monotonic_time ();
        g_autoptr(GArray) by_pango = break_with_pango (context, font, text, width);
        gint64 middle = g_get_monotonic_time ();
        g_autoptr(GArray) by_words = break_by_words (first, text, width);
        gint64 end = g_get_monotonic_time ();

        pango_time += middle - start;
        /* what the page layout pays: Pango's time for what it leaves */
        words_time += by_words != NULL ? end - middle : end - start;
        total++;
        lines += by_pango->len;
        if (by_words == NULL)
          continue;
        taken++;
        if (same_starts (by_pango, by_words))
          same++;
        else if (differences)
          g_print ("%.0f pt: %s\n", widths[w], text);
      }

  g_print ("Polisi line break benchmark: the built-in library's %u paragraphs at %.0f and %.0f pt\n",
           paragraphs->len, widths[0], widths[1]);
  g_print ("taken by words: %u of %u layouts (%u lines); of those, breaking where Pango does: %u\n",
           taken, total, lines, same);
  g_print ("Pango: %.1f ms; by words, and Pango for the rest: %.1f ms\n", pango_time / 1000.0, words_time / 1000.0);

  g_object_unref (first);
  pango_font_description_free (font);
  g_object_unref (context);
  return 0;
}
