/* polisi-bench-versions.c: how large a policy's file grows over the years
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Since file format 2 each adopted version keeps its full text, so that any
 * two versions can be compared from the one file. This takes the full
 * library (every clause included, every question answered) through ten
 * annual reviews, each changing a few clauses in both languages and one
 * answer, and prints after each adoption the size of the file, what it
 * would be if each version were a full copy of the policy, and the time to
 * read and write it.
 *
 *   polisi-bench-versions [--years N] [--changes N]
 *
 * Target (docs/benchmarks.md): after ten reviews the file is under twice
 * the size of the policy with no versions.
 */
#include "config.h"

#include <string.h>

#include "polisi-context.h"
#include "polisi-policy-io.h"

static PolisiPolicy *
full_policy (PolisiLibrary *library)
{
  PolisiPolicy *policy = polisi_policy_new_from_library (library, POLISI_LANGUAGE_CATEGORY_DUAL);

  polisi_policy_set_name (policy, POLISI_LANG_CY, "Ysgol Gyfun Gymraeg Cwm Derwen");
  polisi_policy_set_name (policy, POLISI_LANG_EN, "Ysgol Gyfun Gymraeg Cwm Derwen");
  for (guint i = 0; i < polisi_library_get_n_placeholders (library); i++)
    {
      PolisiPlaceholder *placeholder = polisi_library_get_placeholder (library, i);

      if (polisi_placeholder_get_derived (placeholder) == POLISI_DERIVED_NONE)
        polisi_policy_set_answer (policy, polisi_placeholder_get_id (placeholder), "Siân Ŵyn Hughes");
    }
  for (guint i = 0; i < polisi_policy_get_n_clauses (policy); i++)
    polisi_clause_state_set_included (polisi_policy_get_clause (policy, i), TRUE);
  return policy;
}

static gsize
size_of (PolisiPolicy *policy)
{
  g_autoptr(GBytes) bytes = polisi_policy_to_bytes (policy);

  return g_bytes_get_size (bytes);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) options = g_option_context_new ("- the size of a policy's file over the years");
  g_autoptr(PolisiContext) context = NULL;
  g_autoptr(PolisiPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;
  int years = 10, changes = 3;
  GOptionEntry entries[] = {
    { "years", 0, 0, G_OPTION_ARG_INT, &years, "Annual reviews (default 10)", "N" },
    { "changes", 0, 0, G_OPTION_ARG_INT, &changes, "Clauses changed at each review (default 3)", "N" },
    { NULL }
  };
  gsize first;

  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 3;
    }

  context = polisi_context_new_builtin (&error);
  if (context == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  policy = full_policy (polisi_context_get_library (context));
  first = size_of (policy);
  g_print ("Full library, %u clauses, no version adopted: %" G_GSIZE_FORMAT " bytes\n\n",
           polisi_policy_get_n_clauses (policy), first);
  g_print ("| after review | file (KB) | with full copies (KB) | read (ms) | write (ms) |\n");
  g_print ("|---:|---:|---:|---:|---:|\n");

  for (int year = 0; year < years; year++)
    {
      g_autofree char *version = g_strdup_printf ("1.%d", year);
      g_autofree char *date = g_strdup_printf ("%d-07-10", 2026 + year);
      g_autofree char *answer = g_strdup_printf ("Pennaeth %d", year);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(PolisiPolicy) again = NULL;
      gint64 start, written, read;
      gsize size;

      /* a few clauses edited in both languages, one answer changed */
      for (int c = 0; c < changes; c++)
        {
          guint index = (guint) ((year * changes + c) * 7) % polisi_policy_get_n_clauses (policy);
          PolisiClauseState *state = polisi_policy_get_clause (policy, index);

          for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
            {
              g_autofree char *text = g_strdup_printf ("%s\nNewid adolygiad %d / Review change %d.",
                                                       polisi_clause_state_get_text (state, lang), year, year);
              polisi_clause_state_replace_text (state, lang, text, FALSE);
            }
        }
      polisi_policy_set_answer (policy, "head_teacher", answer);
      if (!polisi_policy_adopt (policy, version, date, "Y Corff Llywodraethu", "Adolygiad blynyddol.",
                                "Annual review.", &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }

      start = g_get_monotonic_time ();
      bytes = polisi_policy_to_bytes (policy);
      written = g_get_monotonic_time ();
      again = polisi_policy_load_bytes (bytes, "bench.polisi", &error);
      read = g_get_monotonic_time ();
      if (again == NULL || !polisi_policy_equal (again, policy))
        {
          g_printerr ("the file did not read back as written: %s\n", error != NULL ? error->message : "different");
          return 1;
        }

      size = g_bytes_get_size (bytes);
      /* were each version a full copy, the policy's size again per version */
      g_print ("| %d | %.1f | %.1f | %.1f | %.1f |\n", year + 1, size / 1024.0,
               (first + (gsize) (year + 1) * first) / 1024.0,
               (read - written) / 1000.0, (written - start) / 1000.0);
    }

  return 0;
}
