/* polisi-application.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line is handled in handle-local-options, before GTK starts,
 * so that --new, --set, --check and --export work with no display.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "polisi-application.h"
#include "polisi-cli.h"
#include "polisi-window.h"

struct _PolisiApplication
{
  AdwApplication  parent_instance;

  PolisiContext  *context;
  GPtrArray      *pending_files;  /* GFile, from the command line */
};

G_DEFINE_FINAL_TYPE (PolisiApplication, polisi_application, ADW_TYPE_APPLICATION)

static int
polisi_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  if (polisi_cli_wants_handling (options))
    return polisi_cli_run (options);

  /* Files named on the command line open once the window can; the option
   * table takes them, so GApplication does not open them itself. */
  {
    g_autofree const char **files = NULL;
    PolisiApplication *self = POLISI_APPLICATION (application);

    if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files))
      for (guint i = 0; files[i] != NULL; i++)
        g_ptr_array_add (self->pending_files, g_file_new_for_commandline_arg (files[i]));
  }

  return -1;
}

static void
polisi_application_startup (GApplication *application)
{
  PolisiApplication *self = POLISI_APPLICATION (application);
  g_autoptr(GError) error = NULL;

  G_APPLICATION_CLASS (polisi_application_parent_class)->startup (application);

  self->context = polisi_context_new_builtin (&error);
  if (self->context == NULL)
    g_error ("Polisi is not installed correctly: %s", error->message);
}

static void polisi_application_open (GApplication  *application,
                                     GFile        **files,
                                     int            n_files,
                                     const char    *hint);

static void
polisi_application_activate (GApplication *application)
{
  PolisiApplication *self = POLISI_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (self->pending_files->len > 0)
    {
      g_autoptr(GPtrArray) files = g_steal_pointer (&self->pending_files);

      self->pending_files = g_ptr_array_new_with_free_func (g_object_unref);
      polisi_application_open (application, (GFile **) files->pdata, files->len, "");
      return;
    }

  if (window == NULL)
    window = GTK_WINDOW (polisi_window_new (self));
  gtk_window_present (window);
}

static void
polisi_application_open (GApplication  *application,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  PolisiApplication *self = POLISI_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      PolisiWindow *window = polisi_window_new (self);

      polisi_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
polisi_application_dispose (GObject *object)
{
  PolisiApplication *self = (PolisiApplication *) object;

  g_clear_object (&self->context);
  g_clear_pointer (&self->pending_files, g_ptr_array_unref);

  G_OBJECT_CLASS (polisi_application_parent_class)->dispose (object);
}

static void
polisi_application_class_init (PolisiApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = polisi_application_dispose;
  app_class->handle_local_options = polisi_application_handle_local_options;
  app_class->startup = polisi_application_startup;
  app_class->activate = polisi_application_activate;
  app_class->open = polisi_application_open;
}

static void
polisi_application_init (PolisiApplication *self)
{
  static const GOptionEntry version_entry[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version of Polisi"), NULL },
    { NULL }
  };

  self->pending_files = g_ptr_array_new_with_free_func (g_object_unref);
  g_application_add_main_option_entries (G_APPLICATION (self), polisi_cli_get_option_entries ());
  g_application_add_main_option_entries (G_APPLICATION (self), version_entry);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Write, check and export a staff social media policy in Welsh and English."));
}

PolisiApplication *
polisi_application_new (void)
{
  return g_object_new (POLISI_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/cymru/polisi/Polisi",
                       NULL);
}

PolisiContext *
polisi_application_get_context (PolisiApplication *self)
{
  g_return_val_if_fail (POLISI_IS_APPLICATION (self), NULL);
  return self->context;
}
