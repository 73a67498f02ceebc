/* polisi-test-odt.c: ODT packages as a reader returns them; any zip
 * package unpacked
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Used by the tests and by fuzz/make-seeds, which builds the comment
 * fuzzer's seeds; so nothing here needs the test framework.
 */
#include "config.h"

#include <string.h>

#include <gsf/gsf-infile.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-output-memory.h>

#include "polisi-test-odt.h"

static void
copy_members (GsfInfile  *from,
              GsfOutfile *to,
              const char *content,
              gboolean    store_content)
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

          copy_members (GSF_INFILE (child), GSF_OUTFILE (folder), content, store_content);
          gsf_output_close (folder);
          g_object_unref (folder);
        }
      else
        {
          gboolean store = store_content && strcmp (name, "content.xml") == 0;
          GsfOutput *member = store ? gsf_outfile_new_child_full (to, name, FALSE, "compression-level", GSF_ZIP_STORED, NULL)
                                    : gsf_outfile_new_child (to, name, FALSE);
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
  return polisi_test_odt_repack (package, content, FALSE);
}

/**
 * polisi_test_odt_repack:
 * @content: (nullable): the new content.xml, or %NULL to keep it
 * @store_content: whether content.xml is stored rather than deflated
 *
 * As polisi_test_odt_replace_content(); a stored content.xml lets a
 * fuzzer's mutations of the package reach the XML.
 */
GBytes *
polisi_test_odt_repack (GBytes     *package,
                        const char *content,
                        gboolean    store_content)
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
  copy_members (zip, out, content, store_content);
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
 * @name: "content.xml", "styles.xml", "meta.xml" … (or a DOCX's
 *   "word/document.xml")
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
  {
    /* "word/document.xml": libgsf keeps folders as nested packages */
    g_auto(GStrv) path = g_strsplit (name, "/", -1);

    member = gsf_infile_child_by_aname (zip, (const char **) path);
  }
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

/**
 * polisi_test_odt_rework_bookmarks:
 * @rename: %TRUE to rename Polisi's long clause bookmark names (those of
 *   older drafts; the short anchor names are kept), %FALSE to drop them all
 * @max_name: the longest name kept, or 0 for any
 *
 * Returns: (transfer full): @content without the clause bookmarks (as
 *   when a reader's program loses them), or with their names as Word
 *   saves them: letters, digits and underscores, at most 40 of them
 *   (@max_name 40)
 */
char *
polisi_test_odt_rework_bookmarks (const char *content,
                                  gboolean    rename,
                                  guint       max_name)
{
  GString *out = g_string_new (NULL);
  const char *p = content;
  const char *at;

  while ((at = strstr (p, "<text:bookmark")) != NULL)
    {
      const char *end = strchr (at, '>');
      g_autofree char *element = g_strndup (at, end + 1 - at);

      g_string_append_len (out, p, at - p);
      if (strstr (element, "\"Polisi_") != NULL)
        {
          /* the short anchor names: Word keeps them as they are */
          if (rename)
            g_string_append (out, element);
        }
      else if (strstr (element, "polisi-clause-") == NULL)
        g_string_append (out, element);
      else if (rename)
        {
          /* "polisi-clause-cy-intro.head" -> "polisi_clause_cy_intro_head" */
          const char *name = strstr (element, "polisi-clause-");
          const char *quote = strchr (name, '"');

          g_string_append_len (out, element, name - element);
          for (const char *q = name; q < quote && (max_name == 0 || q < name + max_name); q++)
            g_string_append_c (out, g_ascii_isalnum (*q) ? *q : '_');
          g_string_append (out, quote);
        }
      p = end + 1;
    }
  g_string_append (out, p);
  return g_string_free (out, FALSE);
}

static void
unpack_folder (GsfInfile  *folder,
               const char *prefix,
               const char *dir,
               GHashTable *parts)
{
  int n = gsf_infile_num_children (folder);

  for (int i = 0; i < n; i++)
    {
      GsfInput *child = gsf_infile_child_by_index (folder, i);
      const char *name = gsf_infile_name_by_index (folder, i);
      g_autofree char *path = prefix != NULL ? g_strdup_printf ("%s/%s", prefix, name) : g_strdup (name);

      g_assert_nonnull (child);
      if (GSF_IS_INFILE (child) && gsf_infile_num_children (GSF_INFILE (child)) >= 0)
        {
          g_autofree char *subdir = g_build_filename (dir, path, NULL);

          g_assert_cmpint (g_mkdir_with_parents (subdir, 0755), ==, 0);
          unpack_folder (GSF_INFILE (child), path, dir, parts);
        }
      else
        {
          gsf_off_t size = gsf_input_size (child);
          const guint8 *data = size > 0 ? gsf_input_read (child, size, NULL) : (const guint8 *) "";
          g_autofree char *target = g_build_filename (dir, path, NULL);
          g_autoptr(GError) error = NULL;

          g_assert_nonnull (data);
          g_file_set_contents (target, (const char *) data, size, &error);
          g_assert_no_error (error);
          g_hash_table_insert (parts, g_strdup (path), g_bytes_new (data, size));
        }
      g_object_unref (child);
    }
}

/**
 * polisi_test_package_unpack:
 * @package: a zip package (ODT, DOCX)
 * @dir: a folder to unpack it into, made if missing
 *
 * Unpacks @package with libgsf's own zip reader, every part written under
 * @dir (for the schema validators) and kept in memory.
 *
 * Returns: (transfer full): each part's path in the package ("word/
 *   document.xml") -> its bytes
 */
GHashTable *
polisi_test_package_unpack (GBytes     *package,
                            const char *dir)
{
  GHashTable *parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  g_autoptr(GError) error = NULL;
  GsfInput *input;
  GsfInfile *zip;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  input = gsf_input_memory_new (g_bytes_get_data (package, NULL), g_bytes_get_size (package), FALSE);
  zip = gsf_infile_zip_new (input, &error);
  g_assert_no_error (error);
  g_assert_nonnull (zip);
  unpack_folder (zip, NULL, dir, parts);
  g_object_unref (zip);
  g_object_unref (input);
  return parts;
}
