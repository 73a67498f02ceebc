/* polisi-placeholder.h: a value the author is asked for, such as {head_teacher}
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "polisi-types.h"

G_BEGIN_DECLS

typedef enum {
  POLISI_PLACEHOLDER_TEXT,       /* one value for both languages: a name */
  POLISI_PLACEHOLDER_BILINGUAL,  /* one value per language */
  POLISI_PLACEHOLDER_PERSON,
  POLISI_PLACEHOLDER_EMAIL,
  POLISI_PLACEHOLDER_PHONE,
  POLISI_PLACEHOLDER_URL,
  POLISI_PLACEHOLDER_DATE,
} PolisiPlaceholderKind;

typedef enum {
  POLISI_PLACEHOLDER_GROUP_ORGANISATION,
  POLISI_PLACEHOLDER_GROUP_ROLES,
  POLISI_PLACEHOLDER_GROUP_CONTACTS,
  POLISI_PLACEHOLDER_GROUP_DATES,
} PolisiPlaceholderGroup;

/* Values Polisi works out itself instead of asking for. */
typedef enum {
  POLISI_DERIVED_NONE,
  POLISI_DERIVED_ORGANISATION_NAME,
  POLISI_DERIVED_ADOPTION_DATE,
  POLISI_DERIVED_REVIEW_DATE,
  POLISI_DERIVED_REVIEW_CYCLE,
} PolisiDerived;

GType polisi_placeholder_kind_get_type (void) G_GNUC_CONST;
GType polisi_placeholder_group_get_type (void) G_GNUC_CONST;
GType polisi_derived_get_type (void) G_GNUC_CONST;
#define POLISI_TYPE_PLACEHOLDER_KIND  (polisi_placeholder_kind_get_type ())
#define POLISI_TYPE_PLACEHOLDER_GROUP (polisi_placeholder_group_get_type ())
#define POLISI_TYPE_DERIVED           (polisi_derived_get_type ())

#define POLISI_TYPE_PLACEHOLDER (polisi_placeholder_get_type ())

G_DECLARE_FINAL_TYPE (PolisiPlaceholder, polisi_placeholder, POLISI, PLACEHOLDER, GObject)

const char             *polisi_placeholder_get_id      (PolisiPlaceholder *self);
PolisiPlaceholderKind   polisi_placeholder_get_kind    (PolisiPlaceholder *self);
PolisiPlaceholderGroup  polisi_placeholder_get_group   (PolisiPlaceholder *self);
PolisiDerived           polisi_placeholder_get_derived (PolisiPlaceholder *self);
const char             *polisi_placeholder_get_label   (PolisiPlaceholder *self,
                                                        PolisiLang         lang);
const char             *polisi_placeholder_get_hint    (PolisiPlaceholder *self,
                                                        PolisiLang         lang);
gboolean                polisi_placeholder_is_bilingual (PolisiPlaceholder *self);
gboolean                polisi_placeholder_check_answer (PolisiPlaceholder *self,
                                                         const char        *value,
                                                         const char        *key,
                                                         GError           **error);

G_END_DECLS
