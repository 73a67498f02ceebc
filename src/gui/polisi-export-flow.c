/* polisi-export-flow.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export and print for the window. The flow holds the export choices
 * (format, layout, final, English first) as properties, their one home:
 * the finish page shows them, its rows bound to these
 * (polisi_finish_page_set_export_flow()), and both Export and Print read
 * them here, whether or not the finish page was ever built. The choices start from
 * the preferences (the default format and layout; "automatic" takes the
 * school's language category) each time a policy is shown.
 *
 * Two separate files are written by polisi_export_to_separate_files(), as
 * the command line writes them. A file written emits ::toast.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "polisi-assembler.h"
#include "polisi-export-flow.h"
#include "polisi-file-dialogs.h"
#include "polisi-gui-utils.h"
#include "polisi-print-operation.h"

struct _PolisiExportFlow
{
  GObject        parent_instance;

  GtkWindow     *parent;    /* weak */
  PolisiSession *session;
  PolisiContext *context;
  GSettings     *settings;
  GFile         *last_export;

  PolisiFormat   format;
  PolisiLayout   layout;
  gboolean       final;
  gboolean       english_first;
};

G_DEFINE_FINAL_TYPE (PolisiExportFlow, polisi_export_flow, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FORMAT,
  PROP_LAYOUT,
  PROP_FINAL,
  PROP_ENGLISH_FIRST,
  PROP_LAST_EXPORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_format (PolisiExportFlow *self,
            PolisiFormat      format)
{
  if (self->format == format)
    return;
  self->format = format;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMAT]);
}

static void
set_layout (PolisiExportFlow *self,
            PolisiLayout      layout)
{
  if (self->layout == layout)
    return;
  self->layout = layout;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
}

static void
set_boolean (PolisiExportFlow *self,
             gboolean         *field,
             gboolean          value,
             guint             prop_id)
{
  if (*field == !!value)
    return;
  *field = !!value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/**
 * polisi_export_flow_reset_choices:
 *
 * The choices as the preferences give them for the session's policy: the
 * default format, and the default layout ("automatic": the one the
 * school's language category suggests); not final, Welsh first.
 */
void
polisi_export_flow_reset_choices (PolisiExportFlow *self)
{
  PolisiPolicy *policy;
  PolisiLayout layout;

  g_return_if_fail (POLISI_IS_EXPORT_FLOW (self));

  policy = polisi_session_get_policy (self->session);
  layout = g_settings_get_enum (self->settings, "default-layout");
  if (layout > POLISI_LAYOUT_SEPARATE)
    layout = policy != NULL ? polisi_language_category_get_default_layout (polisi_policy_get_language_category (policy)) :
                              POLISI_LAYOUT_COLUMNS;
  g_object_freeze_notify (G_OBJECT (self));
  /* the GSettings enum has PolisiFormat's values */
  set_format (self, MIN ((guint) g_settings_get_enum (self->settings, "default-format"), N_POLISI_FORMATS - 1));
  set_layout (self, layout);
  set_boolean (self, &self->final, FALSE, PROP_FINAL);
  set_boolean (self, &self->english_first, FALSE, PROP_ENGLISH_FIRST);
  g_object_thaw_notify (G_OBJECT (self));
}

PolisiFormat
polisi_export_flow_get_format (PolisiExportFlow *self)
{
  g_return_val_if_fail (POLISI_IS_EXPORT_FLOW (self), POLISI_FORMAT_PDF);
  return self->format;
}

PolisiLayout
polisi_export_flow_get_layout (PolisiExportFlow *self)
{
  g_return_val_if_fail (POLISI_IS_EXPORT_FLOW (self), POLISI_LAYOUT_COLUMNS);
  return self->layout;
}

gboolean
polisi_export_flow_get_final (PolisiExportFlow *self)
{
  g_return_val_if_fail (POLISI_IS_EXPORT_FLOW (self), FALSE);
  return self->final;
}

/* English first, where the layout has an order (columns, back to back). */
gboolean
polisi_export_flow_get_english_first (PolisiExportFlow *self)
{
  g_return_val_if_fail (POLISI_IS_EXPORT_FLOW (self), FALSE);
  return self->english_first && (self->layout == POLISI_LAYOUT_COLUMNS || self->layout == POLISI_LAYOUT_SEQUENTIAL);
}

/**
 * polisi_export_flow_get_last_export:
 *
 * Returns: (transfer none) (nullable): the file last written (the Welsh
 *   one of two separate files)
 */
GFile *
polisi_export_flow_get_last_export (PolisiExportFlow *self)
{
  g_return_val_if_fail (POLISI_IS_EXPORT_FLOW (self), NULL);
  return self->last_export;
}

static void
set_last_export (PolisiExportFlow *self,
                 GFile            *file)
{
  if (g_set_object (&self->last_export, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_EXPORT]);
}

static PolisiDocument *
assemble (PolisiExportFlow *self,
          gboolean          final)
{
  return polisi_assemble (polisi_session_get_policy (self->session), polisi_context_get_library (self->context),
                          final ? POLISI_ASSEMBLE_FINAL : POLISI_ASSEMBLE_DEFAULT);
}

/**
 * polisi_export_flow_assemble_for_print:
 * @options: (out caller-allocates): the options to draw the pages with
 *
 * The document and options printing uses: the export choices, two
 * separate files printed back to back.
 *
 * Returns: (transfer full): the document
 */
PolisiDocument *
polisi_export_flow_assemble_for_print (PolisiExportFlow    *self,
                                       PolisiExportOptions *options)
{
  g_return_val_if_fail (POLISI_IS_EXPORT_FLOW (self), NULL);
  g_return_val_if_fail (polisi_session_get_policy (self->session) != NULL, NULL);

  polisi_export_options_init (options, self->layout == POLISI_LAYOUT_SEPARATE ? POLISI_LAYOUT_SEQUENTIAL : self->layout);
  options->english_first = polisi_export_flow_get_english_first (self);
  return assemble (self, self->final);
}

/**
 * polisi_export_flow_export_to_file:
 *
 * Exports the policy. For two separate files, @file names them both:
 * "policy.pdf" becomes "policy-cy.pdf" and "policy-en.pdf".
 */
gboolean
polisi_export_flow_export_to_file (PolisiExportFlow  *self,
                                   GFile             *file,
                                   PolisiFormat       format,
                                   PolisiLayout       layout,
                                   gboolean           final,
                                   gboolean           english_first,
                                   GError           **error)
{
  g_autoptr(PolisiDocument) document = NULL;
  PolisiExportOptions options;

  g_return_val_if_fail (POLISI_IS_EXPORT_FLOW (self), FALSE);
  g_return_val_if_fail (polisi_session_get_policy (self->session) != NULL, FALSE);

  document = assemble (self, final);
  layout = polisi_format_get_layout (format, layout);
  if (layout == POLISI_LAYOUT_SEPARATE)
    {
      GFile *written[POLISI_N_LANGS] = { NULL, NULL };

      polisi_export_options_init (&options, POLISI_LAYOUT_CY);
      options.english_first = english_first;
      if (!polisi_export_to_separate_files (document, format, &options, file, written, error))
        return FALSE;
      set_last_export (self, written[POLISI_LANG_CY]);
      g_object_unref (written[POLISI_LANG_CY]);
      g_object_unref (written[POLISI_LANG_EN]);
      return TRUE;
    }

  polisi_export_options_init (&options, layout);
  options.english_first = english_first;
  if (!polisi_export_to_file (document, format, &options, file, error))
    return FALSE;
  set_last_export (self, file);
  return TRUE;
}

static void
on_export_response (GtkNativeDialog  *chooser,
                    int               response,
                    PolisiExportFlow *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->session != NULL && polisi_session_get_policy (self->session) != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (!polisi_export_flow_export_to_file (self, file, self->format, self->layout, self->final,
                                              polisi_export_flow_get_english_first (self), &error))
        {
          if (self->parent != NULL)
            polisi_gui_show_error (GTK_WIDGET (self->parent), _("The Policy Could Not Be Exported"), error->message);
        }
      else
        {
          g_autoptr(AdwToast) toast = polisi_file_dialogs_exported_toast (self->last_export);

          g_signal_emit (self, signals[TOAST], 0, toast);
          polisi_file_dialogs_remember_folder (self->settings, file);
        }
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

/**
 * polisi_export_flow_choose_file:
 *
 * Asks where to export, in the format chosen, and exports there.
 */
void
polisi_export_flow_choose_file (PolisiExportFlow *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (POLISI_IS_EXPORT_FLOW (self));

  if (self->parent == NULL || polisi_session_get_policy (self->session) == NULL)
    return;
  name = polisi_file_dialogs_suggested_name (self->session, polisi_format_get_extension (self->format));
  gtk_file_filter_set_name (filter, polisi_format_get_description (self->format));
  gtk_file_filter_add_suffix (filter, polisi_format_get_name (self->format));
  chooser = polisi_file_dialogs_new_chooser (self->parent, self->settings, _("Export Policy"),
                                             GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * polisi_export_flow_print:
 *
 * Prints the pages the PDF would have, with the export choices.
 */
void
polisi_export_flow_print (PolisiExportFlow *self)
{
  g_autoptr(PolisiDocument) document = NULL;
  g_autoptr(PolisiPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  PolisiExportOptions options;
  GtkPrintOperationResult result;

  g_return_if_fail (POLISI_IS_EXPORT_FLOW (self));

  if (self->parent == NULL || polisi_session_get_policy (self->session) == NULL)
    return;
  document = polisi_export_flow_assemble_for_print (self, &options);
  operation = polisi_print_operation_new (document, &options);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    self->parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    polisi_gui_show_error (GTK_WIDGET (self->parent), _("The Policy Could Not Be Printed"), error->message);
}

static void
polisi_export_flow_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PolisiExportFlow *self = POLISI_EXPORT_FLOW (object);

  switch (prop_id)
    {
    case PROP_FORMAT:
      g_value_set_uint (value, self->format);
      break;
    case PROP_LAYOUT:
      g_value_set_enum (value, self->layout);
      break;
    case PROP_FINAL:
      g_value_set_boolean (value, self->final);
      break;
    case PROP_ENGLISH_FIRST:
      g_value_set_boolean (value, self->english_first);
      break;
    case PROP_LAST_EXPORT:
      g_value_set_object (value, self->last_export);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
polisi_export_flow_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PolisiExportFlow *self = POLISI_EXPORT_FLOW (object);

  switch (prop_id)
    {
    case PROP_FORMAT:
      set_format (self, g_value_get_uint (value));
      break;
    case PROP_LAYOUT:
      set_layout (self, g_value_get_enum (value));
      break;
    case PROP_FINAL:
      set_boolean (self, &self->final, g_value_get_boolean (value), PROP_FINAL);
      break;
    case PROP_ENGLISH_FIRST:
      set_boolean (self, &self->english_first, g_value_get_boolean (value), PROP_ENGLISH_FIRST);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
polisi_export_flow_dispose (GObject *object)
{
  PolisiExportFlow *self = (PolisiExportFlow *) object;

  g_clear_weak_pointer (&self->parent);
  g_clear_object (&self->session);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_clear_object (&self->last_export);

  G_OBJECT_CLASS (polisi_export_flow_parent_class)->dispose (object);
}

static void
polisi_export_flow_class_init (PolisiExportFlowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = polisi_export_flow_dispose;
  object_class->get_property = polisi_export_flow_get_property;
  object_class->set_property = polisi_export_flow_set_property;

  /* PolisiFormat's values */
  properties[PROP_FORMAT] =
    g_param_spec_uint ("format", NULL, NULL, 0, N_POLISI_FORMATS - 1, POLISI_FORMAT_PDF,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAYOUT] =
    g_param_spec_enum ("layout", NULL, NULL, POLISI_TYPE_LAYOUT, POLISI_LAYOUT_COLUMNS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FINAL] =
    g_param_spec_boolean ("final", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENGLISH_FIRST] =
    g_param_spec_boolean ("english-first", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_EXPORT] =
    g_param_spec_object ("last-export", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PolisiExportFlow::toast:
   * @toast: "Exported “NAME”", with a button that opens it
   *
   * A handler that shows it takes a reference.
   */
  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, ADW_TYPE_TOAST);
}

static void
polisi_export_flow_init (PolisiExportFlow *self)
{
  self->format = POLISI_FORMAT_PDF;
  self->layout = POLISI_LAYOUT_COLUMNS;
}

/**
 * polisi_export_flow_new:
 * @parent: the window the dialogs belong to (not referenced)
 */
PolisiExportFlow *
polisi_export_flow_new (GtkWindow     *parent,
                        PolisiSession *session,
                        PolisiContext *context,
                        GSettings     *settings)
{
  PolisiExportFlow *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (POLISI_IS_SESSION (session), NULL);
  g_return_val_if_fail (POLISI_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (POLISI_TYPE_EXPORT_FLOW, NULL);
  g_set_weak_pointer (&self->parent, parent);
  self->session = g_object_ref (session);
  self->context = g_object_ref (context);
  self->settings = g_object_ref (settings);
  polisi_export_flow_reset_choices (self);
  return self;
}
