/* polisi-settable.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one table of what a person sets in a policy: the organisation's
 * names, kind and language category, the status, version and dates, the
 * review cycle and triggers, the clauses taken in or left out, the pending
 * summary (the summary of changes of the next version), and the answer to every question of the clause
 * library. Each key has its kind, what it is in both languages, where the
 * window sets it, and one rule for its values (polisi_settable_check()).
 * "--set KEY=VALUE", the batch's columns and the organisation step all
 * come from this table and apply a value with polisi_settable_apply().
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "polisi-checker.h"
#include "polisi-dates.h"
#include "polisi-error.h"
#include "polisi-settable.h"
#include "polisi-text.h"
#include "polisi-trigger.h"
#include "polisi-version-number.h"

typedef struct {
  const char         *key;
  PolisiSettableKind  kind;
  PolisiSettablePage  page;
  const char         *label_cy;
  const char         *label_en;
  const char         *description;
} FixedKey;

/* The keys of the policy itself, in the order "--set help" lists them. */
static const FixedKey fixed_keys[] = {
  { "organisation", POLISI_SETTABLE_TEXT, POLISI_SETTABLE_COMMAND_LINE,
    "Enw’r sefydliad, yn y ddwy iaith", "The organisation’s name, in both languages",
    N_("The organisation’s name, in both languages") },
  { "name-cy", POLISI_SETTABLE_TEXT, POLISI_SETTABLE_ORGANISATION,
    "Enw yn Gymraeg", "Name in Welsh", N_("The organisation’s name in Welsh") },
  { "name-en", POLISI_SETTABLE_TEXT, POLISI_SETTABLE_ORGANISATION,
    "Enw yn Saesneg", "Name in English", N_("The organisation’s name in English") },
  { "type", POLISI_SETTABLE_CHOICE, POLISI_SETTABLE_ORGANISATION,
    "Math o sefydliad", "Kind of Organisation", N_("The kind of organisation") },
  { "language-category", POLISI_SETTABLE_CHOICE, POLISI_SETTABLE_ORGANISATION,
    "Categori iaith", "Language category", N_("The school’s language category (outside Wales: english)") },
  { "status", POLISI_SETTABLE_CHOICE, POLISI_SETTABLE_CONSULTATION,
    "Statws", "Status", N_("draft or consultation (adopting a policy records a version)") },
  { "version", POLISI_SETTABLE_VERSION, POLISI_SETTABLE_CONSULTATION,
    "Fersiwn y drafft", "Version of the draft", N_("The version number, such as 1.2") },
  { "closing-date", POLISI_SETTABLE_DATE, POLISI_SETTABLE_CONSULTATION,
    "Dyddiad cau ar gyfer sylwadau", "Closing date for comments",
    N_("The closing date for consultation comments, YYYY-MM-DD") },
  { "adoption-date", POLISI_SETTABLE_DATE, POLISI_SETTABLE_REVIEW,
    "Dyddiad mabwysiadu", "Date of adoption", N_("The date the policy was adopted, YYYY-MM-DD") },
  { "approved-by", POLISI_SETTABLE_TEXT, POLISI_SETTABLE_REVIEW,
    "Cymeradwywyd gan", "Approved by", N_("Who approved the policy") },
  { "review-cycle", POLISI_SETTABLE_MONTHS, POLISI_SETTABLE_ORGANISATION,
    "Misoedd rhwng adolygiadau", "Months Between Reviews", N_("Months between reviews (12 for yearly)") },
  { "review-date", POLISI_SETTABLE_DATE, POLISI_SETTABLE_COMMAND_LINE,
    "Dyddiad adolygu", "Review date", N_("A review date that overrides the cycle, YYYY-MM-DD; empty to clear") },
  { "include", POLISI_SETTABLE_CLAUSE, POLISI_SETTABLE_CLAUSES,
    "Cynnwys cymal", "Include a clause", N_("Include a clause, by its id") },
  { "exclude", POLISI_SETTABLE_CLAUSE, POLISI_SETTABLE_CLAUSES,
    "Hepgor cymal", "Leave out a clause", N_("Leave out a clause, by its id") },
  { "review-trigger", POLISI_SETTABLE_TRIGGER, POLISI_SETTABLE_REVIEW,
    "Sbardun adolygu", "Review trigger", N_("Record what makes a review due early: KIND:YYYY-MM-DD:NOTE") },
  { "pending-summary-cy", POLISI_SETTABLE_PARAGRAPHS, POLISI_SETTABLE_REVIEW,
    "Crynodeb o’r newidiadau yn Gymraeg", "Summary of changes in Welsh",
    N_("The summary of changes of the next version, in Welsh (shown in consultation drafts, taken by --adopt; "
       "the older key draft-summary-cy=… still works); empty to clear") },
  { "pending-summary-en", POLISI_SETTABLE_PARAGRAPHS, POLISI_SETTABLE_REVIEW,
    "Crynodeb o’r newidiadau yn Saesneg", "Summary of changes in English",
    N_("The summary of changes of the next version, in English (the older key draft-summary-en=… still works); "
       "empty to clear") },
};

/* Older names of keys, still taken so that scripts written for them keep
 * working: "draft" now means only a policy's status. */
static const struct {
  const char *alias;
  const char *key;
} key_aliases[] = {
  { "draft-summary-cy", "pending-summary-cy" },
  { "draft-summary-en", "pending-summary-en" },
};

static void
settable_free (PolisiSettable *settable)
{
  g_free (settable->key);
  g_free (settable->label[POLISI_LANG_CY]);
  g_free (settable->label[POLISI_LANG_EN]);
  g_free (settable);
}

static GType
choices_of (const char *key)
{
  if (g_str_equal (key, "type"))
    return POLISI_TYPE_ORGANISATION_TYPE;
  if (g_str_equal (key, "language-category"))
    return POLISI_TYPE_LANGUAGE_CATEGORY;
  if (g_str_equal (key, "status"))
    return POLISI_TYPE_STATUS;
  return G_TYPE_INVALID;
}

static void
add_answer (GPtrArray         *list,
            PolisiPlaceholder *placeholder,
            int                lang)
{
  PolisiSettable *settable = g_new0 (PolisiSettable, 1);
  const char *id = polisi_placeholder_get_id (placeholder);

  settable->key = lang < 0 ? g_strdup (id) : g_strdup_printf ("%s.%s", id, polisi_lang_to_code (lang));
  settable->kind = POLISI_SETTABLE_ANSWER;
  /* the organisation step asks a question in both languages once in each */
  settable->page = lang < 0 && polisi_placeholder_is_bilingual (placeholder) ? POLISI_SETTABLE_COMMAND_LINE
                                                                              : POLISI_SETTABLE_ORGANISATION;
  for (guint l = 0; l < POLISI_N_LANGS; l++)
    {
      const char *label = polisi_placeholder_get_label (placeholder, l);

      if (lang < 0)
        settable->label[l] = g_strdup (label);
      else if (l == POLISI_LANG_CY)
        settable->label[l] = g_strdup_printf (lang == POLISI_LANG_CY ? "%s (Cymraeg)" : "%s (Saesneg)", label);
      else
        settable->label[l] = g_strdup_printf (lang == POLISI_LANG_CY ? "%s (Welsh)" : "%s (English)", label);
    }
  settable->placeholder = placeholder;
  settable->lang = lang;
  g_ptr_array_add (list, settable);
}

/**
 * polisi_settable_list:
 *
 * Every key a person sets: the policy's own, then an answer for each
 * question of @library that is not filled in by Polisi itself (a
 * question in both languages as one key for both and a key for each).
 *
 * Returns: (transfer container) (element-type PolisiSettable): the keys
 */
GPtrArray *
polisi_settable_list (PolisiLibrary *library)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) settable_free);

  g_return_val_if_fail (POLISI_IS_LIBRARY (library), list);

  for (guint i = 0; i < G_N_ELEMENTS (fixed_keys); i++)
    {
      PolisiSettable *settable = g_new0 (PolisiSettable, 1);

      settable->key = g_strdup (fixed_keys[i].key);
      settable->kind = fixed_keys[i].kind;
      settable->page = fixed_keys[i].page;
      settable->label[POLISI_LANG_CY] = g_strdup (fixed_keys[i].label_cy);
      settable->label[POLISI_LANG_EN] = g_strdup (fixed_keys[i].label_en);
      settable->description = fixed_keys[i].description;
      settable->choices = choices_of (fixed_keys[i].key);
      settable->lang = g_str_equal (fixed_keys[i].key, "name-cy") ? POLISI_LANG_CY :
                       g_str_equal (fixed_keys[i].key, "name-en") ? POLISI_LANG_EN : -1;
      g_ptr_array_add (list, settable);
    }

  for (guint i = 0; i < polisi_library_get_n_placeholders (library); i++)
    {
      PolisiPlaceholder *placeholder = polisi_library_get_placeholder (library, i);

      if (polisi_placeholder_get_derived (placeholder) != POLISI_DERIVED_NONE)
        continue;
      add_answer (list, placeholder, -1);
      if (polisi_placeholder_is_bilingual (placeholder))
        {
          add_answer (list, placeholder, POLISI_LANG_CY);
          add_answer (list, placeholder, POLISI_LANG_EN);
        }
    }
  return list;
}

/**
 * polisi_settable_lookup:
 * @key: a key as a person writes it: an answer's may have "-" for "_"
 *   ("head-teacher"), and an older name of a key is taken for the key
 *   ("draft-summary-en" for "pending-summary-en")
 *
 * Returns: (transfer none) (nullable): the key, or %NULL if there is none
 */
const PolisiSettable *
polisi_settable_lookup (GPtrArray  *settables,
                        const char *key)
{
  g_autofree char *normal = NULL;

  g_return_val_if_fail (settables != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (key_aliases); i++)
    if (g_str_equal (key, key_aliases[i].alias))
      key = key_aliases[i].key;

  for (guint i = 0; i < settables->len; i++)
    if (g_str_equal (((PolisiSettable *) settables->pdata[i])->key, key))
      return settables->pdata[i];

  normal = g_strdelimit (g_strdup (key), "-", '_');
  for (guint i = 0; i < settables->len; i++)
    {
      PolisiSettable *settable = settables->pdata[i];

      if (settable->kind == POLISI_SETTABLE_ANSWER && g_str_equal (settable->key, normal))
        return settable;
    }
  return NULL;
}

static gboolean
check_choice (const PolisiSettable  *settable,
              const char            *value,
              GError               **error)
{
  g_autofree char *nicks = NULL;
  int number;

  if (polisi_enum_from_string (settable->choices, value, &number))
    {
      if (settable->choices == POLISI_TYPE_STATUS && number == POLISI_STATUS_ADOPTED)
        {
          g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                       _("A policy is adopted by recording a new version, with who approved it and a summary of changes. "
                         "Use --adopt with --approved-by and --summary-en (and --summary-cy)."));
          return FALSE;
        }
      return TRUE;
    }
  nicks = polisi_enum_list_nicks (settable->choices, ", ");
  g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
               _("“%s” is not a valid value for %s. Use one of: %s."), value, settable->key, nicks);
  return FALSE;
}

static gboolean
check_trigger (const char  *value,
               int         *kind,
               char       **date,
               char       **note,
               GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (value, ":", 3);
  g_autofree char *kinds = polisi_enum_list_nicks (POLISI_TYPE_TRIGGER_KIND, ", ");

  if (g_strv_length (parts) < 2)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                   _("“%s” is not a review trigger. Write KIND:YYYY-MM-DD:NOTE, where KIND is one of %s; "
                     "for example legislation:2026-10-01:Online Safety Act 2023."),
                   value, kinds);
      return FALSE;
    }
  g_strstrip (parts[0]);
  g_strstrip (parts[1]);
  if (!polisi_enum_from_string (POLISI_TYPE_TRIGGER_KIND, parts[0], kind))
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                   _("“%s” is not a valid value for %s. Use one of: %s."), parts[0], "review-trigger", kinds);
      return FALSE;
    }
  if (!polisi_date_check_iso (parts[1], "review-trigger", error))
    return FALSE;
  if (date != NULL)
    *date = g_strdup (parts[1]);
  if (note != NULL)
    *note = g_strdup (parts[2]);
  return TRUE;
}

/**
 * polisi_settable_check:
 * @value: the value, as sanitized text (polisi_text_sanitize())
 *
 * The rule for the values of @settable, without a policy: what a
 * value must be to be taken, with a message saying what to write when it
 * is not. (Whether a clause is in the policy, or a version follows the
 * last adopted, is for polisi_settable_apply() to say.)
 */
gboolean
polisi_settable_check (const PolisiSettable  *settable,
                       const char            *value,
                       GError               **error)
{
  /* Translators: %s is a key of --set, such as organisation */
  g_autofree char *what = NULL;

  g_return_val_if_fail (settable != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  what = g_strdup_printf (_("the value of “%s”"), settable->key);
  if (!polisi_text_check_length (value, settable->kind == POLISI_SETTABLE_PARAGRAPHS ? POLISI_TEXT_MAX_BLOCKS :
                                        POLISI_TEXT_MAX_LINE, what, error))
    return FALSE;

  switch (settable->kind)
    {
    case POLISI_SETTABLE_TEXT:
    case POLISI_SETTABLE_PARAGRAPHS:
      return TRUE;
    case POLISI_SETTABLE_CHOICE:
      return check_choice (settable, value, error);
    case POLISI_SETTABLE_DATE:
      return value[0] == '\0' || polisi_date_check_iso (value, settable->key, error);
    case POLISI_SETTABLE_MONTHS:
      {
        guint64 months;

        if (g_ascii_string_to_unsigned (value, 10, 1, 120, &months, NULL))
          return TRUE;
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                     _("“%s” is not a review cycle. Give the number of months between reviews, from 1 to 120 (12 for yearly)."),
                     value);
        return FALSE;
      }
    case POLISI_SETTABLE_VERSION:
      return polisi_version_number_check (value, error);
    case POLISI_SETTABLE_CLAUSE:
      if (value[0] != '\0')
        return TRUE;
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                   _("%s needs the id of a clause, such as scope.people. “polisi --review” and the exports show "
                     "each clause’s id."), settable->key);
      return FALSE;
    case POLISI_SETTABLE_TRIGGER:
      return check_trigger (value, &(int) { 0 }, NULL, NULL, error);
    case POLISI_SETTABLE_ANSWER:
      return polisi_placeholder_check_answer (settable->placeholder, value, settable->key, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

/**
 * polisi_settable_apply:
 *
 * Checks @value and sets it in @policy, as "--set KEY=VALUE" does; a
 * value refused leaves the policy as it was.
 */
gboolean
polisi_settable_apply (const PolisiSettable  *settable,
                       PolisiPolicy          *policy,
                       PolisiLibrary         *library,
                       const char            *value,
                       GError               **error)
{
  const char *key;
  int number = 0;

  g_return_val_if_fail (settable != NULL, FALSE);
  g_return_val_if_fail (POLISI_IS_POLICY (policy), FALSE);
  g_return_val_if_fail (POLISI_IS_LIBRARY (library), FALSE);

  if (!polisi_settable_check (settable, value, error))
    return FALSE;
  key = settable->key;
  if (settable->choices != G_TYPE_INVALID)
    polisi_enum_from_string (settable->choices, value, &number);

  switch (settable->kind)
    {
    case POLISI_SETTABLE_ANSWER:
      {
        const char *id = polisi_placeholder_get_id (settable->placeholder);

        if (settable->lang < 0)
          polisi_policy_set_answer (policy, id, value);
        else
          polisi_policy_set_answer_lang (policy, id, settable->lang, value);
        return TRUE;
      }
    case POLISI_SETTABLE_CLAUSE:
      {
        PolisiClauseState *state = polisi_policy_lookup_clause (policy, value);

        if (state == NULL)
          {
            g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                         _("The policy has no clause called “%s”."), value);
            return FALSE;
          }
        return polisi_clause_state_include (state, polisi_library_lookup_clause (library, value),
                                            g_str_equal (key, "include"), polisi_interface_lang (), error);
      }
    case POLISI_SETTABLE_TRIGGER:
      {
        g_autofree char *date = NULL;
        g_autofree char *note = NULL;

        check_trigger (value, &number, &date, &note, NULL);
        return polisi_policy_add_review_trigger (policy, number, date, note, error);
      }
    case POLISI_SETTABLE_VERSION:
      return polisi_policy_set_draft_version (policy, value, error);
    case POLISI_SETTABLE_MONTHS:
      polisi_policy_set_review_cycle (policy, (guint) g_ascii_strtoull (value, NULL, 10));
      return TRUE;
    case POLISI_SETTABLE_TEXT:
    case POLISI_SETTABLE_PARAGRAPHS:
    case POLISI_SETTABLE_CHOICE:
    case POLISI_SETTABLE_DATE:
    default:
      break;
    }

  if (g_str_equal (key, "organisation"))
    {
      polisi_policy_set_name (policy, POLISI_LANG_CY, value);
      polisi_policy_set_name (policy, POLISI_LANG_EN, value);
    }
  else if (g_str_equal (key, "name-cy") || g_str_equal (key, "name-en"))
    polisi_policy_set_name (policy, settable->lang, value);
  else if (g_str_equal (key, "type"))
    polisi_policy_set_organisation_type (policy, number);
  else if (g_str_equal (key, "language-category"))
    {
      polisi_policy_set_language_category (policy, number);
      /* the wording of clauses that differ between Wales and England follows */
      polisi_policy_apply_nation (policy, library);
    }
  else if (g_str_equal (key, "status"))
    polisi_policy_open_draft (policy, number);
  else if (g_str_equal (key, "closing-date"))
    polisi_policy_set_closing_date (policy, value);
  else if (g_str_equal (key, "adoption-date"))
    polisi_policy_set_adoption_date (policy, value);
  else if (g_str_equal (key, "review-date"))
    polisi_policy_set_review_date_override (policy, value);
  else if (g_str_equal (key, "approved-by"))
    polisi_policy_set_approved_by (policy, value);
  else if (g_str_equal (key, "pending-summary-cy"))
    polisi_policy_set_pending_summary (policy, POLISI_LANG_CY, value);
  else if (g_str_equal (key, "pending-summary-en"))
    polisi_policy_set_pending_summary (policy, POLISI_LANG_EN, value);
  else
    g_return_val_if_reached (FALSE);
  return TRUE;
}
