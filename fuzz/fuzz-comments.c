/* fuzz-comments.c: the reader of comments in a returned consultation
 * draft, with hostile bytes
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a returned ODT, or its content.xml alone: bytes that start
 * with the zip signature "PK\3\4" are a package, read with
 * polisi_returned_odt_unpack() and, when that unpacks a content.xml, read on
 * with polisi_returned_odt_read_content(); any other bytes go to
 * polisi_returned_odt_read_content() as content.xml (polisi_returned_odt_unpack()
 * sees them first, and must refuse them). So the mutator works on the XML
 * itself without having to keep a zip whole.
 *
 * Beyond not crashing, leaking or tripping a sanitizer:
 *  - every refusal is a POLISI_ERROR that names the file and says that
 *    nothing was imported;
 *  - every comment read is sane: UTF-8, on a clause of the policy or on
 *    none (and then in no language), within the limits of the reader;
 *  - importing the comments into a copy of the policy adds what the
 *    counts say; the policy then saves and reads back the same;
 *  - importing the same file again, into the policy read back, adds
 *    nothing: every comment is found to be stored already.
 *
 * The policy is the Welsh secondary example (POLISI_FUZZ_POLICY, given
 * by fuzz/meson.build), read and assembled once, its clause texts then
 * cut short (see init()); the seeds (fuzz/make-seeds.c) are drafts
 * exported from the examples.
 */
#include "config.h"

#include <string.h>

#include "fuzz-returned.h"
#include "polisi-clause-state.h"
#include "polisi-export.h"

#define DISPLAY_NAME "returned-draft.odt"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static PolisiPolicy *policy;
static PolisiDocument *document;
static GBytes *saved;

static void
init (void)
{
  polisi_fuzz_load_returned_policy (&policy, &document);

  /* The copies the comments are imported into are read from @saved for
   * each input. Comments attach to clause ids, never to the text, so the
   * texts are cut short: a copy is then read in a fifth of the time. */
  for (guint i = 0; i < polisi_policy_get_n_clauses (policy); i++)
    {
      PolisiClauseState *state = polisi_policy_get_clause (policy, i);

      polisi_clause_state_set_text (state, POLISI_LANG_CY, "Testun.");
      polisi_clause_state_set_text (state, POLISI_LANG_EN, "Text.");
    }
  saved = polisi_policy_to_bytes (policy);
}

/* Imports @annotations into a copy of the policy, then checks that the
 * copy saves and reads back, and that importing them again adds
 * nothing. */
static void
check_import (GPtrArray *annotations)
{
  g_autoptr(PolisiPolicy) copy = polisi_fuzz_load_copy (saved);
  g_autoptr(PolisiPolicy) again = NULL;
  PolisiReturnedImport result;
  guint before = polisi_policy_get_n_comments (copy);

  polisi_returned_comments_store (copy, annotations, &result);
  polisi_fuzz_check_counts (&result, annotations->len, copy, before);
  if (result.n_general > result.n_added)
    g_error ("%u general comments of %u added", result.n_general, result.n_added);
  polisi_returned_import_clear (&result);

  again = polisi_fuzz_read_back (copy);

  /* the same file a second time */
  polisi_returned_comments_store (again, annotations, &result);
  if (result.n_added != 0)
    g_error ("importing the same comments again added %u of them a second time", result.n_added);
  polisi_returned_import_clear (&result);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  gboolean package = size >= 4 && memcmp (data, "PK\003\004", 4) == 0;

  if (policy == NULL)
    init ();

  content = polisi_returned_odt_unpack (bytes, DISPLAY_NAME, &error);
  if (content == NULL)
    {
      polisi_fuzz_check_refusal (error, DISPLAY_NAME);
      if (package)
        return 0;
      /* content.xml alone */
      g_clear_error (&error);
      content = g_bytes_ref (bytes);
    }
  else if (!package)
    g_error ("something that is not a zip was read as an ODT");

  annotations = polisi_returned_odt_read_content (content, DISPLAY_NAME, policy, document, &error);
  if (annotations == NULL)
    {
      polisi_fuzz_check_refusal (error, DISPLAY_NAME);
      return 0;
    }
  if (error != NULL)
    g_error ("comments were read and an error set");

  polisi_fuzz_check_comments (annotations, policy);
  if (annotations->len > 0)
    check_import (annotations);

  return 0;
}
