/* test-rules.c: the rules of the domain kept once in core: version
 * numbers, dates and required clauses, as the policy, the adoption, the
 * checker, the command line and the window use them
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "polisi-assembler.h"
#include "polisi-checker.h"
#include "polisi-dates.h"
#include "polisi-error.h"
#include "polisi-policy-io.h"
#include "polisi-test-utils.h"
#include "polisi-version-number.h"

static void
test_parse (void)
{
  const char *valid[] = { "0.1", "1.0", "2.13", "9999.9999", "10.0" };
  const char *invalid[] = { "", "1", "1.", ".1", "1.2.3", "v2", "1,0", "-1.0", "+1.0", " 1.0", "1.0 ",
                            "10000.0", "1.10000", "99999999999.1", "4294967296.0", "1.٣", "١.0" };
  guint major, minor;

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (polisi_version_number_parse (valid[i], NULL, NULL));
      g_assert_true (polisi_version_number_check (valid[i], &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (polisi_version_number_parse (invalid[i], NULL, NULL));
      g_assert_false (polisi_version_number_check (invalid[i], &error));
      g_assert_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE);
      g_assert_nonnull (strstr (error->message, "9999"));
    }
  g_assert_false (polisi_version_number_parse (NULL, NULL, NULL));
  g_assert_true (polisi_version_number_parse ("12.345", &major, &minor));
  g_assert_cmpuint (major, ==, 12);
  g_assert_cmpuint (minor, ==, 345);
}

static void
test_compare_and_next (void)
{
  struct { const char *version; gboolean major; const char *next; } cases[] = {
    { NULL, FALSE, "1.0" },
    { "0.3", FALSE, "0.4" },
    { "1.0", FALSE, "1.1" },
    { "1.9", FALSE, "1.10" },
    { "1.9", TRUE, "2.0" },
    { "1.9999", FALSE, "2.0" },
    { "9998.9999", FALSE, "9999.0" },
    { "9999.9998", FALSE, "9999.9999" },
    { "9999.9999", FALSE, NULL },
    { "9999.3", TRUE, NULL },
  };

  g_assert_cmpint (polisi_version_number_compare ("1.10", "1.9"), >, 0);
  g_assert_cmpint (polisi_version_number_compare ("1.9", "1.10"), <, 0);
  g_assert_cmpint (polisi_version_number_compare ("2.0", "1.9999"), >, 0);
  g_assert_cmpint (polisi_version_number_compare ("1.05", "1.5"), ==, 0);
  g_assert_cmpint (polisi_version_number_compare ("x", "0.0"), <, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *next = polisi_version_number_next (cases[i].version, cases[i].major);

      g_assert_cmpstr (next, ==, cases[i].next);
      /* every number the rule generates, the rule accepts, and it is higher */
      if (next != NULL)
        {
          g_assert_true (polisi_version_number_parse (next, NULL, NULL));
          if (cases[i].version != NULL)
            g_assert_cmpint (polisi_version_number_compare (next, cases[i].version), >, 0);
        }
    }
}

static PolisiPolicy *
new_policy (PolisiLibrary *library)
{
  PolisiPolicy *policy = polisi_policy_new_from_library (library, POLISI_LANGUAGE_CATEGORY_DUAL);

  polisi_policy_set_name (policy, POLISI_LANG_CY, "Ysgol y Berllan");
  polisi_policy_set_name (policy, POLISI_LANG_EN, "Ysgol y Berllan");
  return policy;
}

/* What --set version= and the consultation page accept, the adoption
 * accepts; what Polisi suggests, it accepts. */
static void
test_draft_version_and_adoption (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  g_autoptr(PolisiPolicy) policy = new_policy (library);
  g_autoptr(GError) error = NULL;

  /* a first draft may be 0.x; its adoption starts at 1.0 */
  g_assert_true (polisi_policy_set_draft_version (policy, " 0.3 ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (polisi_policy_get_version (policy), ==, "0.3");
  g_assert_false (polisi_policy_set_draft_version (policy, "99999999999.1", &error));
  g_assert_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpstr (polisi_policy_get_version (policy), ==, "0.3");

  /* the largest minor number the rule allows */
  g_assert_true (polisi_policy_set_draft_version (policy, "1.9999", &error));
  g_assert_true (polisi_policy_adopt (policy, NULL, "2026-09-01", "Y llywodraethwyr", "Y fersiwn gyntaf.", "First version.", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (polisi_policy_get_version (policy), ==, "1.9999");

  /* an adopted number stays as it is in the history */
  g_assert_false (polisi_policy_set_draft_version (policy, "3.0", &error));
  g_assert_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  /* the next draft Polisi makes has a number the rule and the adoption accept */
  g_assert_true (polisi_policy_open_draft (policy, POLISI_STATUS_DRAFT));
  g_assert_cmpstr (polisi_policy_get_version (policy), ==, "2.0");
  g_assert_true (polisi_version_number_parse (polisi_policy_get_version (policy), NULL, NULL));
  /* a draft's number is higher than the last adopted */
  g_assert_false (polisi_policy_set_draft_version (policy, "1.9999", &error));
  g_assert_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "2.0"));
  g_clear_error (&error);
  g_assert_true (polisi_policy_adopt (policy, NULL, "2027-09-01", "Y llywodraethwyr", "Ail fersiwn.", "Second version.", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (polisi_policy_get_version (policy), ==, "2.0");
}

static void
test_date_rule (void)
{
  const char *valid[] = { "1900-01-01", "2027-03-31", "2028-02-29", "9999-12-31" };
  const char *invalid[] = { "12027-03-31", "-2027-03-31", "0027-03-31", "1899-12-31", "2027-02-29", "2027-3-31",
                            "2027-03-31T10:00:00", "", "31/03/2027" };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (polisi_date_check_iso (valid[i], "closing-date", NULL));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (polisi_date_check_iso (invalid[i], "closing-date", &error));
      g_assert_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE);
      g_assert_nonnull (strstr (error->message, "closing-date"));
      g_assert_nonnull (strstr (error->message, "YYYY-MM-DD"));
    }
}

static guint
count_invalid_dates (GPtrArray *findings)
{
  guint count = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      PolisiFinding *finding = findings->pdata[i];

      if (finding->kind == POLISI_FINDING_INVALID_DATE)
        {
          g_assert_cmpint (finding->severity, ==, POLISI_SEVERITY_ERROR);
          count++;
        }
    }
  return count;
}

/* A file may hold a date XML Schema allows and the rule does not: it
 * opens, and the check says so instead of keeping it silently. */
/* A date as a person types it in the window: ISO, the written form in
 * either language, or numbers day first; the same rule for the day. */
static void
test_date_written (void)
{
  const struct { const char *text; const char *iso; } cases[] = {
    { "2027-03-31", "2027-03-31" },
    { " 31 March 2027 ", "2027-03-31" },
    { "31 Mawrth 2027", "2027-03-31" },
    { "1 gorffennaf 2026", "2026-07-01" },
    { "1 Gor 2026", "2026-07-01" },
    { "29 Chwefror 2028", "2028-02-29" },
    { "31/3/2027", "2027-03-31" },
    { "31.03.2027", "2027-03-31" },
    { "5  Rhagfyr   2026", "2026-12-05" },
    { "", NULL },
    { "31 March", NULL },
    { "29 February 2027", NULL },
    { "31 Mar 27", NULL },
    { "3/31/2027", NULL },
    { "31 Marchy 2027", NULL },
    { "1 Ma 2027", NULL },
    { "1 January 1899", NULL },
    { "1 2 3 2027", NULL },
    { "١ March 2027", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;
      gboolean parsed = polisi_date_parse_written (cases[i].text, &date);

      g_assert_cmpint (parsed, ==, cases[i].iso != NULL);
      if (parsed)
        {
          g_autofree char *iso = polisi_date_to_iso (&date);

          g_assert_cmpstr (iso, ==, cases[i].iso);
        }
    }
  g_assert_false (polisi_date_parse_written (NULL, &(GDate) { 0 }));
}

static void
test_file_dates_checked (void)
{
  g_autoptr(PolisiContext) context = NULL;
  g_autofree char *path = polisi_test_example_path ("secondary-wales-adopted.polisi");
  g_autofree char *text = polisi_test_read_file (path, NULL);
  g_autoptr(GString) edited = g_string_new (text);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PolisiPolicy) good = NULL;
  g_autoptr(PolisiPolicy) bad = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  context = polisi_context_new_builtin (&error);
  g_assert_no_error (error);
  g_assert_true (polisi_date_parse_iso ("2026-11-21", &today));

  bytes = g_bytes_new (text, strlen (text));
  good = polisi_policy_load_bytes (bytes, "secondary-wales-adopted.polisi", &error);
  g_assert_no_error (error);
  before = polisi_check (good, polisi_context_get_library (context), polisi_context_get_legislation (context), &today);
  g_assert_cmpuint (count_invalid_dates (before), ==, 0);

  g_assert_cmpuint (g_string_replace (edited, "<adopted>2026-07-10</adopted>", "<adopted>12026-07-10</adopted>", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (edited, "date=\"2026-02-10\"", "date=\"-2026-02-10\"", 1), ==, 1);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new (edited->str, edited->len);
  bad = polisi_policy_load_bytes (bytes, "secondary-wales-adopted.polisi", &error);
  g_assert_no_error (error);
  after = polisi_check (bad, polisi_context_get_library (context), polisi_context_get_legislation (context), &today);
  g_assert_cmpuint (count_invalid_dates (after), ==, 2);
}

/* A required clause stays in, whoever asks. */
static void
test_required_clause (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  g_autoptr(PolisiPolicy) policy = new_policy (library);
  PolisiClause *required = NULL;
  PolisiClause *optional = NULL;

  for (guint i = 0; i < polisi_library_get_n_sections (library); i++)
    {
      PolisiSection *section = polisi_library_get_section (library, i);

      for (guint j = 0; j < polisi_section_get_n_clauses (section); j++)
        {
          PolisiClause *clause = polisi_section_get_clause (section, j);

          if (polisi_clause_get_default (clause) == POLISI_CLAUSE_REQUIRED && required == NULL)
            required = clause;
          else if (polisi_clause_get_default (clause) != POLISI_CLAUSE_REQUIRED && optional == NULL)
            optional = clause;
        }
    }
  g_assert_nonnull (required);
  g_assert_nonnull (optional);

  {
    PolisiClauseState *state = polisi_policy_lookup_clause (policy, polisi_clause_get_id (required));
    g_autoptr(GError) error = NULL;

    g_assert_true (polisi_clause_state_get_included (state));
    g_assert_false (polisi_clause_state_include (state, required, FALSE, POLISI_LANG_EN, &error));
    g_assert_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE);
    g_assert_nonnull (strstr (error->message, polisi_clause_get_id (required)));
    g_assert_nonnull (strstr (error->message, polisi_clause_get_reason (required, POLISI_LANG_EN)));
    g_assert_true (polisi_clause_state_get_included (state));
    g_assert_true (polisi_clause_state_include (state, required, TRUE, POLISI_LANG_EN, NULL));
  }
  {
    PolisiClauseState *state = polisi_policy_lookup_clause (policy, polisi_clause_get_id (optional));

    g_assert_true (polisi_clause_state_include (state, optional, FALSE, POLISI_LANG_CY, NULL));
    g_assert_false (polisi_clause_state_get_included (state));
    g_assert_true (polisi_clause_state_include (state, optional, TRUE, POLISI_LANG_CY, NULL));
    g_assert_true (polisi_clause_state_get_included (state));
    /* a clause no longer in the library has no rule to keep it */
    g_assert_true (polisi_clause_state_include (state, NULL, FALSE, POLISI_LANG_CY, NULL));
    g_assert_false (polisi_clause_state_get_included (state));
  }
}

/* Answers: one rule for the command line and the organisation page. */
static void
test_answers (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiContext) context = polisi_context_new_builtin (&error);
  PolisiLibrary *library;
  PolisiPlaceholder *email = NULL;
  PolisiPlaceholder *date = NULL;
  PolisiPlaceholder *text = NULL;
  const char *good_email[] = { "", "dpo@ysgol.cymru", "siân.hughes@ysgol-y-berllan.org.uk" };
  const char *bad_email[] = { "not an address", "@ysgol.cymru", "dpo@ysgol", "dpo @ysgol.cymru", "dpo" };

  g_assert_no_error (error);
  library = polisi_context_get_library (context);
  for (guint i = 0; i < polisi_library_get_n_placeholders (library); i++)
    {
      PolisiPlaceholder *placeholder = polisi_library_get_placeholder (library, i);

      if (polisi_placeholder_get_kind (placeholder) == POLISI_PLACEHOLDER_EMAIL && email == NULL)
        email = placeholder;
      else if (polisi_placeholder_get_kind (placeholder) == POLISI_PLACEHOLDER_DATE && date == NULL)
        date = placeholder;
      else if (polisi_placeholder_get_kind (placeholder) != POLISI_PLACEHOLDER_EMAIL &&
               polisi_placeholder_get_kind (placeholder) != POLISI_PLACEHOLDER_DATE && text == NULL)
        text = placeholder;
    }
  g_assert_nonnull (email);
  g_assert_nonnull (text);

  for (guint i = 0; i < G_N_ELEMENTS (good_email); i++)
    g_assert_true (polisi_placeholder_check_answer (email, good_email[i], "safeguarding_email", NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad_email); i++)
    {
      g_autoptr(GError) refused = NULL;

      g_assert_false (polisi_placeholder_check_answer (email, bad_email[i], "safeguarding_email", &refused));
      g_assert_error (refused, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE);
      g_assert_nonnull (strstr (refused->message, "safeguarding_email"));
    }
  g_assert_true (polisi_placeholder_check_answer (text, "dpo @ anything", "name", NULL));
  if (date != NULL)
    {
      g_autoptr(GError) refused = NULL;

      g_assert_true (polisi_placeholder_check_answer (date, "2027-03-31", "when", NULL));
      g_assert_false (polisi_placeholder_check_answer (date, "12027-03-31", "when", &refused));
      g_assert_error (refused, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE);
    }
}

/* The placeholders in use: each once, where first used, from the included
 * clauses only. */
static void
test_placeholders_in_use (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  g_autoptr(PolisiPolicy) policy = new_policy (library);
  g_autoptr(GPtrArray) uses = polisi_policy_list_placeholders_in_use (policy);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) after = NULL;
  const PolisiPlaceholderUse *first;
  PolisiClauseState *state;
  guint still_used = 0;

  g_assert_cmpuint (uses->len, >, 0);
  for (guint i = 0; i < uses->len; i++)
    {
      const PolisiPlaceholderUse *use = uses->pdata[i];
      g_autofree char *braces = g_strdup_printf ("{%s}", use->id);

      g_assert_false (g_hash_table_contains (seen, use->id));
      g_hash_table_add (seen, use->id);
      state = polisi_policy_lookup_clause (policy, use->clause_id);
      g_assert_nonnull (state);
      g_assert_true (polisi_clause_state_get_included (state));
      g_assert_nonnull (strstr (polisi_clause_state_get_text (state, use->lang), braces));
    }

  /* leaving out the clause that first used one moves it on, or drops it */
  first = uses->pdata[0];
  state = polisi_policy_lookup_clause (policy, first->clause_id);
  polisi_clause_state_set_included (state, FALSE);
  after = polisi_policy_list_placeholders_in_use (policy);
  for (guint i = 0; i < after->len; i++)
    {
      const PolisiPlaceholderUse *use = after->pdata[i];

      g_assert_cmpstr (use->clause_id, !=, first->clause_id);
      if (g_strcmp0 (use->id, first->id) == 0)
        still_used++;
    }
  g_assert_cmpuint (still_used, <=, 1);
}

/* Clause numbers without a document are the numbers every document has. */
static void
test_clause_numbers (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiContext) context = polisi_context_new_builtin (&error);
  const char *examples[] = { "secondary-wales.polisi", "secondary-wales-adopted.polisi", "primary-england.polisi" };

  g_assert_no_error (error);
  for (guint e = 0; e < G_N_ELEMENTS (examples) + 1; e++)
    {
      g_autofree char *path = e < G_N_ELEMENTS (examples) ? polisi_test_example_path (examples[e])
                                                            : g_test_build_filename (G_TEST_DIST, "data", "review-due.polisi", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(PolisiPolicy) policy = polisi_policy_load (file, &error);
      g_autoptr(GHashTable) numbers = NULL;
      g_autoptr(PolisiDocument) document = NULL;
      guint n_clauses = 0;

      g_assert_no_error (error);
      /* a clause the library does not know goes last, numbered too */
      if (e == 0)
        {
          g_autoptr(PolisiClauseState) stranger = polisi_clause_state_new ("nowhere.stranger");

          polisi_clause_state_set_text (stranger, POLISI_LANG_CY, "Cymal dieithr.");
          polisi_clause_state_set_text (stranger, POLISI_LANG_EN, "A stranger clause.");
          polisi_clause_state_set_included (stranger, TRUE);
          polisi_policy_add_clause (policy, stranger);
        }
      /* a consultation draft, so that the comments table is there too */
      numbers = polisi_assemble_clause_numbers (policy, polisi_context_get_library (context));
      document = polisi_assemble (policy, polisi_context_get_library (context), POLISI_ASSEMBLE_DEFAULT);
      for (guint i = 0; i < polisi_document_get_n_blocks (document); i++)
        {
          const PolisiBlock *block = polisi_document_get_block (document, i);

          if (block->kind != POLISI_BLOCK_CLAUSE || block->id == NULL)
            continue;
          g_assert_cmpstr (g_hash_table_lookup (numbers, block->id), ==, block->number);
          n_clauses++;
        }
      g_assert_cmpuint (g_hash_table_size (numbers), ==, n_clauses);
      g_assert_cmpuint (n_clauses, >, 10);
      if (e == 0)
        g_assert_nonnull (g_hash_table_lookup (numbers, "nowhere.stranger"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/version/parse", test_parse);
  g_test_add_func ("/version/compare-and-next", test_compare_and_next);
  g_test_add_func ("/version/draft-and-adoption", test_draft_version_and_adoption);
  g_test_add_func ("/dates/rule", test_date_rule);
  g_test_add_func ("/dates/written", test_date_written);
  g_test_add_func ("/dates/file-dates-checked", test_file_dates_checked);
  g_test_add_func ("/clauses/required", test_required_clause);
  g_test_add_func ("/answers/check", test_answers);
  g_test_add_func ("/placeholders/in-use", test_placeholders_in_use);
  g_test_add_func ("/numbering/clause-numbers", test_clause_numbers);

  return g_test_run ();
}
