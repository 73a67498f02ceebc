/* polisi-dates.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dates in files are ISO 8601 (YYYY-MM-DD). Dates in documents are written
 * out in the document's language ("1 Medi 2027", "1 September 2027"),
 * whatever the interface language or the locale: a policy printed on an
 * English desktop still has Welsh month names in its Welsh text.
 *
 * The one rule for a date Polisi keeps is polisi_date_parse_iso(): exactly
 * YYYY-MM-DD, a real day, a year from 1900 to 9999. XML Schema's dates
 * allow more (five-digit and negative years), so a file may hold a date
 * the rule refuses: the checker reports each one (POLISI_FINDING_INVALID_DATE).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "polisi-dates.h"
#include "polisi-error.h"

static const char *month_names[POLISI_N_LANGS][12] = {
  { "Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin",
    "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr" },
  { "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December" },
};

gboolean
polisi_date_parse_iso (const char *text,
                       GDate      *date)
{
  guint year, month, day;
  char tail;

  g_return_val_if_fail (date != NULL, FALSE);

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3)
    return FALSE;
  if (year < 1900 || year > 9999 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/**
 * polisi_date_check_iso:
 * @key: what the date is, as the user named it ("closing-date")
 *
 * As polisi_date_parse_iso(), with a message saying how to write a date.
 */
gboolean
polisi_date_check_iso (const char  *text,
                       const char  *key,
                       GError     **error)
{
  GDate date;

  if (polisi_date_parse_iso (text, &date))
    return TRUE;
  g_set_error (error, POLISI_ERROR, POLISI_ERROR_INVALID_VALUE,
               _("“%s” is not a valid date for %s. Write it as YYYY-MM-DD, for example 2027-03-31."),
               text != NULL ? text : "", key);
  return FALSE;
}

/* A month named in either language, whole or its first three letters,
 * in any case: 1 to 12, or 0. */
static guint
parse_month_name (const char *word)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);
  gsize length = strlen (folded);

  if (length < 3)
    return 0;
  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    for (guint month = 0; month < 12; month++)
      {
        g_autofree char *name = g_utf8_casefold (month_names[lang][month], -1);

        if (strcmp (folded, name) == 0 || (length == 3 && strncmp (folded, name, 3) == 0))
          return month + 1;
      }
  return 0;
}

static gboolean
parse_number (const char *text,
              guint       max_digits,
              guint      *value)
{
  gsize length = strlen (text);

  if (length == 0 || length > max_digits)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  *value = (guint) g_ascii_strtoull (text, NULL, 10);
  return TRUE;
}

/**
 * polisi_date_parse_written:
 *
 * A date as a person types it: YYYY-MM-DD, or the day, the month and the
 * year as Polisi writes them in either language ("31 March 2027",
 * "31 Mawrth 2027", "31 Mar 2027"), or as numbers day first ("31/3/2027",
 * "31.03.2027"), as in Wales and England. The year has four digits and
 * the date follows the rule of polisi_date_parse_iso().
 */
gboolean
polisi_date_parse_written (const char *text,
                           GDate      *date)
{
  g_autofree char *copy = NULL;
  g_auto(GStrv) parts = NULL;
  guint day, month, year;

  g_return_val_if_fail (date != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  copy = g_strstrip (g_strdup (text));
  if (polisi_date_parse_iso (copy, date))
    return TRUE;

  g_strdelimit (copy, "/.,-", ' ');
  parts = g_strsplit (copy, " ", -1);
  {
    /* the words, without the empty ones between repeated spaces */
    guint n = 0;

    for (guint i = 0; parts[i] != NULL; i++)
      if (parts[i][0] != '\0')
        parts[n++] = parts[i];
      else
        g_free (parts[i]);
    parts[n] = NULL;
    if (n != 3)
      return FALSE;
  }
  if (!parse_number (parts[0], 2, &day) || !parse_number (parts[2], 4, &year) || strlen (parts[2]) != 4)
    return FALSE;
  if (!parse_number (parts[1], 2, &month))
    month = parse_month_name (parts[1]);
  if (month < 1 || month > 12 || year < 1900 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

char *
polisi_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

char *
polisi_date_format (const GDate *date,
                    PolisiLang   lang)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%u %s %u",
                          g_date_get_day (date),
                          month_names[lang][g_date_get_month (date) - 1],
                          g_date_get_year (date));
}

/* Adds @months; a day that does not exist in the new month becomes that
 * month's last day (31 January + 1 month = 28 or 29 February). GDate does
 * exactly this. */
void
polisi_date_add_months (GDate *date,
                        guint  months)
{
  g_return_if_fail (date != NULL && g_date_valid (date));
  g_date_add_months (date, months);
}

void
polisi_date_set_today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/* The length of a review cycle as a noun phrase, for "bob {review_cycle}"
 * and "every {review_cycle}": "blwyddyn" / "year", "dwy flynedd" / "two
 * years", "6 mis" / "6 months". */
char *
polisi_date_format_cycle (guint      months,
                          PolisiLang lang)
{
  if (lang == POLISI_LANG_CY)
    {
      switch (months)
        {
        case 1: return g_strdup ("mis");
        case 12: return g_strdup ("blwyddyn");
        case 24: return g_strdup ("dwy flynedd");
        case 36: return g_strdup ("tair blynedd");
        case 48: return g_strdup ("pedair blynedd");
        default:
          if (months % 12 == 0)
            return g_strdup_printf ("%u mlynedd", months / 12);
          return g_strdup_printf ("%u mis", months);
        }
    }

  switch (months)
    {
    case 1: return g_strdup ("month");
    case 12: return g_strdup ("year");
    case 24: return g_strdup ("two years");
    case 36: return g_strdup ("three years");
    default:
      if (months % 12 == 0)
        return g_strdup_printf ("%u years", months / 12);
      return g_strdup_printf ("%u months", months);
    }
}

/**
 * polisi_date_normalize_timestamp:
 * @text: (nullable): "2027-02-01", or a date and time as office programs
 *   write it: "2027-02-01T10:15:00", "2027-02-01T10:15:00.123456789",
 *   "2027-02-01T10:15:00Z"
 *
 * Returns: (transfer full) (nullable): "YYYY-MM-DD" or
 *   "YYYY-MM-DDTHH:MM:SS", as written, without fractions of a second or a
 *   time zone; %NULL when @text does not start with a date
 */
char *
polisi_date_normalize_timestamp (const char *text)
{
  g_autofree char *day = NULL;
  guint hour, minute, second;
  GDate date;

  if (text == NULL || strlen (text) < 10)
    return NULL;
  day = g_strndup (text, 10);
  if (!polisi_date_parse_iso (day, &date))
    return NULL;
  if (text[10] != 'T' ||
      sscanf (text + 11, "%2u:%2u:%2u", &hour, &minute, &second) != 3 ||
      hour > 23 || minute > 59 || second > 59)
    return g_steal_pointer (&day);
  return g_strdup_printf ("%sT%02u:%02u:%02u", day, hour, minute, second);
}
