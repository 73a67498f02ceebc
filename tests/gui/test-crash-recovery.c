/* test-crash-recovery.c: Polisi killed while editing; the recovery copy holds the
 * edits up to the last autosave, and the next session offers it back
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <sys/wait.h>

#include <adwaita.h>

#include "polisi-application.h"
#include "polisi-gui-test-utils.h"
#include "polisi-recovery.h"
#include "polisi-test-utils.h"
#include "polisi-window.h"

static char *child_path;

static void
test_kill_while_editing (void)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiRecovery) recovery = polisi_recovery_new_default ();
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(PolisiApplication) app = NULL;
  g_autofree char *line = NULL;
  g_autofree char *id = NULL;
  PolisiWindow *window;
  PolisiPolicy *recovered;

  child = g_subprocess_launcher_spawn (launcher, &error, child_path, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));

  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "autosaved "));
  id = g_strdup (line + strlen ("autosaved "));
  g_clear_pointer (&line, g_free);
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_cmpstr (line, ==, "edited");

  /* the crash: no chance to clean up */
  g_subprocess_send_signal (child, SIGKILL);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

  /* the recovery copy is offered, with the edit that was autosaved */
  orphans = polisi_recovery_list_orphans (recovery);
  g_assert_cmpuint (orphans->len, ==, 1);
  g_assert_cmpstr (((PolisiRecoveryInfo *) orphans->pdata[0])->id, ==, id);
  g_assert_cmpstr (((PolisiRecoveryInfo *) orphans->pdata[0])->title, ==, "Ysgol Cyn y Ddamwain");

  app = polisi_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = polisi_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  polisi_gui_test_recover (window, id);
  recovered = polisi_window_get_policy (window);
  g_assert_cmpstr (polisi_policy_get_name (recovered, POLISI_LANG_CY), ==, "Ysgol Cyn y Ddamwain");
  g_assert_true (polisi_window_get_modified (window));

  /* closing it on purpose ends the recovery copy */
  polisi_recovery_discard (recovery, id);
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_pointer (&orphans, g_ptr_array_unref);
  orphans = polisi_recovery_list_orphans (recovery);
  g_assert_cmpuint (orphans->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = polisi_test_make_temp_dir ();
  int status;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  child_path = g_test_build_filename (G_TEST_BUILT, "gui", "polisi-crash-child", NULL);

  g_test_add_func ("/crash-recovery/kill-while-editing", test_kill_while_editing);
  status = g_test_run ();

  polisi_test_remove_tree (data_home);
  g_free (child_path);
  return status;
}
