/* fuzz-docx.c: the reader of a consultation draft returned as DOCX, with
 * hostile bytes
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bytes that start with the zip signature "PK\3\4" are a whole file, read
 * with polisi_returned_draft_read() as an import reads it. Any other bytes
 * are the parts of a DOCX, separated by a line "----": word/document.xml,
 * then word/comments.xml, then docProps/custom.xml (each optional), which
 * the harness packs into a DOCX before reading it; so the mutator works on
 * the XML itself without having to keep a zip whole.
 *
 * Beyond not crashing, leaking or tripping a sanitizer:
 *  - every refusal is a POLISI_ERROR that names the file and says that
 *    nothing was imported;
 *  - every comment read is sane: UTF-8, on a clause of the policy or on
 *    none (and then in no language), within the limits of the reader
 *    (body, author, place, count);
 *  - every tracked change found is a proposal on a clause of the policy,
 *    its context within bounds, or is reported as not placed;
 *  - storing the comments and proposals in a copy of the policy adds what
 *    the counts say; the policy then saves and reads back the same;
 *    storing them again adds nothing.
 *
 * The policy is the Welsh secondary example (POLISI_FUZZ_POLICY, given by
 * fuzz/meson.build); the seeds are in fuzz/seeds/fuzz-docx/.
 */
#include "config.h"

#include <string.h>

#include <gsf/gsf-outfile.h>
#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-output-memory.h>

#include "fuzz-common.h"
#include "polisi-assembler.h"
#include "polisi-context.h"
#include "polisi-error.h"
#include "polisi-policy-io.h"
#include "polisi-returned-draft.h"

#define DISPLAY_NAME "returned-draft.docx"
#define PLACE_CHARS 60

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static PolisiPolicy *policy;
static PolisiDocument *document;
static GBytes *saved;

static void
init (void)
{
  g_autoptr(PolisiContext) context = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (POLISI_FUZZ_POLICY);
  g_autoptr(GError) error = NULL;

  polisi_fuzz_make_warnings_fatal ();

  context = polisi_context_new_builtin (&error);
  if (context == NULL)
    g_error ("the built-in library: %s", error->message);
  policy = polisi_policy_load (file, &error);
  if (policy == NULL)
    g_error ("%s: %s", POLISI_FUZZ_POLICY, error->message);
  document = polisi_assemble (policy, polisi_context_get_library (context),
                              POLISI_ASSEMBLE_FINAL | POLISI_ASSEMBLE_NO_HISTORY);
  saved = polisi_policy_to_bytes (policy);
}

static void
add_member (GsfOutfile *zip,
            const char *folder,
            const char *name,
            const char *text,
            gsize       length)
{
  GsfOutput *dir = folder != NULL ? gsf_outfile_new_child (zip, folder, TRUE) : NULL;
  GsfOutput *member = gsf_outfile_new_child (dir != NULL ? GSF_OUTFILE (dir) : zip, name, FALSE);

  gsf_output_write (member, length, (const guint8 *) text);
  gsf_output_close (member);
  g_object_unref (member);
  if (dir != NULL)
    {
      gsf_output_close (dir);
      g_object_unref (dir);
    }
}

/* The parts, "----" between them, packed as a DOCX. */
static GBytes *
pack (const guint8 *data,
      size_t        size)
{
  static const char types[] = "<?xml version=\"1.0\"?>"
                              "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>";
  static const struct { const char *folder, *name; } parts[] = {
    { "word", "document.xml" }, { "word", "comments.xml" }, { "docProps", "custom.xml" },
  };
  GsfOutput *sink = gsf_output_memory_new ();
  GsfOutfile *zip = gsf_outfile_zip_new (sink, NULL);
  const char *at = (const char *) data;
  const char *end = at + size;
  GBytes *bytes;

  add_member (zip, NULL, "[Content_Types].xml", types, strlen (types));
  for (guint i = 0; i < G_N_ELEMENTS (parts) && at <= end; i++)
    {
      const char *next = g_strstr_len (at, end - at, "\n----\n");
      const char *stop = next != NULL ? next : end;

      add_member (zip, parts[i].folder, parts[i].name, at, stop - at);
      if (next == NULL)
        break;
      at = next + strlen ("\n----\n");
    }
  gsf_output_close (GSF_OUTPUT (zip));
  gsf_output_close (sink);
  bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)), gsf_output_size (sink));
  g_object_unref (zip);
  g_object_unref (sink);
  return bytes;
}

static void
check_refusal (const GError *error)
{
  if (error == NULL || error->domain != POLISI_ERROR || error->message == NULL)
    g_error ("a file was refused without a Polisi error");
  if (!g_utf8_validate (error->message, -1, NULL))
    g_error ("an error message is not UTF-8");
  if (strstr (error->message, DISPLAY_NAME) == NULL)
    g_error ("an error message does not name the file: %s", error->message);
  if (strstr (error->message, "Nothing was imported") == NULL)
    g_error ("an error message does not say that nothing was imported: %s", error->message);
}

static void
check_text (const char *text,
            gboolean    nullable)
{
  if (text == NULL)
    {
      if (!nullable)
        g_error ("a comment has no text");
      return;
    }
  if (!g_utf8_validate (text, -1, NULL))
    g_error ("a comment read is not UTF-8");
}

static void
check_draft (PolisiReturnedDraft *draft)
{
  GPtrArray *comments = draft->comments;

  if (comments->len > POLISI_RETURNED_MAX_COMMENTS)
    g_error ("%u comments read, more than the limit", comments->len);
  check_text (draft->policy_uid, TRUE);
  check_text (draft->version, TRUE);
  check_text (draft->organisation, TRUE);
  for (guint i = 0; i < comments->len; i++)
    {
      PolisiReturnedComment *comment = comments->pdata[i];

      check_text (comment->body, FALSE);
      check_text (comment->place, FALSE);
      check_text (comment->author, TRUE);
      check_text (comment->date, TRUE);
      check_text (comment->clause_id, TRUE);
      if (g_utf8_strlen (comment->body, -1) > POLISI_RETURNED_MAX_BODY_CHARS + 1)
        g_error ("a comment of %ld characters was kept whole", g_utf8_strlen (comment->body, -1));
      if (comment->author != NULL && g_utf8_strlen (comment->author, -1) > POLISI_RETURNED_MAX_AUTHOR_CHARS + 1)
        g_error ("an author's name of %ld characters was kept whole", g_utf8_strlen (comment->author, -1));
      if (g_utf8_strlen (comment->place, -1) > PLACE_CHARS + 1)
        g_error ("the place of a comment is %ld characters long", g_utf8_strlen (comment->place, -1));
      if (comment->clause_id != NULL && polisi_policy_lookup_clause (policy, comment->clause_id) == NULL)
        g_error ("a comment was put on “%s”, which is not a clause of the policy", comment->clause_id);
      if (comment->lang < -1 || comment->lang >= POLISI_N_LANGS)
        g_error ("a comment is in language %d", comment->lang);
      if (comment->clause_id == NULL && comment->lang != -1)
        g_error ("a comment in no clause has a language");
    }
  for (guint i = 0; i < draft->proposals->len; i++)
    {
      PolisiProposal *proposal = draft->proposals->pdata[i];

      check_text (polisi_proposal_get_text (proposal), FALSE);
      check_text (polisi_proposal_get_before (proposal), FALSE);
      check_text (polisi_proposal_get_after (proposal), FALSE);
      check_text (polisi_proposal_get_author (proposal), TRUE);
      if (polisi_policy_lookup_clause (policy, polisi_proposal_get_clause_id (proposal)) == NULL)
        g_error ("a change was put on “%s”, which is not a clause of the policy", polisi_proposal_get_clause_id (proposal));
      if (g_utf8_strlen (polisi_proposal_get_before (proposal), -1) > POLISI_PROPOSAL_CONTEXT_CHARS ||
          g_utf8_strlen (polisi_proposal_get_after (proposal), -1) > POLISI_PROPOSAL_CONTEXT_CHARS)
        g_error ("the text around a change was kept whole");
    }
  for (guint i = 0; i < draft->unplaced->len; i++)
    check_text (draft->unplaced->pdata[i], FALSE);
  if (draft->proposals->len + draft->unplaced->len != draft->n_insertions + draft->n_deletions &&
      draft->proposals->len < POLISI_RETURNED_MAX_COMMENTS && draft->unplaced->len < POLISI_RETURNED_MAX_COMMENTS)
    g_error ("%u changes found, %u placed and %u not: one went missing",
             draft->n_insertions + draft->n_deletions, draft->proposals->len, draft->unplaced->len);
}

/* Stores @draft's comments in a copy of the policy; it saves and reads
 * back, and storing them again adds nothing. */
static void
check_store (PolisiReturnedDraft *draft)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiPolicy) copy = polisi_policy_load_bytes (saved, "copy.polisi", &error);
  g_autoptr(GBytes) written = NULL;
  g_autoptr(PolisiPolicy) again = NULL;
  PolisiReturnedImport result;
  guint before;

  if (copy == NULL)
    g_error ("the policy did not read back: %s", error->message);
  before = polisi_policy_get_n_comments (copy);

  polisi_returned_draft_store (draft, copy, &result);
  if (result.n_insertions + result.n_deletions + result.n_known_changes != draft->proposals->len ||
      g_list_model_get_n_items (polisi_policy_get_proposals (copy)) != result.n_insertions + result.n_deletions)
    g_error ("the proposals do not add up");
  if (result.n_found != draft->comments->len ||
      result.n_added + result.n_duplicates + result.n_empty != result.n_found ||
      result.n_anchored + result.n_table_rows != result.n_added ||
      result.n_general != result.general->len ||
      polisi_policy_get_n_comments (copy) != before + result.n_added)
    g_error ("the import counts do not add up: %u found, %u added, %u duplicates, %u empty, %u general",
             result.n_found, result.n_added, result.n_duplicates, result.n_empty, result.n_general);
  polisi_returned_import_clear (&result);

  written = polisi_policy_to_bytes (copy);
  again = polisi_policy_load_bytes (written, "again.polisi", &error);
  if (again == NULL)
    g_error ("a policy with imported comments did not read again after writing: %s", error->message);
  if (!polisi_policy_equal (copy, again))
    g_error ("a policy with imported comments changed on its way through a file");

  polisi_returned_draft_store (draft, again, &result);
  if (result.n_added != 0)
    g_error ("storing the same comments again added %u of them a second time", result.n_added);
  polisi_returned_import_clear (&result);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiReturnedDraft) draft = NULL;

  if (policy == NULL)
    init ();

  if (size >= 4 && memcmp (data, "PK\003\004", 4) == 0)
    bytes = g_bytes_new (data, size);
  else
    bytes = pack (data, size);

  draft = polisi_returned_draft_read (bytes, DISPLAY_NAME, policy, document, &error);
  if (draft == NULL)
    {
      check_refusal (error);
      return 0;
    }
  if (error != NULL)
    g_error ("a draft was read and an error set");

  check_draft (draft);
  if (draft->comments->len > 0 || draft->proposals->len > 0)
    check_store (draft);
  return 0;
}
