/* polisi-page-layout.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page layout turns a document into pages, and draws any page on any
 * cairo context. The PDF writer, printing and the on-screen preview all
 * draw through polisi_page_layout_draw_page(), so what is previewed is
 * what prints and what the PDF holds.
 *
 * The document becomes a flow of rows. A row has one cell per language it
 * shows (two in parallel columns, one otherwise), or one cell per column
 * of a table. A cell is a list of paragraphs, each a PangoLayout measured
 * line by line. Rows are placed down the page; a row that does not fit is
 * split, every cell at the same point, so that parallel columns stay level
 * and continue together at the top of the next page. The rules:
 *  - a heading moves to the next page unless what follows really starts
 *    under it;
 *  - no paragraph leaves a single line at the foot of a page (orphan) or
 *    carries a single line to the next (widow), in parallel columns fewer
 *    than three;
 *  - in one language and back to back, a paragraph that introduces a list
 *    goes to the next page with the list's first lines
 *    (polisi_text_block_keeps_with_next());
 *  - in parallel columns a clause whose languages have as many paragraphs
 *    is a row for each paragraph and its translation, and such a row is
 *    never split unless it alone is taller than a page
 *    (polisi_page_layout_count_pairs());
 *  - a table row is never split, and a table that continues on a new page
 *    repeats its header row;
 *  - an appendix starts a page; back to back, the second language starts
 *    on a right-hand page; a title page has no running header;
 *  - no line breaks inside a date, a reference or an Act's year
 *    (polisi_text_find_unbreakable_spaces()).
 *
 * In a consultation draft every line of the text is numbered in the
 * margin beside its column, as it is placed.
 *
 * Layouts are made at 72 dpi with metric hinting off, so a line breaks in
 * the same place on screen, on paper and in the PDF.
 *
 * The marks of a comparison (polisi-compare.c) are drawn the same in both
 * languages: inserted text underlined and green, deleted text struck
 * through and red.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "polisi-export.h"
#include "polisi-parallel.h"
#include "polisi-page-layout.h"
#include "polisi-word-lines.h"

#define FONT_FAMILY       "Liberation Sans"
#define MARGIN_X          56.7     /* 2 cm */
#define MARGIN_TOP        70.0
#define MARGIN_BOTTOM     64.0
#define HEADER_Y          30.0
#define FOOTER_GAP        30.0     /* from the bottom edge to the footer's baseline */
#define GUTTER            24.0     /* between parallel columns */
#define BODY_SIZE         10.0
#define SMALL_SIZE        7.5
#define HEADING_SIZE      12.5
#define TITLE_SIZE        20.0
#define SUBTITLE_SIZE     14.0
#define NUMBER_WIDTH      30.0     /* hanging indent of clause numbers */
#define BULLET_WIDTH      12.0
#define TABLE_PADDING     4.0
#define LINE_SPACING      1.3
#define MAX_CELLS         6
#define LINE_NUMBER_SIZE  6.5
#define LINE_NUMBER_GAP   8.0      /* between a line number and its column */
/* What the pagination fits on a page stops this much above the text's
 * foot: LibreOffice's and Word's lines are not placed to a hundredth of a
 * point as Pango's are, so a paragraph that ends within a fraction of a
 * point of the PDF's foot (0.03 pt, clause 8.4 of the English
 * secondary-wales-adopted.polisi) can fail to fit there. The ODT's text
 * ends as much higher (TEXT_FOOT_SPACE in polisi-odt.c). */
#define FIT_MARGIN        0.5
/* In parallel columns, how far below the foot of what the pagination
 * fits the box of a paragraph pair may reach (its lines, their space and
 * the space between clauses below it): the text area of the ODT and the
 * DOCX in columns ends lower than the PDF's, and LibreOffice places a row
 * that cannot split wherever its box fits there. Measured: with 1.5 pt
 * the England example's pairs go a page later than in LibreOffice from
 * its page 16; 3 pt gives every example LibreOffice's pages (HACKING.md). */
#define PAIR_FOOT         3.0

typedef enum {
  ROW_TEXT,
  ROW_HEADING,
  ROW_TABLE,
  ROW_PAGE_BREAK,
} RowKind;

typedef enum {
  ITEM_TEXT,
  ITEM_RULE,
  ITEM_FILL,
} ItemKind;

/* A laid-out piece of text and its lines, shared through the cache: laid
 * out by words (polisi-word-lines.c) or by Pango. */
typedef struct {
  int          ref_count;
  PangoLayout *layout;       /* NULL when laid out by words */
  PolisiWordLines *word_lines;  /* when laid out by words */
  char        *text;         /* as laid out */
  int          width;        /* to wrap at, in Pango units; -1: one line */
  GArray      *links;        /* PolisiLinkSpan */
  GArray      *marks;        /* PolisiTextMark, or NULL */
  int          n_lines;
  double      *line_top;
  double      *line_bottom;
  double      *line_baseline;
  guint        last_used;    /* the cache's generation when last asked for */
} Shaped;

/* Everything that shapes a piece of text: the cache's key
 * (shape_key()). */
typedef struct {
  const char     *text;
  double          size;
  gboolean        bold;
  PolisiLang      lang;
  double          width;      /* to wrap at; -1: one line */
  PangoAlignment  alignment;
  gboolean        links;      /* web addresses underlined */
  const GArray   *marks;      /* PolisiTextMark of a comparison, or NULL */
  gboolean        by_words;   /* may be laid out by words: a paragraph only drawn line by line */
} ShapeSpec;

typedef struct _ShapeJob ShapeJob;
typedef struct _ShapeWork ShapeWork;

static void shape_work_add (PolisiPageLayout *self, ShapeJob *job);

typedef struct {
  Shaped      *shaped;
  ShapeJob    *job;          /* until shaped: its text's place in the queue */
  Shaped      *label;        /* a clause number and a space, drawn in the indent */
  PangoLayout *bullet;       /* a list item's bullet */
  double       indent;       /* from the cell's left edge to the text */
  double       label_x;      /* from the cell's left edge to the number */
  double       bullet_x;     /* ... and to the bullet */
  double       space_before;
  double       space_after;
  const char  *tag;          /* structure tag: H1, P, LI, TH, TD; NULL: none */
  int          list;         /* LI: the list it belongs to */
  PolisiLang   lang;
  char        *dest;         /* a heading's destination name */
  char        *block_id;
  int          toc_heading;  /* a contents entry: the heading it points to; else -1 */
  GArray      *links;        /* borrowed from shaped */
  GArray      *marks;        /* borrowed from shaped, or NULL */
  char        *text;         /* for the links' addresses */
  gboolean     unbreakable;
  gboolean     keep_with_next;  /* introduces a list: never ends a page without its first lines */
  /* a line of the document's text, numbered in a consultation draft: its
   * block (borrowed from the document) and its place among the block's
   * paragraphs in its language */
  gboolean     numbered;
  const char  *line_block;   /* NULL for a paragraph with no id */
  int          line_para;
  int          n_lines;      /* the lines, borrowed from shaped */
  double      *line_top;
  double      *line_bottom;
  double      *line_baseline;
} Para;

typedef struct {
  double     x;
  double     width;
  GPtrArray *paras;          /* Para, unowned */
} Cell;

typedef struct {
  RowKind   kind;
  guint     n_cells;
  Cell      cells[MAX_CELLS];
  double    space_after;
  gboolean  keep_with_next;
  gboolean  whole;           /* a paragraph and its translation: moves to the next
                              * page whole, unless taller than a page's text */
  guint     pair_group;      /* ... its clause's first pair row's index + 1 */
  int       table;           /* table rows: the table's id, else -1 */
  int       table_row;       /* 0 for the header row */
  guint     part;
  gboolean  recto;           /* page breaks: to a right-hand (odd) page */
} Row;

typedef struct {
  ItemKind  kind;
  Para     *para;
  int       first_line;
  int       last_line;
  double    x;               /* of the cell */
  double    y;               /* of the top of the first line */
  double    width;           /* rules and fills */
  double    height;
  int       table;
  int       table_row;
  guint     first_number;    /* the line number of the first line, or 0 */
  guint     column;          /* 0, or 1 for the second of parallel columns */
  guint     pair_group;      /* the rows of one clause's paragraph pairs: the first's index + 1; else 0 */
} Item;

typedef struct {
  GPtrArray *items;
  guint      part;
  gboolean   blank;          /* left blank, so that the next part starts on a right-hand page */
} Page;

typedef struct {
  guint para;
  int   line;
} Cursor;

struct _PolisiPageLayout
{
  GObject              parent_instance;

  PolisiDocument      *document;
  PolisiExportOptions  options;
  PolisiLang           langs[POLISI_N_LANGS];
  guint                n_langs;
  double               page_width;
  double               page_height;

  PangoContext        *context;
  GPtrArray           *paras;      /* Para, owned */
  GPtrArray           *jobs;       /* ShapeJob, owned: text waiting to be laid out */
  GHashTable          *job_keys;   /* shape_key() → ShapeJob */
  ShapeWork           *work;       /* while the rows are built: the jobs' queues */
  gboolean             serial;     /* lay out text in this thread alone (tests) */
  gboolean             pango_only; /* lay out no text by words (tests) */
  guint                n_threads_used;
  GArray              *rows;       /* Row */
  GPtrArray           *pages;      /* Page */
  GArray              *headings;   /* PolisiPageHeading */
  GPtrArray           *heading_labels;
  GPtrArray           *heading_dests;
  GHashTable          *block_pages;  /* block id -> first page + 1 */
  int                  n_lists;
  int                  n_tables;
  gboolean             paginated;
  PangoLayout         *headers[2][POLISI_N_LANGS][3];  /* part, language, line (the third may be NULL) */
  gboolean             line_numbers;
  PolisiOutlines       digits[10];
  double               digit_advance[10];
  PolisiOutlines       watermarks[2];    /* per part */
  guint                line_count[2];    /* per column */
  GArray              *numbered_lines;   /* PolisiNumberedLine */
};

G_DEFINE_FINAL_TYPE (PolisiPageLayout, polisi_page_layout, G_TYPE_OBJECT)

static void
shaped_unref (Shaped *shaped)
{
  if (--shaped->ref_count > 0)
    return;
  g_clear_object (&shaped->layout);
  g_clear_pointer (&shaped->word_lines, polisi_word_lines_free);
  g_free (shaped->text);
  g_clear_pointer (&shaped->links, g_array_unref);
  g_clear_pointer (&shaped->marks, g_array_unref);
  g_free (shaped->line_top);
  g_free (shaped->line_bottom);
  g_free (shaped->line_baseline);
  g_free (shaped);
}

/* A paragraph's text waiting to be laid out (shape_jobs()). */
struct _ShapeJob {
  char      *key;
  ShapeSpec  spec;        /* its text and marks owned */
  Shaped    *shaped;      /* the result */
};

static ShapeJob *
shape_job_new (const ShapeSpec *spec,
               char            *key)
{
  ShapeJob *job = g_new0 (ShapeJob, 1);

  job->key = key;
  job->spec = *spec;
  job->spec.text = g_strdup (spec->text);
  if (spec->marks != NULL)
    job->spec.marks = g_array_copy ((GArray *) spec->marks);
  return job;
}

static void
shape_job_free (gpointer data)
{
  ShapeJob *job = data;

  g_free (job->key);
  g_free ((char *) job->spec.text);
  if (job->spec.marks != NULL)
    g_array_unref ((GArray *) job->spec.marks);
  g_clear_pointer (&job->shaped, shaped_unref);
  g_free (job);
}

static void
para_free (gpointer data)
{
  Para *para = data;

  g_clear_pointer (&para->shaped, shaped_unref);
  g_clear_pointer (&para->label, shaped_unref);
  g_clear_object (&para->bullet);
  g_free (para->dest);
  g_free (para->block_id);
  g_free (para->text);
  g_free (para);
}

static void
row_clear (gpointer data)
{
  Row *row = data;

  for (guint i = 0; i < row->n_cells; i++)
    g_clear_pointer (&row->cells[i].paras, g_ptr_array_unref);
}

static void
page_free (gpointer data)
{
  Page *page = data;

  g_ptr_array_unref (page->items);
  g_free (page);
}

static void
polisi_page_layout_finalize (GObject *object)
{
  PolisiPageLayout *self = (PolisiPageLayout *) object;

  g_clear_object (&self->document);
  g_clear_object (&self->context);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->paras, g_ptr_array_unref);
  g_clear_pointer (&self->job_keys, g_hash_table_unref);
  g_clear_pointer (&self->jobs, g_ptr_array_unref);
  g_clear_pointer (&self->headings, g_array_unref);
  g_clear_pointer (&self->heading_labels, g_ptr_array_unref);
  g_clear_pointer (&self->heading_dests, g_ptr_array_unref);
  g_clear_pointer (&self->block_pages, g_hash_table_unref);
  g_clear_pointer (&self->numbered_lines, g_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->digits); i++)
    polisi_outlines_clear (&self->digits[i]);
  for (guint i = 0; i < G_N_ELEMENTS (self->watermarks); i++)
    polisi_outlines_clear (&self->watermarks[i]);
  g_free ((char *) self->options.other_file);
  for (guint part = 0; part < 2; part++)
    for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
      for (guint line = 0; line < 3; line++)
        g_clear_object (&self->headers[part][lang][line]);

  G_OBJECT_CLASS (polisi_page_layout_parent_class)->finalize (object);
}

static void
polisi_page_layout_class_init (PolisiPageLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = polisi_page_layout_finalize;
}

static void
polisi_page_layout_init (PolisiPageLayout *self)
{
  self->page_width = POLISI_A4_WIDTH;
  self->page_height = POLISI_A4_HEIGHT;
  self->paras = g_ptr_array_new_with_free_func (para_free);
  self->jobs = g_ptr_array_new_with_free_func (shape_job_free);
  self->job_keys = g_hash_table_new (g_str_hash, g_str_equal);
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->rows, row_clear);
  self->pages = g_ptr_array_new_with_free_func (page_free);
  self->headings = g_array_new (FALSE, TRUE, sizeof (PolisiPageHeading));
  self->heading_labels = g_ptr_array_new_with_free_func (g_free);
  self->heading_dests = g_ptr_array_new_with_free_func (g_free);
  self->block_pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->numbered_lines = g_array_new (FALSE, FALSE, sizeof (PolisiNumberedLine));
}

/**
 * polisi_page_layout_new_pango_context:
 * @font_map: the font map of the thread that lays out
 *
 * The one place that says how Polisi's pages lay out text: at 72 dpi, with
 * metric hinting off and glyphs placed to a fraction of a point, whichever
 * font map (thread) does it. Tests and benchmarks that compare with the
 * page layout take their context from here.
 *
 * Returns: (transfer full): a context
 */
PangoContext *
polisi_page_layout_new_pango_context (PangoFontMap *font_map)
{
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *font_options = cairo_font_options_create ();

  pango_cairo_context_set_resolution (context, 72.0);
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, font_options);
  cairo_font_options_destroy (font_options);
  pango_context_set_round_glyph_positions (context, FALSE);
  return context;
}

/**
 * polisi_page_layout_new:
 * @options: the layout; POLISI_LAYOUT_SEPARATE is not one (it is two
 *   exports, one per language)
 */
PolisiPageLayout *
polisi_page_layout_new (PolisiDocument            *document,
                        const PolisiExportOptions *options)
{
  PolisiPageLayout *self;

  g_return_val_if_fail (POLISI_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (options != NULL && options->layout != POLISI_LAYOUT_SEPARATE, NULL);

  self = g_object_new (POLISI_TYPE_PAGE_LAYOUT, NULL);
  self->document = g_object_ref (document);
  self->options = *options;
  self->options.other_file = g_strdup (options->other_file);
  self->n_langs = polisi_export_get_languages (options, self->langs);
  self->line_numbers = polisi_document_get_line_numbers (document);

  /* The default font map is per thread, so a preview may lay out pages in
   * a worker thread. */
  self->context = polisi_page_layout_new_pango_context (pango_cairo_font_map_get_default ());

  return self;
}

void
polisi_page_layout_set_page_size (PolisiPageLayout *self,
                                  double            width,
                                  double            height)
{
  g_return_if_fail (POLISI_IS_PAGE_LAYOUT (self));
  g_return_if_fail (!self->paginated);
  g_return_if_fail (width > 4 * MARGIN_X && height > MARGIN_TOP + MARGIN_BOTTOM + 100);

  self->page_width = width;
  self->page_height = height;
}

const PolisiExportOptions *
polisi_page_layout_get_options (PolisiPageLayout *self)
{
  g_return_val_if_fail (POLISI_IS_PAGE_LAYOUT (self), NULL);
  return &self->options;
}

PolisiDocument *
polisi_page_layout_get_document (PolisiPageLayout *self)
{
  g_return_val_if_fail (POLISI_IS_PAGE_LAYOUT (self), NULL);
  return self->document;
}

double
polisi_page_layout_get_page_width (PolisiPageLayout *self)
{
  g_return_val_if_fail (POLISI_IS_PAGE_LAYOUT (self), 0);
  return self->page_width;
}

double
polisi_page_layout_get_page_height (PolisiPageLayout *self)
{
  g_return_val_if_fail (POLISI_IS_PAGE_LAYOUT (self), 0);
  return self->page_height;
}

/* Building paragraphs ---------------------------------------------------- */

static PangoFontDescription *
make_font (double   size,
           gboolean bold)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family_static (font, FONT_FAMILY);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  return font;
}

/* No line break inside a date, a reference or an Act's year
 * (polisi_text_find_unbreakable_ranges()). */
static void
keep_together (PangoAttrList *attrs,
               const char    *text)
{
  g_autoptr(GArray) ranges = polisi_text_find_unbreakable_ranges (text);

  for (guint i = 0; i < ranges->len; i += 2)
    {
      PangoAttribute *attr = pango_attr_allow_breaks_new (FALSE);

      attr->start_index = g_array_index (ranges, int, i);
      attr->end_index = g_array_index (ranges, int, i + 1);
      pango_attr_list_insert (attrs, attr);
    }
}

static PangoLayout *
make_layout (PangoContext   *context,
             const char     *text,
             double          size,
             gboolean        bold,
             PolisiLang      lang,
             double          width,
             PangoAlignment  alignment)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = make_font (size, bold);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string (polisi_lang_to_code (lang))));
  /* A word broken to fit (a 300-letter name) must not gain a hyphen that
   * is not in the text. */
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  keep_together (attrs, text);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_line_spacing (layout, LINE_SPACING);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static void
alloc_lines (Shaped *shaped,
             int     n_lines)
{
  shaped->n_lines = n_lines;
  shaped->line_top = g_new (double, n_lines);
  shaped->line_bottom = g_new (double, n_lines);
  shaped->line_baseline = g_new (double, n_lines);
}

static void
measure_lines (Shaped *shaped)
{
  PangoLayoutIter *iter = pango_layout_get_iter (shaped->layout);
  int i = 0;

  alloc_lines (shaped, pango_layout_get_line_count (shaped->layout));

  do
    {
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      shaped->line_top[i] = (double) y0 / PANGO_SCALE;
      shaped->line_bottom[i] = (double) y1 / PANGO_SCALE;
      shaped->line_baseline[i] = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      i++;
    }
  while (i < shaped->n_lines && pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

/* Underlines the web addresses in a paragraph (shaped->links), the same
 * in both languages. */
static void
mark_links (Shaped *shaped)
{
  PangoAttrList *attrs;

  if (shaped->links->len == 0)
    return;

  attrs = pango_attr_list_copy (pango_layout_get_attributes (shaped->layout));
  for (guint i = 0; i < shaped->links->len; i++)
    {
      PolisiLinkSpan *span = &g_array_index (shaped->links, PolisiLinkSpan, i);
      PangoAttribute *underline = pango_attr_underline_new (PANGO_UNDERLINE_SINGLE);
      PangoAttribute *colour = pango_attr_foreground_new (0x0b0b, 0x4f4f, 0x9c9c);

      underline->start_index = colour->start_index = span->start;
      underline->end_index = colour->end_index = span->end;
      pango_attr_list_insert (attrs, underline);
      pango_attr_list_insert (attrs, colour);
    }
  pango_layout_set_attributes (shaped->layout, attrs);
  pango_attr_list_unref (attrs);
}

/* Underlines inserted text and strikes deleted text through. */
static void
mark_changes (Shaped       *shaped,
              const GArray *marks)
{
  PangoAttrList *attrs;

  if (marks == NULL || marks->len == 0)
    return;

  attrs = pango_attr_list_copy (pango_layout_get_attributes (shaped->layout));
  for (guint i = 0; i < marks->len; i++)
    {
      const PolisiTextMark *mark = &g_array_index (marks, PolisiTextMark, i);
      gboolean inserted = mark->kind == POLISI_MARK_INSERTED;
      PangoAttribute *line = inserted ? pango_attr_underline_new (PANGO_UNDERLINE_SINGLE)
                                      : pango_attr_strikethrough_new (TRUE);
      PangoAttribute *colour = inserted ? pango_attr_foreground_new (0x1b1b, 0x5e5e, 0x2020)
                                        : pango_attr_foreground_new (0xa3a3, 0x1515, 0x1515);

      line->start_index = colour->start_index = mark->start;
      line->end_index = colour->end_index = mark->end;
      pango_attr_list_insert (attrs, line);
      pango_attr_list_insert (attrs, colour);
    }
  pango_layout_set_attributes (shaped->layout, attrs);
  pango_attr_list_unref (attrs);
}

/* Pango draws the space at the end of a wrapped line as no glyph at all,
 * and cairo then marks it with an empty span whose ActualText is a
 * space: tools that ignore ActualText read the last word of one line and
 * the first of the next as one word. The space becomes its real glyph,
 * still of no width: nothing moves, and the PDF's text has its space. */
static void
show_final_spaces (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);

  for (GSList *l = pango_layout_get_lines (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;

      for (GSList *r = line->runs; r != NULL; r = r->next)
        {
          PangoGlyphItem *run = r->data;
          PangoGlyphString *glyphs = run->glyphs;
          hb_font_t *font = NULL;
          hb_codepoint_t space = 0;

          for (int g = 0; g < glyphs->num_glyphs; g++)
            {
              const char *cluster = text + run->item->offset + glyphs->log_clusters[g];

              if (glyphs->glyphs[g].glyph != PANGO_GLYPH_EMPTY || *cluster != ' ')
                continue;
              if (font == NULL)
                {
                  font = pango_font_get_hb_font (run->item->analysis.font);
                  if (font == NULL || !hb_font_get_nominal_glyph (font, ' ', &space))
                    break;
                }
              glyphs->glyphs[g].glyph = space;
            }
        }
    }
}

/* A layout is kept for as long as its paragraph is used (the shaped-text
 * cache below), and its glyph strings are most of what it holds. Pango
 * grows a glyph string by doubling it while it shapes a paragraph, then
 * splits it into lines, and each line keeps the room of what it was split
 * from: a paragraph of ten lines holds the room for its whole text in its
 * last line. Once the lines are made, each string is cut to its glyphs.
 * The layout's lines are never made again (it is not changed once
 * measured); should pango grow a string again, it grows it from its
 * glyphs, as from any string. */
static void
compact_glyph_strings (PangoLayout *layout)
{
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;

      for (GSList *r = line->runs; r != NULL; r = r->next)
        {
          PangoGlyphString *glyphs = ((PangoGlyphItem *) r->data)->glyphs;

          if (glyphs->space <= glyphs->num_glyphs || glyphs->num_glyphs == 0)
            continue;
          glyphs->glyphs = g_renew (PangoGlyphInfo, glyphs->glyphs, glyphs->num_glyphs);
          glyphs->log_clusters = g_renew (int, glyphs->log_clusters, glyphs->num_glyphs);
          glyphs->space = glyphs->num_glyphs;
        }
    }
}

/* Laying out text is most of the work of a page layout, and most text is
 * the same from one layout to the next: the preview after a keystroke,
 * the PDF after the preview, the next school's policy in a batch. Each
 * thread keeps the layouts it made, keyed by everything that shapes them,
 * and a layout reuses them. Layouts are never changed once measured, so
 * sharing them is safe within a thread.
 *
 * The cache is bounded by use, not only by size: each pagination in a
 * thread is a generation, and a layout no pagination asked for in the
 * last SHAPED_CACHE_KEEP is dropped as the next one starts. What the
 * policy keeps (the model clauses, every paragraph of the document being
 * typed in) stays; the paragraphs of the schools a batch has done, or the
 * versions of a paragraph typed over, go. SHAPED_CACHE_LIMIT bounds a
 * single generation. Eight generations keep what a batch's rows share
 * across the layouts they take turns at (columns, back to back, one
 * language; each row's PDF and ODT). */
#define SHAPED_CACHE_LIMIT 6000
#define SHAPED_CACHE_KEEP 8

typedef struct {
  GHashTable *table;       /* key → Shaped */
  guint       generation;
} ShapedCache;

static void
shaped_cache_free (ShapedCache *cache)
{
  g_hash_table_unref (cache->table);
  g_free (cache);
}

static GPrivate shaped_cache = G_PRIVATE_INIT ((GDestroyNotify) shaped_cache_free);

static ShapedCache *
get_shaped_cache (void)
{
  ShapedCache *cache = g_private_get (&shaped_cache);

  if (cache == NULL)
    {
      cache = g_new0 (ShapedCache, 1);
      cache->table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) shaped_unref);
      g_private_set (&shaped_cache, cache);
    }
  return cache;
}

/* A pagination starts in this thread: drops what the last few did not
 * use. */
static void
shaped_cache_next_generation (void)
{
  ShapedCache *cache = get_shaped_cache ();
  GHashTableIter iter;
  gpointer value;

  cache->generation++;
  g_hash_table_iter_init (&iter, cache->table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (cache->generation - ((Shaped *) value)->last_used > SHAPED_CACHE_KEEP)
      g_hash_table_iter_remove (&iter);
  /* the words of the text laid out by words, kept as long */
  polisi_word_lines_next_generation (SHAPED_CACHE_KEEP);
}

/* @marks, with each offset moved past the zero-width spaces inserted
 * before it (3 bytes each) by polisi_text_break_long_runs_full(). */
static GArray *
move_marks (const GArray *marks,
            const GArray *inserted)
{
  GArray *moved = g_array_sized_new (FALSE, FALSE, sizeof (PolisiTextMark), marks->len);

  for (guint i = 0; i < marks->len; i++)
    {
      PolisiTextMark mark = g_array_index (marks, PolisiTextMark, i);
      guint start_shift = 0, end_shift = 0;

      for (guint j = 0; j < inserted->len; j++)
        {
          guint at = g_array_index (inserted, guint, j);

          if (at <= mark.start)
            start_shift += 3;
          if (at < mark.end)
            end_shift += 3;
        }
      mark.start += start_shift;
      mark.end += end_shift;
      g_array_append_val (moved, mark);
    }
  return moved;
}

/* The size and the width are keyed as Pango takes them, in whole Pango
 * units: what differs by less lays out the same. */
static char *
shape_key (const ShapeSpec *spec)
{
  GString *key = g_string_sized_new (strlen (spec->text) + 48);

  g_string_append_printf (key, "%d|%d|%d|%d|%d|%d|%d|", (int) (spec->size * PANGO_SCALE), spec->bold, spec->lang,
                          spec->width > 0 ? (int) (spec->width * PANGO_SCALE) : -1, spec->alignment, spec->links,
                          spec->by_words);
  for (guint i = 0; spec->marks != NULL && i < spec->marks->len; i++)
    {
      const PolisiTextMark *mark = &g_array_index (spec->marks, PolisiTextMark, i);
      g_string_append_printf (key, "%c%u-%u", mark->kind == POLISI_MARK_INSERTED ? '+' : '-', mark->start, mark->end);
    }
  g_string_append_c (key, '|');
  g_string_append (key, spec->text);
  return g_string_free (key, FALSE);
}

/* What laying out by words needs of a font, in each thread: the font
 * Pango would choose for a paragraph of Latin text in it, and its lines'
 * height and spacing, taken once from a layout of Pango's. */
typedef struct {
  PangoFont *font;
  int        top;        /* of the first line, in Pango units */
  int        bottom;
  int        baseline;
  int        pitch;      /* from one line to the next */
} WordFont;

typedef struct {
  PangoFontMap *font_map;
  GHashTable   *fonts;   /* "size|bold|language" → WordFont */
} WordFonts;

static void
word_font_free (gpointer data)
{
  WordFont *font = data;

  g_object_unref (font->font);
  g_free (font);
}

static void
word_fonts_free (gpointer data)
{
  WordFonts *fonts = data;

  g_clear_object (&fonts->font_map);
  g_clear_pointer (&fonts->fonts, g_hash_table_unref);
  g_free (fonts);
}

static GPrivate word_fonts = G_PRIVATE_INIT (word_fonts_free);

static WordFont *
get_word_font (PangoContext    *context,
               const ShapeSpec *spec)
{
  WordFonts *fonts = g_private_get (&word_fonts);
  PangoFontMap *font_map = pango_context_get_font_map (context);
  char key[64];
  WordFont *font;

  if (fonts == NULL)
    {
      fonts = g_new0 (WordFonts, 1);
      g_private_set (&word_fonts, fonts);
    }
  if (fonts->font_map != font_map)
    {
      g_set_object (&fonts->font_map, font_map);
      g_clear_pointer (&fonts->fonts, g_hash_table_unref);
      fonts->fonts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, word_font_free);
    }

  g_snprintf (key, sizeof key, "%d|%d|%d", (int) (spec->size * PANGO_SCALE), spec->bold, spec->lang);
  font = g_hash_table_lookup (fonts->fonts, key);
  if (font == NULL)
    {
      PangoFontDescription *description = make_font (spec->size, spec->bold);
      PangoLanguage *language = pango_language_from_string (polisi_lang_to_code (spec->lang));
      PangoFontset *fontset = pango_font_map_load_fontset (font_map, context, description, language);
      /* two lines: a word too wide for its line, and another */
      g_autoptr(PangoLayout) layout = make_layout (context, "x x", spec->size, spec->bold, spec->lang, 1.0,
                                                   PANGO_ALIGN_LEFT);
      PangoLayoutIter *iter = pango_layout_get_iter (layout);
      int y0, y1;

      font = g_new0 (WordFont, 1);
      font->font = pango_fontset_get_font (fontset, 'a');
      pango_layout_iter_get_line_yrange (iter, &font->top, &font->bottom);
      font->baseline = pango_layout_iter_get_baseline (iter);
      pango_layout_iter_next_line (iter);
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      font->pitch = y0 - font->top;
      pango_layout_iter_free (iter);
      g_object_unref (fontset);
      pango_font_description_free (description);
      g_hash_table_insert (fonts->fonts, g_strdup (key), font);
    }
  return font;
}

/* Lays @text out by words, if it can be (polisi_word_lines_break()). */
static gboolean
lay_out_by_words (Shaped          *shaped,
                  PangoContext    *context,
                  const ShapeSpec *spec,
                  const char      *text)
{
  WordFont *font = get_word_font (context, spec);
  g_autoptr(GArray) ranges = polisi_text_find_unbreakable_ranges (text);

  shaped->word_lines = polisi_word_lines_break (font->font, pango_language_from_string (polisi_lang_to_code (spec->lang)),
                                                text, shaped->width, ranges);
  if (shaped->word_lines == NULL)
    return FALSE;

  alloc_lines (shaped, (int) polisi_word_lines_get_n_lines (shaped->word_lines));
  for (int i = 0; i < shaped->n_lines; i++)
    {
      int top = font->top + i * font->pitch;

      shaped->line_top[i] = (double) top / PANGO_SCALE;
      shaped->line_bottom[i] = (double) (top + font->bottom - font->top) / PANGO_SCALE;
      shaped->line_baseline[i] = (double) (top + font->baseline - font->top) / PANGO_SCALE;
    }
  return TRUE;
}

/* Lays out and measures a piece of text: the work the cache saves. Uses
 * nothing but @context and its arguments, so that any thread can do it
 * with a context of its own (shape_jobs()). Returns a reference. */
static Shaped *
shaped_new (PangoContext    *context,
            const ShapeSpec *spec)
{
  const char *text = spec->text;
  const GArray *marks = spec->marks;
  g_autofree char *broken = NULL;
  g_autoptr(GArray) moved_marks = NULL;
  Shaped *shaped;

  /* A run of letters with nowhere to break a line (a name typed without
   * spaces) would take pango time growing with the square of its length
   * to wrap: give it places to break, and move the marks with the text. */
  if (spec->width > 0)
    {
      g_autoptr(GArray) inserted = NULL;

      broken = polisi_text_break_long_runs_full (text, POLISI_TEXT_MAX_UNBROKEN, &inserted);
      if (inserted->len > 0)
        {
          text = broken;
          if (marks != NULL)
            marks = moved_marks = move_marks (marks, inserted);
        }
    }

  shaped = g_new0 (Shaped, 1);
  shaped->ref_count = 1;
  shaped->text = g_strdup (text);
  shaped->width = spec->width > 0 ? (int) (spec->width * PANGO_SCALE) : -1;
  shaped->links = spec->links ? polisi_export_find_links (text) : g_array_new (FALSE, FALSE, sizeof (PolisiLinkSpan));

  /* links and marks are drawn run by run, and Pango makes a run of each */
  if (spec->by_words && spec->alignment == PANGO_ALIGN_LEFT &&
      shaped->links->len == 0 && (marks == NULL || marks->len == 0) &&
      lay_out_by_words (shaped, context, spec, text))
    return shaped;

  shaped->layout = make_layout (context, text, spec->size, spec->bold, spec->lang, spec->width, spec->alignment);
  mark_links (shaped);
  mark_changes (shaped, marks);
  if (marks != NULL && marks->len > 0)
    {
      shaped->marks = g_array_sized_new (FALSE, FALSE, sizeof (PolisiTextMark), marks->len);
      g_array_append_vals (shaped->marks, marks->data, marks->len);
    }
  show_final_spaces (shaped->layout);
  compact_glyph_strings (shaped->layout);
  measure_lines (shaped);

  return shaped;
}

/* The cache's layout for @key, with a reference for the caller, or NULL. */
static Shaped *
shaped_cache_lookup (ShapedCache *cache,
                     const char  *key)
{
  Shaped *shaped = g_hash_table_lookup (cache->table, key);

  if (shaped == NULL)
    return NULL;
  shaped->last_used = cache->generation;
  shaped->ref_count++;
  return shaped;
}

/* Takes @key and the reference to @shaped. */
static void
shaped_cache_insert (ShapedCache *cache,
                     char        *key,
                     Shaped      *shaped)
{
  if (g_hash_table_size (cache->table) >= SHAPED_CACHE_LIMIT)
    g_hash_table_remove_all (cache->table);
  shaped->last_used = cache->generation;
  g_hash_table_insert (cache->table, key, shaped);
}

static Shaped *
get_shaped_marked (PolisiPageLayout *self,
                   const char       *text,
                   double            size,
                   gboolean          bold,
                   PolisiLang        lang,
                   double            width,
                   PangoAlignment    alignment,
                   gboolean          links,
                   const GArray     *marks,
                   gboolean          by_words)
{
  ShapeSpec spec = { text, size, bold, lang, width, alignment, links, marks, by_words && !self->pango_only };
  ShapedCache *cache = get_shaped_cache ();
  char *key = shape_key (&spec);
  Shaped *shaped = shaped_cache_lookup (cache, key);

  if (shaped != NULL)
    {
      g_free (key);
      return shaped;
    }
  shaped = shaped_new (self->context, &spec);
  shaped->ref_count++;  /* the caller's */
  shaped_cache_insert (cache, key, shaped);
  return shaped;
}

static Shaped *
get_shaped (PolisiPageLayout *self,
            const char       *text,
            double            size,
            gboolean          bold,
            PolisiLang        lang,
            double            width,
            PangoAlignment    alignment,
            gboolean          links)
{
  return get_shaped_marked (self, text, size, bold, lang, width, alignment, links, NULL, FALSE);
}

/* A cached layout for drawing only (headers, footers, numbers). */
static PangoLayout *
get_layout (PolisiPageLayout *self,
            const char       *text,
            double            size,
            gboolean          bold,
            PolisiLang        lang,
            double            width,
            PangoAlignment    alignment)
{
  Shaped *shaped = get_shaped (self, text, size, bold, lang, width, alignment, FALSE);
  PangoLayout *layout = g_object_ref (shaped->layout);

  shaped_unref (shaped);
  return layout;
}

static void
add_advance (const PangoGlyphInfo *glyph,
             int                   cluster,
             int                   advance,
             gpointer              data)
{
  *(int *) data += advance;
}

/* One line of text for drawing only (footers, the contents' page numbers),
 * laid out by words where it can be, and its width in points. */
static Shaped *
get_one_line (PolisiPageLayout *self,
              const char       *text,
              double            size,
              PolisiLang        lang,
              double           *width)
{
  Shaped *shaped = get_shaped_marked (self, text, size, FALSE, lang, -1, PANGO_ALIGN_LEFT, FALSE, NULL, TRUE);
  int units = 0;

  if (shaped->layout != NULL)
    {
      PangoRectangle logical;

      pango_layout_line_get_extents (pango_layout_get_line_readonly (shaped->layout, 0), NULL, &logical);
      units = logical.width;
    }
  else
    polisi_word_lines_foreach_glyph (shaped->word_lines, 0, add_advance, &units);
  *width = units / (double) PANGO_SCALE;
  return shaped;
}

typedef struct {
  double      size;
  gboolean    bold;
  const char *tag;
  double      space_before;
  double      space_after;
  PangoAlignment alignment;
} ParaStyle;

static const ParaStyle style_title = { TITLE_SIZE, TRUE, "H1", 0, 6, PANGO_ALIGN_LEFT };
static const ParaStyle style_subtitle = { SUBTITLE_SIZE, FALSE, "P", 0, 10, PANGO_ALIGN_LEFT };
static const ParaStyle style_meta = { BODY_SIZE, FALSE, "P", 0, 3, PANGO_ALIGN_LEFT };
static const ParaStyle style_heading = { HEADING_SIZE, TRUE, "H2", 14, 6, PANGO_ALIGN_LEFT };
static const ParaStyle style_contents_heading = { HEADING_SIZE, TRUE, "H2", 18, 8, PANGO_ALIGN_LEFT };
/* the paragraphs of one clause stand apart, even after a full last line */
static const ParaStyle style_body = { BODY_SIZE, FALSE, "P", 0, 7, PANGO_ALIGN_LEFT };
static const ParaStyle style_item = { BODY_SIZE, FALSE, "LI", 0, 3, PANGO_ALIGN_LEFT };
static const ParaStyle style_contents = { BODY_SIZE, FALSE, "P", 0, 3, PANGO_ALIGN_LEFT };
static const ParaStyle style_table_head = { 8.5, TRUE, "TH", 0, 0, PANGO_ALIGN_LEFT };
static const ParaStyle style_table_cell = { 8.5, FALSE, "TD", 0, 0, PANGO_ALIGN_LEFT };

/* @para's text as laid out in @shaped; takes the reference. */
static void
para_set_shaped (Para   *para,
                 Shaped *shaped)
{
  para->shaped = shaped;
  /* the text as laid out: with any breaks added to an overlong word */
  para->text = g_strdup (shaped->text);
  para->links = shaped->links;
  para->marks = shaped->marks;
  para->n_lines = shaped->n_lines;
  para->line_top = shaped->line_top;
  para->line_bottom = shaped->line_bottom;
  para->line_baseline = shaped->line_baseline;
}

/* A line of a paragraph, laid out by words or by Pango. */
typedef struct {
  int     start;    /* byte offset in the paragraph's text */
  int     length;
  GSList *runs;     /* PangoGlyphItem; NULL for a line laid out by words */
} LineView;

static LineView
para_line (Para *para,
           int   index)
{
  Shaped *shaped = para->shaped;
  LineView view;

  if (shaped->layout != NULL)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (shaped->layout, index);

      view.start = line->start_index;
      view.length = line->length;
      view.runs = line->runs;
    }
  else
    {
      polisi_word_lines_get_line (shaped->word_lines, index, &view.start, &view.length);
      view.runs = NULL;
    }
  return view;
}

/* A paragraph whose text is laid out now if it was laid out before (the
 * cache), and otherwise with the rest once the rows are built
 * (shape_queued()). */
static Para *
add_marked_para (PolisiPageLayout *self,
                 const ParaStyle  *style,
                 const char       *text,
                 const GArray     *marks,
                 PolisiLang        lang,
                 double            cell_width,
                 double            indent)
{
  Para *para = g_new0 (Para, 1);
  ShapeSpec spec = { text, style->size, style->bold, lang, MAX (cell_width - indent, 20.0), style->alignment, TRUE,
                     marks != NULL && marks->len > 0 ? marks : NULL, !self->pango_only };
  char *key = shape_key (&spec);
  Shaped *shaped = shaped_cache_lookup (get_shaped_cache (), key);

  para->lang = lang;
  para->tag = style->tag;
  para->indent = indent;
  para->space_before = style->space_before;
  para->space_after = style->space_after;
  para->toc_heading = -1;
  para->list = -1;
  g_ptr_array_add (self->paras, para);

  if (shaped != NULL)
    {
      para_set_shaped (para, shaped);
      g_free (key);
      return para;
    }

  para->job = g_hash_table_lookup (self->job_keys, key);
  if (para->job != NULL)
    {
      g_free (key);
      return para;
    }
  para->job = shape_job_new (&spec, key);
  g_ptr_array_add (self->jobs, para->job);
  g_hash_table_insert (self->job_keys, para->job->key, para->job);
  shape_work_add (self, para->job);
  return para;
}

static Para *
add_para (PolisiPageLayout *self,
          const ParaStyle  *style,
          const char       *text,
          PolisiLang        lang,
          double            cell_width,
          double            indent)
{
  return add_marked_para (self, style, text, NULL, lang, cell_width, indent);
}

static void
set_label (PolisiPageLayout *self,
           Para             *para,
           const char       *label,
           double            x)
{
  /* the space keeps the number apart from the text in the PDF's text */
  g_autofree char *spaced = g_strconcat (label, " ", NULL);

  para->label = get_shaped_marked (self, spaced, BODY_SIZE, TRUE, para->lang, -1, PANGO_ALIGN_LEFT, FALSE, NULL, TRUE);
  para->label_x = x;
}

static void
set_bullet (PolisiPageLayout *self,
            Para             *para,
            double            x)
{
  para->bullet = get_layout (self, "•", BODY_SIZE, FALSE, para->lang, -1, PANGO_ALIGN_LEFT);
  para->bullet_x = x;
}

/* Rows ------------------------------------------------------------------- */

static double
content_width (PolisiPageLayout *self)
{
  return self->page_width - 2 * MARGIN_X;
}

static Row *
append_row (PolisiPageLayout *self,
            RowKind           kind,
            guint             part)
{
  Row row = { 0 };

  row.kind = kind;
  row.part = part;
  row.table = -1;
  g_array_append_val (self->rows, row);
  return &g_array_index (self->rows, Row, self->rows->len - 1);
}

/* A row with one cell per language of @langs, side by side. */
static Row *
append_language_row (PolisiPageLayout *self,
                     RowKind           kind,
                     guint             part,
                     guint             n_langs)
{
  Row *row = append_row (self, kind, part);
  double width = n_langs == 2 ? (content_width (self) - GUTTER) / 2 : content_width (self);

  row->n_cells = n_langs;
  for (guint i = 0; i < n_langs; i++)
    {
      row->cells[i].x = MARGIN_X + i * (width + GUTTER);
      row->cells[i].width = width;
      row->cells[i].paras = g_ptr_array_new ();
    }
  return row;
}

static void
add_title_rows (PolisiPageLayout *self,
                const PolisiLang *langs,
                guint             n_langs,
                guint             part)
{
  Row *row = append_language_row (self, ROW_TEXT, part, n_langs);

  row->space_after = 6;
  for (guint i = 0; i < n_langs; i++)
    {
      PolisiLang lang = langs[i];
      Cell *cell = &row->cells[i];
      PolisiDocument *document = self->document;
      g_autofree char *version = polisi_export_version_line (document, lang);
      g_autofree char *note = polisi_export_availability_note (document, &self->options, lang);
      const char *organisation = polisi_document_get_organisation (document, lang);

      if (organisation != NULL && organisation[0] != '\0')
        g_ptr_array_add (cell->paras, add_para (self, &style_title, organisation, lang, cell->width, 0));
      g_ptr_array_add (cell->paras, add_para (self, &style_subtitle, polisi_document_get_title (document, lang),
                                              lang, cell->width, 0));
      g_ptr_array_add (cell->paras, add_para (self, &style_meta, version, lang, cell->width, 0));

      if (polisi_document_get_review_text (document, lang) != NULL)
        {
          g_autofree char *line = g_strdup_printf ("%s: %s", polisi_export_term (POLISI_TERM_REVIEW_DATE, lang),
                                                   polisi_document_get_review_text (document, lang));
          g_ptr_array_add (cell->paras, add_para (self, &style_meta, line, lang, cell->width, 0));
        }
      if (polisi_document_get_closing_text (document, lang) != NULL)
        {
          g_autofree char *line = g_strdup_printf ("%s: %s", polisi_export_term (POLISI_TERM_CLOSING_DATE, lang),
                                                   polisi_document_get_closing_text (document, lang));
          g_ptr_array_add (cell->paras, add_para (self, &style_meta, line, lang, cell->width, 0));
        }
      if (note != NULL)
        g_ptr_array_add (cell->paras, add_para (self, &style_meta, note, lang, cell->width, 0));
    }
}

static int
add_heading (PolisiPageLayout *self,
             PolisiBlock      *block,
             guint             block_index,
             const PolisiLang *langs,
             guint             n_langs,
             guint             part)
{
  PolisiPageHeading heading = { 0 };
  g_autoptr(GString) label = g_string_new (NULL);
  char *dest = g_strdup_printf ("p%u-b%u", part, block_index);

  for (guint i = 0; i < n_langs; i++)
    {
      g_autofree char *text = polisi_export_heading_label (block, langs[i]);

      if (i > 0)
        g_string_append (label, " / ");
      g_string_append (label, text);
    }

  heading.lang = langs[0];
  heading.part = part;
  heading.block = block_index;
  heading.label = g_string_free (g_steal_pointer (&label), FALSE);
  heading.dest = dest;
  g_ptr_array_add (self->heading_labels, (char *) heading.label);
  g_ptr_array_add (self->heading_dests, dest);
  g_array_append_val (self->headings, heading);

  return self->headings->len - 1;
}

static void
add_contents (PolisiPageLayout *self,
              const PolisiLang *langs,
              guint             n_langs,
              guint             part,
              guint             first_heading,
              guint             n_headings)
{
  Row *row = append_language_row (self, ROW_HEADING, part, n_langs);

  row->keep_with_next = TRUE;
  for (guint i = 0; i < n_langs; i++)
    g_ptr_array_add (row->cells[i].paras,
                     add_para (self, &style_contents_heading, polisi_export_term (POLISI_TERM_CONTENTS, langs[i]),
                               langs[i], row->cells[i].width, 0));

  for (guint h = first_heading; h < first_heading + n_headings; h++)
    {
      /* The headings of this part, in its languages; the page number is
       * drawn once the pages are known. */
      guint block_index = g_array_index (self->headings, PolisiPageHeading, h).block;
      PolisiBlock *block = polisi_document_get_block (self->document, block_index);

      row = append_language_row (self, ROW_TEXT, part, n_langs);
      for (guint i = 0; i < n_langs; i++)
        {
          g_autofree char *text = polisi_export_heading_label (block, langs[i]);
          Para *para = add_para (self, &style_contents, text, langs[i], row->cells[i].width - 30, 0);

          para->toc_heading = h;
          g_ptr_array_add (row->cells[i].paras, para);
        }
    }
}

/**
 * polisi_page_layout_count_pairs:
 * @block: a clause or a paragraph block
 *
 * In parallel columns, a clause whose two languages have as many
 * paragraphs (list items count as paragraphs, an empty text as one) is a
 * row for each paragraph and its translation, side by side, each row kept
 * whole on a page; a clause whose languages differ in that (a paragraph
 * added in one language only) is one row, split across pages line by
 * line. The ODT and the DOCX write the rows the PDF lays out.
 *
 * Returns: the rows of paragraph pairs, or 0 when the clause is one row
 */
guint
polisi_page_layout_count_pairs (PolisiBlock *block,
                                PolisiLang   first,
                                PolisiLang   second)
{
  guint n_first, n_second;

  g_return_val_if_fail (block != NULL, 0);

  if (block->kind != POLISI_BLOCK_CLAUSE && block->kind != POLISI_BLOCK_PARAGRAPH)
    return 0;
  n_first = MAX (block->paras[first]->len, 1);
  n_second = MAX (block->paras[second]->len, 1);
  return n_first == n_second ? n_first : 0;
}

/* The row of a clause in parallel columns (the last of the rows), as rows
 * of paragraph pairs when its languages have as many paragraphs: the
 * space between clauses after the last pair, the space between paragraphs
 * (each paragraph's own) after the others. */
static void
split_into_pairs (PolisiPageLayout *self,
                  guint             index)
{
  Row clause = g_array_index (self->rows, Row, index);
  guint n = clause.cells[0].paras->len;

  g_assert (index == self->rows->len - 1);
  if (clause.n_cells != 2 || n == 0 || clause.cells[1].paras->len != n)
    return;

  /* the row's cells now belong to this copy */
  for (guint c = 0; c < clause.n_cells; c++)
    g_array_index (self->rows, Row, index).cells[c].paras = NULL;
  g_array_remove_index (self->rows, index);

  for (guint p = 0; p < n; p++)
    {
      Row *pair = append_language_row (self, clause.kind, clause.part, clause.n_cells);

      pair->whole = TRUE;
      pair->pair_group = index + 1;
      pair->space_after = p + 1 == n ? clause.space_after : 0;
      for (guint c = 0; c < clause.n_cells; c++)
        g_ptr_array_add (pair->cells[c].paras, clause.cells[c].paras->pdata[p]);
    }
  for (guint c = 0; c < clause.n_cells; c++)
    g_ptr_array_unref (clause.cells[c].paras);
}

static void
add_clause_row (PolisiPageLayout *self,
                PolisiBlock      *block,
                const PolisiLang *langs,
                guint             n_langs,
                guint             part)
{
  Row *row = append_language_row (self, ROW_TEXT, part, n_langs);

  row->space_after = 8;
  for (guint i = 0; i < n_langs; i++)
    {
      PolisiLang lang = langs[i];
      Cell *cell = &row->cells[i];
      GPtrArray *blocks = block->paras[lang];
      double indent = block->number != NULL ? NUMBER_WIDTH : 0;
      g_autoptr(GPtrArray) fixed = NULL;

      /* a PDF cannot be written in: how to comment without a menu's word */
      if (g_strcmp0 (block->id, "comments-intro") == 0 &&
          polisi_document_get_comments_fixed (self->document, lang) != NULL)
        blocks = fixed = polisi_text_parse_blocks (polisi_document_get_comments_fixed (self->document, lang));
      int list = -1;

      for (guint p = 0; p < blocks->len; p++)
        {
          PolisiTextBlock *text = g_ptr_array_index (blocks, p);
          Para *para;

          if (text->item)
            {
              if (list < 0)
                list = self->n_lists++;
              para = add_marked_para (self, &style_item, text->text, text->marks, lang, cell->width, indent + BULLET_WIDTH);
              para->list = list;
              set_bullet (self, para, indent + 2);
            }
          else
            {
              list = -1;
              para = add_marked_para (self, &style_body, text->text, text->marks, lang, cell->width, indent);
            }

          para->numbered = TRUE;
          para->line_block = block->id;
          para->line_para = p;
          /* in the flow of the text, as the ODT and the DOCX keep it; a
           * paragraph pair of parallel columns is a row of its own */
          if (n_langs == 1)
            para->keep_with_next = polisi_text_block_keeps_with_next (blocks, p);
          if (p == 0)
            {
              para->block_id = g_strdup (block->id);
              if (block->number != NULL)
                set_label (self, para, block->number, 0);
              if (block->number != NULL && block->change != POLISI_CHANGE_NONE)
                {
                  /* a clause that came or went: its number too */
                  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (PolisiTextMark));
                  PolisiTextMark mark = { 0, strlen (block->number),
                                          block->change == POLISI_CHANGE_INSERTED ? POLISI_MARK_INSERTED : POLISI_MARK_DELETED };
                  Shaped *shaped;

                  g_array_append_val (marks, mark);
                  g_autofree char *spaced = g_strconcat (block->number, " ", NULL);

                  shaped = get_shaped_marked (self, spaced, BODY_SIZE, TRUE, lang, -1, PANGO_ALIGN_LEFT, FALSE, marks, TRUE);
                  g_clear_pointer (&para->label, shaped_unref);
                  para->label = shaped;
                }
            }
          g_ptr_array_add (cell->paras, para);
        }

      /* An empty translation still takes its place, so the other column
       * stays level. */
      if (blocks->len == 0)
        {
          Para *para = add_para (self, &style_body, "", lang, cell->width, indent);
          para->block_id = g_strdup (block->id);
          if (block->number != NULL)
            set_label (self, para, block->number, 0);
          g_ptr_array_add (cell->paras, para);
        }
    }

  if (n_langs == 2 && polisi_page_layout_count_pairs (block, langs[0], langs[1]) > 0)
    split_into_pairs (self, self->rows->len - 1);
}

/* A table's columns are as wide as the ODT's (polisi_block_get_column_widths()),
 * measured in characters of the table's text: about 0.55 em each. */
static void
add_table (PolisiPageLayout *self,
           PolisiBlock      *block,
           PolisiLang        lang,
           guint             part)
{
  const double char_width = 0.55 * style_table_cell.size;
  int table = self->n_tables++;
  guint n_columns = MIN (block->n_columns, MAX_CELLS);
  g_autofree double *widths = g_new0 (double, MAX (block->n_columns, 1));
  double x = MARGIN_X;

  if (block->n_columns > 0)
    polisi_block_get_column_widths (block, self->langs, self->n_langs,
                                    content_width (self) / char_width, 2 * TABLE_PADDING / char_width, widths);
  for (guint c = 0; c < n_columns; c++)
    widths[c] *= char_width;

  for (guint r = 0; r < polisi_block_get_n_rows (block); r++)
    {
      Row *row = append_row (self, ROW_TABLE, part);

      row->table = table;
      row->table_row = r;
      row->n_cells = n_columns;
      x = MARGIN_X;
      for (guint c = 0; c < n_columns; c++)
        {
          Cell *cell = &row->cells[c];
          int own = polisi_block_get_cell_lang (block, r, c);
          Para *para = add_para (self, r == 0 ? &style_table_head : &style_table_cell,
                                 polisi_block_get_cell (block, lang, r, c), own >= 0 ? (PolisiLang) own : lang,
                                 widths[c] - 2 * TABLE_PADDING, 0);

          para->unbreakable = TRUE;
          cell->x = x;
          cell->width = widths[c];
          cell->paras = g_ptr_array_new ();
          g_ptr_array_add (cell->paras, para);
          x += widths[c];
        }
    }

  g_array_index (self->rows, Row, self->rows->len - 1).space_after = 12;
}

static void
add_body (PolisiPageLayout *self,
          const PolisiLang *langs,
          guint             n_langs,
          guint             part,
          guint             heading)
{
  for (guint b = 0; b < polisi_document_get_n_blocks (self->document); b++)
    {
      PolisiBlock *block = polisi_document_get_block (self->document, b);
      Row *row;

      switch (block->kind)
        {
        case POLISI_BLOCK_HEADING:
          /* an appendix starts a page */
          if (block->appendix)
            append_row (self, ROW_PAGE_BREAK, part);
          row = append_language_row (self, ROW_HEADING, part, n_langs);
          row->keep_with_next = TRUE;
          for (guint i = 0; i < n_langs; i++)
            {
              g_autofree char *text = polisi_export_heading_label (block, langs[i]);
              Para *para = add_para (self, &style_heading, text, langs[i], row->cells[i].width, 0);

              para->unbreakable = TRUE;
              para->block_id = g_strdup (block->id);
              para->numbered = TRUE;
              para->line_block = block->id;
              para->line_para = -1;
              /* the heading was registered, in block order, by build_rows() */
              if (i == 0)
                para->dest = g_strdup (g_array_index (self->headings, PolisiPageHeading, heading).dest);
              g_ptr_array_add (row->cells[i].paras, para);
            }
          heading++;
          break;

        case POLISI_BLOCK_CLAUSE:
        case POLISI_BLOCK_PARAGRAPH:
          add_clause_row (self, block, langs, n_langs, part);
          break;

        case POLISI_BLOCK_TABLE:
          for (guint i = 0; i < n_langs; i++)
            add_table (self, block, langs[i], part);
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

/* Laying out the text in two threads ------------------------------------
 *
 * Laying out text is most of a pagination's work when little of it is in
 * the cache: a cold export, the first preview. The paragraphs are
 * independent of each other once the rows are built, so the text that
 * waits for it is shared out between this thread and a second, each
 * taking the next paragraph from a common counter. Pango's objects belong
 * to one thread, so the second makes its layouts with a font map and a
 * context of its own (both kept alive by its layouts), and has finished
 * with them before this thread measures or draws them. The layouts are
 * the same, glyph for glyph, as this thread's would be: the same font
 * files, the same settings (make_context()).
 *
 * SHAPE_THREAD_MIN is the text, in bytes, it takes for a second thread
 * to pay for its start and its font map (about a millisecond; 24,000
 * bytes take about 9 ms to lay out here): a school's policy in a batch,
 * most of it in the cache already, is laid out in the thread that asks.
 * The second thread lays out about half the text: SHAPE_THREAD_HEAP is
 * about what that allocates for the full library (polisi_heap_reserve()). */
#define SHAPE_THREAD_MIN 24000
#define SHAPE_THREAD_HEAP (4 * 1024 * 1024)

/* Laying out the paragraphs, shared with a second thread: as the rows are
 * built, each paragraph the cache does not hold becomes a job in its
 * language's queue; once there is much text waiting (SHAPE_THREAD_MIN), a
 * second thread starts taking jobs while this one goes on building the
 * rows, and this one joins in once they are built. Each thread takes its
 * own language's jobs while there are any, then the other's: a thread's
 * words are shaped and kept once per font and language
 * (polisi-word-lines), and its Pango font map sets up the fonts of each
 * language it meets, so two threads that each lay out one language do
 * neither twice. */
struct _ShapeWork {
  GMutex          lock;
  GCond           added;
  GPtrArray      *queues[POLISI_N_LANGS];  /* ShapeJob, borrowed */
  guint           taken[POLISI_N_LANGS];
  gboolean        closed;                  /* no more jobs will come */
  gsize           queued_bytes;
  PolisiLang      first;                   /* the building thread's language */
  PolisiParallel *helper;
  gboolean        serial;
};

static void shape_jobs (gpointer data, gboolean helper);

/* The text the layout's languages hold, in bytes: whether it is long
 * enough for a second thread. */
static gsize
document_text_size (PolisiPageLayout *self)
{
  gsize size = 0;

  for (guint b = 0; b < polisi_document_get_n_blocks (self->document); b++)
    {
      PolisiBlock *block = polisi_document_get_block (self->document, b);

      for (guint l = 0; l < self->n_langs; l++)
        {
          GPtrArray *paras = block->paras[self->langs[l]];

          for (guint p = 0; paras != NULL && p < paras->len; p++)
            size += strlen (((PolisiTextBlock *) g_ptr_array_index (paras, p))->text);
        }
    }
  return size;
}

/* The jobs' queues; and when this thread has laid out nothing yet (a
 * command's export) and the document's text is long, the second thread
 * started at once, to set its fonts up while the first rows are built.
 * Otherwise it starts once the jobs hold much text (shape_work_add()): a
 * window paginating again lays out only what changed. */
static ShapeWork *
shape_work_new (PolisiPageLayout *self)
{
  ShapeWork *work = g_new0 (ShapeWork, 1);

  g_mutex_init (&work->lock);
  g_cond_init (&work->added);
  for (guint l = 0; l < POLISI_N_LANGS; l++)
    work->queues[l] = g_ptr_array_new ();
  work->first = self->langs[0];
  work->serial = self->serial;
  if (!work->serial && g_hash_table_size (get_shaped_cache ()->table) == 0 &&
      document_text_size (self) >= SHAPE_THREAD_MIN)
    {
      work->serial = TRUE;
      work->helper = polisi_parallel_start (shape_jobs, work, SHAPE_THREAD_HEAP);
    }
  return work;
}

static void
shape_work_free (ShapeWork *work)
{
  for (guint l = 0; l < POLISI_N_LANGS; l++)
    g_ptr_array_unref (work->queues[l]);
  g_cond_clear (&work->added);
  g_mutex_clear (&work->lock);
  g_free (work);
}

/* The next job for a thread of language @own: its own language's first;
 * waits while there is none yet and more may come. */
static ShapeJob *
shape_work_take (ShapeWork  *work,
                 PolisiLang  own)
{
  PolisiLang order[2] = { own, POLISI_LANG_OTHER (own) };
  ShapeJob *job = NULL;

  g_mutex_lock (&work->lock);
  for (;;)
    {
      for (guint q = 0; q < 2 && job == NULL; q++)
        if (work->taken[order[q]] < work->queues[order[q]]->len)
          job = g_ptr_array_index (work->queues[order[q]], work->taken[order[q]]++);
      if (job != NULL || work->closed)
        break;
      g_cond_wait (&work->added, &work->lock);
    }
  g_mutex_unlock (&work->lock);
  return job;
}

static void
shape_jobs (gpointer data,
            gboolean helper)
{
  ShapeWork *work = data;
  PangoFontMap *font_map = pango_cairo_font_map_new ();
  PangoContext *context = polisi_page_layout_new_pango_context (font_map);
  PolisiLang own = POLISI_LANG_OTHER (work->first);
  ShapeJob *job;

  /* the fonts of most of the text set up while the first jobs are made */
  for (guint bold = 0; bold < 2; bold++)
    {
      g_autoptr(PangoLayout) layout = make_layout (context, "Aa", BODY_SIZE, bold, own, -1, PANGO_ALIGN_LEFT);
      PangoRectangle logical;

      pango_layout_get_extents (layout, NULL, &logical);
    }
  while ((job = shape_work_take (work, own)) != NULL)
    job->shaped = shaped_new (context, &job->spec);
  g_object_unref (context);
  g_object_unref (font_map);
}

static void
shape_work_add (PolisiPageLayout *self,
                ShapeJob         *job)
{
  ShapeWork *work = self->work;
  gboolean start;

  g_assert (work != NULL);  /* jobs are made while the rows are built */
  g_mutex_lock (&work->lock);
  g_ptr_array_add (work->queues[job->spec.lang], job);
  work->queued_bytes += strlen (job->spec.text);
  start = work->helper == NULL && !work->serial && work->queued_bytes >= SHAPE_THREAD_MIN;
  g_cond_signal (&work->added);
  g_mutex_unlock (&work->lock);

  /* tried once: when no processor is left for it, this thread does it all */
  if (start)
    {
      work->serial = TRUE;
      work->helper = polisi_parallel_start (shape_jobs, work, SHAPE_THREAD_HEAP);
    }
}

/* Lays out every paragraph still waiting, with the second thread if there
 * is one, gives each its layout, and keeps the layouts in this thread's
 * cache. */
static void
shape_queued (PolisiPageLayout *self)
{
  ShapedCache *cache = get_shaped_cache ();
  ShapeWork *work = g_steal_pointer (&self->work);
  ShapeJob *job;

  g_mutex_lock (&work->lock);
  work->closed = TRUE;
  g_cond_broadcast (&work->added);
  g_mutex_unlock (&work->lock);

  while ((job = shape_work_take (work, work->first)) != NULL)
    job->shaped = shaped_new (self->context, &job->spec);
  self->n_threads_used = polisi_parallel_join (g_steal_pointer (&work->helper));
  shape_work_free (work);

  for (guint i = 0; i < self->paras->len; i++)
    {
      Para *para = g_ptr_array_index (self->paras, i);

      if (para->job == NULL)
        continue;
      para->job->shaped->ref_count++;
      para_set_shaped (para, para->job->shaped);
      para->job = NULL;
    }
  for (guint i = 0; i < self->jobs->len; i++)
    {
      job = g_ptr_array_index (self->jobs, i);
      shaped_cache_insert (cache, g_steal_pointer (&job->key), g_steal_pointer (&job->shaped));
    }
  g_hash_table_remove_all (self->job_keys);
  g_ptr_array_set_size (self->jobs, 0);
}

static void
build_rows (PolisiPageLayout *self)
{
  guint n_parts = self->options.layout == POLISI_LAYOUT_SEQUENTIAL ? 2 : 1;

  for (guint part = 0; part < n_parts; part++)
    {
      const PolisiLang *langs = n_parts == 2 ? &self->langs[part] : self->langs;
      guint n_langs = n_parts == 2 ? 1 : self->n_langs;
      guint first_heading = self->headings->len;

      /* back to back, the second language starts on a right-hand page */
      if (part > 0)
        append_row (self, ROW_PAGE_BREAK, part)->recto = TRUE;

      /* Register the part's headings first: the contents list needs them. */
      for (guint b = 0; b < polisi_document_get_n_blocks (self->document); b++)
        {
          PolisiBlock *block = polisi_document_get_block (self->document, b);

          if (block->kind == POLISI_BLOCK_HEADING)
            add_heading (self, block, b, langs, n_langs, part);
        }

      add_title_rows (self, langs, n_langs, part);
      add_contents (self, langs, n_langs, part, first_heading, self->headings->len - first_heading);
      append_row (self, ROW_PAGE_BREAK, part);
      add_body (self, langs, n_langs, part, first_heading);
    }
}

/* Pagination ------------------------------------------------------------- */

typedef struct {
  PolisiPageLayout *self;
  Page             *page;
  double            y;
  double            top;
  double            bottom;
  int               open_table;     /* the table whose header row to repeat */
  Row              *table_header;
} Flow;

static void
new_page (Flow  *flow,
          guint  part)
{
  Page *page = g_new0 (Page, 1);

  page->items = g_ptr_array_new_with_free_func (g_free);
  page->part = part;
  g_ptr_array_add (flow->self->pages, page);
  flow->page = page;
  flow->y = flow->top;
}

static double
part_height (Para *para,
             int   first,
             int   last)
{
  if (last <= first)
    return 0;
  return para->line_bottom[last - 1] - para->line_top[first];
}

/* How much of @cell, from @from, fits in @available: returns where it
 * stops, and the height used. Orphans are not allowed, and a paragraph
 * carries at least @min_carry lines to the next page: 2 (no widow), or 3
 * in parallel columns, where two lines alone at the head of a page beside
 * the other column look lost. A paragraph that introduces a list goes to
 * the next page with the list's first lines, unless @may_place_nothing is
 * %FALSE (the top of an empty page) and it is all there is to place. */
static Cursor
measure_fit (Cell     *cell,
             Cursor    from,
             double    available,
             int       min_carry,
             gboolean  may_place_nothing,
             double   *height)
{
  Cursor cursor = from;
  double used = 0;
  double used_before_last = 0;   /* before the last paragraph placed whole */

  while (cursor.para < cell->paras->len)
    {
      Para *para = g_ptr_array_index (cell->paras, cursor.para);
      int first = cursor.line;
      double before = (first == 0 && used > 0) ? para->space_before : 0;
      double whole = part_height (para, first, para->n_lines);
      int fit = 0;

      if (used + before + whole <= available)
        {
          used_before_last = used;
          used += before + whole + para->space_after;
          cursor.para++;
          cursor.line = 0;
          continue;
        }

      if (!para->unbreakable)
        {
          while (first + fit < para->n_lines && used + before + part_height (para, first, first + fit + 1) <= available)
            fit++;
          /* orphan: a single first line at the foot of the page */
          if (first == 0 && fit == 1 && para->n_lines > 1)
            fit = 0;
          /* widow: too few last lines at the head of the next page */
          if (fit > 0 && para->n_lines - (first + fit) < min_carry)
            {
              fit = MAX (0, para->n_lines - first - min_carry);
              if (first == 0 && fit == 1)
                fit = 0;
            }
        }

      if (fit > 0)
        {
          used += before + part_height (para, first, first + fit);
          cursor.line = first + fit;
        }
      break;
    }

  /* a paragraph that introduces a list, placed whole, whose list cannot
   * start here: it goes on with its list (polisi_text_block_keeps_with_next()) */
  if (cursor.line == 0 && cursor.para > from.para && cursor.para < cell->paras->len)
    {
      Para *last = g_ptr_array_index (cell->paras, cursor.para - 1);
      gboolean placed_here_whole = cursor.para - 1 > from.para || from.line == 0;
      gboolean others_stay = cursor.para - 1 > from.para;

      if (last->keep_with_next && placed_here_whole && (may_place_nothing || others_stay))
        {
          cursor.para--;
          used = used_before_last;
        }
    }

  *height = used;
  return cursor;
}

static gboolean
cursor_at_end (Cell   *cell,
               Cursor  cursor)
{
  return cursor.para >= cell->paras->len;
}

static void
emit_cell (Flow   *flow,
           Cell   *cell,
           guint   column,
           Cursor  from,
           Cursor  to)
{
  double y = flow->y;
  Cursor cursor = from;

  while (cursor.para < cell->paras->len &&
         (cursor.para < to.para || (cursor.para == to.para && cursor.line < to.line)))
    {
      Para *para = g_ptr_array_index (cell->paras, cursor.para);
      int last = cursor.para < to.para ? para->n_lines : to.line;
      Item *item = g_new0 (Item, 1);

      if (cursor.line == 0 && y > flow->y)
        y += para->space_before;

      item->kind = ITEM_TEXT;
      item->para = para;
      item->first_line = cursor.line;
      item->last_line = last;
      item->x = cell->x;
      item->y = y;
      item->table = -1;
      item->column = column;
      g_ptr_array_add (flow->page->items, item);

      /* the lines of a consultation draft, numbered as they are placed:
       * one count per column, through the whole document */
      if (flow->self->line_numbers && para->numbered)
        {
          PolisiPageLayout *self = flow->self;

          item->first_number = self->line_count[column] + 1;
          for (int l = cursor.line; l < last; l++)
            {
              LineView line = para_line (para, l);
              PolisiNumberedLine numbered = {
                ++self->line_count[column], self->pages->len - 1, para->lang,
                para->line_block, para->line_para, line.start, line.start + line.length,
              };

              g_array_append_val (self->numbered_lines, numbered);
            }
        }

      if (para->block_id != NULL && cursor.line == 0 &&
          !g_hash_table_contains (flow->self->block_pages, para->block_id))
        g_hash_table_insert (flow->self->block_pages, g_strdup (para->block_id),
                             GUINT_TO_POINTER (flow->self->pages->len));
      if (para->dest != NULL && cursor.line == 0)
        for (guint h = 0; h < flow->self->headings->len; h++)
          {
            PolisiPageHeading *heading = &g_array_index (flow->self->headings, PolisiPageHeading, h);

            if (g_str_equal (heading->dest, para->dest))
              heading->page = flow->self->pages->len - 1;
          }

      y += part_height (para, cursor.line, last);
      if (last == para->n_lines)
        {
          y += para->space_after;
          cursor.para++;
          cursor.line = 0;
        }
      else
        break;
    }
}

static void
emit_table_row (Flow   *flow,
                Row    *row,
                double  height)
{
  double x0 = row->cells[0].x;
  double x1 = row->cells[row->n_cells - 1].x + row->cells[row->n_cells - 1].width;

  if (row->table_row == 0)
    {
      Item *fill = g_new0 (Item, 1);

      fill->kind = ITEM_FILL;
      fill->x = x0;
      fill->y = flow->y;
      fill->width = x1 - x0;
      fill->height = height;
      fill->table = -1;
      g_ptr_array_add (flow->page->items, fill);
    }

  for (guint c = 0; c < row->n_cells; c++)
    {
      Cell *cell = &row->cells[c];
      Para *para = g_ptr_array_index (cell->paras, 0);
      Item *item = g_new0 (Item, 1);
      Item *rule = g_new0 (Item, 1);

      item->kind = ITEM_TEXT;
      item->para = para;
      item->first_line = 0;
      item->last_line = para->n_lines;
      item->x = cell->x + TABLE_PADDING;
      item->y = flow->y + TABLE_PADDING;
      item->table = row->table;
      item->table_row = row->table_row;
      g_ptr_array_add (flow->page->items, item);

      /* the cell's left border */
      rule->kind = ITEM_RULE;
      rule->x = cell->x;
      rule->y = flow->y;
      rule->width = 0;
      rule->height = height;
      rule->table = -1;
      g_ptr_array_add (flow->page->items, rule);
    }

  {
    Item *right = g_new0 (Item, 1);
    Item *top = g_new0 (Item, 1);
    Item *bottom = g_new0 (Item, 1);

    *right = (Item) { ITEM_RULE, NULL, 0, 0, x1, flow->y, 0, height, -1, 0 };
    *top = (Item) { ITEM_RULE, NULL, 0, 0, x0, flow->y, x1 - x0, 0, -1, 0 };
    *bottom = (Item) { ITEM_RULE, NULL, 0, 0, x0, flow->y + height, x1 - x0, 0, -1, 0 };
    g_ptr_array_add (flow->page->items, right);
    g_ptr_array_add (flow->page->items, top);
    g_ptr_array_add (flow->page->items, bottom);
  }
}

static double
table_row_height (Row *row)
{
  double height = 0;

  for (guint c = 0; c < row->n_cells; c++)
    {
      Para *para = g_ptr_array_index (row->cells[c].paras, 0);
      height = MAX (height, part_height (para, 0, para->n_lines));
    }
  return height + 2 * TABLE_PADDING;
}

static void
place_table_row (Flow *flow,
                 Row  *row)
{
  double height = table_row_height (row);

  if (row->table_row == 0)
    flow->table_header = row;

  /* A header row keeps with the first row; a row that does not fit goes
   * to the next page, under a repeated header. */
  if (flow->y + height > flow->bottom && flow->y > flow->top)
    {
      new_page (flow, row->part);
      if (row->table_row > 0 && flow->table_header != NULL && flow->table_header->table == row->table)
        {
          double header_height = table_row_height (flow->table_header);

          emit_table_row (flow, flow->table_header, header_height);
          flow->y += header_height;
        }
    }

  emit_table_row (flow, row, height);
  flow->y += height + row->space_after;
}

/* After a page break to a right-hand page: when the fresh page is a
 * left-hand one (an even page number), it stays blank. */
static void
skip_to_recto (Flow *flow,
               Row  *row)
{
  if (!row->recto || flow->self->pages->len % 2 == 1)
    return;
  flow->page->blank = TRUE;
  flow->page->part = row->part > 0 ? row->part - 1 : 0;
  new_page (flow, row->part);
}

/* Whether the whole of @row fits in @available, with the space below it:
 * a paragraph pair's row is a box, in LibreOffice and Word as in the PDF,
 * whose height is its lines, its paragraphs' space after them (each
 * last line full height, as LibreOffice's and Word's are) and the space
 * between clauses below the last pair; the box must fit on the page. */
static gboolean
row_fits (Row    *row,
          double  available)
{
  for (guint c = 0; c < row->n_cells; c++)
    {
      Cursor from = { 0, 0 };
      double height;

      if (!cursor_at_end (&row->cells[c], measure_fit (&row->cells[c], from, G_MAXDOUBLE, 3, TRUE, &height)) ||
          height + row->space_after > available + PAIR_FOOT)
        return FALSE;
    }
  return TRUE;
}

/* Whether @row fits on an empty page: a pair taller than that splits. */
static gboolean
row_fits_a_page (Flow *flow,
                 Row  *row)
{
  return row_fits (row, flow->bottom - flow->top);
}

/* Whether @next, placed @offset below the current position, would start
 * on this page the way the pagination would place it: at least two lines
 * (no orphan, no widow) of its first paragraph in every column, or a table's
 * header and first row. */
static gboolean
next_row_starts (Flow   *flow,
                 double  offset,
                 Row    *next)
{
  double available = flow->bottom - flow->y - offset;

  if (next->kind == ROW_TABLE)
    return 2 * table_row_height (next) <= available;
  /* a paragraph pair: all of it */
  if (next->whole && row_fits_a_page (flow, next))
    return row_fits (next, available);

  for (guint c = 0; c < next->n_cells; c++)
    {
      Cell *cell = &next->cells[c];
      Cursor from = { 0, 0 };
      Cursor to;
      double height;
      Para *first;

      if (cell->paras->len == 0)
        continue;
      to = measure_fit (cell, from, available, next->n_cells == 2 ? 3 : 2, TRUE, &height);
      first = g_ptr_array_index (cell->paras, 0);
      /* nothing, or a single line of a longer first paragraph */
      if (to.para == 0 && to.line < MIN (2, first->n_lines))
        return FALSE;
    }
  return TRUE;
}

static void
place_row (Flow *flow,
           Row  *row,
           Row  *next)
{
  Cursor from[MAX_CELLS] = { { 0, 0 } };
  gboolean done = FALSE;

  if (row->kind == ROW_PAGE_BREAK)
    {
      new_page (flow, row->part);
      skip_to_recto (flow, row);
      return;
    }
  if (row->kind == ROW_TABLE)
    {
      place_table_row (flow, row);
      return;
    }

  while (!done)
    {
      guint first_item;
      Cursor to[MAX_CELLS];
      double heights[MAX_CELLS];
      double available = flow->bottom - flow->y;
      double row_height = 0;
      gboolean all_fit = TRUE;
      gboolean stuck = FALSE;

      for (guint c = 0; c < row->n_cells; c++)
        {
          to[c] = measure_fit (&row->cells[c], from[c], available, row->n_cells == 2 ? 3 : 2,
                               flow->y > flow->top, &heights[c]);
          row_height = MAX (row_height, heights[c]);
          if (!cursor_at_end (&row->cells[c], to[c]))
            all_fit = FALSE;
          /* a cell with something left that can place nothing here */
          if (!cursor_at_end (&row->cells[c], from[c]) &&
              to[c].para == from[c].para && to[c].line == from[c].line)
            stuck = TRUE;
        }

      if (flow->y > flow->top)
        {
          /* a heading keeps with the first lines of what follows */
          if (all_fit && row->keep_with_next && next != NULL && next->kind != ROW_PAGE_BREAK &&
              !next_row_starts (flow, row_height + row->space_after, next))
            {
              new_page (flow, row->part);
              continue;
            }
          if (row->whole && row_fits_a_page (flow, row) && !row_fits (row, available))
            {
              new_page (flow, row->part);
              continue;
            }
          if (!all_fit && (stuck || row->kind == ROW_HEADING))
            {
              new_page (flow, row->part);
              continue;
            }
        }

      first_item = flow->page->items->len;
      for (guint c = 0; c < row->n_cells; c++)
        emit_cell (flow, &row->cells[c], row->n_cells == 2 ? c : 0, from[c], to[c]);

      /* parallel columns: a thin rule between them, the height of the row */
      if (row->n_cells == 2 && row_height > 0)
        {
          Item *rule = g_new0 (Item, 1);
          double x = (row->cells[0].x + row->cells[0].width + row->cells[1].x) / 2;
          Row *after = next;
          double extra = (after != NULL && after->n_cells == 2 && after->kind != ROW_TABLE && all_fit) ? row->space_after : 0;

          *rule = (Item) { ITEM_RULE, NULL, 0, 0, x, flow->y, 0, row_height + extra, -1, 0 };
          rule->kind = ITEM_RULE;
          g_ptr_array_add (flow->page->items, rule);
        }
      for (guint i = first_item; i < flow->page->items->len; i++)
        ((Item *) g_ptr_array_index (flow->page->items, i))->pair_group = row->pair_group;
      flow->y += row_height;

      if (all_fit)
        done = TRUE;
      else
        {
          memcpy (from, to, sizeof to);
          new_page (flow, row->part);
        }
    }

  flow->y += row->space_after;
}

/* The paragraph pairs of one clause on a page, drawn as each column's
 * text and then the other's: each language's part of the clause one run
 * of the page's structure (a list one list, in its language), read in
 * that order, as when the clause was one row. Where each stands does
 * not change. */
static void
group_pairs_by_column (Page *page)
{
  guint i = 0;

  while (i < page->items->len)
    {
      Item *item = g_ptr_array_index (page->items, i);
      g_autoptr(GPtrArray) run = NULL;
      guint end = i;

      if (item->pair_group == 0)
        {
          i++;
          continue;
        }
      while (end < page->items->len && ((Item *) g_ptr_array_index (page->items, end))->pair_group == item->pair_group)
        end++;

      run = g_ptr_array_sized_new (end - i);
      for (guint column = 0; column < 3; column++)
        for (guint k = i; k < end; k++)
          {
            Item *member = g_ptr_array_index (page->items, k);
            guint place = member->kind == ITEM_TEXT ? member->column : 2;

            if (place == column)
              g_ptr_array_add (run, member);
          }
      for (guint k = i; k < end; k++)
        page->items->pdata[k] = run->pdata[k - i];
      i = end;
    }
}

/**
 * polisi_page_layout_paginate:
 *
 * Lays out the document. Called once; the pages do not change afterwards.
 */
void
polisi_page_layout_paginate (PolisiPageLayout *self)
{
  Flow flow = { 0 };

  g_return_if_fail (POLISI_IS_PAGE_LAYOUT (self));

  if (self->paginated)
    return;
  self->paginated = TRUE;

  shaped_cache_next_generation ();
  self->work = shape_work_new (self);
  build_rows (self);
  shape_queued (self);

  flow.self = self;
  flow.top = MARGIN_TOP;
  flow.bottom = self->page_height - MARGIN_BOTTOM - FIT_MARGIN;
  new_page (&flow, 0);

  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = &g_array_index (self->rows, Row, r);
      Row *next = r + 1 < self->rows->len ? &g_array_index (self->rows, Row, r + 1) : NULL;

      /* a page break at the top of a fresh page is already done */
      if (row->kind == ROW_PAGE_BREAK && flow.page->items->len == 0)
        {
          flow.page->part = row->part;
          skip_to_recto (&flow, row);
          continue;
        }
      place_row (&flow, row, next);
    }

  /* A trailing empty page (a break with nothing after it) goes. */
  if (self->pages->len > 1 && flow.page->items->len == 0)
    g_ptr_array_remove_index (self->pages, self->pages->len - 1);

  for (guint p = 0; p < self->pages->len; p++)
    group_pairs_by_column (g_ptr_array_index (self->pages, p));
}

guint
polisi_page_layout_get_n_pages (PolisiPageLayout *self)
{
  g_return_val_if_fail (POLISI_IS_PAGE_LAYOUT (self), 0);
  return self->pages->len;
}

guint
polisi_page_layout_get_n_headings (PolisiPageLayout *self)
{
  g_return_val_if_fail (POLISI_IS_PAGE_LAYOUT (self), 0);
  return self->headings->len;
}

const PolisiPageHeading *
polisi_page_layout_get_heading (PolisiPageLayout *self,
                                guint             index)
{
  g_return_val_if_fail (POLISI_IS_PAGE_LAYOUT (self), NULL);
  g_return_val_if_fail (index < self->headings->len, NULL);
  return &g_array_index (self->headings, PolisiPageHeading, index);
}

/* The page (0-based) where a block starts, or -1. */
int
polisi_page_layout_find_block_page (PolisiPageLayout *self,
                                    const char       *block_id)
{
  gpointer value;

  g_return_val_if_fail (POLISI_IS_PAGE_LAYOUT (self), -1);

  if (block_id == NULL || !g_hash_table_lookup_extended (self->block_pages, block_id, NULL, &value))
    return -1;
  return (int) GPOINTER_TO_UINT (value) - 1;
}

/**
 * polisi_page_layout_get_page_signature:
 *
 * A number that changes when what page @page shows changes: the text on
 * it and where it stands, its header and its footer. The preview redraws
 * only the pages whose signature changed.
 */
guint
polisi_page_layout_get_page_signature (PolisiPageLayout *self,
                                       guint             page_number)
{
  Page *page;
  guint hash;

  g_return_val_if_fail (POLISI_IS_PAGE_LAYOUT (self), 0);
  g_return_val_if_fail (page_number < self->pages->len, 0);

  page = g_ptr_array_index (self->pages, page_number);
  hash = g_direct_hash (GUINT_TO_POINTER (self->pages->len * 31 + page->part));
  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      const char *fields[] = {
        polisi_document_get_organisation (self->document, lang),
        polisi_document_get_title (self->document, lang),
        polisi_document_get_status_text (self->document, lang),
        polisi_document_get_closing_text (self->document, lang),
        polisi_document_get_watermark (self->document, lang),
        polisi_document_get_version (self->document),
      };

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        hash = hash * 33 + (fields[f] != NULL ? g_str_hash (fields[f]) : 7);
    }

  for (guint i = 0; i < page->items->len; i++)
    {
      Item *item = g_ptr_array_index (page->items, i);
      gint64 position = (gint64) (item->x * 64) * 100003 + (gint64) (item->y * 64);

      hash = hash * 33 + item->kind;
      hash = hash * 33 + (guint) position;
      hash = hash * 33 + (guint) (item->width * 64) + (guint) (item->height * 64);
      if (item->para != NULL)
        {
          /* layouts come from the cache: the same text is the same object */
          hash = hash * 33 + g_direct_hash (item->para->shaped);
          hash = hash * 33 + g_direct_hash (item->para->label);
          hash = hash * 33 + item->first_line * 7 + item->last_line;
          if (item->para->toc_heading >= 0)
            hash = hash * 33 + g_array_index (self->headings, PolisiPageHeading, item->para->toc_heading).page;
        }
    }

  return hash;
}

/**
 * polisi_page_layout_get_numbered_lines:
 *
 * The numbered lines of a consultation draft, in the order they were
 * numbered: each with its number, page, language, block, paragraph (its
 * index among the block's paragraphs in that language; -1 for a heading)
 * and byte range in that paragraph's text. Parallel columns number each
 * column's lines; every other layout numbers the lines of the whole
 * document in one count. The editable formats can break and number their
 * lines the same way. Empty when the document has no line numbers.
 *
 * Returns: (transfer none) (element-type PolisiNumberedLine): the lines
 */
GArray *
polisi_page_layout_get_numbered_lines (PolisiPageLayout *self)
{
  g_return_val_if_fail (POLISI_IS_PAGE_LAYOUT (self), NULL);
  g_return_val_if_fail (self->paginated, NULL);
  return self->numbered_lines;
}

/**
 * polisi_page_layout_get_n_lines:
 * @block_id: a clause's or paragraph's block id
 * @para: the paragraph's index among the block's paragraphs in @lang
 *
 * How many lines Polisi's layout breaks a paragraph of the text into, so
 * that the editable formats can give it the PDF's height.
 *
 * Returns: the lines, or 0 when the layout has no such paragraph
 */
guint
polisi_page_layout_get_n_lines (PolisiPageLayout *self,
                                const char       *block_id,
                                PolisiLang        lang,
                                guint             para)
{
  g_return_val_if_fail (POLISI_IS_PAGE_LAYOUT (self), 0);
  g_return_val_if_fail (self->paginated, 0);

  if (block_id == NULL)
    return 0;
  for (guint i = 0; i < self->paras->len; i++)
    {
      Para *p = g_ptr_array_index (self->paras, i);

      if (p->line_para == (int) para && p->lang == lang && p->line_block != NULL &&
          (p->line_block == block_id || strcmp (p->line_block, block_id) == 0))
        return p->n_lines;
    }
  return 0;
}

/**
 * polisi_page_layout_describe:
 *
 * For tests: one line per piece of text placed, in page order:
 * "PAGE BLOCK-OR-DASH TAG LANG FIRST-LAST/LINES X Y".
 *
 * Returns: (transfer full) (element-type utf8): the description
 */
GPtrArray *
polisi_page_layout_describe (PolisiPageLayout *self)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  const char *block = NULL;

  g_return_val_if_fail (POLISI_IS_PAGE_LAYOUT (self), lines);

  for (guint p = 0; p < self->pages->len; p++)
    {
      Page *page = g_ptr_array_index (self->pages, p);

      for (guint i = 0; i < page->items->len; i++)
        {
          Item *item = g_ptr_array_index (page->items, i);
          Para *para = item->para;

          if (item->kind != ITEM_TEXT)
            continue;
          if (para->block_id != NULL)
            block = para->block_id;
          g_ptr_array_add (lines, g_strdup_printf ("%u %s %s %s %d-%d/%d %.1f %.1f", p,
                                                   block != NULL ? block : "-",
                                                   para->tag != NULL ? para->tag : "-",
                                                   polisi_lang_to_code (para->lang),
                                                   item->first_line, item->last_line, para->n_lines,
                                                   item->x, item->y));
        }
    }

  return lines;
}

/**
 * polisi_page_layout_set_parallel:
 * @parallel: whether a long text may be laid out in two threads (the
 *   default)
 *
 * For tests: %FALSE lays out every paragraph in the calling thread.
 */
void
polisi_page_layout_set_parallel (PolisiPageLayout *self,
                                 gboolean          parallel)
{
  g_return_if_fail (POLISI_IS_PAGE_LAYOUT (self));
  self->serial = !parallel;
}

/**
 * polisi_page_layout_set_by_words:
 * @by_words: whether the paragraphs that can be are laid out by words
 *   (polisi-word-lines.c; the default)
 *
 * For tests: %FALSE lays out every paragraph with Pango.
 */
void
polisi_page_layout_set_by_words (PolisiPageLayout *self,
                                 gboolean          by_words)
{
  g_return_if_fail (POLISI_IS_PAGE_LAYOUT (self));
  self->pango_only = !by_words;
}

/**
 * polisi_page_layout_count_by_words:
 * @n_paragraphs: (out) (optional): how many paragraphs there are
 *
 * For tests: how many paragraphs of the pagination are laid out by words.
 */
guint
polisi_page_layout_count_by_words (PolisiPageLayout *self,
                                   guint            *n_paragraphs)
{
  guint n = 0;

  g_return_val_if_fail (POLISI_IS_PAGE_LAYOUT (self), 0);
  for (guint i = 0; i < self->paras->len; i++)
    {
      Para *para = g_ptr_array_index (self->paras, i);

      if (para->shaped != NULL && para->shaped->layout == NULL)
        n++;
    }
  if (n_paragraphs != NULL)
    *n_paragraphs = self->paras->len;
  return n;
}

/**
 * polisi_page_layout_get_n_threads_used:
 *
 * For tests: how many threads laid out the text of the pagination: 0 if
 * all of it was laid out before (the cache).
 */
guint
polisi_page_layout_get_n_threads_used (PolisiPageLayout *self)
{
  g_return_val_if_fail (POLISI_IS_PAGE_LAYOUT (self), 0);
  return self->n_threads_used;
}

/* The language read first: the document's main language. */
PolisiLang
polisi_page_layout_get_first_language (PolisiPageLayout *self)
{
  g_return_val_if_fail (POLISI_IS_PAGE_LAYOUT (self), POLISI_LANG_CY);
  return self->langs[0];
}

/* Drawing ---------------------------------------------------------------- */

/* The text's ink, and the colours of links and of a comparison's marks */
#define INK_RGB       0.07, 0.07, 0.07
#define LINK_RGB      0x0b / 255.0, 0x4f / 255.0, 0x9c / 255.0
#define INSERTED_RGB  0x1b / 255.0, 0x5e / 255.0, 0x20 / 255.0
#define DELETED_RGB   0xa3 / 255.0, 0x15 / 255.0, 0x15 / 255.0

typedef struct {
  PolisiCanvas *canvas;
  int           open_list;
  int           open_table;
  int           open_row;
} Tags;

static void
begin_tag (Tags       *tags,
           const char *tag,
           PolisiLang  lang)
{
  polisi_canvas_begin_element (tags->canvas, tag, lang, NULL);
}

static void
close_list (Tags *tags)
{
  if (tags->open_list >= 0)
    {
      polisi_canvas_end_element (tags->canvas, "L");
      tags->open_list = -1;
    }
}

static void
close_table (Tags *tags)
{
  if (tags->open_row >= 0)
    {
      polisi_canvas_end_element (tags->canvas, "TR");
      tags->open_row = -1;
    }
  if (tags->open_table >= 0)
    {
      polisi_canvas_end_element (tags->canvas, "Table");
      tags->open_table = -1;
    }
}

/* Opens the structure around @item: a list for list items, a table and row
 * for table cells. Each page closes what it opened. */
static void
open_structure (Tags *tags,
                Item *item)
{
  Para *para = item->para;

  if (para->list >= 0 && g_strcmp0 (para->tag, "LI") == 0)
    {
      if (tags->open_list != para->list)
        {
          close_list (tags);
          begin_tag (tags, "L", para->lang);
          tags->open_list = para->list;
        }
    }
  else
    close_list (tags);

  if (item->table >= 0)
    {
      if (tags->open_table != item->table)
        {
          close_table (tags);
          begin_tag (tags, "Table", para->lang);
          tags->open_table = item->table;
        }
      if (tags->open_row != item->table_row)
        {
          if (tags->open_row >= 0)
            polisi_canvas_end_element (tags->canvas, "TR");
          begin_tag (tags, "TR", para->lang);
          tags->open_row = item->table_row;
        }
    }
  else
    close_table (tags);
}

/* What a run of text is part of: a web address, an insertion, a deletion,
 * or none; -1 for none. */
typedef struct {
  int link;
  int mark;
} RunState;

static RunState
run_state (Para *para,
           guint offset)
{
  RunState state = { -1, -1 };

  for (guint i = 0; i < para->links->len; i++)
    {
      PolisiLinkSpan *span = &g_array_index (para->links, PolisiLinkSpan, i);
      if (offset >= span->start && offset < span->end)
        state.link = i;
    }
  for (guint i = 0; para->marks != NULL && i < para->marks->len; i++)
    {
      PolisiTextMark *mark = &g_array_index (para->marks, PolisiTextMark, i);
      if (offset >= mark->start && offset < mark->end)
        state.mark = i;
    }
  return state;
}

static void
draw_decoration (PolisiCanvas   *canvas,
                 PangoGlyphItem *run,
                 PangoLanguage  *language,
                 double          x,
                 double          baseline,
                 double          width,
                 gboolean        strike)
{
  PangoFontMetrics *metrics = pango_font_get_metrics (run->item->analysis.font, language);
  int position = strike ? pango_font_metrics_get_strikethrough_position (metrics)
                        : pango_font_metrics_get_underline_position (metrics);
  int thickness = strike ? pango_font_metrics_get_strikethrough_thickness (metrics)
                         : pango_font_metrics_get_underline_thickness (metrics);

  polisi_canvas_fill_rectangle (canvas, x, baseline - position / (double) PANGO_SCALE, width, thickness / (double) PANGO_SCALE);
  pango_font_metrics_unref (metrics);
}

/* A line drawn run by run, so that a web address is inside its Link and
 * inserted and deleted words each in a Span that says which they are. The
 * runs of a line break where the marks begin and end (they change the
 * colour). */
static void
draw_line_tagged (Tags   *tags,
                  Para   *para,
                  int     index,
                  double  x,
                  double  baseline,
                  double  top,
                  double  height)
{
  LineView line = para_line (para, index);
  const char *text = para->text;
  PangoLanguage *language = pango_language_from_string (polisi_lang_to_code (para->lang));
  PolisiCanvas *canvas = tags->canvas;
  GSList *r = line.runs;
  double run_x = x;

  while (r != NULL)
    {
      PangoGlyphItem *run = r->data;
      RunState state = run_state (para, run->item->offset);
      GSList *group_end = r;
      guint start = run->item->offset, end = run->item->offset + run->item->length;
      double group_width = 0;
      gboolean tagged = state.link >= 0 || state.mark >= 0;
      const PolisiTextMark *mark = state.mark >= 0 ? &g_array_index (para->marks, PolisiTextMark, state.mark) : NULL;

      /* the runs that share this one's state */
      for (GSList *n = r; n != NULL; n = n->next)
        {
          PangoGlyphItem *next = n->data;
          RunState next_state = run_state (para, next->item->offset);

          if (next_state.link != state.link || next_state.mark != state.mark)
            break;
          end = next->item->offset + next->item->length;
          group_width += pango_glyph_string_get_width (next->glyphs) / (double) PANGO_SCALE;
          group_end = n->next;
        }

      if (state.link >= 0)
        {
          PolisiLinkSpan *span = &g_array_index (para->links, PolisiLinkSpan, state.link);
          g_autofree char *address = g_strndup (para->text + span->start, span->end - span->start);
          g_autofree char *full = g_str_has_prefix (address, "www.") ? g_strconcat ("https://", address, NULL)
                                                                     : g_strdup (address);
          PolisiCanvasLink link = { full, NULL, run_x, top, group_width, height, para->lang, full };

          polisi_canvas_begin_link (canvas, &link);
        }
      else if (mark != NULL)
        {
          g_autofree char *words = g_strndup (text + start, end - start);
          g_autofree char *alt = g_strdup_printf ("%s: %s",
                                                  polisi_export_term (mark->kind == POLISI_MARK_INSERTED ? POLISI_TERM_INSERTED
                                                                                                         : POLISI_TERM_DELETED,
                                                                      para->lang),
                                                  g_strstrip (words));

          polisi_canvas_begin_element (canvas, "Span", para->lang, alt);
        }

      for (GSList *n = r; n != group_end; n = n->next)
        {
          PangoGlyphItem *item = n->data;
          double width = pango_glyph_string_get_width (item->glyphs) / (double) PANGO_SCALE;

          if (state.link >= 0)
            polisi_canvas_set_color (canvas, LINK_RGB);
          else if (mark != NULL && mark->kind == POLISI_MARK_INSERTED)
            polisi_canvas_set_color (canvas, INSERTED_RGB);
          else if (mark != NULL)
            polisi_canvas_set_color (canvas, DELETED_RGB);
          polisi_canvas_show_glyph_item (canvas, text, item, run_x, baseline);
          if (tagged)
            draw_decoration (canvas, item, language, run_x, baseline, width,
                             mark != NULL && mark->kind == POLISI_MARK_DELETED && state.link < 0);
          polisi_canvas_set_color (canvas, INK_RGB);
          run_x += width;
        }

      if (state.link >= 0)
        polisi_canvas_end_link (canvas);
      else if (mark != NULL)
        polisi_canvas_end_element (canvas, "Span");
      r = group_end;
    }
}

static void
draw_lines (Tags    *tags,
            Para    *para,
            int      first,
            int      last,
            double   x,
            double   y)
{
  PolisiCanvas *canvas = tags->canvas;
  gboolean plain = para->links->len == 0 && (para->marks == NULL || para->marks->len == 0);

  /* the whole paragraph at once when it is all here */
  if (plain && first == 0 && last == para->n_lines && para->shaped->layout != NULL)
    {
      polisi_canvas_show_layout (canvas, para->shaped->layout, x, y);
      return;
    }

  for (int line = first; line < last; line++)
    {
      double offset = y - para->line_top[first];

      if (plain && para->shaped->layout != NULL)
        polisi_canvas_show_layout_line (canvas, pango_layout_get_line_readonly (para->shaped->layout, line),
                                        x, offset + para->line_baseline[line]);
      else if (plain)
        polisi_canvas_show_word_line (canvas, para->text, para->shaped->word_lines, line,
                                      x, offset + para->line_baseline[line]);
      else
        draw_line_tagged (tags, para, line, x, offset + para->line_baseline[line], offset + para->line_top[line],
                          para->line_bottom[line] - para->line_top[line]);
    }
}

/* The first line of @shaped, laid out by Pango or by words, from (@x,
 * @baseline). */
static void
draw_first_line (PolisiCanvas *canvas,
                 Shaped       *shaped,
                 double        x,
                 double        baseline)
{
  if (shaped->layout != NULL)
    polisi_canvas_show_layout_line (canvas, pango_layout_get_line_readonly (shaped->layout, 0), x, baseline);
  else
    polisi_canvas_show_word_line (canvas, shaped->text, shaped->word_lines, 0, x, baseline);
}

static void
draw_text_item (PolisiPageLayout *self,
                Tags             *tags,
                Item             *item)
{
  PolisiCanvas *canvas = tags->canvas;
  Para *para = item->para;
  double text_x = item->x + para->indent;
  gboolean first_part = item->first_line == 0;

  open_structure (tags, item);

  if (para->dest != NULL && first_part)
    polisi_canvas_begin_dest (canvas, para->dest, item->x, item->y);

  if (para->tag != NULL && g_str_equal (para->tag, "LI"))
    {
      begin_tag (tags, "LI", para->lang);
      if (para->bullet != NULL && first_part)
        {
          begin_tag (tags, "Lbl", para->lang);
          polisi_canvas_show_layout_line (canvas, pango_layout_get_line_readonly (para->bullet, 0),
                                          item->x + para->bullet_x, item->y + para->line_baseline[0] - para->line_top[0]);
          polisi_canvas_end_element (canvas, "Lbl");
        }
      begin_tag (tags, "LBody", para->lang);
    }
  else if (para->tag != NULL)
    begin_tag (tags, para->tag, para->lang);

  if (para->label != NULL && first_part)
    draw_first_line (canvas, para->label, item->x + para->label_x, item->y + para->line_baseline[0] - para->line_top[0]);

  /* a contents entry: its text and its page number at the right, inside
   * a link to the heading */
  if (para->toc_heading >= 0)
    {
      const PolisiPageHeading *heading = &g_array_index (self->headings, PolisiPageHeading, para->toc_heading);
      g_autofree char *number = g_strdup_printf (" %u", heading->page + 1);
      double number_width;
      Shaped *number_line = get_one_line (self, number, BODY_SIZE, para->lang, &number_width);
      double right = item->x + para->shaped->width / (double) PANGO_SCALE + 30;
      g_autofree char *alt = g_strdup_printf ("%s, %s %u", para->text,
                                              polisi_export_term (POLISI_TERM_PAGE, para->lang), heading->page + 1);
      PolisiCanvasLink link = { NULL, heading->dest, item->x, item->y, right - item->x,
                                part_height (para, item->first_line, item->last_line), para->lang, alt };

      polisi_canvas_begin_link (canvas, &link);
      draw_lines (tags, para, item->first_line, item->last_line, text_x, item->y);
      draw_first_line (canvas, number_line, right - number_width,
                       item->y + para->line_baseline[item->last_line - 1] - para->line_top[item->first_line]);
      polisi_canvas_end_link (canvas);
      shaped_unref (number_line);
    }
  else
    draw_lines (tags, para, item->first_line, item->last_line, text_x, item->y);

  if (para->tag != NULL && g_str_equal (para->tag, "LI"))
    {
      polisi_canvas_end_element (canvas, "LBody");
      polisi_canvas_end_element (canvas, "LI");
    }
  else if (para->tag != NULL)
    polisi_canvas_end_element (canvas, para->tag);

  if (para->dest != NULL && first_part)
    polisi_canvas_end_dest (canvas, para->dest);
}

/* The outline of a digit of the line numbers, made once: the PDF holds
 * each digit once, as a form every number on every page uses. */
static PolisiOutlines *
get_digit (PolisiPageLayout *self,
           guint             digit,
           double           *advance)
{
  PolisiOutlines *outlines = &self->digits[digit];

  if (outlines->layout == NULL)
    {
      char text[2] = { (char) ('0' + digit), '\0' };
      PangoRectangle logical;

      outlines->layout = get_layout (self, text, LINE_NUMBER_SIZE, FALSE, POLISI_LANG_EN, -1, PANGO_ALIGN_LEFT);
      outlines->first_line = TRUE;
      cairo_matrix_init_identity (&outlines->matrix);
      outlines->rgba[0] = outlines->rgba[1] = outlines->rgba[2] = 0.45;
      outlines->rgba[3] = 1;
      pango_layout_get_extents (outlines->layout, NULL, &logical);
      self->digit_advance[digit] = logical.width / (double) PANGO_SCALE;
      outlines->extents = (cairo_rectangle_t) { 0, -LINE_NUMBER_SIZE * 1.2, self->digit_advance[digit], LINE_NUMBER_SIZE * 1.6 };
    }
  *advance = self->digit_advance[digit];
  return outlines;
}

/* The numbers of an item's lines in the margin beside its column: the
 * left margin for the first column, the right for the second. They are
 * outlines, like the watermark: a number is read off the page, and never
 * runs into the clause's text when the text is extracted. */
static void
draw_line_numbers (PolisiPageLayout *self,
                   PolisiCanvas     *canvas,
                   Item             *item)
{
  Para *para = item->para;

  for (int line = item->first_line; line < item->last_line; line++)
    {
      char text[16];
      double baseline = item->y + para->line_baseline[line] - para->line_top[item->first_line];
      double width = 0, x;

      g_snprintf (text, sizeof text, "%u", item->first_number + (line - item->first_line));
      for (const char *p = text; *p != '\0'; p++)
        {
          double advance;
          get_digit (self, *p - '0', &advance);
          width += advance;
        }
      x = item->column == 0 ? MARGIN_X - LINE_NUMBER_GAP - width : self->page_width - MARGIN_X + LINE_NUMBER_GAP;
      for (const char *p = text; *p != '\0'; p++)
        {
          double advance;
          PolisiOutlines *digit = get_digit (self, *p - '0', &advance);

          polisi_canvas_paint_outlines (canvas, digit, x, baseline);
          x += advance;
        }
    }
}

static void
draw_watermark (PolisiPageLayout *self,
                PolisiCanvas     *canvas,
                Page             *page)
{
  PolisiOutlines *outlines = &self->watermarks[page->part];

  /* outlines, not text: copying or extracting the page's text must give
   * the policy, with no "DR", "AF" in it. Made once per part, so the PDF
   * holds the outlines once. */
  if (outlines->layout == NULL)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      PangoRectangle logical;
      double diagonal = hypot (self->page_width, self->page_height);
      double angle = -atan2 (self->page_height, self->page_width);
      double scale;
      guint n_langs = self->options.layout == POLISI_LAYOUT_SEQUENTIAL ? 1 : self->n_langs;
      const PolisiLang *langs = self->options.layout == POLISI_LAYOUT_SEQUENTIAL ? &self->langs[page->part] : self->langs;

      for (guint i = 0; i < n_langs; i++)
        {
          const char *mark = polisi_document_get_watermark (self->document, langs[i]);

          if (mark == NULL)
            return;
          if (i > 0)
            g_string_append (text, " / ");
          g_string_append (text, mark);
        }

      outlines->layout = get_layout (self, text->str, 60, TRUE, langs[0], -1, PANGO_ALIGN_CENTER);
      pango_layout_get_extents (outlines->layout, NULL, &logical);
      scale = MIN (1.0, diagonal * 0.75 / (logical.width / (double) PANGO_SCALE));
      cairo_matrix_init_translate (&outlines->matrix, self->page_width / 2, self->page_height / 2);
      cairo_matrix_rotate (&outlines->matrix, angle);
      cairo_matrix_scale (&outlines->matrix, scale, scale);
      outlines->layout_x = -logical.width / (2.0 * PANGO_SCALE);
      outlines->layout_y = -logical.height / (2.0 * PANGO_SCALE);
      outlines->rgba[0] = outlines->rgba[1] = outlines->rgba[2] = 0.55;
      outlines->rgba[3] = 0.18;
      outlines->extents = (cairo_rectangle_t) { 0, 0, self->page_width, self->page_height };
    }

  polisi_canvas_paint_outlines (canvas, outlines, 0, 0);
}

/* The header's first line: "Ysgol · Polisi ..." */
static char *
header_first_line (PolisiPageLayout *self,
                   PolisiLang        lang)
{
  const char *organisation = polisi_document_get_organisation (self->document, lang);

  if (organisation != NULL && organisation[0] != '\0')
    return g_strdup_printf ("%s · %s", organisation, polisi_document_get_title (self->document, lang));
  return g_strdup (polisi_document_get_title (self->document, lang));
}

/* The width of a header line: its language's column. */
static double
header_width (PolisiPageLayout *self)
{
  gboolean sequential = self->options.layout == POLISI_LAYOUT_SEQUENTIAL;
  guint n_langs = sequential ? 1 : self->n_langs;

  return n_langs == 2 ? (content_width (self) - GUTTER) / 2 : content_width (self);
}

/* The size of a header line: a smaller size (down to 6.5 pt) rather than
 * cut short when it is a little too long for its column. Sets @layout to
 * the line in that size when asked. */
static double
header_line_size (PolisiPageLayout  *self,
                  const char        *text,
                  PolisiLang         lang,
                  double             width,
                  PangoLayout      **layout)
{
  /* a header line shows a few hundred characters at most (the rest is
   * ellipsized): never shape more on every page */
  g_autofree char *shown = strlen (text) > 1200 ? polisi_text_truncate (text, 300) : NULL;
  PangoLayout *natural_layout;
  PangoRectangle extents;
  double natural;
  double size = SMALL_SIZE;

  if (shown != NULL)
    text = shown;
  natural_layout = make_layout (self->context, text, SMALL_SIZE, FALSE, lang, -1, PANGO_ALIGN_LEFT);

  pango_layout_get_extents (natural_layout, NULL, &extents);
  natural = extents.width / (double) PANGO_SCALE;
  if (natural > width)
    size = MAX (6.5, SMALL_SIZE * width / natural);
  if (layout != NULL)
    *layout = size < SMALL_SIZE ? make_layout (self->context, text, size, FALSE, lang, -1, PANGO_ALIGN_LEFT)
                                : g_object_ref (natural_layout);
  g_object_unref (natural_layout);
  return size;
}

/**
 * polisi_page_layout_get_header_size:
 *
 * The size in points of the first line of the running header in @lang
 * (organisation and title): 7.5, or less when the line is a little too long
 * for its column (the editable formats write it in the same size, so that
 * the header keeps to its lines).
 */
double
polisi_page_layout_get_header_size (PolisiPageLayout *self,
                                    PolisiLang        lang)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (POLISI_IS_PAGE_LAYOUT (self), SMALL_SIZE);

  text = header_first_line (self, lang);
  return header_line_size (self, text, lang, header_width (self), NULL);
}

/**
 * polisi_page_layout_get_header_n_lines:
 *
 * How many lines the running header in @lang has: 2, or 3 when a
 * consultation draft's closing date does not fit on the second line
 * after the version and status, as the PDF draws it.
 *
 * Returns: 2 or 3
 */
guint
polisi_page_layout_get_header_n_lines (PolisiPageLayout *self,
                                       PolisiLang        lang)
{
  PolisiDocument *document;
  g_autofree char *joined = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle extents;

  g_return_val_if_fail (POLISI_IS_PAGE_LAYOUT (self), 2);

  document = self->document;
  if (polisi_document_get_closing_text (document, lang) == NULL)
    return 2;
  joined = g_strdup_printf ("%s %s · %s · %s: %s",
                            polisi_export_term (POLISI_TERM_VERSION, lang),
                            polisi_document_get_version (document),
                            polisi_document_get_status_text (document, lang),
                            polisi_export_term (POLISI_TERM_CLOSING_DATE, lang),
                            polisi_document_get_closing_text (document, lang));
  layout = make_layout (self->context, joined, SMALL_SIZE, FALSE, lang, -1, PANGO_ALIGN_LEFT);
  pango_layout_get_extents (layout, NULL, &extents);
  return extents.width / (double) PANGO_SCALE > header_width (self) ? 3 : 2;
}

/* A line of the header, in a smaller size (down to 6.5 pt) rather than
 * cut short when it is a little too long for its column. */
static PangoLayout *
make_header_line (PolisiPageLayout *self,
                  const char       *text,
                  PolisiLang        lang,
                  double            width)
{
  PangoLayout *layout;

  header_line_size (self, text, lang, width, &layout);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

static void
draw_header_and_footer (PolisiPageLayout *self,
                        PolisiCanvas     *canvas,
                        guint             page_number,
                        Page             *page)
{
  gboolean sequential = self->options.layout == POLISI_LAYOUT_SEQUENTIAL;
  guint n_langs = sequential ? 1 : self->n_langs;
  const PolisiLang *langs = sequential ? &self->langs[page->part] : self->langs;
  double width = n_langs == 2 ? (content_width (self) - GUTTER) / 2 : content_width (self);
  g_autoptr(GString) footer = g_string_new (NULL);
  Shaped *footer_line;
  double footer_width, footer_top;
  guint n_header_lines = 2;
  /* a part's first page is its title page: no running header there */
  gboolean title_page = page_number == 0 ||
                        ((Page *) g_ptr_array_index (self->pages, page_number - 1))->part != page->part;

  polisi_canvas_set_color (canvas, 0.25, 0.25, 0.25);

  /* The header is the same on every page: made once. "Ysgol · Polisi ...",
   * then "Fersiwn 1.0 · Drafft ymgynghori · Dyddiad cau: ..."; when that
   * does not fit its column, the closing date goes on a third line, so
   * that it is never cut short. */
  for (guint i = 0; i < n_langs; i++)
    {
      PolisiLang lang = langs[i];
      PolisiDocument *document = self->document;
      PangoLayout **lines = self->headers[page->part][lang];

      if (lines[0] == NULL)
        {
          g_autofree char *first_line = header_first_line (self, lang);
          g_autoptr(GString) second_line = g_string_new (NULL);
          g_autofree char *closing = NULL;

          g_string_append_printf (second_line, "%s %s · %s",
                                  polisi_export_term (POLISI_TERM_VERSION, lang),
                                  polisi_document_get_version (document),
                                  polisi_document_get_status_text (document, lang));
          if (polisi_document_get_closing_text (document, lang) != NULL)
            closing = g_strdup_printf ("%s: %s", polisi_export_term (POLISI_TERM_CLOSING_DATE, lang),
                                       polisi_document_get_closing_text (document, lang));

          lines[0] = make_header_line (self, first_line, lang, width);
          if (closing != NULL)
            {
              g_autofree char *joined = g_strdup_printf ("%s · %s", second_line->str, closing);
              PangoRectangle extents;

              lines[1] = make_layout (self->context, joined, SMALL_SIZE, FALSE, lang, -1, PANGO_ALIGN_LEFT);
              pango_layout_get_extents (lines[1], NULL, &extents);
              if (extents.width / (double) PANGO_SCALE > width)
                {
                  g_clear_object (&lines[1]);
                  lines[1] = make_layout (self->context, second_line->str, SMALL_SIZE, FALSE, lang, width, PANGO_ALIGN_LEFT);
                  lines[2] = make_layout (self->context, closing, SMALL_SIZE, FALSE, lang, width, PANGO_ALIGN_LEFT);
                  pango_layout_set_ellipsize (lines[2], PANGO_ELLIPSIZE_END);
                }
              else
                pango_layout_set_width (lines[1], (int) (width * PANGO_SCALE));
            }
          else
            lines[1] = make_layout (self->context, second_line->str, SMALL_SIZE, FALSE, lang, width, PANGO_ALIGN_LEFT);
          pango_layout_set_ellipsize (lines[1], PANGO_ELLIPSIZE_END);
        }
      if (lines[2] != NULL)
        n_header_lines = 3;
    }

  for (guint i = 0; i < n_langs; i++)
    {
      PolisiLang lang = langs[i];
      g_autofree char *page_text = polisi_export_page_x_of_y (lang, page_number + 1, self->pages->len);
      PangoLayout **lines = self->headers[page->part][lang];
      /* three lines start higher, to stay above the rule */
      double top = HEADER_Y - (n_header_lines - 2) * SMALL_SIZE * 1.45;

      for (guint l = 0; l < 3 && !title_page; l++)
        {
          if (lines[l] == NULL)
            continue;
          polisi_canvas_show_layout (canvas, lines[l], MARGIN_X + i * (width + GUTTER), top + l * (SMALL_SIZE * 1.45));
        }

      if (i > 0)
        g_string_append (footer, " / ");
      g_string_append (footer, page_text);
    }

  /* a rule under the header */
  if (!title_page)
    {
    polisi_canvas_stroke_line (canvas, MARGIN_X, MARGIN_TOP - 14, self->page_width - MARGIN_X, MARGIN_TOP - 14, 0.5);
    }

  footer_line = get_one_line (self, footer->str, SMALL_SIZE + 0.5, langs[0], &footer_width);
  footer_top = self->page_height - FOOTER_GAP - (footer_line->line_bottom[0] - footer_line->line_top[0]);
  draw_first_line (canvas, footer_line, (self->page_width - footer_width) / 2,
                   footer_top + footer_line->line_baseline[0] - footer_line->line_top[0]);
  shaped_unref (footer_line);
}

/**
 * polisi_page_layout_draw_page_on:
 * @canvas: what to draw on; its user space is the page, in points, from
 *   its top left corner
 *
 * Draws page @page (0-based) with its structure (headings, paragraphs,
 * lists, tables), destinations and links.
 */
void
polisi_page_layout_draw_page_on (PolisiPageLayout *self,
                                 PolisiCanvas     *canvas,
                                 guint             page_number)
{
  Page *page;
  Tags tags = { canvas, -1, -1, -1 };

  g_return_if_fail (POLISI_IS_PAGE_LAYOUT (self));
  g_return_if_fail (self->paginated);
  g_return_if_fail (page_number < self->pages->len);

  page = g_ptr_array_index (self->pages, page_number);
  if (page->blank)
    return;

  draw_watermark (self, canvas, page);
  draw_header_and_footer (self, canvas, page_number, page);

  for (guint i = 0; i < page->items->len; i++)
    {
      Item *item = g_ptr_array_index (page->items, i);

      switch (item->kind)
        {
        case ITEM_TEXT:
          polisi_canvas_set_color (canvas, INK_RGB);
          draw_text_item (self, &tags, item);
          break;
        case ITEM_RULE:
          polisi_canvas_set_color (canvas, 0.45, 0.45, 0.45);
          polisi_canvas_stroke_line (canvas, item->x, item->y, item->x + item->width, item->y + item->height, 0.6);
          break;
        case ITEM_FILL:
          polisi_canvas_set_color (canvas, 0.91, 0.93, 0.95);
          polisi_canvas_fill_rectangle (canvas, item->x, item->y, item->width, item->height);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  close_list (&tags);
  close_table (&tags);

  /* line numbers, outside every tag: page furniture, not text */
  for (guint i = 0; i < page->items->len; i++)
    {
      Item *item = g_ptr_array_index (page->items, i);

      if (item->kind == ITEM_TEXT && item->first_number > 0)
        draw_line_numbers (self, canvas, item);
    }
}

/**
 * polisi_page_layout_draw_page:
 * @cr: a context whose user space is the page, in points, from its top
 *   left corner
 *
 * Draws page @page (0-based) on white paper, as the preview shows it and
 * printing prints it.
 */
void
polisi_page_layout_draw_page (PolisiPageLayout *self,
                              cairo_t          *cr,
                              guint             page_number)
{
  PolisiCanvasCairo canvas;

  g_return_if_fail (POLISI_IS_PAGE_LAYOUT (self));
  g_return_if_fail (self->paginated);
  g_return_if_fail (page_number < self->pages->len);

  polisi_canvas_cairo_init (&canvas, cr);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, self->page_width, self->page_height);
  cairo_fill (cr);
  polisi_page_layout_draw_page_on (self, &canvas.parent, page_number);
  cairo_restore (cr);
}
