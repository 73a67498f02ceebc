/* test-application-library.c: a clause library an organisation supplies,
 * given with polisi --library=FILE.xml when starting the window,
 * remembered for the next start, refused with the reason when it cannot be
 * read, and given up for the built-in one in Preferences
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "polisi-gui-test-main.h"
#include "polisi-preferences-window.h"

static gboolean
quit_idle (gpointer data)
{
  g_application_quit (data);
  return G_SOURCE_REMOVE;
}

static void
destroy_windows (GApplication *application)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (application)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  polisi_gui_test_pump (10);
}

/* Another Polisi application than the tests' own, under a name of its
 * own on the session bus. */
static PolisiApplication *
new_application (void)
{
  static guint n;
  g_autofree char *id = g_strdup_printf ("%s.Test%u", APP_ID, ++n);

  return g_object_new (POLISI_TYPE_APPLICATION,
                       "application-id", id,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/cymru/polisi/Polisi",
                       NULL);
}

static char *
previous_library (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "library-2026.11.xml", NULL);
}

/* The window started with --library: the setting keeps the file, and the
 * next start reads it instead of the built-in library. */
static void
test_remembered (void)
{
  g_autofree char *path = previous_library ();
  g_autofree char *option = g_strconcat ("--library=", path, NULL);
  char *argv[] = { (char *) "polisi", option, NULL };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(PolisiApplication) first = new_application ();
  g_autoptr(PolisiApplication) next = NULL;
  g_autofree char *stored = NULL;
  PolisiLibrary *library;
  int status;

  g_idle_add (quit_idle, first);
  status = g_application_run (G_APPLICATION (first), 2, argv);
  g_assert_cmpint (status, ==, 0);
  stored = g_settings_get_string (settings, "library-file");
  g_assert_cmpstr (stored, ==, path);
  destroy_windows (G_APPLICATION (first));

  next = new_application ();
  library = polisi_context_get_library (polisi_application_get_context (next));
  g_assert_cmpstr (polisi_library_get_version (library), ==, "2026.11");
  g_assert_null (polisi_application_take_library_error (next));

  /* the built-in library otherwise */
  polisi_application_remember_library (next, NULL);
  g_clear_object (&next);
  next = new_application ();
  library = polisi_context_get_library (polisi_application_get_context (next));
  g_assert_cmpstr (polisi_library_get_version (library), !=, "2026.11");
}

/* A library file that cannot be read: the built-in library, and the
 * window says why, naming the file, once. */
static void
test_refused (void)
{
  g_autofree char *dir = polisi_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "llyfrgell-awdurdod.xml", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(PolisiApplication) other = NULL;
  g_autoptr(GError) error = NULL;
  PolisiWindow *window;
  AdwMessageDialog *dialog;

  polisi_test_write_file (path, "<library xmlns=\"https://polisi.cymru/ns/library/1\"><oops/></library>", -1);
  g_settings_set_string (settings, "library-file", path);

  other = new_application ();
  g_application_register (G_APPLICATION (other), NULL, NULL);
  g_assert_nonnull (polisi_context_get_library (polisi_application_get_context (other)));
  error = polisi_application_take_library_error (other);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "llyfrgell-awdurdod.xml"));
  g_assert_null (polisi_application_take_library_error (other));
  g_clear_error (&error);
  g_clear_object (&other);

  /* in the window: said when the library is first needed */
  other = new_application ();
  g_application_register (G_APPLICATION (other), NULL, NULL);
  window = polisi_gui_test_new_window (other);
  g_assert_null (polisi_gui_test_find_message_dialog ());
  polisi_window_new_policy (window);
  polisi_gui_test_pump (20);
  dialog = polisi_gui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Clause Library Could Not Be Read");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "llyfrgell-awdurdod.xml"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Preferences"));
  g_assert_nonnull (polisi_window_get_policy (window));
  gtk_window_destroy (GTK_WINDOW (dialog));
  polisi_gui_test_destroy_window (window);

  g_settings_reset (settings, "library-file");
  polisi_test_remove_tree (dir);
}

/* Preferences show the library in use and go back to the built-in one. */
static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *path = previous_library ();
  GtkWidget *preferences;
  GtkWidget *button;
  AdwActionRow *row;

  g_settings_set_string (settings, "library-file", path);
  preferences = polisi_preferences_window_new (NULL);
  gtk_window_present (GTK_WINDOW (preferences));
  polisi_gui_test_pump (20);
  button = polisi_gui_test_find_button (preferences, "Use the _Built-in Library");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  row = ADW_ACTION_ROW (gtk_widget_get_ancestor (button, ADW_TYPE_ACTION_ROW));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "library-2026.11.xml"));

  g_signal_emit_by_name (button, "clicked");
  {
    g_autofree char *stored = g_settings_get_string (settings, "library-file");
    g_assert_cmpstr (stored, ==, "");
  }
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "The built-in clause library");
  g_assert_false (gtk_widget_get_sensitive (button));
  gtk_window_destroy (GTK_WINDOW (preferences));
  polisi_gui_test_pump (10);
}

static void
add_tests (void)
{
  g_test_add_func ("/application-library/remembered", test_remembered);
  g_test_add_func ("/application-library/refused", test_refused);
  g_test_add_func ("/application-library/preferences", test_preferences);
}

POLISI_GUI_TEST_MAIN (add_tests)
