/* polisi-clause-title-editor.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under a clause's card: its title in each language, which the school may
 * change (polisi_clause_state_rename(), the rule the command line's
 * --rename-clause follows too), and for a clause of its own, the button
 * that removes it. A title is taken when its entry's apply button or Enter
 * is pressed; one the rule refuses is put back, with the reason shown.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "polisi-clause-title-editor.h"

struct _PolisiClauseTitleEditor
{
  GtkWidget          parent_instance;

  PolisiClause      *clause;
  PolisiClauseState *state;
  char              *error;

  GtkWidget         *expander;
  AdwEntryRow       *rows[POLISI_N_LANGS];
  GtkLabel          *error_label;
};

G_DEFINE_FINAL_TYPE (PolisiClauseTitleEditor, polisi_clause_title_editor, GTK_TYPE_WIDGET)

static void
sync_titles (PolisiClauseTitleEditor *self)
{
  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      /* an own clause's title as written in each language (empty where
       * there is none yet), a model clause's as shown */
      const char *title = polisi_clause_state_get_own (self->state) ?
                          polisi_clause_state_get_title (self->state, lang) :
                          polisi_clause_state_get_display_title (self->state, self->clause, lang);

      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->rows[lang])), title != NULL ? title : "") != 0)
        gtk_editable_set_text (GTK_EDITABLE (self->rows[lang]), title != NULL ? title : "");
    }
}

static void
on_state_notify (PolisiClauseTitleEditor *self,
                 GParamSpec              *pspec)
{
  if (g_str_has_prefix (g_param_spec_get_name (pspec), "title-"))
    sync_titles (self);
}

static void
on_apply (AdwEntryRow             *row,
          PolisiClauseTitleEditor *self)
{
  polisi_clause_title_editor_apply (self, row == self->rows[POLISI_LANG_CY] ? POLISI_LANG_CY : POLISI_LANG_EN);
}

static void
polisi_clause_title_editor_dispose (GObject *object)
{
  PolisiClauseTitleEditor *self = (PolisiClauseTitleEditor *) object;
  GtkWidget *child;

  if (self->state != NULL)
    g_signal_handlers_disconnect_by_data (self->state, self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->clause);
  g_clear_object (&self->state);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (polisi_clause_title_editor_parent_class)->dispose (object);
}

static void
polisi_clause_title_editor_class_init (PolisiClauseTitleEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = polisi_clause_title_editor_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "polisi-clause-title-editor");
}

static void
polisi_clause_title_editor_init (PolisiClauseTitleEditor *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}

/**
 * polisi_clause_title_editor_new:
 * @clause: (nullable): the clause in the library; %NULL for a clause of
 *   the school's own
 */
PolisiClauseTitleEditor *
polisi_clause_title_editor_new (PolisiClause      *clause,
                                PolisiClauseState *state)
{
  static const char *row_titles[POLISI_N_LANGS] = { N_("Title in Welsh"), N_("Title in English") };
  PolisiClauseTitleEditor *self;
  gboolean own;
  GtkWidget *box, *list;

  g_return_val_if_fail (POLISI_IS_CLAUSE_STATE (state), NULL);
  g_return_val_if_fail (clause != NULL || polisi_clause_state_get_own (state), NULL);

  self = g_object_new (POLISI_TYPE_CLAUSE_TITLE_EDITOR, NULL);
  self->clause = clause != NULL ? g_object_ref (clause) : NULL;
  self->state = g_object_ref (state);
  own = polisi_clause_state_get_own (state);

  self->expander = gtk_expander_new_with_mnemonic (_("_Title"));
  gtk_widget_set_parent (self->expander, GTK_WIDGET (self));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_expander_set_child (GTK_EXPANDER (self->expander), box);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (box), list);
  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      self->rows[lang] = ADW_ENTRY_ROW (adw_entry_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rows[lang]), _(row_titles[lang]));
      adw_entry_row_set_show_apply_button (self->rows[lang], TRUE);
      g_signal_connect (self->rows[lang], "apply", G_CALLBACK (on_apply), self);
      g_signal_connect (self->rows[lang], "entry-activated", G_CALLBACK (on_apply), self);
      gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->rows[lang]));
    }

  if (!own)
    {
      GtkWidget *hint = gtk_label_new (_("Empty gives the clause back the title of the model clauses."));

      gtk_label_set_xalign (GTK_LABEL (hint), 0);
      gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
      gtk_widget_add_css_class (hint, "caption");
      gtk_widget_add_css_class (hint, "dim-label");
      gtk_box_append (GTK_BOX (box), hint);
    }

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->error_label, 0);
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));

  if (own)
    {
      GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove This Clause"));

      gtk_widget_set_halign (remove, GTK_ALIGN_START);
      gtk_widget_add_css_class (remove, "destructive-action");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), POLISI_REMOVE_OWN_CLAUSE_ACTION);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", polisi_clause_state_get_id (state));
      /* on the card itself, not folded away with the titles */
      gtk_widget_set_margin_top (remove, 6);
      gtk_widget_set_parent (remove, GTK_WIDGET (self));
    }

  sync_titles (self);
  g_signal_connect_object (state, "notify", G_CALLBACK (on_state_notify), self, G_CONNECT_SWAPPED);
  return self;
}

GtkEditable *
polisi_clause_title_editor_get_entry (PolisiClauseTitleEditor *self,
                                      PolisiLang               lang)
{
  g_return_val_if_fail (POLISI_IS_CLAUSE_TITLE_EDITOR (self), NULL);
  return GTK_EDITABLE (self->rows[lang]);
}

/**
 * polisi_clause_title_editor_apply:
 *
 * Takes the title typed in @lang's entry, as its apply button does.
 *
 * Returns: %FALSE when the rule refused it (the entry shows the title
 *   again, polisi_clause_title_editor_get_error() says why)
 */
gboolean
polisi_clause_title_editor_apply (PolisiClauseTitleEditor *self,
                                  PolisiLang               lang)
{
  g_autoptr(GError) error = NULL;
  gboolean done;

  g_return_val_if_fail (POLISI_IS_CLAUSE_TITLE_EDITOR (self), FALSE);

  done = polisi_clause_state_rename (self->state, self->clause, lang,
                                     gtk_editable_get_text (GTK_EDITABLE (self->rows[lang])), &error);
  g_free (self->error);
  self->error = error != NULL ? g_strdup (error->message) : NULL;
  gtk_label_set_label (self->error_label, self->error != NULL ? self->error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), self->error != NULL);
  /* the title as it now is: cleaned, the library's, or as it was */
  sync_titles (self);
  return done;
}

/* Why the last title was refused, or NULL. */
const char *
polisi_clause_title_editor_get_error (PolisiClauseTitleEditor *self)
{
  g_return_val_if_fail (POLISI_IS_CLAUSE_TITLE_EDITOR (self), NULL);
  return self->error;
}
