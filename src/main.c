/* main.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <dlfcn.h>
#include <locale.h>
#include <signal.h>

#include <glib/gi18n.h>

#include "polisi-cli.h"
#include "polisi-context.h"
#include "polisi-modules.h"

/* The window is a module, loaded only when wanted (see
 * src/polisi-modules.c): a command starts without GTK. */

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

static int
handle_local_options (GApplication *application,
                      GVariantDict *options,
                      gpointer      user_data)
{
  gboolean *wants_window = user_data;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }
  if (polisi_cli_wants_handling (options))
    return polisi_cli_run (options);

  *wants_window = TRUE;
  return 0;
}

static int
run_window (int    argc,
            char **argv)
{
  int (*gui_main) (int, char **);
  g_autofree char *path = polisi_modules_find (POLISI_WINDOW_MODULE);
  const char *export_path = NULL;
  const char *reason = NULL;
  void *module = NULL;

  /* the window draws its preview, and exports, with the writers */
  if (!polisi_modules_load_export (&export_path, &reason) ||
      (module = dlopen (path, RTLD_LAZY | RTLD_LOCAL)) == NULL ||
      (*(void **) &gui_main = dlsym (module, "polisi_gui_main")) == NULL)
    {
      /* Translators: the first %s is the file of the window’s part, the second the system’s reason, in English */
      g_printerr (_("Polisi’s window could not be started: its part %s was not loaded (%s). Reinstall Polisi. "
                    "The command line works without it (polisi --help).\n"),
                  reason != NULL ? export_path : path, reason != NULL ? reason : dlerror ());
      return POLISI_EXIT_BAD_FILE;
    }
  return gui_main (argc, argv);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GApplication) app = NULL;
  const char *localedir = g_getenv ("POLISI_LOCALEDIR");
  gboolean wants_window = FALSE;
  int status;

  /* A file size limit must give a clean "disk full" error, not kill us. */
  signal (SIGXFSZ, SIG_IGN);
  /* before any thread starts */
  polisi_core_init ();

  apply_interface_language ();
  setlocale (LC_ALL, "");
  /* POLISI_LOCALEDIR: the translations of an uninstalled build */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_application_name ("Polisi");

  status = polisi_cli_check_arguments (argc, argv);
  if (status >= 0)
    return status;

  /* The options are read as the window's application reads them (the same
   * table, the same --help), by a GApplication that is never registered:
   * a command runs here, without GTK. */
  app = g_application_new (APP_ID, G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  polisi_cli_add_options (app);
  g_signal_connect (app, "handle-local-options", G_CALLBACK (handle_local_options), &wants_window);
  status = g_application_run (app, argc, argv);
  if (!wants_window)
    return status;
  g_clear_object (&app);

  return run_window (argc, argv);
}
