/* polisi-returned-docx.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A consultation draft returned as DOCX: exported by Polisi as DOCX, or as
 * ODT and saved as DOCX by Word or LibreOffice. This reads:
 *
 *  - the comments (word/comments.xml, or the part the document's
 *    relationships name), each on the clause its range starts in
 *    (w:commentRangeStart, or its w:commentReference when it has no range):
 *    the clause is the one whose anchor (w:bookmarkStart named by
 *    polisi_anchor_name(), or an older long name, up to the
 *    w:bookmarkEnd of the same w:id) the comment is in; in a file with no
 *    such anchors at all, the clause whose number starts the paragraph;
 *  - the rows filled in the comments table: the table with the caption
 *    (w:tblCaption) "comments-table", or whose first row is the comments
 *    table's heading in Welsh or English (what LibreOffice keeps of an ODT
 *    table saved as DOCX);
 *  - the tracked changes (w:ins and w:del with runs), each a proposal on
 *    the clause it is in, with the text of its paragraph either side of it
 *    as it was before the change;
 *  - the policy identity and version (docProps/custom.xml, the custom
 *    properties "PolisiPolicyId" and "PolisiVersion") and the organisation
 *    (docProps/core.xml, dc:subject).
 *
 * Every part goes through polisi_xml_parse_part() (size limit, UTF-8, no
 * DTD, no entities) after polisi_package_read() (bounded, CRC checked).
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "polisi-error.h"
#include "polisi-returned-private.h"
#include "polisi-xml-private.h"

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_W_STRICT "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define NS_REL "http://schemas.openxmlformats.org/package/2006/relationships"
#define NS_DC "http://purl.org/dc/elements/1.1/"

#define PART_MAX_SIZE (16 * 1024 * 1024)
#define SMALL_PART_MAX_SIZE (1024 * 1024)

static gboolean
is_w (xmlNode    *node,
      const char *name)
{
  return polisi_xml_is (node, NS_W, name) || polisi_xml_is (node, NS_W_STRICT, name);
}

static xmlNode *
w_child (xmlNode    *node,
         const char *name)
{
  for (xmlNode *child = node != NULL ? node->children : NULL; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && is_w (child, name))
      return child;
  return NULL;
}

/* A w: attribute (w:id, w:name, w:val). */
static char *
w_prop (xmlNode    *node,
        const char *name)
{
  xmlChar *value = xmlGetNsProp (node, (const xmlChar *) name, (const xmlChar *) NS_W);
  char *copy;

  if (value == NULL)
    value = xmlGetNsProp (node, (const xmlChar *) name, (const xmlChar *) NS_W_STRICT);
  copy = value != NULL ? g_strdup ((const char *) value) : NULL;
  xmlFree (value);
  return copy;
}

/* The text of runs, as it is after the reviewer's changes (w:ins taken
 * in, w:del left out) or as it was before them (w:ins left out, the text
 * w:del took out put back): w:t, tabs and breaks; field codes and
 * footnote references left out. With a @mark, the text before it goes to
 * @out and the text after it to @after. The one walk over runs: the
 * paragraphs' text, a comment's place, an insertion's text, a deletion's
 * text and the text either side of a change are all read by it. */
typedef struct {
  GString  *out;
  gboolean  original;   /* the text before the changes */
  xmlNode  *mark;       /* (nullable): where @out stops and @after starts */
  GString  *after;
} RunText;

static void
run_text (RunText *rt,
          xmlNode *node,
          gboolean deleted)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (child == rt->mark)
        {
          rt->out = rt->after;
          continue;
        }
      if (is_w (child, "ins"))
        {
          if (!rt->original)
            run_text (rt, child, deleted);
        }
      else if (is_w (child, "del"))
        {
          if (rt->original)
            run_text (rt, child, TRUE);
        }
      else if (is_w (child, "t") || (deleted && is_w (child, "delText")))
        {
          xmlChar *content = xmlNodeGetContent (child);

          g_string_append (rt->out, (const char *) content);
          xmlFree (content);
        }
      else if (is_w (child, "tab"))
        g_string_append_c (rt->out, '\t');
      else if (is_w (child, "br") || is_w (child, "cr"))
        g_string_append_c (rt->out, '\n');
      else if (is_w (child, "delText") || is_w (child, "instrText") || is_w (child, "rPr") || is_w (child, "pPr") ||
               is_w (child, "footnoteReference"))
        continue;
      else
        run_text (rt, child, deleted);
    }
}

/* The text of runs as the reader sees it now. */
static void
append_runs (GString *out,
             xmlNode *node)
{
  RunText rt = { out, FALSE, NULL, NULL };

  run_text (&rt, node, FALSE);
}

/* Paragraphs, one to a line. */
static void
append_paragraphs (GString *out,
                   xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (is_w (child, "p"))
        {
          g_autoptr(GString) line = g_string_new (NULL);

          append_runs (line, child);
          if (out->len > 0)
            g_string_append_c (out, '\n');
          g_string_append (out, line->str);
        }
      else if (is_w (child, "tbl") || is_w (child, "tr") || is_w (child, "tc") || is_w (child, "sdt") ||
               is_w (child, "sdtContent") || is_w (child, "customXml") || is_w (child, "ins"))
        append_paragraphs (out, child);
    }
}

/* Where a comment was anchored. */
typedef struct {
  const char *clause_id;
  int         lang;
  char       *place;
} Anchor;

static void
anchor_free (gpointer data)
{
  Anchor *anchor = data;

  g_free (anchor->place);
  g_free (anchor);
}

typedef struct {
  PolisiClauseIndex *index;
  gboolean           bookmarks;   /* the file marks its clauses */
  const char        *current;
  int                lang;
  char              *range;       /* the w:id of the open anchor */
  char              *place;       /* the text of the paragraph we are in */
  GHashTable        *anchors;     /* comment w:id -> Anchor */
  PolisiReturnedDraft *draft;    /* for the tracked changes */
  xmlNode           *paragraph;   /* the paragraph we are in */
  GPtrArray         *comments;    /* the rows of the table */
  const char        *display_name;
  GError           **error;
  gboolean           failed;
} Walk;

static gboolean
has_clause_bookmarks (Walk    *walk,
                      xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (is_w (child, "bookmarkStart"))
        {
          g_autofree char *name = w_prop (child, "name");
          const char *id;
          int lang;

          if (polisi_clause_index_anchor (walk->index, name, &id, &lang))
            return TRUE;
        }
      else if (has_clause_bookmarks (walk, child))
        return TRUE;
    }
  return FALSE;
}

static const char *comments_heading[][4] = {
  { "Cymal", "Awdur a dyddiad", "Sylw", "Ymateb" },
  { "Clause", "Author and date", "Comment", "Response" },
};

static GPtrArray *
row_cells (xmlNode *row)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);

  for (xmlNode *cell = row->children; cell != NULL; cell = cell->next)
    {
      if (!is_w (cell, "tc"))
        continue;
      {
        g_autoptr(GString) text = g_string_new (NULL);

        append_paragraphs (text, cell);
        g_ptr_array_add (cells, g_string_free (g_steal_pointer (&text), FALSE));
      }
    }
  return cells;
}

static void
collect_rows (xmlNode   *table,
              GPtrArray *rows)
{
  for (xmlNode *child = table->children; child != NULL; child = child->next)
    {
      if (is_w (child, "tr"))
        g_ptr_array_add (rows, child);
      else if (is_w (child, "sdt") || is_w (child, "sdtContent") || is_w (child, "customXml"))
        collect_rows (child, rows);
    }
}

static gboolean
is_comments_table (xmlNode   *table,
                   GPtrArray *rows)
{
  xmlNode *caption = w_child (w_child (table, "tblPr"), "tblCaption");
  g_autoptr(GPtrArray) first = NULL;

  if (caption != NULL)
    {
      g_autofree char *value = w_prop (caption, "val");

      if (value != NULL && g_str_has_prefix (value, "comments-table"))
        return TRUE;
    }
  if (rows->len == 0)
    return FALSE;
  first = row_cells (rows->pdata[0]);
  if (first->len != 4)
    return FALSE;
  for (guint lang = 0; lang < G_N_ELEMENTS (comments_heading); lang++)
    {
      gboolean same = TRUE;

      for (guint c = 0; c < 4 && same; c++)
        {
          g_autofree char *cell = g_strstrip (g_strdup (first->pdata[c]));

          same = strcmp (cell, comments_heading[lang][c]) == 0;
        }
      if (same)
        return TRUE;
    }
  return FALSE;
}

static void
read_comments_table (Walk      *walk,
                     GPtrArray *rows)
{
  for (guint r = 1; r < rows->len && !walk->failed; r++)
    {
      g_autoptr(GPtrArray) cells = row_cells (rows->pdata[r]);

      if (!polisi_returned_add_row (walk->comments, walk->index, (const char * const *) cells->pdata, cells->len,
                                    walk->display_name, walk->error))
        walk->failed = TRUE;
    }
}

static void
read_change (Walk    *walk,
             xmlNode *change)
{
  gboolean insertion = is_w (change, "ins");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) before = g_string_new (NULL);
  g_autoptr(GString) after = g_string_new (NULL);
  g_autofree char *author = w_prop (change, "author");
  g_autofree char *date = w_prop (change, "date");
  /* an insertion's text as it is now; a deletion's as it was */
  RunText changed = { text, !insertion, NULL, NULL };
  /* the paragraph as it was, either side of the change */
  RunText original = { before, TRUE, change, after };

  run_text (&changed, change, !insertion);
  if (walk->paragraph != NULL)
    run_text (&original, walk->paragraph, FALSE);
  polisi_returned_add_change (walk->draft, insertion ? POLISI_PROPOSAL_INSERTION : POLISI_PROPOSAL_DELETION,
                              walk->current, walk->current != NULL ? walk->lang : -1, text->str, before->str, after->str,
                              author, date, walk->paragraph == NULL ? _("it is not in a paragraph") : NULL);
}

static gboolean
has_runs (xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_w (child, "r") || is_w (child, "hyperlink") || is_w (child, "smartTag"))
      return TRUE;
  return FALSE;
}

static void
remember_anchor (Walk *walk,
                 xmlNode *node)
{
  g_autofree char *id = w_prop (node, "id");
  Anchor *anchor;

  if (id == NULL || g_hash_table_contains (walk->anchors, id) || g_hash_table_size (walk->anchors) >= POLISI_RETURNED_MAX_COMMENTS)
    return;
  anchor = g_new0 (Anchor, 1);
  anchor->clause_id = walk->current;
  anchor->lang = walk->current != NULL ? walk->lang : -1;
  anchor->place = g_strdup (walk->place != NULL ? walk->place : "");
  g_hash_table_insert (walk->anchors, g_steal_pointer (&id), anchor);
}

static gboolean
is_heading (xmlNode *paragraph)
{
  xmlNode *properties = w_child (paragraph, "pPr");
  xmlNode *style = w_child (properties, "pStyle");
  g_autofree char *value = style != NULL ? w_prop (style, "val") : NULL;

  return w_child (properties, "outlineLvl") != NULL ||
         (value != NULL && (g_str_has_prefix (value, "Heading") || g_str_has_prefix (value, "Title")));
}

static void
leave_scope (Walk *walk)
{
  if (walk->range == NULL)
    walk->current = NULL;
}

static void
visit (Walk    *walk,
       xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL && !walk->failed; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (is_w (child, "bookmarkStart"))
        {
          g_autofree char *name = w_prop (child, "name");
          const char *id;
          int lang;

          if (polisi_clause_index_anchor (walk->index, name, &id, &lang))
            {
              walk->current = id;
              walk->lang = lang;
              g_free (walk->range);
              walk->range = w_prop (child, "id");
            }
          continue;
        }
      if (is_w (child, "bookmarkEnd"))
        {
          g_autofree char *id = w_prop (child, "id");

          if (walk->range != NULL && g_strcmp0 (id, walk->range) == 0)
            {
              g_clear_pointer (&walk->range, g_free);
              walk->current = NULL;
            }
          continue;
        }
      if (is_w (child, "commentRangeStart") || is_w (child, "commentReference"))
        {
          remember_anchor (walk, child);
          continue;
        }
      if ((is_w (child, "ins") || is_w (child, "del")) && has_runs (child))
        read_change (walk, child);

      if (is_w (child, "tbl"))
        {
          g_autoptr(GPtrArray) rows = g_ptr_array_new ();

          collect_rows (child, rows);
          leave_scope (walk);
          if (is_comments_table (child, rows))
            read_comments_table (walk, rows);
          visit (walk, child);
          leave_scope (walk);
          continue;
        }
      /* (in a file with no anchors, a table cell goes on with the
       * clause before it: a clause's later paragraph pairs in parallel
       * columns are rows whose cells have no number) */
      if (is_w (child, "tc") && walk->bookmarks)
        {
          leave_scope (walk);
          visit (walk, child);
          leave_scope (walk);
          continue;
        }
      if (is_w (child, "p"))
        {
          g_autoptr(GString) text = g_string_new (NULL);

          append_runs (text, child);
          g_free (walk->place);
          walk->place = polisi_returned_clean_place (text->str);
          walk->paragraph = child;
          if (!walk->bookmarks)
            {
              const char *numbered = polisi_clause_index_number (walk->index, text->str);

              if (numbered != NULL)
                {
                  walk->current = numbered;
                  walk->lang = -1;
                }
              else if (is_heading (child))
                walk->current = NULL;
            }
          visit (walk, child);
          walk->paragraph = NULL;
          continue;
        }
      if (is_w (child, "pPr") || is_w (child, "rPr") || is_w (child, "sectPr") || is_w (child, "t") ||
          is_w (child, "delText"))
        continue;

      visit (walk, child);
    }
}

/* Resolves a relationship's target against the folder "word/"; %NULL when
 * it leaves the package. */
static char *
resolve_target (const char *target)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);

  if (target[0] == '/')
    parts = g_strsplit (target + 1, "/", -1);
  else
    {
      g_autofree char *joined = g_strconcat ("word/", target, NULL);
      parts = g_strsplit (joined, "/", -1);
    }
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0' || strcmp (parts[i], ".") == 0)
        continue;
      if (strcmp (parts[i], "..") == 0)
        {
          if (path->len == 0)
            return NULL;
          g_ptr_array_remove_index (path, path->len - 1);
          continue;
        }
      g_ptr_array_add (path, parts[i]);
    }
  for (guint i = 0; i < path->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '/');
      g_string_append (out, path->pdata[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static xmlDoc *parse_part (PolisiPackage  *package,
                           const char     *name,
                           gsize           max_size,
                           gboolean        required,
                           const char     *display_name,
                           GError        **error);

/* The name of the comments part, as the document's relationships say: a
 * part that cannot be read is refused as every other part is
 * (parse_part()). */
static char *
comments_part_name (PolisiPackage  *package,
                    const char     *display_name,
                    GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(xmlDoc) doc = parse_part (package, "word/_rels/document.xml.rels", SMALL_PART_MAX_SIZE, FALSE,
                                      display_name, &local_error);
  xmlNode *root;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (doc == NULL)
    return g_strdup ("word/comments.xml");
  root = xmlDocGetRootElement (doc);
  for (xmlNode *child = root != NULL ? root->children : NULL; child != NULL; child = child->next)
    {
      xmlChar *type, *target;
      char *name = NULL;

      if (!polisi_xml_is (child, NS_REL, "Relationship"))
        continue;
      type = xmlGetProp (child, (const xmlChar *) "Type");
      target = xmlGetProp (child, (const xmlChar *) "Target");
      if (type != NULL && target != NULL && g_str_has_suffix ((const char *) type, "/comments"))
        name = resolve_target ((const char *) target);
      xmlFree (type);
      xmlFree (target);
      if (name != NULL)
        return name;
    }
  return g_strdup ("word/comments.xml");
}

/* Reads and parses a part; %NULL without an error when it is missing and
 * not @required. */
static xmlDoc *
parse_part (PolisiPackage  *package,
            const char     *name,
            gsize           max_size,
            gboolean        required,
            const char     *display_name,
            GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = polisi_package_read (package, name, max_size, required, &local_error);
  xmlDoc *doc;

  if (bytes == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  doc = polisi_xml_parse_part (bytes, &local_error);
  if (doc == NULL)
    {
      if (g_error_matches (local_error, POLISI_ERROR, POLISI_ERROR_UNSAFE))
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_UNSAFE,
                     _("“%s” was refused: its part “%s” contains a document type declaration (DOCTYPE), which "
                       "office programs never write and which can be used to read other files on this computer. "
                       "Nothing was imported. Ask whoever returned it to save it again as DOCX."),
                     display_name, name);
      else
        g_set_error (error, POLISI_ERROR, local_error->code,
                     _("“%s” is damaged: its part “%s” cannot be read. Nothing was imported. "
                       "Ask whoever returned it to open it and save it again as DOCX. (%s)"),
                     display_name, name, local_error->message);
    }
  return doc;
}

static void
read_properties (PolisiPackage        *package,
                 PolisiReturnedDraft  *draft,
                 const char           *display_name,
                 GError              **error)
{
  g_autoptr(xmlDoc) custom = parse_part (package, "docProps/custom.xml", SMALL_PART_MAX_SIZE, FALSE, display_name, error);
  g_autoptr(xmlDoc) core = NULL;
  xmlNode *root;

  if (error != NULL && *error != NULL)
    return;
  root = custom != NULL ? xmlDocGetRootElement (custom) : NULL;
  for (xmlNode *child = root != NULL ? root->children : NULL; child != NULL; child = child->next)
    {
      xmlChar *name;

      if (child->type != XML_ELEMENT_NODE || strcmp ((const char *) child->name, "property") != 0)
        continue;
      name = xmlGetProp (child, (const xmlChar *) "name");
      polisi_returned_take_identity (draft, (const char *) name, child);
      xmlFree (name);
    }

  core = parse_part (package, "docProps/core.xml", SMALL_PART_MAX_SIZE, FALSE, display_name, error);
  if (error != NULL && *error != NULL)
    return;
  root = core != NULL ? xmlDocGetRootElement (core) : NULL;
  for (xmlNode *child = root != NULL ? root->children : NULL; child != NULL; child = child->next)
    if (polisi_xml_is (child, NS_DC, "subject"))
      {
        g_autofree char *subject = polisi_xml_get_text (child);

        draft->organisation = polisi_returned_organisation_of_subject (subject);
        break;
      }
}

static gboolean
read_comments (PolisiPackage        *package,
               Walk                 *walk,
               GPtrArray            *comments,
               const char           *display_name,
               GError              **error)
{
  g_autofree char *part = comments_part_name (package, display_name, error);
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GError) local_error = NULL;
  xmlNode *root;

  if (part == NULL)
    return FALSE;
  doc = parse_part (package, part, PART_MAX_SIZE, FALSE, display_name, &local_error);
  if (doc == NULL)
    {
      if (local_error == NULL)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  root = xmlDocGetRootElement (doc);
  for (xmlNode *node = root != NULL ? root->children : NULL; node != NULL; node = node->next)
    {
      PolisiReturnedComment *comment;
      g_autoptr(GString) body = NULL;
      g_autofree char *id = NULL;
      g_autofree char *author = NULL;
      Anchor *anchor;

      if (!is_w (node, "comment"))
        continue;
      id = w_prop (node, "id");
      author = w_prop (node, "author");
      anchor = id != NULL ? g_hash_table_lookup (walk->anchors, id) : NULL;
      body = g_string_new (NULL);
      append_paragraphs (body, node);

      comment = g_new0 (PolisiReturnedComment, 1);
      comment->source = POLISI_RETURNED_ANCHORED;
      comment->clause_id = g_strdup (anchor != NULL ? anchor->clause_id : NULL);
      comment->lang = anchor != NULL ? anchor->lang : -1;
      comment->author = polisi_returned_clean_author (author);
      comment->date = w_prop (node, "date");
      comment->body = polisi_returned_clean_body (body->str);
      comment->place = g_strdup (anchor != NULL ? anchor->place : "");
      if (!polisi_returned_add (comments, comment, display_name, error))
        return FALSE;
    }
  return TRUE;
}

PolisiReturnedDraft *
polisi_returned_docx_read (PolisiPackage   *package,
                           const char      *display_name,
                           PolisiPolicy    *policy,
                           PolisiDocument  *document,
                           GError         **error)
{
  g_autoptr(PolisiReturnedDraft) draft = polisi_returned_draft_new (POLISI_RETURNED_FORMAT_DOCX);
  g_autoptr(PolisiClauseIndex) index = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) polisi_returned_comment_free);
  g_autoptr(GHashTable) anchors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, anchor_free);
  GError *local_error = NULL;
  Walk walk = { 0 };
  xmlNode *root, *body;

  doc = parse_part (package, "word/document.xml", PART_MAX_SIZE, TRUE, display_name, error);
  if (doc == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
  body = root != NULL && is_w (root, "document") ? w_child (root, "body") : NULL;
  if (body == NULL)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_MALFORMED,
                   _("“%s” is damaged: its text (word/document.xml) has no body. Nothing was imported. "
                     "Ask whoever returned it to open it and save it again as DOCX."),
                   display_name);
      return NULL;
    }

  read_properties (package, draft, display_name, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  index = polisi_clause_index_new (policy, document);
  walk.index = index;
  walk.anchors = anchors;
  walk.draft = draft;
  walk.comments = rows;
  walk.display_name = display_name;
  walk.error = error;
  walk.lang = -1;
  walk.bookmarks = has_clause_bookmarks (&walk, body);
  visit (&walk, body);
  g_free (walk.range);
  g_free (walk.place);
  if (walk.failed)
    return NULL;

  if (!read_comments (package, &walk, draft->comments, display_name, error))
    return NULL;
  /* the margin comments, then the rows of the table */
  for (guint i = 0; i < rows->len; i++)
    if (!polisi_returned_add (draft->comments, g_steal_pointer (&rows->pdata[i]), display_name, error))
      return NULL;
  return g_steal_pointer (&draft);
}
