/* test-step-list.c: the wizard's steps as the window shows them
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "polisi-gui-test-main.h"
#include "polisi-dates.h"
#include "polisi-step-list.h"
#include "polisi-steps.h"

static PolisiSpellChecker *
no_spell_checker (gpointer data)
{
  return NULL;
}

static void
test_create_destroy (void)
{
  GtkWidget *rows = g_object_ref_sink (gtk_list_box_new ());
  GtkWidget *pages = g_object_ref_sink (gtk_stack_new ());
  PolisiStepList *list = polisi_step_list_new (GTK_LIST_BOX (rows), GTK_STACK (pages));

  g_assert_cmpuint (polisi_step_list_get_n_steps (list), ==, 0);
  g_assert_finalize_object (list);
  g_assert_finalize_object (rows);
  g_assert_finalize_object (pages);
}

static guint
n_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* The steps of a policy: a row and a page each, the page made on the
 * first visit, the state following visits and findings, each finding
 * sent where it is fixed. */
static void
test_steps (void)
{
  PolisiContext *context = polisi_application_get_context (app);
  PolisiLibrary *library = polisi_context_get_library (context);
  g_autoptr(PolisiPolicy) policy = polisi_policy_new_from_library (library, POLISI_LANGUAGE_CATEGORY_DUAL);
  g_autoptr(GPtrArray) steps = polisi_steps_new (policy, context, no_spell_checker, NULL);
  GtkWidget *rows = g_object_ref_sink (gtk_list_box_new ());
  GtkWidget *pages = g_object_ref_sink (gtk_stack_new ());
  g_autoptr(PolisiStepList) list = polisi_step_list_new (GTK_LIST_BOX (rows), GTK_STACK (pages));
  guint n, organisation, finish, review;
  gboolean made;
  GtkWidget *page;

  polisi_step_list_set_steps (list, steps, FALSE);
  n = polisi_step_list_get_n_steps (list);
  g_assert_cmpuint (n, ==, steps->len);
  g_assert_cmpuint (n_children (rows), ==, n);
  g_assert_cmpuint (n_children (pages), ==, n);

  organisation = polisi_step_list_find_own (list, "organisation");
  finish = polisi_step_list_find_own (list, "finish");
  review = polisi_step_list_find_own (list, "review");
  g_assert_cmpuint (organisation, ==, 0);
  g_assert_cmpuint (finish, ==, n - 1);
  g_assert_cmpuint (review, <, n);
  /* the library has a section "review" too: own steps and sections apart */
  g_assert_cmpuint (polisi_step_list_find_own (list, "no-such-step"), ==, G_MAXUINT);
  g_assert_cmpuint (polisi_step_list_find_section (list, "no-such-section"), ==, G_MAXUINT);

  page = polisi_step_list_ensure_page (list, organisation, &made);
  g_assert_true (made);
  g_assert_true (polisi_step_list_ensure_page (list, organisation, &made) == page);
  g_assert_false (made);

  g_assert_cmpint (polisi_step_list_get_state (list, organisation), ==, POLISI_STEP_NOT_STARTED);
  g_assert_true (polisi_step_list_show (list, organisation));
  g_assert_false (polisi_step_list_show (list, organisation));
  g_assert_cmpint (polisi_step_list_get_state (list, organisation), ==, POLISI_STEP_DONE);

  /* a new policy has its organisation's names to give */
  {
    g_autoptr(GPtrArray) findings = NULL;
    GDate today;

    polisi_date_set_today (&today);
    findings = polisi_check (policy, library, polisi_context_get_legislation (context), &today);
    g_assert_cmpuint (findings->len, >, 0);
    polisi_step_list_show_findings (list, library, findings);
    g_assert_cmpint (polisi_step_list_get_state (list, organisation), ==, POLISI_STEP_NEEDS_ATTENTION);
  }
  /* a finding nobody owns, with no clause, is fixed on the last step */
  g_assert_cmpuint (polisi_step_list_find_finding (list, library, (PolisiFindingKind) 9999, NULL), ==, finish);

  polisi_step_list_set_steps (list, steps, TRUE);
  g_assert_cmpuint (n_children (rows), ==, n);
  g_assert_false (polisi_step_list_show (list, finish));

  g_clear_object (&list);
  g_object_unref (rows);
  g_object_unref (pages);
}

static void
add_tests (void)
{
  g_test_add_func ("/step-list/create-destroy", test_create_destroy);
  g_test_add_func ("/step-list/steps", test_steps);
}

POLISI_GUI_TEST_MAIN (add_tests)
