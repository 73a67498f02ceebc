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
#include "polisi-cli.h"

/* The interface language chosen in Preferences wins over the system's:
 * a Welsh-speaking head teacher on an English desktop gets Welsh, and the
 * other way round. */
static void
apply_interface_language (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *choice = NULL;

  if (source == NULL || (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) == NULL)
    return;

  settings = g_settings_new (APP_ID);
  choice = g_settings_get_string (settings, "interface-language");
  if (g_str_equal (choice, "cy") || g_str_equal (choice, "en"))
    g_setenv ("LANGUAGE", choice, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PolisiApplication) app = NULL;
  const char *localedir = g_getenv ("POLISI_LOCALEDIR");

  /* A file size limit must give a clean "disk full" error, not kill us. */
  signal (SIGXFSZ, SIG_IGN);

  apply_interface_language ();
  setlocale (LC_ALL, "");
  /* POLISI_LOCALEDIR: the translations of an uninstalled build */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_application_name ("Polisi");

  {
    int status = polisi_cli_check_arguments (argc, argv);
    if (status >= 0)
      return status;
  }

  app = polisi_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
