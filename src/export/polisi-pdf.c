/* polisi-pdf.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDF export draws the pages of the page layout on the PDF writer's
 * canvas (polisi-pdf-writer.c), adds the document's metadata and an
 * outline entry per section, and returns the bytes. The page drawing
 * itself, structure, destinations and links included, is the page
 * layout's, shared with printing and the preview.
 */
#include "config.h"

#include <string.h>

#include "polisi-page-layout.h"
#include "polisi-export.h"
#include "polisi-pdf.h"
#include "polisi-pdf-writer.h"

static void
set_metadata (PolisiPdfWriter           *writer,
              PolisiDocument            *document,
              const PolisiExportOptions *options)
{
  PolisiLang langs[POLISI_N_LANGS];
  guint n_langs = polisi_export_get_languages (options, langs);
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) author = g_string_new (NULL);
  g_autoptr(GString) subject = g_string_new (NULL);
  g_autoptr(GString) keywords = g_string_new (NULL);

  for (guint i = 0; i < n_langs; i++)
    {
      const char *separator = i > 0 ? " / " : "";
      const char *organisation = polisi_document_get_organisation (document, langs[i]);

      g_string_append_printf (title, "%s%s", separator, polisi_document_get_title (document, langs[i]));
      if (organisation != NULL && organisation[0] != '\0' && strstr (author->str, organisation) == NULL)
        g_string_append_printf (author, "%s%s", author->len > 0 ? " / " : "", organisation);
      g_string_append_printf (subject, "%s%s", separator, polisi_document_get_subject (document, langs[i]));
      g_string_append_printf (keywords, "%s%s", i > 0 ? ", " : "", polisi_document_get_keywords (document, langs[i]));
    }

  polisi_pdf_writer_set_info (writer, POLISI_PDF_INFO_TITLE, title->str);
  polisi_pdf_writer_set_info (writer, POLISI_PDF_INFO_AUTHOR, author->str);
  polisi_pdf_writer_set_info (writer, POLISI_PDF_INFO_SUBJECT, subject->str);
  polisi_pdf_writer_set_info (writer, POLISI_PDF_INFO_KEYWORDS, keywords->str);
  polisi_pdf_writer_set_info (writer, POLISI_PDF_INFO_CREATION_DATE, polisi_document_get_created_iso (document));
  polisi_pdf_writer_set_info (writer, POLISI_PDF_INFO_MOD_DATE, polisi_document_get_date_iso (document));
}

/* One outline entry per section; back to back, one branch per language. */
static void
add_outline (PolisiPdfWriter  *writer,
             PolisiPageLayout *layout,
             gboolean          sequential)
{
  int parents[2] = { -1, -1 };

  for (guint i = 0; i < polisi_page_layout_get_n_headings (layout); i++)
    {
      const PolisiPageHeading *heading = polisi_page_layout_get_heading (layout, i);
      int parent = -1;

      if (sequential)
        {
          if (parents[heading->part] < 0)
            parents[heading->part] = polisi_pdf_writer_add_outline (writer, -1,
                                                                    polisi_export_term (POLISI_TERM_LANGUAGE_NAME, heading->lang),
                                                                    heading->dest, TRUE);
          parent = parents[heading->part];
        }
      polisi_pdf_writer_add_outline (writer, parent, heading->label, heading->dest, FALSE);
    }
}

/**
 * polisi_pdf_write:
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set
 */
GBytes *
polisi_pdf_write (PolisiDocument            *document,
                  const PolisiExportOptions *options,
                  GError                   **error)
{
  g_autoptr(PolisiPageLayout) layout = NULL;

  g_return_val_if_fail (POLISI_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  layout = polisi_page_layout_new (document, options);
  return polisi_pdf_write_layout (layout, error);
}

/**
 * polisi_pdf_write_layout:
 * @layout: the pages (paginated here if they are not yet)
 *
 * Returns: (transfer full): the PDF of @layout's document, or %NULL with
 *   @error set
 */
GBytes *
polisi_pdf_write_layout (PolisiPageLayout  *layout,
                         GError           **error)
{
  g_autoptr(PolisiPdfWriter) writer = NULL;

  g_return_val_if_fail (POLISI_IS_PAGE_LAYOUT (layout), NULL);

  polisi_page_layout_paginate (layout);
  writer = polisi_pdf_writer_new (polisi_page_layout_get_page_width (layout),
                                  polisi_page_layout_get_page_height (layout),
                                  polisi_page_layout_get_first_language (layout));
  set_metadata (writer, polisi_page_layout_get_document (layout), polisi_page_layout_get_options (layout));
  for (guint page = 0; page < polisi_page_layout_get_n_pages (layout); page++)
    {
      polisi_page_layout_draw_page_on (layout, polisi_pdf_writer_begin_page (writer), page);
      polisi_pdf_writer_end_page (writer);
    }
  add_outline (writer, layout, polisi_page_layout_get_options (layout)->layout == POLISI_LAYOUT_SEQUENTIAL);
  return polisi_pdf_writer_finish (writer, error);
}
