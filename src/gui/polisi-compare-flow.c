/* polisi-compare-flow.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Compare for the window: with a .polisi file (read in a worker thread,
 * so the window stays free) or with a version the policy's history keeps.
 * A dialog asks what to make of the differences: a summary of changes (PDF
 * or ODT) or the new version with tracked changes (ODT or DOCX); then a
 * file chooser asks where. What each step needs to know travels in a
 * Comparison, shared by the dialog and the chooser; nothing is stored on
 * the widgets. A file written emits ::toast.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "polisi-compare.h"
#include "polisi-compare-flow.h"
#include "polisi-file-dialogs.h"
#include "polisi-gui-utils.h"
#include "polisi-policy-io.h"

struct _PolisiCompareFlow
{
  GObject        parent_instance;

  GtkWindow     *parent;    /* weak */
  PolisiSession *session;
  PolisiContext *context;
  GSettings     *settings;
  PolisiPreview *preview;   /* weak: its layout is the comparison's */
  GCancellable  *cancellable;  /* the earlier version being read */
};

G_DEFINE_FINAL_TYPE (PolisiCompareFlow, polisi_compare_flow, G_TYPE_OBJECT)

enum {
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* One comparison asked for: the earlier version, then what to make. */
typedef struct {
  PolisiCompareFlow *self;
  PolisiPolicy      *old_policy;
  char              *kind;    /* the dialog's answer, once given */
} Comparison;

static Comparison *
comparison_new (PolisiCompareFlow *self,
                PolisiPolicy      *old_policy)
{
  Comparison *comparison = g_rc_box_new0 (Comparison);

  comparison->self = g_object_ref (self);
  comparison->old_policy = g_object_ref (old_policy);
  return comparison;
}

static void
comparison_clear (Comparison *comparison)
{
  g_clear_object (&comparison->self);
  g_clear_object (&comparison->old_policy);
  g_clear_pointer (&comparison->kind, g_free);
}

static void
comparison_unref (gpointer  data,
                  GClosure *closure)
{
  g_rc_box_release_full (data, (GDestroyNotify) comparison_clear);
}

/**
 * polisi_compare_flow_export:
 * @old_policy: the earlier version
 * @tracked: an ODT or DOCX of this version with every difference as a
 *   tracked change; otherwise a summary of changes, clause by clause
 *
 * Writes what changed from @old_policy to the session's policy, in both
 * languages, in the preview's layout (two separate files become columns).
 */
gboolean
polisi_compare_flow_export (PolisiCompareFlow  *self,
                            PolisiPolicy       *old_policy,
                            GFile              *file,
                            PolisiFormat        format,
                            gboolean            tracked,
                            GError            **error)
{
  PolisiLibrary *library;
  PolisiPolicy *policy;
  g_autoptr(PolisiDocument) document = NULL;
  PolisiExportOptions options;
  PolisiLayout layout;
  const char *author;

  g_return_val_if_fail (POLISI_IS_COMPARE_FLOW (self), FALSE);
  g_return_val_if_fail (POLISI_IS_POLICY (old_policy), FALSE);
  g_return_val_if_fail (!tracked || polisi_format_is_editable (format), FALSE);
  policy = polisi_session_get_policy (self->session);
  g_return_val_if_fail (policy != NULL, FALSE);

  library = polisi_context_get_library (self->context);
  layout = self->preview != NULL ? polisi_preview_get_layout (self->preview) : POLISI_LAYOUT_COLUMNS;
  polisi_export_options_init (&options, layout == POLISI_LAYOUT_SEPARATE ? POLISI_LAYOUT_COLUMNS : layout);
  if (tracked)
    {
      document = polisi_compare_tracked (old_policy, policy, library, POLISI_ASSEMBLE_DEFAULT);
      author = g_get_real_name ();
      options.tracked_changes = TRUE;
      options.change_author = author != NULL && author[0] != '\0' && g_strcmp0 (author, "Unknown") != 0 ? author : NULL;
    }
  else
    document = polisi_compare_summary (old_policy, policy, library, POLISI_ASSEMBLE_DEFAULT);

  return polisi_export_to_file (document, format, &options, file, error);
}

/* The format of each answer to "Compare With Version": "tracked" and
 * "summary-odt" are ODT, "tracked-docx" DOCX, "summary-pdf" PDF. */
static PolisiFormat
comparison_format (const char *kind)
{
  if (g_str_equal (kind, "summary-pdf"))
    return POLISI_FORMAT_PDF;
  if (g_str_equal (kind, "tracked-docx"))
    return POLISI_FORMAT_DOCX;
  return POLISI_FORMAT_ODT;
}

static void
show_error (PolisiCompareFlow *self,
            const char        *heading,
            const char        *message)
{
  if (self->parent != NULL)
    polisi_gui_show_error (GTK_WIDGET (self->parent), heading, message);
}

static void
on_comparison_file_response (GtkNativeDialog *chooser,
                             int              response,
                             Comparison      *comparison)
{
  PolisiCompareFlow *self = comparison->self;

  if (response == GTK_RESPONSE_ACCEPT && self->session != NULL && polisi_session_get_policy (self->session) != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (!polisi_compare_flow_export (self, comparison->old_policy, file, comparison_format (comparison->kind),
                                       g_str_has_prefix (comparison->kind, "tracked"), &error))
        show_error (self, _("The Comparison Could Not Be Exported"), error->message);
      else
        {
          g_autoptr(AdwToast) toast = polisi_file_dialogs_exported_toast (file);

          g_signal_emit (self, signals[TOAST], 0, toast);
        }
    }
  g_object_unref (chooser);
}

static void
on_comparison_kind (AdwMessageDialog *dialog,
                    const char       *response,
                    Comparison       *comparison)
{
  PolisiCompareFlow *self = comparison->self;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  PolisiFormat format;

  if (g_str_equal (response, "cancel") || self->parent == NULL || self->session == NULL ||
      polisi_session_get_policy (self->session) == NULL)
    return;

  g_free (comparison->kind);
  comparison->kind = g_strdup (response);
  format = comparison_format (response);
  /* Translators: the end of the name of a file that shows the changes, before .pdf or .odt */
  name = polisi_file_dialogs_suggested_name (self->session,
                                             g_str_equal (response, "tracked") ? _("-tracked-changes.odt") :
                                             g_str_equal (response, "tracked-docx") ? _("-tracked-changes.docx") :
                                             format == POLISI_FORMAT_PDF ? _("-changes.pdf") : _("-changes.odt"));
  gtk_file_filter_set_name (filter, polisi_format_get_description (format));
  gtk_file_filter_add_suffix (filter, polisi_format_get_extension (format) + 1);

  chooser = polisi_file_dialogs_new_chooser (self->parent, self->settings, _("Export the Changes"),
                                             GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_comparison_file_response),
                         g_rc_box_acquire (comparison), comparison_unref, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * polisi_compare_flow_ask:
 * @old_policy: the earlier version, read
 * @old_file: (nullable): its file, to name it
 *
 * Asks what to make of the differences from @old_policy: a summary of
 * changes (PDF or ODT) or tracked changes (ODT or DOCX).
 *
 * Returns: (transfer none) (nullable): the dialog, presented
 */
GtkWidget *
polisi_compare_flow_ask (PolisiCompareFlow *self,
                         PolisiPolicy      *old_policy,
                         GFile             *old_file)
{
  GtkWidget *dialog;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *name = old_file != NULL ? g_file_get_basename (old_file) : NULL;
  const char *version;

  g_return_val_if_fail (POLISI_IS_COMPARE_FLOW (self), NULL);
  g_return_val_if_fail (POLISI_IS_POLICY (old_policy), NULL);

  if (self->parent == NULL)
    return NULL;
  version = polisi_policy_get_version (old_policy);
  heading = g_strdup_printf (_("Compare With Version %s"), version != NULL ? version : "?");
  body = g_strdup_printf (_("Polisi can make a summary of the changes from “%s” to this version, clause by clause "
                            "in both languages, with new words underlined and removed words struck through; or this "
                            "version as an ODT or DOCX with every difference as a tracked change, to accept or reject in "
                            "LibreOffice or Word."), name != NULL ? name : version);
  dialog = adw_message_dialog_new (self->parent, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "tracked", _("_Tracked Changes (ODT)"),
                                    "tracked-docx", _("Tracked Changes (_DOCX)"),
                                    "summary-odt", _("Summary (_ODT)"),
                                    "summary-pdf", _("Summary (_PDF)"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "summary-pdf", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "summary-pdf");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_comparison_kind),
                         comparison_new (self, old_policy), comparison_unref, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
load_in_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  PolisiPolicy *policy = polisi_policy_load (data, &error);

  if (policy == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, policy, g_object_unref);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  PolisiCompareFlow *self = POLISI_COMPARE_FLOW (source);
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiPolicy) old_policy = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->session == NULL)
    return;
  g_clear_object (&self->cancellable);
  if (polisi_session_get_policy (self->session) == NULL)
    return;
  if (old_policy == NULL)
    show_error (self, _("The Earlier Version Could Not Be Opened"), error->message);
  else
    polisi_compare_flow_ask (self, old_policy, file);
}

/**
 * polisi_compare_flow_open_file:
 *
 * Reads the earlier version in @file in a worker thread, then asks what
 * to make of the differences. A file that cannot be read is explained.
 */
void
polisi_compare_flow_open_file (PolisiCompareFlow *self,
                               GFile             *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (POLISI_IS_COMPARE_FLOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, g_cancellable_new ());
  task = g_task_new (self, self->cancellable, on_loaded, NULL);
  g_task_set_source_tag (task, polisi_compare_flow_open_file);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_in_thread);
}

static void
on_compare_open_response (GtkNativeDialog   *chooser,
                          int                response,
                          PolisiCompareFlow *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->session != NULL && polisi_session_get_policy (self->session) != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      polisi_compare_flow_open_file (self, file);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

/* Asks for the earlier version's file. */
void
polisi_compare_flow_choose_file (PolisiCompareFlow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = polisi_file_dialogs_policy_filter ();

  g_return_if_fail (POLISI_IS_COMPARE_FLOW (self));

  if (self->parent == NULL || polisi_session_get_policy (self->session) == NULL)
    return;
  chooser = polisi_file_dialogs_new_chooser (self->parent, self->settings, _("Choose the Earlier Version"),
                                             GTK_FILE_CHOOSER_ACTION_OPEN, _("C_ompare"), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_compare_open_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* From a row of the version history: that version, as the file keeps it. */
void
polisi_compare_flow_with_version (PolisiCompareFlow *self,
                                  const char        *version)
{
  g_autoptr(PolisiPolicy) old_policy = NULL;
  g_autoptr(GError) error = NULL;
  PolisiPolicy *policy;

  g_return_if_fail (POLISI_IS_COMPARE_FLOW (self));

  policy = polisi_session_get_policy (self->session);
  if (policy == NULL)
    return;
  old_policy = polisi_policy_dup_version_text (policy, version, &error);
  if (old_policy == NULL)
    show_error (self, _("The Earlier Version Could Not Be Opened"), error->message);
  else
    polisi_compare_flow_ask (self, old_policy, NULL);
}

static void
polisi_compare_flow_dispose (GObject *object)
{
  PolisiCompareFlow *self = (PolisiCompareFlow *) object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->parent);
  g_clear_weak_pointer (&self->preview);
  g_clear_object (&self->session);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (polisi_compare_flow_parent_class)->dispose (object);
}

static void
polisi_compare_flow_class_init (PolisiCompareFlowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = polisi_compare_flow_dispose;

  /**
   * PolisiCompareFlow::toast:
   * @toast: "Exported “NAME”", with a button that opens it
   *
   * A handler that shows it takes a reference.
   */
  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, ADW_TYPE_TOAST);
}

static void
polisi_compare_flow_init (PolisiCompareFlow *self)
{
}

/**
 * polisi_compare_flow_new:
 * @parent: the window the dialogs belong to (not referenced)
 * @preview: the preview whose layout comparisons take (not referenced)
 */
PolisiCompareFlow *
polisi_compare_flow_new (GtkWindow     *parent,
                         PolisiSession *session,
                         PolisiContext *context,
                         GSettings     *settings,
                         PolisiPreview *preview)
{
  PolisiCompareFlow *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (POLISI_IS_SESSION (session), NULL);
  g_return_val_if_fail (POLISI_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (POLISI_IS_PREVIEW (preview), NULL);

  self = g_object_new (POLISI_TYPE_COMPARE_FLOW, NULL);
  g_set_weak_pointer (&self->parent, parent);
  g_set_weak_pointer (&self->preview, preview);
  self->session = g_object_ref (session);
  self->context = g_object_ref (context);
  self->settings = g_object_ref (settings);
  return self;
}
