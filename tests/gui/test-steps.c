/* test-steps.c: the steps of the wizard behind one interface: each made
 * and destroyed, what it shows, the findings it owns, and its page made
 * only when asked
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "polisi-application.h"
#include "polisi-checker.h"
#include "polisi-context.h"
#include "polisi-dates.h"
#include "polisi-finish-page.h"
#include "polisi-organisation-page.h"
#include "polisi-section-page.h"
#include "polisi-spell-checker.h"
#include "polisi-steps.h"

static PolisiContext *context;
static PolisiSpellChecker *checker;

static PolisiSpellChecker *
get_checker (gpointer data)
{
  guint *calls = data;

  (*calls)++;
  if (checker == NULL)
    checker = polisi_spell_checker_new (polisi_context_get_library (context));
  return checker;
}

static PolisiPolicy *
new_policy (void)
{
  return polisi_policy_new_from_library (polisi_context_get_library (context), POLISI_LANGUAGE_CATEGORY_DUAL);
}

static void
test_create_and_destroy (void)
{
  g_autoptr(PolisiPolicy) policy = new_policy ();
  PolisiLibrary *library = polisi_context_get_library (context);
  guint calls = 0;
  PolisiStep *steps[] = {
    polisi_organisation_step_new (policy, context),
    polisi_section_step_new (policy, context, polisi_library_get_section (library, 0), get_checker, &calls),
    polisi_review_step_new (policy, context),
    polisi_consultation_step_new (policy, context),
    polisi_finish_step_new (policy, context),
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_assert_true (POLISI_IS_STEP (steps[i]));
      g_assert_null (polisi_step_get_page (steps[i]));
      g_assert_finalize_object (steps[i]);
    }
  /* nothing made a page, so nothing asked for the spell checker */
  g_assert_cmpuint (calls, ==, 0);
}

static void
test_list (void)
{
  g_autoptr(PolisiPolicy) policy = new_policy ();
  PolisiLibrary *library = polisi_context_get_library (context);
  guint calls = 0;
  g_autoptr(GPtrArray) steps = polisi_steps_new (policy, context, get_checker, &calls);
  const char *own[] = { "organisation", "review", "consultation", "finish" };
  const char *help[] = { "start-policy", "review", "consultation", "export" };
  guint n_sections = polisi_library_get_n_sections (library);

  g_assert_cmpuint (steps->len, ==, n_sections + 4);
  g_assert_cmpstr (polisi_step_get_name (steps->pdata[0]), ==, own[0]);
  g_assert_cmpstr (polisi_step_get_help_page (steps->pdata[0]), ==, help[0]);
  for (guint i = 0; i < 3; i++)
    {
      PolisiStep *step = steps->pdata[n_sections + 1 + i];

      g_assert_cmpstr (polisi_step_get_name (step), ==, own[i + 1]);
      g_assert_cmpstr (polisi_step_get_help_page (step), ==, help[i + 1]);
      g_assert_null (polisi_step_get_section (step));
    }
  for (guint i = 0; i < n_sections; i++)
    {
      PolisiStep *step = steps->pdata[i + 1];
      PolisiSection *section = polisi_library_get_section (library, i);
      g_autofree char *title = polisi_step_get_title (step);

      g_assert_true (polisi_step_get_section (step) == section);
      g_assert_cmpstr (polisi_step_get_name (step), ==, polisi_section_get_id (section));
      g_assert_cmpstr (title, ==, polisi_section_get_title (section, POLISI_LANG_EN));
      g_assert_cmpstr (polisi_step_get_help_page (step), ==, "clauses");
    }
}

/* Each kind of finding the window sends to a step of its own is owned by
 * exactly one step; the others go by their clause's section. */
static void
test_finding_owners (void)
{
  g_autoptr(PolisiPolicy) policy = new_policy ();
  guint calls = 0;
  g_autoptr(GPtrArray) steps = polisi_steps_new (policy, context, get_checker, &calls);
  struct { PolisiFindingKind kind; const char *owner; } owned[] = {
    { POLISI_FINDING_MISSING_NAME, "organisation" },
    { POLISI_FINDING_UNFILLED_PLACEHOLDER, "organisation" },
    { POLISI_FINDING_PENDING_DATE, "organisation" },
    { POLISI_FINDING_REVIEW_OVERDUE, "review" },
    { POLISI_FINDING_REVIEW_DUE, "review" },
    { POLISI_FINDING_LIBRARY_UPDATED, "review" },
    { POLISI_FINDING_NO_PENDING_SUMMARY, "review" },
    { POLISI_FINDING_NO_CLOSING_DATE, "consultation" },
    { POLISI_FINDING_MISSING_TEXT, NULL },
    { POLISI_FINDING_STALE_TRANSLATION, NULL },
    { POLISI_FINDING_OUTDATED_LEGISLATION, NULL },
    { POLISI_FINDING_INVALID_DATE, NULL },
  };

  for (guint k = 0; k < G_N_ELEMENTS (owned); k++)
    {
      const char *owner = NULL;
      guint n_owners = 0;

      for (guint i = 0; i < steps->len; i++)
        if (polisi_step_owns_finding_kind (steps->pdata[i], owned[k].kind))
          {
            owner = polisi_step_get_name (steps->pdata[i]);
            n_owners++;
          }
      g_assert_cmpuint (n_owners, <=, 1);
      g_assert_cmpstr (owner, ==, owned[k].owner);
    }
}

static void
test_pages (void)
{
  g_autoptr(PolisiPolicy) policy = new_policy ();
  PolisiLibrary *library = polisi_context_get_library (context);
  guint calls = 0;
  g_autoptr(GPtrArray) steps = polisi_steps_new (policy, context, get_checker, &calls);
  g_autoptr(GPtrArray) findings = NULL;
  PolisiStep *finish = steps->pdata[steps->len - 1];
  GtkWidget *page;
  GDate today;

  page = polisi_step_ensure_page (steps->pdata[0]);
  g_assert_true (POLISI_IS_ORGANISATION_PAGE (page));
  g_assert_true (polisi_step_ensure_page (steps->pdata[0]) == page);
  g_assert_true (polisi_step_get_page (steps->pdata[0]) == page);

  /* the section steps share one spell checker */
  g_assert_true (POLISI_IS_SECTION_PAGE (polisi_step_ensure_page (steps->pdata[1])));
  g_assert_true (POLISI_IS_SECTION_PAGE (polisi_step_ensure_page (steps->pdata[2])));
  g_assert_cmpuint (calls, ==, 2);

  /* only the last step lists the findings; it is complete when nothing
   * must be fixed anywhere */
  polisi_date_set_today (&today);
  findings = polisi_check (policy, library, polisi_context_get_legislation (context), &today);
  g_assert_cmpuint (polisi_check_count (findings, POLISI_SEVERITY_ERROR), >, 0);
  for (guint i = 0; i + 1 < steps->len; i++)
    {
      g_assert_false (polisi_step_shows_findings (steps->pdata[i]));
      g_assert_true (polisi_step_is_complete (steps->pdata[i], findings, FALSE));
      g_assert_false (polisi_step_is_complete (steps->pdata[i], findings, TRUE));
    }
  g_assert_true (polisi_step_shows_findings (finish));
  g_assert_false (polisi_step_is_complete (finish, findings, FALSE));
  g_assert_true (POLISI_IS_FINISH_PAGE (polisi_step_ensure_page (finish)));
  polisi_step_show_findings (finish, findings);
}

static void
on_go_to (PolisiStep *step,
          const char *clause_id,
          const char *placeholder,
          int         lang,
          int         kind,
          GString    *seen)
{
  g_string_append_printf (seen, "%s|%s|%d|%d", clause_id, placeholder, lang, kind);
}

static void
test_go_to (void)
{
  g_autoptr(PolisiPolicy) policy = new_policy ();
  g_autoptr(PolisiStep) finish = polisi_finish_step_new (policy, context);
  g_autoptr(PolisiStep) review = polisi_review_step_new (policy, context);
  g_autoptr(GString) seen = g_string_new (NULL);

  g_signal_connect (finish, "go-to", G_CALLBACK (on_go_to), seen);
  g_signal_connect (review, "go-to", G_CALLBACK (on_go_to), seen);

  /* the findings list's request becomes the step's */
  g_signal_emit_by_name (polisi_step_ensure_page (finish), "go-to", "purpose.aims", NULL, POLISI_LANG_CY,
                         POLISI_FINDING_MISSING_TEXT);
  g_assert_cmpstr (seen->str, ==, "purpose.aims|(null)|0|4");
  g_string_truncate (seen, 0);

  /* an out-of-date name in the review step goes to its clause */
  g_signal_emit_by_name (polisi_step_ensure_page (review), "go-to-clause", "purpose.aims", POLISI_LANG_EN);
  g_assert_cmpstr (seen->str, ==, "purpose.aims|(null)|1|6");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* the application's class keeps the interface's resources in the program */
  g_type_class_unref (g_type_class_ref (POLISI_TYPE_APPLICATION));

  context = polisi_context_new_builtin (&error);
  g_assert_no_error (error);

  g_test_add_func ("/steps/create-and-destroy", test_create_and_destroy);
  g_test_add_func ("/steps/list", test_list);
  g_test_add_func ("/steps/finding-owners", test_finding_owners);
  g_test_add_func ("/steps/pages", test_pages);
  g_test_add_func ("/steps/go-to", test_go_to);

  status = g_test_run ();
  g_clear_object (&checker);
  g_clear_object (&context);
  return status;
}
