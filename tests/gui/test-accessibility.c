/* test-accessibility.c: every control of the window has a name a screen
 * reader can say, under Xvfb
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs with GTK's accessibility backend for tests (GTK_A11Y=test, set
 * here): it keeps what each widget tells assistive technologies, without a
 * bus, so that a test can read it.
 */
#include "config.h"

#include <adwaita.h>

#include "polisi-application.h"
#include "polisi-consultation-page.h"
#include "polisi-gui-test-utils.h"
#include "polisi-review-page.h"
#include "polisi-test-utils.h"
#include "polisi-window.h"

static PolisiApplication *app;
static char *data_home;

/* Every control a person uses has a name a screen reader can say: a
 * switch, a spin button, a drop-down, a text view or an icon-only button
 * has an accessible label or is labelled by a label. Every step is visited
 * first, so that every page exists. */
static gboolean
needs_label (GtkWidget *widget)
{
  if (GTK_IS_SWITCH (widget) || GTK_IS_SPIN_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_TEXT_VIEW (widget))
    return TRUE;
  if (GTK_IS_BUTTON (widget) && !GTK_IS_CHECK_BUTTON (widget))
    return gtk_button_get_label (GTK_BUTTON (widget)) == NULL &&
           !GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (widget))) &&
           !ADW_IS_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (widget)));
  return FALSE;
}

static void
check_labels (GtkWidget *widget,
              GPtrArray *missing)
{
  /* what libadwaita and GTK draw inside their own widgets is theirs */
  if (GTK_IS_MENU_BUTTON (widget) || GTK_IS_WINDOW_CONTROLS (widget) || GTK_IS_POPOVER (widget) ||
      ADW_IS_ENTRY_ROW (widget) || ADW_IS_COMBO_ROW (widget) || GTK_IS_DROP_DOWN (widget) ||
      GTK_IS_SPIN_BUTTON (widget))
    {
      if ((GTK_IS_DROP_DOWN (widget) || GTK_IS_SPIN_BUTTON (widget)) && gtk_widget_is_visible (widget) &&
          !gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) &&
          !gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
        g_ptr_array_add (missing, g_strdup_printf ("%s in %s", G_OBJECT_TYPE_NAME (widget),
                                                   G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget))));
      return;
    }
  if (gtk_widget_is_visible (widget) && needs_label (widget) &&
      !gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) &&
      !gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    {
      GtkWidget *parent = gtk_widget_get_parent (widget);
      const char *tooltip = gtk_widget_get_tooltip_text (widget);

      g_ptr_array_add (missing, g_strdup_printf ("%s (%s) in %s", G_OBJECT_TYPE_NAME (widget),
                                                 tooltip != NULL ? tooltip : "no tooltip",
                                                 parent != NULL ? G_OBJECT_TYPE_NAME (parent) : "nothing"));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    check_labels (child, missing);
}

static void
test_accessible_labels (void)
{
  PolisiWindow *window = polisi_gui_test_new_window (app);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "review-due.polisi", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (source);
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (polisi_gui_test_open_file (window, file));
  for (guint i = 0; i < polisi_window_get_n_steps (window); i++)
    {
      polisi_window_go_to_step (window, i);
      polisi_gui_test_pump (20);
      check_labels (GTK_WIDGET (window), missing);
    }
  g_assert_true (polisi_review_page_reveal_update (POLISI_REVIEW_PAGE (polisi_window_get_step_page (window,
                 polisi_window_find_step (window, "review"))), NULL));
  g_assert_true (polisi_consultation_page_reveal_comment (POLISI_CONSULTATION_PAGE (polisi_window_get_step_page (window,
                 polisi_window_find_step (window, "consultation"))), NULL));
  for (guint i = 0; i < polisi_window_get_n_steps (window); i++)
    check_labels (polisi_window_get_step_page (window, i), missing);

  /* and the dialogs of the review step */
  {
    PolisiReviewPage *page = POLISI_REVIEW_PAGE (polisi_window_get_step_page (window, polisi_window_find_step (window, "review")));
    GtkWidget *dialog = polisi_review_page_adopt (page);

    polisi_gui_test_pump (20);
    check_labels (dialog, missing);
    gtk_window_destroy (GTK_WINDOW (dialog));
    dialog = polisi_review_page_add_trigger (page);
    polisi_gui_test_pump (20);
    check_labels (dialog, missing);
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  for (guint i = 0; i < missing->len; i++)
    g_test_message ("no accessible label: %s", (char *) missing->pdata[i]);
  g_assert_cmpuint (missing->len, ==, 0);
  polisi_gui_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  data_home = polisi_test_make_temp_dir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("GTK_A11Y", "test", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = polisi_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/accessibility/labels", test_accessible_labels);

  status = g_test_run ();

  g_clear_object (&app);
  polisi_test_remove_tree (data_home);
  g_free (data_home);
  return status;
}
