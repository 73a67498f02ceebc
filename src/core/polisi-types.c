/* polisi-types.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "polisi-types.h"

G_DEFINE_ENUM_TYPE (PolisiLang, polisi_lang,
  G_DEFINE_ENUM_VALUE (POLISI_LANG_CY, "cy"),
  G_DEFINE_ENUM_VALUE (POLISI_LANG_EN, "en"))

G_DEFINE_ENUM_TYPE (PolisiStatus, polisi_status,
  G_DEFINE_ENUM_VALUE (POLISI_STATUS_DRAFT, "draft"),
  G_DEFINE_ENUM_VALUE (POLISI_STATUS_CONSULTATION, "consultation"),
  G_DEFINE_ENUM_VALUE (POLISI_STATUS_ADOPTED, "adopted"))

G_DEFINE_ENUM_TYPE (PolisiNation, polisi_nation,
  G_DEFINE_ENUM_VALUE (POLISI_NATION_WALES, "wales"),
  G_DEFINE_ENUM_VALUE (POLISI_NATION_ENGLAND, "england"))

G_DEFINE_ENUM_TYPE (PolisiLanguageCategory, polisi_language_category,
  G_DEFINE_ENUM_VALUE (POLISI_LANGUAGE_CATEGORY_WELSH, "primarily-welsh"),
  G_DEFINE_ENUM_VALUE (POLISI_LANGUAGE_CATEGORY_DUAL, "dual"),
  G_DEFINE_ENUM_VALUE (POLISI_LANGUAGE_CATEGORY_ENGLISH_PARTLY_WELSH, "primarily-english-partly-welsh"),
  G_DEFINE_ENUM_VALUE (POLISI_LANGUAGE_CATEGORY_ENGLISH, "english"))

G_DEFINE_ENUM_TYPE (PolisiOrganisationType, polisi_organisation_type,
  G_DEFINE_ENUM_VALUE (POLISI_ORGANISATION_NURSERY, "nursery"),
  G_DEFINE_ENUM_VALUE (POLISI_ORGANISATION_PRIMARY, "primary"),
  G_DEFINE_ENUM_VALUE (POLISI_ORGANISATION_SECONDARY, "secondary"),
  G_DEFINE_ENUM_VALUE (POLISI_ORGANISATION_ALL_AGE, "all-age"),
  G_DEFINE_ENUM_VALUE (POLISI_ORGANISATION_SPECIAL, "special"),
  G_DEFINE_ENUM_VALUE (POLISI_ORGANISATION_PUPIL_REFERRAL_UNIT, "pupil-referral-unit"),
  G_DEFINE_ENUM_VALUE (POLISI_ORGANISATION_COLLEGE, "college"),
  G_DEFINE_ENUM_VALUE (POLISI_ORGANISATION_TRUST, "trust"),
  G_DEFINE_ENUM_VALUE (POLISI_ORGANISATION_LOCAL_AUTHORITY, "local-authority"),
  G_DEFINE_ENUM_VALUE (POLISI_ORGANISATION_OTHER, "other"))

G_DEFINE_ENUM_TYPE (PolisiClauseDefault, polisi_clause_default,
  G_DEFINE_ENUM_VALUE (POLISI_CLAUSE_REQUIRED, "required"),
  G_DEFINE_ENUM_VALUE (POLISI_CLAUSE_RECOMMENDED, "recommended"),
  G_DEFINE_ENUM_VALUE (POLISI_CLAUSE_OPTIONAL, "optional"))

G_DEFINE_ENUM_TYPE (PolisiLayout, polisi_layout,
  G_DEFINE_ENUM_VALUE (POLISI_LAYOUT_CY, "cy"),
  G_DEFINE_ENUM_VALUE (POLISI_LAYOUT_EN, "en"),
  G_DEFINE_ENUM_VALUE (POLISI_LAYOUT_COLUMNS, "columns"),
  G_DEFINE_ENUM_VALUE (POLISI_LAYOUT_SEQUENTIAL, "sequential"),
  G_DEFINE_ENUM_VALUE (POLISI_LAYOUT_SEPARATE, "separate"))

G_DEFINE_ENUM_TYPE (PolisiTriggerKind, polisi_trigger_kind,
  G_DEFINE_ENUM_VALUE (POLISI_TRIGGER_LEGISLATION, "legislation"),
  G_DEFINE_ENUM_VALUE (POLISI_TRIGGER_GUIDANCE, "guidance"),
  G_DEFINE_ENUM_VALUE (POLISI_TRIGGER_CASE_LAW, "case-law"),
  G_DEFINE_ENUM_VALUE (POLISI_TRIGGER_INCIDENT, "incident"))

const char *
polisi_enum_to_string (GType enum_type,
                       int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  return enum_value != NULL ? enum_value->value_nick : NULL;
}

gboolean
polisi_enum_from_string (GType       enum_type,
                         const char *string,
                         int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *enum_value;

  g_return_val_if_fail (value != NULL, FALSE);

  if (string == NULL)
    return FALSE;

  klass = g_type_class_ref (enum_type);
  enum_value = g_enum_get_value_by_nick (klass, string);
  if (enum_value == NULL)
    return FALSE;

  *value = enum_value->value;
  return TRUE;
}

char *
polisi_enum_list_nicks (GType       enum_type,
                        const char *separator)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (list, separator);
      g_string_append (list, klass->values[i].value_nick);
    }

  return g_string_free (g_steal_pointer (&list), FALSE);
}

const char *
polisi_lang_to_code (PolisiLang lang)
{
  return lang == POLISI_LANG_CY ? "cy" : "en";
}

const char *
polisi_lang_to_tag (PolisiLang lang)
{
  return lang == POLISI_LANG_CY ? "cy-GB" : "en-GB";
}

const char *
polisi_lang_to_country (PolisiLang lang)
{
  return "GB";
}

gboolean
polisi_lang_from_code (const char *code,
                       PolisiLang *lang)
{
  if (g_strcmp0 (code, "cy") == 0)
    *lang = POLISI_LANG_CY;
  else if (g_strcmp0 (code, "en") == 0)
    *lang = POLISI_LANG_EN;
  else
    return FALSE;

  return TRUE;
}

const char *
polisi_status_get_label (PolisiStatus status)
{
  switch (status)
    {
    case POLISI_STATUS_DRAFT:
      /* Translators: the status of a policy */
      return C_("status", "Draft");
    case POLISI_STATUS_CONSULTATION:
      /* Translators: the status of a policy shared with the trade unions */
      return C_("status", "Consultation draft");
    case POLISI_STATUS_ADOPTED:
      /* Translators: the status of a policy */
      return C_("status", "Adopted");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The status as the document prints it, in the document's language, not
 * the interface's. */
const char *
polisi_status_get_name (PolisiStatus status,
                        PolisiLang   lang)
{
  static const char *names[][POLISI_N_LANGS] = {
    [POLISI_STATUS_DRAFT] = { "Drafft", "Draft" },
    [POLISI_STATUS_CONSULTATION] = { "Drafft ymgynghori", "Consultation draft" },
    [POLISI_STATUS_ADOPTED] = { "Wedi’i fabwysiadu", "Adopted" },
  };

  g_return_val_if_fail (status <= POLISI_STATUS_ADOPTED, NULL);
  return names[status][lang];
}

const char *
polisi_language_category_get_label (PolisiLanguageCategory category)
{
  switch (category)
    {
    case POLISI_LANGUAGE_CATEGORY_WELSH:
      /* Translators: the statutory language categories of schools in Wales,
       * as the Welsh Government names them */
      return _("Primarily Welsh language");
    case POLISI_LANGUAGE_CATEGORY_DUAL:
      return _("Dual language");
    case POLISI_LANGUAGE_CATEGORY_ENGLISH_PARTLY_WELSH:
      return _("Primarily English language, partly Welsh");
    case POLISI_LANGUAGE_CATEGORY_ENGLISH:
      return _("English medium, outside Wales");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
polisi_organisation_type_get_label (PolisiOrganisationType type)
{
  switch (type)
    {
    case POLISI_ORGANISATION_NURSERY:
      return _("Nursery school");
    case POLISI_ORGANISATION_PRIMARY:
      return _("Primary school");
    case POLISI_ORGANISATION_SECONDARY:
      return _("Secondary school");
    case POLISI_ORGANISATION_ALL_AGE:
      return _("All-age school");
    case POLISI_ORGANISATION_SPECIAL:
      return _("Special school");
    case POLISI_ORGANISATION_PUPIL_REFERRAL_UNIT:
      return _("Pupil referral unit");
    case POLISI_ORGANISATION_COLLEGE:
      return _("College");
    case POLISI_ORGANISATION_TRUST:
      /* Translators: a multi-academy trust or a federation of schools */
      return _("Trust");
    case POLISI_ORGANISATION_LOCAL_AUTHORITY:
      return _("Local authority");
    case POLISI_ORGANISATION_OTHER:
      return _("Other organisation");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
polisi_layout_get_label (PolisiLayout layout)
{
  switch (layout)
    {
    case POLISI_LAYOUT_CY:
      return _("Welsh only");
    case POLISI_LAYOUT_EN:
      return _("English only");
    case POLISI_LAYOUT_COLUMNS:
      return _("Parallel columns");
    case POLISI_LAYOUT_SEQUENTIAL:
      return _("Back to back");
    case POLISI_LAYOUT_SEPARATE:
      return _("Two separate files");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* What a review trigger is, as a noun phrase in the interface language:
 * "new legislation", "a significant incident". */
const char *
polisi_trigger_kind_get_label (PolisiTriggerKind kind)
{
  switch (kind)
    {
    case POLISI_TRIGGER_LEGISLATION:
      /* Translators: a reason to review a policy early */
      return _("new legislation");
    case POLISI_TRIGGER_GUIDANCE:
      /* Translators: a reason to review a policy early */
      return _("new guidance");
    case POLISI_TRIGGER_CASE_LAW:
      /* Translators: a reason to review a policy early: a court or tribunal decision */
      return _("a court or tribunal decision");
    case POLISI_TRIGGER_INCIDENT:
      /* Translators: a reason to review a policy early */
      return _("a significant incident");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Welsh-medium and dual-language schools publish side by side; a school
 * that is primarily English but partly Welsh publishes back to back, Welsh
 * first; outside Wales the policy is in English. */
PolisiLayout
polisi_language_category_get_default_layout (PolisiLanguageCategory category)
{
  switch (category)
    {
    case POLISI_LANGUAGE_CATEGORY_WELSH:
    case POLISI_LANGUAGE_CATEGORY_DUAL:
      return POLISI_LAYOUT_COLUMNS;
    case POLISI_LANGUAGE_CATEGORY_ENGLISH_PARTLY_WELSH:
      return POLISI_LAYOUT_SEQUENTIAL;
    case POLISI_LANGUAGE_CATEGORY_ENGLISH:
    default:
      return POLISI_LAYOUT_EN;
    }
}
