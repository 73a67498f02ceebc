/* test-own-clause-dialog.c: the school's own clauses in the window: the
 * section page's "Add a Clause of Your Own" dialog, the clause card of an
 * own clause, a title renamed, a clause removed, all through the actions
 * the buttons use
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "polisi-application.h"
#include "polisi-clause-editor.h"
#include "polisi-clause-title-editor.h"
#include "polisi-context.h"
#include "polisi-gui-test-utils.h"
#include "polisi-own-clause-dialog.h"
#include "polisi-section-page.h"

#define TITLE_CY "Ein grŵp Ŷ i rieni"
#define TEXT_CY "Rydym yn defnyddio ap ŵ ŷ Ŵ Ŷ ẁ ẃ ẅ ỳ."
#define TEXT_EN "We use one app for parents."

static PolisiContext *context;

static PolisiOwnClauseDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  PolisiOwnClauseDialog *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (POLISI_IS_OWN_CLAUSE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        found = POLISI_OWN_CLAUSE_DIALOG (window);
    }
  return found;
}

static PolisiClauseTitleEditor *
title_editor_of (PolisiClauseEditor *editor)
{
  return POLISI_CLAUSE_TITLE_EDITOR (polisi_gui_test_find_child (GTK_WIDGET (editor), POLISI_TYPE_CLAUSE_TITLE_EDITOR, 0));
}

static void
test_add_rename_remove (void)
{
  PolisiLibrary *library = polisi_context_get_library (context);
  g_autoptr(PolisiPolicy) policy = polisi_policy_new_from_library (library, POLISI_LANGUAGE_CATEGORY_DUAL);
  PolisiSection *section = polisi_library_lookup_section (library, "images");
  PolisiSectionPage *page = polisi_section_page_new (section, policy, context, NULL);
  GtkWidget *window = gtk_window_new ();
  PolisiOwnClauseDialog *dialog;
  PolisiClauseEditor *editor;
  PolisiClauseTitleEditor *titles;
  PolisiClauseState *state = NULL;
  g_autofree char *id = NULL;
  guint n_clauses = polisi_policy_get_n_clauses (policy);

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  polisi_gui_test_pump (20);

  /* the button at the end of the section opens the dialog */
  {
    AdwButtonContent *content = ADW_BUTTON_CONTENT (polisi_gui_test_find_child (GTK_WIDGET (page), ADW_TYPE_BUTTON_CONTENT, 0));
    GtkWidget *button = gtk_widget_get_parent (GTK_WIDGET (content));

    g_assert_cmpstr (adw_button_content_get_label (content), ==, "Add a Clause of Your _Own…");
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "section.add-own-clause");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "section.add-own-clause", NULL));
  polisi_gui_test_pump (20);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));

  /* nothing typed: refused, said, and the dialog stays */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "own-clause.add", NULL));
  polisi_gui_test_pump (20);
  g_assert_true (find_dialog () == dialog);
  g_assert_nonnull (polisi_own_clause_dialog_get_error (dialog));
  g_assert_nonnull (strstr (polisi_own_clause_dialog_get_error (dialog), "needs a title"));
  g_assert_cmpuint (polisi_policy_get_n_clauses (policy), ==, n_clauses);

  /* after the first clause of the section */
  gtk_editable_set_text (polisi_own_clause_dialog_get_title_entry (dialog, POLISI_LANG_CY), TITLE_CY);
  gtk_editable_set_text (polisi_own_clause_dialog_get_title_entry (dialog, POLISI_LANG_EN), "Our parents’ app");
  gtk_text_buffer_set_text (polisi_own_clause_dialog_get_buffer (dialog, POLISI_LANG_CY), TEXT_CY, -1);
  gtk_text_buffer_set_text (polisi_own_clause_dialog_get_buffer (dialog, POLISI_LANG_EN), TEXT_EN, -1);
  polisi_own_clause_dialog_set_position (dialog, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "own-clause.add", NULL));
  polisi_gui_test_pump (20);
  g_assert_null (find_dialog ());

  g_assert_cmpuint (polisi_policy_get_n_clauses (policy), ==, n_clauses + 1);
  for (guint i = 0; i < polisi_policy_get_n_clauses (policy); i++)
    if (polisi_clause_state_get_own (polisi_policy_get_clause (policy, i)))
      {
        state = polisi_policy_get_clause (policy, i);
        /* right after the section's first clause */
        g_assert_cmpstr (polisi_clause_state_get_id (polisi_policy_get_clause (policy, i - 1)), ==, "images.consent");
      }
  g_assert_nonnull (state);
  id = g_strdup (polisi_clause_state_get_id (state));
  g_assert_cmpstr (polisi_clause_state_get_text (state, POLISI_LANG_CY), ==, TEXT_CY);
  g_assert_cmpstr (polisi_clause_state_get_title (state, POLISI_LANG_CY), ==, TITLE_CY);

  /* its card, second in the section, as its number says */
  editor = polisi_section_page_get_editor (page, id);
  g_assert_nonnull (editor);
  g_assert_null (polisi_clause_editor_get_clause (editor));
  g_assert_true (polisi_gui_test_nth_child (GTK_WIDGET (page), POLISI_TYPE_CLAUSE_EDITOR, 1) == (gpointer) editor);
  g_assert_nonnull (polisi_gui_test_find_child (GTK_WIDGET (editor), GTK_TYPE_LABEL, 0));

  /* its translation is tracked as any clause's */
  gtk_text_buffer_set_text (polisi_clause_editor_get_buffer (editor, POLISI_LANG_EN), "We use two apps.", -1);
  g_assert_true (polisi_clause_state_get_needs_update (state, POLISI_LANG_CY));
  /* shown once typing pauses */
  polisi_gui_test_pump (800);
  g_assert_true (polisi_clause_editor_is_update_shown (editor, POLISI_LANG_CY));

  /* renamed on its card; its last title cannot go */
  titles = title_editor_of (editor);
  gtk_editable_set_text (polisi_clause_title_editor_get_entry (titles, POLISI_LANG_EN), "  Our   app ");
  g_assert_true (polisi_clause_title_editor_apply (titles, POLISI_LANG_EN));
  g_assert_cmpstr (polisi_clause_state_get_title (state, POLISI_LANG_EN), ==, "Our app");
  g_assert_cmpstr (gtk_editable_get_text (polisi_clause_title_editor_get_entry (titles, POLISI_LANG_EN)), ==, "Our app");
  /* the card's title follows (the interface is in English here) */
  {
    GtkLabel *title_label = polisi_gui_test_nth_child (GTK_WIDGET (editor), GTK_TYPE_LABEL, 0);

    g_assert_cmpstr (gtk_label_get_label (title_label), ==, "Our app");
  }
  gtk_editable_set_text (polisi_clause_title_editor_get_entry (titles, POLISI_LANG_CY), "");
  g_assert_true (polisi_clause_title_editor_apply (titles, POLISI_LANG_CY));
  gtk_editable_set_text (polisi_clause_title_editor_get_entry (titles, POLISI_LANG_EN), "");
  g_assert_false (polisi_clause_title_editor_apply (titles, POLISI_LANG_EN));
  g_assert_nonnull (polisi_clause_title_editor_get_error (titles));
  g_assert_cmpstr (gtk_editable_get_text (polisi_clause_title_editor_get_entry (titles, POLISI_LANG_EN)), ==, "Our app");
  g_assert_cmpstr (polisi_clause_state_get_title (state, POLISI_LANG_EN), ==, "Our app");

  /* a model clause renamed, and given its own title back */
  {
    PolisiClauseEditor *consent = polisi_section_page_get_editor (page, "images.consent");
    PolisiClauseTitleEditor *consent_titles = title_editor_of (consent);
    PolisiClauseState *consent_state = polisi_policy_lookup_clause (policy, "images.consent");

    gtk_editable_set_text (polisi_clause_title_editor_get_entry (consent_titles, POLISI_LANG_CY), "Caniatâd gan deuluoedd ŵ");
    g_assert_true (polisi_clause_title_editor_apply (consent_titles, POLISI_LANG_CY));
    g_assert_cmpstr (polisi_clause_state_get_title (consent_state, POLISI_LANG_CY), ==, "Caniatâd gan deuluoedd ŵ");
    gtk_editable_set_text (polisi_clause_title_editor_get_entry (consent_titles, POLISI_LANG_CY), "");
    g_assert_true (polisi_clause_title_editor_apply (consent_titles, POLISI_LANG_CY));
    g_assert_null (polisi_clause_state_get_title (consent_state, POLISI_LANG_CY));
    g_assert_cmpstr (gtk_editable_get_text (polisi_clause_title_editor_get_entry (consent_titles, POLISI_LANG_CY)), ==,
                     polisi_clause_get_title (polisi_library_lookup_clause (library, "images.consent"), POLISI_LANG_CY));
    /* a model clause has no remove button */
    g_assert_null (polisi_gui_test_find_button (GTK_WIDGET (consent), "_Remove This Clause"));
  }

  /* removed by its card's button's action */
  g_assert_nonnull (polisi_gui_test_find_button (GTK_WIDGET (editor), "_Remove This Clause"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (titles), POLISI_REMOVE_OWN_CLAUSE_ACTION, "s", id));
  polisi_gui_test_pump (20);
  g_assert_null (polisi_policy_lookup_clause (policy, id));
  g_assert_null (polisi_section_page_get_editor (page, id));
  g_assert_cmpuint (polisi_policy_get_n_clauses (policy), ==, n_clauses);

  /* a model clause is never removed that way */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "section.remove-own-clause", "s", "images.consent"));
  g_assert_nonnull (polisi_policy_lookup_clause (policy, "images.consent"));
  g_assert_nonnull (polisi_section_page_get_editor (page, "images.consent"));

  gtk_window_destroy (GTK_WINDOW (window));
  polisi_gui_test_pump (20);
}

/* A policy with own clauses opens with their cards in place. */
static void
test_page_of_saved_policy (void)
{
  PolisiLibrary *library = polisi_context_get_library (context);
  g_autoptr(PolisiPolicy) policy = polisi_policy_new_from_library (library, POLISI_LANGUAGE_CATEGORY_DUAL);
  PolisiSection *section = polisi_library_lookup_section (library, "images");
  g_autoptr(GError) error = NULL;
  PolisiClauseState *first = polisi_policy_add_own_clause (policy, library, "images", NULL, TITLE_CY, NULL,
                                                           TEXT_CY, NULL, &error);
  PolisiSectionPage *page;
  GtkWidget *window = gtk_window_new ();
  PolisiClauseEditor *editor;

  g_assert_no_error (error);
  page = polisi_section_page_new (section, policy, context, NULL);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  polisi_gui_test_pump (20);

  editor = polisi_gui_test_nth_child (GTK_WIDGET (page), POLISI_TYPE_CLAUSE_EDITOR, 0);
  g_assert_true (polisi_clause_editor_get_state (editor) == first);
  g_assert_true (polisi_section_page_get_editor (page, polisi_clause_state_get_id (first)) == editor);
  /* titled in Welsh only: the card's title is the Welsh one, the English
   * entry is empty to be written */
  g_assert_cmpstr (gtk_editable_get_text (polisi_clause_title_editor_get_entry (title_editor_of (editor), POLISI_LANG_CY)),
                   ==, TITLE_CY);
  g_assert_cmpstr (gtk_editable_get_text (polisi_clause_title_editor_get_entry (title_editor_of (editor), POLISI_LANG_EN)),
                   ==, "");

  gtk_window_destroy (GTK_WINDOW (window));
  polisi_gui_test_pump (20);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* the application's class keeps the interface's resources in the program */
  g_type_class_unref (g_type_class_ref (POLISI_TYPE_APPLICATION));

  context = polisi_context_new_builtin (&error);
  g_assert_no_error (error);

  g_test_add_func ("/own-clause-dialog/add-rename-remove", test_add_rename_remove);
  g_test_add_func ("/own-clause-dialog/saved-policy", test_page_of_saved_policy);

  status = g_test_run ();
  g_clear_object (&context);
  return status;
}
