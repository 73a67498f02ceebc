/* polisi-file-dialogs.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pieces every flow of the window that reads or writes a file uses:
 * the policy's name as shown, the name a new file is offered, the file
 * chooser starting in the last folder used, the recent files, and the
 * toast that says a file was exported.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "polisi-file-dialogs.h"
#include "polisi-policy-io.h"

/* The file's name as the title shows it, or "Untitled Policy". */
char *
polisi_file_dialogs_display_name (PolisiSession *session)
{
  GFile *file;

  g_return_val_if_fail (POLISI_IS_SESSION (session), NULL);

  file = polisi_session_get_file (session);
  if (file != NULL)
    {
      g_autofree char *path = g_file_get_path (file);
      if (path != NULL)
        return g_filename_display_basename (path);
      return g_file_get_basename (file);
    }
  return g_strdup (_("Untitled Policy"));
}

/* The name offered for a file made from the policy: the policy file's own
 * name, or the policy's, with @suffix. */
char *
polisi_file_dialogs_suggested_name (PolisiSession *session,
                                    const char    *suffix)
{
  PolisiPolicy *policy;
  const char *name;
  g_autofree char *base = NULL;
  GFile *file;

  g_return_val_if_fail (POLISI_IS_SESSION (session), NULL);

  policy = polisi_session_get_policy (session);
  file = polisi_session_get_file (session);
  if (file != NULL)
    {
      g_autofree char *file_name = g_file_get_basename (file);
      base = g_str_has_suffix (file_name, POLISI_POLICY_SUFFIX) ?
             g_strndup (file_name, strlen (file_name) - strlen (POLISI_POLICY_SUFFIX)) : g_strdup (file_name);
    }
  else
    {
      name = policy != NULL ? polisi_policy_get_name (policy, POLISI_LANG_CY) : NULL;
      if (name == NULL && policy != NULL)
        name = polisi_policy_get_name (policy, POLISI_LANG_EN);
      /* Translators: the name of a new policy file, before the suffix */
      base = g_strdup (name != NULL ? name : _("social-media-policy"));
      g_strdelimit (base, "/\\:*?\"<>|", '-');
    }
  return g_strconcat (base, suffix, NULL);
}

GtkFileFilter *
polisi_file_dialogs_policy_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Polisi policies"));
  gtk_file_filter_add_mime_type (filter, POLISI_POLICY_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "polisi");
  return filter;
}

/**
 * polisi_file_dialogs_new_chooser:
 * @filter: (nullable): the files to show
 *
 * A modal file chooser starting in the folder last used.
 *
 * Returns: (transfer full): the chooser, not shown yet
 */
GtkFileChooserNative *
polisi_file_dialogs_new_chooser (GtkWindow            *parent,
                                 GSettings            *settings,
                                 const char           *title,
                                 GtkFileChooserAction  action,
                                 const char           *accept_label,
                                 GtkFileFilter        *filter)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, parent, action, accept_label, _("_Cancel"));
  g_autofree char *folder = g_settings_get_string (settings, "last-folder");

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (folder[0] != '\0' && g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) start = g_file_new_for_path (folder);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), start, NULL);
    }
  return chooser;
}

/* The folder of @file is where the next file chooser starts. */
void
polisi_file_dialogs_remember_folder (GSettings *settings,
                                     GFile     *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *folder = parent != NULL ? g_file_get_path (parent) : NULL;

  if (folder != NULL)
    g_settings_set_string (settings, "last-folder", folder);
}

/* A policy file opened or saved: in the recent files, and its folder
 * remembered. */
void
polisi_file_dialogs_remember_file (GSettings *settings,
                                   GFile     *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = { 0 };

  data.display_name = NULL;
  data.mime_type = (char *) POLISI_POLICY_MIME_TYPE;
  data.app_name = (char *) g_get_application_name ();
  data.app_exec = (char *) "polisi %u";
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
  polisi_file_dialogs_remember_folder (settings, file);
}

/**
 * polisi_file_dialogs_exported_toast:
 *
 * Returns: (transfer full): "Exported “NAME”", with a button that opens it
 */
AdwToast *
polisi_file_dialogs_exported_toast (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = g_strdup_printf (_("Exported “%s”"), name);
  g_autofree char *uri = g_file_get_uri (file);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-export");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  return toast;
}
