/* test-text.c: clause markup, placeholders, sanitising, dates
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "polisi-dates.h"
#include "polisi-library.h"
#include "polisi-text.h"

static void
test_blocks (void)
{
  g_autoptr(GPtrArray) blocks = polisi_text_parse_blocks ("First  paragraph.\n\n- one\n•  two\n   \nLast");
  PolisiTextBlock *block;

  g_assert_cmpuint (blocks->len, ==, 4);
  block = blocks->pdata[0];
  g_assert_false (block->item);
  g_assert_cmpstr (block->text, ==, "First paragraph.");
  block = blocks->pdata[1];
  g_assert_true (block->item);
  g_assert_cmpstr (block->text, ==, "one");
  block = blocks->pdata[2];
  g_assert_true (block->item);
  g_assert_cmpstr (block->text, ==, "two");
  block = blocks->pdata[3];
  g_assert_false (block->item);
  g_assert_cmpstr (block->text, ==, "Last");

  /* the paragraph that introduces the list keeps with it; nothing else does */
  g_assert_true (polisi_text_block_keeps_with_next (blocks, 0));
  g_assert_false (polisi_text_block_keeps_with_next (blocks, 1));
  g_assert_false (polisi_text_block_keeps_with_next (blocks, 2));
  g_assert_false (polisi_text_block_keeps_with_next (blocks, 3));
  g_assert_false (polisi_text_block_keeps_with_next (blocks, 4));
}

static void
test_normalize (void)
{
  g_autofree char *normal = polisi_text_normalize ("  a \t b\n\n\n* c\n");

  g_assert_cmpstr (normal, ==, "a b\n- c");
  g_assert_true (polisi_text_equal ("a  b\n- c", "a b\n\n-   c"));
  g_assert_false (polisi_text_equal ("a b", "a c"));
}

/* What polisi_text_normalize() gives by taking the text apart: a text
 * already in that form is copied as it is, and must come out the same. */
static char *
normalize_by_blocks (const char *markup)
{
  g_autoptr(GPtrArray) blocks = polisi_text_parse_blocks (markup);

  return polisi_text_join_blocks (blocks);
}

static void
test_normalize_fast (void)
{
  static const char *pieces[] = {
    "a", "ŵ", " ", "  ", "\n", "\t", "-", "- ", "* ", "•", "• ", "\u00a0", "\u2003", "\r", "\f", "-a", "x y",
  };
  static const char *normal[] = {
    "", "a", "a b", "- a", "a\n- b c\nd", "-a", "•a", "- - a", "Ŵyn ŷd ẁ ẃ ẅ ỳ", "a - b", "{organisation}",
  };
  GRand *rand = g_rand_new_with_seed (16);

  for (guint i = 0; i < G_N_ELEMENTS (normal); i++)
    {
      g_autofree char *result = polisi_text_normalize (normal[i]);

      g_assert_cmpstr (result, ==, normal[i]);
    }
  for (guint i = 0; i < 20000; i++)
    {
      GString *text = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 0, 7);
      g_autofree char *fast = NULL;
      g_autofree char *slow = NULL;
      g_autofree char *markup = NULL;

      for (guint j = 0; j < n; j++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      markup = g_string_free (text, FALSE);
      fast = polisi_text_normalize (markup);
      slow = normalize_by_blocks (markup);
      if (g_strcmp0 (fast, slow) != 0)
        g_test_message ("normalising “%s”", markup);
      g_assert_cmpstr (fast, ==, slow);
      /* and what it gives is normal */
      {
        g_autofree char *again = polisi_text_normalize (fast);

        g_assert_cmpstr (again, ==, fast);
      }
    }
  g_rand_free (rand);
}

static void
test_sanitize (void)
{
  /* w + combining circumflex composes to ŵ; controls go; CRLF becomes LF. */
  g_autofree char *clean = polisi_text_sanitize ("w\xcc\x82y\x01\r\nb\x7f");
  g_autofree char *invalid = polisi_text_sanitize ("ok\xff\xfe");

  g_assert_cmpstr (clean, ==, "ŵy\nb");
  g_assert_true (g_utf8_validate (invalid, -1, NULL));
  g_assert_true (g_str_has_prefix (invalid, "ok"));
}

static char *
fill_known (const char *id,
            gpointer    user_data)
{
  if (g_str_equal (id, "name"))
    return g_strdup ("Ysgol <Ŵ> & Co");
  return NULL;
}

static void
test_placeholders (void)
{
  g_autoptr(GPtrArray) ids = polisi_text_get_placeholders ("{name} and {other_1}, {name} again, {Not} {not-one} {}");
  g_autofree char *filled = polisi_text_fill ("Hi {name}, {unknown} {name}", fill_known, NULL);

  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpstr (ids->pdata[0], ==, "name");
  g_assert_cmpstr (ids->pdata[1], ==, "other_1");
  g_assert_cmpstr (filled, ==, "Hi Ysgol <Ŵ> & Co, {unknown} Ysgol <Ŵ> & Co");
  g_assert_true (polisi_text_is_placeholder_id ("head_teacher"));
  g_assert_false (polisi_text_is_placeholder_id ("Head"));
  g_assert_false (polisi_text_is_placeholder_id ("a-b"));
}

static void
test_find_casefold (void)
{
  gsize length = 0;
  const char *text = "Under the REGULATION of  Investigatory Powers Act 2000, we";
  const char *match = polisi_text_find_casefold (text, "Regulation of Investigatory Powers Act 2000", &length);

  g_assert_nonnull (match);
  g_assert_cmpint (match - text, ==, 10);
  g_assert_cmpuint (length, ==, strlen ("REGULATION of  Investigatory Powers Act 2000"));
  g_assert_null (polisi_text_find_casefold (text, "Act 1998", &length));
}

static void
test_dates (void)
{
  GDate date;
  g_autofree char *cy = NULL;
  g_autofree char *en = NULL;
  g_autofree char *iso = NULL;

  g_assert_false (polisi_date_parse_iso ("2026-02-30", &date));
  g_assert_false (polisi_date_parse_iso ("2026-2-3", &date));
  g_assert_false (polisi_date_parse_iso ("2026-02-03x", &date));
  g_assert_false (polisi_date_parse_iso (NULL, &date));
  g_assert_true (polisi_date_parse_iso ("2028-02-29", &date));

  cy = polisi_date_format (&date, POLISI_LANG_CY);
  en = polisi_date_format (&date, POLISI_LANG_EN);
  g_assert_cmpstr (cy, ==, "29 Chwefror 2028");
  g_assert_cmpstr (en, ==, "29 February 2028");

  /* A leap day plus a year is the last day of February. */
  polisi_date_add_months (&date, 12);
  iso = polisi_date_to_iso (&date);
  g_assert_cmpstr (iso, ==, "2029-02-28");
}

static void
test_month_ends (void)
{
  struct { const char *from; guint months; const char *to; } cases[] = {
    { "2026-01-31", 1, "2026-02-28" },
    { "2027-01-31", 13, "2028-02-29" },
    { "2026-08-31", 12, "2027-08-31" },
    { "2026-03-31", 6, "2026-09-30" },
    { "2026-12-15", 24, "2028-12-15" },
    { "2024-02-29", 48, "2028-02-29" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;
      g_autofree char *iso = NULL;

      g_assert_true (polisi_date_parse_iso (cases[i].from, &date));
      polisi_date_add_months (&date, cases[i].months);
      iso = polisi_date_to_iso (&date);
      g_assert_cmpstr (iso, ==, cases[i].to);
    }
}

static void
test_cycles (void)
{
  struct { guint months; const char *cy; const char *en; } cases[] = {
    { 12, "blwyddyn", "year" },
    { 24, "dwy flynedd", "two years" },
    { 6, "6 mis", "6 months" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cy = polisi_date_format_cycle (cases[i].months, POLISI_LANG_CY);
      g_autofree char *en = polisi_date_format_cycle (cases[i].months, POLISI_LANG_EN);

      g_assert_cmpstr (cy, ==, cases[i].cy);
      g_assert_cmpstr (en, ==, cases[i].en);
    }
}

static void
test_versions (void)
{
  g_assert_cmpint (polisi_library_compare_versions ("2026.11", "2026.11"), ==, 0);
  g_assert_cmpint (polisi_library_compare_versions ("2026.9", "2026.11"), <, 0);
  g_assert_cmpint (polisi_library_compare_versions ("2027.1", "2026.11"), >, 0);
  g_assert_cmpint (polisi_library_compare_versions ("2026.11", "2026.11.1"), <, 0);
  g_assert_cmpint (polisi_library_compare_versions ("x", "y"), ==, 0);
}

/* Typewriter apostrophes and quotation marks made typographic, as the
 * library writes them; a search finds either kind of apostrophe. */
static void
test_typographic (void)
{
  const struct { const char *in, *out; } cases[] = {
    { "Mae'r polisi'n dweud \"dim\".", "Mae’r polisi’n dweud “dim”." },
    { "i'r ysgol, a'r staff, wedi'i wneud", "i’r ysgol, a’r staff, wedi’i wneud" },
    { "the staff's views; the learners' work", "the staff’s views; the learners’ work" },
    { "'quoted' and (\"bracketed\")", "‘quoted’ and (“bracketed”)" },
    { "- \"item\"\nNext 'one'", "- “item”\nNext ‘one’" },
    { "Ŵyr ac ŷd: dim newid", "Ŵyr ac ŷd: dim newid" },
    { "", "" },
  };
  gsize length;
  const char *text = "Rydym yn dilyn Gweithio Gyda’n Gilydd.";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = polisi_text_typographic (cases[i].in);
      g_autofree char *again = polisi_text_typographic (out);

      g_assert_cmpstr (out, ==, cases[i].out);
      g_assert_cmpstr (again, ==, out);
    }

  g_assert_true (polisi_text_find_casefold (text, "gweithio gyda'n gilydd", &length) == text + strlen ("Rydym yn dilyn "));
  g_assert_cmpuint (length, ==, strlen ("Gweithio Gyda’n Gilydd"));
  g_assert_nonnull (polisi_text_find_casefold ("Gyda'n", "Gyda’n", &length));
  g_assert_null (polisi_text_find_casefold ("Gydan", "Gyda’n", &length));
}

/* The same rule as byte ranges for a line layout: the words on either
 * side of each kept space, chained where a date has two such spaces. */
static void
test_unbreakable_ranges (void)
{
  const char *text = "By 26 Chwefror 2027, under clause 3.2 of the Data Protection Act 2018.";
  g_autoptr(GArray) ranges = polisi_text_find_unbreakable_ranges (text);
  const char *expected[] = { "26 Chwefror", "Chwefror 2027,", "clause 3.2", "Act 2018." };
  g_autoptr(GArray) none = polisi_text_find_unbreakable_ranges ("nothing to keep here");

  g_assert_cmpuint (ranges->len, ==, 2 * G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      int start = g_array_index (ranges, int, 2 * i);
      int end = g_array_index (ranges, int, 2 * i + 1);
      g_autofree char *words = g_strndup (text + start, end - start);

      g_assert_cmpstr (words, ==, expected[i]);
    }
  g_assert_cmpuint (none->len, ==, 0);
}

/* Where a line must not break: the spaces inside dates, references and
 * the years of Acts become no-break spaces, and no others. */
static void
test_keep_together (void)
{
  static const struct {
    const char *text;
    const char *expected;   /* "~" for a no-break space */
  } cases[] = {
    { "Dyddiad cau: 26 Chwefror 2027.", "Dyddiad cau: 26~Chwefror~2027." },
    { "by 1 September 2026, or", "by 1~September~2026, or" },
    { "Fersiwn 1.2 o'r polisi", "Fersiwn~1.2 o'r polisi" },
    { "see clause 3.2 and section 4", "see clause~3.2 and section~4" },
    { "yng nghymal 7.1, a chymal 8", "yng nghymal~7.1, a chymal~8" },
    { "yn Atodiad A.", "yn Atodiad~A." },
    { "Deddf Diogelu Data 2018 a GDPR y DU", "Deddf Diogelu Data~2018 a GDPR y DU" },
    { "the Data Protection Act 2018.", "the Data Protection Act~2018." },
    { "Deddf Rhentu Cartrefi (Cymru) 2016", "Deddf Rhentu Cartrefi (Cymru)~2016" },
    { "in 2018 and in May", "in 2018 and in May" },
    { "a version of this and a clause that", "a version of this and a clause that" },
    { "12 o staff", "12 o staff" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *kept = polisi_text_keep_together (cases[i].text);
      g_autoptr(GString) expected = g_string_new (NULL);
      g_autofree char *collapsed = NULL;

      for (const char *p = cases[i].expected; *p != '\0'; p++)
        if (*p == '~')
          g_string_append (expected, "\xc2\xa0");
        else
          g_string_append_c (expected, *p);
      g_assert_cmpstr (kept, ==, expected->str);

      /* read back, the text is what it was */
      collapsed = polisi_text_collapse_spaces (kept);
      g_assert_cmpstr (collapsed, ==, cases[i].text);
    }
}

/* A comment's language, from its words. */
static void
test_guess_language (void)
{
  g_assert_cmpint (polisi_text_guess_language ("We welcome the review and the clear structure."), ==, POLISI_LANG_EN);
  g_assert_cmpint (polisi_text_guess_language ("Please say who handles a complaint about the chair of governors."), ==, POLISI_LANG_EN);
  g_assert_cmpint (polisi_text_guess_language ("Dylai'r cymal hwn gyfeirio at y weithdrefn cwynion."), ==, POLISI_LANG_CY);
  g_assert_cmpint (polisi_text_guess_language ("Mae angen egluro’r cymal."), ==, POLISI_LANG_CY);
  g_assert_cmpint (polisi_text_guess_language ("OK"), ==, -1);
  g_assert_cmpint (polisi_text_guess_language (""), ==, -1);
}

/* One definition of a word's letters and of what joins its parts, for the
 * comparison of texts and the spell checker. */
static void
test_word_chars (void)
{
  const char *letters = "aŵŷẁẃẅỳŴŶ9";

  for (const char *p = letters; *p != '\0'; p = g_utf8_next_char (p))
    g_assert_true (polisi_text_is_word_char (g_utf8_get_char (p)));
  /* a circumflex written as a combining mark, "w" + U+0302 */
  g_assert_true (polisi_text_is_word_char (0x0302));
  for (const char *p = " .,;:!?()“”"; *p != '\0'; p = g_utf8_next_char (p))
    g_assert_false (polisi_text_is_word_char (g_utf8_get_char (p)));

  g_assert_true (polisi_text_is_joiner ('\''));
  g_assert_true (polisi_text_is_joiner (0x2019));
  g_assert_true (polisi_text_is_joiner ('-'));
  g_assert_true (polisi_text_is_joiner (0x2011));
  g_assert_false (polisi_text_is_joiner (' '));
  g_assert_false (polisi_text_is_joiner (0x201D));
  g_assert_false (polisi_text_is_word_char ('\''));
}

/* One pass, one copy, the same result as the two passes: for clean text
 * and for every kind of text that must go the long way. */
static void
test_sanitize_collapsed (void)
{
  static const char *cases[] = {
    "", " ", "  \n\t ", "Mae'r polisi hwn yn berthnasol", "  ŵyr  ŷd\nŴ Ŷ ẁ ẃ ẅ ỳ  ",
    "one\ntwo\tthree   four", "line\r\nend", "form\ffeed", "nbsp\u00a0here", "em\u2003space",
    "bell\x07ring", "del\x7f", "c1\xc2\x85next", "w\u0302 composed", "e\u0301", "broken \xff\xfe utf",
    "cut \xe2\x80", "non\xef\xb7\x90" "char", "“quoted” – dash…", "\xf0\x9f\x98\x80 emoji",
    "Hangul \xe1\x84\x80\xe1\x85\xa1", "trailing   ", "   leading",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *clean = polisi_text_sanitize (cases[i]);
      g_autofree char *expected = polisi_text_collapse_spaces (clean);
      g_autofree char *got = polisi_text_sanitize_collapsed (cases[i]);

      g_assert_cmpstr (got, ==, expected);
      g_assert_true (g_utf8_validate (got, -1, NULL));
    }
  {
    g_autofree char *none = polisi_text_sanitize_collapsed (NULL);

    g_assert_cmpstr (none, ==, "");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/blocks", test_blocks);
  g_test_add_func ("/text/normalize", test_normalize);
  g_test_add_func ("/text/normalize-fast", test_normalize_fast);
  g_test_add_func ("/text/sanitize", test_sanitize);
  g_test_add_func ("/text/placeholders", test_placeholders);
  g_test_add_func ("/text/find-casefold", test_find_casefold);
  g_test_add_func ("/dates/iso-and-languages", test_dates);
  g_test_add_func ("/dates/month-ends-and-leap-years", test_month_ends);
  g_test_add_func ("/dates/cycles", test_cycles);
  g_test_add_func ("/library/version-order", test_versions);
  g_test_add_func ("/text/typographic", test_typographic);
  g_test_add_func ("/text/keep-together", test_keep_together);
  g_test_add_func ("/text/unbreakable-ranges", test_unbreakable_ranges);
  g_test_add_func ("/text/guess-language", test_guess_language);
  g_test_add_func ("/text/word-chars", test_word_chars);
  g_test_add_func ("/text/sanitize-collapsed", test_sanitize_collapsed);

  return g_test_run ();
}
