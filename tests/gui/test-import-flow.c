/* test-import-flow.c: importing a returned draft into the window's policy
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "polisi-assembler.h"
#include "polisi-export.h"
#include "polisi-gui-test-main.h"
#include "polisi-import-flow.h"

static PolisiSession *
new_session (void)
{
  g_autoptr(PolisiRecovery) drafts = polisi_recovery_new_default ();
  PolisiSession *session = polisi_session_new (drafts);
  g_autoptr(PolisiPolicy) policy = polisi_policy_new_from_library (
      polisi_context_get_library (polisi_application_get_context (app)), POLISI_LANGUAGE_CATEGORY_DUAL);

  polisi_session_set_policy (session, policy);
  return session;
}

static PolisiImportFlow *
new_flow (GtkWidget     *parent,
          PolisiSession *session)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  return polisi_import_flow_new (GTK_WINDOW (parent), session, polisi_application_get_context (app), settings);
}

static void
test_create_destroy (void)
{
  GtkWidget *parent = gtk_window_new ();
  g_autoptr(PolisiSession) session = new_session ();
  PolisiImportFlow *flow = new_flow (parent, session);

  g_assert_true (POLISI_IS_IMPORT_FLOW (flow));
  gtk_window_destroy (GTK_WINDOW (parent));
  g_assert_finalize_object (flow);
}

static void
on_imported (PolisiImportFlow *flow,
             guint            *n)
{
  (*n)++;
}

static AdwMessageDialog *
wait_for_dialog (void)
{
  AdwMessageDialog *dialog;

  for (guint i = 0; i < 200 && (dialog = polisi_gui_test_find_message_dialog ()) == NULL; i++)
    polisi_gui_test_pump (10);
  g_assert_nonnull (dialog);
  return dialog;
}

/* A draft nobody wrote in says so, a file that is no draft is refused,
 * and neither changes the policy. */
static void
test_refusals (void)
{
  g_autofree char *dir = polisi_test_make_temp_dir ();
  g_autofree char *draft_path = g_build_filename (dir, "drafft.odt", NULL);
  g_autofree char *text_path = g_build_filename (dir, "nodyn.odt", NULL);
  g_autoptr(GFile) draft = g_file_new_for_path (draft_path);
  g_autoptr(GFile) text = g_file_new_for_path (text_path);
  GtkWidget *parent = gtk_window_new ();
  g_autoptr(PolisiSession) session = new_session ();
  g_autoptr(PolisiImportFlow) flow = new_flow (parent, session);
  PolisiPolicy *policy = polisi_session_get_policy (session);
  g_autoptr(PolisiDocument) document = NULL;
  PolisiExportOptions options;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  guint imported = 0;

  gtk_window_present (GTK_WINDOW (parent));
  g_signal_connect (flow, "imported", G_CALLBACK (on_imported), &imported);
  document = polisi_assemble (policy, polisi_context_get_library (polisi_application_get_context (app)),
                              POLISI_ASSEMBLE_DEFAULT);
  polisi_export_options_init (&options, POLISI_LAYOUT_COLUMNS);
  g_assert_true (polisi_export_to_file (document, POLISI_FORMAT_ODT, &options, draft, &error));
  g_assert_no_error (error);
  polisi_test_write_file (text_path, "Nid drafft mo hwn.", -1);

  g_assert_false (polisi_import_flow_import (flow, draft, POLISI_RETURNED_IMPORT_DEFAULT, NULL, &error));
  g_assert_error (error, POLISI_IMPORT_ERROR, POLISI_IMPORT_ERROR_NOTHING_RETURNED);
  g_clear_error (&error);

  polisi_import_flow_import_or_ask (flow, draft);
  dialog = wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Nothing Came Back in This Draft");
  gtk_window_destroy (GTK_WINDOW (dialog));
  polisi_gui_test_pump (10);

  polisi_import_flow_import_or_ask (flow, text);
  dialog = wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Comments Could Not Be Imported");
  g_assert_nonnull (adw_message_dialog_get_body (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  polisi_gui_test_pump (10);

  g_assert_cmpuint (imported, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (polisi_policy_get_comments (policy)), ==, 0);
  gtk_window_destroy (GTK_WINDOW (parent));
  polisi_test_remove_tree (dir);
}

/* The question about a draft of an earlier version keeps its file. */
static void
test_earlier_version (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/drafft.odt");
  GtkWidget *parent = gtk_window_new ();
  g_autoptr(PolisiSession) session = new_session ();
  g_autoptr(PolisiImportFlow) flow = new_flow (parent, session);
  GtkWidget *dialog;
  AdwMessageDialog *error_dialog;

  gtk_window_present (GTK_WINDOW (parent));
  dialog = polisi_import_flow_ask_earlier_version (flow, file, "Drafft o fersiwn 1.0 yw hwn.");
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, "Drafft o fersiwn 1.0 yw hwn.");
  /* importing it all the same reads the file it was asked about */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "import");
  gtk_window_destroy (GTK_WINDOW (dialog));
  polisi_gui_test_pump (10);
  error_dialog = wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (error_dialog), ==, "The Comments Could Not Be Imported");
  gtk_window_destroy (GTK_WINDOW (error_dialog));
  gtk_window_destroy (GTK_WINDOW (parent));
  polisi_gui_test_pump (10);
}

static void
add_tests (void)
{
  g_test_add_func ("/import-flow/create-destroy", test_create_destroy);
  g_test_add_func ("/import-flow/refusals", test_refusals);
  g_test_add_func ("/import-flow/earlier-version", test_earlier_version);
}

POLISI_GUI_TEST_MAIN (add_tests)
