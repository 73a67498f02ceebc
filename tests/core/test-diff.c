/* test-diff.c: the word-level comparison
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "polisi-diff.h"
#include "polisi-test-utils.h"

/* The comparison as "git diff --word-diff" writes it. */
static char *
word_diff (const char *old_text,
           const char *new_text)
{
  g_autoptr(GPtrArray) diff = polisi_diff_texts (old_text, new_text);

  return polisi_diff_format (diff, "[-", "-]", "{+", "+}");
}

/* The spans, one per line: "= text", "- text", "+ text". */
static char *
spans (const char *old_text,
       const char *new_text)
{
  g_autoptr(GPtrArray) diff = polisi_diff_texts (old_text, new_text);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < diff->len; i++)
    {
      PolisiDiffSpan *span = diff->pdata[i];
      const char sign = span->op == POLISI_DIFF_EQUAL ? '=' : span->op == POLISI_DIFF_DELETE ? '-' : '+';

      g_string_append_printf (out, "%c %s|", sign, span->text);
    }
  return g_string_free (out, FALSE);
}

static void
test_english (void)
{
  struct {
    const char *old_text;
    const char *new_text;
    const char *expected;
  } cases[] = {
    { "Staff must not accept friend requests from parents.",
      "Staff must think carefully before accepting friend requests from parents.",
      "= Staff must |- not accept|+ think carefully before accepting|=  friend requests from parents.|" },
    /* spaces alone between two changes join them */
    { "the quick brown fox", "the slow red fox",
      "= the |- quick brown|+ slow red|=  fox|" },
    { "Report it to the head teacher.", "Report it to the head teacher at once.",
      "= Report it to the head teacher|+  at once|= .|" },
    { "We follow Keeping Children Safe in Education.", "We follow Keeping learners safe.",
      "= We follow Keeping |- Children Safe in Education|+ learners safe|= .|" },
    /* punctuation is a token of its own */
    { "Staff, governors and volunteers", "Staff; governors, and volunteers",
      "= Staff|- ,|+ ;|=  governors|+ ,|=  and volunteers|" },
    /* a placeholder is one token */
    { "The head teacher ({head_teacher}) decides.", "The chair ({chair_of_governors}) decides.",
      "= The |- head teacher|+ chair|=  (|- {head_teacher}|+ {chair_of_governors}|= ) decides.|" },
    /* numbers with a full stop are one word */
    { "See clause 3.2 and 3.4.", "See clause 3.3 and 3.4.",
      "= See clause |- 3.2|+ 3.3|=  and 3.4.|" },
    { "", "", "" },
    { "", "New text.", "+ New text.|" },
    { "Old text.", "", "- Old text.|" },
    { "Same.", "Same.", "= Same.|" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = spans (cases[i].old_text, cases[i].new_text);

      g_test_message ("%s → %s", cases[i].old_text, cases[i].new_text);
      g_assert_cmpstr (result, ==, cases[i].expected);
    }
}

static void
test_welsh (void)
{
  struct {
    const char *old_text;
    const char *new_text;
    const char *expected;
  } cases[] = {
    /* "wedi'i", "a'r", "ar-lein" are words, apostrophe and hyphen and all */
    { "Mae'r polisi wedi'i gymeradwyo gan y corff.",
      "Mae'r polisi wedi'i adolygu a'i gymeradwyo gan y corff llywodraethu.",
      "= Mae'r polisi wedi'i |+ adolygu a'i |= gymeradwyo gan y corff|+  llywodraethu|= .|" },
    { "Rhaid i staff beidio â rhannu gwybodaeth ar-lein.",
      "Rhaid i staff beidio â rhannu gwybodaeth gyfrinachol ar-lein.",
      "= Rhaid i staff beidio â rhannu gwybodaeth |+ gyfrinachol |= ar-lein.|" },
    /* a mutated word is another word */
    { "Dan Ddeddf Diogelu Data 1998.", "Dan Ddeddf Diogelu Data 2018.",
      "= Dan Ddeddf Diogelu Data |- 1998|+ 2018|= .|" },
    { "cadw mewn cysylltiad â'r gymuned", "cadw mewn cysylltiad â theuluoedd a'r gymuned ehangach",
      "= cadw mewn cysylltiad |- â'r |+ â theuluoedd a'r |= gymuned|+  ehangach|" },
    /* with typographic apostrophes, as the library writes them, the same */
    { "Mae’r polisi wedi’i gymeradwyo gan y corff.",
      "Mae’r polisi wedi’i adolygu a’i gymeradwyo gan y corff llywodraethu.",
      "= Mae’r polisi wedi’i |+ adolygu a’i |= gymeradwyo gan y corff|+  llywodraethu|= .|" },
    { "Rhaid iddyn nhw beidio ag aros tan ddiwedd y diwrnod na’r wythnos.",
      "Rhaid iddyn nhw beidio ag aros tan ddiwedd y diwrnod na’r mis.",
      "= Rhaid iddyn nhw beidio ag aros tan ddiwedd y diwrnod na’r |- wythnos|+ mis|= .|" },
    /* ŵ and ŷ, typed composed or not, compare equal once sanitised */
    { "Mae'r dŵr yn oer.", "Mae'r dŵr yn gynnes.",
      "= Mae'r dŵr yn |- oer|+ gynnes|= .|" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = spans (cases[i].old_text, cases[i].new_text);

      g_test_message ("%s → %s", cases[i].old_text, cases[i].new_text);
      g_assert_cmpstr (result, ==, cases[i].expected);
    }
}

static void
test_paragraphs (void)
{
  g_autofree char *removed = word_diff ("Para one.\nPara two.\nPara three.", "Para one.\nPara three.");
  g_autofree char *added = word_diff ("Para one.\nPara three.", "Para one.\nPara two.\nPara three.");
  g_autofree char *items = word_diff ("Aims:\n- one;\n- two.", "Aims:\n- one;\n- two;\n- three.");

  g_assert_cmpstr (removed, ==, "Para one.\n[-Para two.\n-]Para three.");
  g_assert_cmpstr (added, ==, "Para one.\n{+Para two.\n+}Para three.");
  g_assert_cmpstr (items, ==, "Aims:\n- one;\n- two{+;\n- three+}.");
}

static void
test_counts_and_round_trip (void)
{
  const char *texts[] = {
    "",
    "Staff must not accept friend requests from parents.",
    "Staff must think carefully before accepting friend requests from parents or carers.",
    "Mae'r pennaeth ({head_teacher}) yn gyfrifol am:\n- ddiogelu;\n- adolygu'r polisi erbyn {review_date}.",
    "Mae'r pennaeth yn gyfrifol am ddiogelu ar-lein.\nDylai staff ofyn am gyngor.",
    "ŵ ŷ Ŵ Ŷ ẁ ẃ ẅ 🙂 < & \" ' ]]>",
  };

  for (guint a = 0; a < G_N_ELEMENTS (texts); a++)
    for (guint b = 0; b < G_N_ELEMENTS (texts); b++)
      {
        g_autoptr(GPtrArray) diff = polisi_diff_texts (texts[a], texts[b]);
        g_autofree char *old_text = polisi_diff_get_old (diff);
        g_autofree char *new_text = polisi_diff_get_new (diff);

        g_assert_cmpstr (old_text, ==, texts[a]);
        g_assert_cmpstr (new_text, ==, texts[b]);
        g_assert_true (polisi_diff_is_equal (diff) == (a == b));
        if (a == b)
          g_assert_cmpuint (polisi_diff_count_changes (diff), ==, 0);
        else
          g_assert_cmpuint (polisi_diff_count_changes (diff), >, 0);
      }

  {
    g_autoptr(GPtrArray) diff = polisi_diff_texts ("one two three four", "one 2 three 4");
    g_assert_cmpuint (polisi_diff_count_changes (diff), ==, 2);
  }
}

static char *
dump_blocks (GPtrArray *blocks)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < blocks->len; i++)
    {
      PolisiTextBlock *block = blocks->pdata[i];
      gsize done = 0;

      g_string_append (out, block->item ? "* " : "¶ ");
      for (guint m = 0; block->marks != NULL && m < block->marks->len; m++)
        {
          PolisiTextMark *mark = &g_array_index (block->marks, PolisiTextMark, m);

          g_string_append_len (out, block->text + done, mark->start - done);
          g_string_append (out, mark->kind == POLISI_MARK_INSERTED ? "{+" : "[-");
          g_string_append_len (out, block->text + mark->start, mark->end - mark->start);
          g_string_append (out, mark->kind == POLISI_MARK_INSERTED ? "+}" : "-]");
          done = mark->end;
        }
      g_string_append (out, block->text + done);
      if (block->break_inserted)
        g_string_append (out, " ⏎+");
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* The paragraphs of a comparison: for a document that shows the changes,
 * both versions' paragraph breaks; for tracked changes, the new version's
 * only, with a removed paragraph inside the deleted text. */
static void
test_blocks (void)
{
  const char *old_text = "Aims:\n- keep learners safe;\n- protect staff.\nOld closing line.";
  const char *new_text = "Aims:\n- keep learners safe online;\n- protect staff;\n- explain the rules.";
  g_autoptr(GPtrArray) diff = polisi_diff_texts (old_text, new_text);
  g_autoptr(GPtrArray) all = polisi_diff_to_blocks (diff, POLISI_DIFF_SPLIT_ALL);
  g_autoptr(GPtrArray) tracked = polisi_diff_to_blocks (diff, POLISI_DIFF_SPLIT_NEW);
  g_autofree char *shown = dump_blocks (all);
  g_autofree char *marked = dump_blocks (tracked);

  /* showing both: the new "- " is seen inserted, in the old paragraph */
  g_assert_cmpstr (shown, ==,
                   "¶ Aims:\n"
                   "* keep learners safe{+ online+};\n"
                   "* protect staff[-.-]{+;+}\n"
                   "¶ [-Old closing line-]{+- explain the rules+}.\n");
  /* the new version's paragraphs: the last is a list item, after the
   * deleted text */
  g_assert_cmpstr (marked, ==,
                   "¶ Aims:\n"
                   "* keep learners safe{+ online+};\n"
                   "* protect staff[-.-]{+;+}\n"
                   "* [-Old closing line-]{+explain the rules+}.\n");

  /* a whole new paragraph, and a whole removed one */
  {
    g_autoptr(GPtrArray) added = polisi_diff_texts ("One.\nThree.", "One.\nTwo.\nThree.");
    g_autoptr(GPtrArray) removed = polisi_diff_texts ("One.\nTwo.\nThree.", "One.\nThree.");
    g_autoptr(GPtrArray) added_blocks = polisi_diff_to_blocks (added, POLISI_DIFF_SPLIT_NEW);
    g_autoptr(GPtrArray) removed_blocks = polisi_diff_to_blocks (removed, POLISI_DIFF_SPLIT_NEW);
    g_autoptr(GPtrArray) removed_shown = polisi_diff_to_blocks (removed, POLISI_DIFF_SPLIT_ALL);
    g_autofree char *a = dump_blocks (added_blocks);
    g_autofree char *r = dump_blocks (removed_blocks);
    g_autofree char *s = dump_blocks (removed_shown);

    g_assert_cmpstr (a, ==, "¶ One.\n¶ {+Two.+} ⏎+\n¶ Three.\n");
    g_assert_cmpstr (r, ==, "¶ One.\n¶ [-Two.\n-]Three.\n");
    g_assert_cmpstr (s, ==, "¶ One.\n¶ [-Two.-]\n¶ Three.\n");
  }
}

/* The whole built-in library, each clause against its other language: far
 * more different than any review. The comparison must still round-trip;
 * how long it takes is printed (bench/ measures speed, not this test). */
static void
test_long_texts (void)
{
  g_autoptr(PolisiContext) context = polisi_test_builtin_context ();
  PolisiLibrary *library = polisi_context_get_library (context);
  gint64 start = g_get_monotonic_time ();
  guint n = 0;
  g_autoptr(GString) long_old = g_string_new (NULL);
  g_autoptr(GString) long_new = g_string_new (NULL);
  g_autoptr(GPtrArray) long_diff = NULL;
  g_autofree char *round_trip = NULL;
  gint64 elapsed;

  for (guint s = 0; s < polisi_library_get_n_sections (library); s++)
    {
      PolisiSection *section = polisi_library_get_section (library, s);

      for (guint c = 0; c < polisi_section_get_n_clauses (section); c++)
        {
          PolisiClause *clause = polisi_section_get_clause (section, c);
          const PolisiAlternative *alternative = polisi_clause_get_alternative (clause, 0);
          g_autoptr(GPtrArray) diff = polisi_diff_texts (alternative->text[POLISI_LANG_CY], alternative->text[POLISI_LANG_EN]);
          g_autofree char *new_text = polisi_diff_get_new (diff);

          g_assert_cmpstr (new_text, ==, alternative->text[POLISI_LANG_EN]);
          g_string_append_printf (long_old, "%s\n", alternative->text[POLISI_LANG_CY]);
          g_string_append_printf (long_new, "%s\n", alternative->text[POLISI_LANG_EN]);
          n++;
        }
    }
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("%u clauses, each language against the other: %.1f ms", n, elapsed / 1000.0);
  g_assert_cmpuint (n, >, 100);

  /* the whole library at once, Welsh against English: a long text with
   * almost nothing in common */
  start = g_get_monotonic_time ();
  long_diff = polisi_diff_texts (long_old->str, long_new->str);
  elapsed = g_get_monotonic_time () - start;
  round_trip = polisi_diff_get_new (long_diff);
  g_assert_cmpstr (round_trip, ==, long_new->str);
  g_test_message ("the whole library in one text: %.1f ms", elapsed / 1000.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/diff/english", test_english);
  g_test_add_func ("/diff/welsh", test_welsh);
  g_test_add_func ("/diff/paragraphs", test_paragraphs);
  g_test_add_func ("/diff/counts-and-round-trip", test_counts_and_round_trip);
  g_test_add_func ("/diff/blocks", test_blocks);
  g_test_add_func ("/diff/long-texts", test_long_texts);

  return g_test_run ();
}
