/* polisi-version-row.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One adopted version in the review step's version history, bound to its
 * PolisiVersion: the number, the date and who approved it, the summary of
 * changes in the interface language, and a button that compares that
 * version with the policy as it stands (win.compare-version), offered when
 * the file keeps the version's text.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "polisi-checker.h"
#include "polisi-gui-utils.h"
#include "polisi-version-row.h"

struct _PolisiVersionRow
{
  AdwActionRow   parent_instance;

  PolisiVersion *version;
  PolisiLang     ui;
  GtkButton     *compare_button;
};

G_DEFINE_FINAL_TYPE (PolisiVersionRow, polisi_version_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (PolisiVersionRow *self)
{
  PolisiLang ui = self->ui;
  const PolisiVersionRecord *record;
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;
  g_autofree char *tooltip = NULL;
  const char *summary;
  gboolean has_text;

  if (self->version == NULL)
    return;

  record = polisi_version_get_record (self->version);
  when = polisi_gui_format_date (record->date, ui);
  /* Translators: "Version 1.1 · 10 July 2026 · the governing body" */
  title = g_strdup_printf (_("Version %s · %s · %s"), record->version, when,
                           record->approved_by != NULL ? record->approved_by : "");
  summary = record->summary[ui] != NULL && record->summary[ui][0] != '\0' ?
            record->summary[ui] : record->summary[POLISI_LANG_OTHER (ui)];
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), summary != NULL ? summary : "");

  has_text = polisi_version_get_has_text (self->version);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->compare_button), "s", record->version);
  gtk_widget_set_visible (GTK_WIDGET (self->compare_button), has_text);
  if (has_text)
    {
      /* Translators: the tooltip of the Compare button of version 1.0 */
      tooltip = g_strdup_printf (_("Compare version %s with the policy as it stands"), record->version);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->compare_button), tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->compare_button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
    }
}

static void
polisi_version_row_dispose (GObject *object)
{
  PolisiVersionRow *self = (PolisiVersionRow *) object;

  if (self->version != NULL)
    g_signal_handlers_disconnect_by_data (self->version, self);
  g_clear_object (&self->version);
  gtk_widget_dispose_template (GTK_WIDGET (self), POLISI_TYPE_VERSION_ROW);

  G_OBJECT_CLASS (polisi_version_row_parent_class)->dispose (object);
}

static void
polisi_version_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PolisiVersionRow *self = POLISI_VERSION_ROW (object);

  switch (prop_id)
    {
    case PROP_VERSION:
      g_value_set_object (value, self->version);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
polisi_version_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PolisiVersionRow *self = POLISI_VERSION_ROW (object);

  switch (prop_id)
    {
    case PROP_VERSION:
      polisi_version_row_set_version (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
polisi_version_row_class_init (PolisiVersionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = polisi_version_row_dispose;
  object_class->get_property = polisi_version_row_get_property;
  object_class->set_property = polisi_version_row_set_property;

  properties[PROP_VERSION] =
    g_param_spec_object ("version", NULL, NULL, POLISI_TYPE_VERSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/polisi/Polisi/ui/polisi-version-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PolisiVersionRow, compare_button);
}

static void
polisi_version_row_init (PolisiVersionRow *self)
{
  self->ui = POLISI_LANG_EN;
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * polisi_version_row_new:
 * @ui: the interface language (the page's context's): the date, and the
 *   summary in that language when there is one
 */
GtkWidget *
polisi_version_row_new (PolisiVersion *version,
                        PolisiLang     ui)
{
  PolisiVersionRow *self = g_object_new (POLISI_TYPE_VERSION_ROW, NULL);

  self->ui = ui;
  g_object_set (self, "version", version, NULL);
  return GTK_WIDGET (self);
}

PolisiVersion *
polisi_version_row_get_version (PolisiVersionRow *self)
{
  g_return_val_if_fail (POLISI_IS_VERSION_ROW (self), NULL);
  return self->version;
}

void
polisi_version_row_set_version (PolisiVersionRow *self,
                                PolisiVersion    *version)
{
  g_return_if_fail (POLISI_IS_VERSION_ROW (self));
  g_return_if_fail (version == NULL || POLISI_IS_VERSION (version));

  if (self->version == version)
    return;
  if (self->version != NULL)
    g_signal_handlers_disconnect_by_data (self->version, self);
  g_set_object (&self->version, version);
  if (version != NULL)
    g_signal_connect_object (version, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}
