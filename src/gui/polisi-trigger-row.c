/* polisi-trigger-row.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One review trigger in the review step, bound to its PolisiTrigger: the
 * date and the kind, the note, a warning when it makes the policy due for
 * review (:pending, which the page sets), and a button that removes it
 * (review.remove-trigger, with the row's position, which is the trigger's
 * in the policy's list).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "polisi-gui-utils.h"
#include "polisi-trigger-row.h"

struct _PolisiTriggerRow
{
  AdwActionRow   parent_instance;

  PolisiTrigger *trigger;
  PolisiLang     ui;
  gboolean       pending;
  GtkWidget     *pending_icon;
  GtkWidget     *remove_button;
};

G_DEFINE_FINAL_TYPE (PolisiTriggerRow, polisi_trigger_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_TRIGGER,
  PROP_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (PolisiTriggerRow *self)
{
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;
  const char *note;

  if (self->trigger == NULL)
    return;
  when = polisi_gui_format_date (polisi_trigger_get_date (self->trigger), self->ui);
  title = g_strdup_printf ("%s · %s", when, polisi_trigger_kind_get_label (polisi_trigger_get_kind (self->trigger)));
  note = polisi_trigger_get_note (self->trigger);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), note != NULL ? note : "");
}

static void
on_remove_clicked (PolisiTriggerRow *self)
{
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self));

  if (index >= 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "review.remove-trigger", "u", (guint32) index);
}

static void
polisi_trigger_row_dispose (GObject *object)
{
  PolisiTriggerRow *self = (PolisiTriggerRow *) object;

  if (self->trigger != NULL)
    g_signal_handlers_disconnect_by_data (self->trigger, self);
  g_clear_object (&self->trigger);
  gtk_widget_dispose_template (GTK_WIDGET (self), POLISI_TYPE_TRIGGER_ROW);

  G_OBJECT_CLASS (polisi_trigger_row_parent_class)->dispose (object);
}

static void
polisi_trigger_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PolisiTriggerRow *self = POLISI_TRIGGER_ROW (object);

  switch (prop_id)
    {
    case PROP_TRIGGER:
      g_value_set_object (value, self->trigger);
      break;
    case PROP_PENDING:
      g_value_set_boolean (value, self->pending);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
polisi_trigger_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PolisiTriggerRow *self = POLISI_TRIGGER_ROW (object);

  switch (prop_id)
    {
    case PROP_TRIGGER:
      g_assert (self->trigger == NULL);
      self->trigger = g_value_dup_object (value);
      if (self->trigger != NULL)
        g_signal_connect_object (self->trigger, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      update (self);
      break;
    case PROP_PENDING:
      polisi_trigger_row_set_pending (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
polisi_trigger_row_class_init (PolisiTriggerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = polisi_trigger_row_dispose;
  object_class->get_property = polisi_trigger_row_get_property;
  object_class->set_property = polisi_trigger_row_set_property;

  properties[PROP_TRIGGER] =
    g_param_spec_object ("trigger", NULL, NULL, POLISI_TYPE_TRIGGER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * PolisiTriggerRow:pending:
   *
   * The trigger is dated after the last adoption, and makes the policy
   * due for review.
   */
  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/polisi/Polisi/ui/polisi-trigger-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PolisiTriggerRow, pending_icon);
  gtk_widget_class_bind_template_child (widget_class, PolisiTriggerRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
}

static void
polisi_trigger_row_init (PolisiTriggerRow *self)
{
  self->ui = POLISI_LANG_EN;
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * polisi_trigger_row_new:
 * @ui: the interface language (the page's context's), dates are written in
 */
GtkWidget *
polisi_trigger_row_new (PolisiTrigger *trigger,
                        PolisiLang     ui)
{
  PolisiTriggerRow *self = g_object_new (POLISI_TYPE_TRIGGER_ROW, "trigger", trigger, NULL);

  /* the trigger is construct-only: shown again in @ui */
  self->ui = ui;
  update (self);
  return GTK_WIDGET (self);
}

PolisiTrigger *
polisi_trigger_row_get_trigger (PolisiTriggerRow *self)
{
  g_return_val_if_fail (POLISI_IS_TRIGGER_ROW (self), NULL);
  return self->trigger;
}

gboolean
polisi_trigger_row_get_pending (PolisiTriggerRow *self)
{
  g_return_val_if_fail (POLISI_IS_TRIGGER_ROW (self), FALSE);
  return self->pending;
}

void
polisi_trigger_row_set_pending (PolisiTriggerRow *self,
                                gboolean          pending)
{
  g_return_if_fail (POLISI_IS_TRIGGER_ROW (self));

  pending = !!pending;
  if (self->pending == pending)
    return;
  self->pending = pending;
  gtk_widget_set_visible (self->pending_icon, pending);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}
