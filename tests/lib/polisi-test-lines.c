/* polisi-test-lines.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads a rendering of parallel columns (LibreOffice's PDF of an ODT or
 * DOCX) with poppler's pdftotext -bbox: each line number in a margin, and
 * the words of its column's text on the same line; and compares them with
 * the lines Polisi's own page layout (the PDF's) numbers. A line is the
 * same when its letters and digits are (a clause number or a bullet before
 * the first line's words is allowed).
 */
#include "config.h"

#include <string.h>

#include "polisi-page-layout.h"
#include "polisi-test-lines.h"

#define MARGIN_X 56.7   /* the PDF's left and right margins, 2 cm */

typedef struct {
  double  x, y_max;
  char   *text;
} Word;

static void
word_clear (gpointer data)
{
  g_free (((Word *) data)->text);
}

/* Only letters and digits, lower case: a line's words without spaces,
 * punctuation or the kind of apostrophe. */
static char *
letters (const char *text,
         gssize      length)
{
  g_autofree char *down = g_utf8_strdown (text, length);
  GString *out = g_string_new (NULL);

  for (const char *p = down; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static char *
unescape (const char *text)
{
  static const char *entities[][2] = {
    { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" }, { "&apos;", "'" },
  };
  GString *out = g_string_new (text);

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    g_string_replace (out, entities[i][0], entities[i][1], 0);
  return g_string_free (out, FALSE);
}

static PolisiBlock *
find_block (PolisiDocument *document,
            const char     *id)
{
  for (guint i = 0; i < polisi_document_get_n_blocks (document); i++)
    {
      PolisiBlock *block = polisi_document_get_block (document, i);

      if (g_strcmp0 (block->id, id) == 0 && block->kind != POLISI_BLOCK_TABLE)
        return block;
    }
  return NULL;
}

/* What Polisi's layout puts on @line, as letters() */
static char *
expected_line (PolisiDocument           *document,
               const PolisiNumberedLine *line)
{
  PolisiBlock *block = find_block (document, line->block_id);
  g_autofree char *label = NULL;
  const char *text;

  g_assert_nonnull (block);
  if (line->para < 0)
    text = label = polisi_export_heading_label (block, line->lang);
  else
    text = ((PolisiTextBlock *) block->paras[line->lang]->pdata[line->para])->text;
  g_assert_cmpuint (line->end, <=, strlen (text));
  return letters (text + line->start, line->end - line->start);
}

/**
 * polisi_test_check_line_numbers:
 * @pdf_path: a rendering of @document in parallel columns
 *
 * Counts the numbered lines of @document's layout in @options, those
 * whose number @pdf_path shows in the margin of their column, and those
 * beside the same words.
 */
void
polisi_test_check_line_numbers (PolisiDocument            *document,
                                const PolisiExportOptions *options,
                                const char                *pdf_path,
                                PolisiTestLines           *result)
{
  g_autoptr(PolisiPageLayout) layout = polisi_page_layout_new (document, options);
  const char *argv[] = { "pdftotext", "-bbox", pdf_path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) word_regex = NULL;
  g_auto(GStrv) pages = NULL;
  GHashTable *expected[2] = { NULL, NULL };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  PolisiLang langs[POLISI_N_LANGS];
  GArray *lines;
  int status;

  g_assert_cmpint (options->layout, ==, POLISI_LAYOUT_COLUMNS);
  memset (result, 0, sizeof *result);
  polisi_export_get_languages (options, langs);
  polisi_page_layout_paginate (layout);
  lines = polisi_page_layout_get_numbered_lines (layout);
  result->n_numbered = lines->len;
  for (guint c = 0; c < 2; c++)
    expected[c] = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  for (guint i = 0; i < lines->len; i++)
    {
      const PolisiNumberedLine *line = &g_array_index (lines, PolisiNumberedLine, i);
      guint column = line->lang == langs[0] ? 0 : 1;

      g_hash_table_insert (expected[column], GUINT_TO_POINTER (line->number), expected_line (document, line));
    }

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  word_regex = g_regex_new ("<word xMin=\"([0-9.]+)\" yMin=\"[0-9.]+\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>",
                            0, 0, NULL);
  pages = g_strsplit (out, "<page ", -1);
  for (guint p = 1; pages[p] != NULL; p++)
    {
      g_autoptr(GArray) words = g_array_new (FALSE, FALSE, sizeof (Word));
      g_autoptr(GMatchInfo) match = NULL;
      double width = g_ascii_strtod (strstr (pages[p], "width=\"") + 7, NULL);

      g_array_set_clear_func (words, word_clear);
      g_regex_match (word_regex, pages[p], 0, &match);
      for (; g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *x = g_match_info_fetch (match, 1);
          g_autofree char *y = g_match_info_fetch (match, 3);
          g_autofree char *text = g_match_info_fetch (match, 4);
          Word word = { g_ascii_strtod (x, NULL), g_ascii_strtod (y, NULL), unescape (text) };

          g_array_append_val (words, word);
        }

      /* each number in a margin, and its column's words on its line */
      for (guint i = 0; i < words->len; i++)
        {
          Word *number = &g_array_index (words, Word, i);
          guint column;
          guint64 value;
          g_autoptr(GString) line = g_string_new (NULL);
          g_autofree char *got = NULL;
          g_autofree char *key = NULL;
          const char *want;

          if (number->x < MARGIN_X - 2)
            column = 0;
          else if (number->x > width - MARGIN_X + 2)
            column = 1;
          else
            continue;
          if (!g_ascii_string_to_unsigned (number->text, 10, 1, G_MAXUINT, &value, NULL))
            continue;
          want = g_hash_table_lookup (expected[column], GUINT_TO_POINTER ((guint) value));
          key = g_strdup_printf ("%u-%u", column, (guint) value);
          if (want == NULL || g_hash_table_contains (seen, key))
            continue;
          g_hash_table_add (seen, g_steal_pointer (&key));
          result->n_found++;

          /* the words of the column on the same baseline, left to right
           * (pdftotext gives them in reading order) */
          for (guint j = 0; j < words->len; j++)
            {
              Word *word = &g_array_index (words, Word, j);
              gboolean in_column = column == 0 ? word->x >= MARGIN_X - 2 && word->x < width / 2 :
                                                 word->x >= width / 2 && word->x <= width - MARGIN_X + 2;

              if (in_column && ABS (word->y_max - number->y_max) < 3.0)
                g_string_append (line, word->text);
            }
          got = letters (line->str, -1);
          if (want[0] != '\0' && strstr (got, want) != NULL && strlen (got) - strlen (want) <= 8)
            result->n_same++;
          else if (g_test_verbose ())
            g_test_message ("line %u (column %u): \"%s\", not \"%s\"", (guint) value, column, got, want);
        }
    }
  for (guint c = 0; c < 2; c++)
    g_hash_table_unref (expected[c]);
}
