/* polisi-docx.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Word writer: WordprocessingML, ISO/IEC 29500 transitional. The
 * package is built in memory with libgsf's Open Packaging writer
 * (GsfOutfileOpenPkg over a GsfOutfileZip), which writes the relationships
 * and [Content_Types].xml; every XML part is written with GsfXMLOut, so no
 * text is ever escaped by hand. Each part goes to memory first and is then
 * copied into the package in one write, so that a failure is noticed.
 *
 * The document is the PDF's (polisi-page-layout.c): the same fonts, sizes
 * and spacing, the title block and the contents list on their own pages,
 * headers and footers ("Tudalen 3 o 12 / Page 3 of 12", with PAGE and
 * NUMPAGES fields), and on drafts the watermark as Word makes one: a VML
 * text-path shape named PowerPlusWaterMarkObject in the header.
 *
 *   - Named styles: Title, Heading 1 (and below it "Heading 1 Cymraeg" and
 *     "Heading 1 English", which each language's headings use, so that each
 *     contents list gathers its own language), Clause, Clause continued,
 *     List Bullet, Table Heading, Table Contents, TOC Heading, TOC 1,
 *     Header, Footer. Every run carries w:lang cy-GB or en-GB.
 *   - Clause numbers are plain text ("3.2", a tab, the text, on a hanging
 *     indent), not Word numbering. The numbers come from the document: they
 *     are the ones the PDF, the ODT and the comments table show and that
 *     reviewers cite. Word numbering would renumber the clauses as soon as
 *     a reviewer deleted or added one, and every comment citing "3.2" would
 *     then point at another clause. Plain text stays right in every reader.
 *   - Each language's contents list is a TOC field (\t "Heading 1
 *     Cymraeg,1") whose cached result is already filled in, with the page
 *     numbers of Polisi's own page layout: Word and LibreOffice show them
 *     as soon as the file is opened; updating the field in Word keeps the
 *     list to its language. (In parallel columns the lists are in a table
 *     cell, where LibreOffice keeps no field: the same entries, without
 *     the field.)
 *   - Each clause's text sits in a bookmark named
 *     polisi_anchor_name() (26 characters, which Word keeps), so
 *     that comments on a returned DOCX find their clause.
 *   - Parallel columns are one borderless table, Welsh on the left, one row
 *     per block; a heading's row cannot split and keeps with the next row.
 *     A data table does not fit half the width: it is written at full
 *     width, once per language, between two parts of the column table.
 *   - Data tables repeat their header row; the comments table is captioned
 *     with its block id, "comments-table".
 *   - The marks of a comparison are drawn (character styles "Inserted
 *     text" and "Deleted text") or, with tracked_changes, written as
 *     w:ins and w:del by the given author at the given date: runs, the
 *     paragraph marks of new and removed paragraphs (a paragraph break
 *     taken out is a deleted paragraph mark), table rows, and the numbers
 *     of clauses and sections renumbered by one taken in or out before
 *     them (the old number deleted, the new one inserted). Accepting all
 *     gives the new text, rejecting all the old.
 *   - Consultation drafts number their lines (w:lnNumType); in parallel
 *     columns, where Word and LibreOffice number no lines, a column of
 *     Polisi's own numbers stands in each margin (write_numbers_cell()).
 *   - Each section's title page has no running header (w:titlePg); back
 *     to back the second language starts on an odd page; an appendix
 *     starts a page.
 *   - docProps: core.xml (title, subject, keywords, language, creator,
 *     dates), app.xml, and custom.xml with PolisiPolicyId and
 *     PolisiVersion.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <gsf/gsf-libxml.h>
#include <gsf/gsf-open-pkg-utils.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-output-memory.h>

#include "polisi-anchor.h"
#include "polisi-dates.h"
#include "polisi-export.h"
#include "polisi-docx.h"
#include "polisi-xml-out.h"
#include "polisi-error.h"
#include "polisi-page-layout.h"

#define FONT_NAME "Liberation Sans"

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_V "urn:schemas-microsoft-com:vml"
#define NS_O "urn:schemas-microsoft-com:office:office"

#define REL_BASE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define CT_WML "application/vnd.openxmlformats-officedocument.wordprocessingml."

/* A4 with the PDF's margins, in twentieths of a point. */
#define PAGE_WIDTH 11906
#define PAGE_HEIGHT 16838
#define MARGIN_X 1134          /* 56.7 pt */
#define MARGIN_TOP 1400        /* 70 pt */
#define MARGIN_BOTTOM 1220     /* 61 pt: in parallel columns, 3 pt below the PDF's text, where
                                * the PDF lets a paragraph pair's row reach (PAIR_FOOT in
                                * polisi-page-layout.c), as the ODT's text does */
#define HEADER_DISTANCE 568     /* the header's first line 30 pt from the top, as the PDF's */
#define FOOTER_DISTANCE 440
#define TEXT_WIDTH (PAGE_WIDTH - 2 * MARGIN_X)
#define GUTTER 480             /* between parallel columns, 24 pt */
#define COLUMN_WIDTH ((TEXT_WIDTH - GUTTER) / 2)
#define NUMBER_INDENT 600      /* the hanging indent of clause numbers, 30 pt */
#define BULLET_INDENT 240      /* 12 pt */
#define CELL_PADDING 80        /* 4 pt */
#define BLOCK_SPACE_AFTER (64 + 160)  /* after a clause in parallel columns: its last paragraph's
                                       * 3.2 pt and the row's 8 pt, as the ODT's */
#define COLUMNS_ITEM_LINE_HEIGHT 128  /* percent: a list item's lines in parallel columns */
/* Outside parallel columns, the lines 130% apart as in the PDF; below a
 * paragraph and a clause, the PDF's space less what the taller last line
 * takes (POLISI_EXPORT_PARA_SPACE and _BLOCK_SPACE, in twips) */
#define PARA_SPACE_FLOW 64
#define BLOCK_SPACE_FLOW (64 + 160)
#define HEADING_SPACE_FLOW 119 /* below a heading of one line, 5.95 pt */
/* Outside parallel columns, the first line where the PDF's is (a line of
 * LibreOffice and Word has its extra height above the letters, Pango's
 * below), and the last no lower: the PDF's last line of a paragraph is
 * shorter, so a paragraph that ends at the foot of a page needs less room
 * there than one that goes on; the margin is the one that puts the
 * example policies' pages where the PDF's are (HACKING.md) */
#define MARGIN_TOP_FLOW 1358     /* 67.9 pt */
#define MARGIN_BOTTOM_FLOW 1360  /* 68 pt */

/* Colours of the PDF. */
#define TEXT_COLOUR "121212"
#define QUIET_COLOUR "404040"
#define INSERTED_COLOUR "1A7F37"
#define DELETED_COLOUR "B42318"

typedef enum {
  MARK_NONE = -1,
  MARK_INS = POLISI_MARK_INSERTED,
  MARK_DEL = POLISI_MARK_DELETED,
} Mark;

typedef struct {
  PolisiDocument            *document;
  const PolisiExportOptions *options;
  PolisiLang                 langs[POLISI_N_LANGS];
  guint                      n_langs;
  GsfXMLOut                 *xml;
  GsfOutfile                *document_part;
  PolisiPageLayout          *layout;
  GHashTable                *links;          /* address -> relationship id */
  /* relationship ids of the headers and footers: [part] (a part is one
   * language back to back, else the whole document) */
  char                      *header_ids[2];
  char                      *footer_ids[2];
  char                      *title_header_ids[2];  /* a part's title page: the watermark alone */
  gboolean                   tracked;
  char                      *change_author;
  char                      *change_date;
  guint                      next_id;        /* bookmarks and changes */
  gboolean                   page_break_pending;
  gboolean                   in_cell;
  PolisiChange               block_change;   /* of the block being written */
  Mark                       whole;          /* every run and mark of a row or block */
  /* Tracked changes: the number each block had in the old version (NULL:
   * none, or a new block), so that a clause renumbered by a clause taken
   * in or out before it gets its old number back when changes are
   * rejected. */
  GPtrArray                 *old_numbers;
  guint                      block_index;    /* of the block being written */
  guint                      n_shapes;       /* watermarks written */
  /* Parallel columns of a consultation draft: the numbers of each
   * paragraph's lines (polisi_export_collect_line_numbers()), or NULL */
  GHashTable                *line_numbers;
  guint                      numbers_side;   /* writing line numbers: 1 left, 2 right; else 0 */
} DocxWriter;

static const char *
lang_code (PolisiLang lang)
{
  return lang == POLISI_LANG_CY ? "cy" : "en";
}

/* The style of each language's headings. */
static const char *heading_style_id[POLISI_N_LANGS] = { "Heading1Cymraeg", "Heading1English" };
static const char *heading_style_name[POLISI_N_LANGS] = { "Heading 1 Cymraeg", "Heading 1 English" };

/* ------------------------------------------------------------------ */
/* Small helpers                                                        */
/* ------------------------------------------------------------------ */

static void
val_element (GsfXMLOut  *xml,
             const char *element,
             const char *value)
{
  polisi_xml_out_element (xml, element, "w:val", value, NULL);
}

static void
uint_element (GsfXMLOut  *xml,
              const char *element,
              guint       value)
{
  gsf_xml_out_start_element (xml, element);
  gsf_xml_out_add_uint (xml, "w:val", value);
  gsf_xml_out_end_element (xml);
}

static void
add_wml_namespaces (GsfXMLOut *xml)
{
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:w", NS_W);
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:r", NS_R);
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:v", NS_V);
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:o", NS_O);
}

/* The attributes of a tracked change: id, author, date. */
static void
add_change_attributes (DocxWriter *w)
{
  gsf_xml_out_add_uint (w->xml, "w:id", w->next_id++);
  gsf_xml_out_add_cstr (w->xml, "w:author", w->change_author);
  gsf_xml_out_add_cstr (w->xml, "w:date", w->change_date);
}

static const char *
lang_tag (PolisiLang lang)
{
  return polisi_lang_to_tag (lang);
}

/* ------------------------------------------------------------------ */
/* Runs                                                                 */
/* ------------------------------------------------------------------ */

/* The run properties: a character style, then the language. */
static void
write_run_properties (DocxWriter *w,
                      PolisiLang  lang,
                      const char *char_style)
{
  gsf_xml_out_start_element (w->xml, "w:rPr");
  if (char_style != NULL)
    val_element (w->xml, "w:rStyle", char_style);
  polisi_xml_out_element (w->xml, "w:lang", "w:val", lang_tag (lang), "w:eastAsia", lang_tag (lang), "w:bidi", lang_tag (lang), NULL);
  gsf_xml_out_end_element (w->xml);
}

/* One run of @len bytes of @text: tabs become w:tab, new lines w:br, the
 * rest w:t (w:delText inside a deletion), spaces kept. */
static void
write_run (DocxWriter *w,
           PolisiLang  lang,
           const char *char_style,
           const char *text,
           gsize       len,
           gboolean    deleted)
{
  const char *end = text + len;
  const char *segment = text;
  g_autoptr(GString) piece = g_string_new (NULL);

  if (len == 0)
    return;

  gsf_xml_out_start_element (w->xml, "w:r");
  write_run_properties (w, lang, char_style);
  for (const char *p = text; p <= end; p++)
    {
      if (p < end && *p != '\t' && *p != '\n' && *p != '\r')
        continue;
      if (p > segment)
        {
          g_string_truncate (piece, 0);
          g_string_append_len (piece, segment, p - segment);
          gsf_xml_out_start_element (w->xml, deleted ? "w:delText" : "w:t");
          gsf_xml_out_add_cstr_unchecked (w->xml, "xml:space", "preserve");
          gsf_xml_out_add_cstr (w->xml, NULL, piece->str);
          gsf_xml_out_end_element (w->xml);
        }
      if (p < end)
        {
          gsf_xml_out_start_element (w->xml, *p == '\t' ? "w:tab" : "w:br");
          gsf_xml_out_end_element (w->xml);
        }
      segment = p + 1;
    }
  gsf_xml_out_end_element (w->xml);
}

/* A run as a tracked change, or drawn, or plain. */
static void
write_marked_run (DocxWriter *w,
                  PolisiLang  lang,
                  const char *char_style,
                  const char *text,
                  gsize       len,
                  Mark        mark)
{
  if (len == 0)
    return;
  if (mark == MARK_NONE)
    {
      write_run (w, lang, char_style, text, len, FALSE);
      return;
    }
  if (!w->tracked)
    {
      write_run (w, lang, mark == MARK_INS ? "PolisiInserted" : "PolisiDeleted", text, len, FALSE);
      return;
    }
  gsf_xml_out_start_element (w->xml, mark == MARK_INS ? "w:ins" : "w:del");
  add_change_attributes (w);
  write_run (w, lang, char_style, text, len, mark == MARK_DEL);
  gsf_xml_out_end_element (w->xml);
}

static const char *
link_id (DocxWriter *w,
         const char *address)
{
  const char *id = g_hash_table_lookup (w->links, address);

  if (id == NULL)
    {
      g_autofree char *target = g_str_has_prefix (address, "www.") ? g_strconcat ("https://", address, NULL) : NULL;

      id = gsf_outfile_open_pkg_add_extern_rel (GSF_OUTFILE_OPEN_PKG (w->document_part),
                                                target != NULL ? target : address,
                                                REL_BASE "hyperlink");
      g_hash_table_insert (w->links, g_strdup (address), g_strdup (id));
      id = g_hash_table_lookup (w->links, address);
    }
  return id;
}

/* Text with its web addresses as links; deleted text has none. */
static void
write_inline (DocxWriter *w,
              PolisiLang  lang,
              const char *text,
              gsize       len,
              Mark        mark)
{
  g_autofree char *copy = NULL;
  g_autoptr(GArray) links = NULL;
  gsize done = 0;

  if (len == 0)
    return;
  if (mark == MARK_DEL || (g_strstr_len (text, len, "http") == NULL && g_strstr_len (text, len, "www.") == NULL))
    {
      write_marked_run (w, lang, NULL, text, len, mark);
      return;
    }

  copy = g_strndup (text, len);
  links = polisi_export_find_links (copy);
  for (guint i = 0; i < links->len; i++)
    {
      const PolisiLinkSpan *span = &g_array_index (links, PolisiLinkSpan, i);
      g_autofree char *address = g_strndup (copy + span->start, span->end - span->start);

      write_marked_run (w, lang, NULL, copy + done, span->start - done, mark);
      gsf_xml_out_start_element (w->xml, "w:hyperlink");
      gsf_xml_out_add_cstr (w->xml, "r:id", link_id (w, address));
      gsf_xml_out_add_cstr_unchecked (w->xml, "w:history", "1");
      write_marked_run (w, lang, mark == MARK_NONE || w->tracked ? "Hyperlink" : NULL,
                        address, strlen (address), mark);
      gsf_xml_out_end_element (w->xml);
      done = span->end;
    }
  write_marked_run (w, lang, NULL, copy + done, len - done, mark);
}

/* ------------------------------------------------------------------ */
/* Paragraphs                                                           */
/* ------------------------------------------------------------------ */

typedef struct {
  const char *style;
  gboolean    keep_next;
  gboolean    bullet;
  gboolean    in_clause;     /* a bullet under a clause: indented with its text */
  gboolean    suppress_lines;
  guint       space_after;   /* twips, instead of the style's; 0: the style's */
  guint       line;          /* a list item's line height, in percent; 0: the style's */
} ParaProps;

/* Starts a paragraph: its style, and its mark (the paragraph break)
 * inserted or deleted. */
static void
start_para (DocxWriter      *w,
            const ParaProps *props,
            PolisiLang       lang,
            Mark             mark)
{
  gsf_xml_out_start_element (w->xml, "w:p");
  gsf_xml_out_start_element (w->xml, "w:pPr");
  val_element (w->xml, "w:pStyle", props->style);
  if (props->keep_next)
    gsf_xml_out_simple_element (w->xml, "w:keepNext", NULL);
  if (w->page_break_pending && !w->in_cell)
    {
      gsf_xml_out_simple_element (w->xml, "w:pageBreakBefore", NULL);
      w->page_break_pending = FALSE;
    }
  if (props->bullet)
    {
      gsf_xml_out_start_element (w->xml, "w:numPr");
      uint_element (w->xml, "w:ilvl", 0);
      uint_element (w->xml, "w:numId", 1);
      gsf_xml_out_end_element (w->xml);
    }
  if (props->suppress_lines)
    gsf_xml_out_simple_element (w->xml, "w:suppressLineNumbers", NULL);
  if (props->space_after > 0 || props->line > 0)
    {
      gsf_xml_out_start_element (w->xml, "w:spacing");
      if (props->space_after > 0)
        gsf_xml_out_add_uint (w->xml, "w:after", props->space_after);
      if (props->line > 0)
        {
          gsf_xml_out_add_uint (w->xml, "w:line", props->line * 240 / 100);
          gsf_xml_out_add_cstr_unchecked (w->xml, "w:lineRule", "auto");
        }
      gsf_xml_out_end_element (w->xml);
    }
  if (props->bullet)
    {
      /* the PDF's: the text 12 pt in from the bullet, under a clause 30 pt more */
      gsf_xml_out_start_element (w->xml, "w:ind");
      gsf_xml_out_add_uint (w->xml, "w:left", (props->in_clause ? NUMBER_INDENT : 0) + BULLET_INDENT);
      gsf_xml_out_add_uint (w->xml, "w:hanging", BULLET_INDENT - 40);
      gsf_xml_out_end_element (w->xml);
    }
  if (w->numbers_side > 0)
    {
      /* line numbers: no indent, towards the text */
      polisi_xml_out_element (w->xml, "w:ind", "w:left", "0", "w:right", "0", "w:hanging", "0", NULL);
      val_element (w->xml, "w:jc", w->numbers_side == 1 ? "right" : "left");
    }
  gsf_xml_out_start_element (w->xml, "w:rPr");
  if (mark != MARK_NONE && w->tracked)
    {
      gsf_xml_out_start_element (w->xml, mark == MARK_INS ? "w:ins" : "w:del");
      add_change_attributes (w);
      gsf_xml_out_end_element (w->xml);
    }
  polisi_xml_out_element (w->xml, "w:lang", "w:val", lang_tag (lang), "w:eastAsia", lang_tag (lang), "w:bidi", lang_tag (lang), NULL);
  gsf_xml_out_end_element (w->xml);
  gsf_xml_out_end_element (w->xml); /* pPr */
}

static void
end_para (DocxWriter *w)
{
  gsf_xml_out_end_element (w->xml);
}

/* Text of a paragraph that is not marked, with no line break inside a
 * date, a reference or an Act's year (polisi_text_keep_together(), the
 * rule of every writer). */
static void
write_kept (DocxWriter *w,
            PolisiLang  lang,
            const char *text,
            Mark        mark)
{
  g_autofree char *kept = polisi_text_keep_together (text);

  write_inline (w, lang, kept, strlen (kept), mark);
}

static void
write_para (DocxWriter *w,
            const char *style,
            PolisiLang  lang,
            const char *text)
{
  ParaProps props = { style, FALSE, FALSE, FALSE, FALSE, 0 };

  start_para (w, &props, lang, MARK_NONE);
  if (text != NULL)
    write_kept (w, lang, text, MARK_NONE);
  end_para (w);
}

static void
bookmark_start (DocxWriter *w,
                const char *name,
                guint       id)
{
  gsf_xml_out_start_element (w->xml, "w:bookmarkStart");
  gsf_xml_out_add_uint (w->xml, "w:id", id);
  gsf_xml_out_add_cstr (w->xml, "w:name", name);
  gsf_xml_out_end_element (w->xml);
}

static void
bookmark_end (DocxWriter *w,
              guint       id)
{
  gsf_xml_out_start_element (w->xml, "w:bookmarkEnd");
  gsf_xml_out_add_uint (w->xml, "w:id", id);
  gsf_xml_out_end_element (w->xml);
}

/* The numbers of the old version, as the assembler gives them: sections
 * 1, 2 ... and appendices A, B ... among the headings the old version had
 * (all but the new ones), clauses "3.1", "3.2" ... among its clauses in
 * each section. */
static GPtrArray *
old_numbering (PolisiDocument *document)
{
  GPtrArray *numbers = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *section = NULL;
  guint n_sections = 0, n_appendices = 0, n_clauses = 0;

  for (guint i = 0; i < polisi_document_get_n_blocks (document); i++)
    {
      PolisiBlock *block = polisi_document_get_block (document, i);
      char *number = NULL;

      if (block->change != POLISI_CHANGE_INSERTED && block->number != NULL)
        {
          if (block->kind == POLISI_BLOCK_HEADING)
            {
              g_free (section);
              section = block->appendix ? g_strdup_printf ("%c", 'A' + (n_appendices++ % 26)) :
                                          g_strdup_printf ("%u", ++n_sections);
              number = g_strdup (section);
              n_clauses = 0;
            }
          else if (block->kind == POLISI_BLOCK_CLAUSE && section != NULL)
            number = g_strdup_printf ("%s.%u", section, ++n_clauses);
        }
      g_ptr_array_add (numbers, number);
    }
  return numbers;
}

/* A number with its tracked change when the old version's was another:
 * the old number deleted, the new one inserted. @suffix follows it. */
static void
write_number (DocxWriter *w,
              PolisiLang  lang,
              const char *char_style,
              const char *number,
              const char *suffix,
              Mark        mark)
{
  const char *old = w->old_numbers != NULL && w->block_index < w->old_numbers->len ?
                    w->old_numbers->pdata[w->block_index] : NULL;
  g_autofree char *text = NULL;

  if (w->tracked && mark == MARK_NONE && old != NULL && g_strcmp0 (old, number) != 0)
    {
      write_marked_run (w, lang, char_style, old, strlen (old), MARK_DEL);
      write_marked_run (w, lang, char_style, number, strlen (number), MARK_INS);
      write_marked_run (w, lang, char_style, suffix, strlen (suffix), MARK_NONE);
      return;
    }
  text = g_strconcat (number, suffix, NULL);
  write_marked_run (w, lang, char_style, text, strlen (text), mark);
}

/* The mark every run of the block being written takes, when the whole
 * of it is new or gone. */
static Mark
whole_mark (DocxWriter *w)
{
  if (w->whole != MARK_NONE)
    return w->whole;
  if (w->block_change == POLISI_CHANGE_INSERTED)
    return MARK_INS;
  if (w->block_change == POLISI_CHANGE_DELETED)
    return MARK_DEL;
  return MARK_NONE;
}

/* How many paragraphs @para becomes: one more for each paragraph break a
 * deletion took out (tracked changes only). */
static guint
count_deleted_breaks (DocxWriter            *w,
                      const PolisiTextBlock *para)
{
  guint n = 0;

  if (!w->tracked || para->marks == NULL || whole_mark (w) != MARK_NONE)
    return 0;
  for (guint i = 0; i < para->marks->len; i++)
    {
      const PolisiTextMark *mark = &g_array_index (para->marks, PolisiTextMark, i);

      if (mark->kind != POLISI_MARK_DELETED)
        continue;
      for (guint b = mark->start; b < mark->end; b++)
        if (para->text[b] == '\n')
          n++;
    }
  return n;
}

typedef struct {
  DocxWriter      *w;
  const ParaProps *first_props;
  const ParaProps *next_props;
  PolisiLang       lang;
  guint            breaks_left;  /* deleted paragraph breaks still to come */
  Mark             final_mark;   /* of the last paragraph's break */
} Splitter;

static Mark
splitter_mark (Splitter *s)
{
  return s->breaks_left > 0 ? MARK_DEL : s->final_mark;
}

/* Deleted text with paragraph breaks in it: each break ends the
 * paragraph with a deleted mark and starts the next one. */
static void
write_deleted_with_breaks (Splitter   *s,
                           const char *text,
                           gsize       len)
{
  const char *end = text + len;
  const char *p = text;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);

      if (nl == NULL || !s->w->tracked)
        {
          write_inline (s->w, s->lang, p, end - p, MARK_DEL);
          return;
        }
      write_inline (s->w, s->lang, p, nl - p, MARK_DEL);
      end_para (s->w);
      s->breaks_left--;
      start_para (s->w, s->next_props, s->lang, splitter_mark (s));
      p = nl + 1;
    }
}

/* Unchanged text of a marked paragraph with the new version's no-break
 * spaces; where the old version had the other kind of space, tracked
 * changes delete the old one and insert the new. */
static void
write_equal (DocxWriter   *w,
             PolisiLang    lang,
             const char   *text,
             const guint8 *kept,
             gsize         from,
             gsize         to)
{
  gsize done = from;

  for (gsize i = from; i <= to; i++)
    {
      g_autofree char *fragment = NULL;
      gboolean kept_new, kept_old;

      kept_new = i < to && text[i] == ' ' && (kept[i] & POLISI_KEPT_NEW) != 0;
      kept_old = i < to && text[i] == ' ' && (kept[i] & POLISI_KEPT_OLD) != 0;
      if (i < to && (kept_new == kept_old || !w->tracked))
        continue;
      if (i > done)
        {
          fragment = polisi_export_keep_fragment (text, kept, done, i, POLISI_KEPT_NEW);
          write_inline (w, lang, fragment, strlen (fragment), MARK_NONE);
        }
      if (i == to)
        break;
      write_marked_run (w, lang, NULL, kept_old ? "\xc2\xa0" : " ", kept_old ? 2 : 1, MARK_DEL);
      write_marked_run (w, lang, NULL, kept_new ? "\xc2\xa0" : " ", kept_new ? 2 : 1, MARK_INS);
      done = i + 1;
    }
}

/* A paragraph's text with the marks of a comparison. The paragraph is
 * open; it may end and another start at a deleted paragraph break.
 * Inserted words have the new version's no-break spaces, deleted ones the
 * old version's (polisi_export_find_kept_spaces()). */
static void
write_content (Splitter              *s,
               const PolisiTextBlock *para)
{
  DocxWriter *w = s->w;
  Mark whole = whole_mark (w);
  gsize length = strlen (para->text);
  gsize done = 0;
  g_autofree guint8 *kept = NULL;

  if (whole != MARK_NONE || para->marks == NULL)
    {
      write_kept (w, s->lang, para->text, whole);
      return;
    }

  kept = polisi_export_find_kept_spaces (para);
  for (guint i = 0; i < para->marks->len; i++)
    {
      const PolisiTextMark *mark = &g_array_index (para->marks, PolisiTextMark, i);
      g_autofree char *marked = NULL;

      if (mark->start > done)
        write_equal (w, s->lang, para->text, kept, done, mark->start);
      marked = polisi_export_keep_fragment (para->text, kept, mark->start, mark->end,
                                            mark->kind == POLISI_MARK_DELETED ? POLISI_KEPT_OLD : POLISI_KEPT_NEW);
      if (mark->kind == POLISI_MARK_DELETED)
        write_deleted_with_breaks (s, marked, strlen (marked));
      else
        write_inline (w, s->lang, marked, strlen (marked), MARK_INS);
      done = mark->end;
    }
  if (done < length)
    write_equal (w, s->lang, para->text, kept, done, length);
}

/* The mark of the paragraph break after @para. */
static Mark
break_mark (DocxWriter            *w,
            const PolisiTextBlock *para)
{
  Mark whole = whole_mark (w);

  if (whole != MARK_NONE)
    return whole;
  if (para != NULL && para->break_inserted)
    return MARK_INS;
  return MARK_NONE;
}

/* A list of PolisiTextBlock: paragraphs in @style (the first one of a
 * clause in "Clause", after its number and a tab), items as bullets. With
 * @clause_id, the whole is in the clause's bookmark. */
/* Outside parallel columns and tables: where LibreOffice and Word give a
 * paragraph the PDF's height by its spacing (write_para_style()) */
static gboolean
is_flow (DocxWriter *w)
{
  return w->options->layout != POLISI_LAYOUT_COLUMNS && !w->in_cell;
}

static const char *
current_block_id (DocxWriter *w)
{
  return polisi_document_get_block (w->document, w->block_index)->id;
}

/* The paragraphs of @paras from @from to before @to (a clause's paragraph
 * pair @part in parallel columns, polisi_page_layout_count_pairs(); or
 * all of them), the last with @space_after_last below it. */
static void
write_text_range (DocxWriter *w,
                  GPtrArray  *paras,
                  guint       from,
                  guint       to,
                  guint       part,
                  PolisiLang  lang,
                  const char *style,
                  const char *continued_style,
                  const char *number,
                  const char *clause_id,
                  guint       space_after_last)
{
  gboolean bookmark = clause_id != NULL && !(w->tracked && whole_mark (w) == MARK_DEL);
  guint bookmark_id = 0;
  gboolean in_clause = number != NULL;
  ParaProps number_props = { "Clause", FALSE, FALSE, FALSE, FALSE, paras->len == 0 ? space_after_last : 0 };

  if (bookmark)
    bookmark_id = w->next_id++;
  if (from > 0)
    {
      number = NULL;
      style = continued_style;
    }

  if (number != NULL && (paras->len == 0 || ((PolisiTextBlock *) paras->pdata[0])->item))
    {
      /* A clause that starts with a list still shows its number. */
      start_para (w, &number_props, lang, whole_mark (w));
      if (bookmark)
        {
          g_autofree char *name = polisi_anchor_part_name (clause_id, lang, part);
          bookmark_start (w, name, bookmark_id);
        }
      write_number (w, lang, "PolisiClauseNumber", number, "", whole_mark (w));
      if (bookmark && paras->len == 0)
        {
          bookmark_end (w, bookmark_id);
          bookmark = FALSE;
        }
      end_para (w);
      number = NULL;
      style = continued_style;
    }

  for (guint i = from; i < to; i++)
    {
      PolisiTextBlock *para = paras->pdata[i];
      guint space_after = i + 1 == to ? space_after_last : 0;
      guint line = 0;

      /* in the flow of the text, the PDF's heights: a list item's by its
       * line height, its last with the space between clauses only */
      if (is_flow (w) && para->item)
        {
          guint lines = polisi_export_item_lines (w->layout, current_block_id (w), lang, i);

          line = lines > 0 ? polisi_export_item_line_height (lines) : 0;
          if (space_after > 0)
            space_after = BLOCK_SPACE_FLOW - PARA_SPACE_FLOW;
        }
      /* in parallel columns, a list item has no space of its own below
       * it: the last of a clause, the space between clauses only */
      else if (para->item && space_after == BLOCK_SPACE_AFTER)
        space_after = BLOCK_SPACE_AFTER - PARA_SPACE_FLOW;

      /* in the flow of the text, a paragraph that introduces a list keeps with it */
      gboolean keep = is_flow (w) && polisi_text_block_keeps_with_next (paras, i);
      ParaProps props = { para->item ? "ListBullet" : style, keep, para->item, in_clause, FALSE, space_after, line };
      ParaProps next_props = { para->item ? "ListBullet" : continued_style, keep, para->item, in_clause, FALSE, space_after, line };
      Splitter splitter = { w, &props, &next_props, lang, count_deleted_breaks (w, para), break_mark (w, para) };

      start_para (w, &props, lang, splitter_mark (&splitter));
      if (bookmark && i == from)
        {
          g_autofree char *name = polisi_anchor_part_name (clause_id, lang, part);
          bookmark_start (w, name, bookmark_id);
        }
      if (number != NULL && !para->item)
        {
          write_number (w, lang, "PolisiClauseNumber", number, "\t", whole_mark (w));
          number = NULL;
        }
      write_content (&splitter, para);
      if (bookmark && i + 1 == to)
        bookmark_end (w, bookmark_id);
      end_para (w);
      style = continued_style;
    }
}

static void
write_text_blocks (DocxWriter *w,
                   GPtrArray  *paras,
                   PolisiLang  lang,
                   const char *style,
                   const char *continued_style,
                   const char *number,
                   const char *clause_id,
                   guint       space_after_last)
{
  write_text_range (w, paras, 0, paras->len, 0, lang, style, continued_style, number, clause_id, space_after_last);
}


static char *
heading_bookmark (PolisiLang lang,
                  guint      index)
{
  return g_strdup_printf ("_TocPolisi_%s_%u", lang_code (lang), index);
}

static void
write_heading (DocxWriter  *w,
               PolisiBlock *block,
               guint        index,
               PolisiLang   lang)
{
  PolisiTextBlock *para = block->paras[lang]->len > 0 ? block->paras[lang]->pdata[0] : NULL;
  ParaProps props = { heading_style_id[lang], TRUE, FALSE, FALSE, FALSE, 0 };
  Splitter splitter = { w, &props, &props, lang, para != NULL ? count_deleted_breaks (w, para) : 0, whole_mark (w) };
  gboolean bookmark = !(w->tracked && whole_mark (w) == MARK_DEL);
  guint id = w->next_id++;

  start_para (w, &props, lang, splitter_mark (&splitter));
  if (bookmark)
    {
      g_autofree char *name = heading_bookmark (lang, index);
      bookmark_start (w, name, id);
    }
  if (block->number != NULL && !block->appendix)
    {
      write_number (w, lang, NULL, block->number, "  ", whole_mark (w));
    }
  if (para != NULL)
    write_content (&splitter, para);
  if (bookmark)
    bookmark_end (w, id);
  end_para (w);
}

static void
write_block (DocxWriter  *w,
             PolisiBlock *block,
             guint        index,
             PolisiLang   lang)
{
  w->block_change = block->change;
  w->block_index = index;
  switch (block->kind)
    {
    case POLISI_BLOCK_HEADING:
      write_heading (w, block, index, lang);
      break;
    case POLISI_BLOCK_CLAUSE:
      write_text_blocks (w, block->paras[lang], lang, "Clause", "ClauseContinued", block->number, block->id,
                         is_flow (w) ? BLOCK_SPACE_FLOW : BLOCK_SPACE_AFTER);
      break;
    case POLISI_BLOCK_PARAGRAPH:
      if (block->paras[lang]->len == 0)
        write_para (w, "BodyText", lang, NULL);
      else
        write_text_blocks (w, block->paras[lang], lang, "BodyText", "BodyText", NULL, NULL,
                           is_flow (w) ? BLOCK_SPACE_FLOW : BLOCK_SPACE_AFTER);
      break;
    case POLISI_BLOCK_TABLE:
    default:
      g_assert_not_reached ();
    }
  w->block_change = POLISI_CHANGE_NONE;
}

/* ------------------------------------------------------------------ */
/* Tables                                                               */
/* ------------------------------------------------------------------ */

static void
write_section_properties (DocxWriter *w,
                          guint       part,
                          gboolean    two_columns);

/* A small empty paragraph: between two tables (which would otherwise be
 * one in Word), with a break of @type ("page", "column"), or carrying the
 * properties of the section it ends (the title pages of parallel
 * columns). */
static void
write_break (DocxWriter *w,
             PolisiLang  lang,
             const char *type,
             gboolean    ends_section)
{
  gsf_xml_out_start_element (w->xml, "w:p");
  gsf_xml_out_start_element (w->xml, "w:pPr");
  val_element (w->xml, "w:pStyle", "PolisiSeparator");
  gsf_xml_out_start_element (w->xml, "w:rPr");
  polisi_xml_out_element (w->xml, "w:lang", "w:val", lang_tag (lang), NULL);
  gsf_xml_out_end_element (w->xml);
  if (ends_section)
    write_section_properties (w, 0, TRUE);
  gsf_xml_out_end_element (w->xml);
  if (type != NULL)
    {
      gsf_xml_out_start_element (w->xml, "w:r");
      polisi_xml_out_element (w->xml, "w:br", "w:type", type, NULL);
      gsf_xml_out_end_element (w->xml);
    }
  gsf_xml_out_end_element (w->xml);
}

static void
write_separator (DocxWriter *w,
                 PolisiLang  lang,
                 gboolean    page_break)
{
  write_break (w, lang, page_break ? "page" : NULL, FALSE);
}

static void
write_cell_start (DocxWriter *w,
                  guint       width)
{
  gsf_xml_out_start_element (w->xml, "w:tc");
  gsf_xml_out_start_element (w->xml, "w:tcPr");
  gsf_xml_out_start_element (w->xml, "w:tcW");
  gsf_xml_out_add_uint (w->xml, "w:w", width);
  gsf_xml_out_add_cstr_unchecked (w->xml, "w:type", "dxa");
  gsf_xml_out_end_element (w->xml);
  gsf_xml_out_end_element (w->xml);
  w->in_cell = TRUE;
}

static void
write_cell_end (DocxWriter *w)
{
  gsf_xml_out_end_element (w->xml);
  w->in_cell = FALSE;
}

static void
write_row_start (DocxWriter *w,
                 gboolean    cant_split,
                 gboolean    header,
                 Mark        mark)
{
  gsf_xml_out_start_element (w->xml, "w:tr");
  if (!cant_split && !header && (mark == MARK_NONE || !w->tracked))
    return;
  gsf_xml_out_start_element (w->xml, "w:trPr");
  if (cant_split)
    gsf_xml_out_simple_element (w->xml, "w:cantSplit", NULL);
  if (header)
    gsf_xml_out_simple_element (w->xml, "w:tblHeader", NULL);
  if (mark != MARK_NONE && w->tracked)
    {
      gsf_xml_out_start_element (w->xml, mark == MARK_INS ? "w:ins" : "w:del");
      add_change_attributes (w);
      gsf_xml_out_end_element (w->xml);
    }
  gsf_xml_out_end_element (w->xml);
}

/* @indent: twips the table starts left of the text (its line numbers in
 * the margin), or 0 */
static void
write_table_start_full (DocxWriter  *w,
                        const char  *style,
                        const char  *caption,
                        const guint *widths,
                        guint        n_columns,
                        guint        indent)
{
  gsf_xml_out_start_element (w->xml, "w:tbl");
  gsf_xml_out_start_element (w->xml, "w:tblPr");
  val_element (w->xml, "w:tblStyle", style);
  polisi_xml_out_start (w->xml, "w:tblW", "w:w", "0", "w:type", "auto", NULL);
  gsf_xml_out_end_element (w->xml);
  if (indent > 0)
    {
      char value[16];

      g_snprintf (value, sizeof value, "-%u", indent);
      polisi_xml_out_element (w->xml, "w:tblInd", "w:w", value, "w:type", "dxa", NULL);
    }
  polisi_xml_out_element (w->xml, "w:tblLayout", "w:type", "fixed", NULL);
  if (caption != NULL)
    val_element (w->xml, "w:tblCaption", caption);
  gsf_xml_out_end_element (w->xml);
  gsf_xml_out_start_element (w->xml, "w:tblGrid");
  for (guint c = 0; c < n_columns; c++)
    {
      gsf_xml_out_start_element (w->xml, "w:gridCol");
      gsf_xml_out_add_uint (w->xml, "w:w", widths[c]);
      gsf_xml_out_end_element (w->xml);
    }
  gsf_xml_out_end_element (w->xml);
}

static void
write_table_start (DocxWriter  *w,
                   const char  *style,
                   const char  *caption,
                   const guint *widths,
                   guint        n_columns)
{
  write_table_start_full (w, style, caption, widths, n_columns, 0);
}

/* A TABLE block in one language at full width; the header row repeats on
 * each page and no row splits. */
static void
write_data_table (DocxWriter  *w,
                  PolisiBlock *block,
                  PolisiLang   lang)
{
  guint n_rows = polisi_block_get_n_rows (block);
  g_autofree double *shares = NULL;
  g_autofree guint *widths = NULL;

  if (block->n_columns == 0)
    return;

  if (w->page_break_pending)
    {
      write_separator (w, lang, TRUE);
      w->page_break_pending = FALSE;
    }

  shares = g_new0 (double, block->n_columns);
  widths = g_new0 (guint, block->n_columns);
  polisi_block_get_column_widths (block, &lang, 1, TEXT_WIDTH, 2 * CELL_PADDING, shares);
  for (guint c = 0; c < block->n_columns; c++)
    widths[c] = (guint) MAX (shares[c], 2 * CELL_PADDING + 200);

  write_table_start (w, "PolisiTable", block->id, widths, block->n_columns);
  for (guint r = 0; r < n_rows; r++)
    {
      PolisiChange change = polisi_block_get_row_change (block, r);

      w->whole = change == POLISI_CHANGE_INSERTED ? MARK_INS : change == POLISI_CHANGE_DELETED ? MARK_DEL : MARK_NONE;
      write_row_start (w, TRUE, r == 0, w->whole);
      for (guint c = 0; c < block->n_columns; c++)
        {
          const char *cell = polisi_block_get_cell (block, lang, r, c);
          const char *style = r == 0 ? "TableHeading" : "TableContents";
          g_autoptr(GPtrArray) paras = polisi_text_parse_blocks (cell != NULL ? cell : "");

          write_cell_start (w, widths[c]);
          if (paras->len == 0)
            {
              ParaProps props = { style, FALSE, FALSE, FALSE, FALSE, 0 };
              start_para (w, &props, lang, MARK_NONE);
              end_para (w);
            }
          else
            write_text_blocks (w, paras, lang, style, style, NULL, NULL, 0);
          write_cell_end (w);
        }
      gsf_xml_out_end_element (w->xml); /* tr */
      w->whole = MARK_NONE;
    }
  gsf_xml_out_end_element (w->xml); /* tbl */
}

/* ------------------------------------------------------------------ */
/* Title block and contents                                             */
/* ------------------------------------------------------------------ */

static void
write_labelled (DocxWriter *w,
                PolisiTerm  term,
                PolisiLang  lang,
                const char *value)
{
  g_autofree char *text = NULL;

  if (value == NULL || value[0] == '\0')
    return;
  text = g_strdup_printf ("%s: %s", polisi_export_term (term, lang), value);
  write_para (w, "PolisiDetails", lang, text);
}

static void
write_title_block (DocxWriter *w,
                   PolisiLang  lang)
{
  const char *organisation = polisi_document_get_organisation (w->document, lang);
  g_autofree char *version = polisi_export_version_line (w->document, lang);
  g_autofree char *note = polisi_export_availability_note (w->document, w->options, lang);

  if (organisation != NULL && organisation[0] != '\0')
    write_para (w, "PolisiOrganisation", lang, organisation);
  write_para (w, "Title", lang, polisi_document_get_title (w->document, lang));
  write_para (w, "PolisiDetails", lang, version);
  write_labelled (w, POLISI_TERM_REVIEW_DATE, lang, polisi_document_get_review_text (w->document, lang));
  write_labelled (w, POLISI_TERM_CLOSING_DATE, lang, polisi_document_get_closing_text (w->document, lang));
  if (note != NULL)
    write_para (w, "PolisiNote", lang, note);
}

static void
write_field_char (DocxWriter *w,
                  const char *type)
{
  gsf_xml_out_start_element (w->xml, "w:r");
  polisi_xml_out_element (w->xml, "w:fldChar", "w:fldCharType", type, NULL);
  gsf_xml_out_end_element (w->xml);
}

/* The contents list of one language: a TOC field whose result is already
 * there, with page numbers from Polisi's page layout. In parallel columns
 * the two lists stand side by side in a table, where LibreOffice keeps no
 * contents field (it moves it out of the cell): there the entries are
 * written without the field, the same text, links and page numbers. */
static void
write_toc (DocxWriter *w,
           PolisiLang  lang,
           guint       width)
{
  const char *title = polisi_export_term (POLISI_TERM_CONTENTS, lang);
  guint n_blocks = polisi_document_get_n_blocks (w->document);
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *instruction = g_strdup_printf (" TOC \\h \\z \\t \"%s,1\" ", heading_style_name[lang]);

  write_para (w, "TOCHeading", lang, title);

  for (guint i = 0; i < n_blocks; i++)
    {
      PolisiBlock *block = polisi_document_get_block (w->document, i);

      if (block->kind == POLISI_BLOCK_HEADING && block->change != POLISI_CHANGE_DELETED)
        g_array_append_val (entries, i);
    }

  for (guint e = 0; e < entries->len; e++)
    {
      guint index = g_array_index (entries, guint, e);
      PolisiBlock *block = polisi_document_get_block (w->document, index);
      g_autofree char *label = polisi_export_contents_label (block, lang);
      g_autofree char *anchor = heading_bookmark (lang, index);
      guint page = polisi_export_heading_page (w->layout, index, lang);
      char number[16];

      gsf_xml_out_start_element (w->xml, "w:p");
      gsf_xml_out_start_element (w->xml, "w:pPr");
      val_element (w->xml, "w:pStyle", "TOC1");
      gsf_xml_out_start_element (w->xml, "w:tabs");
      gsf_xml_out_start_element (w->xml, "w:tab");
      gsf_xml_out_add_cstr_unchecked (w->xml, "w:val", "right");
      gsf_xml_out_add_uint (w->xml, "w:pos", width);
      gsf_xml_out_end_element (w->xml);
      gsf_xml_out_end_element (w->xml);
      gsf_xml_out_start_element (w->xml, "w:rPr");
      polisi_xml_out_element (w->xml, "w:lang", "w:val", lang_tag (lang), NULL);
      gsf_xml_out_end_element (w->xml);
      gsf_xml_out_end_element (w->xml);

      if (e == 0 && !w->in_cell)
        {
          write_field_char (w, "begin");
          gsf_xml_out_start_element (w->xml, "w:r");
          gsf_xml_out_start_element (w->xml, "w:instrText");
          gsf_xml_out_add_cstr_unchecked (w->xml, "xml:space", "preserve");
          gsf_xml_out_add_cstr (w->xml, NULL, instruction);
          gsf_xml_out_end_element (w->xml);
          gsf_xml_out_end_element (w->xml);
          write_field_char (w, "separate");
        }

      gsf_xml_out_start_element (w->xml, "w:hyperlink");
      gsf_xml_out_add_cstr (w->xml, "w:anchor", anchor);
      gsf_xml_out_add_cstr_unchecked (w->xml, "w:history", "1");
      write_run (w, lang, NULL, label, strlen (label), FALSE);
      write_run (w, lang, NULL, "\t", 1, FALSE);
      if (page > 0)
        {
          g_snprintf (number, sizeof number, "%u", page);
          write_run (w, lang, NULL, number, strlen (number), FALSE);
        }
      gsf_xml_out_end_element (w->xml);

      if (e + 1 == entries->len && !w->in_cell)
        write_field_char (w, "end");
      gsf_xml_out_end_element (w->xml);
    }
}

/* ------------------------------------------------------------------ */
/* Layouts                                                              */
/* ------------------------------------------------------------------ */

/* One language: title block and contents, then on a new page the body. */
static void
write_part (DocxWriter *w,
            PolisiLang  lang)
{
  guint n_blocks = polisi_document_get_n_blocks (w->document);

  write_title_block (w, lang);
  write_toc (w, lang, TEXT_WIDTH);
  w->page_break_pending = TRUE;

  for (guint i = 0; i < n_blocks; i++)
    {
      PolisiBlock *block = polisi_document_get_block (w->document, i);

      if (block->kind == POLISI_BLOCK_TABLE)
        {
          write_data_table (w, block, lang);
          /* two tables in a row would merge */
          if (i + 1 == n_blocks || polisi_document_get_block (w->document, i + 1)->kind == POLISI_BLOCK_TABLE)
            write_separator (w, lang, FALSE);
        }
      else
        {
          /* an appendix starts a page */
          if (block->kind == POLISI_BLOCK_HEADING && block->appendix)
            w->page_break_pending = TRUE;
          write_block (w, block, i, lang);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Line numbers in parallel columns                                     */
/* ------------------------------------------------------------------ */

/* Word and LibreOffice number no lines in a table, and parallel columns
 * are one: a consultation draft in columns has a narrow column of numbers
 * in each margin, as the PDF has. Beside each paragraph of the text, a
 * paragraph of the same style and spacing holds, line by line, the
 * numbers Polisi's page layout gave that paragraph's lines
 * (polisi_export_collect_line_numbers()); the text columns are the PDF's
 * width in its font, so that the lines break where the PDF's do. */

#define NUMBERS_WIDTH 567      /* 1 cm */
#define NUMBERS_GAP 160        /* 8 pt between a number and its column, as in the PDF */

static gboolean
has_numbers_columns (DocxWriter *w)
{
  return w->line_numbers != NULL;
}

/* One paragraph of numbers, in @style (or the style of a heading's
 * numbers), beside a paragraph of @n_lines lines: a zero-width space in
 * the text's own size keeps each line as tall as the text's; the number
 * is small and grey, as in the PDF. */
static void
write_numbers_para (DocxWriter *w,
                    const char *style,
                    guint       space_after,
                    guint       side,
                    const char *block_id,
                    PolisiLang  lang,
                    int         para)
{
  GArray *numbers = polisi_export_lookup_line_numbers (w->line_numbers, block_id, lang, para);
  ParaProps props = { style, FALSE, FALSE, FALSE, TRUE, space_after };

  start_para (w, &props, lang, MARK_NONE);
  /* back in the pPr: no indent, the numbers towards the text */
  for (guint i = 0; numbers != NULL && i < numbers->len; i++)
    {
      char number[16];

      gsf_xml_out_start_element (w->xml, "w:r");
      write_run_properties (w, lang, NULL);
      if (i > 0)
        gsf_xml_out_simple_element (w->xml, "w:br", NULL);
      gsf_xml_out_start_element (w->xml, "w:t");
      gsf_xml_out_add_cstr_unchecked (w->xml, NULL, "\xe2\x80\x8b");
      gsf_xml_out_end_element (w->xml);
      gsf_xml_out_end_element (w->xml);
      g_snprintf (number, sizeof number, "%u", g_array_index (numbers, guint, i));
      /* (its size on the run too: LibreOffice takes a character style's
       * size only on a run that says nothing else) */
      gsf_xml_out_start_element (w->xml, "w:r");
      gsf_xml_out_start_element (w->xml, "w:rPr");
      val_element (w->xml, "w:rStyle", "PolisiLineNumber");
      val_element (w->xml, "w:color", "595959");
      uint_element (w->xml, "w:sz", 13);
      uint_element (w->xml, "w:szCs", 13);
      polisi_xml_out_element (w->xml, "w:lang", "w:val", lang_tag (lang), NULL);
      gsf_xml_out_end_element (w->xml);
      gsf_xml_out_simple_element (w->xml, "w:t", number);
      gsf_xml_out_end_element (w->xml);
    }
  end_para (w);
}

/* The cell of numbers beside @block's text in @lang (@side 0: left of
 * the first column, 1: right of the second), a paragraph for each
 * paragraph write_block() writes there. */
static void
write_numbers_cell_part (DocxWriter  *w,
                         PolisiBlock *block,
                         PolisiLang   lang,
                         guint        side,
                         int          part,
                         guint        space_last)
{
  GPtrArray *paras = block->paras[lang];
  guint from = 0;
  guint to = paras->len;

  if (part >= 0)
    {
      from = MIN ((guint) part, to);
      to = MIN ((guint) part + 1, to);
    }

  gsf_xml_out_start_element (w->xml, "w:tc");
  gsf_xml_out_start_element (w->xml, "w:tcPr");
  polisi_xml_out_start (w->xml, "w:tcW", "w:type", "dxa", NULL);
  gsf_xml_out_add_uint (w->xml, "w:w", NUMBERS_WIDTH);
  gsf_xml_out_end_element (w->xml);
  gsf_xml_out_start_element (w->xml, "w:tcMar");
  polisi_xml_out_start (w->xml, "w:left", "w:type", "dxa", NULL);
  gsf_xml_out_add_uint (w->xml, "w:w", side == 0 ? 0 : NUMBERS_GAP);
  gsf_xml_out_end_element (w->xml);
  polisi_xml_out_start (w->xml, "w:right", "w:type", "dxa", NULL);
  gsf_xml_out_add_uint (w->xml, "w:w", side == 0 ? NUMBERS_GAP : 0);
  gsf_xml_out_end_element (w->xml);
  gsf_xml_out_end_element (w->xml);
  gsf_xml_out_end_element (w->xml);
  w->in_cell = TRUE;
  w->numbers_side = side + 1;

  if (block->kind == POLISI_BLOCK_HEADING)
    write_numbers_para (w, "PolisiLineNumbersHeading", 0, side, block->id, lang, -1);
  else
    {
      if (from == 0 && (paras->len == 0 || (block->number != NULL && ((PolisiTextBlock *) paras->pdata[0])->item)))
        /* a clause that starts with a list has its number on a line of its own */
        write_numbers_para (w, block->number != NULL ? "Clause" : "BodyText", paras->len == 0 ? space_last : 0,
                            side, NULL, lang, 0);
      for (guint i = from; i < to; i++)
        {
          PolisiTextBlock *para = paras->pdata[i];

          guint space = i + 1 == to ? space_last : 0;

          if (para->item && space == BLOCK_SPACE_AFTER)
            space = BLOCK_SPACE_AFTER - PARA_SPACE_FLOW;
          write_numbers_para (w, para->item ? "ListBullet" : block->number != NULL ? "Clause" : "BodyText",
                              space, side, block->id, lang, (int) i);
        }
    }
  w->numbers_side = 0;
  write_cell_end (w);
}

static void
write_numbers_cell (DocxWriter  *w,
                    PolisiBlock *block,
                    PolisiLang   lang,
                    guint        side)
{
  write_numbers_cell_part (w, block, lang, side, -1, BLOCK_SPACE_AFTER);
}

/* A clause or paragraph block whose languages have as many paragraphs,
 * as the PDF lays it out (polisi_page_layout_count_pairs()): a row for
 * each paragraph and its translation, which never splits; below the last
 * the space between clauses, below the others their paragraphs' own. */
static void
write_pair_rows (DocxWriter  *w,
                 PolisiBlock *block,
                 guint        index,
                 guint        n_pairs,
                 Mark         row_mark)
{
  gboolean clause = block->kind == POLISI_BLOCK_CLAUSE;

  w->block_change = block->change;
  w->block_index = index;
  for (guint p = 0; p < n_pairs; p++)
    {
      guint space_last = p + 1 == n_pairs ? BLOCK_SPACE_AFTER : 0;

      write_row_start (w, TRUE, FALSE, row_mark);
      if (has_numbers_columns (w))
        write_numbers_cell_part (w, block, w->langs[0], 0, (int) p, space_last);
      for (guint c = 0; c < w->n_langs; c++)
        {
          GPtrArray *paras = block->paras[w->langs[c]];

          write_cell_start (w, COLUMN_WIDTH + GUTTER / 2);
          if (paras->len == 0 && !(clause && block->number != NULL))
            {
              ParaProps props = { "BodyText", FALSE, FALSE, FALSE, FALSE, space_last };
              start_para (w, &props, w->langs[c], MARK_NONE);
              end_para (w);
            }
          else
            write_text_range (w, paras, MIN (p, paras->len), MIN (p + 1, paras->len), p, w->langs[c],
                              clause ? "Clause" : "BodyText", clause ? "ClauseContinued" : "BodyText",
                              clause ? block->number : NULL, clause ? block->id : NULL, space_last);
          write_cell_end (w);
        }
      if (has_numbers_columns (w))
        write_numbers_cell_part (w, block, w->langs[1], 1, (int) p, space_last);
      gsf_xml_out_end_element (w->xml);
    }
  w->block_change = POLISI_CHANGE_NONE;
}

/* @body: a table of the body, with the columns of line numbers when the
 * draft has them (not the title page's) */
static void
start_columns_table (DocxWriter *w,
                     gboolean    body)
{
  const guint widths[2] = { COLUMN_WIDTH + GUTTER / 2, COLUMN_WIDTH + GUTTER / 2 };
  const guint numbered[4] = { NUMBERS_WIDTH, COLUMN_WIDTH + GUTTER / 2, COLUMN_WIDTH + GUTTER / 2, NUMBERS_WIDTH };

  if (body && has_numbers_columns (w))
    write_table_start_full (w, "PolisiColumns", NULL, numbered, 4, NUMBERS_WIDTH);
  else
    write_table_start (w, "PolisiColumns", NULL, widths, 2);
}

/* Parallel columns: one table, one row per block, Welsh on the left
 * (unless English first is asked for). */
static void
write_columns (DocxWriter *w)
{
  guint n_blocks = polisi_document_get_n_blocks (w->document);
  gboolean open;

  /* The title blocks and the contents lists side by side, in a table of
   * their own; the body on a new page. */
  start_columns_table (w, FALSE);
  write_row_start (w, FALSE, FALSE, MARK_NONE);
  for (guint c = 0; c < w->n_langs; c++)
    {
      write_cell_start (w, COLUMN_WIDTH + GUTTER / 2);
      write_title_block (w, w->langs[c]);
      write_toc (w, w->langs[c], COLUMN_WIDTH - CELL_PADDING);
      write_cell_end (w);
    }
  gsf_xml_out_end_element (w->xml);
  gsf_xml_out_end_element (w->xml); /* tbl */
  write_separator (w, w->langs[0], TRUE);
  open = FALSE;

  for (guint i = 0; i < n_blocks; i++)
    {
      PolisiBlock *block = polisi_document_get_block (w->document, i);
      gboolean heading = block->kind == POLISI_BLOCK_HEADING;
      Mark row_mark = block->change == POLISI_CHANGE_INSERTED ? MARK_INS :
                      block->change == POLISI_CHANGE_DELETED ? MARK_DEL : MARK_NONE;

      if (block->kind == POLISI_BLOCK_TABLE)
        {
          if (open)
            {
              gsf_xml_out_end_element (w->xml);
              write_separator (w, w->langs[0], FALSE);
            }
          open = FALSE;
          for (guint c = 0; c < w->n_langs; c++)
            {
              write_data_table (w, block, w->langs[c]);
              write_separator (w, w->langs[c], FALSE);
            }
          continue;
        }

      /* an appendix starts a page: the table ends before it */
      if (heading && block->appendix)
        {
          if (open)
            gsf_xml_out_end_element (w->xml);
          write_separator (w, w->langs[0], TRUE);
          open = FALSE;
        }

      if (!open)
        start_columns_table (w, TRUE);
      open = TRUE;

      /* a paragraph and its translation: a row that never splits; with
       * tracked changes, a block with a paragraph break inserted or
       * deleted is one row, so that accepting or rejecting the change
       * joins its paragraphs (no row of a table can) */
      if (!heading && !(w->tracked && polisi_export_block_breaks_change (block)))
        {
          guint n_pairs = polisi_page_layout_count_pairs (block, w->langs[0], w->langs[1]);

          if (n_pairs > 0)
            {
              write_pair_rows (w, block, i, n_pairs, row_mark);
              continue;
            }
        }

      /* A heading's row never splits and keeps with the clause after it. */
      write_row_start (w, heading, FALSE, row_mark);
      if (has_numbers_columns (w))
        write_numbers_cell (w, block, w->langs[0], 0);
      for (guint c = 0; c < w->n_langs; c++)
        {
          write_cell_start (w, COLUMN_WIDTH + GUTTER / 2);
          if (block->kind != POLISI_BLOCK_HEADING && block->paras[w->langs[c]]->len == 0 && block->number == NULL)
            {
              ParaProps props = { "BodyText", FALSE, FALSE, FALSE, FALSE, BLOCK_SPACE_AFTER };
              start_para (w, &props, w->langs[c], MARK_NONE);
              end_para (w);
            }
          else
            write_block (w, block, i, w->langs[c]);
          write_cell_end (w);
        }
      if (has_numbers_columns (w))
        write_numbers_cell (w, block, w->langs[1], 1);
      gsf_xml_out_end_element (w->xml);
    }

  if (open)
    gsf_xml_out_end_element (w->xml);
}

static void
write_body (DocxWriter *w)
{
  switch (w->options->layout)
    {
    case POLISI_LAYOUT_COLUMNS:
      write_columns (w);
      write_section_properties (w, 0, FALSE);
      break;
    case POLISI_LAYOUT_SEQUENTIAL:
      write_part (w, w->langs[0]);
      /* the first language's section ends on an empty paragraph that
       * carries it; the second starts on a new page */
      gsf_xml_out_start_element (w->xml, "w:p");
      gsf_xml_out_start_element (w->xml, "w:pPr");
      val_element (w->xml, "w:pStyle", "PolisiSeparator");
      write_section_properties (w, 0, FALSE);
      gsf_xml_out_end_element (w->xml);
      gsf_xml_out_end_element (w->xml);
      w->page_break_pending = FALSE;
      write_part (w, w->langs[1]);
      write_section_properties (w, 1, FALSE);
      break;
    case POLISI_LAYOUT_CY:
    case POLISI_LAYOUT_EN:
    case POLISI_LAYOUT_SEPARATE:
    default:
      write_part (w, w->langs[0]);
      write_section_properties (w, 0, FALSE);
      break;
    }
}

/* ------------------------------------------------------------------ */
/* document.xml                                                         */
/* ------------------------------------------------------------------ */

static void
write_section_properties (DocxWriter *w,
                          guint       part,
                          gboolean    two_columns)
{
  GsfXMLOut *xml = w->xml;

  gsf_xml_out_start_element (xml, "w:sectPr");
  polisi_xml_out_element (xml, "w:headerReference", "w:type", "default", "r:id", w->header_ids[part], NULL);
  /* no running header on a part's title page (w:titlePg below): its
   * header holds only the draft watermark; the footer is the same */
  polisi_xml_out_element (xml, "w:headerReference", "w:type", "first", "r:id", w->title_header_ids[part], NULL);
  polisi_xml_out_element (xml, "w:footerReference", "w:type", "default", "r:id", w->footer_ids[part], NULL);
  polisi_xml_out_element (xml, "w:footerReference", "w:type", "first", "r:id", w->footer_ids[part], NULL);
  /* back to back, the second language starts on a right-hand page */
  val_element (xml, "w:type", part > 0 ? "oddPage" : "nextPage");
  gsf_xml_out_start_element (xml, "w:pgSz");
  gsf_xml_out_add_uint (xml, "w:w", PAGE_WIDTH);
  gsf_xml_out_add_uint (xml, "w:h", PAGE_HEIGHT);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_start_element (xml, "w:pgMar");
  gsf_xml_out_add_uint (xml, "w:top", w->options->layout != POLISI_LAYOUT_COLUMNS ? MARGIN_TOP_FLOW : MARGIN_TOP);
  gsf_xml_out_add_uint (xml, "w:right", MARGIN_X);
  gsf_xml_out_add_uint (xml, "w:bottom", w->options->layout != POLISI_LAYOUT_COLUMNS ? MARGIN_BOTTOM_FLOW : MARGIN_BOTTOM);
  gsf_xml_out_add_uint (xml, "w:left", MARGIN_X);
  gsf_xml_out_add_uint (xml, "w:header", HEADER_DISTANCE);
  gsf_xml_out_add_uint (xml, "w:footer", FOOTER_DISTANCE);
  gsf_xml_out_add_uint (xml, "w:gutter", 0);
  gsf_xml_out_end_element (xml);
  /* Consultation drafts number their lines, for comments to cite. */
  if (polisi_document_get_line_numbers (w->document))
    polisi_xml_out_element (xml, "w:lnNumType",
                    "w:countBy", "5",
                    "w:distance", "198",
                    "w:restart", "continuous",
                    NULL);
  if (two_columns)
    {
      gsf_xml_out_start_element (xml, "w:cols");
      gsf_xml_out_add_uint (xml, "w:num", 2);
      gsf_xml_out_add_uint (xml, "w:space", GUTTER);
      gsf_xml_out_end_element (xml);
    }
  gsf_xml_out_simple_element (xml, "w:titlePg", NULL);
  gsf_xml_out_end_element (xml);
}

static void
write_document_xml (DocxWriter *w,
                    GsfXMLOut  *xml)
{
  w->xml = xml;
  gsf_xml_out_start_element (xml, "w:document");
  add_wml_namespaces (xml);
  gsf_xml_out_start_element (xml, "w:body");
  write_body (w);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
  w->xml = NULL;
}

/* ------------------------------------------------------------------ */
/* Headers and footers                                                  */
/* ------------------------------------------------------------------ */

/* The languages a part's header and footer show. */
static guint
part_languages (DocxWriter *w,
                guint       part,
                PolisiLang  langs[POLISI_N_LANGS])
{
  if (w->options->layout == POLISI_LAYOUT_SEQUENTIAL)
    {
      langs[0] = w->langs[part];
      return 1;
    }
  for (guint i = 0; i < w->n_langs; i++)
    langs[i] = w->langs[i];
  return w->n_langs;
}

/* Word's own draft watermark: a VML text-path shape, in the header, behind
 * the text, turned 45 degrees, in the middle of the page. A run, in the
 * header's first paragraph. */
static void
write_watermark (DocxWriter       *w,
                 const PolisiLang *langs,
                 guint             n_langs)
{
  GsfXMLOut *xml = w->xml;
  g_autoptr(GString) text = g_string_new (NULL);
  char style[256];
  double width = 460, height;
  char spid[32];

  for (guint i = 0; i < n_langs; i++)
    {
      const char *mark = polisi_document_get_watermark (w->document, langs[i]);

      if (mark == NULL)
        return;
      if (i > 0)
        g_string_append (text, " / ");
      g_string_append (text, mark);
    }
  /* each header's shape has an id of its own */
  g_snprintf (spid, sizeof spid, "_x0000_s%u", 2049 + w->n_shapes++);
  /* proportions of the text, so that the letters are not stretched */
  height = width * 1.2 / (0.7 * MAX (g_utf8_strlen (text->str, -1), 4));

  g_snprintf (style, sizeof style,
              "position:absolute;margin-left:0;margin-top:0;width:%upt;height:%upt;rotation:315;"
              "z-index:-251654144;mso-position-horizontal:center;mso-position-horizontal-relative:margin;"
              "mso-position-vertical:center;mso-position-vertical-relative:margin",
              (guint) width, (guint) MAX (height, 20));

  gsf_xml_out_start_element (xml, "w:r");
  write_run_properties (w, langs[0], NULL);
  gsf_xml_out_start_element (xml, "w:pict");
  polisi_xml_out_start (xml, "v:shapetype",
                 "id", "_x0000_t136",
                 "coordsize", "21600,21600",
                 "o:spt", "136",
                 "adj", "10800",
                 "path", "m@7,l@8,m@5,21600l@6,21600e",
                 NULL);
  gsf_xml_out_start_element (xml, "v:formulas");
  {
    static const char *formulas[] = {
      "sum #0 0 10800", "prod #0 2 1", "sum 21600 0 @1", "sum 0 0 @2", "sum 21600 0 @3",
      "if @0 @3 0", "if @0 21600 @1", "if @0 0 @2", "if @0 @4 21600", "mid @5 @6", "mid @8 @5",
      "mid @7 @8", "mid @6 @7", "sum @6 0 @5",
    };
    for (guint i = 0; i < G_N_ELEMENTS (formulas); i++)
      polisi_xml_out_element (xml, "v:f", "eqn", formulas[i], NULL);
  }
  gsf_xml_out_end_element (xml);
  polisi_xml_out_element (xml, "v:path",
                  "textpathok", "t",
                  "o:connecttype", "custom",
                  "o:connectlocs", "@9,0;@10,10800;@11,21600;@12,10800",
                  "o:connectangles", "270,180,90,0",
                  NULL);
  polisi_xml_out_element (xml, "v:textpath", "on", "t", "fitshape", "t", NULL);
  gsf_xml_out_start_element (xml, "v:handles");
  polisi_xml_out_element (xml, "v:h", "position", "#0,bottomRight", "xrange", "6629,14971", NULL);
  gsf_xml_out_end_element (xml);
  polisi_xml_out_element (xml, "o:lock", "v:ext", "edit", "text", "t", "shapetype", "t", NULL);
  gsf_xml_out_end_element (xml); /* shapetype */

  polisi_xml_out_start (xml, "v:shape",
                 "id", "PowerPlusWaterMarkObject",
                 "o:spid", spid,
                 "type", "#_x0000_t136",
                 "style", style,
                 "o:allowincell", "f",
                 "fillcolor", "#8c8c8c",
                 "stroked", "f",
                 NULL);
  polisi_xml_out_element (xml, "v:fill", "opacity", ".2", NULL);
  {
    g_autofree char *font = g_strdup_printf ("font-family:\"%s\";font-size:1pt;font-weight:bold", FONT_NAME);
    polisi_xml_out_element (xml, "v:textpath", "style", font, "string", text->str, NULL);
  }
  gsf_xml_out_end_element (xml); /* shape */
  gsf_xml_out_end_element (xml); /* pict */
  gsf_xml_out_end_element (xml); /* r */
}

static const char *header_first_style[POLISI_N_LANGS] = { "HeaderFirstCymraeg", "HeaderFirstEnglish" };

static void
write_header_lines (DocxWriter       *w,
                    gboolean          in_table,
                    PolisiLang        lang,
                    const PolisiLang *watermark_langs,
                    guint             n_watermark_langs)
{
  PolisiDocument *document = w->document;
  const char *organisation = polisi_document_get_organisation (document, lang);
  const char *closing = polisi_document_get_closing_text (document, lang);
  g_autoptr(GString) first = g_string_new (NULL);
  g_autoptr(GString) second = g_string_new (NULL);
  g_autofree char *third = NULL;

  if (organisation != NULL && organisation[0] != '\0')
    g_string_append_printf (first, "%s · ", organisation);
  g_string_append (first, polisi_document_get_title (document, lang));
  g_string_append_printf (second, "%s %s · %s", polisi_export_term (POLISI_TERM_VERSION, lang),
                          polisi_document_get_version (document), polisi_document_get_status_text (document, lang));
  /* the closing date after the version and status when it fits there,
   * else on a line of its own, where the PDF draws it */
  if (closing != NULL && polisi_page_layout_get_header_n_lines (w->layout, lang) > 2)
    third = g_strdup_printf ("%s: %s", polisi_export_term (POLISI_TERM_CLOSING_DATE, lang), closing);
  else if (closing != NULL)
    g_string_append_printf (second, " · %s: %s", polisi_export_term (POLISI_TERM_CLOSING_DATE, lang), closing);
  {
    ParaProps props = { header_first_style[lang], FALSE, FALSE, FALSE, FALSE, 0 };

    start_para (w, &props, lang, MARK_NONE);
    if (n_watermark_langs > 0)
      write_watermark (w, watermark_langs, n_watermark_langs);
    write_inline (w, lang, first->str, first->len, MARK_NONE);
    end_para (w);
  }
  if (third != NULL)
    {
      write_para (w, "Header", lang, second->str);
      write_para (w, in_table ? "Header" : "HeaderLast", lang, third);
    }
  else
    write_para (w, in_table ? "Header" : "HeaderLast", lang, second->str);
}

static void
write_header_xml (DocxWriter *w,
                  GsfXMLOut  *xml,
                  guint       part)
{
  PolisiLang langs[POLISI_N_LANGS] = { POLISI_LANG_CY, POLISI_LANG_EN };
  guint n_langs = part_languages (w, part, langs);

  w->xml = xml;
  gsf_xml_out_start_element (xml, "w:hdr");
  add_wml_namespaces (xml);
  if (n_langs == 1)
    write_header_lines (w, FALSE, langs[0], langs, n_langs);
  else
    {
      const guint widths[2] = { TEXT_WIDTH / 2, TEXT_WIDTH / 2 };

      write_table_start (w, "PolisiColumns", NULL, widths, 2);
      write_row_start (w, FALSE, FALSE, MARK_NONE);
      for (guint i = 0; i < n_langs; i++)
        {
          write_cell_start (w, widths[i]);
          write_header_lines (w, TRUE, langs[i], langs, i == 0 ? n_langs : 0);
          write_cell_end (w);
        }
      gsf_xml_out_end_element (xml);
      gsf_xml_out_end_element (xml);
      write_para (w, "HeaderRule", langs[0], NULL);
    }
  gsf_xml_out_end_element (xml);
  w->xml = NULL;
}

static void
write_simple_field (DocxWriter *w,
                    PolisiLang  lang,
                    const char *instruction,
                    const char *cached)
{
  gsf_xml_out_start_element (w->xml, "w:fldSimple");
  gsf_xml_out_add_cstr_unchecked (w->xml, "w:instr", instruction);
  write_run (w, lang, NULL, cached, strlen (cached), FALSE);
  gsf_xml_out_end_element (w->xml);
}

/* "Tudalen X o Y / Page X of Y", with PAGE and NUMPAGES fields. */
static void
write_footer_xml (DocxWriter *w,
                  GsfXMLOut  *xml,
                  guint       part)
{
  PolisiLang langs[POLISI_N_LANGS] = { POLISI_LANG_CY, POLISI_LANG_EN };
  guint n_langs = part_languages (w, part, langs);
  ParaProps props = { "Footer", FALSE, FALSE, FALSE, TRUE, 0 };
  char total[16];

  g_snprintf (total, sizeof total, "%u", polisi_page_layout_get_n_pages (w->layout));
  w->xml = xml;
  gsf_xml_out_start_element (xml, "w:ftr");
  add_wml_namespaces (xml);
  start_para (w, &props, langs[0], MARK_NONE);
  for (guint i = 0; i < n_langs; i++)
    {
      /* "Tudalen %s o %s": the words between the numbers, in order */
      g_auto(GStrv) words = g_strsplit (polisi_export_term (POLISI_TERM_PAGE_X_OF_Y, langs[i]), "%s", 3);

      if (i > 0)
        write_run (w, langs[i], NULL, " / ", 3, FALSE);
      write_run (w, langs[i], NULL, words[0], strlen (words[0]), FALSE);
      write_simple_field (w, langs[i], " PAGE ", "1");
      if (words[1] != NULL)
        write_run (w, langs[i], NULL, words[1], strlen (words[1]), FALSE);
      write_simple_field (w, langs[i], " NUMPAGES ", total);
      if (words[1] != NULL && words[2] != NULL)
        write_run (w, langs[i], NULL, words[2], strlen (words[2]), FALSE);
    }
  end_para (w);
  gsf_xml_out_end_element (xml);
  w->xml = NULL;
}

/* A part's title page: no running header, only the draft watermark. */
static void
write_title_header_xml (DocxWriter *w,
                        GsfXMLOut  *xml,
                        guint       part)
{
  PolisiLang langs[POLISI_N_LANGS] = { POLISI_LANG_CY, POLISI_LANG_EN };
  guint n_langs = part_languages (w, part, langs);
  ParaProps props = { "PolisiSeparator", FALSE, FALSE, FALSE, TRUE, 0 };

  w->xml = xml;
  gsf_xml_out_start_element (xml, "w:hdr");
  add_wml_namespaces (xml);
  start_para (w, &props, langs[0], MARK_NONE);
  write_watermark (w, langs, n_langs);
  end_para (w);
  gsf_xml_out_end_element (xml);
  w->xml = NULL;
}

static void
write_title_header_0 (DocxWriter *w, GsfXMLOut *xml) { write_title_header_xml (w, xml, 0); }
static void
write_title_header_1 (DocxWriter *w, GsfXMLOut *xml) { write_title_header_xml (w, xml, 1); }
static void
write_header_0 (DocxWriter *w, GsfXMLOut *xml) { write_header_xml (w, xml, 0); }
static void
write_header_1 (DocxWriter *w, GsfXMLOut *xml) { write_header_xml (w, xml, 1); }
static void
write_footer_0 (DocxWriter *w, GsfXMLOut *xml) { write_footer_xml (w, xml, 0); }
static void
write_footer_1 (DocxWriter *w, GsfXMLOut *xml) { write_footer_xml (w, xml, 1); }

/* ------------------------------------------------------------------ */
/* styles.xml, numbering.xml, settings.xml                              */
/* ------------------------------------------------------------------ */

typedef struct {
  const char *id;
  const char *name;
  const char *based_on;
  const char *next;
  guint       size;          /* half-points; 0: inherited */
  gboolean    bold;
  const char *colour;
  guint       before;        /* twips */
  guint       after;
  gboolean    keep_next;
  int         outline;       /* 0-based, or -1 */
  guint       indent_left;
  guint       hanging;
  const char *align;
} ParaStyleDef;

static const ParaStyleDef para_style_defs[] = {
  /* id, name, based on, next, size, bold, colour, before, after, keep, outline, left, hanging, align */
  { "Normal", "Normal", NULL, NULL, 0, FALSE, NULL, 0, 80, FALSE, -1, 0, 0, NULL },
  { "BodyText", "Body Text", "Normal", NULL, 0, FALSE, NULL, 0, 80, FALSE, -1, 0, 0, NULL },
  { "PolisiOrganisation", "Organisation", "Normal", "Title", 40, TRUE, NULL, 0, 120, TRUE, -1, 0, 0, NULL },
  { "Title", "Title", "Normal", "PolisiDetails", 28, FALSE, NULL, 0, 200, TRUE, -1, 0, 0, NULL },
  { "PolisiDetails", "Document details", "Normal", NULL, 0, FALSE, NULL, 0, 60, FALSE, -1, 0, 0, NULL },
  { "PolisiNote", "Note", "PolisiDetails", NULL, 0, FALSE, NULL, 0, 60, FALSE, -1, 0, 0, NULL },
  { "Heading1", "heading 1", "Normal", "Clause", 25, TRUE, NULL, 280, 120, TRUE, 0, 0, 0, NULL },
  { "Heading1Cymraeg", "Heading 1 Cymraeg", "Heading1", "Clause", 0, FALSE, NULL, 0, 0, FALSE, -1, 0, 0, NULL },
  { "Heading1English", "Heading 1 English", "Heading1", "Clause", 0, FALSE, NULL, 0, 0, FALSE, -1, 0, 0, NULL },
  { "Clause", "Clause", "BodyText", "ClauseContinued", 0, FALSE, NULL, 0, 80, FALSE, -1, NUMBER_INDENT, NUMBER_INDENT, NULL },
  { "ClauseContinued", "Clause continued", "BodyText", NULL, 0, FALSE, NULL, 0, 80, FALSE, -1, NUMBER_INDENT, 0, NULL },
  { "ListBullet", "List Bullet", "BodyText", NULL, 0, FALSE, NULL, 0, 20, FALSE, -1, 0, 0, NULL },
  { "TableContents", "Table Contents", "Normal", NULL, 17, FALSE, NULL, 0, 0, FALSE, -1, 0, 0, NULL },
  { "TableHeading", "Table Heading", "TableContents", NULL, 0, TRUE, NULL, 0, 0, FALSE, -1, 0, 0, NULL },
  { "TOCHeading", "TOC Heading", "Normal", NULL, 25, TRUE, NULL, 360, 160, TRUE, -1, 0, 0, NULL },
  { "TOC1", "toc 1", "Normal", NULL, 0, FALSE, NULL, 0, 60, FALSE, -1, 0, 0, NULL },
  { "Header", "header", "Normal", NULL, 15, FALSE, QUIET_COLOUR, 0, 0, FALSE, -1, 0, 0, NULL },
  { "HeaderLast", "Header last line", "Header", NULL, 0, FALSE, NULL, 0, 0, FALSE, -1, 0, 0, NULL },
  { "Footer", "footer", "Normal", NULL, 16, FALSE, QUIET_COLOUR, 0, 0, FALSE, -1, 0, 0, "center" },
  { "PolisiSeparator", "Separator", "Normal", NULL, 2, FALSE, NULL, 0, 0, FALSE, -1, 0, 0, NULL },
  { "HeaderRule", "Header rule", "PolisiSeparator", NULL, 0, FALSE, NULL, 0, 0, FALSE, -1, 0, 0, NULL },
  /* beside a heading, its line numbers: a heading's size and spacing, without being one */
  { "PolisiLineNumbersHeading", "Line numbers beside a heading", "Normal", NULL, 25, TRUE, NULL, 280, 120, TRUE, -1, 0, 0, NULL },
};

/* @flow: outside parallel columns, the PDF's line and paragraph spacing:
 * lines 130% apart, the last line of a paragraph as tall as the others,
 * so less space below it; no space above a heading, as in the PDF (a
 * clause's last paragraph has the space between clauses below it) */
static void
write_para_style (GsfXMLOut          *xml,
                  const ParaStyleDef *style,
                  gboolean            flow)
{
  gboolean is_default = g_str_equal (style->id, "Normal");
  ParaStyleDef flow_def = *style;
  const ParaStyleDef *def = &flow_def;
  gboolean spacing_changed = FALSE;
  guint line = 0;   /* the line height, in 240ths; 0: the style's */

  if (flow)
    {
      /* a one-line paragraph of the title page as tall as in the PDF, its
       * space after it included, as a one-line list item */
      guint one_line = polisi_export_item_line_height (1) * 240 / 100;

      if (g_str_equal (def->id, "BodyText") || g_str_equal (def->id, "Clause") ||
          g_str_equal (def->id, "ClauseContinued"))
        flow_def.after = PARA_SPACE_FLOW;
      else if (g_str_equal (def->id, "ListBullet"))
        flow_def.after = 0;
      else if (g_str_equal (def->id, "Heading1"))
        {
          flow_def.before = 0;
          flow_def.after = HEADING_SPACE_FLOW;
          line = 240;
        }
      /* the title page: its title, the details, the contents list */
      else if (g_str_equal (def->id, "PolisiOrganisation"))
        {
          flow_def.after = 130;
          line = 240;
        }
      else if (g_str_equal (def->id, "Title"))
        line = 240;
      else if (g_str_equal (def->id, "PolisiDetails") || g_str_equal (def->id, "TOC1"))
        {
          flow_def.after = 0;
          line = one_line;
        }
      else if (g_str_equal (def->id, "PolisiNote"))
        flow_def.after = 110;
      else if (g_str_equal (def->id, "TOCHeading"))
        {
          flow_def.before = 0;
          flow_def.after = 159;
          line = 240;
        }
      spacing_changed = flow_def.after != style->after || flow_def.before != style->before || line > 0;
    }
  else
    {
      /* parallel columns, whose rows of paragraph pairs never split: the
       * ODT's lines and spaces, so that each row is the box the PDF's
       * pagination fits on the page (lines 130% apart and the PDF's space
       * less its shorter last line below a paragraph; a list item's lines
       * 128% apart, as COLUMNS_ITEM_LINE_HEIGHT in polisi-odt.c, nothing
       * below it; a heading's row the heading and 6 pt, nothing above) */
      if (g_str_equal (def->id, "BodyText") || g_str_equal (def->id, "Clause") ||
          g_str_equal (def->id, "ClauseContinued"))
        {
          flow_def.after = PARA_SPACE_FLOW;
          line = POLISI_EXPORT_LINE_HEIGHT * 240 / 100;
        }
      else if (g_str_equal (def->id, "ListBullet"))
        {
          flow_def.after = 0;
          line = COLUMNS_ITEM_LINE_HEIGHT * 240 / 100;
        }
      else if (g_str_equal (def->id, "Heading1") || g_str_equal (def->id, "PolisiLineNumbersHeading"))
        {
          flow_def.before = 0;
          flow_def.after = HEADING_SPACE_FLOW;
          line = 240;
        }
      spacing_changed = flow_def.after != style->after || flow_def.before != style->before || line > 0;
    }

  polisi_xml_out_start (xml, "w:style", "w:type", "paragraph", "w:styleId", def->id, NULL);
  if (is_default)
    gsf_xml_out_add_cstr_unchecked (xml, "w:default", "1");
  val_element (xml, "w:name", def->name);
  if (def->based_on != NULL)
    val_element (xml, "w:basedOn", def->based_on);
  if (def->next != NULL)
    val_element (xml, "w:next", def->next);
  gsf_xml_out_simple_element (xml, "w:qFormat", NULL);

  gsf_xml_out_start_element (xml, "w:pPr");
  if (def->keep_next)
    gsf_xml_out_simple_element (xml, "w:keepNext", NULL);
  if (g_str_equal (def->id, "Clause"))
    {
      /* the text after the number starts where the hanging indent ends */
      gsf_xml_out_start_element (xml, "w:tabs");
      gsf_xml_out_start_element (xml, "w:tab");
      gsf_xml_out_add_cstr_unchecked (xml, "w:val", "left");
      gsf_xml_out_add_uint (xml, "w:pos", NUMBER_INDENT);
      gsf_xml_out_end_element (xml);
      gsf_xml_out_end_element (xml);
    }
  if (g_str_equal (def->id, "HeaderLast") || g_str_equal (def->id, "HeaderRule"))
    {
      /* the rule under the header */
      gsf_xml_out_start_element (xml, "w:pBdr");
      polisi_xml_out_element (xml, "w:bottom", "w:val", "single", "w:sz", "4", "w:space", "4", "w:color", QUIET_COLOUR, NULL);
      gsf_xml_out_end_element (xml);
    }
  if (def->before > 0 || def->after > 0 || is_default || spacing_changed ||
      g_str_equal (def->id, "PolisiSeparator") || g_str_equal (def->id, "Header"))
    {
      gsf_xml_out_start_element (xml, "w:spacing");
      gsf_xml_out_add_uint (xml, "w:before", def->before);
      gsf_xml_out_add_uint (xml, "w:after", def->after);
      if (g_str_equal (def->id, "PolisiSeparator"))
        {
          gsf_xml_out_add_uint (xml, "w:line", 20);
          gsf_xml_out_add_cstr_unchecked (xml, "w:lineRule", "exact");
        }
      else if (g_str_equal (def->id, "Header"))
        {
          /* the PDF's header lines, 10.9 pt apart */
          gsf_xml_out_add_uint (xml, "w:line", 218);
          gsf_xml_out_add_cstr_unchecked (xml, "w:lineRule", "exact");
        }
      else if (line > 0)
        {
          gsf_xml_out_add_uint (xml, "w:line", line);
          gsf_xml_out_add_cstr_unchecked (xml, "w:lineRule", "auto");
        }
      else if (is_default)
        {
          /* the PDF's lines (outside parallel columns), or 14.2 pt apart,
           * between its lines and its list items (in parallel columns) */
          gsf_xml_out_add_uint (xml, "w:line", flow ? POLISI_EXPORT_LINE_HEIGHT * 240 / 100 : 296);
          gsf_xml_out_add_cstr_unchecked (xml, "w:lineRule", "auto");
        }
      gsf_xml_out_end_element (xml);
    }
  if (def->indent_left > 0)
    {
      gsf_xml_out_start_element (xml, "w:ind");
      gsf_xml_out_add_uint (xml, "w:left", def->indent_left);
      if (def->hanging > 0)
        gsf_xml_out_add_uint (xml, "w:hanging", def->hanging);
      gsf_xml_out_end_element (xml);
    }
  if (def->align != NULL)
    val_element (xml, "w:jc", def->align);
  if (def->outline >= 0)
    uint_element (xml, "w:outlineLvl", (guint) def->outline);
  gsf_xml_out_end_element (xml);

  if (def->bold || def->colour != NULL || def->size > 0)
    {
      gsf_xml_out_start_element (xml, "w:rPr");
      if (def->bold)
        {
          gsf_xml_out_simple_element (xml, "w:b", NULL);
          gsf_xml_out_simple_element (xml, "w:bCs", NULL);
        }
      if (def->colour != NULL)
        val_element (xml, "w:color", def->colour);
      if (def->size > 0)
        {
          uint_element (xml, "w:sz", def->size);
          uint_element (xml, "w:szCs", def->size);
        }
      gsf_xml_out_end_element (xml);
    }
  gsf_xml_out_end_element (xml);
}

/* @size: half-points, or 0 */
static void
write_char_style (GsfXMLOut  *xml,
                  const char *id,
                  const char *name,
                  const char *colour,
                  gboolean    bold,
                  gboolean    strike,
                  gboolean    underline,
                  guint       size)
{
  polisi_xml_out_start (xml, "w:style", "w:type", "character", "w:styleId", id, NULL);
  val_element (xml, "w:name", name);
  gsf_xml_out_start_element (xml, "w:rPr");
  if (bold)
    {
      gsf_xml_out_simple_element (xml, "w:b", NULL);
      gsf_xml_out_simple_element (xml, "w:bCs", NULL);
    }
  if (strike)
    gsf_xml_out_simple_element (xml, "w:strike", NULL);
  if (colour != NULL)
    val_element (xml, "w:color", colour);
  if (size > 0)
    {
      uint_element (xml, "w:sz", size);
      uint_element (xml, "w:szCs", size);
    }
  if (underline)
    val_element (xml, "w:u", "single");
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
}

static void
write_table_style (GsfXMLOut  *xml,
                   const char *id,
                   const char *name,
                   gboolean    borders)
{
  static const char *sides[] = { "w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV" };

  polisi_xml_out_start (xml, "w:style", "w:type", "table", "w:styleId", id, NULL);
  val_element (xml, "w:name", name);
  gsf_xml_out_start_element (xml, "w:tblPr");
  if (borders)
    {
      gsf_xml_out_start_element (xml, "w:tblBorders");
      for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
        polisi_xml_out_element (xml, sides[i], "w:val", "single", "w:sz", "4", "w:space", "0", "w:color", "737373", NULL);
      gsf_xml_out_end_element (xml);
    }
  gsf_xml_out_start_element (xml, "w:tblCellMar");
  {
    char pad[16];
    g_snprintf (pad, sizeof pad, "%u", CELL_PADDING);
    polisi_xml_out_element (xml, "w:top", "w:w", borders ? pad : "0", "w:type", "dxa", NULL);
    polisi_xml_out_element (xml, "w:left", "w:w", borders ? pad : "0", "w:type", "dxa", NULL);
    polisi_xml_out_element (xml, "w:bottom", "w:w", borders ? pad : "0", "w:type", "dxa", NULL);
    g_snprintf (pad, sizeof pad, "%u", borders ? CELL_PADDING : GUTTER / 2);
    polisi_xml_out_element (xml, "w:right", "w:w", pad, "w:type", "dxa", NULL);
  }
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
}

static void
write_styles_xml (DocxWriter *w,
                  GsfXMLOut  *xml)
{
  gsf_xml_out_start_element (xml, "w:styles");
  add_wml_namespaces (xml);

  /* Liberation Sans 10 pt, the PDF's, for every script; the first
   * language for text a person adds. */
  gsf_xml_out_start_element (xml, "w:docDefaults");
  gsf_xml_out_start_element (xml, "w:rPrDefault");
  gsf_xml_out_start_element (xml, "w:rPr");
  polisi_xml_out_element (xml, "w:rFonts",
                  "w:ascii", FONT_NAME, "w:hAnsi", FONT_NAME, "w:eastAsia", FONT_NAME, "w:cs", FONT_NAME,
                  NULL);
  val_element (xml, "w:color", TEXT_COLOUR);
  /* pair kerning, as in the PDF, at every size */
  uint_element (xml, "w:kern", 2);
  uint_element (xml, "w:sz", 20);
  uint_element (xml, "w:szCs", 20);
  polisi_xml_out_element (xml, "w:lang", "w:val", lang_tag (w->langs[0]), "w:eastAsia", lang_tag (w->langs[0]),
                  "w:bidi", lang_tag (w->langs[0]), NULL);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_start_element (xml, "w:pPrDefault");
  gsf_xml_out_start_element (xml, "w:pPr");
  gsf_xml_out_simple_element (xml, "w:widowControl", NULL);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);

  for (guint i = 0; i < G_N_ELEMENTS (para_style_defs); i++)
    write_para_style (xml, &para_style_defs[i], w->options->layout != POLISI_LAYOUT_COLUMNS);

  /* the header's first line in the PDF's size: a little smaller when it
   * is a little too long for its column (parallel columns), so that it
   * keeps to one line, as in the PDF and the ODT (half points, rounded
   * down) */
  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      double size = polisi_page_layout_get_header_size (w->layout, lang);
      ParaStyleDef first = {
        header_first_style[lang], header_first_style[lang], "Header", NULL,
        (guint) floor (MIN (size, 7.5) * 2), FALSE, NULL, 0, 0, FALSE, -1, 0, 0, NULL,
      };

      write_para_style (xml, &first, w->options->layout != POLISI_LAYOUT_COLUMNS);
    }

  write_char_style (xml, "Hyperlink", "Hyperlink", "1F4E8C", FALSE, FALSE, TRUE, 0);
  write_char_style (xml, "PolisiClauseNumber", "Clause number", NULL, TRUE, FALSE, FALSE, 0);
  write_char_style (xml, "PolisiLineNumber", "Line number", "595959", FALSE, FALSE, FALSE, 13);
  write_char_style (xml, "PolisiInserted", "Inserted text", INSERTED_COLOUR, FALSE, FALSE, TRUE, 0);
  write_char_style (xml, "PolisiDeleted", "Deleted text", DELETED_COLOUR, FALSE, TRUE, FALSE, 0);
  write_table_style (xml, "PolisiTable", "Polisi Table", TRUE);
  write_table_style (xml, "PolisiColumns", "Polisi Columns", FALSE);

  gsf_xml_out_end_element (xml);
}

/* One bullet list: the indents are the paragraphs' own. */
static void
write_numbering_xml (DocxWriter *w,
                     GsfXMLOut  *xml)
{
  gsf_xml_out_start_element (xml, "w:numbering");
  add_wml_namespaces (xml);
  polisi_xml_out_start (xml, "w:abstractNum", "w:abstractNumId", "0", NULL);
  val_element (xml, "w:multiLevelType", "singleLevel");
  polisi_xml_out_start (xml, "w:lvl", "w:ilvl", "0", NULL);
  val_element (xml, "w:start", "1");
  val_element (xml, "w:numFmt", "bullet");
  val_element (xml, "w:lvlText", "•");
  val_element (xml, "w:lvlJc", "left");
  gsf_xml_out_start_element (xml, "w:pPr");
  gsf_xml_out_start_element (xml, "w:ind");
  gsf_xml_out_add_uint (xml, "w:left", BULLET_INDENT + 60);
  gsf_xml_out_add_uint (xml, "w:hanging", BULLET_INDENT);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_start_element (xml, "w:rPr");
  polisi_xml_out_element (xml, "w:rFonts", "w:ascii", FONT_NAME, "w:hAnsi", FONT_NAME, NULL);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml); /* lvl */
  gsf_xml_out_end_element (xml); /* abstractNum */
  polisi_xml_out_start (xml, "w:num", "w:numId", "1", NULL);
  val_element (xml, "w:abstractNumId", "0");
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
}

static void
write_settings_xml (DocxWriter *w,
                    GsfXMLOut  *xml)
{
  gsf_xml_out_start_element (xml, "w:settings");
  add_wml_namespaces (xml);
  val_element (xml, "w:defaultTabStop", "709");
  val_element (xml, "w:characterSpacingControl", "doNotCompress");
  gsf_xml_out_start_element (xml, "w:compat");
  polisi_xml_out_element (xml, "w:compatSetting",
                  "w:name", "compatibilityMode",
                  "w:uri", "http://schemas.microsoft.com/office/word",
                  "w:val", "15",
                  NULL);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
}

/* ------------------------------------------------------------------ */
/* Document properties                                                  */
/* ------------------------------------------------------------------ */

/* "2026-11-21T00:00:00Z" from "2026-11-21" or a full date-time. */
static char *
w3cdtf (const char *iso)
{
  g_autoptr(GDateTime) date_time = NULL;
  GDate date;

  if (iso == NULL)
    return NULL;
  if (polisi_date_parse_iso (iso, &date))
    return g_strdup_printf ("%04u-%02u-%02uT00:00:00Z", (guint) g_date_get_year (&date),
                            (guint) g_date_get_month (&date), (guint) g_date_get_day (&date));
  date_time = g_date_time_new_from_iso8601 (iso, NULL);
  if (date_time == NULL)
    return NULL;
  {
    g_autoptr(GDateTime) utc = g_date_time_to_utc (date_time);
    return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  }
}

static char *
joined (DocxWriter *w,
        const char *(*get) (PolisiDocument *, PolisiLang))
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < w->n_langs; i++)
    {
      const char *value = get (w->document, w->langs[i]);

      if (value == NULL || value[0] == '\0')
        continue;
      /* an organisation with one name in both languages, once */
      if (i > 0 && g_strcmp0 (value, get (w->document, w->langs[0])) == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, " / ");
      g_string_append (text, value);
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static char *
joined_keywords (DocxWriter *w)
{
  g_autoptr(GPtrArray) keywords = polisi_export_list_keywords (w->document, w->langs, w->n_langs);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint k = 0; k < keywords->len; k++)
    {
      if (k > 0)
        g_string_append (text, ", ");
      g_string_append (text, keywords->pdata[k]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
write_core_xml (DocxWriter *w,
                GsfXMLOut  *xml)
{
  g_autofree char *title = joined (w, polisi_document_get_title);
  g_autofree char *subject = joined (w, polisi_document_get_subject);
  g_autofree char *creator = joined (w, polisi_document_get_organisation);
  g_autofree char *keywords = joined_keywords (w);
  g_autofree char *created = w3cdtf (polisi_document_get_created_iso (w->document));
  g_autofree char *date = w3cdtf (polisi_document_get_date_iso (w->document));

  gsf_xml_out_start_element (xml, "cp:coreProperties");
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:dcterms", "http://purl.org/dc/terms/");
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  if (title != NULL)
    gsf_xml_out_simple_element (xml, "dc:title", title);
  if (subject != NULL)
    gsf_xml_out_simple_element (xml, "dc:subject", subject);
  if (creator != NULL)
    gsf_xml_out_simple_element (xml, "dc:creator", creator);
  if (keywords[0] != '\0')
    gsf_xml_out_simple_element (xml, "cp:keywords", keywords);
  gsf_xml_out_simple_element (xml, "dc:language", lang_tag (w->langs[0]));
  if (created != NULL || date != NULL)
    {
      gsf_xml_out_start_element (xml, "dcterms:created");
      gsf_xml_out_add_cstr_unchecked (xml, "xsi:type", "dcterms:W3CDTF");
      gsf_xml_out_add_cstr (xml, NULL, created != NULL ? created : date);
      gsf_xml_out_end_element (xml);
    }
  if (date != NULL)
    {
      gsf_xml_out_start_element (xml, "dcterms:modified");
      gsf_xml_out_add_cstr_unchecked (xml, "xsi:type", "dcterms:W3CDTF");
      gsf_xml_out_add_cstr (xml, NULL, date);
      gsf_xml_out_end_element (xml);
    }
  gsf_xml_out_end_element (xml);
}

static void
write_app_xml (DocxWriter *w,
               GsfXMLOut  *xml)
{
  gsf_xml_out_start_element (xml, "Properties");
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
  gsf_xml_out_simple_element (xml, "Application", "Polisi");
  gsf_xml_out_start_element (xml, "Pages");
  gsf_xml_out_add_uint (xml, NULL, polisi_page_layout_get_n_pages (w->layout));
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
}

static void
write_custom_property (GsfXMLOut  *xml,
                       guint       pid,
                       const char *name,
                       const char *value)
{
  gsf_xml_out_start_element (xml, "property");
  gsf_xml_out_add_cstr_unchecked (xml, "fmtid", "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}");
  gsf_xml_out_add_uint (xml, "pid", pid);
  gsf_xml_out_add_cstr (xml, "name", name);
  gsf_xml_out_simple_element (xml, "vt:lpwstr", value);
  gsf_xml_out_end_element (xml);
}

/* The policy's identity, for the import of a returned draft. */
static void
write_custom_xml (DocxWriter *w,
                  GsfXMLOut  *xml)
{
  const char *uid = polisi_document_get_policy_uid (w->document);
  const char *version = polisi_document_get_version (w->document);
  guint pid = 2;

  gsf_xml_out_start_element (xml, "Properties");
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties");
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes");
  if (uid != NULL)
    write_custom_property (xml, pid++, "PolisiPolicyId", uid);
  if (version != NULL)
    write_custom_property (xml, pid++, "PolisiVersion", version);
  gsf_xml_out_end_element (xml);
}

/* ------------------------------------------------------------------ */
/* The package                                                          */
/* ------------------------------------------------------------------ */

typedef void (*PartWriter) (DocxWriter *w,
                            GsfXMLOut  *xml);

/* Builds an XML part in memory. */
static GsfOutput *
build_part (DocxWriter *w,
            PartWriter  writer,
            const char *name,
            GError    **error)
{
  GsfOutput *memory = gsf_output_memory_new ();
  GsfXMLOut *xml = gsf_xml_out_new (memory);

  /* mixed content: no indentation */
  gsf_xml_out_set_pretty_print (xml, FALSE);
  writer (w, xml);
  g_object_unref (xml);
  if (!gsf_output_close (memory) || gsf_output_error (memory) != NULL)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_FAILED, "Could not build %s for the DOCX package", name);
      g_object_unref (memory);
      return NULL;
    }
  return memory;
}

static gboolean
copy_part (GsfOutput   *part,
           GsfOutput   *memory,
           const char  *name,
           GError     **error)
{
  gboolean ok = gsf_output_write (part, gsf_output_size (memory),
                                  gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (memory)));

  ok = gsf_output_close (part) && ok;
  if (!ok)
    {
      const GError *cause = gsf_output_error (part);

      g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO, "Could not write %s into the DOCX package: %s",
                   name, cause != NULL ? cause->message : "the zip writer failed");
    }
  return ok;
}

/* A new part in @dir, related to @parent by @type: its relationship id in
 * @id when asked. */
static GsfOutput *
new_part (GsfOutfile  *dir,
          const char  *name,
          const char  *content_type,
          GsfOutfile  *parent,
          const char  *type,
          char       **id)
{
  GsfOutput *part = gsf_outfile_new_child_full (dir, name, FALSE, "content-type", content_type, NULL);
  const char *rel;

  if (part == NULL)
    return NULL;
  rel = gsf_outfile_open_pkg_relate (GSF_OUTFILE_OPEN_PKG (part), GSF_OUTFILE_OPEN_PKG (parent), type);
  if (id != NULL)
    *id = g_strdup (rel);
  return part;
}

/* Writes a part built by @writer as @name in @dir, related to @parent. */
static gboolean
add_part (DocxWriter  *w,
          GsfOutfile  *dir,
          const char  *name,
          const char  *content_type,
          GsfOutfile  *parent,
          const char  *type,
          PartWriter   writer,
          char       **id,
          GError     **error)
{
  GsfOutput *memory = build_part (w, writer, name, error);
  GsfOutput *part;
  gboolean ok;

  if (memory == NULL)
    return FALSE;
  part = new_part (dir, name, content_type, parent, type, id);
  if (part == NULL)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_FAILED, "Could not add %s to the DOCX package", name);
      g_object_unref (memory);
      return FALSE;
    }
  ok = copy_part (part, memory, name, error);
  g_object_unref (part);
  g_object_unref (memory);
  return ok;
}

/**
 * polisi_docx_write:
 * @document: the document to write
 * @options: the layout; not %POLISI_LAYOUT_SEPARATE (write two files, one
 *   %POLISI_LAYOUT_CY and one %POLISI_LAYOUT_EN, each naming the other)
 *
 * Writes @document as a Word document (WordprocessingML, ISO/IEC 29500
 * transitional), in memory.
 *
 * Returns: (transfer full) (nullable): the package, or %NULL with @error set
 */
GBytes *
polisi_docx_write (PolisiDocument            *document,
                   const PolisiExportOptions *options,
                   GError                   **error)
{
  DocxWriter writer = { 0 };
  DocxWriter *w = &writer;
  GsfOutput *sink = NULL;
  GsfOutfile *zip = NULL;
  GsfOutfile *package = NULL;
  GsfOutfile *word = NULL;
  GsfOutfile *props = NULL;
  GsfOutput *main_part = NULL;
  GsfOutput *main_memory = NULL;
  GBytes *bytes = NULL;
  guint n_parts;
  gboolean ok = FALSE;

  g_return_val_if_fail (POLISI_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->layout != POLISI_LAYOUT_SEPARATE, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  w->document = document;
  w->options = options;
  w->n_langs = polisi_export_get_languages (options, w->langs);
  w->tracked = options->tracked_changes;
  w->whole = MARK_NONE;
  w->next_id = 1;
  w->links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  w->change_author = g_strdup (options->change_author != NULL && options->change_author[0] != '\0' ?
                               options->change_author : "Polisi");
  if (options->change_date != NULL)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (options->change_date, g_time_zone_new_local ());
      w->change_date = when != NULL ? g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ") : g_strdup (options->change_date);
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      w->change_date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
    }

  if (w->tracked)
    w->old_numbers = old_numbering (document);

  /* The page numbers of the contents lists and the page count are those
   * of Polisi's own layout, the PDF's. */
  w->layout = polisi_page_layout_new (document, options);
  polisi_page_layout_paginate (w->layout);
  if (options->layout == POLISI_LAYOUT_COLUMNS && polisi_document_get_line_numbers (document) && !w->tracked)
    w->line_numbers = polisi_export_collect_line_numbers (w->layout);

  sink = gsf_output_memory_new ();
  zip = g_object_new (GSF_OUTFILE_ZIP_TYPE, "sink", sink, "zip64", FALSE, NULL);
  package = gsf_outfile_open_pkg_new (zip);
  word = GSF_OUTFILE (gsf_outfile_new_child (package, "word", TRUE));
  props = GSF_OUTFILE (gsf_outfile_new_child (package, "docProps", TRUE));
  if (word == NULL || props == NULL)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_FAILED, "Could not make the folders of the DOCX package");
      goto out;
    }

  main_part = new_part (word, "document.xml", CT_WML "document.main+xml", package,
                        REL_BASE "officeDocument", NULL);
  if (main_part == NULL)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_FAILED, "Could not add word/document.xml to the DOCX package");
      goto out;
    }
  w->document_part = GSF_OUTFILE (main_part);

  n_parts = options->layout == POLISI_LAYOUT_SEQUENTIAL ? 2 : 1;
  if (!add_part (w, word, "styles.xml", CT_WML "styles+xml", w->document_part, REL_BASE "styles",
                 write_styles_xml, NULL, error) ||
      !add_part (w, word, "numbering.xml", CT_WML "numbering+xml", w->document_part, REL_BASE "numbering",
                 write_numbering_xml, NULL, error) ||
      !add_part (w, word, "settings.xml", CT_WML "settings+xml", w->document_part, REL_BASE "settings",
                 write_settings_xml, NULL, error) ||
      !add_part (w, word, "header1.xml", CT_WML "header+xml", w->document_part, REL_BASE "header",
                 write_header_0, &w->header_ids[0], error) ||
      !add_part (w, word, "footer1.xml", CT_WML "footer+xml", w->document_part, REL_BASE "footer",
                 write_footer_0, &w->footer_ids[0], error) ||
      !add_part (w, word, "header3.xml", CT_WML "header+xml", w->document_part, REL_BASE "header",
                 write_title_header_0, &w->title_header_ids[0], error))
    goto out;
  if (n_parts == 2 &&
      (!add_part (w, word, "header2.xml", CT_WML "header+xml", w->document_part, REL_BASE "header",
                  write_header_1, &w->header_ids[1], error) ||
       !add_part (w, word, "footer2.xml", CT_WML "footer+xml", w->document_part, REL_BASE "footer",
                  write_footer_1, &w->footer_ids[1], error) ||
       !add_part (w, word, "header4.xml", CT_WML "header+xml", w->document_part, REL_BASE "header",
                  write_title_header_1, &w->title_header_ids[1], error)))
    goto out;

  /* the body last: its links add relationships to the part as it goes */
  main_memory = build_part (w, write_document_xml, "word/document.xml", error);
  if (main_memory == NULL || !copy_part (main_part, main_memory, "word/document.xml", error))
    goto out;

  if (!add_part (w, props, "core.xml", "application/vnd.openxmlformats-package.core-properties+xml", package,
                 "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                 write_core_xml, NULL, error) ||
      !add_part (w, props, "app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml", package,
                 REL_BASE "extended-properties", write_app_xml, NULL, error) ||
      !add_part (w, props, "custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml", package,
                 REL_BASE "custom-properties", write_custom_xml, NULL, error))
    goto out;

  /* libgsf reports nothing when closing fails unless asked. */
  if (!gsf_output_close (GSF_OUTPUT (word)) ||
      !gsf_output_close (GSF_OUTPUT (props)) ||
      !gsf_output_close (GSF_OUTPUT (package)) ||
      gsf_output_error (GSF_OUTPUT (package)) != NULL ||
      /* the package closes the zip it writes to */
      (!gsf_output_is_closed (GSF_OUTPUT (zip)) && !gsf_output_close (GSF_OUTPUT (zip))) ||
      gsf_output_error (GSF_OUTPUT (zip)) != NULL ||
      (!gsf_output_is_closed (sink) && !gsf_output_close (sink)) ||
      gsf_output_error (sink) != NULL)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO, "Could not finish the DOCX package");
      goto out;
    }

  if (gsf_output_size (sink) == 0)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_FAILED, "The DOCX package came out empty");
      goto out;
    }
  bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)), gsf_output_size (sink));
  ok = TRUE;

out:
  (void) ok;
  g_clear_object (&main_memory);
  g_clear_object (&main_part);
  g_clear_object (&props);
  g_clear_object (&word);
  g_clear_object (&package);
  g_clear_object (&zip);
  g_clear_object (&sink);
  g_clear_object (&w->layout);
  g_clear_pointer (&w->line_numbers, g_hash_table_unref);
  g_clear_pointer (&w->links, g_hash_table_unref);
  g_clear_pointer (&w->old_numbers, g_ptr_array_unref);
  for (guint i = 0; i < 2; i++)
    {
      g_free (w->header_ids[i]);
      g_free (w->footer_ids[i]);
      g_free (w->title_header_ids[i]);
    }
  g_free (w->change_author);
  g_free (w->change_date);
  return bytes;
}
