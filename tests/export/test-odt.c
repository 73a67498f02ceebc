/* test-odt.c: the ODT writer, checked by real readers
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every layout (Welsh, English, parallel columns, back to back, and the two
 * files of "separate"; columns and back to back English first too, for the
 * Welsh policy) of four documents: the two example policies, the
 * same Welsh policy once adopted, and a hostile policy built from the whole
 * built-in library with markup characters, a 300-character word, emoji and
 * every Welsh accented letter in it. Each ODT is written once, in main(),
 * then:
 *
 *   - the package: "mimetype" first, stored, with no extra field, the right
 *     type; a manifest that lists every part;
 *   - the OASIS ODF 1.3 schema, with xmllint (ODF_SCHEMA_DIR; skipped when
 *     unset);
 *   - the language of every paragraph, through its style;
 *   - structure: clause numbers and tabs, headings, the contents list and
 *     its links, lists, web links;
 *   - the watermark on drafts only, line numbers on consultation drafts,
 *     the availability note of one-language files of a Welsh policy;
 *   - meta.xml;
 *   - LibreOffice: every ODT converted to text in one soffice call, and
 *     every paragraph of every included clause found in the layouts that
 *     show its language (skipped when soffice is not installed).
 */
#include "config.h"

#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

#include "polisi-assembler.h"
#include "polisi-export.h"
#include "polisi-odt.h"
#include "polisi-page-layout.h"
#include "polisi-test-export.h"
#include "polisi-test-lines.h"
#include "polisi-test-utils.h"
#include "polisi-test-xml.h"

#define ODT_MIME_TYPE "application/vnd.oasis.opendocument.text"


typedef enum {
  CASE_WALES,     /* secondary-wales: a consultation draft, Wales */
  CASE_ENGLAND,   /* primary-england: a draft, England */
  CASE_ADOPTED,   /* secondary-wales, adopted */
  CASE_HOSTILE,   /* every clause, hostile text, a version history */
  CASE_WALES_ADOPTED,  /* secondary-wales-adopted as it is (a version history, an appendix) */
  N_CASES
} CaseId;

static const char *case_names[N_CASES] = { "wales", "england", "adopted", "hostile", "wales-adopted" };

typedef enum {
  LAYOUT_CY,
  LAYOUT_EN,
  LAYOUT_COLUMNS,
  LAYOUT_SEQUENTIAL,
  LAYOUT_SEPARATE_CY,
  LAYOUT_SEPARATE_EN,
  LAYOUT_COLUMNS_EN_FIRST,     /* the Welsh policy only */
  LAYOUT_SEQUENTIAL_EN_FIRST,  /* the Welsh policy only */
  N_LAYOUTS
} LayoutId;

static const char *layout_names[N_LAYOUTS] = {
  "cy", "en", "columns", "sequential", "separate-cy", "separate-en", "columns-en-first", "sequential-en-first",
};

/* One ODT: the document, how it was laid out, its parts. */
typedef struct {
  char                *name;        /* "hostile-columns" */
  CaseId               case_id;
  LayoutId             layout_id;
  PolisiDocument      *document;    /* borrowed */
  PolisiExportOptions  options;
  char                *other_file;
  PolisiLang           langs[POLISI_N_LANGS];
  guint                n_langs;
  char                *path;        /* the .odt */
  char                *dir;         /* its parts, unpacked */
  GBytes              *package;
  GHashTable          *parts;       /* path in the package -> GBytes */
  xmlDoc              *content;
  xmlDoc              *styles;
  xmlDoc              *meta;
} OdtFile;

static struct {
  char           *dir;
  PolisiContext  *context;
  PolisiDocument *documents[N_CASES];
  GPtrArray      *files;
} fixture;

/* ------------------------------------------------------------------ */
/* Helpers                                                              */
/* ------------------------------------------------------------------ */

static xmlDoc *
parse_part (OdtFile    *file,
            const char *part)
{
  return polisi_test_package_parse (file->parts, file->name, part);
}

static char *
get_attribute (xmlNode    *node,
               const char *ns,
               const char *name)
{
  xmlChar *value = xmlGetNsProp (node, (const xmlChar *) name, (const xmlChar *) ns);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static char *
node_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *copy = g_strdup ((const char *) content);

  xmlFree (content);
  return copy;
}

/* Every text a layout should show in @lang: the front matter, and each
 * paragraph of each block (clauses as "number text"). */
static GPtrArray *
expected_texts (OdtFile    *file,
                PolisiLang  lang)
{
  PolisiDocument *document = file->document;
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  const char *front[] = {
    polisi_document_get_title (document, lang),
    polisi_document_get_organisation (document, lang),
    polisi_document_get_review_text (document, lang),
    polisi_document_get_closing_text (document, lang),
    polisi_export_term (POLISI_TERM_CONTENTS, lang),
  };
  char *note = polisi_export_availability_note (document, &file->options, lang);

  for (guint i = 0; i < G_N_ELEMENTS (front); i++)
    if (front[i] != NULL && front[i][0] != '\0')
      g_ptr_array_add (texts, g_strdup (front[i]));
  g_ptr_array_add (texts, polisi_export_version_line (document, lang));
  if (note != NULL)
    g_ptr_array_add (texts, note);

  polisi_test_add_block_texts (document, lang, texts);

  return texts;
}

/* ------------------------------------------------------------------ */
/* Writing and unpacking                                                */
/* ------------------------------------------------------------------ */

static OdtFile *
write_odt (CaseId   case_id,
           LayoutId layout_id)
{
  static const PolisiLayout layouts[N_LAYOUTS] = {
    POLISI_LAYOUT_CY, POLISI_LAYOUT_EN, POLISI_LAYOUT_COLUMNS, POLISI_LAYOUT_SEQUENTIAL,
    POLISI_LAYOUT_CY, POLISI_LAYOUT_EN, POLISI_LAYOUT_COLUMNS, POLISI_LAYOUT_SEQUENTIAL,
  };
  OdtFile *file = g_new0 (OdtFile, 1);
  g_autoptr(GError) error = NULL;

  file->name = g_strdup_printf ("%s-%s", case_names[case_id], layout_names[layout_id]);
  file->case_id = case_id;
  file->layout_id = layout_id;
  file->document = fixture.documents[case_id];
  polisi_export_options_init (&file->options, layouts[layout_id]);
  if (layout_id == LAYOUT_SEPARATE_CY || layout_id == LAYOUT_SEPARATE_EN)
    {
      file->other_file = g_strdup_printf ("%s-%s.odt", case_names[case_id],
                                          layout_id == LAYOUT_SEPARATE_CY ? "separate-en" : "separate-cy");
      file->options.other_file = file->other_file;
    }
  file->options.english_first = layout_id == LAYOUT_COLUMNS_EN_FIRST || layout_id == LAYOUT_SEQUENTIAL_EN_FIRST;
  file->n_langs = polisi_export_get_languages (&file->options, file->langs);
  g_assert_cmpuint (file->n_langs, ==, file->options.layout == POLISI_LAYOUT_CY || file->options.layout == POLISI_LAYOUT_EN ? 1 : 2);

  file->package = polisi_odt_write (file->document, &file->options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (file->package);

  file->path = g_strdup_printf ("%s/%s.odt", fixture.dir, file->name);
  polisi_test_write_file (file->path, g_bytes_get_data (file->package, NULL), g_bytes_get_size (file->package));

  /* Unpacked with libgsf's own zip reader. */
  file->dir = g_strdup_printf ("%s/%s", fixture.dir, file->name);
  file->parts = polisi_test_package_unpack (file->package, file->dir);

  file->content = parse_part (file, "content.xml");
  file->styles = parse_part (file, "styles.xml");
  file->meta = parse_part (file, "meta.xml");

  return file;
}

static void
odt_file_free (gpointer data)
{
  OdtFile *file = data;

  xmlFreeDoc (file->content);
  xmlFreeDoc (file->styles);
  xmlFreeDoc (file->meta);
  g_hash_table_unref (file->parts);
  g_bytes_unref (file->package);
  g_free (file->name);
  g_free (file->other_file);
  g_free (file->path);
  g_free (file->dir);
  g_free (file);
}

static PolisiDocument *
make_document (CaseId case_id)
{
  PolisiLibrary *library = polisi_context_get_library (fixture.context);
  g_autoptr(PolisiPolicy) policy = case_id == CASE_WALES_ADOPTED ?
                                    polisi_test_load_example ("secondary-wales-adopted.polisi") :
                                    polisi_test_writer_policy (case_names[case_id], library);

  /* A version history of two versions: a table, cells of several lines
   * with items, a web address. */
  if (case_id == CASE_HOSTILE)
    polisi_policy_add_version_record (policy, "1.1", "2026-09-01", "Llywodraethwyr", "Ail fersiwn", "Second version");

  return polisi_assemble (policy, library, POLISI_ASSEMBLE_DEFAULT);
}

/* ------------------------------------------------------------------ */
/* The package                                                          */
/* ------------------------------------------------------------------ */

static guint
read_le16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

static guint32
read_le32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

static void
test_package (void)
{
  for (guint f = 0; f < fixture.files->len; f++)
    {
      OdtFile *file = fixture.files->pdata[f];
      gsize size;
      const guint8 *zip = g_bytes_get_data (file->package, &size);
      const gsize mime_length = strlen (ODT_MIME_TYPE);
      xmlDoc *manifest;
      GHashTableIter iter;
      const char *path;

      g_test_message ("%s", file->name);

      /* The first local header: "mimetype", stored, no extra field, then
       * the type itself at offset 38. */
      g_assert_cmpuint (size, >, 38 + mime_length);
      g_assert_cmpmem (zip, 4, "PK\003\004", 4);
      g_assert_cmpuint (read_le16 (zip + 8), ==, 0);                  /* stored */
      g_assert_cmpuint (read_le32 (zip + 18), ==, mime_length);       /* compressed size */
      g_assert_cmpuint (read_le32 (zip + 22), ==, mime_length);       /* size */
      g_assert_cmpuint (read_le16 (zip + 26), ==, strlen ("mimetype"));
      g_assert_cmpuint (read_le16 (zip + 28), ==, 0);                 /* extra field */
      g_assert_cmpmem (zip + 30, 8, "mimetype", 8);
      g_assert_cmpmem (zip + 38, mime_length, ODT_MIME_TYPE, mime_length);
      {
        gsize mime_size;
        const char *mime = g_bytes_get_data (g_hash_table_lookup (file->parts, "mimetype"), &mime_size);

        /* libgsf's zip reader agrees. */
        g_assert_cmpmem (mime, mime_size, ODT_MIME_TYPE, mime_length);
      }

      /* The manifest: the package's type and version, and every part. */
      g_assert_true (g_hash_table_contains (file->parts, "META-INF/manifest.xml"));
      manifest = parse_part (file, "META-INF/manifest.xml");
      g_assert_cmpuint (polisi_test_xpath_count (manifest, "/manifest:manifest[@manifest:version='1.3']"), ==, 1);
      g_assert_cmpuint (polisi_test_xpath_count (manifest, "//manifest:file-entry[@manifest:full-path='/' and "
                                               "@manifest:media-type='" ODT_MIME_TYPE "' and @manifest:version='1.3']"), ==, 1);
      g_hash_table_iter_init (&iter, file->parts);
      while (g_hash_table_iter_next (&iter, (gpointer *) &path, NULL))
        {
          g_autofree char *query = NULL;

          if (strcmp (path, "mimetype") == 0 || strcmp (path, "META-INF/manifest.xml") == 0)
            continue;
          query = g_strdup_printf ("//manifest:file-entry[@manifest:full-path='%s' and @manifest:media-type='text/xml']", path);
          g_assert_cmpuint (polisi_test_xpath_count (manifest, query), ==, 1);
        }
      /* ... and nothing that is not there. */
      g_assert_cmpuint (polisi_test_xpath_count (manifest, "//manifest:file-entry"), ==, g_hash_table_size (file->parts) - 1);
      xmlFreeDoc (manifest);

      g_assert_true (g_hash_table_contains (file->parts, "content.xml"));
      g_assert_true (g_hash_table_contains (file->parts, "styles.xml"));
      g_assert_true (g_hash_table_contains (file->parts, "meta.xml"));
      g_assert_cmpuint (polisi_test_xpath_count (file->content, "/office:document-content[@office:version='1.3']"), ==, 1);
      g_assert_cmpuint (polisi_test_xpath_count (file->styles, "/office:document-styles[@office:version='1.3']"), ==, 1);
    }
}

/* ------------------------------------------------------------------ */
/* The schema                                                           */
/* ------------------------------------------------------------------ */

static void
test_schema (void)
{
  const char *why_not = NULL;
  g_autofree char *schema = polisi_test_odf_schema ("OpenDocument-v1.3-schema.rng", &why_not);
  g_autofree char *manifest_schema = NULL;

  if (schema == NULL)
    {
      g_autofree char *message = g_strdup_printf ("skipped: %s", why_not);
      g_test_skip (message);
      return;
    }
  manifest_schema = polisi_test_odf_schema ("OpenDocument-v1.3-manifest-schema.rng", &why_not);

  for (guint f = 0; f < fixture.files->len; f++)
    {
      OdtFile *file = fixture.files->pdata[f];
      const char *parts[] = { "content.xml", "styles.xml", "meta.xml", "settings.xml" };
      g_autofree char *manifest = g_build_filename (file->dir, "META-INF", "manifest.xml", NULL);

      g_test_message ("%s", file->name);
      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        {
          g_autofree char *path = g_build_filename (file->dir, parts[i], NULL);

          if (g_hash_table_contains (file->parts, parts[i]))
            polisi_test_validate (schema, path);
        }
      polisi_test_validate (manifest_schema, manifest);
    }
}

/* ------------------------------------------------------------------ */
/* Languages                                                            */
/* ------------------------------------------------------------------ */

typedef struct {
  char *parent;
  char *language;     /* "cy", "en" or NULL */
  char *master_page;
} StyleInfo;

static void
style_info_free (gpointer data)
{
  StyleInfo *info = data;

  g_free (info->parent);
  g_free (info->language);
  g_free (info->master_page);
  g_free (info);
}

/* The named and automatic paragraph styles of both parts. The default
 * style does not count: a paragraph's own style must say its language. */
static GHashTable *
collect_styles (OdtFile *file)
{
  GHashTable *styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, style_info_free);
  xmlDoc *docs[] = { file->styles, file->content };

  for (guint d = 0; d < G_N_ELEMENTS (docs); d++)
    {
      /* (and text styles: a span in a language of its own) */
      xmlXPathObject *result = polisi_test_xpath (docs[d], "//style:style[@style:family='paragraph' or @style:family='text']");

      for (int i = 0; result->nodesetval != NULL && i < result->nodesetval->nodeNr; i++)
        {
          xmlNode *node = result->nodesetval->nodeTab[i];
          StyleInfo *info = g_new0 (StyleInfo, 1);

          info->parent = get_attribute (node, POLISI_TEST_NS_STYLE, "parent-style-name");
          info->master_page = get_attribute (node, POLISI_TEST_NS_STYLE, "master-page-name");
          for (xmlNode *child = node->children; child != NULL; child = child->next)
            if (child->type == XML_ELEMENT_NODE && strcmp ((const char *) child->name, "text-properties") == 0)
              {
                g_autofree char *country = get_attribute (child, POLISI_TEST_NS_FO, "country");

                info->language = get_attribute (child, POLISI_TEST_NS_FO, "language");
                if (info->language != NULL)
                  g_assert_cmpstr (country, ==, "GB");
              }
          g_hash_table_replace (styles, get_attribute (node, POLISI_TEST_NS_STYLE, "name"), info);
        }
      xmlXPathFreeObject (result);
    }

  return styles;
}

static const char *
resolve_language (GHashTable *styles,
                  const char *name)
{
  for (guint depth = 0; name != NULL && depth < 16; depth++)
    {
      StyleInfo *info = g_hash_table_lookup (styles, name);

      if (info == NULL)
        return NULL;
      if (info->language != NULL)
        return info->language;
      name = info->parent;
    }
  return NULL;
}

/* The column of a parallel-columns table a node sits in, or -1. */
static int
columns_cell_index (xmlNode *node)
{
  for (xmlNode *p = node->parent; p != NULL && p->type == XML_ELEMENT_NODE; p = p->parent)
    if (strcmp ((const char *) p->name, "table-cell") == 0)
      {
        xmlNode *table = p->parent != NULL ? p->parent->parent : NULL;
        g_autofree char *style = table != NULL ? get_attribute (table, POLISI_TEST_NS_TABLE, "style-name") : NULL;
        int index = 0;

        g_autofree char *cell_style = get_attribute (p, POLISI_TEST_NS_TABLE, "style-name");

        if (style == NULL || !g_str_has_prefix (style, "Columns"))
          return -1;
        /* the line numbers beside each column are in its language (a
         * heading row's cells: Columns.HNL, Columns.HNR; a paragraph pair's
         * before the last of its clause: Columns.PNL, Columns.PNR) */
        if (g_strcmp0 (cell_style, "Columns.NL") == 0 || g_strcmp0 (cell_style, "Columns.HNL") == 0 ||
            g_strcmp0 (cell_style, "Columns.PNL") == 0)
          return 0;
        if (g_strcmp0 (cell_style, "Columns.NR") == 0 || g_strcmp0 (cell_style, "Columns.HNR") == 0 ||
            g_strcmp0 (cell_style, "Columns.PNR") == 0)
          return 1;
        for (xmlNode *s = p->prev; s != NULL; s = s->prev)
          if (s->type == XML_ELEMENT_NODE && strcmp ((const char *) s->name, "table-cell") == 0)
            {
              g_autofree char *other = get_attribute (s, POLISI_TEST_NS_TABLE, "style-name");

              index += g_strcmp0 (other, "Columns.NL") != 0 && g_strcmp0 (other, "Columns.HNL") != 0 &&
                       g_strcmp0 (other, "Columns.PNL") != 0;
            }
        return index;
      }
  return -1;
}

static void
test_languages (void)
{
  for (guint f = 0; f < fixture.files->len; f++)
    {
      OdtFile *file = fixture.files->pdata[f];
      g_autoptr(GHashTable) styles = collect_styles (file);
      xmlXPathObject *result;
      guint n_switches = 0;
      const char *previous = NULL;
      guint seen[POLISI_N_LANGS] = { 0 };

      g_test_message ("%s", file->name);

      /* The body. */
      result = polisi_test_xpath (file->content, "//office:text//text:p | //office:text//text:h");
      g_assert_cmpint (result->nodesetval->nodeNr, >, 20);
      for (int i = 0; i < result->nodesetval->nodeNr; i++)
        {
          xmlNode *node = result->nodesetval->nodeTab[i];
          g_autofree char *style = get_attribute (node, POLISI_TEST_NS_TEXT, "style-name");
          const char *language = resolve_language (styles, style);
          int column = columns_cell_index (node);
          PolisiLang lang;

          if (language == NULL)
            {
              g_autofree char *text = node_text (node);
              g_error ("%s: a paragraph in style %s has no language: %s", file->name, style, text);
            }
          g_assert_true (polisi_lang_from_code (language, &lang));
          g_assert_true (polisi_test_options_show (&file->options, lang));
          seen[lang]++;

          if (file->options.layout == POLISI_LAYOUT_COLUMNS)
            {
              /* Welsh on the left, unless English first. */
              if (column >= 0)
                g_assert_cmpstr (language, ==, polisi_lang_to_code (file->langs[column]));
            }
          else
            {
              /* One language, or all of one and then all of the other. */
              if (previous != NULL && strcmp (previous, language) != 0)
                n_switches++;
              previous = language;
              g_assert_cmpuint (n_switches, <=, file->n_langs - 1);
              if (n_switches == 0)
                g_assert_cmpstr (language, ==, polisi_lang_to_code (file->langs[0]));
            }
        }
      xmlXPathFreeObject (result);
      for (guint i = 0; i < file->n_langs; i++)
        g_assert_cmpuint (seen[file->langs[i]], >, 20);

      /* Headers, footers and the watermark: each master page in its
       * language, or both languages for parallel columns. */
      /* (and before each, its title page's, with no running header) */
      result = polisi_test_xpath (file->styles, "//style:master-page");
      g_assert_cmpint (result->nodesetval->nodeNr, ==,
                       2 * (file->options.layout == POLISI_LAYOUT_COLUMNS ? 1 : (int) file->n_langs));
      for (int m = 0; m < result->nodesetval->nodeNr; m++)
        {
          xmlNode *master = result->nodesetval->nodeTab[m];
          g_autofree char *name = get_attribute (master, POLISI_TEST_NS_STYLE, "name");
          g_autofree char *query = g_strdup_printf ("//style:master-page[@style:name='%s']//text:p | "
                                                    "//style:master-page[@style:name='%s']//text:span", name, name);
          xmlXPathObject *paras = polisi_test_xpath (file->styles, query);
          guint master_seen[POLISI_N_LANGS] = { 0 };

          /* A footer with a page number and a header. */
          g_assert_cmpint (paras->nodesetval->nodeNr, >=, 2);
          for (int i = 0; i < paras->nodesetval->nodeNr; i++)
            {
              g_autofree char *style = get_attribute (paras->nodesetval->nodeTab[i], POLISI_TEST_NS_TEXT, "style-name");
              const char *language = resolve_language (styles, style);
              PolisiLang lang;

              g_assert_nonnull (language);
              g_assert_true (polisi_lang_from_code (language, &lang));
              g_assert_true (polisi_test_options_show (&file->options, lang));
              master_seen[lang]++;
            }
          xmlXPathFreeObject (paras);
          if (file->options.layout == POLISI_LAYOUT_COLUMNS)
            g_assert_true (master_seen[0] > 0 && master_seen[1] > 0);
          else
            g_assert_true (master_seen[0] == 0 || master_seen[1] == 0);
        }
      xmlXPathFreeObject (result);

      /* Every master page a paragraph or table asks for exists. */
      {
        GHashTableIter iter;
        StyleInfo *info;
        guint n_masters = 0;

        g_hash_table_iter_init (&iter, styles);
        while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &info))
          if (info->master_page != NULL)
            {
              g_autofree char *query = g_strdup_printf ("//style:master-page[@style:name='%s']", info->master_page);
              g_assert_cmpuint (polisi_test_xpath_count (file->styles, query), ==, 1);
              n_masters++;
            }
        if (file->options.layout != POLISI_LAYOUT_COLUMNS)
          g_assert_cmpuint (n_masters, >, 0);
        else
          g_assert_cmpuint (polisi_test_xpath_count (file->content, "//style:style[@style:family='table' and @style:master-page-name]"), ==, 1);
      }

      /* Both languages look alike: no automatic paragraph style sets a
       * font, size, weight, style or colour of its own. */
      g_assert_cmpuint (polisi_test_xpath_count (file->content,
                                     "//office:automatic-styles/style:style[@style:family='paragraph']/style:text-properties"
                                     "[@fo:font-size or @fo:font-weight or @fo:font-style or @fo:color or @style:font-name]"), ==, 0);
      g_assert_cmpuint (polisi_test_xpath_count (file->styles, "//style:text-properties[@fo:font-style='italic']"), ==, 0);
      g_assert_cmpuint (polisi_test_xpath_count (file->styles,
                                     "//office:font-face-decls/style:font-face[@style:name='Liberation Sans']"), ==, 1);
      g_assert_cmpuint (polisi_test_xpath_count (file->styles,
                                     "//style:default-style/style:text-properties[@style:font-name='Liberation Sans']"), ==, 1);
    }
}

/* ------------------------------------------------------------------ */
/* Structure                                                            */
/* ------------------------------------------------------------------ */

static void
test_structure (void)
{
  for (guint f = 0; f < fixture.files->len; f++)
    {
      OdtFile *file = fixture.files->pdata[f];
      PolisiDocument *document = file->document;
      guint n_headings = 0;
      guint n_clauses = 0;
      guint n_items = 0;
      guint n_tables = 0;
      xmlXPathObject *result;

      g_test_message ("%s", file->name);

      for (guint i = 0; i < polisi_document_get_n_blocks (document); i++)
        {
          PolisiBlock *block = polisi_document_get_block (document, i);

          if (block->kind == POLISI_BLOCK_HEADING)
            n_headings++;
          else if (block->kind == POLISI_BLOCK_CLAUSE)
            n_clauses++;
          else if (block->kind == POLISI_BLOCK_TABLE)
            n_tables++;
          for (guint p = 0; p < block->paras[file->langs[0]]->len; p++)
            if (((PolisiTextBlock *) block->paras[file->langs[0]]->pdata[p])->item)
              n_items++;
        }
      g_assert_cmpuint (n_clauses, >, 10);
      g_assert_cmpuint (n_items, >, 0);

      /* Named styles with display names. */
      g_assert_cmpuint (polisi_test_xpath_count (file->styles, "//office:styles/style:style[@style:name='Heading_20_1' and "
                                                   "@style:display-name='Heading 1' and @style:default-outline-level='1']"), ==, 1);
      g_assert_cmpuint (polisi_test_xpath_count (file->styles, "//office:styles/style:style[@style:name='Title' and @style:display-name]"), ==, 1);
      g_assert_cmpuint (polisi_test_xpath_count (file->styles, "//office:styles/text:list-style[@style:display-name]"), >=, 1);
      g_assert_cmpuint (polisi_test_xpath_count (file->styles, "//office:styles/style:style[@style:family='paragraph' and "
                                                   "not(@style:display-name) and @style:name!='Standard']"), ==, 0);

      /* Each clause starts with its number, in bold as in the PDF, and a
       * tab, in each language (after the start of the bookmark that spans
       * the clause). */
      for (guint l = 0; l < file->n_langs; l++)
        {
          PolisiLang lang = file->langs[l];
          guint checked = 0;

          for (guint i = 0; i < polisi_document_get_n_blocks (document); i++)
            {
              PolisiBlock *block = polisi_document_get_block (document, i);
              g_autofree char *query = NULL;

              if (block->kind != POLISI_BLOCK_CLAUSE)
                continue;
              query = g_strdup_printf ("//office:text//text:p[starts-with(@text:style-name, 'Clause_%s')]"
                                       "[not(text()[following-sibling::text:tab]) and "
                                       "*[not(self::text:bookmark-start or self::text:bookmark)][1]"
                                       "[self::text:span[@text:style-name='Polisi_20_Clause_20_Number'] and .='%s'] and "
                                       "*[not(self::text:bookmark-start or self::text:bookmark)][2][self::text:tab]]",
                                       polisi_lang_to_code (lang), block->number);
              g_assert_cmpuint (polisi_test_xpath_count (file->content, query), ==, 1);
              checked++;
            }
          g_assert_cmpuint (checked, ==, n_clauses);
        }

      g_assert_cmpuint (polisi_test_xpath_count (file->styles, "//office:styles/style:style[@style:name='Polisi_20_Clause_20_Number']"
                                                   "/style:text-properties[@fo:font-weight='bold']"), ==, 1);

      /* Headings: outline levels, and one contents entry per heading per
       * language, each linking to a bookmark in its heading. */
      if (file->options.layout == POLISI_LAYOUT_SEQUENTIAL)
        {
          g_assert_cmpuint (polisi_test_xpath_count (file->content, "//text:h[@text:outline-level='2']"), ==, n_headings * 2);
          g_assert_cmpuint (polisi_test_xpath_count (file->content, "//text:h[@text:outline-level='1']"), ==, 2);
        }
      else
        g_assert_cmpuint (polisi_test_xpath_count (file->content, "//text:h[@text:outline-level='1']"), ==, n_headings * file->n_langs);
      g_assert_cmpuint (polisi_test_xpath_count (file->content, "//text:table-of-content"), ==, file->n_langs);
      g_assert_cmpuint (polisi_test_xpath_count (file->content, "//text:table-of-content/text:index-body/text:p"), ==, n_headings * file->n_langs);
      result = polisi_test_xpath (file->content, "//text:table-of-content/text:index-body/text:p/text:a/@xlink:href");
      g_assert_cmpint (result->nodesetval->nodeNr, ==, (int) (n_headings * file->n_langs));
      for (int i = 0; i < result->nodesetval->nodeNr; i++)
        {
          g_autofree char *href = node_text (result->nodesetval->nodeTab[i]);
          g_autofree char *query = NULL;

          g_assert_true (href[0] == '#');
          query = g_strdup_printf ("//text:h/text:bookmark[@text:name='%s']", href + 1);
          g_assert_cmpuint (polisi_test_xpath_count (file->content, query), ==, 1);
        }
      xmlXPathFreeObject (result);

      /* Updating a contents list keeps to its language: back to back, each
       * is scoped to its chapter (under the title); in columns, each
       * gathers its language's own heading style. */
      if (file->options.layout == POLISI_LAYOUT_SEQUENTIAL)
        g_assert_cmpuint (polisi_test_xpath_count (file->content, "//text:table-of-content-source[@text:index-scope='chapter']"), ==, 2);
      if (file->options.layout == POLISI_LAYOUT_COLUMNS)
        for (guint l = 0; l < file->n_langs; l++)
          {
            const char *code = polisi_lang_to_code (file->langs[l]);
            g_autofree char *query = g_strdup_printf ("//text:table-of-content[text:index-body/text:p[starts-with(@text:style-name, 'Contents1_%s')]]"
                                                      "/text:table-of-content-source[@text:use-outline-level='false' and "
                                                      "@text:use-index-source-styles='true']//text:index-source-style/@text:style-name",
                                                      code);
            g_autofree char *source_style = polisi_test_xpath_string (file->content, query);
            g_autofree char *named = NULL;
            g_autofree char *headings = NULL;

            g_assert_nonnull (source_style);
            named = g_strdup_printf ("//office:styles/style:style[@style:name='%s']/style:text-properties[@fo:language='%s']",
                                     source_style, code);
            g_assert_cmpuint (polisi_test_xpath_count (file->styles, named), ==, 1);
            headings = g_strdup_printf ("//office:text//text:h[@text:style-name=//office:automatic-styles/style:style"
                                        "[@style:parent-style-name='%s']/@style:name]", source_style);
            g_assert_cmpuint (polisi_test_xpath_count (file->content, headings), ==, n_headings);
          }

      /* List items are lists, with bullets. */
      g_assert_cmpuint (polisi_test_xpath_count (file->content, "//text:list[@text:style-name='Polisi_20_Bullets']/text:list-item"),
                        >=, n_items * file->n_langs);
      g_assert_cmpuint (polisi_test_xpath_count (file->styles, "//text:list-style[@style:name='Polisi_20_Bullets']/text:list-level-style-bullet"), ==, 1);

      /* A data table once per language, its first row repeated. */
      g_assert_cmpuint (polisi_test_xpath_count (file->content, "//table:table[table:table-header-rows]"), ==, n_tables * file->n_langs);

      /* Parallel columns: two-column tables, one row per block but
       * tables, or one per paragraph pair of a block in pairs (which
       * never splits), plus the title and contents rows. */
      if (file->options.layout == POLISI_LAYOUT_COLUMNS)
        {
          guint n_rows = 2;
          guint n_pair_rows = 0;

          for (guint b = 0; b < polisi_document_get_n_blocks (document); b++)
            {
              PolisiBlock *block = polisi_document_get_block (document, b);
              guint n_pairs = polisi_page_layout_count_pairs (block, file->langs[0], file->langs[1]);

              if (block->kind != POLISI_BLOCK_TABLE)
                n_rows += MAX (n_pairs, 1);
              n_pair_rows += n_pairs;
            }
          g_assert_cmpuint (polisi_test_xpath_count (file->content, "//table:table[starts-with(@table:style-name, 'Columns')]/table:table-row"),
                            ==, n_rows);
          g_assert_cmpuint (n_pair_rows, >, 100);
          /* a pair's row and a heading's keep together */
          g_assert_cmpuint (polisi_test_xpath_count (file->content, "//table:table-row[@table:style-name='Columns.heading']"),
                            ==, n_pair_rows + n_headings);
        }
      else
        g_assert_cmpuint (polisi_test_xpath_count (file->content, "//table:table[starts-with(@table:style-name, 'Columns')]"), ==, 0);

      /* Web addresses are links, without the full stop after them. */
      if (file->case_id == CASE_HOSTILE)
        g_assert_cmpuint (polisi_test_xpath_count (file->content, "//text:a[@xlink:href='https://example.org/a?b=1&c=2']"),
                          ==, file->n_langs);

      /* The header names the organisation, title, version and status; the
       * footer numbers the pages. */
      for (guint l = 0; l < file->n_langs; l++)
        {
          PolisiLang lang = file->langs[l];
          /* one line on every page, title pages too: "Tudalen 3 o 12 / Page 3 of 12" */
          g_auto(GStrv) words = g_strsplit (polisi_export_term (POLISI_TERM_PAGE_X_OF_Y, lang), " ", 2);
          g_autofree char *page = g_strdup_printf ("//style:footer/text:p[text:page-number and text:page-count]"
                                                   "[contains(., '%s ')]", words[0]);
          /* (each language's master page and its title page's, or the
           * bilingual pair) */
          guint n_masters = 1;
          g_autofree char *header = NULL;
          g_autofree char *expected_title = polisi_test_normalize_space (polisi_document_get_title (document, lang));
          g_autofree char *expected_status = polisi_test_normalize_space (polisi_document_get_status_text (document, lang));

          g_assert_cmpuint (polisi_test_xpath_count (file->styles, page), ==, 2 * n_masters);
          header = polisi_test_xpath_all_text (file->styles, "//style:header");
          g_assert_nonnull (header);
          g_assert_nonnull (strstr (header, expected_title));
          g_assert_nonnull (strstr (header, expected_status));
          g_assert_nonnull (strstr (header, polisi_document_get_version (document)));
          g_assert_nonnull (strstr (header, polisi_document_get_organisation (document, lang)));
        }
    }
}

/* ------------------------------------------------------------------ */
/* Watermark, line numbers, availability note                           */
/* ------------------------------------------------------------------ */

static void
test_watermark (void)
{
  for (guint f = 0; f < fixture.files->len; f++)
    {
      OdtFile *file = fixture.files->pdata[f];
      gboolean draft = file->case_id != CASE_ADOPTED && file->case_id != CASE_WALES_ADOPTED;

      g_test_message ("%s", file->name);
      g_assert_true ((polisi_document_get_watermark (file->document, POLISI_LANG_CY) != NULL) == draft);

      if (!draft)
        {
          g_assert_cmpuint (polisi_test_xpath_count (file->styles, "//draw:custom-shape"), ==, 0);
          continue;
        }

      /* On every page: one per master page, behind the text, with the
       * word in each language the page shows. */
      g_assert_cmpuint (polisi_test_xpath_count (file->styles, "//style:master-page//draw:custom-shape"), ==,
                        polisi_test_xpath_count (file->styles, "//style:master-page"));
      g_assert_cmpuint (polisi_test_xpath_count (file->styles, "//style:style[@style:family='graphic']/style:graphic-properties"
                                                   "[@style:run-through='background']"), ==, 1);
      for (guint l = 0; l < file->n_langs; l++)
        {
          PolisiLang lang = file->langs[l];
          g_autofree char *query = g_strdup_printf ("//draw:custom-shape/text:p[.='%s']",
                                                    polisi_document_get_watermark (file->document, lang));

          /* on its master page and its title page's */
          g_assert_cmpuint (polisi_test_xpath_count (file->styles, query), ==, 2);
        }
    }
}

/* How the pages are made, as in the PDF: a title page without a running
 * header, then each part's own master page; back to back, the second
 * language's title page always a right-hand page; an appendix on a new
 * page; in parallel columns, each heading's row a table of its own that
 * never splits and keeps with the table after it. */
static void
test_pages (void)
{
  for (guint f = 0; f < fixture.files->len; f++)
    {
      OdtFile *file = fixture.files->pdata[f];
      gboolean columns = file->options.layout == POLISI_LAYOUT_COLUMNS;
      guint n_masters = columns ? 1 : file->n_langs;
      guint n_headings = 0, n_appendices = 0;
      xmlXPathObject *result;

      g_test_message ("%s", file->name);
      for (guint i = 0; i < polisi_document_get_n_blocks (file->document); i++)
        {
          PolisiBlock *block = polisi_document_get_block (file->document, i);

          if (block->kind != POLISI_BLOCK_HEADING)
            continue;
          n_headings++;
          n_appendices += block->appendix;
        }
      g_assert_cmpuint (n_appendices, >, 0);

      /* title pages: no running header, the part's master page next */
      result = polisi_test_xpath (file->styles, "//style:master-page[@style:next-style-name]");
      g_assert_cmpint (result->nodesetval->nodeNr, ==, n_masters);
      for (int m = 0; m < result->nodesetval->nodeNr; m++)
        {
          xmlNode *master = result->nodesetval->nodeTab[m];
          g_autofree char *name = get_attribute (master, POLISI_TEST_NS_STYLE, "name");
          g_autofree char *next = get_attribute (master, POLISI_TEST_NS_STYLE, "next-style-name");
          g_autofree char *layout = get_attribute (master, POLISI_TEST_NS_STYLE, "page-layout-name");
          g_autofree char *query = g_strdup_printf ("//style:master-page[@style:name='%s' and not(@style:next-style-name)]", next);
          g_autofree char *header = g_strdup_printf ("//style:master-page[@style:name='%s']/style:header//text:p"
                                                     "[not(ancestor::draw:custom-shape)]", name);
          g_autofree char *words = g_strdup_printf ("//style:master-page[@style:name='%s']/style:header", name);
          g_autofree char *recto = g_strdup_printf ("//style:page-layout[@style:name='%s' and @style:page-usage='right']", layout);
          g_autofree char *text = polisi_test_xpath_all_text (file->styles, words);
          gboolean second_part = file->options.layout == POLISI_LAYOUT_SEQUENTIAL &&
                                 g_str_has_prefix (name, file->langs[1] == POLISI_LANG_CY ? "Polisi_cy" : "Polisi_en");

          g_assert_cmpuint (polisi_test_xpath_count (file->styles, query), ==, 1);
          g_assert_cmpuint (polisi_test_xpath_count (file->styles, header), ==, 1);
          g_assert_nonnull (text);
          /* only the watermark's words, on a draft */
          for (guint l = 0; l < file->n_langs; l++)
            {
              const char *mark = polisi_document_get_watermark (file->document, file->langs[l]);
              char *at = mark != NULL ? strstr (text, mark) : NULL;

              if (at != NULL)
                memset (at, ' ', strlen (mark));
            }
          g_strstrip (text);
          g_assert_cmpstr (text, ==, "");
          g_assert_cmpuint (polisi_test_xpath_count (file->styles, recto), ==, second_part);
        }
      xmlXPathFreeObject (result);

      if (!columns)
        {
          /* each appendix heading on a new page, and nothing else */
          guint n = polisi_test_xpath_count (file->content, "//text:h[starts-with(@text:style-name, 'Appendix_')]");

          g_assert_cmpuint (n, ==, n_appendices * file->n_langs);
          g_assert_cmpuint (polisi_test_xpath_count (file->content, "//style:style[starts-with(@style:name, 'Appendix_')]"
                                                       "/style:paragraph-properties[@fo:break-before='page']"), ==, file->n_langs);
        }
      else
        {
          /* a heading's table: its one row, which never splits, kept with
           * what follows; an appendix's on a new page */
          g_assert_cmpuint (polisi_test_xpath_count (file->content, "//table:table[starts-with(@table:style-name, 'Columns_heading')]"),
                            ==, n_headings);
          g_assert_cmpuint (polisi_test_xpath_count (file->content, "//table:table[starts-with(@table:style-name, 'Columns_heading')]"
                                                       "[count(table:table-row) != 1 or table:table-row/@table:style-name != 'Columns.heading']"),
                            ==, 0);
          g_assert_cmpuint (polisi_test_xpath_count (file->content, "//style:style[starts-with(@style:name, 'Columns_heading')]"
                                                       "/style:table-properties[@fo:keep-with-next='always' and "
                                                       "@style:may-break-between-rows='false']"), ==, 2);
          g_assert_cmpuint (polisi_test_xpath_count (file->content, "//style:style[@style:name='Columns.heading']"
                                                       "/style:table-row-properties[@fo:keep-together='always']"), ==, 1);
          g_assert_cmpuint (polisi_test_xpath_count (file->content, "//table:table[@table:style-name='Columns_heading_page']"),
                            ==, n_appendices + 1);
          g_assert_cmpuint (polisi_test_xpath_count (file->content, "//style:style[@style:name='Columns_heading_page']"
                                                       "/style:table-properties[@fo:break-before='page']"), ==, 1);
        }
    }
}

static void
test_line_numbers (void)
{
  for (guint f = 0; f < fixture.files->len; f++)
    {
      OdtFile *file = fixture.files->pdata[f];
      gboolean consultation = file->case_id == CASE_WALES;

      g_test_message ("%s", file->name);
      g_assert_true (polisi_document_get_line_numbers (file->document) == consultation);
      g_assert_cmpuint (polisi_test_xpath_count (file->styles, "//office:styles/text:linenumbering-configuration"
                                                   "[@text:number-lines='true' and @text:increment='5']"), ==, consultation);
      /* A consultation draft's header gives its closing date: after the
       * version and status where it fits there, as in the PDF, else on a
       * line of its own. */
      if (polisi_document_get_closing_text (file->document, POLISI_LANG_EN) != NULL)
        {
          g_autoptr(PolisiPageLayout) layout = polisi_page_layout_new (file->document, &file->options);

          polisi_page_layout_paginate (layout);
          for (guint i = 0; i < file->n_langs; i++)
            {
              gboolean apart = polisi_page_layout_get_header_n_lines (layout, file->langs[i]) == 3;
              g_autofree char *query = g_strdup_printf ("//style:header//text:p[starts-with(., '%s') and contains(., ' · %s: ')]",
                                                        polisi_export_term (POLISI_TERM_VERSION, file->langs[i]),
                                                        polisi_export_term (POLISI_TERM_CLOSING_DATE, file->langs[i]));
              g_autofree char *own_line = g_strdup_printf ("//style:header//text:p[starts-with(., '%s: ')]",
                                                           polisi_export_term (POLISI_TERM_CLOSING_DATE, file->langs[i]));

              g_assert_cmpuint (polisi_test_xpath_count (file->styles, apart ? own_line : query), >=, 1);
              g_assert_cmpuint (polisi_test_xpath_count (file->styles, apart ? query : own_line), ==, 0);
            }
        }
      else
        g_assert_cmpuint (polisi_test_xpath_count (file->styles, "//style:header//text:p[contains(., 'Closing date') or "
                                                     "contains(., 'Dyddiad cau')]"), ==, 0);
      /* Headers and footers are not counted. */
      g_assert_cmpuint (polisi_test_xpath_count (file->styles, "//style:style[@style:name='Header' or @style:name='Footer']"
                                                   "/style:paragraph-properties[@text:number-lines='false']"), ==, 2);
    }
}

/* Parallel columns of a consultation draft: LibreOffice numbers no lines
 * in a table, so the ODT has columns of numbers Polisi computes. Rendered
 * by LibreOffice, every number of Polisi's layout is in the margin beside
 * its column, and beside the same words as in Polisi's PDF, within the
 * tolerance HACKING.md states: the fonts are the same, but LibreOffice
 * and Pango may still break a rare line elsewhere. */
static void
test_line_numbers_columns (void)
{
  g_autofree char *soffice = polisi_test_find_soffice ();
  g_autofree char *out_dir = g_build_filename (fixture.dir, "lines", NULL);
  guint n_checked = 0;

  if (soffice == NULL)
    {
      g_test_skip ("skipped: LibreOffice (soffice) is not installed");
      return;
    }
  for (guint f = 0; f < fixture.files->len; f++)
    {
      OdtFile *file = fixture.files->pdata[f];
      const char *paths[] = { file->path, NULL };
      g_autofree char *pdf_name = NULL;
      g_autofree char *pdf = NULL;
      PolisiTestLines lines;

      if (file->options.layout != POLISI_LAYOUT_COLUMNS)
        continue;
      if (!polisi_document_get_line_numbers (file->document))
        {
          /* no numbers where there are no line numbers */
          g_assert_cmpuint (polisi_test_xpath_count (file->content, "//text:span[@text:style-name='Line_20_numbering']"), ==, 0);
          continue;
        }

      g_test_message ("%s", file->name);
      polisi_test_soffice_convert (soffice, fixture.dir, "pdf", out_dir, paths);
      pdf_name = g_strdup_printf ("%s.pdf", file->name);
      pdf = g_build_filename (out_dir, pdf_name, NULL);
      polisi_test_check_line_numbers (file->document, &file->options, pdf, &lines);
      g_test_message ("%u lines numbered, %u numbers found, %u beside the same words",
                      lines.n_numbered, lines.n_found, lines.n_same);
      g_assert_cmpuint (lines.n_numbered, >, 500);
      g_assert_cmpuint (lines.n_found, ==, lines.n_numbered);
      g_assert_cmpuint (lines.n_same * 100, >=, lines.n_numbered * 95);
      n_checked++;
    }
  g_assert_cmpuint (n_checked, ==, 2);
}

/* The text of each page of a PDF, as pdftotext reads it (pages end with a
 * form feed), white space collapsed. */
static GPtrArray *
pdf_page_texts (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) pages = NULL;
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  pages = g_strsplit (out, "\f", -1);
  for (guint p = 0; pages[p] != NULL; p++)
    if (pages[p + 1] != NULL || pages[p][0] != '\0')
      g_ptr_array_add (texts, polisi_test_normalize_space (pages[p]));
  return texts;
}

/* The page (1-based) where @label appears for the second time (the first
 * is its contents entry), or 0. */
static guint
find_heading_page (GPtrArray  *pages,
                   const char *label)
{
  guint seen = 0;

  for (guint p = 0; p < pages->len; p++)
    for (const char *at = strstr (pages->pdata[p], label); at != NULL; at = strstr (at + 1, label))
      if (++seen == 2)
        return p + 1;
  return 0;
}

/* Each layout prints like the PDF: as LibreOffice renders the ODT, it
 * has the PDF's number of pages, and the contents entries that give the
 * page LibreOffice shows the heading on (Polisi's own, the PDF's; in
 * parallel columns both lists, whose headings share a row) are as many as
 * HACKING.md's table says: the example policies, and the Welsh one
 * adopted, and secondary-wales-adopted.polisi, in every layout.
 * LibreOffice's pages are the PDF's, and every entry is right (in
 * parallel columns, each paragraph pair a row that never splits, in both;
 * HACKING.md). */
static const struct {
  CaseId   case_id;
  LayoutId layout_id;
  guint    more_pages;
  guint    n_entries;
  guint    n_right;
} print_figures[] = {
  { CASE_WALES, LAYOUT_CY, 0, 19, 19 },
  { CASE_WALES, LAYOUT_EN, 0, 19, 19 },
  { CASE_WALES, LAYOUT_COLUMNS, 0, 2 * 19, 2 * 19 },
  { CASE_WALES, LAYOUT_SEQUENTIAL, 0, 2 * 19, 2 * 19 },
  { CASE_ENGLAND, LAYOUT_CY, 0, 18, 18 },
  { CASE_ENGLAND, LAYOUT_EN, 0, 18, 18 },
  { CASE_ENGLAND, LAYOUT_COLUMNS, 0, 2 * 18, 2 * 18 },
  { CASE_ENGLAND, LAYOUT_SEQUENTIAL, 0, 2 * 18, 2 * 18 },
  { CASE_ADOPTED, LAYOUT_CY, 0, 18, 18 },
  { CASE_ADOPTED, LAYOUT_EN, 0, 18, 18 },
  { CASE_ADOPTED, LAYOUT_COLUMNS, 0, 2 * 18, 2 * 18 },
  { CASE_ADOPTED, LAYOUT_SEQUENTIAL, 0, 2 * 18, 2 * 18 },
  { CASE_WALES_ADOPTED, LAYOUT_CY, 0, 19, 19 },
  { CASE_WALES_ADOPTED, LAYOUT_EN, 0, 19, 19 },
  { CASE_WALES_ADOPTED, LAYOUT_COLUMNS, 0, 2 * 19, 2 * 19 },
  { CASE_WALES_ADOPTED, LAYOUT_SEQUENTIAL, 0, 2 * 19, 2 * 19 },
};

static OdtFile *
find_file (CaseId   case_id,
           LayoutId layout_id)
{
  for (guint f = 0; f < fixture.files->len; f++)
    {
      OdtFile *file = fixture.files->pdata[f];

      if (file->case_id == case_id && file->layout_id == layout_id)
        return file;
    }
  g_assert_not_reached ();
}

static void
test_pages_print (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *soffice = polisi_test_find_soffice ();
  g_autofree char *out_dir = g_build_filename (fixture.dir, "pages-print", NULL);
  const char *paths[G_N_ELEMENTS (print_figures) + 1] = { NULL };

  if (soffice == NULL)
    {
      g_test_skip ("skipped: LibreOffice (soffice) is not installed");
      return;
    }
  if (pdftotext == NULL)
    {
      g_test_skip ("skipped: poppler's pdftotext is not installed");
      return;
    }

  /* one LibreOffice run for every file; the blank page before a part
   * that starts on a right-hand page printed, as when printing */
  for (guint i = 0; i < G_N_ELEMENTS (print_figures); i++)
    paths[i] = find_file (print_figures[i].case_id, print_figures[i].layout_id)->path;
  polisi_test_soffice_convert (soffice, fixture.dir, POLISI_TEST_SOFFICE_PDF_WITH_BLANK_PAGES, out_dir, paths);

  for (guint i = 0; i < G_N_ELEMENTS (print_figures); i++)
    {
      OdtFile *file = find_file (print_figures[i].case_id, print_figures[i].layout_id);
      g_autoptr(PolisiPageLayout) layout = NULL;
      g_autoptr(GPtrArray) pages = NULL;
      g_autofree char *pdf_name = NULL;
      g_autofree char *pdf = NULL;
      xmlXPathObject *entries;
      guint n_entries = 0;
      guint n_right = 0;

      g_test_message ("%s", file->name);
      layout = polisi_page_layout_new (file->document, &file->options);
      polisi_page_layout_paginate (layout);
      pdf_name = g_strdup_printf ("%s.pdf", file->name);
      pdf = g_build_filename (out_dir, pdf_name, NULL);
      pages = pdf_page_texts (pdf);
      g_test_message ("Polisi's PDF: %u pages; LibreOffice: %u", polisi_page_layout_get_n_pages (layout), pages->len);
      g_assert_cmpuint (pages->len, ==, polisi_page_layout_get_n_pages (layout) + print_figures[i].more_pages);

      /* every contents list: each entry's heading and page */
      entries = polisi_test_xpath (file->content, "//text:table-of-content/text:index-body/text:p[text:a]");
      for (int e = 0; entries->nodesetval != NULL && e < entries->nodesetval->nodeNr; e++)
        {
          xmlNode *entry = entries->nodesetval->nodeTab[e];
          g_autofree char *label = NULL;
          g_autofree char *page_text = NULL;
          guint page;
          guint found;

          for (xmlNode *child = entry->children; child != NULL; child = child->next)
            if (child->type == XML_ELEMENT_NODE && strcmp ((const char *) child->name, "a") == 0)
              {
                g_autofree char *raw = node_text (child);

                label = polisi_test_normalize_space (raw);
              }
            else if (child->type == XML_TEXT_NODE && child->prev != NULL &&
                     strcmp ((const char *) child->prev->name, "tab") == 0)
              page_text = node_text (child);
          g_assert_nonnull (label);
          g_assert_nonnull (page_text);
          page = (guint) g_ascii_strtoull (page_text, NULL, 10);
          g_assert_cmpuint (page, >, 0);
          found = find_heading_page (pages, label);
          g_assert_cmpuint (found, >, 0);
          if (found != page)
            g_test_message ("%-45s contents %2u, LibreOffice %2u", label, page, found);
          n_entries++;
          n_right += found == page;
        }
      xmlXPathFreeObject (entries);
      g_test_message ("%u of %u contents entries on LibreOffice's page", n_right, n_entries);
      g_assert_cmpuint (n_entries, ==, print_figures[i].n_entries);
      g_assert_cmpuint (n_right, ==, print_figures[i].n_right);
    }
}

static void
test_availability_note (void)
{
  for (guint f = 0; f < fixture.files->len; f++)
    {
      OdtFile *file = fixture.files->pdata[f];
      gboolean wales = polisi_document_get_nation (file->document) == POLISI_NATION_WALES;
      gboolean one_language = file->n_langs == 1;
      xmlXPathObject *result = polisi_test_xpath (file->content, "//text:p[starts-with(@text:style-name, 'Note_')]");

      g_test_message ("%s", file->name);
      g_assert_true (wales == (file->case_id != CASE_ENGLAND));

      if (wales && one_language)
        {
          g_autofree char *expected = polisi_export_availability_note (file->document, &file->options, file->langs[0]);
          g_autofree char *text = NULL;

          g_assert_nonnull (expected);
          g_assert_cmpint (result->nodesetval->nodeNr, ==, 1);
          text = node_text (result->nodesetval->nodeTab[0]);
          g_assert_cmpstr (text, ==, expected);
          /* The other language is named... */
          g_assert_nonnull (strstr (text, file->langs[0] == POLISI_LANG_CY ? "Saesneg" : "Welsh"));
          /* ... and the other file of a pair, by its title, not by a file
           * name that breaks when the file is renamed */
          if (file->other_file != NULL)
            {
              g_assert_null (strstr (text, file->other_file));
              g_assert_nonnull (strstr (text, polisi_document_get_title (file->document,
                                                                         POLISI_LANG_OTHER (file->langs[0]))));
            }
        }
      else
        g_assert_true (result->nodesetval == NULL || result->nodesetval->nodeNr == 0);
      xmlXPathFreeObject (result);
    }
}

/* ------------------------------------------------------------------ */
/* meta.xml, hostile text                                               */
/* ------------------------------------------------------------------ */

static void
assert_date_time (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) parsed = NULL;

  g_assert_nonnull (text);
  g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$", text, 0, 0));
  parsed = g_date_time_new_from_iso8601 (text, utc);
  g_assert_nonnull (parsed);
}

static void
test_meta (void)
{
  for (guint f = 0; f < fixture.files->len; f++)
    {
      OdtFile *file = fixture.files->pdata[f];
      g_autofree char *generator = polisi_test_xpath_string (file->meta, "//meta:generator");
      g_autofree char *language = polisi_test_xpath_string (file->meta, "//dc:language");
      g_autofree char *title = polisi_test_xpath_string (file->meta, "//dc:title");
      g_autofree char *subject = polisi_test_xpath_string (file->meta, "//dc:subject");
      g_autofree char *created = polisi_test_xpath_string (file->meta, "//meta:creation-date");
      g_autofree char *date = polisi_test_xpath_string (file->meta, "//dc:date");

      g_test_message ("%s", file->name);
      g_assert_cmpuint (polisi_test_xpath_count (file->meta, "/office:document-meta[@office:version='1.3']/office:meta"), ==, 1);
      g_assert_cmpstr (generator, ==, "Polisi/" PACKAGE_VERSION);
      g_assert_cmpstr (language, ==, polisi_lang_to_tag (file->langs[0]));
      g_assert_cmpstr (language, ==, file->langs[0] == POLISI_LANG_CY ? "cy-GB" : "en-GB");
      /* Both languages' title and subject in a bilingual file. */
      if (file->n_langs == 1)
        {
          g_assert_cmpstr (title, ==, polisi_document_get_title (file->document, file->langs[0]));
          g_assert_cmpstr (subject, ==, polisi_document_get_subject (file->document, file->langs[0]));
        }
      else
        {
          g_autofree char *titles = g_strdup_printf ("%s / %s",
                                                     polisi_document_get_title (file->document, file->langs[0]),
                                                     polisi_document_get_title (file->document, file->langs[1]));
          g_autofree char *subjects = g_strdup_printf ("%s / %s",
                                                       polisi_document_get_subject (file->document, file->langs[0]),
                                                       polisi_document_get_subject (file->document, file->langs[1]));

          g_assert_cmpstr (title, ==, titles);
          g_assert_cmpstr (subject, ==, subjects);
        }
      g_assert_cmpuint (polisi_test_xpath_count (file->meta, "//meta:keyword"), >=, 3);
      assert_date_time (created);
      assert_date_time (date);
      g_assert_true (g_str_has_prefix (date, polisi_document_get_date_iso (file->document)));
    }
}

static void
test_hostile_text (void)
{
  g_autofree char *word = polisi_test_long_word ();

  for (guint f = 0; f < fixture.files->len; f++)
    {
      OdtFile *file = fixture.files->pdata[f];
      gsize size;
      const char *content = g_bytes_get_data (g_hash_table_lookup (file->parts, "content.xml"), &size);

      if (file->case_id != CASE_HOSTILE)
        continue;
      g_test_message ("%s", file->name);

      g_assert_true (g_utf8_validate (content, size, NULL));
      for (guint l = 0; l < file->n_langs; l++)
        {
          PolisiLang lang = file->langs[l];
          const char *organisation = polisi_document_get_organisation (file->document, lang);
          g_autofree char *query = g_strdup_printf ("//text:p[starts-with(@text:style-name, 'Organisation_%s')]",
                                                    polisi_lang_to_code (lang));
          g_autofree char *text = polisi_test_xpath_string (file->content, query);
          g_autofree char *header = polisi_test_xpath_all_text (file->styles, "//style:header");

          /* Read back exactly, in the body and in the header. */
          g_assert_true (g_str_has_suffix (organisation, POLISI_TEST_HOSTILE));
          g_assert_cmpstr (text, ==, organisation);
          g_assert_nonnull (strstr (header, organisation));
        }
      g_assert_cmpuint (polisi_test_xpath_count (file->content, "//office:text//text:p[contains(., '" POLISI_TEST_WELSH_LETTERS "')]"),
                        ==, file->n_langs);

      /* The 300-character word, whole. */
      {
        g_autofree char *query = g_strdup_printf ("//office:text//text:p[contains(., '%s')]", word);
        g_assert_cmpuint (polisi_test_xpath_count (file->content, query), >, 0);
      }

      /* The subject (organisation: title) in meta.xml too. */
      {
        g_autofree char *subject = polisi_test_xpath_string (file->meta, "//dc:subject");

        g_assert_nonnull (strstr (subject, POLISI_TEST_HOSTILE));
      }
    }
}

/* ------------------------------------------------------------------ */
/* LibreOffice                                                          */
/* ------------------------------------------------------------------ */

static void
test_libreoffice (void)
{
  g_autofree char *soffice = polisi_test_find_soffice ();
  g_autofree char *out_dir = g_build_filename (fixture.dir, "txt", NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  g_autofree char *word = polisi_test_long_word ();
  g_autofree char *hostile = polisi_test_normalize_space (POLISI_TEST_HOSTILE);
  guint n_missing = 0;

  if (soffice == NULL)
    {
      g_test_skip ("skipped: LibreOffice (soffice) is not installed");
      return;
    }

  for (guint f = 0; f < fixture.files->len; f++)
    g_ptr_array_add (paths, ((OdtFile *) fixture.files->pdata[f])->path);
  g_ptr_array_add (paths, NULL);
  polisi_test_soffice_convert (soffice, fixture.dir, "txt:Text", out_dir, (const char * const *) paths->pdata);

  for (guint f = 0; f < fixture.files->len; f++)
    {
      OdtFile *file = fixture.files->pdata[f];
      g_autofree char *base = g_strdup_printf ("%s.txt", file->name);
      g_autofree char *path = g_build_filename (out_dir, base, NULL);
      g_autofree char *raw = NULL;
      g_autofree char *text = NULL;

      g_test_message ("%s", file->name);
      raw = polisi_test_soffice_text (path);
      text = polisi_test_normalize_space (raw);

      for (PolisiLang lang = 0; lang < POLISI_N_LANGS; lang++)
        {
          g_autoptr(GPtrArray) expected = expected_texts (file, lang);

          if (!polisi_test_options_show (&file->options, lang))
            {
              /* The other language stays out of a one-language file. */
              const char *title = polisi_document_get_title (file->document, lang);

              /* (one of two separate files names the other by its title,
               * once) */
              if (g_strcmp0 (title, polisi_document_get_title (file->document, POLISI_LANG_OTHER (lang))) != 0)
                {
                  const char *found = strstr (text, title);

                  if (file->other_file != NULL && polisi_document_get_nation (file->document) == POLISI_NATION_WALES)
                    {
                      g_assert_nonnull (found);
                      found = strstr (found + 1, title);
                    }
                  g_assert_null (found);
                }
              continue;
            }

          for (guint i = 0; i < expected->len; i++)
            {
              g_autofree char *needle = polisi_test_normalize_space (expected->pdata[i]);

              if (strstr (text, needle) == NULL)
                {
                  if (n_missing++ < 10)
                    g_test_message ("%s: not found in LibreOffice's text: %s", file->name, needle);
                }
            }
        }

      /* Clause numbers survive as text, followed by a tab, and headings
       * keep the two spaces after their number. */
      for (guint i = 0; i < polisi_document_get_n_blocks (file->document); i++)
        {
          PolisiBlock *block = polisi_document_get_block (file->document, i);
          g_autofree char *needle = NULL;

          if (block->kind == POLISI_BLOCK_CLAUSE)
            needle = g_strdup_printf ("\n%s\t", block->number);
          else if (block->kind == POLISI_BLOCK_HEADING && block->number != NULL && !block->appendix)
            {
              g_autofree char *label = polisi_export_heading_label (block, file->langs[0]);

              g_assert_nonnull (strstr (label, "  "));
              needle = g_strdup_printf ("\n%s\n", label);
            }
          else
            continue;
          if (strstr (raw, needle) == NULL)
            g_error ("%s: LibreOffice's text has no line starting \"%s\"", file->name, needle + 1);
        }

      if (file->case_id == CASE_HOSTILE)
        {
          g_assert_nonnull (strstr (text, hostile));
          g_assert_nonnull (strstr (text, word));
          g_assert_nonnull (strstr (text, POLISI_TEST_WELSH_LETTERS));
        }
    }

  if (n_missing > 0)
    {
      g_test_message ("%u texts missing from LibreOffice's conversion", n_missing);
      g_test_fail ();
    }
}

/* ------------------------------------------------------------------ */
/* Speed                                                                */
/* ------------------------------------------------------------------ */

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int result;

  g_test_init (&argc, &argv, NULL);

  fixture.dir = polisi_test_make_temp_dir ();
  fixture.context = polisi_test_builtin_context ();
  fixture.files = g_ptr_array_new_with_free_func (odt_file_free);
  for (CaseId c = 0; c < N_CASES; c++)
    fixture.documents[c] = make_document (c);
  for (CaseId c = 0; c < N_CASES; c++)
    for (LayoutId l = 0; l < N_LAYOUTS; l++)
      if ((l < LAYOUT_COLUMNS_EN_FIRST || c == CASE_WALES) && (c != CASE_WALES_ADOPTED || l <= LAYOUT_SEQUENTIAL))
        g_ptr_array_add (fixture.files, write_odt (c, l));

  g_test_add_func ("/odt/package", test_package);
  g_test_add_func ("/odt/schema", test_schema);
  g_test_add_func ("/odt/languages", test_languages);
  g_test_add_func ("/odt/structure", test_structure);
  g_test_add_func ("/odt/watermark", test_watermark);
  g_test_add_func ("/odt/pages", test_pages);
  g_test_add_func ("/odt/line-numbers", test_line_numbers);
  g_test_add_func ("/odt/line-numbers-columns", test_line_numbers_columns);
  g_test_add_func ("/odt/pages-print", test_pages_print);
  g_test_add_func ("/odt/availability-note", test_availability_note);
  g_test_add_func ("/odt/meta", test_meta);
  g_test_add_func ("/odt/hostile-text", test_hostile_text);
  g_test_add_func ("/odt/libreoffice", test_libreoffice);

  result = g_test_run ();

  g_clear_pointer (&fixture.files, g_ptr_array_unref);
  for (CaseId c = 0; c < N_CASES; c++)
    g_clear_object (&fixture.documents[c]);
  g_clear_object (&fixture.context);
  polisi_test_remove_tree (fixture.dir);
  g_free (fixture.dir);

  return result;
}
