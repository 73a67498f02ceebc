/* polisi-application.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line is handled in handle-local-options, before GTK starts,
 * so that --new, --set, --check and --export work with no display. The
 * window comes up in startup/activate.
 */
#include "config.h"

#include <sys/resource.h>
#include <time.h>

#include <glib/gi18n.h>

#include "polisi-application.h"
#include "polisi-gui-resources.h"
#include "polisi-cli.h"
#include "polisi-preferences-window.h"
#include "polisi-window.h"
#include "polisi-window-actions.h"

struct _PolisiApplication
{
  AdwApplication  parent_instance;

  PolisiContext  *context;
  GError         *library_error;  /* the library file could not be read */
  GPtrArray      *pending_files;  /* GFile, from the command line */
};

G_DEFINE_FINAL_TYPE (PolisiApplication, polisi_application, ADW_TYPE_APPLICATION)

static int
polisi_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  PolisiApplication *self = POLISI_APPLICATION (application);
  g_autofree const char **files = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  /* --library alone starts the window with that library, and the window
   * remembers it (Preferences go back to the built-in one) */
  if (g_variant_dict_contains (options, "library"))
    {
      g_autoptr(GVariant) library = g_variant_dict_lookup_value (options, "library", G_VARIANT_TYPE_BYTESTRING);

      g_variant_dict_remove (options, "library");
      if (polisi_cli_wants_handling (options))
        g_variant_dict_insert_value (options, "library", library);
      else
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (g_variant_get_bytestring (library));

          polisi_application_remember_library (self, file);
        }
    }

  if (polisi_cli_wants_handling (options))
    return polisi_cli_run (options);

  /* Files named on the command line open once the window can; the option
   * table takes them, so GApplication does not open them itself. */
  if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files))
    for (guint i = 0; files[i] != NULL; i++)
      g_ptr_array_add (self->pending_files, g_file_new_for_commandline_arg (files[i]));

  return -1;
}

/* A window with nothing open is reused; otherwise a new one. */
static PolisiWindow *
get_blank_window (PolisiApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (POLISI_IS_WINDOW (active) && polisi_window_is_blank (POLISI_WINDOW (active)))
    return POLISI_WINDOW (active);
  return polisi_window_new (self);
}

static void
new_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  PolisiWindow *window = get_blank_window (user_data);

  polisi_window_new_policy (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_open_response (GtkNativeDialog   *chooser,
                  int                response,
                  PolisiApplication *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      PolisiWindow *window = get_blank_window (self);

      /* read in the background; an error is told in the window */
      polisi_window_open_file (window, file);
      gtk_window_present (GTK_WINDOW (window));
    }
  g_object_unref (chooser);
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  PolisiApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *folder = g_settings_get_string (settings, "last-folder");

  chooser = gtk_file_chooser_native_new (_("Open Policy"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Polisi policies"));
  gtk_file_filter_add_mime_type (filter, "application/x-polisi");
  gtk_file_filter_add_suffix (filter, "polisi");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  if (folder[0] != '\0' && g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) file = g_file_new_for_path (folder);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), file, NULL);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GApplication *application = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (application));

  /* Each window asks about its unsaved changes; the application ends when
   * the last one has closed. */
  for (GList *l = g_list_copy (windows); l != NULL; l = g_list_delete_link (l, l))
    gtk_window_close (l->data);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *application = user_data;
  static const char *developers[] = { "The Polisi authors", NULL };
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (about), gtk_application_get_active_window (application));
  adw_about_window_set_application_name (about, _("Polisi"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, "The Polisi authors");
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_comments (about, _("Write your staff social media policy in Welsh and English, and keep it up to date."));
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_copyright (about, "© 2026 The Polisi authors");
  /* Translators: your names, one per line */
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  adw_about_window_add_legal_section (about, _("Model clauses"), NULL, GTK_LICENSE_CUSTOM,
                                      _("The clause library is written for Polisi. It draws on the NEU model policy "
                                        "and advice, the Education Workforce Council’s guides, Social Care Wales "
                                        "guidance and a council’s guidance; each clause names its sources."));
  gtk_window_present (GTK_WINDOW (about));
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *application = user_data;
  GtkWindow *window = gtk_application_get_active_window (application);
  const char *page = POLISI_IS_WINDOW (window) ? polisi_window_get_help_page (POLISI_WINDOW (window)) : "index";
  g_autofree char *uri = g_strcmp0 (page, "index") == 0 ? g_strdup ("help:polisi") : g_strdup_printf ("help:polisi/%s", page);

  gtk_show_uri (window, uri, GDK_CURRENT_TIME);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data);

static const GActionEntry app_entries[] = {
  { "new", new_action },
  { "open", open_action },
  { "quit", quit_action },
  { "about", about_action },
  { "help", help_action },
  { "preferences", preferences_action },
};

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *application = user_data;
  GtkWindow *parent = gtk_application_get_active_window (application);
  GtkWidget *preferences = polisi_preferences_window_new (parent);

  gtk_window_present (GTK_WINDOW (preferences));
}

/* GTK 4.8 draws a window with OpenGL when it can. With no graphics
 * processor to draw on (no DRM render node: a virtual machine, a remote
 * session, Xvfb) Mesa runs OpenGL on the processor (llvmpipe), and there
 * GTK's cairo renderer draws Polisi's window sooner: under Xvfb the first
 * frame in about 156 ms instead of 234, and no keystroke of the bench over
 * 21 ms instead of 54 (docs/benchmarks.md). So, with no render node, or
 * when Mesa is told to draw in software, the cairo renderer is asked for
 * (GSK_RENDERER, read by GTK when it makes the first window's renderer). A
 * renderer someone chose with GSK_RENDERER is left alone. */
static gboolean
has_render_node (void)
{
  g_autoptr(GDir) dri = g_dir_open ("/dev/dri", 0, NULL);
  const char *name;

  while (dri != NULL && (name = g_dir_read_name (dri)) != NULL)
    if (g_str_has_prefix (name, "renderD"))
      return TRUE;
  return FALSE;
}

static void
choose_renderer (void)
{
  const char *software = g_getenv ("LIBGL_ALWAYS_SOFTWARE");

  if (g_getenv ("GSK_RENDERER") != NULL)
    return;
  if ((software != NULL && software[0] != '\0' && !g_str_equal (software, "0")) || !has_render_node ())
    g_setenv ("GSK_RENDERER", "cairo", TRUE);
}

/* GTK's settings, when first made (by GtkApplication's startup, for the
 * icons), parse the stylesheet of the theme they name, GTK's own; libadwaita
 * replaces it at once with its empty theme and its own stylesheet. Made
 * first here with an empty theme of ours, the settings never parse GTK's
 * (about 85 million instructions, a tenth of the start's work with GTK's
 * cairo renderer); libadwaita then names its empty theme as before, and the
 * stylesheets in use are the same. GTK_THEME, which the settings read and
 * libadwaita obeys, is named only while they are made. A theme someone
 * chose with GTK_THEME is left alone. */
static void
make_gtk_settings (void)
{
  if (g_getenv ("GTK_THEME") != NULL)
    return;

  gtk_init ();
  g_setenv ("GTK_THEME", "Polisi-start", TRUE);
  (void) gtk_settings_get_default ();
  g_unsetenv ("GTK_THEME");
}

/* GtkIconTheme's lookups may be made from any thread once it is set up,
 * and a lookup waits for the theme's index while another thread reads it. */
static void
read_icon_theme (GTask        *task,
                 gpointer      source,
                 gpointer      theme,
                 GCancellable *cancellable)
{
  (void) gtk_icon_theme_has_icon (theme, "open-menu-symbolic");
  g_task_return_boolean (task, TRUE);
}

/* The index of the icon theme (every icon of Adwaita and hicolor, about
 * 65 million instructions) is read by the first icon looked up: here in a
 * worker thread, while the window is built and its renderer made, not on
 * the way to the first frame. Its places are all known by now
 * (GtkApplication and libadwaita add their resources' icons in their
 * startup), so it is read once. */
static void
read_icon_theme_in_thread (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GTask) task = NULL;

  if (display == NULL)
    return;
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, g_object_ref (gtk_icon_theme_get_for_display (display)), g_object_unref);
  g_task_run_in_thread (task, read_icon_theme);
}

static void
polisi_application_startup (GApplication *application)
{
  guint n_shortcuts;
  const PolisiShortcut *shortcuts = polisi_window_actions_shortcuts (&n_shortcuts);

  choose_renderer ();
  make_gtk_settings ();
  G_APPLICATION_CLASS (polisi_application_parent_class)->startup (application);
  read_icon_theme_in_thread ();

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_entries, G_N_ELEMENTS (app_entries), application);
  for (guint i = 0; i < n_shortcuts; i++)
    {
      const char *accels[] = { shortcuts[i].accel, NULL };

      gtk_application_set_accels_for_action (GTK_APPLICATION (application), shortcuts[i].action, accels);
    }
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
      PolisiWindow *window = get_blank_window (self);

      polisi_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

/* For the start-up benchmark (bench/polisi-bench-window): with
 * POLISI_REPORT_FIRST_FRAME set, say when the first frame is on screen,
 * then quit. Before that, the processor time the main thread and the whole
 * process took to get there (milliseconds), which a loaded machine
 * disturbs far less than the time on the clock. */
static void
on_first_frame (GdkFrameClock *clock,
                GApplication  *application)
{
  struct timespec main_thread = { 0, 0 };
  struct rusage process = { 0 };

  g_signal_handlers_disconnect_by_func (clock, on_first_frame, application);
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &main_thread);
  getrusage (RUSAGE_SELF, &process);
  g_print ("processor-time %.1f %.1f\n",
           main_thread.tv_sec * 1000.0 + main_thread.tv_nsec / 1e6,
           (process.ru_utime.tv_sec + process.ru_stime.tv_sec) * 1000.0 +
           (process.ru_utime.tv_usec + process.ru_stime.tv_usec) / 1000.0);
  g_print ("first-frame\n");
  g_application_quit (application);
}

static void
on_window_realized (GtkWidget    *window,
                    GApplication *application)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (on_first_frame), application, 0);
}

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
    {
      window = GTK_WINDOW (polisi_window_new (self));
      if (g_getenv ("POLISI_REPORT_FIRST_FRAME") != NULL)
        g_signal_connect_object (window, "realize", G_CALLBACK (on_window_realized), application, 0);
    }
  gtk_window_present (window);
}

static void
polisi_application_dispose (GObject *object)
{
  PolisiApplication *self = (PolisiApplication *) object;

  g_clear_object (&self->context);
  g_clear_error (&self->library_error);
  g_clear_pointer (&self->pending_files, g_ptr_array_unref);

  G_OBJECT_CLASS (polisi_application_parent_class)->dispose (object);
}

static void
polisi_application_class_init (PolisiApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = polisi_application_dispose;

  /* The interface's resources live in a static library: referring to them
   * keeps them, and the constructor that registers them, in the program. */
  (void) polisi_gui_get_resource ();

  app_class->handle_local_options = polisi_application_handle_local_options;
  app_class->startup = polisi_application_startup;
  app_class->activate = polisi_application_activate;
  app_class->open = polisi_application_open;
}

static void
polisi_application_init (PolisiApplication *self)
{
  self->pending_files = g_ptr_array_new_with_free_func (g_object_unref);
  polisi_cli_add_options (G_APPLICATION (self));
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

/**
 * polisi_application_remember_library:
 * @file: (nullable): a clause library an organisation supplies, or %NULL
 *   for the built-in one
 *
 * The library the window uses from its next start (the "library-file"
 * setting); a window already open keeps the one it has.
 */
void
polisi_application_remember_library (PolisiApplication *self,
                                     GFile             *file)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (POLISI_IS_APPLICATION (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  settings = g_settings_new (APP_ID);
  path = file != NULL ? g_file_get_path (file) : NULL;
  g_settings_set_string (settings, "library-file", path != NULL ? path : "");
}

/* The library the setting names, or the built-in one. A library file that
 * cannot be read (gone, or refused as the command line refuses it) leaves
 * the built-in library in use and its error for the window to tell. */
static PolisiContext *
new_context (PolisiApplication  *self,
             GError            **error)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *path = g_settings_get_string (settings, "library-file");
  PolisiContext *context;

  if (path[0] != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) library_error = NULL;

      context = polisi_context_new_with_library_file (file, &library_error);
      if (context != NULL)
        return context;
      g_clear_error (&self->library_error);
      self->library_error = g_steal_pointer (&library_error);
    }
  return polisi_context_new_builtin (error);
}

/**
 * polisi_application_take_library_error:
 *
 * Returns: (transfer full) (nullable): why the library file of the
 *   "library-file" setting is not in use, once
 */
GError *
polisi_application_take_library_error (PolisiApplication *self)
{
  g_return_val_if_fail (POLISI_IS_APPLICATION (self), NULL);
  return g_steal_pointer (&self->library_error);
}

/**
 * polisi_application_get_context:
 *
 * The clause library (the built-in one, or the file of the "library-file"
 * setting) and legislation register, read the first time a window needs
 * them (not at start-up: the welcome view does not).
 */
PolisiContext *
polisi_application_get_context (PolisiApplication *self)
{
  g_return_val_if_fail (POLISI_IS_APPLICATION (self), NULL);

  if (self->context == NULL)
    {
      g_autoptr(GError) error = NULL;

      self->context = new_context (self, &error);
      if (self->context == NULL)
        g_error ("Polisi is not installed correctly: %s", error->message);
      /* the interface language is the locale's (main() applied the
       * preference to it), which the context took when it was made and
       * holds from here on */
    }
  return self->context;
}
