/* fuzz-diff.c: the word-level comparison of two texts
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is two texts, split at the first NUL. Their difference must
 * give back each text exactly (the old from its equal and deleted spans,
 * the new from its equal and inserted), say "equal" exactly when they are,
 * and split into paragraphs both ways without losing a character. A
 * comparison of two policies differing in that clause must assemble (for
 * one input in sixteen: it is a whole document).
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "polisi-compare.h"
#include "polisi-context.h"
#include "polisi-diff.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static PolisiContext *context;

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  const guint8 *nul = memchr (data, 0, size);
  g_autofree char *raw_old = NULL;
  g_autofree char *raw_new = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  g_autofree char *got_old = NULL;
  g_autofree char *got_new = NULL;
  g_autoptr(GPtrArray) diff = NULL;

  if (context == NULL)
    {
      polisi_fuzz_make_warnings_fatal ();
      context = polisi_context_new_builtin (NULL);
      g_assert (context != NULL);
    }
  if (nul == NULL)
    return 0;

  raw_old = g_strndup ((const char *) data, nul - data);
  raw_new = g_strndup ((const char *) nul + 1, size - (nul - data) - 1);
  /* texts as the policy keeps them */
  old_text = polisi_text_sanitize (raw_old);
  new_text = polisi_text_sanitize (raw_new);

  diff = polisi_diff_texts (old_text, new_text);
  got_old = polisi_diff_get_old (diff);
  got_new = polisi_diff_get_new (diff);
  if (g_strcmp0 (got_old, old_text) != 0 || g_strcmp0 (got_new, new_text) != 0)
    g_error ("a difference did not give back its texts");
  if (polisi_diff_is_equal (diff) != (strcmp (old_text, new_text) == 0))
    g_error ("a difference said equal for texts that differ, or the other way round");
  g_ptr_array_unref (polisi_diff_to_blocks (diff, POLISI_DIFF_SPLIT_ALL));
  g_ptr_array_unref (polisi_diff_to_blocks (diff, POLISI_DIFF_SPLIT_NEW));

  /* the same two texts as one clause of two versions of a policy: a
   * whole document each time, so for one input in sixteen */
  if ((size & 15) == 0)
  {
    g_autoptr(PolisiPolicy) old_policy = polisi_policy_new_from_library (polisi_context_get_library (context),
                                                                         POLISI_LANGUAGE_CATEGORY_DUAL);
    g_autoptr(PolisiPolicy) new_policy = polisi_policy_new_from_library (polisi_context_get_library (context),
                                                                         POLISI_LANGUAGE_CATEGORY_DUAL);
    g_autoptr(PolisiDocument) summary = NULL;
    g_autoptr(PolisiDocument) tracked = NULL;
    PolisiClauseState *a = polisi_policy_get_clause (old_policy, 0);
    PolisiClauseState *b = polisi_policy_get_clause (new_policy, 0);

    polisi_clause_state_set_text (a, POLISI_LANG_CY, old_text);
    polisi_clause_state_set_text (b, POLISI_LANG_CY, new_text);
    polisi_clause_state_set_text (a, POLISI_LANG_EN, new_text);
    polisi_clause_state_set_text (b, POLISI_LANG_EN, old_text);
    summary = polisi_compare_summary (old_policy, new_policy, polisi_context_get_library (context),
                                      POLISI_ASSEMBLE_DEFAULT);
    tracked = polisi_compare_tracked (old_policy, new_policy, polisi_context_get_library (context),
                                      POLISI_ASSEMBLE_DEFAULT);
    g_assert (summary != NULL && tracked != NULL);
  }
  return 0;
}
