/* test-pdf.c: the PDF writer and the page layout, read back by poppler and
 * qpdf
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE 1  /* memmem */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "polisi-assembler.h"
#include "polisi-error.h"
#include "polisi-export.h"
#include "polisi-odt.h"
#include "polisi-page-layout.h"
#include "polisi-pdf.h"
#include "polisi-pdf-writer.h"
#include "polisi-test-odt.h"
#include "polisi-test-utils.h"

#define LINK "https://hwb.gov.wales/cadw-dysgwyr-yn-ddiogel"

typedef struct {
  const char   *name;
  PolisiLayout  layout;
  const char   *other_file;
} Case;

static const Case cases[] = {
  { "cy", POLISI_LAYOUT_CY, NULL },
  { "en", POLISI_LAYOUT_EN, NULL },
  { "columns", POLISI_LAYOUT_COLUMNS, NULL },
  { "sequential", POLISI_LAYOUT_SEQUENTIAL, NULL },
  { "separate-cy", POLISI_LAYOUT_CY, "policy-en.pdf" },
  { "separate-en", POLISI_LAYOUT_EN, "policy-cy.pdf" },
};

static gboolean
have (const char *program)
{
  g_autofree char *path = g_find_program_in_path (program);
  return path != NULL;
}

/* Runs a command; returns its standard output, and its exit status. */
static char *
run (int        *status,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;
  va_list args;

  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  *status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  return out;
}

/* The words of @text, in order, in @haystack. A paragraph that runs on to
 * the next page has that page's header, footer and watermark between its
 * parts, and in parallel columns the other column's text too: up to a few
 * hundred other words. */
static gboolean
contains_words (char       **haystack,
                guint        n_haystack,
                const char  *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t", -1);
  g_autoptr(GPtrArray) needles = g_ptr_array_new ();

  /* A word too long for a line is broken across lines; the hostile test
   * finds it in the text with all spaces taken out. */
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && g_utf8_strlen (words[i], -1) < 60)
      g_ptr_array_add (needles, words[i]);
  if (needles->len == 0)
    return TRUE;

  for (guint start = 0; start < n_haystack; start++)
    {
      guint matched = 0, position = start, gap = 0;

      if (!g_str_equal (haystack[start], needles->pdata[0]))
        continue;
      matched = 1;
      position = start + 1;
      while (matched < needles->len && position < n_haystack && gap <= 400)
        {
          if (g_str_equal (haystack[position], needles->pdata[matched]))
            {
              matched++;
              gap = 0;
            }
          else
            gap++;
          position++;
        }
      if (matched == needles->len)
        return TRUE;
    }

  return FALSE;
}

static char *
strip_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static void
check_pdf (const char     *path,
           PolisiDocument *document,
           const Case     *c,
           gboolean        hostile)
{
  PolisiExportOptions options;
  PolisiLang langs[POLISI_N_LANGS];
  guint n_langs;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *check = NULL;
  g_autofree char *dense = NULL;
  g_auto(GStrv) tokens = NULL;
  g_autoptr(GPtrArray) token_list = g_ptr_array_new ();
  int status;

  polisi_export_options_init (&options, c->layout);
  n_langs = polisi_export_get_languages (&options, langs);

  /* qpdf finds nothing wrong */
  if (have ("qpdf"))
    {
      check = run (&status, "qpdf", "--check", path, NULL);
      g_assert_cmpint (status, ==, 0);
      g_assert_nonnull (strstr (check, "No syntax or stream encoding errors found"));
    }

  if (!have ("pdftotext"))
    {
      g_test_message ("skipped the poppler checks: poppler-utils is not installed");
      return;
    }

  /* every font embedded */
  fonts = run (&status, "pdffonts", path, NULL);
  g_assert_cmpint (status, ==, 0);
  {
    g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
    guint n_fonts = 0;

    for (guint i = 2; lines[i] != NULL; i++)
      {
        g_auto(GStrv) split = NULL;
        g_autoptr(GPtrArray) fields = g_ptr_array_new ();

        if (lines[i][0] == '\0')
          continue;
        split = g_strsplit_set (lines[i], " ", -1);
        for (guint f = 0; split[f] != NULL; f++)
          if (split[f][0] != '\0')
            g_ptr_array_add (fields, split[f]);
        /* name type ... emb sub uni object id */
        g_assert_cmpuint (fields->len, >=, 7);
        g_assert_cmpstr (fields->pdata[fields->len - 5], ==, "yes");
        n_fonts++;
      }
    g_assert_cmpuint (n_fonts, >=, 1);
  }

  /* title, author, tagged, pages */
  info = run (&status, "pdfinfo", path, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (info, polisi_document_get_title (document, langs[0])));
  g_assert_nonnull (strstr (info, "Tagged:          yes"));
  g_assert_nonnull (strstr (info, "Keywords:"));
  g_assert_nonnull (strstr (info, "Subject:"));
  g_assert_nonnull (strstr (info, "Page size:       595.276 x 841.89 pts (A4)"));
  if (!hostile)
    g_assert_nonnull (strstr (info, polisi_document_get_organisation (document, langs[0])));

  text = run (&status, "pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL);
  g_assert_cmpint (status, ==, 0);
  /* A hyphenated word broken at its hyphen ("ar-" at a line's end,
   * "lein" on the next) is one word again. */
  {
    g_autoptr(GString) joined = g_string_new (NULL);

    for (const char *p = text; *p != '\0'; p++)
      {
        if (*p == '-' && p[1] == '\n' && p > text && g_ascii_isalpha (p[-1]))
          {
            g_string_append_c (joined, '-');
            p++;
            continue;
          }
        g_string_append_c (joined, *p);
      }
    tokens = g_strsplit_set (joined->str, " \n\t\f", -1);
  }
  for (guint i = 0; tokens[i] != NULL; i++)
    if (tokens[i][0] != '\0')
      g_ptr_array_add (token_list, tokens[i]);

  /* every included clause, in each language the layout shows, and only
   * those */
  for (guint b = 0; b < polisi_document_get_n_blocks (document); b++)
    {
      PolisiBlock *block = polisi_document_get_block (document, b);

      if (block->kind != POLISI_BLOCK_CLAUSE)
        continue;
      for (guint l = 0; l < n_langs; l++)
        for (guint p = 0; p < block->paras[langs[l]]->len; p++)
          {
            PolisiTextBlock *para = g_ptr_array_index (block->paras[langs[l]], p);

            if (!contains_words ((char **) token_list->pdata, token_list->len, para->text))
              g_error ("%s: clause %s (%s) is missing: %s", c->name, block->id,
                       polisi_lang_to_code (langs[l]), para->text);
          }
    }

  /* the footer, in the layout's languages */
  if (n_langs == 1)
    {
      g_assert_nonnull (strstr (text, langs[0] == POLISI_LANG_CY ? "Tudalen 1 o " : "Page 1 of "));
      g_assert_null (strstr (text, langs[0] == POLISI_LANG_CY ? "Page 1 of " : "Tudalen 1 o "));
    }
  else if (c->layout == POLISI_LAYOUT_COLUMNS)
    g_assert_nonnull (strstr (text, "Tudalen 1 o "));
  if (c->layout == POLISI_LAYOUT_COLUMNS)
    g_assert_nonnull (strstr (text, "Page 1 of "));

  /* a one-language export of a Welsh policy says the other exists */
  if (polisi_document_get_nation (document) == POLISI_NATION_WALES && n_langs == 1)
    {
      const char *note = langs[0] == POLISI_LANG_CY ? (c->other_file != NULL ? "polisi hwn ar gael yn Saesneg"
                                                                             : "fersiwn Saesneg o’r polisi hwn")
                                                    : "This policy is also available";
      g_assert_true (contains_words ((char **) token_list->pdata, token_list->len, note));
      /* two separate files name each other by title, not by a file name */
      if (c->other_file != NULL)
        {
          g_assert_null (strstr (text, c->other_file));
          g_autofree char *all = strip_spaces (text);
          g_autofree char *title = strip_spaces (polisi_document_get_title (document, POLISI_LANG_OTHER (langs[0])));

          g_assert_nonnull (strstr (all, title));
        }
    }

  /* the watermark only on drafts, drawn as outlines (its faint fill),
   * never as text: the extracted text holds none of it */
  dense = strip_spaces (text);
  {
    gsize length;
    g_autofree char *pdf_bytes = polisi_test_read_file (path, &length);
    gboolean faint = memmem (pdf_bytes, length, "/ca 0.18", strlen ("/ca 0.18")) != NULL;

    g_assert_null (strstr (dense, "DRAFFT"));
    g_assert_null (strstr (dense, "DRAFT"));
    g_assert_true (faint == (polisi_document_get_watermark (document, langs[0]) != NULL));
  }

  if (hostile)
    {
      g_autofree char *word = polisi_test_long_word ();
      g_autofree char *hostile_dense = strip_spaces (POLISI_TEST_HOSTILE);
      g_autofree char *pdf_bytes = NULL;
      gsize length;

      /* the hostile text and every Welsh letter, unchanged */
      g_assert_nonnull (strstr (dense, word));
      g_assert_nonnull (strstr (dense, hostile_dense));
      for (const char *p = POLISI_TEST_WELSH_LETTERS; *p != '\0'; p = g_utf8_next_char (p))
        {
          char letter[8] = { 0 };
          g_unichar_to_utf8 (g_utf8_get_char (p), letter);
          g_assert_nonnull (strstr (text, letter));
        }

      /* links work */
      pdf_bytes = polisi_test_read_file (path, &length);
      g_assert_nonnull (memmem (pdf_bytes, length, "/URI (" LINK ")", strlen ("/URI (" LINK ")")));
      g_assert_nonnull (memmem (pdf_bytes, length, "/Dest", strlen ("/Dest")));
      /* languages marked: the other language's elements carry /Lang */
      if (n_langs == 2)
        g_assert_nonnull (memmem (pdf_bytes, length, "/Lang (en-GB)", strlen ("/Lang (en-GB)")));
      g_assert_nonnull (memmem (pdf_bytes, length, langs[0] == POLISI_LANG_CY ? "/Lang (cy-GB)" : "/Lang (en-GB)",
                                strlen ("/Lang (cy-GB)")));
    }

  /* one outline entry per section */
  if (have ("qpdf"))
    {
      g_autofree char *json = run (&status, "qpdf", "--json=2", "--json-key=outlines", path, NULL);
      guint headings = 0, entries = 0;

      g_assert_cmpint (status, ==, 0);
      for (guint b = 0; b < polisi_document_get_n_blocks (document); b++)
        if (polisi_document_get_block (document, b)->kind == POLISI_BLOCK_HEADING)
          headings++;
      for (const char *p = json; (p = strstr (p, "\"title\":")) != NULL; p++)
        entries++;
      /* back to back has a branch per language over each language's sections */
      g_assert_cmpuint (entries, ==, c->layout == POLISI_LAYOUT_SEQUENTIAL ? 2 * headings + 2 : headings);
    }
}

static PolisiDocument *
hostile_document (PolisiContext *context)
{
  g_autoptr(PolisiPolicy) policy = polisi_test_hostile_policy (polisi_context_get_library (context));
  PolisiClauseState *state = polisi_policy_get_clause (policy, 1);

  polisi_clause_state_set_text (state, POLISI_LANG_CY, "Gweler " LINK ".");
  polisi_clause_state_set_text (state, POLISI_LANG_EN, "See " LINK ".");
  return polisi_assemble (policy, polisi_context_get_library (context), POLISI_ASSEMBLE_DEFAULT);
}

static void
export_and_check (PolisiDocument *document,
                  const char     *label,
                  gboolean        hostile)
{
  g_autofree char *dir = polisi_test_make_temp_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%s.pdf", label, cases[i].name);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      PolisiExportOptions options;

      g_test_message ("%s", name);
      polisi_export_options_init (&options, cases[i].layout);
      options.other_file = cases[i].other_file;
      g_assert_true (polisi_export_to_file (document, POLISI_FORMAT_PDF, &options, file, &error));
      g_assert_no_error (error);
      check_pdf (path, document, &cases[i], hostile);
    }

  polisi_test_remove_tree (dir);
}

static void
test_examples (void)
{
  const char *examples[] = { "primary-england.polisi", "secondary-wales.polisi" };
  g_autoptr(PolisiContext) context = polisi_test_builtin_context ();

  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr(PolisiPolicy) policy = polisi_test_load_example (examples[e]);
      g_autoptr(PolisiDocument) document = polisi_assemble (policy, polisi_context_get_library (context),
                                                            POLISI_ASSEMBLE_DEFAULT);
      export_and_check (document, examples[e], FALSE);
    }
}

static void
test_hostile (void)
{
  g_autoptr(PolisiContext) context = polisi_test_builtin_context ();
  g_autoptr(PolisiDocument) document = hostile_document (context);

  export_and_check (document, "hostile", TRUE);
}

/* The page layout's rules, read from its own account of where each piece
 * of text went, in a hostile document and the examples, in every layout. */
static void
check_layout_rules (PolisiDocument *document,
                    gboolean        expect_splits)
{
  PolisiLayout layouts[] = { POLISI_LAYOUT_CY, POLISI_LAYOUT_EN, POLISI_LAYOUT_COLUMNS, POLISI_LAYOUT_SEQUENTIAL };

  for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
    {
      PolisiExportOptions options;
      g_autoptr(PolisiPageLayout) layout = NULL;
      g_autoptr(GPtrArray) lines = NULL;
      guint splits = 0, titles = 0, pairs = 0;

      polisi_export_options_init (&options, layouts[l]);
      layout = polisi_page_layout_new (document, &options);
      polisi_page_layout_paginate (layout);
      lines = polisi_page_layout_describe (layout);
      g_assert_cmpuint (polisi_page_layout_get_n_pages (layout), >, 10);

      for (guint i = 0; i < lines->len; i++)
        {
          guint page, first, last, n, previous_page = G_MAXUINT;
          char block[128], tag[8], lang[4], previous_block[128] = "";
          double x, y;
          int b;

          g_assert_cmpint (sscanf (lines->pdata[i], "%u %127s %7s %3s %u-%u/%u %lf %lf",
                                   &page, block, tag, lang, &first, &last, &n, &x, &y), ==, 9);
          if (i > 0)
            g_assert_cmpint (sscanf (lines->pdata[i - 1], "%u %127s", &previous_page, previous_block), ==, 2);

          /* no orphan, no widow; in parallel columns no two-line widow */
          if (first > 0 || last < n)
            {
              splits++;
              g_assert_cmpuint (last - first, >=, 2);
              /* in parallel columns, a paragraph of a clause in pairs
               * splits only when taller than a page (47 lines) */
              b = polisi_document_find_block (document, POLISI_BLOCK_CLAUSE, block);
              if (b < 0)
                b = polisi_document_find_block (document, POLISI_BLOCK_PARAGRAPH, block);
              if (layouts[l] == POLISI_LAYOUT_COLUMNS && b >= 0 && !g_str_equal (tag, "H2") &&
                  polisi_page_layout_count_pairs (polisi_document_get_block (document, b),
                                                  POLISI_LANG_CY, POLISI_LANG_EN) > 0)
                g_assert_cmpuint (n, >, 40);
            }
          /* parallel columns: each paragraph of a clause in pairs starts
           * level with its translation, on the same page */
          if (layouts[l] == POLISI_LAYOUT_COLUMNS && first == 0 && g_str_equal (lang, "cy") &&
              (g_str_equal (tag, "P") || g_str_equal (tag, "LI")) &&
              (b = polisi_document_find_block (document, POLISI_BLOCK_CLAUSE, block)) >= 0 &&
              polisi_page_layout_count_pairs (polisi_document_get_block (document, b), POLISI_LANG_CY, POLISI_LANG_EN) > 0)
            {
              gboolean level = FALSE;

              for (guint j = i + 1; j < lines->len && !level; j++)
                {
                  guint other_page, other_first, other_last, other_n;
                  char other_block[128], other_tag[8], other_lang[4];
                  double other_x, other_y;

                  g_assert_cmpint (sscanf (lines->pdata[j], "%u %127s %7s %3s %u-%u/%u %lf %lf", &other_page, other_block,
                                           other_tag, other_lang, &other_first, &other_last, &other_n, &other_x, &other_y), ==, 9);
                  if (other_page != page)
                    break;
                  level = g_str_equal (other_lang, "en") && other_first == 0 && G_APPROX_VALUE (other_y, y, 0.05);
                }
              if (!level)
                g_error ("parallel columns: no English paragraph level with %s", (char *) lines->pdata[i]);
              pairs++;
            }
          if (layouts[l] == POLISI_LAYOUT_COLUMNS && first > 0 && last == n)
            g_assert_cmpuint (last - first, >=, 3);

          /* a heading is never the last thing on its page */
          if (g_str_equal (tag, "H2"))
            {
              guint next_page;

              g_assert_cmpuint (i + 1, <, lines->len);
              g_assert_cmpint (sscanf (lines->pdata[i + 1], "%u", &next_page), ==, 1);
              if (layouts[l] == POLISI_LAYOUT_COLUMNS && i + 2 < lines->len)
                g_assert_cmpint (sscanf (lines->pdata[i + 2], "%u", &next_page), ==, 1);
              if (next_page != page)
                g_error ("%s: a heading ends page %u: %s", (char *) lines->pdata[i], page + 1, (char *) lines->pdata[i]);
            }

          /* a paragraph that introduces a list is never the last thing
           * on its page (polisi_text_block_keeps_with_next()) */
          if (g_str_equal (tag, "P") && last == n && i + 1 < lines->len && layouts[l] != POLISI_LAYOUT_COLUMNS)
            {
              guint next_page;
              char next_block[128], next_tag[8];

              g_assert_cmpint (sscanf (lines->pdata[i + 1], "%u %127s %7s", &next_page, next_block, next_tag), ==, 3);
              if (g_str_equal (next_tag, "LI") && g_str_equal (next_block, block) &&
                  next_page != page)
                g_error ("a paragraph that introduces a list ends page %u: %s", page + 1, (char *) lines->pdata[i]);
            }

          /* an appendix starts a page (a line's block is the last one
           * named: the contents heading after a part's title page keeps
           * the block before it) */
          b = polisi_document_find_block (document, POLISI_BLOCK_HEADING, block);
          if (g_str_equal (tag, "H2") && b >= 0 && !g_str_equal (block, previous_block) && polisi_document_get_block (document, b)->appendix &&
              previous_page != G_MAXUINT && (layouts[l] != POLISI_LAYOUT_COLUMNS || !g_str_equal (lang, "en")))
            if (previous_page >= page)
              g_error ("an appendix does not start a page: %s", (char *) lines->pdata[i]);

          /* back to back: each language's title page is a right-hand
           * page (odd-numbered) */
          if (g_str_equal (tag, "H1") && first == 0 && layouts[l] == POLISI_LAYOUT_SEQUENTIAL &&
              (i == 0 || previous_page != page))
            {
              titles++;
              g_assert_cmpuint (page % 2, ==, 0);
            }

          /* parallel columns stay level: a continued row starts at the
           * top of the page in both columns */
          if (layouts[l] == POLISI_LAYOUT_COLUMNS && first > 0)
            g_assert_cmpfloat (y, ==, 70.0);
        }

      if (layouts[l] == POLISI_LAYOUT_SEQUENTIAL)
        g_assert_cmpuint (titles, ==, 2);
      g_test_message ("layout %u: %u paragraphs split across pages", l, splits);
      /* (in parallel columns, the paragraph pairs move whole) */
      if (expect_splits && layouts[l] != POLISI_LAYOUT_COLUMNS)
        g_assert_cmpuint (splits, >, 0);
      if (layouts[l] == POLISI_LAYOUT_COLUMNS)
        g_assert_cmpuint (pairs, >, 100);
    }
}

static void
test_layout_rules (void)
{
  g_autoptr(PolisiContext) context = polisi_test_builtin_context ();
  g_autoptr(PolisiDocument) document = hostile_document (context);
  const char *examples[] = { "primary-england.polisi", "secondary-wales.polisi", "secondary-wales-adopted.polisi" };

  check_layout_rules (document, TRUE);
  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr(PolisiPolicy) policy = polisi_test_load_example (examples[e]);
      g_autoptr(PolisiDocument) example = polisi_assemble (policy, polisi_context_get_library (context),
                                                           POLISI_ASSEMBLE_DEFAULT);

      g_test_message ("%s", examples[e]);
      check_layout_rules (example, FALSE);
    }
}

/* How many of @block_id's Welsh paragraphs start level with an English
 * one, on the same page (in @n_welsh, how many there are). */
static guint
count_level (PolisiPageLayout *layout,
             const char       *block_id,
             guint            *n_welsh)
{
  g_autoptr(GPtrArray) lines = polisi_page_layout_describe (layout);
  g_autoptr(GArray) english = g_array_new (FALSE, FALSE, sizeof (double));
  guint level = 0;

  *n_welsh = 0;
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < lines->len; i++)
      {
        guint page, first, last, n;
        char block[128], tag[8], lang[4];
        double x, y;

        g_assert_cmpint (sscanf (lines->pdata[i], "%u %127s %7s %3s %u-%u/%u %lf %lf",
                                 &page, block, tag, lang, &first, &last, &n, &x, &y), ==, 9);
        if (!g_str_equal (block, block_id) || first != 0 || !(g_str_equal (tag, "P") || g_str_equal (tag, "LI")))
          continue;
        /* a page and a height in one number */
        y += 10000.0 * page;
        if (pass == 0 && g_str_equal (lang, "en"))
          g_array_append_val (english, y);
        else if (pass == 1 && g_str_equal (lang, "cy"))
          {
            (*n_welsh)++;
            for (guint e = 0; e < english->len; e++)
              if (G_APPROX_VALUE (g_array_index (english, double, e), y, 0.05))
                {
                  level++;
                  break;
                }
          }
      }
  return level;
}

static guint
count_rows (PolisiDocument            *document,
            const PolisiExportOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) odt = polisi_odt_write (document, options, &error);
  g_autofree char *content = NULL;
  guint n = 0;

  g_assert_no_error (error);
  content = polisi_test_odt_member (odt, "content.xml");
  for (const char *p = strstr (content, "<table:table-row "); p != NULL; p = strstr (p + 1, "<table:table-row "))
    n++;
  return n;
}

/* Parallel columns: a clause whose languages have as many paragraphs is a
 * row for each paragraph and its translation, side by side; a clause with
 * a paragraph added in one language only is one row, in the PDF and in the
 * ODT, its paragraphs one after another in each column. */
static void
test_columns_pairs (void)
{
  g_autoptr(PolisiContext) context = polisi_test_builtin_context ();
  g_autoptr(PolisiPolicy) policy = polisi_test_load_example ("secondary-wales.polisi");
  g_autoptr(PolisiDocument) document = polisi_assemble (policy, polisi_context_get_library (context), POLISI_ASSEMBLE_DEFAULT);
  g_autoptr(PolisiPageLayout) paired = NULL;
  g_autoptr(PolisiPageLayout) unequal = NULL;
  g_autoptr(GString) markup = g_string_new (NULL);
  PolisiExportOptions options;
  PolisiBlock *block = NULL;
  guint n_pairs = 0;
  guint n_welsh;
  guint rows;

  polisi_export_options_init (&options, POLISI_LAYOUT_COLUMNS);
  for (guint b = 0; b < polisi_document_get_n_blocks (document) && block == NULL; b++)
    {
      PolisiBlock *candidate = polisi_document_get_block (document, b);

      n_pairs = polisi_page_layout_count_pairs (candidate, POLISI_LANG_CY, POLISI_LANG_EN);
      if (candidate->kind == POLISI_BLOCK_CLAUSE && n_pairs >= 3)
        block = candidate;
    }
  g_assert_nonnull (block);

  paired = polisi_page_layout_new (document, &options);
  polisi_page_layout_paginate (paired);
  g_assert_cmpuint (count_level (paired, block->id, &n_welsh), ==, n_pairs);
  g_assert_cmpuint (n_welsh, ==, n_pairs);
  rows = count_rows (document, &options);

  /* a Welsh paragraph more, first: the others move down beside the
   * English ones */
  g_string_append (markup, "Paragraff ychwanegol yn Gymraeg yn unig, heb ei gyfieithu eto.");
  for (guint p = 0; p < block->paras[POLISI_LANG_CY]->len; p++)
    {
      PolisiTextBlock *para = block->paras[POLISI_LANG_CY]->pdata[p];

      g_string_append_printf (markup, "\n%s%s", para->item ? "- " : "", para->text);
    }
  polisi_block_set_text (block, POLISI_LANG_CY, markup->str);
  g_assert_cmpuint (polisi_page_layout_count_pairs (block, POLISI_LANG_CY, POLISI_LANG_EN), ==, 0);

  unequal = polisi_page_layout_new (document, &options);
  polisi_page_layout_paginate (unequal);
  /* one row: the paragraphs of each column one after another, only the
   * first of each level with the other column's */
  g_assert_cmpuint (count_level (unequal, block->id, &n_welsh), <, n_pairs);
  g_assert_cmpuint (n_welsh, ==, n_pairs + 1);
  g_assert_cmpuint (count_rows (document, &options), ==, rows - n_pairs + 1);
}

/* A heading is never the last thing on its page, wherever it falls: the
 * first clause grows a line at a time, so every heading of the library
 * passes across the foot of a page, with whatever follows it (a clause of
 * three lines cannot split after two without leaving a widow). */
static void
test_heading_keeps_with_next (void)
{
  g_autoptr(PolisiContext) context = polisi_test_builtin_context ();
  g_autoptr(PolisiPolicy) policy = polisi_test_hostile_policy (polisi_context_get_library (context));
  PolisiClauseState *state = polisi_policy_get_clause (policy, 0);
  g_autofree char *cy = g_strdup (polisi_clause_state_get_text (state, POLISI_LANG_CY));
  g_autofree char *en = g_strdup (polisi_clause_state_get_text (state, POLISI_LANG_EN));
  PolisiLayout layouts[] = { POLISI_LAYOUT_CY, POLISI_LAYOUT_COLUMNS };
  guint checked = 0;

  for (guint run = 0; run < 2 * 24; run++)
    {
      guint extra = run / 2;
      PolisiLayout kind = layouts[run % 2];
      g_autoptr(GString) more_cy = g_string_new (cy);
      g_autoptr(GString) more_en = g_string_new (en);
      g_autoptr(PolisiDocument) document = NULL;
      g_autoptr(PolisiPageLayout) layout = NULL;
      g_autoptr(GPtrArray) lines = NULL;
      PolisiExportOptions options;

      for (guint i = 0; i < extra; i++)
        {
          g_string_append (more_cy, "\nLlinell.");
          g_string_append (more_en, "\nLine.");
        }
      polisi_clause_state_set_text (state, POLISI_LANG_CY, more_cy->str);
      polisi_clause_state_set_text (state, POLISI_LANG_EN, more_en->str);
      document = polisi_assemble (policy, polisi_context_get_library (context), POLISI_ASSEMBLE_DEFAULT);
      polisi_export_options_init (&options, kind);
      layout = polisi_page_layout_new (document, &options);
      polisi_page_layout_paginate (layout);
      lines = polisi_page_layout_describe (layout);

      for (guint i = 0; i + 1 < lines->len; i++)
        {
          guint page, next_page;
          char block[128], tag[8];

          g_assert_cmpint (sscanf (lines->pdata[i], "%u %127s %7s", &page, block, tag), ==, 3);
          if (!g_str_equal (tag, "H2"))
            continue;
          g_assert_cmpint (sscanf (lines->pdata[i + 1], "%u", &next_page), ==, 1);
          /* in parallel columns, the next line is the heading's other language */
          if (kind == POLISI_LAYOUT_COLUMNS && i + 2 < lines->len)
            g_assert_cmpint (sscanf (lines->pdata[i + 2], "%u", &next_page), ==, 1);
          if (next_page != page)
            g_test_message ("layout %d, %u extra lines: %s", kind, extra, (char *) lines->pdata[i]);
          g_assert_cmpuint (next_page, ==, page);
          checked++;
        }
    }
  g_assert_cmpuint (checked, >, 2 * 24 * 20);
}

/* Failures: a missing folder and an unwritable folder give a clear error
 * naming the path, and leave nothing behind. (The full disk has its own
 * test below.) */
static void
test_failures (void)
{
  g_autoptr(PolisiContext) context = polisi_test_builtin_context ();
  g_autoptr(PolisiPolicy) policy = polisi_test_load_example ("secondary-wales.polisi");
  g_autoptr(PolisiDocument) document = polisi_assemble (policy, polisi_context_get_library (context), POLISI_ASSEMBLE_DEFAULT);
  g_autofree char *dir = polisi_test_make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "no such folder", "policy.pdf", NULL);
  g_autofree char *unwritable_dir = geteuid () == 0 ? g_strdup ("/proc/self") : g_build_filename (dir, "read-only", NULL);
  g_autofree char *unwritable = g_build_filename (unwritable_dir, "policy.pdf", NULL);
  PolisiExportOptions options;
  const char *targets[] = { missing, unwritable };
  const char *named[] = { "no such folder", unwritable_dir };

  polisi_export_options_init (&options, POLISI_LAYOUT_COLUMNS);
  if (geteuid () != 0)
    g_mkdir (unwritable_dir, 0555);

  for (guint format = POLISI_FORMAT_ODT; format <= POLISI_FORMAT_PDF; format++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
        {
          g_autoptr(GFile) file = g_file_new_for_path (targets[i]);
          g_autoptr(GError) error = NULL;

          g_assert_false (polisi_export_to_file (document, format, &options, file, &error));
          g_assert_error (error, POLISI_ERROR, POLISI_ERROR_IO);
          g_test_message ("%s", error->message);
          g_assert_nonnull (strstr (error->message, named[i]));
          g_assert_false (g_file_test (targets[i], G_FILE_TEST_EXISTS));
        }
    }

  /* nothing left behind: only the read-only folder */
  g_assert_cmpuint (polisi_test_count_entries (dir), ==, geteuid () == 0 ? 0 : 1);
  polisi_test_remove_tree (dir);
}

/* A full disk, made with a file size limit in a subprocess (run without
 * valgrind's wrapper, and freeing what it allocates): the export fails with
 * a clear error naming the file, and an older export stays as it was with
 * nothing beside it. */
/* the folder of one test run, which its subprocess finds from its parent */
static char *
full_disk_dir (pid_t pid)
{
  g_autofree char *name = g_strdup_printf ("polisi-full-disk-%d", (int) pid);

  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

static void
test_full_disk (gconstpointer data)
{
  PolisiFormat format = GPOINTER_TO_UINT (data);
  const char *name = format == POLISI_FORMAT_ODT ? "full.odt" : "full.pdf";

  if (g_test_subprocess ())
    {
      g_autoptr(PolisiContext) context = polisi_test_builtin_context ();
      g_autoptr(PolisiPolicy) policy = polisi_test_load_example ("secondary-wales.polisi");
      g_autoptr(PolisiDocument) document = polisi_assemble (policy, polisi_context_get_library (context), POLISI_ASSEMBLE_DEFAULT);
      g_autofree char *dir = full_disk_dir (getppid ());
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      PolisiExportOptions options;
      struct rlimit limit = { 4096, 4096 };

      polisi_export_options_init (&options, POLISI_LAYOUT_COLUMNS);
      signal (SIGXFSZ, SIG_IGN);
      setrlimit (RLIMIT_FSIZE, &limit);
      g_assert_false (polisi_export_to_file (document, format, &options, file, &error));
      g_assert_error (error, POLISI_ERROR, POLISI_ERROR_IO);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, name));
      g_assert_nonnull (strstr (error->message, "space"));
      return;
    }
  else
    {
      g_autofree char *dir = full_disk_dir (getpid ());
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *after = NULL;

      g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
      polisi_test_write_file (path, "old export", -1);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();

      after = polisi_test_read_file (path, NULL);
      g_assert_cmpstr (after, ==, "old export");
      g_assert_cmpuint (polisi_test_count_entries (dir), ==, 1);
      polisi_test_remove_tree (dir);
    }
}

/* A consultation draft: every page's header gives the version and the
 * whole closing date in each language, even in parallel columns where
 * they do not fit on one line. */
static void
test_consultation_header (void)
{
  g_autoptr(PolisiContext) context = polisi_test_builtin_context ();
  g_autoptr(PolisiPolicy) policy = polisi_test_load_example ("secondary-wales-adopted.polisi");
  g_autoptr(PolisiDocument) document = NULL;
  g_autofree char *dir = polisi_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "draft.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  PolisiExportOptions options;
  int status;

  if (!have ("pdftotext"))
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  polisi_policy_open_draft (policy, POLISI_STATUS_CONSULTATION);
  polisi_policy_set_closing_date (policy, "2027-01-29");
  document = polisi_assemble (policy, polisi_context_get_library (context), POLISI_ASSEMBLE_DEFAULT);
  polisi_export_options_init (&options, POLISI_LAYOUT_COLUMNS);
  g_assert_true (polisi_export_to_file (document, POLISI_FORMAT_PDF, &options, file, &error));
  g_assert_no_error (error);

  /* the second page, as it reads */
  text = run (&status, "pdftotext", "-f", "2", "-l", "2", "-raw", "-enc", "UTF-8", path, "-", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (text, "Fersiwn 1.2"));
  g_assert_nonnull (strstr (text, "Version 1.2"));
  g_assert_nonnull (strstr (text, "Dyddiad cau ar gyfer sylwadau: 29 Ionawr 2027"));
  g_assert_nonnull (strstr (text, "Closing date for comments: 29 January 2027"));
  g_assert_nonnull (strstr (text, "Polisi cyfryngau cymdeithasol staff"));
  g_assert_null (strstr (text, "…"));

  polisi_test_remove_tree (dir);
}

/* A consultation draft numbers every line of its text, in every layout:
 * one count per column in parallel columns, one through the whole
 * document otherwise; each number stands for a real line of a real
 * paragraph, and a final version has none. */
static void
test_line_numbers (void)
{
  g_autoptr(PolisiContext) context = polisi_test_builtin_context ();
  g_autoptr(PolisiPolicy) policy = polisi_test_load_example ("secondary-wales.polisi");
  g_autoptr(PolisiDocument) draft = polisi_assemble (policy, polisi_context_get_library (context),
                                                     POLISI_ASSEMBLE_DEFAULT);
  g_autoptr(PolisiDocument) final = polisi_assemble (policy, polisi_context_get_library (context),
                                                     POLISI_ASSEMBLE_FINAL);
  PolisiLayout layouts[] = { POLISI_LAYOUT_CY, POLISI_LAYOUT_EN, POLISI_LAYOUT_COLUMNS, POLISI_LAYOUT_SEQUENTIAL };

  g_assert_true (polisi_document_get_line_numbers (draft));
  for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
    {
      PolisiExportOptions options;
      g_autoptr(PolisiPageLayout) layout = NULL;
      g_autoptr(PolisiPageLayout) final_layout = NULL;
      GArray *lines;
      guint next[POLISI_N_LANGS] = { 1, 1 };
      guint next_all = 1, last_page = 0;

      polisi_export_options_init (&options, layouts[l]);
      layout = polisi_page_layout_new (draft, &options);
      polisi_page_layout_paginate (layout);
      lines = polisi_page_layout_get_numbered_lines (layout);
      g_assert_cmpuint (lines->len, >, 300);

      for (guint i = 0; i < lines->len; i++)
        {
          PolisiNumberedLine *line = &g_array_index (lines, PolisiNumberedLine, i);
          int b = polisi_document_find_block (draft, line->para < 0 ? POLISI_BLOCK_HEADING : POLISI_BLOCK_CLAUSE,
                                              line->block_id);

          /* in order, page by page, with no gap */
          if (layouts[l] == POLISI_LAYOUT_COLUMNS)
            g_assert_cmpuint (line->number, ==, next[line->lang]++);
          else
            g_assert_cmpuint (line->number, ==, next_all++);
          g_assert_cmpuint (line->page, >=, last_page);
          last_page = line->page;

          /* a real line of a real paragraph */
          g_assert_cmpuint (line->start, <, line->end);
          if (line->block_id != NULL && line->para >= 0 && b >= 0)
            {
              PolisiBlock *block = polisi_document_get_block (draft, b);
              PolisiTextBlock *para = g_ptr_array_index (block->paras[line->lang], line->para);

              g_assert_cmpuint (line->end, <=, strlen (para->text));
            }
        }
      if (layouts[l] == POLISI_LAYOUT_COLUMNS)
        {
          g_assert_cmpuint (next[POLISI_LANG_CY], >, 300);
          g_assert_cmpuint (next[POLISI_LANG_EN], >, 300);
        }

      final_layout = polisi_page_layout_new (final, &options);
      polisi_page_layout_paginate (final_layout);
      g_assert_cmpuint (polisi_page_layout_get_numbered_lines (final_layout)->len, ==, 0);
    }
}

/* A page layout: made for a document, paginated, freed; the document it
 * holds is then free to go. It has no properties. */
static void
test_layout_finalize (void)
{
  g_autoptr(PolisiPolicy) policy = polisi_test_load_example ("secondary-wales.polisi");
  g_autoptr(PolisiContext) context = polisi_test_builtin_context ();
  PolisiDocument *document = polisi_assemble (policy, polisi_context_get_library (context), POLISI_ASSEMBLE_DEFAULT);
  PolisiExportOptions options;
  PolisiPageLayout *layout;

  polisi_export_options_init (&options, POLISI_LAYOUT_COLUMNS);
  layout = polisi_page_layout_new (document, &options);
  polisi_page_layout_paginate (layout);
  g_assert_cmpuint (polisi_page_layout_get_n_pages (layout), >, 1);
  g_assert_cmpuint (polisi_page_layout_get_n_headings (layout), >, 0);
  g_assert_finalize_object (layout);
  g_assert_finalize_object (document);
}

typedef struct {
  PolisiDocument *document;
  gboolean        parallel;
  PolisiLayout    layout;
  gboolean        pango_only;
  guint           n_threads;
  guint           n_by_words;
  guint           n_paragraphs;
  GPtrArray      *description;
  GBytes         *pdf;
} ThreadedLayout;

/* In a thread of its own, so that nothing is in its cache of laid-out
 * text. */
static gpointer
lay_out_in_fresh_thread (gpointer data)
{
  ThreadedLayout *run = data;
  g_autoptr(PolisiPageLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  PolisiExportOptions options;

  polisi_export_options_init (&options, run->layout);
  layout = polisi_page_layout_new (run->document, &options);
  polisi_page_layout_set_parallel (layout, run->parallel);
  polisi_page_layout_set_by_words (layout, !run->pango_only);
  polisi_page_layout_paginate (layout);
  run->n_threads = polisi_page_layout_get_n_threads_used (layout);
  run->n_by_words = polisi_page_layout_count_by_words (layout, &run->n_paragraphs);
  run->description = polisi_page_layout_describe (layout);
  run->pdf = polisi_pdf_write_layout (layout, &error);
  g_assert_no_error (error);
  return NULL;
}

/* A long document's text is laid out in two threads where there are two
 * processors, and its pages and its PDF are exactly those of one thread's
 * layout. */
static void
test_layout_in_two_threads (void)
{
  g_autoptr(PolisiContext) context = polisi_test_builtin_context ();
  g_autoptr(PolisiPolicy) policy = polisi_test_load_example ("secondary-wales.polisi");
  g_autoptr(PolisiDocument) document = polisi_assemble (policy, polisi_context_get_library (context), POLISI_ASSEMBLE_DEFAULT);
  ThreadedLayout runs[2] = { { document, FALSE, POLISI_LAYOUT_COLUMNS }, { document, TRUE, POLISI_LAYOUT_COLUMNS } };

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    g_thread_join (g_thread_new ("test-layout", lay_out_in_fresh_thread, &runs[i]));

  g_assert_cmpuint (runs[0].n_threads, ==, 1);
  g_assert_cmpuint (runs[1].n_threads, ==, g_get_num_processors () > 1 ? 2 : 1);
  g_assert_cmpuint (runs[0].description->len, >, 100);
  g_assert_cmpuint (runs[1].description->len, ==, runs[0].description->len);
  for (guint i = 0; i < runs[0].description->len; i++)
    g_assert_cmpstr (runs[1].description->pdata[i], ==, runs[0].description->pdata[i]);
  g_assert_true (g_bytes_equal (runs[1].pdf, runs[0].pdf));

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_ptr_array_unref (runs[i].description);
      g_bytes_unref (runs[i].pdf);
    }
}

/* Paragraphs laid out by words (polisi-word-lines.c) break into the lines
 * Pango's do, and are drawn with the same glyphs in the same places: every
 * example's pages, and its PDF to the byte, are those of Pango's layout,
 * in every layout and in a comparison's marks. Most paragraphs are laid
 * out by words. */
static void
test_lines_by_words (void)
{
  const char *examples[] = { "secondary-wales.polisi", "primary-england.polisi", "secondary-wales-adopted.polisi" };
  const PolisiLayout layouts[] = { POLISI_LAYOUT_COLUMNS, POLISI_LAYOUT_SEQUENTIAL, POLISI_LAYOUT_CY,
                                   POLISI_LAYOUT_EN };
  g_autoptr(PolisiContext) context = polisi_test_builtin_context ();

  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr(PolisiPolicy) policy = polisi_test_load_example (examples[e]);
      g_autoptr(PolisiDocument) document = polisi_assemble (policy, polisi_context_get_library (context),
                                                            POLISI_ASSEMBLE_DEFAULT);

      for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
        {
          ThreadedLayout runs[2] = { { document, FALSE, layouts[l], TRUE }, { document, FALSE, layouts[l], FALSE } };

          g_test_message ("%s, layout %u", examples[e], l);
          for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
            g_thread_join (g_thread_new ("test-layout", lay_out_in_fresh_thread, &runs[i]));

          g_assert_cmpuint (runs[0].n_by_words, ==, 0);
          g_assert_cmpuint (runs[1].n_by_words * 10, >=, runs[1].n_paragraphs * 8);
          g_assert_cmpuint (runs[1].description->len, ==, runs[0].description->len);
          for (guint i = 0; i < runs[0].description->len; i++)
            g_assert_cmpstr (runs[1].description->pdata[i], ==, runs[0].description->pdata[i]);
          g_assert_true (g_bytes_equal (runs[1].pdf, runs[0].pdf));
          for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
            {
              g_ptr_array_unref (runs[i].description);
              g_bytes_unref (runs[i].pdf);
            }
        }
    }
}

/* The writer embeds the font a text was laid out in, whatever its
 * outlines: TrueType (Liberation Sans) as CIDFontType2, PostScript outlines
 * (an OpenType font with CFF, such as URW's Nimbus Sans, where installed) as
 * CIDFontType0; either way a reader draws the glyphs and reads the text
 * back, every Welsh letter with it. */
static void
test_writer_fonts (void)
{
  const char *families[] = { "Liberation Sans", "Nimbus Sans" };
  const char *text = "Ŵyn Ŷr ẁẃẅỳ ŵŷ: polisi (drafft) \\ 12";

  if (!have ("pdffonts") || !have ("pdftotext"))
    {
      g_test_skip ("poppler-utils is not installed");
      return;
    }

  for (guint f = 0; f < G_N_ELEMENTS (families); f++)
    {
      g_autoptr(GObject) context_object = G_OBJECT (polisi_page_layout_new_pango_context (pango_cairo_font_map_get_default ()));
      PangoContext *context = PANGO_CONTEXT (context_object);
      g_autoptr(PangoLayout) layout = pango_layout_new (context);
      g_autoptr(PangoFontDescription) description = pango_font_description_from_string (families[f]);
      g_autoptr(PolisiPdfWriter) writer = polisi_pdf_writer_new (POLISI_A4_WIDTH, POLISI_A4_HEIGHT, POLISI_LANG_CY);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) pdf = NULL;
      g_autofree char *path = NULL;
      g_autofree char *fonts = NULL;
      g_autofree char *read_back = NULL;
      g_autofree char *chosen = NULL;
      PangoGlyphItem *first_run;
      PolisiCanvas *canvas;
      int status;

      pango_font_description_set_size (description, 12 * PANGO_SCALE);
      pango_layout_set_font_description (layout, description);
      pango_layout_set_text (layout, text, -1);
      first_run = pango_layout_get_line_readonly (layout, 0)->runs->data;
      {
        PangoFontDescription *used = pango_font_describe (first_run->item->analysis.font);
        chosen = g_strdup (pango_font_description_get_family (used));
        pango_font_description_free (used);
      }
      if (g_strcmp0 (chosen, families[f]) != 0)
        {
          g_test_message ("%s is not installed (fontconfig chose %s): not tested", families[f], chosen);
          continue;
        }

      polisi_pdf_writer_set_info (writer, POLISI_PDF_INFO_TITLE, families[f]);
      canvas = polisi_pdf_writer_begin_page (writer);
      polisi_canvas_begin_element (canvas, "P", POLISI_LANG_CY, NULL);
      polisi_canvas_set_color (canvas, 0, 0, 0);
      polisi_canvas_show_layout (canvas, layout, 72, 72);
      polisi_canvas_end_element (canvas, "P");
      polisi_pdf_writer_end_page (writer);
      pdf = polisi_pdf_writer_finish (writer, &error);
      g_assert_no_error (error);
      path = g_build_filename (g_get_tmp_dir (), f == 0 ? "polisi-writer-ttf.pdf" : "polisi-writer-cff.pdf", NULL);
      g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));

      if (have ("qpdf"))
        {
          g_autofree char *check = run (&status, "qpdf", "--check", path, NULL);
          g_assert_cmpint (status, ==, 0);
        }
      fonts = run (&status, "pdffonts", path, NULL);
      g_assert_cmpint (status, ==, 0);
      g_assert_nonnull (strstr (fonts, f == 0 ? "CID TrueType" : "CID Type 0C"));
      g_assert_nonnull (strstr (fonts, "Identity-H       yes yes yes"));
      read_back = run (&status, "pdftotext", "-enc", "UTF-8", path, "-", NULL);
      g_assert_cmpint (status, ==, 0);
      g_assert_nonnull (strstr (read_back, text));
      g_unlink (path);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf/layout-finalize", test_layout_finalize);
  g_test_add_func ("/pdf/examples", test_examples);
  g_test_add_func ("/pdf/hostile", test_hostile);
  g_test_add_func ("/pdf/layout-rules", test_layout_rules);
  g_test_add_func ("/pdf/heading-keeps-with-next", test_heading_keeps_with_next);
  g_test_add_func ("/pdf/columns-pairs", test_columns_pairs);
  g_test_add_func ("/pdf/layout-in-two-threads", test_layout_in_two_threads);
  g_test_add_func ("/pdf/lines-by-words", test_lines_by_words);
  g_test_add_func ("/pdf/failures", test_failures);
  g_test_add_func ("/pdf/consultation-header", test_consultation_header);
  g_test_add_func ("/pdf/line-numbers", test_line_numbers);
  g_test_add_func ("/pdf/writer-fonts", test_writer_fonts);
  g_test_add_data_func ("/pdf/full-disk/odt", GUINT_TO_POINTER (POLISI_FORMAT_ODT), test_full_disk);
  g_test_add_data_func ("/pdf/full-disk/pdf", GUINT_TO_POINTER (POLISI_FORMAT_PDF), test_full_disk);

  return g_test_run ();
}
