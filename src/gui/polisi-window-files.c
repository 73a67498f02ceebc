/* polisi-window-files.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window and its files (see polisi-window-private.h): opening a
 * policy in a worker thread, and what the window hands to its flows
 * (saving, export, comparison, returned drafts, recovery), closing with
 * unsaved changes, and files dropped on the window. The session holds the
 * file's state; the window follows it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "polisi-file-dialogs.h"
#include "polisi-window-actions.h"
#include "polisi-window-private.h"

/* Opening a policy ---------------------------------------------------------- */

static void
on_file_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(GTask) task = data;
  PolisiWindow *self = g_task_get_source_object (task);
  GFile *file = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiRecoveryInfo) copy = NULL;

  if (!polisi_session_load_finish (POLISI_SESSION (source), result, &error))
    {
      /* gone, or another file asked for since: nothing to say */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->session != NULL)
        _polisi_window_show_error (self, _("The Policy Could Not Be Opened"), error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (self->session == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The window was closed");
      return;
    }

  _polisi_window_show_session_policy (self, TRUE);
  polisi_file_dialogs_remember_file (self->settings, file);
  /* opening a policy whose review is due says so, with a way to it */
  polisi_toasts_tell_review_due (self->toasts, self->policy, polisi_context_get_interface_language (_polisi_window_get_context (self)));

  /* unsaved work on this file that a crash left behind: offered here too,
   * not only on the welcome page */
  copy = polisi_session_find_recovery_copy (self->session, NULL);
  if (copy != NULL)
    polisi_recovery_flow_ask (self->recovery_flow, copy);
  g_task_return_boolean (task, TRUE);
}

/**
 * polisi_window_open_file_async:
 * @cancellable: (nullable): to give up; opening another file gives up
 *   this one too
 *
 * Opens a policy, read and checked in a worker thread: the window stays
 * responsive. A file that cannot be read is explained in a dialog; the
 * window keeps what it showed.
 */
void
polisi_window_open_file_async (PolisiWindow        *self,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (POLISI_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  _polisi_window_get_context (self);
  if (self->open_cancellable != NULL)
    g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  self->open_cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();

  task = g_task_new (self, self->open_cancellable, callback, user_data);
  g_task_set_source_tag (task, polisi_window_open_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  polisi_session_load_async (self->session, file, self->open_cancellable, on_file_loaded, task);
}

/**
 * polisi_window_open_file_finish:
 *
 * Returns: %TRUE if the policy was opened
 */
gboolean
polisi_window_open_file_finish (PolisiWindow  *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Opens @file; nobody waits for the answer (errors are shown). */
void
polisi_window_open_file (PolisiWindow *self,
                         GFile        *file)
{
  polisi_window_open_file_async (self, file, NULL, NULL, NULL);
}

/**
 * polisi_window_reload:
 *
 * Opens the window's file again, as another program left it: the
 * window's unsaved changes are discarded on purpose, and so is their
 * recovery copy, which is not offered back.
 */
void
polisi_window_reload (PolisiWindow *self)
{
  g_autoptr(GFile) file = NULL;

  g_return_if_fail (POLISI_IS_WINDOW (self));

  if (polisi_session_get_file (self->session) == NULL)
    return;
  file = g_object_ref (polisi_session_get_file (self->session));
  /* loading discards the recovery copy of what the session had, and
   * keeps the file's lock, which the session already holds */
  polisi_window_open_file (self, file);
}

/* The session and the flows -------------------------------------------------- */

PolisiPolicy *
polisi_window_get_policy (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  return self->policy;
}

GFile *
polisi_window_get_file (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  return polisi_session_get_file (self->session);
}

gboolean
polisi_window_get_modified (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), FALSE);
  return polisi_session_get_modified (self->session);
}

const char *
polisi_window_get_recovery_id (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  return polisi_session_get_recovery_id (self->session);
}

PolisiSession *
polisi_window_get_session (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  return self->session;
}

/**
 * polisi_window_save_to_file:
 *
 * Saves the policy to @file atomically, through the session: refused
 * (POLISI_ERROR_CHANGED_ON_DISK, _READ_ONLY, _HARD_LINKED) when someone
 * else changed the file since it was read, when it is read-only, or when
 * it has other names; the window's Save asks what to do then.
 */
gboolean
polisi_window_save_to_file (PolisiWindow  *self,
                            GFile         *file,
                            GError       **error)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->policy != NULL, FALSE);
  return polisi_save_flow_save_to_file (self->save_flow, file, error);
}

static gboolean
close_idle (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* Closes the window once the dialog that asked has finished: the window is
 * the dialog's parent, and must outlive its "response". */
static void
close_later (PolisiWindow *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle, g_object_ref (self), g_object_unref);
}

/* Exporting, printing and comparing (polisi-export-flow, polisi-compare-flow) */

/**
 * polisi_window_export_to_file:
 *
 * Exports the policy. For two separate files, @file names them both:
 * "policy.pdf" becomes "policy-cy.pdf" and "policy-en.pdf".
 */
gboolean
polisi_window_export_to_file (PolisiWindow  *self,
                              GFile         *file,
                              PolisiFormat   format,
                              PolisiLayout   layout,
                              gboolean       final,
                              gboolean       english_first,
                              GError       **error)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->policy != NULL, FALSE);
  return polisi_export_flow_export_to_file (self->export_flow, file, format, layout, final, english_first, error);
}

/* The flows, for the actions (polisi-window-actions) and tests: each made
 * with the context, the first time one is needed. */

PolisiSaveFlow *
polisi_window_get_save_flow (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  return self->save_flow;
}

/* Returns: (transfer none): the export choices, and what exports and
 * prints with them */
PolisiExportFlow *
polisi_window_get_export_flow (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  return _polisi_window_get_export_flow (self);
}

PolisiCompareFlow *
polisi_window_get_compare_flow (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  _polisi_window_get_context (self);
  return self->compare_flow;
}

PolisiImportFlow *
polisi_window_get_import_flow (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  _polisi_window_get_context (self);
  return self->import_flow;
}

PolisiRecoveryFlow *
polisi_window_get_recovery_flow (PolisiWindow *self)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  _polisi_window_get_context (self);
  return self->recovery_flow;
}

/**
 * polisi_window_export_comparison:
 * @old_policy: the earlier version
 * @tracked: an ODT or DOCX of this version with every difference as a
 *   tracked change; otherwise a summary of changes, clause by clause
 *
 * Writes what changed from @old_policy to the open policy, in both
 * languages, in the preview's layout.
 */
gboolean
polisi_window_export_comparison (PolisiWindow  *self,
                                 PolisiPolicy  *old_policy,
                                 GFile         *file,
                                 PolisiFormat   format,
                                 gboolean       tracked,
                                 GError       **error)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->policy != NULL, FALSE);
  return polisi_compare_flow_export (self->compare_flow, old_policy, file, format, tracked, error);
}

/* Returns: (transfer none): the dialog asking what to make of the
 * differences from @old_policy, presented */
GtkWidget *
polisi_window_ask_comparison (PolisiWindow *self,
                              PolisiPolicy *old_policy,
                              GFile        *old_file)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  g_return_val_if_fail (self->policy != NULL, NULL);
  return polisi_compare_flow_ask (self->compare_flow, old_policy, old_file);
}

/* Comments from a consultation (polisi-import-flow) ------------------------ */

void
_polisi_window_on_imported (PolisiWindow *self)
{
  polisi_window_go_to_step (self, _polisi_window_step_named (self, "consultation"));
}

/**
 * polisi_window_import_returned_draft:
 *
 * As polisi_import_flow_import(): the comments and proposed changes of a
 * returned draft, shown on the consultation step.
 */
gboolean
polisi_window_import_returned_draft (PolisiWindow               *self,
                                     GFile                      *file,
                                     PolisiReturnedImportFlags   flags,
                                     guint                      *n_added,
                                     GError                    **error)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->policy != NULL, FALSE);
  return polisi_import_flow_import (self->import_flow, file, flags, n_added, error);
}

/* As polisi_window_import_returned_draft(), for a draft of this version. */
gboolean
polisi_window_import_comments (PolisiWindow  *self,
                               GFile         *file,
                               guint         *n_added,
                               GError       **error)
{
  return polisi_window_import_returned_draft (self, file, POLISI_RETURNED_IMPORT_DEFAULT, n_added, error);
}

GtkWidget *
polisi_window_ask_earlier_version (PolisiWindow *self,
                                   GFile        *file,
                                   const char   *message)
{
  g_return_val_if_fail (POLISI_IS_WINDOW (self), NULL);
  g_return_val_if_fail (self->policy != NULL, NULL);
  return polisi_import_flow_ask_earlier_version (self->import_flow, file, message);
}

/* Closing ------------------------------------------------------------------ */

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   PolisiWindow     *self)
{
  if (g_str_equal (response, "discard"))
    {
      /* the changes are given up: nothing is left to ask about */
      polisi_session_close (self->session);
      g_object_set (self->session, "modified", FALSE, NULL);
      close_later (self);
    }
  else if (g_str_equal (response, "save"))
    polisi_save_flow_save (self->save_flow, TRUE);
}

/* The window's close-request: asks first when there are unsaved changes
 * (and returns TRUE, the window staying); else closes the session on
 * purpose, keeps the window's size and returns FALSE. */
gboolean
_polisi_window_close_request (GtkWindow *window)
{
  PolisiWindow *self = POLISI_WINDOW (window);

  if (polisi_session_get_modified (self->session))
    {
      g_autofree char *name = polisi_file_dialogs_display_name (self->session);
      GtkWidget *dialog = adw_message_dialog_new (window, _("Save Changes?"), NULL);

      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("“%s” has changes that are not saved. If you close without saving, they are lost."),
                                      name);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "discard", _("_Discard"),
                                        "save", _("_Save"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (on_close_response), self);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  /* Closed on purpose: no recovery copy to keep. */
  polisi_session_close (self->session);

  if (!gtk_window_is_maximized (window))
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  return FALSE;
}

/* Recovery and the welcome view ---------------------------------------------- */

void
_polisi_window_on_recovered (PolisiWindow *self)
{
  _polisi_window_show_session_policy (self, TRUE);
  _polisi_window_show_toast (self, _("Unsaved work recovered. Save it to keep it."));
}

/**
 * polisi_window_recover_copy:
 *
 * Opens the recovery copy @id left by a crash, as unsaved changes to the
 * file it was made from, reading it in a worker thread: the window shows
 * it when it has been read (or says why it could not be). The copy stays
 * until the policy is saved or closed.
 */
void
polisi_window_recover_copy (PolisiWindow *self,
                            const char   *id)
{
  g_return_if_fail (POLISI_IS_WINDOW (self));

  _polisi_window_get_context (self);
  polisi_recovery_flow_recover (self->recovery_flow, id);
}

void
polisi_window_refresh_welcome (PolisiWindow *self)
{
  g_return_if_fail (POLISI_IS_WINDOW (self));
  polisi_welcome_view_refresh (self->welcome_view, polisi_session_get_recovery (self->session));
}

/* Files dropped on the window ------------------------------------------------ */

static void
on_dropped_file_opened (GObject      *source,
                        GAsyncResult *result,
                        gpointer      data)
{
  PolisiWindow *window = POLISI_WINDOW (source);

  if (polisi_window_open_file_finish (window, result, NULL))
    gtk_window_present (GTK_WINDOW (window));
  else
    gtk_window_destroy (GTK_WINDOW (window));
}

/* A .polisi file dropped on the window opens. */
gboolean
_polisi_window_on_drop (GtkDropTarget *target,
                        const GValue  *value,
                        double         x,
                        double         y,
                        PolisiWindow  *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;

  if (self->policy != NULL && polisi_session_get_modified (self->session))
    {
      PolisiApplication *app = POLISI_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

      polisi_window_open_file_async (polisi_window_new (app), files->data, NULL, on_dropped_file_opened, NULL);
      return TRUE;
    }
  polisi_window_open_file (self, files->data);
  return TRUE;
}
