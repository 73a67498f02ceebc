/* test-comments.c: comments back from a consultation draft
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The draft is exported here, in each layout, and annotated here as
 * LibreOffice annotates: office:annotation elements, with dc:creator,
 * dc:date (fractions of a second and all) and paragraphs, inside clause
 * paragraphs (the first, and a list item further down) and in a heading,
 * outside any clause. Then: the count, each comment on its clause and in
 * its language, the one outside kept as a comment on the whole policy, no
 * duplicates on a second import; the same when the bookmarks are lost
 * (the clause number at the start of the paragraph) or renamed the way
 * Word names bookmarks, in a draft of an older Polisi that named them
 * "polisi-clause-…"; and clear refusals, with the policy unchanged, for
 * files that are not a returned draft or are damaged.
 */
#include "config.h"

#include <string.h>

#include <gsf/gsf-outfile.h>
#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-output-memory.h>

#include "polisi-assembler.h"
#include "polisi-error.h"
#include "polisi-export.h"
#include "polisi-odt.h"
#include "polisi-page-layout.h"
#include "polisi-policy-io.h"
#include "polisi-returned-draft.h"
#include "polisi-anchor.h"
#include "polisi-test-utils.h"

static struct {
  char          *dir;
  PolisiLibrary *library;
} fixture;

/* The mini library's policy, out for consultation, with a comment already
 * answered. */
static PolisiPolicy *
make_policy (void)
{
  PolisiPolicy *policy = polisi_policy_new_from_library (fixture.library, POLISI_LANGUAGE_CATEGORY_DUAL);

  polisi_policy_set_name (policy, POLISI_LANG_CY, "Ysgol y Berllan");
  polisi_policy_set_name (policy, POLISI_LANG_EN, "Orchard School");
  polisi_policy_set_answer (policy, "head_teacher", "Mrs Siân Hughes");
  polisi_policy_set_version (policy, "1.1");
  polisi_policy_set_status (policy, POLISI_STATUS_CONSULTATION);
  polisi_policy_set_closing_date (policy, "2027-03-31");
  polisi_policy_add_comment (policy, "intro.purpose", POLISI_LANG_EN, "Earlier", "2027-01-05", "Already here.");
  return policy;
}

static GBytes *
export_draft (PolisiPolicy *policy,
              PolisiLayout  layout)
{
  g_autoptr(PolisiDocument) document = polisi_assemble (policy, fixture.library, POLISI_ASSEMBLE_DEFAULT);
  g_autoptr(GError) error = NULL;
  PolisiExportOptions options;
  GBytes *package;

  polisi_export_options_init (&options, layout);
  package = polisi_odt_write (document, &options, &error);
  g_assert_no_error (error);
  return package;
}

static char *
content_of (GBytes *package)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) content = polisi_returned_odt_unpack (package, "draft.odt", &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (content, NULL), g_bytes_get_size (content));
}

/* An annotation as LibreOffice writes one. */
static char *
annotation (const char *author,
            const char *date,
            const char *text)
{
  return g_strdup_printf ("<office:annotation office:name=\"__Annotation__1\"><dc:creator>%s</dc:creator>"
                          "<dc:date>%s</dc:date><meta:date-string>01/02/2027</meta:date-string>"
                          "<text:p text:style-name=\"P1\"><text:span text:style-name=\"T1\">%s</text:span></text:p>"
                          "</office:annotation>",
                          author, date, text);
}

/* @content with @insert put right after the first @after at or past
 * @from. */
static char *
insert_after (const char *content,
              const char *from,
              const char *after,
              const char *insert)
{
  const char *start = from != NULL ? strstr (content, from) : content;
  const char *at;

  g_assert_nonnull (start);
  at = strstr (start, after);
  g_assert_nonnull (at);
  at += strlen (after);
  return g_strdup_printf ("%.*s%s%s", (int) (at - content), content, insert, at);
}

/* Three comments: on clause 1.2 in Welsh (its first paragraph), on the same
 * clause in English (in its second list item; in Welsh when the draft has
 * no English), and one in the heading of section 2, outside any clause.
 * The clause numbers and headings are found in whichever layout the draft
 * has. */
static char *
annotate (const char *content)
{
  g_autofree char *first = annotation ("Siân Jones (UCAC)", "2027-02-01T10:15:00.123456789", "Dylai hyn enwi'r dirprwy.");
  g_autofree char *second = annotation ("Tom Price (NEU)", "2027-02-02T09:00:00", "Say &quot;online safety&quot; here too.");
  g_autofree char *third = annotation ("Tom Price (NEU)", "2027-02-02T09:05:00", "A general point about safeguarding.");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  /* the clause's number, in bold, and its tab */
  const char *welsh = ">1.2</text:span><text:tab/>Mae'r pennaeth";

  if (strstr (content, welsh) != NULL)
    a = insert_after (content, NULL, welsh, first);
  else
    a = g_strdup (content);
  if (strstr (a, "The head teacher (") != NULL)
    b = insert_after (a, "The head teacher (", "reviewing the policy", second);
  else
    b = insert_after (a, welsh, "adolygu'r polisi", second);
  /* the heading of section 2, in the language that comes first */
  return insert_after (b, "outline-level=\"1\"", "2 <text:s/>", third);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static char *
write_returned (const char *name,
                GBytes     *bytes)
{
  char *path = g_build_filename (fixture.dir, name, NULL);

  polisi_test_write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return path;
}

static gboolean
import (PolisiPolicy         *policy,
        const char           *path,
        PolisiReturnedImport  *result,
        GError              **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return polisi_returned_draft_import (policy, fixture.library, file, POLISI_RETURNED_IMPORT_DEFAULT, result, error);
}

static const PolisiComment *
find_comment (PolisiPolicy *policy,
              const char   *author,
              const char   *date)
{
  for (guint i = 0; i < polisi_policy_get_n_comments (policy); i++)
    {
      const PolisiComment *comment = polisi_policy_get_comment (policy, i);

      if (g_strcmp0 (comment->author, author) == 0 && g_strcmp0 (comment->date, date) == 0)
        return comment;
    }
  return NULL;
}

/* @second_lang: the language of the second comment, -1 when it is not
 * known */
static void
check_imported (PolisiPolicy *policy,
                gboolean      with_welsh,
                int           second_lang)
{
  const PolisiComment *welsh = find_comment (policy, "Siân Jones (UCAC)", "2027-02-01T10:15:00");
  const PolisiComment *english = find_comment (policy, "Tom Price (NEU)", "2027-02-02T09:00:00");
  const PolisiComment *general = find_comment (policy, "Tom Price (NEU)", "2027-02-02T09:05:00");

  if (with_welsh)
    {
      g_assert_nonnull (welsh);
      g_assert_cmpstr (welsh->clause_id, ==, "intro.head");
      g_assert_cmpstr (welsh->body, ==, "Dylai hyn enwi'r dirprwy.");
      g_assert_cmpstr (welsh->version, ==, "1.1");
      g_assert_cmpint (welsh->lang, ==, second_lang < 0 ? -1 : POLISI_LANG_CY);
    }
  else
    g_assert_null (welsh);

  g_assert_nonnull (english);
  g_assert_cmpstr (english->clause_id, ==, "intro.head");
  g_assert_cmpstr (english->body, ==, "Say \"online safety\" here too.");
  g_assert_cmpint (english->lang, ==, second_lang);

  g_assert_nonnull (general);
  g_assert_null (general->clause_id);
  g_assert_cmpstr (general->body, ==, "A general point about safeguarding.");
}

static void
test_import (void)
{
  const PolisiLayout layouts[] = { POLISI_LAYOUT_COLUMNS, POLISI_LAYOUT_SEQUENTIAL, POLISI_LAYOUT_CY, POLISI_LAYOUT_EN };

  for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
    {
      g_autoptr(PolisiPolicy) policy = make_policy ();
      g_autoptr(GBytes) draft = export_draft (policy, layouts[l]);
      g_autofree char *content = content_of (draft);
      g_autofree char *annotated = NULL;
      g_autoptr(GBytes) returned = NULL;
      g_autofree char *name = g_strdup_printf ("returned-%u.odt", l);
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;
      PolisiReturnedImport result;
      gboolean with_welsh = layouts[l] != POLISI_LAYOUT_EN;
      guint n_tables;
      int second_lang = layouts[l] == POLISI_LAYOUT_CY ? POLISI_LANG_CY : POLISI_LANG_EN;

      g_test_message ("%s", polisi_layout_get_label (layouts[l]));
      /* every clause between the two ends of its bookmark, in each
       * language shown */
      {
        g_autoptr(PolisiDocument) document = polisi_assemble (policy, fixture.library, POLISI_ASSEMBLE_DEFAULT);
        guint n_clauses = 0;
        guint n_anchors = 0;

        /* in parallel columns, an anchor in each language of each row of
         * a clause's paragraph pairs */
        for (guint i = 0; i < polisi_document_get_n_blocks (document); i++)
          if (polisi_document_get_block (document, i)->kind == POLISI_BLOCK_CLAUSE)
            {
              n_clauses++;
              n_anchors += MAX (polisi_page_layout_count_pairs (polisi_document_get_block (document, i),
                                                               POLISI_LANG_CY, POLISI_LANG_EN), 1);
            }
        g_autofree char *anchor = polisi_anchor_name ("intro.head", POLISI_LANG_CY);
        g_autofree char *anchor_start = g_strdup_printf ("<text:bookmark-start text:name=\"%s\"/>", anchor);

        g_assert_cmpuint (count (content, "<text:bookmark-start text:name=\"Polisi_"), ==,
                          layouts[l] == POLISI_LAYOUT_COLUMNS ? 2 * n_anchors :
                          n_clauses * (layouts[l] == POLISI_LAYOUT_CY || layouts[l] == POLISI_LAYOUT_EN ? 1 : 2));
        g_assert_cmpuint (count (content, "<text:bookmark-end text:name=\"Polisi_"), ==,
                          count (content, "<text:bookmark-start text:name=\"Polisi_"));
        g_assert_cmpuint (count (content, anchor_start), ==, layouts[l] == POLISI_LAYOUT_EN ? 0 : 1);
        g_assert_cmpuint (strlen (anchor), ==, 26);
      }

      annotated = annotate (content);
      returned = polisi_test_odt_replace_content (draft, annotated);
      path = write_returned (name, returned);

      g_assert_true (import (policy, path, &result, &error));
      g_assert_no_error (error);
      /* the comment already answered is in the comments table of each
       * language: found there, and known */
      n_tables = count (content, "table:name=\"comments-table-");
      g_assert_cmpuint (n_tables, ==, layouts[l] == POLISI_LAYOUT_CY || layouts[l] == POLISI_LAYOUT_EN ? 1 : 2);
      g_assert_cmpuint (result.n_found, ==, (with_welsh ? 3 : 2) + n_tables);
      g_assert_cmpuint (result.n_anchored, ==, with_welsh ? 3 : 2);
      g_assert_cmpuint (result.n_table_rows, ==, 0);
      g_assert_cmpuint (result.n_duplicates, ==, n_tables);
      g_assert_cmpuint (result.n_general, ==, 1);
      g_assert_cmpuint (result.general->len, ==, 1);
      g_assert_cmpstr (((PolisiReturnedComment *) result.general->pdata[0])->author, ==, "Tom Price (NEU)");
      g_assert_true (g_str_has_prefix (((PolisiReturnedComment *) result.general->pdata[0])->place, "2 "));
      polisi_returned_import_clear (&result);
      check_imported (policy, with_welsh, second_lang);
      g_assert_cmpuint (polisi_policy_get_n_comments (policy), ==, with_welsh ? 4 : 3);

      /* a second time: nothing new */
      g_assert_true (import (policy, path, &result, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (result.n_added, ==, 0);
      g_assert_cmpuint (result.n_duplicates, ==, (with_welsh ? 3 : 2) + n_tables);
      polisi_returned_import_clear (&result);
      g_assert_cmpuint (polisi_policy_get_n_comments (policy), ==, with_welsh ? 4 : 3);
    }
}

/* @content as an older Polisi wrote it: each anchor named
 * "polisi-clause-cy-" and the clause's id. */
static char *
long_bookmark_names (PolisiPolicy *policy,
                     const char   *content)
{
  char *out = g_strdup (content);

  for (guint i = 0; i < polisi_policy_get_n_clauses (policy); i++)
    for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
      {
        const char *id = polisi_clause_state_get_id (polisi_policy_get_clause (policy, i));
        g_autofree char *anchor = polisi_anchor_name (id, lang);
        g_autofree char *name = polisi_anchor_bookmark_name (id, lang);
        g_auto(GStrv) parts = g_strsplit (out, anchor, -1);

        g_free (out);
        out = g_strjoinv (name, parts);
      }
  g_assert_null (strstr (out, "text:name=\"Polisi_"));
  return out;
}

static void
test_import_without_bookmarks (void)
{
  for (guint rename = 0; rename < 2; rename++)
    {
      g_autoptr(PolisiPolicy) policy = make_policy ();
      g_autoptr(GBytes) draft = export_draft (policy, POLISI_LAYOUT_COLUMNS);
      g_autofree char *content = content_of (draft);
      g_autofree char *long_names = long_bookmark_names (policy, content);
      g_autofree char *reworked = polisi_test_odt_rework_bookmarks (long_names, rename, 0);
      g_autofree char *annotated = annotate (reworked);
      g_autoptr(GBytes) returned = polisi_test_odt_replace_content (draft, annotated);
      g_autofree char *path = write_returned (rename ? "renamed.odt" : "no-bookmarks.odt", returned);
      g_autoptr(GError) error = NULL;
      PolisiReturnedImport result;

      g_assert_true (rename || strstr (reworked, "polisi-clause-") == NULL);
      g_assert_true (!rename || strstr (reworked, "polisi_clause_cy_intro_head") != NULL);
      g_assert_true (import (policy, path, &result, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (result.n_added, ==, 3);
      g_assert_cmpuint (result.n_general, ==, 1);
      polisi_returned_import_clear (&result);
      /* by the number, the language is not known */
      check_imported (policy, TRUE, rename ? POLISI_LANG_EN : -1);
    }
}

/* Each file that is not a good returned draft: an error that names the
 * file and says what to do, and the policy as it was. */
static void
test_damaged (void)
{
  g_autoptr(PolisiPolicy) policy = make_policy ();
  g_autoptr(GBytes) draft = export_draft (policy, POLISI_LAYOUT_COLUMNS);
  g_autofree char *content = content_of (draft);
  g_autofree char *annotated = annotate (content);
  g_autoptr(GBytes) good = polisi_test_odt_replace_content (draft, annotated);
  g_autoptr(GBytes) before = polisi_policy_to_bytes (policy);
  g_autofree char *cut = g_strndup (annotated, strlen (annotated) * 2 / 3);
  g_autofree char *doctype = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                              "<!DOCTYPE office:document-content [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n%s",
                                              strstr (annotated, "<office:document-content"));
  g_autofree char *not_utf8 = g_strdup (annotated);
  g_autoptr(GBytes) truncated_content = polisi_test_odt_replace_content (draft, cut);
  g_autoptr(GBytes) doctype_content = polisi_test_odt_replace_content (draft, doctype);
  g_autoptr(GBytes) bad_encoding = NULL;
  g_autoptr(GBytes) broken_zip = g_bytes_new_from_bytes (good, 0, g_bytes_get_size (good) / 2);
  g_autoptr(GBytes) policy_file = polisi_policy_to_bytes (policy);
  struct {
    const char *name;
    GBytes     *bytes;
    int         code;
    const char *expected;
  } cases[] = {
    { "notes.odt", NULL, POLISI_ERROR_NOT_POLICY, "is neither an ODT nor a DOCX document" },
    { "broken.odt", broken_zip, POLISI_ERROR_MALFORMED, "is damaged" },
    { "cut-short.odt", truncated_content, POLISI_ERROR_MALFORMED, "is damaged" },
    { "doctype.odt", doctype_content, POLISI_ERROR_UNSAFE, "DOCTYPE" },
    { "encoding.odt", NULL, POLISI_ERROR_ENCODING, "is damaged" },
    { "policy.odt", policy_file, POLISI_ERROR_NOT_POLICY, "is a Polisi policy" },
    { "report.pdf", NULL, POLISI_ERROR_NOT_POLICY, "is a PDF document" },
    { "missing.odt", NULL, POLISI_ERROR_IO, "does not exist" },
  };

  /* invalid UTF-8 in the middle of the text */
  {
    char *at = strstr (not_utf8, "Dylai hyn");
    g_assert_nonnull (at);
    at[0] = (char) 0xff;
    bad_encoding = polisi_test_odt_replace_content (draft, not_utf8);
    cases[4].bytes = bad_encoding;
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (fixture.dir, cases[i].name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) after = NULL;
      PolisiReturnedImport result;

      if (cases[i].bytes != NULL)
        polisi_test_write_file (path, g_bytes_get_data (cases[i].bytes, NULL), g_bytes_get_size (cases[i].bytes));
      else if (g_str_has_suffix (cases[i].name, ".pdf"))
        polisi_test_write_file (path, "%PDF-1.5\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", -1);
      else if (strcmp (cases[i].name, "notes.odt") == 0)
        polisi_test_write_file (path, "Comments: the head teacher should be named.\n", -1);

      g_test_message ("%s", cases[i].name);
      g_assert_false (import (policy, path, &result, &error));
      g_assert_error (error, POLISI_ERROR, cases[i].code);
      if (strstr (error->message, cases[i].expected) == NULL || strstr (error->message, cases[i].name) == NULL)
        g_error ("%s: “%s” does not say “%s”", cases[i].name, error->message, cases[i].expected);
      after = polisi_policy_to_bytes (policy);
      g_assert_true (g_bytes_equal (before, after));
    }

  /* the good one still goes in */
  {
    g_autofree char *path = write_returned ("good.odt", good);
    g_autoptr(GError) error = NULL;
    PolisiReturnedImport result;

    g_assert_true (import (policy, path, &result, &error));
    g_assert_cmpuint (result.n_added, ==, 3);
    polisi_returned_import_clear (&result);
  }
}

/* Word documents and other OpenDocument files are named for what they
 * are. */
static void
test_other_packages (void)
{
  g_autoptr(PolisiPolicy) policy = make_policy ();
  const char *kinds[][3] = {
    { "word.odt", "word/document.xml", "its part “word/document.xml” cannot be read" },
    { "sheet.odt", "application/vnd.oasis.opendocument.spreadsheet", "not a text document" },
  };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GsfOutput *sink = gsf_output_memory_new ();
      GsfOutfile *out = g_object_new (GSF_OUTFILE_ZIP_TYPE, "sink", sink, "zip64", FALSE, NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;
      PolisiReturnedImport result;

      if (k == 0)
        {
          GsfOutput *folder = gsf_outfile_new_child (out, "word", TRUE);
          GsfOutput *member = gsf_outfile_new_child (GSF_OUTFILE (folder), "document.xml", FALSE);

          gsf_output_write (member, 5, (const guint8 *) "<w:x/");
          gsf_output_close (member);
          g_object_unref (member);
          gsf_output_close (folder);
          g_object_unref (folder);
        }
      else
        {
          GsfOutput *member = gsf_outfile_new_child_full (out, "mimetype", FALSE, "compression-level", GSF_ZIP_STORED, NULL);

          gsf_output_write (member, strlen (kinds[k][1]), (const guint8 *) kinds[k][1]);
          gsf_output_close (member);
          g_object_unref (member);
        }
      gsf_output_close (GSF_OUTPUT (out));
      gsf_output_close (sink);
      bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)), gsf_output_size (sink));
      g_object_unref (out);
      g_object_unref (sink);

      path = write_returned (kinds[k][0], bytes);
      g_assert_false (import (policy, path, &result, &error));
      /* a DOCX is read, and this one is damaged */
      g_assert_error (error, POLISI_ERROR, (int) (k == 0 ? POLISI_ERROR_MALFORMED : POLISI_ERROR_NOT_POLICY));
      if (strstr (error->message, kinds[k][2]) == NULL)
        g_error ("“%s” does not say “%s”", error->message, kinds[k][2]);
      g_assert_cmpuint (polisi_policy_get_n_comments (policy), ==, 1);
    }
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);

  fixture.dir = polisi_test_make_temp_dir ();
  fixture.library = polisi_test_load_mini_library ();

  g_test_add_func ("/comments/import", test_import);
  g_test_add_func ("/comments/import-without-bookmarks", test_import_without_bookmarks);
  g_test_add_func ("/comments/damaged", test_damaged);
  g_test_add_func ("/comments/other-packages", test_other_packages);

  result = g_test_run ();

  g_clear_object (&fixture.library);
  polisi_test_remove_tree (fixture.dir);
  g_free (fixture.dir);

  return result;
}
