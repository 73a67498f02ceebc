/* polisi-fields-private.h: read-only properties kept in an instance's
 * fields
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A property that shows a field of the instance: a string (owned by the
 * instance, freed with it) or an int (an enum's value too). */
typedef struct {
  const char *name;
  gsize       offset;
  GType       type;           /* G_TYPE_STRING or G_TYPE_INT */
  int         minimum;        /* for an int */
  int         maximum;
  int         default_value;
} PolisiField;

#define POLISI_FIELD_STRING(Type, member, prop_name) \
  { prop_name, G_STRUCT_OFFSET (Type, member), G_TYPE_STRING, 0, 0, 0 }
#define POLISI_FIELD_INT(Type, member, prop_name, min, max, def) \
  { prop_name, G_STRUCT_OFFSET (Type, member), G_TYPE_INT, min, max, def }

void _polisi_fields_install       (GObjectClass      *klass,
                                   const PolisiField *fields,
                                   guint              n_props,
                                   GParamSpec       **pspecs);
void _polisi_fields_get_property  (GObject           *object,
                                   const PolisiField *fields,
                                   guint              n_props,
                                   guint              prop_id,
                                   GValue            *value,
                                   GParamSpec        *pspec);
void _polisi_fields_free          (gpointer           instance,
                                   const PolisiField *fields,
                                   guint              n_props);
void _polisi_fields_set_string    (GObject           *object,
                                   const PolisiField *fields,
                                   GParamSpec       **pspecs,
                                   guint              prop_id,
                                   const char        *value);

G_END_DECLS
