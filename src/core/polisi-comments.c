/* polisi-comments.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Union representatives comment on a consultation draft in LibreOffice or
 * Word (Insert › Comment) and send it back. This reads those comments
 * (office:annotation elements, with dc:creator, dc:date and their
 * paragraphs) from the draft's content.xml and finds the clause each one
 * sits in:
 *
 *  - by the bookmark the ODT writer puts around each clause,
 *    "polisi-clause-cy-personal-use.criticism" (start and end), in either
 *    language; a program that renames bookmarks to letters, digits and
 *    underscores, or shortens them, is allowed for;
 *  - in a file with no such bookmarks at all, by the clause number at the
 *    start of the paragraph ("3.2" and a tab), until the next heading,
 *    table cell or numbered paragraph.
 *
 * A comment anywhere else (the title, a heading, the contents) is in no
 * clause: it is kept as a comment on the policy as a whole, and the caller
 * is told where it was. A comment stored by an earlier import (the same
 * clause, author, date and text) is not stored twice.
 *
 * content.xml is read with polisi_xml_parse(), under the rules of every
 * XML reader: a size limit, UTF-8, no DTD, no entities.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "polisi-comments.h"
#include "polisi-dates.h"
#include "polisi-error.h"
#include "polisi-text.h"
#include "polisi-xml-private.h"

#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_DC "http://purl.org/dc/elements/1.1/"

/* A comment longer than this is cut: nobody writes a book in a margin. */
#define MAX_BODY_CHARS 20000
#define PLACE_CHARS 60

void
polisi_annotation_free (PolisiAnnotation *annotation)
{
  if (annotation == NULL)
    return;
  g_free (annotation->clause_id);
  g_free (annotation->author);
  g_free (annotation->date);
  g_free (annotation->body);
  g_free (annotation->place);
  g_free (annotation);
}

static void
annotation_free (gpointer data)
{
  polisi_annotation_free (data);
}

static PolisiAnnotation *
annotation_copy (const PolisiAnnotation *annotation)
{
  PolisiAnnotation *copy = g_new0 (PolisiAnnotation, 1);

  copy->clause_id = g_strdup (annotation->clause_id);
  copy->lang = annotation->lang;
  copy->author = g_strdup (annotation->author);
  copy->date = g_strdup (annotation->date);
  copy->body = g_strdup (annotation->body);
  copy->place = g_strdup (annotation->place);
  return copy;
}

/**
 * polisi_comments_bookmark_name:
 *
 * Returns: (transfer full): the name of the bookmark around @clause_id's
 *   text in @lang, in an exported ODT
 */
char *
polisi_comments_bookmark_name (const char *clause_id,
                               PolisiLang  lang)
{
  return g_strconcat (POLISI_CLAUSE_BOOKMARK_PREFIX, polisi_lang_to_code (lang), "-", clause_id, NULL);
}

/**
 * polisi_comments_anchor_name:
 *
 * The short name of the anchor (a bookmark) around @clause_id's text in
 * @lang, for formats whose readers cut or rewrite long names: Word keeps a
 * bookmark name of at most 40 characters, letters, digits and "_", starting
 * with a letter. "Polisi_cy_" and the first 16 hex digits of the SHA-1 of
 * the clause's id: 26 characters, the same in every file for the same clause.
 *
 * Returns: (transfer full): the anchor's name
 */
char *
polisi_comments_anchor_name (const char *clause_id,
                             PolisiLang  lang)
{
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA1, clause_id, -1);

  return g_strdup_printf ("Polisi_%s_%.16s", polisi_lang_to_code (lang), digest);
}

/* Lower case, every character but a letter or a digit as "_": the form a
 * bookmark name may come back in. */
static char *
fold_name (const char *name)
{
  GString *out = g_string_new (NULL);

  for (const char *p = name; *p != '\0'; p++)
    g_string_append_c (out, g_ascii_isalnum (*p) ? g_ascii_tolower (*p) : '_');
  return g_string_free (out, FALSE);
}

typedef struct {
  PolisiPolicy *policy;
  GPtrArray    *ids;         /* the policy's clause ids, borrowed */
  GPtrArray    *folded;      /* ... folded */
  GHashTable   *numbers;     /* "3.2" -> clause id, borrowed */
  gboolean      bookmarks;   /* the file marks its clauses */
  const char   *current;     /* the clause we are in, or NULL */
  int           lang;
  char         *range;       /* the open bookmark range, folded */
  GPtrArray    *annotations;
  const char   *display_name;
  GError      **error;
  gboolean      failed;
} Walk;

/* The clause a bookmark name stands for, with its language. */
static gboolean
parse_bookmark (Walk        *walk,
                const char  *name,
                const char **clause_id,
                int         *lang)
{
  g_autofree char *folded = NULL;
  const char *rest;
  int found = -1;
  gsize length;

  if (name == NULL)
    return FALSE;
  folded = fold_name (name);
  if (!g_str_has_prefix (folded, "polisi_clause_"))
    return FALSE;
  rest = folded + strlen ("polisi_clause_");
  if (g_str_has_prefix (rest, "cy_"))
    *lang = POLISI_LANG_CY;
  else if (g_str_has_prefix (rest, "en_"))
    *lang = POLISI_LANG_EN;
  else
    return FALSE;
  rest += 3;
  length = strlen (rest);
  if (length == 0)
    return FALSE;

  /* the whole id, or the start of exactly one */
  for (guint i = 0; i < walk->folded->len; i++)
    if (strcmp (walk->folded->pdata[i], rest) == 0)
      {
        *clause_id = walk->ids->pdata[i];
        return TRUE;
      }
  for (guint i = 0; i < walk->folded->len; i++)
    if (length >= 8 && g_str_has_prefix (walk->folded->pdata[i], rest))
      {
        if (found >= 0)
          return FALSE;
        found = i;
      }
  if (found < 0)
    return FALSE;
  *clause_id = walk->ids->pdata[found];
  return TRUE;
}

static gboolean
has_clause_bookmarks (Walk    *walk,
                      xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (polisi_xml_is (child, NS_TEXT, "tracked-changes"))
        continue;
      if (polisi_xml_is (child, NS_TEXT, "bookmark-start") || polisi_xml_is (child, NS_TEXT, "bookmark"))
        {
          xmlChar *name = xmlGetNsProp (child, (const xmlChar *) "name", (const xmlChar *) NS_TEXT);
          const char *id;
          int lang;
          gboolean ours = parse_bookmark (walk, (const char *) name, &id, &lang);

          xmlFree (name);
          if (ours)
            return TRUE;
        }
      if (has_clause_bookmarks (walk, child))
        return TRUE;
    }
  return FALSE;
}

/* Paragraph content as text: spaces, tabs and line breaks as written;
 * comments, notes and deleted text left out. */
static void
append_inline (GString *out,
               xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          g_string_append (out, (const char *) child->content);
          continue;
        }
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (polisi_xml_is (child, NS_TEXT, "s"))
        {
          xmlChar *count = xmlGetNsProp (child, (const xmlChar *) "c", (const xmlChar *) NS_TEXT);
          guint64 n = 1;

          if (count != NULL)
            g_ascii_string_to_unsigned ((const char *) count, 10, 1, 100, &n, NULL);
          xmlFree (count);
          for (guint64 i = 0; i < n; i++)
            g_string_append_c (out, ' ');
        }
      else if (polisi_xml_is (child, NS_TEXT, "tab"))
        g_string_append_c (out, '\t');
      else if (polisi_xml_is (child, NS_TEXT, "line-break"))
        g_string_append_c (out, '\n');
      else if (polisi_xml_is (child, NS_OFFICE, "annotation") || polisi_xml_is (child, NS_TEXT, "note") ||
               polisi_xml_is (child, NS_TEXT, "tracked-changes"))
        continue;
      else
        append_inline (out, child);
    }
}

/* The paragraphs of a comment's body, lists as "- " items. */
static void
append_paragraphs (GString  *out,
                   xmlNode  *node,
                   gboolean  item)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (polisi_xml_is (child, NS_TEXT, "p") || polisi_xml_is (child, NS_TEXT, "h"))
        {
          g_autoptr(GString) line = g_string_new (NULL);

          append_inline (line, child);
          if (out->len > 0)
            g_string_append_c (out, '\n');
          if (item)
            g_string_append (out, "- ");
          g_string_append (out, line->str);
        }
      else if (polisi_xml_is (child, NS_TEXT, "list"))
        append_paragraphs (out, child, TRUE);
      else if (polisi_xml_is (child, NS_TEXT, "list-item") || polisi_xml_is (child, NS_TEXT, "list-header"))
        append_paragraphs (out, child, item);
    }
}

static char *
element_text (xmlNode    *node,
              const char *ns,
              const char *name)
{
  xmlNode *child = polisi_xml_first_child (node, ns, name);

  return child != NULL ? polisi_xml_get_text (child) : NULL;
}

/* A line break inside a paragraph counts as a new paragraph of the
 * comment; each line is cleaned as clause markup. */
static char *
clean_body (const char *raw)
{
  g_autofree char *clean = polisi_text_sanitize (raw);
  g_autofree char *normal = polisi_text_normalize (clean);

  if (g_utf8_strlen (normal, -1) > MAX_BODY_CHARS)
    {
      const char *cut = g_utf8_offset_to_pointer (normal, MAX_BODY_CHARS);
      return g_strdup_printf ("%.*s…", (int) (cut - normal), normal);
    }
  return g_steal_pointer (&normal);
}

/* The text of the paragraph or heading around @node, shortened. */
static char *
place_of (xmlNode *node)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *clean = NULL;
  char *collapsed;

  while (node != NULL && !polisi_xml_is (node, NS_TEXT, "p") && !polisi_xml_is (node, NS_TEXT, "h"))
    node = node->parent;
  if (node == NULL)
    return g_strdup ("");

  append_inline (text, node);
  clean = polisi_text_sanitize (text->str);
  collapsed = polisi_text_collapse_spaces (clean);
  if (g_utf8_strlen (collapsed, -1) > PLACE_CHARS)
    {
      const char *cut = g_utf8_offset_to_pointer (collapsed, PLACE_CHARS);
      char *shortened = g_strdup_printf ("%.*s…", (int) (cut - collapsed), collapsed);

      g_free (collapsed);
      return shortened;
    }
  return collapsed;
}

static void
read_annotation (Walk    *walk,
                 xmlNode *node)
{
  PolisiAnnotation *annotation;
  g_autoptr(GString) body = g_string_new (NULL);

  if (walk->annotations->len >= POLISI_COMMENTS_MAX)
    {
      if (!walk->failed)
        g_set_error (walk->error, POLISI_ERROR, POLISI_ERROR_TOO_LARGE,
                     _("“%s” holds more than %u comments, more than Polisi reads from one file. "
                       "Nothing was imported. Check that this is the returned consultation draft."),
                     walk->display_name, POLISI_COMMENTS_MAX);
      walk->failed = TRUE;
      return;
    }

  annotation = g_new0 (PolisiAnnotation, 1);
  annotation->clause_id = g_strdup (walk->current);
  annotation->lang = walk->current != NULL ? walk->lang : -1;
  annotation->author = element_text (node, NS_DC, "creator");
  if (annotation->author != NULL && annotation->author[0] == '\0')
    g_clear_pointer (&annotation->author, g_free);
  annotation->date = element_text (node, NS_DC, "date");
  append_paragraphs (body, node, FALSE);
  annotation->body = clean_body (body->str);
  annotation->place = place_of (node->parent);
  g_ptr_array_add (walk->annotations, annotation);
}

/* The clause a numbered paragraph starts ("3.2" and a tab or a space). */
static const char *
numbered_clause (Walk    *walk,
                 xmlNode *paragraph)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *p;
  const char *dot = NULL;
  g_autofree char *number = NULL;

  append_inline (text, paragraph);
  p = text->str;
  while (*p == ' ')
    p++;
  for (const char *q = p; *q != '\0'; q++)
    {
      if (*q == '.' && dot == NULL && q > p)
        dot = q;
      else if (*q == '\t' || *q == ' ')
        {
          if (dot == NULL || q == dot + 1)
            return NULL;
          number = g_strndup (p, q - p);
          break;
        }
      else if (!g_ascii_isdigit (*q) && !(dot == NULL && g_ascii_isupper (*q)))
        return NULL;
    }
  return number != NULL ? g_hash_table_lookup (walk->numbers, number) : NULL;
}

static void
leave_scope (Walk *walk)
{
  /* a clause found by a bookmark range lasts until the range ends */
  if (walk->range == NULL)
    walk->current = NULL;
}

static void
visit (Walk    *walk,
       xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL && !walk->failed; child = child->next)
    {
      const char *id;
      int lang;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (polisi_xml_is (child, NS_OFFICE, "annotation"))
        {
          read_annotation (walk, child);
          continue;
        }
      if (polisi_xml_is (child, NS_TEXT, "tracked-changes") || polisi_xml_is (child, NS_TEXT, "note"))
        continue;

      if (polisi_xml_is (child, NS_TEXT, "bookmark-start") || polisi_xml_is (child, NS_TEXT, "bookmark"))
        {
          xmlChar *name = xmlGetNsProp (child, (const xmlChar *) "name", (const xmlChar *) NS_TEXT);

          if (parse_bookmark (walk, (const char *) name, &id, &lang))
            {
              walk->current = id;
              walk->lang = lang;
              g_clear_pointer (&walk->range, g_free);
              if (polisi_xml_is (child, NS_TEXT, "bookmark-start"))
                walk->range = fold_name ((const char *) name);
            }
          xmlFree (name);
          continue;
        }
      if (polisi_xml_is (child, NS_TEXT, "bookmark-end"))
        {
          xmlChar *name = xmlGetNsProp (child, (const xmlChar *) "name", (const xmlChar *) NS_TEXT);
          g_autofree char *folded = name != NULL ? fold_name ((const char *) name) : NULL;

          if (walk->range != NULL && g_strcmp0 (folded, walk->range) == 0)
            {
              g_clear_pointer (&walk->range, g_free);
              walk->current = NULL;
            }
          xmlFree (name);
          continue;
        }

      if (polisi_xml_is (child, NS_TEXT, "h") ||
          polisi_xml_is (child, NS_TABLE, "table") ||
          polisi_xml_is (child, NS_TABLE, "table-cell") ||
          polisi_xml_is (child, NS_TEXT, "table-of-content"))
        {
          leave_scope (walk);
          visit (walk, child);
          leave_scope (walk);
          continue;
        }

      if (!walk->bookmarks && polisi_xml_is (child, NS_TEXT, "p"))
        {
          const char *numbered = numbered_clause (walk, child);

          if (numbered != NULL)
            {
              walk->current = numbered;
              walk->lang = -1;
            }
        }

      visit (walk, child);
    }
}

/**
 * polisi_comments_read_content:
 * @content_xml: the content.xml of a returned ODT
 * @display_name: the ODT's name, for messages
 * @policy: the policy the draft was exported from
 * @document: (nullable): @policy assembled, for the clause numbers
 *
 * Reads the comments of a returned draft and finds the clause of each (see
 * the top of this file).
 *
 * Returns: (transfer container) (element-type PolisiAnnotation): the
 *   comments in document order, or %NULL with @error set
 */
GPtrArray *
polisi_comments_read_content (GBytes          *content_xml,
                              const char      *display_name,
                              PolisiPolicy    *policy,
                              PolisiDocument  *document,
                              GError         **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) folded = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (annotation_free);
  g_autoptr(GError) local_error = NULL;
  Walk walk = { 0 };
  xmlNode *root, *body, *text;

  g_return_val_if_fail (content_xml != NULL, NULL);
  g_return_val_if_fail (POLISI_IS_POLICY (policy), NULL);

  doc = polisi_xml_parse_part (content_xml, &local_error);
  if (doc == NULL)
    {
      if (g_error_matches (local_error, POLISI_ERROR, POLISI_ERROR_UNSAFE))
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_UNSAFE,
                     _("“%s” was refused: its text (content.xml) contains a document type declaration (DOCTYPE), "
                       "which office programs never write and which can be used to read other files on this computer. "
                       "Nothing was imported. Ask whoever returned it to save it again as ODT."),
                     display_name);
      else
        g_set_error (error, POLISI_ERROR, local_error->code,
                     _("“%s” is damaged: its text (content.xml) cannot be read. Nothing was imported. "
                       "Ask whoever returned it to open it and save it again as ODT. (%s)"),
                     display_name, local_error->message);
      return NULL;
    }

  root = xmlDocGetRootElement (doc);
  body = root != NULL && polisi_xml_is (root, NS_OFFICE, "document-content") ?
         polisi_xml_first_child (root, NS_OFFICE, "body") : NULL;
  text = body != NULL ? polisi_xml_first_child (body, NS_OFFICE, "text") : NULL;
  if (text == NULL)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_NOT_POLICY,
                   _("“%s” is not a text document (it may be a spreadsheet or a presentation). Nothing was imported. "
                     "Choose the consultation draft that came back."),
                   display_name);
      return NULL;
    }

  for (guint i = 0; i < polisi_policy_get_n_clauses (policy); i++)
    {
      const char *id = polisi_clause_state_get_id (polisi_policy_get_clause (policy, i));

      g_ptr_array_add (ids, (gpointer) id);
      g_ptr_array_add (folded, fold_name (id));
    }
  if (document != NULL)
    for (guint i = 0; i < polisi_document_get_n_blocks (document); i++)
      {
        PolisiBlock *block = polisi_document_get_block (document, i);

        if (block->kind == POLISI_BLOCK_CLAUSE && block->number != NULL && block->id != NULL &&
            polisi_policy_lookup_clause (policy, block->id) != NULL)
          g_hash_table_insert (numbers, block->number, block->id);
      }

  walk.policy = policy;
  walk.ids = ids;
  walk.folded = folded;
  walk.numbers = numbers;
  walk.annotations = annotations;
  walk.display_name = display_name;
  walk.error = error;
  walk.lang = -1;
  walk.bookmarks = has_clause_bookmarks (&walk, text);
  visit (&walk, text);
  g_free (walk.range);
  if (walk.failed)
    return NULL;

  return g_steal_pointer (&annotations);
}

static gboolean
is_duplicate (PolisiPolicy     *policy,
              PolisiAnnotation *annotation,
              const char       *date)
{
  g_autofree char *author = NULL;

  if (annotation->author != NULL)
    {
      g_autofree char *clean = polisi_text_sanitize (annotation->author);
      author = polisi_text_collapse_spaces (clean);
    }

  for (guint i = 0; i < polisi_policy_get_n_comments (policy); i++)
    {
      const PolisiComment *comment = polisi_policy_get_comment (policy, i);

      if (g_strcmp0 (comment->clause_id, annotation->clause_id) == 0 &&
          g_strcmp0 (comment->author, author) == 0 &&
          g_strcmp0 (comment->date, date) == 0 &&
          g_strcmp0 (comment->body, annotation->body) == 0)
        return TRUE;
    }
  return FALSE;
}

/**
 * polisi_comments_import:
 * @annotations: (element-type PolisiAnnotation): from
 *   polisi_comments_read_content()
 * @result: (out caller-allocates): what was done; clear it with
 *   polisi_comment_import_clear()
 *
 * Stores each comment that is not stored already, on its clause, on the
 * policy's current version. Comments with no text are passed over.
 */
void
polisi_comments_import (PolisiPolicy        *policy,
                        GPtrArray           *annotations,
                        PolisiCommentImport *result)
{
  g_return_if_fail (POLISI_IS_POLICY (policy));
  g_return_if_fail (annotations != NULL);
  g_return_if_fail (result != NULL);

  memset (result, 0, sizeof *result);
  result->general = g_ptr_array_new_with_free_func (annotation_free);
  result->n_found = annotations->len;

  for (guint i = 0; i < annotations->len; i++)
    {
      PolisiAnnotation *annotation = annotations->pdata[i];
      g_autofree char *date = polisi_date_normalize_timestamp (annotation->date);

      if (annotation->body == NULL || annotation->body[0] == '\0')
        {
          result->n_empty++;
          continue;
        }
      if (is_duplicate (policy, annotation, date))
        {
          result->n_duplicates++;
          continue;
        }

      polisi_policy_add_comment (policy, annotation->clause_id, annotation->lang,
                                 annotation->author, date, annotation->body);
      result->n_added++;
      if (annotation->clause_id == NULL)
        {
          result->n_general++;
          g_ptr_array_add (result->general, annotation_copy (annotation));
        }
    }
}

void
polisi_comment_import_clear (PolisiCommentImport *result)
{
  g_return_if_fail (result != NULL);
  g_clear_pointer (&result->general, g_ptr_array_unref);
}
