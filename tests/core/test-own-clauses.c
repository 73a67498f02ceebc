/* test-own-clauses.c: the clauses a school writes itself, and its own
 * titles for model clauses
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Adding, renaming and removing; numbering with the model clauses; the
 * check; the .polisi file (saved, read back, hostile files refused); a
 * library update that withdraws the clause an own clause follows; the
 * comparison of two versions, the tracked document and the comments'
 * anchors.
 */
#include "config.h"

#include <string.h>

#include "polisi-assembler.h"
#include "polisi-checker.h"
#include "polisi-anchor.h"
#include "polisi-compare.h"
#include "polisi-error.h"
#include "polisi-policy-io.h"
#include "polisi-library-update.h"
#include "polisi-test-utils.h"
#include "polisi-text.h"

#define OWN_TITLE_CY "Ein cyfrif Ŵ ar y we"
#define OWN_TITLE_EN "Our Ŷ account"
#define OWN_TEXT_CY "Mae’r ysgol yn defnyddio ŵ ŷ Ŵ Ŷ ẁ ẃ ẅ ỳ ar {organisation}."
#define OWN_TEXT_EN "The school uses one platform for parents."

static GDate *today;

static PolisiPolicy *
make_policy (PolisiLibrary *library)
{
  PolisiPolicy *policy = polisi_policy_new_from_library (library, POLISI_LANGUAGE_CATEGORY_DUAL);

  polisi_policy_set_name (policy, POLISI_LANG_CY, "Ysgol y Berllan");
  polisi_policy_set_name (policy, POLISI_LANG_EN, "Ysgol y Berllan");
  polisi_policy_set_answer (policy, "head_teacher", "Mrs Siân Hughes");
  polisi_policy_set_answer (policy, "governing_body", "Y corff");
  polisi_clause_state_set_included (polisi_policy_lookup_clause (policy, "safety.board"), TRUE);
  return policy;
}

static PolisiClauseState *
add_own (PolisiPolicy  *policy,
         PolisiLibrary *library,
         const char    *section,
         const char    *after)
{
  g_autoptr(GError) error = NULL;
  PolisiClauseState *state = polisi_policy_add_own_clause (policy, library, section, after,
                                                           OWN_TITLE_CY, OWN_TITLE_EN, OWN_TEXT_CY, OWN_TEXT_EN,
                                                           &error);

  g_assert_no_error (error);
  g_assert_nonnull (state);
  return state;
}

static PolisiPolicy *
round_trip (PolisiPolicy *policy)
{
  g_autoptr(GBytes) bytes = polisi_policy_to_bytes (policy);
  g_autoptr(GError) error = NULL;
  PolisiPolicy *loaded = polisi_policy_load_bytes (bytes, "own.polisi", &error);

  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  return loaded;
}

static char *
to_text (PolisiPolicy *policy)
{
  g_autoptr(GBytes) bytes = polisi_policy_to_bytes (policy);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static char *
replace_once (const char *text,
              const char *old_text,
              const char *new_text)
{
  const char *at = strstr (text, old_text);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, new_text, at + strlen (old_text));
}

/* The order of the clauses in @section as the assembled document has them,
 * with their numbers: "2.1 safety.guidance, 2.2 safety.own-…" */
static char *
section_order (PolisiPolicy  *policy,
               PolisiLibrary *library,
               const char    *section)
{
  g_autoptr(PolisiDocument) document = polisi_assemble (policy, library, POLISI_ASSEMBLE_DEFAULT);
  g_autoptr(GHashTable) numbers = polisi_assemble_clause_numbers (policy, library);
  GString *order = g_string_new (NULL);

  for (guint i = 0; i < polisi_document_get_n_blocks (document); i++)
    {
      PolisiBlock *block = polisi_document_get_block (document, i);

      if (block->kind != POLISI_BLOCK_CLAUSE || g_strcmp0 (polisi_assemble_section_of (library, block->id), section) != 0)
        continue;
      /* the numbering without assembling is the document's */
      g_assert_cmpstr (g_hash_table_lookup (numbers, block->id), ==, block->number);
      if (order->len > 0)
        g_string_append (order, ", ");
      g_string_append_printf (order, "%s %s", block->number,
                              polisi_clause_state_get_own (polisi_policy_lookup_clause (policy, block->id)) ? "own" : block->id);
    }
  return g_string_free (order, FALSE);
}

static const char *
block_text (PolisiDocument *document,
            const char     *id,
            PolisiLang      lang)
{
  int index = polisi_document_find_block (document, POLISI_BLOCK_CLAUSE, id);
  PolisiBlock *block;

  g_assert_cmpint (index, >=, 0);
  block = polisi_document_get_block (document, index);
  g_assert_cmpuint (block->paras[lang]->len, ==, 1);
  return ((PolisiTextBlock *) block->paras[lang]->pdata[0])->text;
}

static void
test_add (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  g_autoptr(PolisiPolicy) policy = make_policy (library);
  g_autoptr(PolisiDocument) document = NULL;
  g_autofree char *order = NULL;
  PolisiClauseState *first, *second;
  const char *id;

  first = add_own (policy, library, "safety", "safety.guidance");
  id = polisi_clause_state_get_id (first);
  g_assert_true (polisi_clause_id_is_own (id));
  g_assert_true (g_str_has_prefix (id, "safety.own-"));
  g_assert_true (polisi_clause_state_get_own (first));
  g_assert_true (polisi_clause_state_get_included (first));
  g_assert_cmpstr (polisi_policy_get_clause_section (policy, library, id), ==, "safety");
  g_assert_null (polisi_library_lookup_clause (library, id));
  g_assert_cmpuint (polisi_policy_count_own_clauses (policy), ==, 1);

  /* numbered with the model clauses, where it was put */
  order = section_order (policy, library, "safety");
  g_assert_cmpstr (order, ==, "2.1 safety.guidance, 2.2 own, 2.3 safety.board");
  g_clear_pointer (&order, g_free);

  /* first in the section, and in an appendix */
  second = add_own (policy, library, "safety", NULL);
  g_assert_cmpstr (polisi_clause_state_get_id (second), !=, id);
  order = section_order (policy, library, "safety");
  g_assert_cmpstr (order, ==, "2.1 own, 2.2 safety.guidance, 2.3 own, 2.4 safety.board");
  g_clear_pointer (&order, g_free);
  add_own (policy, library, "tips", "tips.think");
  order = section_order (policy, library, "tips");
  g_assert_cmpstr (order, ==, "A.1 tips.think, A.2 own");

  /* the text, its placeholders filled, in both languages */
  document = polisi_assemble (policy, library, POLISI_ASSEMBLE_DEFAULT);
  g_assert_cmpstr (block_text (document, id, POLISI_LANG_CY), ==,
                   "Mae’r ysgol yn defnyddio ŵ ŷ Ŵ Ŷ ẁ ẃ ẅ ỳ ar Ysgol y Berllan.");
  g_assert_cmpstr (block_text (document, id, POLISI_LANG_EN), ==, OWN_TEXT_EN);

  /* the title everywhere the policy names it */
  g_assert_cmpstr (polisi_policy_get_clause_title (policy, library, id, POLISI_LANG_CY), ==, OWN_TITLE_CY);
  g_assert_cmpstr (polisi_policy_get_clause_title (policy, library, id, POLISI_LANG_EN), ==, OWN_TITLE_EN);

  /* a model clause's id, the anchors: short enough for Word */
  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      g_autofree char *anchor = polisi_anchor_name (id, lang);
      g_autofree char *model = polisi_anchor_name ("safety.guidance", lang);

      g_assert_cmpuint (strlen (anchor), <=, 40);
      g_assert_true (g_ascii_isalpha (anchor[0]));
      for (const char *p = anchor; *p != '\0'; p++)
        g_assert_true (g_ascii_isalnum (*p) || *p == '_');
      g_assert_cmpstr (anchor, !=, model);
    }
}

static void
test_refused (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  g_autoptr(PolisiPolicy) policy = make_policy (library);
  g_autofree char *long_title = g_strnfill (POLISI_TEXT_MAX_LINE + 1, 'w');
  guint n = polisi_policy_get_n_clauses (policy);
  struct {
    const char *section, *after, *title_cy, *title_en, *text_cy, *text_en, *message;
  } cases[] = {
    { "nowhere", NULL, "T", "T", "t", "t", "no section “nowhere”" },
    { NULL, NULL, "T", "T", "t", "t", "no section" },
    { "safety", "intro.purpose", "T", "T", "t", "t", "no clause “intro.purpose”" },
    { "safety", "safety.missing", "T", "T", "t", "t", "no clause “safety.missing”" },
    { "safety", NULL, "", " ", "t", "t", "needs a title" },
    { "safety", NULL, NULL, NULL, "t", "t", "needs a title" },
    { "safety", NULL, "T", "T", "", NULL, "needs some text" },
    { "safety", NULL, long_title, "T", "t", "t", "Welsh title" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (polisi_policy_add_own_clause (policy, library, cases[i].section, cases[i].after,
                                                   cases[i].title_cy, cases[i].title_en,
                                                   cases[i].text_cy, cases[i].text_en, &error));
      g_assert_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
  g_assert_cmpuint (polisi_policy_get_n_clauses (policy), ==, n);

  /* a model clause is left out, never removed */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (polisi_policy_remove_own_clause (policy, "safety.board", &error));
    g_assert_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE);
    g_assert_nonnull (strstr (error->message, "Leave it out"));
    g_clear_error (&error);
    g_assert_false (polisi_policy_remove_own_clause (policy, "safety.own-0123456789ab", &error));
    g_assert_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE);
    g_assert_nonnull (polisi_policy_lookup_clause (policy, "safety.board"));
  }

  /* ids of own clauses are recognised exactly */
  g_assert_true (polisi_clause_id_is_own ("safety.own-0123456789ab"));
  g_assert_false (polisi_clause_id_is_own ("safety.own-0123"));
  g_assert_false (polisi_clause_id_is_own ("safety.own-0123456789AB"));
  g_assert_false (polisi_clause_id_is_own ("Safety.own-0123456789ab"));
  g_assert_false (polisi_clause_id_is_own ("own-0123456789ab"));
  g_assert_false (polisi_clause_id_is_own ("safety.guidance"));
  g_assert_false (polisi_clause_id_is_own (".own-0123456789ab"));
}

static void
count_change (guint *changes)
{
  (*changes)++;
}

static void
test_remove (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  g_autoptr(PolisiPolicy) policy = make_policy (library);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *order = NULL;
  guint n = polisi_policy_get_n_clauses (policy);
  guint changes = 0;

  id = g_strdup (polisi_clause_state_get_id (add_own (policy, library, "safety", "safety.guidance")));
  {
    gulong handler = g_signal_connect_swapped (policy, "changed", G_CALLBACK (count_change), &changes);

    g_assert_true (polisi_policy_remove_own_clause (policy, id, &error));
    g_assert_no_error (error);
    g_signal_handler_disconnect (policy, handler);
  }
  g_assert_cmpuint (changes, >, 0);
  g_assert_null (polisi_policy_lookup_clause (policy, id));
  g_assert_cmpuint (polisi_policy_get_n_clauses (policy), ==, n);
  order = section_order (policy, library, "safety");
  g_assert_cmpstr (order, ==, "2.1 safety.guidance, 2.2 safety.board");
}

static void
test_rename (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  g_autoptr(PolisiPolicy) policy = make_policy (library);
  g_autoptr(PolisiPolicy) loaded = NULL;
  g_autoptr(GError) error = NULL;
  PolisiClauseState *own;
  g_autofree char *own_id = NULL;

  g_assert_true (polisi_policy_rename_clause (policy, library, "safety.guidance", POLISI_LANG_CY,
                                              "Canllawiau’r sir ŵ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (polisi_policy_get_clause_title (policy, library, "safety.guidance", POLISI_LANG_CY), ==,
                   "Canllawiau’r sir ŵ");
  /* the other language keeps the library's */
  g_assert_cmpstr (polisi_policy_get_clause_title (policy, library, "safety.guidance", POLISI_LANG_EN), ==, "Guidance");

  /* one line, spaces collapsed */
  g_assert_true (polisi_policy_rename_clause (policy, library, "safety.guidance", POLISI_LANG_EN,
                                              "  County\nguidance  ", &error));
  g_assert_cmpstr (polisi_policy_get_clause_title (policy, library, "safety.guidance", POLISI_LANG_EN), ==,
                   "County guidance");

  /* the check names it by its new name */
  {
    g_autoptr(GPtrArray) findings = NULL;
    gboolean named = FALSE;

    polisi_clause_state_set_text (polisi_policy_lookup_clause (policy, "safety.guidance"), POLISI_LANG_EN, "Changed.");
    findings = polisi_check (policy, library, NULL, today);
    for (guint i = 0; i < findings->len; i++)
      {
        PolisiFinding *finding = findings->pdata[i];

        if (finding->kind == POLISI_FINDING_STALE_TRANSLATION && g_strcmp0 (finding->clause_id, "safety.guidance") == 0)
          named = strstr (finding->message, "County guidance") != NULL;
      }
    g_assert_true (named);
  }

  /* kept in the file */
  loaded = round_trip (policy);
  g_assert_cmpstr (polisi_policy_get_clause_title (loaded, library, "safety.guidance", POLISI_LANG_CY), ==,
                   "Canllawiau’r sir ŵ");
  g_assert_cmpstr (polisi_policy_get_clause_title (loaded, library, "safety.guidance", POLISI_LANG_EN), ==,
                   "County guidance");
  g_assert_true (polisi_policy_equal (policy, loaded));

  /* the library's title back: empty, or the same as the library's */
  g_assert_true (polisi_policy_rename_clause (policy, library, "safety.guidance", POLISI_LANG_EN, "", &error));
  g_assert_true (polisi_policy_rename_clause (policy, library, "safety.guidance", POLISI_LANG_CY, "Canllawiau", &error));
  g_assert_null (polisi_clause_state_get_title (polisi_policy_lookup_clause (policy, "safety.guidance"), POLISI_LANG_EN));
  g_assert_null (polisi_clause_state_get_title (polisi_policy_lookup_clause (policy, "safety.guidance"), POLISI_LANG_CY));
  {
    g_autofree char *text = to_text (policy);
    g_assert_null (strstr (text, "<title"));
  }

  /* an own clause keeps a title in at least one language */
  own = add_own (policy, library, "intro", "intro.head");
  own_id = g_strdup (polisi_clause_state_get_id (own));
  g_assert_true (polisi_policy_rename_clause (policy, library, own_id, POLISI_LANG_CY, "", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (polisi_policy_get_clause_title (policy, library, own_id, POLISI_LANG_CY), ==, OWN_TITLE_EN);
  g_assert_false (polisi_policy_rename_clause (policy, library, own_id, POLISI_LANG_EN, " ", &error));
  g_assert_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpstr (polisi_policy_get_clause_title (policy, library, own_id, POLISI_LANG_EN), ==, OWN_TITLE_EN);

  g_assert_false (polisi_policy_rename_clause (policy, library, "nowhere.nothing", POLISI_LANG_EN, "X", &error));
  g_assert_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE);
}

/* An own clause's translation is tracked as a model clause's is, and the
 * check finds in it what it finds in any clause. */
static void
test_check (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  g_autoptr(PolisiLegislation) legislation = polisi_test_load_mini_legislation ();
  g_autoptr(PolisiPolicy) policy = make_policy (library);
  g_autoptr(GError) error = NULL;
  PolisiClauseState *state;
  const char *id;
  struct {
    PolisiFindingKind kind;
    int lang;
    gboolean found;
  } expected[] = {
    { POLISI_FINDING_STALE_TRANSLATION, POLISI_LANG_CY, FALSE },
    { POLISI_FINDING_UNKNOWN_PLACEHOLDER, POLISI_LANG_EN, FALSE },
    { POLISI_FINDING_MISSING_TEXT, POLISI_LANG_CY, FALSE },
  };
  g_autoptr(GPtrArray) findings = NULL;

  state = polisi_policy_add_own_clause (policy, library, "safety", "safety.guidance", NULL, OWN_TITLE_EN,
                                        NULL, OWN_TEXT_EN, &error);
  g_assert_no_error (error);
  id = polisi_clause_state_get_id (state);

  /* nothing is stale on adding, the missing Welsh text and title are found */
  g_assert_false (polisi_clause_state_get_needs_update (state, POLISI_LANG_CY));
  g_assert_false (polisi_clause_state_get_needs_update (state, POLISI_LANG_EN));
  findings = polisi_check (policy, library, legislation, today);
  {
    guint missing = 0;

    for (guint i = 0; i < findings->len; i++)
      {
        PolisiFinding *finding = findings->pdata[i];

        if (g_strcmp0 (finding->clause_id, id) != 0)
          continue;
        g_test_message ("%s", finding->message);
        g_assert_cmpint (finding->kind, ==, POLISI_FINDING_MISSING_TEXT);
        g_assert_cmpint (finding->lang, ==, POLISI_LANG_CY);
        /* named by its title, in its section */
        g_assert_nonnull (strstr (finding->message, "Safeguarding › " OWN_TITLE_EN));
        missing++;
      }
    g_assert_cmpuint (missing, ==, 2);
  }
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Welsh written; then an English edit leaves the Welsh out of date */
  polisi_clause_state_set_text (state, POLISI_LANG_CY, "Testun Cymraeg.");
  polisi_clause_state_confirm_translation (state, POLISI_LANG_EN);
  g_assert_true (polisi_policy_rename_clause (policy, library, id, POLISI_LANG_CY, OWN_TITLE_CY, &error));
  polisi_clause_state_set_text (state, POLISI_LANG_EN, "We use {no_such_thing} for parents.");
  g_assert_true (polisi_clause_state_get_needs_update (state, POLISI_LANG_CY));
  polisi_clause_state_set_text (state, POLISI_LANG_CY, "");

  findings = polisi_check (policy, library, legislation, today);
  for (guint i = 0; i < findings->len; i++)
    {
      PolisiFinding *finding = findings->pdata[i];

      if (g_strcmp0 (finding->clause_id, id) != 0)
        continue;
      g_test_message ("%s", finding->message);
      for (guint e = 0; e < G_N_ELEMENTS (expected); e++)
        if (finding->kind == expected[e].kind && finding->lang == expected[e].lang)
          expected[e].found = TRUE;
    }
  /* an empty Welsh text is missing rather than stale */
  g_assert_false (expected[0].found);
  g_assert_true (expected[1].found);
  g_assert_true (expected[2].found);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* taking the edit back brings the two into step again, as for any clause */
  polisi_clause_state_set_text (state, POLISI_LANG_CY, "Testun Cymraeg.");
  g_assert_true (polisi_clause_state_get_needs_update (state, POLISI_LANG_CY));
  polisi_clause_state_confirm_translation (state, POLISI_LANG_CY);
  g_assert_false (polisi_clause_state_get_needs_update (state, POLISI_LANG_CY));

  /* an out-of-date name of an Act in it is found, and replaced */
  polisi_clause_state_set_text (state, POLISI_LANG_EN, "We follow the Regulation of Investigatory Powers Act 2000.");
  polisi_clause_state_confirm_translation (state, POLISI_LANG_CY);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = polisi_check (policy, library, legislation, today);
  {
    gboolean outdated = FALSE;

    for (guint i = 0; i < findings->len; i++)
      {
        PolisiFinding *finding = findings->pdata[i];

        outdated |= finding->kind == POLISI_FINDING_OUTDATED_LEGISLATION && g_strcmp0 (finding->clause_id, id) == 0;
      }
    g_assert_true (outdated);
  }
  g_assert_cmpuint (polisi_library_update_fix_all_citations (policy, legislation), ==, 1);
  g_assert_cmpstr (polisi_clause_state_get_text (state, POLISI_LANG_EN), ==, "We follow the Investigatory Powers Act 2016.");
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* never required: left out without a word */
  g_assert_true (polisi_clause_state_include (state, NULL, FALSE, POLISI_LANG_EN, &error));
  g_assert_no_error (error);
  findings = polisi_check (policy, library, legislation, today);
  for (guint i = 0; i < findings->len; i++)
    g_assert_cmpstr (((PolisiFinding *) findings->pdata[i])->clause_id, !=, id);
}

static void
test_file (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  g_autoptr(PolisiPolicy) policy = make_policy (library);
  g_autoptr(PolisiPolicy) loaded = NULL;
  g_autoptr(PolisiPolicy) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *order = NULL;
  PolisiClauseState *state, *read;
  g_autofree char *id = NULL;

  state = add_own (policy, library, "safety", "safety.guidance");
  id = g_strdup (polisi_clause_state_get_id (state));
  polisi_clause_state_set_text (state, POLISI_LANG_EN, "Edited.");

  text = to_text (policy);
  g_assert_nonnull (strstr (text, "own=\"true\""));
  g_assert_nonnull (strstr (text, "<title xml:lang=\"cy\">" OWN_TITLE_CY "</title>"));

  loaded = round_trip (policy);
  g_assert_true (polisi_policy_equal (policy, loaded));
  g_assert_true (polisi_policy_content_equal (policy, loaded));
  read = polisi_policy_lookup_clause (loaded, id);
  g_assert_nonnull (read);
  g_assert_true (polisi_clause_state_get_own (read));
  g_assert_cmpstr (polisi_clause_state_get_title (read, POLISI_LANG_CY), ==, OWN_TITLE_CY);
  g_assert_cmpstr (polisi_clause_state_get_text (read, POLISI_LANG_CY), ==, OWN_TEXT_CY);
  g_assert_cmpstr (polisi_clause_state_get_text (read, POLISI_LANG_EN), ==, "Edited.");
  g_assert_true (polisi_clause_state_get_needs_update (read, POLISI_LANG_CY));
  order = section_order (loaded, library, "safety");
  g_assert_cmpstr (order, ==, "2.1 safety.guidance, 2.2 own, 2.3 safety.board");

  /* a version keeps it, and its text survives the file */
  g_assert_true (polisi_policy_adopt (policy, "1.0", "2026-07-10", "Y corff", "Cyntaf", "First", NULL));
  g_assert_true (polisi_policy_remove_own_clause (policy, id, NULL));
  again = round_trip (policy);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PolisiPolicy) version = polisi_policy_dup_version_text (again, "1.0", &error);

    g_assert_no_error (error);
    g_assert_null (polisi_policy_lookup_clause (again, id));
    g_assert_nonnull (polisi_policy_lookup_clause (version, id));
    g_assert_true (polisi_clause_state_get_own (polisi_policy_lookup_clause (version, id)));
    g_assert_cmpstr (polisi_clause_state_get_title (polisi_policy_lookup_clause (version, id), POLISI_LANG_EN), ==,
                     OWN_TITLE_EN);
  }

  /* a file from before own clauses opens as it was */
  {
    g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "review-due.polisi", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;
    g_autoptr(PolisiPolicy) old = polisi_policy_load (file, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (polisi_policy_count_own_clauses (old), ==, 0);
  }
}

static void
test_hostile (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  g_autoptr(PolisiPolicy) policy = make_policy (library);
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;
  const char *messages[] = {
    /* an own clause whose id Polisi never gives */
    "a name Polisi never gives",
    /* a model clause's id with own="true" */
    "a name Polisi never gives",
    /* an own clause's id without own="true" */
    "kept for the clauses a school writes",
  };

  id = g_strdup (polisi_clause_state_get_id (add_own (policy, library, "safety", "safety.guidance")));
  text = to_text (policy);

  for (guint i = 0; i < G_N_ELEMENTS (messages); i++)
    {
      g_autofree char *bad = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      if (i == 0)
        {
          g_autofree char *from = g_strdup_printf ("id=\"%s\"", id);
          bad = replace_once (text, from, "id=\"safety.own-xyz\"");
        }
      else if (i == 1)
        {
          bad = replace_once (text, "<clause id=\"safety.board\" included=\"true\"",
                              "<clause id=\"safety.board\" included=\"true\" own=\"true\"");
        }
      else
        bad = replace_once (text, " own=\"true\"", "");
      bytes = g_bytes_new (bad, strlen (bad));
      g_assert_null (polisi_policy_load_bytes (bytes, "hostile.polisi", &error));
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "hostile.polisi"));
      g_assert_nonnull (strstr (error->message, messages[i]));
    }

  /* more own clauses than a policy can have */
  {
    GString *many = g_string_new (NULL);
    g_autofree char *clause_start = g_strdup_printf ("<clause id=\"%s\"", id);
    const char *start = strstr (text, clause_start);
    const char *end = strstr (start, "</clause>") + strlen ("</clause>");
    g_autofree char *one = g_strndup (start, end - start);
    g_autofree char *bad = NULL;
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(GError) error = NULL;

    for (guint i = 0; i <= POLISI_MAX_OWN_CLAUSES; i++)
      {
        g_autofree char *other = g_strdup_printf ("safety.own-%012x", i);
        g_autofree char *copy = replace_once (one, id, other);

        g_string_append (many, copy);
      }
    bad = replace_once (text, one, many->str);
    g_string_free (many, TRUE);
    bytes = g_bytes_new (bad, strlen (bad));
    g_assert_null (polisi_policy_load_bytes (bytes, "many.polisi", &error));
    g_assert_error (error, POLISI_ERROR, POLISI_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "more than 1000 clauses"));
  }

  /* a title too long, with controls: cut and cleaned */
  {
    g_autofree char *title = g_strnfill (POLISI_TEXT_MAX_LINE * 3, 'w');
    g_autofree char *from = g_strdup_printf ("<title xml:lang=\"en\">%s</title>", OWN_TITLE_EN);
    g_autofree char *to = g_strdup_printf ("<title xml:lang=\"en\">&#x9;%s</title>", title);
    g_autofree char *bad = replace_once (text, from, to);
    g_autoptr(GBytes) bytes = g_bytes_new (bad, strlen (bad));
    g_autoptr(GError) error = NULL;
    g_autoptr(PolisiPolicy) loaded = polisi_policy_load_bytes (bytes, "long.polisi", &error);
    const char *read;

    g_assert_no_error (error);
    read = polisi_clause_state_get_title (polisi_policy_lookup_clause (loaded, id), POLISI_LANG_EN);
    g_assert_cmpuint (g_utf8_strlen (read, -1), <=, POLISI_TEXT_MAX_LINE);
    g_assert_null (strchr (read, '\t'));
  }

  /* the library never takes an id of that form */
  {
    g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "mini-library.xml", NULL);
    g_autofree char *xml = polisi_test_read_file (path, NULL);
    g_autofree char *bad = replace_once (xml, "<clause id=\"safety.board\"", "<clause id=\"safety.own-board\"");
    g_autoptr(GBytes) bytes = g_bytes_new (bad, strlen (bad));
    g_autoptr(GError) error = NULL;
    g_autoptr(PolisiLibrary) refused = polisi_library_new_from_bytes (bytes, "own-ids.xml", &error);

    g_assert_null (refused);
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "safety.own-board"));
  }
}

/* The mini library's next release: safety.board withdrawn, safety.online
 * new after safety.guidance, safety.guidance changed. */
static PolisiLibrary *
next_library (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "mini-library.xml", NULL);
  g_autofree char *xml = polisi_test_read_file (path, NULL);
  g_autofree char *a = replace_once (xml, "version=\"2026.1\"", "version=\"2026.2\"");
  const char *board_start = strstr (a, "    <clause id=\"safety.board\"");
  const char *board_end = strstr (board_start, "</clause>\n") + strlen ("</clause>\n");
  g_autofree char *b = g_strdup_printf ("%.*s"
                                        "    <clause id=\"safety.online\" version=\"1\" default=\"recommended\">\n"
                                        "      <title xml:lang=\"cy\">Ar-lein</title>\n"
                                        "      <title xml:lang=\"en\">Online</title>\n"
                                        "      <source ref=\"seed\" section=\"6\"/>\n"
                                        "      <guidance xml:lang=\"cy\"><p>Pam.</p></guidance>\n"
                                        "      <guidance xml:lang=\"en\"><p>Why.</p></guidance>\n"
                                        "      <alternative id=\"standard\">\n"
                                        "        <label xml:lang=\"cy\">Safonol</label>\n"
                                        "        <label xml:lang=\"en\">Standard</label>\n"
                                        "        <text xml:lang=\"cy\"><p>Ar-lein.</p></text>\n"
                                        "        <text xml:lang=\"en\"><p>Online.</p></text>\n"
                                        "      </alternative>\n"
                                        "    </clause>\n%s",
                                        (int) (board_start - a), a, board_end);
  g_autoptr(GBytes) bytes = g_bytes_new (b, strlen (b));
  g_autoptr(GError) error = NULL;
  PolisiLibrary *library = polisi_library_new_from_bytes (bytes, "mini-library-2.xml", &error);

  g_assert_no_error (error);
  return library;
}

static void
test_library_update (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  g_autoptr(PolisiLibrary) next = next_library ();
  g_autoptr(PolisiPolicy) policy = make_policy (library);
  g_autoptr(GPtrArray) updates = NULL;
  g_autoptr(PolisiPolicy) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after_board = NULL;
  g_autofree char *after_guidance = NULL;
  g_autofree char *order = NULL;
  guint count = 0;

  /* one after the clause the library withdraws, one after the clause a
   * new one follows; a model clause renamed */
  after_board = g_strdup (polisi_clause_state_get_id (add_own (policy, library, "safety", "safety.board")));
  after_guidance = g_strdup (polisi_clause_state_get_id (add_own (policy, library, "safety", "safety.guidance")));
  g_assert_true (polisi_policy_rename_clause (policy, library, "safety.board", POLISI_LANG_EN, "Our governors", NULL));

  updates = polisi_library_update_list (policy, next);
  g_assert_cmpuint (updates->len, ==, 2);
  for (guint i = 0; i < updates->len; i++)
    {
      PolisiLibraryUpdate *update = updates->pdata[i];

      /* never offered */
      g_assert_false (polisi_clause_id_is_own (update->clause_id));
      if (update->kind == POLISI_UPDATE_WITHDRAWN)
        {
          g_assert_cmpstr (update->clause_id, ==, "safety.board");
          /* named as the school named it */
          g_assert_cmpstr (update->title[POLISI_LANG_EN], ==, "Our governors");
        }
      else
        g_assert_cmpstr (update->clause_id, ==, "safety.online");
    }

  g_assert_true (polisi_library_update_decide_all (policy, next, NULL, TRUE, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 2);

  /* both kept, in their section: the new clause after the own clause
   * that follows its neighbour, the clause after the withdrawn one in its
   * place */
  order = section_order (policy, next, "safety");
  g_assert_cmpstr (order, ==, "2.1 safety.guidance, 2.2 own, 2.3 safety.online, 2.4 own");
  g_assert_false (polisi_clause_state_get_included (polisi_policy_lookup_clause (policy, "safety.board")));
  g_assert_cmpstr (polisi_policy_get_library_version (policy), ==, "2026.2");
  for (guint i = 0; i < 2; i++)
    {
      PolisiClauseState *own = polisi_policy_lookup_clause (policy, i == 0 ? after_board : after_guidance);

      g_assert_nonnull (own);
      g_assert_true (polisi_clause_state_get_included (own));
      g_assert_cmpstr (polisi_clause_state_get_text (own, POLISI_LANG_CY), ==, OWN_TEXT_CY);
    }

  /* nothing left to offer, and the same after saving */
  g_clear_pointer (&updates, g_ptr_array_unref);
  loaded = round_trip (policy);
  updates = polisi_library_update_list (loaded, next);
  g_assert_cmpuint (updates->len, ==, 0);
  g_clear_pointer (&order, g_free);
  order = section_order (loaded, next, "safety");
  g_assert_cmpstr (order, ==, "2.1 safety.guidance, 2.2 own, 2.3 safety.online, 2.4 own");
}

/* Two versions: one with an own clause added, changed or removed. */
static void
test_compare (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  g_autoptr(PolisiPolicy) policy = make_policy (library);
  g_autoptr(PolisiPolicy) old_policy = NULL;
  g_autoptr(PolisiPolicy) middle = NULL;
  g_autoptr(GPtrArray) comparisons = NULL;
  g_autoptr(PolisiDocument) summary = NULL;
  g_autoptr(PolisiDocument) tracked = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  gboolean labelled = FALSE;

  g_assert_true (polisi_policy_adopt (policy, "1.0", "2026-07-10", "Y corff", "Cyntaf", "First", &error));
  g_assert_no_error (error);
  id = g_strdup (polisi_clause_state_get_id (add_own (policy, library, "safety", "safety.guidance")));
  g_assert_cmpint (polisi_policy_get_status (policy), !=, POLISI_STATUS_ADOPTED);

  /* added */
  old_policy = polisi_policy_dup_version_text (policy, "1.0", &error);
  g_assert_no_error (error);
  comparisons = polisi_compare_clauses (old_policy, policy, library);
  /* the clause after it is renumbered, not changed */
  g_assert_cmpuint (comparisons->len, ==, 1);
  {
    PolisiClauseComparison *added = comparisons->pdata[0];

    g_assert_cmpint (added->kind, ==, POLISI_CLAUSE_ADDED);
    g_assert_cmpstr (added->clause_id, ==, id);
    g_assert_cmpstr (added->new_number, ==, "2.2");
    g_assert_null (added->old_number);
  }
  g_clear_pointer (&comparisons, g_ptr_array_unref);

  summary = polisi_compare_summary (old_policy, policy, library, POLISI_ASSEMBLE_DEFAULT);
  for (guint i = 0; i < polisi_document_get_n_blocks (summary); i++)
    {
      PolisiBlock *block = polisi_document_get_block (summary, i);

      for (guint p = 0; block->paras[POLISI_LANG_CY] != NULL && p < block->paras[POLISI_LANG_CY]->len; p++)
        if (strstr (((PolisiTextBlock *) block->paras[POLISI_LANG_CY]->pdata[p])->text, "Ychwanegwyd: " OWN_TITLE_CY) != NULL)
          labelled = TRUE;
    }
  g_assert_true (labelled);

  /* in the tracked document: all of it inserted */
  tracked = polisi_compare_tracked (old_policy, policy, library, POLISI_ASSEMBLE_DEFAULT);
  g_assert_true (polisi_document_has_changes (tracked));
  {
    int index = polisi_document_find_block (tracked, POLISI_BLOCK_CLAUSE, id);
    PolisiBlock *block;
    PolisiTextBlock *para;

    g_assert_cmpint (index, >=, 0);
    block = polisi_document_get_block (tracked, index);
    para = block->paras[POLISI_LANG_EN]->pdata[0];
    g_assert_cmpstr (para->text, ==, OWN_TEXT_EN);
    g_assert_nonnull (para->marks);
    g_assert_cmpuint (g_array_index (para->marks, PolisiTextMark, 0).kind, ==, POLISI_MARK_INSERTED);
    g_assert_cmpuint (g_array_index (para->marks, PolisiTextMark, 0).start, ==, 0);
    g_assert_cmpuint (g_array_index (para->marks, PolisiTextMark, 0).end, ==, strlen (OWN_TEXT_EN));
  }

  /* changed, then removed, between adopted versions */
  g_assert_true (polisi_policy_adopt (policy, "1.1", "2027-07-10", "Y corff", "Ail", "Second", &error));
  g_assert_no_error (error);
  polisi_clause_state_set_text (polisi_policy_lookup_clause (policy, id), POLISI_LANG_EN, "The school uses two platforms.");
  middle = polisi_policy_dup_version_text (policy, "1.1", &error);
  g_assert_no_error (error);
  comparisons = polisi_compare_clauses (middle, policy, library);
  g_assert_cmpuint (comparisons->len, ==, 1);
  g_assert_cmpint (((PolisiClauseComparison *) comparisons->pdata[0])->kind, ==, POLISI_CLAUSE_CHANGED);
  g_assert_cmpstr (((PolisiClauseComparison *) comparisons->pdata[0])->clause_id, ==, id);
  g_clear_pointer (&comparisons, g_ptr_array_unref);

  /* a model clause renamed and changed is named by its new name */
  g_assert_true (polisi_policy_rename_clause (policy, library, "safety.board", POLISI_LANG_EN, "Our governors", &error));
  polisi_clause_state_set_text (polisi_policy_lookup_clause (policy, "safety.board"), POLISI_LANG_EN, "Changed.");
  {
    g_autoptr(PolisiDocument) changes = polisi_compare_summary (middle, policy, library, POLISI_ASSEMBLE_DEFAULT);
    gboolean renamed = FALSE;

    for (guint i = 0; i < polisi_document_get_n_blocks (changes); i++)
      {
        PolisiBlock *block = polisi_document_get_block (changes, i);

        for (guint p = 0; block->paras[POLISI_LANG_EN] != NULL && p < block->paras[POLISI_LANG_EN]->len; p++)
          renamed |= strstr (((PolisiTextBlock *) block->paras[POLISI_LANG_EN]->pdata[p])->text,
                             "Changed: Our governors") != NULL;
      }
    g_assert_true (renamed);
  }

  g_assert_true (polisi_policy_remove_own_clause (policy, id, &error));
  comparisons = polisi_compare_clauses (middle, policy, library);
  g_assert_cmpint (((PolisiClauseComparison *) comparisons->pdata[0])->kind, ==, POLISI_CLAUSE_REMOVED);
  g_assert_cmpstr (((PolisiClauseComparison *) comparisons->pdata[0])->clause_id, ==, id);
  g_assert_cmpstr (((PolisiClauseComparison *) comparisons->pdata[0])->old_number, ==, "2.2");
}

/* Comments and proposed changes on an own clause */
static void
test_comments (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  g_autoptr(PolisiPolicy) policy = make_policy (library);
  g_autoptr(PolisiPolicy) loaded = NULL;
  g_autoptr(PolisiProposal) proposal = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiDocument) document = NULL;
  g_autofree char *id = NULL;
  const char *proposal_id;
  gboolean in_table = FALSE;

  id = g_strdup (polisi_clause_state_get_id (add_own (policy, library, "safety", "safety.guidance")));
  polisi_policy_set_status (policy, POLISI_STATUS_CONSULTATION);
  polisi_policy_set_closing_date (policy, "2027-03-31");
  g_assert_nonnull (polisi_policy_add_comment (policy, id, POLISI_LANG_CY, "Rhiant", "2027-03-01", "Da iawn ŵ."));
  proposal = polisi_proposal_new (POLISI_PROPOSAL_INSERTION, id, POLISI_LANG_EN, " only", "one platform", " for parents");
  proposal_id = polisi_policy_add_proposal (policy, proposal);
  g_assert_nonnull (proposal_id);

  /* the comments table gives the own clause's number */
  document = polisi_assemble (policy, library, POLISI_ASSEMBLE_DEFAULT);
  for (guint i = 0; i < polisi_document_get_n_blocks (document); i++)
    {
      PolisiBlock *block = polisi_document_get_block (document, i);

      if (block->kind != POLISI_BLOCK_TABLE || block->cells[POLISI_LANG_CY] == NULL)
        continue;
      for (guint c = 0; c + 1 < block->cells[POLISI_LANG_CY]->len; c++)
        {
          const char *cell = block->cells[POLISI_LANG_CY]->pdata[c];

          if (c % block->n_columns == 0 && g_str_equal (cell, "2.2"))
            for (guint k = c + 1; k < c + block->n_columns && k < block->cells[POLISI_LANG_CY]->len; k++)
              in_table |= strstr (block->cells[POLISI_LANG_CY]->pdata[k], "Da iawn") != NULL;
        }
    }
  g_assert_true (in_table);

  loaded = round_trip (policy);
  g_assert_nonnull (polisi_policy_lookup_proposal (loaded, proposal_id));
  g_assert_true (polisi_policy_accept_proposal (loaded, proposal_id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (polisi_clause_state_get_text (polisi_policy_lookup_clause (loaded, id), POLISI_LANG_EN), ==,
                   "The school uses one platform only for parents.");
  g_assert_true (polisi_clause_state_get_needs_update (polisi_policy_lookup_clause (loaded, id), POLISI_LANG_CY));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  today = g_date_new_dmy (1, G_DATE_SEPTEMBER, 2026);

  g_test_add_func ("/own-clauses/add", test_add);
  g_test_add_func ("/own-clauses/refused", test_refused);
  g_test_add_func ("/own-clauses/remove", test_remove);
  g_test_add_func ("/own-clauses/rename", test_rename);
  g_test_add_func ("/own-clauses/check", test_check);
  g_test_add_func ("/own-clauses/file", test_file);
  g_test_add_func ("/own-clauses/hostile", test_hostile);
  g_test_add_func ("/own-clauses/library-update", test_library_update);
  g_test_add_func ("/own-clauses/compare", test_compare);
  g_test_add_func ("/own-clauses/comments", test_comments);

  return g_test_run ();
}
