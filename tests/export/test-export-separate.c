/* test-export-separate.c: the "two separate files" layout, written in one
 * place for the command line and the window: a Welsh and an English file,
 * each naming the other, both or neither
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "polisi-assembler.h"
#include "polisi-context.h"
#include "polisi-export.h"
#include "polisi-returned-draft.h"
#include "polisi-policy-io.h"
#include "polisi-test-utils.h"

static PolisiDocument *
example_document (PolisiContext **context_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = polisi_test_example_path ("secondary-wales.polisi");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PolisiPolicy) policy = polisi_policy_load (file, &error);
  PolisiContext *context = polisi_context_new_builtin (&error);

  g_assert_no_error (error);
  *context_out = context;
  return polisi_assemble (policy, polisi_context_get_library (context), POLISI_ASSEMBLE_DEFAULT);
}

static char *
content_of (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) package = g_file_load_bytes (file, NULL, NULL, &error);
  g_autoptr(GBytes) content = NULL;

  g_assert_no_error (error);
  content = polisi_returned_odt_unpack (package, "test", &error);
  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (content, NULL), g_bytes_get_size (content));
}

static void
test_path_with_language (void)
{
  struct { const char *path; PolisiLang lang; const char *expected; } cases[] = {
    { "ysgol/polisi.pdf", POLISI_LANG_CY, "ysgol/polisi-cy.pdf" },
    { "ysgol/polisi.pdf", POLISI_LANG_EN, "ysgol/polisi-en.pdf" },
    { "polisi", POLISI_LANG_CY, "polisi-cy" },
    { "fersiwn-1.0/polisi", POLISI_LANG_EN, "fersiwn-1.0/polisi-en" },
    { "ysgol.gymraeg.odt", POLISI_LANG_EN, "ysgol.gymraeg-en.odt" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = polisi_export_path_with_language (cases[i].path, cases[i].lang);
      g_assert_cmpstr (path, ==, cases[i].expected);
    }
}

static void
test_both_files (void)
{
  g_autoptr(PolisiContext) context = NULL;
  g_autoptr(PolisiDocument) document = example_document (&context);
  g_autofree char *dir = polisi_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "polisi ŵ.odt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GFile *written[POLISI_N_LANGS] = { NULL, NULL };
  PolisiExportOptions options;

  polisi_export_options_init (&options, POLISI_LAYOUT_COLUMNS);
  options.english_first = TRUE;
  g_assert_true (polisi_export_to_separate_files (document, POLISI_FORMAT_ODT, &options, file, written, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_query_exists (file, NULL));
  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      g_autofree char *name = g_file_get_basename (written[lang]);
      g_autofree char *content = content_of (written[lang]);

      g_assert_cmpstr (name, ==, lang == POLISI_LANG_CY ? "polisi ŵ-cy.odt" : "polisi ŵ-en.odt");
      /* each names the other by its language and title, never by a file
       * name that breaks when the file is renamed */
      g_assert_nonnull (strstr (content, lang == POLISI_LANG_CY ? "ar gael yn Saesneg hefyd, mewn ffeil ar wahân"
                                                                : "also available in Welsh, in a separate file"));
      g_assert_null (strstr (content, "polisi ŵ-en.odt"));
      g_assert_null (strstr (content, "polisi ŵ-cy.odt"));
      g_object_unref (written[lang]);
    }
  g_assert_cmpuint (polisi_test_count_entries (dir), ==, 2);
  polisi_test_remove_tree (dir);
}

/* The English file cannot be written: the Welsh one does not stay. */
static void
test_both_or_neither (void)
{
  g_autoptr(PolisiContext) context = NULL;
  g_autoptr(PolisiDocument) document = example_document (&context);
  g_autofree char *dir = polisi_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "polisi.pdf", NULL);
  g_autofree char *blocker = g_build_filename (dir, "polisi-en.pdf", NULL);
  g_autofree char *welsh = g_build_filename (dir, "polisi-cy.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GFile *written[POLISI_N_LANGS] = { NULL, NULL };
  PolisiExportOptions options;

  g_assert_cmpint (g_mkdir (blocker, 0700), ==, 0);
  polisi_export_options_init (&options, POLISI_LAYOUT_CY);
  g_assert_false (polisi_export_to_separate_files (document, POLISI_FORMAT_PDF, &options, file, written, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "polisi-en.pdf"));
  g_assert_null (written[0]);
  g_assert_null (written[1]);
  g_assert_false (g_file_test (welsh, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (polisi_test_count_entries (dir), ==, 1);
  polisi_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export-separate/path-with-language", test_path_with_language);
  g_test_add_func ("/export-separate/both-files", test_both_files);
  g_test_add_func ("/export-separate/both-or-neither", test_both_or_neither);

  return g_test_run ();
}
