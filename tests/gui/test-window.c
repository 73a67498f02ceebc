/* test-window.c: the wizard, driven as a head teacher would, under Xvfb
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE 1  /* memmem */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "polisi-application.h"
#include "polisi-consultation-page.h"
#include "polisi-recovery.h"
#include "polisi-checker.h"
#include "polisi-library-update.h"
#include "polisi-gui-test-utils.h"
#include "polisi-gui-utils.h"
#include "polisi-assembler.h"
#include "polisi-export.h"
#include "polisi-returned-draft.h"
#include "polisi-policy-io.h"
#include "polisi-review-page.h"
#include "polisi-test-utils.h"
#include "polisi-text.h"
#include "polisi-window.h"

static PolisiApplication *app;
static char *data_home;

static void
fill (PolisiWindow *window,
      const char   *key,
      const char   *text)
{
  GtkEditable *entry = polisi_organisation_page_get_entry (polisi_window_get_organisation_page (window), key);

  g_assert_nonnull (entry);
  gtk_editable_set_text (entry, text);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* A head teacher makes a whole policy for a sample school, from the
 * welcome view to the exported files. */
static void
test_create_policy (void)
{
  PolisiWindow *window = polisi_gui_test_new_window (app);
  g_autofree char *dir = polisi_test_make_temp_dir ();
  g_autofree char *policy_path = g_build_filename (dir, "berllan.polisi", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "berllan.pdf", NULL);
  g_autofree char *odt_path = g_build_filename (dir, "berllan.odt", NULL);
  g_autoptr(GFile) policy_file = g_file_new_for_path (policy_path);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf_path);
  g_autoptr(GFile) odt_file = g_file_new_for_path (odt_path);
  g_autoptr(GError) error = NULL;
  PolisiPolicy *policy;
  PolisiClauseEditor *editor;
  GtkWidget *widget;
  PolisiFinishPage *finish;
  PolisiWindow *again;
  g_autofree char *pdf_text = NULL;
  g_autofree char *pdftotext = NULL;

  g_assert_true (polisi_window_is_blank (window));

  /* the welcome view's "New Policy" */
  g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
  polisi_gui_test_pump (50);
  g_assert_false (polisi_window_is_blank (window));
  policy = polisi_window_get_policy (window);
  g_assert_cmpuint (polisi_window_get_step (window), ==, 0);
  g_assert_false (polisi_window_get_modified (window));

  /* the organisation step */
  fill (window, "name.cy", "Ysgol y Berllan");
  fill (window, "name.en", "Orchard School");
  fill (window, "head_teacher", "Mrs Siân Ŵyn Hughes");
  fill (window, "governing_body.cy", "Corff Llywodraethu Ysgol y Berllan");
  fill (window, "governing_body.en", "the Governing Body of Orchard School");
  g_assert_cmpstr (polisi_policy_get_name (policy, POLISI_LANG_EN), ==, "Orchard School");
  g_assert_cmpstr (polisi_policy_get_answer (policy, "head_teacher", POLISI_LANG_CY), ==, "Mrs Siân Ŵyn Hughes");
  g_assert_cmpstr (polisi_policy_get_answer (policy, "governing_body", POLISI_LANG_CY), ==, "Corff Llywodraethu Ysgol y Berllan");
  g_assert_true (polisi_window_get_modified (window));

  /* through the steps with Next */
  for (guint i = 1; i < 8; i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-step", NULL));
      g_assert_cmpuint (polisi_window_get_step (window), ==, i);
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-step", NULL);
  g_assert_cmpuint (polisi_window_get_step (window), ==, 6);

  /* include an optional clause with its switch */
  editor = polisi_window_get_clause_editor (window, "scope.governors");
  g_assert_nonnull (editor);
  widget = polisi_gui_test_find_child (GTK_WIDGET (editor), GTK_TYPE_SWITCH, 0);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (widget)));
  gtk_switch_set_active (GTK_SWITCH (widget), TRUE);
  g_assert_true (polisi_clause_state_get_included (polisi_policy_lookup_clause (policy, "scope.governors")));

  /* a required clause cannot be left out */
  editor = polisi_window_get_clause_editor (window, "purpose.benefits");
  widget = polisi_gui_test_find_child (GTK_WIDGET (editor), GTK_TYPE_SWITCH, 0);
  g_assert_false (gtk_widget_get_sensitive (widget));
  gtk_switch_set_active (GTK_SWITCH (widget), FALSE);
  g_assert_true (polisi_clause_state_get_included (polisi_policy_lookup_clause (policy, "purpose.benefits")));

  /* choose the other wording of friend requests from parents */
  editor = polisi_window_get_clause_editor (window, "contact.parents");
  widget = polisi_gui_test_find_child (GTK_WIDGET (editor), GTK_TYPE_DROP_DOWN, 0);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (widget)));
  {
    PolisiClauseState *state = polisi_policy_lookup_clause (policy, "contact.parents");
    g_autofree char *before = g_strdup (polisi_clause_state_get_text (state, POLISI_LANG_EN));
    guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (widget));
    g_autofree char *shown = NULL;

    gtk_drop_down_set_selected (GTK_DROP_DOWN (widget), selected == 0 ? 1 : 0);
    g_assert_cmpstr (polisi_clause_state_get_text (state, POLISI_LANG_EN), !=, before);
    shown = buffer_text (polisi_clause_editor_get_buffer (editor, POLISI_LANG_EN));
    g_assert_true (polisi_text_equal (shown, polisi_clause_state_get_text (state, POLISI_LANG_EN)));
  }

  /* the last step: the checker's findings lead to their place */
  polisi_window_go_to_step (window, polisi_window_get_n_steps (window) - 1);
  polisi_window_check_now (window);
  finish = polisi_window_get_finish_page (window);
  g_assert_cmpuint (polisi_finish_page_get_n_rows (finish), >, 0);
  g_assert_cmpint (polisi_window_get_step_state (window, 0), ==, POLISI_STEP_NEEDS_ATTENTION);
  polisi_finish_page_activate_row (finish, 0);
  g_assert_cmpuint (polisi_window_get_step (window), ==, 0);

  /* save, then export both formats */
  g_assert_true (polisi_window_save_to_file (window, policy_file, &error));
  g_assert_no_error (error);
  g_assert_false (polisi_window_get_modified (window));
  g_assert_true (polisi_window_export_to_file (window, pdf_file, POLISI_FORMAT_PDF, POLISI_LAYOUT_COLUMNS, FALSE, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (polisi_window_export_to_file (window, odt_file, POLISI_FORMAT_ODT, POLISI_LAYOUT_SEQUENTIAL, TRUE, FALSE, &error));
  g_assert_no_error (error);

  /* the export offers Word too: the format row's third item, read back
   * by the page as DOCX, and the window writes a Word package */
  {
    GtkWidget *format_row = polisi_gui_test_find_child (GTK_WIDGET (finish), ADW_TYPE_COMBO_ROW, 0);
    GListModel *formats = adw_combo_row_get_model (ADW_COMBO_ROW (format_row));
    g_autofree char *docx_path = g_build_filename (dir, "berllan.docx", NULL);
    g_autoptr(GFile) docx_file = g_file_new_for_path (docx_path);
    g_autofree char *docx = NULL;
    gsize docx_length;

    g_assert_cmpuint (g_list_model_get_n_items (formats), ==, N_POLISI_FORMATS);
    g_assert_nonnull (strstr (gtk_string_list_get_string (GTK_STRING_LIST (formats), POLISI_FORMAT_DOCX), "DOCX"));
    adw_combo_row_set_selected (ADW_COMBO_ROW (format_row), POLISI_FORMAT_DOCX);
    g_assert_cmpint (polisi_finish_page_get_format (finish), ==, POLISI_FORMAT_DOCX);
    g_assert_true (polisi_window_export_to_file (window, docx_file, polisi_finish_page_get_format (finish),
                                                 POLISI_LAYOUT_COLUMNS, FALSE, FALSE, &error));
    g_assert_no_error (error);
    docx = polisi_test_read_file (docx_path, &docx_length);
    g_assert_cmpmem (docx, 4, "PK\003\004", 4);
    g_assert_nonnull (memmem (docx, docx_length, "word/document.xml", 17));
  }

  {
    g_autofree char *pdf = polisi_test_read_file (pdf_path, NULL);
    g_autofree char *odt = NULL;
    gsize odt_length;

    g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
    odt = polisi_test_read_file (odt_path, &odt_length);
    g_assert_cmpuint (odt_length, >, 1000);
    g_assert_cmpmem (odt, 4, "PK\003\004", 4);
    g_assert_nonnull (memmem (odt, odt_length, "application/vnd.oasis.opendocument.text", 39));
  }
  if ((pdftotext = g_find_program_in_path ("pdftotext")) != NULL)
    {
      const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf_path, "-", NULL };
      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                    &pdf_text, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (strstr (pdf_text, "Orchard School"));
      g_assert_nonnull (strstr (pdf_text, "Ysgol y Berllan"));
      g_assert_nonnull (strstr (pdf_text, "Mrs Siân Ŵyn Hughes"));
    }

  /* the web: parallel columns are a page per language; the finish page
   * offers the format */
  {
    g_autofree char *html_path = g_build_filename (dir, "berllan.html", NULL);
    g_autofree char *html_cy_path = g_build_filename (dir, "berllan-cy.html", NULL);
    g_autofree char *html_en_path = g_build_filename (dir, "berllan-en.html", NULL);
    g_autoptr(GFile) html_file = g_file_new_for_path (html_path);
    g_autofree char *html_cy = NULL;
    g_autofree char *html_en = NULL;

    g_assert_true (polisi_window_export_to_file (window, html_file, POLISI_FORMAT_HTML, POLISI_LAYOUT_COLUMNS, FALSE, FALSE, &error));
    g_assert_no_error (error);
    g_assert_false (g_file_test (html_path, G_FILE_TEST_EXISTS));
    html_cy = polisi_test_read_file (html_cy_path, NULL);
    html_en = polisi_test_read_file (html_en_path, NULL);
    g_assert_nonnull (strstr (html_cy, "<html lang=\"cy-GB\">"));
    g_assert_nonnull (strstr (html_cy, "Ysgol y Berllan"));
    g_assert_nonnull (strstr (html_en, "<html lang=\"en-GB\">"));
    g_assert_nonnull (strstr (html_en, "href=\"./berllan-cy.html\""));

    polisi_finish_page_set_format (finish, POLISI_FORMAT_HTML);
    g_assert_cmpint (polisi_finish_page_get_format (finish), ==, POLISI_FORMAT_HTML);
    polisi_finish_page_set_format (finish, POLISI_FORMAT_PDF);
    g_assert_cmpint (polisi_finish_page_get_format (finish), ==, POLISI_FORMAT_PDF);
  }

  /* reopen in another window: the same policy */
  again = polisi_gui_test_new_window (app);
  g_assert_true (polisi_gui_test_open_file (again, policy_file));
  g_assert_true (polisi_policy_equal (policy, polisi_window_get_policy (again)));
  g_assert_false (polisi_window_get_modified (again));
  polisi_gui_test_destroy_window (again);

  polisi_gui_test_destroy_window (window);
  polisi_test_remove_tree (dir);
}

/* Editing one language marks the other; the button clears the mark. */
static void
test_stale_translation (void)
{
  PolisiWindow *window = polisi_gui_test_new_window (app);
  PolisiClauseEditor *editor;
  PolisiClauseState *state;
  GtkWidget *button;

  polisi_window_new_policy (window);
  editor = polisi_window_get_clause_editor (window, "purpose.aims");
  state = polisi_clause_editor_get_state (editor);
  g_assert_false (polisi_clause_editor_is_update_shown (editor, POLISI_LANG_CY));

  polisi_gui_test_append_text (polisi_clause_editor_get_buffer (editor, POLISI_LANG_EN), "\n- keep the policy under review.");
  g_assert_true (g_str_has_suffix (polisi_clause_state_get_text (state, POLISI_LANG_EN), "- keep the policy under review."));
  g_assert_true (polisi_clause_state_get_needs_update (state, POLISI_LANG_CY));
  g_assert_true (polisi_clause_editor_is_update_shown (editor, POLISI_LANG_CY));
  g_assert_false (polisi_clause_editor_is_update_shown (editor, POLISI_LANG_EN));

  /* the Welsh caught up and checked */
  polisi_gui_test_append_text (polisi_clause_editor_get_buffer (editor, POLISI_LANG_CY), "\n- cadw'r polisi dan adolygiad.");
  g_assert_true (polisi_clause_state_get_needs_update (state, POLISI_LANG_CY));
  button = polisi_gui_test_find_button (GTK_WIDGET (editor), "_Mark as Up to Date");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_false (polisi_clause_state_get_needs_update (state, POLISI_LANG_CY));
  g_assert_false (polisi_clause_editor_is_update_shown (editor, POLISI_LANG_CY));

  /* the checker no longer reports it */
  polisi_window_check_now (window);
  g_assert_cmpint (polisi_window_get_step_state (window, 1), !=, POLISI_STEP_NEEDS_ATTENTION);

  polisi_gui_test_destroy_window (window);
}

static gboolean
word_is_marked (GtkTextBuffer *buffer,
                const char    *word)
{
  GtkTextIter start, match_start, match_end;
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "polisi-misspelled");

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, word, 0, &match_start, &match_end, NULL));
  return tag != NULL && gtk_text_iter_has_tag (&match_start, tag);
}

/* Welsh is checked in Welsh, English in English, in the background. */
static void
test_spell_checking (void)
{
  g_autoptr(PolisiSpellChecker) checker = polisi_spell_checker_new (NULL);
  PolisiWindow *window;
  PolisiClauseEditor *editor;
  GtkTextBuffer *cy, *en;
  gint64 deadline;

  if (!polisi_spell_checker_has_language (checker, POLISI_LANG_CY) ||
      !polisi_spell_checker_has_language (checker, POLISI_LANG_EN))
    {
      g_test_skip ("skipped: no Welsh or no British English dictionary for enchant (aspell-cy, hunspell-en-gb)");
      return;
    }

  window = polisi_gui_test_new_window (app);
  polisi_window_new_policy (window);
  editor = polisi_window_get_clause_editor (window, "purpose.aims");
  cy = polisi_clause_editor_get_buffer (editor, POLISI_LANG_CY);
  en = polisi_clause_editor_get_buffer (editor, POLISI_LANG_EN);
  polisi_gui_test_append_text (cy, "\n- Mae'r ysgoll yn gofalu am y dysgwyr i'w diogelu.");
  polisi_gui_test_append_text (en, "\n- The school protects its learrners and their wellbeing.");

  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while ((polisi_clause_editor_is_spell_pending (editor, POLISI_LANG_CY) ||
          polisi_clause_editor_is_spell_pending (editor, POLISI_LANG_EN)) &&
         g_get_monotonic_time () < deadline)
    polisi_gui_test_pump (10);

  /* the misspellings, each in its own language */
  g_assert_true (word_is_marked (cy, "ysgoll"));
  g_assert_true (word_is_marked (en, "learrners"));
  /* Welsh words, with their clitics, and English words, are not */
  g_assert_false (word_is_marked (cy, "Mae'r"));
  g_assert_false (word_is_marked (cy, "i'w"));
  /* and with the typographic apostrophe the library writes */
  g_assert_false (word_is_marked (cy, "Nodau’r"));
  g_assert_false (word_is_marked (cy, "dysgwyr"));
  g_assert_false (word_is_marked (en, "school"));
  g_assert_false (word_is_marked (en, "wellbeing"));  /* a word of the library */
  /* a Welsh word in the English text is a misspelling there */
  polisi_gui_test_append_text (en, " Diogelu.");
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (polisi_clause_editor_is_spell_pending (editor, POLISI_LANG_EN) &&
         g_get_monotonic_time () < deadline)
    polisi_gui_test_pump (10);
  g_assert_true (word_is_marked (en, "Diogelu"));

  /* suggestions */
  {
    g_auto(GStrv) suggestions = polisi_spell_checker_suggest (checker, POLISI_LANG_EN, "learrners");
    g_assert_true (g_strv_contains ((const char * const *) suggestions, "learners"));
  }

  polisi_gui_test_destroy_window (window);
}

/* Closing with unsaved changes asks first. */
static void
test_unsaved_changes (void)
{
  PolisiWindow *window = polisi_gui_test_new_window (app);
  AdwMessageDialog *dialog;
  gpointer alive = window;

  polisi_window_new_policy (window);
  fill (window, "name.cy", "Ysgol Newydd");
  g_assert_true (polisi_window_get_modified (window));

  /* Cancel keeps the window and the changes */
  gtk_window_close (GTK_WINDOW (window));
  polisi_gui_test_pump (20);
  dialog = polisi_gui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  /* a message dialog closes itself once answered */
  adw_message_dialog_response (dialog, "cancel");
  polisi_gui_test_pump (20);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (polisi_window_get_modified (window));

  /* Discard closes it */
  g_object_add_weak_pointer (G_OBJECT (window), &alive);
  gtk_window_close (GTK_WINDOW (window));
  polisi_gui_test_pump (20);
  dialog = polisi_gui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  polisi_gui_test_pump (50);
  g_assert_null (alive);
}

/* A saved policy closes at once. */
static void
test_close_saved (void)
{
  PolisiWindow *window = polisi_gui_test_new_window (app);
  g_autofree char *dir = polisi_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "saved.polisi", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gpointer alive = window;

  polisi_window_new_policy (window);
  fill (window, "name.cy", "Ysgol");
  g_assert_true (polisi_window_save_to_file (window, file, NULL));
  g_object_add_weak_pointer (G_OBJECT (window), &alive);
  gtk_window_close (GTK_WINDOW (window));
  polisi_gui_test_pump (20);
  g_assert_null (polisi_gui_test_find_message_dialog ());
  g_assert_null (alive);
  polisi_test_remove_tree (dir);
}

/* After a crash, the recovery copy is offered back with the edits. */
static void
test_draft_recovery (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(PolisiRecovery) recovery = polisi_recovery_new_default ();
  g_autoptr(GPtrArray) orphans = NULL;
  PolisiWindow *window;
  PolisiWindow *recovered;
  gboolean done;
  gulong handler;
  g_autofree char *id = NULL;
  g_autofree char *note_path = NULL;
  g_autoptr(GKeyFile) note = g_key_file_new ();
  g_autoptr(PolisiPolicy) expected = NULL;
  GPid dead;
  int status;

  g_settings_set_uint (settings, "autosave-interval", 1);

  window = polisi_gui_test_new_window (app);
  polisi_window_new_policy (window);
  fill (window, "name.cy", "Ysgol y Ddraig Goch");
  fill (window, "head_teacher", "Mr Dafydd ap Gwilym");
  id = g_strdup (polisi_window_get_recovery_id (window));

  /* the draft comes a second or two after the last change (a timer in
   * whole seconds may run late by up to a second) */
  note_path = g_build_filename (polisi_recovery_get_folder (recovery), "", NULL);
  {
    g_autofree char *draft = g_strconcat (note_path, "/", id, ".polisi", NULL);
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (!g_file_test (draft, G_FILE_TEST_IS_REGULAR) && g_get_monotonic_time () < deadline)
      polisi_gui_test_pump (50);
    g_assert_true (g_file_test (draft, G_FILE_TEST_IS_REGULAR));
  }
  /* a live window's draft is not an orphan */
  orphans = polisi_recovery_list_orphans (recovery);
  g_assert_cmpuint (orphans->len, ==, 0);
  g_clear_pointer (&orphans, g_ptr_array_unref);

  /* the process that owned it dies (its number now belongs to no one) */
  {
    const char *argv[] = { "true", NULL };
    g_autofree char *note_file = g_strconcat (note_path, "/", id, ".draft", NULL);

    g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                  NULL, NULL, &dead, NULL));
    waitpid (dead, &status, 0);
    g_assert_true (g_key_file_load_from_file (note, note_file, G_KEY_FILE_KEEP_COMMENTS, NULL));
    g_key_file_set_integer (note, "Draft", "Process", dead);
    g_assert_true (g_key_file_save_to_file (note, note_file, NULL));
  }
  expected = g_object_ref (polisi_window_get_policy (window));
  /* the window goes without closing: no cleanup, as in a crash */
  gtk_window_destroy (GTK_WINDOW (window));
  polisi_gui_test_pump (10);

  orphans = polisi_recovery_list_orphans (recovery);
  g_assert_cmpuint (orphans->len, ==, 1);
  g_assert_cmpstr (((PolisiRecoveryInfo *) orphans->pdata[0])->id, ==, id);
  g_assert_cmpstr (((PolisiRecoveryInfo *) orphans->pdata[0])->title, ==, "Ysgol y Ddraig Goch");

  /* the welcome view offers it; recovering it brings back the edits */
  recovered = polisi_gui_test_new_window (app);
  handler = polisi_gui_test_watch_recovery (recovered, &done);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (recovered), "win.recover-copy", "s", id));
  polisi_gui_test_wait_for_recovery (recovered, handler, &done);
  g_assert_false (polisi_window_is_blank (recovered));
  g_assert_true (polisi_window_get_modified (recovered));
  g_assert_cmpstr (polisi_policy_get_name (polisi_window_get_policy (recovered), POLISI_LANG_CY), ==, "Ysgol y Ddraig Goch");
  g_assert_cmpstr (polisi_policy_get_answer (polisi_window_get_policy (recovered), "head_teacher", POLISI_LANG_EN), ==,
                   "Mr Dafydd ap Gwilym");
  g_assert_true (polisi_policy_equal (expected, polisi_window_get_policy (recovered)));
  polisi_gui_test_destroy_window (recovered);

  g_clear_pointer (&orphans, g_ptr_array_unref);
  orphans = polisi_recovery_list_orphans (recovery);
  g_assert_cmpuint (orphans->len, ==, 0);
  g_settings_reset (settings, "autosave-interval");
}

/* The preview follows the text. */
static void
test_preview_follows (void)
{
  PolisiWindow *window = polisi_gui_test_new_window (app);
  PolisiPreview *preview;
  PolisiClauseEditor *editor;
  PolisiPageLayout *before;

  polisi_window_new_policy (window);
  preview = polisi_window_get_preview (window);
  polisi_gui_test_pump (50);
  g_assert_true (polisi_preview_is_current (preview));
  before = polisi_preview_get_page_layout (preview);
  g_assert_nonnull (before);
  g_assert_cmpint (polisi_preview_get_layout (preview), ==, POLISI_LAYOUT_COLUMNS);

  editor = polisi_window_get_clause_editor (window, "purpose.benefits");
  polisi_gui_test_append_text (polisi_clause_editor_get_buffer (editor, POLISI_LANG_EN), " A sentence the preview must show.");
  g_assert_false (polisi_preview_is_current (preview));
  polisi_gui_test_pump (50);
  g_assert_true (polisi_preview_is_current (preview));
  g_assert_true (polisi_preview_get_page_layout (preview) != before);

  {
    PolisiDocument *document = polisi_page_layout_get_document (polisi_preview_get_page_layout (preview));
    gboolean found = FALSE;

    for (guint b = 0; b < polisi_document_get_n_blocks (document); b++)
      {
        PolisiBlock *block = polisi_document_get_block (document, b);

        if (g_strcmp0 (block->id, "purpose.benefits") == 0)
          found = strstr (((PolisiTextBlock *) block->paras[POLISI_LANG_EN]->pdata[0])->text,
                          "A sentence the preview must show.") != NULL;
      }
    g_assert_true (found);
  }

  /* the language category chooses the default layout */
  polisi_policy_set_language_category (polisi_window_get_policy (window), POLISI_LANGUAGE_CATEGORY_ENGLISH);
  polisi_gui_test_pump (50);
  g_assert_cmpint (polisi_preview_get_layout (preview), ==, POLISI_LAYOUT_EN);

  polisi_gui_test_destroy_window (window);
}

/* Keyboard: every action has its shortcut. */
static void
test_shortcuts (void)
{
  static const struct { const char *action; const char *accel; } expected[] = {
    { "app.new", "<Control>n" }, { "app.open", "<Control>o" }, { "win.save", "<Control>s" },
    { "win.save-as", "<Shift><Control>s" }, { "win.print", "<Control>p" }, { "window.close", "<Control>w" },
    { "app.quit", "<Control>q" }, { "app.help", "F1" }, { "win.show-help-overlay", "<Control>question" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), expected[i].action);
      guint key, wanted_key;
      GdkModifierType mods, wanted_mods;

      g_test_message ("%s", expected[i].action);
      g_assert_nonnull (accels);
      g_assert_nonnull (accels[0]);
      g_assert_true (gtk_accelerator_parse (accels[0], &key, &mods));
      g_assert_true (gtk_accelerator_parse (expected[i].accel, &wanted_key, &wanted_mods));
      g_assert_cmpuint (key, ==, wanted_key);
      g_assert_cmpuint (mods, ==, wanted_mods);
    }
}

/* A damaged file gives a clear message and leaves the window as it was. */
static void
test_open_damaged (void)
{
  PolisiWindow *window = polisi_gui_test_new_window (app);
  g_autofree char *dir = polisi_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "damaged.polisi", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *dialog;

  polisi_test_write_file (path, "<?xml version=\"1.0\"?>\n<policy xmlns=\"https://polisi.cymru/ns/policy/1\" format=\"1\">\n<organ", -1);
  g_assert_false (polisi_gui_test_open_file (window, file));
  g_assert_true (polisi_window_is_blank (window));
  polisi_gui_test_pump (20);
  dialog = polisi_gui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "damaged.polisi"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "line 3"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  polisi_gui_test_destroy_window (window);
  polisi_test_remove_tree (dir);
}

/* A label under @widget that shows exactly @text. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return child;
      found = find_label (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The annual review, as HR works through it: a policy made with last
 * year's model clauses, an old name of an Act in its own edits, a new
 * piece of guidance since adoption. */
static void
test_annual_review (void)
{
  PolisiWindow *window = polisi_gui_test_new_window (app);
  g_autofree char *dir = polisi_test_make_temp_dir ();
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "review-due.polisi", NULL);
  g_autofree char *path = g_build_filename (dir, "polisi.polisi", NULL);
  g_autofree char *contents = polisi_test_read_file (source, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PolisiReviewPage *page;
  PolisiPolicy *policy;
  PolisiClauseState *state;
  AdwMessageDialog *dialog;
  GtkWidget *widget;
  guint review;
  guint n_toasts;
  PolisiLibrary *library = polisi_context_get_library (polisi_application_get_context (app));
  g_autoptr(GPtrArray) expected = NULL;
  const PolisiClauseChange *change;

  polisi_test_write_file (path, contents, -1);
  g_assert_true (polisi_gui_test_open_file (window, file));
  policy = polisi_window_get_policy (window);

  /* the review step says the review is overdue */
  review = polisi_window_find_step (window, "review");
  g_assert_cmpuint (review, <, polisi_window_get_n_steps (window));
  polisi_window_check_now (window);
  g_assert_cmpint (polisi_window_get_step_state (window, review), ==, POLISI_STEP_NEEDS_ATTENTION);
  g_assert_cmpstr (polisi_window_get_help_page (window), ==, "start-policy");
  /* the toast that says the review is overdue leads there, and goes */
  n_toasts = polisi_window_get_n_toasts (window);
  g_assert_cmpuint (n_toasts, >=, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-review", NULL));
  polisi_gui_test_pump (700);
  g_assert_cmpuint (polisi_window_get_n_toasts (window), ==, n_toasts - 1);
  g_assert_cmpuint (polisi_window_get_step (window), ==, review);
  g_assert_cmpstr (polisi_window_get_help_page (window), ==, "review");
  page = POLISI_REVIEW_PAGE (polisi_window_get_step_page (window, review));
  polisi_gui_test_pump (20);

  /* every update of the model clauses since last year's (the fixture's
   * three, and what this year's changed), two old names */
  expected = polisi_library_update_list (policy, library);
  g_assert_cmpuint (expected->len, >, 3);
  g_assert_cmpuint (polisi_review_page_get_n_updates (page), ==, expected->len);
  g_assert_cmpuint (polisi_review_page_get_n_citations (page), ==, 2);
  g_assert_true (polisi_review_page_reveal_update (page, "scope.devices-and-times"));

  /* an update says why the clause changed, in the interface language */
  g_assert_true (polisi_review_page_reveal_update (page, "reporting.urgency"));
  change = polisi_clause_lookup_change (polisi_library_lookup_clause (library, "reporting.urgency"),
                                        polisi_library_get_version (library));
  g_assert_nonnull (change);
  g_assert_nonnull (find_label (GTK_WIDGET (page), change->note[polisi_interface_lang ()]));

  /* take the changed clause's new wording, keep the withdrawn one, add the new one */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.accept-update", "s", "scope.devices-and-times"));
  state = polisi_policy_lookup_clause (policy, "scope.devices-and-times");
  g_assert_nonnull (strstr (polisi_clause_state_get_text (state, POLISI_LANG_EN), "laptops and tablets"));
  g_assert_nonnull (strstr (polisi_clause_state_get_text (state, POLISI_LANG_CY), "gliniaduron a llechi"));
  g_assert_cmpuint (polisi_review_page_get_n_updates (page), ==, expected->len - 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.decline-update", "s", "accounts.personal-blogs"));
  g_assert_true (polisi_clause_state_get_included (polisi_policy_lookup_clause (policy, "accounts.personal-blogs")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.accept-update", "s", "guidance.support"));
  g_assert_nonnull (polisi_policy_lookup_clause (policy, "guidance.support"));
  g_assert_cmpuint (polisi_review_page_get_n_updates (page), ==, expected->len - 3);
  /* add this year's new clause; keep the current wording of the rest, one by one */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.accept-update", "s", "personal-use.referring-to-work"));
  g_assert_true (polisi_clause_state_get_included (polisi_policy_lookup_clause (policy, "personal-use.referring-to-work")));
  for (guint i = 0; i < expected->len; i++)
    {
      const PolisiLibraryUpdate *update = expected->pdata[i];
      const char *id = update->clause_id;
      PolisiClause *clause = polisi_library_lookup_clause (library, id);

      if (g_strcmp0 (id, "scope.devices-and-times") == 0 || g_strcmp0 (id, "accounts.personal-blogs") == 0 ||
          g_strcmp0 (id, "guidance.support") == 0 || g_strcmp0 (id, "personal-use.referring-to-work") == 0)
        continue;
      /* a new clause the model requires is taken: the law now asks for it,
       * and leaving it out would block the adoption */
      if (update->kind == POLISI_UPDATE_NEW && clause != NULL &&
          polisi_clause_get_default (clause) == POLISI_CLAUSE_REQUIRED)
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.accept-update", "s", id));
      else
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.decline-update", "s", id));
    }
  g_assert_cmpuint (polisi_review_page_get_n_updates (page), ==, 0);
  /* a new clause taken asks a new question: who the data protection officer is */
  polisi_policy_set_answer (policy, "data_protection_officer", "Mr Huw Davies");
  /* with nothing left to decide, the policy follows this year's model clauses */
  g_assert_cmpstr (polisi_policy_get_library_version (policy), ==,
                   polisi_library_get_version (polisi_context_get_library (polisi_application_get_context (app))));

  /* replace the old names, in both languages */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.fix-all", NULL));
  g_assert_cmpuint (polisi_review_page_get_n_citations (page), ==, 0);
  state = polisi_policy_lookup_clause (policy, "scope.other-policies");
  g_assert_null (strstr (polisi_clause_state_get_text (state, POLISI_LANG_EN), "Data Protection Act 1998"));
  g_assert_nonnull (strstr (polisi_clause_state_get_text (state, POLISI_LANG_EN), "Data Protection Act 2018"));
  g_assert_null (strstr (polisi_clause_state_get_text (state, POLISI_LANG_CY), "Ddeddf Diogelu Data 1998"));

  /* a trigger: a court decision today */
  widget = polisi_review_page_add_trigger (page);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (widget));
  {
    guint before = polisi_policy_get_n_review_triggers (policy);
    GtkEditable *date = GTK_EDITABLE (polisi_gui_test_nth_child (widget, ADW_TYPE_ENTRY_ROW, 0));
    GtkEditable *note = GTK_EDITABLE (polisi_gui_test_nth_child (widget, ADW_TYPE_ENTRY_ROW, 1));

    /* a date that is not one cannot be added (31/12/2026 is one) */
    gtk_editable_set_text (date, "31/13/2026");
    g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (widget), "add"));
    gtk_editable_set_text (date, "2026-11-02");
    g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (widget), "add"));
    gtk_editable_set_text (note, "Tribunal decision on a teacher's posts");
    adw_combo_row_set_selected (ADW_COMBO_ROW (polisi_gui_test_nth_child (widget, ADW_TYPE_COMBO_ROW, 0)), POLISI_TRIGGER_CASE_LAW);
    /* (a click on a response closes the dialog; emitting it does not) */
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (widget), "add");
    gtk_window_destroy (GTK_WINDOW (widget));
    polisi_gui_test_pump (20);
    g_assert_cmpuint (polisi_policy_get_n_review_triggers (policy), ==, before + 1);
    g_assert_cmpint (polisi_policy_get_review_trigger (policy, before)->kind, ==, POLISI_TRIGGER_CASE_LAW);
    g_assert_cmpstr (polisi_policy_get_review_trigger (policy, before)->date, ==, "2026-11-02");
  }

  /* adopt version 1.2: the dialog waits for both summaries (a school in Wales) */
  widget = polisi_review_page_adopt (page);
  {
    GtkEditable *version = GTK_EDITABLE (polisi_gui_test_nth_child (widget, ADW_TYPE_ENTRY_ROW, 0));
    GtkEditable *date = GTK_EDITABLE (polisi_gui_test_nth_child (widget, ADW_TYPE_ENTRY_ROW, 1));
    GtkTextView *welsh = GTK_TEXT_VIEW (polisi_gui_test_nth_child (widget, GTK_TYPE_TEXT_VIEW, 0));
    GtkTextView *english = GTK_TEXT_VIEW (polisi_gui_test_nth_child (widget, GTK_TYPE_TEXT_VIEW, 1));
    guint versions = polisi_policy_get_n_versions (policy);

    g_assert_cmpstr (gtk_editable_get_text (version), ==, "1.2");
    g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (widget), "adopt"));
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (english), "Annual review: this year's model clauses; current names of Acts.", -1);
    g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (widget), "adopt"));
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (welsh), "Adolygiad blynyddol: cymalau enghreifftiol eleni; enwau cyfredol y Deddfau.", -1);
    g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (widget), "adopt"));
    /* not a lower version than the last */
    gtk_editable_set_text (version, "1.0");
    g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (widget), "adopt"));
    gtk_editable_set_text (version, "1.2");
    gtk_editable_set_text (date, "2026-11-20");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (widget), "adopt");
    gtk_window_destroy (GTK_WINDOW (widget));
    polisi_gui_test_pump (20);
    g_assert_cmpuint (polisi_policy_get_n_versions (policy), ==, versions + 1);
    g_assert_cmpstr (polisi_policy_get_version (policy), ==, "1.2");
    g_assert_cmpint (polisi_policy_get_status (policy), ==, POLISI_STATUS_ADOPTED);
    g_assert_cmpstr (polisi_policy_get_version_record (policy, versions)->date, ==, "2026-11-20");
  }

  /* the next version's summary of changes, written in the step, goes into
   * the policy as it is typed and into the next adoption's dialog */
  {
    GtkTextBuffer *welsh = polisi_review_page_get_summary_buffer (page, POLISI_LANG_CY);
    GtkTextBuffer *english = polisi_review_page_get_summary_buffer (page, POLISI_LANG_EN);
    g_autofree char *shown = NULL;

    polisi_gui_test_pump (400);
    shown = polisi_gui_buffer_get_text (english);
    g_assert_cmpstr (shown, ==, "");
    gtk_text_buffer_set_text (welsh, "Cymal newydd ar oriawr glyfar.", -1);
    gtk_text_buffer_set_text (english, "A new clause on smart watches.", -1);
    g_assert_cmpstr (polisi_policy_get_pending_summary (policy, POLISI_LANG_EN), ==, "A new clause on smart watches.");
    widget = polisi_review_page_adopt (page);
    {
      GtkTextView *view = polisi_gui_test_nth_child (widget, GTK_TYPE_TEXT_VIEW, 1);
      g_autofree char *prefilled = polisi_gui_buffer_get_text (gtk_text_view_get_buffer (view));

      g_assert_cmpstr (prefilled, ==, "A new clause on smart watches.");
    }
    gtk_window_destroy (GTK_WINDOW (widget));
    polisi_policy_set_pending_summary (policy, POLISI_LANG_CY, NULL);
    polisi_policy_set_pending_summary (policy, POLISI_LANG_EN, NULL);
  }

  /* saved and read back, it is the same policy */
  g_assert_true (polisi_window_save_to_file (window, file, &error));
  g_assert_no_error (error);
  {
    g_autoptr(PolisiPolicy) again = polisi_policy_load (file, &error);

    g_assert_no_error (error);
    g_assert_true (polisi_policy_equal (again, policy));
  }

  /* the comparison with the version before: a summary of changes in PDF
   * and tracked changes in ODT */
  {
    g_autoptr(PolisiPolicy) old_policy = polisi_policy_load_bytes (g_bytes_new_static (contents, strlen (contents)), "old.polisi", &error);
    g_autofree char *pdf_path = g_build_filename (dir, "changes.pdf", NULL);
    g_autofree char *odt_path = g_build_filename (dir, "tracked.odt", NULL);
    g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
    g_autoptr(GFile) odt = g_file_new_for_path (odt_path);
    g_autofree char *pdf_data = NULL;
    g_autoptr(GBytes) package = NULL;
    g_autoptr(GBytes) content = NULL;
    g_autofree char *odt_data = NULL;
    gsize length;

    g_assert_no_error (error);
    g_assert_true (polisi_window_export_comparison (window, old_policy, pdf, POLISI_FORMAT_PDF, FALSE, &error));
    g_assert_no_error (error);
    pdf_data = polisi_test_read_file (pdf_path, &length);
    g_assert_true (g_str_has_prefix (pdf_data, "%PDF-"));
    g_assert_cmpuint (length, >, 10000);

    g_assert_true (polisi_window_export_comparison (window, old_policy, odt, POLISI_FORMAT_ODT, TRUE, &error));
    g_assert_no_error (error);
    odt_data = polisi_test_read_file (odt_path, &length);
    package = g_bytes_new_take (g_steal_pointer (&odt_data), length);
    content = polisi_returned_odt_unpack (package, "tracked.odt", &error);
    g_assert_no_error (error);
    {
      g_autofree char *xml = g_strndup (g_bytes_get_data (content, NULL), g_bytes_get_size (content));

      g_assert_nonnull (strstr (xml, "<text:tracked-changes"));
      g_assert_nonnull (strstr (xml, "<text:insertion>"));
      g_assert_nonnull (strstr (xml, "laptops and tablets"));
    }

    /* tracked changes for Word users */
    {
      g_autofree char *docx_path = g_build_filename (dir, "tracked.docx", NULL);
      g_autoptr(GFile) docx = g_file_new_for_path (docx_path);
      g_autofree char *docx_data = NULL;
      gsize docx_length;

      g_assert_true (polisi_window_export_comparison (window, old_policy, docx, POLISI_FORMAT_DOCX, TRUE, &error));
      g_assert_no_error (error);
      docx_data = polisi_test_read_file (docx_path, &docx_length);
      g_assert_cmpmem (docx_data, 4, "PK\003\004", 4);
      g_assert_nonnull (memmem (docx_data, docx_length, "word/document.xml", 17));
    }

    /* the window asks which of the two */
    widget = polisi_window_ask_comparison (window, old_policy, NULL);
    g_assert_true (ADW_IS_MESSAGE_DIALOG (widget));
    g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (widget), "tracked"));
    g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (widget), "tracked-docx"));
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (widget), "cancel");
    gtk_window_destroy (GTK_WINDOW (widget));
    polisi_gui_test_pump (20);
  }

  dialog = polisi_gui_test_find_message_dialog ();
  if (dialog != NULL)
    g_error ("a dialog is still open: %s: %s", adw_message_dialog_get_heading (dialog), adw_message_dialog_get_body (dialog));
  polisi_gui_test_destroy_window (window);
  polisi_test_remove_tree (dir);
}

/* Consultation: a draft for the unions, their comments back from the ODT,
 * HR's responses in the next export. */
static void
test_consultation (void)
{
  PolisiWindow *window = polisi_gui_test_new_window (app);
  g_autofree char *dir = polisi_test_make_temp_dir ();
  g_autofree char *example = polisi_test_example_path ("secondary-wales-adopted.polisi");
  g_autofree char *contents = polisi_test_read_file (example, NULL);
  g_autofree char *path = g_build_filename (dir, "policy.polisi", NULL);
  g_autofree char *copy_path = g_build_filename (dir, "draft.odt", NULL);
  g_autofree char *returned_path = g_build_filename (dir, "returned.odt", NULL);
  g_autofree char *damaged_path = g_build_filename (dir, "damaged.odt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) draft = g_file_new_for_path (copy_path);
  g_autoptr(GFile) returned = g_file_new_for_path (returned_path);
  g_autoptr(GFile) damaged = g_file_new_for_path (damaged_path);
  g_autoptr(GError) error = NULL;
  PolisiConsultationPage *page;
  PolisiPolicy *policy;
  const PolisiComment *comment = NULL;
  GtkTextBuffer *response;
  GtkWidget *version_row;
  guint step, n_comments;
  guint added = 0;

  polisi_test_write_file (path, contents, -1);
  g_assert_true (polisi_gui_test_open_file (window, file));
  policy = polisi_window_get_policy (window);
  step = polisi_window_find_step (window, "consultation");
  polisi_window_go_to_step (window, step);
  g_assert_cmpstr (polisi_window_get_help_page (window), ==, "consultation");
  page = POLISI_CONSULTATION_PAGE (polisi_window_get_step_page (window, step));
  polisi_gui_test_pump (20);
  g_assert_cmpuint (polisi_consultation_page_get_n_comments (page), ==, 3);

  /* adopted, the version row is greyed and shows the number its draft will have */
  version_row = polisi_gui_test_nth_child (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, 0);
  g_assert_false (gtk_widget_get_sensitive (version_row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (version_row)), ==, "1.2");

  /* the adopted 1.1 becomes the consultation draft of 1.2; undone at once, it is 1.1 again */
  polisi_consultation_page_set_consultation (page, TRUE);
  g_assert_cmpint (polisi_policy_get_status (policy), ==, POLISI_STATUS_CONSULTATION);
  g_assert_cmpstr (polisi_policy_get_version (policy), ==, "1.2");
  g_assert_true (gtk_widget_get_sensitive (version_row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (version_row)), ==, "1.2");
  polisi_consultation_page_set_consultation (page, FALSE);
  g_assert_cmpint (polisi_policy_get_status (policy), ==, POLISI_STATUS_ADOPTED);
  g_assert_cmpstr (polisi_policy_get_version (policy), ==, "1.1");
  g_assert_false (gtk_widget_get_sensitive (version_row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (version_row)), ==, "1.2");
  polisi_consultation_page_set_consultation (page, TRUE);
  polisi_consultation_page_set_closing_date (page, "2027-01-29");
  g_assert_cmpstr (polisi_policy_get_closing_date (policy), ==, "2027-01-29");
  /* a closing date that is not a date is not taken, and says so */
  polisi_consultation_page_set_closing_date (page, "next Friday");
  g_assert_null (polisi_policy_get_closing_date (policy));
  g_assert_true (gtk_widget_has_css_class (polisi_gui_test_nth_child (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, 1), "error"));
  polisi_consultation_page_set_closing_date (page, "2027-01-29");
  polisi_gui_test_pump (400);
  /* the comments on 1.1 are not this version's */
  g_assert_cmpuint (polisi_consultation_page_get_n_comments (page), ==, 0);

  /* the draft goes out; a representative adds a comment in clause 2.3 */
  g_assert_true (polisi_window_export_to_file (window, draft, POLISI_FORMAT_ODT, POLISI_LAYOUT_COLUMNS, FALSE, FALSE, &error));
  g_assert_no_error (error);
  {
    g_autofree char *data = NULL;
    g_autoptr(GBytes) package = NULL;
    g_autoptr(GBytes) content = NULL;
    g_autoptr(GBytes) annotated = NULL;
    g_autofree char *xml = NULL;
    g_autofree char *with_comment = NULL;
    const char *at;
    gsize length;

    data = polisi_test_read_file (copy_path, &length);
    package = g_bytes_new_take (g_steal_pointer (&data), length);
    content = polisi_returned_odt_unpack (package, "draft.odt", &error);
    g_assert_no_error (error);
    xml = g_strndup (g_bytes_get_data (content, NULL), g_bytes_get_size (content));
    {
      g_autofree char *styles = polisi_test_odt_member (package, "styles.xml");

      /* the watermark and line numbers of a consultation draft */
      g_assert_nonnull (strstr (styles, "DRAFFT YMGYNGHORI"));
      g_assert_nonnull (strstr (styles, "<text:linenumbering-configuration"));
    }
    at = strstr (xml, "on phones, computers");
    g_assert_nonnull (at);
    /* and, with track changes on, puts "smart watches, " in it */
    with_comment = g_strdup_printf ("%.*s<office:annotation><dc:creator>Tom Price (NEU)</dc:creator>"
                                    "<dc:date>2027-01-10T11:00:00</dc:date><text:p>Add smart watches.</text:p>"
                                    "</office:annotation>on phones, <text:change-start text:change-id=\"ctw\"/>smart watches, "
                                    "<text:change-end text:change-id=\"ctw\"/>%s",
                                    (int) (at - xml), xml, at + strlen ("on phones, "));
    {
      const char *text_start = strstr (with_comment, "<office:text>");
      g_autofree char *tracked = NULL;

      g_assert_nonnull (text_start);
      text_start += strlen ("<office:text>");
      tracked = g_strdup_printf ("%.*s<text:tracked-changes><text:changed-region xml:id=\"ctw\" text:id=\"ctw\">"
                                 "<text:insertion><office:change-info><dc:creator>Tom Price (NEU)</dc:creator>"
                                 "<dc:date>2027-01-10T11:01:00</dc:date></office:change-info></text:insertion>"
                                 "</text:changed-region></text:tracked-changes>%s",
                                 (int) (text_start - with_comment), with_comment, text_start);
      g_free (with_comment);
      with_comment = g_steal_pointer (&tracked);
    }
    annotated = polisi_test_odt_replace_content (package, with_comment);
    polisi_test_write_file (returned_path, g_bytes_get_data (annotated, NULL), g_bytes_get_size (annotated));
  }

  /* a damaged file changes nothing */
  n_comments = polisi_policy_get_n_comments (policy);
  polisi_test_write_file (damaged_path, "PK\003\004 this is not a whole file", -1);
  g_assert_false (polisi_window_import_comments (window, damaged, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "damaged.odt"));
  g_clear_error (&error);
  g_assert_cmpuint (polisi_policy_get_n_comments (policy), ==, n_comments);

  /* the returned draft: one comment, on the clause it sits in */
  g_assert_true (polisi_window_import_comments (window, returned, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpuint (polisi_window_get_step (window), ==, step);
  polisi_gui_test_pump (400);
  g_assert_cmpuint (polisi_consultation_page_get_n_comments (page), ==, 1);
  for (guint i = 0; i < polisi_policy_get_n_comments (policy); i++)
    if (g_strcmp0 (polisi_policy_get_comment (policy, i)->version, "1.2") == 0)
      comment = polisi_policy_get_comment (policy, i);
  g_assert_nonnull (comment);
  g_assert_cmpstr (comment->clause_id, ==, "scope.devices-and-times");
  g_assert_cmpstr (comment->author, ==, "Tom Price (NEU)");

  /* the tracked change: a proposal on the same clause, accepted in the
   * page; the other language then needs an update */
  g_assert_cmpuint (polisi_consultation_page_get_n_proposals (page), ==, 1);
  {
    g_autoptr(PolisiProposal) proposal = g_list_model_get_item (polisi_policy_get_proposals (policy), 0);
    PolisiClauseState *state = polisi_policy_lookup_clause (policy, "scope.devices-and-times");
    PolisiLang lang = polisi_proposal_get_lang (proposal);

    g_assert_cmpstr (polisi_proposal_get_clause_id (proposal), ==, "scope.devices-and-times");
    g_assert_cmpstr (polisi_proposal_get_text (proposal), ==, "smart watches, ");
    g_assert_null (strstr (polisi_clause_state_get_text (state, lang), "smart watches"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "proposal.accept", "s", polisi_proposal_get_id (proposal)));
    polisi_gui_test_pump (400);
    g_assert_nonnull (strstr (polisi_clause_state_get_text (state, lang), "on phones, smart watches, computers"));
    g_assert_true (polisi_clause_state_get_needs_update (state, lang == POLISI_LANG_CY ? POLISI_LANG_EN : POLISI_LANG_CY));
    g_assert_cmpuint (g_list_model_get_n_items (polisi_policy_get_proposals (policy)), ==, 0);
    g_assert_cmpuint (polisi_consultation_page_get_n_proposals (page), ==, 0);
  }

  /* importing the same file again adds no comment */
  g_assert_true (polisi_window_import_comments (window, returned, &added, &error));
  g_assert_cmpuint (added, ==, 0);

  /* once the policy has moved on to another version, the same draft is
   * refused, and the window asks before taking it in */
  polisi_policy_set_version (policy, "1.3");
  g_assert_false (polisi_window_import_comments (window, returned, &added, &error));
  g_assert_error (error, POLISI_IMPORT_ERROR, POLISI_IMPORT_ERROR_EARLIER_VERSION);
  {
    GtkWidget *dialog = polisi_window_ask_earlier_version (window, returned, error->message);
    guint before;

    /* (the comment taken in before is put aside, to come in again) */
    g_assert_true (polisi_policy_remove_comment (policy, comment->id));
    before = polisi_policy_get_n_comments (policy);
    g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
    g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, error->message);
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "import");
    gtk_window_destroy (GTK_WINDOW (dialog));
    polisi_gui_test_pump (200);
    /* taken in, marked with the version it was made on */
    g_assert_cmpuint (polisi_policy_get_n_comments (policy), ==, before + 1);
    comment = polisi_policy_get_comment (policy, before);
    g_assert_cmpstr (comment->clause_id, ==, "scope.devices-and-times");
    g_assert_cmpstr (comment->version, ==, "1.2");
  }
  g_clear_error (&error);
  polisi_policy_set_version (policy, "1.2");

  /* HR answers; the response fills the table of the next export */
  polisi_consultation_page_set_responder (page, "Rhian Ellis, Rheolwr AD / HR Manager");
  g_assert_true (polisi_consultation_page_reveal_comment (page, comment->id));
  response = polisi_consultation_page_get_response_buffer (page, comment->id);
  g_assert_nonnull (response);
  gtk_text_buffer_set_text (response, "Cytunwyd. / Agreed: smart watches are named.", -1);
  polisi_gui_test_pump (400);
  comment = polisi_policy_lookup_comment (policy, comment->id);
  g_assert_cmpstr (comment->response, ==, "Cytunwyd. / Agreed: smart watches are named.");
  g_assert_cmpstr (comment->response_author, ==, "Rhian Ellis, Rheolwr AD / HR Manager");
  /* typing did not rebuild the list under the cursor */
  g_assert_true (polisi_consultation_page_get_response_buffer (page, comment->id) == response);
  {
    g_autoptr(PolisiDocument) document = polisi_assemble (policy, polisi_context_get_library (polisi_application_get_context (app)),
                                                          POLISI_ASSEMBLE_DEFAULT);
    gboolean found = FALSE;

    for (guint i = 0; i < polisi_document_get_n_blocks (document); i++)
      {
        PolisiBlock *block = polisi_document_get_block (document, i);

        for (guint c = 0; block->cells[POLISI_LANG_EN] != NULL && c < block->cells[POLISI_LANG_EN]->len; c++)
          if (strstr (block->cells[POLISI_LANG_EN]->pdata[c], "smart watches are named") != NULL)
            found = TRUE;
      }
    g_assert_true (found);
  }

  polisi_gui_test_destroy_window (window);
  polisi_test_remove_tree (dir);
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

  g_test_add_func ("/window/create-policy", test_create_policy);
  g_test_add_func ("/window/stale-translation", test_stale_translation);
  g_test_add_func ("/window/unsaved-changes", test_unsaved_changes);
  g_test_add_func ("/window/close-saved", test_close_saved);
  g_test_add_func ("/window/draft-recovery", test_draft_recovery);
  g_test_add_func ("/window/preview-follows", test_preview_follows);
  g_test_add_func ("/window/shortcuts", test_shortcuts);
  g_test_add_func ("/window/open-damaged", test_open_damaged);
  g_test_add_func ("/window/spell-checking", test_spell_checking);
  g_test_add_func ("/window/annual-review", test_annual_review);
  g_test_add_func ("/window/consultation", test_consultation);

  status = g_test_run ();

  g_clear_object (&app);
  polisi_test_remove_tree (data_home);
  g_free (data_home);
  return status;
}
