/* polisi-library.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The library is read once, checked against its schema and then against
 * the rules a schema cannot say: ids are unique, every citation names a
 * declared source, every placeholder in a text is declared. It is never
 * changed afterwards, so it can be shared freely.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "polisi-error.h"
#include "polisi-heap.h"
#include "polisi-library-private.h"
#include "polisi-library.h"
#include "polisi-text.h"
#include "polisi-xml-private.h"

#define LIBRARY_SCHEMA "/cymru/polisi/Polisi/schemas/library.rng"

typedef struct {
  char *title[POLISI_N_LANGS];
} SourceInfo;

struct _PolisiLibrary
{
  GObject     parent_instance;

  char       *id;
  char       *version;
  char       *date;
  char       *title[POLISI_N_LANGS];
  GPtrArray  *sections;
  GPtrArray  *placeholders;
  GHashTable *clause_index;        /* id -> PolisiClause (unowned) */
  GHashTable *placeholder_index;   /* id -> PolisiPlaceholder (unowned) */
  GHashTable *sources;             /* id -> SourceInfo */
  gboolean    builtin;             /* the library that ships inside Polisi */
};

G_DEFINE_FINAL_TYPE (PolisiLibrary, polisi_library, G_TYPE_OBJECT)

static void
source_info_free (gpointer data)
{
  SourceInfo *info = data;

  for (guint i = 0; i < POLISI_N_LANGS; i++)
    g_free (info->title[i]);
  g_free (info);
}

static void
polisi_library_finalize (GObject *object)
{
  PolisiLibrary *self = (PolisiLibrary *) object;

  g_free (self->id);
  g_free (self->version);
  g_free (self->date);
  for (guint i = 0; i < POLISI_N_LANGS; i++)
    g_free (self->title[i]);
  g_clear_pointer (&self->clause_index, g_hash_table_unref);
  g_clear_pointer (&self->placeholder_index, g_hash_table_unref);
  g_clear_pointer (&self->sources, g_hash_table_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->placeholders, g_ptr_array_unref);

  G_OBJECT_CLASS (polisi_library_parent_class)->finalize (object);
}

static void
polisi_library_class_init (PolisiLibraryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = polisi_library_finalize;
}

static void
polisi_library_init (PolisiLibrary *self)
{
  self->sections = g_ptr_array_new_with_free_func (g_object_unref);
  self->placeholders = g_ptr_array_new_with_free_func (g_object_unref);
  self->clause_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->placeholder_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, source_info_free);
}

static void
read_sources (PolisiLibrary *self,
              xmlNode       *node)
{
  for (xmlNode *source = node->children; source != NULL; source = source->next)
    {
      SourceInfo *info;

      if (!polisi_xml_is (source, POLISI_LIBRARY_NS, "source"))
        continue;

      info = g_new0 (SourceInfo, 1);
      for (xmlNode *child = source->children; child != NULL; child = child->next)
        {
          int lang;

          if (polisi_xml_is (child, POLISI_LIBRARY_NS, "title") && polisi_xml_get_lang (child, &lang))
            polisi_take_str (&info->title[lang], polisi_xml_get_text (child));
        }
      g_hash_table_replace (self->sources, polisi_xml_get_prop (source, "id"), info);
    }
}

static gboolean
index_clauses (PolisiLibrary  *self,
               PolisiSection  *section,
               const char     *display_name,
               GError        **error)
{
  for (guint i = 0; i < polisi_section_get_n_clauses (section); i++)
    {
      PolisiClause *clause = polisi_section_get_clause (section, i);
      const char *id = polisi_clause_get_id (clause);
      const char *dot = strchr (id, '.');

      if (g_str_has_prefix (dot != NULL ? dot + 1 : id, POLISI_OWN_CLAUSE_MARK))
        {
          g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID,
                       _("The clause library “%s” has a clause called “%s”: names whose part after the section starts "
                         "with “%s” are kept for the clauses a school writes itself. Rename the clause."),
                       display_name, id, POLISI_OWN_CLAUSE_MARK);
          return FALSE;
        }
      if (!g_hash_table_insert (self->clause_index, (gpointer) id, clause))
        {
          g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID,
                       _("The clause library “%s” has two clauses called “%s”. Each clause needs its own name."),
                       display_name, id);
          return FALSE;
        }

      for (guint j = 0; j < polisi_clause_get_n_citations (clause); j++)
        {
          const PolisiCitation *citation = polisi_clause_get_citation (clause, j);

          if (!g_hash_table_contains (self->sources, citation->ref))
            {
              g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID,
                           _("In the clause library “%s”, the clause “%s” cites the source “%s”, which the library does not list."),
                           display_name, id, citation->ref);
              return FALSE;
            }
        }

      for (guint j = 0; j < polisi_clause_get_n_changes (clause); j++)
        {
          const PolisiClauseChange *change = polisi_clause_get_change (clause, j);

          if (polisi_library_compare_versions (change->version, self->version) > 0 ||
              (j > 0 && polisi_library_compare_versions (change->version, polisi_clause_get_change (clause, j - 1)->version) <= 0))
            {
              g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID,
                           _("In the clause library “%s”, the clause “%s” has a note on what changed in version %s, "
                             "but the library is version %s and each clause’s notes must go from the oldest version to the newest. "
                             "Correct the version of the note or of the library."),
                           display_name, id, change->version, self->version);
              return FALSE;
            }
        }

      {
        g_autoptr(GPtrArray) used = polisi_clause_get_placeholders (clause);

        for (guint j = 0; j < used->len; j++)
          if (!g_hash_table_contains (self->placeholder_index, used->pdata[j]))
            {
              g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID,
                           _("In the clause library “%s”, the clause “%s” uses the placeholder {%s}, which the library does not declare."),
                           display_name, id, (const char *) used->pdata[j]);
              return FALSE;
            }
      }
    }

  return TRUE;
}

/* Building the sections (cleaning and collapsing each text) is a third of
 * reading the library, and the sections are independent of each other:
 * two threads take the next section to build until none is left. A
 * document is only read here, which libxml2 allows from several threads. */
typedef struct {
  GPtrArray      *nodes;
  PolisiSection **built;
  int             next;
} SectionWork;

static gpointer
build_sections_worker (gpointer data)
{
  SectionWork *work = data;
  int i;

  while ((i = g_atomic_int_add (&work->next, 1)) < (int) work->nodes->len)
    work->built[i] = _polisi_section_new_from_xml (work->nodes->pdata[i], i);
  return NULL;
}

/* the second thread: about a third of the library's memory is its */
static gpointer
build_sections_helper (gpointer data)
{
  polisi_heap_reserve (3 * 1024 * 1024);
  return build_sections_worker (data);
}

static void
build_sections (GPtrArray *nodes,
                GPtrArray *sections)
{
  SectionWork work = { nodes, g_new0 (PolisiSection *, MAX (nodes->len, 1)), 0 };
  GThread *helper = NULL;

  if (nodes->len > 1 && g_get_num_processors () > 1)
    helper = g_thread_try_new ("polisi-library", build_sections_helper, &work, NULL);
  build_sections_worker (&work);
  if (helper != NULL)
    g_thread_join (helper);

  for (guint i = 0; i < nodes->len; i++)
    g_ptr_array_add (sections, work.built[i]);
  g_free (work.built);
}

/* @validated: the bytes are the built-in library, checked against the
 * schema when Polisi was built (data/meson.build): only what a schema
 * cannot say is checked again. Any other library is hostile input. */
static PolisiLibrary *
library_new (GBytes      *bytes,
             const char  *display_name,
             gboolean     validated,
             GError     **error)
{
  g_autoptr(PolisiLibrary) self = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GPtrArray) section_nodes = g_ptr_array_new ();
  xmlNode *root;

  g_return_val_if_fail (bytes != NULL, NULL);

  doc = validated ? polisi_xml_parse_builtin (bytes, display_name, error)
                  : polisi_xml_parse (bytes, display_name, error);
  if (doc == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  if (!polisi_xml_is (root, POLISI_LIBRARY_NS, "library"))
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_NOT_POLICY,
                   _("“%s” is not a Polisi clause library. Choose a library file made for Polisi."),
                   display_name);
      return NULL;
    }

  if (!validated && !polisi_xml_validate (doc, LIBRARY_SCHEMA, display_name, error))
    return NULL;

  self = g_object_new (POLISI_TYPE_LIBRARY, NULL);
  self->builtin = validated;
  self->id = polisi_xml_get_prop (root, "id");
  self->version = polisi_xml_get_prop (root, "version");
  self->date = polisi_xml_get_prop (root, "date");

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      int lang;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (polisi_xml_is (child, POLISI_LIBRARY_NS, "title") && polisi_xml_get_lang (child, &lang))
        polisi_take_str (&self->title[lang], polisi_xml_get_text (child));
      else if (polisi_xml_is (child, POLISI_LIBRARY_NS, "sources"))
        read_sources (self, child);
      else if (polisi_xml_is (child, POLISI_LIBRARY_NS, "placeholders"))
        {
          for (xmlNode *node = child->children; node != NULL; node = node->next)
            {
              PolisiPlaceholder *placeholder;

              if (!polisi_xml_is (node, POLISI_LIBRARY_NS, "placeholder"))
                continue;
              placeholder = _polisi_placeholder_new_from_xml (node);
              if (!g_hash_table_insert (self->placeholder_index,
                                        (gpointer) polisi_placeholder_get_id (placeholder),
                                        placeholder))
                {
                  g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID,
                               _("The clause library “%s” declares the placeholder {%s} twice."),
                               display_name, polisi_placeholder_get_id (placeholder));
                  g_object_unref (placeholder);
                  return NULL;
                }
              g_ptr_array_add (self->placeholders, placeholder);
            }
        }
      else if (polisi_xml_is (child, POLISI_LIBRARY_NS, "section"))
        g_ptr_array_add (section_nodes, child);
    }

  /* The schema puts the sections last: they are built, on two threads,
   * once everything they refer to is known, and checked in their order. */
  build_sections (section_nodes, self->sections);
  for (guint s = 0; s < self->sections->len; s++)
    {
      PolisiSection *section = self->sections->pdata[s];

      for (guint i = 0; i < s; i++)
        if (g_strcmp0 (polisi_section_get_id (self->sections->pdata[i]), polisi_section_get_id (section)) == 0)
          {
            g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID,
                         _("The clause library “%s” has two sections called “%s”."),
                         display_name, polisi_section_get_id (section));
            return NULL;
          }
      if (!index_clauses (self, section, display_name, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

PolisiLibrary *
polisi_library_new_from_bytes (GBytes      *bytes,
                               const char  *display_name,
                               GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  return library_new (bytes, display_name, FALSE, error);
}

PolisiLibrary *
polisi_library_new_from_file (GFile   *file,
                              GError **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = polisi_xml_load_file (file, POLISI_XML_MAX_SIZE, error);
  if (bytes == NULL)
    return NULL;

  name = polisi_xml_display_name (file);
  return polisi_library_new_from_bytes (bytes, name, error);
}

/**
 * polisi_library_new_builtin:
 *
 * The library that ships inside Polisi.
 */
PolisiLibrary *
polisi_library_new_builtin (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  polisi_core_ensure_resources ();
  bytes = g_resources_lookup_data (POLISI_LIBRARY_BUILTIN_RESOURCE, 0, error);
  if (bytes == NULL)
    return NULL;
  /* Translators: stands for a file name in messages, in quotes: "the “built-in clause library” is damaged" */
  return library_new (bytes, _("built-in clause library"), TRUE, error);
}

/**
 * polisi_library_is_builtin:
 *
 * Whether this is the library that ships inside Polisi, whose texts the
 * tests check (no out-of-date name of a law, for instance), rather than one
 * an organisation supplies.
 */
gboolean
polisi_library_is_builtin (PolisiLibrary *self)
{
  g_return_val_if_fail (POLISI_IS_LIBRARY (self), FALSE);
  return self->builtin;
}

const char *
polisi_library_get_id (PolisiLibrary *self)
{
  g_return_val_if_fail (POLISI_IS_LIBRARY (self), NULL);
  return self->id;
}

const char *
polisi_library_get_version (PolisiLibrary *self)
{
  g_return_val_if_fail (POLISI_IS_LIBRARY (self), NULL);
  return self->version;
}

const char *
polisi_library_get_date (PolisiLibrary *self)
{
  g_return_val_if_fail (POLISI_IS_LIBRARY (self), NULL);
  return self->date;
}

const char *
polisi_library_get_title (PolisiLibrary *self,
                          PolisiLang     lang)
{
  g_return_val_if_fail (POLISI_IS_LIBRARY (self), NULL);
  return self->title[lang];
}

guint
polisi_library_get_n_sections (PolisiLibrary *self)
{
  g_return_val_if_fail (POLISI_IS_LIBRARY (self), 0);
  return self->sections->len;
}

PolisiSection *
polisi_library_get_section (PolisiLibrary *self,
                            guint          index)
{
  g_return_val_if_fail (POLISI_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (index < self->sections->len, NULL);
  return g_ptr_array_index (self->sections, index);
}

PolisiSection *
polisi_library_lookup_section (PolisiLibrary *self,
                               const char    *id)
{
  g_return_val_if_fail (POLISI_IS_LIBRARY (self), NULL);

  for (guint i = 0; i < self->sections->len; i++)
    if (g_strcmp0 (polisi_section_get_id (self->sections->pdata[i]), id) == 0)
      return self->sections->pdata[i];
  return NULL;
}

guint
polisi_library_get_n_clauses (PolisiLibrary *self)
{
  g_return_val_if_fail (POLISI_IS_LIBRARY (self), 0);
  return g_hash_table_size (self->clause_index);
}

PolisiClause *
polisi_library_lookup_clause (PolisiLibrary *self,
                              const char    *id)
{
  g_return_val_if_fail (POLISI_IS_LIBRARY (self), NULL);
  return id != NULL ? g_hash_table_lookup (self->clause_index, id) : NULL;
}

guint
polisi_library_get_n_placeholders (PolisiLibrary *self)
{
  g_return_val_if_fail (POLISI_IS_LIBRARY (self), 0);
  return self->placeholders->len;
}

PolisiPlaceholder *
polisi_library_get_placeholder (PolisiLibrary *self,
                                guint          index)
{
  g_return_val_if_fail (POLISI_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (index < self->placeholders->len, NULL);
  return g_ptr_array_index (self->placeholders, index);
}

PolisiPlaceholder *
polisi_library_lookup_placeholder (PolisiLibrary *self,
                                   const char    *id)
{
  g_return_val_if_fail (POLISI_IS_LIBRARY (self), NULL);
  return id != NULL ? g_hash_table_lookup (self->placeholder_index, id) : NULL;
}

const char *
polisi_library_get_source_title (PolisiLibrary *self,
                                 const char    *source_id,
                                 PolisiLang     lang)
{
  SourceInfo *info;

  g_return_val_if_fail (POLISI_IS_LIBRARY (self), NULL);

  info = g_hash_table_lookup (self->sources, source_id);
  return info != NULL ? info->title[lang] : NULL;
}

/**
 * polisi_library_verify:
 *
 * The checks a library author wants before publishing a library, beyond
 * what loading refuses: every text in both languages, no declared
 * placeholder left unused, no empty guidance, a reason for every required
 * clause.
 *
 * Returns: (transfer container) (element-type utf8): the problems, in
 *   English, for the library's author; empty when there are none
 */
GPtrArray *
polisi_library_verify (PolisiLibrary *self)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (POLISI_IS_LIBRARY (self), problems);

  for (guint s = 0; s < self->sections->len; s++)
    {
      PolisiSection *section = self->sections->pdata[s];

      for (guint c = 0; c < polisi_section_get_n_clauses (section); c++)
        {
          PolisiClause *clause = polisi_section_get_clause (section, c);
          const char *id = polisi_clause_get_id (clause);
          g_autoptr(GPtrArray) placeholders = polisi_clause_get_placeholders (clause);

          for (guint i = 0; i < placeholders->len; i++)
            g_hash_table_add (used, g_strdup (placeholders->pdata[i]));

          if (polisi_clause_get_default (clause) == POLISI_CLAUSE_REQUIRED &&
              (polisi_clause_get_reason (clause, POLISI_LANG_CY) == NULL ||
               polisi_clause_get_reason (clause, POLISI_LANG_EN) == NULL))
            g_ptr_array_add (problems, g_strdup_printf ("%s: required, but gives no reason in both languages", id));

          for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
            if (polisi_clause_get_guidance (clause, lang) == NULL ||
                polisi_clause_get_guidance (clause, lang)[0] == '\0')
              g_ptr_array_add (problems, g_strdup_printf ("%s: no guidance in %s", id, polisi_lang_to_code (lang)));

          for (guint a = 0; a < polisi_clause_get_n_alternatives (clause); a++)
            {
              const PolisiAlternative *alternative = polisi_clause_get_alternative (clause, a);

              for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
                {
                  g_autoptr(GPtrArray) in_lang = polisi_text_get_placeholders (alternative->text[lang]);
                  g_autoptr(GPtrArray) in_other = polisi_text_get_placeholders (alternative->text[POLISI_LANG_OTHER (lang)]);

                  if (alternative->text[lang] == NULL || alternative->text[lang][0] == '\0')
                    g_ptr_array_add (problems, g_strdup_printf ("%s/%s: no text in %s", id, alternative->id,
                                                                polisi_lang_to_code (lang)));

                  for (guint i = 0; i < in_lang->len; i++)
                    if (!g_ptr_array_find_with_equal_func (in_other, in_lang->pdata[i], g_str_equal, NULL))
                      g_ptr_array_add (problems, g_strdup_printf ("%s/%s: {%s} appears in %s only", id, alternative->id,
                                                                  (const char *) in_lang->pdata[i],
                                                                  polisi_lang_to_code (lang)));
                }
            }
        }
    }

  for (guint i = 0; i < self->placeholders->len; i++)
    {
      const char *id = polisi_placeholder_get_id (self->placeholders->pdata[i]);

      if (!g_hash_table_contains (used, id))
        g_ptr_array_add (problems, g_strdup_printf ("placeholder {%s} is declared but no clause uses it", id));
    }

  return problems;
}

/* Compares "2026.11" and "2027.1.2" style versions, field by field. */
int
polisi_library_compare_versions (const char *a,
                                 const char *b)
{
  const char *pa = a != NULL ? a : "";
  const char *pb = b != NULL ? b : "";

  while (*pa != '\0' || *pb != '\0')
    {
      char *end_a, *end_b;
      guint64 na = g_ascii_strtoull (pa, &end_a, 10);
      guint64 nb = g_ascii_strtoull (pb, &end_b, 10);

      if (na != nb)
        return na < nb ? -1 : 1;
      pa = *end_a == '.' ? end_a + 1 : end_a;
      pb = *end_b == '.' ? end_b + 1 : end_b;
      if (end_a == pa && end_b == pb && *pa == '\0' && *pb == '\0')
        break;
      if (*end_a != '.' && *end_a != '\0')
        break;
      if (*end_b != '.' && *end_b != '\0')
        break;
    }

  return 0;
}
