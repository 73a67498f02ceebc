/* polisi-crash-child.c: a Polisi session that test-crash-recovery kills
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens a window, makes a new policy, types the school's name, waits for
 * the autosave, says so on standard output ("autosaved ID"), makes one more
 * edit ("edited"), and waits to be killed.
 */
#include "config.h"

#include <stdio.h>

#include <adwaita.h>

#include "polisi-application.h"
#include "polisi-recovery.h"
#include "polisi-window.h"

static void
pump (guint milliseconds)
{
  gint64 until = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(PolisiApplication) app = NULL;
  g_autoptr(PolisiRecovery) recovery = polisi_recovery_new_default ();
  g_autofree char *copy = NULL;
  PolisiWindow *window;
  GtkEditable *name;
  gint64 deadline;

  gtk_init ();
  adw_init ();
  settings = g_settings_new (APP_ID);
  g_settings_set_uint (settings, "autosave-interval", 1);

  app = polisi_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = polisi_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  polisi_window_new_policy (window);

  name = polisi_organisation_page_get_entry (polisi_window_get_organisation_page (window), "name.cy");
  gtk_editable_set_text (name, "Ysgol Cyn y Ddamwain");

  copy = g_strdup_printf ("%s/%s.polisi", polisi_recovery_get_folder (recovery), polisi_window_get_recovery_id (window));
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!g_file_test (copy, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
    pump (20);
  if (!g_file_test (copy, G_FILE_TEST_EXISTS))
    return 1;
  printf ("autosaved %s\n", polisi_window_get_recovery_id (window));
  fflush (stdout);

  /* an edit the autosave has not caught up with yet */
  gtk_editable_set_text (name, "Ysgol Ar Ôl y Copi");
  pump (50);
  printf ("edited\n");
  fflush (stdout);

  for (;;)
    pump (1000);
}
