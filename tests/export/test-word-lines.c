/* test-word-lines.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lines by words (polisi-word-lines.c) against Pango, the layout they stand
 * in for: every paragraph of the built-in library and a set of awkward
 * ones, at widths from a narrow table cell to a page, in the fonts the page
 * layout uses. Where a text is taken, its lines must start where Pango's
 * do and hold Pango's glyphs, to the unit; where it is not, Pango lays it
 * out, and most of the library's paragraphs must be taken.
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

typedef struct {
  PangoContext *context;
  guint         taken;
  guint         compared;
} Fixture;

static PangoContext *
make_context (void)
{
  return polisi_page_layout_new_pango_context (pango_cairo_font_map_get_default ());
}

static PangoLayout *
pango_lines (PangoContext               *context,
             const PangoFontDescription *font,
             const char                 *language,
             const char                 *text,
             int                         width,
             const GArray               *ranges)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_layout_set_font_description (layout, font);
  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string (language)));
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  for (guint i = 0; i < ranges->len; i += 2)
    {
      PangoAttribute *attr = pango_attr_allow_breaks_new (FALSE);

      attr->start_index = g_array_index (ranges, int, i);
      attr->end_index = g_array_index (ranges, int, i + 1);
      pango_attr_list_insert (attrs, attr);
    }
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  if (width >= 0)
    {
      pango_layout_set_width (layout, width);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Lays @text out both ways; returns whether it was taken by words. */
static gboolean
compare (Fixture    *fixture,
         const char *text,
         const char *language,
         double      size,
         gboolean    bold,
         int         width)
{
  PangoFontDescription *font = pango_font_description_new ();
  g_autoptr(GArray) ranges = polisi_text_find_unbreakable_ranges (text);
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PolisiWordLines) lines = NULL;
  PangoFontset *fontset;
  PangoFont *first;
  GSList *l;

  pango_font_description_set_family (font, "Liberation Sans");
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  fontset = pango_font_map_load_fontset (pango_context_get_font_map (fixture->context), fixture->context, font,
                                         pango_language_from_string (language));
  first = pango_fontset_get_font (fontset, 'a');
  lines = polisi_word_lines_break (first, pango_language_from_string (language), text, width, ranges);
  g_object_unref (first);
  g_object_unref (fontset);

  fixture->compared++;
  if (lines == NULL)
    {
      pango_font_description_free (font);
      return FALSE;
    }
  fixture->taken++;

  layout = pango_lines (fixture->context, font, language, text, width, ranges);
  pango_font_description_free (font);
  if ((guint) pango_layout_get_line_count (layout) != polisi_word_lines_get_n_lines (lines))
    g_error ("%s at %d: %d lines by Pango, %u by words", text, width, pango_layout_get_line_count (layout),
             polisi_word_lines_get_n_lines (lines));

  l = pango_layout_get_lines_readonly (layout);
  for (guint i = 0; i < polisi_word_lines_get_n_lines (lines); i++, l = l->next)
    {
      PangoLayoutLine *line = l->data;
      PangoGlyphItem *ours = polisi_word_lines_get_run (lines, text, i);
      PangoGlyphItem *run;
      PangoGlyphString *theirs;
      int start, length;

      polisi_word_lines_get_line (lines, i, &start, &length);
      g_assert_cmpint (start, ==, line->start_index);
      g_assert_cmpint (length, ==, line->length);
      g_assert_nonnull (line->runs);
      g_assert_null (line->runs->next);
      run = line->runs->data;
      theirs = run->glyphs;
      g_assert_cmpint (ours->item->offset, ==, run->item->offset);
      g_assert_cmpint (ours->item->length, ==, run->item->length);
      g_assert_cmpint (ours->item->num_chars, ==, run->item->num_chars);
      g_assert_true (pango_font_get_hb_font (ours->item->analysis.font) ==
                     pango_font_get_hb_font (run->item->analysis.font));
      g_assert_cmpint (ours->glyphs->num_glyphs, ==, theirs->num_glyphs);
      for (int g = 0; g < theirs->num_glyphs; g++)
        {
          PangoGlyphInfo *a = &ours->glyphs->glyphs[g];
          PangoGlyphInfo *b = &theirs->glyphs[g];

          /* Pango draws the space that ends a wrapped line as no glyph;
           * the page layout gives it back its glyph, of no width
           * (show_final_spaces()) */
          if (b->glyph == PANGO_GLYPH_EMPTY)
            g_assert_true (g == theirs->num_glyphs - 1 && text[line->start_index + line->length - 1] == ' ');
          else
            g_assert_cmpuint (a->glyph, ==, b->glyph);
          g_assert_cmpint (a->geometry.width, ==, b->geometry.width);
          g_assert_cmpint (a->geometry.x_offset, ==, b->geometry.x_offset);
          g_assert_cmpint (a->geometry.y_offset, ==, b->geometry.y_offset);
          g_assert_cmpuint (a->attr.is_cluster_start, ==, b->attr.is_cluster_start);
          g_assert_cmpint (ours->glyphs->log_clusters[g], ==, theirs->log_clusters[g]);
        }
      pango_glyph_item_free (ours);
    }
  return TRUE;
}

static const int widths[] = { 70, 99, 132, 170, 182, 200, 212, 230, 300, 410, 422, 452 };

static void
compare_everywhere (Fixture    *fixture,
                    const char *text,
                    const char *language)
{
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      compare (fixture, text, language, 10.0, FALSE, widths[w] * PANGO_SCALE);
      compare (fixture, text, language, 8.5, TRUE, widths[w] * PANGO_SCALE);
    }
  compare (fixture, text, language, 12.5, TRUE, 452 * PANGO_SCALE);
}

static void
test_library (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiLibrary) library = polisi_library_new_builtin (&error);
  Fixture fixture = { make_context (), 0, 0 };
  guint paragraphs = 0, taken = 0;

  g_assert_no_error (error);
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

                    paragraphs++;
                    if (compare (&fixture, block->text, polisi_lang_to_code (lang), 10.0, FALSE, 212 * PANGO_SCALE))
                      taken++;
                    compare_everywhere (&fixture, block->text, polisi_lang_to_code (lang));
                  }
              }
        }
    }

  g_test_message ("%u of %u paragraphs taken by words at 212 pt; %u of %u layouts in all",
                  taken, paragraphs, fixture.taken, fixture.compared);
  g_assert_cmpuint (paragraphs, >, 1000);
  /* the library's {placeholders} go to Pango; a policy's text has them filled */
  g_assert_cmpuint (taken * 100, >=, paragraphs * 85);
  g_object_unref (fixture.context);
}

/* Text where the Unicode rules and Pango's own are at their finest: each
 * either laid out exactly as Pango does, or left to Pango. */
static void
test_awkward (void)
{
  const char *texts[] = {
    "A 19-year-old with A-levels works on-line and off-line in a co-op; x-1 and 2023-24 stay whole.",
    "Mae’r staff yn gweithio ar-lein ac all-lein, gyda’r dysgwyr a’u rhieni, o 26 Chwefror 2027 ymlaen.",
    "The Data Protection Act 2018 (sections 170–173) and the Online Safety Act 2023 apply – as clause 3.2 says.",
    "Do not post “private” or ‘personal’ things (such as photos [of learners]) online!  Ever?",
    "Costs of £5.50 or 50% more, at #school and @account, *always* with care & thought.",
    "Ŵyr Ŷr ẁ ẃ ẅ ỳ: ŵyr a ŷd, ym mhob allforio, a’r Gymraeg yn gyntaf.",
    "A word - with a spaced hyphen - and a dash — like this — and e.g. i.e. etc. abbreviations.",
    "Links such as www.hwb.gov.wales and https://www.ewc.wales/site/index.php stay as they are.",
    "Supercalifragilisticexpialidociouslyandevenlongerthanthatwordthatwillnotfitonanyline at all.",
    "Ends with a hyphen-",
    "(Opening) bracket, closing) and ‘quote’ (bracketed) ‘quoted’ “double” done.",
    "Cymal 4.1, fersiwn 1.2, Atodiad A, Deddf Addysg (Cymru) 2014 a Deddf 2023: pob un ynghyd.",
  };
  Fixture fixture = { make_context (), 0, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      compare_everywhere (&fixture, texts[i], "en");
      compare_everywhere (&fixture, texts[i], "cy");
    }
  g_test_message ("%u of %u layouts taken by words", fixture.taken, fixture.compared);
  g_assert_cmpuint (fixture.taken, >, 0);
  g_object_unref (fixture.context);
}

/* Lines that do not wrap, such as a clause's number and the space after
 * it, drawn beside the clause: the space keeps its width. */
static void
test_one_line (void)
{
  const char *texts[] = { "3.1 ", "10.12 ", "A.3 ", "Atodiad A ", "1 ", "Polisi cyfryngau cymdeithasol",
                          "Fersiwn 1.2 · Drafft", "two  spaces ", "ends with two  " };
  Fixture fixture = { make_context (), 0, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      compare (&fixture, texts[i], "cy", 10.0, TRUE, -1);
      compare (&fixture, texts[i], "en", 10.0, FALSE, -1);
    }
  /* all but "A.3" (a letter, a full stop and a digit: left to Pango), the
   * middle dot and the two spaces */
  g_assert_cmpuint (fixture.taken, ==, 10);
  g_object_unref (fixture.context);
}

/* What polisi_word_lines_can_break() leaves to Pango. */
static void
test_refused (void)
{
  const char *refused[] = {
    "", " leading space", "trailing space ", "two  spaces", "a\ttab", "a\nnew line", "and/or",
    "2023–24", "word—word", "Ελληνικά", "日本語", "emoji 😀", "x -y", "word !", "a (b)(c)", "zero\u200bwidth",
    "no\u00a0break", "ends-", "‘ open quote then space",
  };
  const char *taken[] = {
    "A plain sentence.", "ar-lein", "19-year-old", "x-1", "‘quoted’ words", "(bracketed) words",
    "£5 and 50%", "e.g. this", "a – spaced – dash", "Ŵ ŷ ẁ ẃ ẅ ỳ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    if (polisi_word_lines_can_break (refused[i]))
      g_error ("taken: “%s”", refused[i]);
  for (guint i = 0; i < G_N_ELEMENTS (taken); i++)
    if (!polisi_word_lines_can_break (taken[i]))
      g_error ("refused: “%s”", taken[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/word-lines/library", test_library);
  g_test_add_func ("/word-lines/awkward", test_awkward);
  g_test_add_func ("/word-lines/one-line", test_one_line);
  g_test_add_func ("/word-lines/refused", test_refused);

  return g_test_run ();
}
