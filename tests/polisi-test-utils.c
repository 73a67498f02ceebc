/* polisi-test-utils.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-output-memory.h>

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

/* Replacing the content of an ODT ------------------------------------------ */

static void
copy_members (GsfInfile  *from,
              GsfOutfile *to,
              const char *content)
{
  for (int i = 0; i < gsf_infile_num_children (from); i++)
    {
      GsfInput *child = gsf_infile_child_by_index (from, i);
      const char *name = gsf_infile_name_by_index (from, i);

      if (strcmp (name, "mimetype") == 0)
        ;
      else if (GSF_IS_INFILE (child) && gsf_infile_num_children (GSF_INFILE (child)) >= 0)
        {
          GsfOutput *folder = gsf_outfile_new_child (to, name, TRUE);

          copy_members (GSF_INFILE (child), GSF_OUTFILE (folder), content);
          gsf_output_close (folder);
          g_object_unref (folder);
        }
      else
        {
          GsfOutput *member = gsf_outfile_new_child (to, name, FALSE);
          gsf_off_t size = gsf_input_size (child);

          if (strcmp (name, "content.xml") == 0 && content != NULL)
            gsf_output_write (member, strlen (content), (const guint8 *) content);
          else if (size > 0)
            gsf_output_write (member, size, gsf_input_read (child, size, NULL));
          gsf_output_close (member);
          g_object_unref (member);
        }
      g_object_unref (child);
    }
}

/**
 * polisi_test_odt_replace_content:
 *
 * The ODT @package with @content as its content.xml, written as an office
 * program writes it: mimetype first and stored. For tests that play a
 * reader who adds comments to a consultation draft.
 */
GBytes *
polisi_test_odt_replace_content (GBytes     *package,
                                 const char *content)
{
  g_autoptr(GError) error = NULL;
  GsfInput *input = gsf_input_memory_new (g_bytes_get_data (package, NULL), g_bytes_get_size (package), FALSE);
  GsfInfile *zip = gsf_infile_zip_new (input, &error);
  GsfOutput *sink = gsf_output_memory_new ();
  GsfOutfile *out = g_object_new (GSF_OUTFILE_ZIP_TYPE, "sink", sink, "zip64", FALSE, NULL);
  GsfOutput *mimetype = gsf_outfile_new_child_full (out, "mimetype", FALSE, "compression-level", GSF_ZIP_STORED, NULL);
  const char *type = "application/vnd.oasis.opendocument.text";
  GBytes *bytes;

  g_assert_no_error (error);
  gsf_output_write (mimetype, strlen (type), (const guint8 *) type);
  gsf_output_close (mimetype);
  g_object_unref (mimetype);
  copy_members (zip, out, content);
  gsf_output_close (GSF_OUTPUT (out));
  gsf_output_close (sink);
  bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)), gsf_output_size (sink));

  g_object_unref (out);
  g_object_unref (sink);
  g_object_unref (zip);
  g_object_unref (input);
  return bytes;
}

/**
 * polisi_test_odt_member:
 * @name: "content.xml", "styles.xml", "meta.xml" …
 *
 * Returns: (transfer full): the text of that member of an ODT package
 */
char *
polisi_test_odt_member (GBytes     *package,
                        const char *name)
{
  g_autoptr(GError) error = NULL;
  GsfInput *input = gsf_input_memory_new (g_bytes_get_data (package, NULL), g_bytes_get_size (package), FALSE);
  GsfInfile *zip = gsf_infile_zip_new (input, &error);
  GsfInput *member;
  char *text;
  gsf_off_t size;

  g_assert_no_error (error);
  member = gsf_infile_child_by_name (zip, name);
  g_assert_nonnull (member);
  size = gsf_input_size (member);
  text = g_malloc (size + 1);
  g_assert_nonnull (gsf_input_read (member, size, (guint8 *) text));
  text[size] = '\0';

  g_object_unref (member);
  g_object_unref (zip);
  g_object_unref (input);
  return text;
}
