/* polisi-export-options.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Options are usually made on the stack with polisi_export_options_init(),
 * their strings borrowed from the caller. A copy (the boxed type's) owns
 * its strings: they are kept in the same allocation, after the struct, so
 * polisi_export_options_free() is one g_free().
 */
#include "config.h"

#include <string.h>

#include "polisi-export-options.h"

G_DEFINE_BOXED_TYPE (PolisiExportOptions, polisi_export_options,
                     polisi_export_options_copy, polisi_export_options_free)

void
polisi_export_options_init (PolisiExportOptions *options,
                            PolisiLayout         layout)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->layout = layout;
}

static gsize
string_size (const char *string)
{
  return string != NULL ? strlen (string) + 1 : 0;
}

static const char *
put_string (char       **end,
            const char  *string)
{
  char *start = *end;
  gsize size = string_size (string);

  if (string == NULL)
    return NULL;
  memcpy (start, string, size);
  *end += size;
  return start;
}

/**
 * polisi_export_options_copy:
 *
 * Returns: (transfer full): a copy of @options that owns its strings
 */
PolisiExportOptions *
polisi_export_options_copy (const PolisiExportOptions *options)
{
  PolisiExportOptions *copy;
  char *end;

  g_return_val_if_fail (options != NULL, NULL);

  copy = g_malloc (sizeof *copy + string_size (options->other_file) +
                   string_size (options->change_author) + string_size (options->change_date));
  *copy = *options;
  end = (char *) (copy + 1);
  copy->other_file = put_string (&end, options->other_file);
  copy->change_author = put_string (&end, options->change_author);
  copy->change_date = put_string (&end, options->change_date);
  return copy;
}

void
polisi_export_options_free (PolisiExportOptions *options)
{
  g_free (options);
}

/**
 * polisi_export_get_languages:
 * @langs: (out caller-allocates): the languages, in reading order
 *
 * Returns: how many languages the layout shows (1 or 2)
 */
guint
polisi_export_get_languages (const PolisiExportOptions *options,
                             PolisiLang                 langs[POLISI_N_LANGS])
{
  switch (options->layout)
    {
    case POLISI_LAYOUT_CY:
      langs[0] = POLISI_LANG_CY;
      return 1;
    case POLISI_LAYOUT_EN:
      langs[0] = POLISI_LANG_EN;
      return 1;
    case POLISI_LAYOUT_COLUMNS:
    case POLISI_LAYOUT_SEQUENTIAL:
    case POLISI_LAYOUT_SEPARATE:
    default:
      langs[0] = options->english_first ? POLISI_LANG_EN : POLISI_LANG_CY;
      langs[1] = POLISI_LANG_OTHER (langs[0]);
      return 2;
    }
}
