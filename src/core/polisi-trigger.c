/* polisi-trigger.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A review trigger: new legislation, new guidance, a court decision or an
 * incident, on a date. The policy keeps them in date order as a GListModel
 * (polisi_policy_get_review_triggers()).
 */
#include "config.h"

#include "polisi-text.h"
#include "polisi-trigger.h"

struct _PolisiTrigger
{
  GObject              parent_instance;

  PolisiReviewTrigger  record;
};

G_DEFINE_FINAL_TYPE (PolisiTrigger, polisi_trigger, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_DATE,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
polisi_trigger_finalize (GObject *object)
{
  PolisiTrigger *self = (PolisiTrigger *) object;

  g_free (self->record.date);
  g_free (self->record.note);

  G_OBJECT_CLASS (polisi_trigger_parent_class)->finalize (object);
}

static void
polisi_trigger_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PolisiTrigger *self = POLISI_TRIGGER (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->record.kind);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->record.date);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->record.note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
polisi_trigger_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PolisiTrigger *self = POLISI_TRIGGER (object);

  switch (prop_id)
    {
    case PROP_NOTE:
      polisi_trigger_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
polisi_trigger_class_init (PolisiTriggerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = polisi_trigger_finalize;
  object_class->get_property = polisi_trigger_get_property;
  object_class->set_property = polisi_trigger_set_property;

  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, POLISI_TYPE_TRIGGER_KIND,
                                             POLISI_TRIGGER_LEGISLATION, flags | G_PARAM_READABLE);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags | G_PARAM_READABLE);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags | G_PARAM_READWRITE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
polisi_trigger_init (PolisiTrigger *self)
{
}

static char *
clean_note (const char *note)
{
  char *collapsed = polisi_text_sanitize_collapsed (note);

  if (collapsed[0] == '\0')
    g_clear_pointer (&collapsed, g_free);
  return collapsed;
}

/**
 * polisi_trigger_new:
 * @date: YYYY-MM-DD, already checked
 * @note: (nullable): what happened
 */
PolisiTrigger *
polisi_trigger_new (PolisiTriggerKind  kind,
                    const char        *date,
                    const char        *note)
{
  PolisiTrigger *self;

  g_return_val_if_fail (kind <= POLISI_TRIGGER_INCIDENT, NULL);

  self = g_object_new (POLISI_TYPE_TRIGGER, NULL);
  self->record.kind = kind;
  self->record.date = g_strdup (date);
  self->record.note = clean_note (note);
  return self;
}

PolisiTriggerKind
polisi_trigger_get_kind (PolisiTrigger *self)
{
  g_return_val_if_fail (POLISI_IS_TRIGGER (self), POLISI_TRIGGER_LEGISLATION);
  return self->record.kind;
}

const char *
polisi_trigger_get_date (PolisiTrigger *self)
{
  g_return_val_if_fail (POLISI_IS_TRIGGER (self), NULL);
  return self->record.date;
}

const char *
polisi_trigger_get_note (PolisiTrigger *self)
{
  g_return_val_if_fail (POLISI_IS_TRIGGER (self), NULL);
  return self->record.note;
}

/* Notifies only when the note really changes. */
void
polisi_trigger_set_note (PolisiTrigger *self,
                         const char    *note)
{
  g_autofree char *clean = NULL;

  g_return_if_fail (POLISI_IS_TRIGGER (self));

  clean = clean_note (note);
  if (g_strcmp0 (clean, self->record.note) == 0)
    return;
  g_free (self->record.note);
  self->record.note = g_steal_pointer (&clean);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

const PolisiReviewTrigger *
polisi_trigger_get_record (PolisiTrigger *self)
{
  g_return_val_if_fail (POLISI_IS_TRIGGER (self), NULL);
  return &self->record;
}
