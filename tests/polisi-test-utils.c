/* polisi-test-utils.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "polisi-policy-io.h"
#include "polisi-test-utils.h"

PolisiLibrary *
polisi_test_load_mini_library (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "mini-library.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PolisiLibrary *library = polisi_library_new_from_file (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (library);
  return library;
}

PolisiLegislation *
polisi_test_load_mini_legislation (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "mini-legislation.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GBytes) bytes = NULL;
  PolisiLegislation *legislation;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  legislation = polisi_legislation_new_from_bytes (bytes, "mini-legislation.xml", &error);
  g_assert_no_error (error);
  return legislation;
}

PolisiContext *
polisi_test_builtin_context (void)
{
  g_autoptr(GError) error = NULL;
  PolisiContext *context = polisi_context_new_builtin (&error);

  g_assert_no_error (error);
  g_assert_nonnull (context);
  return context;
}

char *
polisi_test_make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("polisi-test-XXXXXX", &error);

  g_assert_no_error (error);
  return path;
}

void
polisi_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        {
          g_chmod (child, 0755);
          polisi_test_remove_tree (child);
        }
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* How many entries a folder holds, hidden ones too. */
guint
polisi_test_count_entries (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint count = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    count++;
  return count;
}

char *
polisi_test_read_file (const char *path,
                       gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

void
polisi_test_write_file (const char *path,
                        const char *contents,
                        gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

char *
polisi_test_example_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples", name, NULL);
}

/**
 * polisi_test_normalize_space:
 *
 * Collapses every run of white space (no-break spaces too) to one space
 * and trims the ends, so that text from a document and text another
 * reader gives back (LibreOffice, an HTML parser, pdftotext) compare.
 *
 * Returns: (transfer full): the text
 */
char *
polisi_test_normalize_space (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0xA0)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* A word of 300 characters with no place to break it. */
char *
polisi_test_long_word (void)
{
  GString *word = g_string_new (NULL);

  for (guint i = 0; i < 30; i++)
    g_string_append (word, "Llanfairŵŷ");
  g_assert_cmpuint (g_utf8_strlen (word->str, -1), ==, 300);
  return g_string_free (word, FALSE);
}

/**
 * polisi_test_hostile_policy:
 *
 * Every clause of @library included; the organisation and the answers
 * hold hostile text and a 300-character word; one optional answer (the
 * deputy safeguarding person) left empty; one clause edited with hostile
 * text.
 */
PolisiPolicy *
polisi_test_hostile_policy (PolisiLibrary *library)
{
  PolisiPolicy *policy = polisi_policy_new_from_library (library, POLISI_LANGUAGE_CATEGORY_DUAL);
  g_autofree char *word = polisi_test_long_word ();
  PolisiClauseState *state;

  polisi_policy_set_name (policy, POLISI_LANG_CY, "Ysgol " POLISI_TEST_HOSTILE);
  polisi_policy_set_name (policy, POLISI_LANG_EN, "School " POLISI_TEST_HOSTILE);
  polisi_policy_set_answer (policy, "head_teacher", word);
  polisi_policy_set_answer (policy, "safeguarding_lead", "Siân " POLISI_TEST_HOSTILE);
  polisi_policy_set_answer (policy, "deputy_safeguarding_lead", "");

  for (guint i = 0; i < polisi_policy_get_n_clauses (policy); i++)
    polisi_clause_state_set_included (polisi_policy_get_clause (policy, i), TRUE);

  state = polisi_policy_get_clause (policy, 0);
  polisi_clause_state_set_text (state, POLISI_LANG_CY, "Testun " POLISI_TEST_HOSTILE "\n- eitem " POLISI_TEST_WELSH_LETTERS);
  polisi_clause_state_set_text (state, POLISI_LANG_EN, "Text " POLISI_TEST_HOSTILE "\n- item " POLISI_TEST_WELSH_LETTERS);
  polisi_clause_state_confirm_translation (state, POLISI_LANG_CY);
  polisi_clause_state_confirm_translation (state, POLISI_LANG_EN);

  return policy;
}

/**
 * polisi_test_add_hostile_history:
 *
 * Adds version 1.0 to @policy's history, approved by a hostile name: a
 * table with cells of several lines, items and a web address with
 * characters to escape.
 */
void
polisi_test_add_hostile_history (PolisiPolicy *policy)
{
  polisi_policy_add_version_record (policy, "1.0", "2025-09-01", "Corff " POLISI_TEST_HOSTILE,
                                    "Fersiwn gyntaf.\n- newid un\n- gweler https://example.org/a?b=1&c=2.",
                                    "First version.\n- change one\n- see https://example.org/a?b=1&c=2.");
}

PolisiPolicy *
polisi_test_load_example (const char *name)
{
  g_autofree char *path = polisi_test_example_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PolisiPolicy *policy = polisi_policy_load (file, &error);

  g_assert_no_error (error);
  return policy;
}
