/* polisi-finish-page.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The last step lists the checker's findings, each a link to the place to
 * fix it (the page emits ::go-to), and shows the export choices. The
 * choices are the export flow's (PolisiExportFlow's properties format,
 * layout, final, english-first), their one home, which Export and Print
 * read whether or not this page was ever built: the page's rows and
 * switches are bound to the flow it is given
 * (polisi_finish_page_set_export_flow()).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "polisi-checker.h"
#include "polisi-finish-page.h"

struct _PolisiFinishPage
{
  GtkWidget            parent_instance;

  GPtrArray           *targets;   /* per row: Target */
  PolisiExportFlow    *flow;      /* the export choices shown */
  GBinding            *bindings[4];

  AdwPreferencesGroup *findings_group;
  GtkListBox          *findings_list;
  AdwComboRow         *format_row;
  AdwComboRow         *layout_row;
  AdwActionRow        *english_first_row;
  GtkSwitch           *english_first_switch;
  GtkSwitch           *final_switch;
};

typedef struct {
  char *clause_id;
  char *placeholder;
  int   lang;
  int   kind;
} Target;

G_DEFINE_FINAL_TYPE (PolisiFinishPage, polisi_finish_page, GTK_TYPE_WIDGET)

enum {
  GO_TO,
  N_SIGNALS
};

static guint signals[N_SIGNALS];


static void
target_free (gpointer data)
{
  Target *target = data;

  g_free (target->clause_id);
  g_free (target->placeholder);
  g_free (target);
}

static void
on_finding_activated (PolisiFinishPage *self,
                      GtkListBoxRow    *row)
{
  int index = gtk_list_box_row_get_index (row);
  Target *target;

  if (index < 0 || (guint) index >= self->targets->len)
    return;
  target = self->targets->pdata[index];
  g_signal_emit (self, signals[GO_TO], 0, target->clause_id, target->placeholder, target->lang, target->kind);
}

/* English first only where the layout has an order */
static void
on_layout_selected (PolisiFinishPage *self)
{
  PolisiLayout layout = adw_combo_row_get_selected (self->layout_row);

  gtk_widget_set_visible (GTK_WIDGET (self->english_first_row),
                          layout == POLISI_LAYOUT_COLUMNS || layout == POLISI_LAYOUT_SEQUENTIAL);
}

static void
polisi_finish_page_dispose (GObject *object)
{
  PolisiFinishPage *self = (PolisiFinishPage *) object;

  /* the bindings go before the rows they bind */
  polisi_finish_page_set_export_flow (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), POLISI_TYPE_FINISH_PAGE);
  /* the template's top box has no name, so it is unparented here */
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_pointer (&self->targets, g_ptr_array_unref);

  G_OBJECT_CLASS (polisi_finish_page_parent_class)->dispose (object);
}

static void
polisi_finish_page_class_init (PolisiFinishPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = polisi_finish_page_dispose;

  /**
   * PolisiFinishPage::go-to:
   * @clause_id: (nullable): the clause to show
   * @placeholder: (nullable): the answer to show
   * @lang: the language concerned, or -1
   * @kind: the PolisiFindingKind
   */
  signals[GO_TO] = g_signal_new ("go-to", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 4, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/polisi/Polisi/ui/polisi-finish-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PolisiFinishPage, findings_group);
  gtk_widget_class_bind_template_child (widget_class, PolisiFinishPage, findings_list);
  gtk_widget_class_bind_template_child (widget_class, PolisiFinishPage, format_row);
  gtk_widget_class_bind_template_child (widget_class, PolisiFinishPage, layout_row);
  gtk_widget_class_bind_template_child (widget_class, PolisiFinishPage, english_first_row);
  gtk_widget_class_bind_template_child (widget_class, PolisiFinishPage, english_first_switch);
  gtk_widget_class_bind_template_child (widget_class, PolisiFinishPage, final_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_finding_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_layout_selected);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
polisi_finish_page_init (PolisiFinishPage *self)
{
  g_autoptr(GtkStringList) layouts = gtk_string_list_new (NULL);

  self->targets = g_ptr_array_new_with_free_func (target_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  for (PolisiLayout layout = POLISI_LAYOUT_CY; layout <= POLISI_LAYOUT_SEPARATE; layout++)
    gtk_string_list_append (layouts, polisi_layout_get_label (layout));
  adw_combo_row_set_model (self->layout_row, G_LIST_MODEL (layouts));
  adw_combo_row_set_selected (self->layout_row, POLISI_LAYOUT_COLUMNS);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->english_first_switch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("English first"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->final_switch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Final version, without the draft watermark"), -1);
}

PolisiFinishPage *
polisi_finish_page_new (void)
{
  return g_object_new (POLISI_TYPE_FINISH_PAGE, NULL);
}

static const char *
severity_icon (PolisiSeverity severity)
{
  switch (severity)
    {
    case POLISI_SEVERITY_ERROR:
      return "dialog-error-symbolic";
    case POLISI_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case POLISI_SEVERITY_INFO:
    default:
      return "dialog-information-symbolic";
    }
}

void
polisi_finish_page_set_findings (PolisiFinishPage *self,
                                 GPtrArray        *findings,
                                 PolisiLibrary    *library)
{
  GtkWidget *child;
  guint errors;

  g_return_if_fail (POLISI_IS_FINISH_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->findings_list))) != NULL)
    gtk_list_box_remove (self->findings_list, child);
  g_ptr_array_set_size (self->targets, 0);

  for (guint i = 0; i < findings->len; i++)
    {
      PolisiFinding *finding = findings->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (severity_icon (finding->severity));
      Target *target = g_new0 (Target, 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), finding->message);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_add_css_class (icon, finding->severity == POLISI_SEVERITY_ERROR ? "error" :
                                      finding->severity == POLISI_SEVERITY_WARNING ? "warning" : "dim-label");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      /* Translators: how much a finding of the checker matters */
                                      finding->severity == POLISI_SEVERITY_ERROR ? _("Must be fixed") :
                                      finding->severity == POLISI_SEVERITY_WARNING ? _("To check") : _("For information"),
                                      -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->findings_list, row);

      target->clause_id = g_strdup (finding->clause_id);
      target->placeholder = g_strdup (finding->placeholder);
      target->lang = finding->lang;
      target->kind = finding->kind;
      g_ptr_array_add (self->targets, target);
    }

  errors = polisi_check_count (findings, POLISI_SEVERITY_ERROR);
  if (findings->len == 0)
    adw_preferences_group_set_description (self->findings_group, _("Nothing to fix: the policy is complete."));
  else if (errors == 0)
    adw_preferences_group_set_description (self->findings_group, _("Nothing must be fixed. Look at the points below."));
  else
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u thing must be fixed before the policy is issued. Select a row to go there.",
                                                            "%u things must be fixed before the policy is issued. Select a row to go there.",
                                                            errors), errors);
      adw_preferences_group_set_description (self->findings_group, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->findings_list), findings->len > 0);
}

guint
polisi_finish_page_get_n_rows (PolisiFinishPage *self)
{
  g_return_val_if_fail (POLISI_IS_FINISH_PAGE (self), 0);
  return self->targets->len;
}

/* Follows the link of row @index, as a click would. */
void
polisi_finish_page_activate_row (PolisiFinishPage *self,
                                 guint             index)
{
  GtkListBoxRow *row;

  g_return_if_fail (POLISI_IS_FINISH_PAGE (self));

  row = gtk_list_box_get_row_at_index (self->findings_list, index);
  if (row != NULL)
    on_finding_activated (self, row);
}

/* The format of each row of the format list, in the list's order. */
static const PolisiFormat format_rows[] = {
  POLISI_FORMAT_ODT,
  POLISI_FORMAT_PDF,
  POLISI_FORMAT_DOCX,
  POLISI_FORMAT_HTML,
};

PolisiFormat
polisi_finish_page_get_format (PolisiFinishPage *self)
{
  guint selected;

  g_return_val_if_fail (POLISI_IS_FINISH_PAGE (self), POLISI_FORMAT_PDF);
  selected = adw_combo_row_get_selected (self->format_row);
  return selected < G_N_ELEMENTS (format_rows) ? format_rows[selected] : POLISI_FORMAT_PDF;
}

void
polisi_finish_page_set_format (PolisiFinishPage *self,
                               PolisiFormat      format)
{
  g_return_if_fail (POLISI_IS_FINISH_PAGE (self));
  g_return_if_fail (format < N_POLISI_FORMATS);
  for (guint i = 0; i < G_N_ELEMENTS (format_rows); i++)
    if (format_rows[i] == format)
      adw_combo_row_set_selected (self->format_row, i);
}

PolisiLayout
polisi_finish_page_get_layout (PolisiFinishPage *self)
{
  g_return_val_if_fail (POLISI_IS_FINISH_PAGE (self), POLISI_LAYOUT_COLUMNS);
  return adw_combo_row_get_selected (self->layout_row);
}

void
polisi_finish_page_set_layout (PolisiFinishPage *self,
                               PolisiLayout      layout)
{
  g_return_if_fail (POLISI_IS_FINISH_PAGE (self));
  adw_combo_row_set_selected (self->layout_row, layout);
}

gboolean
polisi_finish_page_get_final (PolisiFinishPage *self)
{
  g_return_val_if_fail (POLISI_IS_FINISH_PAGE (self), FALSE);
  return gtk_switch_get_active (self->final_switch);
}

gboolean
polisi_finish_page_get_english_first (PolisiFinishPage *self)
{
  g_return_val_if_fail (POLISI_IS_FINISH_PAGE (self), FALSE);
  return gtk_widget_get_visible (GTK_WIDGET (self->english_first_row)) &&
         gtk_switch_get_active (self->english_first_switch);
}

/* The flow's format, a row of the format list, and back */
static gboolean
format_to_row (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      data)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_rows); i++)
    if (format_rows[i] == g_value_get_uint (from))
      {
        g_value_set_uint (to, i);
        return TRUE;
      }
  return FALSE;
}

static gboolean
row_to_format (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      data)
{
  guint row = g_value_get_uint (from);

  if (row >= G_N_ELEMENTS (format_rows))
    return FALSE;
  g_value_set_uint (to, format_rows[row]);
  return TRUE;
}

/* The flow's layout, a row of the layout list (in PolisiLayout's order) */
static gboolean
layout_to_row (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      data)
{
  g_value_set_uint (to, (guint) g_value_get_enum (from));
  return TRUE;
}

static gboolean
row_to_layout (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      data)
{
  guint row = g_value_get_uint (from);

  if (row > POLISI_LAYOUT_SEPARATE)
    return FALSE;
  g_value_set_enum (to, (int) row);
  return TRUE;
}

/**
 * polisi_finish_page_set_export_flow:
 * @flow: (nullable): whose export choices the page shows and sets
 *
 * The page's rows and switches show @flow's choices and set them: the
 * choices have one home, the flow.
 */
void
polisi_finish_page_set_export_flow (PolisiFinishPage *self,
                                    PolisiExportFlow *flow)
{
  const GBindingFlags flags = G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE;

  g_return_if_fail (POLISI_IS_FINISH_PAGE (self));
  g_return_if_fail (flow == NULL || POLISI_IS_EXPORT_FLOW (flow));

  if (self->flow == flow)
    return;
  /* a binding goes by itself when the flow is disposed first: the page
   * holds each, and unbinds one only while it is bound */
  for (guint i = 0; i < G_N_ELEMENTS (self->bindings); i++)
    if (self->bindings[i] != NULL)
      {
        g_autoptr(GObject) source = g_binding_dup_source (self->bindings[i]);

        if (source != NULL)
          g_binding_unbind (self->bindings[i]);
        g_clear_object (&self->bindings[i]);
      }
  g_set_object (&self->flow, flow);
  if (flow == NULL)
    return;

  self->bindings[0] = g_object_ref (g_object_bind_property_full (flow, "format", self->format_row, "selected", flags,
                                                                 format_to_row, row_to_format, NULL, NULL));
  self->bindings[1] = g_object_ref (g_object_bind_property_full (flow, "layout", self->layout_row, "selected", flags,
                                                                 layout_to_row, row_to_layout, NULL, NULL));
  self->bindings[2] = g_object_ref (g_object_bind_property (flow, "final", self->final_switch, "active", flags));
  self->bindings[3] = g_object_ref (g_object_bind_property (flow, "english-first", self->english_first_switch,
                                                            "active", flags));
}

/**
 * polisi_finish_page_get_export_flow:
 *
 * Returns: (transfer none) (nullable): the flow whose choices the page shows
 */
PolisiExportFlow *
polisi_finish_page_get_export_flow (PolisiFinishPage *self)
{
  g_return_val_if_fail (POLISI_IS_FINISH_PAGE (self), NULL);
  return self->flow;
}
