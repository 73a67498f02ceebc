/* polisi-xml-out.h: elements with their attributes, for the writers
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gsf/gsf-libxml.h>

#include "polisi-page-layout.h"
#include "polisi-text.h"

G_BEGIN_DECLS

void polisi_xml_out_element (GsfXMLOut  *xml,
                             const char *element,
                             const char *first_name,
                             ...) G_GNUC_NULL_TERMINATED;
void polisi_xml_out_start   (GsfXMLOut  *xml,
                             const char *element,
                             const char *first_name,
                             ...) G_GNUC_NULL_TERMINATED;

/* What polisi_export_find_kept_spaces() says of a byte of a paragraph. */
typedef enum {
  POLISI_KEPT_NEW = 1 << 0,   /* a no-break space in the text the new version keeps */
  POLISI_KEPT_OLD = 1 << 1,   /* a no-break space in the old version's text */
} PolisiKeptSpace;

guint8 *polisi_export_find_kept_spaces (const PolisiTextBlock *para);
char   *polisi_export_keep_fragment    (const char            *text,
                                        const guint8          *kept,
                                        gsize                  start,
                                        gsize                  end,
                                        PolisiKeptSpace        view);

GHashTable *polisi_export_collect_line_numbers (PolisiPageLayout *layout);
GArray     *polisi_export_lookup_line_numbers  (GHashTable       *numbers,
                                                const char       *block_id,
                                                PolisiLang        lang,
                                                int               para);

/* The PDF's line and paragraph spacing, as the editable formats give it
 * in LibreOffice and Word, whose line is 1.149 times the size of
 * Liberation Sans (its ascent, descent and line gap) as Pango's is; the
 * PDF's lines are 130% of it. */
#define POLISI_EXPORT_LINE_HEIGHT 130      /* percent */
#define POLISI_EXPORT_PARA_SPACE  3.2      /* pt below a paragraph (the PDF's 7 pt less its
                                            * shorter last line) */
#define POLISI_EXPORT_BLOCK_SPACE 8.0      /* pt more below a clause's last paragraph */
#define POLISI_EXPORT_ITEM_LINES  4        /* the line heights of items of up to so many lines */

guint       polisi_export_item_line_height     (guint             lines);
guint       polisi_export_item_lines           (PolisiPageLayout *layout,
                                                const char       *block_id,
                                                PolisiLang        lang,
                                                guint             para);

guint       polisi_export_heading_page         (PolisiPageLayout *layout,
                                                guint             block,
                                                PolisiLang        lang);
gboolean    polisi_export_block_breaks_change  (PolisiBlock      *block);
GPtrArray  *polisi_export_list_keywords        (PolisiDocument   *document,
                                                const PolisiLang *langs,
                                                guint             n_langs);

G_END_DECLS
