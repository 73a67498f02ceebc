/* polisi-import-flow.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Import Comments for the window: a file chooser for a returned draft
 * (ODT or DOCX), the import itself (src/import), and what is said after:
 * ::imported (the window shows the consultation step), a dialog for
 * comments in no clause and changes that could not be placed, and a toast
 * with the count. A draft of an earlier version is imported only when the
 * user says so; the file travels with that question in an EarlierVersion,
 * not on the dialog.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "polisi-file-dialogs.h"
#include "polisi-gui-utils.h"
#include "polisi-import-flow.h"

struct _PolisiImportFlow
{
  GObject        parent_instance;

  GtkWindow     *parent;    /* weak */
  PolisiSession *session;
  PolisiContext *context;
  GSettings     *settings;
};

G_DEFINE_FINAL_TYPE (PolisiImportFlow, polisi_import_flow, G_TYPE_OBJECT)

enum {
  IMPORTED,
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (PolisiImportFlow *self,
            const char       *heading,
            const char       *message)
{
  if (self->parent != NULL)
    polisi_gui_show_error (GTK_WIDGET (self->parent), heading, message);
}

static void
emit_toast (PolisiImportFlow *self,
            const char       *title)
{
  g_autoptr(AdwToast) toast = adw_toast_new (title);

  g_signal_emit (self, signals[TOAST], 0, toast);
}

/* What the user should look at: comments kept on the whole policy, and
 * tracked changes that found no clause. */
static void
tell_notes (PolisiImportFlow     *self,
            PolisiReturnedImport *result)
{
  g_autoptr(GString) notes = g_string_new (NULL);

  if (result->n_general > 0)
    {
      g_string_append (notes, g_dngettext (GETTEXT_PACKAGE,
                                           "One comment is not in a clause. It is kept as a comment on the whole "
                                           "policy. It was beside:",
                                           "Some comments are not in a clause. They are kept as comments on the whole "
                                           "policy. They were beside:",
                                           result->n_general));
      for (guint i = 0; result->general != NULL && i < result->general->len && i < 10; i++)
        {
          const PolisiReturnedComment *comment = result->general->pdata[i];

          g_string_append_printf (notes, "\n• %s", comment->place != NULL && comment->place[0] != '\0' ? comment->place : "—");
        }
    }
  if (result->unplaced->len > 0)
    {
      if (notes->len > 0)
        g_string_append (notes, "\n\n");
      g_string_append (notes, _("Some tracked changes could not be placed on a clause; make them by hand if you "
                                "agree with them:"));
      for (guint i = 0; i < result->unplaced->len && i < 10; i++)
        g_string_append_printf (notes, "\n• %s", (const char *) result->unplaced->pdata[i]);
    }
  if (notes->len > 0)
    show_error (self, _("Some of the Draft Needs Your Attention"), notes->str);
}

static char *
count_title (PolisiReturnedImport *result,
             const char           *name)
{
  guint added = result->n_anchored + result->n_table_rows;

  if (added == 0 && result->n_duplicates > 0)
    return g_strdup_printf (_("No new comments: those in “%s” were imported before"), name);
  if (added == 0 && result->n_insertions + result->n_deletions > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u proposed change imported", "%u proposed changes imported",
                                         result->n_insertions + result->n_deletions),
                            result->n_insertions + result->n_deletions);
  if (added == 0)
    return g_strdup_printf (_("No comments imported from “%s”"), name);
  if (result->n_duplicates > 0)
    /* Translators: "3 comments imported; 2 were there already" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u comment imported; %u were there already",
                                         "%u comments imported; %u were there already", added),
                            added, result->n_duplicates);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u comment imported", "%u comments imported", added),
                          added);
}

/**
 * polisi_import_flow_import:
 * @file: a consultation draft that came back, as ODT or DOCX
 * @flags: %POLISI_RETURNED_IMPORT_EARLIER_VERSION to take a draft of an
 *   earlier version
 * @n_added: (out) (optional): how many comments were new
 *
 * Reads the comments and the filled rows of the comments table, attaches
 * each to its clause, and emits ::imported. Comments in no clause are kept
 * as comments on the whole policy, and a dialog says where they were. A
 * file that cannot be read, or is refused, changes nothing.
 */
gboolean
polisi_import_flow_import (PolisiImportFlow           *self,
                           GFile                      *file,
                           PolisiReturnedImportFlags   flags,
                           guint                      *n_added,
                           GError                    **error)
{
  PolisiReturnedImport result = { 0 };
  PolisiPolicy *policy;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (POLISI_IS_IMPORT_FLOW (self), FALSE);
  policy = polisi_session_get_policy (self->session);
  g_return_val_if_fail (policy != NULL, FALSE);

  if (!polisi_returned_draft_import (policy, polisi_context_get_library (self->context), file, flags, &result, error))
    return FALSE;
  if (n_added != NULL)
    *n_added = result.n_anchored + result.n_table_rows;

  g_signal_emit (self, signals[IMPORTED], 0);
  tell_notes (self, &result);
  name = g_file_get_basename (file);
  title = count_title (&result, name);
  emit_toast (self, title);

  polisi_returned_import_clear (&result);
  return TRUE;
}

/* The question about a draft of an earlier version, and its file. */
typedef struct {
  PolisiImportFlow *self;
  GFile            *file;
} EarlierVersion;

static void
earlier_version_free (gpointer  data,
                      GClosure *closure)
{
  EarlierVersion *question = data;

  g_clear_object (&question->self);
  g_clear_object (&question->file);
  g_free (question);
}

static void
on_earlier_version_response (AdwMessageDialog *dialog,
                             const char       *response,
                             EarlierVersion   *question)
{
  PolisiImportFlow *self = question->self;

  if (g_strcmp0 (response, "import") == 0 && self->session != NULL && polisi_session_get_policy (self->session) != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!polisi_import_flow_import (self, question->file, POLISI_RETURNED_IMPORT_EARLIER_VERSION, NULL, &error))
        show_error (self, _("The Comments Could Not Be Imported"), error->message);
    }
}

/**
 * polisi_import_flow_ask_earlier_version:
 * @message: what the import said of the draft's version
 *
 * Asks whether to import a draft of an earlier version all the same.
 *
 * Returns: (transfer none) (nullable): the dialog
 */
GtkWidget *
polisi_import_flow_ask_earlier_version (PolisiImportFlow *self,
                                        GFile            *file,
                                        const char       *message)
{
  GtkWidget *dialog;
  EarlierVersion *question;

  g_return_val_if_fail (POLISI_IS_IMPORT_FLOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (self->parent == NULL)
    return NULL;
  dialog = adw_message_dialog_new (self->parent, _("Import Comments on an Earlier Version?"), message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import Them"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  question = g_new0 (EarlierVersion, 1);
  question->self = g_object_ref (self);
  question->file = g_object_ref (file);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_earlier_version_response), question,
                         earlier_version_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/**
 * polisi_import_flow_import_or_ask:
 *
 * Imports @file as a draft of this version; a draft of an earlier one is
 * asked about, and any other refusal explained.
 */
void
polisi_import_flow_import_or_ask (PolisiImportFlow *self,
                                  GFile            *file)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (POLISI_IS_IMPORT_FLOW (self));

  if (self->session == NULL || polisi_session_get_policy (self->session) == NULL ||
      polisi_import_flow_import (self, file, POLISI_RETURNED_IMPORT_DEFAULT, NULL, &error))
    return;
  if (g_error_matches (error, POLISI_IMPORT_ERROR, POLISI_IMPORT_ERROR_EARLIER_VERSION))
    polisi_import_flow_ask_earlier_version (self, file, error->message);
  else if (g_error_matches (error, POLISI_IMPORT_ERROR, POLISI_IMPORT_ERROR_NOTHING_RETURNED))
    show_error (self, _("Nothing Came Back in This Draft"), error->message);
  else
    show_error (self, _("The Comments Could Not Be Imported"), error->message);
}

static void
on_import_comments_response (GtkNativeDialog  *chooser,
                             int               response,
                             PolisiImportFlow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      polisi_import_flow_import_or_ask (self, file);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

void
polisi_import_flow_choose_file (PolisiImportFlow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (POLISI_IS_IMPORT_FLOW (self));

  if (self->parent == NULL || polisi_session_get_policy (self->session) == NULL)
    return;
  gtk_file_filter_set_name (filter, _("Returned drafts (ODT, DOCX)"));
  gtk_file_filter_add_mime_type (filter, "application/vnd.oasis.opendocument.text");
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  gtk_file_filter_add_suffix (filter, "odt");
  gtk_file_filter_add_suffix (filter, "docx");
  chooser = polisi_file_dialogs_new_chooser (self->parent, self->settings, _("Import Comments From a Returned Draft"),
                                             GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_comments_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
polisi_import_flow_dispose (GObject *object)
{
  PolisiImportFlow *self = (PolisiImportFlow *) object;

  g_clear_weak_pointer (&self->parent);
  g_clear_object (&self->session);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (polisi_import_flow_parent_class)->dispose (object);
}

static void
polisi_import_flow_class_init (PolisiImportFlowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = polisi_import_flow_dispose;

  /**
   * PolisiImportFlow::imported:
   *
   * Comments or proposed changes were taken into the policy: the window
   * shows them (the consultation step), before anything else is said.
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 0);
  /**
   * PolisiImportFlow::toast:
   * @toast: how many comments were imported
   *
   * A handler that shows it takes a reference.
   */
  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, ADW_TYPE_TOAST);
}

static void
polisi_import_flow_init (PolisiImportFlow *self)
{
}

/**
 * polisi_import_flow_new:
 * @parent: the window the dialogs belong to (not referenced)
 */
PolisiImportFlow *
polisi_import_flow_new (GtkWindow     *parent,
                        PolisiSession *session,
                        PolisiContext *context,
                        GSettings     *settings)
{
  PolisiImportFlow *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (POLISI_IS_SESSION (session), NULL);
  g_return_val_if_fail (POLISI_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (POLISI_TYPE_IMPORT_FLOW, NULL);
  g_set_weak_pointer (&self->parent, parent);
  self->session = g_object_ref (session);
  self->context = g_object_ref (context);
  self->settings = g_object_ref (settings);
  return self;
}
