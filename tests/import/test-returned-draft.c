/* test-returned-draft.c: a consultation draft there and back
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *  - With LibreOffice: a consultation draft exported as ODT is edited as a
 *    reviewer edits it (comments on two clauses, in Welsh and in English;
 *    two rows filled in the comments table, one naming no clause; an
 *    insertion and a deletion with track changes on), saved again by
 *    LibreOffice, and saved by LibreOffice as DOCX. Both come back with
 *    every comment on its clause, in its language, with every Welsh letter,
 *    the rows on theirs, each tracked change a proposal on its clause that
 *    makes the change when accepted (the other language then needing an
 *    update) and leaves the text when rejected, and the policy saved and
 *    read back.
 *  - The identity: a draft of another school's policy, a draft of an
 *    earlier version, and a draft with nothing returned each have their own
 *    refusal, and change nothing; the earlier version goes in when asked,
 *    its comments marked with its version.
 *  - Hostile and wrong files, DOCX and ODT: zip bombs, lying sizes, names
 *    with "..", duplicate members, bad checksums, XXE and entity bombs in
 *    any part, a huge part, a PDF, an old or password-protected Word file,
 *    a password-protected ODT, a device and a pipe, an author's name of
 *    millions of characters. Each is refused with a message that names the
 *    file and says what to do, or read within bounds; the policy is as it
 *    was.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

#include <glib/gstdio.h>

#include "polisi-assembler.h"
#include "polisi-anchor.h"
#include "polisi-error.h"
#include "polisi-export.h"
#include "polisi-odt.h"
#include "polisi-policy-io.h"
#include "polisi-returned-draft.h"
#include "polisi-test-utils.h"
#include "polisi-test-xml.h"

static struct {
  char          *dir;
  PolisiLibrary *library;
} fixture;

static PolisiPolicy *
make_policy (const char *cy,
             const char *en)
{
  PolisiPolicy *policy = polisi_policy_new_from_library (fixture.library, POLISI_LANGUAGE_CATEGORY_DUAL);

  polisi_policy_set_name (policy, POLISI_LANG_CY, cy);
  polisi_policy_set_name (policy, POLISI_LANG_EN, en);
  polisi_policy_set_answer (policy, "head_teacher", "Mrs Siân Hughes");
  polisi_policy_set_version (policy, "1.1");
  polisi_policy_set_status (policy, POLISI_STATUS_CONSULTATION);
  polisi_policy_set_closing_date (policy, "2027-03-31");
  polisi_policy_add_comment (policy, "intro.purpose", POLISI_LANG_EN, "Earlier", "2027-01-05", "Already here.");
  return policy;
}

/* A copy, as if the file were opened again. */
static PolisiPolicy *
reopen (PolisiPolicy *policy)
{
  g_autoptr(GBytes) bytes = polisi_policy_to_bytes (policy);
  g_autoptr(GError) error = NULL;
  PolisiPolicy *copy = polisi_policy_load_bytes (bytes, "policy.polisi", &error);

  g_assert_no_error (error);
  return copy;
}

static GBytes *
export_draft (PolisiPolicy *policy)
{
  g_autoptr(PolisiDocument) document = polisi_assemble (policy, fixture.library, POLISI_ASSEMBLE_DEFAULT);
  g_autoptr(GError) error = NULL;
  PolisiExportOptions options;
  GBytes *package;

  polisi_export_options_init (&options, POLISI_LAYOUT_SEQUENTIAL);
  package = polisi_odt_write (document, &options, &error);
  g_assert_no_error (error);
  return package;
}

static const char *
clause_number (PolisiPolicy *policy,
               const char   *clause_id)
{
  static char number[32];
  g_autoptr(PolisiDocument) document = polisi_assemble (policy, fixture.library, POLISI_ASSEMBLE_FINAL | POLISI_ASSEMBLE_NO_HISTORY);
  int index = polisi_document_find_block (document, POLISI_BLOCK_CLAUSE, clause_id);

  g_assert_cmpint (index, >=, 0);
  g_strlcpy (number, polisi_document_get_block (document, index)->number, sizeof number);
  return number;
}

static char *
insert_after (const char *content,
              const char *after,
              const char *insert)
{
  const char *at = strstr (content, after);

  g_assert_nonnull (at);
  at += strlen (after);
  return g_strdup_printf ("%.*s%s%s", (int) (at - content), content, insert, at);
}

/* @content with its only @old replaced by @new. */
static char *
replace_once (const char *content,
              const char *old,
              const char *new)
{
  const char *at = strstr (content, old);

  g_assert_nonnull (at);
  g_assert_null (strstr (at + 1, old));
  return g_strdup_printf ("%.*s%s%s", (int) (at - content), content, new, at + strlen (old));
}

/* Fills the first empty row of the table @from with @values, one to a
 * cell. */
static char *
fill_row (const char         *content,
          const char         *from,
          const char * const *values)
{
  static const char empty[] = "<text:p text:style-name=\"TableContents_en\"/>";
  g_autoptr(GString) out = g_string_new (content);
  const char *row = strstr (out->str, from);
  gsize at;

  g_assert_nonnull (row);
  for (;;)
    {
      const char *end;

      row = strstr (row, "<table:table-row>");
      g_assert_nonnull (row);
      end = strstr (row, "</table:table-row>");
      if (g_strstr_len (row, end - row, "</text:p>") == NULL)
        break;
      row = end;
    }
  at = row - out->str;
  for (guint i = 0; values[i] != NULL; i++)
    {
      const char *cell = strstr (out->str + at, empty);
      g_autofree char *filled = g_markup_printf_escaped ("<text:p text:style-name=\"TableContents_en\">%s</text:p>", values[i]);

      g_assert_nonnull (cell);
      at = cell - out->str;
      g_string_erase (out, at, strlen (empty));
      g_string_insert (out, at, filled);
      at += strlen (filled);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define WELSH_COMMENT "Dylai hyn enwi'r dirprwy: " POLISI_TEST_WELSH_LETTERS
#define ENGLISH_COMMENT "Say “online safety” here too."
#define ROW_COMMENT "Ychwanegwch linell am ŵyr ac ŷd: ẁ ẃ ẅ ỳ."

/* content.xml as LibreOffice writes what a reviewer did. */
static char *
review (PolisiPolicy *policy,
        const char   *content)
{
  g_autofree char *cy_anchor = polisi_anchor_name ("intro.head", POLISI_LANG_CY);
  g_autofree char *en_anchor = polisi_anchor_name ("safety.guidance", POLISI_LANG_EN);
  g_autofree char *cy_start = g_strdup_printf ("<text:bookmark-start text:name=\"%s\"/>", cy_anchor);
  g_autofree char *en_start = g_strdup_printf ("<text:bookmark-start text:name=\"%s\"/>", en_anchor);
  const char *row[] = { clause_number (policy, "tips.think"), "Rhys Ŵyn (NASUWT)", ROW_COMMENT, NULL };
  const char *stray[] = { "9.9", "Ann Ỳs", "A row about a clause that is not there.", NULL };
  g_autofree char *a = insert_after (content, cy_start,
                                     "<office:annotation office:name=\"__Annotation__1\"><dc:creator>Siân Ŵyn (UCAC)</dc:creator>"
                                     "<dc:date>2027-02-01T10:15:00.123456789</dc:date>"
                                     "<text:p text:style-name=\"P1\"><text:span text:style-name=\"T1\">" WELSH_COMMENT
                                     "</text:span></text:p></office:annotation>");
  g_autofree char *b1 = insert_after (a, en_start,
                                      "<office:annotation office:name=\"__Annotation__2\"><dc:creator>Tom Price (NEU)</dc:creator>"
                                      "<dc:date>2027-02-02T09:00:00</dc:date><text:p>" ENGLISH_COMMENT "</text:p></office:annotation>");
  /* with track changes on: "always" put into the English of 2.1, "yn
   * dilyn" taken out of its Welsh */
  g_autofree char *b2 = replace_once (b1, "We follow",
                                      "We <text:change-start text:change-id=\"ct1\"/>always <text:change-end text:change-id=\"ct1\"/>follow");
  g_autofree char *b = replace_once (b2, "Rydym yn dilyn Cadw", "Rydym <text:change text:change-id=\"ct2\"/>Cadw");
  g_autofree char *c = insert_after (b, "<office:text>",
                                     "<text:tracked-changes text:track-changes=\"true\">"
                                     "<text:changed-region xml:id=\"ct1\" text:id=\"ct1\"><text:insertion><office:change-info>"
                                     "<dc:creator>Tom Price (NEU)</dc:creator><dc:date>2027-02-02T10:00:00</dc:date>"
                                     "</office:change-info></text:insertion></text:changed-region>"
                                     "<text:changed-region xml:id=\"ct2\" text:id=\"ct2\"><text:deletion><office:change-info>"
                                     "<dc:creator>Tom Price (NEU)</dc:creator><dc:date>2027-02-02T10:01:00</dc:date>"
                                     "</office:change-info><text:p>yn dilyn </text:p></text:deletion></text:changed-region>"
                                     "</text:tracked-changes>");
  g_autofree char *d = fill_row (c, "table:name=\"comments-table-en\"", row);

  return fill_row (d, "table:name=\"comments-table-en\"", stray);
}

static char *
write_file (const char *name,
            GBytes     *bytes)
{
  char *path = g_build_filename (fixture.dir, name, NULL);

  polisi_test_write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return path;
}

static const PolisiComment *
find_comment (PolisiPolicy *policy,
              const char   *body)
{
  for (guint i = 0; i < polisi_policy_get_n_comments (policy); i++)
    {
      const PolisiComment *comment = polisi_policy_get_comment (policy, i);

      if (g_strcmp0 (comment->body, body) == 0)
        return comment;
    }
  return NULL;
}

static gboolean
import_file (PolisiPolicy               *policy,
             const char                 *path,
             PolisiReturnedImportFlags   flags,
             PolisiReturnedImport       *result,
             GError                    **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return polisi_returned_draft_import (policy, fixture.library, file, flags, result, error);
}

/* Everything the reviewer did, on its clause. */
static void
check_returned (PolisiPolicy *original,
                const char   *path)
{
  g_autoptr(PolisiPolicy) policy = reopen (original);
  g_autoptr(GError) error = NULL;
  PolisiReturnedImport result;
  const PolisiComment *comment;

  g_test_message ("importing %s", path);
  g_assert_true (import_file (policy, path, POLISI_RETURNED_IMPORT_DEFAULT, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_anchored, ==, 2);
  g_assert_cmpuint (result.n_table_rows, ==, 2);
  g_assert_cmpuint (result.n_added, ==, 4);
  g_assert_cmpuint (result.n_general, ==, 1);
  /* "Already here." is in the table of each language: known already */
  g_assert_cmpuint (result.n_duplicates, ==, 2);
  g_assert_cmpuint (result.n_insertions, ==, 1);
  g_assert_cmpuint (result.n_deletions, ==, 1);
  g_assert_cmpstr (result.version, ==, "1.1");
  g_assert_cmpuint (result.general->len, ==, 1);
  g_assert_cmpuint (result.unplaced->len, ==, 0);
  g_assert_cmpstr (((PolisiReturnedComment *) result.general->pdata[0])->place, ==, "9.9");
  polisi_returned_import_clear (&result);

  comment = find_comment (policy, WELSH_COMMENT);
  g_assert_nonnull (comment);
  g_assert_cmpstr (comment->clause_id, ==, "intro.head");
  g_assert_cmpint (comment->lang, ==, POLISI_LANG_CY);
  g_assert_cmpstr (comment->author, ==, "Siân Ŵyn (UCAC)");
  g_assert_cmpstr (comment->date, ==, "2027-02-01T10:15:00");
  g_assert_cmpstr (comment->version, ==, "1.1");

  comment = find_comment (policy, ENGLISH_COMMENT);
  g_assert_nonnull (comment);
  g_assert_cmpstr (comment->clause_id, ==, "safety.guidance");
  g_assert_cmpint (comment->lang, ==, POLISI_LANG_EN);
  g_assert_cmpstr (comment->author, ==, "Tom Price (NEU)");

  comment = find_comment (policy, ROW_COMMENT);
  g_assert_nonnull (comment);
  g_assert_cmpstr (comment->clause_id, ==, "tips.think");
  g_assert_cmpstr (comment->author, ==, "Rhys Ŵyn (NASUWT)");

  comment = find_comment (policy, "A row about a clause that is not there.");
  g_assert_nonnull (comment);
  g_assert_null (comment->clause_id);
  g_assert_cmpstr (comment->author, ==, "Ann Ỳs");

  /* the tracked changes, each a proposal on its clause */
  {
    GListModel *proposals = polisi_policy_get_proposals (policy);
    g_autoptr(PolisiProposal) insertion = NULL;
    g_autoptr(PolisiProposal) deletion = NULL;
    PolisiClauseState *state = polisi_policy_lookup_clause (policy, "safety.guidance");

    g_assert_cmpuint (g_list_model_get_n_items (proposals), ==, 2);
    insertion = g_list_model_get_item (proposals, 0);
    deletion = g_list_model_get_item (proposals, 1);
    if (polisi_proposal_get_kind (insertion) != POLISI_PROPOSAL_INSERTION)
      {
        PolisiProposal *swap = insertion;
        insertion = deletion;
        deletion = swap;
      }
    g_assert_cmpint (polisi_proposal_get_kind (insertion), ==, POLISI_PROPOSAL_INSERTION);
    g_assert_cmpstr (polisi_proposal_get_clause_id (insertion), ==, "safety.guidance");
    g_assert_cmpint (polisi_proposal_get_lang (insertion), ==, POLISI_LANG_EN);
    g_assert_cmpstr (polisi_proposal_get_text (insertion), ==, "always ");
    g_assert_cmpstr (polisi_proposal_get_author (insertion), ==, "Tom Price (NEU)");
    g_assert_cmpstr (polisi_proposal_get_version (insertion), ==, "1.1");
    g_assert_cmpint (polisi_proposal_get_kind (deletion), ==, POLISI_PROPOSAL_DELETION);
    g_assert_cmpstr (polisi_proposal_get_clause_id (deletion), ==, "safety.guidance");
    g_assert_cmpint (polisi_proposal_get_lang (deletion), ==, POLISI_LANG_CY);
    g_assert_cmpstr (polisi_proposal_get_text (deletion), ==, "yn dilyn ");

    /* kept in the file, which the schema of .polisi files takes */
    {
      g_autoptr(PolisiPolicy) again = reopen (policy);
      g_autoptr(GBytes) bytes = polisi_policy_to_bytes (policy);
      g_autofree char *saved = write_file ("with-proposals.polisi", bytes);
      g_autofree char *schema = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data", "schemas", "policy.rng", NULL);

      polisi_test_validate (schema, saved);
      g_assert_cmpuint (g_list_model_get_n_items (polisi_policy_get_proposals (again)), ==, 2);
      g_assert_true (polisi_policy_equal (policy, again));
    }

    /* accepted, in a copy: the text changes and the other language needs an
     * update; rejected, in another: the text stays */
    {
      g_autoptr(PolisiPolicy) accepted = reopen (policy);
      g_autoptr(PolisiPolicy) rejected = reopen (policy);
      PolisiClauseState *changed = polisi_policy_lookup_clause (accepted, "safety.guidance");
      g_autoptr(GError) accept_error = NULL;

      g_assert_true (polisi_policy_accept_proposal (accepted, polisi_proposal_get_id (insertion), &accept_error));
      g_assert_no_error (accept_error);
      g_assert_cmpstr (polisi_clause_state_get_text (changed, POLISI_LANG_EN), ==, "We always follow Keeping learners safe.");
      g_assert_true (polisi_clause_state_get_needs_update (changed, POLISI_LANG_CY));
      g_assert_true (polisi_policy_accept_proposal (accepted, polisi_proposal_get_id (deletion), &accept_error));
      g_assert_cmpstr (polisi_clause_state_get_text (changed, POLISI_LANG_CY), ==, "Rydym Cadw dysgwyr yn ddiogel.");
      g_assert_cmpuint (g_list_model_get_n_items (polisi_policy_get_proposals (accepted)), ==, 0);
      /* gone: a second time is an error */
      g_assert_false (polisi_policy_accept_proposal (accepted, polisi_proposal_get_id (insertion), &accept_error));
      g_assert_error (accept_error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE);

      g_assert_true (polisi_policy_reject_proposal (rejected, polisi_proposal_get_id (insertion), NULL));
      g_assert_cmpuint (g_list_model_get_n_items (polisi_policy_get_proposals (rejected)), ==, 1);
      g_assert_cmpstr (polisi_clause_state_get_text (polisi_policy_lookup_clause (rejected, "safety.guidance"), POLISI_LANG_EN),
                       ==, polisi_clause_state_get_text (state, POLISI_LANG_EN));
    }
  }

  /* saved, and read back, with every letter */
  {
    g_autoptr(PolisiPolicy) again = reopen (policy);

    g_assert_cmpuint (polisi_policy_get_n_comments (again), ==, 5);
    g_assert_nonnull (find_comment (again, WELSH_COMMENT));
    g_assert_nonnull (find_comment (again, ROW_COMMENT));
  }

  /* a second time: nothing new */
  g_assert_true (import_file (policy, path, POLISI_RETURNED_IMPORT_DEFAULT, &result, &error));
  g_assert_cmpuint (result.n_added, ==, 0);
  g_assert_cmpuint (result.n_duplicates, ==, 6);
  g_assert_cmpuint (result.n_insertions + result.n_deletions, ==, 0);
  g_assert_cmpuint (result.n_known_changes, ==, 2);
  polisi_returned_import_clear (&result);
  g_assert_cmpuint (polisi_policy_get_n_comments (policy), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (polisi_policy_get_proposals (policy)), ==, 2);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
count_items_changed (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *count)
{
  *count += added;
}

/* The comments as a list model of objects: it grows with an import, and a
 * comment says when its response changes. */
static void
test_comment_model (void)
{
  g_autoptr(PolisiPolicy) original = make_policy ("Ysgol y Berllan", "Orchard School");
  g_autoptr(PolisiPolicy) policy = reopen (original);
  g_autoptr(GBytes) draft = export_draft (original);
  g_autofree char *content = polisi_test_odt_member (draft, "content.xml");
  g_autofree char *reviewed = review (original, content);
  g_autoptr(GBytes) returned = polisi_test_odt_replace_content (draft, reviewed);
  g_autofree char *path = write_file ("model.odt", returned);
  GListModel *model = polisi_policy_get_comments (policy);
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiComment) first = NULL;
  PolisiReturnedImport result;
  guint added = 0, notified = 0;
  g_autofree char *response = NULL;

  g_assert_true (g_list_model_get_item_type (model) == POLISI_TYPE_COMMENT);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_signal_connect (model, "items-changed", G_CALLBACK (count_items_changed), &added);
  g_assert_true (import_file (policy, path, POLISI_RETURNED_IMPORT_DEFAULT, &result, &error));
  polisi_returned_import_clear (&result);
  g_assert_cmpuint (added, ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);

  first = g_list_model_get_item (model, 1);
  g_object_get (first, "body", &response, NULL);
  g_assert_cmpstr (response, ==, WELSH_COMMENT);
  g_clear_pointer (&response, g_free);
  g_signal_connect (first, "notify::response", G_CALLBACK (count_notify), &notified);
  g_assert_true (polisi_policy_set_comment_response (policy, first->id, "Diolch: ŵ ŷ.", "Rhian", "2027-03-01"));
  g_assert_cmpuint (notified, ==, 1);
  g_object_get (first, "response", &response, NULL);
  g_assert_cmpstr (response, ==, "Diolch: ŵ ŷ.");

  g_assert_true (polisi_policy_remove_comment (policy, first->id));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
}

static void
test_libreoffice_round_trip (void)
{
  g_autofree char *soffice = polisi_test_find_soffice ();
  g_autoptr(PolisiPolicy) policy = make_policy ("Ysgol y Berllan", "Orchard School");
  g_autoptr(GBytes) draft = export_draft (policy);
  g_autofree char *content = polisi_test_odt_member (draft, "content.xml");
  g_autofree char *meta = polisi_test_odt_member (draft, "meta.xml");
  g_autofree char *reviewed = review (policy, content);
  g_autoptr(GBytes) returned = polisi_test_odt_replace_content (draft, reviewed);
  g_autofree char *path = write_file ("returned.odt", returned);
  g_autofree char *uid = g_strdup_printf ("<meta:user-defined meta:name=\"PolisiPolicyId\">%s</meta:user-defined>",
                                          polisi_policy_get_uid (policy));

  /* the identity the draft carries */
  g_assert_nonnull (strstr (meta, uid));
  g_assert_nonnull (strstr (meta, "<meta:user-defined meta:name=\"PolisiVersion\">1.1</meta:user-defined>"));

  /* as written here */
  check_returned (policy, path);

  if (soffice == NULL)
    {
      g_test_message ("skipped LibreOffice: soffice is not installed");
      return;
    }

  /* saved again by LibreOffice, then saved by LibreOffice as DOCX */
  {
    g_autofree char *odt_dir = g_build_filename (fixture.dir, "libreoffice", NULL);
    g_autofree char *docx_dir = g_build_filename (fixture.dir, "docx", NULL);
    g_autofree char *resaved = g_build_filename (odt_dir, "returned.odt", NULL);
    g_autofree char *docx = g_build_filename (docx_dir, "returned.docx", NULL);
    const char *first[] = { path, NULL };
    const char *second[] = { resaved, NULL };
    g_autofree char *docx_document = NULL;
    g_autofree char *docx_custom = NULL;
    g_autofree char *anchor = polisi_anchor_name ("intro.head", POLISI_LANG_CY);
    g_autofree char *data = NULL;
    gsize length;

    g_mkdir_with_parents (odt_dir, 0700);
    g_mkdir_with_parents (docx_dir, 0700);
    polisi_test_soffice_convert (soffice, fixture.dir, "odt", odt_dir, first);
    polisi_test_soffice_convert (soffice, fixture.dir, "docx", docx_dir, second);
    g_assert_true (g_file_test (resaved, G_FILE_TEST_IS_REGULAR));
    g_assert_true (g_file_test (docx, G_FILE_TEST_IS_REGULAR));

    /* what LibreOffice kept: the anchors, the identity, the changes */
    data = polisi_test_read_file (docx, &length);
    {
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&data), length);

      docx_document = polisi_test_odt_member (bytes, "word/document.xml");
      docx_custom = polisi_test_odt_member (bytes, "docProps/custom.xml");
    }
    g_assert_nonnull (strstr (docx_document, anchor));
    g_assert_nonnull (strstr (docx_document, "<w:ins "));
    g_assert_nonnull (strstr (docx_document, "<w:del "));
    g_assert_nonnull (strstr (docx_custom, polisi_policy_get_uid (policy)));

    check_returned (policy, resaved);
    check_returned (policy, docx);
  }
}

/* Refused, with @code, the message naming the file and saying that nothing
 * was imported; @policy as it was. */
static GError *
expect_refusal (PolisiPolicy               *policy,
                const char                 *path,
                PolisiReturnedImportFlags   flags,
                GQuark                      domain,
                int                         code)
{
  g_autoptr(GBytes) before = polisi_policy_to_bytes (policy);
  g_autoptr(GBytes) after = NULL;
  g_autofree char *base = g_path_get_basename (path);
  PolisiReturnedImport result;
  GError *error = NULL;

  g_assert_false (import_file (policy, path, flags, &result, &error));
  g_assert_nonnull (error);
  g_test_message ("%s: %s", base, error->message);
  g_assert_error (error, domain, code);
  if (strstr (error->message, base) == NULL || strstr (error->message, "Nothing was imported") == NULL)
    g_error ("“%s” does not name %s and say that nothing was imported", error->message, base);
  after = polisi_policy_to_bytes (policy);
  g_assert_true (g_bytes_equal (before, after));
  return error;
}

static void
test_identity (void)
{
  g_autoptr(PolisiPolicy) policy = make_policy ("Ysgol y Berllan", "Orchard School");
  g_autoptr(PolisiPolicy) other = make_policy ("Ysgol y Garth", "Garth School");
  g_autoptr(GBytes) draft = export_draft (policy);
  g_autoptr(GBytes) other_draft = export_draft (other);
  g_autofree char *content = polisi_test_odt_member (draft, "content.xml");
  g_autofree char *other_content = polisi_test_odt_member (other_draft, "content.xml");
  g_autofree char *reviewed = review (policy, content);
  g_autofree char *other_reviewed = review (other, other_content);
  g_autoptr(GBytes) returned = polisi_test_odt_replace_content (draft, reviewed);
  g_autoptr(GBytes) other_returned = polisi_test_odt_replace_content (other_draft, other_reviewed);
  g_autofree char *path = write_file ("version-1.1.odt", returned);
  g_autofree char *other_path = write_file ("garth.odt", other_returned);
  g_autofree char *empty_path = write_file ("untouched.odt", draft);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (polisi_policy_get_uid (policy), !=, polisi_policy_get_uid (other));

  /* another school's */
  error = expect_refusal (policy, other_path, POLISI_RETURNED_IMPORT_DEFAULT, POLISI_IMPORT_ERROR,
                          POLISI_IMPORT_ERROR_OTHER_POLICY);
  g_assert_nonnull (strstr (error->message, "Ysgol y Garth"));
  g_assert_nonnull (strstr (error->message, "Ysgol y Berllan"));
  g_clear_error (&error);
  /* asking for an earlier version does not make it ours */
  error = expect_refusal (policy, other_path, POLISI_RETURNED_IMPORT_EARLIER_VERSION, POLISI_IMPORT_ERROR,
                          POLISI_IMPORT_ERROR_OTHER_POLICY);
  g_clear_error (&error);

  /* nothing returned */
  error = expect_refusal (policy, empty_path, POLISI_RETURNED_IMPORT_DEFAULT, POLISI_IMPORT_ERROR,
                          POLISI_IMPORT_ERROR_NOTHING_RETURNED);
  g_assert_nonnull (strstr (error->message, "no comments"));
  g_clear_error (&error);

  /* an earlier version: only when asked */
  polisi_policy_set_version (policy, "1.2");
  error = expect_refusal (policy, path, POLISI_RETURNED_IMPORT_DEFAULT, POLISI_IMPORT_ERROR,
                          POLISI_IMPORT_ERROR_EARLIER_VERSION);
  g_assert_nonnull (strstr (error->message, "version 1.1"));
  g_assert_nonnull (strstr (error->message, "version 1.2"));
  g_clear_error (&error);
  {
    PolisiReturnedImport result;
    const PolisiComment *comment;

    g_assert_true (import_file (policy, path, POLISI_RETURNED_IMPORT_EARLIER_VERSION, &result, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (result.n_added, ==, 4);
    g_assert_cmpstr (result.version, ==, "1.1");
    polisi_returned_import_clear (&result);
    comment = find_comment (policy, WELSH_COMMENT);
    g_assert_nonnull (comment);
    g_assert_cmpstr (comment->version, ==, "1.1");
  }
}

/* ------------------------------------------------------------------ */
/* Hostile packages                                                     */
/* ------------------------------------------------------------------ */

typedef struct {
  const char *name;
  const char *data;
  gsize       size;
  gboolean    deflate;
  /* lies: 0 for the truth */
  guint32     declared_size;
  gboolean    bad_crc;
  gboolean    encrypted;
} Member;

static void
put16 (GByteArray *out,
       guint       value)
{
  guint8 bytes[2] = { value & 0xff, (value >> 8) & 0xff };
  g_byte_array_append (out, bytes, 2);
}

static void
put32 (GByteArray *out,
       guint32     value)
{
  guint8 bytes[4] = { value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff, (value >> 24) & 0xff };
  g_byte_array_append (out, bytes, 4);
}

static GByteArray *
raw_deflate (const char *data,
             gsize       size)
{
  GByteArray *out = g_byte_array_new ();
  z_stream stream = { 0 };
  guint8 buffer[64 * 1024];
  int status;

  g_assert_cmpint (deflateInit2 (&stream, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY), ==, Z_OK);
  stream.next_in = (Bytef *) data;
  stream.avail_in = size;
  do
    {
      stream.next_out = buffer;
      stream.avail_out = sizeof buffer;
      status = deflate (&stream, Z_FINISH);
      g_byte_array_append (out, buffer, sizeof buffer - stream.avail_out);
    }
  while (status == Z_OK);
  g_assert_cmpint (status, ==, Z_STREAM_END);
  deflateEnd (&stream);
  return out;
}

/* A zip of @members, as office programs write one, with the lies each
 * member asks for. */
static GBytes *
make_zip (const Member *members,
          guint         n_members)
{
  GByteArray *out = g_byte_array_new ();
  g_autoptr(GByteArray) directory = g_byte_array_new ();

  for (guint i = 0; i < n_members; i++)
    {
      const Member *m = &members[i];
      g_autoptr(GByteArray) packed = m->deflate ? raw_deflate (m->data, m->size) : NULL;
      guint32 crc = crc32 (0, (const Bytef *) m->data, m->size) ^ (m->bad_crc ? 1 : 0);
      guint32 size = m->declared_size != 0 ? m->declared_size : m->size;
      guint32 offset = out->len;
      guint32 packed_size = packed != NULL ? packed->len : m->size;

      for (guint pass = 0; pass < 2; pass++)
        {
          GByteArray *to = pass == 0 ? out : directory;

          put32 (to, pass == 0 ? 0x04034b50 : 0x02014b50);
          if (pass == 1)
            put16 (to, 20);
          put16 (to, 20);
          put16 (to, m->encrypted ? 1 : 0);
          put16 (to, m->deflate ? 8 : 0);
          put32 (to, 0);
          put32 (to, crc);
          put32 (to, packed_size);
          put32 (to, size);
          put16 (to, strlen (m->name));
          put16 (to, 0);
          if (pass == 1)
            {
              put16 (to, 0);
              put16 (to, 0);
              put16 (to, 0);
              put32 (to, 0);
              put32 (to, offset);
            }
          g_byte_array_append (to, (const guint8 *) m->name, strlen (m->name));
        }
      if (packed != NULL)
        g_byte_array_append (out, packed->data, packed->len);
      else
        g_byte_array_append (out, (const guint8 *) m->data, m->size);
    }

  {
    guint32 dir_offset = out->len;

    g_byte_array_append (out, directory->data, directory->len);
    put32 (out, 0x06054b50);
    put16 (out, 0);
    put16 (out, 0);
    put16 (out, n_members);
    put16 (out, n_members);
    put32 (out, directory->len);
    put32 (out, dir_offset);
    put16 (out, 0);
  }
  return g_byte_array_free_to_bytes (out);
}

#define CONTENT_TYPES "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
#define DOCUMENT "<?xml version=\"1.0\"?><w:document " W_NS "><w:body><w:p><w:commentRangeStart w:id=\"0\"/>" \
                 "<w:r><w:t>Text</w:t></w:r><w:commentRangeEnd w:id=\"0\"/></w:p></w:body></w:document>"
#define COMMENTS "<?xml version=\"1.0\"?><w:comments " W_NS "><w:comment w:id=\"0\" w:author=\"A\">" \
                 "<w:p><w:r><w:t>A comment.</w:t></w:r></w:p></w:comment></w:comments>"
#define XXE "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
#define BOMB "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">" \
             "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"

static GBytes *
docx_with (const char *part,
           const char *text,
           gsize       size)
{
  Member members[] = {
    { "[Content_Types].xml", CONTENT_TYPES, strlen (CONTENT_TYPES), TRUE },
    { "word/document.xml", DOCUMENT, strlen (DOCUMENT), TRUE },
    { "word/comments.xml", COMMENTS, strlen (COMMENTS), TRUE },
    { NULL, NULL, 0, TRUE },
  };
  guint n = 3;

  for (guint i = 0; i < 3; i++)
    if (part != NULL && strcmp (members[i].name, part) == 0)
      {
        members[i].data = text;
        members[i].size = size;
        part = NULL;
      }
  if (part != NULL)
    {
      members[3].name = part;
      members[3].data = text;
      members[3].size = size;
      n = 4;
    }
  return make_zip (members, n);
}

static void
test_hostile_docx (void)
{
  g_autoptr(PolisiPolicy) policy = make_policy ("Ysgol y Berllan", "Orchard School");
  gsize huge_size = 17 * 1024 * 1024;
  g_autofree char *huge = g_malloc (huge_size);
  g_autofree char *xxe_document = g_strconcat (XXE, "<w:document " W_NS "><w:body><w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:body></w:document>", NULL);
  g_autofree char *bomb_comments = g_strconcat (BOMB, "<w:comments " W_NS "><w:comment w:id=\"0\" w:author=\"&c;\"/></w:comments>", NULL);
  g_autofree char *xxe_custom = g_strconcat (XXE, "<Properties><property name=\"PolisiPolicyId\">&e;</property></Properties>", NULL);
  g_autofree char *xxe_rels = g_strconcat (XXE, "<Relationships/>", NULL);
  struct {
    const char *name;
    GBytes     *bytes;
    int         code;
    const char *says;
  } cases[16];
  guint n = 0;

  memset (huge, ' ', huge_size);
  memcpy (huge, "<?xml version=\"1.0\"?><w:document " W_NS "><w:body>", strlen ("<?xml version=\"1.0\"?><w:document " W_NS "><w:body>"));

  /* a sound one first: read */
  {
    g_autoptr(GBytes) sound = docx_with (NULL, NULL, 0);
    g_autofree char *path = write_file ("sound.docx", sound);
    g_autoptr(PolisiPolicy) copy = reopen (policy);
    g_autoptr(GError) error = NULL;
    PolisiReturnedImport result;

    g_assert_true (import_file (copy, path, POLISI_RETURNED_IMPORT_DEFAULT, &result, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (result.n_anchored, ==, 1);
    polisi_returned_import_clear (&result);
  }

  /* a zip bomb: 17 MB of text in some kilobytes */
  cases[n++] = (typeof (cases[0])) { "bomb.docx", docx_with ("word/document.xml", huge, huge_size),
                                     POLISI_ERROR_TOO_LARGE, "would unpack to more than" };
  cases[n++] = (typeof (cases[0])) { "huge-comments.docx", docx_with ("word/comments.xml", huge, huge_size),
                                     POLISI_ERROR_TOO_LARGE, "would unpack to more than" };
  /* lying sizes: small on the outside, more inside; and a wrong checksum */
  {
    Member members[] = {
      { "[Content_Types].xml", CONTENT_TYPES, strlen (CONTENT_TYPES), TRUE },
      { "word/document.xml", huge, huge_size, TRUE, 1000 },
    };
    cases[n++] = (typeof (cases[0])) { "lying-size.docx", make_zip (members, 2), POLISI_ERROR_MALFORMED, "is damaged" };
  }
  {
    Member members[] = {
      { "[Content_Types].xml", CONTENT_TYPES, strlen (CONTENT_TYPES), TRUE },
      { "word/document.xml", DOCUMENT, strlen (DOCUMENT), FALSE, 0, TRUE },
    };
    cases[n++] = (typeof (cases[0])) { "checksum.docx", make_zip (members, 2), POLISI_ERROR_MALFORMED, "checksum" };
  }
  /* a name that leaves the package; a part twice; an encrypted member */
  cases[n++] = (typeof (cases[0])) { "dotdot.docx", docx_with ("word/../../evil.xml", "x", 1),
                                     POLISI_ERROR_UNSAFE, "points outside the document" };
  {
    Member members[] = {
      { "[Content_Types].xml", CONTENT_TYPES, strlen (CONTENT_TYPES), TRUE },
      { "word/document.xml", DOCUMENT, strlen (DOCUMENT), TRUE },
      { "word/document.xml", xxe_document, strlen (xxe_document), TRUE },
    };
    cases[n++] = (typeof (cases[0])) { "twice.docx", make_zip (members, 3), POLISI_ERROR_MALFORMED, "two parts named" };
  }
  {
    Member members[] = {
      { "[Content_Types].xml", CONTENT_TYPES, strlen (CONTENT_TYPES), TRUE },
      { "word/document.xml", DOCUMENT, strlen (DOCUMENT), FALSE, 0, FALSE, TRUE },
    };
    cases[n++] = (typeof (cases[0])) { "zip-password.docx", make_zip (members, 2), POLISI_ERROR_NOT_POLICY,
                                       "protected with a password" };
  }
  /* XXE and entity bombs, in any part */
  cases[n++] = (typeof (cases[0])) { "xxe-document.docx", docx_with ("word/document.xml", xxe_document, strlen (xxe_document)),
                                     POLISI_ERROR_UNSAFE, "DOCTYPE" };
  cases[n++] = (typeof (cases[0])) { "bomb-comments.docx", docx_with ("word/comments.xml", bomb_comments, strlen (bomb_comments)),
                                     POLISI_ERROR_UNSAFE, "DOCTYPE" };
  cases[n++] = (typeof (cases[0])) { "xxe-custom.docx", docx_with ("docProps/custom.xml", xxe_custom, strlen (xxe_custom)),
                                     POLISI_ERROR_UNSAFE, "DOCTYPE" };
  cases[n++] = (typeof (cases[0])) { "xxe-rels.docx", docx_with ("word/_rels/document.xml.rels", xxe_rels, strlen (xxe_rels)),
                                     POLISI_ERROR_UNSAFE, "document.xml.rels" };
  /* not a DOCX at all */
  {
    static const char pdf[] = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n";
    static const guint8 ole[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0 };
    static const guint8 encrypted[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0,
                                        'E', 0, 'n', 0, 'c', 0, 'r', 0, 'y', 0, 'p', 0, 't', 0, 'i', 0, 'o', 0, 'n', 0,
                                        'I', 0, 'n', 0, 'f', 0, 'o', 0, 0, 0 };

    cases[n++] = (typeof (cases[0])) { "renamed-pdf.docx", g_bytes_new_static (pdf, sizeof pdf - 1),
                                       POLISI_ERROR_NOT_POLICY, "is a PDF document" };
    cases[n++] = (typeof (cases[0])) { "old-word.docx", g_bytes_new_static (ole, sizeof ole),
                                       POLISI_ERROR_NOT_POLICY, "old Word document" };
    cases[n++] = (typeof (cases[0])) { "password.docx", g_bytes_new_static (encrypted, sizeof encrypted),
                                       POLISI_ERROR_NOT_POLICY, "protected with a password" };
  }
  /* an ODT spreadsheet, renamed */
  {
    static const char mimetype[] = "application/vnd.oasis.opendocument.spreadsheet";
    Member members[] = { { "mimetype", mimetype, strlen (mimetype), FALSE } };

    cases[n++] = (typeof (cases[0])) { "renamed-sheet.docx", make_zip (members, 1), POLISI_ERROR_NOT_POLICY,
                                       "not a text document" };
  }
  g_assert_cmpuint (n, <=, G_N_ELEMENTS (cases));

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = write_file (cases[i].name, cases[i].bytes);
      gint64 before = g_get_monotonic_time ();
      g_autoptr(GError) error = expect_refusal (policy, path, POLISI_RETURNED_IMPORT_DEFAULT, POLISI_ERROR, cases[i].code);

      if (strstr (error->message, cases[i].says) == NULL)
        g_error ("%s: “%s” does not say “%s”", cases[i].name, error->message, cases[i].says);
      /* nothing of an entity in the message */
      g_assert_null (strstr (error->message, "root:"));
      g_assert_cmpint (g_get_monotonic_time () - before, <, 10 * G_USEC_PER_SEC);
      g_bytes_unref (cases[i].bytes);
      g_unlink (path);
    }
}

/* Issue 18's faults in the ODT reader. */
static void
test_hostile_odt (void)
{
  g_autoptr(PolisiPolicy) policy = make_policy ("Ysgol y Berllan", "Orchard School");
  g_autoptr(GBytes) draft = export_draft (policy);
  g_autofree char *content = polisi_test_odt_member (draft, "content.xml");
  g_autofree char *reviewed = review (policy, content);
  static const char mimetype[] = "application/vnd.oasis.opendocument.text";
  static const char manifest[] = "<?xml version=\"1.0\"?><manifest:manifest "
                                 "xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
                                 "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\">"
                                 "<manifest:encryption-data manifest:checksum-type=\"SHA1/1K\"/></manifest:file-entry>"
                                 "</manifest:manifest>";
  g_autoptr(GError) error = NULL;

  /* two content.xml: readers disagree on which one counts */
  {
    Member members[] = {
      { "mimetype", mimetype, strlen (mimetype), FALSE },
      { "content.xml", reviewed, strlen (reviewed), TRUE },
      { "content.xml", content, strlen (content), TRUE },
    };
    g_autoptr(GBytes) bytes = make_zip (members, 3);
    g_autofree char *path = write_file ("two-contents.odt", bytes);

    error = expect_refusal (policy, path, POLISI_RETURNED_IMPORT_DEFAULT, POLISI_ERROR, POLISI_ERROR_MALFORMED);
    g_assert_nonnull (strstr (error->message, "two parts named “content.xml”"));
    g_clear_error (&error);
  }
  /* a bad checksum */
  {
    Member members[] = {
      { "mimetype", mimetype, strlen (mimetype), FALSE },
      { "content.xml", reviewed, strlen (reviewed), TRUE, 0, TRUE },
    };
    g_autoptr(GBytes) bytes = make_zip (members, 2);
    g_autofree char *path = write_file ("checksum.odt", bytes);

    error = expect_refusal (policy, path, POLISI_RETURNED_IMPORT_DEFAULT, POLISI_ERROR, POLISI_ERROR_MALFORMED);
    g_assert_nonnull (strstr (error->message, "checksum"));
    g_clear_error (&error);
  }
  /* saved with a password: said so, with how to save it without */
  {
    Member members[] = {
      { "mimetype", mimetype, strlen (mimetype), FALSE },
      { "content.xml", "\x8f\x01\xfe garbled", 10, FALSE },
      { "META-INF/manifest.xml", manifest, strlen (manifest), TRUE },
    };
    g_autoptr(GBytes) bytes = make_zip (members, 3);
    g_autofree char *path = write_file ("password.odt", bytes);

    error = expect_refusal (policy, path, POLISI_RETURNED_IMPORT_DEFAULT, POLISI_ERROR, POLISI_ERROR_NOT_POLICY);
    g_assert_nonnull (strstr (error->message, "protected with a password"));
    g_assert_nonnull (strstr (error->message, "Save with password"));
    g_clear_error (&error);
  }
  /* a device and a pipe: refused before anything is read */
  {
    g_autofree char *fifo = g_build_filename (fixture.dir, "pipe.odt", NULL);

    error = expect_refusal (policy, "/dev/zero", POLISI_RETURNED_IMPORT_DEFAULT, POLISI_ERROR, POLISI_ERROR_IO);
    g_assert_nonnull (strstr (error->message, "not a file saved on disk"));
    g_clear_error (&error);
    g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
    error = expect_refusal (policy, fifo, POLISI_RETURNED_IMPORT_DEFAULT, POLISI_ERROR, POLISI_ERROR_IO);
    g_clear_error (&error);
    g_unlink (fifo);
  }
  /* an author of three million characters: cut at the door, and the policy
   * saved with it reads back */
  {
    gsize length = 3 * 1000 * 1000;
    g_autofree char *name = g_malloc (length + 1);
    g_autofree char *annotation = NULL;
    g_autofree char *anchor = polisi_anchor_name ("intro.head", POLISI_LANG_EN);
    g_autofree char *start = g_strdup_printf ("<text:bookmark-start text:name=\"%s\"/>", anchor);
    g_autofree char *long_author = NULL;
    g_autoptr(GBytes) bytes = NULL;
    g_autofree char *path = NULL;
    g_autoptr(PolisiPolicy) copy = reopen (policy);
    PolisiReturnedImport result;
    const PolisiComment *comment;

    memset (name, 'w', length);
    name[length] = '\0';
    annotation = g_strdup_printf ("<office:annotation><dc:creator>%s</dc:creator><text:p>Long name.</text:p></office:annotation>", name);
    long_author = insert_after (content, start, annotation);
    bytes = polisi_test_odt_replace_content (draft, long_author);
    path = write_file ("long-author.odt", bytes);
    g_assert_true (import_file (copy, path, POLISI_RETURNED_IMPORT_DEFAULT, &result, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (result.n_added, ==, 1);
    polisi_returned_import_clear (&result);
    comment = find_comment (copy, "Long name.");
    g_assert_nonnull (comment);
    g_assert_cmpuint (g_utf8_strlen (comment->author, -1), <=, POLISI_RETURNED_MAX_AUTHOR_CHARS + 1);
    {
      g_autoptr(PolisiPolicy) again = reopen (copy);
      g_assert_nonnull (find_comment (again, "Long name."));
    }
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

  g_test_add_func ("/returned/libreoffice-round-trip", test_libreoffice_round_trip);
  g_test_add_func ("/returned/identity", test_identity);
  g_test_add_func ("/returned/comment-model", test_comment_model);
  g_test_add_func ("/returned/hostile-docx", test_hostile_docx);
  g_test_add_func ("/returned/hostile-odt", test_hostile_odt);

  result = g_test_run ();

  g_clear_object (&fixture.library);
  if (g_getenv ("POLISI_TEST_KEEP") == NULL)
    polisi_test_remove_tree (fixture.dir);
  g_free (fixture.dir);
  return result;
}
