/* test-policy.c: the policy model and its round trip through a file
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "polisi-dates.h"
#include "polisi-error.h"
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

/* ::changed names what changed ------------------------------------------------ */

static const char * const change_details[] = {
  POLISI_POLICY_CHANGED_ORGANISATION, POLISI_POLICY_CHANGED_STATUS, POLISI_POLICY_CHANGED_SUMMARY,
  POLISI_POLICY_CHANGED_ANSWERS, POLISI_POLICY_CHANGED_CLAUSES, POLISI_POLICY_CHANGED_CLAUSE_TEXT,
  POLISI_POLICY_CHANGED_VERSIONS, POLISI_POLICY_CHANGED_TRIGGERS, POLISI_POLICY_CHANGED_COMMENTS,
  POLISI_POLICY_CHANGED_PROPOSALS,
};

#define N_DETAILS G_N_ELEMENTS (change_details)

typedef struct {
  guint any;                  /* plain "changed" */
  guint detail[N_DETAILS];    /* "changed::DETAIL" */
} ChangeCounts;

static void
count_any_change (PolisiPolicy *policy,
                  ChangeCounts *counts)
{
  counts->any++;
}

static void
count_detail (PolisiPolicy *policy,
              guint        *count)
{
  (*count)++;
}

static void
connect_change_counts (PolisiPolicy *policy,
                       ChangeCounts *counts)
{
  g_signal_connect (policy, "changed", G_CALLBACK (count_any_change), counts);
  for (guint i = 0; i < N_DETAILS; i++)
    {
      g_autofree char *name = g_strconcat ("changed::", change_details[i], NULL);

      g_signal_connect (policy, name, G_CALLBACK (count_detail), &counts->detail[i]);
    }
}

/* Only @detail was emitted, @n times, and plain "changed" as often; the
 * counts start again. */
static void
assert_only_detail (ChangeCounts *counts,
                    const char   *detail,
                    guint         n)
{
  for (guint i = 0; i < N_DETAILS; i++)
    {
      if (g_str_equal (change_details[i], detail))
        g_assert_cmpuint (counts->detail[i], ==, n);
      else if (counts->detail[i] != 0)
        g_error ("“changed::%s” was emitted %u times for a change to %s", change_details[i], counts->detail[i], detail);
    }
  g_assert_cmpuint (counts->any, ==, n);
  memset (counts, 0, sizeof *counts);
}

/* Each setter emits ::changed once with the detail of what it changes, and
 * no other detail; a value set again emits nothing. */
typedef struct {
  PolisiClauseState *state;
  guint              emissions;
  gboolean           en_text_seen;      /* the new text, at the emission */
  gboolean           cy_waiting_seen;   /* the Welsh waiting for an update, at the emission */
} ClauseTextEmissions;

static void
on_clause_text_changed (PolisiPolicy        *policy,
                        ClauseTextEmissions *seen)
{
  seen->emissions++;
  seen->en_text_seen = g_strcmp0 (polisi_clause_state_get_text (seen->state, POLISI_LANG_EN), "Our own words.") == 0;
  seen->cy_waiting_seen = polisi_clause_state_get_needs_update (seen->state, POLISI_LANG_CY);
}

static void
count_state_changed (PolisiClauseState *state,
                     gboolean           text,
                     gboolean           other,
                     guint             *count)
{
  g_assert_true (text);
  g_assert_false (other);
  (*count)++;
}

/* The first edit of a clause changes its text and marks the other
 * language as waiting for an update: the policy says so once, when both
 * already hold; taking the edit back (the two in step again) is one
 * emission too. */
static void
test_clause_edit_emits_once (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  g_autoptr(PolisiPolicy) policy = polisi_policy_new_from_library (library, POLISI_LANGUAGE_CATEGORY_DUAL);
  PolisiClauseState *purpose = polisi_policy_lookup_clause (policy, "intro.purpose");
  g_autofree char *original = g_strdup (polisi_clause_state_get_text (purpose, POLISI_LANG_EN));
  ClauseTextEmissions seen = { purpose, 0, FALSE, FALSE };
  guint any = 0;
  guint state_changes = 0;

  g_assert_false (polisi_clause_state_get_needs_update (purpose, POLISI_LANG_CY));
  g_signal_connect (policy, "changed::" POLISI_POLICY_CHANGED_CLAUSE_TEXT, G_CALLBACK (on_clause_text_changed), &seen);
  g_signal_connect (policy, "changed", G_CALLBACK (count_detail), &any);
  g_signal_connect (purpose, "changed", G_CALLBACK (count_state_changed), &state_changes);

  g_assert_true (polisi_clause_state_set_text (purpose, POLISI_LANG_EN, "Our own words."));
  g_assert_cmpuint (seen.emissions, ==, 1);
  g_assert_cmpuint (any, ==, 1);
  g_assert_cmpuint (state_changes, ==, 1);
  g_assert_true (seen.en_text_seen);
  g_assert_true (seen.cy_waiting_seen);
  g_assert_true (polisi_clause_state_get_needs_update (purpose, POLISI_LANG_CY));

  /* undone: the text back, and the Welsh in step again, in one emission */
  g_assert_true (polisi_clause_state_set_text (purpose, POLISI_LANG_EN, original));
  g_assert_cmpuint (seen.emissions, ==, 2);
  g_assert_cmpuint (any, ==, 2);
  g_assert_cmpuint (state_changes, ==, 2);
  g_assert_false (seen.cy_waiting_seen);
  g_assert_false (polisi_clause_state_get_needs_update (purpose, POLISI_LANG_CY));

  /* the same text again: nothing */
  g_assert_false (polisi_clause_state_set_text (purpose, POLISI_LANG_EN, original));
  g_assert_cmpuint (seen.emissions, ==, 2);
  g_assert_cmpuint (any, ==, 2);
}

static void
test_changed_details (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  g_autoptr(PolisiPolicy) policy = polisi_policy_new_from_library (library, POLISI_LANGUAGE_CATEGORY_DUAL);
  PolisiClauseState *purpose = polisi_policy_lookup_clause (policy, "intro.purpose");
  PolisiClauseState *board = polisi_policy_lookup_clause (policy, "safety.board");
  g_autoptr(PolisiProposal) proposal = NULL;
  g_autoptr(GError) error = NULL;
  ChangeCounts counts = { 0 };
  const char *comment;
  const char *proposal_id;

  connect_change_counts (policy, &counts);

  polisi_policy_set_name (policy, POLISI_LANG_CY, "Ysgol Gynradd Pen-y-bryn");
  assert_only_detail (&counts, POLISI_POLICY_CHANGED_ORGANISATION, 1);
  polisi_policy_set_name (policy, POLISI_LANG_CY, "Ysgol Gynradd Pen-y-bryn");
  assert_only_detail (&counts, POLISI_POLICY_CHANGED_ORGANISATION, 0);
  polisi_policy_set_organisation_type (policy, POLISI_ORGANISATION_SECONDARY);
  assert_only_detail (&counts, POLISI_POLICY_CHANGED_ORGANISATION, 1);
  polisi_policy_set_language_category (policy, POLISI_LANGUAGE_CATEGORY_WELSH);
  assert_only_detail (&counts, POLISI_POLICY_CHANGED_ORGANISATION, 1);
  polisi_policy_set_review_cycle (policy, 24);
  assert_only_detail (&counts, POLISI_POLICY_CHANGED_ORGANISATION, 1);

  polisi_policy_set_status (policy, POLISI_STATUS_CONSULTATION);
  assert_only_detail (&counts, POLISI_POLICY_CHANGED_STATUS, 1);
  polisi_policy_set_version (policy, "0.2");
  assert_only_detail (&counts, POLISI_POLICY_CHANGED_STATUS, 1);
  polisi_policy_set_closing_date (policy, "2027-03-31");
  assert_only_detail (&counts, POLISI_POLICY_CHANGED_STATUS, 1);
  polisi_policy_set_review_date_override (policy, "2027-09-01");
  assert_only_detail (&counts, POLISI_POLICY_CHANGED_STATUS, 1);
  polisi_policy_set_approved_by (policy, "Y corff llywodraethu");
  assert_only_detail (&counts, POLISI_POLICY_CHANGED_STATUS, 1);

  polisi_policy_set_pending_summary (policy, POLISI_LANG_CY, "Cymal newydd ar ŵyl a ŷd.");
  assert_only_detail (&counts, POLISI_POLICY_CHANGED_SUMMARY, 1);

  polisi_policy_set_answer_lang (policy, "head_teacher", POLISI_LANG_CY, "Siân Ŵyn");
  assert_only_detail (&counts, POLISI_POLICY_CHANGED_ANSWERS, 1);
  polisi_policy_set_answer_lang (policy, "head_teacher", POLISI_LANG_CY, "Siân Ŵyn");
  assert_only_detail (&counts, POLISI_POLICY_CHANGED_ANSWERS, 0);

  /* typing in a clause: its text, and the other language waiting for an
   * update, one emission of "clause-text" for both */
  g_assert_true (polisi_clause_state_set_text (purpose, POLISI_LANG_EN, "Our own words."));
  assert_only_detail (&counts, POLISI_POLICY_CHANGED_CLAUSE_TEXT, 1);
  g_assert_true (polisi_clause_state_set_text (purpose, POLISI_LANG_EN, "Our own words, and more."));
  assert_only_detail (&counts, POLISI_POLICY_CHANGED_CLAUSE_TEXT, 1);
  polisi_clause_state_confirm_translation (purpose, POLISI_LANG_CY);
  assert_only_detail (&counts, POLISI_POLICY_CHANGED_CLAUSE_TEXT, 1);

  g_assert_true (polisi_clause_state_include (board, polisi_library_lookup_clause (library, "safety.board"), TRUE,
                                             POLISI_LANG_EN, NULL));
  assert_only_detail (&counts, POLISI_POLICY_CHANGED_CLAUSES, 1);
  g_assert_true (polisi_policy_rename_clause (policy, library, "safety.board", POLISI_LANG_EN, "The board", &error));
  g_assert_no_error (error);
  assert_only_detail (&counts, POLISI_POLICY_CHANGED_CLAUSES, 1);
  {
    PolisiClauseState *own = polisi_policy_add_own_clause (policy, library, "safety", NULL, "Ein cymal", "Our clause",
                                                           "Testun â ŵ.", "Text.", &error);

    g_assert_no_error (error);
    g_assert_nonnull (own);
    assert_only_detail (&counts, POLISI_POLICY_CHANGED_CLAUSES, 1);
    g_assert_true (polisi_policy_remove_own_clause (policy, polisi_clause_state_get_id (own), &error));
    g_assert_no_error (error);
    assert_only_detail (&counts, POLISI_POLICY_CHANGED_CLAUSES, 1);
  }

  g_assert_true (polisi_policy_add_review_trigger (policy, POLISI_TRIGGER_LEGISLATION, "2026-10-01", "Deddf newydd", &error));
  g_assert_no_error (error);
  assert_only_detail (&counts, POLISI_POLICY_CHANGED_TRIGGERS, 1);
  polisi_policy_remove_review_trigger (policy, 0);
  assert_only_detail (&counts, POLISI_POLICY_CHANGED_TRIGGERS, 1);

  comment = polisi_policy_add_comment (policy, "intro.purpose", POLISI_LANG_CY, "Undeb", NULL, "Sylw.");
  assert_only_detail (&counts, POLISI_POLICY_CHANGED_COMMENTS, 1);
  g_assert_true (polisi_policy_set_comment_response (policy, comment, "Diolch.", "Pennaeth", "2026-11-02"));
  assert_only_detail (&counts, POLISI_POLICY_CHANGED_COMMENTS, 1);
  g_assert_true (polisi_policy_remove_comment (policy, comment));
  assert_only_detail (&counts, POLISI_POLICY_CHANGED_COMMENTS, 1);

  proposal = polisi_proposal_new (POLISI_PROPOSAL_INSERTION, "intro.purpose", POLISI_LANG_EN, " really", "Our own words,", " and more.");
  proposal_id = polisi_policy_add_proposal (policy, proposal);
  assert_only_detail (&counts, POLISI_POLICY_CHANGED_PROPOSALS, 1);
  g_assert_true (polisi_policy_reject_proposal (policy, proposal_id, &error));
  g_assert_no_error (error);
  assert_only_detail (&counts, POLISI_POLICY_CHANGED_PROPOSALS, 1);

  polisi_policy_add_version_record (policy, "0.9", "2026-09-01", "Y corff llywodraethu", NULL, NULL);
  assert_only_detail (&counts, POLISI_POLICY_CHANGED_VERSIONS, 1);
}

/* Adopting changes the status and the history; a change to what an adopted
 * policy says makes it a draft: "changed::status" as well as the detail
 * of the change itself. */
static void
test_changed_details_adoption (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  g_autoptr(PolisiPolicy) policy = polisi_policy_new_from_library (library, POLISI_LANGUAGE_CATEGORY_DUAL);
  g_autoptr(GError) error = NULL;
  ChangeCounts counts = { 0 };
  guint status = 0, versions = 0, text = 0;

  polisi_policy_set_name (policy, POLISI_LANG_CY, "Ysgol Gynradd Pen-y-bryn");
  polisi_policy_set_name (policy, POLISI_LANG_EN, "Pen-y-bryn Primary School");
  connect_change_counts (policy, &counts);
  g_assert_true (polisi_policy_adopt (policy, "1.0", "2026-07-10", "Y corff llywodraethu", "Polisi newydd.", "New policy.",
                                      &error));
  g_assert_no_error (error);
  for (guint i = 0; i < N_DETAILS; i++)
    if (g_str_equal (change_details[i], POLISI_POLICY_CHANGED_STATUS))
      status = counts.detail[i];
    else if (g_str_equal (change_details[i], POLISI_POLICY_CHANGED_VERSIONS))
      versions = counts.detail[i];
    else if (!g_str_equal (change_details[i], POLISI_POLICY_CHANGED_SUMMARY))
      g_assert_cmpuint (counts.detail[i], ==, 0);
  g_assert_cmpuint (status, >, 0);
  g_assert_cmpuint (versions, ==, 1);
  memset (&counts, 0, sizeof counts);

  g_assert_true (polisi_clause_state_set_text (polisi_policy_lookup_clause (policy, "intro.purpose"), POLISI_LANG_EN, "New words."));
  g_assert_cmpint (polisi_policy_get_status (policy), ==, POLISI_STATUS_DRAFT);
  for (guint i = 0; i < N_DETAILS; i++)
    if (g_str_equal (change_details[i], POLISI_POLICY_CHANGED_STATUS))
      status = counts.detail[i];
    else if (g_str_equal (change_details[i], POLISI_POLICY_CHANGED_CLAUSE_TEXT))
      text = counts.detail[i];
    else
      g_assert_cmpuint (counts.detail[i], ==, 0);
  /* the status and the version number (1.1) */
  g_assert_cmpuint (status, ==, 2);
  g_assert_cmpuint (text, >, 0);
  g_assert_cmpuint (counts.any, ==, status + text);
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

/* An edit taken back (undo, or the old words typed again) puts the two
 * languages back in step: the other language no longer waits for an
 * update that is not needed. Once the other language has been worked on,
 * or another edit has come between, it does. */
static void
test_undo_brings_back_in_step (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  g_autoptr(PolisiPolicy) policy = polisi_policy_new_from_library (library, POLISI_LANGUAGE_CATEGORY_DUAL);
  PolisiClauseState *state = polisi_policy_lookup_clause (policy, "intro.purpose");
  g_autofree char *original = g_strdup (polisi_clause_state_get_text (state, POLISI_LANG_EN));

  /* edit, then undo: back in step */
  g_assert_true (polisi_clause_state_set_text (state, POLISI_LANG_EN, "A first change."));
  g_assert_true (polisi_clause_state_get_needs_update (state, POLISI_LANG_CY));
  g_assert_true (polisi_clause_state_set_text (state, POLISI_LANG_EN, "A first change, and more."));
  g_assert_true (polisi_clause_state_get_needs_update (state, POLISI_LANG_CY));
  g_assert_true (polisi_clause_state_set_text (state, POLISI_LANG_EN, original));
  g_assert_false (polisi_clause_state_get_needs_update (state, POLISI_LANG_CY));
  g_assert_false (polisi_clause_state_get_needs_update (state, POLISI_LANG_EN));

  /* edit, the Welsh is worked on, then the English edit is taken back:
   * the Welsh may now say something else, so it stays marked */
  g_assert_true (polisi_clause_state_set_text (state, POLISI_LANG_EN, "A second change."));
  g_assert_true (polisi_clause_state_set_text (state, POLISI_LANG_CY, "Ail newid."));
  g_assert_true (polisi_clause_state_set_text (state, POLISI_LANG_EN, original));
  g_assert_true (polisi_clause_state_get_needs_update (state, POLISI_LANG_CY));

  /* confirmed: in step, and the earlier text is no longer a way back */
  polisi_clause_state_confirm_translation (state, POLISI_LANG_CY);
  g_assert_true (polisi_clause_state_set_text (state, POLISI_LANG_EN, "A third change."));
  g_assert_true (polisi_clause_state_get_needs_update (state, POLISI_LANG_CY));
  g_assert_true (polisi_clause_state_set_text (state, POLISI_LANG_EN, original));
  g_assert_false (polisi_clause_state_get_needs_update (state, POLISI_LANG_CY));
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

  g_assert_true (polisi_policy_add_review_trigger (policy, POLISI_TRIGGER_LEGISLATION, "2026-10-01",
                                                   "Online Safety Act " HOSTILE, NULL));
  g_assert_true (polisi_policy_add_review_trigger (policy, POLISI_TRIGGER_INCIDENT, "2026-03-01", NULL, NULL));
  polisi_policy_add_comment (policy, "intro.head", POLISI_LANG_CY, "Siân " HOSTILE, "2027-02-01T10:15:00.123456789",
                             "Sylw " HOSTILE "\n- pwynt un");
  polisi_policy_add_comment (policy, NULL, -1, NULL, NULL, "A general comment.");
  g_assert_true (polisi_policy_set_comment_response (policy, "c1", "Diolch " HOSTILE, "HR " HOSTILE, "2027-03-02"));
  polisi_policy_set_pending_summary (policy, POLISI_LANG_CY, "Newidiadau " HOSTILE "\n- cymal newydd");
  polisi_policy_set_pending_summary (policy, POLISI_LANG_EN, "Changes " HOSTILE "\n- a new clause");

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
  g_assert_cmpstr (polisi_policy_get_version_record (loaded, 0)->version, ==, "1.0");
  g_assert_cmpstr (polisi_policy_get_version_record (loaded, 0)->date, ==, "2025-09-01");
  g_assert_cmpstr (polisi_policy_get_version_record (loaded, 0)->approved_by, ==, "Y Corff");
  g_assert_cmpstr (polisi_policy_get_version_record (loaded, 0)->summary[POLISI_LANG_CY], ==, "Fersiwn gyntaf.");
  g_assert_null (polisi_policy_get_version_record (loaded, 1)->approved_by);
  g_assert_cmpstr (polisi_policy_get_version_record (loaded, 1)->summary[POLISI_LANG_EN], ==, "- Change one\n- Change two");

  /* review triggers, in date order, and comments with their responses */
  g_assert_cmpuint (polisi_policy_get_n_review_triggers (loaded), ==, 2);
  g_assert_cmpint (polisi_policy_get_review_trigger (loaded, 0)->kind, ==, POLISI_TRIGGER_INCIDENT);
  g_assert_null (polisi_policy_get_review_trigger (loaded, 0)->note);
  g_assert_cmpstr (polisi_policy_get_review_trigger (loaded, 1)->date, ==, "2026-10-01");
  g_assert_cmpstr (polisi_policy_get_review_trigger (loaded, 1)->note, ==, "Online Safety Act " HOSTILE);
  g_assert_cmpuint (polisi_policy_get_n_comments (loaded), ==, 2);
  {
    const PolisiComment *comment = polisi_policy_lookup_comment (loaded, "c1");
    const PolisiComment *general = polisi_policy_lookup_comment (loaded, "c2");

    g_assert_nonnull (comment);
    g_assert_cmpstr (comment->clause_id, ==, "intro.head");
    g_assert_cmpstr (comment->version, ==, "2.3");
    g_assert_cmpint (comment->lang, ==, POLISI_LANG_CY);
    g_assert_cmpstr (comment->author, ==, "Siân " HOSTILE);
    g_assert_cmpstr (comment->date, ==, "2027-02-01T10:15:00");
    g_assert_cmpstr (comment->body, ==, "Sylw " HOSTILE "\n- pwynt un");
    g_assert_cmpstr (comment->response, ==, "Diolch " HOSTILE);
    g_assert_cmpstr (comment->response_author, ==, "HR " HOSTILE);
    g_assert_cmpstr (comment->response_date, ==, "2027-03-02");
    g_assert_nonnull (general);
    g_assert_null (general->clause_id);
    g_assert_cmpint (general->lang, ==, -1);
    g_assert_null (general->author);
    g_assert_null (general->response);
  }

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
  const char *examples[] = { "primary-england.polisi", "secondary-wales.polisi", "secondary-wales-adopted.polisi" };

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

/* A consultation draft, never adopted, with a closing date and a review
 * date set by hand. */
static PolisiPolicy *
draft_policy (PolisiLanguageCategory category)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  PolisiPolicy *policy = polisi_policy_new_from_library (library, category);

  polisi_policy_set_status (policy, POLISI_STATUS_CONSULTATION);
  polisi_policy_set_closing_date (policy, "2026-06-30");
  polisi_policy_set_review_date_override (policy, "2026-05-01");
  return policy;
}

static void
test_adopt (void)
{
  g_autoptr(PolisiPolicy) policy = draft_policy (POLISI_LANGUAGE_CATEGORY_DUAL);
  g_autoptr(GError) error = NULL;
  g_autofree char *suggested = NULL;
  g_autofree char *suggested_major = NULL;
  g_autofree char *iso = NULL;
  const PolisiVersionRecord *record;
  GDate date;

  /* a first adoption is 1.0 */
  suggested = polisi_policy_suggest_version (policy, FALSE);
  g_assert_cmpstr (suggested, ==, "1.0");
  g_assert_true (polisi_policy_adopt (policy, NULL, "2026-07-10", "Y Corff Llywodraethu",
                                      "Polisi newydd.", "New policy.", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (polisi_policy_get_version (policy), ==, "1.0");
  g_assert_cmpint (polisi_policy_get_status (policy), ==, POLISI_STATUS_ADOPTED);
  g_assert_cmpstr (polisi_policy_get_adoption_date (policy), ==, "2026-07-10");
  g_assert_cmpstr (polisi_policy_get_approved_by (policy), ==, "Y Corff Llywodraethu");
  /* the consultation's closing date and the review date set by hand went
   * with the old cycle */
  g_assert_null (polisi_policy_get_closing_date (policy));
  g_assert_null (polisi_policy_get_review_date_override (policy));
  g_assert_true (polisi_policy_get_review_date (policy, &date));
  iso = polisi_date_to_iso (&date);
  g_assert_cmpstr (iso, ==, "2027-07-10");
  g_assert_cmpuint (polisi_policy_get_n_versions (policy), ==, 1);
  record = polisi_policy_get_version_record (policy, 0);
  g_assert_cmpstr (record->version, ==, "1.0");
  g_assert_cmpstr (record->date, ==, "2026-07-10");
  g_assert_cmpstr (record->approved_by, ==, "Y Corff Llywodraethu");
  g_assert_cmpstr (record->summary[POLISI_LANG_CY], ==, "Polisi newydd.");
  g_assert_cmpstr (record->summary[POLISI_LANG_EN], ==, "New policy.");

  /* the next: a minor or a major change */
  g_clear_pointer (&suggested, g_free);
  suggested = polisi_policy_suggest_version (policy, FALSE);
  suggested_major = polisi_policy_suggest_version (policy, TRUE);
  g_assert_cmpstr (suggested, ==, "1.1");
  g_assert_cmpstr (suggested_major, ==, "2.0");

  /* a draft numbered ahead keeps its number */
  polisi_policy_set_status (policy, POLISI_STATUS_CONSULTATION);
  polisi_policy_set_version (policy, "1.5");
  g_clear_pointer (&suggested, g_free);
  suggested = polisi_policy_suggest_version (policy, FALSE);
  g_assert_cmpstr (suggested, ==, "1.5");
  g_assert_true (polisi_policy_adopt (policy, NULL, "2027-07-01", "Pwyllgor",
                                      "- Newid un\n- Newid dau", "- Change one\n- Change two", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (polisi_policy_get_version (policy), ==, "1.5");
  g_assert_cmpstr (polisi_policy_get_last_adopted_version (policy), ==, "1.5");

  /* versions compare as numbers: 1.10 is after 1.9 */
  g_assert_true (polisi_policy_adopt (policy, "1.9", "2027-08-01", "Pwyllgor", "Naw.", "Nine.", &error));
  g_assert_true (polisi_policy_adopt (policy, "1.10", "2027-09-01", "Pwyllgor", "Deg.", "Ten.", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (polisi_policy_get_last_adopted_version (policy), ==, "1.10");
  g_assert_cmpuint (polisi_policy_get_n_versions (policy), ==, 4);
}

static void
test_adopt_refusals (void)
{
  g_autoptr(PolisiPolicy) policy = draft_policy (POLISI_LANGUAGE_CATEGORY_WELSH);
  g_autoptr(PolisiPolicy) england = draft_policy (POLISI_LANGUAGE_CATEGORY_ENGLISH);
  g_autoptr(GBytes) before = NULL;
  struct {
    const char *version;
    const char *date;
    const char *approved_by;
    const char *summary_cy;
    const char *summary_en;
    const char *expected;
  } cases[] = {
    { "1.0", "2026-07-10", "Y Corff", "Newydd.", "", "summary of changes in English is empty" },
    { "1.0", "2026-07-10", "Y Corff", "Newydd.", NULL, "summary of changes in English is empty" },
    { "1.0", "2026-07-10", "Y Corff", " \n ", "New.", "in Welsh is empty" },
    { "1.0", "2026-07-10", "Y Corff", NULL, "New.", "in Welsh is empty" },
    { "1.0", "2026-07-10", "", "Newydd.", "New.", "who approved" },
    { "1.0", "2026-07-10", NULL, "Newydd.", "New.", "who approved" },
    { "one", "2026-07-10", "Y Corff", "Newydd.", "New.", "not a version number" },
    { "1.0.1", "2026-07-10", "Y Corff", "Newydd.", "New.", "not a version number" },
    { "0.9", "2026-07-10", "Y Corff", "Newydd.", "New.", "starts at version 1.0" },
    { "1.0", "2026-02-30", "Y Corff", "Newydd.", "New.", "not a valid date" },
    { "1.0", "10/07/2026", "Y Corff", "Newydd.", "New.", "YYYY-MM-DD" },
  };
  g_autoptr(GError) error = NULL;

  before = polisi_policy_to_bytes (policy);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) after = NULL;

      g_test_message ("case %u", i);
      g_assert_false (polisi_policy_adopt (policy, cases[i].version, cases[i].date, cases[i].approved_by,
                                           cases[i].summary_cy, cases[i].summary_en, &error));
      g_assert_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE);
      if (strstr (error->message, cases[i].expected) == NULL)
        g_error ("“%s” does not say “%s”", error->message, cases[i].expected);
      g_clear_error (&error);

      /* refused: the policy is as it was */
      after = polisi_policy_to_bytes (policy);
      g_assert_true (g_bytes_equal (before, after));
    }

  /* outside Wales, English is enough */
  g_assert_true (polisi_policy_adopt (england, "1.0", "2026-07-10", "The governors", NULL, "New policy.", &error));
  g_assert_no_error (error);

  /* after an adoption: not the same number again, nor a lower one, nor an
   * earlier date */
  g_assert_true (polisi_policy_adopt (policy, "2.0", "2026-07-10", "Y Corff", "Newydd.", "New.", &error));
  g_assert_no_error (error);
  g_assert_false (polisi_policy_adopt (policy, "2.0", "2027-07-10", "Y Corff", "Eto.", "Again.", &error));
  g_assert_nonnull (strstr (error->message, "already"));
  g_assert_nonnull (strstr (error->message, "2.1"));
  g_clear_error (&error);
  g_assert_false (polisi_policy_adopt (policy, "1.9", "2027-07-10", "Y Corff", "Eto.", "Again.", &error));
  g_assert_nonnull (strstr (error->message, "lower than version 2.0"));
  g_clear_error (&error);
  g_assert_false (polisi_policy_adopt (policy, "2.1", "2026-07-09", "Y Corff", "Eto.", "Again.", &error));
  g_assert_nonnull (strstr (error->message, "before the adoption of version 2.0"));
  g_clear_error (&error);
  g_assert_cmpuint (polisi_policy_get_n_versions (policy), ==, 1);
}

static char *
review_iso (PolisiPolicy               *policy,
            const PolisiReviewTrigger **trigger)
{
  GDate date;

  if (!polisi_policy_get_review_due (policy, &date, trigger))
    return NULL;
  return polisi_date_to_iso (&date);
}

/* The review date across cycles, month ends and leap years, and with
 * triggers. */
static void
test_review_due (void)
{
  struct {
    const char *adopted;
    guint       cycle;
    const char *expected;
  } cycles[] = {
    { "2026-09-01", 12, "2027-09-01" },
    { "2026-09-01", 6, "2027-03-01" },
    { "2026-09-01", 24, "2028-09-01" },
    { "2026-09-01", 1, "2026-10-01" },
    { "2026-09-01", 120, "2036-09-01" },
    /* the last day of a longer month: the last day of the shorter one */
    { "2026-08-31", 6, "2027-02-28" },
    { "2027-08-31", 6, "2028-02-29" },
    { "2026-03-31", 1, "2026-04-30" },
    { "2026-01-31", 13, "2027-02-28" },
    /* 29 February, a year on, and four years on */
    { "2028-02-29", 12, "2029-02-28" },
    { "2028-02-29", 48, "2032-02-29" },
    { "2028-02-28", 12, "2029-02-28" },
    /* over the end of a year */
    { "2026-12-31", 2, "2027-02-28" },
  };
  g_autoptr(PolisiPolicy) policy = polisi_policy_new ();
  const PolisiReviewTrigger *trigger = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cycles); i++)
    {
      g_autofree char *due = NULL;

      polisi_policy_set_adoption_date (policy, cycles[i].adopted);
      polisi_policy_set_review_cycle (policy, cycles[i].cycle);
      due = review_iso (policy, &trigger);
      g_test_message ("%s + %u months", cycles[i].adopted, cycles[i].cycle);
      g_assert_cmpstr (due, ==, cycles[i].expected);
      g_assert_null (trigger);
    }

  polisi_policy_set_adoption_date (policy, "2026-09-01");
  polisi_policy_set_review_cycle (policy, 12);

  /* a trigger dated before the adoption was dealt with by it */
  g_assert_true (polisi_policy_add_review_trigger (policy, POLISI_TRIGGER_GUIDANCE, "2026-08-01", "Old guidance", &error));
  g_assert_true (polisi_policy_add_review_trigger (policy, POLISI_TRIGGER_CASE_LAW, "2026-09-01", NULL, &error));
  iso = review_iso (policy, &trigger);
  g_assert_cmpstr (iso, ==, "2027-09-01");
  g_assert_null (trigger);
  g_assert_null (polisi_policy_get_pending_trigger (policy));

  /* one after it makes the review due from its date */
  g_assert_true (polisi_policy_add_review_trigger (policy, POLISI_TRIGGER_LEGISLATION, "2027-01-15", "New Act", &error));
  g_assert_true (polisi_policy_add_review_trigger (policy, POLISI_TRIGGER_INCIDENT, "2026-11-20", "An incident", &error));
  g_assert_no_error (error);
  g_clear_pointer (&iso, g_free);
  iso = review_iso (policy, &trigger);
  g_assert_cmpstr (iso, ==, "2026-11-20");
  g_assert_nonnull (trigger);
  g_assert_cmpint (trigger->kind, ==, POLISI_TRIGGER_INCIDENT);
  g_assert_cmpstr (trigger->note, ==, "An incident");
  /* the triggers are kept in date order */
  g_assert_cmpstr (polisi_policy_get_review_trigger (policy, 0)->date, ==, "2026-08-01");
  g_assert_cmpstr (polisi_policy_get_review_trigger (policy, 3)->date, ==, "2027-01-15");

  /* a date set by hand later than the trigger does not hide it; an
   * earlier one wins */
  polisi_policy_set_review_date_override (policy, "2027-06-01");
  g_clear_pointer (&iso, g_free);
  iso = review_iso (policy, &trigger);
  g_assert_cmpstr (iso, ==, "2026-11-20");
  polisi_policy_set_review_date_override (policy, "2026-10-01");
  g_clear_pointer (&iso, g_free);
  iso = review_iso (policy, &trigger);
  g_assert_cmpstr (iso, ==, "2026-10-01");
  g_assert_null (trigger);
  polisi_policy_set_review_date_override (policy, NULL);

  /* a trigger in the future, earlier than the cycle's date */
  polisi_policy_remove_review_trigger (policy, 1);  /* 2026-09-01 */
  polisi_policy_remove_review_trigger (policy, 1);  /* 2026-11-20 */
  g_clear_pointer (&iso, g_free);
  iso = review_iso (policy, &trigger);
  g_assert_cmpstr (iso, ==, "2027-01-15");
  g_assert_cmpstr (trigger->note, ==, "New Act");

  /* adopting again deals with it */
  g_assert_true (polisi_policy_adopt (policy, "1.1", "2027-02-01", "Y Corff", "Adolygiad.", "Review.", &error));
  g_assert_no_error (error);
  g_clear_pointer (&iso, g_free);
  iso = review_iso (policy, &trigger);
  g_assert_cmpstr (iso, ==, "2028-02-01");
  g_assert_null (trigger);
  g_assert_cmpuint (polisi_policy_get_n_review_triggers (policy), ==, 2);

  /* a bad date is refused */
  g_assert_false (polisi_policy_add_review_trigger (policy, POLISI_TRIGGER_LEGISLATION, "2027-13-01", NULL, &error));
  g_assert_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE);
  g_assert_cmpuint (polisi_policy_get_n_review_triggers (policy), ==, 2);
}

static void
test_comments (void)
{
  g_autoptr(PolisiPolicy) policy = polisi_policy_new ();
  g_autoptr(GPtrArray) current = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) on_clause = NULL;
  g_autoptr(GPtrArray) general = NULL;
  const char *first, *second;

  polisi_policy_set_version (policy, "1.1");
  first = polisi_policy_add_comment (policy, "intro.head", POLISI_LANG_EN, "  Tom   Price ", "2027-02-01", "  One\n\n- two ");
  g_assert_cmpstr (first, ==, "c1");
  second = polisi_policy_add_comment (policy, NULL, -1, "Siân", "2027-02-02T09:00:00Z", "General.");
  g_assert_cmpstr (second, ==, "c2");
  g_assert_cmpstr (polisi_policy_lookup_comment (policy, "c1")->author, ==, "Tom Price");
  g_assert_cmpstr (polisi_policy_lookup_comment (policy, "c1")->body, ==, "One\n- two");
  g_assert_cmpstr (polisi_policy_lookup_comment (policy, "c2")->date, ==, "2027-02-02T09:00:00");

  /* a response, then a change of mind */
  g_assert_true (polisi_policy_set_comment_response (policy, "c1", "Agreed.", "HR", "2027-03-01"));
  g_assert_cmpstr (polisi_policy_lookup_comment (policy, "c1")->response, ==, "Agreed.");
  g_assert_false (polisi_policy_set_comment_response (policy, "c1", "Agreed.", "HR", "1 March"));
  g_assert_false (polisi_policy_set_comment_response (policy, "c9", "Agreed.", "HR", NULL));
  g_assert_true (polisi_policy_set_comment_response (policy, "c1", "", NULL, NULL));
  g_assert_null (polisi_policy_lookup_comment (policy, "c1")->response);

  /* comments belong to the version they were made on */
  polisi_policy_set_version (policy, "1.2");
  polisi_policy_add_comment (policy, "intro.head", POLISI_LANG_CY, "Siân", NULL, "Ail rownd.");
  current = polisi_policy_list_comments (policy, NULL, NULL);
  all = polisi_policy_list_comments (policy, "", NULL);
  on_clause = polisi_policy_list_comments (policy, "", "intro.head");
  general = polisi_policy_list_comments (policy, "1.1", "");
  g_assert_cmpuint (current->len, ==, 1);
  g_assert_cmpstr (((PolisiComment *) current->pdata[0])->id, ==, "c3");
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpuint (on_clause->len, ==, 2);
  g_assert_cmpuint (general->len, ==, 1);
  g_assert_cmpstr (((PolisiComment *) general->pdata[0])->id, ==, "c2");

  g_assert_true (polisi_policy_remove_comment (policy, "c2"));
  g_assert_false (polisi_policy_remove_comment (policy, "c2"));
  g_assert_cmpuint (polisi_policy_get_n_comments (policy), ==, 2);
  /* ids are not reused */
  g_assert_cmpstr (polisi_policy_add_comment (policy, NULL, -1, NULL, NULL, "Another."), ==, "c4");
}

/* The adopted example: a year of review, with its history, triggers and
 * answered comments. */
static void
test_adopted_example (void)
{
  g_autoptr(PolisiPolicy) policy = polisi_test_load_example ("secondary-wales-adopted.polisi");
  g_autoptr(GPtrArray) comments = polisi_policy_list_comments (policy, NULL, NULL);
  const PolisiReviewTrigger *trigger = NULL;
  g_autofree char *due = NULL;
  GDate date;

  g_assert_cmpint (polisi_policy_get_status (policy), ==, POLISI_STATUS_ADOPTED);
  g_assert_cmpstr (polisi_policy_get_version (policy), ==, "1.1");
  g_assert_cmpuint (polisi_policy_get_n_versions (policy), ==, 2);
  g_assert_cmpstr (polisi_policy_get_last_adopted_version (policy), ==, "1.1");
  g_assert_cmpuint (polisi_policy_get_n_review_triggers (policy), ==, 2);
  g_assert_null (polisi_policy_get_pending_trigger (policy));
  g_assert_true (polisi_policy_get_review_due (policy, &date, &trigger));
  due = polisi_date_to_iso (&date);
  g_assert_cmpstr (due, ==, "2027-07-10");
  g_assert_cmpuint (comments->len, ==, 3);
  for (guint i = 0; i < comments->len; i++)
    g_assert_nonnull (((PolisiComment *) comments->pdata[i])->response);
}

/* Reopening an adopted policy as a draft makes it the draft of the next
 * version; a draft already numbered on its own keeps its number. */
static void
test_open_draft (void)
{
  g_autoptr(PolisiPolicy) policy = polisi_test_load_example ("secondary-wales-adopted.polisi");
  g_autoptr(GPtrArray) comments = NULL;

  g_assert_true (polisi_policy_open_draft (policy, POLISI_STATUS_CONSULTATION));
  g_assert_cmpint (polisi_policy_get_status (policy), ==, POLISI_STATUS_CONSULTATION);
  g_assert_cmpstr (polisi_policy_get_version (policy), ==, "1.2");
  g_assert_cmpstr (polisi_policy_get_last_adopted_version (policy), ==, "1.1");
  /* the comments on 1.1 are not this draft's */
  comments = polisi_policy_list_comments (policy, NULL, NULL);
  g_assert_cmpuint (comments->len, ==, 0);

  /* out of consultation at once, its text unchanged: the adopted 1.1 again */
  g_assert_true (polisi_policy_close_draft (policy));
  g_assert_cmpint (polisi_policy_get_status (policy), ==, POLISI_STATUS_ADOPTED);
  g_assert_cmpstr (polisi_policy_get_version (policy), ==, "1.1");
  g_assert_false (polisi_policy_close_draft (policy));
  g_assert_cmpint (polisi_policy_get_status (policy), ==, POLISI_STATUS_ADOPTED);

  /* ... but a draft once its text has changed, keeping its number */
  g_assert_true (polisi_policy_open_draft (policy, POLISI_STATUS_CONSULTATION));
  polisi_policy_set_name (policy, POLISI_LANG_EN, "Renamed School");
  g_assert_true (polisi_policy_get_content_changed (policy));
  g_assert_false (polisi_policy_close_draft (policy));
  g_assert_cmpint (polisi_policy_get_status (policy), ==, POLISI_STATUS_DRAFT);
  g_assert_cmpstr (polisi_policy_get_version (policy), ==, "1.2");
  g_clear_object (&policy);

  /* a consultation draft read from a file: what it was opened from is not
   * in the file, so it is a draft */
  policy = polisi_test_load_example ("secondary-wales-adopted.polisi");
  g_assert_true (polisi_policy_open_draft (policy, POLISI_STATUS_CONSULTATION));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = polisi_policy_to_bytes (policy);
    g_autoptr(PolisiPolicy) reread = polisi_policy_load_bytes (bytes, "draft.polisi", &error);

    g_assert_no_error (error);
    g_assert_false (polisi_policy_close_draft (reread));
    g_assert_cmpint (polisi_policy_get_status (reread), ==, POLISI_STATUS_DRAFT);
    g_assert_cmpstr (polisi_policy_get_version (reread), ==, "1.2");
  }

  /* back to a plain draft: still 1.2 */
  g_assert_false (polisi_policy_open_draft (policy, POLISI_STATUS_DRAFT));
  g_assert_cmpstr (polisi_policy_get_version (policy), ==, "1.2");

  /* the pending summary (the summary of changes of the next version): blank is none; adoption takes it into
   * the history and clears it */
  polisi_policy_set_pending_summary (policy, POLISI_LANG_EN, "  \n ");
  g_assert_null (polisi_policy_get_pending_summary (policy, POLISI_LANG_EN));
  polisi_policy_set_pending_summary (policy, POLISI_LANG_CY, "Adolygiad blynyddol.");
  polisi_policy_set_pending_summary (policy, POLISI_LANG_EN, "Annual review.");
  g_assert_cmpstr (polisi_policy_get_pending_summary (policy, POLISI_LANG_EN), ==, "Annual review.");
  g_assert_true (polisi_policy_adopt (policy, NULL, "2027-07-01", "The governors",
                                      polisi_policy_get_pending_summary (policy, POLISI_LANG_CY),
                                      polisi_policy_get_pending_summary (policy, POLISI_LANG_EN), NULL));
  g_assert_cmpstr (polisi_policy_get_version_record (policy, polisi_policy_get_n_versions (policy) - 1)->summary[POLISI_LANG_EN],
                   ==, "Annual review.");
  g_assert_null (polisi_policy_get_pending_summary (policy, POLISI_LANG_CY));
  g_assert_null (polisi_policy_get_pending_summary (policy, POLISI_LANG_EN));

  /* a draft numbered 2.0 by hand before it was reopened keeps 2.0 */
  g_clear_object (&policy);
  policy = polisi_test_load_example ("secondary-wales-adopted.polisi");
  polisi_policy_set_version (policy, "2.0");
  g_assert_false (polisi_policy_open_draft (policy, POLISI_STATUS_CONSULTATION));
  g_assert_cmpstr (polisi_policy_get_version (policy), ==, "2.0");
}

/* Every property of a policy: set to a new value it notifies once and
 * reads back; set to the same value it does not notify. */
static void
test_policy_properties (void)
{
  PolisiPolicy *policy = polisi_policy_new ();

  polisi_test_assert_explicit_notify (POLISI_TYPE_POLICY);
  polisi_test_check_string (policy, "name-cy", "Ysgol " POLISI_TEST_WELSH_LETTERS);
  polisi_test_check_string (policy, "name-en", "School " POLISI_TEST_WELSH_LETTERS);
  polisi_test_check_enum (policy, "organisation-type", POLISI_ORGANISATION_SECONDARY);
  polisi_test_check_enum (policy, "language-category", POLISI_LANGUAGE_CATEGORY_WELSH);
  polisi_test_check_string (policy, "version", "2.3");
  polisi_test_check_string (policy, "adoption-date", "2026-09-01");
  polisi_test_check_string (policy, "closing-date", "2027-02-26");
  polisi_test_check_uint (policy, "review-cycle", 24);
  polisi_test_check_enum (policy, "status", POLISI_STATUS_CONSULTATION);

  g_assert_cmpstr (polisi_policy_get_name (policy, POLISI_LANG_CY), ==, "Ysgol " POLISI_TEST_WELSH_LETTERS);
  g_assert_cmpstr (polisi_policy_get_version (policy), ==, "2.3");
  g_assert_cmpuint (polisi_policy_get_review_cycle (policy), ==, 24);
  g_assert_finalize_object (policy);
}

/* A clause's state: made, changed and freed; what can be set notifies
 * once on a real change and never on the same value; what follows from
 * an edit (the other language needing an update) notifies when it
 * changes. */
static void
test_clause_state_object (void)
{
  PolisiClauseState *state = polisi_clause_state_new ("intro.head");
  PolisiTestNotify needs_update_cy, declined, kept;

  polisi_test_assert_explicit_notify (POLISI_TYPE_CLAUSE_STATE);
  g_assert_cmpstr (polisi_clause_state_get_id (state), ==, "intro.head");
  polisi_test_check_boolean (state, "included", TRUE);
  polisi_test_check_string (state, "text-cy", "Testun ŵ ŷ");
  g_assert_true (polisi_clause_state_get_needs_update (state, POLISI_LANG_EN));
  polisi_clause_state_confirm_translation (state, POLISI_LANG_EN);

  /* an edit of the English makes the Welsh need an update, once */
  polisi_test_notify_watch (&needs_update_cy, state, "needs-update-cy");
  polisi_test_check_string (state, "text-en", "Text one");
  g_assert_cmpuint (needs_update_cy.count, ==, 1);
  g_assert_true (polisi_clause_state_get_needs_update (state, POLISI_LANG_CY));
  polisi_clause_state_set_text (state, POLISI_LANG_EN, "Text two");
  g_assert_cmpuint (needs_update_cy.count, ==, 1);
  polisi_clause_state_confirm_translation (state, POLISI_LANG_CY);
  polisi_clause_state_confirm_translation (state, POLISI_LANG_CY);
  g_assert_cmpuint (needs_update_cy.count, ==, 2);
  g_assert_false (polisi_clause_state_get_needs_update (state, POLISI_LANG_CY));
  polisi_test_notify_unwatch (&needs_update_cy);

  polisi_test_notify_watch (&declined, state, "declined-version");
  polisi_clause_state_set_declined_version (state, 3);
  polisi_clause_state_set_declined_version (state, 3);
  g_assert_cmpuint (declined.count, ==, 1);
  g_assert_cmpuint (polisi_clause_state_get_declined_version (state), ==, 3);
  polisi_test_notify_unwatch (&declined);

  polisi_test_notify_watch (&kept, state, "kept-withdrawn");
  polisi_clause_state_set_kept_withdrawn (state, TRUE);
  polisi_clause_state_set_kept_withdrawn (state, TRUE);
  g_assert_cmpuint (kept.count, ==, 1);
  g_assert_true (polisi_clause_state_get_kept_withdrawn (state));
  polisi_test_notify_unwatch (&kept);

  g_assert_finalize_object (state);
}

/* A comment: made by its policy, read through its properties, outliving
 * the policy while someone holds it; its response, the response's author
 * and date each notify once when they change, and not when set again. */
static void
test_comment_object (void)
{
  PolisiPolicy *policy = polisi_policy_new ();
  const char *id;
  PolisiComment *comment;
  PolisiTestNotify response, author, date;
  g_autofree char *body = NULL;
  g_autofree char *clause_id = NULL;
  g_autofree char *read = NULL;
  int lang;

  polisi_test_assert_explicit_notify (POLISI_TYPE_COMMENT);
  polisi_policy_set_version (policy, "1.1");
  id = polisi_policy_add_comment (policy, "intro.head", POLISI_LANG_CY, "Undeb", "2027-02-01", "Sylw ŵ ŷ");
  comment = g_list_model_get_item (polisi_policy_get_comments (policy), 0);
  g_object_get (comment, "body", &body, "clause-id", &clause_id, "lang", &lang, NULL);
  g_assert_cmpstr (body, ==, "Sylw ŵ ŷ");
  g_assert_cmpstr (clause_id, ==, "intro.head");
  g_assert_cmpint (lang, ==, POLISI_LANG_CY);
  g_assert_cmpstr (comment->version, ==, "1.1");

  polisi_test_notify_watch (&response, comment, "response");
  polisi_test_notify_watch (&author, comment, "response-author");
  polisi_test_notify_watch (&date, comment, "response-date");
  g_assert_true (polisi_policy_set_comment_response (policy, id, "Diolch.", "Pennaeth", "2027-03-01"));
  g_assert_cmpuint (response.count, ==, 1);
  g_assert_cmpuint (author.count, ==, 1);
  g_assert_cmpuint (date.count, ==, 1);
  g_object_get (comment, "response-author", &read, NULL);
  g_assert_cmpstr (read, ==, "Pennaeth");
  /* the same again: nothing */
  g_assert_true (polisi_policy_set_comment_response (policy, id, "Diolch.", "Pennaeth", "2027-03-01"));
  g_assert_cmpuint (response.count + author.count + date.count, ==, 3);
  /* only the text changes: only the response notifies */
  g_assert_true (polisi_policy_set_comment_response (policy, id, "Diolch yn fawr.", "Pennaeth", "2027-03-01"));
  g_assert_cmpuint (response.count, ==, 2);
  g_assert_cmpuint (author.count, ==, 1);
  g_assert_cmpuint (date.count, ==, 1);
  polisi_test_notify_unwatch (&response);
  polisi_test_notify_unwatch (&author);
  polisi_test_notify_unwatch (&date);

  g_assert_finalize_object (policy);
  g_assert_cmpstr (comment->response, ==, "Diolch yn fawr.");
  g_assert_finalize_object (comment);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/policy/new-from-library", test_new_from_library);
  g_test_add_func ("/policy/nation", test_nation);
  g_test_add_func ("/policy/translation-state", test_translation_state);
  g_test_add_func ("/policy/undo-brings-back-in-step", test_undo_brings_back_in_step);
  g_test_add_func ("/policy/answers", test_answers);
  g_test_add_func ("/policy/review-date", test_review_date);
  g_test_add_func ("/policy/review-due", test_review_due);
  g_test_add_func ("/policy/adopt", test_adopt);
  g_test_add_func ("/policy/adopt-refusals", test_adopt_refusals);
  g_test_add_func ("/policy/comments", test_comments);
  g_test_add_func ("/policy/round-trip", test_round_trip);
  g_test_add_func ("/policy/round-trip-builtin", test_round_trip_builtin);
  g_test_add_func ("/policy/examples", test_examples_load);
  g_test_add_func ("/policy/adopted-example", test_adopted_example);
  g_test_add_func ("/policy/properties", test_policy_properties);
  g_test_add_func ("/policy/clause-state-object", test_clause_state_object);
  g_test_add_func ("/policy/comment-object", test_comment_object);
  g_test_add_func ("/policy/open-draft", test_open_draft);
  g_test_add_func ("/policy/changed-details", test_changed_details);
  g_test_add_func ("/policy/clause-edit-emits-once", test_clause_edit_emits_once);
  g_test_add_func ("/policy/changed-details-adoption", test_changed_details_adoption);

  return g_test_run ();
}
