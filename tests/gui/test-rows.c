/* test-rows.c: the rows of the review and consultation steps, and the
 * dialog that says what blocks an adoption
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each made for its object, showing it, and freed with nothing left
 * holding it; each property notifies once on a real change and never on
 * the same value.
 */
#include "config.h"

#include <string.h>

#include "polisi-adoption-blockers.h"
#include "polisi-application.h"
#include "polisi-assembler.h"
#include "polisi-checker.h"
#include "polisi-clause-editor.h"
#include "polisi-clause-title-editor.h"
#include "polisi-comment-row.h"
#include "polisi-gui-test-utils.h"
#include "polisi-own-clause-dialog.h"
#include "polisi-preview-page.h"
#include "polisi-print-operation.h"
#include "polisi-proposal-row.h"
#include "polisi-review-page.h"
#include "polisi-settable-row.h"
#include "polisi-spell-buffer.h"
#include "polisi-test-utils.h"
#include "polisi-trigger-row.h"
#include "polisi-version-row.h"

static void
test_version_row (void)
{
  PolisiVersion *first = polisi_version_new ("1.0", "2025-09-01", "Corff Llywodraethu", "Fersiwn gyntaf ŵ ŷ", "First");
  PolisiVersion *second = polisi_version_new ("1.1", "2026-09-01", "Y llywodraethwyr", "Ail fersiwn", "Second");
  GtkWidget *row = g_object_ref_sink (polisi_version_row_new (first, POLISI_LANG_EN));
  GtkWidget *welsh = g_object_ref_sink (polisi_version_row_new (first, POLISI_LANG_CY));
  g_auto(GValue) value = G_VALUE_INIT;

  /* the language is the one given (the context's), not the locale's: the
   * tests run in English, and the Welsh row shows the Welsh date and summary */
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "1 September 2025"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "First");
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (welsh)), "1 Medi 2025"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (welsh)), ==, "Fersiwn gyntaf ŵ ŷ");
  g_assert_finalize_object (welsh);

  polisi_test_assert_explicit_notify (POLISI_TYPE_VERSION_ROW);
  g_assert_true (polisi_version_row_get_version (POLISI_VERSION_ROW (row)) == first);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "1.0"));

  g_value_init (&value, POLISI_TYPE_VERSION);
  g_value_set_object (&value, second);
  polisi_test_check_property (row, "version", &value);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "1.1"));
  g_value_unset (&value);

  g_assert_finalize_object (row);
  g_assert_finalize_object (first);
  g_assert_finalize_object (second);
}

static void
test_trigger_row (void)
{
  PolisiTrigger *trigger = polisi_trigger_new (POLISI_TRIGGER_INCIDENT, "2026-11-01", "Digwyddiad");
  GtkWidget *row = g_object_ref_sink (polisi_trigger_row_new (trigger, POLISI_LANG_CY));

  polisi_test_assert_explicit_notify (POLISI_TYPE_TRIGGER_ROW);
  g_assert_true (polisi_trigger_row_get_trigger (POLISI_TRIGGER_ROW (row)) == trigger);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Digwyddiad");
  /* the date in the language given, here Welsh under an English locale */
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "1 Tachwedd 2026"));
  polisi_test_check_boolean (row, "pending", TRUE);
  g_assert_true (polisi_trigger_row_get_pending (POLISI_TRIGGER_ROW (row)));

  /* the row follows its trigger */
  polisi_trigger_set_note (trigger, "Digwyddiad ŵ ŷ");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Digwyddiad ŵ ŷ");

  g_assert_finalize_object (row);
  g_assert_finalize_object (trigger);
}

static void
test_proposal_row (void)
{
  PolisiProposal *proposal = polisi_proposal_new (POLISI_PROPOSAL_INSERTION, "intro.head", POLISI_LANG_CY, "geiriau ŵ",
                                                  "Mae'r ", " yma");
  GtkWidget *row;
  g_autoptr(PolisiProposal) read = NULL;

  polisi_proposal_set_id (proposal, "p1");
  polisi_proposal_set_author (proposal, "Tom");
  row = g_object_ref_sink (polisi_proposal_row_new (proposal, "1.1 Cyflwyniad", POLISI_LANG_EN));
  polisi_test_assert_explicit_notify (POLISI_TYPE_PROPOSAL_ROW);
  g_object_get (row, "proposal", &read, NULL);
  g_assert_true (read == proposal);
  g_assert_true (polisi_proposal_row_get_proposal (POLISI_PROPOSAL_ROW (row)) == proposal);
  g_clear_object (&read);

  g_assert_finalize_object (row);
  g_assert_finalize_object (proposal);
}

static void
on_go_to (PolisiAdoptionBlockers *dialog,
          const char             *clause_id,
          const char             *placeholder,
          int                     lang,
          int                     kind,
          guint                  *count)
{
  (*count)++;
}

/* A new policy from the test library, its answers not given: adoption is
 * blocked; the dialog lists each blocker and goes to the one chosen. */
static void
test_adoption_blockers (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  g_autoptr(PolisiPolicy) policy = polisi_policy_new_from_library (library, POLISI_LANGUAGE_CATEGORY_DUAL);
  g_autoptr(GPtrArray) blockers = NULL;
  GtkWidget *dialog;
  guint n_go_to = 0;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_SEPTEMBER, 2026);
  blockers = polisi_check_adoption (policy, library, NULL, &today);

  g_assert_cmpuint (blockers->len, >, 0);
  dialog = g_object_ref (polisi_adoption_blockers_new (NULL, "1.0", blockers));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), "1.0"));
  g_assert_cmpuint (polisi_adoption_blockers_get_n_rows (POLISI_ADOPTION_BLOCKERS (dialog)), ==, blockers->len);
  g_signal_connect (dialog, "go-to", G_CALLBACK (on_go_to), &n_go_to);

  polisi_adoption_blockers_activate (POLISI_ADOPTION_BLOCKERS (dialog), 0);
  g_assert_cmpuint (n_go_to, ==, 1);
  polisi_gui_test_pump (10);
  gtk_window_destroy (GTK_WINDOW (dialog));
  polisi_gui_test_pump (10);
  g_assert_finalize_object (dialog);
}

/* A comment's row: its text, its response typed into the policy, signed
 * by :responder. */
static void
test_comment_row (void)
{
  PolisiPolicy *policy = polisi_policy_new ();
  const char *id = polisi_policy_add_comment (policy, "scope.people", POLISI_LANG_EN, "Tom Price (NEU)",
                                              "2027-02-01", "Does this cover supply staff? ŵ ŷ");
  PolisiComment *comment = (PolisiComment *) polisi_policy_lookup_comment (policy, id);
  GtkWidget *row = g_object_ref_sink (polisi_comment_row_new (comment, policy, "2.1 Who the policy covers",
                                                             POLISI_LANG_CY));
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert_true (polisi_comment_row_get_comment (POLISI_COMMENT_ROW (row)) == comment);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "2.1 Who the policy covers");
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "Does this cover supply staff?"));

  polisi_test_assert_explicit_notify (POLISI_TYPE_COMMENT_ROW);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Rhian Ellis, Rheolwr AD");
  polisi_test_check_property (row, "responder", &value);

  gtk_text_buffer_set_text (polisi_comment_row_get_buffer (POLISI_COMMENT_ROW (row)), "Ydy. / Yes.", -1);
  g_assert_cmpstr (polisi_policy_lookup_comment (policy, id)->response, ==, "Ydy. / Yes.");
  g_assert_cmpstr (polisi_policy_lookup_comment (policy, id)->response_author, ==, "Rhian Ellis, Rheolwr AD");

  g_assert_finalize_object (row);
  g_assert_finalize_object (policy);
}

/* A key of the organisation step typed into its row goes to the policy
 * through the key's own rule. */
static void
test_settable_row (void)
{
  PolisiContext *context = polisi_test_builtin_context ();
  PolisiLibrary *library = polisi_context_get_library (context);
  PolisiPolicy *policy = polisi_policy_new ();
  g_autoptr(GPtrArray) settables = polisi_settable_list (library);
  const PolisiSettable *head = polisi_settable_lookup (settables, "head_teacher");
  GtkWidget *row;

  g_assert_nonnull (head);
  row = g_object_ref_sink (polisi_settable_row_new (head, policy, library, POLISI_LANG_EN));
  g_assert_true (polisi_settable_row_get_settable (POLISI_SETTABLE_ROW (row)) == head);
  gtk_editable_set_text (GTK_EDITABLE (row), "Mrs Gwenllian Ŵyn");
  polisi_gui_test_pump (20);
  g_assert_cmpstr (polisi_policy_get_answer (policy, "head_teacher", POLISI_LANG_EN), ==, "Mrs Gwenllian Ŵyn");

  g_assert_finalize_object (row);
  g_assert_finalize_object (policy);
  g_clear_pointer (&settables, g_ptr_array_unref);
  g_assert_finalize_object (context);
}

/* A text view's spell checking, made and freed with its view. */
static void
test_spell_buffer (void)
{
  PolisiContext *context = polisi_test_builtin_context ();
  PolisiSpellChecker *checker = polisi_spell_checker_new (polisi_context_get_library (context));
  GtkWidget *view = g_object_ref_sink (gtk_text_view_new ());
  PolisiSpellBuffer *buffer = polisi_spell_buffer_new (checker, GTK_TEXT_VIEW (view), POLISI_LANG_EN);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "Staff must keep clear bondaries.", -1);
  for (guint i = 0; i < 200 && polisi_spell_buffer_is_pending (buffer); i++)
    polisi_gui_test_pump (10);
  g_assert_false (polisi_spell_buffer_is_pending (buffer));

  g_assert_finalize_object (buffer);
  g_assert_finalize_object (view);
  g_assert_finalize_object (checker);
  g_assert_finalize_object (context);
}

/* A page of the preview, and the print operation of a document. */
static void
test_preview_page_and_print (void)
{
  PolisiContext *context = polisi_test_builtin_context ();
  PolisiPolicy *policy = polisi_test_load_example ("secondary-wales.polisi");
  PolisiDocument *document = polisi_assemble (policy, polisi_context_get_library (context), 0);
  GtkWidget *page = g_object_ref_sink (GTK_WIDGET (polisi_preview_page_new ()));
  PolisiExportOptions options;
  PolisiPrintOperation *print;

  polisi_export_options_init (&options, POLISI_LAYOUT_COLUMNS);
  print = polisi_print_operation_new (document, &options);
  g_assert_true (GTK_IS_PRINT_OPERATION (print));

  g_assert_finalize_object (print);
  g_assert_finalize_object (page);
  g_assert_finalize_object (document);
  g_assert_finalize_object (policy);
  g_assert_finalize_object (context);
}

/* A clause's card and its title editor, the own-clause dialog and the
 * review step's page, each made for a policy and freed with it gone. */
static void
test_editors_and_pages (void)
{
  PolisiContext *context = polisi_test_builtin_context ();
  PolisiLibrary *library = polisi_context_get_library (context);
  PolisiPolicy *policy = polisi_test_load_example ("secondary-wales.polisi");
  PolisiClause *clause = polisi_library_lookup_clause (library, "scope.people");
  PolisiClauseState *state = polisi_policy_lookup_clause (policy, "scope.people");
  GtkWidget *editor = g_object_ref_sink (GTK_WIDGET (polisi_clause_editor_new (clause, state, context)));
  GtkWidget *title = g_object_ref_sink (GTK_WIDGET (polisi_clause_title_editor_new (clause, state)));
  GtkWidget *review = g_object_ref_sink (GTK_WIDGET (polisi_review_page_new (policy, context)));
  GtkWidget *dialog = GTK_WIDGET (polisi_own_clause_dialog_new (policy, context, polisi_clause_get_section (clause)));

  g_assert_true (polisi_clause_editor_get_clause (POLISI_CLAUSE_EDITOR (editor)) == clause);
  g_assert_true (polisi_clause_editor_get_state (POLISI_CLAUSE_EDITOR (editor)) == state);
  g_assert_nonnull (polisi_clause_title_editor_get_entry (POLISI_CLAUSE_TITLE_EDITOR (title), POLISI_LANG_CY));
  g_assert_nonnull (polisi_own_clause_dialog_get_title_entry (POLISI_OWN_CLAUSE_DIALOG (dialog), POLISI_LANG_CY));

  /* a toplevel goes when it is destroyed, its last reference GTK's own */
  g_object_ref (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
  g_assert_finalize_object (review);
  g_assert_finalize_object (title);
  g_assert_finalize_object (editor);
  g_assert_finalize_object (policy);
  g_assert_finalize_object (context);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* the application's class keeps the interface's resources in the program */
  g_type_class_unref (g_type_class_ref (POLISI_TYPE_APPLICATION));

  g_test_add_func ("/rows/version-row", test_version_row);
  g_test_add_func ("/rows/trigger-row", test_trigger_row);
  g_test_add_func ("/rows/proposal-row", test_proposal_row);
  g_test_add_func ("/rows/adoption-blockers", test_adoption_blockers);
  g_test_add_func ("/rows/comment-row", test_comment_row);
  g_test_add_func ("/rows/settable-row", test_settable_row);
  g_test_add_func ("/rows/spell-buffer", test_spell_buffer);
  g_test_add_func ("/rows/preview-page-and-print", test_preview_page_and_print);
  g_test_add_func ("/rows/editors-and-pages", test_editors_and_pages);

  return g_test_run ();
}
