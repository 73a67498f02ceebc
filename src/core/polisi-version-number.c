/* polisi-version-number.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one rule for version numbers, used by the policy (adoption, the
 * draft of the next version), the command line (--set version=,
 * --adopt-version=) and the window: two whole numbers from 0 to 9999
 * joined by a dot, "1.0", "2.13". A version below 1.0 is a draft's: an
 * adopted policy starts at 1.0 (polisi_policy_adopt() says so). The next
 * number after one always obeys the rule: after 1.9999 comes 2.0.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "polisi-error.h"
#include "polisi-version-number.h"

static gboolean
parse_part (const char *start,
            gsize       length,
            guint      *value)
{
  guint number = 0;

  if (length == 0 || length > 4)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isdigit (start[i]))
        return FALSE;
      number = number * 10 + (guint) (start[i] - '0');
    }
  *value = number;
  return TRUE;
}

/**
 * polisi_version_number_parse:
 * @major: (out) (optional): the number before the dot
 * @minor: (out) (optional): the number after it
 *
 * Returns: %TRUE if @text is a version number: "1.2", digits only, each
 *   side from 0 to %POLISI_VERSION_NUMBER_PART_MAX
 */
gboolean
polisi_version_number_parse (const char *text,
                      guint      *major,
                      guint      *minor)
{
  const char *dot;
  guint a, b;

  if (text == NULL || (dot = strchr (text, '.')) == NULL)
    return FALSE;
  if (!parse_part (text, dot - text, &a) || !parse_part (dot + 1, strlen (dot + 1), &b))
    return FALSE;
  if (major != NULL)
    *major = a;
  if (minor != NULL)
    *minor = b;
  return TRUE;
}

/**
 * polisi_version_number_check:
 *
 * As polisi_version_number_parse(), with a message saying how to write one.
 */
gboolean
polisi_version_number_check (const char  *text,
                      GError     **error)
{
  if (polisi_version_number_parse (text, NULL, NULL))
    return TRUE;
  g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
               _("“%s” is not a version number. Write it as two numbers with a dot, such as 1.0 or 2.1, "
                 "each from 0 to %u."),
               text != NULL ? text : "", POLISI_VERSION_NUMBER_PART_MAX);
  return FALSE;
}

/**
 * polisi_version_number_compare:
 *
 * Orders version numbers by their numbers ("1.10" after "1.9"); what is
 * not a version number comes first.
 */
int
polisi_version_number_compare (const char *a,
                        const char *b)
{
  guint a_major = 0, a_minor = 0, b_major = 0, b_minor = 0;
  gboolean a_valid = polisi_version_number_parse (a, &a_major, &a_minor);
  gboolean b_valid = polisi_version_number_parse (b, &b_major, &b_minor);

  if (a_valid != b_valid)
    return a_valid ? 1 : -1;
  if (a_major != b_major)
    return a_major < b_major ? -1 : 1;
  if (a_minor != b_minor)
    return a_minor < b_minor ? -1 : 1;
  return 0;
}

/**
 * polisi_version_number_next:
 * @version: (nullable): the last version, or %NULL for none
 * @major: %TRUE for a large change (2.0 after 1.3), %FALSE for a small one
 *   (1.4 after 1.3)
 *
 * The number after @version: "1.0" when there is none, and never one the
 * rule refuses (2.0 after 1.9999).
 *
 * Returns: (transfer full) (nullable): the next number, or %NULL after
 *   9999.9999, which has none
 */
char *
polisi_version_number_next (const char *version,
                     gboolean    major)
{
  guint a, b;

  if (version == NULL || !polisi_version_number_parse (version, &a, &b))
    return g_strdup ("1.0");
  if (!major && b < POLISI_VERSION_NUMBER_PART_MAX)
    return g_strdup_printf ("%u.%u", a, b + 1);
  if (a < POLISI_VERSION_NUMBER_PART_MAX)
    return g_strdup_printf ("%u.0", a + 1);
  return NULL;
}
