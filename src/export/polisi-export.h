/* polisi-export.h: what every writer shares
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "polisi-document.h"
#include "polisi-library.h"
#include "polisi-policy.h"
#include "polisi-types.h"
#include "polisi-export-options.h"
#include "polisi-docx.h"
#include "polisi-html.h"
#include "polisi-odt.h"
#include "polisi-pdf.h"

G_BEGIN_DECLS

/* The formats Polisi writes. What differs between them (name, file
 * extension, whether the reader can edit and comment) has one home: the
 * table in polisi-export.c, read through the functions below. */
typedef enum {
  POLISI_FORMAT_ODT,
  POLISI_FORMAT_PDF,
  POLISI_FORMAT_DOCX,
  POLISI_FORMAT_HTML,
  N_POLISI_FORMATS
} PolisiFormat;

const char *polisi_format_get_name           (PolisiFormat  format);
const char *polisi_format_get_extension      (PolisiFormat  format);
const char *polisi_format_get_description    (PolisiFormat  format);
gboolean    polisi_format_is_editable        (PolisiFormat  format);
PolisiLayout polisi_format_get_layout        (PolisiFormat  format,
                                              PolisiLayout  layout);
gboolean    polisi_format_from_name          (const char   *name,
                                              PolisiFormat *format);
char       *polisi_format_list_names         (const char   *separator);
char       *polisi_format_replace_extension  (const char   *path,
                                              const char   *old_suffix,
                                              const char   *insert,
                                              PolisiFormat  format);

/* Fixed words of the output, in each language. */
typedef enum {
  POLISI_TERM_CONTENTS,         /* "Cynnwys" / "Contents" */
  POLISI_TERM_PAGE_X_OF_Y,      /* "Tudalen %s o %s" / "Page %s of %s" (X, Y) */
  POLISI_TERM_VERSION,          /* "Fersiwn" / "Version" */
  POLISI_TERM_REVIEW_DATE,      /* "Dyddiad adolygu" / "Review date" */
  POLISI_TERM_CLOSING_DATE,     /* "Dyddiad cau ar gyfer sylwadau" / "Closing date for comments" */
  POLISI_TERM_DATE,             /* "Dyddiad" / "Date" */
  POLISI_TERM_LANGUAGE_NAME,    /* "Cymraeg" / "English" */
  POLISI_TERM_DELETED,          /* "wedi’i ddileu" / "deleted": a comparison's deleted words */
  POLISI_TERM_INSERTED,         /* "wedi’i ychwanegu" / "inserted" */
  POLISI_TERM_PAGE,             /* "tudalen" / "page" */
  N_POLISI_TERMS
} PolisiTerm;

const char *polisi_export_term               (PolisiTerm                 term,
                                              PolisiLang                 lang);
char       *polisi_export_page_x_of_y        (PolisiLang                 lang,
                                              guint                      page,
                                              guint                      n_pages);
char       *polisi_export_availability_note  (PolisiDocument            *document,
                                              const PolisiExportOptions *options,
                                              PolisiLang                 lang);
char       *polisi_export_version_line       (PolisiDocument            *document,
                                              PolisiLang                 lang);
char       *polisi_export_heading_label      (PolisiBlock               *block,
                                              PolisiLang                 lang);
char       *polisi_export_contents_label     (PolisiBlock               *block,
                                              PolisiLang                 lang);
GArray     *polisi_export_find_links         (const char                *text);

void        polisi_export_prepare            (void);
GBytes     *polisi_export_to_bytes           (PolisiDocument            *document,
                                              PolisiFormat               format,
                                              const PolisiExportOptions *options,
                                              GError                   **error);
gboolean    polisi_export_to_file            (PolisiDocument            *document,
                                              PolisiFormat               format,
                                              const PolisiExportOptions *options,
                                              GFile                     *file,
                                              GError                   **error);
char       *polisi_export_path_with_language (const char                *path,
                                              PolisiLang                 lang);
gboolean    polisi_export_to_separate_files  (PolisiDocument            *document,
                                              PolisiFormat               format,
                                              const PolisiExportOptions *options,
                                              GFile                     *file,
                                              GFile                    **written,
                                              GError                   **error);

/* A link found in text: bytes [start, end) are the address. */
typedef struct {
  gsize start;
  gsize end;
} PolisiLinkSpan;

G_END_DECLS
