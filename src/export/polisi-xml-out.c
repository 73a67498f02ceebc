/* polisi-xml-out.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the ODT and DOCX writers share to write XML with libgsf: an element
 * and its attributes from a NULL-terminated list of name, value pairs.
 * Every value is escaped by GsfXMLOut, so that a value may be anyone's
 * text.
 */
#include "config.h"

#include <stdarg.h>

#include "polisi-xml-out.h"

static void
add_attributes (GsfXMLOut  *xml,
                const char *first_name,
                va_list     args)
{
  for (const char *name = first_name; name != NULL; name = va_arg (args, const char *))
    gsf_xml_out_add_cstr (xml, name, va_arg (args, const char *));
}

/* An empty element with its attributes. */
void
polisi_xml_out_element (GsfXMLOut  *xml,
                        const char *element,
                        const char *first_name,
                        ...)
{
  va_list args;

  gsf_xml_out_start_element (xml, element);
  va_start (args, first_name);
  add_attributes (xml, first_name, args);
  va_end (args);
  gsf_xml_out_end_element (xml);
}

/* An element started with its attributes; the caller ends it. */
void
polisi_xml_out_start (GsfXMLOut  *xml,
                      const char *element,
                      const char *first_name,
                      ...)
{
  va_list args;

  gsf_xml_out_start_element (xml, element);
  va_start (args, first_name);
  add_attributes (xml, first_name, args);
  va_end (args);
}
