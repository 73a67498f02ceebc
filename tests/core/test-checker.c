/* test-checker.c: what the checker finds
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "polisi-checker.h"
#include "polisi-dates.h"
#include "polisi-test-utils.h"

typedef struct {
  PolisiLibrary     *library;
  PolisiLegislation *legislation;
  PolisiPolicy      *policy;
  GDate              today;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->library = polisi_test_load_mini_library ();
  fixture->legislation = polisi_test_load_mini_legislation ();
  fixture->policy = polisi_policy_new_from_library (fixture->library, POLISI_LANGUAGE_CATEGORY_DUAL);
  polisi_policy_set_name (fixture->policy, POLISI_LANG_CY, "Ysgol y Berllan");
  polisi_policy_set_name (fixture->policy, POLISI_LANG_EN, "Ysgol y Berllan");
  polisi_policy_set_answer (fixture->policy, "head_teacher", "Mrs Siân Hughes");
  g_assert_true (polisi_date_parse_iso ("2026-11-21", &fixture->today));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->policy);
  g_clear_object (&fixture->library);
  g_clear_object (&fixture->legislation);
}

static GPtrArray *
check (Fixture *fixture)
{
  return polisi_check (fixture->policy, fixture->library, fixture->legislation, &fixture->today);
}

static guint
count_kind (GPtrArray         *findings,
            PolisiFindingKind  kind,
            PolisiSeverity     severity)
{
  guint count = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      PolisiFinding *finding = findings->pdata[i];

      if (finding->kind == kind && finding->severity == severity)
        count++;
    }
  return count;
}

static PolisiFinding *
find_kind (GPtrArray         *findings,
           PolisiFindingKind  kind)
{
  for (guint i = 0; i < findings->len; i++)
    if (((PolisiFinding *) findings->pdata[i])->kind == kind)
      return findings->pdata[i];
  return NULL;
}

static void
test_complete (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = check (fixture);

  /* only the review date, which waits for adoption */
  g_assert_cmpuint (polisi_check_count (findings, POLISI_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (polisi_check_count (findings, POLISI_SEVERITY_WARNING), ==, 0);
  g_assert_cmpuint (count_kind (findings, POLISI_FINDING_PENDING_DATE, POLISI_SEVERITY_INFO), ==, 1);
}

static void
test_unfilled_placeholder (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;
  PolisiFinding *finding;

  polisi_policy_set_answer (fixture->policy, "head_teacher", NULL);
  polisi_clause_state_set_included (polisi_policy_lookup_clause (fixture->policy, "safety.board"), TRUE);
  polisi_policy_set_answer_lang (fixture->policy, "governing_body", POLISI_LANG_EN, "The Governing Body");
  findings = check (fixture);

  finding = find_kind (findings, POLISI_FINDING_UNFILLED_PLACEHOLDER);
  g_assert_nonnull (finding);
  g_assert_cmpint (finding->severity, ==, POLISI_SEVERITY_ERROR);
  g_assert_cmpstr (finding->placeholder, ==, "head_teacher");
  g_assert_cmpstr (finding->clause_id, ==, "intro.head");
  g_assert_nonnull (strstr (finding->message, "Head teacher"));
  /* a bilingual answer in one language only is a warning */
  g_assert_cmpuint (count_kind (findings, POLISI_FINDING_UNFILLED_PLACEHOLDER, POLISI_SEVERITY_WARNING), ==, 1);
}

static void
test_unknown_placeholder (Fixture       *fixture,
                          gconstpointer  data)
{
  PolisiClauseState *state = polisi_policy_lookup_clause (fixture->policy, "intro.purpose");
  g_autoptr(GPtrArray) findings = NULL;
  PolisiFinding *finding;

  polisi_clause_state_set_text (state, POLISI_LANG_EN, "{organistion} adopts this policy.");
  polisi_clause_state_confirm_translation (state, POLISI_LANG_CY);
  findings = check (fixture);
  finding = find_kind (findings, POLISI_FINDING_UNKNOWN_PLACEHOLDER);
  g_assert_nonnull (finding);
  g_assert_nonnull (strstr (finding->message, "{organistion}"));
  g_assert_cmpuint (polisi_check_count (findings, POLISI_SEVERITY_ERROR), ==, 1);
}

static void
test_missing_and_stale_text (Fixture       *fixture,
                             gconstpointer  data)
{
  PolisiClauseState *state = polisi_policy_lookup_clause (fixture->policy, "intro.purpose");
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) after = NULL;
  PolisiFinding *finding;

  polisi_clause_state_set_text (state, POLISI_LANG_CY, "");
  findings = check (fixture);
  finding = find_kind (findings, POLISI_FINDING_MISSING_TEXT);
  g_assert_nonnull (finding);
  g_assert_cmpint (finding->lang, ==, POLISI_LANG_CY);
  /* emptying the Welsh made the English stale too */
  finding = find_kind (findings, POLISI_FINDING_STALE_TRANSLATION);
  g_assert_nonnull (finding);
  g_assert_cmpint (finding->lang, ==, POLISI_LANG_EN);
  g_assert_cmpstr (finding->clause_id, ==, "intro.purpose");

  polisi_clause_state_set_text (state, POLISI_LANG_CY, "Mae {organisation} yn mabwysiadu'r polisi.");
  polisi_clause_state_confirm_translation (state, POLISI_LANG_EN);
  after = check (fixture);
  g_assert_null (find_kind (after, POLISI_FINDING_MISSING_TEXT));
  g_assert_null (find_kind (after, POLISI_FINDING_STALE_TRANSLATION));
}

/* Outside Wales only English matters. */
static void
test_england_ignores_welsh (Fixture       *fixture,
                            gconstpointer  data)
{
  PolisiClauseState *state = polisi_policy_lookup_clause (fixture->policy, "intro.purpose");
  g_autoptr(GPtrArray) findings = NULL;

  polisi_policy_set_language_category (fixture->policy, POLISI_LANGUAGE_CATEGORY_ENGLISH);
  polisi_policy_apply_nation (fixture->policy, fixture->library);
  polisi_clause_state_set_text (state, POLISI_LANG_EN, "{organisation} adopts this policy now.");
  findings = check (fixture);
  g_assert_null (find_kind (findings, POLISI_FINDING_STALE_TRANSLATION));
  g_assert_cmpuint (polisi_check_count (findings, POLISI_SEVERITY_ERROR), ==, 0);
}

static void
test_outdated_legislation (Fixture       *fixture,
                           gconstpointer  data)
{
  PolisiClauseState *state = polisi_policy_lookup_clause (fixture->policy, "intro.purpose");
  g_autoptr(GPtrArray) findings = NULL;
  guint found = 0;

  /* the author's own edits, in both languages */
  polisi_clause_state_set_text (state, POLISI_LANG_EN, "We monitor under the Regulation of Investigatory Powers Act 2000.");
  polisi_clause_state_set_text (state, POLISI_LANG_CY, "Rydym yn monitro dan Ddeddf Rheoleiddio Pwerau Ymchwilio 2000 a Deddf Rheoleiddio Pwerau Ymchwilio 2000.");
  polisi_clause_state_confirm_translation (state, POLISI_LANG_EN);
  polisi_clause_state_confirm_translation (state, POLISI_LANG_CY);
  /* a Welsh school citing the English guidance */
  polisi_policy_choose_alternative (fixture->policy, fixture->library, "safety.guidance", "england");
  findings = check (fixture);

  for (guint i = 0; i < findings->len; i++)
    {
      PolisiFinding *finding = findings->pdata[i];

      if (finding->kind != POLISI_FINDING_OUTDATED_LEGISLATION)
        continue;
      found++;
      g_assert_cmpint (finding->severity, ==, POLISI_SEVERITY_ERROR);
      g_assert_true (strstr (finding->message, "Investigatory Powers Act 2016") != NULL ||
                     strstr (finding->message, "Deddf Pwerau Ymchwilio 2016") != NULL ||
                     strstr (finding->message, "Keeping learners safe") != NULL ||
                     strstr (finding->message, "Cadw dysgwyr yn ddiogel") != NULL);
    }
  /* both Welsh citations ("Ddeddf" mutated too), the English one, and the
   * guidance in both languages */
  g_assert_cmpuint (found, ==, 5);
  g_assert_nonnull (find_kind (findings, POLISI_FINDING_OTHER_NATION));
}

static void
test_required_excluded (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;
  PolisiFinding *finding;

  polisi_clause_state_set_included (polisi_policy_lookup_clause (fixture->policy, "intro.purpose"), FALSE);
  findings = check (fixture);
  finding = find_kind (findings, POLISI_FINDING_REQUIRED_EXCLUDED);
  g_assert_nonnull (finding);
  g_assert_cmpint (finding->severity, ==, POLISI_SEVERITY_ERROR);
}

static void
test_review (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) soon = NULL;
  g_autoptr(GPtrArray) later = NULL;

  polisi_policy_set_status (fixture->policy, POLISI_STATUS_ADOPTED);

  polisi_policy_set_adoption_date (fixture->policy, "2025-11-20");
  overdue = check (fixture);
  g_assert_cmpuint (count_kind (overdue, POLISI_FINDING_REVIEW_OVERDUE, POLISI_SEVERITY_ERROR), ==, 1);

  polisi_policy_set_adoption_date (fixture->policy, "2025-12-21");
  soon = check (fixture);
  g_assert_cmpuint (count_kind (soon, POLISI_FINDING_REVIEW_DUE, POLISI_SEVERITY_WARNING), ==, 1);
  g_assert_nonnull (strstr (find_kind (soon, POLISI_FINDING_REVIEW_DUE)->message, "30 days"));

  polisi_policy_set_adoption_date (fixture->policy, "2026-09-01");
  later = check (fixture);
  g_assert_null (find_kind (later, POLISI_FINDING_REVIEW_DUE));
  g_assert_null (find_kind (later, POLISI_FINDING_REVIEW_OVERDUE));
}

/* A review trigger after the adoption makes the review due from its date,
 * and the checker says why. Today is 21 November 2026. */
static void
test_review_triggers (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) past = NULL;
  g_autoptr(GPtrArray) today = NULL;
  g_autoptr(GPtrArray) coming = NULL;
  g_autoptr(GPtrArray) handled = NULL;
  g_autoptr(GError) error = NULL;
  PolisiFinding *finding;

  polisi_policy_set_status (fixture->policy, POLISI_STATUS_ADOPTED);
  polisi_policy_set_adoption_date (fixture->policy, "2026-09-01");

  /* dealt with by the adoption: nothing to say */
  g_assert_true (polisi_policy_add_review_trigger (fixture->policy, POLISI_TRIGGER_GUIDANCE, "2026-08-01", "Old", &error));
  before = check (fixture);
  g_assert_null (find_kind (before, POLISI_FINDING_REVIEW_OVERDUE));
  g_assert_null (find_kind (before, POLISI_FINDING_REVIEW_DUE));

  /* new legislation since: the review is due, and has been since then */
  g_assert_true (polisi_policy_add_review_trigger (fixture->policy, POLISI_TRIGGER_LEGISLATION, "2026-10-01",
                                                   "Data (Use and Access) Act 2025", &error));
  past = check (fixture);
  g_assert_cmpuint (count_kind (past, POLISI_FINDING_REVIEW_OVERDUE, POLISI_SEVERITY_ERROR), ==, 1);
  finding = find_kind (past, POLISI_FINDING_REVIEW_OVERDUE);
  g_assert_nonnull (strstr (finding->message, "1 October 2026"));
  g_assert_nonnull (strstr (finding->message, "new legislation"));
  g_assert_nonnull (strstr (finding->message, "Data (Use and Access) Act 2025"));

  /* from today */
  polisi_policy_remove_review_trigger (fixture->policy, 1);
  g_assert_true (polisi_policy_add_review_trigger (fixture->policy, POLISI_TRIGGER_INCIDENT, "2026-11-21", NULL, &error));
  today = check (fixture);
  finding = find_kind (today, POLISI_FINDING_REVIEW_OVERDUE);
  g_assert_nonnull (finding);
  g_assert_nonnull (strstr (finding->message, "a significant incident"));

  /* coming in a month: due then */
  polisi_policy_remove_review_trigger (fixture->policy, 1);
  g_assert_true (polisi_policy_add_review_trigger (fixture->policy, POLISI_TRIGGER_CASE_LAW, "2026-12-21", "A ruling", &error));
  coming = check (fixture);
  g_assert_null (find_kind (coming, POLISI_FINDING_REVIEW_OVERDUE));
  finding = find_kind (coming, POLISI_FINDING_REVIEW_DUE);
  g_assert_nonnull (finding);
  g_assert_cmpint (finding->severity, ==, POLISI_SEVERITY_WARNING);
  g_assert_nonnull (strstr (finding->message, "in 30 days"));
  g_assert_nonnull (strstr (finding->message, "A ruling"));

  /* a new adoption deals with them */
  g_assert_true (polisi_policy_adopt (fixture->policy, "1.0", "2026-12-22", "Y Corff", "Adolygiad.", "Review.", &error));
  g_assert_no_error (error);
  handled = check (fixture);
  g_assert_null (find_kind (handled, POLISI_FINDING_REVIEW_OVERDUE));
  g_assert_null (find_kind (handled, POLISI_FINDING_REVIEW_DUE));
}

static void
test_consultation_needs_closing_date (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GPtrArray) without = NULL;
  g_autoptr(GPtrArray) with = NULL;

  polisi_policy_set_status (fixture->policy, POLISI_STATUS_CONSULTATION);
  without = check (fixture);
  g_assert_nonnull (find_kind (without, POLISI_FINDING_NO_CLOSING_DATE));
  polisi_policy_set_closing_date (fixture->policy, "2027-01-31");
  with = check (fixture);
  g_assert_null (find_kind (with, POLISI_FINDING_NO_CLOSING_DATE));
}

/* A consultation draft of a new version says what it changes, in each
 * language; the first draft of a policy has nothing to compare with. */
static void
test_consultation_needs_summary (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) without = NULL;
  g_autoptr(GPtrArray) english_only = NULL;
  g_autoptr(GPtrArray) both = NULL;
  g_autoptr(GPtrArray) england = NULL;

  polisi_policy_set_status (fixture->policy, POLISI_STATUS_CONSULTATION);
  polisi_policy_set_closing_date (fixture->policy, "2027-01-31");
  first = check (fixture);
  g_assert_null (find_kind (first, POLISI_FINDING_NO_PENDING_SUMMARY));

  polisi_policy_add_version_record (fixture->policy, "1.0", "2026-01-31", "The governors", "Y fersiwn gyntaf.", "First version.");
  polisi_policy_set_language_category (fixture->policy, POLISI_LANGUAGE_CATEGORY_DUAL);
  without = check (fixture);
  g_assert_cmpuint (count_kind (without, POLISI_FINDING_NO_PENDING_SUMMARY, POLISI_SEVERITY_WARNING), ==, 2);
  polisi_policy_set_pending_summary (fixture->policy, POLISI_LANG_EN, "A new clause on governors.");
  english_only = check (fixture);
  g_assert_cmpuint (count_kind (english_only, POLISI_FINDING_NO_PENDING_SUMMARY, POLISI_SEVERITY_WARNING), ==, 1);
  g_assert_cmpint (find_kind (english_only, POLISI_FINDING_NO_PENDING_SUMMARY)->lang, ==, POLISI_LANG_CY);
  polisi_policy_set_pending_summary (fixture->policy, POLISI_LANG_CY, "Cymal newydd ar lywodraethwyr.");
  both = check (fixture);
  g_assert_null (find_kind (both, POLISI_FINDING_NO_PENDING_SUMMARY));

  /* outside Wales, English is enough */
  polisi_policy_set_pending_summary (fixture->policy, POLISI_LANG_CY, NULL);
  polisi_policy_set_language_category (fixture->policy, POLISI_LANGUAGE_CATEGORY_ENGLISH);
  england = check (fixture);
  g_assert_null (find_kind (england, POLISI_FINDING_NO_PENDING_SUMMARY));
}

static void
test_no_name (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;

  polisi_policy_set_name (fixture->policy, POLISI_LANG_CY, NULL);
  polisi_policy_set_name (fixture->policy, POLISI_LANG_EN, "");
  findings = check (fixture);
  g_assert_cmpuint (count_kind (findings, POLISI_FINDING_MISSING_NAME, POLISI_SEVERITY_ERROR), ==, 1);
  /* errors come first */
  g_assert_cmpint (((PolisiFinding *) findings->pdata[0])->severity, ==, POLISI_SEVERITY_ERROR);
}

/* The built-in library offers the same choice (consult the unions, or
 * also seek their agreement) in two clauses: choosing differently is
 * found, on the later clause, naming both wordings. */
static void
test_different_wordings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiLibrary) library = polisi_library_new_builtin (&error);
  g_autoptr(PolisiPolicy) policy = NULL;
  g_autoptr(GPtrArray) agreeing = NULL;
  g_autoptr(GPtrArray) differing = NULL;
  g_autoptr(GPtrArray) again = NULL;
  PolisiClauseState *status, *consultation;
  PolisiFinding *finding;
  GDate today;

  g_assert_no_error (error);
  g_assert_true (polisi_date_parse_iso ("2026-12-04", &today));
  policy = polisi_policy_new_from_library (library, POLISI_LANGUAGE_CATEGORY_DUAL);
  status = polisi_policy_lookup_clause (policy, "scope.status");
  consultation = polisi_policy_lookup_clause (policy, "review.consultation");
  g_assert_true (polisi_clause_state_get_included (status));
  g_assert_true (polisi_clause_state_get_included (consultation));
  g_assert_cmpstr (polisi_clause_state_get_alternative (status), ==, polisi_clause_state_get_alternative (consultation));

  agreeing = polisi_check (policy, library, NULL, &today);
  g_assert_null (find_kind (agreeing, POLISI_FINDING_DIFFERENT_WORDINGS));

  polisi_clause_state_use_alternative (consultation, polisi_library_lookup_clause (library, "review.consultation"),
                                       polisi_clause_lookup_alternative (polisi_library_lookup_clause (library, "review.consultation"), "consult"));
  differing = polisi_check (policy, library, NULL, &today);
  finding = find_kind (differing, POLISI_FINDING_DIFFERENT_WORDINGS);
  g_assert_nonnull (finding);
  g_assert_cmpint (finding->severity, ==, POLISI_SEVERITY_WARNING);
  g_assert_cmpstr (finding->clause_id, ==, "review.consultation");
  g_assert_nonnull (strstr (finding->message, "“Consult”"));
  g_assert_nonnull (strstr (finding->message, "“Consult and seek agreement”"));

  /* the same choice in both, or one left out: nothing to say */
  polisi_clause_state_use_alternative (status, polisi_library_lookup_clause (library, "scope.status"),
                                       polisi_clause_lookup_alternative (polisi_library_lookup_clause (library, "scope.status"), "consult"));
  again = polisi_check (policy, library, NULL, &today);
  g_assert_null (find_kind (again, POLISI_FINDING_DIFFERENT_WORDINGS));
}

/* With the built-in library and register, a clause still in the model's
 * words for the school's nation is not searched for out-of-date names
 * (the tests of the library check that it cites none): the findings are
 * those a search of every text gives. A wording for the other nation in
 * its model words, and a model text edited, are still searched. */
static void
test_outdated_builtin (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiLibrary) library = polisi_library_new_builtin (&error);
  g_autoptr(PolisiLegislation) legislation = polisi_legislation_new_builtin (&error);
  g_autoptr(PolisiPolicy) policy = NULL;
  g_autoptr(GPtrArray) model = NULL;
  g_autoptr(GPtrArray) changed = NULL;
  PolisiClause *other = NULL;
  const PolisiAlternative *for_england = NULL;
  PolisiClauseState *edited = NULL;
  guint expected_other = 0, in_other = 0, in_edited = 0;
  GDate today;

  g_assert_no_error (error);
  g_assert_true (polisi_library_is_builtin (library));
  g_assert_true (polisi_legislation_is_builtin (legislation));
  g_assert_true (polisi_date_parse_iso ("2026-12-04", &today));
  policy = polisi_policy_new_from_library (library, POLISI_LANGUAGE_CATEGORY_DUAL);
  g_assert_cmpint (polisi_policy_get_nation (policy), ==, POLISI_NATION_WALES);

  model = polisi_check (policy, library, legislation, &today);
  g_assert_null (find_kind (model, POLISI_FINDING_OUTDATED_LEGISLATION));

  /* a wording for England, in its model words, that cites a name out of
   * date in Wales; and another clause's model text with an old name
   * written into it */
  for (guint i = 0; i < polisi_policy_get_n_clauses (policy) && (other == NULL || edited == NULL); i++)
    {
      PolisiClauseState *state = polisi_policy_get_clause (policy, i);
      PolisiClause *clause = polisi_library_lookup_clause (library, polisi_clause_state_get_id (state));

      if (clause == NULL || !polisi_clause_state_get_included (state))
        continue;
      for (guint a = 0; a < polisi_clause_get_n_alternatives (clause) && other == NULL; a++)
        {
          const PolisiAlternative *alternative = polisi_clause_get_alternative (clause, a);
          guint found = 0;

          if (polisi_clause_alternative_applies (alternative, POLISI_NATION_WALES))
            continue;
          for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
            {
              g_autoptr(GArray) citations = polisi_legislation_find_outdated (legislation, alternative->text[lang],
                                                                              lang, POLISI_NATION_WALES);
              found += citations->len;
            }
          if (found > 0)
            {
              other = clause;
              for_england = alternative;
              expected_other = found;
            }
        }
      if (other != clause && edited == NULL)
        edited = state;
    }
  g_assert_nonnull (other);
  g_assert_nonnull (edited);
  polisi_clause_state_use_alternative (polisi_policy_lookup_clause (policy, polisi_clause_get_id (other)), other,
                                       for_england);
  polisi_clause_state_set_text (edited, POLISI_LANG_EN, "We monitor under the Regulation of Investigatory Powers Act 2000.");

  changed = polisi_check (policy, library, legislation, &today);
  for (guint i = 0; i < changed->len; i++)
    {
      PolisiFinding *finding = changed->pdata[i];

      if (finding->kind != POLISI_FINDING_OUTDATED_LEGISLATION)
        continue;
      if (g_strcmp0 (finding->clause_id, polisi_clause_get_id (other)) == 0)
        in_other++;
      else if (g_strcmp0 (finding->clause_id, polisi_clause_state_get_id (edited)) == 0)
        in_edited++;
    }
  g_assert_cmpuint (in_other, ==, expected_other);
  g_assert_cmpuint (in_edited, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/checker/complete", test_complete);
  g_test_add_func ("/checker/different-wordings", test_different_wordings);
  g_test_add_func ("/checker/outdated-builtin", test_outdated_builtin);
  ADD ("/checker/unfilled-placeholder", test_unfilled_placeholder);
  ADD ("/checker/unknown-placeholder", test_unknown_placeholder);
  ADD ("/checker/missing-and-stale-text", test_missing_and_stale_text);
  ADD ("/checker/england-ignores-welsh", test_england_ignores_welsh);
  ADD ("/checker/outdated-legislation", test_outdated_legislation);
  ADD ("/checker/required-excluded", test_required_excluded);
  ADD ("/checker/review", test_review);
  ADD ("/checker/review-triggers", test_review_triggers);
  ADD ("/checker/consultation-closing-date", test_consultation_needs_closing_date);
  ADD ("/checker/consultation-summary", test_consultation_needs_summary);
  ADD ("/checker/no-name", test_no_name);

  return g_test_run ();
}
