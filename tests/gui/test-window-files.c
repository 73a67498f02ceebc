/* test-window-files.c: the window and its files (polisi-window-files.c):
 * opening a policy in a worker thread, saving and saving as, a change on
 * disk refused, exporting, closing with unsaved changes, a file dropped on
 * the window, and the flows it hands its work to
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "polisi-error.h"
#include "polisi-gui-test-utils.h"
#include "polisi-policy-io.h"
#include "polisi-test-utils.h"
#include "polisi-window-private.h"

#define WELSH_NAME "Ysgol Gynradd Gymraeg Bryn Ŵyn a’r Ŷd"

static PolisiApplication *app;
static char *data_home;

static char *
copy_example (const char *dir,
              const char *name)
{
  g_autofree char *example = polisi_test_example_path ("secondary-wales.polisi");
  g_autofree char *contents = polisi_test_read_file (example, NULL);
  char *path = g_build_filename (dir, name, NULL);

  polisi_test_write_file (path, contents, -1);
  return path;
}

typedef struct {
  gboolean  done;
  gboolean  opened;
  GError   *error;
} OpenResult;

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  OpenResult *open = data;

  open->opened = polisi_window_open_file_finish (POLISI_WINDOW (source), result, &open->error);
  open->done = TRUE;
}


/* Opening: the policy read in a worker thread, shown with its steps; a
 * file that is not a policy refused with the reason, the policy shown
 * before kept; a second open gives up the first. */
static void
test_open (void)
{
  g_autofree char *dir = polisi_test_make_temp_dir ();
  g_autofree char *path = copy_example (dir, "polisi.polisi");
  g_autofree char *bad_path = g_build_filename (dir, "not-a-policy.polisi", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  PolisiWindow *window = polisi_gui_test_new_window (app);
  OpenResult first = { 0 }, second = { 0 };
  AdwMessageDialog *dialog;
  PolisiPolicy *policy;

  g_assert_true (polisi_window_is_blank (window));
  g_assert_null (polisi_window_get_policy (window));

  {
    OpenResult open = { 0 };

    polisi_window_open_file_async (window, file, NULL, on_opened, &open);
    /* read in a worker: nothing shown yet */
    g_assert_true (polisi_window_is_blank (window));
    while (!open.done)
      g_main_context_iteration (NULL, TRUE);
    g_assert_no_error (open.error);
    g_assert_true (open.opened);
  }
  policy = polisi_window_get_policy (window);
  g_assert_nonnull (policy);
  g_assert_true (policy == polisi_session_get_policy (polisi_window_get_session (window)));
  g_assert_cmpstr (polisi_policy_get_name (policy, POLISI_LANG_CY), ==, "Ysgol Gyfun Gymraeg Cwm Derwen");
  g_assert_true (g_file_equal (polisi_window_get_file (window), file));
  g_assert_false (polisi_window_get_modified (window));
  g_assert_cmpuint (polisi_window_get_step (window), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "editor");

  /* not a policy: said, naming the file, and the policy stays */
  polisi_test_write_file (bad_path, "<html>not a policy</html>", -1);
  {
    OpenResult open = { 0 };

    polisi_window_open_file_async (window, bad, NULL, on_opened, &open);
    while (!open.done)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (open.opened);
    g_assert_nonnull (open.error);
    g_assert_nonnull (strstr (open.error->message, "not-a-policy.polisi"));
    g_clear_error (&open.error);
  }
  dialog = polisi_gui_test_find_dialog_with_heading ("The Policy Could Not Be Opened");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "not-a-policy.polisi"));
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (polisi_window_get_policy (window) == policy);
  g_assert_true (g_file_equal (polisi_window_get_file (window), file));

  /* opening another file gives up the one being opened, quietly */
  polisi_window_open_file_async (window, bad, NULL, on_opened, &first);
  polisi_window_open_file_async (window, file, NULL, on_opened, &second);
  while (!first.done || !second.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (first.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (first.opened);
  g_assert_no_error (second.error);
  g_assert_true (second.opened);
  g_clear_error (&first.error);
  polisi_gui_test_pump (20);
  g_assert_null (polisi_gui_test_find_dialog_with_heading ("The Policy Could Not Be Opened"));

  polisi_gui_test_destroy_window (window);
  polisi_test_remove_tree (dir);
}

/* Saving: to its own file and as another; what is written is read back
 * with the policy reader; a change someone else made on disk is not
 * replaced. */
static void
test_save (void)
{
  g_autofree char *dir = polisi_test_make_temp_dir ();
  g_autofree char *path = copy_example (dir, "polisi.polisi");
  g_autofree char *other_path = g_build_filename (dir, "copi.polisi", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiPolicy) read = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *after = NULL;
  PolisiWindow *window = polisi_gui_test_new_window (app);
  PolisiPolicy *policy;

  g_assert_true (polisi_gui_test_open_file (window, file));
  policy = polisi_window_get_policy (window);

  polisi_policy_set_name (policy, POLISI_LANG_CY, WELSH_NAME);
  g_assert_true (polisi_window_get_modified (window));
  g_assert_true (polisi_window_save_to_file (window, file, &error));
  g_assert_no_error (error);
  g_assert_false (polisi_window_get_modified (window));
  read = polisi_policy_load (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (polisi_policy_get_name (read, POLISI_LANG_CY), ==, WELSH_NAME);
  g_clear_object (&read);

  /* save as: the window's file is the new one; the old one stays */
  polisi_policy_set_name (policy, POLISI_LANG_EN, "Bryn Ŵyn Welsh-medium Primary School");
  g_assert_true (polisi_window_save_to_file (window, other, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (polisi_window_get_file (window), other));
  g_assert_false (polisi_window_get_modified (window));
  read = polisi_policy_load (other, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (polisi_policy_get_name (read, POLISI_LANG_EN), ==, "Bryn Ŵyn Welsh-medium Primary School");
  g_clear_object (&read);
  read = polisi_policy_load (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (polisi_policy_get_name (read, POLISI_LANG_EN), ==, "Ysgol Gyfun Gymraeg Cwm Derwen");
  g_clear_object (&read);

  /* someone else changes the file: the save is refused, their change kept */
  {
    g_autofree char *contents = polisi_test_read_file (other_path, NULL);
    g_autoptr(GString) changed = g_string_new (contents);

    g_string_replace (changed, "Bryn Ŵyn Welsh-medium", "Their Bryn Ŵyn", 1);
    theirs = g_string_free (g_steal_pointer (&changed), FALSE);
    g_assert_cmpint (g_unlink (other_path), ==, 0);
    polisi_test_write_file (other_path, theirs, -1);
  }
  polisi_policy_set_name (policy, POLISI_LANG_EN, "Our change");
  g_assert_false (polisi_window_save_to_file (window, other, &error));
  g_assert_error (error, POLISI_ERROR, POLISI_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);
  after = polisi_test_read_file (other_path, NULL);
  g_assert_cmpstr (after, ==, theirs);
  g_assert_true (polisi_window_get_modified (window));

  polisi_gui_test_destroy_window (window);
  polisi_test_remove_tree (dir);
}

/* Exporting through the window: a web page with the Welsh letters whole;
 * two separate files named from the one name given. */
static void
test_export (void)
{
  g_autofree char *dir = polisi_test_make_temp_dir ();
  g_autofree char *path = copy_example (dir, "polisi.polisi");
  g_autofree char *html_path = g_build_filename (dir, "polisi.html", NULL);
  g_autofree char *pair_path = g_build_filename (dir, "pair.html", NULL);
  g_autofree char *pair_cy = g_build_filename (dir, "pair-cy.html", NULL);
  g_autofree char *pair_en = g_build_filename (dir, "pair-en.html", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) html = g_file_new_for_path (html_path);
  g_autoptr(GFile) pair = g_file_new_for_path (pair_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  PolisiWindow *window = polisi_gui_test_new_window (app);

  g_assert_true (polisi_gui_test_open_file (window, file));
  polisi_policy_set_name (polisi_window_get_policy (window), POLISI_LANG_CY, WELSH_NAME);

  g_assert_true (polisi_window_export_to_file (window, html, POLISI_FORMAT_HTML, POLISI_LAYOUT_CY, FALSE, FALSE, &error));
  g_assert_no_error (error);
  contents = polisi_test_read_file (html_path, NULL);
  g_assert_nonnull (strstr (contents, "<html lang=\"cy-GB\""));
  g_assert_nonnull (strstr (contents, "Ysgol Gynradd Gymraeg Bryn Ŵyn a’r Ŷd"));
  g_clear_pointer (&contents, g_free);

  g_assert_true (polisi_window_export_to_file (window, pair, POLISI_FORMAT_HTML, POLISI_LAYOUT_SEPARATE, FALSE, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (pair_path, G_FILE_TEST_EXISTS));
  contents = polisi_test_read_file (pair_cy, NULL);
  g_assert_nonnull (strstr (contents, "Bryn Ŵyn"));
  g_clear_pointer (&contents, g_free);
  contents = polisi_test_read_file (pair_en, NULL);
  g_assert_nonnull (strstr (contents, "<html lang=\"en-GB\""));

  /* the policy itself is never an export's target */
  g_assert_false (polisi_window_export_to_file (window, file, POLISI_FORMAT_HTML, POLISI_LAYOUT_CY, FALSE, FALSE, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_nonnull (polisi_policy_load (file, &error));
  g_assert_no_error (error);

  polisi_gui_test_destroy_window (window);
  polisi_test_remove_tree (dir);
}

/* Closing: with unsaved changes the window asks and stays; "discard"
 * closes it and keeps no recovery copy. Without changes it closes at once
 * and keeps its size. */
static void
test_close (void)
{
  g_autofree char *dir = polisi_test_make_temp_dir ();
  g_autofree char *path = copy_example (dir, "polisi.polisi");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  PolisiWindow *window = polisi_gui_test_new_window (app);
  AdwMessageDialog *dialog;
  g_autofree char *recovery_folder = NULL;
  guint n_copies;
  gboolean gone = FALSE;

  g_assert_true (polisi_gui_test_open_file (window, file));
  polisi_policy_set_name (polisi_window_get_policy (window), POLISI_LANG_EN, "Unsaved");
  g_assert_true (_polisi_window_close_request (GTK_WINDOW (window)));
  dialog = polisi_gui_test_find_dialog_with_heading ("Save Changes?");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "polisi.polisi"));

  /* cancelled: nothing changes */
  adw_message_dialog_response (dialog, "cancel");
  polisi_gui_test_pump (20);
  g_assert_true (polisi_window_get_modified (window));

  /* discarded: the window goes, the file untouched, and its recovery
   * copy with it */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (polisi_session_autosave_now (polisi_window_get_session (window), &error));
    g_assert_no_error (error);
    recovery_folder = g_strdup (polisi_recovery_get_folder (polisi_session_get_recovery (polisi_window_get_session (window))));
    n_copies = polisi_test_count_entries (recovery_folder);
    g_assert_cmpuint (n_copies, >, 0);
  }
  g_assert_true (_polisi_window_close_request (GTK_WINDOW (window)));
  dialog = polisi_gui_test_find_dialog_with_heading ("Save Changes?");
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_object_ref (window);
  adw_message_dialog_response (dialog, "discard");
  g_assert_false (polisi_window_get_modified (window));
  g_assert_cmpuint (polisi_test_count_entries (recovery_folder), <, n_copies);
  polisi_gui_test_pump (100);
  gone = !gtk_widget_get_visible (GTK_WIDGET (window));
  g_assert_true (gone);
  g_object_unref (window);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PolisiPolicy) read = polisi_policy_load (file, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (polisi_policy_get_name (read, POLISI_LANG_EN), !=, "Unsaved");
  }

  /* nothing unsaved: closes, its size kept */
  window = polisi_gui_test_new_window (app);
  g_assert_true (polisi_gui_test_open_file (window, file));
  gtk_window_set_default_size (GTK_WINDOW (window), 1001, 701);
  g_assert_false (_polisi_window_close_request (GTK_WINDOW (window)));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1001);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 701);
  polisi_gui_test_destroy_window (window);
  polisi_test_remove_tree (dir);
}

/* A file dropped on the window opens in it; on a window with unsaved
 * changes, in a window of its own. */
static void
test_drop (void)
{
  g_autofree char *dir = polisi_test_make_temp_dir ();
  g_autofree char *path = copy_example (dir, "polisi.polisi");
  g_autofree char *other_path = copy_example (dir, "arall.polisi");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  PolisiWindow *window = polisi_gui_test_new_window (app);
  GValue value = G_VALUE_INIT;
  GSList *files = g_slist_prepend (NULL, other);
  GListModel *toplevels = gtk_window_get_toplevels ();
  PolisiWindow *second = NULL;
  guint n_windows;

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free (files);

  /* not a list of files: not taken */
  {
    GValue text = G_VALUE_INIT;

    g_value_init (&text, G_TYPE_STRING);
    g_value_set_string (&text, other_path);
    g_assert_false (_polisi_window_on_drop (NULL, &text, 0, 0, window));
    g_value_unset (&text);
  }

  /* a blank window opens it itself */
  g_assert_true (_polisi_window_on_drop (NULL, &value, 0, 0, window));
  while (polisi_window_get_file (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_equal (polisi_window_get_file (window), other));

  /* unsaved changes stay in this window; the file opens in another */
  polisi_policy_set_name (polisi_window_get_policy (window), POLISI_LANG_EN, "Unsaved");
  n_windows = g_list_model_get_n_items (toplevels);
  g_assert_true (_polisi_window_on_drop (NULL, &value, 0, 0, window));
  for (gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
       second == NULL && g_get_monotonic_time () < deadline;)
    {
      g_main_context_iteration (NULL, FALSE);
      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) item = g_list_model_get_item (toplevels, i);

          if (POLISI_IS_WINDOW (item) && POLISI_WINDOW (item) != window &&
              polisi_window_get_file (POLISI_WINDOW (item)) != NULL &&
              !polisi_window_is_blank (POLISI_WINDOW (item)))
            second = POLISI_WINDOW (item);
        }
    }
  g_assert_nonnull (second);
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_windows + 1);
  g_assert_true (g_file_equal (polisi_window_get_file (second), other));
  g_assert_false (polisi_window_get_modified (second));
  g_assert_true (polisi_window_get_modified (window));
  g_assert_cmpstr (polisi_policy_get_name (polisi_window_get_policy (window), POLISI_LANG_EN), ==, "Unsaved");

  g_value_unset (&value);
  polisi_gui_test_destroy_window (second);
  g_object_set (polisi_window_get_session (window), "modified", FALSE, NULL);
  polisi_gui_test_destroy_window (window);
  (void) file;
  polisi_test_remove_tree (dir);
}

/* The flows, made once with the context, the same each time; the import
 * flow's "imported" shows the consultation step. */
static void
test_flows (void)
{
  PolisiWindow *window = polisi_gui_test_new_window (app);
  PolisiExportFlow *export_flow;

  g_assert_nonnull (polisi_window_get_save_flow (window));
  export_flow = polisi_window_get_export_flow (window);
  g_assert_nonnull (export_flow);
  g_assert_true (polisi_window_get_export_flow (window) == export_flow);
  g_assert_true (_polisi_window_get_export_flow (window) == export_flow);
  g_assert_nonnull (polisi_window_get_compare_flow (window));
  g_assert_true (polisi_window_get_compare_flow (window) == window->compare_flow);
  g_assert_nonnull (polisi_window_get_import_flow (window));
  g_assert_nonnull (polisi_window_get_recovery_flow (window));
  g_assert_true (_polisi_window_get_context (window) == polisi_application_get_context (app));

  polisi_window_new_policy (window);
  polisi_gui_test_pump (20);
  g_assert_cmpuint (polisi_window_get_step (window), ==, 0);
  _polisi_window_on_imported (window);
  g_assert_cmpuint (polisi_window_get_step (window), ==, polisi_window_find_step (window, "consultation"));

  polisi_gui_test_destroy_window (window);
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

  g_test_add_func ("/window-files/open", test_open);
  g_test_add_func ("/window-files/save", test_save);
  g_test_add_func ("/window-files/export", test_export);
  g_test_add_func ("/window-files/close", test_close);
  g_test_add_func ("/window-files/drop", test_drop);
  g_test_add_func ("/window-files/flows", test_flows);

  status = g_test_run ();
  g_clear_object (&app);
  polisi_test_remove_tree (data_home);
  g_free (data_home);
  return status;
}
