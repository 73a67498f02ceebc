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

guint       polisi_export_heading_page         (PolisiPageLayout *layout,
                                                guint             block,
                                                PolisiLang        lang);
GPtrArray  *polisi_export_list_keywords        (PolisiDocument   *document,
                                                const PolisiLang *langs,
                                                guint             n_langs);

G_END_DECLS
