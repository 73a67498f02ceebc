/* polisi-xml-out.h: elements with their attributes, for the writers
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gsf/gsf-libxml.h>

G_BEGIN_DECLS

void polisi_xml_out_element (GsfXMLOut  *xml,
                             const char *element,
                             const char *first_name,
                             ...) G_GNUC_NULL_TERMINATED;
void polisi_xml_out_start   (GsfXMLOut  *xml,
                             const char *element,
                             const char *first_name,
                             ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
