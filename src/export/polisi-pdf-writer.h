/* polisi-pdf-writer.h: tagged PDF (PDF/UA-1), written directly
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "polisi-canvas.h"

G_BEGIN_DECLS

typedef struct _PolisiPdfWriter PolisiPdfWriter;

typedef enum {
  POLISI_PDF_INFO_TITLE,
  POLISI_PDF_INFO_AUTHOR,
  POLISI_PDF_INFO_SUBJECT,
  POLISI_PDF_INFO_KEYWORDS,
  POLISI_PDF_INFO_CREATION_DATE,   /* "2026-12-05" */
  POLISI_PDF_INFO_MOD_DATE,
  POLISI_PDF_N_INFO
} PolisiPdfInfo;

PolisiPdfWriter *polisi_pdf_writer_new         (double           page_width,
                                                double           page_height,
                                                PolisiLang       lang);
void             polisi_pdf_writer_free        (PolisiPdfWriter *writer);
void             polisi_pdf_writer_set_info    (PolisiPdfWriter *writer,
                                                PolisiPdfInfo    key,
                                                const char      *value);
PolisiCanvas    *polisi_pdf_writer_begin_page  (PolisiPdfWriter *writer);
void             polisi_pdf_writer_end_page    (PolisiPdfWriter *writer);
int              polisi_pdf_writer_add_outline (PolisiPdfWriter *writer,
                                                int              parent,
                                                const char      *title,
                                                const char      *dest,
                                                gboolean         open);
GBytes          *polisi_pdf_writer_finish      (PolisiPdfWriter *writer,
                                                GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PolisiPdfWriter, polisi_pdf_writer_free)

G_END_DECLS
