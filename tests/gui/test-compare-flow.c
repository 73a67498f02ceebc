/* test-compare-flow.c: comparing the window's policy with an earlier version
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "polisi-compare-flow.h"
#include "polisi-gui-test-main.h"
#include "polisi-policy-io.h"

static PolisiSession *
new_session (void)
{
  g_autoptr(PolisiRecovery) drafts = polisi_recovery_new_default ();
  PolisiSession *session = polisi_session_new (drafts);
  g_autoptr(PolisiPolicy) policy = polisi_policy_new_from_library (
      polisi_context_get_library (polisi_application_get_context (app)), POLISI_LANGUAGE_CATEGORY_DUAL);

  polisi_policy_set_name (policy, POLISI_LANG_CY, "Ysgol Ŷ");
  polisi_session_set_policy (session, policy);
  return session;
}

static PolisiCompareFlow *
new_flow (GtkWidget     *parent,
          PolisiSession *session,
          GtkWidget     *preview)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  return polisi_compare_flow_new (GTK_WINDOW (parent), session, polisi_application_get_context (app), settings,
                                  POLISI_PREVIEW (preview));
}

static void
test_create_destroy (void)
{
  GtkWidget *parent = gtk_window_new ();
  GtkWidget *preview = GTK_WIDGET (polisi_preview_new ());
  g_autoptr(PolisiSession) session = new_session ();
  PolisiCompareFlow *flow;

  gtk_window_set_child (GTK_WINDOW (parent), preview);
  flow = new_flow (parent, session, preview);
  g_assert_true (POLISI_IS_COMPARE_FLOW (flow));
  gtk_window_destroy (GTK_WINDOW (parent));
  g_assert_finalize_object (flow);
}

/* The earlier version, its differences asked about, then written: the
 * summary as an ODT package that names the changed name. */
static void
test_compare (void)
{
  g_autofree char *dir = polisi_test_make_temp_dir ();
  g_autofree char *old_path = g_build_filename (dir, "hen.polisi", NULL);
  g_autofree char *out_path = g_build_filename (dir, "newidiadau.odt", NULL);
  g_autoptr(GFile) old_file = g_file_new_for_path (old_path);
  g_autoptr(GFile) out_file = g_file_new_for_path (out_path);
  GtkWidget *parent = gtk_window_new ();
  GtkWidget *preview = GTK_WIDGET (polisi_preview_new ());
  g_autoptr(PolisiSession) session = new_session ();
  g_autoptr(PolisiCompareFlow) flow = NULL;
  g_autoptr(PolisiPolicy) old_policy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  AdwMessageDialog *dialog;
  gsize length;

  gtk_window_set_child (GTK_WINDOW (parent), preview);
  gtk_window_present (GTK_WINDOW (parent));
  flow = new_flow (parent, session, preview);
  g_assert_true (polisi_policy_save (polisi_session_get_policy (session), old_file, &error));
  g_assert_no_error (error);
  old_policy = polisi_policy_load (old_file, &error);
  g_assert_no_error (error);
  polisi_policy_set_name (polisi_session_get_policy (session), POLISI_LANG_CY, "Ysgol Ŷ Newydd");

  g_assert_true (polisi_compare_flow_export (flow, old_policy, out_file, POLISI_FORMAT_ODT, FALSE, &error));
  g_assert_no_error (error);
  contents = polisi_test_read_file (out_path, &length);
  g_assert_true (length > 4 && memcmp (contents, "PK", 2) == 0);

  /* a file that is no policy: read in the background, then explained */
  polisi_compare_flow_open_file (flow, out_file);
  while ((dialog = polisi_gui_test_find_message_dialog ()) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Earlier Version Could Not Be Opened");
  gtk_window_destroy (GTK_WINDOW (dialog));
  polisi_gui_test_pump (10);

  /* the earlier version's file: asked what to make of it */
  polisi_compare_flow_open_file (flow, old_file);
  while ((dialog = polisi_gui_test_find_message_dialog ()) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_heading (dialog), "Compare With Version"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "hen.polisi"));
  g_assert_true (adw_message_dialog_has_response (dialog, "tracked-docx"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (parent));
  polisi_gui_test_pump (10);
  polisi_test_remove_tree (dir);
}

static void
add_tests (void)
{
  g_test_add_func ("/compare-flow/create-destroy", test_create_destroy);
  g_test_add_func ("/compare-flow/compare", test_compare);
}

POLISI_GUI_TEST_MAIN (add_tests)
