/* test-library-update.c: the annual review: updates of the model clauses, and
 * out-of-date legislation
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The second version of the library is made here from the mini library:
 * one clause changed (intro.purpose, version 2), one changed that the
 * policy leaves out (tips.think), two new (safety.online, recommended;
 * safety.extra, optional), one withdrawn (safety.board).
 */
#include "config.h"

#include <string.h>

#include "polisi-diff.h"
#include "polisi-error.h"
#include "polisi-policy-io.h"
#include "polisi-library-update.h"
#include "polisi-text.h"
#include "polisi-test-utils.h"

static char *
replace_once (const char *text,
              const char *old_text,
              const char *new_text)
{
  const char *at = strstr (text, old_text);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, new_text, at + strlen (old_text));
}

static PolisiLibrary *
library_from_text (const char *xml)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
  g_autoptr(GError) error = NULL;
  PolisiLibrary *library = polisi_library_new_from_bytes (bytes, "mini-library-2.xml", &error);

  g_assert_no_error (error);
  return library;
}

static const char *new_clauses =
  "    <clause id=\"safety.online\" version=\"1\" default=\"recommended\">\n"
  "      <title xml:lang=\"cy\">Ar-lein</title>\n"
  "      <title xml:lang=\"en\">Online</title>\n"
  "      <source ref=\"seed\" section=\"6\"/>\n"
  "      <guidance xml:lang=\"cy\"><p>Pam.</p></guidance>\n"
  "      <guidance xml:lang=\"en\"><p>Why.</p></guidance>\n"
  "      <alternative id=\"standard\">\n"
  "        <label xml:lang=\"cy\">Safonol</label>\n"
  "        <label xml:lang=\"en\">Standard</label>\n"
  "        <text xml:lang=\"cy\"><p>Rydym yn cadw dysgwyr yn ddiogel ar-lein.</p></text>\n"
  "        <text xml:lang=\"en\"><p>We keep learners safe online.</p></text>\n"
  "      </alternative>\n"
  "    </clause>\n"
  "    <clause id=\"safety.extra\" version=\"1\" default=\"optional\">\n"
  "      <title xml:lang=\"cy\">Ychwanegol</title>\n"
  "      <title xml:lang=\"en\">Extra</title>\n"
  "      <source ref=\"seed\" section=\"7\"/>\n"
  "      <guidance xml:lang=\"cy\"><p>Pam.</p></guidance>\n"
  "      <guidance xml:lang=\"en\"><p>Why.</p></guidance>\n"
  "      <alternative id=\"standard\">\n"
  "        <label xml:lang=\"cy\">Safonol</label>\n"
  "        <label xml:lang=\"en\">Standard</label>\n"
  "        <text xml:lang=\"cy\"><p>Testun ychwanegol.</p></text>\n"
  "        <text xml:lang=\"en\"><p>Extra text.</p></text>\n"
  "      </alternative>\n"
  "    </clause>\n"
  "  </section>\n"
  "  <section id=\"tips\" appendix=\"true\">";

/* The mini library, version 2026.2 (see the top of this file); with
 * @purpose_version 3, intro.purpose changes once more. */
static PolisiLibrary *
second_library (guint purpose_version)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "mini-library.xml", NULL);
  g_autofree char *xml = polisi_test_read_file (path, NULL);
  g_autofree char *a = replace_once (xml, "version=\"2026.1\"", purpose_version == 3 ? "version=\"2026.3\"" : "version=\"2026.2\"");
  g_autofree char *b = replace_once (a, "<clause id=\"intro.purpose\" version=\"1\"",
                                     purpose_version == 3 ? "<clause id=\"intro.purpose\" version=\"3\""
                                                          : "<clause id=\"intro.purpose\" version=\"2\"");
  g_autofree char *c = replace_once (b, "<p>Mae {organisation} yn mabwysiadu'r polisi hwn.</p>",
                                     purpose_version == 3 ?
                                     "<p>Mae {organisation} yn mabwysiadu'r polisi hwn eto.</p>" :
                                     "<p>Mae {organisation} yn mabwysiadu ac yn adolygu'r polisi hwn bob blwyddyn.</p>");
  g_autofree char *d = replace_once (c, "<p>{organisation} adopts this policy.</p>",
                                     purpose_version == 3 ?
                                     "<p>{organisation} adopts this policy again.</p>" :
                                     "<p>{organisation} adopts and reviews this policy every year.</p>");
  g_autofree char *e = replace_once (d, "<clause id=\"tips.think\" version=\"1\"", "<clause id=\"tips.think\" version=\"2\"");
  g_autofree char *f = replace_once (e, "<item>Meddyliwch cyn postio.</item>", "<item>Meddyliwch yn ofalus cyn postio.</item>");
  g_autofree char *g = replace_once (f, "<item>Think before you post.</item>", "<item>Think carefully before you post.</item>");
  const char *board_start = strstr (g, "    <clause id=\"safety.board\"");
  const char *board_end = board_start != NULL ? strstr (board_start, "</clause>\n") : NULL;
  g_autofree char *h = NULL;
  g_autofree char *i = NULL;

  g_assert_nonnull (board_end);
  h = g_strdup_printf ("%.*s%s", (int) (board_start - g), g, board_end + strlen ("</clause>\n"));
  i = replace_once (h, "  </section>\n  <section id=\"tips\" appendix=\"true\">", new_clauses);
  return library_from_text (i);
}

typedef struct {
  PolisiLibrary *old_library;
  PolisiLibrary *new_library;
  PolisiPolicy  *policy;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->old_library = polisi_test_load_mini_library ();
  fixture->new_library = second_library (2);
  fixture->policy = polisi_policy_new_from_library (fixture->old_library, POLISI_LANGUAGE_CATEGORY_DUAL);
  polisi_policy_set_name (fixture->policy, POLISI_LANG_CY, "Ysgol y Berllan");
  polisi_policy_set_name (fixture->policy, POLISI_LANG_EN, "Orchard School");
  /* the optional clause the library withdraws is in this policy; the
   * appendix clause that changes is not */
  polisi_clause_state_set_included (polisi_policy_lookup_clause (fixture->policy, "safety.board"), TRUE);
  polisi_clause_state_set_included (polisi_policy_lookup_clause (fixture->policy, "tips.think"), FALSE);
  g_assert_cmpstr (polisi_policy_get_library_version (fixture->policy), ==, "2026.1");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->policy);
  g_clear_object (&fixture->old_library);
  g_clear_object (&fixture->new_library);
}

static PolisiLibraryUpdate *
find_update (GPtrArray  *updates,
             const char *clause_id)
{
  for (guint i = 0; i < updates->len; i++)
    if (g_strcmp0 (((PolisiLibraryUpdate *) updates->pdata[i])->clause_id, clause_id) == 0)
      return updates->pdata[i];
  return NULL;
}

static char *
word_diff (GPtrArray *diff)
{
  return polisi_diff_format (diff, "[-", "-]", "{+", "+}");
}

static char *
list_ids (GPtrArray *updates)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < updates->len; i++)
    {
      PolisiLibraryUpdate *update = updates->pdata[i];
      static const char *kinds[] = { "changed", "new", "withdrawn" };

      g_string_append_printf (out, "%s%s:%s", i > 0 ? " " : "", kinds[update->kind], update->clause_id);
    }
  return g_string_free (out, FALSE);
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) updates = polisi_library_update_list (fixture->policy, fixture->new_library);
  g_autoptr(GPtrArray) none = polisi_library_update_list (fixture->policy, fixture->old_library);
  g_autofree char *ids = list_ids (updates);
  PolisiLibraryUpdate *purpose, *online, *extra, *board;
  g_autofree char *cy = NULL;
  g_autofree char *en = NULL;

  /* in the library's order, withdrawn ones last; tips.think is left out
   * of the policy and is not offered */
  g_assert_cmpstr (ids, ==, "changed:intro.purpose new:safety.online new:safety.extra withdrawn:safety.board");
  g_assert_cmpuint (none->len, ==, 0);

  purpose = find_update (updates, "intro.purpose");
  g_assert_cmpuint (purpose->old_version, ==, 1);
  g_assert_cmpuint (purpose->new_version, ==, 2);
  g_assert_false (purpose->edited);
  g_assert_cmpstr (purpose->title[POLISI_LANG_EN], ==, "Purpose");
  g_assert_cmpstr (purpose->section_id, ==, "intro");
  cy = word_diff (purpose->diff[POLISI_LANG_CY]);
  en = word_diff (purpose->diff[POLISI_LANG_EN]);
  g_assert_cmpstr (cy, ==, "Mae {organisation} yn [-mabwysiadu'r -]{+mabwysiadu ac yn adolygu'r +}polisi hwn{+ bob blwyddyn+}.");
  g_assert_cmpstr (en, ==, "{organisation} adopts {+and reviews +}this policy{+ every year+}.");
  g_assert_cmpstr (purpose->old_text[POLISI_LANG_EN], ==, "{organisation} adopts this policy.");
  g_assert_cmpstr (purpose->new_text[POLISI_LANG_EN], ==, "{organisation} adopts and reviews this policy every year.");

  online = find_update (updates, "safety.online");
  extra = find_update (updates, "safety.extra");
  g_assert_true (online->included);
  g_assert_false (extra->included);
  g_assert_cmpuint (online->old_version, ==, 0);
  g_clear_pointer (&en, g_free);
  en = word_diff (online->diff[POLISI_LANG_EN]);
  g_assert_cmpstr (en, ==, "{+We keep learners safe online.+}");

  board = find_update (updates, "safety.board");
  g_assert_cmpuint (board->new_version, ==, 0);
  g_assert_null (board->title[POLISI_LANG_EN]);
  g_clear_pointer (&cy, g_free);
  cy = word_diff (board->diff[POLISI_LANG_CY]);
  g_assert_cmpstr (cy, ==, "[-Mae'r polisi wedi'i gymeradwyo gan y corff ({governing_body}).-]");
}

static void
test_accept (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) left = NULL;
  PolisiClauseState *purpose = polisi_policy_lookup_clause (fixture->policy, "intro.purpose");
  PolisiClauseState *online, *extra, *board, *think;
  const char *order[] = { "intro.purpose", "intro.head", "safety.guidance", "safety.online", "safety.extra", "safety.board", "tips.think" };

  /* a change replaces the text in both languages, and the edits */
  polisi_clause_state_set_text (purpose, POLISI_LANG_EN, "{organisation} adopts this policy, as edited.");
  {
    g_autoptr(GPtrArray) updates = polisi_library_update_list (fixture->policy, fixture->new_library);
    g_assert_true (find_update (updates, "intro.purpose")->edited);
  }
  g_assert_true (polisi_library_update_decide (fixture->policy, fixture->new_library, "intro.purpose", TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (polisi_clause_state_get_text (purpose, POLISI_LANG_CY), ==,
                   "Mae {organisation} yn mabwysiadu ac yn adolygu'r polisi hwn bob blwyddyn.");
  g_assert_cmpstr (polisi_clause_state_get_text (purpose, POLISI_LANG_EN), ==,
                   "{organisation} adopts and reviews this policy every year.");
  g_assert_false (polisi_clause_state_get_edited (purpose, POLISI_LANG_EN));
  g_assert_false (polisi_clause_state_get_needs_update (purpose, POLISI_LANG_CY));
  g_assert_cmpuint (polisi_clause_state_get_library_version (purpose), ==, 2);
  /* not done yet: the policy still says it came from the old library */
  g_assert_cmpstr (polisi_policy_get_library_version (fixture->policy), ==, "2026.1");

  /* the rest at once */
  g_assert_true (polisi_library_update_decide_all (fixture->policy, fixture->new_library, NULL, TRUE, NULL, &error));
  g_assert_no_error (error);
  left = polisi_library_update_list (fixture->policy, fixture->new_library);
  g_assert_cmpuint (left->len, ==, 0);

  /* new clauses, in the library's place: included as the library
   * recommends */
  online = polisi_policy_lookup_clause (fixture->policy, "safety.online");
  extra = polisi_policy_lookup_clause (fixture->policy, "safety.extra");
  g_assert_nonnull (online);
  g_assert_nonnull (extra);
  g_assert_true (polisi_clause_state_get_included (online));
  g_assert_false (polisi_clause_state_get_included (extra));
  g_assert_cmpstr (polisi_clause_state_get_text (online, POLISI_LANG_CY), ==, "Rydym yn cadw dysgwyr yn ddiogel ar-lein.");
  g_assert_cmpuint (polisi_policy_get_n_clauses (fixture->policy), ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_assert_cmpstr (polisi_clause_state_get_id (polisi_policy_get_clause (fixture->policy, i)), ==, order[i]);

  /* a withdrawn clause accepted is left out */
  board = polisi_policy_lookup_clause (fixture->policy, "safety.board");
  g_assert_false (polisi_clause_state_get_included (board));

  /* nothing left to decide: the clause left out takes the new text, and
   * the policy is up to date */
  think = polisi_policy_lookup_clause (fixture->policy, "tips.think");
  g_assert_cmpstr (polisi_clause_state_get_text (think, POLISI_LANG_EN), ==, "- Think carefully before you post.");
  g_assert_cmpuint (polisi_clause_state_get_library_version (think), ==, 2);
  g_assert_cmpstr (polisi_policy_get_library_version (fixture->policy), ==, "2026.2");
}

static void
test_decline (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) third = NULL;
  g_autoptr(PolisiLibrary) third_library = second_library (3);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PolisiPolicy) loaded = NULL;
  g_autofree char *ids = NULL;
  PolisiClauseState *purpose = polisi_policy_lookup_clause (fixture->policy, "intro.purpose");
  PolisiClauseState *online, *board;

  g_assert_true (polisi_library_update_decide_all (fixture->policy, fixture->new_library, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);

  /* the text stays; the version declined is recorded */
  g_assert_cmpstr (polisi_clause_state_get_text (purpose, POLISI_LANG_EN), ==, "{organisation} adopts this policy.");
  g_assert_cmpuint (polisi_clause_state_get_library_version (purpose), ==, 1);
  g_assert_cmpuint (polisi_clause_state_get_declined_version (purpose), ==, 2);

  /* a new clause declined is there, left out; a withdrawn one stays */
  online = polisi_policy_lookup_clause (fixture->policy, "safety.online");
  g_assert_nonnull (online);
  g_assert_false (polisi_clause_state_get_included (online));
  board = polisi_policy_lookup_clause (fixture->policy, "safety.board");
  g_assert_true (polisi_clause_state_get_included (board));
  g_assert_true (polisi_clause_state_get_kept_withdrawn (board));

  /* none is offered again, and that survives saving */
  left = polisi_library_update_list (fixture->policy, fixture->new_library);
  g_assert_cmpuint (left->len, ==, 0);
  g_assert_cmpstr (polisi_policy_get_library_version (fixture->policy), ==, "2026.2");
  bytes = polisi_policy_to_bytes (fixture->policy);
  loaded = polisi_policy_load_bytes (bytes, "declined.polisi", &error);
  g_assert_no_error (error);
  g_assert_true (polisi_policy_equal (fixture->policy, loaded));
  again = polisi_library_update_list (loaded, fixture->new_library);
  g_assert_cmpuint (again->len, ==, 0);

  /* until the library changes the clause once more */
  third = polisi_library_update_list (loaded, third_library);
  ids = list_ids (third);
  g_assert_cmpstr (ids, ==, "changed:intro.purpose");
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  const char *ids[] = { "intro.purpose", "no.such-clause", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = polisi_policy_to_bytes (fixture->policy);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(PolisiLibrary) other = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "mini-library.xml", NULL);
  g_autofree char *xml = polisi_test_read_file (path, NULL);
  g_autofree char *renamed = replace_once (xml, "id=\"mini\"", "id=\"another-library\"");

  /* all or nothing */
  g_assert_false (polisi_library_update_decide_all (fixture->policy, fixture->new_library, ids, TRUE, NULL, &error));
  g_assert_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "no.such-clause"));
  after = polisi_policy_to_bytes (fixture->policy);
  g_assert_true (g_bytes_equal (before, after));
  g_clear_error (&error);

  g_assert_false (polisi_library_update_decide (fixture->policy, fixture->new_library, "intro.head", TRUE, &error));
  g_assert_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  /* another organisation's library offers nothing */
  other = library_from_text (renamed);
  none = polisi_library_update_list (fixture->policy, other);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_false (polisi_library_update_decide (fixture->policy, other, "intro.purpose", TRUE, &error));
  g_assert_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE);
}

/* Legislation ---------------------------------------------------------------- */

typedef struct {
  PolisiLibrary     *library;
  PolisiLegislation *legislation;
  PolisiPolicy      *policy;
  PolisiClauseState *state;
} LegislationFixture;

static void
legislation_set_up (LegislationFixture *fixture,
                    gconstpointer       data)
{
  fixture->library = polisi_test_load_mini_library ();
  fixture->legislation = polisi_test_load_mini_legislation ();
  fixture->policy = polisi_policy_new_from_library (fixture->library, POLISI_LANGUAGE_CATEGORY_DUAL);
  fixture->state = polisi_policy_lookup_clause (fixture->policy, "intro.purpose");
  /* the author's own words, in both languages, Welsh mutated */
  polisi_clause_state_set_text (fixture->state, POLISI_LANG_EN,
                                "Monitoring follows the Regulation of Investigatory Powers Act 2000.");
  polisi_clause_state_set_text (fixture->state, POLISI_LANG_CY,
                                "Mae monitro yn dilyn y drefn dan Ddeddf Rheoleiddio Pwerau Ymchwilio 2000.");
  polisi_clause_state_confirm_translation (fixture->state, POLISI_LANG_EN);
  polisi_clause_state_confirm_translation (fixture->state, POLISI_LANG_CY);
}

static void
legislation_tear_down (LegislationFixture *fixture,
                       gconstpointer       data)
{
  g_clear_object (&fixture->policy);
  g_clear_object (&fixture->library);
  g_clear_object (&fixture->legislation);
}

static void
test_citations_list (LegislationFixture *fixture,
                     gconstpointer       data)
{
  g_autoptr(GPtrArray) fixes = polisi_library_update_list_citations (fixture->policy, fixture->legislation);
  PolisiCitationFix *cy, *en;

  /* the guidance for England ("Keeping Children Safe in Education") is in
   * the England wording only, which this policy does not use */
  g_assert_cmpuint (fixes->len, ==, 2);
  cy = fixes->pdata[0];
  en = fixes->pdata[1];

  g_assert_cmpstr (cy->clause_id, ==, "intro.purpose");
  g_assert_cmpint (cy->lang, ==, POLISI_LANG_CY);
  g_assert_cmpstr (cy->found, ==, "Ddeddf Rheoleiddio Pwerau Ymchwilio 2000");
  g_assert_cmpstr (cy->replacement, ==, "Ddeddf Pwerau Ymchwilio 2016");
  g_assert_cmpstr (cy->instrument->id, ==, "ipa-2016");
  g_assert_nonnull (strstr (cy->context, "dan Ddeddf Rheoleiddio"));

  g_assert_cmpint (en->lang, ==, POLISI_LANG_EN);
  g_assert_cmpstr (en->found, ==, "Regulation of Investigatory Powers Act 2000");
  g_assert_cmpstr (en->replacement, ==, "Investigatory Powers Act 2016");

  /* a clause left out is not the policy's text */
  polisi_clause_state_set_included (fixture->state, FALSE);
  {
    g_autoptr(GPtrArray) none = polisi_library_update_list_citations (fixture->policy, fixture->legislation);
    g_assert_cmpuint (none->len, ==, 0);
  }
}

static void
test_citations_fix (LegislationFixture *fixture,
                    gconstpointer       data)
{
  g_autoptr(GPtrArray) fixes = polisi_library_update_list_citations (fixture->policy, fixture->legislation);
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(GError) error = NULL;

  /* one: the Welsh, keeping its mutation; the English still names the
   * same Act, so it does not need an update */
  g_assert_true (polisi_library_update_fix_citation (fixture->policy, fixture->legislation, fixes->pdata[0], &error));
  g_assert_no_error (error);
  g_assert_cmpstr (polisi_clause_state_get_text (fixture->state, POLISI_LANG_CY), ==,
                   "Mae monitro yn dilyn y drefn dan Ddeddf Pwerau Ymchwilio 2016.");
  g_assert_true (polisi_clause_state_get_edited (fixture->state, POLISI_LANG_CY));
  g_assert_false (polisi_clause_state_get_needs_update (fixture->state, POLISI_LANG_EN));
  g_assert_cmpstr (polisi_clause_state_get_text (fixture->state, POLISI_LANG_EN), ==,
                   "Monitoring follows the Regulation of Investigatory Powers Act 2000.");

  /* the same fix again: the text no longer holds it */
  g_assert_false (polisi_library_update_fix_citation (fixture->policy, fixture->legislation, fixes->pdata[0], &error));
  g_assert_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE);

  /* the rest */
  g_assert_cmpuint (polisi_library_update_fix_all_citations (fixture->policy, fixture->legislation), ==, 1);
  g_assert_cmpstr (polisi_clause_state_get_text (fixture->state, POLISI_LANG_EN), ==,
                   "Monitoring follows the Investigatory Powers Act 2016.");
  g_assert_false (polisi_clause_state_get_needs_update (fixture->state, POLISI_LANG_CY));
  left = polisi_library_update_list_citations (fixture->policy, fixture->legislation);
  g_assert_cmpuint (left->len, ==, 0);
  g_assert_cmpuint (polisi_library_update_fix_all_citations (fixture->policy, fixture->legislation), ==, 0);
}

/* When the other language does not name the Act at all, the two texts now
 * differ in substance: the other language needs an update. */
static void
test_citations_other_language (LegislationFixture *fixture,
                               gconstpointer       data)
{
  polisi_clause_state_set_text (fixture->state, POLISI_LANG_CY, "Mae monitro yn dilyn y gyfraith.");
  polisi_clause_state_confirm_translation (fixture->state, POLISI_LANG_EN);
  polisi_clause_state_confirm_translation (fixture->state, POLISI_LANG_CY);

  g_assert_cmpuint (polisi_library_update_fix_all_citations (fixture->policy, fixture->legislation), ==, 1);
  g_assert_cmpstr (polisi_clause_state_get_text (fixture->state, POLISI_LANG_EN), ==,
                   "Monitoring follows the Investigatory Powers Act 2016.");
  g_assert_true (polisi_clause_state_get_needs_update (fixture->state, POLISI_LANG_CY));
}

/* Guidance for England named in a Welsh policy is out of date there, and
 * only there. */
static void
test_citations_nation (LegislationFixture *fixture,
                       gconstpointer       data)
{
  PolisiClauseState *guidance = polisi_policy_lookup_clause (fixture->policy, "safety.guidance");
  g_autoptr(GPtrArray) wales = NULL;
  g_autoptr(GPtrArray) england = NULL;

  polisi_clause_state_set_text (guidance, POLISI_LANG_EN, "We follow Keeping Children Safe in Education.");
  wales = polisi_library_update_list_citations (fixture->policy, fixture->legislation);
  g_assert_cmpuint (wales->len, ==, 3);
  g_assert_cmpstr (((PolisiCitationFix *) wales->pdata[2])->replacement, ==, "Keeping learners safe");

  polisi_policy_set_language_category (fixture->policy, POLISI_LANGUAGE_CATEGORY_ENGLISH);
  england = polisi_library_update_list_citations (fixture->policy, fixture->legislation);
  g_assert_cmpuint (england->len, ==, 2);
}


/* The real update of the model clauses ------------------------------------- */

/* The library as it was at version 2026.11 (kept as it was released) and
 * the library built into Polisi now. Each policy made from the first, and
 * each example (made from it too), is offered every clause the second
 * changed or added, clause by clause, with the library's notes and a
 * word-level comparison; accepting takes the new text, declining keeps the
 * old one, and a new clause can be added. */

static PolisiLibrary *
previous_library (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "library-2026.11.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PolisiLibrary *library = polisi_library_new_from_file (file, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (polisi_library_get_version (library), ==, "2026.11");
  return library;
}

/* One side of a comparison: what both have and what only that side has. */
static char *
diff_side (GPtrArray    *diff,
           PolisiDiffOp  skip)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < diff->len; i++)
    {
      const PolisiDiffSpan *span = diff->pdata[i];

      if (span->op != skip)
        g_string_append (out, span->text);
    }
  return g_string_free (out, FALSE);
}

static gboolean
diff_has_changes (GPtrArray *diff)
{
  for (guint i = 0; i < diff->len; i++)
    if (((PolisiDiffSpan *) diff->pdata[i])->op != POLISI_DIFF_EQUAL)
      return TRUE;
  return FALSE;
}

/* The policy's text as the review compares it: with typographic
 * apostrophes and quotation marks when the library's text has them and no
 * typewriter ones. */
static char *
compared_old_text (PolisiLibraryUpdate *update,
                   PolisiLang           lang)
{
  if (strpbrk (update->new_text[lang], "'\"") == NULL &&
      (strstr (update->new_text[lang], "’") != NULL || strstr (update->new_text[lang], "”") != NULL))
    return polisi_text_typographic (update->old_text[lang]);
  return g_strdup (update->old_text[lang]);
}

static PolisiPolicy *
copy_policy (PolisiPolicy *policy)
{
  g_autoptr(GBytes) bytes = polisi_policy_to_bytes (policy);
  g_autoptr(GError) error = NULL;
  PolisiPolicy *copy = polisi_policy_load_bytes (bytes, "copy.polisi", &error);

  g_assert_no_error (error);
  return copy;
}

/* Checks the updates @policy is offered, then accepts each on one copy and
 * declines each on another, one at a time. Returns how many updates had
 * a different text. */
static guint
check_real_update (PolisiPolicy  *policy,
                   PolisiLibrary *previous,
                   PolisiLibrary *current,
                   const char    *name)
{
  g_autoptr(GPtrArray) updates = polisi_library_update_list (policy, current);
  g_autoptr(PolisiPolicy) accepting = copy_policy (policy);
  g_autoptr(PolisiPolicy) declining = copy_policy (policy);
  g_autoptr(GPtrArray) left = NULL;
  guint n_expected = 0;
  guint n_texts = 0;

  g_test_message ("%s: %u updates", name, updates->len);

  /* exactly the clauses the library changed (and the policy includes) or
   * added */
  for (guint s = 0; s < polisi_library_get_n_sections (current); s++)
    {
      PolisiSection *section = polisi_library_get_section (current, s);

      for (guint c = 0; c < polisi_section_get_n_clauses (section); c++)
        {
          PolisiClause *clause = polisi_section_get_clause (section, c);
          const char *id = polisi_clause_get_id (clause);
          PolisiClause *before = polisi_library_lookup_clause (previous, id);
          PolisiClauseState *state = polisi_policy_lookup_clause (policy, id);
          PolisiLibraryUpdate *update = find_update (updates, id);
          const PolisiClauseChange *change = polisi_clause_lookup_change (clause, "2026.12");
          g_autofree char *typographic_cy = NULL;
          g_autofree char *typographic_en = NULL;

          if (before != NULL && polisi_clause_get_version (clause) > polisi_clause_get_version (before))
            {
              /* every clause changed in this version says what and why */
              g_assert_nonnull (change);
              g_assert_cmpuint (polisi_clause_get_version (clause), ==, polisi_clause_get_version (before) + 1);
            }
          else if (before != NULL)
            {
              g_assert_null (change);
              g_assert_null (update);
              continue;
            }
          else
            g_assert_nonnull (change);

          if (state != NULL && !polisi_clause_state_get_included (state))
            {
              g_assert_null (update);
              continue;
            }
          n_expected++;
          if (update == NULL)
            g_error ("%s: the update of %s is not offered", name, id);
          g_assert_cmpint (update->kind, ==, before != NULL ? POLISI_UPDATE_CHANGED : POLISI_UPDATE_NEW);
          g_assert_cmpuint (update->new_version, ==, polisi_clause_get_version (clause));
          g_assert_cmpstr (update->section_id, ==, polisi_section_get_id (section));

          for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
            {
              g_autofree char *old_side = diff_side (update->diff[lang], POLISI_DIFF_INSERT);
              char *typographic;
              g_autofree char *new_side = diff_side (update->diff[lang], POLISI_DIFF_DELETE);

              /* the notes of this version, in each language */
              g_assert_nonnull (change->note[lang]);
              g_assert_cmpstr (update->notes[lang], ==, change->note[lang]);
              /* the word-level comparison goes from the policy's text (its
               * apostrophes and quotation marks made typographic, as the
               * library's are) to the library's */
              typographic = compared_old_text (update, lang);
              g_assert_cmpstr (old_side, ==, typographic);
              g_clear_pointer (&typographic, g_free);
              g_assert_cmpstr (new_side, ==, update->new_text[lang]);
              if (state != NULL)
                g_assert_cmpstr (update->old_text[lang], ==, polisi_clause_state_get_text (state, lang));
            }
          typographic_cy = compared_old_text (update, POLISI_LANG_CY);
          typographic_en = compared_old_text (update, POLISI_LANG_EN);
          if (g_strcmp0 (typographic_cy, update->new_text[POLISI_LANG_CY]) != 0 ||
              g_strcmp0 (typographic_en, update->new_text[POLISI_LANG_EN]) != 0)
            {
              g_assert_true (diff_has_changes (update->diff[POLISI_LANG_CY]) ||
                             diff_has_changes (update->diff[POLISI_LANG_EN]));
              n_texts++;
            }
        }
    }
  /* nothing the library withdrew, so nothing else */
  g_assert_cmpuint (updates->len, ==, n_expected);

  /* one at a time: accepting takes the new text, declining keeps the old */
  for (guint i = 0; i < updates->len; i++)
    {
      PolisiLibraryUpdate *update = updates->pdata[i];
      g_autoptr(GError) error = NULL;
      PolisiClauseState *taken, *kept;

      g_assert_true (polisi_library_update_decide (accepting, current, update->clause_id, TRUE, &error));
      g_assert_no_error (error);
      g_assert_true (polisi_library_update_decide (declining, current, update->clause_id, FALSE, &error));
      g_assert_no_error (error);

      taken = polisi_policy_lookup_clause (accepting, update->clause_id);
      kept = polisi_policy_lookup_clause (declining, update->clause_id);
      g_assert_nonnull (taken);
      g_assert_nonnull (kept);
      for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
        {
          g_assert_cmpstr (polisi_clause_state_get_text (taken, lang), ==, update->new_text[lang]);
          if (update->kind == POLISI_UPDATE_CHANGED)
            g_assert_cmpstr (polisi_clause_state_get_text (kept, lang), ==, update->old_text[lang]);
        }
      g_assert_cmpuint (polisi_clause_state_get_library_version (taken), ==, update->new_version);
      if (update->kind == POLISI_UPDATE_NEW)
        {
          /* added as the library advises; declined, it is there left out */
          g_assert_cmpint (polisi_clause_state_get_included (taken), ==, update->included);
          g_assert_false (polisi_clause_state_get_included (kept));
        }
      else
        {
          g_assert_true (polisi_clause_state_get_included (taken));
          g_assert_cmpuint (polisi_clause_state_get_declined_version (kept), ==, update->new_version);
        }
    }

  /* both are up to date with the library, and nothing is offered again */
  left = polisi_library_update_list (accepting, current);
  g_assert_cmpuint (left->len, ==, 0);
  g_clear_pointer (&left, g_ptr_array_unref);
  left = polisi_library_update_list (declining, current);
  g_assert_cmpuint (left->len, ==, 0);
  g_assert_cmpstr (polisi_policy_get_library_version (accepting), ==, polisi_library_get_version (current));
  g_assert_cmpstr (polisi_policy_get_library_version (declining), ==, polisi_library_get_version (current));

  /* the clauses the library left as they were, and the author never
   * edited, now have the library's apostrophes and quotation marks */
  for (guint i = 0; i < polisi_policy_get_n_clauses (declining); i++)
    {
      PolisiClauseState *state = polisi_policy_get_clause (declining, i);
      PolisiClause *clause = polisi_library_lookup_clause (current, polisi_clause_state_get_id (state));
      PolisiClause *before = polisi_library_lookup_clause (previous, polisi_clause_state_get_id (state));
      const PolisiAlternative *alternative;

      if (clause == NULL || before == NULL || !polisi_clause_state_get_included (state) ||
          polisi_clause_get_version (clause) != polisi_clause_get_version (before) ||
          polisi_clause_state_get_edited (state, POLISI_LANG_CY) || polisi_clause_state_get_edited (state, POLISI_LANG_EN))
        continue;
      alternative = polisi_clause_lookup_alternative (clause, polisi_clause_state_get_alternative (state));
      for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
        {
          g_autofree char *library_text = polisi_text_normalize (alternative->text[lang]);

          if (polisi_clause_state_get_text (state, lang) != NULL)
            g_assert_cmpstr (polisi_clause_state_get_text (state, lang), ==, library_text);
        }
    }
  return n_texts;
}

/* The typography of 2026.12 changed apostrophes and quotation marks only:
 * in every clause whose version stayed the same, each wording is the
 * 2026.11 one made typographic, in both languages, and no text of the
 * library keeps a typewriter apostrophe or quotation mark. */
static void
test_real_update_typography (void)
{
  g_autoptr(PolisiLibrary) previous = previous_library ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiLibrary) current = polisi_library_new_builtin (&error);
  guint n_same = 0;

  g_assert_no_error (error);
  for (guint s = 0; s < polisi_library_get_n_sections (current); s++)
    {
      PolisiSection *section = polisi_library_get_section (current, s);

      for (guint c = 0; c < polisi_section_get_n_clauses (section); c++)
        {
          PolisiClause *clause = polisi_section_get_clause (section, c);
          PolisiClause *before = polisi_library_lookup_clause (previous, polisi_clause_get_id (clause));

          for (guint a = 0; a < polisi_clause_get_n_alternatives (clause); a++)
            {
              const PolisiAlternative *alternative = polisi_clause_get_alternative (clause, a);
              const PolisiAlternative *old = before != NULL ? polisi_clause_lookup_alternative (before, alternative->id) : NULL;

              for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
                {
                  g_autofree char *typographic = NULL;

                  g_assert_null (strpbrk (alternative->text[lang], "'\""));
                  if (old == NULL || polisi_clause_get_version (clause) != polisi_clause_get_version (before))
                    continue;
                  typographic = polisi_text_typographic (old->text[lang]);
                  g_assert_cmpstr (alternative->text[lang], ==, typographic);
                  n_same++;
                }
            }
        }
    }
  g_assert_cmpuint (n_same, >, 50);
}

static void
test_real_update (void)
{
  g_autoptr(PolisiLibrary) previous = previous_library ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiLibrary) current = polisi_library_new_builtin (&error);
  const char *examples[] = { "primary-england.polisi", "secondary-wales.polisi", "secondary-wales-adopted.polisi" };
  const PolisiLanguageCategory categories[] = {
    POLISI_LANGUAGE_CATEGORY_WELSH, POLISI_LANGUAGE_CATEGORY_DUAL, POLISI_LANGUAGE_CATEGORY_ENGLISH,
  };
  guint n_new = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (polisi_library_get_version (current), ==, "2026.12");
  g_assert_cmpstr (polisi_library_get_id (current), ==, polisi_library_get_id (previous));

  /* every clause of the library that is new since 2026.11 */
  for (guint s = 0; s < polisi_library_get_n_sections (current); s++)
    {
      PolisiSection *section = polisi_library_get_section (current, s);

      for (guint c = 0; c < polisi_section_get_n_clauses (section); c++)
        if (polisi_library_lookup_clause (previous, polisi_clause_get_id (polisi_section_get_clause (section, c))) == NULL)
          n_new++;
    }
  g_assert_cmpuint (n_new, >, 0);

  /* a policy made from the previous library, with every optional clause
   * included too, so that every changed clause is offered */
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      g_autoptr(PolisiPolicy) policy = polisi_policy_new_from_library (previous, categories[i]);

      for (guint j = 0; j < polisi_policy_get_n_clauses (policy); j++)
        polisi_clause_state_set_included (polisi_policy_get_clause (policy, j), TRUE);
      g_assert_cmpstr (polisi_policy_get_library_version (policy), ==, "2026.11");
      /* well over a handful of texts really change */
      g_assert_cmpuint (check_real_update (policy, previous, current, polisi_language_category_get_label (categories[i])), >=, 20);
    }

  /* the examples, as they are */
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autoptr(PolisiPolicy) policy = polisi_test_load_example (examples[i]);

      g_assert_cmpstr (polisi_policy_get_library_version (policy), ==, "2026.11");
      g_assert_cmpuint (check_real_update (policy, previous, current, examples[i]), >, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
#define ADD_LEGISLATION(path, func) \
  g_test_add (path, LegislationFixture, NULL, legislation_set_up, func, legislation_tear_down)

  ADD ("/review/library/list", test_list);
  ADD ("/review/library/accept", test_accept);
  ADD ("/review/library/decline", test_decline);
  ADD ("/review/library/refusals", test_refusals);
  g_test_add_func ("/review/library/real-update", test_real_update);
  g_test_add_func ("/review/library/real-update-typography", test_real_update_typography);
  ADD_LEGISLATION ("/review/legislation/list", test_citations_list);
  ADD_LEGISLATION ("/review/legislation/fix", test_citations_fix);
  ADD_LEGISLATION ("/review/legislation/other-language", test_citations_other_language);
  ADD_LEGISLATION ("/review/legislation/nation", test_citations_nation);

  return g_test_run ();
}
