/* test-assembler.c: policy + library -> the document every writer reads
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "polisi-assembler.h"
#include "polisi-policy-io.h"
#include "polisi-test-utils.h"

/* The document as text: one line per paragraph, "#" for headings, "|" for
 * table rows. */
static char *
dump (PolisiDocument *document,
      PolisiLang      lang)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "title: %s\n", polisi_document_get_title (document, lang));
  g_string_append_printf (out, "organisation: %s\n", polisi_document_get_organisation (document, lang));
  g_string_append_printf (out, "status: %s %s\n", polisi_document_get_status_text (document, lang),
                          polisi_document_get_version (document));
  g_string_append_printf (out, "watermark: %s\n", polisi_document_get_watermark (document, lang) ?: "-");
  g_string_append_printf (out, "review: %s\n", polisi_document_get_review_text (document, lang) ?: "-");

  for (guint i = 0; i < polisi_document_get_n_blocks (document); i++)
    {
      PolisiBlock *block = polisi_document_get_block (document, i);

      switch (block->kind)
        {
        case POLISI_BLOCK_HEADING:
          g_string_append_printf (out, "# %s %s\n", block->number ?: "-", polisi_block_get_heading_text (block, lang));
          break;
        case POLISI_BLOCK_CLAUSE:
        case POLISI_BLOCK_PARAGRAPH:
          for (guint p = 0; p < block->paras[lang]->len; p++)
            {
              PolisiTextBlock *para = block->paras[lang]->pdata[p];
              g_string_append_printf (out, "%s %s%s\n", p == 0 ? block->number : "   ", para->item ? "• " : "", para->text);
            }
          break;
        case POLISI_BLOCK_TABLE:
          for (guint row = 0; row < polisi_block_get_n_rows (block); row++)
            {
              for (guint col = 0; col < block->n_columns; col++)
                g_string_append_printf (out, "| %s ", polisi_block_get_cell (block, lang, row, col));
              g_string_append (out, "|\n");
            }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return g_string_free (out, FALSE);
}

static PolisiPolicy *
known_policy (PolisiLibrary *library)
{
  PolisiPolicy *policy = polisi_policy_new_from_library (library, POLISI_LANGUAGE_CATEGORY_DUAL);

  polisi_policy_set_name (policy, POLISI_LANG_CY, "Ysgol y Berllan");
  polisi_policy_set_name (policy, POLISI_LANG_EN, "Orchard School");
  polisi_policy_set_answer (policy, "head_teacher", "Mrs Siân Hughes");
  polisi_policy_set_version (policy, "1.0");
  polisi_policy_set_status (policy, POLISI_STATUS_ADOPTED);
  polisi_policy_set_adoption_date (policy, "2026-09-01");
  polisi_policy_add_version_record (policy, "1.0", "2026-09-01", "Y Corff Llywodraethu",
                                    "Polisi newydd.", "New policy.");
  return policy;
}

static void
test_known_policy (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  g_autoptr(PolisiPolicy) policy = known_policy (library);
  g_autoptr(PolisiDocument) document = polisi_assemble (policy, library, POLISI_ASSEMBLE_DEFAULT);
  g_autofree char *cy = dump (document, POLISI_LANG_CY);
  g_autofree char *en = dump (document, POLISI_LANG_EN);

  g_assert_cmpstr (cy, ==,
    "title: Polisi prawf\n"
    "organisation: Ysgol y Berllan\n"
    "status: Wedi’i fabwysiadu 1.0\n"
    "watermark: -\n"
    "review: 1 Medi 2027\n"
    "# 1 Cyflwyniad\n"
    "1.1 Mae Ysgol y Berllan yn mabwysiadu'r polisi hwn.\n"
    "1.2 Mae'r pennaeth (Mrs Siân Hughes) yn gyfrifol am:\n"
    "    • ddiogelu;\n"
    "    • adolygu'r polisi erbyn 1 Medi 2027.\n"
    "# 2 Diogelu\n"
    "2.1 Rydym yn dilyn Cadw dysgwyr yn ddiogel.\n"
    "# A Atodiad A: Awgrymiadau\n"
    "A.1 • Meddyliwch cyn postio.\n"
    "# - Hanes fersiynau\n"
    "| Fersiwn | Dyddiad | Cymeradwywyd gan | Crynodeb o’r newidiadau |\n"
    "| 1.0 | 1 Medi 2026 | Y Corff Llywodraethu | Polisi newydd. |\n");

  g_assert_cmpstr (en, ==,
    "title: Test policy\n"
    "organisation: Orchard School\n"
    "status: Adopted 1.0\n"
    "watermark: -\n"
    "review: 1 September 2027\n"
    "# 1 Introduction\n"
    "1.1 Orchard School adopts this policy.\n"
    "1.2 The head teacher (Mrs Siân Hughes) is responsible for:\n"
    "    • safeguarding;\n"
    "    • reviewing the policy by 1 September 2027.\n"
    "# 2 Safeguarding\n"
    "2.1 We follow Keeping learners safe.\n"
    "# A Appendix A: Tips\n"
    "A.1 • Think before you post.\n"
    "# - Version history\n"
    "| Version | Date | Approved by | Summary of changes |\n"
    "| 1.0 | 1 September 2026 | Y Corff Llywodraethu | New policy. |\n");
}

static void
test_draft_and_unfilled (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  g_autoptr(PolisiPolicy) policy = polisi_policy_new_from_library (library, POLISI_LANGUAGE_CATEGORY_DUAL);
  g_autoptr(PolisiDocument) document = NULL;
  g_autoptr(PolisiDocument) final = NULL;
  g_autofree char *cy = NULL;
  g_autofree char *en = NULL;

  polisi_policy_set_name (policy, POLISI_LANG_EN, "Orchard School");
  polisi_clause_state_set_included (polisi_policy_lookup_clause (policy, "safety.board"), TRUE);
  document = polisi_assemble (policy, library, POLISI_ASSEMBLE_DEFAULT);
  cy = dump (document, POLISI_LANG_CY);
  en = dump (document, POLISI_LANG_EN);

  /* a draft carries a watermark; the Welsh uses the English name when
   * there is no Welsh one; unanswered questions show their label */
  g_assert_cmpstr (polisi_document_get_watermark (document, POLISI_LANG_CY), ==, "DRAFFT");
  g_assert_cmpstr (polisi_document_get_watermark (document, POLISI_LANG_EN), ==, "DRAFT");
  g_assert_nonnull (strstr (cy, "1.1 Mae Orchard School yn mabwysiadu"));
  g_assert_nonnull (strstr (cy, "([Pennaeth])"));
  g_assert_nonnull (strstr (en, "([Head teacher])"));
  /* a draft has no review date yet: what is true of it, never the
   * placeholder's label */
  g_assert_nonnull (strstr (en, "by a year after its adoption."));
  g_assert_nonnull (strstr (cy, "erbyn blwyddyn ar ôl ei fabwysiadu."));
  g_assert_null (strstr (en, "[Review date]"));
  g_assert_null (strstr (cy, "[Dyddiad adolygu]"));
  g_assert_nonnull (strstr (en, "([The governing body])"));
  g_assert_nonnull (strstr (en, "2.2 The policy is approved"));
  g_assert_null (strstr (en, "Version history"));

  final = polisi_assemble (policy, library, POLISI_ASSEMBLE_FINAL);
  g_assert_null (polisi_document_get_watermark (final, POLISI_LANG_EN));

  polisi_policy_set_status (policy, POLISI_STATUS_CONSULTATION);
  polisi_policy_set_closing_date (policy, "2027-03-31");
  g_clear_object (&document);
  document = polisi_assemble (policy, library, POLISI_ASSEMBLE_DEFAULT);
  g_assert_cmpstr (polisi_document_get_watermark (document, POLISI_LANG_CY), ==, "DRAFFT YMGYNGHORI");
  g_assert_cmpstr (polisi_document_get_watermark (document, POLISI_LANG_EN), ==, "CONSULTATION DRAFT");
  g_assert_cmpstr (polisi_document_get_closing_text (document, POLISI_LANG_CY), ==, "31 Mawrth 2027");
  g_assert_true (polisi_document_get_line_numbers (document));
}

static void
test_england (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  g_autoptr(PolisiPolicy) policy = polisi_policy_new_from_library (library, POLISI_LANGUAGE_CATEGORY_ENGLISH);
  g_autoptr(PolisiDocument) document = polisi_assemble (policy, library, POLISI_ASSEMBLE_DEFAULT);
  g_autofree char *en = dump (document, POLISI_LANG_EN);

  g_assert_nonnull (strstr (en, "2.1 We follow Keeping Children Safe in Education."));
}

/* The version history ends the document, in the order of adoption, each
 * language's dates and summaries in its own table; it is not part of a
 * document without history. */
static void
test_history (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  g_autoptr(PolisiPolicy) policy = known_policy (library);
  g_autoptr(PolisiDocument) document = NULL;
  g_autoptr(PolisiDocument) without = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cy = NULL;
  g_autofree char *en = NULL;
  PolisiBlock *last;

  g_assert_true (polisi_policy_adopt (policy, "1.1", "2027-09-01", "Pwyllgor y llywodraethwyr",
                                      "Adolygiad blynyddol:\n- cymal newydd ar ddiogelwch ar-lein",
                                      "Annual review:\n- a new clause on online safety", &error));
  g_assert_no_error (error);
  document = polisi_assemble (policy, library, POLISI_ASSEMBLE_DEFAULT);
  cy = dump (document, POLISI_LANG_CY);
  en = dump (document, POLISI_LANG_EN);

  g_assert_nonnull (strstr (cy, "# - Hanes fersiynau\n"
                                "| Fersiwn | Dyddiad | Cymeradwywyd gan | Crynodeb o’r newidiadau |\n"
                                "| 1.0 | 1 Medi 2026 | Y Corff Llywodraethu | Polisi newydd. |\n"
                                "| 1.1 | 1 Medi 2027 | Pwyllgor y llywodraethwyr | Adolygiad blynyddol:\n"
                                "- cymal newydd ar ddiogelwch ar-lein |\n"));
  g_assert_nonnull (strstr (en, "| 1.1 | 1 September 2027 | Pwyllgor y llywodraethwyr | Annual review:\n"
                                "- a new clause on online safety |\n"));
  g_assert_true (g_str_has_suffix (en, "- a new clause on online safety |\n"));
  last = polisi_document_get_block (document, polisi_document_get_n_blocks (document) - 1);
  g_assert_cmpint (last->kind, ==, POLISI_BLOCK_TABLE);
  g_assert_cmpstr (last->id, ==, "history-table");
  /* the adoption moved the review date on */
  g_assert_cmpstr (polisi_document_get_review_text (document, POLISI_LANG_EN), ==, "1 September 2028");

  without = polisi_assemble (policy, library, POLISI_ASSEMBLE_NO_HISTORY);
  g_assert_cmpint (polisi_document_find_block (without, POLISI_BLOCK_TABLE, "history-table"), ==, -1);
}

/* A consultation draft ends with an appendix for comments and responses:
 * those on this version, by clause, then on the whole policy, and room for
 * more. Neither a draft nor an adopted policy has one. */
static void
test_comments_appendix (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  g_autoptr(PolisiPolicy) policy = known_policy (library);
  g_autoptr(PolisiDocument) adopted = polisi_assemble (policy, library, POLISI_ASSEMBLE_DEFAULT);
  g_autoptr(PolisiDocument) document = NULL;
  g_autoptr(PolisiDocument) final = NULL;
  g_autofree char *cy = NULL;
  g_autofree char *en = NULL;
  int heading, table;
  PolisiBlock *block;

  g_assert_cmpint (polisi_document_find_block (adopted, POLISI_BLOCK_HEADING, "comments"), ==, -1);

  polisi_policy_set_version (policy, "1.1");
  polisi_policy_set_status (policy, POLISI_STATUS_CONSULTATION);
  polisi_policy_set_closing_date (policy, "2027-06-30");
  /* one on the earlier version: not shown */
  polisi_policy_set_version (policy, "1.0");
  polisi_policy_add_comment (policy, "intro.head", POLISI_LANG_EN, "Old", "2026-06-01", "An old comment.");
  polisi_policy_set_version (policy, "1.1");
  polisi_policy_add_comment (policy, NULL, -1, "Tom Price", "2027-02-03", "On the whole policy.");
  polisi_policy_add_comment (policy, "tips.think", POLISI_LANG_CY, "Siân Jones", "2027-02-02T10:00:00", "Sylw ar yr atodiad.");
  polisi_policy_add_comment (policy, "intro.head", POLISI_LANG_EN, "Tom Price", "2027-02-01", "Name the deputy.");
  polisi_policy_set_comment_response (policy, "c4", "Agreed.", "HR", "2027-03-01");

  document = polisi_assemble (policy, library, POLISI_ASSEMBLE_DEFAULT);
  cy = dump (document, POLISI_LANG_CY);
  en = dump (document, POLISI_LANG_EN);

  heading = polisi_document_find_block (document, POLISI_BLOCK_HEADING, "comments");
  table = polisi_document_find_block (document, POLISI_BLOCK_TABLE, "comments-table");
  g_assert_cmpint (heading, >, 0);
  g_assert_cmpint (table, ==, heading + 2);
  /* after the appendix of the library, before the history */
  g_assert_cmpint (polisi_document_find_block (document, POLISI_BLOCK_TABLE, "history-table"), >, table);
  g_assert_cmpint (polisi_document_find_block (document, POLISI_BLOCK_HEADING, "tips"), <, heading);
  block = polisi_document_get_block (document, heading);
  g_assert_true (block->appendix);
  g_assert_cmpstr (block->number, ==, "B");

  /* the comment and response columns leave room to write in by hand */
  {
    const PolisiLang langs[] = { POLISI_LANG_CY, POLISI_LANG_EN };
    PolisiBlock *comments = polisi_document_get_block (document, table);
    double widths[4];
    double sum = 0;

    g_assert_cmpuint (comments->n_columns, ==, 4);
    polisi_block_get_column_widths (comments, langs, 2, 80, 2, widths);
    for (guint c = 0; c < 4; c++)
      sum += widths[c];
    g_assert_cmpfloat_with_epsilon (sum, 80, 0.001);
    g_assert_cmpfloat (widths[2], >=, 0.32 * 80 - 0.001);
    g_assert_cmpfloat (widths[3], >=, 0.32 * 80 - 0.001);
    g_assert_cmpfloat (widths[0], <, widths[2]);
  }

  g_assert_nonnull (strstr (cy, "# B Atodiad B: Sylwadau ac ymatebion\n"));
  g_assert_nonnull (strstr (en, "# B Appendix B: Comments and responses\n"));
  g_assert_nonnull (strstr (cy, "Y dyddiad cau ar gyfer sylwadau yw 30 Mehefin 2027."));
  g_assert_nonnull (strstr (en, "The closing date for comments is 30 June 2027."));
  g_assert_nonnull (strstr (cy, "| Cymal | Awdur a dyddiad | Sylw | Ymateb |\n"
                                "| 1.2 | Tom Price\n1 Chwefror 2027 | Name the deputy. | Agreed.\n— HR, 1 Mawrth 2027 |\n"
                                "| A.1 | Siân Jones\n2 Chwefror 2027 | Sylw ar yr atodiad. |  |\n"
                                "| Cyffredinol | Tom Price\n3 Chwefror 2027 | On the whole policy. |  |\n"
                                "| \n\n |  |  |  |\n"));
  g_assert_nonnull (strstr (en, "| Clause | Author and date | Comment | Response |\n"
                                "| 1.2 | Tom Price\n1 February 2027 | Name the deputy. | Agreed.\n— HR, 1 March 2027 |\n"));
  g_assert_nonnull (strstr (en, "| General | Tom Price\n3 February 2027 | On the whole policy. |  |\n"));
  g_assert_null (strstr (en, "An old comment."));
  /* three comments and the room for more */
  g_assert_cmpuint (polisi_block_get_n_rows (polisi_document_get_block (document, table)), ==, 1 + 3 + 5);

  /* no appendix in a final copy */
  final = polisi_assemble (policy, library, POLISI_ASSEMBLE_FINAL);
  g_assert_cmpint (polisi_document_find_block (final, POLISI_BLOCK_HEADING, "comments"), ==, -1);
}

/* Every included clause of an example policy reaches the document, in
 * both languages, with no placeholder left in braces. */
static void
test_examples (void)
{
  const char *examples[] = { "primary-england.polisi", "secondary-wales.polisi", "secondary-wales-adopted.polisi" };
  g_autoptr(PolisiContext) context = polisi_test_builtin_context ();
  PolisiLibrary *library = polisi_context_get_library (context);

  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autofree char *path = polisi_test_example_path (examples[e]);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(PolisiPolicy) policy = polisi_policy_load (file, &error);
      g_autoptr(PolisiDocument) document = NULL;
      guint included = 0, clauses = 0, headings = 0;

      g_assert_no_error (error);
      document = polisi_assemble (policy, library, POLISI_ASSEMBLE_DEFAULT);

      for (guint i = 0; i < polisi_policy_get_n_clauses (policy); i++)
        if (polisi_clause_state_get_included (polisi_policy_get_clause (policy, i)))
          included++;

      for (guint i = 0; i < polisi_document_get_n_blocks (document); i++)
        {
          PolisiBlock *block = polisi_document_get_block (document, i);

          if (block->kind == POLISI_BLOCK_HEADING)
            headings++;
          if (block->kind != POLISI_BLOCK_CLAUSE)
            continue;
          clauses++;
          for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
            {
              g_assert_cmpuint (block->paras[lang]->len, >, 0);
              for (guint p = 0; p < block->paras[lang]->len; p++)
                {
                  PolisiTextBlock *para = block->paras[lang]->pdata[p];
                  g_autoptr(GPtrArray) left = polisi_text_get_placeholders (para->text);
                  g_assert_cmpuint (left->len, ==, 0);
                }
            }
        }

      g_assert_cmpuint (clauses, ==, included);
      g_assert_cmpuint (headings, >=, 17);
    }
}

/* A draft's pending summary comes before the first section; an adopted
 * policy or a final export has none (it is in the history). */
static void
test_pending_summary (void)
{
  g_autoptr(PolisiContext) context = polisi_test_builtin_context ();
  PolisiLibrary *library = polisi_context_get_library (context);
  g_autoptr(PolisiPolicy) policy = polisi_test_load_example ("secondary-wales-adopted.polisi");
  g_autoptr(PolisiDocument) adopted = NULL;
  g_autoptr(PolisiDocument) draft = NULL;
  g_autoptr(PolisiDocument) final = NULL;
  PolisiBlock *heading, *text;
  int at;

  polisi_policy_set_pending_summary (policy, POLISI_LANG_CY, "Adolygiad blynyddol:\n- enwau cyfredol y Deddfau.");
  polisi_policy_set_pending_summary (policy, POLISI_LANG_EN, "Annual review:\n- current names of Acts.");
  adopted = polisi_assemble (policy, library, POLISI_ASSEMBLE_DEFAULT);
  g_assert_cmpint (polisi_document_find_block (adopted, POLISI_BLOCK_HEADING, "pending-summary"), <, 0);

  polisi_policy_open_draft (policy, POLISI_STATUS_CONSULTATION);
  draft = polisi_assemble (policy, library, POLISI_ASSEMBLE_DEFAULT);
  at = polisi_document_find_block (draft, POLISI_BLOCK_HEADING, "pending-summary");
  g_assert_cmpint (at, >=, 0);
  g_assert_cmpint (at, <, polisi_document_find_block (draft, POLISI_BLOCK_HEADING, "purpose"));
  heading = polisi_document_get_block (draft, at);
  text = polisi_document_get_block (draft, at + 1);
  g_assert_null (heading->number);
  g_assert_cmpstr (((PolisiTextBlock *) heading->paras[POLISI_LANG_CY]->pdata[0])->text, ==, "Crynodeb o’r newidiadau yn fersiwn 1.2");
  g_assert_cmpstr (((PolisiTextBlock *) heading->paras[POLISI_LANG_EN]->pdata[0])->text, ==, "Summary of changes in version 1.2");
  g_assert_cmpuint (text->paras[POLISI_LANG_EN]->len, ==, 2);
  g_assert_cmpstr (((PolisiTextBlock *) text->paras[POLISI_LANG_EN]->pdata[1])->text, ==, "current names of Acts.");

  final = polisi_assemble (policy, library, POLISI_ASSEMBLE_FINAL);
  g_assert_cmpint (polisi_document_find_block (final, POLISI_BLOCK_HEADING, "pending-summary"), <, 0);
}

/* A document: made empty, or assembled from a policy, read and freed; it
 * outlives the policy it was assembled from. It has no properties. */
static void
test_document_finalize (void)
{
  PolisiLibrary *library = polisi_test_load_mini_library ();
  PolisiPolicy *policy = polisi_policy_new_from_library (library, POLISI_LANGUAGE_CATEGORY_DUAL);
  PolisiDocument *empty = polisi_document_new ();
  PolisiDocument *document;

  g_assert_cmpuint (polisi_document_get_n_blocks (empty), ==, 0);
  g_assert_finalize_object (empty);

  polisi_policy_set_name (policy, POLISI_LANG_CY, "Ysgol " POLISI_TEST_WELSH_LETTERS);
  document = polisi_assemble (policy, library, POLISI_ASSEMBLE_DEFAULT);
  g_assert_finalize_object (policy);
  g_assert_finalize_object (library);
  g_assert_cmpuint (polisi_document_get_n_blocks (document), >, 0);
  g_assert_cmpstr (polisi_document_get_organisation (document, POLISI_LANG_CY), ==, "Ysgol " POLISI_TEST_WELSH_LETTERS);
  g_assert_finalize_object (document);
}

/* A column is never narrower than its longest piece that must not break:
 * a date ("10 Gorffennaf 2026") is one piece, not three words. */
static void
test_columns_hold_dates (void)
{
  g_autoptr(PolisiContext) context = polisi_test_builtin_context ();
  g_autoptr(PolisiPolicy) policy = polisi_test_load_example ("secondary-wales-adopted.polisi");
  g_autoptr(PolisiDocument) document = polisi_assemble (policy, polisi_context_get_library (context), 0);
  int index = polisi_document_find_block (document, POLISI_BLOCK_TABLE, "history-table");
  const PolisiLang langs[] = { POLISI_LANG_CY, POLISI_LANG_EN };
  PolisiBlock *history;
  double widths[8];
  gboolean found = FALSE;

  g_assert_cmpint (index, >=, 0);
  history = polisi_document_get_block (document, index);
  g_assert_cmpuint (history->n_columns, <=, G_N_ELEMENTS (widths));
  for (guint r = 0; r < polisi_block_get_n_rows (history); r++)
    found |= g_strcmp0 (polisi_block_get_cell (history, POLISI_LANG_CY, r, 1), "10 Gorffennaf 2026") == 0;
  g_assert_true (found);
  polisi_block_get_column_widths (history, langs, 2, 100, 2, widths);
  g_assert_cmpfloat (widths[1], >=, g_utf8_strlen ("10 Gorffennaf 2026", -1) + 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/assembler/known-policy", test_known_policy);
  g_test_add_func ("/assembler/columns-hold-dates", test_columns_hold_dates);
  g_test_add_func ("/assembler/draft-and-unfilled", test_draft_and_unfilled);
  g_test_add_func ("/assembler/england", test_england);
  g_test_add_func ("/assembler/history", test_history);
  g_test_add_func ("/assembler/comments-appendix", test_comments_appendix);
  g_test_add_func ("/assembler/pending-summary", test_pending_summary);
  g_test_add_func ("/assembler/document-finalize", test_document_finalize);
  g_test_add_func ("/assembler/examples", test_examples);

  return g_test_run ();
}
