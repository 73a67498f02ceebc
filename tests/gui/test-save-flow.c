/* test-save-flow.c: Save and Save As for the window
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "polisi-gui-test-main.h"
#include "polisi-policy-io.h"
#include "polisi-save-flow.h"

static void
count_toast (PolisiSaveFlow *flow,
             AdwToast       *toast,
             GPtrArray      *titles)
{
  g_ptr_array_add (titles, g_strdup (adw_toast_get_title (toast)));
}

static PolisiSession *
new_session_with_policy (const char *name)
{
  g_autoptr(PolisiRecovery) drafts = polisi_recovery_new_default ();
  PolisiSession *session = polisi_session_new (drafts);
  g_autoptr(PolisiPolicy) policy = polisi_policy_new_from_library (
      polisi_context_get_library (polisi_application_get_context (app)), POLISI_LANGUAGE_CATEGORY_DUAL);

  polisi_policy_set_name (policy, POLISI_LANG_CY, name);
  polisi_session_set_policy (session, policy);
  return session;
}

static void
test_create_destroy (void)
{
  GtkWidget *parent = gtk_window_new ();
  g_autoptr(PolisiSession) session = new_session_with_policy ("Ysgol");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  PolisiSaveFlow *flow = polisi_save_flow_new (GTK_WINDOW (parent), session, settings);

  g_assert_true (POLISI_IS_SAVE_FLOW (flow));
  gtk_window_destroy (GTK_WINDOW (parent));
  g_assert_finalize_object (flow);
}

/* A save writes a file the reader reads back; the save in the background
 * says so in a toast; a file changed by someone else is asked about. */
static void
test_save (void)
{
  g_autofree char *dir = polisi_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "ysgol.polisi", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *parent = gtk_window_new ();
  g_autoptr(PolisiSession) session = new_session_with_policy ("Ysgol Gymraeg Ŵy");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(PolisiSaveFlow) flow = polisi_save_flow_new (GTK_WINDOW (parent), session, settings);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PolisiPolicy) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  AdwMessageDialog *dialog;

  gtk_window_present (GTK_WINDOW (parent));
  g_signal_connect (flow, "toast", G_CALLBACK (count_toast), titles);

  g_assert_true (polisi_save_flow_save_to_file (flow, file, &error));
  g_assert_no_error (error);
  read = polisi_policy_load (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (polisi_policy_get_name (read, POLISI_LANG_CY), ==, "Ysgol Gymraeg Ŵy");
  folder = g_settings_get_string (settings, "last-folder");
  g_assert_cmpstr (folder, ==, dir);

  /* Save, in the background, to the session's file */
  polisi_policy_set_name (polisi_session_get_policy (session), POLISI_LANG_EN, "Ŷ School");
  polisi_save_flow_save (flow, FALSE);
  g_assert_true (polisi_session_get_saving (session));
  while (polisi_session_get_saving (session))
    polisi_gui_test_pump (10);
  polisi_gui_test_pump (20);
  g_assert_cmpuint (titles->len, ==, 1);
  g_assert_cmpstr (titles->pdata[0], ==, "Saved “ysgol.polisi”");
  g_clear_object (&read);
  read = polisi_policy_load (file, &error);
  g_assert_cmpstr (polisi_policy_get_name (read, POLISI_LANG_EN), ==, "Ŷ School");

  /* someone else changes the file: the next save asks, and keeps theirs */
  polisi_test_write_file (path, "<changed/>", -1);
  polisi_policy_set_name (polisi_session_get_policy (session), POLISI_LANG_EN, "Mine");
  polisi_save_flow_save (flow, FALSE);
  while (polisi_session_get_saving (session))
    polisi_gui_test_pump (10);
  polisi_gui_test_pump (20);
  dialog = polisi_gui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The File Has Changed");
  g_assert_cmpuint (titles->len, ==, 1);
  {
    g_autofree char *contents = polisi_test_read_file (path, NULL);
    g_assert_cmpstr (contents, ==, "<changed/>");
  }
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));

  polisi_session_close (session);
  gtk_window_destroy (GTK_WINDOW (parent));
  polisi_gui_test_pump (10);
  polisi_test_remove_tree (dir);
}

static void
add_tests (void)
{
  g_test_add_func ("/save-flow/create-destroy", test_create_destroy);
  g_test_add_func ("/save-flow/save", test_save);
}

POLISI_GUI_TEST_MAIN (add_tests)
