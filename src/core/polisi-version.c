/* polisi-version.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row of the version history: the number, the date of adoption, who
 * approved it and the summary of changes, and, from file format 2 on, the
 * full text that was adopted (every clause in both languages, the front
 * matter and the answers), so that any two versions can be compared from
 * the one file. A version is adopted once and never changes; the policy
 * lists its versions as a GListModel (polisi_policy_get_versions()).
 */
#include "config.h"

#include "polisi-policy.h"
#include "polisi-text.h"
#include "polisi-version.h"

struct _PolisiVersion
{
  GObject              parent_instance;

  PolisiVersionRecord  record;
  PolisiPolicy        *text;   /* nullable: a version adopted before format 2 */
};

G_DEFINE_FINAL_TYPE (PolisiVersion, polisi_version, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NUMBER,
  PROP_DATE,
  PROP_APPROVED_BY,
  PROP_SUMMARY_CY,
  PROP_SUMMARY_EN,
  PROP_HAS_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
polisi_version_finalize (GObject *object)
{
  PolisiVersion *self = (PolisiVersion *) object;

  g_free (self->record.version);
  g_free (self->record.date);
  g_free (self->record.approved_by);
  for (guint i = 0; i < POLISI_N_LANGS; i++)
    g_free (self->record.summary[i]);
  g_clear_object (&self->text);

  G_OBJECT_CLASS (polisi_version_parent_class)->finalize (object);
}

static void
polisi_version_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PolisiVersion *self = POLISI_VERSION (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_string (value, self->record.version);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->record.date);
      break;
    case PROP_APPROVED_BY:
      g_value_set_string (value, self->record.approved_by);
      break;
    case PROP_SUMMARY_CY:
      g_value_set_string (value, self->record.summary[POLISI_LANG_CY]);
      break;
    case PROP_SUMMARY_EN:
      g_value_set_string (value, self->record.summary[POLISI_LANG_EN]);
      break;
    case PROP_HAS_TEXT:
      g_value_set_boolean (value, self->text != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
polisi_version_class_init (PolisiVersionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = polisi_version_finalize;
  object_class->get_property = polisi_version_get_property;

  properties[PROP_NUMBER] = g_param_spec_string ("number", NULL, NULL, NULL, flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_APPROVED_BY] = g_param_spec_string ("approved-by", NULL, NULL, NULL, flags);
  properties[PROP_SUMMARY_CY] = g_param_spec_string ("summary-cy", NULL, NULL, NULL, flags);
  properties[PROP_SUMMARY_EN] = g_param_spec_string ("summary-en", NULL, NULL, NULL, flags);
  /**
   * PolisiVersion:has-text:
   *
   * Whether the file keeps the text of this version, so that it can be
   * compared with another.
   */
  properties[PROP_HAS_TEXT] = g_param_spec_boolean ("has-text", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
polisi_version_init (PolisiVersion *self)
{
}

/**
 * polisi_version_new:
 * @summary_cy: (nullable): clause markup
 * @summary_en: (nullable): clause markup
 *
 * Returns: (transfer full): a version record, with no text yet
 */
PolisiVersion *
polisi_version_new (const char *number,
                    const char *date,
                    const char *approved_by,
                    const char *summary_cy,
                    const char *summary_en)
{
  PolisiVersion *self;
  g_autofree char *clean_cy = polisi_text_sanitize (summary_cy);
  g_autofree char *clean_en = polisi_text_sanitize (summary_en);

  g_return_val_if_fail (number != NULL && date != NULL, NULL);

  self = g_object_new (POLISI_TYPE_VERSION, NULL);
  self->record.version = g_strdup (number);
  self->record.date = g_strdup (date);
  self->record.approved_by = g_strdup (approved_by);
  self->record.summary[POLISI_LANG_CY] = polisi_text_normalize (clean_cy);
  self->record.summary[POLISI_LANG_EN] = polisi_text_normalize (clean_en);
  return self;
}

const char *
polisi_version_get_number (PolisiVersion *self)
{
  g_return_val_if_fail (POLISI_IS_VERSION (self), NULL);
  return self->record.version;
}

const char *
polisi_version_get_date (PolisiVersion *self)
{
  g_return_val_if_fail (POLISI_IS_VERSION (self), NULL);
  return self->record.date;
}

const char *
polisi_version_get_approved_by (PolisiVersion *self)
{
  g_return_val_if_fail (POLISI_IS_VERSION (self), NULL);
  return self->record.approved_by;
}

const char *
polisi_version_get_summary (PolisiVersion *self,
                            PolisiLang     lang)
{
  g_return_val_if_fail (POLISI_IS_VERSION (self), NULL);
  g_return_val_if_fail (lang < POLISI_N_LANGS, NULL);
  return self->record.summary[lang];
}

const PolisiVersionRecord *
polisi_version_get_record (PolisiVersion *self)
{
  g_return_val_if_fail (POLISI_IS_VERSION (self), NULL);
  return &self->record;
}

gboolean
polisi_version_get_has_text (PolisiVersion *self)
{
  g_return_val_if_fail (POLISI_IS_VERSION (self), FALSE);
  return self->text != NULL;
}

/* Returns: (transfer none) (nullable) */
PolisiPolicy *
_polisi_version_get_text (PolisiVersion *self)
{
  g_return_val_if_fail (POLISI_IS_VERSION (self), NULL);
  return self->text;
}

void
_polisi_version_set_text (PolisiVersion *self,
                          PolisiPolicy  *text)
{
  g_return_if_fail (POLISI_IS_VERSION (self));
  g_return_if_fail (text == NULL || POLISI_IS_POLICY (text));

  if (self->text == text)
    return;
  g_set_object (&self->text, text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_TEXT]);
}
