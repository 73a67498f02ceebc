/* test-export-flow.c: the window's export choices, export and print
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "polisi-export-flow.h"
#include "polisi-finish-page.h"
#include "polisi-gui-test-utils.h"
#include "polisi-gui-test-main.h"

static PolisiSession *
new_session (PolisiLanguageCategory category)
{
  g_autoptr(PolisiRecovery) drafts = polisi_recovery_new_default ();
  PolisiSession *session = polisi_session_new (drafts);
  g_autoptr(PolisiPolicy) policy = polisi_policy_new_from_library (
      polisi_context_get_library (polisi_application_get_context (app)), category);

  polisi_policy_set_name (policy, POLISI_LANG_CY, "Ysgol y Ŵyl");
  polisi_policy_set_name (policy, POLISI_LANG_EN, "Ŵyl School");
  polisi_session_set_policy (session, policy);
  return session;
}

static PolisiExportFlow *
new_flow (GtkWidget     *parent,
          PolisiSession *session)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  return polisi_export_flow_new (GTK_WINDOW (parent), session, polisi_application_get_context (app), settings);
}

static void
test_create_destroy (void)
{
  GtkWidget *parent = gtk_window_new ();
  g_autoptr(PolisiSession) session = new_session (POLISI_LANGUAGE_CATEGORY_DUAL);
  PolisiExportFlow *flow = new_flow (parent, session);

  g_assert_true (POLISI_IS_EXPORT_FLOW (flow));
  g_assert_null (polisi_export_flow_get_last_export (flow));
  gtk_window_destroy (GTK_WINDOW (parent));
  g_assert_finalize_object (flow);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              GHashTable *counts)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, pspec->name));

  g_hash_table_insert (counts, (gpointer) pspec->name, GUINT_TO_POINTER (n + 1));
}

static guint
count (GHashTable *counts,
       const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, name));
}

/* Each choice notifies once per real change. */
static void
test_notify (void)
{
  GtkWidget *parent = gtk_window_new ();
  g_autoptr(PolisiSession) session = new_session (POLISI_LANGUAGE_CATEGORY_DUAL);
  g_autoptr(PolisiExportFlow) flow = new_flow (parent, session);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);

  g_signal_connect (flow, "notify", G_CALLBACK (count_notify), counts);
  g_object_set (flow, "format", POLISI_FORMAT_DOCX, "layout", POLISI_LAYOUT_SEQUENTIAL,
                "final", TRUE, "english-first", TRUE, NULL);
  g_object_set (flow, "format", POLISI_FORMAT_DOCX, "layout", POLISI_LAYOUT_SEQUENTIAL,
                "final", TRUE, "english-first", TRUE, NULL);
  g_assert_cmpuint (count (counts, "format"), ==, 1);
  g_assert_cmpuint (count (counts, "layout"), ==, 1);
  g_assert_cmpuint (count (counts, "final"), ==, 1);
  g_assert_cmpuint (count (counts, "english-first"), ==, 1);
  g_assert_cmpint (polisi_export_flow_get_format (flow), ==, POLISI_FORMAT_DOCX);
  g_assert_true (polisi_export_flow_get_english_first (flow));
  /* English first means nothing for one language */
  g_object_set (flow, "layout", POLISI_LAYOUT_CY, NULL);
  g_assert_false (polisi_export_flow_get_english_first (flow));
  gtk_window_destroy (GTK_WINDOW (parent));
}

/* The choices start from the preferences, "automatic" from the school's
 * language category; the finish page shows them, and a choice made there
 * is the flow's, which print reads. */
static void
test_choices (void)
{
  GtkWidget *parent = gtk_window_new ();
  g_autoptr(PolisiSession) session = new_session (POLISI_LANGUAGE_CATEGORY_DUAL);
  g_autoptr(PolisiExportFlow) flow = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(PolisiDocument) document = NULL;
  PolisiFinishPage *page;
  PolisiExportOptions options;

  g_settings_set_string (settings, "default-layout", "en");
  g_settings_set_string (settings, "default-format", "odt");
  flow = new_flow (parent, session);
  g_assert_cmpint (polisi_export_flow_get_layout (flow), ==, POLISI_LAYOUT_EN);
  g_assert_cmpint (polisi_export_flow_get_format (flow), ==, POLISI_FORMAT_ODT);

  g_settings_set_string (settings, "default-layout", "automatic");
  g_settings_set_string (settings, "default-format", "pdf");
  polisi_export_flow_reset_choices (flow);
  g_assert_cmpint (polisi_export_flow_get_layout (flow), ==,
                   polisi_language_category_get_default_layout (POLISI_LANGUAGE_CATEGORY_DUAL));

  page = g_object_ref_sink (polisi_finish_page_new ());
  polisi_finish_page_set_export_flow (page, flow);
  g_assert_true (polisi_finish_page_get_export_flow (page) == flow);
  /* the page shows the flow's choices */
  g_assert_cmpint (polisi_finish_page_get_layout (page), ==, polisi_export_flow_get_layout (flow));
  g_assert_cmpint (polisi_finish_page_get_format (page), ==, POLISI_FORMAT_PDF);
  g_object_set (flow, "format", POLISI_FORMAT_DOCX, "final", TRUE, NULL);
  g_assert_cmpint (polisi_finish_page_get_format (page), ==, POLISI_FORMAT_DOCX);
  g_assert_true (polisi_finish_page_get_final (page));
  polisi_finish_page_set_format (page, POLISI_FORMAT_HTML);
  g_assert_cmpint (polisi_export_flow_get_format (flow), ==, POLISI_FORMAT_HTML);
  g_object_set (flow, "final", FALSE, NULL);
  polisi_finish_page_set_layout (page, POLISI_LAYOUT_SEPARATE);
  g_assert_cmpint (polisi_export_flow_get_layout (flow), ==, POLISI_LAYOUT_SEPARATE);

  /* printing two separate files prints them back to back */
  document = polisi_export_flow_assemble_for_print (flow, &options);
  g_assert_nonnull (document);
  g_assert_cmpint (options.layout, ==, POLISI_LAYOUT_SEQUENTIAL);
  polisi_finish_page_set_layout (page, POLISI_LAYOUT_COLUMNS);
  /* English first, switched on the page (the switch after the layout's) */
  gtk_switch_set_active (GTK_SWITCH (polisi_gui_test_find_child (GTK_WIDGET (page), GTK_TYPE_SWITCH, 0)), TRUE);
  g_assert_true (polisi_finish_page_get_english_first (page));
  g_clear_object (&document);
  document = polisi_export_flow_assemble_for_print (flow, &options);
  g_assert_cmpint (options.layout, ==, POLISI_LAYOUT_COLUMNS);
  g_assert_true (options.english_first);

  /* the page goes; the flow and its choices stay */
  g_assert_finalize_object (page);
  g_assert_true (polisi_export_flow_get_english_first (flow));
  g_settings_reset (settings, "default-layout");
  g_settings_reset (settings, "default-format");
  gtk_window_destroy (GTK_WINDOW (parent));
}

/* A PDF written and read back; two separate files, the Welsh one the last
 * export. */
static void
test_export (void)
{
  g_autofree char *dir = polisi_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "polisi.pdf", NULL);
  g_autofree char *cy = g_build_filename (dir, "polisi-cy.odt", NULL);
  g_autofree char *en = g_build_filename (dir, "polisi-en.odt", NULL);
  g_autofree char *odt = g_build_filename (dir, "polisi.odt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) odt_file = g_file_new_for_path (odt);
  GtkWidget *parent = gtk_window_new ();
  g_autoptr(PolisiSession) session = new_session (POLISI_LANGUAGE_CATEGORY_DUAL);
  g_autoptr(PolisiExportFlow) flow = new_flow (parent, session);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *last = NULL;
  gsize length;

  g_assert_true (polisi_export_flow_export_to_file (flow, file, POLISI_FORMAT_PDF, POLISI_LAYOUT_COLUMNS, FALSE, FALSE,
                                                    &error));
  g_assert_no_error (error);
  contents = polisi_test_read_file (path, &length);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (memcmp (contents, "%PDF-", 5) == 0);
  g_assert_true (g_file_equal (polisi_export_flow_get_last_export (flow), file));

  g_assert_true (polisi_export_flow_export_to_file (flow, odt_file, POLISI_FORMAT_ODT, POLISI_LAYOUT_SEPARATE, FALSE,
                                                    FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (cy, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (en, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (odt, G_FILE_TEST_EXISTS));
  last = g_file_get_path (polisi_export_flow_get_last_export (flow));
  g_assert_cmpstr (last, ==, cy);

  gtk_window_destroy (GTK_WINDOW (parent));
  polisi_test_remove_tree (dir);
}

static void
add_tests (void)
{
  g_test_add_func ("/export-flow/create-destroy", test_create_destroy);
  g_test_add_func ("/export-flow/notify", test_notify);
  g_test_add_func ("/export-flow/choices", test_choices);
  g_test_add_func ("/export-flow/export", test_export);
}

POLISI_GUI_TEST_MAIN (add_tests)
