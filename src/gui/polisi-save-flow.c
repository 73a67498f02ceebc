/* polisi-save-flow.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Save and Save As for the window. The session saves in a worker thread
 * and refuses what a careful editor would not do without asking (a file
 * someone else changed, a read-only file, a file with other names); the
 * flow asks what to do then, and tries again as told. A save done emits
 * ::toast ("Saved “NAME”"); a save asked for on closing closes the window
 * once it has finished.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "polisi-error.h"
#include "polisi-file-dialogs.h"
#include "polisi-gui-utils.h"
#include "polisi-policy-io.h"
#include "polisi-save-flow.h"

struct _PolisiSaveFlow
{
  GObject        parent_instance;

  GtkWindow     *parent;     /* weak */
  PolisiSession *session;
  GSettings     *settings;
};

G_DEFINE_FINAL_TYPE (PolisiSaveFlow, polisi_save_flow, G_TYPE_OBJECT)

enum {
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a save was: for the worker's answer, and for the dialog that asks
 * what to do after a refusal. */
typedef struct {
  PolisiSaveFlow  *self;
  GFile           *file;        /* NULL: the session's own */
  PolisiSaveFlags  flags;
  gboolean         close_after;
} SaveRequest;

static SaveRequest *
save_request_new (PolisiSaveFlow  *self,
                  GFile           *file,
                  PolisiSaveFlags  flags,
                  gboolean         close_after)
{
  SaveRequest *request = g_new0 (SaveRequest, 1);

  request->self = g_object_ref (self);
  request->file = file != NULL ? g_object_ref (file) : NULL;
  request->flags = flags;
  request->close_after = close_after;
  return request;
}

static void
save_request_free (SaveRequest *request)
{
  g_clear_object (&request->self);
  g_clear_object (&request->file);
  g_free (request);
}

static void
save_request_closure_free (gpointer  data,
                           GClosure *closure)
{
  save_request_free (data);
}

static void
emit_toast (PolisiSaveFlow *self,
            const char     *title)
{
  g_autoptr(AdwToast) toast = adw_toast_new (title);

  g_signal_emit (self, signals[TOAST], 0, toast);
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
close_later (PolisiSaveFlow *self)
{
  if (self->parent != NULL)
    g_idle_add_full (G_PRIORITY_DEFAULT, close_idle, g_object_ref (self->parent), g_object_unref);
}

static void save_or_report (PolisiSaveFlow *self, GFile *file, PolisiSaveFlags flags, gboolean close_after);

static void
on_save_refused_response (AdwMessageDialog *dialog,
                          const char       *response,
                          SaveRequest      *request)
{
  if (g_str_equal (response, "overwrite"))
    save_or_report (request->self, request->file, request->flags | POLISI_SAVE_REPLACE_CHANGED, request->close_after);
  else if (g_str_equal (response, "split"))
    save_or_report (request->self, request->file, request->flags | POLISI_SAVE_SPLIT_LINKS, request->close_after);
  else if (g_str_equal (response, "save-as"))
    polisi_save_flow_save_as (request->self, request->close_after);
}

/* A save the session refused as a careful editor would: ask what to do. */
static void
ask_after_refusal (PolisiSaveFlow  *self,
                   SaveRequest     *done,
                   const GError    *error)
{
  g_autofree char *name = polisi_file_dialogs_display_name (self->session);
  AdwMessageDialog *dialog;

  if (self->parent == NULL)
    return;

  if (g_error_matches (error, POLISI_ERROR, POLISI_ERROR_CHANGED_ON_DISK))
    {
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (self->parent, _("The File Has Changed"), NULL));
      adw_message_dialog_format_body (dialog,
                                      _("Someone or something changed “%s” after you opened it. Saving now replaces their changes."),
                                      name);
      adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save-as", _("Save _As…"), "overwrite", _("_Replace"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "overwrite", ADW_RESPONSE_DESTRUCTIVE);
    }
  else if (g_error_matches (error, POLISI_ERROR, POLISI_ERROR_HARD_LINKED))
    {
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (self->parent, _("The File Has Other Names"), NULL));
      adw_message_dialog_format_body (dialog,
                                      _("“%s” has another name in another place as well (a hard link). Saving gives this "
                                        "name a file of its own, and the other keeps the policy as it was."),
                                      name);
      adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save-as", _("Save _As…"), "split", _("Save _Anyway"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "split", ADW_RESPONSE_DESTRUCTIVE);
    }
  else if (g_error_matches (error, POLISI_ERROR, POLISI_ERROR_READ_ONLY))
    {
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (self->parent, _("The File Is Read-Only"), NULL));
      adw_message_dialog_set_body (dialog, error->message);
      adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save-as", _("Save _As…"), NULL);
    }
  else
    {
      polisi_gui_show_error (GTK_WIDGET (self->parent), _("The Policy Could Not Be Saved"), error->message);
      return;
    }

  adw_message_dialog_set_default_response (dialog, "save-as");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_save_refused_response),
                         save_request_new (self, done->file, done->flags, done->close_after),
                         save_request_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  SaveRequest *request = data;
  PolisiSaveFlow *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  /* the window may have gone meanwhile (the flow disposed): the session
   * still finishes, and nothing is said */
  if (!polisi_session_save_finish (POLISI_SESSION (source), result, &error) && self->session != NULL)
    {
      ask_after_refusal (self, request, error);
      save_request_free (request);
      return;
    }
  if (error != NULL || self->session == NULL)
    {
      save_request_free (request);
      return;
    }

  polisi_file_dialogs_remember_file (self->settings, polisi_session_get_file (POLISI_SESSION (source)));
  name = polisi_file_dialogs_display_name (self->session);
  message = g_strdup_printf (_("Saved “%s”"), name);
  emit_toast (self, message);
  if (request->close_after)
    close_later (self);
  save_request_free (request);
}

/* Saves in a worker thread; the window stays free, and Save waits until
 * it has finished (the session's "saving"). */
static void
save_or_report (PolisiSaveFlow  *self,
                GFile           *file,
                PolisiSaveFlags  flags,
                gboolean         close_after)
{
  if (self->session == NULL || polisi_session_get_policy (self->session) == NULL ||
      polisi_session_get_saving (self->session))
    return;

  polisi_session_save_async (self->session, file, flags, NULL, on_saved,
                             save_request_new (self, file, flags, close_after));
}

/**
 * polisi_save_flow_save:
 * @close_after: close the window once saved
 *
 * Saves to the session's file, or asks for one (Save As) when it has
 * none yet.
 */
void
polisi_save_flow_save (PolisiSaveFlow *self,
                       gboolean        close_after)
{
  g_return_if_fail (POLISI_IS_SAVE_FLOW (self));

  if (polisi_session_get_file (self->session) == NULL)
    {
      polisi_save_flow_save_as (self, close_after);
      return;
    }
  save_or_report (self, NULL, POLISI_SAVE_DEFAULT, close_after);
}

static void
on_save_as_response (GtkNativeDialog *chooser,
                     int              response,
                     SaveRequest     *request)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      /* a policy file ends in .polisi, so that it opens in Polisi */
      if (path != NULL && !g_str_has_suffix (path, POLISI_POLICY_SUFFIX))
        {
          g_autofree char *with_suffix = g_strconcat (path, POLISI_POLICY_SUFFIX, NULL);
          g_set_object (&file, g_file_new_for_path (with_suffix));
        }
      save_or_report (request->self, file, POLISI_SAVE_DEFAULT, request->close_after);
    }
  g_object_unref (chooser);
}

void
polisi_save_flow_save_as (PolisiSaveFlow *self,
                          gboolean        close_after)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = polisi_file_dialogs_policy_filter ();
  GFile *file;

  g_return_if_fail (POLISI_IS_SAVE_FLOW (self));

  if (self->parent == NULL || polisi_session_get_policy (self->session) == NULL)
    return;
  name = polisi_file_dialogs_suggested_name (self->session, POLISI_POLICY_SUFFIX);
  file = polisi_session_get_file (self->session);
  chooser = polisi_file_dialogs_new_chooser (self->parent, self->settings, _("Save Policy"),
                                             GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      if (parent != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), parent, NULL);
    }
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_save_as_response),
                         save_request_new (self, NULL, POLISI_SAVE_DEFAULT, close_after),
                         save_request_closure_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * polisi_save_flow_save_to_file:
 *
 * Saves the policy to @file (NULL: the session's) at once, through the
 * session: refused (POLISI_ERROR_CHANGED_ON_DISK, _READ_ONLY,
 * _HARD_LINKED) as polisi_session_save() refuses.
 */
gboolean
polisi_save_flow_save_to_file (PolisiSaveFlow *self,
                               GFile          *file,
                               GError        **error)
{
  g_return_val_if_fail (POLISI_IS_SAVE_FLOW (self), FALSE);
  g_return_val_if_fail (polisi_session_get_policy (self->session) != NULL, FALSE);

  if (!polisi_session_save (self->session, file, POLISI_SAVE_DEFAULT, error))
    return FALSE;
  polisi_file_dialogs_remember_file (self->settings, file != NULL ? file : polisi_session_get_file (self->session));
  return TRUE;
}

static void
polisi_save_flow_dispose (GObject *object)
{
  PolisiSaveFlow *self = (PolisiSaveFlow *) object;

  g_clear_weak_pointer (&self->parent);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (polisi_save_flow_parent_class)->dispose (object);
}

static void
polisi_save_flow_class_init (PolisiSaveFlowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = polisi_save_flow_dispose;

  /**
   * PolisiSaveFlow::toast:
   * @toast: what to tell
   *
   * Something to tell in the window, such as "Saved “NAME”". A handler
   * that shows it takes a reference.
   */
  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, ADW_TYPE_TOAST);
}

static void
polisi_save_flow_init (PolisiSaveFlow *self)
{
}

/**
 * polisi_save_flow_new:
 * @parent: the window the dialogs belong to (not referenced)
 */
PolisiSaveFlow *
polisi_save_flow_new (GtkWindow     *parent,
                      PolisiSession *session,
                      GSettings     *settings)
{
  PolisiSaveFlow *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (POLISI_IS_SESSION (session), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (POLISI_TYPE_SAVE_FLOW, NULL);
  g_set_weak_pointer (&self->parent, parent);
  self->session = g_object_ref (session);
  self->settings = g_object_ref (settings);
  return self;
}
