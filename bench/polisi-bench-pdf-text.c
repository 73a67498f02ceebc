/* polisi-bench-pdf-text.c: what writing a PDF's text directly would cost
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cairo's PDF surface spends about 2,000 instructions on each glyph of a
 * policy (docs/benchmarks.md). This program measures the core of a PDF
 * writer of Polisi's own on the same amount of text: the built-in library's
 * paragraphs (both languages, every alternative) laid out by words at a
 * column's width, placed 15 pt apart on A4 pages, each line written as a
 * text object of glyph ids with the adjustments its advances need, the
 * pages' content compressed at zlib's fastest level, and Liberation Sans
 * embedded as a TrueType subset (HarfBuzz's subsetter, glyph ids kept) with
 * its widths and a ToUnicode map, so that the text can be read back.
 *
 *   polisi-bench-pdf-text [OUTPUT.pdf]
 *
 * It prints the glyphs, lines and pages written and the time each part
 * took. Check the output with qpdf --check and pdftotext.
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <hb-subset.h>
#include <pango/pangocairo.h>

#include "polisi-clause.h"
#include "polisi-library.h"
#include "polisi-page-layout.h"
#include "polisi-section.h"
#include "polisi-text.h"
#include "polisi-word-lines.h"

#define PAGE_WIDTH  595.2756
#define PAGE_HEIGHT 841.8898
#define TOP         70.0
#define BOTTOM      778.0
#define PITCH       15.0

typedef struct {
  GString    *out;
  GArray     *offsets;   /* object number - 1 → byte offset */
} Pdf;

static guint
pdf_reserve (Pdf *pdf)
{
  gsize zero = 0;

  g_array_append_val (pdf->offsets, zero);
  return pdf->offsets->len;
}

static void
pdf_begin (Pdf  *pdf,
           guint number)
{
  g_array_index (pdf->offsets, gsize, number - 1) = pdf->out->len;
  g_string_append_printf (pdf->out, "%u 0 obj\n", number);
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

      g_assert (result != G_CONVERTER_ERROR);
      in_offset += read;
      g_byte_array_append (out, buffer, written);
      if (result == G_CONVERTER_FINISHED)
        break;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static void
pdf_stream (Pdf        *pdf,
            guint       number,
            const char *extra,
            const char *data,
            gsize       length)
{
  g_autoptr(GBytes) packed = deflate_bytes (data, length);
  gsize size;
  const char *bytes = g_bytes_get_data (packed, &size);

  pdf_begin (pdf, number);
  g_string_append_printf (pdf->out, "<< /Length %" G_GSIZE_FORMAT " /Filter /FlateDecode %s>>\nstream\n", size,
                          extra != NULL ? extra : "");
  g_string_append_len (pdf->out, bytes, size);
  g_string_append (pdf->out, "\nendstream\nendobj\n");
}

/* A number with at most three decimals, as PDF reads it, without printf. */
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

typedef struct {
  hb_font_t  *font;       /* at its units per em */
  unsigned    upem;
  GHashTable *used;       /* glyph id → its text (the first cluster seen) */
} Font;

/* The glyph's width in thousandths of the text size, to three decimals
 * (as the font's W array says it), so that only kerning needs adjusting. */
static double
glyph_width (Font          *font,
             hb_codepoint_t glyph)
{
  double width = hb_font_get_glyph_h_advance (font->font, glyph) * 1000.0 / font->upem;

  return (double) (gint64) (width * 1000.0 + 0.5) / 1000.0;
}

typedef struct {
  GString    *content;
  Font       *font;
  const char *text;      /* the line's */
  double      size;
  gboolean    open;      /* inside a hex string */
  guint       n_glyphs;
} LineWriter;

static void
write_glyph (const PangoGlyphInfo *info,
             int                   cluster,
             int                   advance,
             gpointer              data)
{
  static const char hex[] = "0123456789ABCDEF";
  LineWriter *writer = data;
  GString *content = writer->content;
  guint glyph = info->glyph;
  double adjust = glyph_width (writer->font, glyph) - advance / (double) PANGO_SCALE * 1000.0 / writer->size;

  if (!writer->open)
    g_string_append_c (content, '<');
  g_string_append_c (content, hex[(glyph >> 12) & 15]);
  g_string_append_c (content, hex[(glyph >> 8) & 15]);
  g_string_append_c (content, hex[(glyph >> 4) & 15]);
  g_string_append_c (content, hex[glyph & 15]);
  writer->open = TRUE;
  writer->n_glyphs++;
  if (!g_hash_table_contains (writer->font->used, GUINT_TO_POINTER (glyph)))
    {
      const char *start = writer->text + cluster;
      const char *end = g_utf8_next_char (start);

      g_hash_table_insert (writer->font->used, GUINT_TO_POINTER (glyph), g_strndup (start, end - start));
    }
  /* the glyph after this one is placed by the width in /W, less this */
  if (advance != 0 && (adjust > 0.01 || adjust < -0.01))
    {
      g_string_append_c (content, '>');
      append_number (content, adjust);
      writer->open = FALSE;
    }
}

/* One line: a text object with the glyph ids and the adjustments that
 * place each glyph at its advance. */
static guint
write_line (GString               *content,
            Font                  *font,
            const char            *text,
            const PolisiWordLines *lines,
            guint                  index,
            double                 x,
            double                 baseline,
            double                 size)
{
  int start, length;
  LineWriter writer = { content, font, NULL, size, FALSE, 0 };

  polisi_word_lines_get_line (lines, index, &start, &length);
  writer.text = text + start;
  g_string_append (content, "BT\n");
  append_number (content, size);
  g_string_append (content, " 0 0 ");
  append_number (content, -size);
  g_string_append_c (content, ' ');
  append_number (content, x);
  g_string_append_c (content, ' ');
  append_number (content, baseline);
  g_string_append (content, " Tm\n[");
  polisi_word_lines_foreach_glyph (lines, index, write_glyph, &writer);
  g_string_append (content, writer.open ? ">]TJ\nET\n" : "]TJ\nET\n");
  return writer.n_glyphs;
}

static char *
to_unicode_cmap (Font *font)
{
  GString *cmap = g_string_new ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                                "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                                "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                                "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
  GHashTableIter iter;
  gpointer key, value;
  guint n = 0;
  GString *block = g_string_new (NULL);

  g_hash_table_iter_init (&iter, font->used);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree gunichar2 *utf16 = g_utf8_to_utf16 (value, -1, NULL, NULL, NULL);

      g_string_append_printf (block, "<%04X> <", GPOINTER_TO_UINT (key));
      for (gunichar2 *u = utf16; u != NULL && *u != 0; u++)
        g_string_append_printf (block, "%04X", *u);
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
  g_string_free (block, TRUE);
  return g_string_free (cmap, FALSE);
}

static int
compare_glyphs (gconstpointer a,
                gconstpointer b)
{
  return (int) GPOINTER_TO_UINT (a) - (int) GPOINTER_TO_UINT (b);
}

/* The font: a subset keeping glyph ids, its descriptor, widths and
 * ToUnicode map. Returns the Type0 font's number. */
static void
write_font (Pdf   *pdf,
            Font  *font,
            guint  type0)
{
  hb_face_t *face = hb_font_get_face (font->font);
  hb_subset_input_t *input = hb_subset_input_create_or_fail ();
  hb_set_t *glyphs = hb_subset_input_glyph_set (input);
  hb_face_t *subset;
  hb_blob_t *blob;
  const char *data;
  unsigned int length;
  g_autoptr(GString) widths = g_string_new ("[");
  g_autofree char *cmap = to_unicode_cmap (font);
  g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (font->used), compare_glyphs);
  guint cid_font = pdf_reserve (pdf), descriptor = pdf_reserve (pdf);
  guint file = pdf_reserve (pdf), to_unicode = pdf_reserve (pdf);
  hb_font_extents_t extents;

  hb_set_add (glyphs, 0);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      hb_set_add (glyphs, GPOINTER_TO_UINT (l->data));
      g_string_append_printf (widths, "%u [", GPOINTER_TO_UINT (l->data));
      append_number (widths, glyph_width (font, GPOINTER_TO_UINT (l->data)));
      g_string_append (widths, "] ");
    }
  g_string_append (widths, "]");
  hb_subset_input_set_flags (input, HB_SUBSET_FLAGS_RETAIN_GIDS);
  subset = hb_subset_or_fail (face, input);
  g_assert (subset != NULL);
  blob = hb_face_reference_blob (subset);
  data = hb_blob_get_data (blob, &length);
  hb_font_get_h_extents (font->font, &extents);

  pdf_begin (pdf, type0);
  g_string_append_printf (pdf->out, "<< /Type /Font /Subtype /Type0 /BaseFont /AAAAAA+LiberationSans /Encoding /Identity-H "
                                    "/DescendantFonts [%u 0 R] /ToUnicode %u 0 R >>\nendobj\n", cid_font, to_unicode);
  pdf_begin (pdf, cid_font);
  g_string_append_printf (pdf->out, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /AAAAAA+LiberationSans "
                                    "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                                    "/FontDescriptor %u 0 R /CIDToGIDMap /Identity /W %s >>\nendobj\n", descriptor, widths->str);
  pdf_begin (pdf, descriptor);
  g_string_append_printf (pdf->out, "<< /Type /FontDescriptor /FontName /AAAAAA+LiberationSans /Flags 32 "
                                    "/FontBBox [-203 -303 1050 910] /ItalicAngle 0 /Ascent %d /Descent %d "
                                    "/CapHeight 729 /StemV 80 /FontFile2 %u 0 R >>\nendobj\n",
                          (int) (extents.ascender * 1000 / (int) font->upem), (int) (extents.descender * 1000 / (int) font->upem), file);
  pdf_stream (pdf, file, NULL, data, length);
  pdf_stream (pdf, to_unicode, NULL, cmap, strlen (cmap));

  hb_blob_destroy (blob);
  hb_face_destroy (subset);
  hb_subset_input_destroy (input);
}

static void
free_lines (gpointer data)
{
  polisi_word_lines_free (data);
}

int
main (int   argc,
      char *argv[])
{
  const char *output = argc > 1 ? argv[1] : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiLibrary) library = polisi_library_new_builtin (&error);
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) laid_out = g_ptr_array_new_with_free_func (free_lines);
  g_autoptr(GPtrArray) contents = g_ptr_array_new ();
  PangoContext *context;
  PangoFontDescription *description;
  PangoFont *pango_font;
  Font font = { 0 };
  Pdf pdf = { g_string_sized_new (1 << 20), g_array_new (FALSE, FALSE, sizeof (gsize)) };
  GString *content = NULL;
  guint n_glyphs = 0, n_lines = 0, catalog, pages, font_number;
  gsize content_bytes = 0;
  double y = BOTTOM;
  gint64 t0, t1, t2, t3, t4;

  if (library == NULL)
    g_error ("%s", error->message);
  for (guint s = 0; s < polisi_library_get_n_sections (library); s++)
    {
      PolisiSection *section = polisi_library_get_section (library, s);

      for (guint c = 0; c < polisi_section_get_n_clauses (section); c++)
        {
          PolisiClause *clause = polisi_section_get_clause (section, c);

          for (guint a = 0; a < polisi_clause_get_n_alternatives (clause); a++)
            for (PolisiLang lang = 0; lang < POLISI_N_LANGS; lang++)
              {
                g_autoptr(GPtrArray) blocks = polisi_text_parse_blocks (polisi_clause_get_alternative (clause, a)->text[lang]);

                for (guint b = 0; b < blocks->len; b++)
                  g_ptr_array_add (paragraphs, g_strdup (((PolisiTextBlock *) blocks->pdata[b])->text));
              }
        }
    }

  context = polisi_page_layout_new_pango_context (pango_cairo_font_map_get_default ());
  description = pango_font_description_from_string ("Liberation Sans");
  pango_font_description_set_absolute_size (description, 10 * PANGO_SCALE);
  pango_font = pango_context_load_font (context, description);

  font.font = hb_font_create (hb_font_get_face (pango_font_get_hb_font (pango_font)));
  font.upem = hb_face_get_upem (hb_font_get_face (font.font));
  hb_font_set_scale (font.font, (int) font.upem, (int) font.upem);
  font.used = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < paragraphs->len; i++)
    {
      PolisiWordLines *lines = polisi_word_lines_break (pango_font, pango_language_from_string ("cy"), paragraphs->pdata[i],
                                               212 * PANGO_SCALE, NULL);

      g_ptr_array_add (laid_out, lines);
    }
  t1 = g_get_monotonic_time ();

  for (guint i = 0; i < paragraphs->len; i++)
    {
      PolisiWordLines *lines = laid_out->pdata[i];

      for (guint l = 0; lines != NULL && l < polisi_word_lines_get_n_lines (lines); l++)
        {

          if (y + PITCH > BOTTOM)
            {
              content = g_string_sized_new (64 * 1024);
              g_string_append (content, "1 0 0 -1 0 841.8898 cm\n0.07 0.07 0.07 rg\n/F1 1 Tf\n");
              g_ptr_array_add (contents, content);
              y = TOP;
            }
          n_glyphs += write_line (content, &font, paragraphs->pdata[i], lines, l, 56.7, y + 11.4, 10.0);
          y += PITCH;
          n_lines++;
        }
      y += 7;
    }
  t2 = g_get_monotonic_time ();

  g_string_append (pdf.out, "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
  catalog = pdf_reserve (&pdf);
  pages = pdf_reserve (&pdf);
  font_number = pdf_reserve (&pdf);
  {
    g_autoptr(GString) kids = g_string_new (NULL);
    g_autoptr(GArray) page_numbers = g_array_new (FALSE, FALSE, sizeof (guint));

    for (guint p = 0; p < contents->len; p++)
      {
        guint page = pdf_reserve (&pdf), stream = pdf_reserve (&pdf);

        g_array_append_val (page_numbers, page);
        g_string_append_printf (kids, "%u 0 R ", page);
        content = contents->pdata[p];
        content_bytes += content->len;
        pdf_stream (&pdf, stream, NULL, content->str, content->len);
        g_string_free (content, TRUE);
        pdf_begin (&pdf, page);
        g_string_append_printf (pdf.out, "<< /Type /Page /Parent %u 0 R /MediaBox [0 0 595.2756 841.8898] "
                                         "/Contents %u 0 R /Resources << /Font << /F1 %u 0 R >> >> >>\nendobj\n",
                                pages, stream, font_number);
      }
    t3 = g_get_monotonic_time ();
    write_font (&pdf, &font, font_number);
    t4 = g_get_monotonic_time ();
    pdf_begin (&pdf, pages);
    g_string_append_printf (pdf.out, "<< /Type /Pages /Count %u /Kids [%s] >>\nendobj\n", contents->len, kids->str);
    pdf_begin (&pdf, catalog);
    g_string_append_printf (pdf.out, "<< /Type /Catalog /Pages %u 0 R >>\nendobj\n", pages);
  }
  {
    gsize xref = pdf.out->len;

    g_string_append_printf (pdf.out, "xref\n0 %u\n0000000000 65535 f \n", pdf.offsets->len + 1);
    for (guint i = 0; i < pdf.offsets->len; i++)
      g_string_append_printf (pdf.out, "%010" G_GSIZE_FORMAT " 00000 n \n", g_array_index (pdf.offsets, gsize, i));
    g_string_append_printf (pdf.out, "trailer\n<< /Size %u /Root %u 0 R >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                            pdf.offsets->len + 1, catalog, xref);
  }

  g_print ("Polisi PDF text benchmark: %u paragraphs, %u lines, %u glyphs, %u pages, %u distinct glyphs\n",
           paragraphs->len, n_lines, n_glyphs, contents->len, g_hash_table_size (font.used));
  g_print ("lines by words %.1f ms; text operators %.1f ms; pages compressed %.1f ms (%" G_GSIZE_FORMAT " bytes); "
           "font subset %.1f ms; %" G_GSIZE_FORMAT " bytes\n",
           (t1 - t0) / 1000.0, (t2 - t1) / 1000.0, (t3 - t2) / 1000.0, content_bytes, (t4 - t3) / 1000.0, pdf.out->len);
  if (output != NULL && !g_file_set_contents (output, pdf.out->str, pdf.out->len, &error))
    g_error ("%s", error->message);

  g_string_free (pdf.out, TRUE);
  g_array_unref (pdf.offsets);
  g_hash_table_unref (font.used);
  hb_font_destroy (font.font);
  g_object_unref (pango_font);
  pango_font_description_free (description);
  g_object_unref (context);
  return 0;
}
