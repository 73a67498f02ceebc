/* test-settable.c: the one table of settable keys, shared by "--set" and
 * the organisation step
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "polisi-cli-private.h"
#include "polisi-context.h"
#include "polisi-error.h"
#include "polisi-gui-resources.h"
#include "polisi-organisation-page.h"
#include "polisi-policy-io.h"
#include "polisi-settable.h"
#include "polisi-test-utils.h"
#include "polisi-text.h"

static char *
policy_text (PolisiPolicy *policy)
{
  g_autoptr(GBytes) bytes = polisi_policy_to_bytes (policy);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static PolisiLibrary *
library_new (void)
{
  g_autoptr(GError) error = NULL;
  PolisiLibrary *library = polisi_library_new_builtin (&error);

  g_assert_no_error (error);
  return library;
}

/* A value each key takes, by its kind. */
static const char *
good_value (const PolisiSettable *settable)
{
  switch (settable->kind)
    {
    case POLISI_SETTABLE_TEXT:
      return "Ysgol Gymraeg Bro Ŵyn";
    case POLISI_SETTABLE_PARAGRAPHS:
      return "Adolygiad blynyddol:\n- enwau cyfredol y Deddfau.";
    case POLISI_SETTABLE_CHOICE:
      return settable->choices == POLISI_TYPE_STATUS ? "consultation" :
             settable->choices == POLISI_TYPE_LANGUAGE_CATEGORY ? "dual" : "primary";
    case POLISI_SETTABLE_DATE:
      return "2027-03-31";
    case POLISI_SETTABLE_MONTHS:
      return "24";
    case POLISI_SETTABLE_VERSION:
      return "1.1";
    case POLISI_SETTABLE_CLAUSE:
      return "scope.governors";
    case POLISI_SETTABLE_TRIGGER:
      return "legislation:2026-10-01:Online Safety Act 2023";
    case POLISI_SETTABLE_ANSWER:
      switch (polisi_placeholder_get_kind (settable->placeholder))
        {
        case POLISI_PLACEHOLDER_EMAIL:
          return "pennaeth@ysgol-bro-wyn.cymru";
        case POLISI_PLACEHOLDER_DATE:
          return "2027-01-31";
        default:
          return "Mrs Siân Ŵyn Hughes";
        }
    default:
      g_assert_not_reached ();
    }
}

/* A value the key's rule refuses, or NULL where any line is taken. */
static const char *
bad_value (const PolisiSettable *settable)
{
  switch (settable->kind)
    {
    case POLISI_SETTABLE_CHOICE:
      return "somewhere";
    case POLISI_SETTABLE_DATE:
      return "31/02/2027";
    case POLISI_SETTABLE_MONTHS:
      return "0";
    case POLISI_SETTABLE_VERSION:
      return "one point two";
    case POLISI_SETTABLE_CLAUSE:
      return "";
    case POLISI_SETTABLE_TRIGGER:
      return "yesterday";
    case POLISI_SETTABLE_ANSWER:
      switch (polisi_placeholder_get_kind (settable->placeholder))
        {
        case POLISI_PLACEHOLDER_EMAIL:
          return "pennaeth at ysgol";
        case POLISI_PLACEHOLDER_DATE:
          return "next Friday";
        default:
          return NULL;
        }
    case POLISI_SETTABLE_TEXT:
    case POLISI_SETTABLE_PARAGRAPHS:
    default:
      return NULL;
    }
}

/* Every key of the table is set by --set with a good value, in a fresh
 * policy each, and the value is in the policy as written back. */
static void
test_set_every_key (void)
{
  g_autoptr(PolisiLibrary) library = library_new ();
  g_autoptr(GPtrArray) settables = polisi_settable_list (library);
  guint answers = 0;

  g_assert_cmpuint (settables->len, >, 17);
  for (guint i = 0; i < settables->len; i++)
    {
      const PolisiSettable *settable = settables->pdata[i];
      g_autoptr(PolisiPolicy) policy = polisi_policy_new_from_library (library, POLISI_LANGUAGE_CATEGORY_WELSH);
      g_autofree char *setting = g_strdup_printf ("%s=%s", settable->key, good_value (settable));
      g_autoptr(GError) error = NULL;

      /* named in both languages, and not the same words */
      g_assert_nonnull (settable->label[POLISI_LANG_CY]);
      g_assert_nonnull (settable->label[POLISI_LANG_EN]);
      g_assert_cmpstr (polisi_settable_lookup (settables, settable->key)->key, ==, settable->key);

      if (g_str_equal (settable->key, "include"))
        polisi_clause_state_include (polisi_policy_lookup_clause (policy, "scope.governors"),
                                     polisi_library_lookup_clause (library, "scope.governors"), FALSE, POLISI_LANG_EN, NULL);
      g_assert_true (polisi_cli_apply_setting (policy, library, setting, &error));
      g_assert_no_error (error);

      if (settable->kind == POLISI_SETTABLE_ANSWER)
        {
          answers++;
          g_assert_cmpstr (polisi_policy_get_answer (policy, polisi_placeholder_get_id (settable->placeholder),
                                                     settable->lang < 0 ? POLISI_LANG_EN : settable->lang),
                           ==, good_value (settable));
        }
      else if (g_str_equal (settable->key, "name-cy"))
        g_assert_cmpstr (polisi_policy_get_name (policy, POLISI_LANG_CY), ==, good_value (settable));
      else if (g_str_equal (settable->key, "language-category"))
        g_assert_cmpint (polisi_policy_get_language_category (policy), ==, POLISI_LANGUAGE_CATEGORY_DUAL);
      else if (g_str_equal (settable->key, "closing-date"))
        g_assert_cmpstr (polisi_policy_get_closing_date (policy), ==, "2027-03-31");
      else if (g_str_equal (settable->key, "review-cycle"))
        g_assert_cmpuint (polisi_policy_get_review_cycle (policy), ==, 24);
      else if (g_str_equal (settable->key, "include") || g_str_equal (settable->key, "exclude"))
        g_assert_cmpint (polisi_clause_state_get_included (polisi_policy_lookup_clause (policy, "scope.governors")),
                         ==, g_str_equal (settable->key, "include"));
      else if (g_str_equal (settable->key, "review-trigger"))
        g_assert_cmpuint (polisi_policy_get_n_review_triggers (policy), ==, 1);
    }
  g_assert_cmpuint (answers, >, 10);

  /* an answer's key with "-" for "_", as people write it */
  {
    g_autoptr(PolisiPolicy) policy = polisi_policy_new_from_library (library, POLISI_LANGUAGE_CATEGORY_WELSH);

    g_assert_nonnull (polisi_settable_lookup (settables, "head-teacher"));
    g_assert_true (polisi_cli_apply_setting (policy, library, "head-teacher=Mr Llŷr Ŷs", NULL));
    g_assert_cmpstr (polisi_policy_get_answer (policy, "head_teacher", POLISI_LANG_CY), ==, "Mr Llŷr Ŷs");
    g_assert_null (polisi_settable_lookup (settables, "name_cy"));
  }
}

/* Each rule refuses a bad value with a message that names the value or the
 * key and says what to write; the policy is left as it was. */
static void
test_validators (void)
{
  g_autoptr(PolisiLibrary) library = library_new ();
  g_autoptr(GPtrArray) settables = polisi_settable_list (library);
  guint refused = 0;

  for (guint i = 0; i < settables->len; i++)
    {
      const PolisiSettable *settable = settables->pdata[i];
      const char *bad = bad_value (settable);
      g_autoptr(PolisiPolicy) policy = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *setting = NULL;

      if (bad == NULL)
        continue;
      policy = polisi_policy_new_from_library (library, POLISI_LANGUAGE_CATEGORY_WELSH);
      before = policy_text (policy);
      g_assert_false (polisi_settable_check (settable, bad, &error));
      g_assert_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE);
      g_test_message ("%s=%s: %s", settable->key, bad, error->message);
      g_assert_true ((bad[0] != '\0' && strstr (error->message, bad) != NULL) || strstr (error->message, settable->key) != NULL);
      /* what to write instead: an example, a form or the choices */
      g_assert_true (strstr (error->message, "YYYY-MM-DD") != NULL || strstr (error->message, "Use one of") != NULL ||
                     strstr (error->message, "from 1 to 120") != NULL || strstr (error->message, "such as") != NULL ||
                     strstr (error->message, "Write") != NULL || strstr (error->message, "for example") != NULL);
      g_clear_error (&error);

      setting = g_strdup_printf ("%s=%s", settable->key, bad);
      g_assert_false (polisi_cli_apply_setting (policy, library, setting, &error));
      g_assert_nonnull (error);
      after = policy_text (policy);
      g_assert_cmpstr (before, ==, after);
      refused++;
    }
  /* dates, choices, months, version, clause, trigger, e-mail addresses */
  g_assert_cmpuint (refused, >=, 10);

  /* a line too long for any key */
  {
    const PolisiSettable *name = polisi_settable_lookup (settables, "name-en");
    g_autofree char *long_name = g_strnfill (POLISI_TEXT_MAX_LINE + 1, 'w');
    g_autoptr(GError) error = NULL;

    g_assert_false (polisi_settable_check (name, long_name, &error));
    g_assert_nonnull (error);
  }
  /* adopting is not a status to set */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (polisi_settable_check (polisi_settable_lookup (settables, "status"), "adopted", &error));
    g_assert_nonnull (strstr (error->message, "--adopt"));
  }
}

/* Every key the organisation step shows is a key of --set, and every key
 * the table gives the organisation step is on it. */
static void
test_organisation_page_keys (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiContext) context = polisi_context_new_builtin (&error);
  PolisiLibrary *library = polisi_context_get_library (context);
  g_autoptr(GPtrArray) settables = polisi_settable_list (library);
  g_autoptr(PolisiPolicy) policy = polisi_policy_new_from_library (library, POLISI_LANGUAGE_CATEGORY_WELSH);
  PolisiOrganisationPage *page = g_object_ref_sink (polisi_organisation_page_new (policy, context));
  g_autoptr(GPtrArray) shown = polisi_organisation_page_list_keys (page);
  g_autoptr(GHashTable) on_page = g_hash_table_new (g_str_hash, g_str_equal);
  guint expected = 0;

  for (guint i = 0; i < shown->len; i++)
    {
      const PolisiSettable *settable = polisi_settable_lookup (settables, shown->pdata[i]);
      g_autofree char *setting = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (settable);
      g_assert_cmpint (settable->page, ==, POLISI_SETTABLE_ORGANISATION);
      setting = g_strdup_printf ("%s=%s", settable->key, good_value (settable));
      g_assert_true (polisi_cli_apply_setting (policy, library, setting, &error));
      g_assert_no_error (error);
      g_hash_table_add (on_page, shown->pdata[i]);
    }
  for (guint i = 0; i < settables->len; i++)
    {
      const PolisiSettable *settable = settables->pdata[i];

      if (settable->page != POLISI_SETTABLE_ORGANISATION)
        continue;
      expected++;
      if (!g_hash_table_contains (on_page, settable->key))
        g_error ("%s is the organisation step's but not on it", settable->key);
    }
  g_assert_cmpuint (expected, ==, shown->len);

  /* the page's rows are titled as the table names the keys, and type
   * through the same rule: an e-mail address refused stays typed, marked */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (polisi_organisation_page_get_entry (page, "name-cy"))),
                   ==, polisi_settable_lookup (settables, "name-cy")->label[POLISI_LANG_EN]);
  for (guint i = 0; i < settables->len; i++)
    {
      const PolisiSettable *settable = settables->pdata[i];
      GtkEditable *entry;

      if (settable->kind != POLISI_SETTABLE_ANSWER || settable->page != POLISI_SETTABLE_ORGANISATION ||
          polisi_placeholder_get_kind (settable->placeholder) != POLISI_PLACEHOLDER_EMAIL)
        continue;
      entry = polisi_organisation_page_get_entry (page, settable->key);
      g_assert_nonnull (entry);
      gtk_editable_set_text (entry, "it at ysgol");
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
      g_assert_cmpstr (polisi_policy_get_answer (policy, polisi_placeholder_get_id (settable->placeholder), POLISI_LANG_EN),
                       ==, "it at ysgol");
      gtk_editable_set_text (entry, "it@ysgol.cymru");
      g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
      break;
    }

  g_object_unref (page);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* the pages' templates, from the interface's static library */
  (void) polisi_gui_get_resource ();

  g_test_add_func ("/settable/set-every-key", test_set_every_key);
  g_test_add_func ("/settable/validators", test_validators);
  g_test_add_func ("/settable/organisation-page-keys", test_organisation_page_keys);

  return g_test_run ();
}
