/* polisi-welsh.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Welsh changes the first consonant of a word after many small words: "y
 * Ddeddf", "dan Ddeddf", "yn Neddf", "a Chod". A search for the name of an
 * Act in Welsh text has to look for each of these forms, and a replacement
 * has to keep the same mutation.
 */
#include "config.h"

#include <string.h>

#include "polisi-welsh.h"

typedef struct {
  const char *radical;
  const char *mutated[POLISI_N_MUTATIONS];
} Rule;

/* Longest radicals first, so that "ll" is seen before "l". NULL: this
 * mutation leaves the letter alone. */
static const Rule rules[] = {
  { "ll", { NULL, "l", NULL, NULL } },
  { "rh", { NULL, "r", NULL, NULL } },
  { "p", { NULL, "b", "mh", "ph" } },
  { "t", { NULL, "d", "nh", "th" } },
  { "c", { NULL, "g", "ngh", "ch" } },
  { "b", { NULL, "f", "m", NULL } },
  { "d", { NULL, "dd", "n", NULL } },
  { "g", { NULL, "", "ng", NULL } },
  { "m", { NULL, "f", NULL, NULL } },
};

/**
 * polisi_welsh_mutate:
 *
 * Returns: (transfer full) (nullable): @phrase with its first word mutated,
 *   keeping a capital letter; %NULL when @mutation does not change it (or
 *   the word is an abbreviation in capitals, such as "GDPR")
 */
char *
polisi_welsh_mutate (const char     *phrase,
                     PolisiMutation  mutation)
{
  gboolean capital;

  g_return_val_if_fail (phrase != NULL, NULL);

  if (mutation == POLISI_MUTATION_NONE)
    return NULL;

  /* An abbreviation in capitals ("GDPR y DU") does not mutate. */
  if (g_ascii_isupper (phrase[0]) && g_ascii_isupper (phrase[1]))
    return NULL;

  capital = g_ascii_isupper (phrase[0]);
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      gsize length = strlen (rules[i].radical);
      const char *replacement = rules[i].mutated[mutation];
      GString *out;

      if (g_ascii_strncasecmp (phrase, rules[i].radical, length) != 0)
        continue;
      /* "ch", "ph", "th", "dd", "ff", "ng" are letters of their own */
      if (length == 1 && (phrase[1] == 'h' || phrase[1] == 'H' ||
                          (phrase[0] == 'd' && phrase[1] == 'd') || (phrase[0] == 'D' && phrase[1] == 'd') ||
                          ((phrase[0] == 'g' || phrase[0] == 'G') && phrase[1] == 'n')))
        return NULL;
      if (replacement == NULL)
        return NULL;

      out = g_string_new (replacement);
      g_string_append (out, phrase + length);
      if (capital && out->len > 0)
        out->str[0] = g_ascii_toupper (out->str[0]);
      return g_string_free (out, FALSE);
    }

  return NULL;
}
