/* polisi-test-xml.h: reading exported ODT files in the tests: XPath over
 * their XML, the OASIS schema, and LibreOffice
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

G_BEGIN_DECLS

#define POLISI_TEST_NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define POLISI_TEST_NS_STYLE "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define POLISI_TEST_NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define POLISI_TEST_NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define POLISI_TEST_NS_FO "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define POLISI_TEST_NS_MANIFEST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
#define POLISI_TEST_NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

xmlDoc         *polisi_test_xml_parse          (GBytes     *bytes,
                                                const char *url);
xmlDoc         *polisi_test_package_parse     (GHashTable *parts,
                                                const char *package,
                                                const char *part);
xmlXPathObject *polisi_test_xpath              (xmlDoc     *doc,
                                                const char *expression);
guint           polisi_test_xpath_count        (xmlDoc     *doc,
                                                const char *expression);
char           *polisi_test_xpath_string       (xmlDoc     *doc,
                                                const char *expression);
char           *polisi_test_xpath_all_text     (xmlDoc     *doc,
                                                const char *expression);

char           *polisi_test_odf_schema         (const char *name,
                                                const char **why_not);
void            polisi_test_validate           (const char *schema,
                                                const char *path);

/* polisi_test_soffice_convert()'s format for a PDF with the blank pages
 * LibreOffice inserts (before a part that starts on a right-hand page), as
 * it prints them; its PDF export leaves them out by default */
#define POLISI_TEST_SOFFICE_PDF_WITH_BLANK_PAGES \
  "pdf:writer_pdf_Export:{\"IsSkipEmptyPages\":{\"type\":\"boolean\",\"value\":\"false\"}}"

char           *polisi_test_find_soffice       (void);
void            polisi_test_soffice_convert    (const char         *soffice,
                                                const char         *work_dir,
                                                const char         *format,
                                                const char         *out_dir,
                                                const char * const *paths);
char           *polisi_test_soffice_text       (const char         *path);

G_END_DECLS
