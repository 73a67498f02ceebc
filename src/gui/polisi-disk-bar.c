/* polisi-disk-bar.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bar above the steps, bound to a PolisiSession: when another program
 * changes the open file (PolisiSession:changed-on-disk, which the session
 * sets as soon as it sees the change), it says so and offers to reload
 * the file (win.reload) and, when the window has unsaved changes that a
 * reload would discard, to save them under another name first
 * (win.save-as). Closed, it stays closed until the file changes again.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "polisi-disk-bar.h"

struct _PolisiDiskBar
{
  GtkWidget      parent_instance;

  PolisiSession *session;
  gboolean       dismissed;

  GtkInfoBar    *info_bar;
  GtkLabel      *body;
  GtkWidget     *save_as_button;
};

G_DEFINE_FINAL_TYPE (PolisiDiskBar, polisi_disk_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (PolisiDiskBar *self)
{
  gboolean changed = self->session != NULL && polisi_session_get_changed_on_disk (self->session);
  gboolean modified = self->session != NULL && polisi_session_get_modified (self->session);
  gboolean was_shown = gtk_info_bar_get_revealed (self->info_bar);
  gboolean shown;

  if (!changed)
    self->dismissed = FALSE;
  shown = changed && !self->dismissed;

  if (changed)
    {
      GFile *file = polisi_session_get_file (self->session);
      g_autofree char *name = file != NULL ? g_file_get_basename (file) : g_strdup ("");
      g_autofree char *text = NULL;

      if (modified)
        text = g_strdup_printf (_("Another program changed “%s” after Polisi opened it. Reloading shows its "
                                  "changes and discards yours; to keep yours as well, save them under another "
                                  "name first."),
                                name);
      else
        text = g_strdup_printf (_("Another program changed “%s” after Polisi opened it. Reload it to see "
                                  "those changes."),
                                name);
      gtk_label_set_text (self->body, text);
      gtk_widget_set_visible (self->save_as_button, modified);
    }

  /* hidden, it takes no room and no keyboard focus */
  gtk_widget_set_visible (GTK_WIDGET (self->info_bar), shown);
  gtk_info_bar_set_revealed (self->info_bar, shown);
  if (shown != was_shown)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN]);
}

static void
on_response (PolisiDiskBar *self,
             int            response)
{
  if (response != GTK_RESPONSE_CLOSE)
    return;
  self->dismissed = TRUE;
  update (self);
}

static void
polisi_disk_bar_dispose (GObject *object)
{
  PolisiDiskBar *self = (PolisiDiskBar *) object;

  polisi_disk_bar_set_session (self, NULL);
  gtk_widget_unparent (GTK_WIDGET (self->info_bar));

  G_OBJECT_CLASS (polisi_disk_bar_parent_class)->dispose (object);
}

static void
polisi_disk_bar_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PolisiDiskBar *self = POLISI_DISK_BAR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_SHOWN:
      g_value_set_boolean (value, polisi_disk_bar_get_shown (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
polisi_disk_bar_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PolisiDiskBar *self = POLISI_DISK_BAR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      polisi_disk_bar_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
polisi_disk_bar_class_init (PolisiDiskBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = polisi_disk_bar_dispose;
  object_class->get_property = polisi_disk_bar_get_property;
  object_class->set_property = polisi_disk_bar_set_property;

  properties[PROP_SESSION] = g_param_spec_object ("session", NULL, NULL, POLISI_TYPE_SESSION,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* the bar is on show: the file changed and the bar was not closed */
  properties[PROP_SHOWN] = g_param_spec_boolean ("shown", NULL, NULL, FALSE,
                                                 G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "polisi-disk-bar");
}

static void
polisi_disk_bar_init (PolisiDiskBar *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading = gtk_label_new (_("The File Has Changed on Disk"));
  GtkWidget *reload = gtk_button_new_with_mnemonic (_("_Reload"));

  self->info_bar = GTK_INFO_BAR (gtk_info_bar_new ());
  gtk_info_bar_set_message_type (self->info_bar, GTK_MESSAGE_WARNING);
  gtk_info_bar_set_show_close_button (self->info_bar, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->info_bar), TRUE);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "heading");
  self->body = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->body, 0);
  gtk_label_set_wrap (self->body, TRUE);
  gtk_label_set_wrap_mode (self->body, PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->body));
  gtk_info_bar_add_child (self->info_bar, box);

  self->save_as_button = gtk_button_new_with_mnemonic (_("Save _As…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->save_as_button), "win.save-as");
  gtk_info_bar_add_action_widget (self->info_bar, self->save_as_button, GTK_RESPONSE_ACCEPT);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (reload), "win.reload");
  gtk_widget_add_css_class (reload, "suggested-action");
  gtk_info_bar_add_action_widget (self->info_bar, reload, GTK_RESPONSE_OK);
  g_signal_connect_swapped (self->info_bar, "response", G_CALLBACK (on_response), self);

  gtk_widget_set_parent (GTK_WIDGET (self->info_bar), GTK_WIDGET (self));
  update (self);
}

GtkWidget *
polisi_disk_bar_new (void)
{
  return g_object_new (POLISI_TYPE_DISK_BAR, NULL);
}

PolisiSession *
polisi_disk_bar_get_session (PolisiDiskBar *self)
{
  g_return_val_if_fail (POLISI_IS_DISK_BAR (self), NULL);
  return self->session;
}

/**
 * polisi_disk_bar_set_session:
 * @session: (nullable): the session whose file the bar speaks of
 */
void
polisi_disk_bar_set_session (PolisiDiskBar *self,
                             PolisiSession *session)
{
  g_return_if_fail (POLISI_IS_DISK_BAR (self));
  g_return_if_fail (session == NULL || POLISI_IS_SESSION (session));

  if (self->session == session)
    return;
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_swapped (session, "notify::changed-on-disk", G_CALLBACK (update), self);
      g_signal_connect_swapped (session, "notify::modified", G_CALLBACK (update), self);
      g_signal_connect_swapped (session, "notify::file", G_CALLBACK (update), self);
    }
  self->dismissed = FALSE;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * polisi_disk_bar_get_shown:
 *
 * Returns: %TRUE while the bar tells of a change on disk
 */
gboolean
polisi_disk_bar_get_shown (PolisiDiskBar *self)
{
  g_return_val_if_fail (POLISI_IS_DISK_BAR (self), FALSE);
  return gtk_info_bar_get_revealed (self->info_bar) && gtk_widget_get_visible (GTK_WIDGET (self->info_bar));
}
