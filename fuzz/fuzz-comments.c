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

#include "fuzz-common.h"
#include "polisi-assembler.h"
#include "polisi-clause-state.h"
#include "polisi-returned-draft.h"
#include "polisi-context.h"
#include "polisi-error.h"
#include "polisi-export.h"
#include "polisi-policy-io.h"

#define DISPLAY_NAME "returned-draft.odt"

/* the limits of src/import */
#define MAX_BODY_CHARS POLISI_RETURNED_MAX_BODY_CHARS
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
  /* as polisi_returned_draft_import() assembles it */
  document = polisi_assemble (policy, polisi_context_get_library (context),
                              POLISI_ASSEMBLE_FINAL | POLISI_ASSEMBLE_NO_HISTORY);

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
check_annotations (GPtrArray *annotations)
{
  if (annotations->len > POLISI_RETURNED_MAX_COMMENTS)
    g_error ("%u comments read, more than the limit", annotations->len);

  for (guint i = 0; i < annotations->len; i++)
    {
      PolisiReturnedComment *annotation = annotations->pdata[i];

      check_text (annotation->body, FALSE);
      check_text (annotation->place, FALSE);
      check_text (annotation->author, TRUE);
      check_text (annotation->date, TRUE);
      check_text (annotation->clause_id, TRUE);
      if (g_utf8_strlen (annotation->body, -1) > MAX_BODY_CHARS + 1)
        g_error ("a comment of %ld characters was kept whole", g_utf8_strlen (annotation->body, -1));
      if (annotation->author != NULL && g_utf8_strlen (annotation->author, -1) > POLISI_RETURNED_MAX_AUTHOR_CHARS + 1)
        g_error ("an author's name of %ld characters was kept whole", g_utf8_strlen (annotation->author, -1));
      if (g_utf8_strlen (annotation->place, -1) > PLACE_CHARS + 1)
        g_error ("the place of a comment is %ld characters long", g_utf8_strlen (annotation->place, -1));
      if (annotation->clause_id != NULL && polisi_policy_lookup_clause (policy, annotation->clause_id) == NULL)
        g_error ("a comment was put on “%s”, which is not a clause of the policy", annotation->clause_id);
      if (annotation->lang < -1 || annotation->lang >= POLISI_N_LANGS)
        g_error ("a comment is in language %d", annotation->lang);
      if (annotation->clause_id == NULL && annotation->lang != -1)
        g_error ("a comment in no clause has a language");
    }
}

/* Imports @annotations into a copy of the policy, then checks that the
 * copy saves and reads back, and that importing them again adds
 * nothing. */
static void
check_import (GPtrArray *annotations)
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

  polisi_returned_comments_store (copy, annotations, &result);
  if (result.n_found != annotations->len ||
      result.n_added + result.n_duplicates + result.n_empty != result.n_found ||
      result.n_general != result.general->len ||
      result.n_general > result.n_added ||
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
      check_refusal (error);
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
      check_refusal (error);
      return 0;
    }
  if (error != NULL)
    g_error ("comments were read and an error set");

  check_annotations (annotations);
  if (annotations->len > 0)
    check_import (annotations);

  return 0;
}
