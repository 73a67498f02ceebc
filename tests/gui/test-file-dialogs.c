/* test-file-dialogs.c: names, choosers and recent files the flows share
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "polisi-file-dialogs.h"
#include "polisi-gui-test-main.h"

static void
test_names (void)
{
  g_autoptr(PolisiRecovery) drafts = polisi_recovery_new_default ();
  g_autoptr(PolisiSession) session = polisi_session_new (drafts);
  g_autoptr(PolisiPolicy) policy = polisi_policy_new_from_library (
      polisi_context_get_library (polisi_application_get_context (app)), POLISI_LANGUAGE_CATEGORY_DUAL);
  g_autofree char *untitled = NULL;
  g_autofree char *unnamed = NULL;
  g_autofree char *named = NULL;
  g_autofree char *dir = polisi_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "Polisi Ŵyl.polisi", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  untitled = polisi_file_dialogs_display_name (session);
  g_assert_cmpstr (untitled, ==, "Untitled Policy");

  polisi_session_set_policy (session, policy);
  unnamed = polisi_file_dialogs_suggested_name (session, ".pdf");
  g_assert_cmpstr (unnamed, ==, "social-media-policy.pdf");
  polisi_policy_set_name (policy, POLISI_LANG_EN, "Ysgol A/B");
  named = polisi_file_dialogs_suggested_name (session, ".pdf");
  g_assert_cmpstr (named, ==, "Ysgol A-B.pdf");
  g_clear_pointer (&named, g_free);
  polisi_policy_set_name (policy, POLISI_LANG_CY, "Ysgol Ŷ:Ŵ");
  named = polisi_file_dialogs_suggested_name (session, ".odt");
  g_assert_cmpstr (named, ==, "Ysgol Ŷ-Ŵ.odt");

  /* once saved, the file's own name */
  g_assert_true (polisi_session_save (session, file, POLISI_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  g_clear_pointer (&named, g_free);
  named = polisi_file_dialogs_suggested_name (session, "-changes.pdf");
  g_assert_cmpstr (named, ==, "Polisi Ŵyl-changes.pdf");
  g_clear_pointer (&untitled, g_free);
  untitled = polisi_file_dialogs_display_name (session);
  g_assert_cmpstr (untitled, ==, "Polisi Ŵyl.polisi");

  polisi_session_close (session);
  polisi_test_remove_tree (dir);
}

static void
test_folder_and_toast (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/ysgol/polisi.pdf");
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GtkFileFilter) filter = polisi_file_dialogs_policy_filter ();

  polisi_file_dialogs_remember_folder (settings, file);
  folder = g_settings_get_string (settings, "last-folder");
  g_assert_cmpstr (folder, ==, "/tmp/ysgol");

  toast = polisi_file_dialogs_exported_toast (file);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Exported “polisi.pdf”");
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "win.open-export");
  uri = g_file_get_uri (file);
  g_assert_cmpstr (g_variant_get_string (adw_toast_get_action_target_value (toast), NULL), ==, uri);
  g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, "Polisi policies");
  g_settings_reset (settings, "last-folder");
}

static void
add_tests (void)
{
  g_test_add_func ("/file-dialogs/names", test_names);
  g_test_add_func ("/file-dialogs/folder-and-toast", test_folder_and_toast);
}

POLISI_GUI_TEST_MAIN (add_tests)
