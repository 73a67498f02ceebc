/* polisi-section-page.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

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
  PolisiContext      *context;   /* the library and the interface language */
  PolisiLibrary      *library;
  PolisiSpellChecker *checker;

  GtkLabel      *title_label;
  GtkLabel      *guidance_label;
  GtkListBox    *clauses;
  GtkWidget     *dictionary_notice;  /* when no Welsh dictionary is installed */
  GSettings     *settings;

  /* the cards are made a few at a time (see build_cards()): the section's
   * clause states in the policy's order, the school's own among them */
  GPtrArray          *states;
  guint               next_clause;
  guint               build_id;
};

/* A step shows its first cards at once and makes the others a moment
 * later (BUILD_DELAY_MS, when the step has been drawn and the first
 * keystrokes taken), in slices of at most BUILD_SLICE_US after input and
 * drawing: the step takes its first keystroke without waiting for cards
 * below the fold. */
#define FIRST_CARDS 3
#define BUILD_DELAY_MS 300
#define BUILD_SLICE_US 4000

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
  g_clear_handle_id (&self->build_id, g_source_remove);
  g_clear_object (&self->section);
  g_clear_object (&self->settings);
  g_clear_object (&self->policy);
  g_clear_object (&self->library);
  g_clear_object (&self->context);
  g_clear_object (&self->checker);
  g_clear_pointer (&self->editors, g_hash_table_unref);
  g_clear_pointer (&self->states, g_ptr_array_unref);

  G_OBJECT_CLASS (polisi_section_page_parent_class)->dispose (object);
}

static void finish_cards (PolisiSectionPage *self);
static void add_editor (PolisiSectionPage *self, PolisiClause *clause, PolisiClauseState *state, int position);

static void
on_own_clause_added (PolisiSectionPage *self,
                     const char        *id)
{
  PolisiClauseState *state = polisi_policy_lookup_clause (self->policy, id);
  int position = 0;

  /* every card made first, so that the new one's place is known */
  finish_cards (self);

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
  PolisiOwnClauseDialog *dialog = polisi_own_clause_dialog_new (self->policy, self->context, self->section);
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
  GtkWidget *editor;

  finish_cards (self);
  editor = g_hash_table_lookup (self->editors, id);
  if (editor == NULL || !polisi_policy_remove_own_clause (self->policy, id, NULL))
    return;
  gtk_list_box_remove (self->clauses, gtk_widget_get_parent (editor));
  g_hash_table_remove (self->editors, id);
}

/* The notice goes on every page at once, for good: the key is bound. */
static void
dismiss_notice_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PolisiSectionPage *self = POLISI_SECTION_PAGE (widget);
  g_autoptr(GSettings) settings = self->settings != NULL ? g_object_ref (self->settings) : g_settings_new (APP_ID);

  g_settings_set_boolean (settings, "welsh-dictionary-notice-dismissed", TRUE);
}

static void
dictionary_help_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, "help:polisi/languages#spelling", GDK_CURRENT_TIME);
}

/* With no Welsh dictionary, Welsh text is not checked: the page says so
 * (until the notice is dismissed) and how to install one. */
static void
add_dictionary_notice (PolisiSectionPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("Welsh Text Is Not Spell Checked"));
  GtkWidget *body = gtk_label_new (_("This computer has no Welsh dictionary, so misspelled Welsh words are not "
                                     "underlined; English text is still checked. To check Welsh, install the "
                                     "Welsh dictionary (on Debian and Ubuntu, the package aspell-cy) and start "
                                     "Polisi again."));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *help = gtk_button_new_with_mnemonic (_("_How to Install"));
  GtkWidget *dismiss = gtk_button_new_with_mnemonic (_("_Close"));

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (help), "section.dictionary-help");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (dismiss), "section.dismiss-dictionary-notice");
  gtk_box_append (GTK_BOX (buttons), help);
  gtk_box_append (GTK_BOX (buttons), dismiss);
  gtk_box_append (GTK_BOX (texts), heading);
  gtk_box_append (GTK_BOX (texts), body);
  gtk_box_append (GTK_BOX (texts), buttons);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "polisi-notice");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Welsh Text Is Not Spell Checked"), -1);

  /* under the section's guidance, over its clauses */
  gtk_widget_insert_after (box, gtk_widget_get_parent (GTK_WIDGET (self->clauses)), GTK_WIDGET (self->guidance_label));
  self->dictionary_notice = box;
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "welsh-dictionary-notice-dismissed", box, "visible",
                   G_SETTINGS_BIND_GET | G_SETTINGS_BIND_INVERT_BOOLEAN);
}

/* The notice that Welsh is not checked, if the page shows one (for tests). */
GtkWidget *
polisi_section_page_get_dictionary_notice (PolisiSectionPage *self)
{
  g_return_val_if_fail (POLISI_IS_SECTION_PAGE (self), NULL);
  return self->dictionary_notice;
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

  gtk_widget_class_install_action (widget_class, "section.dismiss-dictionary-notice", NULL, dismiss_notice_action);
  gtk_widget_class_install_action (widget_class, "section.dictionary-help", NULL, dictionary_help_action);
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
  PolisiClauseEditor *editor = polisi_clause_editor_new (clause, state, self->context);

  if (self->checker != NULL)
    polisi_clause_editor_set_spell_checker (editor, self->checker);
  gtk_list_box_insert (self->clauses, GTK_WIDGET (editor), position);
  g_hash_table_insert (self->editors, g_strdup (polisi_clause_state_get_id (state)), editor);
  /* the rows hold widgets of their own; they need not take focus */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (GTK_WIDGET (editor))), FALSE);
}

static gboolean
has_clauses (PolisiSectionPage *self)
{
  return self->states->len > 0;
}

/* Makes the cards of the next clauses: at most @max_cards, and for at
 * most @max_us microseconds when that is not 0. */
static void
build_cards (PolisiSectionPage *self,
             guint              max_cards,
             gint64             max_us)
{
  gint64 until = g_get_monotonic_time () + max_us;
  guint made = 0;

  while (self->next_clause < self->states->len && made < max_cards)
    {
      PolisiClauseState *state = self->states->pdata[self->next_clause++];
      PolisiClause *clause = polisi_library_lookup_clause (self->library, polisi_clause_state_get_id (state));

      add_editor (self, clause, state, -1);
      made++;
      if (max_us > 0 && g_get_monotonic_time () >= until)
        break;
    }
}

static gboolean
build_slice (gpointer data)
{
  PolisiSectionPage *self = data;

  build_cards (self, G_MAXUINT, BUILD_SLICE_US);
  if (self->next_clause < self->states->len)
    return G_SOURCE_CONTINUE;
  self->build_id = 0;
  return G_SOURCE_REMOVE;
}

static gboolean
start_building (gpointer data)
{
  PolisiSectionPage *self = data;

  self->build_id = g_idle_add_full (G_PRIORITY_LOW, build_slice, self, NULL);
  return G_SOURCE_REMOVE;
}

/* Makes the cards not made yet, at once. */
static void
finish_cards (PolisiSectionPage *self)
{
  g_clear_handle_id (&self->build_id, g_source_remove);
  build_cards (self, G_MAXUINT, 0);
}

/**
 * polisi_section_page_new:
 *
 * A page with an editor for each clause of @section that @policy holds,
 * built in @context's interface language. The page does not follow a later
 * change of that language: the rest of what it shows is gettext's, whose
 * language is the process's, chosen once at start-up.
 */
PolisiSectionPage *
polisi_section_page_new (PolisiSection      *section,
                         PolisiPolicy       *policy,
                         PolisiContext      *context,
                         PolisiSpellChecker *checker)
{
  PolisiSectionPage *self = g_object_new (POLISI_TYPE_SECTION_PAGE, NULL);
  PolisiLibrary *library = polisi_context_get_library (context);
  PolisiLang ui = polisi_context_get_interface_language (context);
  g_autoptr(GPtrArray) blocks = polisi_text_parse_blocks (polisi_section_get_guidance (section, ui));
  g_autoptr(GString) guidance = g_string_new (NULL);

  self->section = g_object_ref (section);
  gtk_label_set_label (self->title_label, polisi_section_get_title (section, ui));
  for (guint i = 0; i < blocks->len; i++)
    g_string_append_printf (guidance, "%s%s", i > 0 ? "\n\n" : "", ((PolisiTextBlock *) blocks->pdata[i])->text);
  gtk_label_set_label (self->guidance_label, guidance->str);

  self->policy = g_object_ref (policy);
  self->context = g_object_ref (context);
  self->library = g_object_ref (library);
  self->checker = checker != NULL ? g_object_ref (checker) : NULL;
  self->states = g_ptr_array_new_with_free_func (g_object_unref);
  /* the section's clauses in the policy's order, the school's own among them */
  for (guint i = 0; i < polisi_policy_get_n_clauses (policy); i++)
    {
      PolisiClauseState *state = polisi_policy_get_clause (policy, i);
      PolisiClause *clause = polisi_library_lookup_clause (library, polisi_clause_state_get_id (state));

      if ((clause != NULL && polisi_clause_get_section (clause) == section) ||
          (polisi_clause_state_get_own (state) &&
           g_strcmp0 (polisi_policy_get_clause_section (policy, library, polisi_clause_state_get_id (state)),
                      polisi_section_get_id (section)) == 0))
        g_ptr_array_add (self->states, g_object_ref (state));
    }

  /* A policy made before the model clauses gained this section has none
   * of its clauses: an empty page would look broken. */
  if (!has_clauses (self))
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Review"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("This policy has none of this section’s clauses: they were added to the model "
                                       "clauses after the policy was made. Add them in Review and Versions."));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-review");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->clauses, row);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
    }
  if (checker != NULL && !polisi_spell_checker_has_language (checker, POLISI_LANG_CY))
    add_dictionary_notice (self);

  build_cards (self, FIRST_CARDS, 0);
  if (self->next_clause < self->states->len)
    self->build_id = g_timeout_add (BUILD_DELAY_MS, start_building, self);

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

  /* asked for a card not made yet: the rest are made now */
  if (!g_hash_table_contains (self->editors, clause_id) && self->next_clause < self->states->len)
    finish_cards (self);
  return g_hash_table_lookup (self->editors, clause_id);
}
