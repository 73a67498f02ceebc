/* polisi-adoption-blockers.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Adoption is refused while the check finds something that must be fixed
 * (polisi_check_adoption()). This dialog says so, lists each thing, and
 * takes the author to the one chosen: ::go-to carries the same place as
 * the finish step's findings, and the dialog closes.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "polisi-adoption-blockers.h"
#include "polisi-checker.h"

typedef struct {
  char *clause_id;
  char *placeholder;
  int   lang;
  int   kind;
} Target;

struct _PolisiAdoptionBlockers
{
  AdwMessageDialog  parent_instance;

  GtkListBox       *list;
  GPtrArray        *targets;   /* Target */
};

G_DEFINE_FINAL_TYPE (PolisiAdoptionBlockers, polisi_adoption_blockers, ADW_TYPE_MESSAGE_DIALOG)

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

/**
 * polisi_adoption_blockers_activate:
 *
 * Goes to what blocks adoption in row @index, as selecting the row does,
 * and closes the dialog.
 */
void
polisi_adoption_blockers_activate (PolisiAdoptionBlockers *self,
                                   guint                   index)
{
  Target *target;

  g_return_if_fail (POLISI_IS_ADOPTION_BLOCKERS (self));
  g_return_if_fail (index < self->targets->len);

  target = self->targets->pdata[index];
  g_object_ref (self);
  g_signal_emit (self, signals[GO_TO], 0, target->clause_id, target->placeholder, target->lang, target->kind);
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
on_row_activated (PolisiAdoptionBlockers *self,
                  GtkListBoxRow          *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0)
    polisi_adoption_blockers_activate (self, (guint) index);
}

static void
polisi_adoption_blockers_finalize (GObject *object)
{
  PolisiAdoptionBlockers *self = (PolisiAdoptionBlockers *) object;

  g_clear_pointer (&self->targets, g_ptr_array_unref);

  G_OBJECT_CLASS (polisi_adoption_blockers_parent_class)->finalize (object);
}

static void
polisi_adoption_blockers_class_init (PolisiAdoptionBlockersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = polisi_adoption_blockers_finalize;

  /**
   * PolisiAdoptionBlockers::go-to:
   * @clause_id: (nullable): the clause to show
   * @placeholder: (nullable): the answer to show
   * @lang: the language concerned, or -1
   * @kind: the #PolisiFindingKind
   */
  signals[GO_TO] = g_signal_new ("go-to", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 4, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT, G_TYPE_INT);
}

static void
polisi_adoption_blockers_init (PolisiAdoptionBlockers *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->targets = g_ptr_array_new_with_free_func (target_free);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (on_row_activated), self);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), scroller);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self), "close", _("_Close"), NULL);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "close");
}

/**
 * polisi_adoption_blockers_new:
 * @parent: (nullable): the window
 * @version: the version that was to be adopted
 * @blockers: (element-type PolisiFinding): from polisi_check_adoption()
 *
 * Returns: (transfer none): the dialog, not yet presented
 */
GtkWidget *
polisi_adoption_blockers_new (GtkWindow  *parent,
                              const char *version,
                              GPtrArray  *blockers)
{
  PolisiAdoptionBlockers *self;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (blockers != NULL && blockers->len > 0, NULL);

  self = g_object_new (POLISI_TYPE_ADOPTION_BLOCKERS, "transient-for", parent, "modal", TRUE, NULL);
  heading = g_strdup_printf (_("Version %s Cannot Be Adopted Yet"), version);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The check finds %u thing that must be fixed before the governing body’s "
                                       "approval can be recorded. Select it to go there.",
                                       "The check finds %u things that must be fixed before the governing body’s "
                                       "approval can be recorded. Select one to go there.",
                                       blockers->len),
                          blockers->len);
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  for (guint i = 0; i < blockers->len; i++)
    {
      PolisiFinding *finding = blockers->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
      Target *target = g_new0 (Target, 1);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), finding->message);
      gtk_widget_add_css_class (icon, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Must be fixed"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->list, row);

      target->clause_id = g_strdup (finding->clause_id);
      target->placeholder = g_strdup (finding->placeholder);
      target->lang = finding->lang;
      target->kind = finding->kind;
      g_ptr_array_add (self->targets, target);
    }

  return GTK_WIDGET (self);
}

guint
polisi_adoption_blockers_get_n_rows (PolisiAdoptionBlockers *self)
{
  g_return_val_if_fail (POLISI_IS_ADOPTION_BLOCKERS (self), 0);
  return self->targets->len;
}
