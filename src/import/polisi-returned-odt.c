/* polisi-returned-odt.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A consultation draft returned as ODT. Union representatives comment on it
 * in LibreOffice (Insert › Comment), fill in rows of its comments table,
 * and edit its text with track changes on. This reads, from content.xml:
 *
 *  - the comments (office:annotation, with dc:creator, dc:date and their
 *    paragraphs), each on the clause it sits in: by the anchor the ODT
 *    writer puts around each clause (polisi_comments_anchor_name(), or the
 *    long "polisi-clause-cy-…" names of older drafts, start and end, in
 *    either language), or, in a file with no such anchors at all, by the
 *    clause number at the start of the paragraph ("3.2" and a tab), until
 *    the next heading, table cell or numbered paragraph;
 *  - the rows filled in the comments table (table:name "comments-table"):
 *    the clause number, who, and the comment;
 *  - the tracked changes (text:changed-region with text:insertion or
 *    text:deletion), counted;
 *
 * and, from meta.xml, the policy identity and version the draft was made
 * from (meta:user-defined "PolisiPolicyId" and "PolisiVersion").
 *
 * Every part is read with polisi_xml_parse_part(), under the rules of every
 * XML reader: a size limit, UTF-8, no DTD, no entities.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "polisi-error.h"
#include "polisi-returned-private.h"
#include "polisi-text.h"
#include "polisi-xml-private.h"

#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_META "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define NS_DC "http://purl.org/dc/elements/1.1/"

#define CONTENT_MAX_SIZE (16 * 1024 * 1024)
#define ODT_MIME "application/vnd.oasis.opendocument.text"

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
  PolisiClauseIndex *index;
  gboolean           bookmarks;   /* the file marks its clauses */
  const char        *current;     /* the clause we are in, or NULL */
  int                lang;
  char              *range;       /* the open bookmark range, folded */
  GPtrArray         *comments;
  guint              n_insertions;
  guint              n_deletions;
  const char        *display_name;
  GError           **error;
  gboolean           failed;
} Walk;

static gboolean
bookmark_of (Walk        *walk,
             xmlNode     *node,
             char       **name_out,
             const char **clause_id,
             int         *lang)
{
  xmlChar *name = xmlGetNsProp (node, (const xmlChar *) "name", (const xmlChar *) NS_TEXT);
  gboolean ours = name != NULL && polisi_clause_index_anchor (walk->index, (const char *) name, clause_id, lang);

  if (name_out != NULL && name != NULL)
    *name_out = g_strdup ((const char *) name);
  xmlFree (name);
  return ours;
}

static gboolean
has_clause_bookmarks (Walk    *walk,
                      xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      const char *id;
      int lang;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (polisi_xml_is (child, NS_TEXT, "tracked-changes"))
        continue;
      if ((polisi_xml_is (child, NS_TEXT, "bookmark-start") || polisi_xml_is (child, NS_TEXT, "bookmark")) &&
          bookmark_of (walk, child, NULL, &id, &lang))
        return TRUE;
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

/* The text of the paragraph or heading around @node. */
static char *
place_of (xmlNode *node)
{
  g_autoptr(GString) text = g_string_new (NULL);

  while (node != NULL && !polisi_xml_is (node, NS_TEXT, "p") && !polisi_xml_is (node, NS_TEXT, "h"))
    node = node->parent;
  if (node == NULL)
    return g_strdup ("");

  append_inline (text, node);
  return polisi_returned_clean_place (text->str);
}

static void
read_annotation (Walk    *walk,
                 xmlNode *node)
{
  PolisiReturnedComment *comment = g_new0 (PolisiReturnedComment, 1);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *author = element_text (node, NS_DC, "creator");

  comment->source = POLISI_RETURNED_ANCHORED;
  comment->clause_id = g_strdup (walk->current);
  comment->lang = walk->current != NULL ? walk->lang : -1;
  comment->author = polisi_returned_clean_author (author);
  comment->date = element_text (node, NS_DC, "date");
  append_paragraphs (body, node, FALSE);
  comment->body = polisi_returned_clean_body (body->str);
  comment->place = place_of (node->parent);
  if (!polisi_returned_add (walk->comments, comment, walk->display_name, walk->failed ? NULL : walk->error))
    walk->failed = TRUE;
}

/* The text of a table cell, its paragraphs one to a line. */
static char *
cell_text (xmlNode *cell)
{
  g_autoptr(GString) text = g_string_new (NULL);

  append_paragraphs (text, cell, FALSE);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
collect_rows (xmlNode   *node,
              GPtrArray *rows)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (polisi_xml_is (child, NS_TABLE, "table-row"))
        g_ptr_array_add (rows, child);
      else if (polisi_xml_is (child, NS_TABLE, "table-header-rows") || polisi_xml_is (child, NS_TABLE, "table-rows") ||
               polisi_xml_is (child, NS_TABLE, "table-row-group"))
        collect_rows (child, rows);
    }
}

/* The rows of the comments table: the first is the heading; a row whose
 * comment cell is empty is room left for more. */
static void
read_comments_table (Walk    *walk,
                     xmlNode *table)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (table, rows);
  for (guint r = 1; r < rows->len && !walk->failed; r++)
    {
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

      for (xmlNode *cell = ((xmlNode *) rows->pdata[r])->children; cell != NULL; cell = cell->next)
        if (polisi_xml_is (cell, NS_TABLE, "table-cell"))
          g_ptr_array_add (cells, cell_text (cell));
      polisi_returned_add_row (walk->comments, walk->index, (const char * const *) cells->pdata, cells->len,
                               walk->display_name, walk->failed ? NULL : walk->error);
      if (walk->comments->len > POLISI_RETURNED_MAX_COMMENTS)
        walk->failed = TRUE;
    }
}

static void
count_changes (Walk    *walk,
               xmlNode *tracked)
{
  for (xmlNode *region = tracked->children; region != NULL; region = region->next)
    {
      if (!polisi_xml_is (region, NS_TEXT, "changed-region"))
        continue;
      if (polisi_xml_first_child (region, NS_TEXT, "insertion") != NULL)
        walk->n_insertions++;
      else if (polisi_xml_first_child (region, NS_TEXT, "deletion") != NULL)
        walk->n_deletions++;
    }
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
      if (polisi_xml_is (child, NS_TEXT, "tracked-changes"))
        {
          count_changes (walk, child);
          continue;
        }
      if (polisi_xml_is (child, NS_TEXT, "note"))
        continue;

      if (polisi_xml_is (child, NS_TEXT, "bookmark-start") || polisi_xml_is (child, NS_TEXT, "bookmark"))
        {
          g_autofree char *name = NULL;

          if (bookmark_of (walk, child, &name, &id, &lang))
            {
              walk->current = id;
              walk->lang = lang;
              g_clear_pointer (&walk->range, g_free);
              if (polisi_xml_is (child, NS_TEXT, "bookmark-start"))
                walk->range = fold_name (name);
            }
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

      if (polisi_xml_is (child, NS_TABLE, "table"))
        {
          xmlChar *name = xmlGetNsProp (child, (const xmlChar *) "name", (const xmlChar *) NS_TABLE);
          gboolean comments_table = name != NULL && g_str_has_prefix ((const char *) name, "comments-table");

          xmlFree (name);
          if (comments_table)
            {
              leave_scope (walk);
              read_comments_table (walk, child);
            }
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
          g_autoptr(GString) text = g_string_new (NULL);
          const char *numbered;

          append_inline (text, child);
          numbered = polisi_clause_index_number (walk->index, text->str);
          if (numbered != NULL)
            {
              walk->current = numbered;
              walk->lang = -1;
            }
        }

      visit (walk, child);
    }
}

static gboolean
read_content (GBytes                *content_xml,
              const char            *display_name,
              PolisiPolicy          *policy,
              PolisiDocument        *document,
              PolisiReturnedDraft   *draft,
              GError               **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(PolisiClauseIndex) index = NULL;
  g_autoptr(GError) local_error = NULL;
  Walk walk = { 0 };
  xmlNode *root, *body, *text;

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
      return FALSE;
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
      return FALSE;
    }

  index = polisi_clause_index_new (policy, document);
  walk.index = index;
  walk.comments = draft->comments;
  walk.display_name = display_name;
  walk.error = error;
  walk.lang = -1;
  walk.bookmarks = has_clause_bookmarks (&walk, text);
  visit (&walk, text);
  g_free (walk.range);
  draft->n_insertions = walk.n_insertions;
  draft->n_deletions = walk.n_deletions;
  return !walk.failed;
}

/**
 * polisi_returned_odt_read_content:
 * @content_xml: the content.xml of a returned ODT
 * @display_name: the ODT's name, for messages
 * @policy: the policy the draft was exported from
 * @document: (nullable): @policy assembled, for the clause numbers
 *
 * Reads the comments and filled table rows of a returned draft's text and
 * finds the clause of each (see the top of this file).
 *
 * Returns: (transfer container) (element-type PolisiReturnedComment): the
 *   comments in document order, or %NULL with @error set
 */
GPtrArray *
polisi_returned_odt_read_content (GBytes          *content_xml,
                                  const char      *display_name,
                                  PolisiPolicy    *policy,
                                  PolisiDocument  *document,
                                  GError         **error)
{
  g_autoptr(PolisiReturnedDraft) draft = g_new0 (PolisiReturnedDraft, 1);

  g_return_val_if_fail (content_xml != NULL, NULL);
  g_return_val_if_fail (POLISI_IS_POLICY (policy), NULL);

  draft->comments = g_ptr_array_new_with_free_func ((GDestroyNotify) polisi_returned_comment_free);
  if (!read_content (content_xml, display_name, policy, document, draft, error))
    return NULL;
  return g_steal_pointer (&draft->comments);
}

/* The identity the ODT writer puts in meta.xml, and the organisation (the
 * subject is "Organisation: title", a " / " between languages). */
static void
read_meta (GBytes              *meta_xml,
           PolisiReturnedDraft *draft)
{
  g_autoptr(xmlDoc) doc = polisi_xml_parse_part (meta_xml, NULL);
  xmlNode *root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  xmlNode *meta = root != NULL ? polisi_xml_first_child (root, NS_OFFICE, "meta") : NULL;

  if (meta == NULL)
    return;
  for (xmlNode *child = meta->children; child != NULL; child = child->next)
    {
      if (polisi_xml_is (child, NS_META, "user-defined"))
        {
          xmlChar *name = xmlGetNsProp (child, (const xmlChar *) "name", (const xmlChar *) NS_META);
          char **slot = NULL;

          if (g_strcmp0 ((const char *) name, "PolisiPolicyId") == 0)
            slot = &draft->policy_uid;
          else if (g_strcmp0 ((const char *) name, "PolisiVersion") == 0)
            slot = &draft->version;
          if (slot != NULL && *slot == NULL)
            {
              g_autofree char *value = polisi_xml_get_text (child);

              *slot = polisi_returned_clean_author (value);
            }
          xmlFree (name);
        }
      else if (polisi_xml_is (child, NS_DC, "subject") && draft->organisation == NULL)
        {
          g_autofree char *subject = polisi_xml_get_text (child);

          draft->organisation = polisi_returned_organisation_of_subject (subject);
        }
    }
}

/* Whether the manifest says its parts are encrypted. */
static gboolean
is_encrypted (PolisiPackage *package)
{
  g_autoptr(GBytes) manifest = polisi_package_read (package, "META-INF/manifest.xml", 4 * 1024 * 1024, FALSE, NULL);
  gsize size;
  const char *data;

  if (manifest == NULL)
    return FALSE;
  data = g_bytes_get_data (manifest, &size);
  return g_strstr_len (data, size, "encryption-data") != NULL;
}

/* Checks the mimetype and unpacks content.xml. */
static GBytes *
unpack_content (PolisiPackage  *package,
                const char     *display_name,
                GError        **error)
{
  g_autoptr(GBytes) mimetype = polisi_package_read (package, "mimetype", 256, FALSE, NULL);

  if (mimetype == NULL ||
      g_bytes_get_size (mimetype) != strlen (ODT_MIME) ||
      memcmp (g_bytes_get_data (mimetype, NULL), ODT_MIME, strlen (ODT_MIME)) != 0)
    {
      if (mimetype != NULL && g_bytes_get_size (mimetype) > strlen ("application/vnd.oasis.opendocument.") &&
          memcmp (g_bytes_get_data (mimetype, NULL), "application/vnd.oasis.opendocument.",
                  strlen ("application/vnd.oasis.opendocument.")) == 0)
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_NOT_POLICY,
                     _("“%s” is an OpenDocument file, but not a text document (it may be a spreadsheet or a "
                       "presentation). Nothing was imported. Choose the consultation draft that came back."),
                     display_name);
      else
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_NOT_POLICY,
                     _("“%s” is a packaged file, but neither an ODT nor a DOCX document. Nothing was imported. "
                       "Choose the consultation draft that came back, saved as ODT or DOCX."),
                     display_name);
      return NULL;
    }

  if (is_encrypted (package))
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_NOT_POLICY,
                   _("“%s” is protected with a password, so Polisi cannot read it. Nothing was imported. "
                     "Open it in LibreOffice, choose File › Save As, untick “Save with password”, save it, "
                     "and import that file."),
                   display_name);
      return NULL;
    }

  return polisi_package_read (package, "content.xml", CONTENT_MAX_SIZE, TRUE, error);
}

/**
 * polisi_returned_odt_unpack:
 * @package: the file, whole
 * @display_name: its name, for messages
 *
 * Checks that @package is an OpenDocument text and unpacks its
 * content.xml.
 *
 * Returns: (transfer full): content.xml, or %NULL with @error set
 */
GBytes *
polisi_returned_odt_unpack (GBytes      *package,
                            const char  *display_name,
                            GError     **error)
{
  g_autoptr(PolisiPackage) zip = NULL;
  gsize size;
  const char *data = g_bytes_get_data (package, &size);

  g_return_val_if_fail (package != NULL, NULL);

  if (size > POLISI_RETURNED_MAX_FILE_SIZE)
    {
      polisi_returned_set_too_large (error, display_name);
      return NULL;
    }
  if (size < 4 || memcmp (data, "PK\003\004", 4) != 0)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_NOT_POLICY,
                   _("“%s” is not an ODT document. Nothing was imported. "
                     "Choose the consultation draft that came back, saved as ODT or DOCX."),
                   display_name);
      return NULL;
    }
  zip = polisi_package_open (package, display_name, "ODT", error);
  if (zip == NULL)
    return NULL;
  return unpack_content (zip, display_name, error);
}

PolisiReturnedDraft *
polisi_returned_odt_read (PolisiPackage   *package,
                          const char      *display_name,
                          PolisiPolicy    *policy,
                          PolisiDocument  *document,
                          GError         **error)
{
  g_autoptr(PolisiReturnedDraft) draft = g_new0 (PolisiReturnedDraft, 1);
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GBytes) meta = NULL;
  g_autoptr(GError) meta_error = NULL;

  draft->format = POLISI_RETURNED_FORMAT_ODT;
  draft->comments = g_ptr_array_new_with_free_func ((GDestroyNotify) polisi_returned_comment_free);

  content = unpack_content (package, display_name, error);
  if (content == NULL)
    return NULL;
  /* meta.xml is optional: without it, the draft's identity is not known */
  meta = polisi_package_read (package, "meta.xml", 1024 * 1024, FALSE, &meta_error);
  if (meta_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&meta_error));
      return NULL;
    }
  if (meta != NULL)
    read_meta (meta, draft);
  if (!read_content (content, display_name, policy, document, draft, error))
    return NULL;
  return g_steal_pointer (&draft);
}
