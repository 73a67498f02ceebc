/* polisi-section.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "polisi-library-private.h"
#include "polisi-section.h"

struct _PolisiSection
{
  GObject    parent_instance;

  char      *id;
  guint      position;
  gboolean   appendix;
  char      *title[POLISI_N_LANGS];
  char      *guidance[POLISI_N_LANGS];
  GPtrArray *clauses;
};

G_DEFINE_FINAL_TYPE (PolisiSection, polisi_section, G_TYPE_OBJECT)

static void
polisi_section_finalize (GObject *object)
{
  PolisiSection *self = (PolisiSection *) object;

  g_free (self->id);
  for (guint i = 0; i < POLISI_N_LANGS; i++)
    {
      g_free (self->title[i]);
      g_free (self->guidance[i]);
    }
  g_clear_pointer (&self->clauses, g_ptr_array_unref);

  G_OBJECT_CLASS (polisi_section_parent_class)->finalize (object);
}

static void
polisi_section_class_init (PolisiSectionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = polisi_section_finalize;
}

static void
polisi_section_init (PolisiSection *self)
{
  self->clauses = g_ptr_array_new_with_free_func (g_object_unref);
}

PolisiSection *
_polisi_section_new_from_xml (xmlNode *node,
                              guint    position)
{
  PolisiSection *self = g_object_new (POLISI_TYPE_SECTION, NULL);
  g_autofree char *appendix = polisi_xml_get_prop (node, "appendix");

  self->id = polisi_xml_get_prop (node, "id");
  self->position = position;
  self->appendix = g_strcmp0 (appendix, "true") == 0 || g_strcmp0 (appendix, "1") == 0;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      int lang;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (polisi_xml_is (child, POLISI_LIBRARY_NS, "clause"))
        g_ptr_array_add (self->clauses, _polisi_clause_new_from_xml (child, self));
      else if (polisi_xml_get_lang (child, &lang))
        {
          if (polisi_xml_is (child, POLISI_LIBRARY_NS, "title"))
            polisi_take_str (&self->title[lang], polisi_xml_get_text (child));
          else if (polisi_xml_is (child, POLISI_LIBRARY_NS, "guidance"))
            polisi_take_str (&self->guidance[lang], polisi_xml_get_blocks (child));
        }
    }

  return self;
}

const char *
polisi_section_get_id (PolisiSection *self)
{
  g_return_val_if_fail (POLISI_IS_SECTION (self), NULL);
  return self->id;
}

guint
polisi_section_get_position (PolisiSection *self)
{
  g_return_val_if_fail (POLISI_IS_SECTION (self), 0);
  return self->position;
}

gboolean
polisi_section_is_appendix (PolisiSection *self)
{
  g_return_val_if_fail (POLISI_IS_SECTION (self), FALSE);
  return self->appendix;
}

const char *
polisi_section_get_title (PolisiSection *self,
                          PolisiLang     lang)
{
  g_return_val_if_fail (POLISI_IS_SECTION (self), NULL);
  return self->title[lang] != NULL ? self->title[lang] : self->id;
}

const char *
polisi_section_get_guidance (PolisiSection *self,
                             PolisiLang     lang)
{
  g_return_val_if_fail (POLISI_IS_SECTION (self), NULL);
  return self->guidance[lang];
}

guint
polisi_section_get_n_clauses (PolisiSection *self)
{
  g_return_val_if_fail (POLISI_IS_SECTION (self), 0);
  return self->clauses->len;
}

PolisiClause *
polisi_section_get_clause (PolisiSection *self,
                           guint          index)
{
  g_return_val_if_fail (POLISI_IS_SECTION (self), NULL);
  g_return_val_if_fail (index < self->clauses->len, NULL);
  return g_ptr_array_index (self->clauses, index);
}
