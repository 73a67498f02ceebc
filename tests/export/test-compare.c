/* test-compare.c: comparing two versions of a policy: the summary of
 * changes (PDF and ODT) and the new version with tracked changes (ODT)
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The old version is the Welsh example policy, adopted as 1.0. The new one,
 * 1.1 out for consultation, has a new head teacher (a change in every
 * clause that names them), one clause edited in both languages (words in,
 * words out, a paragraph added), an optional clause taken in and another
 * left out. Checked:
 *
 *   - the clauses compared, and the summary document: labels, counts,
 *     marks, in both languages;
 *   - the summary as PDF: its text (pdftotext), and the marks (the colours
 *     of inserted and deleted text in its content, read with qpdf);
 *   - the summary as ODT: the schema, the inserted and deleted text in
 *     their styles;
 *   - the tracked-changes ODT, in three layouts: the schema; the list of
 *     changes first, each change with its author and date and marked in
 *     the text (start and end for an insertion, one point for a deletion);
 *     the old words only in the deletions; LibreOffice's text of it holds
 *     the new text (with the deleted text, which it shows as struck
 *     through), and LibreOffice writes the changes into a Word
 *     document as w:ins and w:del, so it read them as changes to accept or
 *     reject.
 */
#include "config.h"

#include <string.h>

#include <gsf/gsf-infile.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-input-memory.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

#include "polisi-anchor.h"
#include "polisi-compare.h"
#include "polisi-diff.h"
#include "polisi-export.h"
#include "polisi-policy-io.h"
#include "polisi-test-utils.h"
#include "polisi-test-xml.h"


#define AUTHOR "Rhian Ellis (AD / HR)"
#define CHANGE_DATE "2027-01-15T09:30:00"

#define OLD_HEAD "Mr Dafydd ap Gwilym"
#define NEW_HEAD "Mrs Eleri Wyn"

static struct {
  char           *dir;
  PolisiContext  *context;
  PolisiPolicy   *old_policy;
  PolisiPolicy   *new_policy;
} fixture;

/* ------------------------------------------------------------------ */
/* Helpers                                                              */
/* ------------------------------------------------------------------ */

static char *
run (const char * const *argv,
     gboolean            must_succeed)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (must_succeed && !g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed:\n%s\n%s", argv[0], out, err);
  return g_steal_pointer (&out);
}

static GBytes *
read_member (GBytes     *package,
             const char *path)
{
  g_autoptr(GError) error = NULL;
  GsfInput *input = gsf_input_memory_new (g_bytes_get_data (package, NULL), g_bytes_get_size (package), FALSE);
  GsfInfile *zip = gsf_infile_zip_new (input, &error);
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  GsfInput *member = NULL;
  GBytes *bytes;
  gsf_off_t size;

  g_assert_no_error (error);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      GsfInput *next = gsf_infile_child_by_name (i == 0 ? zip : GSF_INFILE (member), parts[i]);

      g_clear_object (&member);
      member = next;
      g_assert_nonnull (member);
    }
  size = gsf_input_size (member);
  bytes = g_bytes_new (size > 0 ? gsf_input_read (member, size, NULL) : (const guint8 *) "", size);
  g_object_unref (member);
  g_object_unref (zip);
  g_object_unref (input);
  return bytes;
}

static xmlDoc *
parse_member (GBytes     *package,
              const char *path)
{
  g_autoptr(GBytes) bytes = read_member (package, path);

  return polisi_test_xml_parse (bytes, path);
}

static char *
write_temp (const char *name,
            GBytes     *bytes)
{
  char *path = g_build_filename (fixture.dir, name, NULL);

  polisi_test_write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return path;
}

/* The member @part of @package (saved as NAME-PART) is valid against the
 * OASIS schema. */
static void
validate_member (GBytes     *package,
                 const char *name,
                 const char *part)
{
  const char *why_not = NULL;
  g_autofree char *schema = polisi_test_odf_schema ("OpenDocument-v1.3-schema.rng", &why_not);
  g_autoptr(GBytes) bytes = read_member (package, part);
  g_autofree char *file_name = g_strdup_printf ("%s-%s", name, part);
  g_autofree char *path = write_temp (file_name, bytes);

  g_assert_nonnull (schema);
  polisi_test_validate (schema, path);
}

static gboolean
can_validate (void)
{
  const char *why_not = NULL;
  g_autofree char *schema = polisi_test_odf_schema ("OpenDocument-v1.3-schema.rng", &why_not);

  if (schema == NULL)
    g_test_message ("skipped the schema: %s", why_not);
  return schema != NULL;
}

/* Converts @paths with LibreOffice, in one call, into @format. */
static void
convert (const char  *soffice,
         const char  *format,
         const char **paths)
{
  g_autofree char *out_dir = g_build_filename (fixture.dir, "converted", NULL);

  polisi_test_soffice_convert (soffice, fixture.dir, format, out_dir, paths);
}

static char *
converted_path (const char *name,
                const char *extension)
{
  g_autofree char *base = g_strdup_printf ("%s.%s", name, extension);

  return g_build_filename (fixture.dir, "converted", base, NULL);
}

/* ------------------------------------------------------------------ */
/* The two versions                                                     */
/* ------------------------------------------------------------------ */

static void
make_policies (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  PolisiClauseState *state;

  fixture.old_policy = polisi_test_load_example ("secondary-wales.polisi");
  g_assert_cmpstr (polisi_policy_get_answer (fixture.old_policy, "head_teacher", POLISI_LANG_EN), ==, OLD_HEAD);
  g_assert_true (polisi_policy_adopt (fixture.old_policy, "1.0", "2026-07-10", "Corff Llywodraethu",
                                      "Polisi newydd.", "New policy.", &error));
  g_assert_no_error (error);

  bytes = polisi_policy_to_bytes (fixture.old_policy);
  fixture.new_policy = polisi_policy_load_bytes (bytes, "new.polisi", &error);
  g_assert_no_error (error);
  polisi_policy_set_version (fixture.new_policy, "1.1");
  polisi_policy_set_status (fixture.new_policy, POLISI_STATUS_CONSULTATION);
  polisi_policy_set_closing_date (fixture.new_policy, "2027-03-31");
  polisi_policy_set_answer (fixture.new_policy, "head_teacher", NEW_HEAD);

  /* words in and out, a paragraph added */
  state = polisi_policy_lookup_clause (fixture.new_policy, "purpose.benefits");
  polisi_clause_state_set_text (state, POLISI_LANG_EN,
                                "{organisation} welcomes the opportunities that social media brings: keeping in touch with "
                                "families and the wider community, sharing good practice and finding professional learning.\n"
                                "It also brings risks to safeguarding and to the wellbeing of staff.");
  polisi_clause_state_set_text (state, POLISI_LANG_CY,
                                "Mae {organisation} yn croesawu'r cyfleoedd a ddaw gyda'r cyfryngau cymdeithasol: cadw mewn "
                                "cysylltiad â theuluoedd a'r gymuned ehangach, rhannu arfer da a chael gafael ar ddysgu proffesiynol.\n"
                                "Mae hefyd risgiau i ddiogelu ac i les staff.");
  polisi_clause_state_confirm_translation (state, POLISI_LANG_CY);

  g_assert_false (polisi_clause_state_get_included (polisi_policy_lookup_clause (fixture.new_policy, "scope.governors")));
  polisi_clause_state_set_included (polisi_policy_lookup_clause (fixture.new_policy, "scope.governors"), TRUE);
  polisi_clause_state_set_included (polisi_policy_lookup_clause (fixture.new_policy, "official-accounts.languages"), FALSE);
}

static gboolean
names_head (PolisiClauseState *state)
{
  return strstr (polisi_clause_state_get_text (state, POLISI_LANG_EN), "{head_teacher}") != NULL ||
         strstr (polisi_clause_state_get_text (state, POLISI_LANG_CY), "{head_teacher}") != NULL;
}

/* ------------------------------------------------------------------ */
/* The comparison and the summary                                       */
/* ------------------------------------------------------------------ */

static void
test_clauses (void)
{
  g_autoptr(GPtrArray) comparisons = polisi_compare_clauses (fixture.old_policy, fixture.new_policy,
                                                             polisi_context_get_library (fixture.context));
  guint changed = 0, expected_changed = 1;
  gboolean seen_added = FALSE, seen_removed = FALSE, seen_edited = FALSE;

  for (guint i = 0; i < polisi_policy_get_n_clauses (fixture.new_policy); i++)
    {
      PolisiClauseState *state = polisi_policy_get_clause (fixture.new_policy, i);

      if (polisi_clause_state_get_included (state) && names_head (state) &&
          g_strcmp0 (polisi_clause_state_get_id (state), "purpose.benefits") != 0 &&
          g_strcmp0 (polisi_clause_state_get_id (state), "scope.governors") != 0)
        expected_changed++;
    }
  g_assert_cmpuint (expected_changed, >, 3);

  for (guint i = 0; i < comparisons->len; i++)
    {
      PolisiClauseComparison *comparison = comparisons->pdata[i];

      switch (comparison->kind)
        {
        case POLISI_CLAUSE_CHANGED:
          changed++;
          g_assert_cmpstr (comparison->old_number, !=, NULL);
          g_assert_cmpstr (comparison->new_number, !=, NULL);
          if (g_strcmp0 (comparison->clause_id, "purpose.benefits") == 0)
            {
              g_autofree char *en = polisi_diff_format (comparison->diff[POLISI_LANG_EN], "[-", "-]", "{+", "+}");

              seen_edited = TRUE;
              g_assert_nonnull (strstr (en, "{+families and +}"));
              g_assert_nonnull (strstr (en, "{+wider +}"));
              g_assert_cmpstr (comparison->new_number, ==, "1.1");
            }
          else
            {
              g_autofree char *cy = polisi_diff_format (comparison->diff[POLISI_LANG_CY], "[-", "-]", "{+", "+}");
              g_assert_nonnull (strstr (cy, "[-" OLD_HEAD "-]{+" NEW_HEAD "+}"));
            }
          break;
        case POLISI_CLAUSE_ADDED:
          g_assert_cmpstr (comparison->clause_id, ==, "scope.governors");
          g_assert_null (comparison->old_number);
          g_assert_cmpstr (comparison->old_text[POLISI_LANG_EN], ==, "");
          seen_added = TRUE;
          break;
        case POLISI_CLAUSE_REMOVED:
          g_assert_cmpstr (comparison->clause_id, ==, "official-accounts.languages");
          g_assert_null (comparison->new_number);
          g_assert_cmpstr (comparison->section_id, ==, "official-accounts");
          seen_removed = TRUE;
          break;
        default:
          g_assert_not_reached ();
        }
    }
  g_assert_true (seen_added && seen_removed && seen_edited);
  g_assert_cmpuint (changed, ==, expected_changed);

  /* a policy against itself: nothing */
  {
    g_autoptr(GPtrArray) none = polisi_compare_clauses (fixture.new_policy, fixture.new_policy,
                                                        polisi_context_get_library (fixture.context));
    g_assert_cmpuint (none->len, ==, 0);
  }
}

static PolisiBlock *
find_block (PolisiDocument  *document,
            PolisiBlockKind  kind,
            const char      *id)
{
  int index = polisi_document_find_block (document, kind, id);

  g_assert_cmpint (index, >=, 0);
  return polisi_document_get_block (document, index);
}

/* Whether @block has a paragraph with @text marked as @kind. */
static gboolean
has_mark (PolisiBlock    *block,
          PolisiLang      lang,
          PolisiMarkKind  kind,
          const char     *text)
{
  for (guint p = 0; p < block->paras[lang]->len; p++)
    {
      PolisiTextBlock *para = block->paras[lang]->pdata[p];

      for (guint m = 0; para->marks != NULL && m < para->marks->len; m++)
        {
          PolisiTextMark *mark = &g_array_index (para->marks, PolisiTextMark, m);
          g_autofree char *marked = g_strndup (para->text + mark->start, mark->end - mark->start);

          if (mark->kind == kind && strstr (marked, text) != NULL)
            return TRUE;
        }
    }
  return FALSE;
}

static void
test_summary (void)
{
  g_autoptr(PolisiDocument) document = polisi_compare_summary (fixture.old_policy, fixture.new_policy,
                                                               polisi_context_get_library (fixture.context),
                                                               POLISI_ASSEMBLE_DEFAULT);
  PolisiBlock *block;

  g_assert_cmpstr (polisi_document_get_title (document, POLISI_LANG_CY), ==,
                   "Crynodeb o’r newidiadau: Polisi cyfryngau cymdeithasol staff");
  g_assert_cmpstr (polisi_document_get_title (document, POLISI_LANG_EN), ==,
                   "Summary of changes: Staff social media policy");
  g_assert_cmpstr (polisi_document_get_version (document), ==, "1.1");
  g_assert_cmpstr (polisi_document_get_watermark (document, POLISI_LANG_CY), ==, "DRAFFT YMGYNGHORI");

  block = find_block (document, POLISI_BLOCK_PARAGRAPH, "introduction");
  g_assert_cmpstr (polisi_block_get_heading_text (block, POLISI_LANG_CY), ==,
                   "Mae’r ddogfen hon yn dangos y newidiadau rhwng fersiwn 1.0 a fersiwn 1.1 o’r polisi, cymal wrth gymal.");
  block = find_block (document, POLISI_BLOCK_PARAGRAPH, "counts");
  g_assert_true (g_str_has_suffix (polisi_block_get_heading_text (block, POLISI_LANG_EN),
                                   "Added clauses: 1 · Removed clauses: 1"));
  block = find_block (document, POLISI_BLOCK_PARAGRAPH, "key");
  g_assert_true (has_mark (block, POLISI_LANG_CY, POLISI_MARK_INSERTED, "testun newydd"));
  g_assert_true (has_mark (block, POLISI_LANG_CY, POLISI_MARK_DELETED, "testun a dynnwyd"));

  /* labels */
  block = find_block (document, POLISI_BLOCK_PARAGRAPH, "change:purpose.benefits");
  g_assert_true (g_str_has_prefix (polisi_block_get_heading_text (block, POLISI_LANG_CY), "Newidiwyd: "));
  g_assert_true (g_str_has_prefix (polisi_block_get_heading_text (block, POLISI_LANG_EN), "Changed: "));
  block = find_block (document, POLISI_BLOCK_PARAGRAPH, "change:scope.governors");
  g_assert_true (g_str_has_prefix (polisi_block_get_heading_text (block, POLISI_LANG_CY), "Ychwanegwyd: "));
  g_assert_true (g_str_has_prefix (polisi_block_get_heading_text (block, POLISI_LANG_EN), "Added: "));
  block = find_block (document, POLISI_BLOCK_PARAGRAPH, "change:official-accounts.languages");
  g_assert_true (g_str_has_prefix (polisi_block_get_heading_text (block, POLISI_LANG_CY), "Tynnwyd: "));
  g_assert_nonnull (strstr (polisi_block_get_heading_text (block, POLISI_LANG_CY), " yn fersiwn 1.0)"));
  g_assert_true (g_str_has_prefix (polisi_block_get_heading_text (block, POLISI_LANG_EN), "Removed: "));
  g_assert_nonnull (strstr (polisi_block_get_heading_text (block, POLISI_LANG_EN), " in version 1.0)"));

  /* the marks, the same in both languages */
  block = find_block (document, POLISI_BLOCK_CLAUSE, "purpose.benefits");
  g_assert_true (has_mark (block, POLISI_LANG_EN, POLISI_MARK_INSERTED, "families and"));
  g_assert_true (has_mark (block, POLISI_LANG_EN, POLISI_MARK_INSERTED, "It also brings"));
  g_assert_true (has_mark (block, POLISI_LANG_EN, POLISI_MARK_DELETED, "At the same time, it carries"));
  g_assert_true (has_mark (block, POLISI_LANG_CY, POLISI_MARK_INSERTED, "theuluoedd"));
  g_assert_true (has_mark (block, POLISI_LANG_CY, POLISI_MARK_DELETED, "enw da pawb"));
  block = find_block (document, POLISI_BLOCK_CLAUSE, "scope.governors");
  g_assert_true (has_mark (block, POLISI_LANG_EN, POLISI_MARK_INSERTED, "Members of the governing body"));
  block = find_block (document, POLISI_BLOCK_CLAUSE, "official-accounts.languages");
  g_assert_true (has_mark (block, POLISI_LANG_CY, POLISI_MARK_DELETED, "yn Saesneg"));
  g_assert_cmpint (block->change, ==, POLISI_CHANGE_DELETED);
  /* an unchanged clause is not there */
  g_assert_cmpint (polisi_document_find_block (document, POLISI_BLOCK_CLAUSE, "purpose.aims"), ==, -1);
}

static GBytes *
export (PolisiDocument *document,
        PolisiFormat    format,
        PolisiLayout    layout,
        gboolean        tracked)
{
  PolisiExportOptions options;
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  polisi_export_options_init (&options, layout);
  options.tracked_changes = tracked;
  options.change_author = AUTHOR;
  options.change_date = CHANGE_DATE;
  bytes = polisi_export_to_bytes (document, format, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static void
test_summary_pdf (void)
{
  g_autoptr(PolisiDocument) document = polisi_compare_summary (fixture.old_policy, fixture.new_policy,
                                                               polisi_context_get_library (fixture.context),
                                                               POLISI_ASSEMBLE_DEFAULT);
  g_autoptr(GBytes) pdf = export (document, POLISI_FORMAT_PDF, POLISI_LAYOUT_COLUMNS, FALSE);
  g_autofree char *path = write_temp ("summary.pdf", pdf);
  g_autofree char *qdf = g_build_filename (fixture.dir, "summary-qdf.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  g_autofree char *text = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GRegex) green = NULL;
  g_autoptr(GRegex) red = NULL;
  gsize length;

  if (pdftotext == NULL || qpdf == NULL)
    {
      g_test_skip ("skipped: pdftotext or qpdf is not installed");
      return;
    }

  {
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
    g_autofree char *raw = run (argv, TRUE);
    g_autofree char *unbroken = NULL;
    GString *joined = g_string_new (NULL);

    /* lines joined, so that a phrase broken over two lines is found */
    for (const char *p = raw; *p != '\0'; p++)
      g_string_append_c (joined, *p == '\n' ? ' ' : *p);
    unbroken = g_string_free (joined, FALSE);
    text = polisi_text_collapse_spaces (unbroken);
  }
  {
    const char *needles[] = {
      "Crynodeb o’r newidiadau", "Summary of changes", "Newidiwyd:", "Changed:", "Ychwanegwyd:", "Added:",
      "Tynnwyd:", "Removed:", "Cymalau a newidiwyd:", "Changed clauses:", NEW_HEAD, OLD_HEAD, "theuluoedd",
      "families and", "Members of the governing body",
    };

    for (guint n = 0; n < G_N_ELEMENTS (needles); n++)
      if (strstr (text, needles[n]) == NULL)
        g_error ("the summary PDF does not say “%s”", needles[n]);
  }

  /* The marks: text and lines in the green of insertions and the red of
   * deletions (cairo writes colours as "r g b rg" and "r g b RG"). */
  {
    const char *argv[] = { "qpdf", "--qdf", "--object-streams=disable", path, qdf, NULL };
    g_autofree char *out = run (argv, TRUE);
  }
  /* the file holds fonts, NUL bytes and all: matched over its length */
  contents = polisi_test_read_file (qdf, &length);
  green = g_regex_new ("0\\.10[0-9]* 0\\.36[0-9]* 0\\.12[0-9]* (rg|RG)", G_REGEX_RAW, 0, NULL);
  red = g_regex_new ("0\\.63[0-9]* 0\\.08[0-9]* 0\\.08[0-9]* (rg|RG)", G_REGEX_RAW, 0, NULL);
  g_assert_true (g_regex_match_full (green, contents, length, 0, 0, NULL, NULL));
  g_assert_true (g_regex_match_full (red, contents, length, 0, 0, NULL, NULL));

  /* a policy exported as usual has neither */
  {
    g_autoptr(PolisiDocument) plain = polisi_assemble (fixture.new_policy, polisi_context_get_library (fixture.context),
                                                       POLISI_ASSEMBLE_DEFAULT);
    g_autoptr(GBytes) plain_pdf = export (plain, POLISI_FORMAT_PDF, POLISI_LAYOUT_COLUMNS, FALSE);
    g_autofree char *plain_path = write_temp ("plain.pdf", plain_pdf);
    g_autofree char *plain_qdf = g_build_filename (fixture.dir, "plain-qdf.pdf", NULL);
    const char *argv[] = { "qpdf", "--qdf", "--object-streams=disable", plain_path, plain_qdf, NULL };
    g_autofree char *out = run (argv, TRUE);
    gsize plain_length;
    g_autofree char *plain_contents = polisi_test_read_file (plain_qdf, &plain_length);

    g_assert_false (g_regex_match_full (green, plain_contents, plain_length, 0, 0, NULL, NULL));
    g_assert_false (g_regex_match_full (red, plain_contents, plain_length, 0, 0, NULL, NULL));
  }
}

static void
test_summary_odt (void)
{
  g_autoptr(PolisiDocument) document = polisi_compare_summary (fixture.old_policy, fixture.new_policy,
                                                               polisi_context_get_library (fixture.context),
                                                               POLISI_ASSEMBLE_DEFAULT);
  const PolisiLayout layouts[] = { POLISI_LAYOUT_COLUMNS, POLISI_LAYOUT_SEQUENTIAL, POLISI_LAYOUT_EN };
  gboolean validate = can_validate ();

  for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
    {
      g_autoptr(GBytes) odt = export (document, POLISI_FORMAT_ODT, layouts[l], FALSE);
      g_autofree char *name = g_strdup_printf ("summary-%u", l);
      xmlDoc *content = parse_member (odt, "content.xml");
      xmlDoc *styles = parse_member (odt, "styles.xml");
      g_autofree char *inserted = polisi_test_xpath_all_text (content, "//text:span[@text:style-name='Polisi_20_Inserted']");
      g_autofree char *deleted = polisi_test_xpath_all_text (content, "//text:span[@text:style-name='Polisi_20_Deleted']");

      if (validate)
        {
          validate_member (odt, name, "content.xml");
          validate_member (odt, name, "styles.xml");
        }

      g_assert_nonnull (strstr (inserted, "families and"));
      g_assert_nonnull (strstr (inserted, NEW_HEAD));
      g_assert_nonnull (strstr (deleted, OLD_HEAD));
      g_assert_nonnull (strstr (deleted, "At the same time, it carries"));
      g_assert_nonnull (strstr (deleted, "reputation"));
      if (layouts[l] != POLISI_LAYOUT_EN)
        {
          g_assert_nonnull (strstr (inserted, "theuluoedd"));
          g_assert_nonnull (strstr (deleted, "enw da pawb"));
        }
      /* no tracked changes in a summary */
      g_assert_cmpuint (polisi_test_xpath_count (content, "//text:tracked-changes"), ==, 0);

      g_assert_cmpuint (polisi_test_xpath_count (styles, "//office:styles/style:style[@style:name='Polisi_20_Inserted' and "
                                             "@style:display-name='Inserted text']/style:text-properties"
                                             "[@style:text-underline-style='solid']"), ==, 1);
      g_assert_cmpuint (polisi_test_xpath_count (styles, "//office:styles/style:style[@style:name='Polisi_20_Deleted' and "
                                             "@style:display-name='Deleted text']/style:text-properties"
                                             "[@style:text-line-through-style='solid']"), ==, 1);
      xmlFreeDoc (content);
      xmlFreeDoc (styles);
    }
}

/* ------------------------------------------------------------------ */
/* Tracked changes                                                      */
/* ------------------------------------------------------------------ */

static void
check_tracked_content (xmlDoc     *content,
                       gboolean    shows_welsh,
                       const char *removed_number)
{
  xmlXPathObject *regions = polisi_test_xpath (content, "//text:tracked-changes/text:changed-region");
  guint insertions = 0, deletions = 0;
  g_autofree char *body = NULL;
  g_autofree char *deleted = NULL;

  /* the list of changes comes first */
  g_assert_cmpuint (polisi_test_xpath_count (content, "/office:document-content/office:body/office:text/*[1][self::text:tracked-changes]"), ==, 1);
  g_assert_nonnull (regions->nodesetval);
  g_assert_cmpint (regions->nodesetval->nodeNr, >, 10);

  for (int i = 0; i < regions->nodesetval->nodeNr; i++)
    {
      xmlNode *region = regions->nodesetval->nodeTab[i];
      xmlChar *id = xmlGetNsProp (region, (const xmlChar *) "id", (const xmlChar *) POLISI_TEST_NS_TEXT);
      g_autofree char *starts = g_strdup_printf ("//office:text//text:change-start[@text:change-id='%s']", id);
      g_autofree char *ends = g_strdup_printf ("//office:text//text:change-end[@text:change-id='%s']", id);
      g_autofree char *points = g_strdup_printf ("//office:text//text:change[@text:change-id='%s']", id);
      g_autofree char *info = g_strdup_printf ("//text:changed-region[@text:id='%s']/*/office:change-info"
                                               "[dc:creator='" AUTHOR "' and dc:date='" CHANGE_DATE "']", id);
      g_autofree char *insertion = g_strdup_printf ("//text:changed-region[@text:id='%s']/text:insertion", id);

      g_assert_cmpuint (polisi_test_xpath_count (content, info), ==, 1);
      if (polisi_test_xpath_count (content, insertion) == 1)
        {
          insertions++;
          g_assert_cmpuint (polisi_test_xpath_count (content, starts), ==, 1);
          g_assert_cmpuint (polisi_test_xpath_count (content, ends), ==, 1);
          g_assert_cmpuint (polisi_test_xpath_count (content, points), ==, 0);
        }
      else
        {
          g_autofree char *carrier = g_strdup_printf ("//office:text//*[text:change[@text:change-id='%s']]/@text:style-name", id);
          g_autofree char *last = g_strdup_printf ("//text:changed-region[@text:id='%s']/text:deletion/*[last()][self::text:p and "
                                                   "not(node())]/@text:style-name", id);
          g_autofree char *carrier_style = NULL;
          g_autofree char *last_style = NULL;

          deletions++;
          g_assert_cmpuint (polisi_test_xpath_count (content, points), ==, 1);
          g_assert_cmpuint (polisi_test_xpath_count (content, starts), ==, 0);
          /* a removed paragraph's break takes the style of the paragraph
           * after it, as LibreOffice writes it */
          last_style = polisi_test_xpath_all_text (content, last);
          if (last_style[0] != '\0')
            {
              carrier_style = polisi_test_xpath_all_text (content, carrier);
              g_assert_cmpstr (last_style, ==, carrier_style);
            }
        }
      xmlFree (id);
    }
  xmlXPathFreeObject (regions);
  g_assert_cmpuint (insertions, >, 5);
  g_assert_cmpuint (deletions, >, 5);

  /* no deletion is marked in a heading: LibreOffice would run the heading
   * into the deleted text */
  g_assert_cmpuint (polisi_test_xpath_count (content, "//office:text//text:h[.//text:change]"), ==, 0);

  /* every mark in the text has its change */
  g_assert_cmpuint (polisi_test_xpath_count (content, "//office:text//*[self::text:change or self::text:change-start or self::text:change-end]"
                                          "[not(@text:change-id = //text:changed-region/@text:id)]"), ==, 0);

  /* the text is the new version's: the old name is only in deletions */
  body = polisi_test_xpath_all_text (content, "/office:document-content/office:body/office:text/*[not(self::text:tracked-changes)]");
  deleted = polisi_test_xpath_all_text (content, "//text:changed-region/text:deletion");
  g_assert_nonnull (strstr (body, NEW_HEAD));
  g_assert_null (strstr (body, OLD_HEAD));
  g_assert_nonnull (strstr (deleted, OLD_HEAD));
  g_assert_nonnull (strstr (body, "Members of the governing body"));
  g_assert_null (strstr (body, "At the same time, it carries"));
  g_assert_nonnull (strstr (deleted, "At the same time, it carries"));
  if (shows_welsh)
    {
      g_assert_nonnull (strstr (body, "theuluoedd"));
      g_assert_null (strstr (body, "enw da pawb"));
      g_assert_nonnull (strstr (deleted, "enw da pawb"));
    }

  /* the clause that went, whole, numbered, in a deletion */
  {
    g_autofree char *query = g_strdup_printf ("//text:changed-region/text:deletion/text:p[text:tab and starts-with(., '%s')]",
                                              removed_number);
    g_assert_cmpuint (polisi_test_xpath_count (content, query), >=, 1);
  }
  /* the clause that came is inside an insertion from its number on */
  {
    g_autofree char *anchor = polisi_anchor_name ("scope.governors", POLISI_LANG_EN);
    g_autofree char *query = g_strdup_printf ("//office:text//text:p[text:bookmark[@text:name = '%s'] or "
                                              "text:bookmark-start[@text:name = '%s']]"
                                              "/*[not(self::text:bookmark or self::text:bookmark-start)][1][self::text:change-start]",
                                              anchor, anchor);

    g_assert_cmpuint (polisi_test_xpath_count (content, query), ==, 1);
  }
}

static void
test_tracked (void)
{
  g_autoptr(PolisiDocument) document = polisi_compare_tracked (fixture.old_policy, fixture.new_policy,
                                                               polisi_context_get_library (fixture.context),
                                                               POLISI_ASSEMBLE_DEFAULT);
  const PolisiLayout layouts[] = { POLISI_LAYOUT_COLUMNS, POLISI_LAYOUT_SEQUENTIAL, POLISI_LAYOUT_EN };
  const char *names[] = { "tracked-columns", "tracked-sequential", "tracked-en" };
  const char *paths[G_N_ELEMENTS (layouts) + 1] = { NULL };
  g_autofree char *soffice = polisi_test_find_soffice ();
  gboolean validate = can_validate ();
  g_autoptr(GPtrArray) comparisons = polisi_compare_clauses (fixture.old_policy, fixture.new_policy,
                                                             polisi_context_get_library (fixture.context));
  const char *removed_number = NULL;

  g_assert_true (polisi_document_has_changes (document));
  for (guint i = 0; i < comparisons->len; i++)
    if (((PolisiClauseComparison *) comparisons->pdata[i])->kind == POLISI_CLAUSE_REMOVED)
      removed_number = ((PolisiClauseComparison *) comparisons->pdata[i])->old_number;
  g_assert_nonnull (removed_number);

  for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
    {
      g_autoptr(GBytes) odt = export (document, POLISI_FORMAT_ODT, layouts[l], TRUE);
      g_autofree char *file_name = g_strdup_printf ("%s.odt", names[l]);
      xmlDoc *content = parse_member (odt, "content.xml");

      g_test_message ("%s", names[l]);
      if (validate)
        {
          validate_member (odt, names[l], "content.xml");
          validate_member (odt, names[l], "styles.xml");
        }
      check_tracked_content (content, layouts[l] != POLISI_LAYOUT_EN, removed_number);
      xmlFreeDoc (content);
      paths[l] = write_temp (file_name, odt);
    }

  if (soffice == NULL)
    {
      g_test_message ("skipped LibreOffice: soffice is not installed");
      for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
        g_free ((char *) paths[l]);
      return;
    }

  /* LibreOffice's text holds the new text; its Word document has the
   * changes as changes */
  convert (soffice, "txt:Text", paths);
  convert (soffice, "docx", paths);
  for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
    {
      g_autofree char *txt_path = converted_path (names[l], "txt");
      g_autofree char *docx_path = converted_path (names[l], "docx");
      g_autofree char *raw = NULL;
      g_autofree char *text = NULL;
      g_autofree char *docx = NULL;
      g_autoptr(GBytes) package = NULL;
      g_autoptr(GBytes) word = NULL;
      g_autofree char *document_xml = NULL;
      gsize length;

      g_test_message ("LibreOffice: %s", names[l]);
      if (!g_file_test (txt_path, G_FILE_TEST_EXISTS) || !g_file_test (docx_path, G_FILE_TEST_EXISTS))
        g_error ("LibreOffice did not convert %s", names[l]);
      raw = polisi_test_read_file (txt_path, NULL);
      text = polisi_text_collapse_spaces (raw);
      g_assert_nonnull (strstr (text, NEW_HEAD));
      g_assert_nonnull (strstr (text, "keeping in touch with families and the wider community"));
      /* (deleted text shows too, as LibreOffice shows changes: where a
       * sentence lost words, only the new words are looked for) */
      g_assert_nonnull (strstr (text, "It also brings"));
      g_assert_nonnull (strstr (text, "Members of the governing body are expected to follow this policy"));

      docx = polisi_test_read_file (docx_path, &length);
      package = g_bytes_new (docx, length);
      word = read_member (package, "word/document.xml");
      document_xml = g_strndup (g_bytes_get_data (word, NULL), g_bytes_get_size (word));
      g_assert_nonnull (strstr (document_xml, "<w:ins "));
      g_assert_nonnull (strstr (document_xml, "<w:del "));
      g_assert_nonnull (strstr (document_xml, "w:author=\"" AUTHOR "\""));
      g_assert_nonnull (strstr (document_xml, ">" OLD_HEAD "</w:delText>"));
      g_assert_nonnull (strstr (document_xml, ">" NEW_HEAD "</w:t>"));
    }

  for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
    g_free ((char *) paths[l]);
}

/* A new row in the version history is a change too. */
static void
test_tracked_history (void)
{
  g_autoptr(GBytes) bytes = polisi_policy_to_bytes (fixture.new_policy);
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiPolicy) adopted = polisi_policy_load_bytes (bytes, "adopted.polisi", &error);
  g_autoptr(PolisiDocument) document = NULL;
  g_autoptr(GBytes) odt = NULL;
  xmlDoc *content;
  PolisiBlock *history;

  g_assert_no_error (error);
  g_assert_true (polisi_policy_adopt (adopted, "1.1", "2027-04-01", "Corff Llywodraethu", "Newid.", "Change.", &error));
  g_assert_no_error (error);
  document = polisi_compare_tracked (fixture.old_policy, adopted, polisi_context_get_library (fixture.context),
                                     POLISI_ASSEMBLE_DEFAULT);
  history = find_block (document, POLISI_BLOCK_TABLE, "history-table");
  g_assert_cmpuint (polisi_block_get_n_rows (history), ==, 3);
  g_assert_cmpint (polisi_block_get_row_change (history, 1), ==, POLISI_CHANGE_NONE);
  g_assert_cmpint (polisi_block_get_row_change (history, 2), ==, POLISI_CHANGE_INSERTED);

  odt = export (document, POLISI_FORMAT_ODT, POLISI_LAYOUT_EN, TRUE);
  if (can_validate ())
    validate_member (odt, "tracked-history", "content.xml");
  content = parse_member (odt, "content.xml");
  /* the new row's cells begin with an insertion; the old row's do not */
  g_assert_cmpuint (polisi_test_xpath_count (content, "//table:table-row[table:table-cell/text:p[contains(., 'Change.')]]"
                                          "/table:table-cell/text:p/*[1][self::text:change-start]"), ==, 4);
  g_assert_cmpuint (polisi_test_xpath_count (content, "//table:table-row[table:table-cell/text:p[contains(., 'New policy.')]]"
                                          "//text:change-start"), ==, 0);
  xmlFreeDoc (content);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);

  fixture.dir = polisi_test_make_temp_dir ();
  fixture.context = polisi_test_builtin_context ();
  make_policies ();

  g_test_add_func ("/compare/clauses", test_clauses);
  g_test_add_func ("/compare/summary", test_summary);
  g_test_add_func ("/compare/summary-pdf", test_summary_pdf);
  g_test_add_func ("/compare/summary-odt", test_summary_odt);
  g_test_add_func ("/compare/tracked", test_tracked);
  g_test_add_func ("/compare/tracked-history", test_tracked_history);

  result = g_test_run ();

  g_clear_object (&fixture.old_policy);
  g_clear_object (&fixture.new_policy);
  g_clear_object (&fixture.context);
  polisi_test_remove_tree (fixture.dir);
  g_free (fixture.dir);

  return result;
}
