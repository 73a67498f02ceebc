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

#include "fuzz-returned.h"

#define DISPLAY_NAME "returned-draft.docx"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static PolisiPolicy *policy;
static PolisiDocument *document;
static GBytes *saved;

static void
init (void)
{
  polisi_fuzz_load_returned_policy (&policy, &document);
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
check_draft (PolisiReturnedDraft *draft)
{
  polisi_fuzz_check_text (draft->policy_uid, TRUE);
  polisi_fuzz_check_text (draft->version, TRUE);
  polisi_fuzz_check_text (draft->organisation, TRUE);
  polisi_fuzz_check_comments (draft->comments, policy);
  for (guint i = 0; i < draft->proposals->len; i++)
    {
      PolisiProposal *proposal = draft->proposals->pdata[i];

      polisi_fuzz_check_text (polisi_proposal_get_text (proposal), FALSE);
      polisi_fuzz_check_text (polisi_proposal_get_before (proposal), FALSE);
      polisi_fuzz_check_text (polisi_proposal_get_after (proposal), FALSE);
      polisi_fuzz_check_text (polisi_proposal_get_author (proposal), TRUE);
      if (polisi_policy_lookup_clause (policy, polisi_proposal_get_clause_id (proposal)) == NULL)
        g_error ("a change was put on “%s”, which is not a clause of the policy", polisi_proposal_get_clause_id (proposal));
      if (g_utf8_strlen (polisi_proposal_get_before (proposal), -1) > POLISI_PROPOSAL_CONTEXT_CHARS ||
          g_utf8_strlen (polisi_proposal_get_after (proposal), -1) > POLISI_PROPOSAL_CONTEXT_CHARS)
        g_error ("the text around a change was kept whole");
    }
  for (guint i = 0; i < draft->unplaced->len; i++)
    polisi_fuzz_check_text (draft->unplaced->pdata[i], FALSE);
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
  g_autoptr(PolisiPolicy) copy = polisi_fuzz_load_copy (saved);
  g_autoptr(PolisiPolicy) again = NULL;
  PolisiReturnedImport result;
  guint before = polisi_policy_get_n_comments (copy);

  polisi_returned_draft_store (draft, copy, &result);
  if (result.n_insertions + result.n_deletions + result.n_known_changes != draft->proposals->len ||
      g_list_model_get_n_items (polisi_policy_get_proposals (copy)) != result.n_insertions + result.n_deletions)
    g_error ("the proposals do not add up");
  polisi_fuzz_check_counts (&result, draft->comments->len, copy, before);
  if (result.n_anchored + result.n_table_rows != result.n_added)
    g_error ("%u comments added, %u on a clause and %u from the comments table",
             result.n_added, result.n_anchored, result.n_table_rows);
  polisi_returned_import_clear (&result);

  again = polisi_fuzz_read_back (copy);

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
      polisi_fuzz_check_refusal (error, DISPLAY_NAME);
      return 0;
    }
  if (error != NULL)
    g_error ("a draft was read and an error set");

  check_draft (draft);
  if (draft->comments->len > 0 || draft->proposals->len > 0)
    check_store (draft);
  return 0;
}
