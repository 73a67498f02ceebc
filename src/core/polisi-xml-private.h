/* polisi-xml-private.h: reading untrusted XML safely, and small helpers
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* A year of policy work is a few hundred kilobytes; a library about the
 * same. Anything much larger is not ours. */
#define POLISI_XML_MAX_SIZE (16 * 1024 * 1024)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

void      polisi_core_ensure_resources (void);
void      polisi_xml_init           (void);

GBytes   *polisi_xml_load_file      (GFile        *file,
                                     gsize         max_size,
                                     GError      **error);
xmlDoc   *polisi_xml_parse          (GBytes       *bytes,
                                     const char   *display_name,
                                     GError      **error);
xmlDoc   *polisi_xml_parse_builtin  (GBytes       *bytes,
                                     const char   *display_name,
                                     GError      **error);
xmlDoc   *polisi_xml_parse_part     (GBytes       *bytes,
                                     GError      **error);
gboolean  polisi_xml_validate       (xmlDoc       *doc,
                                     const char   *schema_resource,
                                     const char   *display_name,
                                     GError      **error);
char     *polisi_xml_display_name   (GFile        *file);

gboolean  polisi_xml_is             (xmlNode      *node,
                                     const char   *ns,
                                     const char   *name);
xmlNode  *polisi_xml_first_child    (xmlNode      *node,
                                     const char   *ns,
                                     const char   *name);
xmlNode  *polisi_xml_next_element   (xmlNode      *node);
char     *polisi_xml_get_prop       (xmlNode      *node,
                                     const char   *name);
gboolean  polisi_xml_get_lang       (xmlNode      *node,
                                     int          *lang);
char     *polisi_xml_get_text       (xmlNode      *node);
char     *polisi_xml_get_blocks     (xmlNode      *node);
void      polisi_xml_add_blocks     (xmlNode      *parent,
                                     xmlNs        *ns,
                                     const char   *markup);
xmlNode  *polisi_xml_add_text_child (xmlNode      *parent,
                                     xmlNs        *ns,
                                     const char   *name,
                                     const char   *text);
void      polisi_xml_set_lang       (xmlNode      *node,
                                     int           lang);

G_END_DECLS
