/* polisi-html.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The policy as a web page, for the organisation's website: one page per
 * language, each complete on its own (its styles inline, no script, no
 * image, nothing fetched), the two pages linking to each other (the
 * alternate links of the head, for search engines; a language switch at
 * the top, for people).
 *
 * Parallel columns and back to back are paper layouts. On the web each
 * language has a page of its own, as public bodies in Wales publish: a
 * page is read on a phone as often as on a screen, where two columns are
 * too narrow to read; a browser, a screen reader and a search engine take
 * a page's language from the page; and a reader of one language does not
 * scroll through the whole policy in the other. So a layout with both
 * languages becomes two pages (see polisi_format_get_layout()), the Welsh
 * one first, and each language switch names Welsh first.
 *
 * The page: a skip link; the language switch; a banner on a draft or a
 * consultation draft (what the watermark says on paper); the
 * organisation, the title (the only h1), the version line and the dates;
 * a contents list of the sections; then the sections (h2), their clauses
 * in an ordered list, each clause's item having the clause id as its id
 * (the same in both languages and in every version, so that a comment
 * can link to "policy-en.html#clause-id") and its number as a link to
 * itself; tables with header cells scoped to their column and their row.
 * Text that a comparison found inserted or deleted is <ins> or <del>,
 * with words a screen reader says, in the page's language.
 *
 * The markup is written with libxml2's text writer: every text and
 * attribute is escaped by it. The style sheet is a constant of this file.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>

#include "polisi-error.h"
#include "polisi-export.h"
#include "polisi-html.h"

typedef struct {
  xmlTextWriterPtr           xml;
  PolisiDocument            *document;
  const PolisiExportOptions *options;
  PolisiLang                 lang;
  GHashTable                *ids;        /* ids used in the page */
  GHashTable                *block_ids;  /* PolisiBlock -> its element's id */
  GHashTable                *numbers;    /* clause number -> clause id */
  PolisiChange               block_change;
  gboolean                   failed;
  gboolean                   in_section;
  char                      *section_id; /* of the open section, or NULL */
} HtmlWriter;

/* Words of the page that the document does not carry. */
typedef enum {
  WORD_SKIP,
  WORD_LANGUAGE,
  WORD_NEW_TEXT,
  WORD_NEW_TEXT_END,
  WORD_REMOVED_TEXT,
  WORD_REMOVED_TEXT_END,
  WORD_DRAFT,
  WORD_DRAFT_NOTE,
  WORD_CONSULTATION,
  WORD_CONSULTATION_NOTE,
  WORD_OTHER_LANGUAGE,
  WORD_CLAUSE_LINK,
  WORD_NO_COMMENTS,
  N_WORDS
} Word;

static const char *words[N_WORDS][POLISI_N_LANGS] = {
  [WORD_SKIP] = { "Neidio i’r prif gynnwys", "Skip to the main content" },
  [WORD_LANGUAGE] = { "Iaith", "Language" },
  [WORD_NEW_TEXT] = { "Testun newydd: ", "New text: " },
  [WORD_NEW_TEXT_END] = { " (diwedd y testun newydd)", " (end of new text)" },
  [WORD_REMOVED_TEXT] = { "Testun a dynnwyd: ", "Removed text: " },
  [WORD_REMOVED_TEXT_END] = { " (diwedd y testun a dynnwyd)", " (end of removed text)" },
  [WORD_DRAFT] = { "Drafft", "Draft" },
  [WORD_DRAFT_NOTE] = { "Nid yw’r polisi hwn wedi’i fabwysiadu eto: gall newid cyn ei fabwysiadu.",
                        "This policy has not been adopted yet: it may change before it is adopted." },
  [WORD_CONSULTATION] = { "Drafft ymgynghori", "Consultation draft" },
  [WORD_CONSULTATION_NOTE] = { "Drafft ar gyfer ymgynghori yw hwn. Nid yw’r polisi wedi’i fabwysiadu eto: "
                               "gall newid yn sgil yr ymgynghoriad.",
                               "This is a draft for consultation. The policy has not been adopted yet: "
                               "it may change after the consultation." },
  [WORD_OTHER_LANGUAGE] = { "Mae’r polisi hwn ar gael yn Saesneg hefyd: ",
                            "This policy is also available in Welsh: " },
  [WORD_CLAUSE_LINK] = { "Dolen i gymal %s", "Link to clause %s" },
  [WORD_NO_COMMENTS] = { "Nid oes sylwadau wedi dod i law eto.", "No comments have been received yet." },
};

/* Light, calm and printable; both languages the same. No character of it
 * needs escaping in a <style> element: it is written as it is. */
static const char style_sheet[] =
  "\n"
  ":root{color:#1a1a1a;background:#fff;}\n"
  "body{margin:0;font-family:\"Source Sans 3\",\"Noto Sans\",\"DejaVu Sans\",Arial,sans-serif;"
  "font-size:1.0625rem;line-height:1.55;overflow-wrap:break-word;}\n"
  ".page{max-width:48rem;margin:0 auto;padding:1rem 1.25rem 3rem;}\n"
  "a{color:#0b4f8a;text-underline-offset:0.15em;}\n"
  "a:focus-visible,.clause-number:focus-visible{outline:3px solid #b35c00;outline-offset:2px;}\n"
  ".skip-link{position:absolute;left:0.5rem;top:-4rem;background:#fff;color:#0b4f8a;padding:0.5rem 1rem;"
  "border:2px solid #0b4f8a;z-index:10;}\n"
  ".skip-link:focus{top:0.5rem;}\n"
  ".visually-hidden{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;"
  "clip:rect(0 0 0 0);white-space:nowrap;border:0;}\n"
  ".language-switch{display:flex;justify-content:flex-end;border-bottom:1px solid #c8c8c8;padding-bottom:0.5rem;}\n"
  ".language-switch ul{list-style:none;margin:0;padding:0;display:flex;gap:0.25rem;}\n"
  ".language-switch li{margin:0;}\n"
  ".language-switch a,.language-switch span{display:inline-block;min-height:24px;padding:0.25rem 0.75rem;}\n"
  ".language-switch span{font-weight:700;border-bottom:3px solid #1a1a1a;}\n"
  ".banner{border:3px solid #8a4b00;background:#fff6e5;color:#1a1a1a;padding:0.75rem 1rem;margin:1.25rem 0;}\n"
  ".banner p{margin:0.25rem 0;}\n"
  ".banner-title{font-size:1.25rem;font-weight:700;text-transform:uppercase;letter-spacing:0.04em;}\n"
  ".organisation{font-size:1.15rem;margin:1.5rem 0 0.25rem;}\n"
  "h1{font-size:2rem;line-height:1.2;margin:0 0 0.75rem;}\n"
  "h2{font-size:1.4rem;line-height:1.3;margin:2.25rem 0 0.75rem;padding-top:0.5rem;border-top:1px solid #c8c8c8;}\n"
  ".details p{margin:0.15rem 0;}\n"
  ".note{margin-top:0.75rem;}\n"
  ".contents ol{list-style:none;padding:0;margin:0;}\n"
  ".contents li{margin:0.35rem 0;}\n"
  ".contents a{display:inline-block;min-height:24px;text-decoration:none;}\n"
  ".contents a .label{text-decoration:underline;}\n"
  ".contents a:hover .label{text-decoration-thickness:2px;}\n"
  ".section-number{display:inline-block;min-width:2.25rem;}\n"
  "ol.clauses{list-style:none;margin:0;padding:0;}\n"
  "li.clause{display:flex;gap:0.75rem;margin:0 0 0.9rem;scroll-margin-top:1rem;}\n"
  "li.clause:target{background:#fff6e5;outline:2px solid #8a4b00;outline-offset:4px;}\n"
  ".clause-number{flex:0 0 3rem;font-weight:700;text-decoration:none;min-height:24px;}\n"
  ".clause-number:hover{text-decoration:underline;}\n"
  ".clause-text{flex:1 1 auto;min-width:0;overflow-wrap:anywhere;}\n"
  ".clause-text p,.text p{margin:0 0 0.6rem;}\n"
  ".clause-text ul,.text ul,td ul{margin:0 0 0.6rem;padding-left:1.5rem;list-style:disc;}\n"
  ".text{overflow-wrap:anywhere;}\n"
  "ins{text-decoration:underline;text-decoration-thickness:2px;background:#e3f1e6;color:#0d4a1c;}\n"
  "del{text-decoration:line-through;background:#fbe9e9;color:#7a1111;}\n"
  ".table-scroll{overflow-x:auto;margin:0.75rem 0 1.5rem;}\n"
  ".table-scroll:focus-visible{outline:3px solid #b35c00;outline-offset:2px;}\n"
  "table{border-collapse:collapse;width:100%;}\n"
  "th,td{border:1px solid #8c8c8c;padding:0.4rem 0.5rem;text-align:left;vertical-align:top;overflow-wrap:break-word;}\n"
  "thead th{background:#ececec;}\n"
  "td p,th p{margin:0 0 0.4rem;}\n"
  "footer{margin-top:3rem;border-top:1px solid #c8c8c8;padding-top:0.75rem;font-size:0.95rem;}\n"
  "@media (max-width:30rem){li.clause{display:block;}.clause-number{display:inline-block;margin-bottom:0.25rem;}"
  "table{font-size:0.9rem;}}\n"
  "@media print{\n"
  "@page{size:A4;margin:20mm 18mm;}\n"
  "body{font-size:11pt;line-height:1.4;}\n"
  ".page{max-width:none;padding:0;}\n"
  ".skip-link,.language-switch{display:none;}\n"
  "a,.contents a .label{color:inherit;text-decoration:none;}\n"
  "h1,h2{break-after:avoid;page-break-after:avoid;}\n"
  "h2{border-top:none;}\n"
  "li.clause,tr{break-inside:avoid;page-break-inside:avoid;}\n"
  ".contents{break-after:page;page-break-after:always;}\n"
  ".banner{border-width:2px;}\n"
  "ins,del{-webkit-print-color-adjust:exact;print-color-adjust:exact;}\n"
  "thead{display:table-header-group;}\n"
  ".table-scroll{overflow:visible;}\n"
  "th,td{overflow-wrap:anywhere;}\n"
  "}\n";

/* ------------------------------------------------------------------ */
/* Elements                                                             */
/* ------------------------------------------------------------------ */

static void
check (HtmlWriter *w,
       int         result)
{
  if (result < 0)
    w->failed = TRUE;
}

static void
start (HtmlWriter *w,
       const char *name)
{
  check (w, xmlTextWriterStartElement (w->xml, (const xmlChar *) name));
}

/* Every element but a void one has its end tag, even when empty. */
static void
end (HtmlWriter *w)
{
  check (w, xmlTextWriterFullEndElement (w->xml));
}

static void
end_void (HtmlWriter *w)
{
  check (w, xmlTextWriterEndElement (w->xml));
}

static void
attr (HtmlWriter *w,
      const char *name,
      const char *value)
{
  check (w, xmlTextWriterWriteAttribute (w->xml, (const xmlChar *) name, (const xmlChar *) value));
}

static void
text (HtmlWriter *w,
      const char *string)
{
  if (string != NULL && string[0] != '\0')
    check (w, xmlTextWriterWriteString (w->xml, (const xmlChar *) string));
}

static void
text_len (HtmlWriter *w,
          const char *string,
          gsize       length)
{
  g_autofree char *copy = g_strndup (string, length);

  text (w, copy);
}

/* A line break between block elements, so the source reads. */
static void
newline (HtmlWriter *w)
{
  text (w, "\n");
}

static void
element_with_text (HtmlWriter *w,
                   const char *name,
                   const char *class_name,
                   const char *string)
{
  start (w, name);
  if (class_name != NULL)
    attr (w, "class", class_name);
  text (w, string);
  end (w);
}

static const char *
lang_tag (PolisiLang lang)
{
  return polisi_lang_to_tag (lang);
}

/* Whether @id may stand as an element's id: not empty, no white space,
 * and not used yet in the page. */
static gboolean
claim_id (HtmlWriter *w,
          const char *id)
{
  if (id == NULL || id[0] == '\0')
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (g_ascii_isspace (*p))
      return FALSE;
  if (g_hash_table_contains (w->ids, id))
    return FALSE;
  g_hash_table_add (w->ids, g_strdup (id));
  return TRUE;
}

/* The anchor of a clause: its id, with letters, digits, "-" and "_" only
 * (so that it stands as it is in a style sheet or a script too): a full
 * stop becomes "_" (no clause id of the library has one), anything else
 * "-". "purpose.benefits" is "#purpose_benefits" in every version and in
 * both languages. */
char *
polisi_html_anchor (const char *id)
{
  GString *anchor;

  if (id == NULL || id[0] == '\0')
    return NULL;
  anchor = g_string_new (g_ascii_isalpha (id[0]) ? NULL : "c-");
  for (const char *p = id; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '-' || *p == '_')
        g_string_append_c (anchor, *p);
      else if (*p == '.')
        g_string_append_c (anchor, '_');
      else if ((*p & 0xc0) != 0x80)
        g_string_append_c (anchor, '-');
    }
  return g_string_free (anchor, FALSE);
}

static char *
heading_id (PolisiBlock *block)
{
  g_autofree char *anchor = polisi_html_anchor (block->id);

  return anchor != NULL ? g_strconcat ("section-", anchor, NULL) : NULL;
}

/* ------------------------------------------------------------------ */
/* Text                                                                 */
/* ------------------------------------------------------------------ */

/* @length bytes of @string with its web addresses as links; a new line
 * (deleted text may hold one where a paragraph break was taken out) is a
 * line break. */
static void
write_inline_len (HtmlWriter *w,
                  const char *string,
                  gsize       length)
{
  g_autofree char *copy = g_strndup (string, length);
  g_autoptr(GArray) links = polisi_export_find_links (copy);
  gsize done = 0;

  for (guint i = 0; i <= links->len; i++)
    {
      const PolisiLinkSpan *span = i < links->len ? &g_array_index (links, PolisiLinkSpan, i) : NULL;
      gsize until = span != NULL ? span->start : length;

      /* the text before the link, line by line */
      while (done < until)
        {
          const char *newline_at = memchr (copy + done, '\n', until - done);
          gsize line_end = newline_at != NULL ? (gsize) (newline_at - copy) : until;

          text_len (w, copy + done, line_end - done);
          done = line_end;
          if (newline_at != NULL)
            {
              start (w, "br");
              end_void (w);
              done++;
            }
        }
      if (span == NULL)
        break;

      {
        g_autofree char *address = g_strndup (copy + span->start, span->end - span->start);
        g_autofree char *href = g_str_has_prefix (address, "www.") ? g_strconcat ("https://", address, NULL)
                                                                   : g_strdup (address);

        start (w, "a");
        attr (w, "href", href);
        text (w, address);
        end (w);
        done = span->end;
      }
    }
}

static void
write_inline (HtmlWriter *w,
              const char *string)
{
  if (string != NULL)
    write_inline_len (w, string, strlen (string));
}

/* <ins> or <del> around what @func writes, with words before and after
 * that a screen reader says and a sighted reader does not need. */
static void
start_change (HtmlWriter     *w,
              PolisiMarkKind  kind)
{
  start (w, kind == POLISI_MARK_INSERTED ? "ins" : "del");
  element_with_text (w, "span", "visually-hidden",
                     words[kind == POLISI_MARK_INSERTED ? WORD_NEW_TEXT : WORD_REMOVED_TEXT][w->lang]);
}

static void
end_change (HtmlWriter     *w,
            PolisiMarkKind  kind)
{
  element_with_text (w, "span", "visually-hidden",
                     words[kind == POLISI_MARK_INSERTED ? WORD_NEW_TEXT_END : WORD_REMOVED_TEXT_END][w->lang]);
  end (w);
}

static gboolean
block_mark (HtmlWriter     *w,
            PolisiMarkKind *kind)
{
  if (w->block_change == POLISI_CHANGE_NONE)
    return FALSE;
  *kind = w->block_change == POLISI_CHANGE_INSERTED ? POLISI_MARK_INSERTED : POLISI_MARK_DELETED;
  return TRUE;
}

/* A paragraph's content, with the marks of a comparison. */
static void
write_content (HtmlWriter            *w,
               const PolisiTextBlock *para)
{
  gsize length = strlen (para->text);
  gsize done = 0;
  PolisiMarkKind kind;

  if (para->marks == NULL || para->marks->len == 0)
    {
      if (block_mark (w, &kind) && length > 0)
        {
          start_change (w, kind);
          write_inline (w, para->text);
          end_change (w, kind);
        }
      else
        write_inline (w, para->text);
      return;
    }

  for (guint i = 0; i < para->marks->len; i++)
    {
      const PolisiTextMark *mark = &g_array_index (para->marks, PolisiTextMark, i);

      if (mark->start > done)
        write_inline_len (w, para->text + done, mark->start - done);
      if (mark->end > mark->start)
        {
          start_change (w, mark->kind);
          write_inline_len (w, para->text + mark->start, mark->end - mark->start);
          end_change (w, mark->kind);
        }
      done = MAX (done, mark->end);
    }
  if (done < length)
    write_inline_len (w, para->text + done, length - done);
}

/* Paragraphs as <p>, runs of items as a <ul>. */
static void
write_paras (HtmlWriter *w,
             GPtrArray  *paras)
{
  gboolean in_list = FALSE;

  for (guint i = 0; i < paras->len; i++)
    {
      PolisiTextBlock *para = paras->pdata[i];

      if (para->item && !in_list)
        {
          start (w, "ul");
          in_list = TRUE;
        }
      else if (!para->item && in_list)
        {
          end (w);
          in_list = FALSE;
        }
      start (w, para->item ? "li" : "p");
      write_content (w, para);
      end (w);
    }
  if (in_list)
    end (w);
}

/* ------------------------------------------------------------------ */
/* Blocks                                                               */
/* ------------------------------------------------------------------ */

static void
close_section (HtmlWriter *w)
{
  if (!w->in_section)
    return;
  end (w);
  newline (w);
  w->in_section = FALSE;
  g_clear_pointer (&w->section_id, g_free);
}

static void
write_heading (HtmlWriter  *w,
               PolisiBlock *block)
{
  PolisiTextBlock *para = block->paras[w->lang]->len > 0 ? block->paras[w->lang]->pdata[0] : NULL;
  const char *id = g_hash_table_lookup (w->block_ids, block);

  close_section (w);
  start (w, "section");
  if (id != NULL)
    {
      attr (w, "aria-labelledby", id);
      w->section_id = g_strdup (id);
    }
  w->in_section = TRUE;
  newline (w);

  start (w, "h2");
  if (w->section_id != NULL)
    attr (w, "id", w->section_id);
  if (block->number != NULL && !block->appendix)
    {
      element_with_text (w, "span", "section-number", block->number);
      text (w, " ");
    }
  if (para != NULL)
    write_content (w, para);
  end (w);
  newline (w);
}

/* A comparison's words and a clause of the policy are in the same list
 * while clauses follow each other. */
static void
write_clause (HtmlWriter  *w,
              PolisiBlock *block)
{
  const char *id = g_hash_table_lookup (w->block_ids, block);
  PolisiMarkKind kind;

  start (w, "li");
  attr (w, "class", "clause");
  if (id != NULL)
    attr (w, "id", id);

  if (block->number != NULL)
    {
      g_autofree char *label = g_strdup_printf (words[WORD_CLAUSE_LINK][w->lang], block->number);

      if (id != NULL)
        {
          g_autofree char *href = g_strconcat ("#", id, NULL);

          start (w, "a");
          attr (w, "class", "clause-number");
          attr (w, "href", href);
          /* the visible number starts the name, as WCAG 2.5.3 asks */
          attr (w, "title", label);
        }
      else
        {
          start (w, "span");
          attr (w, "class", "clause-number");
        }
      if (block_mark (w, &kind))
        {
          start_change (w, kind);
          text (w, block->number);
          end_change (w, kind);
        }
      else
        text (w, block->number);
      end (w);
    }

  start (w, "div");
  attr (w, "class", "clause-text");
  write_paras (w, block->paras[w->lang]);
  end (w);
  end (w);
  newline (w);
}

/* The consultation's instructions of the editable formats say how to
 * comment in a word processor; a web page says how to comment on it. */
static void
write_comments_intro (HtmlWriter *w)
{
  const char *closing = polisi_document_get_closing_text (w->document, w->lang);
  g_autoptr(GString) how = g_string_new (NULL);

  if (w->lang == POLISI_LANG_CY)
    {
      g_string_append (how, "Anfonwch eich sylwadau at y sawl sy’n cynnal yr ymgynghoriad, gan nodi rhif pob cymal. "
                            "Mae gan bob cymal ei ddolen ei hun (ei rif), y gallwch ei chopïo i’ch sylw.");
      if (closing != NULL && closing[0] != '\0')
        g_string_append_printf (how, " Y dyddiad cau ar gyfer sylwadau yw %s.", closing);
      g_string_append (how, " Bydd yr ymatebion yn cael eu hychwanegu at y tabl hwn.");
    }
  else
    {
      g_string_append (how, "Send your comments to whoever is running the consultation, giving the number of each clause. "
                            "Each clause has its own link (its number), which you can copy into your comment.");
      if (closing != NULL && closing[0] != '\0')
        g_string_append_printf (how, " The closing date for comments is %s.", closing);
      g_string_append (how, " The responses will be added to this table.");
    }

  start (w, "div");
  attr (w, "class", "text");
  element_with_text (w, "p", NULL, how->str);
  end (w);
  newline (w);
}

/* A cell's clause markup: one line as it is, more as paragraphs and
 * lists. */
static void
write_cell_content (HtmlWriter *w,
                    const char *cell,
                    PolisiChange change)
{
  g_autoptr(GPtrArray) paras = polisi_text_parse_blocks (cell);
  PolisiChange saved = w->block_change;

  w->block_change = change;
  if (paras->len == 1 && !((PolisiTextBlock *) paras->pdata[0])->item)
    write_content (w, paras->pdata[0]);
  else if (paras->len > 0)
    write_paras (w, paras);
  w->block_change = saved;
}

static gboolean
row_is_empty (PolisiBlock *block,
              PolisiLang   lang,
              guint        row)
{
  for (guint c = 0; c < block->n_columns; c++)
    {
      const char *cell = polisi_block_get_cell (block, lang, row, c);

      for (const char *p = cell; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
        if (!g_unichar_isspace (g_utf8_get_char (p)))
          return FALSE;
    }
  return TRUE;
}

/* The first column names the row (a version, a clause): its cells are row
 * headers. A clause number links to the clause. Empty rows, room to write
 * on paper, are left out. */
static void
write_table (HtmlWriter  *w,
             PolisiBlock *block)
{
  guint n_rows = polisi_block_get_n_rows (block);
  gboolean comments = g_strcmp0 (block->id, "comments-table") == 0;

  guint n_filled = 0;

  if (block->n_columns == 0 || n_rows == 0)
    return;
  for (guint r = 1; r < n_rows; r++)
    n_filled += !row_is_empty (block, w->lang, r);
  /* a table of headers only says nothing: a sentence does */
  if (n_filled == 0 && comments)
    {
      start (w, "div");
      attr (w, "class", "text");
      element_with_text (w, "p", NULL, words[WORD_NO_COMMENTS][w->lang]);
      end (w);
      newline (w);
      return;
    }

  /* On a narrow screen a table keeps its columns and scrolls sideways
   * in a box of its own, which a keyboard can scroll too (the section
   * around it is already a region named by its heading). */
  start (w, "div");
  attr (w, "class", "table-scroll");
  attr (w, "tabindex", "0");
  start (w, "table");
  if (w->section_id != NULL)
    attr (w, "aria-labelledby", w->section_id);
  newline (w);
  start (w, "thead");
  start (w, "tr");
  for (guint c = 0; c < block->n_columns; c++)
    {
      start (w, "th");
      attr (w, "scope", "col");
      write_cell_content (w, polisi_block_get_cell (block, w->lang, 0, c), polisi_block_get_row_change (block, 0));
      end (w);
    }
  end (w);
  end (w);
  newline (w);

  start (w, "tbody");
  for (guint r = 1; r < n_rows; r++)
    {
      PolisiChange change = polisi_block_get_row_change (block, r);

      if (row_is_empty (block, w->lang, r))
        continue;
      start (w, "tr");
      for (guint c = 0; c < block->n_columns; c++)
        {
          const char *cell = polisi_block_get_cell (block, w->lang, r, c);
          const char *clause_id = comments && c == 0 ? g_hash_table_lookup (w->numbers, cell) : NULL;

          start (w, c == 0 ? "th" : "td");
          if (c == 0)
            attr (w, "scope", "row");
          if (clause_id != NULL && change == POLISI_CHANGE_NONE)
            {
              g_autofree char *href = g_strconcat ("#", clause_id, NULL);

              start (w, "a");
              attr (w, "href", href);
              text (w, cell);
              end (w);
            }
          else
            write_cell_content (w, cell, change);
          end (w);
        }
      end (w);
      newline (w);
    }
  end (w);
  end (w);
  end (w);
  newline (w);
}

static void
write_body_blocks (HtmlWriter *w)
{
  guint n_blocks = polisi_document_get_n_blocks (w->document);
  gboolean in_clauses = FALSE;

  for (guint i = 0; i < n_blocks; i++)
    {
      PolisiBlock *block = polisi_document_get_block (w->document, i);

      if (block->kind != POLISI_BLOCK_CLAUSE && in_clauses)
        {
          end (w);
          newline (w);
          in_clauses = FALSE;
        }

      w->block_change = block->change;
      switch (block->kind)
        {
        case POLISI_BLOCK_HEADING:
          write_heading (w, block);
          break;
        case POLISI_BLOCK_CLAUSE:
          if (!in_clauses)
            {
              start (w, "ol");
              attr (w, "class", "clauses");
              newline (w);
              in_clauses = TRUE;
            }
          write_clause (w, block);
          break;
        case POLISI_BLOCK_PARAGRAPH:
          if (g_strcmp0 (block->id, "comments-intro") == 0)
            write_comments_intro (w);
          else if (block->paras[w->lang]->len > 0)
            {
              start (w, "div");
              attr (w, "class", "text");
              write_paras (w, block->paras[w->lang]);
              end (w);
              newline (w);
            }
          break;
        case POLISI_BLOCK_TABLE:
          write_table (w, block);
          break;
        default:
          g_assert_not_reached ();
        }
      w->block_change = POLISI_CHANGE_NONE;
    }

  if (in_clauses)
    {
      end (w);
      newline (w);
    }
  close_section (w);
}

/* ------------------------------------------------------------------ */
/* Front matter                                                         */
/* ------------------------------------------------------------------ */

/* "./policy-en.html": the other page, relative to this one. The "./"
 * keeps a name with a colon from reading as a scheme. */
static char *
other_href (const char *other_file)
{
  g_autofree char *escaped = g_uri_escape_string (other_file, G_URI_RESERVED_CHARS_ALLOWED_IN_PATH_ELEMENT, FALSE);

  return g_strconcat ("./", escaped, NULL);
}

static void
write_meta (HtmlWriter *w,
            const char *name,
            const char *content)
{
  if (content == NULL || content[0] == '\0')
    return;
  start (w, "meta");
  attr (w, "name", name);
  attr (w, "content", content);
  end_void (w);
  newline (w);
}

static void
write_head (HtmlWriter *w)
{
  PolisiDocument *document = w->document;
  const char *title = polisi_document_get_title (document, w->lang);
  const char *organisation = polisi_document_get_organisation (document, w->lang);
  const char *uid = polisi_document_get_policy_uid (document);
  g_autofree char *full_title = organisation != NULL && organisation[0] != '\0' ?
                                g_strdup_printf ("%s – %s", title, organisation) : g_strdup (title);

  start (w, "head");
  newline (w);
  start (w, "meta");
  attr (w, "charset", "utf-8");
  end_void (w);
  newline (w);
  write_meta (w, "viewport", "width=device-width, initial-scale=1");
  element_with_text (w, "title", NULL, full_title);
  newline (w);
  write_meta (w, "description", polisi_document_get_subject (document, w->lang));
  write_meta (w, "keywords", polisi_document_get_keywords (document, w->lang));
  write_meta (w, "generator", "Polisi");
  if (uid != NULL && uid[0] != '\0')
    {
      g_autofree char *urn = g_strconcat ("urn:uuid:", uid, NULL);

      write_meta (w, "dcterms.identifier", urn);
    }
  write_meta (w, "dcterms.date", polisi_document_get_date_iso (document));

  if (w->options->other_file != NULL)
    {
      PolisiLang other = POLISI_LANG_OTHER (w->lang);
      g_autofree char *href = other_href (w->options->other_file);

      start (w, "link");
      attr (w, "rel", "alternate");
      attr (w, "hreflang", lang_tag (other));
      attr (w, "href", href);
      end_void (w);
      newline (w);
    }

  start (w, "style");
  check (w, xmlTextWriterWriteRaw (w->xml, (const xmlChar *) style_sheet));
  end (w);
  newline (w);
  end (w);
  newline (w);
}

/* Both languages named, the page's own marked as current, Welsh first
 * unless English first was asked for. */
static void
write_language_switch (HtmlWriter *w)
{
  g_autofree char *href = other_href (w->options->other_file);
  PolisiLang order[POLISI_N_LANGS] = { POLISI_LANG_CY, POLISI_LANG_EN };

  if (w->options->english_first)
    {
      order[0] = POLISI_LANG_EN;
      order[1] = POLISI_LANG_CY;
    }

  start (w, "nav");
  attr (w, "class", "language-switch");
  attr (w, "aria-label", words[WORD_LANGUAGE][w->lang]);
  start (w, "ul");
  for (guint i = 0; i < POLISI_N_LANGS; i++)
    {
      PolisiLang lang = order[i];

      start (w, "li");
      if (lang == w->lang)
        {
          start (w, "span");
          attr (w, "aria-current", "page");
          text (w, polisi_export_term (POLISI_TERM_LANGUAGE_NAME, lang));
          end (w);
        }
      else
        {
          start (w, "a");
          attr (w, "href", href);
          attr (w, "hreflang", lang_tag (lang));
          attr (w, "lang", lang_tag (lang));
          text (w, polisi_export_term (POLISI_TERM_LANGUAGE_NAME, lang));
          end (w);
        }
      end (w);
    }
  end (w);
  end (w);
  newline (w);
}

static void
write_banner (HtmlWriter *w)
{
  const char *watermark = polisi_document_get_watermark (w->document, w->lang);
  gboolean consultation = polisi_document_get_status (w->document) == POLISI_STATUS_CONSULTATION;

  if (watermark == NULL || watermark[0] == '\0')
    return;

  start (w, "div");
  attr (w, "class", "banner");
  element_with_text (w, "p", "banner-title", words[consultation ? WORD_CONSULTATION : WORD_DRAFT][w->lang]);
  element_with_text (w, "p", NULL, words[consultation ? WORD_CONSULTATION_NOTE : WORD_DRAFT_NOTE][w->lang]);
  end (w);
  newline (w);
}

static void
write_labelled (HtmlWriter *w,
                PolisiTerm  term,
                const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  start (w, "p");
  text (w, polisi_export_term (term, w->lang));
  text (w, ": ");
  text (w, value);
  end (w);
  newline (w);
}

static void
write_masthead (HtmlWriter *w)
{
  PolisiDocument *document = w->document;
  const char *organisation = polisi_document_get_organisation (document, w->lang);
  g_autofree char *version = polisi_export_version_line (document, w->lang);

  start (w, "header");
  newline (w);
  if (w->options->other_file != NULL)
    write_language_switch (w);
  write_banner (w);
  if (organisation != NULL && organisation[0] != '\0')
    {
      element_with_text (w, "p", "organisation", organisation);
      newline (w);
    }
  element_with_text (w, "h1", NULL, polisi_document_get_title (document, w->lang));
  newline (w);

  start (w, "div");
  attr (w, "class", "details");
  element_with_text (w, "p", NULL, version);
  newline (w);
  write_labelled (w, POLISI_TERM_REVIEW_DATE, polisi_document_get_review_text (document, w->lang));
  write_labelled (w, POLISI_TERM_CLOSING_DATE, polisi_document_get_closing_text (document, w->lang));
  end (w);
  newline (w);

  /* the other language: a link to its page, or a note that it exists */
  if (w->options->other_file != NULL)
    {
      PolisiLang other = POLISI_LANG_OTHER (w->lang);
      g_autofree char *href = other_href (w->options->other_file);

      start (w, "p");
      attr (w, "class", "note");
      text (w, words[WORD_OTHER_LANGUAGE][w->lang]);
      start (w, "a");
      attr (w, "href", href);
      attr (w, "hreflang", lang_tag (other));
      attr (w, "lang", lang_tag (other));
      text (w, polisi_document_get_title (document, other));
      end (w);
      end (w);
      newline (w);
    }
  else
    {
      g_autofree char *note = polisi_export_availability_note (document, w->options, w->lang);

      if (note != NULL)
        {
          element_with_text (w, "p", "note", note);
          newline (w);
        }
    }
  end (w);
  newline (w);
}

static void
write_contents (HtmlWriter *w)
{
  guint n_blocks = polisi_document_get_n_blocks (w->document);
  gboolean any = FALSE;

  for (guint i = 0; i < n_blocks && !any; i++)
    any = polisi_document_get_block (w->document, i)->kind == POLISI_BLOCK_HEADING;
  if (!any)
    return;

  start (w, "nav");
  attr (w, "class", "contents");
  attr (w, "aria-labelledby", "contents");
  newline (w);
  start (w, "h2");
  attr (w, "id", "contents");
  text (w, polisi_export_term (POLISI_TERM_CONTENTS, w->lang));
  end (w);
  newline (w);
  start (w, "ol");
  newline (w);
  for (guint i = 0; i < n_blocks; i++)
    {
      PolisiBlock *block = polisi_document_get_block (w->document, i);
      const char *id = g_hash_table_lookup (w->block_ids, block);
      PolisiTextBlock *para;
      g_autofree char *href = NULL;

      if (block->kind != POLISI_BLOCK_HEADING || block->change == POLISI_CHANGE_DELETED || id == NULL)
        continue;
      para = block->paras[w->lang]->len > 0 ? block->paras[w->lang]->pdata[0] : NULL;
      href = g_strconcat ("#", id, NULL);

      start (w, "li");
      start (w, "a");
      attr (w, "href", href);
      if (block->number != NULL && !block->appendix)
        {
          element_with_text (w, "span", "section-number", block->number);
          text (w, " ");
        }
      start (w, "span");
      attr (w, "class", "label");
      if (para != NULL)
        {
          /* as the new version has it: without deleted words */
          gsize done = 0;

          for (guint m = 0; para->marks != NULL && m < para->marks->len; m++)
            {
              const PolisiTextMark *mark = &g_array_index (para->marks, PolisiTextMark, m);

              if (mark->kind != POLISI_MARK_DELETED)
                continue;
              text_len (w, para->text + done, mark->start - done);
              done = mark->end;
            }
          text (w, para->text + done);
        }
      end (w);
      end (w);
      end (w);
      newline (w);
    }
  end (w);
  newline (w);
  end (w);
  newline (w);
}

/* The id of each heading ("section-" and the section id) and clause (its
 * own id), in the document's order: the first block with an id has it. */
static void
assign_ids (HtmlWriter *w)
{
  for (guint i = 0; i < polisi_document_get_n_blocks (w->document); i++)
    {
      PolisiBlock *block = polisi_document_get_block (w->document, i);
      g_autofree char *id = NULL;

      if (block->kind == POLISI_BLOCK_HEADING)
        id = heading_id (block);
      else if (block->kind == POLISI_BLOCK_CLAUSE)
        id = polisi_html_anchor (block->id);
      if (claim_id (w, id))
        g_hash_table_insert (w->block_ids, block, g_steal_pointer (&id));
    }
}

/* Clause numbers to clause ids, for the links of the comments table. */
static GHashTable *
index_numbers (HtmlWriter *w)
{
  GHashTable *numbers = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < polisi_document_get_n_blocks (w->document); i++)
    {
      PolisiBlock *block = polisi_document_get_block (w->document, i);
      const char *id = g_hash_table_lookup (w->block_ids, block);

      if (block->kind == POLISI_BLOCK_CLAUSE && block->number != NULL && id != NULL &&
          block->change == POLISI_CHANGE_NONE)
        g_hash_table_insert (numbers, block->number, (gpointer) id);
    }
  return numbers;
}

/**
 * polisi_html_write:
 * @options: a one-language layout (POLISI_LAYOUT_CY or _EN); for one of
 *   two pages, @options->other_file names the other
 *
 * Writes @document as a web page in one language.
 *
 * Returns: (transfer full): the page, or %NULL with @error set
 */
GBytes *
polisi_html_write (PolisiDocument            *document,
                   const PolisiExportOptions *options,
                   GError                   **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) block_ids = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  g_autoptr(GHashTable) numbers = NULL;
  xmlBufferPtr buffer;
  HtmlWriter w = { 0 };
  GBytes *bytes;

  g_return_val_if_fail (POLISI_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->layout == POLISI_LAYOUT_CY || options->layout == POLISI_LAYOUT_EN, NULL);

  /* the contents list's heading, and the main content */
  g_hash_table_add (ids, g_strdup ("contents"));
  g_hash_table_add (ids, g_strdup ("main"));

  buffer = xmlBufferCreate ();
  w.xml = xmlNewTextWriterMemory (buffer, 0);
  if (w.xml == NULL)
    {
      xmlBufferFree (buffer);
      g_set_error_literal (error, POLISI_ERROR, POLISI_ERROR_FAILED,
                           _("There was not enough memory to write the web page. Close other programs and export again."));
      return NULL;
    }
  w.document = document;
  w.options = options;
  w.lang = options->layout == POLISI_LAYOUT_CY ? POLISI_LANG_CY : POLISI_LANG_EN;
  w.ids = ids;
  w.block_ids = block_ids;
  assign_ids (&w);
  numbers = index_numbers (&w);
  w.numbers = numbers;

  check (&w, xmlTextWriterWriteDTD (w.xml, (const xmlChar *) "html", NULL, NULL, NULL));
  newline (&w);
  start (&w, "html");
  attr (&w, "lang", lang_tag (w.lang));
  newline (&w);
  write_head (&w);

  start (&w, "body");
  newline (&w);
  start (&w, "a");
  attr (&w, "class", "skip-link");
  attr (&w, "href", "#main");
  text (&w, words[WORD_SKIP][w.lang]);
  end (&w);
  newline (&w);
  start (&w, "div");
  attr (&w, "class", "page");
  newline (&w);
  write_masthead (&w);
  write_contents (&w);
  start (&w, "main");
  attr (&w, "id", "main");
  newline (&w);
  write_body_blocks (&w);
  end (&w);
  newline (&w);

  start (&w, "footer");
  {
    g_autofree char *version = polisi_export_version_line (document, w.lang);

    element_with_text (&w, "p", NULL, version);
  }
  end (&w);
  newline (&w);
  end (&w); /* div.page */
  newline (&w);
  end (&w); /* body */
  newline (&w);
  end (&w); /* html */
  newline (&w);
  check (&w, xmlTextWriterFlush (w.xml));
  xmlFreeTextWriter (w.xml);

  if (w.failed)
    {
      xmlBufferFree (buffer);
      g_free (w.section_id);
      g_set_error_literal (error, POLISI_ERROR, POLISI_ERROR_FAILED,
                           _("There was not enough memory to write the web page. Close other programs and export again."));
      return NULL;
    }

  bytes = g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  return bytes;
}
