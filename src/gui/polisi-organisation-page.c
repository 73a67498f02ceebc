/* polisi-organisation-page.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first step asks for the organisation and every answer the chosen
 * clauses need: each question once, here, where it is first needed. A
 * question no included clause uses is hidden; including a clause that uses
 * it brings it back.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "polisi-checker.h"
#include "polisi-organisation-page.h"
#include "polisi-text.h"

#define N_CATEGORIES (POLISI_LANGUAGE_CATEGORY_ENGLISH + 1)

struct _PolisiOrganisationPage
{
  GtkWidget             parent_instance;

  PolisiPolicy         *policy;
  PolisiLibrary        *library;
  GHashTable           *entries;    /* "key" or "key.cy" -> GtkEditable (unowned) */
  GHashTable           *rows;       /* placeholder id -> GPtrArray of rows (unowned) */
  gboolean              filling;
  gulong                changed_id;

  AdwEntryRow          *name_cy_row;
  AdwEntryRow          *name_en_row;
  AdwComboRow          *type_row;
  AdwPreferencesGroup  *category_group;
  GtkCheckButton       *category_checks[N_CATEGORIES];
  AdwPreferencesGroup  *details_group;
  AdwPreferencesGroup  *roles_group;
  AdwPreferencesGroup  *contacts_group;
  GtkSpinButton        *cycle_spin;
};

G_DEFINE_FINAL_TYPE (PolisiOrganisationPage, polisi_organisation_page, GTK_TYPE_WIDGET)

static void
on_name_changed (PolisiOrganisationPage *self,
                 GtkEditable            *editable)
{
  if (self->filling)
    return;
  polisi_policy_set_name (self->policy, editable == GTK_EDITABLE (self->name_cy_row) ? POLISI_LANG_CY : POLISI_LANG_EN,
                          gtk_editable_get_text (editable));
}

static void
on_type_selected (PolisiOrganisationPage *self)
{
  if (self->filling)
    return;
  polisi_policy_set_organisation_type (self->policy, adw_combo_row_get_selected (self->type_row));
}

static void
on_category_toggled (GtkCheckButton         *check,
                     PolisiOrganisationPage *self)
{
  PolisiLanguageCategory category;

  if (self->filling || !gtk_check_button_get_active (check))
    return;
  for (category = 0; category < N_CATEGORIES; category++)
    if (self->category_checks[category] == check)
      break;
  g_return_if_fail (category < N_CATEGORIES);
  if (category == polisi_policy_get_language_category (self->policy))
    return;
  polisi_policy_set_language_category (self->policy, category);
  /* the wording of clauses that differ between Wales and England follows */
  polisi_policy_apply_nation (self->policy, self->library);
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
static void
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
      g_signal_connect (check, "toggled", G_CALLBACK (on_category_toggled), self);
      self->category_checks[category] = GTK_CHECK_BUTTON (check);
      adw_preferences_group_add (self->category_group, row);
    }
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

static void
on_cycle_changed (PolisiOrganisationPage *self)
{
  if (self->filling)
    return;
  polisi_policy_set_review_cycle (self->policy, (guint) gtk_spin_button_get_value_as_int (self->cycle_spin));
}

static void
on_answer_changed (GtkEditable            *editable,
                   PolisiOrganisationPage *self)
{
  const char *key = g_object_get_data (G_OBJECT (editable), "polisi-key");
  int lang = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (editable), "polisi-lang"));
  PolisiPlaceholder *placeholder = polisi_library_lookup_placeholder (self->library, key);
  const char *text = gtk_editable_get_text (editable);

  if (self->filling)
    return;

  /* the one rule for answers, in core */
  if (polisi_placeholder_get_kind (placeholder) == POLISI_PLACEHOLDER_EMAIL)
    {
      if (polisi_placeholder_check_answer (placeholder, text, key, NULL))
        gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
      else
        gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
    }

  if (lang < 0)
    polisi_policy_set_answer (self->policy, key, text);
  else
    polisi_policy_set_answer_lang (self->policy, key, lang, text);
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

static void
on_policy_changed (PolisiOrganisationPage *self)
{
  update_visibility (self);
}

static GtkWidget *
add_entry (PolisiOrganisationPage *self,
           AdwPreferencesGroup    *group,
           PolisiPlaceholder      *placeholder,
           int                     lang)
{
  PolisiLang ui = polisi_interface_lang ();
  const char *id = polisi_placeholder_get_id (placeholder);
  GtkWidget *row = adw_entry_row_new ();
  const char *value = polisi_policy_get_answer (self->policy, id, lang < 0 ? POLISI_LANG_CY : lang);
  g_autofree char *title = NULL;
  GPtrArray *rows;

  if (lang < 0)
    title = g_strdup (polisi_placeholder_get_label (placeholder, ui));
  else
    /* Translators: "Governing body (Welsh)": the Welsh form of an answer */
    title = g_strdup_printf (lang == POLISI_LANG_CY ? _("%s (Welsh)") : _("%s (English)"),
                             polisi_placeholder_get_label (placeholder, ui));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (polisi_placeholder_get_hint (placeholder, ui) != NULL)
    gtk_widget_set_tooltip_text (row, polisi_placeholder_get_hint (placeholder, ui));
  if (value != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), value);

  g_object_set_data_full (G_OBJECT (row), "polisi-key", g_strdup (id), g_free);
  g_object_set_data (G_OBJECT (row), "polisi-lang", GINT_TO_POINTER (lang));
  g_signal_connect (row, "changed", G_CALLBACK (on_answer_changed), self);
  adw_preferences_group_add (group, row);

  g_hash_table_insert (self->entries,
                       lang < 0 ? g_strdup (id) : g_strdup_printf ("%s.%s", id, polisi_lang_to_code (lang)),
                       row);
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
    g_clear_signal_handler (&self->changed_id, self->policy);
  gtk_widget_dispose_template (GTK_WIDGET (self), POLISI_TYPE_ORGANISATION_PAGE);
  /* the template's top box has no name, so it is unparented here */
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->policy);
  g_clear_object (&self->library);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (polisi_organisation_page_parent_class)->dispose (object);
}

static void
polisi_organisation_page_class_init (PolisiOrganisationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = polisi_organisation_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/polisi/Polisi/ui/polisi-organisation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PolisiOrganisationPage, name_cy_row);
  gtk_widget_class_bind_template_child (widget_class, PolisiOrganisationPage, name_en_row);
  gtk_widget_class_bind_template_child (widget_class, PolisiOrganisationPage, type_row);
  gtk_widget_class_bind_template_child (widget_class, PolisiOrganisationPage, category_group);
  gtk_widget_class_bind_template_child (widget_class, PolisiOrganisationPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, PolisiOrganisationPage, roles_group);
  gtk_widget_class_bind_template_child (widget_class, PolisiOrganisationPage, contacts_group);
  gtk_widget_class_bind_template_child (widget_class, PolisiOrganisationPage, cycle_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_type_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_cycle_changed);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "organisation.set-language-category", "s", set_language_category_action);
}

static void
polisi_organisation_page_init (PolisiOrganisationPage *self)
{
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
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

PolisiOrganisationPage *
polisi_organisation_page_new (PolisiPolicy  *policy,
                              PolisiLibrary *library)
{
  PolisiOrganisationPage *self = g_object_new (POLISI_TYPE_ORGANISATION_PAGE, NULL);
  g_autoptr(GListModel) types = NULL;

  self->policy = g_object_ref (policy);
  self->library = g_object_ref (library);
  self->filling = TRUE;

  types = enum_labels (POLISI_TYPE_ORGANISATION_TYPE, (const char *(*) (int)) polisi_organisation_type_get_label);
  adw_combo_row_set_model (self->type_row, types);
  adw_combo_row_set_selected (self->type_row, polisi_policy_get_organisation_type (policy));
  add_category_rows (self);
  gtk_check_button_set_active (self->category_checks[polisi_policy_get_language_category (policy)], TRUE);
  if (polisi_policy_get_name (policy, POLISI_LANG_CY) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->name_cy_row), polisi_policy_get_name (policy, POLISI_LANG_CY));
  if (polisi_policy_get_name (policy, POLISI_LANG_EN) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->name_en_row), polisi_policy_get_name (policy, POLISI_LANG_EN));
  gtk_spin_button_set_value (self->cycle_spin, polisi_policy_get_review_cycle (policy));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->cycle_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Months between reviews"), -1);

  for (guint i = 0; i < polisi_library_get_n_placeholders (library); i++)
    {
      PolisiPlaceholder *placeholder = polisi_library_get_placeholder (library, i);
      AdwPreferencesGroup *group;

      if (polisi_placeholder_get_derived (placeholder) != POLISI_DERIVED_NONE)
        continue;
      switch (polisi_placeholder_get_group (placeholder))
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

      if (polisi_placeholder_is_bilingual (placeholder))
        {
          add_entry (self, group, placeholder, POLISI_LANG_CY);
          add_entry (self, group, placeholder, POLISI_LANG_EN);
        }
      else
        add_entry (self, group, placeholder, -1);
    }

  self->filling = FALSE;
  update_visibility (self);
  self->changed_id = g_signal_connect_swapped (policy, "changed", G_CALLBACK (on_policy_changed), self);

  return self;
}

/* The entry for an answer ("head_teacher", "governing_body.cy") or for the
 * organisation's names ("name.cy", "name.en"). */
GtkEditable *
polisi_organisation_page_get_entry (PolisiOrganisationPage *self,
                                    const char             *key)
{
  g_return_val_if_fail (POLISI_IS_ORGANISATION_PAGE (self), NULL);

  if (g_strcmp0 (key, "name.cy") == 0)
    return GTK_EDITABLE (self->name_cy_row);
  if (g_strcmp0 (key, "name.en") == 0)
    return GTK_EDITABLE (self->name_en_row);
  return g_hash_table_lookup (self->entries, key);
}

void
polisi_organisation_page_focus_answer (PolisiOrganisationPage *self,
                                       const char             *placeholder,
                                       int                     lang)
{
  GtkEditable *entry = NULL;

  g_return_if_fail (POLISI_IS_ORGANISATION_PAGE (self));

  if (placeholder == NULL)
    entry = GTK_EDITABLE (lang == POLISI_LANG_EN ? self->name_en_row : self->name_cy_row);
  else
    {
      entry = g_hash_table_lookup (self->entries, placeholder);
      if (entry == NULL)
        {
          g_autofree char *key = g_strdup_printf ("%s.%s", placeholder, polisi_lang_to_code (lang >= 0 ? lang : POLISI_LANG_CY));
          entry = g_hash_table_lookup (self->entries, key);
        }
    }
  if (entry != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (entry));
}
