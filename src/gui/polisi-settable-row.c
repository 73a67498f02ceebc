/* polisi-settable-row.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One key of the policy typed in a row (the organisation's names, an
 * answer), bound to its PolisiSettable: titled as the table names it in
 * the interface language, checked by the table's rule as it is typed (the
 * row shows an error until the value is taken), and set through
 * polisi_settable_apply(), as --set sets it. An answer the rule refuses
 * (an e-mail address half typed) is still kept as typed, so that nothing
 * typed is lost; the checker and the row say what is wrong with it.
 */
#include "config.h"

#include "polisi-checker.h"
#include "polisi-settable-row.h"

struct _PolisiSettableRow
{
  AdwEntryRow           parent_instance;

  const PolisiSettable *settable;   /* the page's table outlives its rows */
  PolisiPolicy         *policy;
  PolisiLibrary        *library;
};

G_DEFINE_FINAL_TYPE (PolisiSettableRow, polisi_settable_row, ADW_TYPE_ENTRY_ROW)

static void
on_changed (PolisiSettableRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self));
  const PolisiSettable *settable = self->settable;

  if (polisi_settable_apply (settable, self->policy, self->library, text, NULL))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
      return;
    }
  gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  if (settable->kind == POLISI_SETTABLE_ANSWER)
    {
      const char *id = polisi_placeholder_get_id (settable->placeholder);

      if (settable->lang < 0)
        polisi_policy_set_answer (self->policy, id, text);
      else
        polisi_policy_set_answer_lang (self->policy, id, settable->lang, text);
    }
}

static void
polisi_settable_row_dispose (GObject *object)
{
  PolisiSettableRow *self = (PolisiSettableRow *) object;

  g_clear_object (&self->policy);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (polisi_settable_row_parent_class)->dispose (object);
}

static void
polisi_settable_row_class_init (PolisiSettableRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = polisi_settable_row_dispose;
}

static void
polisi_settable_row_init (PolisiSettableRow *self)
{
}

/* What the policy holds for @settable now. */
static const char *
current_value (PolisiSettableRow *self)
{
  const PolisiSettable *settable = self->settable;

  if (settable->kind == POLISI_SETTABLE_ANSWER)
    return polisi_policy_get_answer (self->policy, polisi_placeholder_get_id (settable->placeholder),
                                     settable->lang < 0 ? POLISI_LANG_CY : settable->lang);
  if (g_str_equal (settable->key, "name-cy") || g_str_equal (settable->key, "name-en"))
    return polisi_policy_get_name (self->policy, settable->lang);
  g_return_val_if_reached (NULL);
}

/**
 * polisi_settable_row_new:
 * @settable: a key typed as text: a name, or an answer
 * @ui: the interface language (the page's context's): the label and hint
 *
 * Returns: (transfer floating): the row, showing what @policy holds
 */
GtkWidget *
polisi_settable_row_new (const PolisiSettable *settable,
                         PolisiPolicy         *policy,
                         PolisiLibrary        *library,
                         PolisiLang            ui)
{
  PolisiSettableRow *self;
  const char *value;

  g_return_val_if_fail (settable != NULL, NULL);
  g_return_val_if_fail (POLISI_IS_POLICY (policy), NULL);

  self = g_object_new (POLISI_TYPE_SETTABLE_ROW, NULL);
  self->settable = settable;
  self->policy = g_object_ref (policy);
  self->library = g_object_ref (library);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), settable->label[ui]);
  if (settable->placeholder != NULL && polisi_placeholder_get_hint (settable->placeholder, ui) != NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self), polisi_placeholder_get_hint (settable->placeholder, ui));
  value = current_value (self);
  if (value != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self), value);
  /* from now on, what is typed goes to the policy */
  g_signal_connect (self, "changed", G_CALLBACK (on_changed), NULL);
  return GTK_WIDGET (self);
}

const PolisiSettable *
polisi_settable_row_get_settable (PolisiSettableRow *self)
{
  g_return_val_if_fail (POLISI_IS_SETTABLE_ROW (self), NULL);
  return self->settable;
}
