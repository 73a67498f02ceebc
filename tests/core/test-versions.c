/* test-versions.c: versions keep their text, the file keeps them compactly,
 * the status of a changed adopted policy is honest, adoption waits for what
 * must be fixed, and the versions and review triggers are list models
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "polisi-checker.h"
#include "polisi-error.h"
#include "polisi-policy-io.h"
#include "polisi-test-utils.h"

#define SUMMARY_CY "Y fersiwn gyntaf: ŵ ŷ Ŵ Ŷ ẁ ẃ ẅ ỳ"
#define SUMMARY_EN "First version"

static PolisiPolicy *
make_policy (PolisiLibrary *library)
{
  PolisiPolicy *policy = polisi_policy_new_from_library (library, POLISI_LANGUAGE_CATEGORY_WELSH);

  polisi_policy_set_name (policy, POLISI_LANG_CY, "Ysgol y Berllan");
  polisi_policy_set_name (policy, POLISI_LANG_EN, "Ysgol y Berllan");
  polisi_policy_set_answer (policy, "head_teacher", "Mrs Siân Hughes");
  polisi_policy_set_answer_lang (policy, "governing_body", POLISI_LANG_CY, "Corff Llywodraethu Ysgol y Berllan");
  polisi_policy_set_answer_lang (policy, "governing_body", POLISI_LANG_EN, "the Governing Body of Ysgol y Berllan");
  return policy;
}

static void
adopt (PolisiPolicy *policy,
       const char   *version,
       const char   *date)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (polisi_policy_adopt (policy, version, date, "Y corff llywodraethu", SUMMARY_CY, SUMMARY_EN, &error));
  g_assert_no_error (error);
}

static PolisiPolicy *
round_trip (PolisiPolicy *policy,
            gsize        *size)
{
  g_autoptr(GBytes) bytes = polisi_policy_to_bytes (policy);
  g_autoptr(GError) error = NULL;
  PolisiPolicy *loaded = polisi_policy_load_bytes (bytes, "versions.polisi", &error);

  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  if (size != NULL)
    *size = g_bytes_get_size (bytes);
  return loaded;
}

static char *
to_text (PolisiPolicy *policy)
{
  g_autoptr(GBytes) bytes = polisi_policy_to_bytes (policy);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static GString *
to_gstring (PolisiPolicy *policy)
{
  g_autoptr(GBytes) bytes = polisi_policy_to_bytes (policy);
  GString *text = g_string_sized_new (g_bytes_get_size (bytes));

  g_string_append_len (text, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return text;
}

/* Each adopted version keeps its own text, and it survives the file. */
static void
test_versions_keep_text (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  g_autoptr(PolisiPolicy) policy = make_policy (library);
  g_autoptr(PolisiPolicy) loaded = NULL;
  g_autoptr(PolisiPolicy) v1 = NULL;
  g_autoptr(PolisiPolicy) v1_loaded = NULL;
  g_autoptr(PolisiPolicy) v2_loaded = NULL;
  g_autoptr(GError) error = NULL;
  PolisiClauseState *clause;
  const char *new_en = "Mae hyn yn newydd.";
  g_autofree char *old_en = NULL;

  adopt (policy, "1.0", "2026-07-10");
  clause = polisi_policy_lookup_clause (policy, "safety.guidance");
  old_en = g_strdup (polisi_clause_state_get_text (clause, POLISI_LANG_EN));
  g_assert_true (polisi_version_get_has_text (polisi_policy_lookup_version (policy, "1.0")));

  polisi_clause_state_set_text (clause, POLISI_LANG_EN, "The new English text.");
  polisi_clause_state_set_text (clause, POLISI_LANG_CY, new_en);
  polisi_clause_state_confirm_translation (clause, POLISI_LANG_CY);
  polisi_policy_set_answer (policy, "head_teacher", "Mr Ŵyn Ŷr");
  adopt (policy, "1.1", "2027-07-10");

  /* the text of 1.0 is the one adopted then, not the policy now */
  v1 = polisi_policy_dup_version_text (policy, "1.0", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (polisi_clause_state_get_text (polisi_policy_lookup_clause (v1, "safety.guidance"), POLISI_LANG_EN),
                   ==, old_en);
  g_assert_cmpstr (polisi_policy_get_answer (v1, "head_teacher", POLISI_LANG_CY), ==, "Mrs Siân Hughes");
  g_assert_cmpstr (polisi_policy_get_version (v1), ==, "1.0");
  g_assert_cmpint (polisi_policy_get_status (v1), ==, POLISI_STATUS_ADOPTED);
  g_assert_cmpstr (polisi_policy_get_uid (v1), ==, polisi_policy_get_uid (policy));
  g_assert_cmpuint (polisi_policy_get_n_versions (v1), ==, 1);
  g_assert_false (polisi_policy_content_equal (v1, policy));

  loaded = round_trip (policy, NULL);
  g_assert_true (polisi_policy_equal (policy, loaded));
  v1_loaded = polisi_policy_dup_version_text (loaded, "1.0", &error);
  g_assert_no_error (error);
  g_assert_true (polisi_policy_equal (v1, v1_loaded));
  v2_loaded = polisi_policy_dup_version_text (loaded, "1.1", &error);
  g_assert_no_error (error);
  g_assert_true (polisi_policy_content_equal (v2_loaded, policy));
  g_assert_cmpstr (polisi_policy_get_answer (v2_loaded, "head_teacher", POLISI_LANG_EN), ==, "Mr Ŵyn Ŷr");
  g_assert_cmpuint (polisi_policy_get_n_versions (v2_loaded), ==, 2);

  /* a version never adopted is named, with the ones that were */
  g_assert_null (polisi_policy_dup_version_text (loaded, "0.9", &error));
  g_assert_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "0.9"));
  g_assert_nonnull (strstr (error->message, "1.0, 1.1"));
}

/* A clause the same as in the next version is written once. */
static void
test_file_compact (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  g_autoptr(PolisiPolicy) policy = make_policy (library);
  g_autoptr(PolisiPolicy) loaded = NULL;
  g_autofree char *text = NULL;
  gsize first_size, size;

  {
    g_autofree char *plain = to_text (policy);
    first_size = strlen (plain);
  }
  for (guint year = 0; year < 10; year++)
    {
      g_autofree char *version = g_strdup_printf ("1.%u", year);
      g_autofree char *date = g_strdup_printf ("%u-07-10", 2026 + year);
      g_autofree char *words = g_strdup_printf ("Adolygiad blwyddyn %u.", year);
      PolisiClauseState *clause = polisi_policy_lookup_clause (policy, "tips.think");

      polisi_clause_state_replace_text (clause, POLISI_LANG_CY, words, FALSE);
      polisi_clause_state_replace_text (clause, POLISI_LANG_EN, words, FALSE);
      adopt (policy, version, date);
    }

  loaded = round_trip (policy, &size);
  g_assert_true (polisi_policy_equal (policy, loaded));
  text = to_text (policy);
  /* ten versions: each keeps its one changed clause in full, and the
   * other clauses and the answers by reference; about a kilobyte a year
   * (with the summaries and the front matter), where ten copies of the
   * policy would be ten times its size */
  g_assert_nonnull (strstr (text, "<clause id=\"intro.purpose\" same=\"true\"/>"));
  g_assert_nonnull (strstr (text, "<answer same=\"true\" key=\"head_teacher\"/>"));
  g_test_message ("a policy of %" G_GSIZE_FORMAT " bytes, after ten versions: %" G_GSIZE_FORMAT, first_size, size);
  g_assert_cmpuint ((size - first_size) / 10, <, 1536);
  for (guint year = 0; year < 10; year++)
    {
      g_autofree char *version = g_strdup_printf ("1.%u", year);
      g_autofree char *words = g_strdup_printf ("Adolygiad blwyddyn %u.", year);
      g_autoptr(PolisiPolicy) old = polisi_policy_dup_version_text (loaded, version, NULL);
      g_autofree char *old_text = NULL;

      g_assert_nonnull (old);
      old_text = g_strdup (polisi_clause_state_get_text (polisi_policy_lookup_clause (old, "tips.think"), POLISI_LANG_CY));
      g_assert_cmpstr (old_text, ==, words);
    }
}

/* Format 1 files open; the text of the adopted version is the policy's;
 * the next save writes format 2. A file of a newer format is refused. */
static void
test_format_1 (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  g_autoptr(PolisiPolicy) policy = make_policy (library);
  g_autoptr(PolisiPolicy) loaded = NULL;
  g_autoptr(PolisiPolicy) v1 = NULL;
  g_autoptr(GString) old = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  const char *start, *end;

  adopt (policy, "1.0", "2026-07-10");
  old = to_gstring (policy);
  g_string_replace (old, "format=\"2\"", "format=\"1\"", 1);
  /* format 1 had no text in the history */
  start = strstr (old->str, "      <text>");
  end = strstr (start, "</text>\n    </version>");
  g_assert_nonnull (start);
  g_string_erase (old, start - old->str, end + strlen ("</text>\n") - start);
  g_assert_null (strstr (old->str, "<text>"));

  bytes = g_bytes_new (old->str, old->len);
  loaded = polisi_policy_load_bytes (bytes, "old.polisi", &error);
  g_assert_no_error (error);
  g_assert_cmpint (polisi_policy_get_status (loaded), ==, POLISI_STATUS_ADOPTED);
  v1 = polisi_policy_dup_version_text (loaded, "1.0", &error);
  g_assert_no_error (error);
  g_assert_true (polisi_policy_content_equal (v1, policy));
  saved = to_text (loaded);
  g_assert_nonnull (strstr (saved, "format=\"2\""));
  g_assert_nonnull (strstr (saved, "<text>"));

  /* an earlier version of a format 1 file kept no text: said so */
  {
    g_autoptr(GString) draft = g_string_new (old->str);
    g_autoptr(GBytes) draft_bytes = NULL;
    g_autoptr(PolisiPolicy) draft_policy = NULL;

    g_string_replace (draft, "<status>adopted</status>", "<status>draft</status>", 1);
    draft_bytes = g_bytes_new (draft->str, draft->len);
    draft_policy = polisi_policy_load_bytes (draft_bytes, "old.polisi", &error);
    g_assert_no_error (error);
    g_assert_null (polisi_policy_dup_version_text (draft_policy, "1.0", &error));
    g_assert_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE);
    g_assert_nonnull (strstr (error->message, "--compare=OLD.polisi"));
    g_clear_error (&error);
  }

  {
    g_autoptr(GString) newer = g_string_new (saved);
    g_autoptr(GBytes) newer_bytes = NULL;

    g_string_replace (newer, "format=\"2\"", "format=\"3\"", 1);
    newer_bytes = g_bytes_new (newer->str, newer->len);
    g_assert_null (polisi_policy_load_bytes (newer_bytes, "newer.polisi", &error));
    g_assert_error (error, POLISI_ERROR, POLISI_ERROR_NEWER_FORMAT);
    g_assert_nonnull (strstr (error->message, "newer.polisi"));
    g_assert_nonnull (strstr (error->message, "Update Polisi"));
  }
}

/* A version's text that refers to a clause no later text has is damage. */
static void
test_damaged_reference (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  g_autoptr(PolisiPolicy) policy = make_policy (library);
  g_autoptr(GString) text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *own, *own_end;

  adopt (policy, "1.0", "2026-07-10");
  text = to_gstring (policy);
  /* take the clause out of the policy's own clauses: the version's
   * reference to it has nothing to point at */
  own = strstr (text->str, "<clause id=\"tips.think\"");
  own_end = strstr (own, "</clause>") + strlen ("</clause>");
  g_string_erase (text, own - text->str, own_end - own);

  bytes = g_bytes_new (text->str, text->len);
  g_assert_null (polisi_policy_load_bytes (bytes, "damaged.polisi", &error));
  g_assert_error (error, POLISI_ERROR, POLISI_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "damaged.polisi"));
  g_assert_nonnull (strstr (error->message, "tips.think"));
  g_assert_nonnull (strstr (error->message, "earlier copy"));

  /* the same in the first of two versions: the second is read first */
  {
    g_autoptr(PolisiPolicy) two = make_policy (library);
    g_autoptr(GString) text2 = NULL;
    g_autoptr(GBytes) bytes2 = NULL;
    g_autoptr(GError) error2 = NULL;
    const char *first, *second;

    adopt (two, "1.0", "2026-07-10");
    polisi_clause_state_replace_text (polisi_policy_lookup_clause (two, "tips.think"), POLISI_LANG_EN, "Think.", FALSE);
    adopt (two, "1.1", "2027-07-10");
    text2 = to_gstring (two);
    /* version 1.0's intro.purpose refers to 1.1's, which is taken out */
    first = strstr (text2->str, "<version number=\"1.1\"");
    g_assert_nonnull (first);
    first = strstr (first, "<clause id=\"intro.purpose\" same=\"true\"/>");
    g_assert_nonnull (first);
    second = first + strlen ("<clause id=\"intro.purpose\" same=\"true\"/>");
    g_string_erase (text2, first - text2->str, second - first);
    bytes2 = g_bytes_new (text2->str, text2->len);
    g_assert_null (polisi_policy_load_bytes (bytes2, "damaged.polisi", &error2));
    g_assert_error (error2, POLISI_ERROR, POLISI_ERROR_INVALID);
    g_assert_nonnull (strstr (error2->message, "version 1.0"));
  }
}

/* Any change to an adopted policy's content makes it the draft of its
 * next version; undoing it makes it the adopted version again. */
static void
test_honest_status (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  g_autoptr(PolisiPolicy) policy = make_policy (library);
  g_autoptr(PolisiPolicy) loaded = NULL;
  PolisiClauseState *clause = polisi_policy_lookup_clause (policy, "tips.think");
  g_autofree char *before = NULL;

  adopt (policy, "1.0", "2026-07-10");
  g_assert_false (polisi_policy_get_content_changed (policy));

  /* the life of the file is not its content */
  polisi_policy_set_closing_date (policy, "2027-01-01");
  g_assert_no_error (NULL);
  {
    g_autoptr(GError) error = NULL;
    g_assert_true (polisi_policy_add_review_trigger (policy, POLISI_TRIGGER_LEGISLATION, "2026-10-01", "Deddf", &error));
  }
  g_assert_cmpint (polisi_policy_get_status (policy), ==, POLISI_STATUS_ADOPTED);
  g_assert_cmpstr (polisi_policy_get_version (policy), ==, "1.0");

  /* a clause's text */
  before = g_strdup (polisi_clause_state_get_text (clause, POLISI_LANG_EN));
  polisi_clause_state_replace_text (clause, POLISI_LANG_EN, "Think twice.", FALSE);
  g_assert_cmpint (polisi_policy_get_status (policy), ==, POLISI_STATUS_DRAFT);
  g_assert_cmpstr (polisi_policy_get_version (policy), ==, "1.1");
  g_assert_true (polisi_policy_get_draft_by_change (policy));
  g_assert_true (polisi_policy_get_content_changed (policy));

  /* it stays so through the file */
  loaded = round_trip (policy, NULL);
  g_assert_true (polisi_policy_get_draft_by_change (loaded));

  /* undone: the adopted version again, in memory and after reading */
  clause = polisi_policy_lookup_clause (loaded, "tips.think");
  polisi_clause_state_replace_text (clause, POLISI_LANG_EN, before, FALSE);
  g_assert_cmpint (polisi_policy_get_status (loaded), ==, POLISI_STATUS_ADOPTED);
  g_assert_cmpstr (polisi_policy_get_version (loaded), ==, "1.0");
  g_assert_false (polisi_policy_get_draft_by_change (loaded));

  /* an answer, a name, a clause left out, the language category */
  polisi_policy_set_answer (loaded, "head_teacher", "Mr Huw Jones");
  g_assert_cmpstr (polisi_policy_get_version (loaded), ==, "1.1");
  polisi_policy_set_answer (loaded, "head_teacher", "Mrs Siân Hughes");
  g_assert_cmpstr (polisi_policy_get_version (loaded), ==, "1.0");
  polisi_policy_set_name (loaded, POLISI_LANG_EN, "Berllan School");
  g_assert_cmpint (polisi_policy_get_status (loaded), ==, POLISI_STATUS_DRAFT);
  polisi_policy_set_name (loaded, POLISI_LANG_EN, "Ysgol y Berllan");
  g_assert_cmpint (polisi_policy_get_status (loaded), ==, POLISI_STATUS_ADOPTED);
  polisi_clause_state_set_included (polisi_policy_lookup_clause (loaded, "tips.think"), FALSE);
  g_assert_cmpint (polisi_policy_get_status (loaded), ==, POLISI_STATUS_DRAFT);

  /* a draft opened on purpose stays a draft when the change is undone */
  polisi_policy_open_draft (loaded, POLISI_STATUS_CONSULTATION);
  polisi_clause_state_set_included (polisi_policy_lookup_clause (loaded, "tips.think"), TRUE);
  g_assert_cmpint (polisi_policy_get_status (loaded), ==, POLISI_STATUS_CONSULTATION);
  g_assert_cmpstr (polisi_policy_get_version (loaded), ==, "1.1");

  /* adopting makes the new text the adopted one */
  polisi_clause_state_replace_text (polisi_policy_lookup_clause (loaded, "tips.think"), POLISI_LANG_EN, "Think.", FALSE);
  adopt (loaded, NULL, "2027-07-10");
  g_assert_cmpstr (polisi_policy_get_version (loaded), ==, "1.1");
  g_assert_cmpint (polisi_policy_get_status (loaded), ==, POLISI_STATUS_ADOPTED);
  g_assert_false (polisi_policy_get_content_changed (loaded));
}

/* Accepting an update of the library or fixing legislation is a change. */
static void
test_status_after_review (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  g_autoptr(PolisiPolicy) policy = make_policy (library);
  PolisiClause *clause = polisi_library_lookup_clause (library, "tips.think");
  PolisiClauseState *state = polisi_policy_lookup_clause (policy, "tips.think");
  const PolisiAlternative *alternative = polisi_clause_get_default_alternative (clause, POLISI_NATION_WALES);

  polisi_clause_state_replace_text (state, POLISI_LANG_CY, "Hen destun.", FALSE);
  polisi_clause_state_replace_text (state, POLISI_LANG_EN, "Old text.", FALSE);
  adopt (policy, "1.0", "2026-07-10");
  /* the library's wording taken again, as accepting an update does */
  polisi_clause_state_use_alternative (state, clause, alternative);
  g_assert_cmpint (polisi_policy_get_status (policy), ==, POLISI_STATUS_DRAFT);
  g_assert_cmpstr (polisi_policy_get_version (policy), ==, "1.1");
}

/* The check's errors block adoption; what adoption settles does not. */
static void
test_adoption_blockers (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  g_autoptr(PolisiLegislation) legislation = polisi_test_load_mini_legislation ();
  g_autoptr(PolisiPolicy) policy = make_policy (library);
  g_autoptr(GPtrArray) blockers = NULL;
  PolisiClauseState *state = polisi_policy_lookup_clause (policy, "tips.think");
  PolisiFinding *finding;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, 7, 2026);

  blockers = polisi_check_adoption (policy, library, legislation, &today);
  g_assert_cmpuint (blockers->len, ==, 0);
  g_clear_pointer (&blockers, g_ptr_array_unref);

  /* the English edited, the Welsh not yet brought up to date */
  polisi_clause_state_set_text (state, POLISI_LANG_EN, "Under the Regulation of Investigatory Powers Act 2000, think.");
  g_assert_true (polisi_clause_state_get_needs_update (state, POLISI_LANG_CY));
  blockers = polisi_check_adoption (policy, library, legislation, &today);
  g_assert_cmpuint (blockers->len, ==, 2);
  finding = blockers->pdata[0];
  g_assert_cmpint (finding->kind, ==, POLISI_FINDING_STALE_TRANSLATION);
  g_assert_cmpstr (finding->clause_id, ==, "tips.think");
  g_assert_cmpint (finding->lang, ==, POLISI_LANG_CY);
  finding = blockers->pdata[1];
  g_assert_cmpint (finding->kind, ==, POLISI_FINDING_OUTDATED_LEGISLATION);
  g_assert_cmpint (finding->lang, ==, POLISI_LANG_EN);
  g_clear_pointer (&blockers, g_ptr_array_unref);

  /* fixed: the name brought up to date, the Welsh translated */
  polisi_clause_state_set_text (state, POLISI_LANG_EN, "Under the Investigatory Powers Act 2016, think.");
  polisi_clause_state_set_text (state, POLISI_LANG_CY, "Dan Ddeddf Pwerau Ymchwilio 2016, meddyliwch.");
  polisi_clause_state_confirm_translation (state, POLISI_LANG_CY);
  blockers = polisi_check_adoption (policy, library, legislation, &today);
  g_assert_cmpuint (blockers->len, ==, 0);
  g_clear_pointer (&blockers, g_ptr_array_unref);

  /* a consultation with no closing date, an overdue review: adopting is
   * what settles them */
  adopt (policy, "1.0", "2024-07-10");
  polisi_policy_open_draft (policy, POLISI_STATUS_CONSULTATION);
  blockers = polisi_check_adoption (policy, library, legislation, &today);
  g_assert_cmpuint (blockers->len, ==, 0);
}

typedef struct {
  guint added;
  guint removed;
  guint notified;
} Counts;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Counts     *counts)
{
  counts->added += added;
  counts->removed += removed;
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           Counts     *counts)
{
  counts->notified++;
}

/* The versions and the review triggers are GListModels of GObjects. */
static void
test_list_models (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  PolisiPolicy *policy = make_policy (library);
  GListModel *versions = polisi_policy_get_versions (policy);
  GListModel *triggers = polisi_policy_get_review_triggers (policy);
  Counts version_counts = { 0 }, trigger_counts = { 0 };
  g_autoptr(PolisiVersion) version = NULL;
  g_autoptr(PolisiTrigger) trigger = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;
  g_autofree char *summary = NULL;
  gboolean has_text;
  PolisiTriggerKind kind;

  g_assert_true (g_list_model_get_item_type (versions) == POLISI_TYPE_VERSION);
  g_assert_true (g_list_model_get_item_type (triggers) == POLISI_TYPE_TRIGGER);
  g_signal_connect (versions, "items-changed", G_CALLBACK (on_items_changed), &version_counts);
  g_signal_connect (triggers, "items-changed", G_CALLBACK (on_items_changed), &trigger_counts);

  adopt (policy, "1.0", "2026-07-10");
  g_assert_cmpuint (version_counts.added, ==, 1);
  version = g_list_model_get_item (versions, 0);
  g_object_get (version, "number", &number, "summary-cy", &summary, "has-text", &has_text, NULL);
  g_assert_cmpstr (number, ==, "1.0");
  g_assert_cmpstr (summary, ==, SUMMARY_CY);
  g_assert_true (has_text);

  /* in date order, whatever order they come in */
  g_assert_true (polisi_policy_add_review_trigger (policy, POLISI_TRIGGER_INCIDENT, "2026-11-01", NULL, &error));
  g_assert_true (polisi_policy_add_review_trigger (policy, POLISI_TRIGGER_GUIDANCE, "2026-09-01", "Canllawiau", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (trigger_counts.added, ==, 2);
  trigger = g_list_model_get_item (triggers, 0);
  g_object_get (trigger, "kind", &kind, NULL);
  g_assert_cmpint (kind, ==, POLISI_TRIGGER_GUIDANCE);
  g_assert_cmpstr (polisi_trigger_get_note (trigger), ==, "Canllawiau");

  /* notify on real change only */
  g_signal_connect (trigger, "notify::note", G_CALLBACK (on_notify), &trigger_counts);
  g_object_set (trigger, "note", "Canllawiau newydd", NULL);
  g_object_set (trigger, "note", "Canllawiau newydd", NULL);
  g_assert_cmpuint (trigger_counts.notified, ==, 1);
  g_assert_cmpstr (polisi_policy_get_review_trigger (policy, 0)->note, ==, "Canllawiau newydd");

  polisi_policy_remove_review_trigger (policy, 1);
  g_assert_cmpuint (trigger_counts.removed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (triggers), ==, 1);

  g_signal_handlers_disconnect_by_data (versions, &version_counts);
  g_signal_handlers_disconnect_by_data (triggers, &trigger_counts);
  g_signal_handlers_disconnect_by_data (trigger, &trigger_counts);
  g_assert_finalize_object (policy);
}

static void
test_objects_finalize (void)
{
  PolisiVersion *version = polisi_version_new ("1.0", "2026-07-10", "Y corff", "Cy", "En");
  PolisiTrigger *trigger = polisi_trigger_new (POLISI_TRIGGER_CASE_LAW, "2026-07-10", "  Achos  ");

  g_autoptr(PolisiPolicy) text = polisi_policy_new ();
  Counts counts = { 0 };

  g_assert_cmpstr (polisi_version_get_summary (version, POLISI_LANG_EN), ==, "En");
  g_assert_false (polisi_version_get_has_text (version));
  /* has-text notifies when the text comes, and only then */
  g_signal_connect (version, "notify::has-text", G_CALLBACK (on_notify), &counts);
  _polisi_version_set_text (version, text);
  _polisi_version_set_text (version, text);
  g_assert_cmpuint (counts.notified, ==, 1);
  g_assert_true (polisi_version_get_has_text (version));
  g_signal_handlers_disconnect_by_data (version, &counts);
  g_assert_cmpstr (polisi_trigger_get_note (trigger), ==, "Achos");
  g_assert_finalize_object (version);
  g_assert_finalize_object (trigger);
}

/* Every property of a version and of a review trigger: read back as made;
 * the note, the one that can be set, notifies once on a real change and
 * not on the same value. */
static void
test_objects_properties (void)
{
  PolisiVersion *version = polisi_version_new ("1.2", "2026-07-10", "Corff ŵ ŷ", "Crynodeb ẁ", "Summary");
  PolisiTrigger *trigger = polisi_trigger_new (POLISI_TRIGGER_GUIDANCE, "2026-11-01", NULL);
  g_autofree char *number = NULL;
  g_autofree char *date = NULL;
  g_autofree char *approved_by = NULL;
  g_autofree char *summary_cy = NULL;
  g_autofree char *summary_en = NULL;
  g_autofree char *trigger_date = NULL;
  PolisiTriggerKind kind;

  polisi_test_assert_explicit_notify (POLISI_TYPE_VERSION);
  polisi_test_assert_explicit_notify (POLISI_TYPE_TRIGGER);

  g_object_get (version, "number", &number, "date", &date, "approved-by", &approved_by,
                "summary-cy", &summary_cy, "summary-en", &summary_en, NULL);
  g_assert_cmpstr (number, ==, "1.2");
  g_assert_cmpstr (date, ==, "2026-07-10");
  g_assert_cmpstr (approved_by, ==, "Corff ŵ ŷ");
  g_assert_cmpstr (summary_cy, ==, "Crynodeb ẁ");
  g_assert_cmpstr (summary_en, ==, "Summary");

  g_object_get (trigger, "kind", &kind, "date", &trigger_date, NULL);
  g_assert_cmpint (kind, ==, POLISI_TRIGGER_GUIDANCE);
  g_assert_cmpstr (trigger_date, ==, "2026-11-01");
  polisi_test_check_string (trigger, "note", "Canllawiau " POLISI_TEST_WELSH_LETTERS);

  g_assert_finalize_object (version);
  g_assert_finalize_object (trigger);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/versions/keep-text", test_versions_keep_text);
  g_test_add_func ("/versions/file-compact", test_file_compact);
  g_test_add_func ("/versions/format-1", test_format_1);
  g_test_add_func ("/versions/damaged-reference", test_damaged_reference);
  g_test_add_func ("/versions/honest-status", test_honest_status);
  g_test_add_func ("/versions/status-after-review", test_status_after_review);
  g_test_add_func ("/versions/adoption-blockers", test_adoption_blockers);
  g_test_add_func ("/versions/list-models", test_list_models);
  g_test_add_func ("/versions/finalize", test_objects_finalize);
  g_test_add_func ("/versions/properties", test_objects_properties);

  return g_test_run ();
}
