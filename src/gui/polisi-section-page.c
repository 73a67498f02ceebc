/* polisi-section-page.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "polisi-checker.h"
#include "polisi-own-clause-dialog.h"
#include "polisi-section-page.h"
#include "polisi-text.h"

struct _PolisiSectionPage
{
  GtkWidget      parent_instance;

  PolisiSection *section;
  GHashTable    *editors;   /* clause id -> PolisiClauseEditor (unowned) */
  /* for the school's own clauses, added and removed here */
  PolisiPolicy       *policy;
  PolisiLibrary      *library;
  PolisiSpellChecker *checker;

  GtkLabel      *title_label;
  GtkLabel      *guidance_label;
  GtkListBox    *clauses;
};

G_DEFINE_FINAL_TYPE (PolisiSectionPage, polisi_section_page, GTK_TYPE_WIDGET)

static void
polisi_section_page_dispose (GObject *object)
{
  PolisiSectionPage *self = (PolisiSectionPage *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), POLISI_TYPE_SECTION_PAGE);
  /* the template's top box has no name, so it is unparented here */
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->section);
  g_clear_pointer (&self->editors, g_hash_table_unref);
  g_clear_object (&self->policy);
  g_clear_object (&self->library);
  g_clear_object (&self->checker);

  G_OBJECT_CLASS (polisi_section_page_parent_class)->dispose (object);
}

static void add_editor (PolisiSectionPage *self, PolisiClause *clause, PolisiClauseState *state, int position);

static void
on_own_clause_added (PolisiSectionPage *self,
                     const char        *id)
{
  PolisiClauseState *state = polisi_policy_lookup_clause (self->policy, id);
  int position = 0;

  /* its place among the editors: after the section's clauses before it */
  for (guint i = 0; i < polisi_policy_get_n_clauses (self->policy); i++)
    {
      PolisiClauseState *other = polisi_policy_get_clause (self->policy, i);

      if (other == state)
        break;
      if (g_hash_table_contains (self->editors, polisi_clause_state_get_id (other)))
        position++;
    }
  add_editor (self, NULL, state, position);
  polisi_clause_editor_reveal (g_hash_table_lookup (self->editors, id), POLISI_LANG_CY);
}

static void
add_own_clause_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PolisiSectionPage *self = POLISI_SECTION_PAGE (widget);
  PolisiOwnClauseDialog *dialog = polisi_own_clause_dialog_new (self->policy, self->library, self->section);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "added", G_CALLBACK (on_own_clause_added), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remove_own_clause_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  PolisiSectionPage *self = POLISI_SECTION_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  GtkWidget *editor = g_hash_table_lookup (self->editors, id);

  if (editor == NULL || !polisi_policy_remove_own_clause (self->policy, id, NULL))
    return;
  gtk_list_box_remove (self->clauses, gtk_widget_get_parent (editor));
  g_hash_table_remove (self->editors, id);
}

static void
polisi_section_page_class_init (PolisiSectionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = polisi_section_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/polisi/Polisi/ui/polisi-section-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PolisiSectionPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, PolisiSectionPage, guidance_label);
  gtk_widget_class_bind_template_child (widget_class, PolisiSectionPage, clauses);
  gtk_widget_class_install_action (widget_class, "section.add-own-clause", NULL, add_own_clause_activated);
  gtk_widget_class_install_action (widget_class, "section.remove-own-clause", "s", remove_own_clause_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
polisi_section_page_init (PolisiSectionPage *self)
{
  self->editors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
add_editor (PolisiSectionPage *self,
            PolisiClause      *clause,
            PolisiClauseState *state,
            int                position)
{
  PolisiClauseEditor *editor = polisi_clause_editor_new (clause, state, self->library);

  if (self->checker != NULL)
    polisi_clause_editor_set_spell_checker (editor, self->checker);
  gtk_list_box_insert (self->clauses, GTK_WIDGET (editor), position);
  g_hash_table_insert (self->editors, g_strdup (polisi_clause_state_get_id (state)), editor);
  /* the rows hold widgets of their own; they need not take focus */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (GTK_WIDGET (editor))), FALSE);
}

/**
 * polisi_section_page_new:
 *
 * A page with an editor for each clause of @section that @policy holds.
 */
PolisiSectionPage *
polisi_section_page_new (PolisiSection      *section,
                         PolisiPolicy       *policy,
                         PolisiLibrary      *library,
                         PolisiSpellChecker *checker)
{
  PolisiSectionPage *self = g_object_new (POLISI_TYPE_SECTION_PAGE, NULL);
  PolisiLang ui = polisi_interface_lang ();
  g_autoptr(GPtrArray) blocks = polisi_text_parse_blocks (polisi_section_get_guidance (section, ui));
  g_autoptr(GString) guidance = g_string_new (NULL);

  self->section = g_object_ref (section);
  gtk_label_set_label (self->title_label, polisi_section_get_title (section, ui));
  for (guint i = 0; i < blocks->len; i++)
    g_string_append_printf (guidance, "%s%s", i > 0 ? "\n\n" : "", ((PolisiTextBlock *) blocks->pdata[i])->text);
  gtk_label_set_label (self->guidance_label, guidance->str);

  self->policy = g_object_ref (policy);
  self->library = g_object_ref (library);
  self->checker = checker != NULL ? g_object_ref (checker) : NULL;
  /* the section's clauses in the policy's order, the school's own among them */
  for (guint i = 0; i < polisi_policy_get_n_clauses (policy); i++)
    {
      PolisiClauseState *state = polisi_policy_get_clause (policy, i);
      PolisiClause *clause = polisi_library_lookup_clause (library, polisi_clause_state_get_id (state));

      if ((clause != NULL && polisi_clause_get_section (clause) == section) ||
          (polisi_clause_state_get_own (state) &&
           g_strcmp0 (polisi_policy_get_clause_section (policy, library, polisi_clause_state_get_id (state)),
                      polisi_section_get_id (section)) == 0))
        add_editor (self, clause, state, -1);
    }

  return self;
}

PolisiSection *
polisi_section_page_get_section (PolisiSectionPage *self)
{
  g_return_val_if_fail (POLISI_IS_SECTION_PAGE (self), NULL);
  return self->section;
}

PolisiClauseEditor *
polisi_section_page_get_editor (PolisiSectionPage *self,
                                const char        *clause_id)
{
  g_return_val_if_fail (POLISI_IS_SECTION_PAGE (self), NULL);
  return g_hash_table_lookup (self->editors, clause_id);
}
