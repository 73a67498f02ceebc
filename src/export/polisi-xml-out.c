/* polisi-xml-out.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the ODT and DOCX writers share to write XML with libgsf: an element
 * and its attributes from a NULL-terminated list of name, value pairs.
 * Every value is escaped by GsfXMLOut, so that a value may be anyone's
 * text.
 *
 * And the one way a comparison's marked text keeps the typography rule of
 * polisi-text.c (polisi_text_keep_together()): the no-break spaces of the
 * new text where the new version has its words, those of the old text in
 * what was deleted, so that accepting every change gives exactly the
 * plain export of the new version, and rejecting them all that of the
 * old.
 *
 * And the numbers of each paragraph's lines in Polisi's own page layout,
 * which both writers put beside the text of parallel columns, where
 * LibreOffice and Word number no lines.
 */
#include "config.h"

#include <stdarg.h>
#include <math.h>
#include <string.h>

#include "polisi-xml-out.h"

static void
add_attributes (GsfXMLOut  *xml,
                const char *first_name,
                va_list     args)
{
  for (const char *name = first_name; name != NULL; name = va_arg (args, const char *))
    gsf_xml_out_add_cstr (xml, name, va_arg (args, const char *));
}

/* An empty element with its attributes. */
void
polisi_xml_out_element (GsfXMLOut  *xml,
                        const char *element,
                        const char *first_name,
                        ...)
{
  va_list args;

  gsf_xml_out_start_element (xml, element);
  va_start (args, first_name);
  add_attributes (xml, first_name, args);
  va_end (args);
  gsf_xml_out_end_element (xml);
}

/* An element started with its attributes; the caller ends it. */
void
polisi_xml_out_start (GsfXMLOut  *xml,
                      const char *element,
                      const char *first_name,
                      ...)
{
  va_list args;

  gsf_xml_out_start_element (xml, element);
  va_start (args, first_name);
  add_attributes (xml, first_name, args);
  va_end (args);
}

/* Marks @view in @kept at the unbreakable spaces of @text, one paragraph
 * ("\n" between paragraphs) at a time; @map gives each byte of @text its
 * byte in the marked paragraph. */
static void
mark_view (const char     *text,
           const guint    *map,
           guint8         *kept,
           PolisiKeptSpace view)
{
  const char *line = text;

  for (;;)
    {
      const char *end = strchr (line, '\n');
      g_autofree char *copy = g_strndup (line, end != NULL ? (gsize) (end - line) : strlen (line));
      g_autoptr(GArray) spaces = polisi_text_find_unbreakable_spaces (copy);

      for (guint i = 0; i < spaces->len; i++)
        kept[map[(line - text) + g_array_index (spaces, guint, i)]] |= view;
      if (end == NULL)
        break;
      line = end + 1;
    }
}

/**
 * polisi_export_find_kept_spaces:
 * @para: a paragraph, with the marks of a comparison or none
 *
 * Where a line must not break in @para: for each byte of its text,
 * %POLISI_KEPT_NEW where the new version's text (all but what was
 * deleted) has a no-break space by polisi_text_find_unbreakable_spaces(),
 * %POLISI_KEPT_OLD where the old version's (all but what was inserted)
 * has one. Unchanged text can have one and not the other (a date whose
 * year was changed into a word): a writer then deletes the old space and
 * inserts the new one.
 *
 * Returns: (transfer full): one byte for each byte of @para's text
 */
guint8 *
polisi_export_find_kept_spaces (const PolisiTextBlock *para)
{
  gsize length = strlen (para->text);
  guint8 *kept = g_new0 (guint8, length + 1);
  g_autofree guint *map = g_new (guint, length + 1);
  g_autoptr(GString) text = g_string_sized_new (length);

  for (guint view = 0; view < 2; view++)
    {
      PolisiMarkKind left_out = view == 0 ? POLISI_MARK_DELETED : POLISI_MARK_INSERTED;
      guint m = 0;

      g_string_truncate (text, 0);
      for (gsize i = 0; i < length; i++)
        {
          const PolisiTextMark *mark = NULL;

          while (para->marks != NULL && m < para->marks->len &&
                 g_array_index (para->marks, PolisiTextMark, m).end <= i)
            m++;
          if (para->marks != NULL && m < para->marks->len)
            mark = &g_array_index (para->marks, PolisiTextMark, m);
          if (mark != NULL && mark->start <= i && mark->kind == left_out)
            continue;
          map[text->len] = (guint) i;
          g_string_append_c (text, para->text[i]);
        }
      mark_view (text->str, map, kept, view == 0 ? POLISI_KEPT_NEW : POLISI_KEPT_OLD);
    }
  return kept;
}

/**
 * polisi_export_keep_fragment:
 * @text: a paragraph's text
 * @kept: what polisi_export_find_kept_spaces() found in it
 * @start: (in bytes)
 * @end:
 * @view: the version the fragment is written for
 *
 * Returns: (transfer full): @text from @start to @end, its unbreakable
 *   spaces in @view as no-break spaces (U+00A0)
 */
char *
polisi_export_keep_fragment (const char     *text,
                             const guint8   *kept,
                             gsize           start,
                             gsize           end,
                             PolisiKeptSpace view)
{
  GString *out = g_string_sized_new (end - start + 8);

  for (gsize i = start; i < end; i++)
    {
      if (text[i] == ' ' && (kept[i] & view) != 0)
        g_string_append (out, "\xc2\xa0");
      else
        g_string_append_c (out, text[i]);
    }
  return g_string_free (out, FALSE);
}

static char *
numbers_key (const char *block_id,
             PolisiLang  lang,
             int         para)
{
  return g_strdup_printf ("%s|%d|%d", block_id, (int) lang, para);
}

/**
 * polisi_export_collect_line_numbers:
 * @layout: a paginated layout of a consultation draft
 *
 * Returns: (transfer full): the numbers @layout gives the lines of each
 *   paragraph, for polisi_export_lookup_line_numbers()
 */
GHashTable *
polisi_export_collect_line_numbers (PolisiPageLayout *layout)
{
  GArray *lines = polisi_page_layout_get_numbered_lines (layout);
  GHashTable *numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);

  for (guint i = 0; i < lines->len; i++)
    {
      const PolisiNumberedLine *line = &g_array_index (lines, PolisiNumberedLine, i);
      g_autofree char *key = NULL;
      GArray *list;

      if (line->block_id == NULL)
        continue;
      key = numbers_key (line->block_id, line->lang, line->para);
      list = g_hash_table_lookup (numbers, key);
      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (numbers, g_steal_pointer (&key), list);
        }
      g_array_append_val (list, line->number);
    }
  return numbers;
}

/**
 * polisi_export_lookup_line_numbers:
 * @block_id: (nullable): a heading's, clause's or paragraph's id
 * @para: the paragraph's index among the block's paragraphs in @lang, or
 *   -1 for a heading
 *
 * Returns: (transfer none) (nullable) (element-type guint): the numbers of
 *   the paragraph's lines, in order; %NULL when none is numbered
 */
GArray *
polisi_export_lookup_line_numbers (GHashTable *numbers,
                                   const char *block_id,
                                   PolisiLang  lang,
                                   int         para)
{
  g_autofree char *key = NULL;

  if (numbers == NULL || block_id == NULL)
    return NULL;
  key = numbers_key (block_id, lang, para);
  return g_hash_table_lookup (numbers, key);
}

/* Liberation Sans's line at 10 pt in LibreOffice, Word and Pango alike;
 * in the PDF, a paragraph's last line is only as tall as its letters, and
 * a list item has 3 pt after it */
#define FONT_LINE      11.49
#define PDF_LAST_LINE  11.2
#define PDF_ITEM_SPACE 3.0

/**
 * polisi_export_item_line_height:
 * @lines: a list item's lines in Polisi's layout (at least 1)
 *
 * In LibreOffice and Word every line of a paragraph is as tall, the last
 * too, where the PDF's last line is shorter; a paragraph makes that up in
 * the space below it (POLISI_EXPORT_PARA_SPACE), but a list item has less
 * space after it than that. So an item has a line height of its own,
 * which makes it as tall as in the PDF, its space after it included.
 *
 * Returns: the proportional line height, in whole percents
 */
guint
polisi_export_item_line_height (guint lines)
{
  double line = FONT_LINE * POLISI_EXPORT_LINE_HEIGHT / 100;
  double height;

  g_return_val_if_fail (lines > 0, POLISI_EXPORT_LINE_HEIGHT);
  height = line * (lines - 1) + PDF_LAST_LINE + PDF_ITEM_SPACE;
  return (guint) round (100 * height / (lines * FONT_LINE));
}

/**
 * polisi_export_item_lines:
 * @block_id: (nullable): the item's block
 * @para: its index among the block's paragraphs in @lang
 *
 * Returns: the item's lines in Polisi's layout, at most
 *   POLISI_EXPORT_ITEM_LINES (whose line height serves longer ones), or 0
 *   when the layout does not have it
 */
guint
polisi_export_item_lines (PolisiPageLayout *layout,
                          const char       *block_id,
                          PolisiLang        lang,
                          guint             para)
{
  return MIN (polisi_page_layout_get_n_lines (layout, block_id, lang, para), POLISI_EXPORT_ITEM_LINES);
}

/**
 * polisi_export_heading_page:
 * @block: the heading's index in the document
 *
 * Returns: the page (from 1) Polisi's own layout puts the heading @block
 *   of @lang on, the page a contents list gives; 0 when it has none
 */
guint
polisi_export_heading_page (PolisiPageLayout *layout,
                            guint             block,
                            PolisiLang        lang)
{
  guint n = polisi_page_layout_get_n_headings (layout);
  guint shared = 0;

  for (guint i = 0; i < n; i++)
    {
      const PolisiPageHeading *heading = polisi_page_layout_get_heading (layout, i);

      if (heading->block != block)
        continue;
      if (heading->lang == lang)
        return heading->page + 1;
      /* parallel columns: one heading row for both languages, recorded
       * in the first (back to back, each language's part has its own) */
      if (shared == 0)
        shared = heading->page + 1;
    }
  return shared;
}

/**
 * polisi_export_list_keywords:
 *
 * Returns: (transfer full) (element-type utf8): the keywords of each of
 *   @langs, each once, in order, for a document's properties
 */
GPtrArray *
polisi_export_list_keywords (PolisiDocument   *document,
                             const PolisiLang *langs,
                             guint             n_langs)
{
  GPtrArray *keywords = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_langs; i++)
    {
      const char *value = polisi_document_get_keywords (document, langs[i]);
      g_auto(GStrv) words = g_strsplit (value != NULL ? value : "", ",", -1);

      for (guint k = 0; words[k] != NULL; k++)
        {
          char *word = g_strstrip (words[k]);

          if (word[0] != '\0' && !g_ptr_array_find_with_equal_func (keywords, word, g_str_equal, NULL))
            g_ptr_array_add (keywords, g_strdup (word));
        }
    }
  return keywords;
}

/**
 * polisi_export_block_breaks_change:
 * @block: a block of a comparison
 *
 * Whether a paragraph break of @block, in either language, is inserted or
 * deleted: in parallel columns with tracked changes such a block is one
 * row, so that accepting or rejecting the change joins its paragraphs (no
 * row of a table can join the next).
 */
gboolean
polisi_export_block_breaks_change (PolisiBlock *block)
{
  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    for (guint p = 0; block->paras[lang] != NULL && p < block->paras[lang]->len; p++)
      {
        const PolisiTextBlock *para = block->paras[lang]->pdata[p];

        if (para->break_inserted)
          return TRUE;
        for (guint m = 0; para->marks != NULL && m < para->marks->len; m++)
          {
            const PolisiTextMark *mark = &g_array_index (para->marks, PolisiTextMark, m);

            if (mark->kind == POLISI_MARK_DELETED && memchr (para->text + mark->start, '\n', mark->end - mark->start) != NULL)
              return TRUE;
          }
      }
  return FALSE;
}
