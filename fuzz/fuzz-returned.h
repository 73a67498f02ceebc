/* fuzz-returned.h: what the harnesses of the returned-draft readers
 * (fuzz-comments, fuzz-docx) share
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "fuzz-common.h"
#include "polisi-assembler.h"
#include "polisi-context.h"
#include "polisi-error.h"
#include "polisi-policy-io.h"
#include "polisi-returned-draft.h"

/* the most characters of a comment's place ("… words around it …") */
#define POLISI_FUZZ_PLACE_CHARS 60

/* The policy the drafts come back to (POLISI_FUZZ_POLICY, given by
 * fuzz/meson.build), and its document as polisi_returned_draft_import()
 * assembles it. */
static inline void
polisi_fuzz_load_returned_policy (PolisiPolicy   **policy,
                                  PolisiDocument **document)
{
  g_autoptr(PolisiContext) context = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (POLISI_FUZZ_POLICY);
  g_autoptr(GError) error = NULL;

  polisi_fuzz_make_warnings_fatal ();

  context = polisi_context_new_builtin (&error);
  if (context == NULL)
    g_error ("the built-in library: %s", error->message);
  *policy = polisi_policy_load (file, &error);
  if (*policy == NULL)
    g_error ("%s: %s", POLISI_FUZZ_POLICY, error->message);
  *document = polisi_assemble (*policy, polisi_context_get_library (context),
                               POLISI_ASSEMBLE_FINAL | POLISI_ASSEMBLE_NO_HISTORY);
}

/* A refusal is a POLISI_ERROR, in UTF-8, that names the file and says
 * that nothing was imported. */
static inline void
polisi_fuzz_check_refusal (const GError *error,
                           const char   *display_name)
{
  if (error == NULL || error->domain != POLISI_ERROR || error->message == NULL)
    g_error ("a file was refused without a Polisi error");
  if (!g_utf8_validate (error->message, -1, NULL))
    g_error ("an error message is not UTF-8");
  if (strstr (error->message, display_name) == NULL)
    g_error ("an error message does not name the file: %s", error->message);
  if (strstr (error->message, "Nothing was imported") == NULL)
    g_error ("an error message does not say that nothing was imported: %s", error->message);
}

static inline void
polisi_fuzz_check_text (const char *text,
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

/* Every comment read is sane: UTF-8, within the reader's limits (count,
 * body, author, place), on a clause of @policy or on none (and then in no
 * language). */
static inline void
polisi_fuzz_check_comments (GPtrArray    *comments,
                            PolisiPolicy *policy)
{
  if (comments->len > POLISI_RETURNED_MAX_COMMENTS)
    g_error ("%u comments read, more than the limit", comments->len);

  for (guint i = 0; i < comments->len; i++)
    {
      PolisiReturnedComment *comment = comments->pdata[i];

      polisi_fuzz_check_text (comment->body, FALSE);
      polisi_fuzz_check_text (comment->place, FALSE);
      polisi_fuzz_check_text (comment->author, TRUE);
      polisi_fuzz_check_text (comment->date, TRUE);
      polisi_fuzz_check_text (comment->clause_id, TRUE);
      if (g_utf8_strlen (comment->body, -1) > POLISI_RETURNED_MAX_BODY_CHARS + 1)
        g_error ("a comment of %ld characters was kept whole", g_utf8_strlen (comment->body, -1));
      if (comment->author != NULL && g_utf8_strlen (comment->author, -1) > POLISI_RETURNED_MAX_AUTHOR_CHARS + 1)
        g_error ("an author's name of %ld characters was kept whole", g_utf8_strlen (comment->author, -1));
      if (g_utf8_strlen (comment->place, -1) > POLISI_FUZZ_PLACE_CHARS + 1)
        g_error ("the place of a comment is %ld characters long", g_utf8_strlen (comment->place, -1));
      if (comment->clause_id != NULL && polisi_policy_lookup_clause (policy, comment->clause_id) == NULL)
        g_error ("a comment was put on “%s”, which is not a clause of the policy", comment->clause_id);
      if (comment->lang < -1 || comment->lang >= POLISI_N_LANGS)
        g_error ("a comment is in language %d", comment->lang);
      if (comment->clause_id == NULL && comment->lang != -1)
        g_error ("a comment in no clause has a language");
    }
}

/* @saved read as the copy a draft's comments are stored in. */
static inline PolisiPolicy *
polisi_fuzz_load_copy (GBytes *saved)
{
  g_autoptr(GError) error = NULL;
  PolisiPolicy *copy = polisi_policy_load_bytes (saved, "copy.polisi", &error);

  if (copy == NULL)
    g_error ("the policy did not read back: %s", error->message);
  return copy;
}

/* @copy, with what was stored in it, written and read again: the same. */
static inline PolisiPolicy *
polisi_fuzz_read_back (PolisiPolicy *copy)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) written = polisi_policy_to_bytes (copy);
  PolisiPolicy *again = polisi_policy_load_bytes (written, "again.polisi", &error);

  if (again == NULL)
    g_error ("a policy with imported comments did not read again after writing: %s", error->message);
  if (!polisi_policy_equal (copy, again))
    g_error ("a policy with imported comments changed on its way through a file");
  return again;
}

/* What storing @n_read comments in @copy, which held @before, says it did
 * adds up: each comment found, then added, a duplicate or empty; the
 * general ones listed; the policy holding the ones added. */
static inline void
polisi_fuzz_check_counts (const PolisiReturnedImport *result,
                          guint                       n_read,
                          PolisiPolicy               *copy,
                          guint                       before)
{
  if (result->n_found != n_read ||
      result->n_added + result->n_duplicates + result->n_empty != result->n_found ||
      result->n_general != result->general->len ||
      polisi_policy_get_n_comments (copy) != before + result->n_added)
    g_error ("the import counts do not add up: %u found, %u added, %u duplicates, %u empty, %u general",
             result->n_found, result->n_added, result->n_duplicates, result->n_empty, result->n_general);
}
