/* test-application-start.c: what the application's start leaves behind, as
 * the program starts it (nothing of GTK made before the application's
 * startup): the stylesheets in use are libadwaita's, as they were before
 * the settings were made ahead of GtkApplication, and GTK_THEME is as it
 * was found
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test runs in a process of its own: GTK's settings are made once a
 * process, and what is tested is who makes them first.
 */
#include "config.h"

#include <adwaita.h>

#include "polisi-application.h"
#include "polisi-recovery.h"
#include "polisi-test-utils.h"
#include "polisi-welcome-view.h"

G_GNUC_BEGIN_IGNORE_DEPRECATIONS

/* Whether the stylesheets in use name @name (libadwaita's colours are
 * named by its own stylesheet, not by GTK's). */
static gboolean
names_colour (const char *name)
{
  GtkWidget *label = g_object_ref_sink (gtk_label_new ("Polisi"));
  GdkRGBA colour;
  gboolean found = gtk_style_context_lookup_color (gtk_widget_get_style_context (label), name, &colour);

  g_object_unref (label);
  return found;
}

static char *
theme_name (void)
{
  char *name = NULL;

  g_object_get (gtk_settings_get_default (), "gtk-theme-name", &name, NULL);
  return name;
}

G_GNUC_END_IGNORE_DEPRECATIONS

static void
start (void)
{
  g_autoptr(PolisiApplication) application = polisi_application_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);
}

/* The start as the program makes it: libadwaita's theme and stylesheets,
 * and no GTK_THEME left in the environment (a help viewer or anything else
 * the window starts would inherit it). */
static void
test_libadwaita_theme (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *name = NULL;

      /* the empty theme the settings start with */
      g_assert_true (g_resources_get_info ("/org/gtk/libgtk/theme/Polisi-start/gtk.css", 0, NULL, NULL, NULL));
      g_unsetenv ("GTK_THEME");
      start ();
      g_assert_null (g_getenv ("GTK_THEME"));
      name = theme_name ();
      g_assert_cmpstr (name, ==, "Adwaita-empty");
      g_assert_true (names_colour ("accent_bg_color"));
      g_assert_true (names_colour ("card_bg_color"));
      /* the icons, whose theme a worker thread reads meanwhile: the
       * window's own, from its resources, and Adwaita's */
      g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gdk_display_get_default ()), APP_ID));
      g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                              "open-menu-symbolic"));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* A theme someone chose with GTK_THEME is left to GTK and libadwaita, as
 * it was: libadwaita then leaves out its own stylesheets. */
static void
test_chosen_theme (void)
{
  if (g_test_subprocess ())
    {
      g_setenv ("GTK_THEME", "Default", TRUE);
      start ();
      g_assert_cmpstr (g_getenv ("GTK_THEME"), ==, "Default");
      g_assert_false (names_colour ("accent_bg_color"));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* For the start-up benchmark: the window shown, its first frame painted,
 * and then the processor time it took and the first frame said, in that
 * order, and the application quits by itself. */
static void
test_report_first_frame (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(PolisiApplication) application = polisi_application_new ();

      g_setenv ("POLISI_REPORT_FIRST_FRAME", "1", TRUE);
      g_assert_cmpint (g_application_run (G_APPLICATION (application), 0, NULL), ==, 0);
      return;
    }
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("processor-time *.* *.*\nfirst-frame\n");
}

static GtkWidget *
find_custom_layout (GtkWidget *widget)
{
  if (GTK_IS_CUSTOM_LAYOUT (gtk_widget_get_layout_manager (widget)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_custom_layout (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first screen: the welcome view's content (its buttons and the
 * recent policies, whose folders wrap) is as wide for any height, since it
 * scrolls, and so its width is not searched for again at every height it
 * is asked about; its height still follows its width. */
static void
test_welcome_width (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = polisi_test_make_temp_dir ();
      g_autofree char *folder = g_build_filename (dir, "Polisiau Ysgol Gynradd Aberystwyth a’r Cylch",
                                                  "blwyddyn academaidd 2026–2027", NULL);
      g_autofree char *path = g_build_filename (folder, "polisi-cyfryngau-cymdeithasol.polisi", NULL);
      g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
      GtkRecentData data = { NULL, NULL, (char *) "application/x-polisi", (char *) "Polisi", (char *) "polisi %u", NULL, FALSE };
      g_autoptr(PolisiRecovery) recovery = NULL;
      GtkWidget *view, *content;
      int narrow_min, narrow_nat, any_min, any_nat, tall, short_;

      gtk_init ();
      adw_init ();
      g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
      polisi_test_write_file (path, "", -1);
      g_assert_true (gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data));
      recovery = polisi_recovery_new_default ();
      view = g_object_ref_sink (polisi_welcome_view_new ());
      polisi_welcome_view_refresh (POLISI_WELCOME_VIEW (view), recovery);
      g_assert_cmpuint (polisi_welcome_view_get_n_recent (POLISI_WELCOME_VIEW (view)), ==, 1);

      content = find_custom_layout (view);
      g_assert_nonnull (content);
      gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &any_min, &any_nat, NULL, NULL);
      gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, 40, &narrow_min, &narrow_nat, NULL, NULL);
      g_assert_cmpint (any_min, >, 0);
      g_assert_cmpint (narrow_min, ==, any_min);
      g_assert_cmpint (narrow_nat, ==, any_nat);
      /* the folder wraps when narrow: the height follows the width */
      gtk_widget_measure (content, GTK_ORIENTATION_VERTICAL, any_min, &tall, NULL, NULL, NULL);
      gtk_widget_measure (content, GTK_ORIENTATION_VERTICAL, any_nat, &short_, NULL, NULL, NULL);
      g_assert_cmpint (tall, >, short_);

      g_object_unref (view);
      polisi_test_remove_tree (dir);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = polisi_test_make_temp_dir ();
  int status;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/application-start/libadwaita-theme", test_libadwaita_theme);
  g_test_add_func ("/application-start/chosen-theme", test_chosen_theme);
  g_test_add_func ("/application-start/report-first-frame", test_report_first_frame);
  g_test_add_func ("/application-start/welcome-width", test_welcome_width);
  status = g_test_run ();
  polisi_test_remove_tree (data_home);
  return status;
}
