/* polisi-organisation-page.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first step asks for the organisation and every answer the chosen
 * clauses need: each question once, here, where it is first needed. A
 * question no included clause uses is hidden; including a clause that uses
 * it brings it back.
 *
 * What the page asks is core's table of settable keys (polisi-settable):
 * every key whose page is the organisation step, titled and checked as
 * the table says, the same keys "--set" takes.
 *
 * The page follows the policy's "changed::organisation" (its choices) and
 * the changes to the clauses, which decide the questions in use; those it
 * works out again only while it is on screen, or when it comes back, so
 * that typing in a clause elsewhere costs nothing here.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "polisi-checker.h"
#include "polisi-organisation-page.h"
#include "polisi-settable-row.h"
#include "polisi-text.h"

#define N_CATEGORIES (POLISI_LANGUAGE_CATEGORY_ENGLISH + 1)

struct _PolisiOrganisationPage
{
  GtkWidget             parent_instance;

  PolisiPolicy         *policy;
  PolisiLibrary        *library;
  PolisiLang            ui;        /* the context's interface language */
  GPtrArray            *settables;  /* the table the rows are bound to */
  GHashTable           *widgets;    /* settable key -> the widget that sets it (unowned) */
  GHashTable           *rows;       /* placeholder id -> GPtrArray of rows (unowned) */
  gulong                organisation_id;
  gulong                clauses_id;
  gulong                clause_text_id;
  gboolean              questions_dirty;  /* the clauses changed since the questions were shown */
  guint                 n_question_updates;

  AdwComboRow          *type_row;
  gulong                type_id;
  GtkCheckButton       *category_checks[N_CATEGORIES];
  GtkSpinButton        *cycle_spin;
  gulong                cycle_id;

  AdwPreferencesGroup  *organisation_group;
  AdwPreferencesGroup  *category_group;
  AdwPreferencesGroup  *details_group;
  AdwPreferencesGroup  *roles_group;
  AdwPreferencesGroup  *contacts_group;
  AdwPreferencesGroup  *review_group;
};

G_DEFINE_FINAL_TYPE (PolisiOrganisationPage, polisi_organisation_page, GTK_TYPE_WIDGET)

static void
on_type_selected (PolisiOrganisationPage *self)
{
  polisi_policy_set_organisation_type (self->policy, adw_combo_row_get_selected (self->type_row));
}

static void
on_category_toggled (GtkCheckButton         *check,
                     PolisiOrganisationPage *self)
{
  const PolisiSettable *settable = polisi_settable_lookup (self->settables, "language-category");
  g_autoptr(GEnumClass) klass = g_type_class_ref (POLISI_TYPE_LANGUAGE_CATEGORY);

  if (!gtk_check_button_get_active (check))
    return;
  for (PolisiLanguageCategory category = 0; category < N_CATEGORIES; category++)
    if (self->category_checks[category] == check && category != polisi_policy_get_language_category (self->policy))
      polisi_settable_apply (settable, self->policy, self->library,
                             g_enum_get_value (klass, category)->value_nick, NULL);
}

/* organisation.set-language-category("primarily-welsh"): the same as
 * choosing the row */
static void
set_language_category_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  PolisiOrganisationPage *self = POLISI_ORGANISATION_PAGE (widget);
  g_autoptr(GEnumClass) klass = g_type_class_ref (POLISI_TYPE_LANGUAGE_CATEGORY);
  GEnumValue *value = g_enum_get_value_by_nick (klass, g_variant_get_string (parameter, NULL));

  g_return_if_fail (value != NULL);
  gtk_check_button_set_active (self->category_checks[value->value], TRUE);
}

static void
on_cycle_changed (PolisiOrganisationPage *self)
{
  polisi_policy_set_review_cycle (self->policy, (guint) gtk_spin_button_get_value_as_int (self->cycle_spin));
}

/* Shows the questions the included clauses use, hides the others. */
static void
update_visibility (PolisiOrganisationPage *self)
{
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) uses = polisi_policy_list_placeholders_in_use (self->policy);
  GHashTableIter iter;
  gpointer key, value;
  guint shown[3] = { 0, 0, 0 };

  self->questions_dirty = FALSE;
  self->n_question_updates++;

  /* the placeholders in use: the one rule, in core */
  for (guint i = 0; i < uses->len; i++)
    g_hash_table_add (used, ((PolisiPlaceholderUse *) uses->pdata[i])->id);

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *rows = value;
      gboolean visible = g_hash_table_contains (used, key);
      PolisiPlaceholder *placeholder = polisi_library_lookup_placeholder (self->library, key);

      for (guint i = 0; i < rows->len; i++)
        gtk_widget_set_visible (rows->pdata[i], visible);
      if (visible)
        shown[MIN (polisi_placeholder_get_group (placeholder), 2)]++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->details_group), shown[POLISI_PLACEHOLDER_GROUP_ORGANISATION] > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->roles_group), shown[POLISI_PLACEHOLDER_GROUP_ROLES] > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->contacts_group), shown[2] > 0);
}

/* What the policy says comes back to the choices, with their handlers
 * blocked (the names and answers are the rows' own). */
static void
sync_choices (PolisiOrganisationPage *self)
{
  g_signal_handler_block (self->type_row, self->type_id);
  adw_combo_row_set_selected (self->type_row, polisi_policy_get_organisation_type (self->policy));
  g_signal_handler_unblock (self->type_row, self->type_id);

  if (!gtk_check_button_get_active (self->category_checks[polisi_policy_get_language_category (self->policy)]))
    {
      for (guint i = 0; i < N_CATEGORIES; i++)
        g_signal_handlers_block_by_func (self->category_checks[i], on_category_toggled, self);
      gtk_check_button_set_active (self->category_checks[polisi_policy_get_language_category (self->policy)], TRUE);
      for (guint i = 0; i < N_CATEGORIES; i++)
        g_signal_handlers_unblock_by_func (self->category_checks[i], on_category_toggled, self);
    }

  g_signal_handler_block (self->cycle_spin, self->cycle_id);
  gtk_spin_button_set_value (self->cycle_spin, polisi_policy_get_review_cycle (self->policy));
  g_signal_handler_unblock (self->cycle_spin, self->cycle_id);
}

/* "changed::clauses", "changed::clause-text": the questions in use are
 * worked out again now if the page is on screen, else when it is shown. */
static void
on_clauses_changed (PolisiOrganisationPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update_visibility (self);
  else
    self->questions_dirty = TRUE;
}

static void
polisi_organisation_page_map (GtkWidget *widget)
{
  PolisiOrganisationPage *self = POLISI_ORGANISATION_PAGE (widget);

  if (self->questions_dirty)
    update_visibility (self);
  GTK_WIDGET_CLASS (polisi_organisation_page_parent_class)->map (widget);
}

/* What each category means for the policy, under its name. */
static const char *
category_description (PolisiLanguageCategory category)
{
  switch (category)
    {
    case POLISI_LANGUAGE_CATEGORY_WELSH:
    case POLISI_LANGUAGE_CATEGORY_DUAL:
      return _("Wording for Wales; exported in parallel columns");
    case POLISI_LANGUAGE_CATEGORY_ENGLISH_PARTLY_WELSH:
      return _("Wording for Wales; exported back to back, Welsh first");
    case POLISI_LANGUAGE_CATEGORY_ENGLISH:
    default:
      return _("Wording for England; exported in English only");
    }
}

/* One row a category, its whole name wrapped at any width (a combo row
 * cuts the names off on a narrow window). */
static GtkWidget *
add_category_rows (PolisiOrganisationPage *self)
{
  GtkCheckButton *first = NULL;

  for (PolisiLanguageCategory category = 0; category < N_CATEGORIES; category++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), polisi_language_category_get_label (category));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), category_description (category));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      if (first != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), first);
      else
        first = GTK_CHECK_BUTTON (check);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      self->category_checks[category] = GTK_CHECK_BUTTON (check);
      adw_preferences_group_add (self->category_group, row);
    }
  gtk_check_button_set_active (self->category_checks[polisi_policy_get_language_category (self->policy)], TRUE);
  for (guint i = 0; i < N_CATEGORIES; i++)
    g_signal_connect (self->category_checks[i], "toggled", G_CALLBACK (on_category_toggled), self);
  return GTK_WIDGET (self->category_group);
}

static GListModel *
enum_labels (GType         type,
             const char *(*label) (int))
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    gtk_string_list_append (list, label (klass->values[i].value));
  return G_LIST_MODEL (list);
}

static GtkWidget *
add_type_row (PolisiOrganisationPage *self,
              const PolisiSettable   *settable)
{
  g_autoptr(GListModel) types = enum_labels (POLISI_TYPE_ORGANISATION_TYPE,
                                             (const char *(*) (int)) polisi_organisation_type_get_label);

  self->type_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->type_row), settable->label[self->ui]);
  adw_combo_row_set_model (self->type_row, types);
  adw_combo_row_set_selected (self->type_row, polisi_policy_get_organisation_type (self->policy));
  self->type_id = g_signal_connect_swapped (self->type_row, "notify::selected", G_CALLBACK (on_type_selected), self);
  adw_preferences_group_add (self->organisation_group, GTK_WIDGET (self->type_row));
  return GTK_WIDGET (self->type_row);
}

static GtkWidget *
add_cycle_row (PolisiOrganisationPage *self,
               const PolisiSettable   *settable)
{
  GtkWidget *row = adw_action_row_new ();
  const char *title = settable->label[self->ui];

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("12 for a yearly review"));
  self->cycle_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 120, 1));
  gtk_spin_button_set_increments (self->cycle_spin, 1, 6);
  gtk_widget_set_valign (GTK_WIDGET (self->cycle_spin), GTK_ALIGN_CENTER);
  gtk_spin_button_set_value (self->cycle_spin, polisi_policy_get_review_cycle (self->policy));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->cycle_spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  self->cycle_id = g_signal_connect_swapped (self->cycle_spin, "value-changed", G_CALLBACK (on_cycle_changed), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->cycle_spin));
  adw_preferences_group_add (self->review_group, row);
  return GTK_WIDGET (self->cycle_spin);
}

static GtkWidget *
add_answer_row (PolisiOrganisationPage *self,
                const PolisiSettable   *settable)
{
  GtkWidget *row = polisi_settable_row_new (settable, self->policy, self->library, self->ui);
  const char *id;
  AdwPreferencesGroup *group;
  GPtrArray *rows;

  if (settable->kind != POLISI_SETTABLE_ANSWER)
    {
      adw_preferences_group_add (self->organisation_group, row);
      return row;
    }

  switch (polisi_placeholder_get_group (settable->placeholder))
    {
    case POLISI_PLACEHOLDER_GROUP_ORGANISATION:
      group = self->details_group;
      break;
    case POLISI_PLACEHOLDER_GROUP_ROLES:
      group = self->roles_group;
      break;
    case POLISI_PLACEHOLDER_GROUP_CONTACTS:
    case POLISI_PLACEHOLDER_GROUP_DATES:
    default:
      group = self->contacts_group;
      break;
    }
  adw_preferences_group_add (group, row);

  id = polisi_placeholder_get_id (settable->placeholder);
  rows = g_hash_table_lookup (self->rows, id);
  if (rows == NULL)
    {
      rows = g_ptr_array_new ();
      g_hash_table_insert (self->rows, g_strdup (id), rows);
    }
  g_ptr_array_add (rows, row);
  return row;
}

static void
polisi_organisation_page_dispose (GObject *object)
{
  PolisiOrganisationPage *self = (PolisiOrganisationPage *) object;

  if (self->policy != NULL)
    {
      g_clear_signal_handler (&self->organisation_id, self->policy);
      g_clear_signal_handler (&self->clauses_id, self->policy);
      g_clear_signal_handler (&self->clause_text_id, self->policy);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), POLISI_TYPE_ORGANISATION_PAGE);
  /* the template's top box has no name, so it is unparented here */
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->policy);
  g_clear_object (&self->library);
  g_clear_pointer (&self->widgets, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->settables, g_ptr_array_unref);

  G_OBJECT_CLASS (polisi_organisation_page_parent_class)->dispose (object);
}

static void
polisi_organisation_page_class_init (PolisiOrganisationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = polisi_organisation_page_dispose;
  widget_class->map = polisi_organisation_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/polisi/Polisi/ui/polisi-organisation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PolisiOrganisationPage, organisation_group);
  gtk_widget_class_bind_template_child (widget_class, PolisiOrganisationPage, category_group);
  gtk_widget_class_bind_template_child (widget_class, PolisiOrganisationPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, PolisiOrganisationPage, roles_group);
  gtk_widget_class_bind_template_child (widget_class, PolisiOrganisationPage, contacts_group);
  gtk_widget_class_bind_template_child (widget_class, PolisiOrganisationPage, review_group);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "organisation.set-language-category", "s", set_language_category_action);
}

static void
polisi_organisation_page_init (PolisiOrganisationPage *self)
{
  self->widgets = g_hash_table_new (g_str_hash, g_str_equal);
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * polisi_organisation_page_new:
 * @context: the library, and the interface language the page is built in
 */
PolisiOrganisationPage *
polisi_organisation_page_new (PolisiPolicy  *policy,
                              PolisiContext *context)
{
  PolisiOrganisationPage *self = g_object_new (POLISI_TYPE_ORGANISATION_PAGE, NULL);

  self->policy = g_object_ref (policy);
  self->library = g_object_ref (polisi_context_get_library (context));
  self->ui = polisi_context_get_interface_language (context);
  self->settables = polisi_settable_list (self->library);

  /* every key of the table whose page this is, in the table's order */
  for (guint i = 0; i < self->settables->len; i++)
    {
      const PolisiSettable *settable = self->settables->pdata[i];
      GtkWidget *widget;

      if (settable->page != POLISI_SETTABLE_ORGANISATION)
        continue;
      if (g_str_equal (settable->key, "type"))
        widget = add_type_row (self, settable);
      else if (g_str_equal (settable->key, "language-category"))
        widget = add_category_rows (self);
      else if (g_str_equal (settable->key, "review-cycle"))
        widget = add_cycle_row (self, settable);
      else if (settable->kind == POLISI_SETTABLE_TEXT || settable->kind == POLISI_SETTABLE_ANSWER)
        widget = add_answer_row (self, settable);
      else
        {
          g_critical ("The organisation step cannot set %s", settable->key);
          continue;
        }
      g_hash_table_insert (self->widgets, settable->key, widget);
    }

  update_visibility (self);
  self->organisation_id = g_signal_connect_swapped (policy, "changed::" POLISI_POLICY_CHANGED_ORGANISATION,
                                                    G_CALLBACK (sync_choices), self);
  self->clauses_id = g_signal_connect_swapped (policy, "changed::" POLISI_POLICY_CHANGED_CLAUSES,
                                               G_CALLBACK (on_clauses_changed), self);
  self->clause_text_id = g_signal_connect_swapped (policy, "changed::" POLISI_POLICY_CHANGED_CLAUSE_TEXT,
                                                   G_CALLBACK (on_clauses_changed), self);

  return self;
}

/* The entry for a key of "--set" that is typed ("head_teacher",
 * "governing_body.cy", "name-cy"; "name.cy" as "name-cy"). */
GtkEditable *
polisi_organisation_page_get_entry (PolisiOrganisationPage *self,
                                    const char             *key)
{
  GtkWidget *widget;

  g_return_val_if_fail (POLISI_IS_ORGANISATION_PAGE (self), NULL);

  if (g_strcmp0 (key, "name.cy") == 0)
    key = "name-cy";
  else if (g_strcmp0 (key, "name.en") == 0)
    key = "name-en";
  widget = g_hash_table_lookup (self->widgets, key);
  return POLISI_IS_SETTABLE_ROW (widget) ? GTK_EDITABLE (widget) : NULL;
}

/**
 * polisi_organisation_page_list_keys:
 *
 * Returns: (transfer container) (element-type utf8): the keys of the
 *   settable table the page sets, each with its widget (for tests)
 */
GPtrArray *
polisi_organisation_page_list_keys (PolisiOrganisationPage *self)
{
  GPtrArray *keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (POLISI_IS_ORGANISATION_PAGE (self), keys);

  g_hash_table_iter_init (&iter, self->widgets);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  return keys;
}

/**
 * polisi_organisation_page_get_category_check:
 *
 * Returns: (transfer none): the button that chooses @category (for tests)
 */
GtkCheckButton *
polisi_organisation_page_get_category_check (PolisiOrganisationPage *self,
                                             PolisiLanguageCategory  category)
{
  g_return_val_if_fail (POLISI_IS_ORGANISATION_PAGE (self), NULL);
  g_return_val_if_fail (category < N_CATEGORIES, NULL);
  return self->category_checks[category];
}

void
polisi_organisation_page_focus_answer (PolisiOrganisationPage *self,
                                       const char             *placeholder,
                                       int                     lang)
{
  GtkEditable *entry = NULL;

  g_return_if_fail (POLISI_IS_ORGANISATION_PAGE (self));

  if (placeholder == NULL)
    entry = polisi_organisation_page_get_entry (self, lang == POLISI_LANG_EN ? "name-en" : "name-cy");
  else
    {
      entry = polisi_organisation_page_get_entry (self, placeholder);
      if (entry == NULL)
        {
          g_autofree char *key = g_strdup_printf ("%s.%s", placeholder, polisi_lang_to_code (lang >= 0 ? lang : POLISI_LANG_CY));
          entry = polisi_organisation_page_get_entry (self, key);
        }
    }
  if (entry != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (entry));
}

/**
 * polisi_organisation_page_get_n_question_updates:
 *
 * Returns: how many times the page has worked out which questions the
 *   clauses use (for tests: typing in a clause elsewhere adds none)
 */
guint
polisi_organisation_page_get_n_question_updates (PolisiOrganisationPage *self)
{
  g_return_val_if_fail (POLISI_IS_ORGANISATION_PAGE (self), 0);
  return self->n_question_updates;
}
