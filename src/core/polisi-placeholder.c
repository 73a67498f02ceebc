/* polisi-placeholder.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "polisi-library-private.h"
#include "polisi-placeholder.h"
#include "polisi-dates.h"
#include "polisi-error.h"

struct _PolisiPlaceholder
{
  GObject                 parent_instance;

  char                   *id;
  PolisiPlaceholderKind   kind;
  PolisiPlaceholderGroup  group;
  PolisiDerived           derived;
  char                   *label[POLISI_N_LANGS];
  char                   *hint[POLISI_N_LANGS];
};

G_DEFINE_FINAL_TYPE (PolisiPlaceholder, polisi_placeholder, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (PolisiPlaceholderKind, polisi_placeholder_kind,
  G_DEFINE_ENUM_VALUE (POLISI_PLACEHOLDER_TEXT, "text"),
  G_DEFINE_ENUM_VALUE (POLISI_PLACEHOLDER_BILINGUAL, "bilingual"),
  G_DEFINE_ENUM_VALUE (POLISI_PLACEHOLDER_PERSON, "person"),
  G_DEFINE_ENUM_VALUE (POLISI_PLACEHOLDER_EMAIL, "email"),
  G_DEFINE_ENUM_VALUE (POLISI_PLACEHOLDER_PHONE, "phone"),
  G_DEFINE_ENUM_VALUE (POLISI_PLACEHOLDER_URL, "url"),
  G_DEFINE_ENUM_VALUE (POLISI_PLACEHOLDER_DATE, "date"))

G_DEFINE_ENUM_TYPE (PolisiPlaceholderGroup, polisi_placeholder_group,
  G_DEFINE_ENUM_VALUE (POLISI_PLACEHOLDER_GROUP_ORGANISATION, "organisation"),
  G_DEFINE_ENUM_VALUE (POLISI_PLACEHOLDER_GROUP_ROLES, "roles"),
  G_DEFINE_ENUM_VALUE (POLISI_PLACEHOLDER_GROUP_CONTACTS, "contacts"),
  G_DEFINE_ENUM_VALUE (POLISI_PLACEHOLDER_GROUP_DATES, "dates"))

G_DEFINE_ENUM_TYPE (PolisiDerived, polisi_derived,
  G_DEFINE_ENUM_VALUE (POLISI_DERIVED_NONE, "none"),
  G_DEFINE_ENUM_VALUE (POLISI_DERIVED_ORGANISATION_NAME, "organisation-name"),
  G_DEFINE_ENUM_VALUE (POLISI_DERIVED_ADOPTION_DATE, "adoption-date"),
  G_DEFINE_ENUM_VALUE (POLISI_DERIVED_REVIEW_DATE, "review-date"),
  G_DEFINE_ENUM_VALUE (POLISI_DERIVED_REVIEW_CYCLE, "review-cycle"))

static void
polisi_placeholder_finalize (GObject *object)
{
  PolisiPlaceholder *self = (PolisiPlaceholder *) object;

  g_free (self->id);
  for (guint i = 0; i < POLISI_N_LANGS; i++)
    {
      g_free (self->label[i]);
      g_free (self->hint[i]);
    }

  G_OBJECT_CLASS (polisi_placeholder_parent_class)->finalize (object);
}

static void
polisi_placeholder_class_init (PolisiPlaceholderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = polisi_placeholder_finalize;
}

static void
polisi_placeholder_init (PolisiPlaceholder *self)
{
}

/* Reads a <placeholder>; the schema has already checked its shape. */
PolisiPlaceholder *
_polisi_placeholder_new_from_xml (xmlNode *node)
{
  PolisiPlaceholder *self = g_object_new (POLISI_TYPE_PLACEHOLDER, NULL);
  g_autofree char *kind = polisi_xml_get_prop (node, "kind");
  g_autofree char *group = polisi_xml_get_prop (node, "group");
  g_autofree char *derived = polisi_xml_get_prop (node, "derived");
  int value;

  self->id = polisi_xml_get_prop (node, "id");
  if (polisi_enum_from_string (POLISI_TYPE_PLACEHOLDER_KIND, kind, &value))
    self->kind = value;
  if (polisi_enum_from_string (POLISI_TYPE_PLACEHOLDER_GROUP, group, &value))
    self->group = value;
  if (polisi_enum_from_string (POLISI_TYPE_DERIVED, derived, &value))
    self->derived = value;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      int lang;

      if (child->type != XML_ELEMENT_NODE || !polisi_xml_get_lang (child, &lang))
        continue;
      if (polisi_xml_is (child, POLISI_LIBRARY_NS, "label"))
        polisi_take_str (&self->label[lang], polisi_xml_get_text (child));
      else if (polisi_xml_is (child, POLISI_LIBRARY_NS, "hint"))
        polisi_take_str (&self->hint[lang], polisi_xml_get_text (child));
    }

  return self;
}

const char *
polisi_placeholder_get_id (PolisiPlaceholder *self)
{
  g_return_val_if_fail (POLISI_IS_PLACEHOLDER (self), NULL);
  return self->id;
}

PolisiPlaceholderKind
polisi_placeholder_get_kind (PolisiPlaceholder *self)
{
  g_return_val_if_fail (POLISI_IS_PLACEHOLDER (self), POLISI_PLACEHOLDER_TEXT);
  return self->kind;
}

PolisiPlaceholderGroup
polisi_placeholder_get_group (PolisiPlaceholder *self)
{
  g_return_val_if_fail (POLISI_IS_PLACEHOLDER (self), POLISI_PLACEHOLDER_GROUP_ORGANISATION);
  return self->group;
}

PolisiDerived
polisi_placeholder_get_derived (PolisiPlaceholder *self)
{
  g_return_val_if_fail (POLISI_IS_PLACEHOLDER (self), POLISI_DERIVED_NONE);
  return self->derived;
}

gboolean
polisi_placeholder_is_bilingual (PolisiPlaceholder *self)
{
  g_return_val_if_fail (POLISI_IS_PLACEHOLDER (self), FALSE);
  return self->kind == POLISI_PLACEHOLDER_BILINGUAL;
}

const char *
polisi_placeholder_get_label (PolisiPlaceholder *self,
                              PolisiLang         lang)
{
  g_return_val_if_fail (POLISI_IS_PLACEHOLDER (self), NULL);
  return self->label[lang] != NULL ? self->label[lang] : self->id;
}

const char *
polisi_placeholder_get_hint (PolisiPlaceholder *self,
                             PolisiLang         lang)
{
  g_return_val_if_fail (POLISI_IS_PLACEHOLDER (self), NULL);
  return self->hint[lang];
}

/* An address a reader can write to: something before the "@", a domain
 * with a dot after it, and no spaces. */
static gboolean
is_email_address (const char *text)
{
  const char *at = strchr (text, '@');

  return at != NULL && at != text && strchr (at, '.') != NULL && strchr (text, ' ') == NULL;
}

/**
 * polisi_placeholder_check_answer:
 * @value: the answer; empty is no answer yet, and always allowed
 * @key: what the user called the answer, for the message
 *
 * The one rule for answers, used by --set and the organisation page: a
 * date is a date by polisi_date_check_iso(), an e-mail address has
 * something before the "@", a dot in the domain and no spaces.
 *
 * Returns: %FALSE, with an error saying what is wrong, when refused
 */
gboolean
polisi_placeholder_check_answer (PolisiPlaceholder  *self,
                                 const char         *value,
                                 const char         *key,
                                 GError            **error)
{
  g_return_val_if_fail (POLISI_IS_PLACEHOLDER (self), FALSE);

  if (value == NULL || value[0] == '\0')
    return TRUE;
  switch (polisi_placeholder_get_kind (self))
    {
    case POLISI_PLACEHOLDER_DATE:
      return polisi_date_check_iso (value, key, error);
    case POLISI_PLACEHOLDER_EMAIL:
      if (is_email_address (value))
        return TRUE;
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
                   _("“%s” is not an e-mail address (for %s). Write it with a name, “@” and a domain with a dot, "
                     "and no spaces: for example dpo@school.example."), value, key);
      return FALSE;
    default:
      return TRUE;
    }
}
