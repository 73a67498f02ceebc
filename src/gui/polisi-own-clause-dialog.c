/* polisi-own-clause-dialog.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A clause the school writes itself, added to one section: where it goes
 * (first, or after one of the section's clauses; at the end unless told),
 * its title and its text in Welsh and English. The rules are the core's
 * (polisi_policy_add_own_clause()): what it refuses is said here, and the
 * dialog stays open with everything typed. Added, the dialog says so with
 * its "added" signal, which gives the new clause's id, and closes.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "polisi-checker.h"
#include "polisi-own-clause-dialog.h"
#include "polisi-section.h"

struct _PolisiOwnClauseDialog
{
  AdwWindow      parent_instance;

  PolisiPolicy  *policy;
  PolisiLibrary *library;
  PolisiSection *section;
  GPtrArray     *after_ids;   /* per place: the clause it follows, NULL first */
  char          *error;

  GtkLabel      *intro_label;
  AdwComboRow   *position_row;
  AdwEntryRow   *title_cy_row;
  AdwEntryRow   *title_en_row;
  GtkTextView   *text_cy_view;
  GtkTextView   *text_en_view;
  GtkLabel      *error_label;
};

G_DEFINE_FINAL_TYPE (PolisiOwnClauseDialog, polisi_own_clause_dialog, ADW_TYPE_WINDOW)

enum {
  ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_error (PolisiOwnClauseDialog *self,
            const char            *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PolisiOwnClauseDialog *self = POLISI_OWN_CLAUSE_DIALOG (widget);
  g_autofree char *text_cy = buffer_text (self->text_cy_view);
  g_autofree char *text_en = buffer_text (self->text_en_view);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  guint position = adw_combo_row_get_selected (self->position_row);
  PolisiClauseState *state;

  state = polisi_policy_add_own_clause (self->policy, self->library, polisi_section_get_id (self->section),
                                        position < self->after_ids->len ? self->after_ids->pdata[position] : NULL,
                                        gtk_editable_get_text (GTK_EDITABLE (self->title_cy_row)),
                                        gtk_editable_get_text (GTK_EDITABLE (self->title_en_row)),
                                        text_cy, text_en, &error);
  if (state == NULL)
    {
      show_error (self, error->message);
      return;
    }

  show_error (self, NULL);
  id = g_strdup (polisi_clause_state_get_id (state));
  g_signal_emit (self, signals[ADDED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
polisi_own_clause_dialog_dispose (GObject *object)
{
  PolisiOwnClauseDialog *self = (PolisiOwnClauseDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), POLISI_TYPE_OWN_CLAUSE_DIALOG);
  g_clear_object (&self->policy);
  g_clear_object (&self->library);
  g_clear_object (&self->section);
  g_clear_pointer (&self->after_ids, g_ptr_array_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (polisi_own_clause_dialog_parent_class)->dispose (object);
}

static void
polisi_own_clause_dialog_class_init (PolisiOwnClauseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = polisi_own_clause_dialog_dispose;

  /**
   * PolisiOwnClauseDialog::added:
   * @id: the id of the clause added
   */
  signals[ADDED] = g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/polisi/Polisi/ui/polisi-own-clause-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PolisiOwnClauseDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, PolisiOwnClauseDialog, position_row);
  gtk_widget_class_bind_template_child (widget_class, PolisiOwnClauseDialog, title_cy_row);
  gtk_widget_class_bind_template_child (widget_class, PolisiOwnClauseDialog, title_en_row);
  gtk_widget_class_bind_template_child (widget_class, PolisiOwnClauseDialog, text_cy_view);
  gtk_widget_class_bind_template_child (widget_class, PolisiOwnClauseDialog, text_en_view);
  gtk_widget_class_bind_template_child (widget_class, PolisiOwnClauseDialog, error_label);

  gtk_widget_class_install_action (widget_class, "own-clause.add", NULL, add_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
polisi_own_clause_dialog_init (PolisiOwnClauseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->after_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_cy_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Text in Welsh"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_en_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Text in English"), -1);
}

/**
 * polisi_own_clause_dialog_new:
 *
 * A dialog that adds a clause of the school's own to @section of @policy,
 * in @context's interface language.
 */
PolisiOwnClauseDialog *
polisi_own_clause_dialog_new (PolisiPolicy  *policy,
                              PolisiContext *context,
                              PolisiSection *section)
{
  PolisiOwnClauseDialog *self;
  g_autoptr(GtkStringList) places = gtk_string_list_new (NULL);
  g_autofree char *intro = NULL;
  PolisiLibrary *library;
  PolisiLang ui;
  const char *section_id;

  g_return_val_if_fail (POLISI_IS_POLICY (policy), NULL);
  g_return_val_if_fail (POLISI_IS_CONTEXT (context), NULL);
  library = polisi_context_get_library (context);
  ui = polisi_context_get_interface_language (context);
  g_return_val_if_fail (POLISI_IS_SECTION (section), NULL);

  self = g_object_new (POLISI_TYPE_OWN_CLAUSE_DIALOG, NULL);
  self->policy = g_object_ref (policy);
  self->library = g_object_ref (library);
  self->section = g_object_ref (section);
  section_id = polisi_section_get_id (section);

  intro = g_strdup_printf (_("A clause of your own in “%s”, for example on a platform the school uses or an "
                             "arrangement of its own. It is numbered, checked, compared and sent for comment as "
                             "the model clauses are, and updates of the model clauses never change it."),
                           polisi_section_get_title (section, ui));
  gtk_label_set_label (self->intro_label, intro);

  /* Translators: a place for a new clause in its section */
  gtk_string_list_append (places, _("At the start of the section"));
  g_ptr_array_add (self->after_ids, NULL);
  for (guint i = 0; i < polisi_policy_get_n_clauses (policy); i++)
    {
      PolisiClauseState *state = polisi_policy_get_clause (policy, i);
      const char *id = polisi_clause_state_get_id (state);
      const char *title;
      g_autofree char *place = NULL;

      if (g_strcmp0 (polisi_policy_get_clause_section (policy, library, id), section_id) != 0)
        continue;
      title = polisi_policy_get_clause_title (policy, library, id, ui);
      /* Translators: a place for a new clause: after the clause of that title */
      place = g_strdup_printf (_("After “%s”"), title != NULL ? title : id);
      gtk_string_list_append (places, place);
      g_ptr_array_add (self->after_ids, g_strdup (id));
    }
  adw_combo_row_set_model (self->position_row, G_LIST_MODEL (places));
  /* at the end of the section unless told */
  adw_combo_row_set_selected (self->position_row, self->after_ids->len - 1);

  return self;
}

GtkEditable *
polisi_own_clause_dialog_get_title_entry (PolisiOwnClauseDialog *self,
                                          PolisiLang             lang)
{
  g_return_val_if_fail (POLISI_IS_OWN_CLAUSE_DIALOG (self), NULL);
  return GTK_EDITABLE (lang == POLISI_LANG_CY ? self->title_cy_row : self->title_en_row);
}

GtkTextBuffer *
polisi_own_clause_dialog_get_buffer (PolisiOwnClauseDialog *self,
                                     PolisiLang             lang)
{
  g_return_val_if_fail (POLISI_IS_OWN_CLAUSE_DIALOG (self), NULL);
  return gtk_text_view_get_buffer (lang == POLISI_LANG_CY ? self->text_cy_view : self->text_en_view);
}

/**
 * polisi_own_clause_dialog_set_position:
 * @position: 0 for the start of the section, n for after its n-th clause
 */
void
polisi_own_clause_dialog_set_position (PolisiOwnClauseDialog *self,
                                       guint                  position)
{
  g_return_if_fail (POLISI_IS_OWN_CLAUSE_DIALOG (self));
  g_return_if_fail (position < self->after_ids->len);
  adw_combo_row_set_selected (self->position_row, position);
}

/* What the last attempt to add was refused for, or NULL. */
const char *
polisi_own_clause_dialog_get_error (PolisiOwnClauseDialog *self)
{
  g_return_val_if_fail (POLISI_IS_OWN_CLAUSE_DIALOG (self), NULL);
  return self->error;
}
