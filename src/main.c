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

/* The window is a module, loaded only when wanted (see
 * src/gui/polisi-gui-main.c): a command starts without GTK. */
#define POLISI_WINDOW_MODULE "polisi-window.so"

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

/* Beside the program in a build folder; else in the package's library
 * folder (POLISI_MODULEDIR), where it is installed. The path is given
 * whole: a bare name would be looked up from whoever calls dlopen(), which
 * under a sanitizer is not the program. */
static char *
find_window_module (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  if (self != NULL)
    {
      g_autofree char *folder = g_path_get_dirname (self);
      g_autofree char *beside = g_build_filename (folder, POLISI_WINDOW_MODULE, NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&beside);
    }
  return g_build_filename (POLISI_MODULEDIR, POLISI_WINDOW_MODULE, NULL);
}

static int
run_window (int    argc,
            char **argv)
{
  int (*gui_main) (int, char **);
  g_autofree char *path = find_window_module ();
  void *module = dlopen (path, RTLD_LAZY | RTLD_LOCAL);

  if (module == NULL ||
      (*(void **) &gui_main = dlsym (module, "polisi_gui_main")) == NULL)
    {
      /* Translators: the first %s is the file of the window’s part, the second the system’s reason, in English */
      g_printerr (_("Polisi’s window could not be started: its part %s was not loaded (%s). Reinstall Polisi. "
                    "The command line works without it (polisi --help).\n"),
                  path, dlerror ());
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
