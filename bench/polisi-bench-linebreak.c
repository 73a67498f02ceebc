/* polisi-bench-linebreak.c: what laying out text by words would cost
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Most of a cold PDF export is Pango laying out paragraphs (docs/benchmarks.md).
 * A line layout of Polisi's own would shape each distinct word once and fill
 * lines from the words' advances; it is worth building only if it breaks
 * lines where Pango does, since the editable formats' pages are measured
 * against the PDF's. This program lays out every paragraph of the built-in
 * library's clauses (20 letters or more, both languages, every alternative)
 * at a clause's width in a column and on a page, with Pango as the page
 * layout sets it up (Liberation Sans 10 pt, 72 dpi, metric hinting off,
 * glyphs placed to a fraction of a point) and by words, and prints how many
 * break the same, the time each took, and how much text was shaped.
 *
 *   polisi-bench-linebreak [--differences]
 *
 * By words: each word shaped once with HarfBuzz (the font Pango chose),
 * with the space before it, since Liberation Sans kerns a space with the
 * letter after it; a line breaks after a space or after a hyphen between
 * letters, at the last place where what it holds (without the space at
 * its end) is no wider than the line. The page layout's own attributes
 * (no break inside a date or a reference, a word longer than a line broken
 * between letters) are not in either.
 */
#include "config.h"

#include <string.h>

#include <hb.h>
#include <pango/pangocairo.h>

#include "polisi-clause.h"
#include "polisi-library.h"
#include "polisi-section.h"
#include "polisi-text.h"

typedef struct {
  hb_font_t   *font;
  hb_buffer_t *buffer;
  GHashTable  *advances;   /* a word (with the space before it, if any) → its advance */
  gsize        shaped;     /* bytes shaped */
} Words;

/* The advance of @length bytes of @text, in Pango units, shaped once. */
static int
advance (Words      *words,
         const char *text,
         int         length)
{
  char *key = g_strndup (text, length);
  hb_glyph_position_t *positions;
  unsigned int n;
  gpointer value;
  int sum = 0;

  if (g_hash_table_lookup_extended (words->advances, key, NULL, &value))
    {
      g_free (key);
      return GPOINTER_TO_INT (value);
    }
  hb_buffer_clear_contents (words->buffer);
  hb_buffer_add_utf8 (words->buffer, text, length, 0, length);
  hb_buffer_guess_segment_properties (words->buffer);
  hb_shape (words->font, words->buffer, NULL, 0);
  positions = hb_buffer_get_glyph_positions (words->buffer, &n);
  for (unsigned int i = 0; i < n; i++)
    sum += positions[i].x_advance;
  words->shaped += length;
  g_hash_table_insert (words->advances, key, GINT_TO_POINTER (sum));
  return sum;
}

/* The byte offsets where the lines of @text start, by words. */
static GArray *
break_by_words (Words      *words,
                const char *text,
                int         width)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (int));
  int space = advance (words, " ", 1);
  int zero = 0, x = 0, spaces = 0;
  const char *p = text;

  g_array_append_val (starts, zero);
  while (*p != '\0')
    {
      const char *end = strchr (p, ' ');
      int length = end != NULL ? (int) (end - p) : (int) strlen (p);
      int word, step;

      /* a break after a hyphen between letters */
      for (int k = 1; k + 1 < length; k++)
        if (p[k] == '-' && g_ascii_isalpha (p[k - 1]) && !g_ascii_isdigit (p[k + 1]))
          {
            length = k + 1;
            break;
          }
      word = advance (words, p, length);
      step = spaces == 1 && p > text ? advance (words, p - 1, length + 1) : spaces * space + word;
      if (x > 0 && x + step > width)
        {
          int start = p - text;

          g_array_append_val (starts, start);
          x = word;
        }
      else
        x += step;
      p += length;
      for (spaces = 0; *p == ' '; p++)
        spaces++;
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
  cairo_font_options_t *options;
  Words words = { 0 };
  guint same = 0, total = 0, lines = 0;
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

  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  font = pango_font_description_from_string ("Liberation Sans");
  pango_font_description_set_absolute_size (font, 10 * PANGO_SCALE);

  words.font = hb_font_reference (pango_font_get_hb_font (pango_context_load_font (context, font)));
  words.buffer = hb_buffer_create ();
  words.advances = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    for (guint i = 0; i < paragraphs->len; i++)
      {
        const char *text = paragraphs->pdata[i];
        int width = (int) (widths[w] * PANGO_SCALE);
        gint64 start = g_get_monotonic_time ();
        g_autoptr(GArray) by_pango = break_with_pango (context, font, text, width);
        gint64 middle = g_get_monotonic_time ();
        g_autoptr(GArray) by_words = break_by_words (&words, text, width);

        words_time += g_get_monotonic_time () - middle;
        pango_time += middle - start;
        total++;
        lines += by_pango->len;
        if (same_starts (by_pango, by_words))
          same++;
        else if (differences)
          g_print ("%.0f pt: %s\n", widths[w], text);
      }

  g_print ("Polisi line break benchmark: the built-in library's %u paragraphs at %.0f and %.0f pt\n",
           paragraphs->len, widths[0], widths[1]);
  g_print ("breaking where Pango does: %u of %u layouts (%u lines)\n", same, total, lines);
  g_print ("Pango: %.1f ms; by words: %.1f ms, %u distinct words shaped (%" G_GSIZE_FORMAT " bytes)\n",
           pango_time / 1000.0, words_time / 1000.0, g_hash_table_size (words.advances), words.shaped);

  g_hash_table_unref (words.advances);
  hb_buffer_destroy (words.buffer);
  hb_font_destroy (words.font);
  pango_font_description_free (font);
  g_object_unref (context);
  return 0;
}
