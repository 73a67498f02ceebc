/* polisi-screenshots.c: pictures of the window, for people to look at
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the window through a head teacher's session and saves a PNG of
 * each screen: the welcome view, the organisation step, a step of clauses
 * with a choice of wording and its guidance, a translation waiting for an
 * update, the last step, and a narrow window; then, with a policy due
 * for its annual review, the review step (updates of the model clauses,
 * old names of Acts, triggers, versions), the adoption dialog and the
 * consultation step with its comments. Used to look at the interface after
 * a change, and for the screenshots of the AppStream metadata.
 *
 *   polisi-screenshots OUTPUT-FOLDER [EXAMPLE.polisi [REVIEW-DUE.polisi]]
 *
 * With POLISI_SCREENSHOT_STEPS=360x740,1360x860 it also saves every step
 * of the example at each size, named LANG-WIDTH-STEP.png, LANG being the
 * interface's (LANGUAGE=cy, with POLISI_LOCALEDIR pointing at the built
 * catalogue, for Welsh).
 *
 * Needs a display (run it under xvfb-run). The policies are copied into
 * ~/Documents of a home folder of its own, so that the pictures show
 * "~/Documents" and nothing of the machine they were taken on.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "polisi-application.h"
#include "polisi-checker.h"
#include "polisi-consultation-page.h"
#include "polisi-recovery.h"
#include "polisi-gui-test-utils.h"
#include "polisi-review-page.h"
#include "polisi-test-utils.h"
#include "polisi-window.h"

static void
save_png (GtkWidget  *window,
          const char *folder,
          const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (folder, name, NULL);

  /* a window with a layout still to do draws nothing yet: wait for it */
  for (guint tries = 0; tries < 50; tries++)
    {
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
      if (node != NULL)
        break;
      polisi_gui_test_pump (100);
      snapshot = gtk_snapshot_new ();
    }
  if (node == NULL)
    g_error ("%s: the window drew nothing", name);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    g_printerr ("could not write %s\n", path);
  else
    g_print ("%s\n", path);
}

static void
fill (PolisiWindow *window,
      const char   *key,
      const char   *text)
{
  GtkEditable *entry = polisi_organisation_page_get_entry (polisi_window_get_organisation_page (window), key);

  if (entry != NULL)
    gtk_editable_set_text (entry, text);
}

/* @source copied into @folder as @name; returns the copy's path. */
static char *
copy_to (const char *source,
         const char *folder,
         const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  char *path = g_build_filename (folder, name, NULL);
  gsize length;

  if (!g_file_get_contents (source, &contents, &length, &error) ||
      !g_file_set_contents (path, contents, length, &error))
    g_error ("%s", error->message);
  return path;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PolisiApplication) app = NULL;
  PolisiWindow *window;
  const char *folder;
  PolisiClauseEditor *editor;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  g_autofree char *home = NULL;
  g_autofree char *documents = NULL;
  g_autofree char *example = NULL;
  g_autofree char *review = NULL;

  if (argc < 2)
    {
      g_printerr ("usage: %s OUTPUT-FOLDER [EXAMPLE.polisi]\n", argv[0]);
      return 2;
    }
  folder = argv[1];
  g_mkdir_with_parents (folder, 0755);

  /* a home of its own (GLib reads HOME once, at its first use) */
  home = g_dir_make_tmp ("polisi-screenshots-XXXXXX", NULL);
  g_setenv ("HOME", home, TRUE);
  g_unsetenv ("XDG_DATA_HOME");
  g_unsetenv ("XDG_CACHE_HOME");
  documents = g_build_filename (home, "Documents", NULL);
  g_mkdir_with_parents (documents, 0700);
  if (argc > 2)
    example = copy_to (argv[2], documents, "social-media-policy.polisi");
  if (argc > 3)
    review = copy_to (argv[3], documents, "staff-social-media-policy-2026.polisi");

  /* as src/main.c: POLISI_LOCALEDIR for an uninstalled build's translations */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("POLISI_LOCALEDIR") != NULL ? g_getenv ("POLISI_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("polisi");
  g_set_application_name ("Polisi");

  gtk_init ();
  adw_init ();
  app = polisi_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_application_activate (G_APPLICATION (app));
  window = POLISI_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gtk_window_unmaximize (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1360, 860);
  gtk_window_present (GTK_WINDOW (window));
  polisi_gui_test_pump (800);
  save_png (GTK_WIDGET (window), folder, "01-welcome.png");

  if (example != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (example);
      polisi_gui_test_open_file (window, file);
    }
  else
    {
      polisi_window_new_policy (window);
      fill (window, "name.cy", "Ysgol Gymraeg Bro Derwen");
      fill (window, "name.en", "Ysgol Gymraeg Bro Derwen");
      fill (window, "head_teacher", "Mrs Siân Ŵyn Hughes");
      fill (window, "safeguarding_lead", "Mr Rhys Llŷr Jones");
      fill (window, "governing_body.cy", "Corff Llywodraethu Ysgol Gymraeg Bro Derwen");
      fill (window, "governing_body.en", "the Governing Body of Ysgol Gymraeg Bro Derwen");
    }
  polisi_window_go_to_step (window, 0);
  polisi_gui_test_pump (900);
  save_png (GTK_WIDGET (window), folder, "02-organisation.png");

  /* contact with learners and parents: a choice of wording */
  polisi_window_go_to_step (window, polisi_window_find_step (window, "contact"));
  polisi_gui_test_pump (900);
  save_png (GTK_WIDGET (window), folder, "03-clauses.png");

  /* an edit in English leaves the Welsh waiting for an update */
  editor = polisi_window_get_clause_editor (window, "purpose.benefits");
  polisi_window_go_to_step (window, 1);
  buffer = polisi_clause_editor_get_buffer (editor, POLISI_LANG_EN);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, " We review this every year.", -1);
  polisi_gui_test_pump (900);
  save_png (GTK_WIDGET (window), folder, "04-translation.png");

  polisi_window_go_to_step (window, polisi_window_get_n_steps (window) - 1);
  polisi_window_check_now (window);
  polisi_gui_test_pump (900);
  save_png (GTK_WIDGET (window), folder, "05-check-and-export.png");

  gtk_window_set_default_size (GTK_WINDOW (window), 520, 860);
  polisi_gui_test_pump (900);
  save_png (GTK_WIDGET (window), folder, "06-narrow.png");

  if (review != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (review);
      GtkWidget *page;
      GtkWidget *dialog;

      /* POLISI_SCREENSHOT_HEIGHT: a taller window, to see whole pages */
      gtk_window_set_default_size (GTK_WINDOW (window), 1360, g_getenv ("POLISI_SCREENSHOT_HEIGHT") != NULL ?
                                   atoi (g_getenv ("POLISI_SCREENSHOT_HEIGHT")) : 860);
      polisi_recovery_discard (polisi_recovery_new_default (), polisi_window_get_recovery_id (window));
      polisi_gui_test_open_file (window, file);
      /* the toast that says the review is due would hide the page */
      polisi_window_dismiss_toasts (window);
      polisi_window_go_to_step (window, polisi_window_find_step (window, "review"));
      /* HR has begun the summary of changes */
      page = polisi_window_get_step_page (window, polisi_window_find_step (window, "review"));
      gtk_text_buffer_set_text (polisi_review_page_get_summary_buffer (POLISI_REVIEW_PAGE (page), POLISI_LANG_CY),
                                "Adolygiad blynyddol:\n- cymalau enghreifftiol 2026;\n- enwau cyfredol y Deddfau.", -1);
      gtk_text_buffer_set_text (polisi_review_page_get_summary_buffer (POLISI_REVIEW_PAGE (page), POLISI_LANG_EN),
                                "Annual review:\n- the model clauses of 2026;\n- current names of Acts.", -1);
      polisi_gui_test_pump (1200);
      save_png (GTK_WIDGET (window), folder, "07-review.png");

      /* the first update, open */
      polisi_review_page_reveal_update (POLISI_REVIEW_PAGE (page), NULL);
      polisi_gui_test_pump (900);
      save_png (GTK_WIDGET (window), folder, "08-review-update.png");

      dialog = polisi_review_page_adopt (POLISI_REVIEW_PAGE (page));
      polisi_gui_test_pump (900);
      save_png (dialog, folder, "09-adopt.png");
      gtk_window_destroy (GTK_WINDOW (dialog));

      polisi_window_go_to_step (window, polisi_window_find_step (window, "consultation"));
      page = polisi_window_get_step_page (window, polisi_window_find_step (window, "consultation"));
      polisi_consultation_page_reveal_comment (POLISI_CONSULTATION_PAGE (page), "c2");
      polisi_gui_test_pump (1200);
      save_png (GTK_WIDGET (window), folder, "10-consultation.png");
    }

  /* POLISI_SCREENSHOT_STEPS=360x740,1360x860: every step at each size,
   * named for the interface language ("cy-360-07.png"): run it with
   * LANGUAGE=cy and with LANGUAGE=en to see both */
  if (g_getenv ("POLISI_SCREENSHOT_STEPS") != NULL && example != NULL)
    {
      g_auto(GStrv) sizes = g_strsplit (g_getenv ("POLISI_SCREENSHOT_STEPS"), ",", -1);
      g_autoptr(GFile) file = g_file_new_for_path (example);
      const char *lang = polisi_lang_to_code (polisi_interface_lang ());
      g_autoptr(PolisiRecovery) recovery = polisi_recovery_new_default ();

      polisi_recovery_discard (recovery, polisi_window_get_recovery_id (window));
      polisi_gui_test_open_file (window, file);
      polisi_window_dismiss_toasts (window);
      for (guint i = 0; sizes[i] != NULL; i++)
        {
          int width = 0, height = 0;

          if (sscanf (sizes[i], "%dx%d", &width, &height) != 2 || width < 360 || height < 300)
            {
              g_printerr ("POLISI_SCREENSHOT_STEPS: “%s” is not WIDTHxHEIGHT (at least 360x300)\n", sizes[i]);
              continue;
            }
          gtk_window_set_default_size (GTK_WINDOW (window), width, height);
          polisi_gui_test_pump (600);
          for (guint step = 0; step < polisi_window_get_n_steps (window); step++)
            {
              g_autofree char *name = g_strdup_printf ("%s-%d-%02u.png", lang, width, step + 1);

              polisi_window_go_to_step (window, step);
              polisi_window_check_now (window);
              polisi_gui_test_pump (700);
              save_png (GTK_WIDGET (window), folder, name);
            }
        }
    }

  /* nothing to keep from this session */
  polisi_recovery_discard (polisi_recovery_new_default (), polisi_window_get_recovery_id (window));
  gtk_window_destroy (GTK_WINDOW (window));
  polisi_test_remove_tree (home);
  return 0;
}
