/* polisi-clause.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "polisi-clause.h"
#include "polisi-library.h"
#include "polisi-library-private.h"
#include "polisi-text.h"

struct _PolisiClause
{
  GObject              parent_instance;

  char                *id;
  guint                version;
  PolisiClauseDefault  default_kind;
  char                *title[POLISI_N_LANGS];
  char                *reason[POLISI_N_LANGS];
  char                *guidance[POLISI_N_LANGS];
  GArray              *citations;     /* PolisiCitation */
  GPtrArray           *alternatives;  /* PolisiAlternative */
  GPtrArray           *changes;       /* PolisiClauseChange, oldest first */
  PolisiSection       *section;       /* unowned: the section owns us */
};

G_DEFINE_FINAL_TYPE (PolisiClause, polisi_clause, G_TYPE_OBJECT)

static void
alternative_free (gpointer data)
{
  PolisiAlternative *alternative = data;

  g_free (alternative->id);
  for (guint i = 0; i < POLISI_N_LANGS; i++)
    {
      g_free (alternative->label[i]);
      g_free (alternative->text[i]);
    }
  g_free (alternative);
}

static void
change_free (gpointer data)
{
  PolisiClauseChange *change = data;

  g_free (change->version);
  for (guint i = 0; i < POLISI_N_LANGS; i++)
    g_free (change->note[i]);
  g_free (change);
}

static void
citation_clear (gpointer data)
{
  PolisiCitation *citation = data;

  g_free (citation->ref);
  g_free (citation->section);
}

static void
polisi_clause_finalize (GObject *object)
{
  PolisiClause *self = (PolisiClause *) object;

  g_free (self->id);
  for (guint i = 0; i < POLISI_N_LANGS; i++)
    {
      g_free (self->title[i]);
      g_free (self->reason[i]);
      g_free (self->guidance[i]);
    }
  g_clear_pointer (&self->citations, g_array_unref);
  g_clear_pointer (&self->alternatives, g_ptr_array_unref);
  g_clear_pointer (&self->changes, g_ptr_array_unref);

  G_OBJECT_CLASS (polisi_clause_parent_class)->finalize (object);
}

static void
polisi_clause_class_init (PolisiClauseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = polisi_clause_finalize;
}

static void
polisi_clause_init (PolisiClause *self)
{
  self->citations = g_array_new (FALSE, TRUE, sizeof (PolisiCitation));
  g_array_set_clear_func (self->citations, citation_clear);
  self->alternatives = g_ptr_array_new_with_free_func (alternative_free);
  self->changes = g_ptr_array_new_with_free_func (change_free);
}

static PolisiClauseChange *
change_new_from_xml (xmlNode *node)
{
  PolisiClauseChange *change = g_new0 (PolisiClauseChange, 1);

  change->version = polisi_xml_get_prop (node, "version");
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      int lang;

      if (child->type == XML_ELEMENT_NODE && polisi_xml_is (child, POLISI_LIBRARY_NS, "note") &&
          polisi_xml_get_lang (child, &lang))
        polisi_take_str (&change->note[lang], polisi_xml_get_text (child));
    }

  return change;
}

static PolisiAlternative *
alternative_new_from_xml (xmlNode *node)
{
  PolisiAlternative *alternative = g_new0 (PolisiAlternative, 1);
  g_autofree char *nation = polisi_xml_get_prop (node, "nation");
  g_autofree char *is_default = polisi_xml_get_prop (node, "default");
  int value;

  alternative->id = polisi_xml_get_prop (node, "id");
  alternative->is_default = g_strcmp0 (is_default, "true") == 0 || g_strcmp0 (is_default, "1") == 0;
  alternative->any_nation = !polisi_enum_from_string (POLISI_TYPE_NATION, nation, &value);
  if (!alternative->any_nation)
    alternative->nation = value;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      int lang;

      if (child->type != XML_ELEMENT_NODE || !polisi_xml_get_lang (child, &lang))
        continue;
      if (polisi_xml_is (child, POLISI_LIBRARY_NS, "label"))
        polisi_take_str (&alternative->label[lang], polisi_xml_get_text (child));
      else if (polisi_xml_is (child, POLISI_LIBRARY_NS, "text"))
        polisi_take_str (&alternative->text[lang], polisi_xml_get_blocks (child));
    }

  return alternative;
}

PolisiClause *
_polisi_clause_new_from_xml (xmlNode       *node,
                             PolisiSection *section)
{
  PolisiClause *self = g_object_new (POLISI_TYPE_CLAUSE, NULL);
  g_autofree char *version = polisi_xml_get_prop (node, "version");
  g_autofree char *default_kind = polisi_xml_get_prop (node, "default");
  int value;

  self->id = polisi_xml_get_prop (node, "id");
  self->version = version != NULL ? (guint) g_ascii_strtoull (version, NULL, 10) : 1;
  self->section = section;
  if (polisi_enum_from_string (POLISI_TYPE_CLAUSE_DEFAULT, default_kind, &value))
    self->default_kind = value;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      int lang;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (polisi_xml_is (child, POLISI_LIBRARY_NS, "source"))
        {
          PolisiCitation citation = {
            polisi_xml_get_prop (child, "ref"),
            polisi_xml_get_prop (child, "section"),
          };
          g_array_append_val (self->citations, citation);
        }
      else if (polisi_xml_is (child, POLISI_LIBRARY_NS, "alternative"))
        g_ptr_array_add (self->alternatives, alternative_new_from_xml (child));
      else if (polisi_xml_is (child, POLISI_LIBRARY_NS, "change"))
        g_ptr_array_add (self->changes, change_new_from_xml (child));
      else if (polisi_xml_get_lang (child, &lang))
        {
          if (polisi_xml_is (child, POLISI_LIBRARY_NS, "title"))
            polisi_take_str (&self->title[lang], polisi_xml_get_text (child));
          else if (polisi_xml_is (child, POLISI_LIBRARY_NS, "reason"))
            polisi_take_str (&self->reason[lang], polisi_xml_get_text (child));
          else if (polisi_xml_is (child, POLISI_LIBRARY_NS, "guidance"))
            polisi_take_str (&self->guidance[lang], polisi_xml_get_blocks (child));
        }
    }

  return self;
}

const char *
polisi_clause_get_id (PolisiClause *self)
{
  g_return_val_if_fail (POLISI_IS_CLAUSE (self), NULL);
  return self->id;
}

guint
polisi_clause_get_version (PolisiClause *self)
{
  g_return_val_if_fail (POLISI_IS_CLAUSE (self), 0);
  return self->version;
}

PolisiClauseDefault
polisi_clause_get_default (PolisiClause *self)
{
  g_return_val_if_fail (POLISI_IS_CLAUSE (self), POLISI_CLAUSE_OPTIONAL);
  return self->default_kind;
}

const char *
polisi_clause_get_title (PolisiClause *self,
                         PolisiLang    lang)
{
  g_return_val_if_fail (POLISI_IS_CLAUSE (self), NULL);
  return self->title[lang] != NULL ? self->title[lang] : self->id;
}

const char *
polisi_clause_get_reason (PolisiClause *self,
                          PolisiLang    lang)
{
  g_return_val_if_fail (POLISI_IS_CLAUSE (self), NULL);
  return self->reason[lang];
}

const char *
polisi_clause_get_guidance (PolisiClause *self,
                            PolisiLang    lang)
{
  g_return_val_if_fail (POLISI_IS_CLAUSE (self), NULL);
  return self->guidance[lang];
}

PolisiSection *
polisi_clause_get_section (PolisiClause *self)
{
  g_return_val_if_fail (POLISI_IS_CLAUSE (self), NULL);
  return self->section;
}

guint
polisi_clause_get_n_citations (PolisiClause *self)
{
  g_return_val_if_fail (POLISI_IS_CLAUSE (self), 0);
  return self->citations->len;
}

const PolisiCitation *
polisi_clause_get_citation (PolisiClause *self,
                            guint         index)
{
  g_return_val_if_fail (POLISI_IS_CLAUSE (self), NULL);
  g_return_val_if_fail (index < self->citations->len, NULL);
  return &g_array_index (self->citations, PolisiCitation, index);
}

guint
polisi_clause_get_n_alternatives (PolisiClause *self)
{
  g_return_val_if_fail (POLISI_IS_CLAUSE (self), 0);
  return self->alternatives->len;
}

const PolisiAlternative *
polisi_clause_get_alternative (PolisiClause *self,
                               guint         index)
{
  g_return_val_if_fail (POLISI_IS_CLAUSE (self), NULL);
  g_return_val_if_fail (index < self->alternatives->len, NULL);
  return g_ptr_array_index (self->alternatives, index);
}

const PolisiAlternative *
polisi_clause_lookup_alternative (PolisiClause *self,
                                  const char   *id)
{
  g_return_val_if_fail (POLISI_IS_CLAUSE (self), NULL);

  for (guint i = 0; i < self->alternatives->len; i++)
    {
      const PolisiAlternative *alternative = g_ptr_array_index (self->alternatives, i);

      if (g_strcmp0 (alternative->id, id) == 0)
        return alternative;
    }

  return NULL;
}

gboolean
polisi_clause_alternative_applies (const PolisiAlternative *alternative,
                                   PolisiNation             nation)
{
  return alternative->any_nation || alternative->nation == nation;
}

/**
 * polisi_clause_get_default_alternative:
 *
 * The alternative a new policy starts with in @nation: the one marked as
 * default among those that apply there, else the first that applies.
 */
const PolisiAlternative *
polisi_clause_get_default_alternative (PolisiClause *self,
                                       PolisiNation  nation)
{
  const PolisiAlternative *first = NULL;

  g_return_val_if_fail (POLISI_IS_CLAUSE (self), NULL);

  for (guint i = 0; i < self->alternatives->len; i++)
    {
      const PolisiAlternative *alternative = g_ptr_array_index (self->alternatives, i);

      if (!polisi_clause_alternative_applies (alternative, nation))
        continue;
      if (alternative->is_default)
        return alternative;
      if (first == NULL)
        first = alternative;
    }

  if (first == NULL && self->alternatives->len > 0)
    first = g_ptr_array_index (self->alternatives, 0);

  return first;
}

/**
 * polisi_clause_get_placeholders:
 *
 * Returns: (transfer container) (element-type utf8): every placeholder that
 *   any wording of this clause uses, in either language
 */
GPtrArray *
polisi_clause_get_placeholders (PolisiClause *self)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (POLISI_IS_CLAUSE (self), ids);

  for (guint i = 0; i < self->alternatives->len; i++)
    {
      const PolisiAlternative *alternative = g_ptr_array_index (self->alternatives, i);

      for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
        {
          g_autoptr(GPtrArray) found = polisi_text_get_placeholders (alternative->text[lang]);

          for (guint j = 0; j < found->len; j++)
            if (!g_ptr_array_find_with_equal_func (ids, found->pdata[j], g_str_equal, NULL))
              g_ptr_array_add (ids, g_strdup (found->pdata[j]));
        }
    }

  return ids;
}

guint
polisi_clause_get_n_changes (PolisiClause *self)
{
  g_return_val_if_fail (POLISI_IS_CLAUSE (self), 0);
  return self->changes->len;
}

/**
 * polisi_clause_get_change:
 * @index: from 0, the oldest change first
 */
const PolisiClauseChange *
polisi_clause_get_change (PolisiClause *self,
                          guint         index)
{
  g_return_val_if_fail (POLISI_IS_CLAUSE (self), NULL);
  g_return_val_if_fail (index < self->changes->len, NULL);
  return g_ptr_array_index (self->changes, index);
}

/**
 * polisi_clause_lookup_change:
 * @version: a version of the library, such as "2026.12"
 *
 * Returns: (nullable): what changed in this clause in that version of the
 *   library, or %NULL when the clause did not change then
 */
const PolisiClauseChange *
polisi_clause_lookup_change (PolisiClause *self,
                             const char   *version)
{
  g_return_val_if_fail (POLISI_IS_CLAUSE (self), NULL);
  g_return_val_if_fail (version != NULL, NULL);

  for (guint i = 0; i < self->changes->len; i++)
    {
      const PolisiClauseChange *change = g_ptr_array_index (self->changes, i);

      if (polisi_library_compare_versions (change->version, version) == 0)
        return change;
    }
  return NULL;
}

/**
 * polisi_clause_list_changes_since:
 * @version: (nullable): a version of the library; %NULL for every change
 *
 * The changes of this clause in the versions of the library after
 * @version (a policy's library version, say), oldest first.
 *
 * Returns: (transfer container) (element-type PolisiClauseChange): the
 *   changes, owned by the clause
 */
GPtrArray *
polisi_clause_list_changes_since (PolisiClause *self,
                                  const char   *version)
{
  GPtrArray *changes = g_ptr_array_new ();

  g_return_val_if_fail (POLISI_IS_CLAUSE (self), changes);

  for (guint i = 0; i < self->changes->len; i++)
    {
      PolisiClauseChange *change = g_ptr_array_index (self->changes, i);

      if (version == NULL || polisi_library_compare_versions (change->version, version) > 0)
        g_ptr_array_add (changes, change);
    }
  return changes;
}

/**
 * polisi_clause_format_changes_since:
 * @version: (nullable): as for polisi_clause_list_changes_since()
 *
 * The notes of the changes since @version in @lang, one paragraph each,
 * each starting with its library version when there is more than one.
 *
 * Returns: (transfer full) (nullable): the notes, or %NULL when there are
 *   none
 */
char *
polisi_clause_format_changes_since (PolisiClause *self,
                                    const char   *version,
                                    PolisiLang    lang)
{
  g_autoptr(GPtrArray) changes = NULL;
  GString *out;

  g_return_val_if_fail (POLISI_IS_CLAUSE (self), NULL);

  changes = polisi_clause_list_changes_since (self, version);
  if (changes->len == 0)
    return NULL;

  out = g_string_new (NULL);
  for (guint i = 0; i < changes->len; i++)
    {
      const PolisiClauseChange *change = changes->pdata[i];
      const char *note = change->note[lang] != NULL ? change->note[lang] : change->note[POLISI_LANG_OTHER (lang)];

      if (note == NULL)
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      if (changes->len > 1)
        g_string_append_printf (out, "%s: ", change->version);
      g_string_append (out, note);
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}
