/* test-docx.c: the Word writer, checked by real readers
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every layout (Welsh, English, parallel columns, back to back, the two
 * files of "separate") of four documents: the two example policies, the
 * Welsh one adopted, and a hostile policy built from the whole library
 * with markup characters, emoji and every Welsh accented letter. Each DOCX
 * is written once, in main(), then:
 *
 *   - the package: its parts and relationships, the document properties
 *     and the policy's identity in docProps/custom.xml;
 *   - every part against the ISO/IEC 29500 transitional schemas with Jing
 *     (OOXML_SCHEMA_DIR; skipped with a message when unset), the package
 *     parts against the OPC schemas with xmllint;
 *   - the language of every run, each clause's bookmark, the comments
 *     table's caption, the watermark on drafts only, the page fields of the
 *     footer, the contents field;
 *   - LibreOffice: every DOCX converted to text and to PDF: every paragraph
 *     of every included clause in the layouts that show its language, the
 *     hostile text intact, and each contents list with the page numbers of
 *     Polisi's own layout in LibreOffice's rendering;
 *   - tracked changes: a new version against the adopted one, in four
 *     layouts; LibreOffice accepting every change gives the new version's
 *     text, rejecting every change the old version's (tests/tools/
 *     lo-changes.py, through the Python UNO bridge; skipped when missing).
 */
#include "config.h"

#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "polisi-assembler.h"
#include "polisi-anchor.h"
#include "polisi-compare.h"
#include "polisi-docx.h"
#include "polisi-export.h"
#include "polisi-page-layout.h"
#include "polisi-policy-io.h"
#include "polisi-test-export.h"
#include "polisi-test-lines.h"
#include "polisi-test-utils.h"
#include "polisi-test-xml.h"

#define NS_W POLISI_TEST_NS_W

#define AUTHOR "Rhian Ellis (AD / HR)"
#define CHANGE_DATE "2027-01-15T09:30:00"
#define OLD_HEAD "Mr Dafydd ap Gwilym"
#define NEW_HEAD "Mrs Eleri Wyn"

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
  N_LAYOUTS
} LayoutId;

static const char *layout_names[N_LAYOUTS] = { "cy", "en", "columns", "sequential", "separate-cy", "separate-en" };

typedef struct {
  char                *name;
  CaseId               case_id;
  PolisiDocument      *document;    /* borrowed */
  PolisiExportOptions  options;
  char                *other_file;
  PolisiLang           langs[POLISI_N_LANGS];
  guint                n_langs;
  char                *path;
  char                *dir;
  GHashTable          *parts;       /* path -> GBytes */
  xmlDoc              *body;        /* word/document.xml */
} DocxFile;

static struct {
  char           *dir;
  PolisiContext  *context;
  PolisiDocument *documents[N_CASES];
  GPtrArray      *files;
} fixture;

/* ------------------------------------------------------------------ */
/* Helpers                                                              */
/* ------------------------------------------------------------------ */

static xmlXPathObject *
xpath (xmlDoc     *doc,
       const char *expression)
{
  return polisi_test_xpath (doc, expression);
}

static guint
count (xmlDoc     *doc,
       const char *expression)
{
  xmlXPathObject *result = xpath (doc, expression);
  guint n;

  if (result->type == XPATH_NUMBER)
    n = (guint) result->floatval;
  else
    n = result->nodesetval != NULL ? (guint) result->nodesetval->nodeNr : 0;
  xmlXPathFreeObject (result);
  return n;
}

static char *
string (xmlDoc     *doc,
        const char *expression)
{
  g_autofree char *wrapped = g_strdup_printf ("string(%s)", expression);
  xmlXPathObject *result = xpath (doc, wrapped);
  char *value = g_strdup ((const char *) result->stringval);

  xmlXPathFreeObject (result);
  return value;
}

static xmlDoc *
parse_part (DocxFile   *file,
            const char *part)
{
  return polisi_test_package_parse (file->parts, file->name, part);
}

static char *
run_command (const char * const *argv,
             int                *status)
{
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, status, &error);
  g_assert_no_error (error);
  if (*status != 0 && err != NULL && err[0] != '\0')
    g_test_message ("%s: %s", argv[0], err);
  return out;
}

/* ------------------------------------------------------------------ */
/* Writing and unpacking                                                */
/* ------------------------------------------------------------------ */

static DocxFile *
write_docx (const char                *name,
            PolisiDocument            *document,
            const PolisiExportOptions *options)
{
  DocxFile *file = g_new0 (DocxFile, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) package = NULL;

  file->name = g_strdup (name);
  file->document = document;
  file->options = *options;
  file->n_langs = polisi_export_get_languages (&file->options, file->langs);

  package = polisi_export_to_bytes (document, POLISI_FORMAT_DOCX, &file->options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (package);

  file->path = g_strdup_printf ("%s/%s.docx", fixture.dir, name);
  polisi_test_write_file (file->path, g_bytes_get_data (package, NULL), g_bytes_get_size (package));

  file->dir = g_strdup_printf ("%s/%s", fixture.dir, name);
  file->parts = polisi_test_package_unpack (package, file->dir);

  file->body = parse_part (file, "word/document.xml");
  return file;
}

static DocxFile *
write_case (CaseId   case_id,
            LayoutId layout_id)
{
  static const PolisiLayout layouts[N_LAYOUTS] = {
    POLISI_LAYOUT_CY, POLISI_LAYOUT_EN, POLISI_LAYOUT_COLUMNS, POLISI_LAYOUT_SEQUENTIAL,
    POLISI_LAYOUT_CY, POLISI_LAYOUT_EN,
  };
  g_autofree char *name = g_strdup_printf ("%s-%s", case_names[case_id], layout_names[layout_id]);
  g_autofree char *other = NULL;
  PolisiExportOptions options;
  DocxFile *file;

  polisi_export_options_init (&options, layouts[layout_id]);
  if (layout_id == LAYOUT_SEPARATE_CY || layout_id == LAYOUT_SEPARATE_EN)
    {
      other = g_strdup_printf ("%s-%s.docx", case_names[case_id],
                               layout_id == LAYOUT_SEPARATE_CY ? "separate-en" : "separate-cy");
      options.other_file = other;
    }
  file = write_docx (name, fixture.documents[case_id], &options);
  file->case_id = case_id;
  file->other_file = g_steal_pointer (&other);
  file->options.other_file = file->other_file;
  return file;
}

static void
docx_file_free (gpointer data)
{
  DocxFile *file = data;

  g_free (file->name);
  g_free (file->other_file);
  g_free (file->path);
  g_free (file->dir);
  g_clear_pointer (&file->parts, g_hash_table_unref);
  g_clear_pointer (&file->body, xmlFreeDoc);
  g_free (file);
}

static PolisiDocument *
make_document (CaseId case_id)
{
  PolisiLibrary *library = polisi_context_get_library (fixture.context);
  g_autoptr(PolisiPolicy) policy = case_id == CASE_WALES_ADOPTED ?
                                    polisi_test_load_example ("secondary-wales-adopted.polisi") :
                                    polisi_test_writer_policy (case_names[case_id], library);

  return polisi_assemble (policy, library, POLISI_ASSEMBLE_DEFAULT);
}

/* ------------------------------------------------------------------ */
/* The package                                                          */
/* ------------------------------------------------------------------ */

static void
test_package (void)
{
  static const char *parts[] = {
    "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
    "word/styles.xml", "word/numbering.xml", "word/settings.xml", "word/header1.xml", "word/footer1.xml",
    "docProps/core.xml", "docProps/app.xml", "docProps/custom.xml",
  };

  for (guint f = 0; f < fixture.files->len; f++)
    {
      DocxFile *file = fixture.files->pdata[f];
      xmlDoc *custom, *core, *types;
      g_autofree char *uid = NULL;
      g_autofree char *version = NULL;
      g_autofree char *title = NULL;
      g_autofree char *language = NULL;

      g_test_message ("%s", file->name);
      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        if (!g_hash_table_contains (file->parts, parts[i]))
          g_error ("%s has no %s", file->name, parts[i]);
      /* back to back: a header and footer for each language */
      g_assert_cmpint (g_hash_table_contains (file->parts, "word/header2.xml"), ==,
                       file->options.layout == POLISI_LAYOUT_SEQUENTIAL);

      types = parse_part (file, "[Content_Types].xml");
      g_assert_cmpuint (count (types, "//*[local-name()='Override'][@PartName='/word/document.xml']"
                                      "[@ContentType='application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml']"), ==, 1);
      xmlFreeDoc (types);

      /* the policy's identity */
      custom = parse_part (file, "docProps/custom.xml");
      uid = string (custom, "//op:property[@name='PolisiPolicyId']/vt:lpwstr");
      version = string (custom, "//op:property[@name='PolisiVersion']/vt:lpwstr");
      g_assert_cmpstr (uid, ==, polisi_document_get_policy_uid (file->document));
      g_assert_cmpuint (strlen (uid), ==, 36);
      g_assert_cmpstr (version, ==, polisi_document_get_version (file->document));
      xmlFreeDoc (custom);

      core = parse_part (file, "docProps/core.xml");
      title = string (core, "/cp:coreProperties/dc:title");
      language = string (core, "/cp:coreProperties/dc:language");
      g_assert_nonnull (strstr (title, polisi_document_get_title (file->document, file->langs[0])));
      g_assert_cmpstr (language, ==, polisi_lang_to_tag (file->langs[0]));
      g_assert_cmpuint (count (core, "/cp:coreProperties/*[local-name()='created']"), ==, 1);
      xmlFreeDoc (core);
    }
}

/* ------------------------------------------------------------------ */
/* The schemas                                                          */
/* ------------------------------------------------------------------ */

static const struct {
  const char *prefix;   /* of the part's path */
  const char *schema;   /* in rnc/ */
} part_schemas[] = {
  { "word/document.xml", "WordprocessingML_Main_Document.rnc" },
  { "word/styles.xml", "WordprocessingML_Style_Definitions.rnc" },
  { "word/numbering.xml", "WordprocessingML_Numbering_Definitions.rnc" },
  { "word/settings.xml", "WordprocessingML_Document_Settings.rnc" },
  { "word/header", "WordprocessingML_Header.rnc" },
  { "word/footer", "WordprocessingML_Footer.rnc" },
  { "docProps/app.xml", "Shared_Extended_File_Properties.rnc" },
  { "docProps/custom.xml", "Shared_Custom_File_Properties.rnc" },
};

/* Validates every part of @files; Jing and xmllint take many files at
 * once, so each schema is one call. */
static void
validate_files (GPtrArray *files)
{
  const char *schema_dir = g_getenv ("OOXML_SCHEMA_DIR");
  g_autofree char *jing = g_find_program_in_path ("jing");
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");

  if (schema_dir == NULL || !g_file_test (schema_dir, G_FILE_TEST_IS_DIR))
    {
      g_test_message ("skipped the OOXML schemas: OOXML_SCHEMA_DIR is not set");
      return;
    }
  if (jing == NULL || xmllint == NULL)
    {
      g_test_message ("skipped the OOXML schemas: jing or xmllint is not installed");
      return;
    }

  for (guint s = 0; s < G_N_ELEMENTS (part_schemas); s++)
    {
      g_autofree char *schema = g_build_filename (schema_dir, "rnc", part_schemas[s].schema, NULL);
      g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *out = NULL;
      guint n = 0;
      int status;

      g_ptr_array_add (argv, g_strdup (jing));
      g_ptr_array_add (argv, g_strdup ("-c"));
      g_ptr_array_add (argv, g_strdup (schema));
      for (guint f = 0; f < files->len; f++)
        {
          DocxFile *file = files->pdata[f];
          GHashTableIter iter;
          gpointer key;

          g_hash_table_iter_init (&iter, file->parts);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            if (g_str_has_prefix (key, part_schemas[s].prefix) && g_str_has_suffix (key, ".xml"))
              {
                g_ptr_array_add (argv, g_build_filename (file->dir, key, NULL));
                n++;
              }
        }
      g_assert_cmpuint (n, >, 0);
      g_ptr_array_add (argv, NULL);
      out = run_command ((const char * const *) argv->pdata, &status);
      if (status != 0)
        g_error ("%s: %u parts not valid:\n%s", part_schemas[s].schema, n, out);
    }

  /* the package parts */
  for (guint f = 0; f < files->len; f++)
    {
      DocxFile *file = files->pdata[f];
      g_autofree char *types_schema = g_build_filename (schema_dir, "opc", "opc-contentTypes.xsd", NULL);
      g_autofree char *rels_schema = g_build_filename (schema_dir, "opc", "opc-relationships.xsd", NULL);
      g_autofree char *types = g_build_filename (file->dir, "[Content_Types].xml", NULL);
      g_autofree char *rels = g_build_filename (file->dir, "_rels", ".rels", NULL);
      g_autofree char *document_rels = g_build_filename (file->dir, "word", "_rels", "document.xml.rels", NULL);
      const char *types_argv[] = { xmllint, "--noout", "--schema", types_schema, types, NULL };
      const char *rels_argv[] = { xmllint, "--noout", "--schema", rels_schema, rels, document_rels, NULL };
      int status;
      g_autofree char *out1 = run_command (types_argv, &status);

      if (status != 0)
        g_error ("%s: [Content_Types].xml is not valid", file->name);
      g_free (run_command (rels_argv, &status));
      if (status != 0)
        g_error ("%s: the relationships are not valid", file->name);
    }
}

static void
test_schema (void)
{
  validate_files (fixture.files);
}

/* ------------------------------------------------------------------ */
/* Structure                                                            */
/* ------------------------------------------------------------------ */

/* A run of an appendix's heading (its space may be a no-break one) */
#define APPENDIX_TEXT "starts-with(translate(., '\xc2\xa0', ' '), 'Atodiad ') or " \
                      "starts-with(translate(., '\xc2\xa0', ' '), 'Appendix ')"

static void
test_structure (void)
{
  for (guint f = 0; f < fixture.files->len; f++)
    {
      DocxFile *file = fixture.files->pdata[f];
      PolisiDocument *document = file->document;
      gboolean columns = file->options.layout == POLISI_LAYOUT_COLUMNS;
      gboolean draft = polisi_document_get_watermark (document, POLISI_LANG_CY) != NULL;
      xmlDoc *header = parse_part (file, "word/header1.xml");
      xmlDoc *footer = parse_part (file, "word/footer1.xml");
      g_autofree char *instruction = NULL;

      g_test_message ("%s", file->name);

      /* every run says its language, and only the languages shown */
      g_assert_cmpuint (count (file->body, "//w:r[not(w:rPr/w:lang/@w:val)][w:t or w:delText]"), ==, 0);
      for (PolisiLang lang = 0; lang < POLISI_N_LANGS; lang++)
        {
          g_autofree char *query = g_strdup_printf ("//w:r[w:t][w:rPr/w:lang/@w:val='%s']", polisi_lang_to_tag (lang));

          if (polisi_test_options_show (&file->options, lang))
            g_assert_cmpuint (count (file->body, query), >, 0);
          else
            g_assert_cmpuint (count (file->body, query), ==, 0);
        }

      /* each clause's text in its bookmark, once per language shown, and
       * every bookmark closed */
      {
        g_autoptr(GHashTable) starts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
        g_autoptr(GHashTable) ends = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
        xmlXPathObject *result = xpath (file->body, "//w:bookmarkStart | //w:bookmarkEnd");

        for (int n = 0; result->nodesetval != NULL && n < result->nodesetval->nodeNr; n++)
          {
            xmlNode *node = result->nodesetval->nodeTab[n];
            xmlChar *id = xmlGetNsProp (node, (const xmlChar *) "id", (const xmlChar *) NS_W);
            xmlChar *name = xmlGetNsProp (node, (const xmlChar *) "name", (const xmlChar *) NS_W);

            g_assert_nonnull (id);
            if (g_str_equal ((const char *) node->name, "bookmarkStart"))
              {
                g_assert_nonnull (name);
                /* each name once */
                g_assert_false (g_hash_table_contains (starts, name));
                g_hash_table_insert (starts, g_strdup ((const char *) name), g_strdup ((const char *) id));
              }
            else
              g_hash_table_add (ends, g_strdup ((const char *) id));
            xmlFree (id);
            xmlFree (name);
          }
        xmlXPathFreeObject (result);

        for (guint i = 0; i < polisi_document_get_n_blocks (document); i++)
          {
            PolisiBlock *block = polisi_document_get_block (document, i);

            if (block->kind != POLISI_BLOCK_CLAUSE || block->id == NULL)
              continue;
            for (guint l = 0; l < file->n_langs; l++)
              {
                g_autofree char *name = polisi_anchor_name (block->id, file->langs[l]);
                const char *id = g_hash_table_lookup (starts, name);

                g_assert_cmpuint (strlen (name), <=, 40);
                if (id == NULL)
                  g_error ("%s: no bookmark %s for clause %s", file->name, name, block->id);
                g_assert_true (g_hash_table_contains (ends, id));
              }
          }
      }

      /* the comments table of a consultation draft, captioned */
      if (polisi_document_find_block (document, POLISI_BLOCK_TABLE, "comments-table") >= 0)
        g_assert_cmpuint (count (file->body, "//w:tbl[w:tblPr/w:tblCaption/@w:val='comments-table']"), ==, file->n_langs);
      else
        g_assert_cmpuint (count (file->body, "//w:tblCaption[@w:val='comments-table']"), ==, 0);

      /* the watermark as Word makes it, on drafts only */
      g_assert_cmpuint (count (header, "//v:shape[@id='PowerPlusWaterMarkObject']/v:textpath/@string"), ==, draft ? 1 : 0);
      if (draft)
        {
          g_autofree char *mark = string (header, "//v:shape/v:textpath/@string");
          g_assert_nonnull (strstr (mark, polisi_document_get_watermark (document, file->langs[0])));
        }

      /* "Tudalen X o Y": page fields */
      {
        /* back to back, each language's pages have their own footer */
        guint n_footer_langs = file->options.layout == POLISI_LAYOUT_SEQUENTIAL ? 1 : file->n_langs;

        g_assert_cmpuint (count (footer, "//w:fldSimple[@w:instr=' PAGE ']"), ==, n_footer_langs);
        g_assert_cmpuint (count (footer, "//w:fldSimple[@w:instr=' NUMPAGES ']"), ==, n_footer_langs);
      }

      /* contents: a field outside tables, gathering its language's headings */
      instruction = string (file->body, "//w:instrText[starts-with(normalize-space(.), 'TOC')]");
      if (columns)
        {
          g_assert_cmpstr (instruction, ==, "");
          /* a heading's row never splits, and keeps with the next */
          g_assert_cmpuint (count (file->body, "//w:tr[w:trPr/w:cantSplit][.//w:pStyle[@w:val='Heading1Cymraeg']]"
                                               "[not(.//w:p[w:pPr/w:pStyle[starts-with(@w:val, 'Heading1')]][not(w:pPr/w:keepNext)])]"), >, 0);
          g_assert_cmpuint (count (file->body, "//w:tr[.//w:pStyle[starts-with(@w:val, 'Heading1')]][not(w:trPr/w:cantSplit)]"), ==, 0);
        }
      else
        g_assert_nonnull (strstr (instruction, file->langs[0] == POLISI_LANG_CY ? "Heading 1 Cymraeg" : "Heading 1 English"));

      /* Printed like the PDF: each part's title page without a running
       * header (its own header, the watermark alone), the footer on it
       * too; back to back, the second language on a right-hand page; an
       * appendix on a new page. */
      {
        guint n_parts = file->options.layout == POLISI_LAYOUT_SEQUENTIAL ? 2 : 1;
        guint n_appendices = 0;

        g_assert_cmpuint (count (file->body, "//w:sectPr"), ==, n_parts);
        g_assert_cmpuint (count (file->body, "//w:sectPr[w:titlePg and w:headerReference[@w:type='first'] and "
                                             "w:footerReference[@w:type='first']/@r:id = w:footerReference[@w:type='default']/@r:id]"),
                          ==, n_parts);
        g_assert_cmpuint (count (file->body, "//w:sectPr[w:type/@w:val='oddPage']"), ==, n_parts - 1);
        g_assert_cmpuint (count (file->body, "(//w:sectPr)[last()][w:type/@w:val='oddPage']"), ==, n_parts - 1);
        for (guint part = 0; part < n_parts; part++)
          {
            g_autofree char *name = g_strdup_printf ("word/header%u.xml", part + 3);
            xmlDoc *title = parse_part (file, name);

            g_assert_cmpuint (count (title, "//w:t"), ==, 0);
            g_assert_cmpuint (count (title, "//v:shape[starts-with(@id, 'PowerPlusWaterMarkObject')]"), ==, draft);
            xmlFreeDoc (title);
          }

        for (guint i = 0; i < polisi_document_get_n_blocks (document); i++)
          {
            PolisiBlock *block = polisi_document_get_block (document, i);

            n_appendices += block->kind == POLISI_BLOCK_HEADING && block->appendix;
          }
        g_assert_cmpuint (n_appendices, >, 0);
        if (columns)
          /* the table ends before an appendix's row, on a page break (as
           * it does after the contents) */
          g_assert_cmpuint (count (file->body, "//w:tbl[w:tr[1]//w:pStyle[starts-with(@w:val, 'Heading1')]]"
                                               "[preceding-sibling::w:p[1]//w:br/@w:type='page']"), ==, n_appendices + 1);
        else
          /* (and the first heading, after the contents) */
          g_assert_cmpuint (count (file->body, "//w:p[w:pPr/w:pageBreakBefore][w:pPr/w:pStyle[starts-with(@w:val, 'Heading1')]]"),
                            ==, (n_appendices + 1) * file->n_langs);
        g_assert_cmpuint (count (file->body, "//w:p[w:pPr/w:pStyle[starts-with(@w:val, 'Heading1')]][.//w:t[" APPENDIX_TEXT "]]"),
                          >, 0);
      }

      xmlFreeDoc (header);
      xmlFreeDoc (footer);
    }
}

/* ------------------------------------------------------------------ */
/* LibreOffice                                                          */
/* ------------------------------------------------------------------ */

/* Every text a layout should show in @lang. */
static GPtrArray *
expected_texts (DocxFile   *file,
                PolisiLang  lang)
{
  PolisiDocument *document = file->document;
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  char *note = polisi_export_availability_note (document, &file->options, lang);

  g_ptr_array_add (texts, g_strdup (polisi_document_get_title (document, lang)));
  if (polisi_document_get_organisation (document, lang) != NULL)
    g_ptr_array_add (texts, g_strdup (polisi_document_get_organisation (document, lang)));
  g_ptr_array_add (texts, polisi_export_version_line (document, lang));
  if (note != NULL)
    g_ptr_array_add (texts, note);

  polisi_test_add_block_texts (document, lang, texts);
  return texts;
}

/* The contents lists in LibreOffice's rendering: each entry with the page
 * number Polisi's own layout gives it. */
static void
check_contents_pages (DocxFile   *file,
                      const char *pdf)
{
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  g_autoptr(PolisiPageLayout) layout = polisi_page_layout_new (file->document, &file->options);
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  g_autoptr(GString) front = g_string_new (NULL);
  int status;
  guint n_checked = 0;

  text = run_command (argv, &status);
  g_assert_cmpint (status, ==, 0);
  pages = g_strsplit (text, "\f", -1);
  /* every page: back to back, the second contents list is in the middle */
  for (guint p = 0; pages[p] != NULL; p++)
    {
      g_autofree char *flat = polisi_test_normalize_space (pages[p]);
      g_string_append_printf (front, " %s ", flat);
    }

  polisi_page_layout_paginate (layout);
  for (guint h = 0; h < polisi_page_layout_get_n_headings (layout); h++)
    {
      const PolisiPageHeading *heading = polisi_page_layout_get_heading (layout, h);
      PolisiBlock *block = polisi_document_get_block (file->document, heading->block);
      g_autofree char *label = polisi_export_heading_label (block, heading->lang);
      g_autofree char *flat = polisi_test_normalize_space (label);
      g_autofree char *entry = NULL;

      if (file->options.layout == POLISI_LAYOUT_COLUMNS)
        {
          /* side by side, the line holds both entries: the label, then
           * its number somewhere after it */
          const char *at = strstr (front->str, flat);
          char number[16];

          g_snprintf (number, sizeof number, " %u ", heading->page + 1);
          if (at == NULL || strstr (at + strlen (flat), number) == NULL)
            g_error ("%s: the contents entry “%s” has not page %u in LibreOffice’s rendering",
                     file->name, label, heading->page + 1);
        }
      else
        {
          entry = g_strdup_printf (" %s %u ", flat, heading->page + 1);
          if (strstr (front->str, entry) == NULL)
            g_error ("%s: the contents entry “%s” has not page %u in LibreOffice’s rendering",
                     file->name, label, heading->page + 1);
        }
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >, 5);
}

/* Each layout prints like the PDF: as LibreOffice renders the DOCX, it
 * has the PDF's number of pages, and as many headings as HACKING.md's
 * table says are on the page their contents entry gives (Polisi's own,
 * the PDF's; in parallel columns, both languages' headings of a row).
 * LibreOffice's pages are the PDF's, and every entry is right: the
 * examples, the Welsh one adopted, and secondary-wales-adopted.polisi
 * (HACKING.md). */
static const struct {
  CaseId       case_id;
  PolisiLayout layout;
  guint        more_pages;
  guint        n_entries;
  guint        n_right;
} print_figures[] = {
  { CASE_WALES, POLISI_LAYOUT_CY, 0, 19, 19 },
  { CASE_WALES, POLISI_LAYOUT_EN, 0, 19, 19 },
  { CASE_WALES, POLISI_LAYOUT_COLUMNS, 0, 2 * 19, 2 * 19 },
  { CASE_WALES, POLISI_LAYOUT_SEQUENTIAL, 0, 2 * 19, 2 * 19 },
  { CASE_ENGLAND, POLISI_LAYOUT_CY, 0, 18, 18 },
  { CASE_ENGLAND, POLISI_LAYOUT_EN, 0, 18, 18 },
  { CASE_ENGLAND, POLISI_LAYOUT_COLUMNS, 0, 2 * 18, 2 * 18 },
  { CASE_ENGLAND, POLISI_LAYOUT_SEQUENTIAL, 0, 2 * 18, 2 * 18 },
  { CASE_ADOPTED, POLISI_LAYOUT_CY, 0, 18, 18 },
  { CASE_ADOPTED, POLISI_LAYOUT_EN, 0, 18, 18 },
  { CASE_ADOPTED, POLISI_LAYOUT_COLUMNS, 0, 2 * 18, 2 * 18 },
  { CASE_ADOPTED, POLISI_LAYOUT_SEQUENTIAL, 0, 2 * 18, 2 * 18 },
  { CASE_WALES_ADOPTED, POLISI_LAYOUT_CY, 0, 19, 19 },
  { CASE_WALES_ADOPTED, POLISI_LAYOUT_EN, 0, 19, 19 },
  { CASE_WALES_ADOPTED, POLISI_LAYOUT_COLUMNS, 0, 2 * 19, 2 * 19 },
  { CASE_WALES_ADOPTED, POLISI_LAYOUT_SEQUENTIAL, 0, 2 * 19, 2 * 19 },
};

/* The page (1-based) of @pages where @label appears for the second time
 * (the first is its contents entry), or 0. */
static guint
find_heading_page (char       **pages,
                   const char  *label)
{
  guint seen = 0;

  for (guint p = 0; pages[p] != NULL; p++)
    for (const char *at = strstr (pages[p], label); at != NULL; at = strstr (at + 1, label))
      if (++seen == 2)
        return p + 1;
  return 0;
}

static void
check_print (DocxFile   *file,
             const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autoptr(PolisiPageLayout) layout = polisi_page_layout_new (file->document, &file->options);
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages;
  guint n_entries = 0;
  guint n_right = 0;
  guint f;
  int status;

  for (f = 0; f < G_N_ELEMENTS (print_figures); f++)
    if (print_figures[f].case_id == file->case_id && print_figures[f].layout == file->options.layout &&
        file->other_file == NULL)
      break;
  if (f == G_N_ELEMENTS (print_figures))
    return;

  text = run_command (argv, &status);
  g_assert_cmpint (status, ==, 0);
  pages = g_strsplit (text, "\f", -1);
  n_pages = g_strv_length (pages);
  if (n_pages > 0 && pages[n_pages - 1][0] == '\0')
    {
      g_clear_pointer (&pages[n_pages - 1], g_free);
      n_pages--;
    }
  for (guint p = 0; p < n_pages; p++)
    {
      char *flat = polisi_test_normalize_space (pages[p]);

      g_free (pages[p]);
      pages[p] = flat;
    }

  polisi_page_layout_paginate (layout);
  g_test_message ("%s: Polisi's PDF %u pages, LibreOffice %u", file->name,
                  polisi_page_layout_get_n_pages (layout), n_pages);
  g_assert_cmpuint (n_pages, ==, polisi_page_layout_get_n_pages (layout) + print_figures[f].more_pages);

  for (guint h = 0; h < polisi_page_layout_get_n_headings (layout); h++)
    {
      const PolisiPageHeading *heading = polisi_page_layout_get_heading (layout, h);
      PolisiBlock *block = polisi_document_get_block (file->document, heading->block);

      for (guint i = 0; i < file->n_langs; i++)
        {
          g_autofree char *label = NULL;
          g_autofree char *flat = NULL;
          guint found;

          if (file->options.layout != POLISI_LAYOUT_COLUMNS && file->langs[i] != heading->lang)
            continue;
          label = polisi_export_heading_label (block, file->langs[i]);
          flat = polisi_test_normalize_space (label);
          found = find_heading_page (pages, flat);
          g_assert_cmpuint (found, >, 0);
          if (found != heading->page + 1)
            g_test_message ("%-45s contents %2u, LibreOffice %2u", flat, heading->page + 1, found);
          n_entries++;
          n_right += found == heading->page + 1;
        }
    }
  g_test_message ("%u of %u contents entries on LibreOffice's page", n_right, n_entries);
  g_assert_cmpuint (n_entries, ==, print_figures[f].n_entries);
  g_assert_cmpuint (n_right, ==, print_figures[f].n_right);
}

static void
test_libreoffice (void)
{
  g_autofree char *soffice = polisi_test_find_soffice ();
  g_autofree char *out_dir = g_build_filename (fixture.dir, "converted", NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  g_autofree char *hostile = polisi_test_normalize_space (POLISI_TEST_HOSTILE);
  guint n_missing = 0;

  if (soffice == NULL)
    {
      g_test_skip ("skipped: LibreOffice (soffice) is not installed");
      return;
    }

  for (guint f = 0; f < fixture.files->len; f++)
    g_ptr_array_add (paths, ((DocxFile *) fixture.files->pdata[f])->path);
  g_ptr_array_add (paths, NULL);
  polisi_test_soffice_convert (soffice, fixture.dir, "txt:Text (encoded):UTF8", out_dir, (const char * const *) paths->pdata);
  /* the blank page before a part that starts on a right-hand page kept,
   * as LibreOffice prints it */
  polisi_test_soffice_convert (soffice, fixture.dir, POLISI_TEST_SOFFICE_PDF_WITH_BLANK_PAGES, out_dir,
                               (const char * const *) paths->pdata);

  for (guint f = 0; f < fixture.files->len; f++)
    {
      DocxFile *file = fixture.files->pdata[f];
      g_autofree char *base = g_strdup_printf ("%s.txt", file->name);
      g_autofree char *pdf_base = g_strdup_printf ("%s.pdf", file->name);
      g_autofree char *path = g_build_filename (out_dir, base, NULL);
      g_autofree char *pdf = g_build_filename (out_dir, pdf_base, NULL);
      g_autofree char *raw = polisi_test_soffice_text (path);
      g_autofree char *text = polisi_test_normalize_space (raw);

      g_test_message ("LibreOffice: %s", file->name);
      for (PolisiLang lang = 0; lang < POLISI_N_LANGS; lang++)
        {
          g_autoptr(GPtrArray) expected = NULL;

          if (!polisi_test_options_show (&file->options, lang))
            continue;
          expected = expected_texts (file, lang);
          for (guint i = 0; i < expected->len; i++)
            {
              g_autofree char *needle = polisi_test_normalize_space (expected->pdata[i]);

              if (needle[0] != '\0' && strstr (text, needle) == NULL && n_missing++ < 10)
                g_test_message ("%s: not in LibreOffice's text: %s", file->name, needle);
            }
        }
      if (file->case_id == CASE_HOSTILE)
        {
          g_assert_nonnull (strstr (text, hostile));
          if (polisi_test_options_show (&file->options, POLISI_LANG_CY))
            g_assert_nonnull (strstr (text, POLISI_TEST_WELSH_LETTERS));
        }

      check_contents_pages (file, pdf);
      check_print (file, pdf);
    }
  g_assert_cmpuint (n_missing, ==, 0);
}

/* ------------------------------------------------------------------ */
/* Tracked changes                                                      */
/* ------------------------------------------------------------------ */

/* The old version (the Welsh example, adopted as 1.0) and the new one: a
 * new head teacher, a clause edited in both languages (words in and out, a
 * paragraph added), a clause taken in, another left out. */
static void
make_versions (PolisiPolicy **old_out,
               PolisiPolicy **new_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  PolisiPolicy *old_policy = polisi_test_load_example ("secondary-wales.polisi");
  PolisiPolicy *new_policy;
  PolisiClauseState *state;

  g_assert_true (polisi_policy_adopt (old_policy, "1.0", "2026-07-10", "Corff Llywodraethu",
                                      "Polisi newydd.", "New policy.", &error));
  g_assert_no_error (error);
  bytes = polisi_policy_to_bytes (old_policy);
  new_policy = polisi_policy_load_bytes (bytes, "new.polisi", &error);
  g_assert_no_error (error);
  polisi_policy_set_version (new_policy, "1.1");
  polisi_policy_set_answer (new_policy, "head_teacher", NEW_HEAD);
  state = polisi_policy_lookup_clause (new_policy, "purpose.benefits");
  polisi_clause_state_set_text (state, POLISI_LANG_EN,
                                "{organisation} welcomes the opportunities that social media brings: keeping in touch with "
                                "families and the wider community, sharing good practice and finding professional learning.\n"
                                "It also brings risks to safeguarding and to the wellbeing of staff.");
  polisi_clause_state_set_text (state, POLISI_LANG_CY,
                                "Mae {organisation} yn croesawu'r cyfleoedd a ddaw gyda'r cyfryngau cymdeithasol: cadw mewn "
                                "cysylltiad â theuluoedd a'r gymuned ehangach, rhannu arfer da a chael gafael ar ddysgu proffesiynol.\n"
                                "Mae hefyd risgiau i ddiogelu ac i les staff.");
  polisi_clause_state_confirm_translation (state, POLISI_LANG_CY);
  polisi_clause_state_set_included (polisi_policy_lookup_clause (new_policy, "scope.governors"), TRUE);
  polisi_clause_state_set_included (polisi_policy_lookup_clause (new_policy, "official-accounts.languages"), FALSE);
  g_assert_cmpstr (polisi_policy_get_answer (old_policy, "head_teacher", POLISI_LANG_EN), ==, OLD_HEAD);

  *old_out = old_policy;
  *new_out = new_policy;
}

/* The lines of LibreOffice's text from the body's first heading (a line
 * that is only @first_heading: its contents entry has a page number too)
 * to a line that is only @stop, or the end; blank lines dropped, spaces
 * collapsed. The title block and the contents differ between versions by
 * design. */
static char *
body_text (const char *raw,
           const char *first_heading,
           const char *stop)
{
  g_auto(GStrv) lines = g_strsplit (raw, "\n", -1);
  g_autofree char *heading = polisi_test_normalize_space (first_heading);
  g_autofree char *end = stop != NULL ? polisi_test_normalize_space (stop) : NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean started = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = polisi_test_normalize_space (lines[i]);

      if (!started && g_str_equal (line, heading))
        started = TRUE;
      else if (started && end != NULL && g_str_equal (line, end))
        break;
      if (started && line[0] != '\0')
        g_string_append_printf (out, "%s\n", line);
    }
  g_assert_true (started);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The body of each part of @raw: back to back, each language's. */
static char *
parts_text (const char     *raw,
            PolisiDocument *document,
            PolisiLayout    layout)
{
  int heading = polisi_document_find_block (document, POLISI_BLOCK_HEADING, "purpose");
  PolisiLang first = layout == POLISI_LAYOUT_EN ? POLISI_LANG_EN : POLISI_LANG_CY;
  g_autofree char *label = NULL;
  g_autofree char *other_label = NULL;
  g_autofree char *part1 = NULL;
  g_autofree char *part2 = NULL;

  g_assert_cmpint (heading, >=, 0);
  label = polisi_export_heading_label (polisi_document_get_block (document, heading), first);
  if (layout != POLISI_LAYOUT_SEQUENTIAL)
    return body_text (raw, label, NULL);

  /* the second part starts with its title block, under the organisation */
  other_label = polisi_export_heading_label (polisi_document_get_block (document, heading), POLISI_LANG_EN);
  part1 = body_text (raw, label, polisi_document_get_organisation (document, POLISI_LANG_EN));
  part2 = body_text (raw, other_label, NULL);
  return g_strconcat (part1, part2, NULL);
}

static void
assert_same_text (const char *what,
                  const char *got,
                  const char *expected)
{
  g_auto(GStrv) a = g_strsplit (got, "\n", -1);
  g_auto(GStrv) b = g_strsplit (expected, "\n", -1);

  for (guint i = 0; a[i] != NULL || b[i] != NULL; i++)
    if (a[i] == NULL || b[i] == NULL || !g_str_equal (a[i], b[i]))
      g_error ("%s: line %u differs:\n  got:      %s\n  expected: %s", what, i + 1,
               a[i] != NULL ? a[i] : "(end)", b[i] != NULL ? b[i] : "(end)");
}

/* In parallel columns: the same paragraphs, in any order. Each version
 * has a row for each paragraph pair, but a clause whose paragraph breaks
 * changed is one row in the tracked document (no row of a table joins
 * the next when a break is accepted or rejected). */
static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
assert_same_paragraphs (const char *what,
                        const char *got,
                        const char *expected)
{
  g_auto(GStrv) a = g_strsplit (got, "\n", -1);
  g_auto(GStrv) b = g_strsplit (expected, "\n", -1);
  g_autofree char *sorted_a = NULL;
  g_autofree char *sorted_b = NULL;

  g_assert_cmpuint (g_strv_length (a), ==, g_strv_length (b));
  qsort (a, g_strv_length (a), sizeof (char *), compare_lines);
  qsort (b, g_strv_length (b), sizeof (char *), compare_lines);
  sorted_a = g_strjoinv ("\n", a);
  sorted_b = g_strjoinv ("\n", b);
  assert_same_text (what, sorted_a, sorted_b);
}

static void
test_tracked (void)
{
  const PolisiLayout layouts[] = { POLISI_LAYOUT_EN, POLISI_LAYOUT_CY, POLISI_LAYOUT_SEQUENTIAL, POLISI_LAYOUT_COLUMNS };
  const char *names[] = { "tracked-en", "tracked-cy", "tracked-sequential", "tracked-columns" };
  g_autoptr(PolisiPolicy) old_policy = NULL;
  g_autoptr(PolisiPolicy) new_policy = NULL;
  g_autoptr(PolisiDocument) tracked = NULL;
  g_autoptr(PolisiDocument) old_document = NULL;
  g_autoptr(PolisiDocument) new_document = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (docx_file_free);
  g_autoptr(GPtrArray) plain_paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) tracked_paths = g_ptr_array_new ();
  g_autofree char *soffice = polisi_test_find_soffice ();
  g_autofree char *out_dir = g_build_filename (fixture.dir, "tracked", NULL);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "tools", "lo-changes.py", NULL);
  PolisiLibrary *library = polisi_context_get_library (fixture.context);

  make_versions (&old_policy, &new_policy);
  tracked = polisi_compare_tracked (old_policy, new_policy, library, POLISI_ASSEMBLE_FINAL);
  old_document = polisi_assemble (old_policy, library, POLISI_ASSEMBLE_FINAL);
  new_document = polisi_assemble (new_policy, library, POLISI_ASSEMBLE_FINAL);
  g_assert_true (polisi_document_has_changes (tracked));

  for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
    {
      PolisiExportOptions options;
      DocxFile *file;
      g_autofree char *old_name = g_strdup_printf ("%s-old", names[l]);
      g_autofree char *new_name = g_strdup_printf ("%s-new", names[l]);
      DocxFile *plain;

      polisi_export_options_init (&options, layouts[l]);
      options.tracked_changes = TRUE;
      options.change_author = AUTHOR;
      options.change_date = CHANGE_DATE;
      file = write_docx (names[l], tracked, &options);
      g_ptr_array_add (files, file);
      g_ptr_array_add (tracked_paths, file->path);

      /* insertions and deletions, by the author; the old name only deleted */
      g_assert_cmpuint (count (file->body, "//w:ins[@w:author='" AUTHOR "']"), >, 0);
      g_assert_cmpuint (count (file->body, "//w:del[@w:author='" AUTHOR "']"), >, 0);
      g_assert_cmpuint (count (file->body, "//w:ins[not(@w:date)] | //w:del[not(@w:date)]"), ==, 0);
      g_assert_cmpuint (count (file->body, "//w:delText[contains(., '" OLD_HEAD "')]"), >, 0);
      g_assert_cmpuint (count (file->body, "//w:t[contains(., '" OLD_HEAD "')]"), ==, 0);
      g_assert_cmpuint (count (file->body, "//w:ins//w:t[contains(., '" NEW_HEAD "')]"), >, 0);

      polisi_export_options_init (&options, layouts[l]);
      plain = write_docx (old_name, old_document, &options);
      g_ptr_array_add (plain_paths, g_strdup (plain->path));
      g_ptr_array_add (files, plain);
      plain = write_docx (new_name, new_document, &options);
      g_ptr_array_add (plain_paths, g_strdup (plain->path));
      g_ptr_array_add (files, plain);
    }
  validate_files (files);

  if (soffice == NULL)
    {
      g_test_message ("skipped LibreOffice: soffice is not installed");
      return;
    }

  g_assert_cmpint (g_mkdir_with_parents (out_dir, 0755), ==, 0);
  g_ptr_array_add (plain_paths, NULL);
  polisi_test_soffice_convert (soffice, fixture.dir, "txt:Text (encoded):UTF8", out_dir,
                               (const char * const *) plain_paths->pdata);
  {
    g_autoptr(GPtrArray) argv = g_ptr_array_new ();
    g_autofree char *out = NULL;
    int status;

    /* the Python that has the UNO bridge: the system's */
    g_ptr_array_add (argv, g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE) ? "/usr/bin/python3" : "python3");
    g_ptr_array_add (argv, script);
    g_ptr_array_add (argv, soffice);
    g_ptr_array_add (argv, out_dir);
    for (guint i = 0; i < tracked_paths->len; i++)
      g_ptr_array_add (argv, tracked_paths->pdata[i]);
    g_ptr_array_add (argv, NULL);
    out = run_command ((const char * const *) argv->pdata, &status);
    if (g_spawn_check_wait_status (status, NULL) == FALSE && WIFEXITED (status) && WEXITSTATUS (status) == 77)
      {
        g_test_message ("skipped accepting and rejecting in LibreOffice: python3-uno is not installed");
        return;
      }
    g_assert_cmpint (status, ==, 0);
  }

  for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
    {
      const char *kinds[] = { "accepted", "rejected" };
      const char *plains[] = { "new", "old" };
      PolisiDocument *plain_documents[] = { new_document, old_document };

      for (guint k = 0; k < 2; k++)
        {
          g_autofree char *got_name = g_strdup_printf ("%s-%s.txt", names[l], kinds[k]);
          g_autofree char *want_name = g_strdup_printf ("%s-%s.txt", names[l], plains[k]);
          g_autofree char *got_path = g_build_filename (out_dir, got_name, NULL);
          g_autofree char *want_path = g_build_filename (out_dir, want_name, NULL);
          g_autofree char *got_raw = polisi_test_soffice_text (got_path);
          g_autofree char *want_raw = polisi_test_soffice_text (want_path);
          g_autofree char *got = parts_text (got_raw, plain_documents[k], layouts[l]);
          g_autofree char *want = parts_text (want_raw, plain_documents[k], layouts[l]);
          g_autofree char *what = g_strdup_printf ("%s, every change %s", names[l], kinds[k]);

          g_test_message ("%s", what);
          if (layouts[l] == POLISI_LAYOUT_COLUMNS)
            assert_same_paragraphs (what, got, want);
          else
            assert_same_text (what, got, want);
          if (k == 0)
            {
              g_assert_nonnull (strstr (got, NEW_HEAD));
              g_assert_null (strstr (got, OLD_HEAD));
            }
          else
            {
              g_assert_nonnull (strstr (got, OLD_HEAD));
              g_assert_null (strstr (got, NEW_HEAD));
            }
        }
    }
}

/* Parallel columns of a consultation draft: Word and LibreOffice number
 * no lines in a table, so the DOCX has columns of numbers Polisi
 * computes. Rendered by LibreOffice, every number of Polisi's layout is in
 * the margin beside its column, and beside the same words as in Polisi's
 * PDF within the tolerance HACKING.md states (the same as the ODT's). */
static void
test_line_numbers (void)
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
      DocxFile *file = fixture.files->pdata[f];
      const char *paths[] = { file->path, NULL };
      g_autofree char *pdf_name = NULL;
      g_autofree char *pdf = NULL;
      PolisiTestLines lines;

      if (file->options.layout != POLISI_LAYOUT_COLUMNS)
        continue;
      if (!polisi_document_get_line_numbers (file->document))
        {
          g_assert_cmpuint (count (file->body, "//w:rStyle[@w:val='PolisiLineNumber']"), ==, 0);
          continue;
        }

      g_test_message ("%s", file->name);
      /* the numbers' paragraphs are not headings, and say their language */
      g_assert_cmpuint (count (file->body, "//w:p[.//w:rStyle/@w:val='PolisiLineNumber']"
                                           "[w:pPr/w:pStyle[starts-with(@w:val, 'Heading')]]"), ==, 0);
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
  g_assert_cmpuint (n_checked, ==, 1);
}

/* The window's formats and the command line's read the same table. */
static void
test_format (void)
{
  PolisiFormat format;
  g_autofree char *names = polisi_format_list_names (", ");
  g_autofree char *path = polisi_format_replace_extension ("ysgol.polisi", ".polisi", "-tracked", POLISI_FORMAT_DOCX);

  g_assert_true (polisi_format_from_name ("docx", &format));
  g_assert_cmpint (format, ==, POLISI_FORMAT_DOCX);
  g_assert_true (polisi_format_is_editable (POLISI_FORMAT_DOCX));
  g_assert_cmpstr (polisi_format_get_extension (POLISI_FORMAT_DOCX), ==, ".docx");
  g_assert_cmpstr (names, ==, "odt, pdf, docx, html");
  g_assert_cmpstr (path, ==, "ysgol-tracked.docx");
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);

  fixture.dir = polisi_test_make_temp_dir ();
  fixture.context = polisi_test_builtin_context ();
  fixture.files = g_ptr_array_new_with_free_func (docx_file_free);
  for (CaseId c = 0; c < N_CASES; c++)
    fixture.documents[c] = make_document (c);
  for (CaseId c = 0; c < N_CASES; c++)
    for (LayoutId l = 0; l < N_LAYOUTS; l++)
      if (c != CASE_WALES_ADOPTED || l <= LAYOUT_SEQUENTIAL)
        g_ptr_array_add (fixture.files, write_case (c, l));

  g_test_add_func ("/docx/format", test_format);
  g_test_add_func ("/docx/package", test_package);
  g_test_add_func ("/docx/schema", test_schema);
  g_test_add_func ("/docx/structure", test_structure);
  g_test_add_func ("/docx/libreoffice", test_libreoffice);
  g_test_add_func ("/docx/tracked", test_tracked);
  g_test_add_func ("/docx/line-numbers", test_line_numbers);

  result = g_test_run ();

  g_clear_pointer (&fixture.files, g_ptr_array_unref);
  for (CaseId c = 0; c < N_CASES; c++)
    g_clear_object (&fixture.documents[c]);
  g_clear_object (&fixture.context);
  polisi_test_remove_tree (fixture.dir);
  g_free (fixture.dir);

  return result;
}
