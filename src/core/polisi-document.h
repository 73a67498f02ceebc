/* polisi-document.h: the document tree, ready to render
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "polisi-text.h"
#include "polisi-types.h"

G_BEGIN_DECLS

typedef enum {
  POLISI_BLOCK_HEADING,    /* a section: number and title */
  POLISI_BLOCK_CLAUSE,     /* a numbered clause: paragraphs and list items */
  POLISI_BLOCK_PARAGRAPH,  /* unnumbered text */
  POLISI_BLOCK_TABLE,      /* a table; the first row is the header */
} PolisiBlockKind;

/* In a document that compares two versions: a block (or a table row)
 * that only the new version has, or only the old one. */
typedef enum {
  POLISI_CHANGE_NONE,
  POLISI_CHANGE_INSERTED,
  POLISI_CHANGE_DELETED,
} PolisiChange;

/* One unit of the document, in both languages. Each language's content is
 * complete on its own, so a layout can show one language, or both side by
 * side with one level row per block. */
typedef struct {
  PolisiBlockKind  kind;
  char            *id;                      /* section or clause id, or NULL */
  char            *number;                  /* "3", "3.2", "A", "A.1", or NULL */
  gboolean         appendix;
  GPtrArray       *paras[POLISI_N_LANGS];   /* PolisiTextBlock */
  guint            n_columns;               /* tables */
  GPtrArray       *cells[POLISI_N_LANGS];   /* row-major strings, tables */
  /* Comparisons only: the whole block is new or gone (its paragraphs are
   * then marked too), and for tables, per row, a PolisiChange (NULL: none). */
  PolisiChange     change;
  GArray          *row_changes;             /* PolisiChange, per row */
  /* Tables: the least share of the width each column takes (0 to 1), or
   * NULL; for a table to be written in, whose cells are empty. */
  GArray          *column_shares;           /* double, per column */
  /* Tracked comparisons only: the number the block had in the earlier
   * version, when it differs from @number (a clause moved up or down by
   * one added or removed before it), or NULL. */
  char            *old_number;
  /* Tables: a column whose cells may be in a language of their own (a
   * comment as written), or -1; and per row that cell's language, or -1
   * for the table's. */
  int              lang_column;
  GArray          *row_langs;               /* int, per row */
} PolisiBlock;

#define POLISI_TYPE_DOCUMENT (polisi_document_get_type ())

G_DECLARE_FINAL_TYPE (PolisiDocument, polisi_document, POLISI, DOCUMENT, GObject)

PolisiDocument *polisi_document_new              (void);

/* The document's front matter, per language. */
const char     *polisi_document_get_title        (PolisiDocument *self,
                                                  PolisiLang      lang);
const char     *polisi_document_get_organisation (PolisiDocument *self,
                                                  PolisiLang      lang);
const char     *polisi_document_get_subject      (PolisiDocument *self,
                                                  PolisiLang      lang);
const char     *polisi_document_get_keywords     (PolisiDocument *self,
                                                  PolisiLang      lang);
const char     *polisi_document_get_status_text  (PolisiDocument *self,
                                                  PolisiLang      lang);
const char     *polisi_document_get_date_text    (PolisiDocument *self,
                                                  PolisiLang      lang);
const char     *polisi_document_get_review_text  (PolisiDocument *self,
                                                  PolisiLang      lang);
const char     *polisi_document_get_closing_text (PolisiDocument *self,
                                                  PolisiLang      lang);
const char     *polisi_document_get_watermark    (PolisiDocument *self,
                                                  PolisiLang      lang);
const char     *polisi_document_get_comments_fixed (PolisiDocument *self,
                                                    PolisiLang      lang);
const char     *polisi_document_get_version      (PolisiDocument *self);
PolisiStatus    polisi_document_get_status       (PolisiDocument *self);
const char     *polisi_document_get_date_iso     (PolisiDocument *self);
const char     *polisi_document_get_created_iso  (PolisiDocument *self);
gboolean        polisi_document_get_line_numbers (PolisiDocument *self);
PolisiNation    polisi_document_get_nation       (PolisiDocument *self);

void            polisi_document_set_text         (PolisiDocument *self,
                                                  const char     *field,
                                                  PolisiLang      lang,
                                                  const char     *text);
void            polisi_document_set_version      (PolisiDocument *self,
                                                  const char     *version);
const char     *polisi_document_get_policy_uid   (PolisiDocument *self);
void            polisi_document_set_policy_uid   (PolisiDocument *self,
                                                  const char     *uid);
void            polisi_document_set_status       (PolisiDocument *self,
                                                  PolisiStatus    status);
void            polisi_document_set_dates        (PolisiDocument *self,
                                                  const char     *created_iso,
                                                  const char     *date_iso);
void            polisi_document_set_line_numbers (PolisiDocument *self,
                                                  gboolean        line_numbers);
void            polisi_document_set_nation       (PolisiDocument *self,
                                                  PolisiNation    nation);

guint           polisi_document_get_n_blocks     (PolisiDocument *self);
PolisiBlock    *polisi_document_get_block        (PolisiDocument *self,
                                                  guint           index);
PolisiBlock    *polisi_document_add_block        (PolisiDocument *self,
                                                  PolisiBlockKind kind,
                                                  const char     *id,
                                                  const char     *number);
PolisiBlock    *polisi_document_insert_block     (PolisiDocument *self,
                                                  guint           index,
                                                  PolisiBlockKind kind,
                                                  const char     *id,
                                                  const char     *number);
int             polisi_document_find_block       (PolisiDocument *self,
                                                  PolisiBlockKind kind,
                                                  const char     *id);
gboolean        polisi_document_has_changes      (PolisiDocument *self);
void            polisi_block_set_text            (PolisiBlock    *block,
                                                  PolisiLang      lang,
                                                  const char     *markup);
void            polisi_block_take_paras          (PolisiBlock    *block,
                                                  PolisiLang      lang,
                                                  GPtrArray      *paras);
char           *polisi_block_get_markup          (PolisiBlock    *block,
                                                  PolisiLang      lang);
void            polisi_block_set_row_change      (PolisiBlock    *block,
                                                  guint           row,
                                                  PolisiChange    change);
PolisiChange    polisi_block_get_row_change      (PolisiBlock    *block,
                                                  guint           row);
void            polisi_block_add_row             (PolisiBlock    *block,
                                                  PolisiLang      lang,
                                                  const char * const *cells);
guint           polisi_block_get_n_rows          (PolisiBlock    *block);
void            polisi_block_set_cell_lang       (PolisiBlock    *block,
                                                  guint           row,
                                                  guint           column,
                                                  int             lang);
int             polisi_block_get_cell_lang       (PolisiBlock    *block,
                                                  guint           row,
                                                  guint           column);
void            polisi_block_set_column_shares   (PolisiBlock      *block,
                                                  const double     *shares,
                                                  guint             n_shares);
void            polisi_block_get_column_widths   (PolisiBlock      *block,
                                                  const PolisiLang *langs,
                                                  guint             n_langs,
                                                  double            available,
                                                  double            padding,
                                                  double           *widths);
const char     *polisi_block_get_cell            (PolisiBlock    *block,
                                                  PolisiLang      lang,
                                                  guint           row,
                                                  guint           column);
const char     *polisi_block_get_heading_text    (PolisiBlock    *block,
                                                  PolisiLang      lang);

G_END_DECLS
