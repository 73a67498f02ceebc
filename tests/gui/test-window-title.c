/* test-window-title.c: what the window's title says of its session
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "polisi-gui-test-main.h"
#include "polisi-window-title.h"

static void
test_folder (void)
{
  g_autofree char *in_home = g_build_filename (g_get_home_dir (), "Dogfennau", "Ysgol Ŵ", "polisi.polisi", NULL);
  g_autoptr(GFile) home_file = g_file_new_for_path (in_home);
  g_autoptr(GFile) elsewhere = g_file_new_for_path ("/srv/ysgol/polisi.polisi");
  g_autofree char *home_folder = polisi_window_title_folder (home_file);
  g_autofree char *other_folder = polisi_window_title_folder (elsewhere);

  g_assert_cmpstr (home_folder, ==, "~/Dogfennau/Ysgol Ŵ");
  g_assert_cmpstr (other_folder, ==, "/srv/ysgol");
  g_assert_null (polisi_window_title_folder (NULL));
}

/* The title follows the session: no policy, a new one, one from a file,
 * one with unsaved changes. */
static void
test_update (void)
{
  PolisiLibrary *library = polisi_context_get_library (polisi_application_get_context (app));
  g_autofree char *dir = polisi_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "ysgol-ŵ.polisi", NULL);
  g_autofree char *folder = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PolisiSession) session = polisi_session_new (NULL);
  g_autoptr(PolisiPolicy) policy = polisi_policy_new_from_library (library, POLISI_LANGUAGE_CATEGORY_DUAL);
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  AdwWindowTitle *title = ADW_WINDOW_TITLE (adw_window_title_new ("", ""));

  gtk_window_set_titlebar (GTK_WINDOW (window), GTK_WIDGET (title));

  polisi_window_title_update (GTK_WINDOW (window), title, session);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Polisi");

  polisi_session_set_policy (session, policy);
  polisi_policy_set_name (policy, POLISI_LANG_EN, "Ysgol Ŷ");
  g_assert_true (polisi_session_save (session, file, POLISI_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  polisi_window_title_update (GTK_WINDOW (window), title, session);
  folder = polisi_window_title_folder (file);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "ysgol-ŵ.polisi — Polisi");
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "ysgol-ŵ.polisi");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, folder);

  polisi_policy_set_name (policy, POLISI_LANG_CY, "Ysgol Ŵ");
  g_assert_true (polisi_session_get_modified (session));
  polisi_window_title_update (GTK_WINDOW (window), title, session);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• ysgol-ŵ.polisi — Polisi");
  expected = g_strdup_printf ("%s — Unsaved changes", folder);
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, expected);

  polisi_session_close (session);
  gtk_window_destroy (GTK_WINDOW (window));
  polisi_gui_test_pump (10);
  polisi_test_remove_tree (dir);
}

static void
add_tests (void)
{
  g_test_add_func ("/window-title/folder", test_folder);
  g_test_add_func ("/window-title/update", test_update);
}

POLISI_GUI_TEST_MAIN (add_tests)
