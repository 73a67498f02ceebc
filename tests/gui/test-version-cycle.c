/* test-version-cycle.c: a policy's year through the window: a consultation
 * draft, its returned comments answered, an adoption refused while the
 * check finds what must be fixed (the dialog lists it and goes there),
 * version 1.0, a change that makes it the draft of 1.1 in the window and in
 * every export, the comparison with 1.0 from the version history, and 1.1
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "polisi-adoption-blockers.h"
#include "polisi-application.h"
#include "polisi-checker.h"
#include "polisi-clause-editor.h"
#include "polisi-consultation-page.h"
#include "polisi-export.h"
#include "polisi-gui-test-utils.h"
#include "polisi-returned-draft.h"
#include "polisi-policy-io.h"
#include "polisi-review-page.h"
#include "polisi-test-odt.h"
#include "polisi-test-utils.h"
#include "polisi-trigger-row.h"
#include "polisi-version-row.h"
#include "polisi-window.h"

static PolisiApplication *app;
static char *data_home;

static char *
odt_content (const char *path)
{
  gsize length;
  g_autofree char *data = polisi_test_read_file (path, &length);
  g_autoptr(GBytes) package = g_bytes_new_take (g_steal_pointer (&data), length);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) content = polisi_returned_odt_unpack (package, path, &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (content, NULL), g_bytes_get_size (content));
}

/* Fills in and accepts the adoption dialog. */
static void
adopt_in_dialog (GtkWidget  *widget,
                 const char *version,
                 const char *date,
                 const char *summary_cy,
                 const char *summary_en)
{
  GtkEditable *number = GTK_EDITABLE (polisi_gui_test_nth_child (widget, ADW_TYPE_ENTRY_ROW, 0));
  GtkEditable *when = GTK_EDITABLE (polisi_gui_test_nth_child (widget, ADW_TYPE_ENTRY_ROW, 1));
  GtkTextView *welsh = GTK_TEXT_VIEW (polisi_gui_test_nth_child (widget, GTK_TYPE_TEXT_VIEW, 0));
  GtkTextView *english = GTK_TEXT_VIEW (polisi_gui_test_nth_child (widget, GTK_TYPE_TEXT_VIEW, 1));

  g_assert_false (POLISI_IS_ADOPTION_BLOCKERS (widget));
  g_assert_cmpstr (gtk_editable_get_text (number), ==, version);
  gtk_editable_set_text (when, date);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (welsh), summary_cy, -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (english), summary_en, -1);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (widget), "adopt"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (widget), "adopt");
  gtk_window_destroy (GTK_WINDOW (widget));
  polisi_gui_test_pump (20);
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (POLISI_IS_VERSION_ROW (child))
        g_ptr_array_add (rows, child);
      else
        collect_rows (child, rows);
    }
}

static void
collect_trigger_rows (GtkWidget *widget,
                      GPtrArray *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (POLISI_IS_TRIGGER_ROW (child))
        g_ptr_array_add (rows, child);
      else
        collect_trigger_rows (child, rows);
    }
}

/* The version of the @n-th row of the version history, as drawn. */
static const char *
row_number (PolisiReviewPage *page,
            guint             n)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (GTK_WIDGET (page), rows);
  if (n >= rows->len)
    return NULL;
  return polisi_version_get_number (polisi_version_row_get_version (rows->pdata[n]));
}

static void
test_year (void)
{
  PolisiWindow *window = polisi_gui_test_new_window (app);
  g_autofree char *dir = polisi_test_make_temp_dir ();
  g_autofree char *example = polisi_test_example_path ("secondary-wales.polisi");
  g_autofree char *contents = polisi_test_read_file (example, NULL);
  g_autofree char *path = g_build_filename (dir, "policy.polisi", NULL);
  g_autofree char *draft_path = g_build_filename (dir, "draft.odt", NULL);
  g_autofree char *returned_path = g_build_filename (dir, "returned.odt", NULL);
  g_autofree char *export_path = g_build_filename (dir, "export.odt", NULL);
  g_autofree char *tracked_path = g_build_filename (dir, "tracked.odt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) draft = g_file_new_for_path (draft_path);
  g_autoptr(GFile) returned = g_file_new_for_path (returned_path);
  g_autoptr(GFile) exported = g_file_new_for_path (export_path);
  g_autoptr(GFile) tracked = g_file_new_for_path (tracked_path);
  g_autoptr(GError) error = NULL;
  PolisiConsultationPage *consultation;
  PolisiReviewPage *review;
  PolisiClauseEditor *editor;
  PolisiClauseState *state;
  PolisiPolicy *policy;
  GtkWidget *widget;
  guint added = 0;
  guint review_step, consultation_step, purpose_step;
  const PolisiComment *comment = NULL;

  polisi_test_write_file (path, contents, -1);
  g_assert_true (polisi_gui_test_open_file (window, file));
  policy = polisi_window_get_policy (window);
  g_assert_cmpint (polisi_policy_get_status (policy), ==, POLISI_STATUS_CONSULTATION);
  review_step = polisi_window_find_step (window, "review");
  consultation_step = polisi_window_find_step (window, "consultation");
  purpose_step = polisi_window_find_step (window, "purpose");
  g_assert_cmpuint (purpose_step, <, polisi_window_get_n_steps (window));

  /* the consultation draft goes out, and comes back with a comment */
  g_assert_true (polisi_window_export_to_file (window, draft, POLISI_FORMAT_ODT, POLISI_LAYOUT_COLUMNS, FALSE, FALSE, &error));
  g_assert_no_error (error);
  {
    gsize length;
    g_autofree char *data = polisi_test_read_file (draft_path, &length);
    g_autoptr(GBytes) package = g_bytes_new_take (g_steal_pointer (&data), length);
    g_autofree char *xml = odt_content (draft_path);
    g_autofree char *annotated_xml = NULL;
    g_autoptr(GBytes) annotated = NULL;
    const char *at = strstr (xml, "The aims of this policy are");

    g_assert_nonnull (at);
    annotated_xml = g_strdup_printf ("%.*s<office:annotation><dc:creator>Siân Jones (UCAC)</dc:creator>"
                                     "<dc:date>2026-06-20T10:00:00</dc:date><text:p>Beth am lesiant staff?</text:p>"
                                     "</office:annotation>%s", (int) (at - xml), xml, at);
    annotated = polisi_test_odt_replace_content (package, annotated_xml);
    polisi_test_write_file (returned_path, g_bytes_get_data (annotated, NULL), g_bytes_get_size (annotated));
  }
  g_assert_true (polisi_window_import_comments (window, returned, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 1);
  for (guint i = 0; i < polisi_policy_get_n_comments (policy); i++)
    if (g_strcmp0 (polisi_policy_get_comment (policy, i)->author, "Siân Jones (UCAC)") == 0)
      comment = polisi_policy_get_comment (policy, i);
  g_assert_nonnull (comment);
  g_assert_cmpstr (comment->clause_id, ==, "purpose.aims");

  /* answered in the consultation step */
  polisi_window_go_to_step (window, consultation_step);
  consultation = POLISI_CONSULTATION_PAGE (polisi_window_get_step_page (window, consultation_step));
  polisi_gui_test_pump (400);
  polisi_consultation_page_set_responder (consultation, "Rhian Ellis, Rheolwr AD");
  g_assert_true (polisi_consultation_page_reveal_comment (consultation, comment->id));
  gtk_text_buffer_set_text (polisi_consultation_page_get_response_buffer (consultation, comment->id),
                            "Cytunwyd: mae'r nodau'n sôn am lesiant staff.", -1);
  polisi_gui_test_pump (400);

  /* the English of 1.2 answers the comment; the Welsh is now out of date */
  editor = polisi_window_get_clause_editor (window, "purpose.aims");
  state = polisi_clause_editor_get_state (editor);
  polisi_gui_test_append_text (polisi_clause_editor_get_buffer (editor, POLISI_LANG_EN), "\n- support the wellbeing of staff.");
  g_assert_true (polisi_clause_state_get_needs_update (state, POLISI_LANG_CY));

  /* adopting is refused, and the dialog goes to what blocks it */
  polisi_window_go_to_step (window, review_step);
  review = POLISI_REVIEW_PAGE (polisi_window_get_step_page (window, review_step));
  widget = polisi_review_page_adopt (review);
  g_assert_true (POLISI_IS_ADOPTION_BLOCKERS (widget));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (widget)), ==, "Version 1.0 Cannot Be Adopted Yet");
  g_assert_cmpuint (polisi_adoption_blockers_get_n_rows (POLISI_ADOPTION_BLOCKERS (widget)), ==, 1);
  g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &widget);
  polisi_adoption_blockers_activate (POLISI_ADOPTION_BLOCKERS (widget), 0);
  polisi_gui_test_pump (50);
  g_assert_null (widget);
  g_assert_cmpuint (polisi_window_get_step (window), ==, purpose_step);
  g_assert_cmpuint (polisi_policy_get_n_versions (policy), ==, 0);

  /* fixed: the Welsh caught up and marked as up to date */
  polisi_gui_test_append_text (polisi_clause_editor_get_buffer (editor, POLISI_LANG_CY), "\n- cefnogi lles staff.");
  g_signal_emit_by_name (polisi_gui_test_find_button (GTK_WIDGET (editor), "_Mark as Up to Date"), "clicked");
  g_assert_false (polisi_clause_state_get_needs_update (state, POLISI_LANG_CY));

  /* adopted 1.0: the history has its row, with its text to compare */
  polisi_window_go_to_step (window, review_step);
  g_assert_null (row_number (review, 0));
  adopt_in_dialog (polisi_review_page_adopt (review), "1.0", "2026-07-10", "Y fersiwn gyntaf.", "First version.");
  g_assert_cmpint (polisi_policy_get_status (policy), ==, POLISI_STATUS_ADOPTED);
  g_assert_cmpstr (polisi_policy_get_version (policy), ==, "1.0");
  g_assert_cmpstr (row_number (review, 0), ==, "1.0");
  g_assert_true (polisi_version_get_has_text (polisi_policy_lookup_version (policy, "1.0")));

  /* a year on: an Act cited by its old name, then fixed from the review
   * step; the adopted policy is the draft of 1.1 from the first change */
  polisi_gui_test_append_text (polisi_clause_editor_get_buffer (editor, POLISI_LANG_EN),
               "\n- follow the Regulation of Investigatory Powers Act 2000.");
  g_assert_cmpint (polisi_policy_get_status (policy), ==, POLISI_STATUS_DRAFT);
  g_assert_cmpstr (polisi_policy_get_version (policy), ==, "1.1");
  polisi_gui_test_append_text (polisi_clause_editor_get_buffer (editor, POLISI_LANG_CY),
               "\n- dilyn Deddf Rheoleiddio Pwerau Ymchwilio 2000.");
  g_signal_emit_by_name (polisi_gui_test_find_button (GTK_WIDGET (editor), "_Mark as Up to Date"), "clicked");
  polisi_window_go_to_step (window, review_step);
  polisi_review_page_refresh (review);
  g_assert_cmpuint (polisi_review_page_get_n_citations (review), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "review.fix-all", NULL));
  g_assert_cmpuint (polisi_review_page_get_n_citations (review), ==, 0);
  g_assert_nonnull (strstr (polisi_clause_state_get_text (state, POLISI_LANG_EN), "Investigatory Powers Act 2016"));
  g_assert_true (polisi_policy_get_draft_by_change (policy));
  {
    AdwActionRow *status = polisi_gui_test_nth_child (GTK_WIDGET (review), ADW_TYPE_ACTION_ROW, 0);

    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (status)), ==, "Version 1.1 · Draft");
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (status), "The text of version 1.0 as adopted has changed"));
  }

  /* a review trigger: a row bound to it, due since the adoption; removed from its row */
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();
    guint before = polisi_policy_get_n_review_triggers (policy);
    PolisiTriggerRow *row = NULL;

    g_assert_true (polisi_policy_add_review_trigger (policy, POLISI_TRIGGER_LEGISLATION, "2026-10-01",
                                                     "Deddf Diogelwch Ar-lein 2023", &error));
    g_assert_no_error (error);
    polisi_review_page_refresh (review);
    collect_trigger_rows (GTK_WIDGET (review), rows);
    g_assert_cmpuint (rows->len, ==, before + 1);
    for (guint i = 0; i < rows->len; i++)
      if (g_strcmp0 (polisi_trigger_get_note (polisi_trigger_row_get_trigger (rows->pdata[i])),
                     "Deddf Diogelwch Ar-lein 2023") == 0)
        row = rows->pdata[i];
    g_assert_nonnull (row);
    g_assert_true (polisi_trigger_row_get_pending (row));
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Deddf Diogelwch Ar-lein 2023");
    g_signal_emit_by_name (polisi_gui_test_find_child (GTK_WIDGET (row), GTK_TYPE_BUTTON, 0), "clicked");
    polisi_gui_test_pump (20);
    g_assert_cmpuint (polisi_policy_get_n_review_triggers (policy), ==, before);
    g_ptr_array_set_size (rows, 0);
    collect_trigger_rows (GTK_WIDGET (review), rows);
    g_assert_cmpuint (rows->len, ==, before);
  }

  /* every export says so */
  g_assert_true (polisi_window_export_to_file (window, exported, POLISI_FORMAT_ODT, POLISI_LAYOUT_COLUMNS, FALSE, FALSE, &error));
  g_assert_no_error (error);
  {
    g_autofree char *xml = odt_content (export_path);
    gsize length;
    g_autofree char *data = polisi_test_read_file (export_path, &length);
    g_autoptr(GBytes) package = g_bytes_new_take (g_steal_pointer (&data), length);
    g_autofree char *styles = polisi_test_odt_member (package, "styles.xml");

    /* (a no-break space keeps a version number with its word) */
    g_assert_nonnull (strstr (xml, "Fersiwn\u00a01.1 · Drafft"));
    g_assert_nonnull (strstr (xml, "Version\u00a01.1 · Draft"));
    g_assert_nonnull (strstr (styles, "DRAFFT"));
  }

  /* compared with 1.0 from its row of the history */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-version", "s", "1.0"));
  polisi_gui_test_pump (50);
  {
    AdwMessageDialog *dialog = polisi_gui_test_find_message_dialog ();

    g_assert_nonnull (dialog);
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Compare With Version 1.0");
    adw_message_dialog_response (dialog, "cancel");
    gtk_window_destroy (GTK_WINDOW (dialog));
    polisi_gui_test_pump (20);
  }
  {
    g_autoptr(PolisiPolicy) old_policy = polisi_policy_dup_version_text (policy, "1.0", &error);
    g_autofree char *xml = NULL;

    g_assert_no_error (error);
    g_assert_true (polisi_window_export_comparison (window, old_policy, tracked, POLISI_FORMAT_ODT, TRUE, &error));
    g_assert_no_error (error);
    xml = odt_content (tracked_path);
    g_assert_nonnull (strstr (xml, "<text:tracked-changes"));
    /* (with the no-break space of the plain export, before the year) */
    g_assert_nonnull (strstr (xml, "Investigatory Powers Act\xc2\xa0" "2016"));
  }

  /* adopted 1.1: two rows, the newest first; saved and read back the same */
  adopt_in_dialog (polisi_review_page_adopt (review), "1.1", "2027-07-09",
                   "Enwau cyfredol y Deddfau.", "Current names of Acts.");
  g_assert_cmpint (polisi_policy_get_status (policy), ==, POLISI_STATUS_ADOPTED);
  g_assert_cmpstr (row_number (review, 0), ==, "1.1");
  g_assert_cmpstr (row_number (review, 1), ==, "1.0");
  g_assert_true (polisi_window_save_to_file (window, file, &error));
  g_assert_no_error (error);
  {
    g_autoptr(PolisiPolicy) again = polisi_policy_load (file, &error);
    g_autoptr(PolisiPolicy) first = NULL;

    g_assert_no_error (error);
    g_assert_true (polisi_policy_equal (again, policy));
    first = polisi_policy_dup_version_text (again, "1.0", &error);
    g_assert_no_error (error);
    g_assert_null (strstr (polisi_clause_state_get_text (polisi_policy_lookup_clause (first, "purpose.aims"), POLISI_LANG_EN),
                           "Investigatory Powers"));
  }

  g_assert_null (polisi_gui_test_find_message_dialog ());
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

  g_test_add_func ("/version-cycle/year", test_year);

  status = g_test_run ();
  g_object_unref (app);
  polisi_test_remove_tree (data_home);
  g_free (data_home);
  return status;
}
