/* test-policy.c: the policy model and its round trip through a file
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "polisi-dates.h"
#include "polisi-policy-io.h"
#include "polisi-test-utils.h"

/* Text no file format may damage. */
#define HOSTILE "< & \" ' ]]> <!-- --> &amp; ŵ ŷ Ŵ Ŷ ẁ ẃ ẅ ỳ Ỳ â ê 🙂 {not_a_placeholder"

static void
test_new_from_library (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  g_autoptr(PolisiPolicy) policy = polisi_policy_new_from_library (library, POLISI_LANGUAGE_CATEGORY_WELSH);
  PolisiClauseState *state;

  g_assert_cmpuint (polisi_policy_get_n_clauses (policy), ==, 5);
  g_assert_cmpstr (polisi_policy_get_library_id (policy), ==, "mini");
  g_assert_cmpstr (polisi_policy_get_library_version (policy), ==, "2026.1");
  g_assert_cmpint (polisi_policy_get_status (policy), ==, POLISI_STATUS_DRAFT);
  g_assert_cmpint (polisi_policy_get_nation (policy), ==, POLISI_NATION_WALES);

  /* required and recommended in, optional out */
  g_assert_true (polisi_clause_state_get_included (polisi_policy_lookup_clause (policy, "intro.purpose")));
  g_assert_true (polisi_clause_state_get_included (polisi_policy_lookup_clause (policy, "intro.head")));
  g_assert_false (polisi_clause_state_get_included (polisi_policy_lookup_clause (policy, "safety.board")));

  /* the wording for Wales, its text copied in both languages */
  state = polisi_policy_lookup_clause (policy, "safety.guidance");
  g_assert_cmpstr (polisi_clause_state_get_alternative (state), ==, "wales");
  g_assert_cmpstr (polisi_clause_state_get_text (state, POLISI_LANG_EN), ==, "We follow Keeping learners safe.");
  g_assert_cmpstr (polisi_clause_state_get_text (state, POLISI_LANG_CY), ==, "Rydym yn dilyn Cadw dysgwyr yn ddiogel.");
  g_assert_cmpuint (polisi_clause_state_get_library_version (polisi_policy_lookup_clause (policy, "intro.head")), ==, 2);

  g_assert_finalize_object (g_steal_pointer (&policy));
}

static void
test_nation (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  g_autoptr(PolisiPolicy) policy = polisi_policy_new_from_library (library, POLISI_LANGUAGE_CATEGORY_ENGLISH);
  PolisiClauseState *state = polisi_policy_lookup_clause (policy, "safety.guidance");

  g_assert_cmpint (polisi_policy_get_nation (policy), ==, POLISI_NATION_ENGLAND);
  g_assert_cmpstr (polisi_clause_state_get_alternative (state), ==, "england");

  /* moving to Wales switches the unedited clause */
  polisi_policy_set_language_category (policy, POLISI_LANGUAGE_CATEGORY_DUAL);
  g_assert_cmpuint (polisi_policy_apply_nation (policy, library), ==, 1);
  g_assert_cmpstr (polisi_clause_state_get_alternative (state), ==, "wales");

  /* an edited clause is left for the author */
  polisi_clause_state_set_text (state, POLISI_LANG_EN, "Our own words.");
  polisi_policy_set_language_category (policy, POLISI_LANGUAGE_CATEGORY_ENGLISH);
  g_assert_cmpuint (polisi_policy_apply_nation (policy, library), ==, 0);
  g_assert_cmpstr (polisi_clause_state_get_alternative (state), ==, "wales");
}

static void
on_changed (PolisiPolicy *policy,
            guint        *count)
{
  (*count)++;
}

static void
test_translation_state (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  g_autoptr(PolisiPolicy) policy = polisi_policy_new_from_library (library, POLISI_LANGUAGE_CATEGORY_DUAL);
  PolisiClauseState *state = polisi_policy_lookup_clause (policy, "intro.purpose");
  guint changes = 0;

  g_signal_connect (policy, "changed", G_CALLBACK (on_changed), &changes);

  g_assert_false (polisi_clause_state_get_needs_update (state, POLISI_LANG_CY));
  g_assert_false (polisi_clause_state_get_needs_update (state, POLISI_LANG_EN));

  /* editing English marks Welsh as needing an update */
  g_assert_true (polisi_clause_state_set_text (state, POLISI_LANG_EN, "{organisation} adopts this policy today."));
  g_assert_true (polisi_clause_state_get_edited (state, POLISI_LANG_EN));
  g_assert_true (polisi_clause_state_get_needs_update (state, POLISI_LANG_CY));
  g_assert_false (polisi_clause_state_get_needs_update (state, POLISI_LANG_EN));
  g_assert_cmpuint (changes, >, 0);

  /* the same text again is no change */
  changes = 0;
  g_assert_false (polisi_clause_state_set_text (state, POLISI_LANG_EN, "{organisation}  adopts this policy today.\n"));
  g_assert_cmpuint (changes, ==, 0);

  /* catching up the Welsh does not mark the English, and the flag stays
   * until someone confirms */
  g_assert_true (polisi_clause_state_set_text (state, POLISI_LANG_CY, "Mae {organisation} yn mabwysiadu'r polisi hwn heddiw."));
  g_assert_true (polisi_clause_state_get_needs_update (state, POLISI_LANG_CY));
  g_assert_false (polisi_clause_state_get_needs_update (state, POLISI_LANG_EN));
  polisi_clause_state_confirm_translation (state, POLISI_LANG_CY);
  g_assert_false (polisi_clause_state_get_needs_update (state, POLISI_LANG_CY));

  /* now Welsh is edited as master: English needs an update */
  polisi_clause_state_set_text (state, POLISI_LANG_CY, "Testun newydd.");
  g_assert_true (polisi_clause_state_get_needs_update (state, POLISI_LANG_EN));

  /* choosing a wording again resets everything */
  g_assert_true (polisi_policy_choose_alternative (policy, library, "intro.purpose", "standard"));
  g_assert_false (polisi_clause_state_get_edited (state, POLISI_LANG_CY));
  g_assert_false (polisi_clause_state_get_needs_update (state, POLISI_LANG_EN));
  g_assert_false (polisi_policy_choose_alternative (policy, library, "intro.purpose", "nonsense"));
  g_assert_false (polisi_policy_choose_alternative (policy, library, "nonsense", "standard"));
}

static void
test_answers (void)
{
  g_autoptr(PolisiPolicy) policy = polisi_policy_new ();
  g_autoptr(GPtrArray) keys = NULL;

  polisi_policy_set_answer (policy, "head_teacher", "  Mrs   Siân Hughes ");
  polisi_policy_set_answer_lang (policy, "governing_body", POLISI_LANG_CY, "Corff Llywodraethu");
  polisi_policy_set_answer_lang (policy, "governing_body", POLISI_LANG_EN, "The Governing Body");

  g_assert_cmpstr (polisi_policy_get_answer (policy, "head_teacher", POLISI_LANG_CY), ==, "Mrs Siân Hughes");
  g_assert_cmpstr (polisi_policy_get_answer (policy, "head_teacher", POLISI_LANG_EN), ==, "Mrs Siân Hughes");
  g_assert_cmpstr (polisi_policy_get_answer (policy, "governing_body", POLISI_LANG_CY), ==, "Corff Llywodraethu");

  keys = polisi_policy_list_answers (policy);
  g_assert_cmpuint (keys->len, ==, 2);
  g_assert_cmpstr (keys->pdata[0], ==, "governing_body");
  g_assert_cmpstr (keys->pdata[1], ==, "head_teacher");

  /* clearing both languages removes the answer */
  polisi_policy_set_answer (policy, "head_teacher", "");
  g_assert_null (polisi_policy_get_answer (policy, "head_teacher", POLISI_LANG_EN));
}

static void
test_review_date (void)
{
  g_autoptr(PolisiPolicy) policy = polisi_policy_new ();
  g_autofree char *iso = NULL;
  GDate date;

  g_assert_false (polisi_policy_get_review_date (policy, &date));

  polisi_policy_set_adoption_date (policy, "2026-01-31");
  polisi_policy_set_review_cycle (policy, 13);
  g_assert_true (polisi_policy_get_review_date (policy, &date));
  iso = polisi_date_to_iso (&date);
  g_assert_cmpstr (iso, ==, "2027-02-28");

  polisi_policy_set_review_date_override (policy, "2026-07-01");
  g_assert_true (polisi_policy_get_review_date (policy, &date));
  g_clear_pointer (&iso, g_free);
  iso = polisi_date_to_iso (&date);
  g_assert_cmpstr (iso, ==, "2026-07-01");
}

static PolisiPolicy *
make_rich_policy (PolisiLibrary *library)
{
  PolisiPolicy *policy = polisi_policy_new_from_library (library, POLISI_LANGUAGE_CATEGORY_WELSH);
  PolisiClauseState *state;

  polisi_policy_set_name (policy, POLISI_LANG_CY, "Ysgol Gymraeg " HOSTILE);
  polisi_policy_set_name (policy, POLISI_LANG_EN, "Welsh School " HOSTILE);
  polisi_policy_set_organisation_type (policy, POLISI_ORGANISATION_SECONDARY);
  polisi_policy_set_status (policy, POLISI_STATUS_CONSULTATION);
  polisi_policy_set_version (policy, "2.3");
  polisi_policy_set_closing_date (policy, "2027-03-31");
  polisi_policy_set_adoption_date (policy, "2026-09-01");
  polisi_policy_set_approved_by (policy, "Corff " HOSTILE);
  polisi_policy_set_review_cycle (policy, 24);
  polisi_policy_set_answer (policy, "head_teacher", "Mr " HOSTILE);
  polisi_policy_set_answer_lang (policy, "governing_body", POLISI_LANG_CY, "Y Corff ŵ");
  polisi_policy_set_answer_lang (policy, "governing_body", POLISI_LANG_EN, "The Body ŷ");

  state = polisi_policy_lookup_clause (policy, "intro.head");
  polisi_clause_state_set_text (state, POLISI_LANG_EN, "Edited " HOSTILE "\n- item one\n- item ẃ two");
  polisi_clause_state_set_included (polisi_policy_lookup_clause (policy, "safety.board"), TRUE);
  polisi_clause_state_set_included (polisi_policy_lookup_clause (policy, "tips.think"), FALSE);

  polisi_policy_add_version_record (policy, "1.0", "2025-09-01", "Y Corff", "Fersiwn gyntaf.", "First version.");
  polisi_policy_add_version_record (policy, "2.0", "2026-09-01", NULL, "Newid " HOSTILE, "- Change one\n- Change two");

  return policy;
}

static void
test_round_trip (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  g_autoptr(PolisiPolicy) policy = make_rich_policy (library);
  g_autoptr(PolisiPolicy) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = polisi_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "round trip ŵ.polisi", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;

  g_assert_true (polisi_policy_save (policy, file, &error));
  g_assert_no_error (error);
  g_assert_nonnull (polisi_policy_get_modified (policy));
  g_assert_cmpuint (polisi_test_count_entries (dir), ==, 1);

  before = polisi_test_read_file (path, &before_length);
  loaded = polisi_policy_load (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_true (polisi_policy_equal (policy, loaded));
  g_assert_cmpstr (polisi_policy_get_modified (policy), ==, polisi_policy_get_modified (loaded));

  /* reading never changes the file */
  after = polisi_test_read_file (path, &after_length);
  g_assert_cmpmem (before, before_length, after, after_length);

  /* the hostile text came back exactly, composed */
  g_assert_cmpstr (polisi_policy_get_answer (loaded, "head_teacher", POLISI_LANG_CY), ==, "Mr " HOSTILE);
  g_assert_true (polisi_clause_state_get_needs_update (polisi_policy_lookup_clause (loaded, "intro.head"), POLISI_LANG_CY));
  g_assert_cmpuint (polisi_policy_get_n_versions (loaded), ==, 2);
  g_assert_cmpstr (polisi_policy_get_version_record (loaded, 1)->summary[POLISI_LANG_EN], ==, "- Change one\n- Change two");

  /* a change is seen by the comparison */
  polisi_policy_set_answer (loaded, "head_teacher", "Someone else");
  g_assert_false (polisi_policy_equal (policy, loaded));

  polisi_test_remove_tree (dir);
}

static void
test_round_trip_builtin (void)
{
  g_autoptr(PolisiContext) context = polisi_test_builtin_context ();
  g_autoptr(PolisiPolicy) policy = polisi_policy_new_from_library (polisi_context_get_library (context),
                                                                   POLISI_LANGUAGE_CATEGORY_DUAL);
  g_autoptr(GBytes) bytes = polisi_policy_to_bytes (policy);
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiPolicy) loaded = polisi_policy_load_bytes (bytes, "builtin.polisi", &error);

  g_assert_no_error (error);
  g_assert_true (polisi_policy_equal (policy, loaded));
  g_assert_cmpuint (polisi_policy_get_n_clauses (loaded), ==,
                    polisi_library_get_n_clauses (polisi_context_get_library (context)));
}

static void
test_examples_load (void)
{
  const char *examples[] = { "primary-england.polisi", "secondary-wales.polisi" };

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *path = polisi_test_example_path (examples[i]);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(PolisiPolicy) policy = polisi_policy_load (file, &error);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(PolisiPolicy) again = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (polisi_policy_get_name (policy, POLISI_LANG_EN));

      bytes = polisi_policy_to_bytes (policy);
      again = polisi_policy_load_bytes (bytes, examples[i], &error);
      g_assert_no_error (error);
      g_assert_true (polisi_policy_equal (policy, again));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/policy/new-from-library", test_new_from_library);
  g_test_add_func ("/policy/nation", test_nation);
  g_test_add_func ("/policy/translation-state", test_translation_state);
  g_test_add_func ("/policy/answers", test_answers);
  g_test_add_func ("/policy/review-date", test_review_date);
  g_test_add_func ("/policy/round-trip", test_round_trip);
  g_test_add_func ("/policy/round-trip-builtin", test_round_trip_builtin);
  g_test_add_func ("/policy/examples", test_examples_load);

  return g_test_run ();
}
