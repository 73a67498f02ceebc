/* test-export-options.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "polisi-export.h"

static void
test_init (void)
{
  PolisiExportOptions options;
  PolisiLang langs[POLISI_N_LANGS];

  memset (&options, 0xff, sizeof options);
  polisi_export_options_init (&options, POLISI_LAYOUT_SEQUENTIAL);
  g_assert_cmpint (options.layout, ==, POLISI_LAYOUT_SEQUENTIAL);
  g_assert_false (options.english_first);
  g_assert_false (options.tracked_changes);
  g_assert_null (options.other_file);
  g_assert_null (options.change_author);
  g_assert_null (options.change_date);

  g_assert_cmpuint (polisi_export_get_languages (&options, langs), ==, 2);
  g_assert_cmpint (langs[0], ==, POLISI_LANG_CY);
  g_assert_cmpint (langs[1], ==, POLISI_LANG_EN);
  options.english_first = TRUE;
  g_assert_cmpuint (polisi_export_get_languages (&options, langs), ==, 2);
  g_assert_cmpint (langs[0], ==, POLISI_LANG_EN);
  options.layout = POLISI_LAYOUT_EN;
  g_assert_cmpuint (polisi_export_get_languages (&options, langs), ==, 1);
  g_assert_cmpint (langs[0], ==, POLISI_LANG_EN);
}

/* A copy owns its strings: the caller's may go. */
static void
test_copy (void)
{
  PolisiExportOptions options;
  g_autoptr(PolisiExportOptions) copy = NULL;
  g_autoptr(PolisiExportOptions) second = NULL;
  char *other = g_strdup ("polisi-en.pdf");
  char *author = g_strdup ("Siân Ŵyn Ŷr");

  polisi_export_options_init (&options, POLISI_LAYOUT_CY);
  options.other_file = other;
  options.change_author = author;
  options.tracked_changes = TRUE;

  copy = polisi_export_options_copy (&options);
  memset (other, 'x', strlen (other));
  memset (author, 'x', strlen (author));
  g_free (other);
  g_free (author);

  g_assert_cmpint (copy->layout, ==, POLISI_LAYOUT_CY);
  g_assert_true (copy->tracked_changes);
  g_assert_cmpstr (copy->other_file, ==, "polisi-en.pdf");
  g_assert_cmpstr (copy->change_author, ==, "Siân Ŵyn Ŷr");
  g_assert_null (copy->change_date);

  second = g_boxed_copy (POLISI_TYPE_EXPORT_OPTIONS, copy);
  g_assert_true (second != copy);
  g_assert_true (second->other_file != copy->other_file);
  g_assert_cmpstr (second->change_author, ==, "Siân Ŵyn Ŷr");
  g_assert_cmpstr (g_type_name (POLISI_TYPE_EXPORT_OPTIONS), ==, "PolisiExportOptions");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export-options/init", test_init);
  g_test_add_func ("/export-options/copy", test_copy);

  return g_test_run ();
}
