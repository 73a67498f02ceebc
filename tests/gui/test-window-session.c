/* test-window-session.c: the window over its session: the recovery copy
 * offered wherever a file is opened, a copy older than its saved file
 * said so, saves a careful editor would not make asked about first, and
 * another program's change to the open file told at once and reloaded
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "polisi-application.h"
#include "polisi-disk-bar.h"
#include "polisi-gui-test-utils.h"
#include "polisi-policy-io.h"
#include "polisi-session.h"
#include "polisi-test-utils.h"
#include "polisi-welcome-view.h"
#include "polisi-window.h"

static PolisiApplication *app;
static char *data_home;

static char *
copy_example (const char *dir)
{
  g_autofree char *example = polisi_test_example_path ("secondary-wales.polisi");
  g_autofree char *contents = polisi_test_read_file (example, NULL);
  char *path = g_build_filename (dir, "polisi.polisi", NULL);

  polisi_test_write_file (path, contents, -1);
  return path;
}

static PolisiWindow *
open_window (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PolisiWindow *window = polisi_gui_test_new_window (app);

  g_assert_true (polisi_gui_test_open_file (window, file));
  polisi_gui_test_pump (20);
  return window;
}

/* Edits the open policy, autosaves, and lets the window go as a crash
 * would: no closing, the recovery copy left behind. Returns its id. */
static char *
edit_and_crash (PolisiWindow *window,
                const char   *name)
{
  PolisiSession *session = polisi_window_get_session (window);
  g_autoptr(GError) error = NULL;
  char *id;

  polisi_policy_set_name (polisi_window_get_policy (window), POLISI_LANG_EN, name);
  g_assert_true (polisi_window_get_modified (window));
  g_assert_true (polisi_session_autosave_now (session, &error));
  g_assert_no_error (error);
  id = g_strdup (polisi_window_get_recovery_id (window));
  gtk_window_destroy (GTK_WINDOW (window));
  polisi_gui_test_pump (10);
  return id;
}


/* Save through the window's action, and wait for the worker thread. */
static void
save_through_action (PolisiWindow *window)
{
  PolisiSession *session = polisi_window_get_session (window);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (polisi_session_get_saving (session));
  /* no second save while one is under way */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL) &&
                  !polisi_session_get_saving (session));
  while (polisi_session_get_saving (session) && g_get_monotonic_time () < deadline)
    polisi_gui_test_pump (10);
  g_assert_false (polisi_session_get_saving (session));
  polisi_gui_test_pump (20);
}

static char *
dialog_body (AdwMessageDialog *dialog)
{
  return g_strdup (adw_message_dialog_get_body (dialog));
}

static void
test_open_offers_recovery (void)
{
  g_autofree char *dir = polisi_test_make_temp_dir ();
  g_autofree char *path = copy_example (dir);
  g_autofree char *id = NULL;
  g_autofree char *body = NULL;
  PolisiWindow *window;
  AdwMessageDialog *dialog;
  gboolean recovered;
  gulong handler;

  id = edit_and_crash (open_window (path), "Ysgol Ŵ Recovered");

  /* opening the file directly (as a double-click does) offers the recovery copy */
  window = open_window (path);
  dialog = polisi_gui_test_find_dialog_with_heading ("Recover the Unsaved Work?");
  g_assert_nonnull (dialog);
  body = dialog_body (dialog);
  g_assert_nonnull (strstr (body, "polisi.polisi"));
  g_assert_null (strstr (body, "older than the saved file"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "recover");
  g_assert_false (polisi_window_get_modified (window));

  handler = polisi_gui_test_watch_recovery (window, &recovered);
  adw_message_dialog_response (dialog, "recover");
  polisi_gui_test_wait_for_recovery (window, handler, &recovered);
  g_assert_cmpstr (polisi_policy_get_name (polisi_window_get_policy (window), POLISI_LANG_EN), ==, "Ysgol Ŵ Recovered");
  g_assert_true (polisi_window_get_modified (window));
  g_assert_cmpstr (polisi_window_get_recovery_id (window), ==, id);

  /* saved through the action: the recovery copy is gone, the file has the edit */
  save_through_action (window);
  g_assert_false (polisi_window_get_modified (window));
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(PolisiPolicy) back = polisi_policy_load (file, NULL);

    g_assert_cmpstr (polisi_policy_get_name (back, POLISI_LANG_EN), ==, "Ysgol Ŵ Recovered");
  }
  {
    g_autoptr(PolisiRecovery) recovery = polisi_recovery_new_default ();
    g_autoptr(GPtrArray) orphans = polisi_recovery_list_orphans (recovery);

    g_assert_cmpuint (orphans->len, ==, 0);
  }
  polisi_gui_test_destroy_window (window);
  polisi_test_remove_tree (dir);
}

static void
test_older_copy_asks (void)
{
  g_autofree char *dir = polisi_test_make_temp_dir ();
  g_autofree char *path = copy_example (dir);
  g_autofree char *id = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PolisiSession) other = polisi_session_new (NULL);
  g_autoptr(PolisiRecovery) recovery = polisi_recovery_new_default ();
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GError) error = NULL;
  PolisiWindow *window;
  AdwMessageDialog *dialog;

  id = edit_and_crash (open_window (path), "From the Copy");

  /* newer work is saved to the file after the copy */
  g_assert_true (polisi_session_load (other, file, POLISI_LOAD_DEFAULT, &error));
  polisi_policy_set_name (polisi_session_get_policy (other), POLISI_LANG_CY, "Gwaith Mwy Newydd");
  g_assert_true (polisi_session_save (other, NULL, POLISI_SAVE_DEFAULT, &error));
  g_assert_no_error (error);

  window = open_window (path);
  dialog = polisi_gui_test_find_dialog_with_heading ("Recover the Unsaved Work?");
  g_assert_nonnull (dialog);
  body = dialog_body (dialog);
  g_assert_nonnull (strstr (body, "older than the saved file"));
  /* what differs is said before anything is replaced */
  g_assert_true (strstr (body, "other details differ") != NULL || strstr (body, "differs from the saved file in") != NULL);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "keep");
  adw_message_dialog_response (dialog, "keep");
  polisi_gui_test_pump (20);
  g_assert_cmpstr (polisi_policy_get_name (polisi_window_get_policy (window), POLISI_LANG_CY), ==, "Gwaith Mwy Newydd");
  g_assert_false (polisi_window_get_modified (window));
  polisi_gui_test_destroy_window (window);

  /* the welcome page says so too, and recovering from it asks first */
  window = polisi_gui_test_new_window (app);
  {
    PolisiWelcomeView *view = POLISI_WELCOME_VIEW (polisi_gui_test_find_child (GTK_WIDGET (window), POLISI_TYPE_WELCOME_VIEW, 0));
    AdwActionRow *row;

    g_assert_nonnull (view);
    g_assert_cmpuint (polisi_welcome_view_get_n_recovery_copies (view), ==, 1);
    row = ADW_ACTION_ROW (polisi_gui_test_find_child (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, 0));
    g_assert_nonnull (row);
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "older than the saved file"));
  }
  orphans = polisi_recovery_list_orphans (recovery);
  g_assert_cmpuint (orphans->len, ==, 1);
  g_assert_true (polisi_recovery_info_is_superseded (orphans->pdata[0]));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.recover-copy", "s", id));
  polisi_gui_test_pump (20);
  g_assert_true (polisi_window_is_blank (window));
  dialog = polisi_gui_test_find_dialog_with_heading ("Recover the Unsaved Work?");
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  polisi_gui_test_pump (20);
  g_clear_pointer (&orphans, g_ptr_array_unref);
  orphans = polisi_recovery_list_orphans (recovery);
  g_assert_cmpuint (orphans->len, ==, 0);

  polisi_gui_test_destroy_window (window);
  polisi_test_remove_tree (dir);
}

static void
test_save_asks_first (void)
{
  g_autofree char *dir = polisi_test_make_temp_dir ();
  g_autofree char *path = copy_example (dir);
  g_autofree char *link_path = g_build_filename (dir, "link.polisi", NULL);
  g_autofree char *original = polisi_test_read_file (path, NULL);
  g_autofree char *after = NULL;
  PolisiWindow *window = open_window (path);
  AdwMessageDialog *dialog;

  /* read-only: said, and nothing written */
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  polisi_policy_set_name (polisi_window_get_policy (window), POLISI_LANG_EN, "Changed");
  save_through_action (window);
  dialog = polisi_gui_test_find_dialog_with_heading ("The File Is Read-Only");
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_has_response (dialog, "overwrite"));
  adw_message_dialog_response (dialog, "cancel");
  polisi_gui_test_pump (20);
  after = polisi_test_read_file (path, NULL);
  g_assert_cmpstr (after, ==, original);
  g_assert_true (polisi_window_get_modified (window));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);

  /* hard-linked: asked; saving anyway gives this name a file of its own */
  g_assert_cmpint (link (path, link_path), ==, 0);
  save_through_action (window);
  dialog = polisi_gui_test_find_dialog_with_heading ("The File Has Other Names");
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "split");
  while (polisi_session_get_saving (polisi_window_get_session (window)))
    polisi_gui_test_pump (10);
  polisi_gui_test_pump (20);
  g_assert_false (polisi_window_get_modified (window));
  g_clear_pointer (&after, g_free);
  after = polisi_test_read_file (link_path, NULL);
  g_assert_cmpstr (after, ==, original);

  /* changed on disk by someone else, same size and time: asked */
  {
    g_autofree char *ours = polisi_test_read_file (path, NULL);
    char *at = strstr (ours, "Changed");
    struct stat st;
    struct timespec times[2];
    int fd;

    g_assert_nonnull (at);
    at[0] = 'X';
    g_assert_cmpint (stat (path, &st), ==, 0);
    fd = open (path, O_WRONLY | O_TRUNC);
    g_assert_cmpint (write (fd, ours, strlen (ours)), ==, (gssize) strlen (ours));
    close (fd);
    times[0] = st.st_atim;
    times[1] = st.st_mtim;
    g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);

    polisi_policy_set_name (polisi_window_get_policy (window), POLISI_LANG_CY, "Ein newid ni");
    save_through_action (window);
    dialog = polisi_gui_test_find_dialog_with_heading ("The File Has Changed");
    g_assert_nonnull (dialog);
    g_clear_pointer (&after, g_free);
    after = polisi_test_read_file (path, NULL);
    g_assert_cmpstr (after, ==, ours);
    adw_message_dialog_response (dialog, "overwrite");
    while (polisi_session_get_saving (polisi_window_get_session (window)))
      polisi_gui_test_pump (10);
    polisi_gui_test_pump (20);
    g_assert_false (polisi_window_get_modified (window));
    g_clear_pointer (&after, g_free);
    after = polisi_test_read_file (path, NULL);
    g_assert_nonnull (strstr (after, "Ein newid ni"));
  }

  polisi_gui_test_destroy_window (window);
  polisi_test_remove_tree (dir);
}

/* What the visible labels and buttons under @widget say, one a line. */
static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

static char *
bar_text (PolisiDiskBar *bar)
{
  GString *text = g_string_new (NULL);

  collect_text (GTK_WIDGET (bar), text);
  return g_string_free (text, FALSE);
}

static gboolean
wait_for_bar (PolisiDiskBar *bar,
              gboolean       shown)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (polisi_disk_bar_get_shown (bar) != shown && g_get_monotonic_time () < deadline)
    polisi_gui_test_pump (20);
  return polisi_disk_bar_get_shown (bar);
}

/* Another program writes @path, with @from replaced by @to. */
static void
change_on_disk (const char *path,
                const char *from,
                const char *to)
{
  g_autofree char *contents = polisi_test_read_file (path, NULL);
  g_auto(GStrv) parts = g_strsplit (contents, from, 2);
  g_autofree char *changed = NULL;

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  changed = g_strjoinv (to, parts);
  polisi_test_write_file (path, changed, -1);
}

/* A change another program makes to the open file is told at once, and
 * the window reloads it when asked, discarding its own changes on
 * purpose (their recovery copy is not offered back). */
static void
test_changed_on_disk_bar (void)
{
  g_autofree char *dir = polisi_test_make_temp_dir ();
  g_autofree char *path = copy_example (dir);
  PolisiWindow *window = open_window (path);
  PolisiDiskBar *bar = POLISI_DISK_BAR (polisi_gui_test_find_child (GTK_WIDGET (window), POLISI_TYPE_DISK_BAR, 0));
  PolisiSession *session = polisi_window_get_session (window);
  g_autofree char *text = NULL;
  const char *name;

  g_assert_nonnull (bar);
  g_assert_true (polisi_disk_bar_get_session (bar) == session);
  g_assert_true (polisi_session_get_watch_disk (session));
  g_assert_false (polisi_disk_bar_get_shown (bar));

  /* the window's own save is not another program's change */
  name = polisi_policy_get_name (polisi_window_get_policy (window), POLISI_LANG_EN);
  g_assert_nonnull (name);
  polisi_policy_set_name (polisi_window_get_policy (window), POLISI_LANG_EN, "Ein Ysgol");
  save_through_action (window);
  polisi_gui_test_pump (800);
  g_assert_false (polisi_disk_bar_get_shown (bar));

  /* another program changes it while the window has no unsaved change */
  change_on_disk (path, "Ein Ysgol", "Their School");
  g_assert_true (wait_for_bar (bar, TRUE));
  text = bar_text (bar);
  g_assert_nonnull (strstr (text, "“polisi.polisi”"));
  g_assert_nonnull (strstr (text, "Reload it to see those changes"));
  g_assert_null (strstr (text, "Save As"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  g_assert_false (wait_for_bar (bar, FALSE));
  g_assert_cmpstr (polisi_policy_get_name (polisi_window_get_policy (window), POLISI_LANG_EN), ==, "Their School");
  g_assert_false (polisi_window_get_modified (window));

  /* with unsaved changes: the bar says a reload discards them, and offers
   * to save them under another name; closed, it stays closed */
  polisi_policy_set_name (polisi_window_get_policy (window), POLISI_LANG_EN, "Our Unsaved Name");
  g_assert_true (polisi_session_autosave_now (session, NULL));
  change_on_disk (path, "Their School", "Their Second Name");
  g_assert_true (wait_for_bar (bar, TRUE));
  g_clear_pointer (&text, g_free);
  text = bar_text (bar);
  g_assert_nonnull (strstr (text, "discards yours"));
  g_assert_nonnull (strstr (text, "Save As…"));
  gtk_info_bar_response (GTK_INFO_BAR (polisi_gui_test_find_child (GTK_WIDGET (bar), GTK_TYPE_INFO_BAR, 0)), GTK_RESPONSE_CLOSE);
  g_assert_false (polisi_disk_bar_get_shown (bar));
  g_assert_true (polisi_session_get_changed_on_disk (session));

  /* reloading discards the window's change and its recovery copy */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  {
    gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    while (g_strcmp0 (polisi_policy_get_name (polisi_window_get_policy (window), POLISI_LANG_EN),
                      "Their Second Name") != 0 && g_get_monotonic_time () < deadline)
      polisi_gui_test_pump (20);
  }
  g_assert_cmpstr (polisi_policy_get_name (polisi_window_get_policy (window), POLISI_LANG_EN), ==, "Their Second Name");
  g_assert_false (polisi_window_get_modified (window));
  g_assert_false (polisi_session_get_changed_on_disk (session));
  g_assert_null (polisi_session_find_recovery_copy (session, NULL));
  g_assert_null (polisi_gui_test_find_dialog_with_heading ("Recover the Unsaved Work?"));

  polisi_gui_test_destroy_window (window);
  polisi_test_remove_tree (dir);
}

/* The window's title follows the session's properties. */
static void
test_title_follows_session (void)
{
  g_autofree char *dir = polisi_test_make_temp_dir ();
  g_autofree char *path = copy_example (dir);
  PolisiWindow *window = open_window (path);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "polisi.polisi — Polisi");
  g_object_set (polisi_window_get_session (window), "modified", TRUE, NULL);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• polisi.polisi — Polisi");
  g_object_set (polisi_window_get_session (window), "modified", FALSE, NULL);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "polisi.polisi — Polisi");

  polisi_gui_test_destroy_window (window);
  polisi_test_remove_tree (dir);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_disk_bar_create_and_destroy (void)
{
  GtkWidget *bar = g_object_ref_sink (polisi_disk_bar_new ());
  g_autoptr(PolisiSession) session = polisi_session_new (NULL);
  guint n_session = 0;

  g_signal_connect (bar, "notify::session", G_CALLBACK (count_notify), &n_session);
  g_assert_null (polisi_disk_bar_get_session (POLISI_DISK_BAR (bar)));
  g_object_set (bar, "session", session, NULL);
  g_object_set (bar, "session", session, NULL);
  g_assert_cmpuint (n_session, ==, 1);
  g_assert_false (polisi_disk_bar_get_shown (POLISI_DISK_BAR (bar)));
  polisi_disk_bar_set_session (POLISI_DISK_BAR (bar), NULL);
  g_assert_cmpuint (n_session, ==, 2);
  g_object_set (bar, "session", session, NULL);
  g_assert_finalize_object (bar);
}

static void
test_welcome_view_create_and_destroy (void)
{
  g_autofree char *dir = polisi_test_make_temp_dir ();
  g_autoptr(PolisiRecovery) recovery = polisi_recovery_new (dir);
  GtkWidget *view = g_object_ref_sink (polisi_welcome_view_new ());

  polisi_welcome_view_refresh (POLISI_WELCOME_VIEW (view), recovery);
  g_assert_cmpuint (polisi_welcome_view_get_n_recovery_copies (POLISI_WELCOME_VIEW (view)), ==, 0);
  g_assert_finalize_object (view);
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

  g_test_add_func ("/window-session/open-offers-recovery", test_open_offers_recovery);
  g_test_add_func ("/window-session/older-copy-asks", test_older_copy_asks);
  g_test_add_func ("/window-session/save-asks-first", test_save_asks_first);
  g_test_add_func ("/window-session/title-follows-session", test_title_follows_session);
  g_test_add_func ("/window-session/changed-on-disk-bar", test_changed_on_disk_bar);
  g_test_add_func ("/window-session/disk-bar-create-and-destroy", test_disk_bar_create_and_destroy);
  g_test_add_func ("/window-session/welcome-view-create-and-destroy", test_welcome_view_create_and_destroy);

  status = g_test_run ();
  g_clear_object (&app);
  polisi_test_remove_tree (data_home);
  g_free (data_home);
  return status;
}
