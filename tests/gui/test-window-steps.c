/* test-window-steps.c: the window's steps (polisi-window-steps.c): which
 * step is shown, going to one, the pages made on the first visit, and the
 * check that sets each step's state a moment after a change
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "polisi-consultation-page.h"
#include "polisi-finish-page.h"
#include "polisi-gui-test-utils.h"
#include "polisi-organisation-page.h"
#include "polisi-review-page.h"
#include "polisi-section-page.h"
#include "polisi-test-utils.h"
#include "polisi-window-private.h"

static PolisiApplication *app;
static char *data_home;

static PolisiWindow *
new_policy_window (void)
{
  PolisiWindow *window = polisi_gui_test_new_window (app);

  polisi_window_new_policy (window);
  polisi_gui_test_pump (20);
  return window;
}

static PolisiWindow *
open_example (const char *dir)
{
  g_autofree char *example = polisi_test_example_path ("secondary-wales.polisi");
  g_autofree char *contents = polisi_test_read_file (example, NULL);
  g_autofree char *path = g_build_filename (dir, "polisi.polisi", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PolisiWindow *window = polisi_gui_test_new_window (app);

  polisi_test_write_file (path, contents, -1);
  g_assert_true (polisi_gui_test_open_file (window, file));
  polisi_gui_test_pump (20);
  return window;
}

/* The steps built for a new policy: the organisation, one step for each
 * section of the library, the review, the consultation and the finish,
 * found by name, the first one shown. */
static void
test_build (void)
{
  PolisiWindow *window = new_policy_window ();
  PolisiLibrary *library = polisi_context_get_library (polisi_application_get_context (app));
  guint n_sections = polisi_library_get_n_sections (library);
  guint n = polisi_window_get_n_steps (window);
  const char *own[] = { "organisation", "review", "consultation", "finish" };
  g_autofree char *label = g_strdup_printf ("Step 1 of %u", n);

  g_assert_cmpuint (n, ==, n_sections + G_N_ELEMENTS (own));
  g_assert_cmpuint (polisi_window_get_step (window), ==, 0);
  g_assert_cmpstr (gtk_label_get_label (window->step_label), ==, label);
  g_assert_cmpstr (polisi_window_get_help_page (window), ==, "start-policy");
  /* every step a row of the sidebar and a page of the stack once made */
  g_assert_nonnull (gtk_list_box_get_row_at_index (window->steps_list, n - 1));
  g_assert_null (gtk_list_box_get_row_at_index (window->steps_list, n));

  for (guint i = 0; i < G_N_ELEMENTS (own); i++)
    {
      guint index = _polisi_window_step_named (window, own[i]);

      g_assert_cmpuint (index, <, n);
      g_assert_cmpuint (polisi_window_find_step (window, own[i]), ==, index);
    }
  g_assert_cmpuint (_polisi_window_step_named (window, "organisation"), ==, 0);
  g_assert_cmpuint (_polisi_window_step_named (window, "finish"), ==, n - 1);
  /* the library has a section "review": find_step gives the window's own
   * step first, _polisi_window_step_named only ever the window's */
  for (guint s = 0; s < n_sections; s++)
    {
      const char *id = polisi_section_get_id (polisi_library_get_section (library, s));
      guint index = polisi_window_find_step (window, id);

      if (g_str_equal (id, "review"))
        continue;
      g_assert_cmpuint (index, ==, s + 1);
      g_assert_cmpuint (_polisi_window_step_named (window, id), ==, G_MAXUINT);
      g_assert_true (POLISI_IS_SECTION_PAGE (polisi_window_get_step_page (window, index)));
      g_assert_true (polisi_section_page_get_section (POLISI_SECTION_PAGE (polisi_window_get_step_page (window, index))) ==
                     polisi_library_get_section (library, s));
    }
  g_assert_cmpuint (polisi_window_find_step (window, "no-such-step"), ==, G_MAXUINT);

  /* each page is made once, of its kind */
  g_assert_true (POLISI_IS_ORGANISATION_PAGE (polisi_window_get_step_page (window, 0)));
  g_assert_true (GTK_WIDGET (polisi_window_get_organisation_page (window)) == polisi_window_get_step_page (window, 0));
  g_assert_true (POLISI_IS_REVIEW_PAGE (polisi_window_get_step_page (window, polisi_window_find_step (window, "review"))));
  g_assert_true (POLISI_IS_CONSULTATION_PAGE (polisi_window_get_step_page (window, polisi_window_find_step (window, "consultation"))));
  g_assert_true (GTK_WIDGET (polisi_window_get_finish_page (window)) == polisi_window_get_step_page (window, n - 1));
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (polisi_window_get_finish_page (window)), GTK_WIDGET (window->steps_stack)));

  /* built again for another policy: the new policy's steps, from the first */
  polisi_window_go_to_step (window, n - 1);
  polisi_window_new_policy (window);
  polisi_gui_test_pump (20);
  g_assert_cmpuint (polisi_window_get_n_steps (window), ==, n);
  g_assert_cmpuint (polisi_window_get_step (window), ==, 0);
  g_assert_true (window->policy == polisi_session_get_policy (window->session));

  polisi_gui_test_destroy_window (window);
}

/* The step page in the visible child of the stack (a page is in a
 * scrolled window of its own) */
static GtkWidget *
shown_page (PolisiWindow *window)
{
  GtkWidget *child = gtk_stack_get_visible_child (window->steps_stack);
  guint n = polisi_window_get_n_steps (window);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *page = polisi_window_get_step_page (window, i);

      if (page == child || gtk_widget_is_ancestor (page, child))
        return page;
    }
  return NULL;
}

/* Going to a step: the step shown, its label, its help page, the stack's
 * page; through the sidebar's rows as by a click; back to the list of
 * steps on a narrow window. */
static void
test_go_to (void)
{
  PolisiWindow *window = new_policy_window ();
  guint n = polisi_window_get_n_steps (window);
  const struct {
    const char *step;
    const char *help;
  } expected[] = {
    { "organisation", "start-policy" },
    { "personal-use", "clauses" },
    { "review", "review" },
    { "consultation", "consultation" },
    { "finish", "export" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      guint index = polisi_window_find_step (window, expected[i].step);
      g_autofree char *label = g_strdup_printf ("Step %u of %u", index + 1, n);

      g_assert_cmpuint (index, <, n);
      polisi_window_go_to_step (window, index);
      g_assert_cmpuint (polisi_window_get_step (window), ==, index);
      g_assert_cmpstr (gtk_label_get_label (window->step_label), ==, label);
      g_assert_cmpstr (polisi_window_get_help_page (window), ==, expected[i].help);
      g_assert_true (shown_page (window) == polisi_window_get_step_page (window, index));
    }

  /* a row of the sidebar activated */
  _polisi_window_on_step_activated (window, gtk_list_box_get_row_at_index (window->steps_list, 2));
  g_assert_cmpuint (polisi_window_get_step (window), ==, 2);
  g_assert_true (shown_page (window) == polisi_window_get_step_page (window, 2));

  /* narrow: the step fills the window, and "back" shows the list */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  polisi_gui_test_pump (300);
  if (adw_leaflet_get_folded (window->leaflet))
    {
      GtkWidget *content = adw_leaflet_get_visible_child (window->leaflet);

      _polisi_window_on_back_to_steps (window);
      polisi_gui_test_pump (300);
      g_assert_true (adw_leaflet_get_visible_child (window->leaflet) != content);
      polisi_window_go_to_step (window, 1);
      polisi_gui_test_pump (300);
      g_assert_true (adw_leaflet_get_visible_child (window->leaflet) == content);
    }
  else
    g_test_message ("the leaflet did not fold at 360 pixels: back to the steps not checked");

  polisi_gui_test_destroy_window (window);
}

/* The check: run now, or scheduled a moment after a change (and once
 * for a step opened for the first time); it sets each step's state. */
static void
test_check (void)
{
  g_autofree char *dir = polisi_test_make_temp_dir ();
  PolisiWindow *window = open_example (dir);
  PolisiPolicy *policy = polisi_window_get_policy (window);
  guint organisation = polisi_window_find_step (window, "organisation");

  polisi_window_check_now (window);
  g_assert_cmpuint (window->check_id, ==, 0);
  g_assert_cmpint (polisi_window_get_step_state (window, organisation), ==, POLISI_STEP_DONE);

  /* a change schedules the check: the state follows after a moment, not
   * at the keystroke */
  polisi_policy_set_name (policy, POLISI_LANG_CY, NULL);
  g_assert_cmpuint (window->check_id, !=, 0);
  g_assert_cmpint (polisi_window_get_step_state (window, organisation), ==, POLISI_STEP_DONE);
  polisi_gui_test_pump (800);
  g_assert_cmpuint (window->check_id, ==, 0);
  g_assert_cmpint (polisi_window_get_step_state (window, organisation), ==, POLISI_STEP_NEEDS_ATTENTION);

  /* the name back: done again, once the check has run */
  polisi_policy_set_name (policy, POLISI_LANG_CY, "Ysgol Uwchradd Bryn Ŵyn");
  polisi_window_check_now (window);
  g_assert_cmpint (polisi_window_get_step_state (window, organisation), ==, POLISI_STEP_DONE);

  /* scheduled twice, run once: the second replaces the first */
  _polisi_window_schedule_check (window);
  {
    guint first = window->check_id;

    _polisi_window_schedule_check (window);
    g_assert_cmpuint (window->check_id, !=, 0);
    g_assert_cmpuint (window->check_id, !=, first);
  }
  polisi_gui_test_pump (800);
  g_assert_cmpuint (window->check_id, ==, 0);

  polisi_gui_test_destroy_window (window);
  polisi_test_remove_tree (dir);
}

/* In a new policy, a step not opened yet has no state; opening it marks
 * it done and schedules the check, which finds nothing on it to fix. */
static void
test_new_policy_states (void)
{
  PolisiWindow *window = new_policy_window ();
  guint organisation = polisi_window_find_step (window, "organisation");
  guint unopened = G_MAXUINT;

  polisi_window_check_now (window);
  /* no name yet: the first step, shown, needs attention */
  g_assert_cmpint (polisi_window_get_step_state (window, organisation), ==, POLISI_STEP_NEEDS_ATTENTION);
  for (guint i = 1; i < polisi_window_get_n_steps (window) && unopened == G_MAXUINT; i++)
    if (polisi_window_get_step_state (window, i) == POLISI_STEP_NOT_STARTED)
      unopened = i;
  g_assert_cmpuint (unopened, !=, G_MAXUINT);

  polisi_window_go_to_step (window, unopened);
  g_assert_cmpuint (window->check_id, !=, 0);
  g_assert_cmpint (polisi_window_get_step_state (window, unopened), ==, POLISI_STEP_DONE);
  polisi_gui_test_pump (800);
  g_assert_cmpuint (window->check_id, ==, 0);
  g_assert_cmpint (polisi_window_get_step_state (window, unopened), ==, POLISI_STEP_DONE);

  /* a step opened before is not checked again for that */
  polisi_window_go_to_step (window, organisation);
  g_assert_cmpuint (window->check_id, ==, 0);

  polisi_gui_test_destroy_window (window);
}

/* A clause's editor, made with its step's page when asked for; none for a
 * clause the library does not have. */
static void
test_clause_editor (void)
{
  PolisiWindow *window = new_policy_window ();
  PolisiPolicy *policy = polisi_window_get_policy (window);
  PolisiLibrary *library = polisi_context_get_library (polisi_application_get_context (app));
  PolisiSection *section = polisi_library_get_section (library, polisi_library_get_n_sections (library) - 1);
  const char *id = polisi_clause_get_id (polisi_section_get_clause (section, polisi_section_get_n_clauses (section) - 1));
  PolisiClauseEditor *editor;

  editor = polisi_window_get_clause_editor (window, id);
  g_assert_nonnull (editor);
  g_assert_true (polisi_clause_editor_get_state (editor) == polisi_policy_lookup_clause (policy, id));
  /* its step's page, not the step shown */
  g_assert_cmpuint (polisi_window_get_step (window), ==, 0);
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (editor),
                                         polisi_window_get_step_page (window, polisi_window_find_step (window, polisi_section_get_id (section)))));
  g_assert_true (polisi_window_get_clause_editor (window, id) == editor);

  g_assert_null (polisi_window_get_clause_editor (window, "no-section.no-clause"));

  polisi_gui_test_destroy_window (window);
}

/* The finish page shows the export choices the export flow holds, their
 * one home: either one set, both show it. */
static void
test_finish_page_choices (void)
{
  PolisiWindow *window = new_policy_window ();
  PolisiExportFlow *flow = _polisi_window_get_export_flow (window);
  PolisiFinishPage *page = polisi_window_get_finish_page (window);

  g_assert_true (flow == polisi_window_get_export_flow (window));
  g_assert_true (polisi_finish_page_get_export_flow (page) == flow);
  g_object_set (flow, "layout", POLISI_LAYOUT_SEQUENTIAL, "final", TRUE, NULL);
  g_assert_cmpint (polisi_finish_page_get_layout (page), ==, POLISI_LAYOUT_SEQUENTIAL);
  g_assert_true (polisi_finish_page_get_final (page));

  polisi_finish_page_set_layout (page, POLISI_LAYOUT_EN);
  g_assert_cmpint (polisi_export_flow_get_layout (flow), ==, POLISI_LAYOUT_EN);
  polisi_finish_page_set_format (page, POLISI_FORMAT_DOCX);
  g_assert_cmpint (polisi_export_flow_get_format (flow), ==, POLISI_FORMAT_DOCX);

  /* a policy shown again: the choices start from the preferences, and the
   * page shows them */
  polisi_window_new_policy (window);
  polisi_gui_test_pump (20);
  g_assert_false (polisi_export_flow_get_final (flow));
  page = polisi_window_get_finish_page (window);
  g_assert_false (polisi_finish_page_get_final (page));
  g_assert_cmpint (polisi_finish_page_get_layout (page), ==, polisi_export_flow_get_layout (flow));
  g_assert_cmpint (polisi_finish_page_get_format (page), ==, polisi_export_flow_get_format (flow));

  polisi_gui_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  data_home = polisi_test_make_temp_dir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = polisi_gui_test_new_app ();

  g_test_add_func ("/window-steps/build", test_build);
  g_test_add_func ("/window-steps/go-to", test_go_to);
  g_test_add_func ("/window-steps/check", test_check);
  g_test_add_func ("/window-steps/new-policy-states", test_new_policy_states);
  g_test_add_func ("/window-steps/clause-editor", test_clause_editor);
  g_test_add_func ("/window-steps/finish-page-choices", test_finish_page_choices);

  status = g_test_run ();
  g_clear_object (&app);
  polisi_test_remove_tree (data_home);
  g_free (data_home);
  return status;
}
