/* main.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <signal.h>

#include <glib/gi18n.h>

#include "polisi-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PolisiApplication) app = NULL;

  /* A file size limit must give a clean "disk full" error, not kill us. */
  signal (SIGXFSZ, SIG_IGN);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = polisi_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
