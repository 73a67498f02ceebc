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
 *    writer puts around each clause (polisi_anchor_name(), or the
 *    long "polisi-clause-cy-…" names of older drafts, start and end, in
 *    either language), or, in a file with no such anchors at all, by the
 *    clause number at the start of the paragraph ("3.2" and a tab), until
 *    the next heading, table or numbered paragraph;
 *  - the rows filled in the comments table (table:name "comments-table"):
 *    the clause number, who, and the comment;
 *  - the tracked changes (text:changed-region with text:insertion or
 *    text:deletion, and the text:change-start/end or text:change marks in
 *    the text), each a proposal on the clause it is in, with the text of
 *    its paragraph either side of it as it was before the change;
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
  PolisiReturnedDraft *draft;
  GHashTable        *regions;     /* change id -> Region */
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

/* A tracked change, as text:tracked-changes describes it. */
typedef struct {
  PolisiProposalKind  kind;
  char               *author;
  char               *date;
  char               *deleted;   /* the text a deletion took out, paragraphs on lines */
} Region;

static void
region_free (gpointer data)
{
  Region *region = data;

  g_free (region->author);
  g_free (region->date);
  g_free (region->deleted);
  g_free (region);
}

static void
read_regions (Walk    *walk,
              xmlNode *tracked)
{
  for (xmlNode *node = tracked->children; node != NULL; node = node->next)
    {
      xmlNode *change, *info;
      xmlChar *id;
      Region *region;

      if (!polisi_xml_is (node, NS_TEXT, "changed-region"))
        continue;
      id = xmlGetNsProp (node, (const xmlChar *) "id", (const xmlChar *) NS_TEXT);
      if (id == NULL)
        id = xmlGetNsProp (node, (const xmlChar *) "id", (const xmlChar *) "http://www.w3.org/XML/1998/namespace");
      change = polisi_xml_first_child (node, NS_TEXT, "insertion");
      if (change == NULL)
        change = polisi_xml_first_child (node, NS_TEXT, "deletion");
      if (id == NULL || change == NULL || g_hash_table_size (walk->regions) >= POLISI_RETURNED_MAX_COMMENTS)
        {
          /* a format change, or one with no id: nothing to propose */
          xmlFree (id);
          continue;
        }
      region = g_new0 (Region, 1);
      region->kind = polisi_xml_is (change, NS_TEXT, "insertion") ? POLISI_PROPOSAL_INSERTION : POLISI_PROPOSAL_DELETION;
      info = polisi_xml_first_child (change, NS_OFFICE, "change-info");
      if (info != NULL)
        {
          region->author = element_text (info, NS_DC, "creator");
          region->date = element_text (info, NS_DC, "date");
        }
      if (region->kind == POLISI_PROPOSAL_DELETION)
        {
          g_autoptr(GString) text = g_string_new (NULL);

          append_paragraphs (text, change, FALSE);
          region->deleted = g_string_free (g_steal_pointer (&text), FALSE);
        }
      g_hash_table_insert (walk->regions, g_strdup ((const char *) id), region);
      xmlFree (id);
    }
}

static char *
change_id (xmlNode *node)
{
  xmlChar *id = xmlGetNsProp (node, (const xmlChar *) "change-id", (const xmlChar *) NS_TEXT);
  char *copy = id != NULL ? g_strdup ((const char *) id) : NULL;

  xmlFree (id);
  return copy;
}

/* The text of a paragraph as it was before the reviewer's changes, split
 * at @mark: insertions left out, deletions put back. */
typedef struct {
  Walk     *walk;
  xmlNode  *mark;
  GString  *before;
  GString  *after;
  gboolean  passed;     /* @mark and its insertion are behind us */
  GPtrArray *open;      /* ids of the insertions we are inside */
} Original;

static void
original_text (Original *o,
               xmlNode  *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      GString *out = o->passed ? o->after : o->before;

      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          if (o->open->len == 0)
            g_string_append (out, (const char *) child->content);
          continue;
        }
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (polisi_xml_is (child, NS_TEXT, "change-start") || polisi_xml_is (child, NS_TEXT, "change-end") ||
          polisi_xml_is (child, NS_TEXT, "change"))
        {
          g_autofree char *id = change_id (child);
          Region *region = id != NULL ? g_hash_table_lookup (o->walk->regions, id) : NULL;

          if (polisi_xml_is (child, NS_TEXT, "change-start") && region != NULL && region->kind == POLISI_PROPOSAL_INSERTION)
            g_ptr_array_add (o->open, g_steal_pointer (&id));
          else if (polisi_xml_is (child, NS_TEXT, "change-end") && id != NULL)
            {
              for (guint i = 0; i < o->open->len; i++)
                if (strcmp (o->open->pdata[i], id) == 0)
                  {
                    g_ptr_array_remove_index (o->open, i);
                    break;
                  }
              /* the end of the marked insertion: what follows is after it */
              if (o->mark != NULL && polisi_xml_is (o->mark, NS_TEXT, "change-start"))
                {
                  g_autofree char *mark_id = change_id (o->mark);

                  if (g_strcmp0 (mark_id, id) == 0)
                    o->passed = TRUE;
                }
            }
          else if (polisi_xml_is (child, NS_TEXT, "change") && region != NULL && region->kind == POLISI_PROPOSAL_DELETION &&
                   child != o->mark && o->open->len == 0)
            g_string_append (out, region->deleted);
          if (child == o->mark && polisi_xml_is (child, NS_TEXT, "change"))
            o->passed = TRUE;
          continue;
        }
      if (polisi_xml_is (child, NS_TEXT, "s"))
        {
          if (o->open->len == 0)
            g_string_append_c (out, ' ');
        }
      else if (polisi_xml_is (child, NS_TEXT, "tab"))
        {
          if (o->open->len == 0)
            g_string_append_c (out, '\t');
        }
      else if (polisi_xml_is (child, NS_TEXT, "line-break"))
        {
          if (o->open->len == 0)
            g_string_append_c (out, '\n');
        }
      else if (polisi_xml_is (child, NS_OFFICE, "annotation") || polisi_xml_is (child, NS_TEXT, "note") ||
               polisi_xml_is (child, NS_TEXT, "bookmark-start") || polisi_xml_is (child, NS_TEXT, "bookmark-end") ||
               polisi_xml_is (child, NS_TEXT, "bookmark"))
        continue;
      else
        original_text (o, child);
    }
}

/* The text between an insertion's start and its end, when both are in the
 * same paragraph; %NULL otherwise. */
static char *
inserted_text (xmlNode    *start,
               const char *id)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (xmlNode *node = start->next; node != NULL; node = node->next)
    {
      if (polisi_xml_is (node, NS_TEXT, "change-end"))
        {
          g_autofree char *end_id = change_id (node);

          if (g_strcmp0 (end_id, id) == 0)
            return g_string_free (g_steal_pointer (&text), FALSE);
        }
      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        g_string_append (text, (const char *) node->content);
      else if (node->type == XML_ELEMENT_NODE)
        {
          if (polisi_xml_is (node, NS_TEXT, "tab"))
            g_string_append_c (text, '\t');
          else if (polisi_xml_is (node, NS_TEXT, "s"))
            g_string_append_c (text, ' ');
          else if (!polisi_xml_is (node, NS_OFFICE, "annotation"))
            append_inline (text, node);
        }
    }
  return NULL;
}

static void
read_change (Walk    *walk,
             xmlNode *mark)
{
  g_autofree char *id = change_id (mark);
  Region *region = id != NULL ? g_hash_table_lookup (walk->regions, id) : NULL;
  g_autofree char *text = NULL;
  const char *why_not = NULL;
  xmlNode *paragraph = mark->parent;
  g_autoptr(GString) before = g_string_new (NULL);
  g_autoptr(GString) after = g_string_new (NULL);
  g_autoptr(GPtrArray) open = g_ptr_array_new_with_free_func (g_free);
  Original o = { walk, mark, before, after, FALSE, open };

  if (region == NULL)
    return;
  /* each region once: its start (an insertion) or its mark (a deletion) */
  if ((region->kind == POLISI_PROPOSAL_INSERTION) != polisi_xml_is (mark, NS_TEXT, "change-start"))
    return;

  if (region->kind == POLISI_PROPOSAL_INSERTION)
    {
      text = inserted_text (mark, id);
      if (text == NULL)
        why_not = _("it runs over more than one paragraph");
    }
  else
    {
      text = g_strdup (region->deleted != NULL ? region->deleted : "");
      if (strchr (text, '\n') != NULL)
        why_not = _("it runs over more than one paragraph");
    }

  while (paragraph != NULL && !polisi_xml_is (paragraph, NS_TEXT, "p") && !polisi_xml_is (paragraph, NS_TEXT, "h"))
    paragraph = paragraph->parent;
  if (paragraph != NULL)
    original_text (&o, paragraph);

  polisi_returned_add_change (walk->draft, region->kind, walk->current, walk->current != NULL ? walk->lang : -1,
                              text, before->str, after->str, region->author, region->date, why_not);
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
          read_regions (walk, child);
          continue;
        }
      if (polisi_xml_is (child, NS_TEXT, "change-start") || polisi_xml_is (child, NS_TEXT, "change"))
        {
          read_change (walk, child);
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

      /* (in a file with no anchors, a table cell goes on with the
       * clause before it: a clause's later paragraph pairs in parallel
       * columns are rows whose cells have no number) */
      if (polisi_xml_is (child, NS_TEXT, "h") ||
          polisi_xml_is (child, NS_TABLE, "table") ||
          (polisi_xml_is (child, NS_TABLE, "table-cell") && walk->bookmarks) ||
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
  g_autoptr(GHashTable) regions = NULL;
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
  regions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, region_free);
  walk.index = index;
  walk.regions = regions;
  walk.draft = draft;
  walk.comments = draft->comments;
  walk.display_name = display_name;
  walk.error = error;
  walk.lang = -1;
  walk.bookmarks = has_clause_bookmarks (&walk, text);
  visit (&walk, text);
  g_free (walk.range);
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
  g_autoptr(PolisiReturnedDraft) draft = polisi_returned_draft_new (POLISI_RETURNED_FORMAT_ODT);

  g_return_val_if_fail (content_xml != NULL, NULL);
  g_return_val_if_fail (POLISI_IS_POLICY (policy), NULL);
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

          polisi_returned_take_identity (draft, (const char *) name, child);
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
  g_autoptr(PolisiReturnedDraft) draft = polisi_returned_draft_new (POLISI_RETURNED_FORMAT_ODT);
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GBytes) meta = NULL;
  g_autoptr(GError) meta_error = NULL;

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
