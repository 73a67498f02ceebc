/* polisi-pdf-writer.c: tagged PDF (PDF/UA-1), written directly
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDF export's canvas. The page layout draws each page on it as it
 * draws on cairo for the preview; this writes what it is given straight
 * into the PDF, with everything PDF/UA-1 (ISO 14289-1) asks of a document:
 *
 *  - text as glyph ids in the fonts the text was laid out with, each font
 *    embedded once as a subset made by HarfBuzz (keeping the glyph ids), its
 *    widths in /W so that only kerned pairs need an adjustment, and a
 *    ToUnicode map; a glyph standing for other text where it appears again
 *    is wrapped in /ActualText;
 *  - the structure tree as the drawing begins and ends its elements, under
 *    one Document root: each element's content in a marked-content sequence
 *    with its MCID, /Lang where an element's language differs from the one
 *    around it, /Alt for links and a comparison's changes, /Scope for
 *    table header cells, the parent tree; everything drawn outside an
 *    element (running header and footer, rules, fills, the watermark, line
 *    numbers) is an artifact;
 *  - links as annotations inside their Link elements, with /Contents and
 *    /StructParent, pages with links in structure order (/Tabs /S); named
 *    destinations and the outline;
 *  - the catalogue's /Lang, /MarkInfo, /ViewerPreferences /DisplayDocTitle
 *    and XMP metadata with pdfuaid:part, and the document information.
 *
 * Outlines drawn once and painted on many pages (the watermark, the line
 * numbers' digits) are form XObjects; their paths come from the fonts'
 * glyph outlines. A second thread (polisi-parallel) compresses each page's
 * content while the next pages are drawn, and makes the fonts' subsets once
 * the last page is, while the structure is written; where every processor
 * is busy already (a batch's workers), the drawing thread does it all.
 *
 * The page's user space is in points from its top left corner, as the page
 * layout draws: each page's content starts by turning PDF's space upside
 * down, and each text object turns its text the right way up again.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <fontconfig/fontconfig.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <hb.h>
#include <hb-ot.h>
#include <hb-subset.h>
#include <pango/pangofc-font.h>

#include "polisi-error.h"
#include "polisi-parallel.h"
#include "polisi-pdf-writer.h"

/* Objects ------------------------------------------------------------------ */

typedef struct {
  GString *out;
  GArray  *offsets;   /* gsize, per object number - 1; 0: not yet written */
} Objects;

static guint
reserve (Objects *objects)
{
  gsize zero = 0;

  g_array_append_val (objects->offsets, zero);
  return objects->offsets->len;
}

static void append_uint (GString *out, guint value);

static void
begin_object (Objects *objects,
              guint    number)
{
  g_array_index (objects->offsets, gsize, number - 1) = objects->out->len;
  append_uint (objects->out, number);
  g_string_append (objects->out, " 0 obj\n");
}

static void
write_stream (Objects    *objects,
              guint       number,
              const char *extra,
              const void *data,
              gsize       length,
              gboolean    compressed)
{
  begin_object (objects, number);
  g_string_append_printf (objects->out, "<< /Length %" G_GSIZE_FORMAT "%s%s >>\nstream\n", length,
                          compressed ? " /Filter /FlateDecode" : "", extra != NULL ? extra : "");
  g_string_append_len (objects->out, data, length);
  g_string_append (objects->out, "\nendstream\nendobj\n");
}

static GBytes *
deflate_bytes (const char *data,
               gsize       length)
{
  g_autoptr(GConverter) deflater = G_CONVERTER (g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 1));
  g_autoptr(GByteArray) out = g_byte_array_sized_new (length / 3 + 64);
  gsize in_offset = 0;

  for (;;)
    {
      guint8 buffer[16384];
      gsize read = 0, written = 0;
      GConverterResult result = g_converter_convert (deflater, data + in_offset, length - in_offset,
                                                     buffer, sizeof buffer, G_CONVERTER_INPUT_AT_END,
                                                     &read, &written, NULL);

      if (result == G_CONVERTER_ERROR)
        return NULL;
      in_offset += read;
      g_byte_array_append (out, buffer, written);
      if (result == G_CONVERTER_FINISHED)
        break;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* A number with at most three decimals, as PDF reads it, without printf
 * (which is slow, and follows the locale). */
static void
append_number (GString *out,
               double   value)
{
  gint64 scaled = (gint64) (value * 1000.0 + (value < 0 ? -0.5 : 0.5));
  char buffer[32];
  int n = 0;
  gint64 whole, fraction;

  if (scaled < 0)
    {
      g_string_append_c (out, '-');
      scaled = -scaled;
    }
  whole = scaled / 1000;
  fraction = scaled % 1000;
  do
    {
      buffer[n++] = (char) ('0' + whole % 10);
      whole /= 10;
    }
  while (whole > 0);
  while (n > 0)
    g_string_append_c (out, buffer[--n]);
  if (fraction != 0)
    {
      g_string_append_c (out, '.');
      g_string_append_c (out, (char) ('0' + fraction / 100));
      if (fraction % 100 != 0)
        {
          g_string_append_c (out, (char) ('0' + fraction / 10 % 10));
          if (fraction % 10 != 0)
            g_string_append_c (out, (char) ('0' + fraction % 10));
        }
    }
}

static void
append_uint (GString *out,
             guint    value)
{
  char buffer[16];
  int n = 0;

  do
    {
      buffer[n++] = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value > 0);
  while (n > 0)
    g_string_append_c (out, buffer[--n]);
}

static double
round3 (double value)
{
  return (double) (gint64) (value * 1000.0 + (value < 0 ? -0.5 : 0.5)) / 1000.0;
}

static void
append_numbers (GString      *out,
                const double *values,
                guint         n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      append_number (out, values[i]);
    }
}

static void append_hex_glyph (GString *out, guint glyph);

/* @utf8 as UTF-16BE in hex, four digits a unit: a text string's and a
 * ToUnicode map's form */
static void
append_utf16_hex (GString    *out,
                  const char *utf8)
{
  for (const char *p = utf8; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x10000)
        {
          c -= 0x10000;
          append_hex_glyph (out, 0xD800 + (c >> 10));
          append_hex_glyph (out, 0xDC00 + (c & 0x3FF));
        }
      else
        append_hex_glyph (out, c);
    }
}

/* A PDF text string: UTF-16BE with its byte order mark, in hex. */
static void
append_text_string (GString    *out,
                    const char *utf8)
{
  g_string_append (out, "<FEFF");
  append_utf16_hex (out, utf8);
  g_string_append_c (out, '>');
}

/* A PDF string of bytes (a name of a destination, an address): printable
 * ASCII as it is, the rest escaped. */
static void
append_byte_string (GString    *out,
                    const char *bytes)
{
  g_string_append_c (out, '(');
  for (const guchar *p = (const guchar *) bytes; *p != '\0'; p++)
    {
      if (*p == '(' || *p == ')' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if (*p < 32 || *p > 126)
        g_string_append_printf (out, "\\%03o", *p);
      else
        g_string_append_c (out, (char) *p);
    }
  g_string_append_c (out, ')');
}

/* Fonts -------------------------------------------------------------------- */

typedef struct {
  char    *text;    /* what the glyph stands for (the first text it was seen with); NULL: not used yet */
  double   width;   /* in thousandths of the text size, as /W says */
} GlyphUse;

typedef struct {
  char      *key;        /* file and face index */
  hb_face_t *face;
  hb_font_t *font;       /* at its units per em */
  guint      upem;
  guint      n_glyphs;
  GlyphUse  *glyphs;     /* per glyph id */
  guint      resource;   /* /F<resource> */
  guint      number;     /* the Type0 font's object */
  gboolean   cff;        /* PostScript outlines */
  gboolean   outlines;   /* has outlines at all (a bitmap font has not) */
  gboolean   used;       /* some text is written in it */
  GBytes    *program;    /* the subset, compressed (prepare_font()) */
  GBytes    *to_unicode; /* its ToUnicode map, compressed */
  GString   *widths;     /* its /W array */
} Font;

static void
font_free (gpointer data)
{
  Font *font = data;

  for (guint i = 0; i < font->n_glyphs; i++)
    g_free (font->glyphs[i].text);
  g_free (font->glyphs);
  g_clear_pointer (&font->program, g_bytes_unref);
  g_clear_pointer (&font->to_unicode, g_bytes_unref);
  if (font->widths != NULL)
    g_string_free (font->widths, TRUE);
  hb_font_destroy (font->font);
  hb_face_destroy (font->face);
  g_free (font->key);
  g_free (font);
}

/* A font as Pango uses it: the embedded font and its size. */
typedef struct {
  Font   *font;
  double  size;
} FontUse;

static gboolean
face_has_table (hb_face_t *face,
                hb_tag_t   tag)
{
  hb_blob_t *blob = hb_face_reference_table (face, tag);
  gboolean has = hb_blob_get_length (blob) > 0;

  hb_blob_destroy (blob);
  return has;
}

/* The structure ------------------------------------------------------------ */

typedef enum {
  KID_MCID,
  KID_ELEMENT,
  KID_ANNOT,
} KidKind;

typedef struct {
  KidKind kind;
  guint   page;
  guint   value;     /* MCID, element index or annotation index */
} Kid;

typedef struct {
  const char *type;       /* interned */
  PolisiLang  lang;
  char       *alt;
  int         parent;     /* -1 for the Document */
  int         page;       /* where its first content is; -1: none yet */
  GArray     *kids;       /* Kid */
  guint       number;
} Element;

static void
element_clear (gpointer data)
{
  Element *element = data;

  g_free (element->alt);
  g_clear_pointer (&element->kids, g_array_unref);
}

typedef struct {
  guint   page;
  double  rect[4];      /* PDF's space */
  char   *uri;
  char   *dest;
  char   *alt;
  int     element;
  guint   number;
} Annot;

static void
annot_clear (gpointer data)
{
  Annot *annot = data;

  g_free (annot->uri);
  g_free (annot->dest);
  g_free (annot->alt);
}

typedef struct {
  char   *name;
  guint   page;
  double  x, y;         /* PDF's space */
} Dest;

static void
dest_clear (gpointer data)
{
  g_free (((Dest *) data)->name);
}

typedef struct {
  char     *title;
  char     *dest;
  int       parent;
  gboolean  open;
  guint     number;
} Outline;

static void
outline_clear (gpointer data)
{
  Outline *outline = data;

  g_free (outline->title);
  g_free (outline->dest);
}

typedef struct {
  GString *content;
  GArray  *mcids;        /* int: the element of each MCID */
  GArray  *annots;       /* guint: annotation indices */
  GBytes  *compressed;
  guint    number;
} Page;

static void
page_free (gpointer data)
{
  Page *page = data;

  if (page->content != NULL)
    g_string_free (page->content, TRUE);
  g_clear_pointer (&page->mcids, g_array_unref);
  g_clear_pointer (&page->annots, g_array_unref);
  g_clear_pointer (&page->compressed, g_bytes_unref);
  g_free (page);
}

/* A form XObject: outlines painted many times. */
/* What the compressor's queue ends with: the fonts to prepare, then no
 * more pages */
static Page prepare_fonts;
static Page no_more_pages;

static void compress_pages (gpointer data, gboolean helper);
static void compress_page (Page *page);

typedef struct {
  guint    resource;     /* /X<resource> */
  guint    number;
  GString *content;
  double   bbox[4];
  double   alpha;
} Form;

static void
form_free (gpointer data)
{
  Form *form = data;

  g_string_free (form->content, TRUE);
  g_free (form);
}

/* The writer ------------------------------------------------------------------ */

enum { MARKED_NONE = -2, MARKED_ARTIFACT = -1 };

struct _PolisiPdfWriter {
  PolisiCanvas  canvas;
  double        width, height;
  PolisiLang    lang;
  char         *info[POLISI_PDF_N_INFO];

  GHashTable   *fonts;        /* key → Font */
  GPtrArray    *font_list;    /* Font, in the order first used */
  GHashTable   *font_uses;    /* PangoFont (ref) → FontUse */
  GHashTable   *forms;        /* PolisiOutlines → Form */
  GPtrArray    *form_list;
  GPtrArray    *pages;        /* Page */
  PolisiParallel *compressor; /* compresses the pages drawn, while the next are */
  gboolean      tried_compressor;
  GAsyncQueue  *drawn;        /* Page: for the compressor; the writer itself at the end */
  GArray       *elements;     /* Element; 0 is the Document */
  GArray       *stack;        /* int: the open elements */
  GArray       *annots;       /* Annot */
  GArray       *dests;        /* Dest */
  GArray       *outlines;     /* Outline */

  /* the page being drawn */
  Page         *page;
  int           marked;       /* the open marked content: an element, MARKED_ARTIFACT or MARKED_NONE */
  double        fill[3];
  double        stroke[3];
  gboolean      fill_set;
  gboolean      stroke_set;
  double        color[3];     /* what the drawing asked for */
  double        line_width;
};

static PolisiPdfWriter *
writer_of (PolisiCanvas *canvas)
{
  return (PolisiPdfWriter *) canvas;
}

static Element *
element_at (PolisiPdfWriter *self,
            int              index)
{
  return &g_array_index (self->elements, Element, index);
}

static int
open_element (PolisiPdfWriter *self)
{
  return g_array_index (self->stack, int, self->stack->len - 1);
}

static int
new_element (PolisiPdfWriter *self,
             const char      *tag,
             PolisiLang       lang,
             const char      *alt)
{
  Element element = { g_intern_string (tag), lang, g_strdup (alt), -1, -1, g_array_new (FALSE, FALSE, sizeof (Kid)), 0 };
  int index = self->elements->len;

  if (self->stack->len > 0)
    {
      Kid kid = { KID_ELEMENT, 0, index };

      element.parent = open_element (self);
      g_array_append_val (element_at (self, element.parent)->kids, kid);
    }
  g_array_append_val (self->elements, element);
  g_array_append_val (self->stack, index);
  return index;
}

static void
close_marked (PolisiPdfWriter *self)
{
  if (self->marked != MARKED_NONE)
    g_string_append (self->page->content, "EMC\n");
  self->marked = MARKED_NONE;
}

/* Before anything is painted: its content goes to the element open, or is
 * an artifact when the Document is all there is. */
static void
mark_content (PolisiPdfWriter *self)
{
  int element = self->stack->len > 1 ? open_element (self) : MARKED_ARTIFACT;
  GString *out = self->page->content;

  if (self->marked == element)
    return;
  close_marked (self);
  if (element == MARKED_ARTIFACT)
    g_string_append (out, "/Artifact BMC\n");
  else
    {
      Element *owner = element_at (self, element);
      guint mcid = self->page->mcids->len;
      guint page = self->pages->len - 1;
      Kid kid = { KID_MCID, page, mcid };

      if (owner->page < 0)
        owner->page = page;
      g_array_append_val (owner->kids, kid);
      g_array_append_val (self->page->mcids, element);
      g_string_append_c (out, '/');
      g_string_append (out, owner->type);
      g_string_append (out, " << /MCID ");
      append_uint (out, mcid);
      g_string_append (out, " >> BDC\n");
    }
  self->marked = element;
}

static void
use_fill (PolisiPdfWriter *self)
{
  if (self->fill_set && memcmp (self->fill, self->color, sizeof self->fill) == 0)
    return;
  memcpy (self->fill, self->color, sizeof self->fill);
  self->fill_set = TRUE;
  append_numbers (self->page->content, self->fill, 3);
  g_string_append (self->page->content, " rg\n");
}

static void
use_stroke (PolisiPdfWriter *self)
{
  if (self->stroke_set && memcmp (self->stroke, self->color, sizeof self->stroke) == 0)
    return;
  memcpy (self->stroke, self->color, sizeof self->stroke);
  self->stroke_set = TRUE;
  append_numbers (self->page->content, self->stroke, 3);
  g_string_append (self->page->content, " RG\n");
}

/* Canvas: paths ---------------------------------------------------------------- */

static void
writer_set_color (PolisiCanvas *canvas,
                  double        red,
                  double        green,
                  double        blue)
{
  PolisiPdfWriter *self = writer_of (canvas);

  self->color[0] = round3 (red);
  self->color[1] = round3 (green);
  self->color[2] = round3 (blue);
}

static void
writer_fill_rectangle (PolisiCanvas *canvas,
                       double        x,
                       double        y,
                       double        width,
                       double        height)
{
  PolisiPdfWriter *self = writer_of (canvas);
  double values[4] = { x, y, width, height };

  mark_content (self);
  use_fill (self);
  append_numbers (self->page->content, values, 4);
  g_string_append (self->page->content, " re f\n");
}

static void
writer_stroke_line (PolisiCanvas *canvas,
                    double        x0,
                    double        y0,
                    double        x1,
                    double        y1,
                    double        line_width)
{
  PolisiPdfWriter *self = writer_of (canvas);
  GString *out = self->page->content;
  double from[2] = { x0, y0 }, to[2] = { x1, y1 };

  mark_content (self);
  use_stroke (self);
  if (round3 (line_width) != self->line_width)
    {
      self->line_width = round3 (line_width);
      append_number (out, self->line_width);
      g_string_append (out, " w\n");
    }
  append_numbers (out, from, 2);
  g_string_append (out, " m ");
  append_numbers (out, to, 2);
  g_string_append (out, " l S\n");
}

/* Canvas: text ------------------------------------------------------------------ */

static FontUse *
get_font_use (PolisiPdfWriter *self,
              PangoFont       *pango_font)
{
  FontUse *use = g_hash_table_lookup (self->font_uses, pango_font);
  g_autofree char *key = NULL;
  PangoFontDescription *description;
  hb_font_t *pango_hb;
  hb_face_t *face;
  Font *font;

  if (use != NULL)
    return use;

  pango_hb = pango_font_get_hb_font (pango_font);
  face = hb_font_get_face (pango_hb);
  if (PANGO_IS_FC_FONT (pango_font))
    {
      FcPattern *pattern = pango_fc_font_get_pattern (PANGO_FC_FONT (pango_font));
      FcChar8 *file = NULL;
      int index = 0;

      FcPatternGetString (pattern, FC_FILE, 0, &file);
      FcPatternGetInteger (pattern, FC_INDEX, 0, &index);
      key = g_strdup_printf ("%s#%d", file != NULL ? (const char *) file : "?", index);
    }
  else
    key = g_strdup_printf ("face %p", (gpointer) face);

  font = g_hash_table_lookup (self->fonts, key);
  if (font == NULL)
    {
      font = g_new0 (Font, 1);
      font->key = g_strdup (key);
      font->face = hb_face_reference (face);
      font->font = hb_font_create (face);
      font->upem = hb_face_get_upem (face);
      font->n_glyphs = hb_face_get_glyph_count (face);
      font->glyphs = g_new0 (GlyphUse, font->n_glyphs);
      font->resource = self->font_list->len + 1;
      font->cff = face_has_table (face, HB_TAG ('C', 'F', 'F', ' ')) || face_has_table (face, HB_TAG ('C', 'F', 'F', '2'));
      font->outlines = font->cff || face_has_table (face, HB_TAG ('g', 'l', 'y', 'f'));
      g_hash_table_insert (self->fonts, font->key, font);
      g_ptr_array_add (self->font_list, font);
    }

  description = pango_font_describe_with_absolute_size (pango_font);
  use = g_new (FontUse, 1);
  use->font = font;
  use->size = pango_font_description_get_size (description) / (double) PANGO_SCALE;
  pango_font_description_free (description);
  g_hash_table_insert (self->font_uses, g_object_ref (pango_font), use);
  return use;
}

typedef struct {
  guint glyph;
  int   x_offset;
  int   y_offset;
  int   advance;
  int   start;      /* the glyph's cluster: bytes of the run's text */
  int   end;        /* -1: the glyph is not its cluster's first */
} RunGlyph;

static void
append_hex_glyph (GString *out,
                  guint    glyph)
{
  static const char hex[] = "0123456789ABCDEF";

  g_string_append_c (out, hex[(glyph >> 12) & 15]);
  g_string_append_c (out, hex[(glyph >> 8) & 15]);
  g_string_append_c (out, hex[(glyph >> 4) & 15]);
  g_string_append_c (out, hex[glyph & 15]);
}

/* A glyph id as the two bytes of a literal string: half the size of hex,
 * for the pages' content and its compression. */
static inline void
append_glyph_bytes (GString *out,
                    guint    glyph)
{
  guchar bytes[2] = { (guchar) (glyph >> 8), (guchar) (glyph & 0xff) };

  for (guint b = 0; b < 2; b++)
    switch (bytes[b])
      {
      case '(': case ')': case '\\':
        g_string_append_c (out, '\\');
        g_string_append_c (out, (char) bytes[b]);
        break;
      case '\r':
        g_string_append (out, "\\r");
        break;
      case '\n':
        g_string_append (out, "\\n");
        break;
      default:
        g_string_append_c (out, (char) bytes[b]);
      }
}

/* Writes a run of glyphs of one font from (@x, @baseline): one text object,
 * the glyphs placed at their advances with adjustments where they differ
 * from the font's widths. */
static void
write_run (PolisiPdfWriter *self,
           PangoFont       *pango_font,
           const char      *text,
           int              text_length,
           RunGlyph        *glyphs,
           guint            n_glyphs,
           double           x,
           double           baseline)
{
  FontUse *use;
  Font *font;
  GString *out;
  gboolean actual_text = FALSE;
  gboolean open = FALSE;
  double pdf_x = 0, rise = 0, to_thousandths;
  int pen = 0;

  if (n_glyphs == 0)
    return;
  use = get_font_use (self, pango_font);
  font = use->font;
  if (use->size <= 0)
    return;
  to_thousandths = 1000.0 / (use->size * PANGO_SCALE);

  /* what each glyph stands for, first seen; where a glyph stands for
   * something else here, the run says what it stands for */
  for (guint i = 0; i < n_glyphs; i++)
    {
      RunGlyph *glyph = &glyphs[i];
      GlyphUse *known;
      int length;

      if (glyph->glyph >= font->n_glyphs)
        {
          actual_text = TRUE;
          continue;
        }
      known = &font->glyphs[glyph->glyph];
      length = glyph->end >= 0 ? glyph->end - glyph->start : 0;
      if (G_UNLIKELY (known->text == NULL))
        {
          known->text = g_strndup (text + glyph->start, length);
          known->width = round3 (hb_font_get_glyph_h_advance (font->font, glyph->glyph) * 1000.0 / font->upem);
        }
      else if (known->text[0] != (length > 0 ? text[glyph->start] : '\0') ||
               (length > 1 && memcmp (known->text, text + glyph->start, length) != 0) ||
               (length > 0 && known->text[length] != '\0'))
        actual_text = TRUE;
    }
  if (!font->outlines)
    actual_text = TRUE;
  else
    font->used = TRUE;

  mark_content (self);
  use_fill (self);
  out = self->page->content;
  if (actual_text)
    {
      g_autofree char *run_text = g_strndup (text, text_length);

      g_string_append (out, "/Span << /ActualText ");
      append_text_string (out, run_text);
      g_string_append (out, " >> BDC\n");
    }

  if (font->outlines)
    {
      g_string_append (out, "BT\n/F");
      append_uint (out, font->resource);
      g_string_append_c (out, ' ');
      append_number (out, use->size);
      g_string_append (out, " Tf\n1 0 0 -1 ");
      append_number (out, x);
      g_string_append_c (out, ' ');
      append_number (out, baseline);
      g_string_append (out, " Tm\n[");

      /* in thousandths of the text size, as TJ's adjustments and /W are */
      for (guint i = 0; i < n_glyphs; i++)
        {
          RunGlyph *glyph = &glyphs[i];
          int want = pen + glyph->x_offset;
          double adjust;

          pen += glyph->advance;
          if (glyph->glyph >= font->n_glyphs)
            continue;
          if (G_UNLIKELY (glyph->y_offset != 0 || rise != 0))
            {
              double glyph_rise = round3 (-glyph->y_offset / (double) PANGO_SCALE);

              if (glyph_rise != rise)
                {
                  rise = glyph_rise;
                  g_string_append (out, open ? ")]TJ\n" : "]TJ\n");
                  append_number (out, rise);
                  g_string_append (out, " Ts\n[");
                  open = FALSE;
                }
            }
          /* the pen is moved when it has drifted by half a thousandth of
           * the size (5 millionths of an inch at 10 points) or more: the
           * font's kerning, not the rounding of Pango's units */
          adjust = pdf_x - want * to_thousandths;
          if (adjust >= 0.5 || adjust <= -0.5)
            {
              adjust = round3 (adjust);
              if (open)
                g_string_append_c (out, ')');
              append_number (out, adjust);
              open = FALSE;
              pdf_x -= adjust;
            }
          if (!open)
            g_string_append_c (out, '(');
          open = TRUE;
          append_glyph_bytes (out, glyph->glyph);
          pdf_x += font->glyphs[glyph->glyph].width;
        }
      g_string_append (out, open ? ")]TJ\n" : "]TJ\n");
      if (rise != 0)
        g_string_append (out, "0 Ts\n");
      g_string_append (out, "ET\n");
    }

  if (actual_text)
    g_string_append (out, "EMC\n");
}

/* The glyphs of a Pango run, with their clusters. */
static void
show_run (PangoGlyphItem *run,
          const char     *text,
          double          x,
          double          baseline,
          gpointer        data)
{
  PolisiPdfWriter *self = data;
  PangoGlyphString *glyphs = run->glyphs;
  const char *run_text = text + run->item->offset;
  RunGlyph stack_glyphs[128];
  RunGlyph *list = glyphs->num_glyphs <= (int) G_N_ELEMENTS (stack_glyphs) ? stack_glyphs
                                                                           : g_new (RunGlyph, glyphs->num_glyphs);
  guint n = 0;

  for (int i = 0; i < glyphs->num_glyphs; i++)
    {
      PangoGlyphInfo *info = &glyphs->glyphs[i];
      int start = glyphs->log_clusters[i];
      int end = run->item->length;
      RunGlyph *glyph;

      if (info->glyph == PANGO_GLYPH_EMPTY || (info->glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0)
        {
          /* nothing drawn, but the place kept */
          if (n > 0)
            list[n - 1].advance += info->geometry.width;
          else
            x += info->geometry.width / (double) PANGO_SCALE;
          continue;
        }
      /* the cluster ends where the next starts: the glyph after it in
       * left-to-right text, the one before it in right-to-left */
      if (run->item->analysis.level % 2 == 0)
        {
          for (int j = i + 1; j < glyphs->num_glyphs; j++)
            if (glyphs->log_clusters[j] != start)
              {
                end = glyphs->log_clusters[j];
                break;
              }
        }
      else
        {
          for (int j = i - 1; j >= 0; j--)
            if (glyphs->log_clusters[j] != start)
              {
                end = glyphs->log_clusters[j];
                break;
              }
        }
      glyph = &list[n++];
      glyph->glyph = info->glyph;
      glyph->x_offset = info->geometry.x_offset;
      glyph->y_offset = info->geometry.y_offset;
      glyph->advance = info->geometry.width;
      glyph->start = start;
      glyph->end = (i > 0 && glyphs->log_clusters[i - 1] == start) ? -1 : end;
    }

  write_run (self, run->item->analysis.font, run_text, run->item->length, list, n, x, baseline);
  if (list != stack_glyphs)
    g_free (list);
}

static void
writer_show_layout (PolisiCanvas *canvas,
                    PangoLayout  *layout,
                    double        x,
                    double        y)
{
  polisi_canvas_foreach_run_in_layout (layout, x, y, show_run, writer_of (canvas));
}

static void
writer_show_layout_line (PolisiCanvas    *canvas,
                         PangoLayoutLine *line,
                         double           x,
                         double           baseline)
{
  polisi_canvas_foreach_run_in_line (line, x, baseline, show_run, writer_of (canvas));
}

static void
writer_show_glyph_item (PolisiCanvas   *canvas,
                        const char     *text,
                        PangoGlyphItem *item,
                        double          x,
                        double          baseline)
{
  show_run (item, text, x, baseline, writer_of (canvas));
}

typedef struct {
  RunGlyph *glyphs;
  guint     n_glyphs;
  guint     size;
  gboolean  on_stack;
  int       cluster_first; /* the glyph that starts the last cluster */
} WordGlyphs;

/* Each cluster's first glyph stands for its text, up to where the next
 * cluster starts. */
static void
add_word_glyph (const PangoGlyphInfo *info,
                int                   cluster,
                int                   advance,
                gpointer              data)
{
  WordGlyphs *word_glyphs = data;
  RunGlyph *glyph;

  if (word_glyphs->cluster_first >= 0)
    {
      RunGlyph *first = &word_glyphs->glyphs[word_glyphs->cluster_first];

      if (first->start != cluster)
        {
          first->end = cluster;
          word_glyphs->cluster_first = word_glyphs->n_glyphs;
        }
    }
  else
    word_glyphs->cluster_first = word_glyphs->n_glyphs;

  if (word_glyphs->n_glyphs == word_glyphs->size)
    {
      RunGlyph *grown = g_new (RunGlyph, word_glyphs->size * 2);

      memcpy (grown, word_glyphs->glyphs, word_glyphs->size * sizeof (RunGlyph));
      if (!word_glyphs->on_stack)
        g_free (word_glyphs->glyphs);
      word_glyphs->glyphs = grown;
      word_glyphs->size *= 2;
      word_glyphs->on_stack = FALSE;
    }
  glyph = &word_glyphs->glyphs[word_glyphs->n_glyphs++];
  glyph->glyph = info->glyph;
  glyph->x_offset = info->geometry.x_offset;
  glyph->y_offset = info->geometry.y_offset;
  glyph->advance = advance;
  glyph->start = cluster;
  glyph->end = -1;
}

static void
writer_show_word_line (PolisiCanvas          *canvas,
                       const char            *text,
                       const PolisiWordLines *lines,
                       guint                  index,
                       double                 x,
                       double                 baseline)
{
  PolisiPdfWriter *self = writer_of (canvas);
  RunGlyph stack_glyphs[160];
  WordGlyphs word_glyphs = { stack_glyphs, 0, G_N_ELEMENTS (stack_glyphs), TRUE, -1 };
  int start, length;

  polisi_word_lines_get_line (lines, index, &start, &length);
  /* a line's glyphs on the stack, unless it is a long one */
  if ((guint) length * 2 + 16 > word_glyphs.size)
    {
      word_glyphs.size = length * 2 + 16;
      word_glyphs.glyphs = g_new (RunGlyph, word_glyphs.size);
      word_glyphs.on_stack = FALSE;
    }
  polisi_word_lines_foreach_glyph (lines, index, add_word_glyph, &word_glyphs);
  if (word_glyphs.cluster_first >= 0)
    word_glyphs.glyphs[word_glyphs.cluster_first].end = length;
  write_run (self, polisi_word_lines_get_font (lines), text + start, length,
             word_glyphs.glyphs, word_glyphs.n_glyphs, x, baseline);
  if (!word_glyphs.on_stack)
    g_free (word_glyphs.glyphs);
}

/* Canvas: outlines ------------------------------------------------------------------ */

typedef struct {
  GString        *out;
  cairo_matrix_t  matrix;   /* font units → the form's space */
  double          x, y;     /* the current point, in font units */
} Drawing;

static void
draw_point (Drawing *drawing,
            double   x,
            double   y)
{
  double px = x, py = y;

  cairo_matrix_transform_point (&drawing->matrix, &px, &py);
  append_number (drawing->out, px);
  g_string_append_c (drawing->out, ' ');
  append_number (drawing->out, py);
  g_string_append_c (drawing->out, ' ');
}

/* A path's operator that ends at (@x, @y): "m", "l" or, after its
 * control points, "c" */
static void
draw_to (Drawing    *drawing,
         float       x,
         float       y,
         const char *op)
{
  draw_point (drawing, x, y);
  g_string_append (drawing->out, op);
  drawing->x = x;
  drawing->y = y;
}

static void
on_move_to (hb_draw_funcs_t *funcs, void *data, hb_draw_state_t *state,
            float x, float y, void *user)
{
  draw_to (data, x, y, "m\n");
}

static void
on_line_to (hb_draw_funcs_t *funcs, void *data, hb_draw_state_t *state,
            float x, float y, void *user)
{
  draw_to (data, x, y, "l\n");
}

static void
on_cubic_to (hb_draw_funcs_t *funcs, void *data, hb_draw_state_t *state,
             float x1, float y1, float x2, float y2, float x, float y, void *user)
{
  Drawing *drawing = data;

  draw_point (drawing, x1, y1);
  draw_point (drawing, x2, y2);
  draw_to (drawing, x, y, "c\n");
}

static void
on_quadratic_to (hb_draw_funcs_t *funcs, void *data, hb_draw_state_t *state,
                 float cx, float cy, float x, float y, void *user)
{
  Drawing *drawing = data;
  double x0 = drawing->x, y0 = drawing->y;

  on_cubic_to (funcs, data, state,
               x0 + 2.0 / 3.0 * (cx - x0), y0 + 2.0 / 3.0 * (cy - y0),
               x + 2.0 / 3.0 * (cx - x), y + 2.0 / 3.0 * (cy - y), x, y, user);
}

static void
on_close_path (hb_draw_funcs_t *funcs, void *data, hb_draw_state_t *state, void *user)
{
  g_string_append (((Drawing *) data)->out, "h\n");
}

static hb_draw_funcs_t *
get_draw_funcs (void)
{
  static hb_draw_funcs_t *funcs;

  if (g_once_init_enter (&funcs))
    {
      hb_draw_funcs_t *made = hb_draw_funcs_create ();

      hb_draw_funcs_set_move_to_func (made, on_move_to, NULL, NULL);
      hb_draw_funcs_set_line_to_func (made, on_line_to, NULL, NULL);
      hb_draw_funcs_set_quadratic_to_func (made, on_quadratic_to, NULL, NULL);
      hb_draw_funcs_set_cubic_to_func (made, on_cubic_to, NULL, NULL);
      hb_draw_funcs_set_close_path_func (made, on_close_path, NULL, NULL);
      hb_draw_funcs_make_immutable (made);
      g_once_init_leave (&funcs, made);
    }
  return funcs;
}

typedef struct {
  PolisiPdfWriter *writer;
  GString         *out;
  const cairo_matrix_t *matrix;
} OutlineRun;

/* A run's glyphs as paths, in the form's space. */
static void
outline_run (PangoGlyphItem *run,
             const char     *text,
             double          x,
             double          baseline,
             gpointer        data)
{
  OutlineRun *outline = data;
  FontUse *use = get_font_use (outline->writer, run->item->analysis.font);
  Font *font = use->font;
  double scale = use->size / font->upem;
  int pen = 0;

  for (int i = 0; i < run->glyphs->num_glyphs; i++)
    {
      PangoGlyphInfo *info = &run->glyphs->glyphs[i];
      Drawing drawing = { outline->out };

      if (info->glyph != PANGO_GLYPH_EMPTY && (info->glyph & PANGO_GLYPH_UNKNOWN_FLAG) == 0 && info->glyph < font->n_glyphs)
        {
          /* font units, y up, to the form's space */
          cairo_matrix_init (&drawing.matrix, scale, 0, 0, -scale,
                             x + (pen + info->geometry.x_offset) / (double) PANGO_SCALE,
                             baseline + info->geometry.y_offset / (double) PANGO_SCALE);
          cairo_matrix_multiply (&drawing.matrix, &drawing.matrix, outline->matrix);
          hb_font_get_glyph_shape (font->font, info->glyph, get_draw_funcs (), &drawing);
        }
      pen += info->geometry.width;
    }
}

static Form *
get_form (PolisiPdfWriter *self,
          PolisiOutlines  *outlines)
{
  Form *form = g_hash_table_lookup (self->forms, outlines);
  OutlineRun run;

  if (form != NULL)
    return form;

  form = g_new0 (Form, 1);
  form->resource = self->form_list->len + 1;
  form->content = g_string_new (NULL);
  form->bbox[0] = outlines->extents.x;
  form->bbox[1] = outlines->extents.y;
  form->bbox[2] = outlines->extents.x + outlines->extents.width;
  form->bbox[3] = outlines->extents.y + outlines->extents.height;
  form->alpha = outlines->rgba[3];
  if (form->alpha < 1)
    g_string_append (form->content, "/G0 gs\n");
  append_numbers (form->content, outlines->rgba, 3);
  g_string_append (form->content, " rg\n");

  run = (OutlineRun) { self, form->content, &outlines->matrix };
  if (outlines->first_line)
    polisi_canvas_foreach_run_in_line (pango_layout_get_line_readonly (outlines->layout, 0),
                                       outlines->layout_x, outlines->layout_y, outline_run, &run);
  else
    polisi_canvas_foreach_run_in_layout (outlines->layout, outlines->layout_x, outlines->layout_y, outline_run, &run);
  g_string_append (form->content, "f\n");

  g_hash_table_insert (self->forms, outlines, form);
  g_ptr_array_add (self->form_list, form);
  return form;
}

static void
writer_paint_outlines (PolisiCanvas   *canvas,
                       PolisiOutlines *outlines,
                       double          x,
                       double          y)
{
  PolisiPdfWriter *self = writer_of (canvas);
  Form *form = get_form (self, outlines);
  GString *out = self->page->content;

  mark_content (self);
  g_string_append (out, "q 1 0 0 1 ");
  append_number (out, x);
  g_string_append_c (out, ' ');
  append_number (out, y);
  g_string_append_printf (out, " cm /X%u Do Q\n", form->resource);
}

/* Canvas: structure ---------------------------------------------------------------- */

static void
writer_begin_element (PolisiCanvas *canvas,
                      const char   *tag,
                      PolisiLang    lang,
                      const char   *alt)
{
  new_element (writer_of (canvas), tag, lang, alt);
}

static void
writer_end_element (PolisiCanvas *canvas,
                    const char   *tag)
{
  PolisiPdfWriter *self = writer_of (canvas);

  g_return_if_fail (self->stack->len > 1);
  g_warn_if_fail (element_at (self, open_element (self))->type == g_intern_string (tag));
  g_array_set_size (self->stack, self->stack->len - 1);
}

static void
writer_begin_link (PolisiCanvas           *canvas,
                   const PolisiCanvasLink *link)
{
  PolisiPdfWriter *self = writer_of (canvas);
  int element = new_element (self, "Link", link->lang, link->alt);
  Annot annot = { self->pages->len - 1,
                  { link->x, self->height - link->y - link->height, link->x + link->width, self->height - link->y },
                  g_strdup (link->uri), g_strdup (link->dest), g_strdup (link->alt), element, 0 };
  Kid kid = { KID_ANNOT, self->pages->len - 1, self->annots->len };

  g_array_append_val (element_at (self, element)->kids, kid);
  g_array_append_val (self->page->annots, self->annots->len);
  g_array_append_val (self->annots, annot);
}

static void
writer_end_link (PolisiCanvas *canvas)
{
  writer_end_element (canvas, "Link");
}

static void
writer_begin_dest (PolisiCanvas *canvas,
                   const char   *name,
                   double        x,
                   double        y)
{
  PolisiPdfWriter *self = writer_of (canvas);
  Dest dest = { g_strdup (name), self->pages->len - 1, x, self->height - y };

  g_array_append_val (self->dests, dest);
}

static void
writer_end_dest (PolisiCanvas *canvas,
                 const char   *name)
{
}

static const PolisiCanvasClass writer_class = {
  writer_set_color,
  writer_fill_rectangle,
  writer_stroke_line,
  writer_show_layout,
  writer_show_layout_line,
  writer_show_glyph_item,
  writer_show_word_line,
  writer_paint_outlines,
  writer_begin_element,
  writer_end_element,
  writer_begin_link,
  writer_end_link,
  writer_begin_dest,
  writer_end_dest,
};

/* The document ----------------------------------------------------------------------- */

PolisiPdfWriter *
polisi_pdf_writer_new (double     page_width,
                       double     page_height,
                       PolisiLang lang)
{
  PolisiPdfWriter *self = g_new0 (PolisiPdfWriter, 1);

  self->canvas.klass = &writer_class;
  self->width = page_width;
  self->height = page_height;
  self->lang = lang;
  self->fonts = g_hash_table_new (g_str_hash, g_str_equal);
  self->font_list = g_ptr_array_new_with_free_func (font_free);
  self->font_uses = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);
  self->forms = g_hash_table_new (NULL, NULL);
  self->form_list = g_ptr_array_new_with_free_func (form_free);
  self->pages = g_ptr_array_new_with_free_func (page_free);
  self->drawn = g_async_queue_new ();
  self->elements = g_array_new (FALSE, FALSE, sizeof (Element));
  g_array_set_clear_func (self->elements, element_clear);
  self->stack = g_array_new (FALSE, FALSE, sizeof (int));
  self->annots = g_array_new (FALSE, FALSE, sizeof (Annot));
  g_array_set_clear_func (self->annots, annot_clear);
  self->dests = g_array_new (FALSE, FALSE, sizeof (Dest));
  g_array_set_clear_func (self->dests, dest_clear);
  self->outlines = g_array_new (FALSE, FALSE, sizeof (Outline));
  g_array_set_clear_func (self->outlines, outline_clear);
  self->marked = MARKED_NONE;

  new_element (self, "Document", lang, NULL);
  return self;
}

void
polisi_pdf_writer_free (PolisiPdfWriter *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < POLISI_PDF_N_INFO; i++)
    g_free (self->info[i]);
  g_hash_table_unref (self->fonts);
  g_ptr_array_unref (self->font_list);
  g_hash_table_unref (self->font_uses);
  g_hash_table_unref (self->forms);
  g_ptr_array_unref (self->form_list);
  if (self->compressor != NULL)
    {
      g_async_queue_push (self->drawn, &no_more_pages);
      polisi_parallel_join (self->compressor);
    }
  g_async_queue_unref (self->drawn);
  g_ptr_array_unref (self->pages);
  g_array_unref (self->elements);
  g_array_unref (self->stack);
  g_array_unref (self->annots);
  g_array_unref (self->dests);
  g_array_unref (self->outlines);
  g_free (self);
}

void
polisi_pdf_writer_set_info (PolisiPdfWriter *self,
                            PolisiPdfInfo    key,
                            const char      *value)
{
  g_return_if_fail (key < POLISI_PDF_N_INFO);
  g_free (self->info[key]);
  self->info[key] = g_strdup (value);
}

/**
 * polisi_pdf_writer_begin_page:
 *
 * Returns: (transfer none): the canvas to draw the new page on, until
 *   polisi_pdf_writer_end_page()
 */
PolisiCanvas *
polisi_pdf_writer_begin_page (PolisiPdfWriter *self)
{
  Page *page = g_new0 (Page, 1);

  g_return_val_if_fail (self->page == NULL, NULL);

  page->content = g_string_sized_new (16384);
  page->mcids = g_array_new (FALSE, FALSE, sizeof (int));
  page->annots = g_array_new (FALSE, FALSE, sizeof (guint));
  g_ptr_array_add (self->pages, page);
  self->page = page;
  self->marked = MARKED_NONE;
  self->fill_set = self->stroke_set = FALSE;
  self->line_width = 1;
  self->color[0] = self->color[1] = self->color[2] = 0;
  g_string_append (self->page->content, "1 0 0 -1 0 ");
  append_number (self->page->content, self->height);
  g_string_append (self->page->content, " cm\n");
  return &self->canvas;
}

void
polisi_pdf_writer_end_page (PolisiPdfWriter *self)
{
  g_return_if_fail (self->page != NULL);

  close_marked (self);
  /* what the drawing left open ends with its page */
  g_array_set_size (self->stack, 1);
  /* compressed in a thread of its own while the next pages are drawn */
  if (!self->tried_compressor)
    {
      self->tried_compressor = TRUE;
      self->compressor = polisi_parallel_start (compress_pages, self, 0);
    }
  /* without a processor to spare (a batch's workers keep them busy), the
   * page is compressed here and now */
  if (self->compressor != NULL)
    g_async_queue_push (self->drawn, self->page);
  else
    compress_page (self->page);
  self->page = NULL;
}

/**
 * polisi_pdf_writer_add_outline:
 * @parent: an entry this returned, or -1 for the top level
 *
 * Returns: the new entry
 */
int
polisi_pdf_writer_add_outline (PolisiPdfWriter *self,
                               int              parent,
                               const char      *title,
                               const char      *dest,
                               gboolean         open)
{
  Outline outline = { g_strdup (title), g_strdup (dest), parent, open, 0 };

  g_array_append_val (self->outlines, outline);
  return self->outlines->len - 1;
}

/* Finishing ------------------------------------------------------------------------------ */

static void prepare_font (Font *font);

static void
compress_page (Page *page)
{
  page->compressed = deflate_bytes (page->content->str, page->content->len);
  g_string_free (page->content, TRUE);
  page->content = NULL;
}

/* The compressor's thread: each page as it is drawn, until no_more_pages
 * comes through the queue; prepare_fonts before it, once every page is
 * drawn. A page that cannot be compressed is left without. */
static void
compress_pages (gpointer data,
                gboolean helper)
{
  PolisiPdfWriter *self = data;

  for (;;)
    {
      Page *page = g_async_queue_pop (self->drawn);

      if (page == &no_more_pages)
        break;
      if (page == &prepare_fonts)
        {
          for (guint i = 0; i < self->font_list->len; i++)
            if (((Font *) self->font_list->pdata[i])->used)
              prepare_font (self->font_list->pdata[i]);
          continue;
        }
      compress_page (page);
    }
}

static char *
subset_tag (Font *font)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;
  char *tag = g_new (char, 7);

  g_checksum_update (checksum, (const guchar *) font->key, -1);
  for (guint i = 0; i < font->n_glyphs; i++)
    if (font->glyphs[i].text != NULL)
      g_checksum_update (checksum, (const guchar *) &i, sizeof i);
  g_checksum_get_digest (checksum, digest, &length);
  for (guint i = 0; i < 6; i++)
    tag[i] = (char) ('A' + digest[i] % 26);
  tag[6] = '\0';
  return tag;
}

static char *
postscript_name (Font *font)
{
  char name[128];
  unsigned int size = sizeof name;
  GString *clean = g_string_new (NULL);

  if (hb_ot_name_get_utf8 (font->face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &size, name) == 0)
    g_strlcpy (name, "Font", sizeof name);
  for (const char *p = name; *p != '\0'; p++)
    if (*p > 32 && *p < 127 && strchr ("()<>[]{}/%#", *p) == NULL)
      g_string_append_c (clean, *p);
  if (clean->len == 0)
    g_string_append (clean, "Font");
  return g_string_free (clean, FALSE);
}

static char *
to_unicode_cmap (Font *font)
{
  GString *cmap = g_string_new ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                                "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                                "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                                "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
  g_autoptr(GString) block = g_string_new (NULL);
  guint n = 0;

  for (guint glyph = 0; glyph < font->n_glyphs; glyph++)
    {
      const char *text = font->glyphs[glyph].text;

      if (text == NULL || text[0] == '\0')
        continue;
      g_string_append_c (block, '<');
      append_hex_glyph (block, glyph);
      g_string_append (block, "> <");
      append_utf16_hex (block, text);
      g_string_append (block, ">\n");
      if (++n == 100)
        {
          g_string_append_printf (cmap, "%u beginbfchar\n%sendbfchar\n", n, block->str);
          g_string_truncate (block, 0);
          n = 0;
        }
    }
  if (n > 0)
    g_string_append_printf (cmap, "%u beginbfchar\n%sendbfchar\n", n, block->str);
  g_string_append (cmap, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
  return g_string_free (cmap, FALSE);
}

static gint16
read_int16 (const char *data,
            guint       offset)
{
  return (gint16) (((guint8) data[offset] << 8) | (guint8) data[offset + 1]);
}

/* What takes time in embedding a font, done in the compressor's thread
 * while the structure is written: the subset keeping the glyph ids,
 * compressed, the ToUnicode map, compressed, and the widths. Leaves
 * @font->program NULL when the subset cannot be made. */
static void
prepare_font (Font *font)
{
  hb_subset_input_t *input = hb_subset_input_create_or_fail ();
  hb_set_t *glyphs;
  hb_face_t *subset;
  hb_blob_t *blob;
  const char *data;
  unsigned int length;
  g_autofree char *cmap = NULL;
  int previous = -2;

  if (input == NULL)
    return;
  font->widths = g_string_new ("[");
  glyphs = hb_subset_input_glyph_set (input);
  hb_set_add (glyphs, 0);
  for (guint glyph = 0; glyph < font->n_glyphs; glyph++)
    {
      if (font->glyphs[glyph].text == NULL)
        continue;
      hb_set_add (glyphs, glyph);
      if ((int) glyph != previous + 1)
        {
          if (previous >= 0)
            g_string_append (font->widths, "] ");
          append_uint (font->widths, glyph);
          g_string_append (font->widths, " [");
        }
      else
        g_string_append_c (font->widths, ' ');
      append_number (font->widths, font->glyphs[glyph].width);
      previous = glyph;
    }
  if (previous >= 0)
    g_string_append (font->widths, "]");
  g_string_append (font->widths, "]");
  hb_subset_input_set_flags (input, HB_SUBSET_FLAGS_RETAIN_GIDS);
  subset = hb_subset_or_fail (font->face, input);
  hb_subset_input_destroy (input);
  if (subset == NULL)
    return;
  cmap = to_unicode_cmap (font);
  font->to_unicode = deflate_bytes (cmap, strlen (cmap));
  blob = hb_face_reference_blob (subset);
  data = hb_blob_get_data (blob, &length);
  if (font->to_unicode != NULL)
    font->program = deflate_bytes (data, length);
  hb_blob_destroy (blob);
  hb_face_destroy (subset);
}

/* The font as prepare_font() made it: Type0 font, CID font, descriptor,
 * font program and ToUnicode map. */
static gboolean
write_font (Objects *objects,
            Font    *font)
{
  hb_blob_t *head;
  const char *data;
  unsigned int length;
  g_autofree char *tag = NULL;
  g_autofree char *name = NULL;
  guint cid_font, descriptor, file, to_unicode;
  hb_font_extents_t extents;
  hb_position_t cap_height = 0;
  double bbox[4] = { 0, 0, 0, 0 };
  double italic;

  if (font->program == NULL)
    return FALSE;
  tag = subset_tag (font);
  name = postscript_name (font);
  cid_font = reserve (objects);
  descriptor = reserve (objects);
  file = reserve (objects);
  to_unicode = reserve (objects);

  hb_font_get_h_extents (font->font, &extents);
  hb_ot_metrics_get_position_with_fallback (font->font, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap_height);
  italic = hb_style_get_value (font->font, HB_STYLE_TAG_SLANT_ANGLE);
  head = hb_face_reference_table (font->face, HB_TAG ('h', 'e', 'a', 'd'));
  data = hb_blob_get_data (head, &length);
  if (length >= 44)
    {
      bbox[0] = read_int16 (data, 36) * 1000.0 / font->upem;
      bbox[1] = read_int16 (data, 38) * 1000.0 / font->upem;
      bbox[2] = read_int16 (data, 40) * 1000.0 / font->upem;
      bbox[3] = read_int16 (data, 42) * 1000.0 / font->upem;
    }
  hb_blob_destroy (head);

  begin_object (objects, font->number);
  g_string_append_printf (objects->out, "<< /Type /Font /Subtype /Type0 /BaseFont /%s+%s /Encoding /Identity-H "
                                        "/DescendantFonts [%u 0 R] /ToUnicode %u 0 R >>\nendobj\n",
                          tag, name, cid_font, to_unicode);
  begin_object (objects, cid_font);
  g_string_append_printf (objects->out, "<< /Type /Font /Subtype /%s /BaseFont /%s+%s "
                                        "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                                        "/FontDescriptor %u 0 R%s /DW 0 /W %s >>\nendobj\n",
                          font->cff ? "CIDFontType0" : "CIDFontType2", tag, name, descriptor,
                          font->cff ? "" : " /CIDToGIDMap /Identity", font->widths->str);
  begin_object (objects, descriptor);
  g_string_append_printf (objects->out, "<< /Type /FontDescriptor /FontName /%s+%s /Flags %u /FontBBox [",
                          tag, name, italic != 0 ? 4 | 64 : 4);
  append_numbers (objects->out, bbox, 4);
  g_string_append (objects->out, "] /ItalicAngle ");
  append_number (objects->out, italic);
  g_string_append (objects->out, " /Ascent ");
  append_number (objects->out, extents.ascender * 1000.0 / font->upem);
  g_string_append (objects->out, " /Descent ");
  append_number (objects->out, extents.descender * 1000.0 / font->upem);
  g_string_append (objects->out, " /CapHeight ");
  append_number (objects->out, cap_height * 1000.0 / font->upem);
  g_string_append_printf (objects->out, " /StemV 80 /%s %u 0 R >>\nendobj\n",
                          font->cff ? "FontFile3" : "FontFile2", file);
  write_stream (objects, file, font->cff ? " /Subtype /OpenType" : NULL, g_bytes_get_data (font->program, NULL),
                g_bytes_get_size (font->program), TRUE);
  write_stream (objects, to_unicode, NULL, g_bytes_get_data (font->to_unicode, NULL),
                g_bytes_get_size (font->to_unicode), TRUE);
  return TRUE;
}

static char *
make_xmp (const char *title,
          const char *lang_tag)
{
  g_autofree char *escaped_title = g_markup_escape_text (title != NULL ? title : "", -1);

  /* what the document information dictionary says too, and nothing that
   * changes from one export of the same policy to the next */
  return g_strdup_printf ("<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                          "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                          " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                          "  <rdf:Description rdf:about=\"\"\n"
                          "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                          "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                          "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                          "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
                          "   <dc:format>application/pdf</dc:format>\n"
                          "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n"
                          "   <dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n"
                          "   <xmp:CreatorTool>Polisi " PACKAGE_VERSION "</xmp:CreatorTool>\n"
                          "   <pdf:Producer>Polisi " PACKAGE_VERSION "</pdf:Producer>\n"
                          "   <pdfuaid:part>1</pdfuaid:part>\n"
                          "  </rdf:Description>\n"
                          " </rdf:RDF>\n"
                          "</x:xmpmeta>\n"
                          "<?xpacket end=\"w\"?>", escaped_title, lang_tag);
}

static void
append_ref (GString *out,
            guint    number)
{
  append_uint (out, number);
  g_string_append (out, " 0 R");
}

static void
write_element (PolisiPdfWriter *self,
               Objects         *objects,
               guint            index,
               guint            parent_number,
               GArray          *page_numbers)
{
  Element *element = element_at (self, index);
  GString *out = objects->out;
  PolisiLang around = element->parent < 0 ? self->lang : element_at (self, element->parent)->lang;

  begin_object (objects, element->number);
  g_string_append (out, "<< /Type /StructElem /S /");
  g_string_append (out, element->type);
  g_string_append (out, " /P ");
  append_ref (out, parent_number);
  if (element->page >= 0)
    {
      g_string_append (out, " /Pg ");
      append_ref (out, g_array_index (page_numbers, guint, element->page));
    }
  if (element->parent >= 0 && element->lang != around)
    g_string_append_printf (out, " /Lang (%s)", polisi_lang_to_tag (element->lang));
  if (element->alt != NULL)
    {
      g_string_append (out, " /Alt ");
      append_text_string (out, element->alt);
    }
  if (element->type == g_intern_static_string ("TH"))
    g_string_append (out, " /A << /O /Table /Scope /Column >>");
  g_string_append (out, " /K [");
  for (guint k = 0; k < element->kids->len; k++)
    {
      Kid *kid = &g_array_index (element->kids, Kid, k);
      guint page_number = g_array_index (page_numbers, guint, kid->page);

      if (k > 0)
        g_string_append_c (out, ' ');
      switch (kid->kind)
        {
        case KID_MCID:
          if ((int) kid->page == element->page)
            append_uint (out, kid->value);
          else
            g_string_append_printf (out, "<< /Type /MCR /Pg %u 0 R /MCID %u >>", page_number, kid->value);
          break;
        case KID_ELEMENT:
          append_ref (out, element_at (self, kid->value)->number);
          break;
        case KID_ANNOT:
          g_string_append_printf (out, "<< /Type /OBJR /Pg %u 0 R /Obj %u 0 R >>", page_number,
                                  g_array_index (self->annots, Annot, kid->value).number);
          break;
        }
    }
  g_string_append (out, "] >>\nendobj\n");
}

static int
compare_dests (gconstpointer a,
               gconstpointer b)
{
  return strcmp (((const Dest *) a)->name, ((const Dest *) b)->name);
}

/* Numbers the outline's entries, and writes them. */
static void
write_outlines (PolisiPdfWriter *self,
                Objects         *objects,
                guint            root)
{
  GArray *outlines = self->outlines;
  GString *out = objects->out;
  g_autofree int *first = g_new (int, outlines->len + 1);
  g_autofree int *last = g_new (int, outlines->len + 1);
  g_autofree int *next = g_new (int, outlines->len);
  g_autofree int *prev = g_new (int, outlines->len);
  g_autofree int *count = g_new0 (int, outlines->len + 1);
  g_autofree int *children = g_new0 (int, outlines->len + 1);

  /* index outlines->len stands for the root */
  for (guint i = 0; i <= outlines->len; i++)
    first[i] = last[i] = -1;
  for (guint i = 0; i < outlines->len; i++)
    {
      Outline *outline = &g_array_index (outlines, Outline, i);
      int parent = outline->parent < 0 ? (int) outlines->len : outline->parent;

      outline->number = reserve (objects);
      next[i] = -1;
      prev[i] = last[parent];
      if (last[parent] >= 0)
        next[last[parent]] = i;
      else
        first[parent] = i;
      last[parent] = i;
      children[parent]++;
    }
  /* visible descendants, counted from the deepest (children come after
   * their parents) */
  for (guint i = outlines->len; i-- > 0;)
    {
      Outline *outline = &g_array_index (outlines, Outline, i);
      int parent = outline->parent < 0 ? (int) outlines->len : outline->parent;
      gboolean parent_open = parent == (int) outlines->len || g_array_index (outlines, Outline, parent).open;

      if (parent_open)
        count[parent] += 1 + (outline->open ? count[i] : 0);
    }

  begin_object (objects, root);
  g_string_append (out, "<< /Type /Outlines");
  if (first[outlines->len] >= 0)
    g_string_append_printf (out, " /First %u 0 R /Last %u 0 R /Count %d",
                            g_array_index (outlines, Outline, first[outlines->len]).number,
                            g_array_index (outlines, Outline, last[outlines->len]).number, count[outlines->len]);
  g_string_append (out, " >>\nendobj\n");

  for (guint i = 0; i < outlines->len; i++)
    {
      Outline *outline = &g_array_index (outlines, Outline, i);

      begin_object (objects, outline->number);
      g_string_append (out, "<< /Title ");
      append_text_string (out, outline->title);
      g_string_append_printf (out, " /Parent %u 0 R",
                              outline->parent < 0 ? root : g_array_index (outlines, Outline, outline->parent).number);
      if (outline->dest != NULL)
        {
          g_string_append (out, " /Dest ");
          append_byte_string (out, outline->dest);
        }
      if (prev[i] >= 0)
        g_string_append_printf (out, " /Prev %u 0 R", g_array_index (outlines, Outline, prev[i]).number);
      if (next[i] >= 0)
        g_string_append_printf (out, " /Next %u 0 R", g_array_index (outlines, Outline, next[i]).number);
      if (first[i] >= 0)
        g_string_append_printf (out, " /First %u 0 R /Last %u 0 R /Count %d",
                                g_array_index (outlines, Outline, first[i]).number,
                                g_array_index (outlines, Outline, last[i]).number,
                                outline->open ? count[i] : -children[i]);
      g_string_append (out, " >>\nendobj\n");
    }
}

static void
append_date (GString    *out,
             const char *iso)
{
  /* "2026-12-05" → (D:20261205000000Z) */
  g_autoptr(GString) date = g_string_new ("D:");

  for (const char *p = iso; *p != '\0' && date->len < 10; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (date, *p);
  if (date->len != 10)
    return;
  g_string_append (date, "000000Z");
  append_byte_string (out, date->str);
}

/**
 * polisi_pdf_writer_finish:
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set
 */
GBytes *
polisi_pdf_writer_finish (PolisiPdfWriter  *self,
                          GError          **error)
{
  static const char *const info_keys[] = { "Title", "Author", "Subject", "Keywords", "CreationDate", "ModDate" };
  Objects objects = { g_string_sized_new (1 << 20), g_array_new (FALSE, TRUE, sizeof (gsize)) };
  g_autoptr(GArray) page_numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GChecksum) checksum = NULL;
  g_autofree char *xmp = NULL;
  GString *out = objects.out;
  guint catalog, pages_root, struct_root, parent_tree, metadata, info, resources, outline_root = 0, dests = 0;
  gboolean failed = FALSE;
  gsize xref;

  g_return_val_if_fail (self->page == NULL, NULL);

  g_string_append (out, "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
  catalog = reserve (&objects);
  pages_root = reserve (&objects);
  struct_root = reserve (&objects);
  parent_tree = reserve (&objects);
  metadata = reserve (&objects);
  info = reserve (&objects);
  resources = reserve (&objects);
  for (guint i = 0; i < self->pages->len; i++)
    {
      guint number = reserve (&objects);

      ((Page *) g_ptr_array_index (self->pages, i))->number = number;
      g_array_append_val (page_numbers, number);
    }
  for (guint i = 0; i < self->elements->len; i++)
    element_at (self, i)->number = reserve (&objects);
  for (guint i = 0; i < self->annots->len; i++)
    g_array_index (self->annots, Annot, i).number = reserve (&objects);
  for (guint i = 0; i < self->font_list->len; i++)
    {
      Font *font = self->font_list->pdata[i];

      if (font->used)
        font->number = reserve (&objects);
    }
  for (guint i = 0; i < self->form_list->len; i++)
    ((Form *) self->form_list->pdata[i])->number = reserve (&objects);

  /* the fonts prepared in the compressor's thread, once it has the last
   * page, while this one writes the structure */
  if (self->compressor != NULL)
    {
      g_async_queue_push (self->drawn, &prepare_fonts);
      g_async_queue_push (self->drawn, &no_more_pages);
    }
  else
    for (guint i = 0; i < self->font_list->len; i++)
      if (((Font *) self->font_list->pdata[i])->used)
        prepare_font (self->font_list->pdata[i]);

  /* catalogue */
  begin_object (&objects, catalog);
  g_string_append_printf (out, "<< /Type /Catalog /Pages %u 0 R /StructTreeRoot %u 0 R /MarkInfo << /Marked true >> "
                               "/Lang (%s) /ViewerPreferences << /DisplayDocTitle true >> /Metadata %u 0 R",
                          pages_root, struct_root, polisi_lang_to_tag (self->lang), metadata);
  if (self->outlines->len > 0)
    {
      outline_root = reserve (&objects);
      g_string_append_printf (out, " /Outlines %u 0 R /PageMode /UseOutlines", outline_root);
    }
  if (self->dests->len > 0)
    {
      dests = reserve (&objects);
      g_string_append_printf (out, " /Names << /Dests %u 0 R >>", dests);
    }
  g_string_append (out, " >>\nendobj\n");

  /* pages */
  begin_object (&objects, pages_root);
  g_string_append (out, "<< /Type /Pages /Kids [");
  for (guint i = 0; i < self->pages->len; i++)
    g_string_append_printf (out, "%s%u 0 R", i > 0 ? " " : "", g_array_index (page_numbers, guint, i));
  g_string_append_printf (out, "] /Count %u /MediaBox [0 0 ", self->pages->len);
  append_number (out, self->width);
  g_string_append_c (out, ' ');
  append_number (out, self->height);
  g_string_append (out, "] >>\nendobj\n");

  /* resources, shared by every page */
  begin_object (&objects, resources);
  g_string_append (out, "<< /Font <<");
  for (guint i = 0; i < self->font_list->len; i++)
    {
      Font *font = self->font_list->pdata[i];

      if (font->used)
        g_string_append_printf (out, " /F%u %u 0 R", font->resource, font->number);
    }
  g_string_append (out, " >> /XObject <<");
  for (guint i = 0; i < self->form_list->len; i++)
    {
      Form *form = self->form_list->pdata[i];

      g_string_append_printf (out, " /X%u %u 0 R", form->resource, form->number);
    }
  g_string_append (out, " >> >>\nendobj\n");


  for (guint i = 0; i < self->form_list->len && !failed; i++)
    {
      Form *form = self->form_list->pdata[i];
      g_autoptr(GBytes) compressed = deflate_bytes (form->content->str, form->content->len);
      g_autoptr(GString) extra = g_string_new (" /Type /XObject /Subtype /Form /BBox [");

      if (compressed == NULL)
        {
          failed = TRUE;
          break;
        }
      append_numbers (extra, form->bbox, 4);
      g_string_append (extra, "] /Resources <<");
      if (form->alpha < 1)
        {
          g_string_append (extra, " /ExtGState << /G0 << /Type /ExtGState /ca ");
          append_number (extra, form->alpha);
          g_string_append (extra, " >> >>");
        }
      g_string_append (extra, " >>");
      write_stream (&objects, form->number, extra->str, g_bytes_get_data (compressed, NULL),
                    g_bytes_get_size (compressed), TRUE);
    }

  /* annotations */
  for (guint i = 0; i < self->annots->len; i++)
    {
      Annot *annot = &g_array_index (self->annots, Annot, i);

      begin_object (&objects, annot->number);
      g_string_append (out, "<< /Type /Annot /Subtype /Link /Rect [");
      append_numbers (out, annot->rect, 4);
      g_string_append_printf (out, "] /Border [0 0 0] /P %u 0 R /StructParent %u /Contents ",
                              g_array_index (page_numbers, guint, annot->page), self->pages->len + i);
      append_text_string (out, annot->alt != NULL ? annot->alt : (annot->uri != NULL ? annot->uri : annot->dest));
      if (annot->uri != NULL)
        {
          g_string_append (out, " /A << /Type /Action /S /URI /URI ");
          append_byte_string (out, annot->uri);
          g_string_append (out, " >>");
        }
      else
        {
          g_string_append (out, " /Dest ");
          append_byte_string (out, annot->dest);
        }
      g_string_append (out, " >>\nendobj\n");
    }

  /* the structure tree */
  begin_object (&objects, struct_root);
  g_string_append_printf (out, "<< /Type /StructTreeRoot /K [%u 0 R] /ParentTree %u 0 R /ParentTreeNextKey %u >>\nendobj\n",
                          element_at (self, 0)->number, parent_tree, self->pages->len + self->annots->len);
  for (guint i = 0; i < self->elements->len; i++)
    {
      Element *element = element_at (self, i);

      write_element (self, &objects, i, element->parent < 0 ? struct_root : element_at (self, element->parent)->number,
                     page_numbers);
    }
  begin_object (&objects, parent_tree);
  g_string_append (out, "<< /Nums [");
  for (guint i = 0; i < self->pages->len; i++)
    {
      Page *page = g_ptr_array_index (self->pages, i);

      g_string_append_printf (out, "\n%u [", i);
      for (guint m = 0; m < page->mcids->len; m++)
        {
          if (m > 0)
            g_string_append_c (out, ' ');
          append_ref (out, element_at (self, g_array_index (page->mcids, int, m))->number);
        }
      g_string_append_c (out, ']');
    }
  for (guint i = 0; i < self->annots->len; i++)
    g_string_append_printf (out, "\n%u %u 0 R", self->pages->len + i,
                            element_at (self, g_array_index (self->annots, Annot, i).element)->number);
  g_string_append (out, "\n] >>\nendobj\n");

  /* destinations, by name in order */
  if (dests != 0)
    {
      g_array_sort (self->dests, compare_dests);
      begin_object (&objects, dests);
      g_string_append (out, "<< /Names [");
      for (guint i = 0; i < self->dests->len; i++)
        {
          Dest *dest = &g_array_index (self->dests, Dest, i);
          double at[2] = { dest->x, dest->y };

          /* a name given twice: the first place */
          if (i > 0 && strcmp (dest->name, g_array_index (self->dests, Dest, i - 1).name) == 0)
            continue;
          g_string_append_c (out, '\n');
          append_byte_string (out, dest->name);
          g_string_append_printf (out, " [%u 0 R /XYZ ", g_array_index (page_numbers, guint, dest->page));
          append_numbers (out, at, 2);
          g_string_append (out, " 0]");
        }
      g_string_append (out, "\n] >>\nendobj\n");
    }
  if (outline_root != 0)
    write_outlines (self, &objects, outline_root);

  /* metadata */
  xmp = make_xmp (self->info[POLISI_PDF_INFO_TITLE], polisi_lang_to_tag (self->lang));
  write_stream (&objects, metadata, " /Type /Metadata /Subtype /XML", xmp, strlen (xmp), FALSE);
  begin_object (&objects, info);
  g_string_append (out, "<< /Creator ");
  append_text_string (out, "Polisi " PACKAGE_VERSION);
  g_string_append (out, " /Producer ");
  append_text_string (out, "Polisi " PACKAGE_VERSION);
  for (guint i = 0; i < POLISI_PDF_N_INFO; i++)
    {
      if (self->info[i] == NULL)
        continue;
      g_string_append_printf (out, " /%s ", info_keys[i]);
      if (i == POLISI_PDF_INFO_CREATION_DATE || i == POLISI_PDF_INFO_MOD_DATE)
        append_date (out, self->info[i]);
      else
        append_text_string (out, self->info[i]);
    }
  g_string_append (out, " >>\nendobj\n");

  /* the pages and the fonts, from the compressor's thread */
  if (self->compressor != NULL)
    polisi_parallel_join (g_steal_pointer (&self->compressor));
  for (guint i = 0; i < self->pages->len; i++)
    if (((Page *) g_ptr_array_index (self->pages, i))->compressed == NULL)
      failed = TRUE;
  for (guint i = 0; i < self->pages->len && !failed; i++)
    {
      Page *page = g_ptr_array_index (self->pages, i);
      guint content = reserve (&objects);

      begin_object (&objects, page->number);
      g_string_append_printf (out, "<< /Type /Page /Parent %u 0 R /Resources %u 0 R /Contents %u 0 R /StructParents %u",
                              pages_root, resources, content, i);
      if (page->annots->len > 0)
        {
          g_string_append (out, " /Tabs /S /Annots [");
          for (guint a = 0; a < page->annots->len; a++)
            g_string_append_printf (out, "%s%u 0 R", a > 0 ? " " : "",
                                    g_array_index (self->annots, Annot, g_array_index (page->annots, guint, a)).number);
          g_string_append_c (out, ']');
        }
      g_string_append (out, " >>\nendobj\n");
      write_stream (&objects, content, NULL, g_bytes_get_data (page->compressed, NULL),
                    g_bytes_get_size (page->compressed), TRUE);
      g_clear_pointer (&page->compressed, g_bytes_unref);
    }

  for (guint i = 0; i < self->font_list->len && !failed; i++)
    {
      Font *font = self->font_list->pdata[i];

      if (font->used && !write_font (&objects, font))
        failed = TRUE;
    }

  if (failed)
    {
      g_string_free (objects.out, TRUE);
      g_array_unref (objects.offsets);
      g_set_error_literal (error, POLISI_ERROR, POLISI_ERROR_FAILED,
                           _("The PDF could not be made: a font its text uses could not be put into it. "
                             "Export as ODT or DOCX instead, and report the problem."));
      return NULL;
    }

  /* the cross-reference table and the trailer */
  xref = out->len;
  g_string_append_printf (out, "xref\n0 %u\n0000000000 65535 f \n", objects.offsets->len + 1);
  for (guint i = 0; i < objects.offsets->len; i++)
    {
      char entry[21] = "0000000000 00000 n \n";
      gsize offset = g_array_index (objects.offsets, gsize, i);

      for (int d = 9; d >= 0 && offset > 0; d--, offset /= 10)
        entry[d] = (char) ('0' + offset % 10);
      g_string_append_len (out, entry, 20);
    }
  checksum = g_checksum_new (G_CHECKSUM_MD5);
  g_checksum_update (checksum, (const guchar *) out->str, MIN (out->len, 65536));
  g_string_append_printf (out, "trailer\n<< /Size %u /Root %u 0 R /Info %u 0 R /ID [<%s> <%s>] >>\n"
                               "startxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          objects.offsets->len + 1, catalog, info,
                          g_checksum_get_string (checksum), g_checksum_get_string (checksum), xref);
  g_array_unref (objects.offsets);
  return g_string_free_to_bytes (objects.out);
}
