/* polisi-window-title.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's title and its header's title and subtitle, from the
 * session the window shows: the policy's name, the folder of its file
 * (in the home folder as "~/…"), and whether it has unsaved changes.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "polisi-file-dialogs.h"
#include "polisi-window-title.h"

/**
 * polisi_window_title_folder:
 * @file: (nullable): a policy's file
 *
 * Returns: (transfer full) (nullable): the folder @file is in, for people:
 *   "~/Documents" in the home folder, else its whole name
 */
char *
polisi_window_title_folder (GFile *file)
{
  g_autoptr(GFile) parent = NULL;
  g_autofree char *path = NULL;
  const char *home = g_get_home_dir ();
  gsize n = strlen (home);

  if (file == NULL)
    return NULL;
  parent = g_file_get_parent (file);
  path = parent != NULL ? g_file_get_path (parent) : NULL;
  if (path == NULL)
    return NULL;
  if (strncmp (path, home, n) == 0 && (path[n] == '/' || path[n] == '\0'))
    return g_strconcat ("~", path + n, NULL);
  return g_filename_display_name (path);
}

/**
 * polisi_window_title_update:
 *
 * Sets @window's title and @title's title and subtitle from @session: the
 * policy's name, "•" and "Unsaved changes" when it has some, the folder of
 * its file. A window with no policy is "Polisi".
 */
void
polisi_window_title_update (GtkWindow      *window,
                            AdwWindowTitle *title,
                            PolisiSession  *session)
{
  g_autofree char *name = NULL;
  g_autofree char *whole = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *folder = NULL;
  gboolean modified;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (ADW_IS_WINDOW_TITLE (title));
  g_return_if_fail (POLISI_IS_SESSION (session));

  name = polisi_file_dialogs_display_name (session);
  folder = polisi_window_title_folder (polisi_session_get_file (session));
  modified = polisi_session_get_modified (session);

  if (modified)
    subtitle = folder != NULL ? g_strdup_printf (_("%s — Unsaved changes"), folder) : g_strdup (_("Unsaved changes"));
  else
    subtitle = g_strdup (folder != NULL ? folder : "");

  adw_window_title_set_title (title, name);
  adw_window_title_set_subtitle (title, subtitle);

  /* Translators: the window's title: "•" marks unsaved changes */
  whole = modified ? g_strdup_printf (_("• %s — Polisi"), name) : g_strdup_printf (_("%s — Polisi"), name);
  gtk_window_set_title (window, polisi_session_get_policy (session) != NULL ? whole : _("Polisi"));
}
