/* polisi-odt.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The OpenDocument text writer (ODF 1.3). The package is built in memory
 * with libgsf, in the way gnumeric's ODF writer does it: a GsfOutfileZip
 * whose first member, "mimetype", is stored uncompressed, then content.xml,
 * styles.xml, meta.xml and META-INF/manifest.xml. Every XML part is written
 * with GsfXMLOut, so no text is ever escaped by hand.
 *
 * Each part is first written to a GsfOutputMemory and then copied into the
 * zip in one write: zlib gets large blocks rather than one call per
 * attribute, and a failing zip member is noticed, because GsfXMLOut itself
 * reports nothing.
 *
 * What the document looks like:
 *
 *   - named styles with display names (Title, Heading 1, Clause, List
 *     Bullet, Table Heading, Contents 1, Header, Footer ...). They carry no
 *     language; every paragraph uses an automatic style derived from its
 *     named style that adds fo:language and fo:country, so both languages
 *     share one font, size, weight and colour.
 *   - clauses start with their number from the document and a tab
 *     ("3.2<tab>Text"), on a hanging indent, so the numbering is the PDF's
 *     and survives conversion to Word;
 *   - the layouts of reference/bilingual.md: one language; parallel
 *     columns (a two-column table with one row per block, a data table
 *     written at full width, once per language, between two parts of the
 *     column table); back to back (each language with its own title,
 *     contents list and master page);
 *   - a contents list whose index body is already filled in, each entry
 *     linking to a bookmark in its heading, with the page number Polisi's
 *     own page layout (the PDF's) gives it;
 *   - a title page for each part without a running header (a master page
 *     of its own, then the part's), back to back the second language on a
 *     right-hand page, an appendix on a new page, in parallel columns each
 *     heading's row kept with the next; in a consultation draft in
 *     parallel columns, a column of Polisi's own line numbers in each
 *     margin (write_numbers_cell());
 *   - header and footer on each master page, and for drafts a fontwork
 *     watermark like LibreOffice's own: a draw:custom-shape anchored in
 *     the header, so it is on every page, placed from the page's corner
 *     and run through behind the text;
 *   - each clause between the start and end of a bookmark named after it
 *     ("polisi-clause-cy-personal-use.criticism"), so that comments added
 *     in LibreOffice or Word can be traced back to their clause
 *     (polisi-anchor.c);
 *   - the marks of a comparison (polisi-compare.c): drawn, insertions
 *     underlined and coloured and deletions struck through (named text
 *     styles "Inserted text" and "Deleted text"), or as real tracked
 *     changes, as LibreOffice writes them: a text:tracked-changes list
 *     first in the body, with a text:changed-region per change (its author
 *     and date, and for a deletion the deleted paragraphs), and in the
 *     text text:change-start and text:change-end around what was inserted
 *     and text:change where something was deleted. A change that takes in
 *     a paragraph break runs from one paragraph into the next: a new
 *     clause from its start to the start of whatever follows it; a removed
 *     clause is a deletion at the start of the paragraph after it, its
 *     paragraphs and an empty one in the region. The list has to come
 *     first, so the body is written twice: once to find the changes, once
 *     for real.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <gsf/gsf-libxml.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-output-memory.h>

#include "polisi-anchor.h"
#include "polisi-dates.h"
#include "polisi-error.h"
#include "polisi-export.h"
#include "polisi-odt.h"
#include "polisi-xml-out.h"
#include "polisi-page-layout.h"

#define ODF_VERSION "1.3"
#define ODT_MIME_TYPE "application/vnd.oasis.opendocument.text"
#define FONT_NAME "Liberation Sans"

/* A4 with 2 cm margins: a text width of 17 cm. */
#define PAGE_WIDTH_CM 21.0
#define PAGE_HEIGHT_CM 29.7
#define TEXT_WIDTH_CM 17.0

/* The hanging indent of a numbered clause. */
#define CLAUSE_INDENT "1.06cm"   /* the PDF's 30 pt */

typedef enum {
  PARA_ORGANISATION,
  PARA_TITLE,
  PARA_DETAILS,
  PARA_NOTE,
  PARA_HEADING_1,
  PARA_HEADING_2,
  PARA_CLAUSE,
  PARA_CLAUSE_CONTINUED,
  PARA_BODY,
  PARA_LIST,
  PARA_TABLE_HEADING,
  PARA_TABLE_CONTENTS,
  PARA_CONTENTS_HEADING,
  PARA_CONTENTS_1,
  PARA_CONTENTS_2,
  PARA_HEADER,
  PARA_FOOTER,
  PARA_WATERMARK,
  N_PARA_KINDS
} ParaKind;

/* How the marks of a comparison are written. */
typedef enum {
  MARK_VISUAL,    /* styled: underlined insertions, struck-through deletions */
  MARK_TRACKED,   /* as tracked changes */
  MARK_PLAIN,     /* not at all: the content of a deletion */
} MarkMode;

/* A change found by the first pass of a tracked export. */
typedef struct {
  guint           id;
  PolisiMarkKind  kind;
  ParaKind        para_kind;   /* of the paragraph it is in */
  PolisiLang      lang;
  char           *text;        /* deleted text ("\n" between paragraphs) */
  PolisiBlock    *block;       /* or a whole deleted block */
  guint           block_index;
  gboolean        trailing_break;
  char           *next_style;  /* of the paragraph that carries it */
} Change;

static void
change_free (gpointer data)
{
  Change *change = data;

  g_free (change->text);
  g_free (change->next_style);
  g_free (change);
}

/* The automatic paragraph style of each kind in each language: the named
 * style plus fo:language and fo:country. */
static const struct {
  const char *parent;
  const char *name[POLISI_N_LANGS];
} para_styles[N_PARA_KINDS] = {
  [PARA_ORGANISATION] = { "Polisi_20_Organisation", { "Organisation_cy", "Organisation_en" } },
  [PARA_TITLE] = { "Title", { "Title_cy", "Title_en" } },
  [PARA_DETAILS] = { "Polisi_20_Details", { "Details_cy", "Details_en" } },
  [PARA_NOTE] = { "Polisi_20_Note", { "Note_cy", "Note_en" } },
  [PARA_HEADING_1] = { "Heading_20_1", { "Heading1_cy", "Heading1_en" } },
  [PARA_HEADING_2] = { "Heading_20_2", { "Heading2_cy", "Heading2_en" } },
  [PARA_CLAUSE] = { "Polisi_20_Clause", { "Clause_cy", "Clause_en" } },
  [PARA_CLAUSE_CONTINUED] = { "Polisi_20_Clause_20_Continued", { "ClauseCont_cy", "ClauseCont_en" } },
  [PARA_BODY] = { "Text_20_body", { "Body_cy", "Body_en" } },
  [PARA_LIST] = { "List_20_Bullet", { "List_cy", "List_en" } },
  [PARA_TABLE_HEADING] = { "Table_20_Heading", { "TableHeading_cy", "TableHeading_en" } },
  [PARA_TABLE_CONTENTS] = { "Table_20_Contents", { "TableContents_cy", "TableContents_en" } },
  [PARA_CONTENTS_HEADING] = { "Contents_20_Heading", { "ContentsHeading_cy", "ContentsHeading_en" } },
  [PARA_CONTENTS_1] = { "Contents_20_1", { "Contents1_cy", "Contents1_en" } },
  [PARA_CONTENTS_2] = { "Contents_20_2", { "Contents2_cy", "Contents2_en" } },
  [PARA_HEADER] = { "Header", { "Header_cy", "Header_en" } },
  [PARA_FOOTER] = { "Footer", { "Footer_cy", "Footer_en" } },
  [PARA_WATERMARK] = { "Polisi_20_Watermark", { "Watermark_cy", "Watermark_en" } },
};

/* The first paragraph of a language's part carries its master page (and,
 * for the second part of a back-to-back document, the page break). */
static const char *first_style_name[2][POLISI_N_LANGS] = {
  { "Organisation_cy_first", "Organisation_en_first" },
  { "Title_cy_first", "Title_en_first" },
};

/* In parallel columns, the headings of each language have a named style of
 * their own (below Heading 1), which each contents list gathers. */
static const char *own_language_style[POLISI_N_LANGS] = { "Polisi_Lang_cy", "Polisi_Lang_en" };
static const char *language_heading_style[POLISI_N_LANGS] = { "Heading_20_1_20_Cymraeg", "Heading_20_1_20_English" };
static const char *language_heading_display[POLISI_N_LANGS] = { "Heading 1 Cymraeg", "Heading 1 English" };

static const char *page_break_style[POLISI_N_LANGS] = { "PageBreak_cy", "PageBreak_en" };
static const char *master_page_name[POLISI_N_LANGS + 1] = { "Polisi_cy", "Polisi_en", "Polisi_bilingual" };
static const char *master_page_display[POLISI_N_LANGS + 1] = { "Polisi Cymraeg", "Polisi English", "Polisi Cymraeg English" };
/* The first page of each part, its title page: no running header (as in
 * the PDF), then the part's own master page. */
static const char *title_master_name[POLISI_N_LANGS + 1] = { "Polisi_cy_title", "Polisi_en_title", "Polisi_bilingual_title" };
static const char *title_master_display[POLISI_N_LANGS + 1] = {
  "Polisi Cymraeg tudalen deitl", "Polisi English title page", "Polisi tudalen deitl / title page",
};
static const char *header_title_style[POLISI_N_LANGS] = { "HeaderTitle_cy", "HeaderTitle_en" };
/* the space between two rows of parallel columns, as in the PDF */
#define COLUMNS_ROW_SPACE "8pt"
/* ... and below a heading's row: the space below the PDF's heading (the
 * cell's, since LibreOffice can leave out a heading's own space below it
 * at the end of a cell) */
#define COLUMNS_HEADING_SPACE "0.21cm"
/* In parallel columns a list item's lines, and the numbers beside them: the
 * PDF's height for an item of three lines or more
 * (polisi_export_item_line_height()), for every item, so that the numbers
 * beside an item stay level with its lines whatever its length; with the
 * text's 130%, rows carried lines lower than the PDF's (HACKING.md) */
#define COLUMNS_ITEM_LINE_HEIGHT "128%"

static const char *header_first_style[POLISI_N_LANGS] = { "HeaderFirst_cy", "HeaderFirst_en" };
/* Outside parallel columns, the last paragraph of a clause has the PDF's
 * space between two clauses below it, and a list item of one to
 * POLISI_EXPORT_ITEM_LINES lines a line height of its own
 * (block_end_style()). */
/* Between the text and the footer: LibreOffice's last line on a page is
 * then no lower than the PDF's (whose text ends 64 pt above the bottom
 * edge, and whose pagination fits text 0.5 pt above that, FIT_MARGIN in
 * polisi-page-layout.c; LibreOffice's line is taller below its baseline). */
#define TEXT_FOOT_SPACE "31pt"
/* the header's lines, 11 pt apart ("Header"'s 0.388 cm) */
#define HEADER_LINE "0.388cm"
/* An appendix heading starts a page. */
static const char *appendix_style[POLISI_N_LANGS] = { "Appendix_cy", "Appendix_en" };
#define MASTER_BILINGUAL POLISI_N_LANGS
#define NO_WATERMARK G_MAXUINT

typedef struct {
  PolisiDocument            *document;
  const PolisiExportOptions *options;
  PolisiLang                 langs[POLISI_N_LANGS];
  guint                      n_langs;
  GsfXMLOut                 *xml;
  GString                   *scratch;
  /* Set while the next paragraph starts a part and carries its master
   * page; ParaKind ORGANISATION or TITLE only. */
  gboolean                   first_pending;
  /* At the start of a line, where ODF drops a plain space. */
  gboolean                   line_start;
  guint                      n_tables;

  /* Comparisons. */
  MarkMode                   mode;
  gboolean                   collecting;     /* the first pass */
  GPtrArray                 *changes;        /* Change, found by the first pass */
  guint                      n_changes;      /* ids given so far in this pass */
  guint                      open_insertion; /* an insertion open across a paragraph break, or 0 */
  gboolean                   continue_insertion;  /* the next paragraph starts inside it */
  GArray                    *pending;        /* guint: deletions to mark at the next paragraph */
  gboolean                   chain_ok;       /* a change may run on into the next paragraph */
  gboolean                   in_cell;
  gboolean                   in_region;      /* writing a deletion's content */
  PolisiChange               block_change;   /* of the block being written */
  const char                *old_number;     /* of the block being written, when renumbered */
  gboolean                   whole_insertion;/* a new table row: every paragraph inserted */
  gboolean                   appendix_pending; /* the next heading starts a page */
  gboolean                   block_end;      /* the next paragraph ends a clause */
  gboolean                   keep_next;      /* the next paragraph introduces a list
                                              * (polisi_text_block_keeps_with_next()) */
  guint                      item_lines;     /* the next list item's lines in the PDF, or 0 */
  const char                *block_id;       /* of the block being written */
  char                      *change_author;
  char                      *change_date;
  /* Polisi's own pages, for the page numbers of the contents lists */
  PolisiPageLayout          *layout;
  /* Parallel columns of a consultation draft: the numbers of each
   * paragraph's lines in Polisi's layout (polisi_export_collect_line_numbers(),
   * see write_numbers_cell()); NULL without line numbers */
  GHashTable                *line_numbers;
} OdtWriter;

static const char *
lang_code (PolisiLang lang)
{
  return lang == POLISI_LANG_CY ? "cy" : "en";
}

/* ------------------------------------------------------------------ */
/* Text                                                                 */
/* ------------------------------------------------------------------ */

static void
flush_text (OdtWriter  *w,
            const char *start,
            const char *end)
{
  if (end == start)
    return;
  if (*end == '\0')
    {
      gsf_xml_out_add_cstr (w->xml, NULL, start);
      return;
    }
  g_string_truncate (w->scratch, 0);
  g_string_append_len (w->scratch, start, end - start);
  gsf_xml_out_add_cstr (w->xml, NULL, w->scratch->str);
}

/* Writes @len bytes of @text as paragraph content. ODF collapses runs of
 * spaces and drops one at the start of a line, so those become <text:s>;
 * a tab becomes <text:tab>, a new line <text:line-break>. */
static void
write_text (OdtWriter  *w,
            const char *text,
            gsize       len)
{
  const char *end = text + len;
  const char *segment = text;
  const char *p = text;

  while (p < end)
    {
      char c = *p;

      if (c == ' ')
        {
          const char *q = p + 1;

          while (q < end && *q == ' ')
            q++;
          if (q - p == 1 && !w->line_start)
            {
              p = q;
              continue;
            }
          /* Keep one ordinary space, unless the line starts here. */
          if (!w->line_start)
            p++;
          flush_text (w, segment, p);
          gsf_xml_out_start_element (w->xml, "text:s");
          if (q - p > 1)
            gsf_xml_out_add_uint (w->xml, "text:c", (guint) (q - p));
          gsf_xml_out_end_element (w->xml);
          w->line_start = FALSE;
          p = segment = q;
        }
      else if (c == '\t' || c == '\n' || c == '\r')
        {
          flush_text (w, segment, p);
          gsf_xml_out_start_element (w->xml, c == '\t' ? "text:tab" : "text:line-break");
          gsf_xml_out_end_element (w->xml);
          w->line_start = c != '\t';
          p = segment = p + 1;
        }
      else
        {
          w->line_start = FALSE;
          p++;
        }
    }

  flush_text (w, segment, end);
}

static gboolean is_tracking (OdtWriter *w);

static gboolean
may_hold_link (const char *text)
{
  return strstr (text, "http") != NULL || strstr (text, "www.") != NULL;
}

/* Paragraph content with its web addresses as links. With @keep, no line
 * break inside a date, a reference or an Act's year (the rule of
 * polisi_text_keep_together()); without, @text is a fragment of a
 * comparison's paragraph that has its no-break spaces already
 * (polisi_export_keep_fragment()). */
static void
write_inline_full (OdtWriter  *w,
                   const char *text,
                   gboolean    keep)
{
  g_autoptr(GArray) links = NULL;
  g_autofree char *kept = NULL;
  gsize done = 0;

  if (text == NULL)
    return;
  if (keep)
    text = kept = polisi_text_keep_together (text);
  if (!may_hold_link (text))
    {
      write_text (w, text, strlen (text));
      return;
    }

  links = polisi_export_find_links (text);
  for (guint i = 0; i < links->len; i++)
    {
      const PolisiLinkSpan *span = &g_array_index (links, PolisiLinkSpan, i);
      g_autofree char *address = g_strndup (text + span->start, span->end - span->start);
      g_autofree char *href = g_str_has_prefix (address, "www.") ?
                              g_strconcat ("https://", address, NULL) : NULL;

      write_text (w, text + done, span->start - done);
      gsf_xml_out_start_element (w->xml, "text:a");
      gsf_xml_out_add_cstr_unchecked (w->xml, "xlink:type", "simple");
      gsf_xml_out_add_cstr (w->xml, "xlink:href", href != NULL ? href : address);
      gsf_xml_out_add_cstr_unchecked (w->xml, "text:style-name", "Internet_20_link");
      gsf_xml_out_add_cstr_unchecked (w->xml, "text:visited-style-name", "Visited_20_Internet_20_Link");
      write_text (w, address, strlen (address));
      gsf_xml_out_end_element (w->xml);
      done = span->end;
    }
  write_text (w, text + done, strlen (text + done));
}

static void
write_inline (OdtWriter  *w,
              const char *text)
{
  write_inline_full (w, text, TRUE);
}

/* ------------------------------------------------------------------ */
/* Changes                                                              */
/* ------------------------------------------------------------------ */

static gboolean
is_tracking (OdtWriter *w)
{
  return w->mode == MARK_TRACKED && !w->in_region;
}

/* A new change id, "ct1", "ct2" ...: the same in both passes. The first
 * pass keeps what the change is, for the list of changes. */
static Change *
new_change (OdtWriter      *w,
            PolisiMarkKind  kind,
            ParaKind        para_kind,
            PolisiLang      lang)
{
  Change *change = g_new0 (Change, 1);

  change->id = ++w->n_changes;
  change->kind = kind;
  change->para_kind = para_kind;
  change->lang = lang;
  if (w->collecting)
    g_ptr_array_add (w->changes, change);
  else
    {
      /* the second pass writes what the first found */
      g_assert (change->id <= w->changes->len);
      g_free (change);
      change = w->changes->pdata[w->n_changes - 1];
    }
  return change;
}

static void
write_change_mark (OdtWriter  *w,
                   const char *element,
                   guint       id)
{
  char name[32];

  g_snprintf (name, sizeof name, "ct%u", id);
  gsf_xml_out_start_element (w->xml, element);
  gsf_xml_out_add_cstr_unchecked (w->xml, "text:change-id", name);
  gsf_xml_out_end_element (w->xml);
}

/* Opens an insertion, unless one is open already. */
static void
ensure_insertion (OdtWriter  *w,
                  ParaKind    kind,
                  PolisiLang  lang)
{
  if (w->open_insertion != 0)
    return;
  w->open_insertion = new_change (w, POLISI_MARK_INSERTED, kind, lang)->id;
  write_change_mark (w, "text:change-start", w->open_insertion);
}

static void
close_insertion (OdtWriter *w)
{
  if (w->open_insertion == 0)
    return;
  write_change_mark (w, "text:change-end", w->open_insertion);
  w->open_insertion = 0;
}

/* ------------------------------------------------------------------ */
/* Paragraphs                                                           */
/* ------------------------------------------------------------------ */

/* Whether a paragraph of @kind that ends a clause has a style of its own,
 * with the space between two clauses below it: in the flow of the text
 * (in parallel columns, the row's cells have that space). */
static gboolean
has_block_end_style (ParaKind kind)
{
  return kind == PARA_CLAUSE || kind == PARA_CLAUSE_CONTINUED || kind == PARA_BODY || kind == PARA_LIST;
}

/* Whether a paragraph of @kind that introduces a list has a style of its
 * own that keeps it with the list, in the flow of the text. */
static gboolean
has_keep_style (ParaKind kind)
{
  return kind == PARA_CLAUSE || kind == PARA_CLAUSE_CONTINUED || kind == PARA_BODY;
}

/* "Clause_cy_keep": its kind's style, kept with the next paragraph. */
static char *
keep_style (ParaKind   kind,
            PolisiLang lang)
{
  return g_strconcat (para_styles[kind].name[lang], "_keep", NULL);
}

/* "Clause_cy_end": its kind's style with the space below it of a clause's
 * last paragraph; "List_cy_2", "List_cy_2_end": a list item of two lines
 * in the PDF (@lines 0: of any). */
static char *
block_end_style (ParaKind   kind,
                 PolisiLang lang,
                 guint      lines,
                 gboolean   end)
{
  g_autofree char *suffix = lines > 0 ? g_strdup_printf ("_%u", lines) : NULL;

  return g_strconcat (para_styles[kind].name[lang], suffix != NULL ? suffix : "", end ? "_end" : "", NULL);
}

static void
start_para (OdtWriter  *w,
            ParaKind    kind,
            PolisiLang  lang)
{
  const char *style = para_styles[kind].name[lang];
  gboolean heading = kind == PARA_HEADING_1 || kind == PARA_HEADING_2;
  g_autofree char *flow_style = NULL;
  gboolean flow = !w->in_cell && w->options->layout != POLISI_LAYOUT_COLUMNS;
  gboolean end = flow && w->block_end && has_block_end_style (kind);
  guint lines = flow && kind == PARA_LIST ? w->item_lines : 0;
  gboolean keep = flow && w->keep_next && !end && has_keep_style (kind);

  if (end || lines > 0)
    style = flow_style = block_end_style (kind, lang, lines, end);
  else if (keep)
    style = flow_style = keep_style (kind, lang);
  w->block_end = FALSE;
  w->item_lines = 0;
  w->keep_next = FALSE;

  if (w->first_pending)
    {
      g_assert (kind == PARA_ORGANISATION || kind == PARA_TITLE);
      style = first_style_name[kind == PARA_TITLE][lang];
      w->first_pending = FALSE;
    }
  if (w->appendix_pending && heading)
    style = appendix_style[lang];

  /* In a back-to-back document the title of each language is the level 1
   * heading its contents list is scoped to. */
  if (kind == PARA_TITLE && w->options->layout == POLISI_LAYOUT_SEQUENTIAL)
    heading = TRUE;

  /* A removed block is marked at the start of the paragraph after it; when
   * that is a heading, LibreOffice would run the heading into the removed
   * text, so an empty paragraph of its own carries the mark. */
  if (heading && is_tracking (w) && w->pending != NULL && w->pending->len > 0)
    {
      gboolean continue_insertion = w->continue_insertion;

      w->continue_insertion = FALSE;
      start_para (w, PARA_BODY, lang);
      gsf_xml_out_end_element (w->xml);
      w->continue_insertion = continue_insertion;
    }

  /* the heading itself takes the page break, not the empty paragraph
   * that carries removed blocks before it */
  if (heading)
    w->appendix_pending = FALSE;
  gsf_xml_out_start_element (w->xml, heading ? "text:h" : "text:p");
  gsf_xml_out_add_cstr_unchecked (w->xml, "text:style-name", style);
  if (heading)
    gsf_xml_out_add_cstr_unchecked (w->xml, "text:outline-level", kind == PARA_HEADING_2 ? "2" : "1");
  w->line_start = TRUE;

  if (is_tracking (w))
    {
      /* a removed block before this paragraph (the paragraph break at the
       * end of the deletion takes this paragraph's style, as LibreOffice
       * writes it); an insertion that ran on from the last paragraph ends
       * here, unless this one starts inserted */
      for (guint i = 0; w->pending != NULL && i < w->pending->len; i++)
        {
          guint id = g_array_index (w->pending, guint, i);

          if (w->collecting)
            {
              Change *change = w->changes->pdata[id - 1];
              g_free (change->next_style);
              change->next_style = g_strdup (style);
            }
          write_change_mark (w, "text:change", id);
        }
      if (w->pending != NULL)
        g_array_set_size (w->pending, 0);
      if (!w->continue_insertion)
        close_insertion (w);
    }
  w->continue_insertion = FALSE;
}

static void
end_para (OdtWriter *w)
{
  if (is_tracking (w) && (!w->chain_ok || w->in_cell))
    close_insertion (w);
  gsf_xml_out_end_element (w->xml);
}

static void
write_para (OdtWriter  *w,
            ParaKind    kind,
            PolisiLang  lang,
            const char *text)
{
  start_para (w, kind, lang);
  write_inline (w, text);
  end_para (w);
}

static void
start_span (OdtWriter      *w,
            PolisiMarkKind  kind)
{
  gsf_xml_out_start_element (w->xml, "text:span");
  gsf_xml_out_add_cstr_unchecked (w->xml, "text:style-name",
                                  kind == POLISI_MARK_INSERTED ? "Polisi_20_Inserted" : "Polisi_20_Deleted");
}

/* Whether a paragraph's content starts inside an insertion: the next
 * paragraph then continues one that ran on. */
static gboolean
starts_inserted (OdtWriter             *w,
                 const PolisiTextBlock *para)
{
  PolisiTextMark *first;

  if (w->whole_insertion || w->block_change == POLISI_CHANGE_INSERTED)
    return TRUE;
  if (para == NULL || para->marks == NULL || para->marks->len == 0 || para->text[0] == '\0')
    return FALSE;
  first = &g_array_index (para->marks, PolisiTextMark, 0);
  return first->start == 0 && first->kind == POLISI_MARK_INSERTED;
}

/* Starts a paragraph that will hold @para's content. */
static void
start_marked_para (OdtWriter             *w,
                   ParaKind               kind,
                   PolisiLang             lang,
                   const PolisiTextBlock *para)
{
  if (is_tracking (w) && w->open_insertion != 0 && starts_inserted (w, para))
    w->continue_insertion = TRUE;
  start_para (w, kind, lang);
}

/* Unchanged text of a marked paragraph, from @from to @to, with the
 * no-break spaces of the new version. Where the old version had the other
 * kind of space there (the words around it changed), tracked changes
 * delete the old space and insert the new one, so that rejecting every
 * change gives back the old text exactly. */
static void
write_equal (OdtWriter    *w,
             ParaKind      kind,
             PolisiLang    lang,
             const char   *text,
             const guint8 *kept,
             gsize         from,
             gsize         to)
{
  gsize done = from;

  if (is_tracking (w))
    close_insertion (w);
  for (gsize i = from; i <= to; i++)
    {
      g_autofree char *fragment = NULL;
      gboolean kept_new, kept_old;
      Change *change;

      kept_new = i < to && text[i] == ' ' && (kept[i] & POLISI_KEPT_NEW) != 0;
      kept_old = i < to && text[i] == ' ' && (kept[i] & POLISI_KEPT_OLD) != 0;
      if (i < to && (kept_new == kept_old || !is_tracking (w)))
        continue;
      if (i > done)
        {
          fragment = polisi_export_keep_fragment (text, kept, done, i, POLISI_KEPT_NEW);
          write_inline_full (w, fragment, FALSE);
        }
      if (i == to)
        break;
      change = new_change (w, POLISI_MARK_DELETED, kind, lang);
      if (w->collecting)
        change->text = g_strdup (kept_old ? "\xc2\xa0" : " ");
      write_change_mark (w, "text:change", change->id);
      ensure_insertion (w, kind, lang);
      write_text (w, kept_new ? "\xc2\xa0" : " ", kept_new ? 2 : 1);
      close_insertion (w);
      done = i + 1;
    }
}

/* A paragraph's content with the marks of a comparison. */
static void
write_content (OdtWriter             *w,
               ParaKind               kind,
               PolisiLang             lang,
               const PolisiTextBlock *para)
{
  const char *text = para->text;
  gsize length = strlen (text);
  gsize done = 0;
  gboolean inserted_to_end = FALSE;
  g_autofree guint8 *kept = NULL;

  if (w->mode == MARK_PLAIN || w->in_region || para->marks == NULL || para->marks->len == 0)
    {
      if (w->in_region || w->mode == MARK_PLAIN)
        write_inline (w, text);
      else if (w->mode == MARK_VISUAL && w->whole_insertion)
        {
          start_span (w, POLISI_MARK_INSERTED);
          write_inline (w, text);
          gsf_xml_out_end_element (w->xml);
        }
      else if (is_tracking (w) && w->whole_insertion && length > 0)
        {
          ensure_insertion (w, kind, lang);
          write_inline (w, text);
        }
      else
        {
          write_inline (w, text);
          /* a paragraph break that is new, after unchanged text */
          if (is_tracking (w) && (para->break_inserted || w->block_change == POLISI_CHANGE_INSERTED))
            ensure_insertion (w, kind, lang);
          else if (is_tracking (w) && !w->whole_insertion)
            close_insertion (w);
        }
      return;
    }

  kept = polisi_export_find_kept_spaces (para);
  for (guint i = 0; para->marks != NULL && i <= para->marks->len; i++)
    {
      const PolisiTextMark *mark = i < para->marks->len ? &g_array_index (para->marks, PolisiTextMark, i) : NULL;
      gsize start = mark != NULL ? mark->start : length;
      g_autofree char *marked = NULL;

      if (start > done)
        write_equal (w, kind, lang, text, kept, done, start);
      if (mark == NULL)
        {
          done = length;
          break;
        }

      /* inserted words have the new version's no-break spaces, deleted
       * ones the old version's */
      marked = polisi_export_keep_fragment (text, kept, mark->start, mark->end,
                                            mark->kind == POLISI_MARK_INSERTED ? POLISI_KEPT_NEW : POLISI_KEPT_OLD);
      if (w->mode == MARK_VISUAL)
        {
          start_span (w, mark->kind);
          write_inline_full (w, marked, FALSE);
          gsf_xml_out_end_element (w->xml);
        }
      else if (mark->kind == POLISI_MARK_INSERTED)
        {
          ensure_insertion (w, kind, lang);
          write_inline_full (w, marked, FALSE);
          inserted_to_end = mark->end == length;
        }
      else
        {
          Change *change;

          if (is_tracking (w))
            close_insertion (w);
          change = new_change (w, POLISI_MARK_DELETED, kind, lang);
          if (w->collecting)
            change->text = g_strdup (marked);
          write_change_mark (w, "text:change", change->id);
          inserted_to_end = FALSE;
        }
      done = mark->end;
    }

  if (!is_tracking (w))
    return;
  /* Where the paragraph break after this paragraph is new, the insertion
   * runs on into the next paragraph (end_para closes it where it may
   * not). */
  if (para->break_inserted || w->block_change == POLISI_CHANGE_INSERTED)
    {
      if (!inserted_to_end && w->open_insertion == 0)
        ensure_insertion (w, kind, lang);
    }
  else if (!w->whole_insertion)
    close_insertion (w);
}

static void
write_bookmark_name (OdtWriter  *w,
                     const char *attribute,
                     gboolean    href,
                     PolisiLang  lang,
                     guint       index)
{
  char name[48];

  g_snprintf (name, sizeof name, "%spolisi-%s-%u", href ? "#" : "", lang_code (lang), index);
  gsf_xml_out_add_cstr_unchecked (w->xml, attribute, name);
}

static void
write_clause_bookmark (OdtWriter  *w,
                       const char *element,
                       const char *clause_id,
                       PolisiLang  lang,
                       guint       part)
{
  /* the short name, which LibreOffice keeps when it saves as DOCX */
  g_autofree char *name = polisi_anchor_part_name (clause_id, lang, part);

  gsf_xml_out_start_element (w->xml, element);
  gsf_xml_out_add_cstr (w->xml, "text:name", name);
  gsf_xml_out_end_element (w->xml);
}

/* The number of a clause, marked as its block is; a clause renumbered
 * since the earlier version (w->old_number) has its old number deleted and
 * its new one inserted, so that rejecting every change gives the earlier
 * numbering. */
static void
write_number (OdtWriter  *w,
              ParaKind    kind,
              PolisiLang  lang,
              const char *number)
{
  if (is_tracking (w) && w->block_change == POLISI_CHANGE_NONE && w->old_number != NULL)
    {
      /* the number and its separator: "3.2" or "3  " */
      gsize digits = strcspn (number, " ");
      g_autofree char *old = g_strconcat (w->old_number, number + digits, NULL);
      Change *change;

      close_insertion (w);
      change = new_change (w, POLISI_MARK_DELETED, kind, lang);
      if (w->collecting)
        change->text = g_strdup (old);
      write_change_mark (w, "text:change", change->id);
      ensure_insertion (w, kind, lang);
      write_text (w, number, strlen (number));
      close_insertion (w);
      return;
    }
  if (w->mode == MARK_VISUAL && w->block_change != POLISI_CHANGE_NONE && !w->in_region)
    {
      start_span (w, w->block_change == POLISI_CHANGE_INSERTED ? POLISI_MARK_INSERTED : POLISI_MARK_DELETED);
      write_text (w, number, strlen (number));
      gsf_xml_out_end_element (w->xml);
      return;
    }
  if (is_tracking (w) && w->block_change == POLISI_CHANGE_INSERTED)
    ensure_insertion (w, kind, lang);
  if (kind == PARA_CLAUSE)
    {
      gsf_xml_out_start_element (w->xml, "text:span");
      gsf_xml_out_add_cstr_unchecked (w->xml, "text:style-name", "Polisi_20_Clause_20_Number");
      write_text (w, number, strlen (number));
      gsf_xml_out_end_element (w->xml);
      return;
    }
  write_text (w, number, strlen (number));
}

/* A PolisiTextBlock list, from @from to before @to: paragraphs in @kind
 * (the first one of a clause in PARA_CLAUSE, after its number and a tab),
 * items in bullet lists. With @clause_id, the whole is a bookmark named
 * after the clause (and @part, its row in parallel columns). */
static void
write_text_range (OdtWriter  *w,
                  GPtrArray  *paras,
                  guint       from,
                  guint       to,
                  PolisiLang  lang,
                  ParaKind    kind,
                  const char *number,
                  const char *clause_id,
                  guint       part)
{
  gboolean in_list = FALSE;
  gboolean bookmark = clause_id != NULL && !w->in_region;
  gboolean bookmark_open = FALSE;

  if (from > 0)
    {
      number = NULL;
      if (kind == PARA_CLAUSE)
        kind = PARA_CLAUSE_CONTINUED;
    }
  if (number != NULL && (paras->len == 0 || ((PolisiTextBlock *) paras->pdata[0])->item))
    {
      /* A clause that starts with a list still shows its number. */
      w->block_end = paras->len == 0;
      start_marked_para (w, PARA_CLAUSE, lang, paras->len > 0 ? paras->pdata[0] : NULL);
      if (bookmark)
        {
          write_clause_bookmark (w, "text:bookmark-start", clause_id, lang, part);
          bookmark_open = TRUE;
        }
      write_number (w, PARA_CLAUSE, lang, number);
      if (bookmark_open && paras->len == 0)
        {
          write_clause_bookmark (w, "text:bookmark-end", clause_id, lang, part);
          bookmark_open = FALSE;
        }
      end_para (w);
      number = NULL;
      kind = PARA_CLAUSE_CONTINUED;
    }

  for (guint i = from; i < to; i++)
    {
      PolisiTextBlock *block = paras->pdata[i];
      gboolean last = i + 1 == to;
      ParaKind para_kind = block->item ? PARA_LIST : (number != NULL ? PARA_CLAUSE : kind);

      if (block->item)
        {
          if (!in_list)
            {
              gsf_xml_out_start_element (w->xml, "text:list");
              /* In a table cell the bullets keep close to the edge. */
              gsf_xml_out_add_cstr_unchecked (w->xml, "text:style-name",
                                              kind == PARA_TABLE_CONTENTS || kind == PARA_TABLE_HEADING ?
                                              "Polisi_20_Table_20_Bullets" : "Polisi_20_Bullets");
              in_list = TRUE;
            }
          gsf_xml_out_start_element (w->xml, "text:list-item");
        }
      else if (in_list)
        {
          gsf_xml_out_end_element (w->xml);
          in_list = FALSE;
        }

      w->block_end = last;
      w->keep_next = polisi_text_block_keeps_with_next (paras, i);
      if (block->item && w->layout != NULL)
        w->item_lines = polisi_export_item_lines (w->layout, w->block_id, lang, i);
      start_marked_para (w, para_kind, lang, block);
      if (bookmark && !bookmark_open && i == from)
        {
          write_clause_bookmark (w, "text:bookmark-start", clause_id, lang, part);
          bookmark_open = TRUE;
        }
      if (number != NULL && !block->item)
        {
          write_number (w, para_kind, lang, number);
          gsf_xml_out_start_element (w->xml, "text:tab");
          gsf_xml_out_end_element (w->xml);
          w->line_start = FALSE;
          number = NULL;
          kind = PARA_CLAUSE_CONTINUED;
        }
      write_content (w, para_kind, lang, block);
      if (bookmark_open && last)
        {
          write_clause_bookmark (w, "text:bookmark-end", clause_id, lang, part);
          bookmark_open = FALSE;
        }
      end_para (w);

      if (block->item)
        gsf_xml_out_end_element (w->xml);
    }

  if (in_list)
    gsf_xml_out_end_element (w->xml);
}

static void
write_text_blocks (OdtWriter  *w,
                   GPtrArray  *paras,
                   PolisiLang  lang,
                   ParaKind    kind,
                   const char *number,
                   const char *clause_id)
{
  write_text_range (w, paras, 0, paras->len, lang, kind, number, clause_id, 0);
}

static gboolean
is_sequential (OdtWriter *w)
{
  return w->options->layout == POLISI_LAYOUT_SEQUENTIAL;
}


static void
write_heading (OdtWriter   *w,
               PolisiBlock *block,
               guint        index,
               PolisiLang   lang)
{
  PolisiTextBlock *para = block->paras[lang]->len > 0 ? block->paras[lang]->pdata[0] : NULL;
  ParaKind kind = is_sequential (w) ? PARA_HEADING_2 : PARA_HEADING_1;

  /* an appendix starts a page (in parallel columns, its row's table does) */
  w->appendix_pending = block->appendix && !w->in_region && w->options->layout != POLISI_LAYOUT_COLUMNS;
  start_marked_para (w, kind, lang, para);
  if (!w->in_region)
    {
      gsf_xml_out_start_element (w->xml, "text:bookmark");
      write_bookmark_name (w, "text:name", FALSE, lang, index);
      gsf_xml_out_end_element (w->xml);
    }
  if (block->number != NULL && !block->appendix)
    {
      g_autofree char *prefix = g_strdup_printf ("%s  ", block->number);

      write_number (w, kind, lang, prefix);
    }
  if (para != NULL)
    write_content (w, kind, lang, para);
  end_para (w);
}

/* One language's content of a heading, clause or paragraph block. */
static void
write_block_content (OdtWriter   *w,
                     PolisiBlock *block,
                     guint        index,
                     PolisiLang   lang)
{
  w->block_id = block->id;
  switch (block->kind)
    {
    case POLISI_BLOCK_HEADING:
      write_heading (w, block, index, lang);
      break;
    case POLISI_BLOCK_CLAUSE:
      write_text_blocks (w, block->paras[lang], lang, PARA_CLAUSE_CONTINUED, block->number, block->id);
      break;
    case POLISI_BLOCK_PARAGRAPH:
      write_text_blocks (w, block->paras[lang], lang, PARA_BODY, NULL, NULL);
      break;
    case POLISI_BLOCK_TABLE:
    default:
      g_assert_not_reached ();
    }
}

/* An empty paragraph: in a table cell, to keep the row; in the flow, to
 * carry a deletion when no paragraph follows. */
static void
write_empty_para (OdtWriter  *w,
                  PolisiLang  lang)
{
  start_para (w, PARA_BODY, lang);
  end_para (w);
}

/* One language's content of a block. A block that is gone, written with
 * tracked changes, is a deletion: in the flow, marked at the start of the
 * next paragraph, its paragraphs and an empty one in the list of changes
 * (as LibreOffice does it); in a table cell, an empty paragraph holding
 * the deletion. */
static void
write_block (OdtWriter   *w,
             PolisiBlock *block,
             guint        index,
             PolisiLang   lang)
{
  w->block_change = w->in_region ? POLISI_CHANGE_NONE : block->change;
  w->old_number = block->old_number;

  if (is_tracking (w) && block->change == POLISI_CHANGE_DELETED)
    {
      Change *change = new_change (w, POLISI_MARK_DELETED, PARA_BODY, lang);

      close_insertion (w);
      change->block = block;
      change->block_index = index;
      change->trailing_break = !w->in_cell;
      if (w->in_cell)
        {
          start_para (w, PARA_BODY, lang);
          write_change_mark (w, "text:change", change->id);
          end_para (w);
        }
      else
        {
          if (w->pending == NULL)
            w->pending = g_array_new (FALSE, FALSE, sizeof (guint));
          g_array_append_val (w->pending, change->id);
        }
      w->block_change = POLISI_CHANGE_NONE;
      w->old_number = NULL;
      return;
    }

  write_block_content (w, block, index, lang);
  w->block_change = POLISI_CHANGE_NONE;
  w->old_number = NULL;
}

/* Deletions waiting for a paragraph, and an insertion running on, end
 * before a table or at the end of the text: on an empty paragraph of
 * their own. */
static void
flush_changes (OdtWriter  *w,
               PolisiLang  lang)
{
  if (!is_tracking (w))
    return;
  if ((w->pending != NULL && w->pending->len > 0) || w->open_insertion != 0)
    {
      gboolean chain_ok = w->chain_ok;

      w->chain_ok = FALSE;
      write_empty_para (w, lang);
      w->chain_ok = chain_ok;
    }
}

/* ------------------------------------------------------------------ */
/* Tables                                                               */
/* ------------------------------------------------------------------ */

/* @block_name: the table's name, or NULL for "TableN" */
static void
start_table (OdtWriter  *w,
             const char *style,
             const char *block_name)
{
  char name[64];

  ++w->n_tables;
  if (block_name != NULL)
    g_strlcpy (name, block_name, sizeof name);
  else
    g_snprintf (name, sizeof name, "Table%u", w->n_tables);
  gsf_xml_out_start_element (w->xml, "table:table");
  gsf_xml_out_add_cstr_unchecked (w->xml, "table:name", name);
  gsf_xml_out_add_cstr_unchecked (w->xml, "table:style-name", style);
}

static void
start_cell (OdtWriter  *w,
            const char *style)
{
  gsf_xml_out_start_element (w->xml, "table:table-cell");
  gsf_xml_out_add_cstr_unchecked (w->xml, "table:style-name", style);
  gsf_xml_out_add_cstr_unchecked (w->xml, "office:value-type", "string");
}

/* A TABLE block in one language, at full width; the first row is the
 * header and repeats on each page. */
static void
write_data_table (OdtWriter   *w,
                  PolisiBlock *block,
                  guint        index,
                  PolisiLang   lang)
{
  guint n_rows = polisi_block_get_n_rows (block);

  if (block->n_columns == 0)
    return;

  flush_changes (w, lang);
  w->in_cell = TRUE;
  /* the comments table is found again by its name when the draft comes
   * back (src/import): "comments-table-cy", "comments-table-en" */
  if (g_strcmp0 (block->id, "comments-table") == 0)
    {
      g_autofree char *name = g_strdup_printf ("comments-table-%s", lang_code (lang));

      start_table (w, "DataTable", name);
    }
  else
    start_table (w, "DataTable", NULL);
  for (guint c = 0; c < block->n_columns; c++)
    {
      char style[48];

      g_snprintf (style, sizeof style, "DataTable%u.C%u", index, c);
      gsf_xml_out_start_element (w->xml, "table:table-column");
      gsf_xml_out_add_cstr_unchecked (w->xml, "table:style-name", style);
      gsf_xml_out_end_element (w->xml);
    }

  for (guint r = 0; r < n_rows; r++)
    {
      if (r == 0)
        gsf_xml_out_start_element (w->xml, "table:table-header-rows");
      gsf_xml_out_start_element (w->xml, "table:table-row");
      /* a row only the new version has: every paragraph inserted, the row
       * tracked as a whole (as in write_columns()) */
      w->whole_insertion = polisi_block_get_row_change (block, r) == POLISI_CHANGE_INSERTED;
      if (w->whole_insertion && is_tracking (w))
        gsf_xml_out_add_cstr_unchecked (w->xml, "table:style-name", "DataTable.row_tracked");
      for (guint c = 0; c < block->n_columns; c++)
        {
          const char *cell = polisi_block_get_cell (block, lang, r, c);
          ParaKind kind = r == 0 ? PARA_TABLE_HEADING : PARA_TABLE_CONTENTS;

          start_cell (w, "DataTable.Cell");
          if (cell[0] == '\0')
            write_para (w, kind, lang, "");
          else
            {
              /* A cell holds clause markup: lines and items. */
              g_autoptr(GPtrArray) paras = polisi_text_parse_blocks (cell);
              int own = polisi_block_get_cell_lang (block, r, c);
              gboolean items = FALSE;

              for (guint p = 0; p < paras->len; p++)
                items |= ((PolisiTextBlock *) paras->pdata[p])->item;

              if (paras->len == 0)
                write_para (w, kind, lang, "");
              else if (own >= 0 && own != (int) lang && !items && !is_tracking (w))
                /* a comment in its own language, whatever the table's */
                for (guint p = 0; p < paras->len; p++)
                  {
                    start_para (w, kind, lang);
                    gsf_xml_out_start_element (w->xml, "text:span");
                    gsf_xml_out_add_cstr_unchecked (w->xml, "text:style-name", own_language_style[own]);
                    write_inline (w, ((PolisiTextBlock *) paras->pdata[p])->text);
                    gsf_xml_out_end_element (w->xml);
                    end_para (w);
                  }
              else
                write_text_blocks (w, paras, lang, kind, NULL, NULL);
            }
          gsf_xml_out_end_element (w->xml);
        }
      w->whole_insertion = FALSE;
      gsf_xml_out_end_element (w->xml);
      if (r == 0)
        gsf_xml_out_end_element (w->xml);
    }

  gsf_xml_out_end_element (w->xml);
  w->in_cell = FALSE;
}

/* ------------------------------------------------------------------ */
/* Title block and contents                                             */
/* ------------------------------------------------------------------ */

static void
write_labelled (OdtWriter  *w,
                PolisiTerm  term,
                PolisiLang  lang,
                const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  start_para (w, PARA_DETAILS, lang);
  write_inline (w, polisi_export_term (term, lang));
  gsf_xml_out_add_cstr_unchecked (w->xml, NULL, ": ");
  write_inline (w, value);
  end_para (w);
}

static void
write_title_block (OdtWriter  *w,
                   PolisiLang  lang)
{
  const char *organisation = polisi_document_get_organisation (w->document, lang);
  g_autofree char *version = polisi_export_version_line (w->document, lang);
  g_autofree char *note = polisi_export_availability_note (w->document, w->options, lang);

  if (organisation != NULL && organisation[0] != '\0')
    write_para (w, PARA_ORGANISATION, lang, organisation);
  write_para (w, PARA_TITLE, lang, polisi_document_get_title (w->document, lang));
  write_para (w, PARA_DETAILS, lang, version);
  write_labelled (w, POLISI_TERM_REVIEW_DATE, lang, polisi_document_get_review_text (w->document, lang));
  write_labelled (w, POLISI_TERM_CLOSING_DATE, lang, polisi_document_get_closing_text (w->document, lang));
  if (note != NULL)
    write_para (w, PARA_NOTE, lang, note);
}

static void
write_toc_template (OdtWriter  *w,
                    guint       level)
{
  gsf_xml_out_start_element (w->xml, "text:table-of-content-entry-template");
  gsf_xml_out_add_uint (w->xml, "text:outline-level", level);
  gsf_xml_out_add_cstr_unchecked (w->xml, "text:style-name", level == 1 ? "Contents_20_1" : "Contents_20_2");
  gsf_xml_out_start_element (w->xml, "text:index-entry-link-start");
  gsf_xml_out_add_cstr_unchecked (w->xml, "text:style-name", "Index_20_Link");
  gsf_xml_out_end_element (w->xml);
  gsf_xml_out_start_element (w->xml, "text:index-entry-text");
  gsf_xml_out_end_element (w->xml);
  gsf_xml_out_start_element (w->xml, "text:index-entry-tab-stop");
  gsf_xml_out_add_cstr_unchecked (w->xml, "style:type", "right");
  gsf_xml_out_add_cstr_unchecked (w->xml, "style:leader-char", ".");
  gsf_xml_out_end_element (w->xml);
  gsf_xml_out_start_element (w->xml, "text:index-entry-page-number");
  gsf_xml_out_end_element (w->xml);
  gsf_xml_out_start_element (w->xml, "text:index-entry-link-end");
  gsf_xml_out_end_element (w->xml);
  gsf_xml_out_end_element (w->xml);
}

/* The contents list of one language. Its body is filled in, so it reads
 * without being updated: each entry links to its heading and shows the
 * page Polisi's own page layout (the PDF's) puts it on. */
static void
write_toc (OdtWriter  *w,
           PolisiLang  lang)
{
  const char *title = polisi_export_term (POLISI_TERM_CONTENTS, lang);
  guint n_blocks = polisi_document_get_n_blocks (w->document);
  gboolean sequential = is_sequential (w);
  gboolean columns = w->options->layout == POLISI_LAYOUT_COLUMNS;
  char name[32];

  g_snprintf (name, sizeof name, "Contents_%s", lang_code (lang));
  gsf_xml_out_start_element (w->xml, "text:table-of-content");
  gsf_xml_out_add_cstr_unchecked (w->xml, "text:style-name", "Contents_section");
  gsf_xml_out_add_cstr_unchecked (w->xml, "text:protected", "true");
  gsf_xml_out_add_cstr_unchecked (w->xml, "text:name", name);

  /* Updating a contents list must not pull in the other language's
   * headings. Back to back, each language is a chapter under its title (a
   * level 1 heading); in columns, where both languages share the pages,
   * the list gathers its language's own heading style. */
  gsf_xml_out_start_element (w->xml, "text:table-of-content-source");
  gsf_xml_out_add_cstr_unchecked (w->xml, "text:outline-level", sequential ? "2" : "1");
  if (sequential)
    gsf_xml_out_add_cstr_unchecked (w->xml, "text:index-scope", "chapter");
  if (columns)
    {
      gsf_xml_out_add_cstr_unchecked (w->xml, "text:use-outline-level", "false");
      gsf_xml_out_add_cstr_unchecked (w->xml, "text:use-index-source-styles", "true");
    }
  gsf_xml_out_add_cstr_unchecked (w->xml, "text:use-index-marks", "false");
  gsf_xml_out_start_element (w->xml, "text:index-title-template");
  gsf_xml_out_add_cstr_unchecked (w->xml, "text:style-name", "Contents_20_Heading");
  gsf_xml_out_add_cstr (w->xml, NULL, title);
  gsf_xml_out_end_element (w->xml);
  write_toc_template (w, 1);
  if (sequential)
    write_toc_template (w, 2);
  if (columns)
    {
      gsf_xml_out_start_element (w->xml, "text:index-source-styles");
      gsf_xml_out_add_cstr_unchecked (w->xml, "text:outline-level", "1");
      gsf_xml_out_start_element (w->xml, "text:index-source-style");
      gsf_xml_out_add_cstr_unchecked (w->xml, "text:style-name", language_heading_style[lang]);
      gsf_xml_out_end_element (w->xml);
      gsf_xml_out_end_element (w->xml);
    }
  gsf_xml_out_end_element (w->xml);

  gsf_xml_out_start_element (w->xml, "text:index-body");
  g_snprintf (name, sizeof name, "Contents_%s_title", lang_code (lang));
  gsf_xml_out_start_element (w->xml, "text:index-title");
  gsf_xml_out_add_cstr_unchecked (w->xml, "text:style-name", "Contents_section");
  gsf_xml_out_add_cstr_unchecked (w->xml, "text:name", name);
  write_para (w, PARA_CONTENTS_HEADING, lang, title);
  gsf_xml_out_end_element (w->xml);

  for (guint i = 0; i < n_blocks; i++)
    {
      PolisiBlock *block = polisi_document_get_block (w->document, i);
      g_autofree char *label = NULL;
      guint page;

      if (block->kind != POLISI_BLOCK_HEADING || block->change == POLISI_CHANGE_DELETED)
        continue;

      label = polisi_export_contents_label (block, lang);
      start_para (w, sequential ? PARA_CONTENTS_2 : PARA_CONTENTS_1, lang);
      gsf_xml_out_start_element (w->xml, "text:a");
      gsf_xml_out_add_cstr_unchecked (w->xml, "xlink:type", "simple");
      write_bookmark_name (w, "xlink:href", TRUE, lang, i);
      gsf_xml_out_add_cstr_unchecked (w->xml, "text:style-name", "Index_20_Link");
      gsf_xml_out_add_cstr_unchecked (w->xml, "text:visited-style-name", "Index_20_Link");
      write_text (w, label, strlen (label));
      gsf_xml_out_end_element (w->xml);
      page = polisi_export_heading_page (w->layout, i, lang);
      if (page > 0)
        {
          char number[16];

          /* the page Polisi's own layout (the PDF's) puts the heading on:
           * LibreOffice does not update a contents list on opening */
          gsf_xml_out_start_element (w->xml, "text:tab");
          gsf_xml_out_end_element (w->xml);
          g_snprintf (number, sizeof number, "%u", page);
          gsf_xml_out_add_cstr_unchecked (w->xml, NULL, number);
        }
      end_para (w);
    }

  gsf_xml_out_end_element (w->xml); /* index-body */
  gsf_xml_out_end_element (w->xml); /* table-of-content */
}

/* ------------------------------------------------------------------ */
/* Layouts                                                              */
/* ------------------------------------------------------------------ */

/* One language: the title block, its contents list, its body. */
static void
write_part (OdtWriter  *w,
            PolisiLang  lang)
{
  guint n_blocks = polisi_document_get_n_blocks (w->document);

  w->first_pending = TRUE;
  write_title_block (w, lang);
  write_toc (w, lang);
  gsf_xml_out_start_element (w->xml, "text:p");
  gsf_xml_out_add_cstr_unchecked (w->xml, "text:style-name", page_break_style[lang]);
  gsf_xml_out_end_element (w->xml);

  for (guint i = 0; i < n_blocks; i++)
    {
      PolisiBlock *block = polisi_document_get_block (w->document, i);
      PolisiBlock *next = i + 1 < n_blocks ? polisi_document_get_block (w->document, i + 1) : NULL;

      /* a change may run on into the next block's first paragraph */
      w->chain_ok = next != NULL && next->kind != POLISI_BLOCK_TABLE;
      if (block->kind == POLISI_BLOCK_TABLE)
        write_data_table (w, block, i, lang);
      else
        write_block (w, block, i, lang);
    }
  w->chain_ok = FALSE;
  flush_changes (w, lang);
}

/* ------------------------------------------------------------------ */
/* Line numbers in parallel columns                                     */
/* ------------------------------------------------------------------ */

/* LibreOffice and Word number no lines inside a table, and parallel
 * columns are one. So a consultation draft in columns has a narrow column
 * of numbers outside each language's text, as the PDF has them in the
 * margins: each paragraph of the text has beside it a paragraph of the
 * same size and spacing holding, line by line, the numbers Polisi's own
 * page layout gave that paragraph's lines (polisi_page_layout_get_numbered_lines()).
 * The text columns are the PDF's width in the PDF's font, so that the
 * lines break where the PDF's do, and "line 214" is the same line in
 * both. */

static gboolean
has_numbers_columns (OdtWriter *w)
{
  return w->line_numbers != NULL;
}

/* The cells of parallel columns, by the space below their text: a
 * clause's last row (the space between clauses), a heading's row (the
 * space below a heading), a paragraph pair's row before another of its
 * clause (none but its paragraph's own). */
typedef enum {
  CELL_CLAUSE,
  CELL_HEADING,
  CELL_PAIR,
  N_CELL_KINDS
} CellKind;

static const char *columns_cell_style[N_CELL_KINDS][2] = {
  { "Columns.L", "Columns.R" },
  { "Columns.HL", "Columns.HR" },
  { "Columns.PL", "Columns.PR" },
};
static const char *numbers_cell_style[N_CELL_KINDS][2] = {
  { "Columns.NL", "Columns.NR" },
  { "Columns.HNL", "Columns.HNR" },
  { "Columns.PNL", "Columns.PNR" },
};
/* the padding below each kind of cell */
static const char *columns_cell_space[N_CELL_KINDS] = { COLUMNS_ROW_SPACE, COLUMNS_HEADING_SPACE, "0cm" };

/* The paragraph styles of the numbers: each with the vertical size and
 * spacing of a kind of text paragraph, none of them a heading. */
static const char *numbers_style[N_PARA_KINDS][2] = {
  [PARA_HEADING_1] = { "Numbers_heading_L", "Numbers_heading_R" },
  [PARA_CLAUSE] = { "Numbers_clause_L", "Numbers_clause_R" },
  [PARA_CLAUSE_CONTINUED] = { "Numbers_clause_L", "Numbers_clause_R" },
  [PARA_BODY] = { "Numbers_clause_L", "Numbers_clause_R" },
  [PARA_LIST] = { "Numbers_list_L", "Numbers_list_R" },
};

/* One paragraph of numbers: one line for each line of the paragraph
 * beside it. A zero-width space in the text's own size keeps each line as
 * tall as the text's; the number is small and grey, as in the PDF. */
static void
write_numbers_para (OdtWriter  *w,
                    ParaKind    kind,
                    guint       side,
                    const char *block_id,
                    PolisiLang  lang,
                    int         para)
{
  GArray *numbers = polisi_export_lookup_line_numbers (w->line_numbers, block_id, lang, para);

  gsf_xml_out_start_element (w->xml, "text:p");
  gsf_xml_out_add_cstr_unchecked (w->xml, "text:style-name", numbers_style[kind][side]);
  for (guint i = 0; numbers != NULL && i < numbers->len; i++)
    {
      char number[16];

      if (i > 0)
        {
          gsf_xml_out_start_element (w->xml, "text:line-break");
          gsf_xml_out_end_element (w->xml);
        }
      gsf_xml_out_add_cstr_unchecked (w->xml, NULL, "\xe2\x80\x8b");
      g_snprintf (number, sizeof number, "%u", g_array_index (numbers, guint, i));
      gsf_xml_out_start_element (w->xml, "text:span");
      gsf_xml_out_add_cstr_unchecked (w->xml, "text:style-name", "Line_20_numbering");
      gsf_xml_out_add_cstr_unchecked (w->xml, NULL, number);
      gsf_xml_out_end_element (w->xml);
    }
  gsf_xml_out_end_element (w->xml);
}

/* The cell of numbers beside @block's text in @lang (@side 0: left of
 * the first column, 1: right of the second), a paragraph for each
 * paragraph write_block() writes there; with @part >= 0, beside the
 * paragraph pair @part of the block's rows (write_pair_row()), and
 * @tight: with no space below it, as the pair's cells. */
static void
write_numbers_cell (OdtWriter   *w,
                    PolisiBlock *block,
                    PolisiLang   lang,
                    guint        side,
                    int          part,
                    gboolean     tight)
{
  GPtrArray *paras = block != NULL ? block->paras[lang] : NULL;
  guint from = 0;
  guint to = paras != NULL ? paras->len : 0;

  if (part >= 0)
    {
      from = MIN ((guint) part, to);
      to = MIN ((guint) part + 1, to);
    }
  if (block != NULL && block->kind == POLISI_BLOCK_HEADING)
    start_cell (w, numbers_cell_style[CELL_HEADING][side]);
  else
    start_cell (w, numbers_cell_style[tight ? CELL_PAIR : CELL_CLAUSE][side]);
  if (block == NULL)
    write_numbers_para (w, PARA_BODY, side, NULL, lang, 0);
  else if (block->kind == POLISI_BLOCK_HEADING)
    write_numbers_para (w, PARA_HEADING_1, side, block->id, lang, -1);
  else if (from == 0 && (paras->len == 0 || (block->number != NULL && ((PolisiTextBlock *) paras->pdata[0])->item)))
    {
      /* a clause that starts with a list has its number on a line of its own */
      write_numbers_para (w, PARA_CLAUSE, side, NULL, lang, 0);
    }
  for (guint i = from; block != NULL && block->kind != POLISI_BLOCK_HEADING && i < to; i++)
    {
      PolisiTextBlock *para = paras->pdata[i];

      write_numbers_para (w, para->item ? PARA_LIST : PARA_CLAUSE, side, block->id, lang, (int) i);
    }
  gsf_xml_out_end_element (w->xml);
}

/* The tables of parallel columns, by their styles: the title page's; the
 * body's; one heading row, kept with the table after it. */
typedef enum {
  COLUMNS_FIRST,
  COLUMNS_BODY,
  COLUMNS_HEADING,
  COLUMNS_HEADING_PAGE,   /* a heading on a new page: an appendix, the first after the contents */
  N_COLUMNS_TABLES
} ColumnsTable;

static const char *columns_table_style[N_COLUMNS_TABLES] = {
  "Columns_first", "Columns", "Columns_heading", "Columns_heading_page",
};

static void
start_columns_table (OdtWriter    *w,
                     ColumnsTable  table)
{
  start_table (w, columns_table_style[table], NULL);
  if (has_numbers_columns (w))
    polisi_xml_out_element (w->xml, "table:table-column", "table:style-name", "Columns.N", NULL);
  gsf_xml_out_start_element (w->xml, "table:table-column");
  gsf_xml_out_add_cstr_unchecked (w->xml, "table:style-name", "Columns.A");
  gsf_xml_out_add_cstr_unchecked (w->xml, "table:number-columns-repeated", "2");
  gsf_xml_out_end_element (w->xml);
  if (has_numbers_columns (w))
    polisi_xml_out_element (w->xml, "table:table-column", "table:style-name", "Columns.N", NULL);
}

static void
start_columns_cell (OdtWriter *w,
                    guint      column,
                    CellKind   kind)
{
  start_cell (w, columns_cell_style[kind][column]);
  w->in_cell = TRUE;
}

/* @heading: a row that never splits (a heading's, a paragraph pair's);
 * @tracked: the whole row is new or gone, as a tracked change */
static void
start_columns_row (OdtWriter *w,
                   gboolean   heading,
                   gboolean   tracked)
{
  static const char *styles[2][2] = {
    { "Columns.row", "Columns.row_tracked" },
    { "Columns.heading", "Columns.heading_tracked" },
  };

  gsf_xml_out_start_element (w->xml, "table:table-row");
  gsf_xml_out_add_cstr_unchecked (w->xml, "table:style-name", styles[heading != FALSE][tracked != FALSE]);
}

/* One language's paragraph @part of a clause or paragraph block, in
 * its cell of the block's row for that pair. */
static void
write_block_part (OdtWriter   *w,
                  PolisiBlock *block,
                  PolisiLang   lang,
                  guint        part)
{
  GPtrArray *paras = block->paras[lang];
  gboolean clause = block->kind == POLISI_BLOCK_CLAUSE;

  w->block_id = block->id;
  w->block_change = w->in_region ? POLISI_CHANGE_NONE : block->change;
  w->old_number = block->old_number;
  if (paras->len == 0 && (!clause || block->number == NULL))
    write_para (w, PARA_BODY, lang, "");
  else
    write_text_range (w, paras, MIN (part, paras->len), MIN (part + 1, paras->len), lang,
                      clause ? PARA_CLAUSE_CONTINUED : PARA_BODY,
                      clause ? block->number : NULL, clause ? block->id : NULL, part);
  w->block_change = POLISI_CHANGE_NONE;
  w->old_number = NULL;
}

/* A clause or paragraph block whose languages have as many paragraphs
 * (polisi_page_layout_count_pairs()), as the PDF lays it out: a row for
 * each paragraph and its translation, which never splits; the space
 * between clauses below the last, none below the others but the
 * paragraphs' own. */
static void
write_pair_rows (OdtWriter   *w,
                 PolisiBlock *block,
                 guint        n_pairs)
{
  for (guint p = 0; p < n_pairs; p++)
    {
      gboolean tight = p + 1 < n_pairs;

      start_columns_row (w, TRUE, is_tracking (w) && block->change != POLISI_CHANGE_NONE);
      if (has_numbers_columns (w))
        write_numbers_cell (w, block, w->langs[0], 0, (int) p, tight);
      for (guint c = 0; c < w->n_langs; c++)
        {
          start_columns_cell (w, c, tight ? CELL_PAIR : CELL_CLAUSE);
          write_block_part (w, block, w->langs[c], p);
          gsf_xml_out_end_element (w->xml);
          w->in_cell = FALSE;
        }
      if (has_numbers_columns (w))
        write_numbers_cell (w, block, w->langs[1], 1, (int) p, tight);
      gsf_xml_out_end_element (w->xml);
    }
}

/* Parallel columns: two-column tables in reading order, one level row per
 * block (or per paragraph pair), the title block and the contents lists side by side on the first
 * page. Each heading's row is a table of its own that never splits and
 * keeps with the table after it (LibreOffice keeps no row with the next
 * one), so that a heading never ends a page; an appendix's heading table,
 * and the first after the contents, start a page. */
static void
write_columns (OdtWriter *w)
{
  guint n_blocks = polisi_document_get_n_blocks (w->document);
  gboolean open = TRUE;
  gboolean new_page = TRUE;

  start_columns_table (w, COLUMNS_FIRST);

  start_columns_row (w, FALSE, FALSE);
  if (has_numbers_columns (w))
    write_numbers_cell (w, NULL, w->langs[0], 0, -1, FALSE);
  for (guint c = 0; c < w->n_langs; c++)
    {
      start_columns_cell (w, c, CELL_CLAUSE);
      write_title_block (w, w->langs[c]);
      gsf_xml_out_end_element (w->xml);
      w->in_cell = FALSE;
    }
  if (has_numbers_columns (w))
    write_numbers_cell (w, NULL, w->langs[1], 1, -1, FALSE);
  gsf_xml_out_end_element (w->xml);

  start_columns_row (w, FALSE, FALSE);
  if (has_numbers_columns (w))
    write_numbers_cell (w, NULL, w->langs[0], 0, -1, FALSE);
  for (guint c = 0; c < w->n_langs; c++)
    {
      start_columns_cell (w, c, CELL_CLAUSE);
      write_toc (w, w->langs[c]);
      gsf_xml_out_end_element (w->xml);
      w->in_cell = FALSE;
    }
  if (has_numbers_columns (w))
    write_numbers_cell (w, NULL, w->langs[1], 1, -1, FALSE);
  gsf_xml_out_end_element (w->xml);

  for (guint i = 0; i < n_blocks; i++)
    {
      PolisiBlock *block = polisi_document_get_block (w->document, i);
      gboolean heading = block->kind == POLISI_BLOCK_HEADING;

      if (block->kind == POLISI_BLOCK_TABLE)
        {
          /* A table does not fit in half the width: each language's table
           * at full width, in reading order, between two parts of the
           * column table. */
          if (open)
            gsf_xml_out_end_element (w->xml);
          open = FALSE;
          for (guint c = 0; c < w->n_langs; c++)
            write_data_table (w, block, i, w->langs[c]);
          continue;
        }

      if (heading)
        {
          if (open)
            gsf_xml_out_end_element (w->xml);
          start_columns_table (w, new_page || block->appendix ? COLUMNS_HEADING_PAGE : COLUMNS_HEADING);
          new_page = FALSE;
          open = TRUE;
        }
      else if (!open || new_page)
        {
          if (open)
            gsf_xml_out_end_element (w->xml);
          start_columns_table (w, new_page ? COLUMNS_HEADING_PAGE : COLUMNS_BODY);
          new_page = FALSE;
          open = TRUE;
        }

      /* A paragraph and its translation: a row that never splits. With
       * tracked changes, a block with a paragraph break inserted or
       * deleted is one row, so that accepting or rejecting the change
       * joins its paragraphs (no row of a table can), and so is a block
       * deleted, its deletion one change. */
      if (!heading && !(is_tracking (w) && (block->change == POLISI_CHANGE_DELETED ||
                                           polisi_export_block_breaks_change (block))))
        {
          guint n_pairs = polisi_page_layout_count_pairs (block, w->langs[0], w->langs[1]);

          if (n_pairs > 0)
            {
              write_pair_rows (w, block, n_pairs);
              continue;
            }
        }

      /* A block only one version has is a row LibreOffice tracks as a
       * whole (loext:text-changes-only="false" on its style): its content
       * all inserted or all deleted, the row goes when the insertion is
       * rejected or the deletion accepted, leaving no empty row. */
      start_columns_row (w, heading, is_tracking (w) && block->change != POLISI_CHANGE_NONE);
      if (has_numbers_columns (w))
        write_numbers_cell (w, block, w->langs[0], 0, -1, FALSE);
      for (guint c = 0; c < w->n_langs; c++)
        {
          start_columns_cell (w, c, heading ? CELL_HEADING : CELL_CLAUSE);
          if (block->kind != POLISI_BLOCK_HEADING && block->paras[w->langs[c]]->len == 0 && block->number == NULL)
            write_para (w, PARA_BODY, w->langs[c], "");
          else
            write_block (w, block, i, w->langs[c]);
          gsf_xml_out_end_element (w->xml);
          w->in_cell = FALSE;
        }
      if (has_numbers_columns (w))
        write_numbers_cell (w, block, w->langs[1], 1, -1, FALSE);
      gsf_xml_out_end_element (w->xml);

      if (heading)
        {
          /* the heading's table ends with its row */
          gsf_xml_out_end_element (w->xml);
          open = FALSE;
        }
    }

  if (open)
    gsf_xml_out_end_element (w->xml);
}

/* ------------------------------------------------------------------ */
/* Styles                                                               */
/* ------------------------------------------------------------------ */

static void
add_namespaces (GsfXMLOut *xml)
{
  static const char *namespaces[][2] = {
    { "xmlns:office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0" },
    { "xmlns:style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0" },
    { "xmlns:text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0" },
    { "xmlns:table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0" },
    { "xmlns:draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" },
    { "xmlns:fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" },
    { "xmlns:xlink", "http://www.w3.org/1999/xlink" },
    { "xmlns:dc", "http://purl.org/dc/elements/1.1/" },
    { "xmlns:meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0" },
    { "xmlns:svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" },
    /* LibreOffice's extensions: a tracked table row (see write_columns()) */
    { "xmlns:loext", "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (namespaces); i++)
    gsf_xml_out_add_cstr_unchecked (xml, namespaces[i][0], namespaces[i][1]);
  gsf_xml_out_add_cstr_unchecked (xml, "office:version", ODF_VERSION);
}

static void
write_font_faces (GsfXMLOut *xml)
{
  gsf_xml_out_start_element (xml, "office:font-face-decls");
  gsf_xml_out_start_element (xml, "style:font-face");
  gsf_xml_out_add_cstr_unchecked (xml, "style:name", FONT_NAME);
  gsf_xml_out_add_cstr_unchecked (xml, "svg:font-family", "'" FONT_NAME "'");
  gsf_xml_out_add_cstr_unchecked (xml, "style:font-family-generic", "swiss");
  gsf_xml_out_add_cstr_unchecked (xml, "style:font-pitch", "variable");
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
}

static void
start_style (GsfXMLOut  *xml,
             const char *name,
             const char *display_name,
             const char *family,
             const char *parent)
{
  gsf_xml_out_start_element (xml, "style:style");
  gsf_xml_out_add_cstr_unchecked (xml, "style:name", name);
  if (display_name != NULL)
    gsf_xml_out_add_cstr_unchecked (xml, "style:display-name", display_name);
  gsf_xml_out_add_cstr_unchecked (xml, "style:family", family);
  if (parent != NULL)
    gsf_xml_out_add_cstr_unchecked (xml, "style:parent-style-name", parent);
}

static void
add_language (GsfXMLOut  *xml,
              PolisiLang  lang)
{
  gsf_xml_out_add_cstr_unchecked (xml, "fo:language", lang_code (lang));
  gsf_xml_out_add_cstr_unchecked (xml, "fo:country", "GB");
}

/* The automatic paragraph style of @kind in @lang, below @parent (by
 * default the kind's named style). */
static void
write_para_auto_style_full (GsfXMLOut  *xml,
                            const char *name,
                            const char *parent,
                            PolisiLang  lang,
                            const char *master_page)
{
  start_style (xml, name, NULL, "paragraph", parent);
  if (master_page != NULL)
    gsf_xml_out_add_cstr_unchecked (xml, "style:master-page-name", master_page);
  gsf_xml_out_start_element (xml, "style:text-properties");
  add_language (xml, lang);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
}

static void
write_para_auto_style (GsfXMLOut  *xml,
                       const char *name,
                       ParaKind    kind,
                       PolisiLang  lang,
                       const char *master_page)
{
  write_para_auto_style_full (xml, name, para_styles[kind].parent, lang, master_page);
}

/* The named paragraph styles. Sizes and weights are the same for both
 * languages: only the automatic styles differ, by fo:language. */
static void
write_named_paragraph_style (GsfXMLOut  *xml,
                             const char *name,
                             const char *display_name,
                             const char *parent,
                             const char *outline_level,
                             const char *next,
                             const char *paragraph_properties[],
                             const char *text_properties[])
{
  start_style (xml, name, display_name, "paragraph", parent);
  if (next != NULL)
    gsf_xml_out_add_cstr_unchecked (xml, "style:next-style-name", next);
  if (outline_level != NULL)
    gsf_xml_out_add_cstr_unchecked (xml, "style:default-outline-level", outline_level);
  gsf_xml_out_add_cstr_unchecked (xml, "style:class", "text");

  if (paragraph_properties != NULL)
    {
      gsf_xml_out_start_element (xml, "style:paragraph-properties");
      for (guint i = 0; paragraph_properties[i] != NULL; i += 2)
        gsf_xml_out_add_cstr_unchecked (xml, paragraph_properties[i], paragraph_properties[i + 1]);
      gsf_xml_out_end_element (xml);
    }
  if (text_properties != NULL)
    {
      gsf_xml_out_start_element (xml, "style:text-properties");
      for (guint i = 0; text_properties[i] != NULL; i += 2)
        gsf_xml_out_add_cstr_unchecked (xml, text_properties[i], text_properties[i + 1]);
      gsf_xml_out_end_element (xml);
    }
  gsf_xml_out_end_element (xml);
}

#define PROPS(...) (const char *[]) { __VA_ARGS__, NULL }

static void
write_clause_tab_stop (GsfXMLOut *xml)
{
  /* Tabs count from the paragraph's indent: the text after the number
   * starts where the hanging indent ends. */
  gsf_xml_out_start_element (xml, "style:tab-stops");
  polisi_xml_out_element (xml, "style:tab-stop", "style:position", "0cm", NULL);
  gsf_xml_out_end_element (xml);
}

/* @label_indent: from the text to the bullet */
static void
write_bullet_list_style (GsfXMLOut  *xml,
                         const char *name,
                         const char *display_name,
                         const char *text_position,
                         const char *label_indent)
{
  polisi_xml_out_start (xml, "text:list-style",
                 "style:name", name,
                 "style:display-name", display_name,
                 NULL);
  polisi_xml_out_start (xml, "text:list-level-style-bullet",
                 "text:level", "1",
                 "text:bullet-char", "•",
                 NULL);
  polisi_xml_out_start (xml, "style:list-level-properties",
                 "text:list-level-position-and-space-mode", "label-alignment",
                 NULL);
  polisi_xml_out_element (xml, "style:list-level-label-alignment",
                  "text:label-followed-by", "listtab",
                  "text:list-tab-stop-position", text_position,
                  "fo:text-indent", label_indent,
                  "fo:margin-left", text_position,
                  NULL);
  gsf_xml_out_end_element (xml);
  polisi_xml_out_element (xml, "style:text-properties", "style:font-name", FONT_NAME, NULL);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
}

static void
write_office_styles (OdtWriter *w,
                     GsfXMLOut *xml)
{
  gboolean columns = w->options->layout == POLISI_LAYOUT_COLUMNS;

  gsf_xml_out_start_element (xml, "office:styles");

  /* The defaults: Liberation Sans for every script, no hyphenation, the
   * first language for text a person adds. */
  polisi_xml_out_start (xml, "style:default-style", "style:family", "paragraph", NULL);
  polisi_xml_out_element (xml, "style:paragraph-properties",
                  "style:tab-stop-distance", "1.25cm",
                  "style:writing-mode", "lr-tb",
                  NULL);
  polisi_xml_out_start (xml, "style:text-properties",
                 "style:font-name", FONT_NAME,
                 "style:font-name-asian", FONT_NAME,
                 "style:font-name-complex", FONT_NAME,
                 "fo:font-size", "10pt",
                 "fo:color", "#000000",
                 "fo:hyphenate", "false",
                 "style:letter-kerning", "true",
                 NULL);
  add_language (xml, w->langs[0]);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);

  polisi_xml_out_element (xml, "style:default-style", "style:family", "table", NULL);

  write_named_paragraph_style (xml, "Standard", NULL, NULL, NULL, NULL, NULL, NULL);
  /* the PDF's lines, 15 pt apart, and 7 pt after a paragraph. The PDF's
   * last line of a paragraph is only as tall as its letters (11.2 pt);
   * LibreOffice's is 15 pt like the others. Where the pages must be the
   * PDF's (parallel columns, where each row is placed as the PDF places
   * it), the space after a paragraph is what is left of the 7 pt, and
   * none after a list item (3 pt in the PDF); and a paragraph carries
   * three lines to a new page, as in the PDF's columns. */
  write_named_paragraph_style (xml, "Text_20_body", "Text body", "Standard", NULL, NULL,
                               PROPS ("fo:margin-top", "0cm", "fo:margin-bottom", "3.2pt",
                                      "fo:line-height", "130%", "fo:orphans", "2", "fo:widows", columns ? "3" : "2"),
                               NULL);
  /* The title block of the PDF: the organisation large and bold, the
   * title of the policy below it. */
  write_named_paragraph_style (xml, "Polisi_20_Organisation", "Organisation", "Standard", NULL, "Title",
                               PROPS ("fo:margin-top", "0cm", "fo:margin-bottom", "6.5pt", "fo:keep-with-next", "always"),
                               PROPS ("fo:font-size", "20pt", "fo:font-weight", "bold",
                                      "style:font-weight-asian", "bold", "style:font-weight-complex", "bold"));
  write_named_paragraph_style (xml, "Title", "Title", "Standard", NULL, "Polisi_20_Details",
                               PROPS ("fo:margin-top", "0cm", "fo:margin-bottom", "0.35cm", "fo:keep-with-next", "always"),
                               PROPS ("fo:font-size", "14pt", "fo:color", "#121212"));
  write_named_paragraph_style (xml, "Polisi_20_Details", "Document details", "Standard", NULL, NULL,
                               PROPS ("fo:margin-top", "0cm", "fo:margin-bottom", "0.1cm"),
                               NULL);
  /* the other language's file, named on the title page below the details
   * as in the PDF; the contents list's heading follows it */
  write_named_paragraph_style (xml, "Polisi_20_Note", "Note", "Text_20_body", NULL, NULL,
                               PROPS ("fo:margin-top", "0cm", "fo:margin-bottom", "4.8pt"),
                               NULL);
  /* A heading: no space above it but the space below what comes before,
   * as in the PDF (a clause's last paragraph has the space between two
   * clauses); so a heading at the top of a page starts where the text
   * does. */
  write_named_paragraph_style (xml, "Heading", "Heading", "Standard", NULL, "Text_20_body",
                               PROPS ("fo:margin-top", "0cm", "fo:margin-bottom", "0.21cm", "fo:keep-with-next", "always"),
                               PROPS ("fo:font-weight", "bold", "style:font-weight-asian", "bold",
                                      "style:font-weight-complex", "bold", "fo:color", "#121212"));
  write_named_paragraph_style (xml, "Heading_20_1", "Heading 1", "Heading", "1", "Polisi_20_Clause", NULL,
                               PROPS ("fo:font-size", "12.5pt"));
  write_named_paragraph_style (xml, "Heading_20_2", "Heading 2", "Heading", "2", "Polisi_20_Clause", NULL,
                               PROPS ("fo:font-size", "12.5pt"));
  if (w->options->layout == POLISI_LAYOUT_COLUMNS)
    for (guint i = 0; i < w->n_langs; i++)
      {
        PolisiLang lang = w->langs[i];

        start_style (xml, language_heading_style[lang], language_heading_display[lang], "paragraph", "Heading_20_1");
        gsf_xml_out_add_cstr_unchecked (xml, "style:next-style-name", "Polisi_20_Clause");
        gsf_xml_out_add_cstr_unchecked (xml, "style:default-outline-level", "1");
        gsf_xml_out_add_cstr_unchecked (xml, "style:class", "text");
        /* a heading's row starts with the heading, as in the PDF: the space
         * above it is the row's before it (its cells' padding below) */
        polisi_xml_out_element (xml, "style:paragraph-properties", "fo:margin-top", "0cm", "fo:margin-bottom", "0cm", NULL);
        gsf_xml_out_start_element (xml, "style:text-properties");
        add_language (xml, lang);
        gsf_xml_out_end_element (xml);
        gsf_xml_out_end_element (xml);
      }

  /* A clause: its number, a tab, the text, on a hanging indent. */
  start_style (xml, "Polisi_20_Clause", "Clause", "paragraph", "Text_20_body");
  gsf_xml_out_add_cstr_unchecked (xml, "style:next-style-name", "Polisi_20_Clause_20_Continued");
  gsf_xml_out_add_cstr_unchecked (xml, "style:class", "text");
  polisi_xml_out_start (xml, "style:paragraph-properties",
                 "fo:margin-left", CLAUSE_INDENT,
                 "fo:text-indent", "-" CLAUSE_INDENT,
                 "style:auto-text-indent", "false",
                 NULL);
  write_clause_tab_stop (xml);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);

  write_named_paragraph_style (xml, "Polisi_20_Clause_20_Continued", "Clause continued", "Text_20_body", NULL, NULL,
                               PROPS ("fo:margin-left", CLAUSE_INDENT, "fo:text-indent", "0cm"),
                               NULL);
  write_named_paragraph_style (xml, "List_20_Bullet", "List Bullet", "Text_20_body", NULL, NULL,
                               PROPS ("fo:margin-bottom", "0cm",
                                      columns ? "fo:line-height" : NULL, COLUMNS_ITEM_LINE_HEIGHT),
                               NULL);
  write_named_paragraph_style (xml, "Table_20_Contents", "Table Contents", "Standard", NULL, NULL,
                               PROPS ("fo:margin-top", "0cm", "fo:margin-bottom", "0.05cm"),
                               PROPS ("fo:font-size", "8.5pt"));
  write_named_paragraph_style (xml, "Table_20_Heading", "Table Heading", "Table_20_Contents", NULL, NULL,
                               NULL,
                               PROPS ("fo:font-weight", "bold", "style:font-weight-asian", "bold",
                                      "style:font-weight-complex", "bold"));
  write_named_paragraph_style (xml, "Contents_20_Heading", "Contents Heading", "Heading", NULL, NULL,
                               PROPS ("fo:margin-top", "0cm", "fo:margin-bottom", "0.28cm"),
                               PROPS ("fo:font-size", "12.5pt"));
  /* Beside a heading, its line numbers: a heading's size and spacing,
   * without being one (write_numbers_cell()) */
  if (has_numbers_columns (w))
    write_named_paragraph_style (xml, "Polisi_20_Line_20_Numbers_20_Heading", "Line numbers beside a heading",
                                 "Standard", NULL, NULL,
                                 PROPS ("fo:margin-top", "0cm", "fo:margin-bottom", "0cm"),
                                 PROPS ("fo:font-size", "12.5pt", "fo:font-weight", "bold",
                                        "style:font-weight-asian", "bold", "style:font-weight-complex", "bold"));
  /* Contents entries: the page number on a right tab at the edge of the
   * text (of a column, in parallel columns). */
  for (guint level = 1; level <= 2; level++)
    {
      start_style (xml, level == 1 ? "Contents_20_1" : "Contents_20_2", level == 1 ? "Contents 1" : "Contents 2",
                   "paragraph", "Standard");
      gsf_xml_out_add_cstr_unchecked (xml, "style:class", "index");
      polisi_xml_out_start (xml, "style:paragraph-properties",
                     "fo:margin-left", "0cm",
                     "fo:margin-right", "0cm",
                     "fo:margin-bottom", "2.7pt",
                     NULL);
      gsf_xml_out_start_element (xml, "style:tab-stops");
      polisi_xml_out_element (xml, "style:tab-stop",
                      "style:position", w->options->layout == POLISI_LAYOUT_COLUMNS ? "8.05cm" : "17cm",
                      "style:type", "right",
                      NULL);
      gsf_xml_out_end_element (xml);
      gsf_xml_out_end_element (xml);
      gsf_xml_out_end_element (xml);
    }
  /* An empty paragraph after each contents list: the body starts on a new
   * page, as in the PDF. */
  write_named_paragraph_style (xml, "Polisi_20_Page_20_Break", "Page break", "Standard", NULL, NULL,
                               PROPS ("fo:break-after", "page", "fo:margin-top", "0cm", "fo:margin-bottom", "0cm",
                                      "fo:line-height", "0.05cm", "text:number-lines", "false"),
                               PROPS ("fo:font-size", "1pt"));
  /* the PDF's running header, 7.5 pt lines 11 pt apart, and footer */
  write_named_paragraph_style (xml, "Header", "Header", "Standard", NULL, NULL,
                               PROPS ("text:number-lines", "false", "fo:margin-bottom", "0cm", "fo:line-height", "0.388cm"),
                               PROPS ("fo:font-size", "7.5pt", "fo:color", "#404040"));
  write_named_paragraph_style (xml, "Footer", "Footer", "Standard", NULL, NULL,
                               PROPS ("text:number-lines", "false", "fo:text-align", "center"),
                               PROPS ("fo:font-size", "8pt", "fo:color", "#404040"));
  write_named_paragraph_style (xml, "Polisi_20_Watermark", "Watermark", "Standard", NULL, NULL,
                               PROPS ("text:number-lines", "false", "fo:text-align", "center"),
                               PROPS ("fo:font-weight", "bold", "style:font-weight-asian", "bold",
                                      "style:font-weight-complex", "bold", "fo:color", "#bfbfbf"));

  /* Character styles for links and line numbers. */
  start_style (xml, "Internet_20_link", "Internet Link", "text", NULL);
  polisi_xml_out_element (xml, "style:text-properties",
                  "fo:color", "#1f4e9e",
                  "style:text-underline-style", "solid",
                  "style:text-underline-width", "auto",
                  "style:text-underline-color", "font-color",
                  NULL);
  gsf_xml_out_end_element (xml);
  start_style (xml, "Visited_20_Internet_20_Link", "Visited Internet Link", "text", NULL);
  polisi_xml_out_element (xml, "style:text-properties",
                  "fo:color", "#6a2e8f",
                  "style:text-underline-style", "solid",
                  "style:text-underline-width", "auto",
                  "style:text-underline-color", "font-color",
                  NULL);
  gsf_xml_out_end_element (xml);
  /* Contents entries link to their headings without looking like web
   * addresses. */
  start_style (xml, "Index_20_Link", "Index Link", "text", NULL);
  gsf_xml_out_end_element (xml);
  /* a clause's number in bold, as in the PDF */
  start_style (xml, "Polisi_20_Clause_20_Number", "Clause number", "text", NULL);
  polisi_xml_out_element (xml, "style:text-properties",
                          "fo:font-weight", "bold", "style:font-weight-asian", "bold",
                          "style:font-weight-complex", "bold", NULL);
  gsf_xml_out_end_element (xml);
  if (polisi_document_has_changes (w->document))
    {
      /* A comparison's marks, the same in both languages: colour alone
       * would not do for everyone, so a line under or through as well. */
      start_style (xml, "Polisi_20_Inserted", "Inserted text", "text", NULL);
      polisi_xml_out_element (xml, "style:text-properties",
                      "fo:color", "#1b5e20",
                      "style:text-underline-style", "solid",
                      "style:text-underline-width", "auto",
                      "style:text-underline-color", "font-color",
                      NULL);
      gsf_xml_out_end_element (xml);
      start_style (xml, "Polisi_20_Deleted", "Deleted text", "text", NULL);
      polisi_xml_out_element (xml, "style:text-properties",
                      "fo:color", "#a31515",
                      "style:text-line-through-style", "solid",
                      "style:text-line-through-type", "single",
                      NULL);
      gsf_xml_out_end_element (xml);
    }
  start_style (xml, "Line_20_numbering", "Line Numbering", "text", NULL);
  polisi_xml_out_element (xml, "style:text-properties", "fo:font-size", "6.5pt", "fo:color", "#595959", NULL);
  gsf_xml_out_end_element (xml);

  /* Bullets for list items, indented under the text of a clause, and
   * closer to the edge in a table cell. */
  /* the PDF's: the text of an item 42 pt in (30 pt for the clause
   * number, 12 for the bullet), its bullet at 32 pt */
  write_bullet_list_style (xml, "Polisi_20_Bullets", "Bullets", "1.4817cm", "-0.3528cm");
  write_bullet_list_style (xml, "Polisi_20_Table_20_Bullets", "Table Bullets", "0.5cm", "-0.45cm");

  /* Consultation drafts number their lines, so comments can point at
   * them. */
  if (polisi_document_get_line_numbers (w->document))
    polisi_xml_out_element (xml, "text:linenumbering-configuration",
                    "text:style-name", "Line_20_numbering",
                    "text:number-lines", "true",
                    "text:increment", "5",
                    "text:number-position", "left",
                    "text:offset", "0.35cm",
                    "style:num-format", "1",
                    "text:restart-on-page", "false",
                    "text:count-empty-lines", "false",
                    "text:count-in-text-boxes", "false",
                    NULL);

  gsf_xml_out_end_element (xml);
}

/* The header and footer of one language, or of both side by side. */
static const char *watermark_name[2][POLISI_N_LANGS + 1] = {
  { "PowerPlusWaterMarkObject1", "PowerPlusWaterMarkObject2", "PowerPlusWaterMarkObject3" },
  { "PowerPlusWaterMarkObject4", "PowerPlusWaterMarkObject5", "PowerPlusWaterMarkObject6" },
};

static const char *equations[][2] = {
  { "f0", "$0 -10800" },
  { "f1", "?f0 *2" },
  { "f2", "abs(?f1 )" },
  { "f3", "if(?f1 ,0,?f2 )" },
  { "f4", "21600-?f2 " },
  { "f5", "if(?f1 ,?f4 ,21600)" },
  { "f6", "if(?f1 ,?f2 ,0)" },
  { "f7", "if(?f1 ,21600,?f4 )" },
};

/* @title: on a title page's master page */
static void
write_watermark (OdtWriter *w,
                 GsfXMLOut *xml,
                 guint      master,
                 gboolean   title)
{
  double width = 16.0;
  double height = 0;
  double angle = G_PI / 4;
  char transform[128];
  char size[G_ASCII_DTOSTR_BUF_SIZE];

  /* The shape keeps the proportions of its text, so that the letters are
   * not stretched: a capital of Liberation Sans Bold is about 0.7 em wide
   * and a line 1.2 em high. */
  for (guint i = 0; i < w->n_langs; i++)
    {
      PolisiLang lang = w->langs[i];
      const char *text = polisi_document_get_watermark (w->document, lang);
      glong n_chars;

      if (master != MASTER_BILINGUAL && (PolisiLang) master != lang)
        continue;
      n_chars = MAX (g_utf8_strlen (text, -1), 4);
      height += width * 1.2 / (0.7 * n_chars);
    }

  /* Turned 45° anticlockwise about its top left corner, then moved so
   * that its centre is the centre of the page (positions count from the
   * page's top left corner, y growing down). */
  {
    /* cos and sin of 45°, without libm. */
    const double c = G_SQRT2 / 2;
    double cx = width / 2 * c + height / 2 * c;
    double cy = -width / 2 * c + height / 2 * c;
    char a[G_ASCII_DTOSTR_BUF_SIZE];
    char x[G_ASCII_DTOSTR_BUF_SIZE];
    char y[G_ASCII_DTOSTR_BUF_SIZE];

    g_snprintf (transform, sizeof transform, "rotate (%s) translate (%scm %scm)",
                g_ascii_formatd (a, sizeof a, "%.6f", angle),
                g_ascii_formatd (x, sizeof x, "%.3f", PAGE_WIDTH_CM / 2 - cx),
                g_ascii_formatd (y, sizeof y, "%.3f", PAGE_HEIGHT_CM / 2 - cy));
  }

  gsf_xml_out_start_element (xml, "draw:custom-shape");
  gsf_xml_out_add_cstr_unchecked (xml, "text:anchor-type", "char");
  gsf_xml_out_add_cstr_unchecked (xml, "draw:z-index", "0");
  /* The name LibreOffice gives its own watermark, so that Format >
   * Watermark finds this one, and Word knows it as a watermark. */
  gsf_xml_out_add_cstr_unchecked (xml, "draw:name", watermark_name[title != FALSE][MIN (master, MASTER_BILINGUAL)]);
  gsf_xml_out_add_cstr_unchecked (xml, "draw:style-name", "Watermark_graphic");
  gsf_xml_out_add_cstr_unchecked (xml, "draw:text-style-name",
                                  para_styles[PARA_WATERMARK].name[master == MASTER_BILINGUAL ? w->langs[0] : (PolisiLang) master]);
  g_ascii_formatd (size, sizeof size, "%.2fcm", width);
  gsf_xml_out_add_cstr_unchecked (xml, "svg:width", size);
  g_ascii_formatd (size, sizeof size, "%.2fcm", height);
  gsf_xml_out_add_cstr_unchecked (xml, "svg:height", size);
  gsf_xml_out_add_cstr_unchecked (xml, "draw:transform", transform);

  for (guint i = 0; i < w->n_langs; i++)
    {
      PolisiLang lang = w->langs[i];

      if (master != MASTER_BILINGUAL && (PolisiLang) master != lang)
        continue;
      gsf_xml_out_start_element (xml, "text:p");
      gsf_xml_out_add_cstr_unchecked (xml, "text:style-name", para_styles[PARA_WATERMARK].name[lang]);
      gsf_xml_out_add_cstr (xml, NULL, polisi_document_get_watermark (w->document, lang));
      gsf_xml_out_end_element (xml);
    }

  /* The geometry of the fontwork-plain-text preset: the text stretched
   * over the whole shape. */
  polisi_xml_out_start (xml, "draw:enhanced-geometry",
                 "svg:viewBox", "0 0 21600 21600",
                 "draw:text-areas", "0 0 21600 21600",
                 "draw:text-path-allowed", "true",
                 "draw:text-path", "true",
                 "draw:text-path-mode", "shape",
                 "draw:text-path-scale", "path",
                 "draw:text-path-same-letter-heights", "false",
                 "draw:type", "fontwork-plain-text",
                 "draw:modifiers", "10800",
                 "draw:enhanced-path", "M ?f3 0 L ?f5 0 N M ?f6 21600 L ?f7 21600 N",
                 NULL);
  for (guint i = 0; i < G_N_ELEMENTS (equations); i++)
    polisi_xml_out_element (xml, "draw:equation",
                    "draw:name", equations[i][0],
                    "draw:formula", equations[i][1],
                    NULL);
  polisi_xml_out_element (xml, "draw:handle",
                  "draw:handle-position", "$0 21600",
                  "draw:handle-range-x-minimum", "6629",
                  "draw:handle-range-x-maximum", "14971",
                  NULL);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
}

/* Text of the footer, in a span of @span_style (a language of its own)
 * when given: the schema allows no page fields inside a span there. */
static void
write_footer_text (GsfXMLOut  *xml,
                   const char *text,
                   const char *span_style)
{
  if (text[0] == '\0')
    return;
  if (span_style != NULL)
    {
      gsf_xml_out_start_element (xml, "text:span");
      gsf_xml_out_add_cstr_unchecked (xml, "text:style-name", span_style);
    }
  gsf_xml_out_add_cstr (xml, NULL, text);
  if (span_style != NULL)
    gsf_xml_out_end_element (xml);
}

static void
write_page_number_line (GsfXMLOut  *xml,
                        PolisiLang  lang,
                        const char *span_style)
{
  /* "Tudalen %s o %s": the two fields in the term's own order. */
  const char *format = polisi_export_term (POLISI_TERM_PAGE_X_OF_Y, lang);
  const char *first = strstr (format, "%s");
  const char *second = first != NULL ? strstr (first + 2, "%s") : NULL;
  g_autofree char *before = NULL;
  g_autofree char *between = NULL;

  g_return_if_fail (first != NULL && second != NULL);

  before = g_strndup (format, first - format);
  between = g_strndup (first + 2, second - first - 2);

  write_footer_text (xml, before, span_style);
  polisi_xml_out_start (xml, "text:page-number", "text:select-page", "current", NULL);
  gsf_xml_out_add_cstr_unchecked (xml, NULL, "1");
  gsf_xml_out_end_element (xml);
  write_footer_text (xml, between, span_style);
  gsf_xml_out_start_element (xml, "text:page-count");
  gsf_xml_out_add_cstr_unchecked (xml, NULL, "1");
  gsf_xml_out_end_element (xml);
  write_footer_text (xml, second + 2, span_style);
}

static void
write_header_lines (OdtWriter  *w,
                    GsfXMLOut  *xml,
                    PolisiLang  lang,
                    guint       watermark_master)
{
  const char *organisation = polisi_document_get_organisation (w->document, lang);
  const char *title = polisi_document_get_title (w->document, lang);
  g_autofree char *first = NULL;
  g_autofree char *second = g_strdup_printf ("%s %s · %s",
                                             polisi_export_term (POLISI_TERM_VERSION, lang),
                                             polisi_document_get_version (w->document),
                                             polisi_document_get_status_text (w->document, lang));

  first = organisation != NULL && organisation[0] != '\0' ?
          g_strdup_printf ("%s · %s", organisation, title) : g_strdup (title);

  gsf_xml_out_start_element (xml, "text:p");
  gsf_xml_out_add_cstr_unchecked (xml, "text:style-name", header_first_style[lang]);
  if (watermark_master != NO_WATERMARK)
    write_watermark (w, xml, watermark_master, FALSE);
  gsf_xml_out_add_cstr (xml, NULL, first);
  gsf_xml_out_end_element (xml);

  gsf_xml_out_start_element (xml, "text:p");
  gsf_xml_out_add_cstr_unchecked (xml, "text:style-name", para_styles[PARA_HEADER].name[lang]);
  gsf_xml_out_add_cstr (xml, NULL, second);
  /* a consultation draft's closing date: after the status, or on a line
   * of its own when it does not fit there, as in the PDF */
  if (polisi_document_get_closing_text (w->document, lang) != NULL)
    {
      g_autofree char *closing = g_strdup_printf ("%s: %s", polisi_export_term (POLISI_TERM_CLOSING_DATE, lang),
                                                  polisi_document_get_closing_text (w->document, lang));

      if (polisi_page_layout_get_header_n_lines (w->layout, lang) == 2)
        {
          gsf_xml_out_add_cstr_unchecked (xml, NULL, " · ");
          gsf_xml_out_add_cstr (xml, NULL, closing);
        }
      else
        {
          gsf_xml_out_end_element (xml);
          gsf_xml_out_start_element (xml, "text:p");
          gsf_xml_out_add_cstr_unchecked (xml, "text:style-name", para_styles[PARA_HEADER].name[lang]);
          gsf_xml_out_add_cstr (xml, NULL, closing);
        }
    }
  gsf_xml_out_end_element (xml);
}

/* The master page of one language, or of both side by side; with @title,
 * the master page of a part's first page: no running header (the header
 * holds only the draft watermark), then the part's own master page. */
static void
write_master_page (OdtWriter *w,
                   GsfXMLOut *xml,
                   guint      master,
                   gboolean   title)
{
  gboolean watermark = polisi_document_get_watermark (w->document, w->langs[0]) != NULL;
  /* back to back, the second language starts on a right-hand page */
  gboolean recto = title && is_sequential (w) && master == w->langs[1];

  polisi_xml_out_start (xml, "style:master-page",
                 "style:name", title ? title_master_name[master] : master_page_name[master],
                 "style:display-name", title ? title_master_display[master] : master_page_display[master],
                 "style:page-layout-name", !title ? "Polisi_page" : recto ? "Polisi_title_page_right" : "Polisi_title_page",
                 NULL);
  if (title)
    {
      gsf_xml_out_add_cstr_unchecked (xml, "style:next-style-name", master_page_name[master]);
      gsf_xml_out_start_element (xml, "style:header");
      gsf_xml_out_start_element (xml, "text:p");
      gsf_xml_out_add_cstr_unchecked (xml, "text:style-name",
                                      header_title_style[master == MASTER_BILINGUAL ? w->langs[0] : (PolisiLang) master]);
      if (watermark)
        write_watermark (w, xml, master, TRUE);
      gsf_xml_out_end_element (xml);
      gsf_xml_out_end_element (xml);
    }
  else
    {
  gsf_xml_out_start_element (xml, "style:header");
  if (master != MASTER_BILINGUAL)
    write_header_lines (w, xml, master, watermark ? master : NO_WATERMARK);
  else
    {
      /* Both languages side by side, as in the body. */
      polisi_xml_out_start (xml, "table:table",
                     "table:name", "Header_table",
                     "table:style-name", "HeaderTable",
                     NULL);
      polisi_xml_out_element (xml, "table:table-column",
                      "table:style-name", "HeaderTable.A",
                      "table:number-columns-repeated", "2",
                      NULL);
      gsf_xml_out_start_element (xml, "table:table-row");
      for (guint c = 0; c < w->n_langs; c++)
        {
          polisi_xml_out_start (xml, "table:table-cell",
                         "table:style-name", c == 0 ? "HeaderTable.L" : "HeaderTable.R",
                         "office:value-type", "string",
                         NULL);
          write_header_lines (w, xml, w->langs[c], watermark && c == 0 ? master : NO_WATERMARK);
          gsf_xml_out_end_element (xml);
        }
      gsf_xml_out_end_element (xml);
      gsf_xml_out_end_element (xml);
    }
  gsf_xml_out_end_element (xml);
    }

  /* one line, "Tudalen 3 o 12 / Page 3 of 12", as in the PDF */
  gsf_xml_out_start_element (xml, "style:footer");
  gsf_xml_out_start_element (xml, "text:p");
  gsf_xml_out_add_cstr_unchecked (xml, "text:style-name",
                                  para_styles[PARA_FOOTER].name[master == MASTER_BILINGUAL ? w->langs[0] : (PolisiLang) master]);
  for (guint i = 0, n = 0; i < w->n_langs; i++)
    {
      PolisiLang lang = w->langs[i];

      if (master != MASTER_BILINGUAL && (PolisiLang) master != lang)
        continue;
      if (n++ > 0)
        gsf_xml_out_add_cstr_unchecked (xml, NULL, " / ");
      write_page_number_line (xml, lang, lang != w->langs[0] && master == MASTER_BILINGUAL ?
                                         own_language_style[lang] : NULL);
    }
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);

  gsf_xml_out_end_element (xml);
}

/* A4 with the margins of every page; @title: a title page, whose header
 * holds no running header but takes the same room, so that the text
 * starts where it does on the other pages; @recto: it is always a
 * right-hand page (LibreOffice leaves the page before it blank when
 * needed). */
static void
write_page_layout (OdtWriter  *w,
                   GsfXMLOut  *xml,
                   const char *name,
                   gboolean    title,
                   gboolean    recto)
{
  /* the PDF's page: its header lines where the PDF draws them, the rule
   * 56 pt down, the text from 70 pt whether the header has two lines or
   * three (more only push it down); in parallel columns, whose rows
   * LibreOffice splits without widow control (HACKING.md), the text's
   * foot a little lower */
  gboolean columns = w->options->layout == POLISI_LAYOUT_COLUMNS;

  polisi_xml_out_start (xml, "style:page-layout", "style:name", name, NULL);
  if (recto)
    gsf_xml_out_add_cstr_unchecked (xml, "style:page-usage", "right");
  polisi_xml_out_element (xml, "style:page-layout-properties",
                  "fo:page-width", "21.001cm",
                  "fo:page-height", "29.7cm",
                  "style:print-orientation", "portrait",
                  "style:num-format", "1",
                  /* the PDF's: the text from about 70 pt (the running header,
                   * two to four lines, above it) to 64 pt above the bottom
                   * edge, the footer below it */
                  "fo:margin-top", "15.56pt",
                  "fo:margin-bottom", "0.9cm",
                  "fo:margin-left", "2cm",
                  "fo:margin-right", "2cm",
                  "style:writing-mode", "lr-tb",
                  NULL);
  gsf_xml_out_start_element (xml, "style:header-style");
  if (title)
    polisi_xml_out_element (xml, "style:header-footer-properties",
                    /* the title from 70 pt down, as on the PDF's title page */
                    "fo:min-height", "51.1pt",
                    "fo:margin-bottom", "0cm",
                    "style:dynamic-spacing", "false",
                    NULL);
  else
    polisi_xml_out_element (xml, "style:header-footer-properties",
                    /* three lines of 11 pt, the padding, the rule and the gap */
                    "fo:min-height", "52.3pt",
                    "fo:margin-bottom", "11.35pt",
                    "fo:padding-bottom", "7.44pt",
                    "fo:border-bottom", "0.5pt solid #7f7f7f",
                    "style:dynamic-spacing", "false",
                    NULL);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_start_element (xml, "style:footer-style");
  polisi_xml_out_element (xml, "style:header-footer-properties",
                  "fo:min-height", "0cm",
                  "fo:margin-top", columns ? "1cm" : TEXT_FOOT_SPACE,
                  "style:dynamic-spacing", "false",
                  NULL);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
}

static void
write_styles_automatic (OdtWriter *w,
                        GsfXMLOut *xml)
{
  gsf_xml_out_start_element (xml, "office:automatic-styles");

  write_page_layout (w, xml, "Polisi_page", FALSE, FALSE);
  write_page_layout (w, xml, "Polisi_title_page", TRUE, FALSE);
  if (is_sequential (w))
    write_page_layout (w, xml, "Polisi_title_page_right", TRUE, TRUE);

  /* the second language of the footer's line */
  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      start_style (xml, own_language_style[lang], NULL, "text", NULL);
      gsf_xml_out_start_element (xml, "style:text-properties");
      add_language (xml, lang);
      gsf_xml_out_end_element (xml);
      gsf_xml_out_end_element (xml);
    }

  /* The header's first line in the PDF's size: a little smaller when it is
   * a little too long for its column, so that it stays on one line
   * (rounded down to a tenth of a point; the column is a little wider than
   * the PDF's) and the text starts where the PDF's does. A header of two
   * lines starts one line lower than one of three, as in the PDF (the
   * lines of a page's languages side by side start level). */
  for (guint i = 0; i < w->n_langs; i++)
    {
      double size = polisi_page_layout_get_header_size (w->layout, w->langs[i]);
      guint n_lines = polisi_page_layout_get_header_n_lines (w->layout, w->langs[i]);
      char value[G_ASCII_DTOSTR_BUF_SIZE];

      if (w->options->layout == POLISI_LAYOUT_COLUMNS)
        for (guint j = 0; j < w->n_langs; j++)
          n_lines = MAX (n_lines, polisi_page_layout_get_header_n_lines (w->layout, w->langs[j]));
      start_style (xml, header_first_style[w->langs[i]], NULL, "paragraph", "Header");
      polisi_xml_out_element (xml, "style:paragraph-properties",
                              "fo:margin-top", n_lines == 2 ? HEADER_LINE : "0cm", NULL);
      g_ascii_formatd (value, sizeof value, "%.1fpt", size < 7.5 ? floor (size * 10) / 10 : 7.5);
      polisi_xml_out_start (xml, "style:text-properties", "fo:font-size", value, NULL);
      add_language (xml, w->langs[i]);
      gsf_xml_out_end_element (xml);
      gsf_xml_out_end_element (xml);
    }

  /* the title page's header: the watermark's anchor alone */
  for (guint i = 0; i < w->n_langs; i++)
    {
      start_style (xml, header_title_style[w->langs[i]], NULL, "paragraph", "Header");
      polisi_xml_out_element (xml, "style:paragraph-properties",
                              "fo:margin-top", "0cm", "fo:margin-bottom", "0cm", "fo:line-height", "0.05cm", NULL);
      polisi_xml_out_start (xml, "style:text-properties", "fo:font-size", "1pt", NULL);
      add_language (xml, w->langs[i]);
      gsf_xml_out_end_element (xml);
      gsf_xml_out_end_element (xml);
    }

  for (guint i = 0; i < w->n_langs; i++)
    {
      write_para_auto_style (xml, para_styles[PARA_HEADER].name[w->langs[i]], PARA_HEADER, w->langs[i], NULL);
      write_para_auto_style (xml, para_styles[PARA_FOOTER].name[w->langs[i]], PARA_FOOTER, w->langs[i], NULL);
      write_para_auto_style (xml, para_styles[PARA_WATERMARK].name[w->langs[i]], PARA_WATERMARK, w->langs[i], NULL);
    }

  /* The watermark: light grey, behind the text, placed on the page
   * whatever the header holds. */
  start_style (xml, "Watermark_graphic", NULL, "graphic", NULL);
  polisi_xml_out_element (xml, "style:graphic-properties",
                  "draw:stroke", "none",
                  "draw:fill", "solid",
                  "draw:fill-color", "#bfbfbf",
                  "draw:opacity", "55%",
                  "draw:textarea-horizontal-align", "center",
                  "draw:textarea-vertical-align", "middle",
                  "draw:auto-grow-height", "false",
                  "draw:auto-grow-width", "false",
                  "fo:min-height", "0cm",
                  "style:wrap", "run-through",
                  "style:run-through", "background",
                  "style:number-wrapped-paragraphs", "no-limit",
                  "style:vertical-pos", "from-top",
                  "style:vertical-rel", "page",
                  "style:horizontal-pos", "from-left",
                  "style:horizontal-rel", "page",
                  "style:flow-with-text", "false",
                  NULL);
  polisi_xml_out_element (xml, "style:text-properties",
                  "style:font-name", FONT_NAME,
                  "fo:font-weight", "bold",
                  "fo:color", "#bfbfbf",
                  NULL);
  gsf_xml_out_end_element (xml);

  if (w->n_langs > 1)
    {
      start_style (xml, "HeaderTable", NULL, "table", NULL);
      polisi_xml_out_element (xml, "style:table-properties",
                      "style:width", "17cm",
                      "table:align", "margins",
                      NULL);
      gsf_xml_out_end_element (xml);
      start_style (xml, "HeaderTable.A", NULL, "table-column", NULL);
      polisi_xml_out_element (xml, "style:table-column-properties",
                      "style:column-width", "8.5cm",
                      "style:rel-column-width", "32767*",
                      NULL);
      gsf_xml_out_end_element (xml);
      start_style (xml, "HeaderTable.L", NULL, "table-cell", NULL);
      polisi_xml_out_element (xml, "style:table-cell-properties",
                      "fo:padding-left", "0cm",
                      "fo:padding-right", "0.35cm",
                      "fo:padding-top", "0cm",
                      "fo:padding-bottom", "0cm",
                      "fo:border", "none",
                      NULL);
      gsf_xml_out_end_element (xml);
      start_style (xml, "HeaderTable.R", NULL, "table-cell", NULL);
      polisi_xml_out_element (xml, "style:table-cell-properties",
                      "fo:padding-left", "0.35cm",
                      "fo:padding-right", "0cm",
                      "fo:padding-top", "0cm",
                      "fo:padding-bottom", "0cm",
                      "fo:border", "none",
                      NULL);
      gsf_xml_out_end_element (xml);
    }

  gsf_xml_out_end_element (xml);
}

static void
write_styles_xml (OdtWriter *w,
                  GsfXMLOut *xml)
{
  gsf_xml_out_start_element (xml, "office:document-styles");
  add_namespaces (xml);

  write_font_faces (xml);
  write_office_styles (w, xml);
  write_styles_automatic (w, xml);

  gsf_xml_out_start_element (xml, "office:master-styles");
  for (guint title = 0; title < 2; title++)
    if (w->options->layout == POLISI_LAYOUT_COLUMNS)
      write_master_page (w, xml, MASTER_BILINGUAL, title);
    else
      for (guint i = 0; i < w->n_langs; i++)
        write_master_page (w, xml, w->langs[i], title);
  gsf_xml_out_end_element (xml);

  gsf_xml_out_end_element (xml);
}

/* ------------------------------------------------------------------ */
/* content.xml                                                          */
/* ------------------------------------------------------------------ */

/* The widths of a data table's columns (polisi_block_get_column_widths()).
 * A character of 10.5 pt Liberation Sans is about 0.21 cm wide. */
static void
write_data_table_column_styles (OdtWriter   *w,
                                GsfXMLOut   *xml,
                                PolisiBlock *block,
                                guint        index)
{
  const double char_cm = 0.21;
  const double padding_cm = 0.45;
  g_autofree double *widths = g_new0 (double, block->n_columns);

  polisi_block_get_column_widths (block, w->langs, w->n_langs, TEXT_WIDTH_CM / char_cm, padding_cm / char_cm, widths);
  for (guint c = 0; c < block->n_columns; c++)
    widths[c] *= char_cm;

  for (guint c = 0; c < block->n_columns; c++)
    {
      char name[48];
      char width[G_ASCII_DTOSTR_BUF_SIZE];
      char rel[32];

      g_snprintf (name, sizeof name, "DataTable%u.C%u", index, c);
      g_ascii_formatd (width, sizeof width, "%.3fcm", widths[c]);
      g_snprintf (rel, sizeof rel, "%u*", (guint) (1000 * widths[c] + 0.5));
      start_style (xml, name, NULL, "table-column", NULL);
      polisi_xml_out_element (xml, "style:table-column-properties",
                      "style:column-width", width,
                      "style:rel-column-width", rel,
                      NULL);
      gsf_xml_out_end_element (xml);
    }
}

/* A paragraph that introduces a list, kept with it (keep_style()). */
static void
write_keep_style (GsfXMLOut  *xml,
                  ParaKind    kind,
                  PolisiLang  lang)
{
  g_autofree char *name = keep_style (kind, lang);

  start_style (xml, name, NULL, "paragraph", para_styles[kind].parent);
  polisi_xml_out_element (xml, "style:paragraph-properties", "fo:keep-with-next", "always", NULL);
  gsf_xml_out_start_element (xml, "style:text-properties");
  add_language (xml, lang);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
}

/* The last paragraph of a clause: the space below a paragraph (or a list
 * item) of its kind and the PDF's space between two clauses. */
static void
write_block_end_style (GsfXMLOut  *xml,
                       ParaKind    kind,
                       PolisiLang  lang,
                       guint       lines,
                       gboolean    end)
{
  g_autofree char *name = block_end_style (kind, lang, lines, end);
  char space[G_ASCII_DTOSTR_BUF_SIZE];
  char height[16];

  g_ascii_formatd (space, sizeof space, "%.1fpt", (kind == PARA_LIST ? 0 : POLISI_EXPORT_PARA_SPACE) + (end ? POLISI_EXPORT_BLOCK_SPACE : 0));
  g_snprintf (height, sizeof height, "%u%%", lines > 0 ? polisi_export_item_line_height (lines) : POLISI_EXPORT_LINE_HEIGHT);
  start_style (xml, name, NULL, "paragraph", para_styles[kind].parent);
  polisi_xml_out_element (xml, "style:paragraph-properties", "fo:margin-bottom", space,
                          lines > 0 ? "fo:line-height" : NULL, height, NULL);
  gsf_xml_out_start_element (xml, "style:text-properties");
  add_language (xml, lang);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
}

static void
write_content_automatic (OdtWriter *w,
                         GsfXMLOut *xml)
{
  guint n_blocks = polisi_document_get_n_blocks (w->document);

  gsf_xml_out_start_element (xml, "office:automatic-styles");

  for (guint i = 0; i < w->n_langs; i++)
    {
      PolisiLang lang = w->langs[i];
      const char *master = w->options->layout == POLISI_LAYOUT_COLUMNS ? NULL : title_master_name[lang];

      for (guint kind = 0; kind < N_PARA_KINDS; kind++)
        if (kind == PARA_HEADING_1 && w->options->layout == POLISI_LAYOUT_COLUMNS)
          write_para_auto_style_full (xml, para_styles[kind].name[lang], language_heading_style[lang], lang, NULL);
        else if (kind != PARA_HEADER && kind != PARA_FOOTER && kind != PARA_WATERMARK)
          write_para_auto_style (xml, para_styles[kind].name[lang], kind, lang, NULL);
      if (w->options->layout != POLISI_LAYOUT_COLUMNS)
        for (guint kind = 0; kind < N_PARA_KINDS; kind++)
          if (has_block_end_style (kind))
            for (guint lines = 0; lines <= (kind == PARA_LIST ? POLISI_EXPORT_ITEM_LINES : 0); lines++)
              for (int end = lines == 0; end <= 1; end++)
                write_block_end_style (xml, kind, lang, lines, end);
      if (w->options->layout != POLISI_LAYOUT_COLUMNS)
        for (guint kind = 0; kind < N_PARA_KINDS; kind++)
          if (has_keep_style (kind))
            write_keep_style (xml, kind, lang);
      write_para_auto_style (xml, first_style_name[0][lang], PARA_ORGANISATION, lang, master);
      write_para_auto_style (xml, first_style_name[1][lang], PARA_TITLE, lang, master);

      /* the empty paragraph after the contents list */
      write_para_auto_style_full (xml, page_break_style[lang], "Polisi_20_Page_20_Break", lang, NULL);

      /* an appendix's heading, on a new page */
      start_style (xml, appendix_style[lang], NULL, "paragraph",
                   para_styles[is_sequential (w) ? PARA_HEADING_2 : PARA_HEADING_1].parent);
      polisi_xml_out_element (xml, "style:paragraph-properties", "fo:break-before", "page", NULL);
      gsf_xml_out_start_element (xml, "style:text-properties");
      add_language (xml, lang);
      gsf_xml_out_end_element (xml);
      gsf_xml_out_end_element (xml);
    }

  /* text in a language of its own (a comment in the other language's
   * comments table) */
  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      start_style (xml, own_language_style[lang], NULL, "text", NULL);
      gsf_xml_out_start_element (xml, "style:text-properties");
      add_language (xml, lang);
      gsf_xml_out_end_element (xml);
      gsf_xml_out_end_element (xml);
    }

  start_style (xml, "Contents_section", NULL, "section", NULL);
  polisi_xml_out_element (xml, "style:section-properties", "style:editable", "false", NULL);
  gsf_xml_out_end_element (xml);

  if (w->options->layout == POLISI_LAYOUT_COLUMNS)
    {
      for (ColumnsTable table = 0; table < N_COLUMNS_TABLES; table++)
        {
          gboolean heading = table == COLUMNS_HEADING || table == COLUMNS_HEADING_PAGE;

          start_style (xml, columns_table_style[table], NULL, "table", NULL);
          if (table == COLUMNS_FIRST)
            gsf_xml_out_add_cstr_unchecked (xml, "style:master-page-name", title_master_name[MASTER_BILINGUAL]);
          /* a heading's table: never split, kept with the next table;
           * with line numbers, their columns in the margins */
          polisi_xml_out_start (xml, "style:table-properties",
                                "style:width", has_numbers_columns (w) ? "19cm" : "17cm",
                                "table:align", "margins",
                                "fo:margin-left", has_numbers_columns (w) ? "-1cm" : "0cm",
                                "fo:margin-right", has_numbers_columns (w) ? "-1cm" : "0cm",
                                "fo:margin-top", "0cm",
                                "fo:margin-bottom", "0cm",
                                "style:may-break-between-rows", heading ? "false" : "true",
                                NULL);
          if (heading)
            gsf_xml_out_add_cstr_unchecked (xml, "fo:keep-with-next", "always");
          if (table == COLUMNS_HEADING_PAGE)
            gsf_xml_out_add_cstr_unchecked (xml, "fo:break-before", "page");
          gsf_xml_out_end_element (xml);
          gsf_xml_out_end_element (xml);
        }
      start_style (xml, "Columns.A", NULL, "table-column", NULL);
      polisi_xml_out_element (xml, "style:table-column-properties",
                      "style:column-width", "8.5cm",
                      "style:rel-column-width", "8500*",
                      NULL);
      gsf_xml_out_end_element (xml);
      if (has_numbers_columns (w))
        {
          static const char *kinds[][3] = {
            { "clause", "Text_20_body", NULL },
            { "list", "List_20_Bullet", NULL },
            { "heading", "Polisi_20_Line_20_Numbers_20_Heading", "heading" },
          };

          start_style (xml, "Columns.N", NULL, "table-column", NULL);
          polisi_xml_out_element (xml, "style:table-column-properties",
                                  "style:column-width", "1cm",
                                  "style:rel-column-width", "1000*",
                                  NULL);
          gsf_xml_out_end_element (xml);
          /* the numbers 8 pt from the text, as in the PDF; the same
           * padding as the text's cell, so that the lines are level */
          for (guint side = 0; side < 2; side++)
            {
              for (CellKind kind = 0; kind < N_CELL_KINDS; kind++)
                {
                  start_style (xml, numbers_cell_style[kind][side], NULL, "table-cell", NULL);
                  polisi_xml_out_element (xml, "style:table-cell-properties",
                                          "fo:padding-left", side == 0 ? "0cm" : "0.28cm",
                                          "fo:padding-right", side == 0 ? "0.28cm" : "0cm",
                                          "fo:padding-top", "0cm",
                                          "fo:padding-bottom", columns_cell_space[kind],
                                          "fo:border", "none",
                                          NULL);
                  gsf_xml_out_end_element (xml);
                }
              for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
                {
                  g_autofree char *name = g_strdup_printf ("Numbers_%s_%s", kinds[k][0], side == 0 ? "L" : "R");

                  start_style (xml, name, NULL, "paragraph", kinds[k][1]);
                  polisi_xml_out_start (xml, "style:paragraph-properties",
                                        "fo:text-align", side == 0 ? "end" : "start",
                                        "fo:margin-left", "0cm",
                                        "fo:margin-right", "0cm",
                                        "fo:text-indent", "0cm",
                                        "text:number-lines", "false",
                                        NULL);
                  gsf_xml_out_end_element (xml);
                  gsf_xml_out_start_element (xml, "style:text-properties");
                  /* the language of the column beside */
                  add_language (xml, w->langs[side]);
                  gsf_xml_out_end_element (xml);
                  gsf_xml_out_end_element (xml);
                }
            }
        }
      start_style (xml, "Columns.row", NULL, "table-row", NULL);
      polisi_xml_out_element (xml, "style:table-row-properties", "fo:keep-together", "auto", NULL);
      gsf_xml_out_end_element (xml);
      start_style (xml, "Columns.heading", NULL, "table-row", NULL);
      polisi_xml_out_element (xml, "style:table-row-properties", "fo:keep-together", "always", NULL);
      gsf_xml_out_end_element (xml);
      if (w->mode == MARK_TRACKED)
        for (guint heading = 0; heading < 2; heading++)
          {
            start_style (xml, heading ? "Columns.heading_tracked" : "Columns.row_tracked", NULL, "table-row", NULL);
            polisi_xml_out_element (xml, "style:table-row-properties",
                                    "fo:keep-together", heading ? "always" : "auto",
                                    "loext:text-changes-only", "false",
                                    NULL);
            gsf_xml_out_end_element (xml);
          }
      /* A clear margin between the languages: padding either side of a
       * thin rule. */
      /* (the text 228.9 pt wide, the PDF's column) */
      /* The PDF's 8 pt between rows is the padding below a row's cells,
       * so that the rule between the languages runs on; none below a
       * heading's row, nor above any row: the text of a row, and of the
       * part of it that goes on to a new page, starts at the top. */
      for (CellKind kind = 0; kind < N_CELL_KINDS; kind++)
        {
          start_style (xml, columns_cell_style[kind][0], NULL, "table-cell", NULL);
          polisi_xml_out_element (xml, "style:table-cell-properties",
                          "fo:padding-left", "0cm",
                          "fo:padding-right", "0.4236cm",
                          "fo:padding-top", "0cm",
                          "fo:padding-bottom", columns_cell_space[kind],
                          "fo:border-left", "none",
                          "fo:border-top", "none",
                          "fo:border-bottom", "none",
                          "fo:border-right", "0.5pt solid #8c8c8c",
                          NULL);
          gsf_xml_out_end_element (xml);
          start_style (xml, columns_cell_style[kind][1], NULL, "table-cell", NULL);
          polisi_xml_out_element (xml, "style:table-cell-properties",
                          "fo:padding-left", "0.4236cm",
                          "fo:padding-right", "0cm",
                          "fo:padding-top", "0cm",
                          "fo:padding-bottom", columns_cell_space[kind],
                          "fo:border", "none",
                          NULL);
          gsf_xml_out_end_element (xml);
        }
    }

  start_style (xml, "DataTable", NULL, "table", NULL);
  polisi_xml_out_element (xml, "style:table-properties",
                  "style:width", "17cm",
                  "table:align", "margins",
                  "fo:margin-top", "0.2cm",
                  "fo:margin-bottom", "0.35cm",
                  "style:may-break-between-rows", "true",
                  NULL);
  gsf_xml_out_end_element (xml);
  if (w->mode == MARK_TRACKED)
    {
      start_style (xml, "DataTable.row_tracked", NULL, "table-row", NULL);
      polisi_xml_out_element (xml, "style:table-row-properties", "loext:text-changes-only", "false", NULL);
      gsf_xml_out_end_element (xml);
    }
  start_style (xml, "DataTable.Cell", NULL, "table-cell", NULL);
  polisi_xml_out_element (xml, "style:table-cell-properties",
                  "fo:padding", "0.1cm",
                  "fo:border", "0.5pt solid #7f7f7f",
                  NULL);
  gsf_xml_out_end_element (xml);
  for (guint i = 0; i < n_blocks; i++)
    {
      PolisiBlock *block = polisi_document_get_block (w->document, i);

      if (block->kind == POLISI_BLOCK_TABLE && block->n_columns > 0)
        write_data_table_column_styles (w, xml, block, i);
    }

  gsf_xml_out_end_element (xml);
}

static void
write_body (OdtWriter *w)
{
  switch (w->options->layout)
    {
    case POLISI_LAYOUT_COLUMNS:
      write_columns (w);
      break;
    case POLISI_LAYOUT_SEQUENTIAL:
    case POLISI_LAYOUT_CY:
    case POLISI_LAYOUT_EN:
    case POLISI_LAYOUT_SEPARATE:
    default:
      for (guint i = 0; i < w->n_langs; i++)
        write_part (w, w->langs[i]);
      break;
    }
}

static void
write_change_info (OdtWriter *w)
{
  gsf_xml_out_start_element (w->xml, "office:change-info");
  gsf_xml_out_simple_element (w->xml, "dc:creator", w->change_author);
  gsf_xml_out_simple_element (w->xml, "dc:date", w->change_date);
  gsf_xml_out_end_element (w->xml);
}

/* The list of changes the first pass found: what each inserted or deleted,
 * who and when. */
static void
write_tracked_changes (OdtWriter *w)
{
  gsf_xml_out_start_element (w->xml, "text:tracked-changes");
  gsf_xml_out_add_cstr_unchecked (w->xml, "text:track-changes", "false");

  for (guint i = 0; i < w->changes->len; i++)
    {
      Change *change = w->changes->pdata[i];
      char name[32];

      g_snprintf (name, sizeof name, "ct%u", change->id);
      gsf_xml_out_start_element (w->xml, "text:changed-region");
      gsf_xml_out_add_cstr_unchecked (w->xml, "xml:id", name);
      gsf_xml_out_add_cstr_unchecked (w->xml, "text:id", name);
      gsf_xml_out_start_element (w->xml, change->kind == POLISI_MARK_INSERTED ? "text:insertion" : "text:deletion");
      write_change_info (w);

      if (change->kind == POLISI_MARK_DELETED)
        {
          w->in_region = TRUE;
          if (change->block != NULL)
            {
              /* a whole block, and the paragraph break after it */
              write_block_content (w, change->block, change->block_index, change->lang);
              if (change->trailing_break)
                {
                  gsf_xml_out_start_element (w->xml, "text:p");
                  gsf_xml_out_add_cstr_unchecked (w->xml, "text:style-name",
                                                  change->next_style != NULL ? change->next_style :
                                                  para_styles[PARA_BODY].name[change->lang]);
                  gsf_xml_out_end_element (w->xml);
                }
            }
          else
            {
              /* deleted text; a deleted paragraph break ends a paragraph */
              g_auto(GStrv) lines = g_strsplit (change->text != NULL ? change->text : "", "\n", -1);

              for (guint l = 0; lines[l] != NULL; l++)
                {
                  start_para (w, change->para_kind, change->lang);
                  /* the old version's no-break spaces are in it already */
                  write_inline_full (w, lines[l], FALSE);
                  end_para (w);
                }
            }
          w->in_region = FALSE;
        }

      gsf_xml_out_end_element (w->xml);
      gsf_xml_out_end_element (w->xml);
    }

  gsf_xml_out_end_element (w->xml);
}

static void
reset_changes (OdtWriter *w)
{
  w->n_changes = 0;
  w->open_insertion = 0;
  w->continue_insertion = FALSE;
  w->chain_ok = FALSE;
  w->in_cell = FALSE;
  w->in_region = FALSE;
  w->block_change = POLISI_CHANGE_NONE;
  w->whole_insertion = FALSE;
  w->n_tables = 0;
  if (w->pending != NULL)
    g_array_set_size (w->pending, 0);
}

static void
write_content_xml (OdtWriter *w,
                   GsfXMLOut *xml)
{
  w->xml = xml;

  gsf_xml_out_start_element (xml, "office:document-content");
  add_namespaces (xml);
  write_font_faces (xml);
  write_content_automatic (w, xml);

  gsf_xml_out_start_element (xml, "office:body");
  gsf_xml_out_start_element (xml, "office:text");

  if (w->mode == MARK_TRACKED)
    {
      /* The list of changes comes first: find them by writing the body
       * once to nowhere. */
      GsfOutput *nowhere = gsf_output_memory_new ();
      GsfXMLOut *scratch = gsf_xml_out_new (nowhere);

      w->xml = scratch;
      w->collecting = TRUE;
      reset_changes (w);
      gsf_xml_out_start_element (scratch, "office:text");
      write_body (w);
      gsf_xml_out_end_element (scratch);
      w->collecting = FALSE;
      g_object_unref (scratch);
      gsf_output_close (nowhere);
      g_object_unref (nowhere);

      w->xml = xml;
      reset_changes (w);
      if (w->changes->len > 0)
        write_tracked_changes (w);
      reset_changes (w);
    }

  write_body (w);

  gsf_xml_out_end_element (xml); /* office:text */
  gsf_xml_out_end_element (xml); /* office:body */
  gsf_xml_out_end_element (xml); /* office:document-content */

  w->xml = NULL;
}

/* ------------------------------------------------------------------ */
/* meta.xml and the manifest                                            */
/* ------------------------------------------------------------------ */

/* An ISO 8601 date-time from "2026-11-21" or a full date-time; NULL when
 * @iso is neither. Written in the C locale. */
static char *
meta_date_time (const char *iso)
{
  g_autoptr(GDateTime) date_time = NULL;
  GDate date;

  if (iso == NULL)
    return NULL;
  if (polisi_date_parse_iso (iso, &date))
    return g_strdup_printf ("%04u-%02u-%02uT00:00:00",
                            (guint) g_date_get_year (&date),
                            (guint) g_date_get_month (&date),
                            (guint) g_date_get_day (&date));

  date_time = g_date_time_new_from_iso8601 (iso, NULL);
  if (date_time == NULL)
    return NULL;
  return g_date_time_format (date_time, "%Y-%m-%dT%H:%M:%S");
}

static void
write_joined (OdtWriter  *w,
              GsfXMLOut  *xml,
              const char *element,
              const char *(*get) (PolisiDocument *, PolisiLang))
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < w->n_langs; i++)
    {
      const char *value = get (w->document, w->langs[i]);

      if (value == NULL || value[0] == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, " / ");
      g_string_append (text, value);
    }
  if (text->len > 0)
    gsf_xml_out_simple_element (xml, element, text->str);
}

static void
write_meta_xml (OdtWriter *w,
                GsfXMLOut *xml)
{
  g_autoptr(GPtrArray) keywords = NULL;
  g_autofree char *created = meta_date_time (polisi_document_get_created_iso (w->document));
  g_autofree char *date = meta_date_time (polisi_document_get_date_iso (w->document));

  gsf_xml_out_start_element (xml, "office:document-meta");
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0");
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0");
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:xlink", "http://www.w3.org/1999/xlink");
  gsf_xml_out_add_cstr_unchecked (xml, "office:version", ODF_VERSION);
  gsf_xml_out_start_element (xml, "office:meta");

  gsf_xml_out_simple_element (xml, "meta:generator", "Polisi/" PACKAGE_VERSION);
  write_joined (w, xml, "dc:title", polisi_document_get_title);
  write_joined (w, xml, "dc:subject", polisi_document_get_subject);

  keywords = polisi_export_list_keywords (w->document, w->langs, w->n_langs);
  for (guint k = 0; k < keywords->len; k++)
    gsf_xml_out_simple_element (xml, "meta:keyword", keywords->pdata[k]);

  gsf_xml_out_simple_element (xml, "dc:language", polisi_lang_to_tag (w->langs[0]));
  if (created != NULL || date != NULL)
    gsf_xml_out_simple_element (xml, "meta:creation-date", created != NULL ? created : date);
  if (date != NULL)
    gsf_xml_out_simple_element (xml, "dc:date", date);

  /* the policy's identity and version, checked when the draft comes back */
  if (polisi_document_get_policy_uid (w->document) != NULL)
    {
      gsf_xml_out_start_element (xml, "meta:user-defined");
      gsf_xml_out_add_cstr_unchecked (xml, "meta:name", "PolisiPolicyId");
      gsf_xml_out_add_cstr (xml, NULL, polisi_document_get_policy_uid (w->document));
      gsf_xml_out_end_element (xml);
    }
  if (polisi_document_get_version (w->document) != NULL)
    {
      gsf_xml_out_start_element (xml, "meta:user-defined");
      gsf_xml_out_add_cstr_unchecked (xml, "meta:name", "PolisiVersion");
      gsf_xml_out_add_cstr (xml, NULL, polisi_document_get_version (w->document));
      gsf_xml_out_end_element (xml);
    }

  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
}

static const char *package_parts[][2] = {
  { "content.xml", "text/xml" },
  { "styles.xml", "text/xml" },
  { "meta.xml", "text/xml" },
};

static void
write_manifest_xml (OdtWriter *w,
                    GsfXMLOut *xml)
{
  gsf_xml_out_start_element (xml, "manifest:manifest");
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0");
  gsf_xml_out_add_cstr_unchecked (xml, "manifest:version", ODF_VERSION);
  polisi_xml_out_element (xml, "manifest:file-entry",
                  "manifest:full-path", "/",
                  "manifest:version", ODF_VERSION,
                  "manifest:media-type", ODT_MIME_TYPE,
                  NULL);
  for (guint i = 0; i < G_N_ELEMENTS (package_parts); i++)
    polisi_xml_out_element (xml, "manifest:file-entry",
                    "manifest:full-path", package_parts[i][0],
                    "manifest:media-type", package_parts[i][1],
                    NULL);
  gsf_xml_out_end_element (xml);
}

/* ------------------------------------------------------------------ */
/* The package                                                          */
/* ------------------------------------------------------------------ */

typedef void (*PartWriter) (OdtWriter *w,
                            GsfXMLOut *xml);

/* Adds one member to the package in one write. */
static gboolean
add_member (GsfOutfile  *parent,
            const char  *name,
            const void  *data,
            gsize        size,
            gboolean     stored,
            GError     **error)
{
  GsfOutput *member;
  gboolean ok;

  if (stored)
    member = gsf_outfile_new_child_full (parent, name, FALSE, "compression-level", GSF_ZIP_STORED, NULL);
  else
    /* zlib's fastest level: deflate is most of the time an export takes,
     * and level 1 halves it for a package a fifth larger (some 60 kB for
     * the whole library in columns). */
    member = gsf_outfile_new_child_full (parent, name, FALSE, "deflate-level", 1, NULL);
  if (member == NULL)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_FAILED,
                   "Could not add %s to the ODT package", name);
      return FALSE;
    }

  ok = gsf_output_write (member, size, data);
  ok = gsf_output_close (member) && ok;
  if (!ok)
    {
      const GError *cause = gsf_output_error (member);

      g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO,
                   "Could not write %s into the ODT package: %s",
                   name, cause != NULL ? cause->message : "the zip writer failed");
    }
  g_object_unref (member);

  return ok;
}

/* Writes one XML part to memory with GsfXMLOut, then adds it. */
static gboolean
add_xml_member (OdtWriter   *w,
                GsfOutfile  *parent,
                const char  *name,
                PartWriter   writer,
                gboolean     pretty,
                GError     **error)
{
  GsfOutput *memory = gsf_output_memory_new ();
  GsfXMLOut *xml = gsf_xml_out_new (memory);
  gboolean ok;

  /* Mixed content: indentation inside a paragraph would be read as
   * spaces, so the text parts are written without it. */
  gsf_xml_out_set_pretty_print (xml, pretty);
  writer (w, xml);
  g_object_unref (xml);

  ok = gsf_output_close (memory) && gsf_output_error (memory) == NULL;
  if (!ok)
    g_set_error (error, POLISI_ERROR, POLISI_ERROR_FAILED,
                 "Could not build %s for the ODT package", name);
  else
    ok = add_member (parent, name,
                     gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (memory)),
                     gsf_output_size (memory), FALSE, error);
  g_object_unref (memory);

  return ok;
}

/**
 * polisi_odt_write:
 * @document: the document to write
 * @options: the layout; not %POLISI_LAYOUT_SEPARATE (write two files, one
 *   %POLISI_LAYOUT_CY and one %POLISI_LAYOUT_EN, each naming the other)
 *
 * Writes @document as an OpenDocument text package (ODF 1.3), in memory.
 *
 * Returns: (transfer full) (nullable): the package, or %NULL with @error set
 */
GBytes *
polisi_odt_write (PolisiDocument            *document,
                  const PolisiExportOptions *options,
                  GError                   **error)
{
  static const char mimetype[] = ODT_MIME_TYPE;
  g_autoptr(GString) scratch = g_string_sized_new (256);
  OdtWriter writer = { 0 };
  GsfOutput *sink = NULL;
  GsfOutfile *zip = NULL;
  GsfOutfile *meta_inf = NULL;
  GBytes *bytes = NULL;
  const guint8 *data;
  gsize size;

  g_return_val_if_fail (POLISI_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->layout != POLISI_LAYOUT_SEPARATE, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  writer.document = document;
  writer.options = options;
  writer.n_langs = polisi_export_get_languages (options, writer.langs);
  writer.scratch = scratch;
  writer.mode = options->tracked_changes ? MARK_TRACKED : MARK_VISUAL;
  writer.changes = g_ptr_array_new_with_free_func (change_free);
  writer.layout = polisi_page_layout_new (document, options);
  polisi_page_layout_paginate (writer.layout);
  if (options->layout == POLISI_LAYOUT_COLUMNS && polisi_document_get_line_numbers (document) &&
      !options->tracked_changes)
    writer.line_numbers = polisi_export_collect_line_numbers (writer.layout);
  writer.change_author = g_strdup (options->change_author != NULL && options->change_author[0] != '\0' ?
                                   options->change_author : "Polisi");
  if (options->change_date != NULL)
    writer.change_date = g_strdup (options->change_date);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      writer.change_date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");
    }

  sink = gsf_output_memory_new ();
  /* No zip64 extra fields: the package is small, and some ODF readers
   * look only at plain zip headers. */
  zip = g_object_new (GSF_OUTFILE_ZIP_TYPE, "sink", sink, "zip64", FALSE, NULL);

  /* The mimetype comes first, stored, so that the type can be read at a
   * fixed offset. */
  if (!add_member (zip, "mimetype", mimetype, strlen (mimetype), TRUE, error) ||
      !add_xml_member (&writer, zip, "content.xml", write_content_xml, FALSE, error) ||
      !add_xml_member (&writer, zip, "styles.xml", write_styles_xml, FALSE, error) ||
      !add_xml_member (&writer, zip, "meta.xml", write_meta_xml, TRUE, error))
    goto out;

  meta_inf = GSF_OUTFILE (gsf_outfile_new_child (zip, "META-INF", TRUE));
  if (meta_inf == NULL)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_FAILED, "Could not add META-INF to the ODT package");
      goto out;
    }
  if (!add_xml_member (&writer, meta_inf, "manifest.xml", write_manifest_xml, TRUE, error))
    goto out;

  /* libgsf reports nothing when closing fails unless asked. */
  if (!gsf_output_close (GSF_OUTPUT (meta_inf)) ||
      !gsf_output_close (GSF_OUTPUT (zip)) ||
      gsf_output_error (GSF_OUTPUT (zip)) != NULL ||
      !gsf_output_close (sink) ||
      gsf_output_error (sink) != NULL)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO, "Could not finish the ODT package");
      goto out;
    }

  /* gsf_output_memory_steal_bytes() is declared but not exported by
   * libgsf 1.14.50: copy the package once. */
  size = gsf_output_size (sink);
  data = gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink));
  if (data == NULL || size == 0)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_FAILED, "The ODT package came out empty");
      goto out;
    }
  bytes = g_bytes_new (data, size);

out:
  g_clear_object (&meta_inf);
  g_clear_object (&zip);
  g_clear_object (&sink);
  g_clear_pointer (&writer.changes, g_ptr_array_unref);
  g_clear_object (&writer.layout);
  g_clear_pointer (&writer.line_numbers, g_hash_table_unref);
  g_clear_pointer (&writer.pending, g_array_unref);
  g_free (writer.change_author);
  g_free (writer.change_date);
  return bytes;
}
