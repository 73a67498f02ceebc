/* polisi-pdf.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDF writer draws the pages of the page layout on a cairo PDF surface
 * that writes to memory, adds the document's metadata and an outline entry
 * per section, and returns the bytes. The page drawing itself, structure
 * tags, destinations and links included, is the page layout's, shared with
 * printing and the preview.
 */
#include "config.h"

#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "polisi-error.h"
#include "polisi-page-layout.h"
#include "polisi-export.h"
#include "polisi-pdf.h"
#include "polisi-pdf-finish.h"

static cairo_status_t
write_to_array (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Returns the title, for the XMP metadata. */
static char *
set_metadata (cairo_surface_t           *surface,
              PolisiDocument            *document,
              const PolisiExportOptions *options)
{
  PolisiLang langs[POLISI_N_LANGS];
  guint n_langs = polisi_export_get_languages (options, langs);
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) author = g_string_new (NULL);
  g_autoptr(GString) subject = g_string_new (NULL);
  g_autoptr(GString) keywords = g_string_new (NULL);
  g_autofree char *created = g_strdup_printf ("%sT00:00:00", polisi_document_get_created_iso (document));
  g_autofree char *date = g_strdup_printf ("%sT00:00:00", polisi_document_get_date_iso (document));

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

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title->str);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author->str);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject->str);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, keywords->str);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Polisi " PACKAGE_VERSION);
  if (polisi_document_get_created_iso (document) != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
  if (polisi_document_get_date_iso (document) != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);

  return g_string_free (g_steal_pointer (&title), FALSE);
}

/* One outline entry per section; back to back, one branch per language. */
static void
add_outline (cairo_surface_t  *surface,
             PolisiPageLayout *layout,
             gboolean          sequential)
{
  int parents[2] = { CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT };

  for (guint i = 0; i < polisi_page_layout_get_n_headings (layout); i++)
    {
      const PolisiPageHeading *heading = polisi_page_layout_get_heading (layout, i);
      g_autofree char *link = g_strdup_printf ("dest='%s'", heading->dest);
      int parent = CAIRO_PDF_OUTLINE_ROOT;

      if (sequential)
        {
          if (parents[heading->part] == CAIRO_PDF_OUTLINE_ROOT)
            parents[heading->part] = cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT,
                                                                    polisi_export_term (POLISI_TERM_LANGUAGE_NAME, heading->lang),
                                                                    link, CAIRO_PDF_OUTLINE_FLAG_OPEN);
          parent = parents[heading->part];
        }
      cairo_pdf_surface_add_outline (surface, parent, heading->label, link, 0);
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
  PolisiDocument *document;
  const PolisiExportOptions *options;
  g_autoptr(GByteArray) array = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GArray) structure = g_array_new (FALSE, FALSE, sizeof (PolisiStructureEntry));
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (POLISI_IS_PAGE_LAYOUT (layout), NULL);

  document = polisi_page_layout_get_document (layout);
  options = polisi_page_layout_get_options (layout);
  polisi_page_layout_paginate (layout);

  surface = cairo_pdf_surface_create_for_stream (write_to_array, array,
                                                 polisi_page_layout_get_page_width (layout),
                                                 polisi_page_layout_get_page_height (layout));
  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_5);
  g_array_set_clear_func (structure, polisi_structure_entry_clear);
  title = set_metadata (surface, document, options);

  cr = cairo_create (surface);
  polisi_page_layout_set_structure_log (layout, structure);
  for (guint page = 0; page < polisi_page_layout_get_n_pages (layout); page++)
    {
      polisi_page_layout_draw_page (layout, cr, page);
      cairo_show_page (cr);
    }
  polisi_page_layout_set_structure_log (layout, NULL);
  add_outline (surface, layout, options->layout == POLISI_LAYOUT_SEQUENTIAL);

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_FAILED,
                   _("The PDF could not be made: %s"), cairo_status_to_string (status));
      return NULL;
    }

  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&array));
  return polisi_pdf_finish (bytes, structure, polisi_page_layout_get_first_language (layout), title);
}
