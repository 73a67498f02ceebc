/* polisi-fields.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A comment and a proposal are records the policy makes and changes: each
 * shows its fields as read-only properties, notified when the policy
 * changes one. The properties of such a class are a table of its fields,
 * indexed by property id (entry 0 unused, as PROP_0); these functions
 * install them, read them, free the strings and set one with a notify
 * only on a real change. The classes stay distinct; only the rule that a
 * field is its property is kept here once.
 */
#include "config.h"

#include "polisi-fields-private.h"

#define FIELD(instance, field) ((gpointer) ((guint8 *) (instance) + (field)->offset))

/* Installs @fields[1 .. @n_props - 1] as read-only properties with
 * explicit notify; @pspecs gets them at the same ids. */
void
_polisi_fields_install (GObjectClass      *klass,
                        const PolisiField *fields,
                        guint              n_props,
                        GParamSpec       **pspecs)
{
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  pspecs[0] = NULL;
  for (guint i = 1; i < n_props; i++)
    {
      const PolisiField *field = &fields[i];

      if (field->type == G_TYPE_STRING)
        pspecs[i] = g_param_spec_string (field->name, NULL, NULL, NULL, flags);
      else
        {
          g_assert (field->type == G_TYPE_INT);
          pspecs[i] = g_param_spec_int (field->name, NULL, NULL, field->minimum, field->maximum,
                                        field->default_value, flags);
        }
    }
  g_object_class_install_properties (klass, n_props, pspecs);
}

void
_polisi_fields_get_property (GObject           *object,
                             const PolisiField *fields,
                             guint              n_props,
                             guint              prop_id,
                             GValue            *value,
                             GParamSpec        *pspec)
{
  const PolisiField *field;

  if (prop_id == 0 || prop_id >= n_props)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  field = &fields[prop_id];
  if (field->type == G_TYPE_STRING)
    g_value_set_string (value, *(char **) FIELD (object, field));
  else
    g_value_set_int (value, *(int *) FIELD (object, field));
}

/* Frees the string fields of @instance. */
void
_polisi_fields_free (gpointer           instance,
                     const PolisiField *fields,
                     guint              n_props)
{
  for (guint i = 1; i < n_props; i++)
    if (fields[i].type == G_TYPE_STRING)
      g_clear_pointer ((char **) FIELD (instance, &fields[i]), g_free);
}

/* Sets the string field of @prop_id, notifying it only when it changes. */
void
_polisi_fields_set_string (GObject           *object,
                           const PolisiField *fields,
                           GParamSpec       **pspecs,
                           guint              prop_id,
                           const char        *value)
{
  char **slot = FIELD (object, &fields[prop_id]);

  g_return_if_fail (fields[prop_id].type == G_TYPE_STRING);

  if (g_strcmp0 (*slot, value) == 0)
    return;
  g_free (*slot);
  *slot = g_strdup (value);
  g_object_notify_by_pspec (object, pspecs[prop_id]);
}
