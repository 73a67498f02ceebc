/* test-proposal.c: changes proposed with track changes on
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where a proposed change goes: found by the text either side of it, cut
 * back where the draft showed a placeholder filled in; refused when its
 * place is not in the clause, or is there more than once. Accepting edits
 * the clause (the other language then needs an update) and removes the
 * proposal; rejecting removes it and leaves the text; neither touches
 * anything when refused. Proposals with tabs, line breaks, quotes and
 * every Welsh letter go through a .polisi file unchanged.
 */
#include "config.h"

#include <string.h>

#include "polisi-error.h"
#include "polisi-policy-io.h"
#include "polisi-proposal.h"
#include "polisi-test-utils.h"

static char *
apply (PolisiProposalKind  kind,
       const char         *text,
       const char         *before,
       const char         *after,
       const char         *clause_text)
{
  g_autoptr(PolisiProposal) proposal = polisi_proposal_new (kind, "intro.head", POLISI_LANG_EN, text, before, after);

  return polisi_proposal_apply (proposal, clause_text);
}

static void
test_place (void)
{
  struct {
    PolisiProposalKind  kind;
    const char         *text, *before, *after, *clause, *expected;
  } cases[] = {
    /* the whole context */
    { POLISI_PROPOSAL_INSERTION, "always ", "We ", "follow the guidance.", "We follow the guidance.",
      "We always follow the guidance." },
    { POLISI_PROPOSAL_DELETION, "yn dilyn ", "Rydym ", "Cadw dysgwyr yn ddiogel.", "Rydym yn dilyn Cadw dysgwyr yn ddiogel.",
      "Rydym Cadw dysgwyr yn ddiogel." },
    /* a placeholder filled in on one side: that side is cut back */
    { POLISI_PROPOSAL_INSERTION, "fawr ", "Mae Ysgol y Berllan yn croesawu'r ", "cyfleoedd a ddaw",
      "Mae {organisation} yn croesawu'r cyfleoedd a ddaw.", "Mae {organisation} yn croesawu'r fawr cyfleoedd a ddaw." },
    /* on a later line of the clause, a list item */
    { POLISI_PROPOSAL_INSERTION, "ac ŵyr ", "adolygu'r polisi ", "erbyn 1 Medi.",
      "Mae'r pennaeth yn gyfrifol am:\n- ddiogelu;\n- adolygu'r polisi erbyn 1 Medi.",
      "Mae'r pennaeth yn gyfrifol am:\n- ddiogelu;\n- adolygu'r polisi ac ŵyr erbyn 1 Medi." },
    /* the deleted text alone is enough when it is there once */
    { POLISI_PROPOSAL_DELETION, "Ŷ ẁ ẃ", "something else ", "", "Geiriau Ŷ ẁ ẃ eraill.", "Geiriau  eraill." },
    /* more than once: refused */
    { POLISI_PROPOSAL_INSERTION, "x", "a ", "b", "a b a b", NULL },
    { POLISI_PROPOSAL_DELETION, "b", "", "", "a b a b", NULL },
    /* not there at all */
    { POLISI_PROPOSAL_DELETION, "gone", "text that ", " was here", "Other text entirely.", NULL },
    { POLISI_PROPOSAL_INSERTION, "x", "zz", "qq", "Other text entirely.", NULL },
    /* an empty clause takes what is inserted; a full one with no context does not */
    { POLISI_PROPOSAL_INSERTION, "New text.", "", "", "", "New text." },
    { POLISI_PROPOSAL_INSERTION, "New text.", "", "", "Some text.", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = apply (cases[i].kind, cases[i].text, cases[i].before, cases[i].after, cases[i].clause);

      g_test_message ("case %u", i);
      g_assert_cmpstr (result, ==, cases[i].expected);
    }
}

static PolisiPolicy *
make_policy (PolisiLibrary *library)
{
  PolisiPolicy *policy = polisi_policy_new_from_library (library, POLISI_LANGUAGE_CATEGORY_DUAL);

  polisi_clause_state_set_text (polisi_policy_lookup_clause (policy, "safety.guidance"), POLISI_LANG_EN,
                                "We follow Keeping learners safe.");
  polisi_clause_state_confirm_translation (polisi_policy_lookup_clause (policy, "safety.guidance"), POLISI_LANG_CY);
  return policy;
}

static void
test_accept_reject (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  g_autoptr(PolisiPolicy) policy = make_policy (library);
  PolisiClauseState *state = polisi_policy_lookup_clause (policy, "safety.guidance");
  g_autoptr(PolisiProposal) always = polisi_proposal_new (POLISI_PROPOSAL_INSERTION, "safety.guidance", POLISI_LANG_EN,
                                                          "always ", "We ", "follow Keeping");
  g_autoptr(PolisiProposal) never = polisi_proposal_new (POLISI_PROPOSAL_INSERTION, "safety.guidance", POLISI_LANG_EN,
                                                         "never ", "We ", "follow Keeping");
  g_autoptr(PolisiProposal) stale = polisi_proposal_new (POLISI_PROPOSAL_DELETION, "safety.guidance", POLISI_LANG_EN,
                                                         "Keeping ", "We follow ", "learners");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  const char *always_id, *never_id, *stale_id;

  g_assert_false (polisi_clause_state_get_needs_update (state, POLISI_LANG_CY));
  always_id = polisi_policy_add_proposal (policy, always);
  never_id = polisi_policy_add_proposal (policy, never);
  stale_id = polisi_policy_add_proposal (policy, stale);
  g_assert_cmpstr (always_id, ==, "p1");
  g_assert_cmpstr (never_id, ==, "p2");
  g_assert_cmpuint (g_list_model_get_n_items (polisi_policy_get_proposals (policy)), ==, 3);

  /* accepted: the English is edited, the Welsh needs an update */
  g_assert_true (polisi_policy_accept_proposal (policy, "p1", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (polisi_clause_state_get_text (state, POLISI_LANG_EN), ==, "We always follow Keeping learners safe.");
  g_assert_true (polisi_clause_state_get_edited (state, POLISI_LANG_EN));
  g_assert_true (polisi_clause_state_get_needs_update (state, POLISI_LANG_CY));
  g_assert_null (polisi_policy_lookup_proposal (policy, "p1"));

  /* rejected: the text stays */
  g_assert_true (polisi_policy_reject_proposal (policy, never_id, &error));
  g_assert_cmpstr (polisi_clause_state_get_text (state, POLISI_LANG_EN), ==, "We always follow Keeping learners safe.");
  g_assert_null (polisi_policy_lookup_proposal (policy, "p2"));

  /* its place is gone since the clause was edited: refused, nothing
   * changed, the proposal kept for the author to make by hand */
  polisi_clause_state_set_text (state, POLISI_LANG_EN, "We follow the guidance.");
  before = polisi_policy_to_bytes (policy);
  g_assert_false (polisi_policy_accept_proposal (policy, stale_id, &error));
  g_assert_error (error, POLISI_ERROR, POLISI_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "by hand"));
  g_clear_error (&error);
  after = polisi_policy_to_bytes (policy);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_nonnull (polisi_policy_lookup_proposal (policy, stale_id));

  /* no such proposal */
  g_assert_false (polisi_policy_accept_proposal (policy, "p9", &error));
  g_assert_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (polisi_policy_reject_proposal (policy, "p9", &error));
  g_assert_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE);
}

static void
test_file (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  g_autoptr(PolisiPolicy) policy = make_policy (library);
  g_autoptr(PolisiProposal) proposal = polisi_proposal_new (POLISI_PROPOSAL_DELETION, "intro.head", POLISI_LANG_CY,
                                                            "\"dyfynnu\" & <tagiau>\t" POLISI_TEST_WELSH_LETTERS,
                                                            "  dau fwlch\n", "\tat y dechrau ");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PolisiPolicy) again = NULL;
  g_autoptr(PolisiProposal) read = NULL;
  g_autoptr(GError) error = NULL;

  polisi_proposal_set_author (proposal, "Siân Ŵyn (UCAC)");
  polisi_proposal_set_date (proposal, "2027-02-01T10:15:00");
  polisi_proposal_set_version (proposal, "1.1");
  polisi_policy_add_proposal (policy, proposal);

  bytes = polisi_policy_to_bytes (policy);
  again = polisi_policy_load_bytes (bytes, "proposals.polisi", &error);
  g_assert_no_error (error);
  g_assert_true (polisi_policy_equal (policy, again));
  g_assert_cmpuint (g_list_model_get_n_items (polisi_policy_get_proposals (again)), ==, 1);
  read = g_list_model_get_item (polisi_policy_get_proposals (again), 0);
  g_assert_cmpstr (polisi_proposal_get_text (read), ==, "\"dyfynnu\" & <tagiau>\t" POLISI_TEST_WELSH_LETTERS);
  g_assert_cmpstr (polisi_proposal_get_before (read), ==, "  dau fwlch\n");
  g_assert_cmpstr (polisi_proposal_get_after (read), ==, "\tat y dechrau ");
  g_assert_cmpint (polisi_proposal_get_kind (read), ==, POLISI_PROPOSAL_DELETION);
  g_assert_cmpint (polisi_proposal_get_lang (read), ==, POLISI_LANG_CY);
  g_assert_cmpstr (polisi_proposal_get_author (read), ==, "Siân Ŵyn (UCAC)");
  g_assert_cmpstr (polisi_proposal_get_version (read), ==, "1.1");
  g_assert_cmpstr (polisi_proposal_get_id (read), ==, "p1");
}

/* A proposal made, read and freed; the fields its policy sets (id,
 * author, date, version) notify once on a real change and never on the
 * same value. */
static void
test_object (void)
{
  static const struct {
    const char *property;
    void      (*set) (PolisiProposal *, const char *);
    const char *(*get) (PolisiProposal *);
    const char *value;
  } fields[] = {
    { "id", polisi_proposal_set_id, polisi_proposal_get_id, "p7" },
    { "author", polisi_proposal_set_author, polisi_proposal_get_author, "Siân ap Ŵyn" },
    { "date", polisi_proposal_set_date, polisi_proposal_get_date, "2027-02-02T10:00:00" },
    { "version", polisi_proposal_set_version, polisi_proposal_get_version, "1.1" },
  };
  PolisiProposal *proposal = polisi_proposal_new (POLISI_PROPOSAL_DELETION, "intro.head", POLISI_LANG_CY, "hen ŵyr",
                                                  "Mae'r ", NULL);
  g_autofree char *clause_id = NULL;
  g_autofree char *text = NULL;
  int kind, lang;

  polisi_test_assert_explicit_notify (POLISI_TYPE_PROPOSAL);
  g_object_get (proposal, "kind", &kind, "clause-id", &clause_id, "lang", &lang, "text", &text, NULL);
  g_assert_cmpint (kind, ==, POLISI_PROPOSAL_DELETION);
  g_assert_cmpstr (clause_id, ==, "intro.head");
  g_assert_cmpint (lang, ==, POLISI_LANG_CY);
  g_assert_cmpstr (text, ==, "hen ŵyr");
  g_assert_cmpstr (polisi_proposal_get_before (proposal), ==, "Mae'r ");
  g_assert_cmpstr (polisi_proposal_get_after (proposal), ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      PolisiTestNotify watch;
      g_autofree char *read = NULL;

      g_assert_null (fields[i].get (proposal));
      polisi_test_notify_watch (&watch, proposal, fields[i].property);
      fields[i].set (proposal, fields[i].value);
      g_assert_cmpuint (watch.count, ==, 1);
      g_object_get (proposal, fields[i].property, &read, NULL);
      g_assert_cmpstr (read, ==, fields[i].value);
      g_assert_cmpstr (fields[i].get (proposal), ==, fields[i].value);
      fields[i].set (proposal, fields[i].value);
      g_assert_cmpuint (watch.count, ==, 1);
      polisi_test_notify_unwatch (&watch);
    }

  g_assert_finalize_object (proposal);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/proposal/place", test_place);
  g_test_add_func ("/proposal/accept-reject", test_accept_reject);
  g_test_add_func ("/proposal/object", test_object);
  g_test_add_func ("/proposal/file", test_file);

  return g_test_run ();
}
