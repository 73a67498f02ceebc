/* polisi-test-xml.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xpathInternals.h>

#include "polisi-test-xml.h"

/**
 * polisi_test_xml_parse:
 * @url: where the bytes come from, for libxml2's messages
 *
 * Returns: (transfer full): @bytes parsed; the test fails if they are not
 *   well-formed
 */
xmlDoc *
polisi_test_xml_parse (GBytes     *bytes,
                       const char *url)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  xmlDoc *doc = xmlReadMemory (data, (int) size, url, "UTF-8", XML_PARSE_NONET);

  g_assert_nonnull (doc);
  return doc;
}

/**
 * polisi_test_package_parse:
 * @parts: a package's parts, as polisi_test_package_unpack() gives them
 * @package: the package's name, for libxml2's messages
 * @part: "content.xml", "word/document.xml" …
 *
 * Returns: (transfer full): the part parsed; the test fails if the
 *   package has no such part or it is not well-formed
 */
xmlDoc *
polisi_test_package_parse (GHashTable *parts,
                           const char *package,
                           const char *part)
{
  GBytes *bytes = g_hash_table_lookup (parts, part);
  g_autofree char *url = g_strdup_printf ("%s/%s", package, part);

  if (bytes == NULL)
    g_error ("%s has no %s", package, part);
  return polisi_test_xml_parse (bytes, url);
}

/**
 * polisi_test_xpath:
 *
 * Evaluates @expression with the OpenDocument prefixes (office, style,
 * text, table, fo, manifest, draw, xlink, dc, meta) and those of
 * WordprocessingML and its package (w, v, r, cp, op, vt).
 *
 * Returns: (transfer full): the result
 */
xmlXPathObject *
polisi_test_xpath (xmlDoc     *doc,
                   const char *expression)
{
  static const char *namespaces[][2] = {
    { "office", POLISI_TEST_NS_OFFICE },
    { "style", POLISI_TEST_NS_STYLE },
    { "text", POLISI_TEST_NS_TEXT },
    { "table", POLISI_TEST_NS_TABLE },
    { "fo", POLISI_TEST_NS_FO },
    { "manifest", POLISI_TEST_NS_MANIFEST },
    { "draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" },
    { "xlink", "http://www.w3.org/1999/xlink" },
    { "dc", "http://purl.org/dc/elements/1.1/" },
    { "meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0" },
    { "w", POLISI_TEST_NS_W },
    { "v", "urn:schemas-microsoft-com:vml" },
    { "r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships" },
    { "cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties" },
    { "op", "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" },
    { "vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes" },
  };
  xmlXPathContext *context = xmlXPathNewContext (doc);
  xmlXPathObject *result;

  for (guint i = 0; i < G_N_ELEMENTS (namespaces); i++)
    xmlXPathRegisterNs (context, (const xmlChar *) namespaces[i][0], (const xmlChar *) namespaces[i][1]);
  result = xmlXPathEvalExpression ((const xmlChar *) expression, context);
  xmlXPathFreeContext (context);
  g_assert_nonnull (result);
  return result;
}

guint
polisi_test_xpath_count (xmlDoc     *doc,
                         const char *expression)
{
  xmlXPathObject *result = polisi_test_xpath (doc, expression);
  guint n = result->nodesetval != NULL ? (guint) result->nodesetval->nodeNr : 0;

  xmlXPathFreeObject (result);
  return n;
}

/* Returns: (transfer full) (nullable): the text of the first node
 * @expression finds */
char *
polisi_test_xpath_string (xmlDoc     *doc,
                          const char *expression)
{
  xmlXPathObject *result = polisi_test_xpath (doc, expression);
  char *text = NULL;

  if (result->nodesetval != NULL && result->nodesetval->nodeNr > 0)
    {
      xmlChar *content = xmlNodeGetContent (result->nodesetval->nodeTab[0]);
      text = g_strdup ((const char *) content);
      xmlFree (content);
    }
  xmlXPathFreeObject (result);
  return text;
}

/* Returns: (transfer full): the text of every node @expression finds, each
 * followed by a newline */
char *
polisi_test_xpath_all_text (xmlDoc     *doc,
                            const char *expression)
{
  xmlXPathObject *result = polisi_test_xpath (doc, expression);
  GString *text = g_string_new (NULL);

  for (int i = 0; result->nodesetval != NULL && i < result->nodesetval->nodeNr; i++)
    {
      xmlChar *content = xmlNodeGetContent (result->nodesetval->nodeTab[i]);
      g_string_append (text, (const char *) content);
      g_string_append_c (text, '\n');
      xmlFree (content);
    }
  xmlXPathFreeObject (result);
  return g_string_free (text, FALSE);
}

/**
 * polisi_test_odf_schema:
 * @name: "OpenDocument-v1.3-schema.rng" …
 * @why_not: (out): why it cannot be used, when it cannot
 *
 * The OASIS schema @name in ODF_SCHEMA_DIR, if it is set and xmllint is
 * there to validate against it.
 *
 * Returns: (transfer full) (nullable): its path
 */
char *
polisi_test_odf_schema (const char  *name,
                        const char **why_not)
{
  const char *schema_dir = g_getenv ("ODF_SCHEMA_DIR");
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  char *schema;

  if (schema_dir == NULL || schema_dir[0] == '\0')
    {
      *why_not = "ODF_SCHEMA_DIR is not set";
      return NULL;
    }
  if (xmllint == NULL)
    {
      *why_not = "xmllint is not installed";
      return NULL;
    }
  schema = g_build_filename (schema_dir, name, NULL);
  g_assert_true (g_file_test (schema, G_FILE_TEST_EXISTS));
  return schema;
}

#define LOEXT_NS "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"

/* Takes out the attributes of LibreOffice's extension namespace from
 * @node and below; TRUE if there were any. */
static gboolean
strip_loext (xmlNode *node)
{
  gboolean found = FALSE;

  for (; node != NULL; node = node->next)
    {
      xmlAttr *attr = node->type == XML_ELEMENT_NODE ? node->properties : NULL;

      while (attr != NULL)
        {
          xmlAttr *next = attr->next;

          if (attr->ns != NULL && g_strcmp0 ((const char *) attr->ns->href, LOEXT_NS) == 0)
            {
              xmlRemoveProp (attr);
              found = TRUE;
            }
          attr = next;
        }
      found |= strip_loext (node->children);
    }
  return found;
}

/* The test fails, with xmllint's report, unless @path is valid against
 * @schema. An ODF document may be an extended one (ODF 1.3 part 3,
 * 3.17): it is valid when it is once its foreign attributes are taken
 * out, here LibreOffice's (loext, a tracked table row). */
void
polisi_test_validate (const char *schema,
                      const char *path)
{
  const char *argv[] = { "xmllint", "--noout", "--relaxng", schema, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *stripped = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  xmlDoc *doc;
  int status;

  /* read from memory: the core refuses libxml2 every file it would open
   * itself (its external entity loader), the document's own too */
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  doc = xmlReadMemory (contents, (int) length, path, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  if (strip_loext (xmlDocGetRootElement (doc)))
    {
      stripped = g_strconcat (path, ".strict.xml", NULL);
      g_assert_cmpint (xmlSaveFile (stripped, doc), >, 0);
      argv[4] = stripped;
    }
  xmlFreeDoc (doc);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (stripped != NULL)
    g_unlink (stripped);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s does not validate against %s:\n%s", path, schema, err);
}

/* Returns: (transfer full) (nullable): LibreOffice, if it is installed */
char *
polisi_test_find_soffice (void)
{
  char *soffice = g_find_program_in_path ("soffice");

  if (soffice == NULL)
    soffice = g_find_program_in_path ("libreoffice");
  return soffice;
}

/**
 * polisi_test_soffice_convert:
 * @work_dir: where LibreOffice keeps its profile (a test's own folder)
 * @format: "txt:Text", "odt" …
 * @paths: the files, %NULL-terminated
 *
 * Converts @paths with LibreOffice headless, in one call (it is slow to
 * start), into @out_dir; the test fails if LibreOffice does.
 */
void
polisi_test_soffice_convert (const char         *soffice,
                             const char         *work_dir,
                             const char         *format,
                             const char         *out_dir,
                             const char * const *paths)
{
  g_autofree char *profile_dir = g_build_filename (work_dir, "profile", NULL);
  g_autofree char *profile_uri = g_filename_to_uri (profile_dir, NULL, NULL);
  g_autofree char *profile_arg = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_ptr_array_add (argv, (gpointer) soffice);
  g_ptr_array_add (argv, "--headless");
  g_ptr_array_add (argv, "--norestore");
  g_ptr_array_add (argv, profile_arg);
  g_ptr_array_add (argv, "--convert-to");
  g_ptr_array_add (argv, (gpointer) format);
  g_ptr_array_add (argv, "--outdir");
  g_ptr_array_add (argv, (gpointer) out_dir);
  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) paths[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("LibreOffice failed:\n%s\n%s", out, err);
}

/**
 * polisi_test_soffice_text:
 * @path: a text file LibreOffice converted ("txt:Text")
 *
 * Returns: (transfer full): its text, without the byte order mark; the
 *   test fails if LibreOffice did not write it or it is not UTF-8
 */
char *
polisi_test_soffice_text (const char *path)
{
  g_autofree char *raw = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    g_error ("LibreOffice did not write %s", path);
  g_file_get_contents (path, &raw, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (raw, length, NULL));
  return g_strdup (g_str_has_prefix (raw, "\xEF\xBB\xBF") ? raw + 3 : raw);
}
