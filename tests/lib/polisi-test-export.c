/* polisi-test-export.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "polisi-text.h"
#include "polisi-test-export.h"

/**
 * polisi_test_add_block_texts:
 * @texts: where to add them (strings, freed with g_free)
 *
 * Adds every text the blocks of @document show in @lang, as a reader of
 * an export finds them: each heading's label, each paragraph of a clause
 * or paragraph block (a clause's first one as "number text"), each line of
 * each table cell.
 */
void
polisi_test_add_block_texts (PolisiDocument *document,
                             PolisiLang      lang,
                             GPtrArray      *texts)
{
  for (guint i = 0; i < polisi_document_get_n_blocks (document); i++)
    {
      PolisiBlock *block = polisi_document_get_block (document, i);

      switch (block->kind)
        {
        case POLISI_BLOCK_HEADING:
          g_ptr_array_add (texts, polisi_export_heading_label (block, lang));
          break;

        case POLISI_BLOCK_CLAUSE:
        case POLISI_BLOCK_PARAGRAPH:
          for (guint p = 0; p < block->paras[lang]->len; p++)
            {
              PolisiTextBlock *para = block->paras[lang]->pdata[p];

              if (p == 0 && block->kind == POLISI_BLOCK_CLAUSE && !para->item)
                g_ptr_array_add (texts, g_strdup_printf ("%s %s", block->number, para->text));
              else
                g_ptr_array_add (texts, g_strdup (para->text));
            }
          break;

        case POLISI_BLOCK_TABLE:
          for (guint row = 0; row < polisi_block_get_n_rows (block); row++)
            for (guint column = 0; column < block->n_columns; column++)
              {
                g_autoptr(GPtrArray) lines = polisi_text_parse_blocks (polisi_block_get_cell (block, lang, row, column));

                for (guint l = 0; l < lines->len; l++)
                  g_ptr_array_add (texts, g_strdup (((PolisiTextBlock *) lines->pdata[l])->text));
              }
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

/* Whether an export made with @options shows @lang. */
gboolean
polisi_test_options_show (const PolisiExportOptions *options,
                          PolisiLang                 lang)
{
  PolisiLang langs[POLISI_N_LANGS];
  guint n_langs = polisi_export_get_languages (options, langs);

  for (guint i = 0; i < n_langs; i++)
    if (langs[i] == lang)
      return TRUE;
  return FALSE;
}
