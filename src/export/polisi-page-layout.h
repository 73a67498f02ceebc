/* polisi-page-layout.h: the pages of a document, for PDF, print and preview
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>
#include <pango/pango.h>

#include "polisi-canvas.h"
#include "polisi-document.h"
#include "polisi-export-options.h"

G_BEGIN_DECLS

#define POLISI_A4_WIDTH  595.2756   /* points */
#define POLISI_A4_HEIGHT 841.8898

/* A section heading and where it landed, for outlines and contents. */
typedef struct {
  const char *label;     /* as shown, "3  Diogelu" */
  const char *dest;      /* the PDF destination name */
  PolisiLang  lang;
  int         part;      /* 0, or 1 for the second language of back to back */
  guint       page;      /* 0-based */
  guint       block;     /* the heading block's index in the document */
} PolisiPageHeading;

/* A numbered line of a consultation draft (see
 * polisi_page_layout_get_numbered_lines()). */
typedef struct {
  guint       number;    /* from 1 */
  guint       page;      /* 0-based */
  PolisiLang  lang;
  const char *block_id;  /* the clause's or section's id */
  int         para;      /* among the block's paragraphs in @lang; -1: its heading */
  guint       start;     /* byte range of the line in that paragraph's text */
  guint       end;
} PolisiNumberedLine;

#define POLISI_TYPE_PAGE_LAYOUT (polisi_page_layout_get_type ())

G_DECLARE_FINAL_TYPE (PolisiPageLayout, polisi_page_layout, POLISI, PAGE_LAYOUT, GObject)

PolisiPageLayout *polisi_page_layout_new             (PolisiDocument            *document,
                                                      const PolisiExportOptions *options);
void              polisi_page_layout_set_page_size   (PolisiPageLayout          *self,
                                                      double                     width,
                                                      double                     height);
void              polisi_page_layout_paginate        (PolisiPageLayout          *self);
guint             polisi_page_layout_get_n_pages     (PolisiPageLayout          *self);
guint             polisi_page_layout_get_header_n_lines (PolisiPageLayout       *self,
                                                         PolisiLang              lang);
double            polisi_page_layout_get_header_size (PolisiPageLayout          *self,
                                                      PolisiLang                 lang);
double            polisi_page_layout_get_page_width  (PolisiPageLayout          *self);
double            polisi_page_layout_get_page_height (PolisiPageLayout          *self);
void              polisi_page_layout_draw_page       (PolisiPageLayout          *self,
                                                      cairo_t                   *cr,
                                                      guint                      page);
void              polisi_page_layout_draw_page_on    (PolisiPageLayout          *self,
                                                      PolisiCanvas              *canvas,
                                                      guint                      page);
guint             polisi_page_layout_get_n_headings  (PolisiPageLayout          *self);
const PolisiPageHeading *polisi_page_layout_get_heading (PolisiPageLayout       *self,
                                                         guint                   index);
int               polisi_page_layout_find_block_page (PolisiPageLayout          *self,
                                                      const char                *block_id);
PolisiDocument   *polisi_page_layout_get_document    (PolisiPageLayout          *self);
const PolisiExportOptions *polisi_page_layout_get_options (PolisiPageLayout     *self);
PolisiLang        polisi_page_layout_get_first_language (PolisiPageLayout       *self);
GArray           *polisi_page_layout_get_numbered_lines (PolisiPageLayout    *self);
guint             polisi_page_layout_get_n_lines     (PolisiPageLayout          *self,
                                                      const char                *block_id,
                                                      PolisiLang                 lang,
                                                      guint                      para);
guint             polisi_page_layout_count_pairs     (PolisiBlock               *block,
                                                      PolisiLang                 first,
                                                      PolisiLang                 second);
PangoContext     *polisi_page_layout_new_pango_context (PangoFontMap         *font_map);
GPtrArray        *polisi_page_layout_describe        (PolisiPageLayout          *self);
void              polisi_page_layout_set_parallel    (PolisiPageLayout          *self,
                                                      gboolean                   parallel);
void              polisi_page_layout_set_by_words    (PolisiPageLayout          *self,
                                                      gboolean                   by_words);
guint             polisi_page_layout_count_by_words  (PolisiPageLayout          *self,
                                                      guint                     *n_paragraphs);
guint             polisi_page_layout_get_n_threads_used (PolisiPageLayout       *self);
guint             polisi_page_layout_get_page_signature (PolisiPageLayout       *self,
                                                         guint                   page);

G_END_DECLS
