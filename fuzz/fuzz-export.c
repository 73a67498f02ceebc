/* fuzz-export.c: any text a policy accepts, laid out and written
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a .polisi file, or (when it does not read as one) text put
 * where a person types it: the organisation's name, a clause, a comment.
 * Either way the policy is assembled and exported to PDF and ODT in a
 * layout the first byte picks. Text the policy accepted must export: a
 * writer's failure is a bug ("input string not valid UTF-8" was one). A
 * layout that takes too long is one too: run with -timeout (the fault
 * where a long word took minutes).
 */
#include "config.h"

#include "fuzz-common.h"
#include "polisi-assembler.h"
#include "polisi-context.h"
#include "polisi-export.h"
#include "polisi-policy-io.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static PolisiContext *context;

static void
export_all (PolisiPolicy *policy,
            guint8        choice)
{
  static const PolisiLayout layouts[] = {
    POLISI_LAYOUT_CY, POLISI_LAYOUT_EN, POLISI_LAYOUT_COLUMNS, POLISI_LAYOUT_SEQUENTIAL,
  };
  g_autoptr(PolisiDocument) document = NULL;
  PolisiExportOptions options;
  PolisiFormat formats[] = { POLISI_FORMAT_PDF, POLISI_FORMAT_ODT };

  document = polisi_assemble (policy, polisi_context_get_library (context),
                              choice & 0x10 ? POLISI_ASSEMBLE_FINAL : POLISI_ASSEMBLE_DEFAULT);
  polisi_export_options_init (&options, layouts[choice % G_N_ELEMENTS (layouts)]);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = polisi_export_to_bytes (document, formats[i], &options, &error);

      if (bytes == NULL)
        g_error ("an accepted policy did not export to %s: %s", polisi_format_get_name (formats[i]),
                 error->message);
    }
}

/* Before any input, and outside its time limit: fontconfig and pango fill
 * their caches for the life of the process on the first layouts, so they
 * are made here (every layout, draft and final), and the leak check sees
 * only what an input leaves behind. */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(PolisiPolicy) warm = NULL;

  polisi_fuzz_make_warnings_fatal ();
  context = polisi_context_new_builtin (NULL);
  g_assert (context != NULL);
  warm = polisi_policy_new_from_library (polisi_context_get_library (context), POLISI_LANGUAGE_CATEGORY_DUAL);
  for (guint8 i = 0; i < 8; i++)
    export_all (warm, i < 4 ? i : 0x10 | i);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(PolisiPolicy) policy = NULL;
  guint8 choice = size > 0 ? data[0] : 0;

  g_assert (context != NULL);

  policy = polisi_policy_load_bytes (bytes, "fuzz.polisi", NULL);
  if (policy == NULL)
    {
      /* text as it is typed: everywhere a person types it */
      g_autofree char *text = g_strndup ((const char *) data + MIN (size, 1), size - MIN (size, 1));
      PolisiClauseState *state;

      policy = polisi_policy_new_from_library (polisi_context_get_library (context),
                                               POLISI_LANGUAGE_CATEGORY_DUAL);
      polisi_policy_set_name (policy, POLISI_LANG_CY, text);
      polisi_policy_set_name (policy, POLISI_LANG_EN, text);
      state = polisi_policy_get_clause (policy, choice % polisi_policy_get_n_clauses (policy));
      polisi_clause_state_set_included (state, TRUE);
      polisi_clause_state_set_text (state, POLISI_LANG_CY, text);
      polisi_clause_state_set_text (state, POLISI_LANG_EN, text);
      polisi_policy_add_comment (policy, polisi_clause_state_get_id (state), POLISI_LANG_CY, text, NULL, text);
    }

  export_all (policy, choice);
  return 0;
}
