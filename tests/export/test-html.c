/* test-html.c: the web pages, read back by an HTML parser and a browser
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Five documents: the two example policies (a Welsh consultation draft, an
 * English draft), the Welsh school's adopted policy with its version
 * history and answered comments, a hostile policy (the whole built-in
 * library, markup characters, every Welsh accented letter, a 300-character
 * word) as a consultation draft with comments, and the summary of changes
 * between the two versions of the Welsh school's policy. Each is written
 * as the two pages of "separate" (columns and back to back give the same
 * pair on the web), and the Welsh policy as one page of each language
 * alone. Every page is written once, in main(), then:
 *
 *   - read with libxml2's HTML parser: the language of the page and of
 *     each element in the other language; one h1; the contents list and
 *     its links; every clause of the document, in its language, in an
 *     item whose id comes from the clause id, with its number linking to
 *     it; tables with scoped header cells; the banner of a draft; no
 *     instructions for a word processor; <ins> and <del> with words a
 *     screen reader says in the page's language; the hostile text intact;
 *   - self-contained: no script, no src, one inline style sheet, no link
 *     but the alternate language's page, no address fetched by the style
 *     sheet; every web link is an address that the text itself shows;
 *   - in Chromium, with axe-core's WCAG 2.2 AA rules and html-validate
 *     (tests/web/check-pages.mjs; skipped when node, Chromium or the npm
 *     packages are missing).
 */
#include "config.h"

#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

#include "polisi-assembler.h"
#include "polisi-compare.h"
#include "polisi-export.h"
#include "polisi-html.h"
#include "polisi-test-utils.h"

typedef enum {
  CASE_WALES,     /* secondary-wales: a consultation draft, Wales */
  CASE_ENGLAND,   /* primary-england: a draft, England */
  CASE_ADOPTED,   /* secondary-wales-adopted: a version history, comments */
  CASE_HOSTILE,   /* every clause, hostile text, a consultation draft */
  CASE_CHANGES,   /* the summary of changes from secondary-wales to -adopted */
  N_CASES
} CaseId;

static const char *case_names[N_CASES] = { "wales", "england", "adopted", "hostile", "changes" };

typedef struct {
  char                *name;       /* "hostile-cy" */
  CaseId               case_id;
  PolisiLang           lang;
  PolisiDocument      *document;   /* borrowed */
  PolisiExportOptions  options;
  char                *other_file;
  char                *path;
  char                *raw;
  gsize                length;
  htmlDocPtr           html;
} Page;

static struct {
  char           *dir;
  PolisiContext  *context;
  PolisiDocument *documents[N_CASES];
  GPtrArray      *pages;
} fixture;

#define HOSTILE_COMMENT "Sylw " POLISI_TEST_HOSTILE " <script>alert(1)</script>"

/* ------------------------------------------------------------------ */
/* Helpers                                                              */
/* ------------------------------------------------------------------ */

static gboolean
has_class (xmlNode    *node,
           const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) "class");
  gboolean found = FALSE;

  if (value != NULL)
    {
      g_auto(GStrv) classes = g_strsplit ((const char *) value, " ", -1);

      found = g_strv_contains ((const char * const *) classes, name);
      xmlFree (value);
    }
  return found;
}

/* The text a sighted reader sees: without the words only a screen reader
 * says; a line break is a space. */
static void
visible_text_into (xmlNode *node,
                   GString *out)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE)
        g_string_append (out, (const char *) child->content);
      else if (child->type == XML_ELEMENT_NODE)
        {
          if (has_class (child, "visually-hidden"))
            continue;
          if (xmlStrcasecmp (child->name, (const xmlChar *) "br") == 0)
            g_string_append_c (out, ' ');
          else
            visible_text_into (child, out);
        }
    }
}

static char *
visible_text (xmlNode *node)
{
  g_autoptr(GString) out = g_string_new (NULL);

  visible_text_into (node, out);
  return polisi_test_normalize_space (out->str);
}

static char *
get_prop (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static xmlXPathObject *
xpath (Page       *page,
       const char *expression)
{
  xmlXPathContext *context = xmlXPathNewContext (page->html);
  xmlXPathObject *result = xmlXPathEvalExpression ((const xmlChar *) expression, context);

  xmlXPathFreeContext (context);
  g_assert_nonnull (result);
  return result;
}

static guint
count (Page       *page,
       const char *expression)
{
  xmlXPathObject *result = xpath (page, expression);
  guint n = result->nodesetval != NULL ? (guint) result->nodesetval->nodeNr : 0;

  xmlXPathFreeObject (result);
  return n;
}

static xmlNode *
find (Page       *page,
      const char *expression)
{
  xmlXPathObject *result = xpath (page, expression);
  xmlNode *node = result->nodesetval != NULL && result->nodesetval->nodeNr > 0 ? result->nodesetval->nodeTab[0] : NULL;

  xmlXPathFreeObject (result);
  return node;
}

static char *
find_text (Page       *page,
           const char *expression)
{
  xmlNode *node = find (page, expression);

  if (node == NULL)
    g_error ("%s: nothing at %s", page->name, expression);
  return visible_text (node);
}

static Page *
get_page (CaseId      case_id,
          const char *suffix)
{
  g_autofree char *name = g_strdup_printf ("%s-%s", case_names[case_id], suffix);

  for (guint i = 0; i < fixture.pages->len; i++)
    {
      Page *page = fixture.pages->pdata[i];

      if (g_str_equal (page->name, name))
        return page;
    }
  g_assert_not_reached ();
}

/* ------------------------------------------------------------------ */
/* Writing                                                              */
/* ------------------------------------------------------------------ */

static PolisiDocument *
make_document (CaseId case_id)
{
  PolisiLibrary *library = polisi_context_get_library (fixture.context);
  g_autoptr(PolisiPolicy) policy = NULL;
  g_autoptr(PolisiPolicy) old_policy = NULL;
  const char *first_clause;

  switch (case_id)
    {
    case CASE_WALES:
      policy = polisi_test_load_example ("secondary-wales.polisi");
      break;
    case CASE_ENGLAND:
      policy = polisi_test_load_example ("primary-england.polisi");
      break;
    case CASE_ADOPTED:
      policy = polisi_test_load_example ("secondary-wales-adopted.polisi");
      break;
    case CASE_CHANGES:
      old_policy = polisi_test_load_example ("secondary-wales.polisi");
      policy = polisi_test_load_example ("secondary-wales-adopted.polisi");
      return polisi_compare_summary (old_policy, policy, library, POLISI_ASSEMBLE_DEFAULT);
    case CASE_HOSTILE:
    default:
      policy = polisi_test_hostile_policy (library);
      /* a name with a word wider than a phone's screen */
      {
        g_autofree char *word = polisi_test_long_word ();
        g_autofree char *name_cy = g_strconcat ("Ysgol " POLISI_TEST_HOSTILE " ", word, NULL);
        g_autofree char *name_en = g_strconcat ("School " POLISI_TEST_HOSTILE " ", word, NULL);

        polisi_policy_set_name (policy, POLISI_LANG_CY, name_cy);
        polisi_policy_set_name (policy, POLISI_LANG_EN, name_en);
      }
      polisi_test_add_hostile_history (policy);
      polisi_policy_set_status (policy, POLISI_STATUS_CONSULTATION);
      polisi_policy_set_closing_date (policy, "2027-02-26");
      first_clause = polisi_clause_state_get_id (polisi_policy_get_clause (policy, 0));
      polisi_policy_add_comment (policy, first_clause, POLISI_LANG_CY, "Undeb " POLISI_TEST_HOSTILE,
                                 "2027-01-10", HOSTILE_COMMENT);
      polisi_policy_add_comment (policy, NULL, -1, "NEU", "2027-01-11", "A general comment.\n- one\n- two");
      break;
    }

  return polisi_assemble (policy, library, POLISI_ASSEMBLE_DEFAULT);
}

static Page *
write_page (CaseId      case_id,
            PolisiLang  lang,
            gboolean    pair,
            gboolean    english_first)
{
  Page *page = g_new0 (Page, 1);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  page->name = g_strdup_printf ("%s-%s%s%s", case_names[case_id], pair ? "" : "alone-",
                                english_first ? "en-first-" : "", polisi_lang_to_code (lang));
  page->case_id = case_id;
  page->lang = lang;
  page->document = fixture.documents[case_id];
  polisi_export_options_init (&page->options, lang == POLISI_LANG_CY ? POLISI_LAYOUT_CY : POLISI_LAYOUT_EN);
  page->options.english_first = english_first;
  if (pair)
    {
      /* a name that needs escaping in an address */
      page->other_file = g_strdup_printf ("%s #%%ŵ-%s.html", case_names[case_id],
                                          polisi_lang_to_code (POLISI_LANG_OTHER (lang)));
      page->options.other_file = page->other_file;
    }
  page->path = g_strdup_printf ("%s/%s.html", fixture.dir, page->name);

  /* through the export layer's atomic write, as the window and the command
   * line do */
  file = g_file_new_for_path (page->path);
  g_assert_true (polisi_export_to_file (page->document, POLISI_FORMAT_HTML, &page->options, file, &error));
  g_assert_no_error (error);

  page->raw = polisi_test_read_file (page->path, &page->length);
  g_assert_true (g_utf8_validate (page->raw, page->length, NULL));
  page->html = htmlReadMemory (page->raw, (int) page->length, page->path, "UTF-8",
                               HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  g_assert_nonnull (page->html);
  return page;
}

static void
page_free (gpointer data)
{
  Page *page = data;

  xmlFreeDoc (page->html);
  g_free (page->raw);
  g_free (page->path);
  g_free (page->other_file);
  g_free (page->name);
  g_free (page);
}

/* ------------------------------------------------------------------ */
/* Tests                                                                */
/* ------------------------------------------------------------------ */

static void
test_format (void)
{
  PolisiFormat format = POLISI_FORMAT_PDF;
  g_autofree char *names = polisi_format_list_names (", ");
  g_autofree char *replaced = polisi_format_replace_extension ("school.polisi", ".polisi", NULL, POLISI_FORMAT_HTML);

  g_assert_true (polisi_format_from_name ("html", &format));
  g_assert_cmpint (format, ==, POLISI_FORMAT_HTML);
  g_assert_cmpstr (polisi_format_get_name (POLISI_FORMAT_HTML), ==, "html");
  g_assert_cmpstr (polisi_format_get_extension (POLISI_FORMAT_HTML), ==, ".html");
  g_assert_false (polisi_format_is_editable (POLISI_FORMAT_HTML));
  g_assert_nonnull (strstr (names, "html"));
  g_assert_cmpstr (replaced, ==, "school.html");
  g_assert_false (polisi_format_from_name ("", &format));

  /* a page per language: both languages make two pages */
  g_assert_cmpint (polisi_format_get_layout (POLISI_FORMAT_HTML, POLISI_LAYOUT_COLUMNS), ==, POLISI_LAYOUT_SEPARATE);
  g_assert_cmpint (polisi_format_get_layout (POLISI_FORMAT_HTML, POLISI_LAYOUT_SEQUENTIAL), ==, POLISI_LAYOUT_SEPARATE);
  g_assert_cmpint (polisi_format_get_layout (POLISI_FORMAT_HTML, POLISI_LAYOUT_CY), ==, POLISI_LAYOUT_CY);
  g_assert_cmpint (polisi_format_get_layout (POLISI_FORMAT_HTML, POLISI_LAYOUT_EN), ==, POLISI_LAYOUT_EN);
  g_assert_cmpint (polisi_format_get_layout (POLISI_FORMAT_PDF, POLISI_LAYOUT_COLUMNS), ==, POLISI_LAYOUT_COLUMNS);
  g_assert_cmpint (polisi_format_get_layout (POLISI_FORMAT_ODT, POLISI_LAYOUT_SEQUENTIAL), ==, POLISI_LAYOUT_SEQUENTIAL);

  /* anchors: letters, digits, "-" and "_" */
  {
    g_autofree char *a = polisi_html_anchor ("purpose.benefits");
    g_autofree char *b = polisi_html_anchor ("9x ŵ");

    g_assert_cmpstr (a, ==, "purpose_benefits");
    g_assert_cmpstr (b, ==, "c-9x--");
  }
}

static void
test_language (void)
{
  for (guint i = 0; i < fixture.pages->len; i++)
    {
      Page *page = fixture.pages->pdata[i];
      const char *tag = polisi_lang_to_tag (page->lang);
      const char *other_tag = polisi_lang_to_tag (POLISI_LANG_OTHER (page->lang));
      g_autofree char *html_lang = get_prop (find (page, "/html"), "lang");
      g_autofree char *other_lang = g_strdup_printf ("//*[@lang and not(self::html)]");
      xmlXPathObject *result;

      g_assert_cmpstr (html_lang, ==, tag);
      g_assert_true (g_str_has_prefix (page->raw, "<!DOCTYPE html>"));
      g_assert_cmpuint (count (page, "//meta[@charset='utf-8']"), ==, 1);

      /* An element in the other language says so: the links to the other
       * page, and nothing else is in it. */
      result = xpath (page, other_lang);
      for (int n = 0; result->nodesetval != NULL && n < result->nodesetval->nodeNr; n++)
        {
          xmlNode *node = result->nodesetval->nodeTab[n];
          g_autofree char *lang = get_prop (node, "lang");
          g_autofree char *hreflang = get_prop (node, "hreflang");

          g_assert_cmpstr (lang, ==, other_tag);
          g_assert_cmpstr (hreflang, ==, other_tag);
        }
      xmlXPathFreeObject (result);

      if (page->other_file != NULL)
        {
          g_autofree char *expression = g_strdup_printf ("/html/head/link[@rel='alternate'][@hreflang='%s']", other_tag);
          g_autofree char *href = get_prop (find (page, expression), "href");
          g_autofree char *unescaped = g_uri_unescape_string (href, NULL);
          g_autofree char *expected = g_strconcat ("./", page->other_file, NULL);
          g_autofree char *switch_text = NULL;

          g_assert_nonnull (strstr (href, "%23"));
          g_assert_cmpstr (unescaped, ==, expected);
          /* the language switch: both languages, Welsh first (unless
           * English first was asked for), the page's own marked as current */
          g_assert_cmpuint (count (page, "//nav[@class='language-switch']//li"), ==, 2);
          switch_text = find_text (page, "//nav[@class='language-switch']//li[1]");
          g_assert_cmpstr (switch_text, ==, page->options.english_first ? "English" : "Cymraeg");
          g_assert_cmpuint (count (page, "//nav[@class='language-switch']//*[@aria-current='page']"), ==, 1);
          g_assert_cmpuint (count (page, "//nav[@class='language-switch']//a[@hreflang][@lang]"), ==, 1);
          /* and the note names the other page by its title */
          {
            g_autofree char *title = find_text (page, "//p[@class='note']/a");

            g_assert_cmpstr (title, ==, polisi_document_get_title (page->document, POLISI_LANG_OTHER (page->lang)));
          }
        }
      else
        {
          g_assert_cmpuint (count (page, "//link"), ==, 0);
          g_assert_cmpuint (count (page, "//nav[@class='language-switch']"), ==, 0);
        }
    }

  /* alone, a Welsh policy's page says that the other language exists */
  {
    g_autofree char *note_cy = find_text (get_page (CASE_WALES, "alone-cy"), "//p[@class='note']");
    g_autofree char *note_en = find_text (get_page (CASE_WALES, "alone-en"), "//p[@class='note']");

    g_assert_cmpstr (note_cy, ==, "Mae fersiwn Saesneg o’r polisi hwn ar gael.");
    g_assert_cmpstr (note_en, ==, "This policy is also available in Welsh.");
  }
}

/* Headings, the contents list, and every clause in an item of its own. */
static void
test_structure (void)
{
  for (guint i = 0; i < fixture.pages->len; i++)
    {
      Page *page = fixture.pages->pdata[i];
      PolisiDocument *document = page->document;
      guint n_headings = 0;
      xmlXPathObject *links;
      g_autofree char *h1 = find_text (page, "//h1");

      g_assert_cmpuint (count (page, "//h1"), ==, 1);
      g_assert_cmpstr (h1, ==, polisi_document_get_title (document, page->lang));
      g_assert_cmpuint (count (page, "//main[@id='main']"), ==, 1);
      g_assert_cmpuint (count (page, "//a[@class='skip-link'][@href='#main']"), ==, 1);

      for (guint b = 0; b < polisi_document_get_n_blocks (document); b++)
        {
          PolisiBlock *block = polisi_document_get_block (document, b);
          g_autofree char *anchor = polisi_html_anchor (block->id);
          g_autofree char *expression = NULL;
          g_autofree char *seen = NULL;
          xmlNode *item;

          if (block->kind == POLISI_BLOCK_HEADING)
            {
              g_autofree char *label = NULL;

              n_headings++;
              expression = g_strdup_printf ("//section/h2[@id='section-%s']", anchor);
              seen = find_text (page, expression);
              label = block->number != NULL && !block->appendix ?
                      g_strdup_printf ("%s %s", block->number, polisi_block_get_heading_text (block, page->lang)) :
                      g_strdup (polisi_block_get_heading_text (block, page->lang));
              g_assert_cmpstr (seen, ==, label);
              if (block->change != POLISI_CHANGE_DELETED)
                {
                  g_autofree char *entry = g_strdup_printf ("//nav[@class='contents']//a[@href='#section-%s']", anchor);

                  g_assert_cmpuint (count (page, entry), ==, 1);
                }
              continue;
            }
          if (block->kind != POLISI_BLOCK_CLAUSE)
            continue;

          /* the clause, in an ordered list, its id from the clause id,
           * its number a link to itself, every paragraph in it */
          expression = g_strdup_printf ("//main//ol[@class='clauses']/li[@class='clause'][@id='%s']", anchor);
          item = find (page, expression);
          if (item == NULL)
            g_error ("%s: no item for clause %s", page->name, block->id);
          seen = visible_text (item);
          {
            g_autofree char *number = g_strdup_printf ("%s[a[@class='clause-number'][@href='#%s']]", expression, anchor);
            g_autofree char *number_text = g_strdup_printf ("%s/a[@class='clause-number']", expression);
            g_autofree char *shown = find_text (page, number_text);

            g_assert_cmpuint (count (page, number), ==, 1);
            g_assert_cmpstr (shown, ==, block->number);
          }
          for (guint p = 0; p < block->paras[page->lang]->len; p++)
            {
              PolisiTextBlock *para = block->paras[page->lang]->pdata[p];
              g_autofree char *expected = polisi_test_normalize_space (para->text);

              if (strstr (seen, expected) == NULL)
                g_error ("%s: clause %s lacks “%s”", page->name, block->id, expected);
            }
          /* lists are lists */
          {
            guint n_items = 0;
            g_autofree char *items = g_strdup_printf ("%s//ul/li", expression);

            for (guint p = 0; p < block->paras[page->lang]->len; p++)
              n_items += ((PolisiTextBlock *) block->paras[page->lang]->pdata[p])->item;
            g_assert_cmpuint (count (page, items), ==, n_items);
          }
        }

      /* the sections, and the contents list's own heading */
      g_assert_cmpuint (count (page, "//h2"), ==, n_headings + (n_headings > 0 ? 1 : 0));

      /* every link within the page leads somewhere */
      links = xpath (page, "//a[starts-with(@href, '#')]");
      for (int n = 0; links->nodesetval != NULL && n < links->nodesetval->nodeNr; n++)
        {
          g_autofree char *href = get_prop (links->nodesetval->nodeTab[n], "href");
          g_autofree char *target = g_strdup_printf ("//*[@id='%s']", href + 1);

          if (count (page, target) != 1)
            g_error ("%s: the link %s leads nowhere", page->name, href);
        }
      xmlXPathFreeObject (links);

      /* ids are unique */
      {
        xmlXPathObject *ids = xpath (page, "//*[@id]");
        g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

        for (int n = 0; ids->nodesetval != NULL && n < ids->nodesetval->nodeNr; n++)
          {
            char *id = get_prop (ids->nodesetval->nodeTab[n], "id");

            if (!g_hash_table_add (seen, id))
              g_error ("%s: the id %s is used twice", page->name, id);
          }
        xmlXPathFreeObject (ids);
      }
    }
}

/* One file per language, nothing fetched: no script, no src, the style
 * sheet inline, web links only where the text shows an address. */
static void
test_self_contained (void)
{
  for (guint i = 0; i < fixture.pages->len; i++)
    {
      Page *page = fixture.pages->pdata[i];
      g_autofree char *lower = g_ascii_strdown (page->raw, page->length);
      g_autofree char *style = NULL;
      xmlXPathObject *links;

      g_assert_null (strstr (lower, "<script"));
      g_assert_null (strstr (lower, " src="));
      g_assert_null (strstr (lower, "<img"));
      g_assert_null (strstr (lower, "<iframe"));
      g_assert_null (strstr (lower, " on"  "click"));
      g_assert_cmpuint (count (page, "//style"), ==, 1);
      g_assert_cmpuint (count (page, "//link[not(@rel='alternate')]"), ==, 0);
      {
        xmlChar *content = xmlNodeGetContent (find (page, "//style"));

        style = g_strdup ((const char *) content);
        xmlFree (content);
      }
      g_assert_null (strstr (style, "url("));
      g_assert_null (strstr (style, "@import"));
      g_assert_nonnull (strstr (style, "@media print"));

      links = xpath (page, "//*[@href]");
      for (int n = 0; links->nodesetval != NULL && n < links->nodesetval->nodeNr; n++)
        {
          xmlNode *node = links->nodesetval->nodeTab[n];
          g_autofree char *href = get_prop (node, "href");
          g_autofree char *shown = visible_text (node);

          if (href[0] == '#')
            continue;
          if (g_str_has_prefix (href, "./"))
            {
              g_autofree char *unescaped = g_uri_unescape_string (href + 2, NULL);

              g_assert_nonnull (page->other_file);
              g_assert_cmpstr (unescaped, ==, page->other_file);
              continue;
            }
          /* a web address written in the text: a link a reader follows,
           * never one the page loads */
          g_assert_cmpstr ((const char *) node->name, ==, "a");
          g_assert_true (g_str_has_prefix (href, "https://") || g_str_has_prefix (href, "http://"));
          if (!g_str_equal (href, shown) && !(g_str_has_prefix (shown, "www.") && g_str_equal (href + strlen ("https://"), shown)))
            g_error ("%s: a link to %s shows “%s”", page->name, href, shown);
        }
      xmlXPathFreeObject (links);
    }
}

/* A draft says so at the top; a consultation draft on the web asks for
 * comments without a word processor's menus. */
static void
test_consultation (void)
{
  for (guint i = 0; i < fixture.pages->len; i++)
    {
      Page *page = fixture.pages->pdata[i];
      PolisiStatus status = polisi_document_get_status (page->document);
      const char *watermark = polisi_document_get_watermark (page->document, page->lang);

      g_assert_null (strstr (page->raw, "Insert ›"));
      g_assert_null (strstr (page->raw, "Mewnosod ›"));
      g_assert_null (strstr (page->raw, "Insert \xe2\x80\xba"));

      if (watermark == NULL || watermark[0] == '\0')
        {
          g_assert_cmpuint (count (page, "//div[@class='banner']"), ==, 0);
          continue;
        }
      {
        g_autofree char *banner = find_text (page, "//header/div[@class='banner']/p[@class='banner-title']");
        const char *expected = status == POLISI_STATUS_CONSULTATION ?
                               (page->lang == POLISI_LANG_CY ? "Drafft ymgynghori" : "Consultation draft") :
                               (page->lang == POLISI_LANG_CY ? "Drafft" : "Draft");

        g_assert_cmpstr (banner, ==, expected);
      }
    }

  g_assert_cmpuint (count (get_page (CASE_WALES, "cy"), "//div[@class='banner']"), ==, 1);
  g_assert_cmpuint (count (get_page (CASE_ENGLAND, "en"), "//div[@class='banner']"), ==, 1);
  g_assert_cmpuint (count (get_page (CASE_ADOPTED, "cy"), "//div[@class='banner']"), ==, 0);

  /* the comments table: four column headers, a row header per comment
   * (its clause number, a link to the clause), no empty rows */
  for (PolisiLang lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      Page *page = get_page (CASE_HOSTILE, lang == POLISI_LANG_CY ? "cy" : "en");
      g_autofree char *intro = find_text (page, "//section[@aria-labelledby='section-comments']/div[@class='text']");
      g_autofree char *comment = NULL;
      g_autofree char *general = NULL;
      g_autofree char *expected_comment = polisi_test_normalize_space (HOSTILE_COMMENT);
      const char *table = "//section[@aria-labelledby='section-comments']/div[@class='table-scroll'][@tabindex='0']/table[@aria-labelledby='section-comments']";
      g_autofree char *heads = g_strdup_printf ("%s/thead/tr/th[@scope='col']", table);
      g_autofree char *rows = g_strdup_printf ("%s/tbody/tr", table);
      g_autofree char *row_heads = g_strdup_printf ("%s/tbody/tr/th[@scope='row']", table);
      g_autofree char *linked = g_strdup_printf ("%s/tbody/tr/th[@scope='row']/a[starts-with(@href, '#')]", table);
      g_autofree char *first_comment = g_strdup_printf ("%s/tbody/tr[1]/td[2]", table);
      g_autofree char *second_comment = g_strdup_printf ("%s/tbody/tr[2]/td[2]", table);

      g_assert_nonnull (strstr (intro, lang == POLISI_LANG_CY ? "26 Chwefror 2027" : "26 February 2027"));
      g_assert_nonnull (strstr (intro, lang == POLISI_LANG_CY ? "rhif pob cymal" : "number of each clause"));
      g_assert_cmpuint (count (page, heads), ==, 4);
      g_assert_cmpuint (count (page, rows), ==, 2);
      g_assert_cmpuint (count (page, row_heads), ==, 2);
      g_assert_cmpuint (count (page, linked), ==, 1);
      comment = find_text (page, first_comment);
      g_assert_cmpstr (comment, ==, expected_comment);
      /* a cell's lines and items stay paragraphs and a list */
      {
        g_autofree char *paragraph = g_strdup_printf ("%s/p", second_comment);
        g_autofree char *items = g_strdup_printf ("%s/ul/li", second_comment);

        general = find_text (page, paragraph);
        g_assert_cmpstr (general, ==, "A general comment.");
        g_assert_cmpuint (count (page, items), ==, 2);
      }
      g_assert_null (strstr (page->raw, "<script>alert"));
    }

  /* no comments yet: a sentence, not an empty table */
  for (PolisiLang lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      Page *page = get_page (CASE_WALES, lang == POLISI_LANG_CY ? "cy" : "en");
      g_autofree char *none = find_text (page, "//section[@aria-labelledby='section-comments']/div[@class='text'][2]");

      g_assert_cmpuint (count (page, "//section[@aria-labelledby='section-comments']//table"), ==, 0);
      g_assert_cmpstr (none, ==, lang == POLISI_LANG_CY ? "Nid oes sylwadau wedi dod i law eto." : "No comments have been received yet.");
    }

  /* the version history: scoped headers, a row per version */
  {
    Page *page = get_page (CASE_ADOPTED, "en");
    const char *table = "//section[@aria-labelledby='section-history']/div[@class='table-scroll'][@tabindex='0']/table";
    g_autofree char *heads = g_strdup_printf ("%s/thead/tr/th[@scope='col']", table);
    g_autofree char *row_heads = g_strdup_printf ("%s/tbody/tr/th[@scope='row']", table);
    g_autofree char *header_text = g_strdup_printf ("%s/thead/tr/th[3]", table);
    g_autofree char *header = find_text (page, header_text);

    g_assert_cmpuint (count (page, heads), ==, 4);
    g_assert_cmpuint (count (page, row_heads), >=, 2);
    g_assert_cmpstr (header, ==, "Approved by");
  }
}

/* Inserted and deleted text: <ins> and <del>, each starting and ending
 * with words a screen reader says, in the page's language. */
static void
test_changes (void)
{
  static const char *words[POLISI_N_LANGS][4] = {
    { "Testun newydd: ", " (diwedd y testun newydd)", "Testun a dynnwyd: ", " (diwedd y testun a dynnwyd)" },
    { "New text: ", " (end of new text)", "Removed text: ", " (end of removed text)" },
  };

  for (PolisiLang lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      Page *page = get_page (CASE_CHANGES, lang == POLISI_LANG_CY ? "cy" : "en");
      g_autofree char *ins_start = g_strdup_printf ("//main//ins/span[1][@class='visually-hidden'][.='%s']", words[lang][0]);
      g_autofree char *ins_end = g_strdup_printf ("//main//ins/span[last()][@class='visually-hidden'][.='%s']", words[lang][1]);
      g_autofree char *del_start = g_strdup_printf ("//main//del/span[1][@class='visually-hidden'][.='%s']", words[lang][2]);
      g_autofree char *del_end = g_strdup_printf ("//main//del/span[last()][@class='visually-hidden'][.='%s']", words[lang][3]);
      guint n_ins = count (page, "//main//ins");
      guint n_del = count (page, "//main//del");
      guint n_ins_marks = 0, n_del_marks = 0;

      g_assert_cmpuint (n_ins, >, 0);
      g_assert_cmpuint (n_del, >, 0);
      g_assert_cmpuint (count (page, ins_start), ==, n_ins);
      g_assert_cmpuint (count (page, ins_end), ==, n_ins);
      g_assert_cmpuint (count (page, del_start), ==, n_del);
      g_assert_cmpuint (count (page, del_end), ==, n_del);

      /* as many as the document marks (a whole new clause: its number and
       * each paragraph) */
      for (guint b = 0; b < polisi_document_get_n_blocks (page->document); b++)
        {
          PolisiBlock *block = polisi_document_get_block (page->document, b);

          for (guint p = 0; p < block->paras[lang]->len; p++)
            {
              PolisiTextBlock *para = block->paras[lang]->pdata[p];

              for (guint m = 0; para->marks != NULL && m < para->marks->len; m++)
                {
                  PolisiTextMark *mark = &g_array_index (para->marks, PolisiTextMark, m);

                  if (mark->end > mark->start)
                    *(mark->kind == POLISI_MARK_INSERTED ? &n_ins_marks : &n_del_marks) += 1;
                }
              if ((para->marks == NULL || para->marks->len == 0) && para->text[0] != '\0' &&
                  block->change != POLISI_CHANGE_NONE)
                *(block->change == POLISI_CHANGE_INSERTED ? &n_ins_marks : &n_del_marks) += 1;
            }
          if (block->kind == POLISI_BLOCK_CLAUSE && block->change != POLISI_CHANGE_NONE)
            *(block->change == POLISI_CHANGE_INSERTED ? &n_ins_marks : &n_del_marks) += 1;
        }
      g_assert_cmpuint (n_ins, ==, n_ins_marks);
      g_assert_cmpuint (n_del, ==, n_del_marks);
    }
}

static void
test_hostile_text (void)
{
  g_autofree char *word = polisi_test_long_word ();

  for (PolisiLang lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      Page *page = get_page (CASE_HOSTILE, lang == POLISI_LANG_CY ? "cy" : "en");
      const char *organisation = polisi_document_get_organisation (page->document, lang);
      g_autofree char *shown = find_text (page, "//header/p[@class='organisation']");
      g_autofree char *title = find_text (page, "/html/head/title");
      g_autofree char *all = find_text (page, "/html/body");
      g_autofree char *expected = polisi_test_normalize_space (organisation);

      g_assert_true (g_str_has_prefix (organisation, lang == POLISI_LANG_CY ? "Ysgol " POLISI_TEST_HOSTILE " " : "School " POLISI_TEST_HOSTILE " "));
      g_assert_true (g_str_has_suffix (organisation, word));
      g_assert_cmpstr (shown, ==, expected);
      g_assert_nonnull (strstr (title, expected));
      g_assert_nonnull (strstr (all, POLISI_TEST_WELSH_LETTERS));
      g_assert_nonnull (strstr (all, word));
      /* the letters are written as themselves, not as references */
      g_assert_nonnull (strstr (page->raw, POLISI_TEST_WELSH_LETTERS));
      g_assert_nonnull (strstr (page->raw, "ŵ ŷ Ŵ Ŷ ẁ ẃ ẅ ẁ ỳ Ỳ â ê î ô û ý ÿ 🙂"));
      g_assert_nonnull (strstr (page->raw, "&lt; &amp;"));
      g_assert_nonnull (strstr (page->raw, "]]&gt;"));
    }

  /* every accented letter of a page's document is on the page, as many
   * times (the page adds none of its own) */
  for (guint i = 0; i < fixture.pages->len; i++)
    {
      Page *page = fixture.pages->pdata[i];
      g_autofree char *all = find_text (page, "/html/body");
      g_autoptr(GString) source = g_string_new (NULL);

      for (guint b = 0; b < polisi_document_get_n_blocks (page->document); b++)
        {
          PolisiBlock *block = polisi_document_get_block (page->document, b);

          for (guint p = 0; p < block->paras[page->lang]->len; p++)
            g_string_append (source, ((PolisiTextBlock *) block->paras[page->lang]->pdata[p])->text);
        }
      for (const char *p = "âêîôûŵŷẁẃẅỳŴŶ"; *p != '\0'; p = g_utf8_next_char (p))
        {
          char letter[8] = { 0 };

          g_unichar_to_utf8 (g_utf8_get_char (p), letter);
          if (strstr (source->str, letter) != NULL && strstr (all, letter) == NULL)
            g_error ("%s: no “%s”", page->name, letter);
        }
    }
}

/* A failed export leaves nothing behind and what was there as it was. */
static void
test_atomic (void)
{
  g_autofree char *missing = g_build_filename (fixture.dir, "no-such-folder", "policy.html", NULL);
  g_autofree char *existing = g_build_filename (fixture.dir, "existing.html", NULL);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFile) existing_file = g_file_new_for_path (existing);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  PolisiExportOptions options;

  polisi_export_options_init (&options, POLISI_LAYOUT_CY);
  g_assert_false (polisi_export_to_file (fixture.documents[CASE_WALES], POLISI_FORMAT_HTML, &options, missing_file, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  polisi_test_write_file (existing, "old", -1);
  g_assert_true (polisi_export_to_file (fixture.documents[CASE_WALES], POLISI_FORMAT_HTML, &options, existing_file, &error));
  g_assert_no_error (error);
  contents = polisi_test_read_file (existing, NULL);
  g_assert_true (g_str_has_prefix (contents, "<!DOCTYPE html>"));
}

/* The pages in Chromium: axe-core (WCAG 2.2 AA) and html-validate. */
static void
test_browser (void)
{
  g_autofree char *node = g_find_program_in_path ("node");
  g_autofree char *web = g_test_build_filename (G_TEST_DIST, "web", NULL);
  g_autofree char *script = g_build_filename (web, "check-pages.mjs", NULL);
  g_autofree char *modules = g_build_filename (web, "node_modules", "axe-core", NULL);
  g_autofree char *shots = g_getenv ("POLISI_HTML_SCREENSHOTS") != NULL ?
                           g_strconcat ("--screenshots=", g_getenv ("POLISI_HTML_SCREENSHOTS"), NULL) : NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (node == NULL)
    {
      g_test_skip ("node is not installed: apt-get install nodejs npm, then build-aux/setup test");
      return;
    }
  if (!g_file_test (modules, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("the npm packages of tests/web are not installed: build-aux/setup test installs them (npm ci)");
      return;
    }

  g_ptr_array_add (argv, node);
  g_ptr_array_add (argv, script);
  if (shots != NULL)
    g_ptr_array_add (argv, shots);
  for (guint i = 0; i < fixture.pages->len; i++)
    g_ptr_array_add (argv, ((Page *) fixture.pages->pdata[i])->path);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (web, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("%s%s", out, err);
  if (g_spawn_check_wait_status (status, NULL))
    return;
  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    {
      g_test_skip (out);
      return;
    }
  g_printerr ("%s%s", out, err);
  g_test_fail ();
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);

  fixture.dir = polisi_test_make_temp_dir ();
  fixture.context = polisi_test_builtin_context ();
  fixture.pages = g_ptr_array_new_with_free_func (page_free);
  for (CaseId c = 0; c < N_CASES; c++)
    {
      fixture.documents[c] = make_document (c);
      for (PolisiLang lang = 0; lang < POLISI_N_LANGS; lang++)
        g_ptr_array_add (fixture.pages, write_page (c, lang, TRUE, FALSE));
    }
  for (PolisiLang lang = 0; lang < POLISI_N_LANGS; lang++)
    g_ptr_array_add (fixture.pages, write_page (CASE_WALES, lang, FALSE, FALSE));
  /* English first, asked for */
  for (PolisiLang lang = 0; lang < POLISI_N_LANGS; lang++)
    g_ptr_array_add (fixture.pages, write_page (CASE_ENGLAND, lang, TRUE, TRUE));

  g_test_add_func ("/html/format", test_format);
  g_test_add_func ("/html/language", test_language);
  g_test_add_func ("/html/structure", test_structure);
  g_test_add_func ("/html/self-contained", test_self_contained);
  g_test_add_func ("/html/consultation", test_consultation);
  g_test_add_func ("/html/changes", test_changes);
  g_test_add_func ("/html/hostile-text", test_hostile_text);
  g_test_add_func ("/html/atomic", test_atomic);
  g_test_add_func ("/html/browser", test_browser);

  result = g_test_run ();

  g_clear_pointer (&fixture.pages, g_ptr_array_unref);
  for (CaseId c = 0; c < N_CASES; c++)
    g_clear_object (&fixture.documents[c]);
  g_clear_object (&fixture.context);
  polisi_test_remove_tree (fixture.dir);
  g_free (fixture.dir);

  return result;
}
