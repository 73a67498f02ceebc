/* test-atomic-save.c: a save killed at any moment leaves the old file or
 * the new one, whole, and nothing beside it
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "polisi-file.h"
#include "polisi-policy-io.h"
#include "polisi-test-utils.h"

#define KILLS 150

static char *root;

/* Saves @a and @b in turn, for ever, until killed. */
static void G_GNUC_NORETURN
save_forever (const char *path,
              GBytes     *a,
              GBytes     *b)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (guint i = 0;; i++)
    {
      GBytes *bytes = i % 2 == 0 ? b : a;

      polisi_file_replace (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
    }
}

static GBytes *
blob (char     fill,
      gsize    size)
{
  char *data = g_malloc (size);

  memset (data, fill, size);
  for (gsize i = 0; i < size; i += 997)
    data[i] = (char) ('a' + i % 26);
  return g_bytes_new_take (data, size);
}

static void
test_kill_while_saving (void)
{
  g_autofree char *folder = g_build_filename (root, "documents", NULL);
  g_autofree char *path = g_build_filename (folder, "policy.polisi", NULL);
  g_autofree char *partials = g_build_filename (g_get_user_cache_dir (), "polisi", "partial", NULL);
  g_autoptr(GBytes) a = blob ('A', 3 * 1024 * 1024);
  g_autoptr(GBytes) b = blob ('B', 5 * 1024 * 1024 + 17);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint olds = 0, news = 0;
  gint64 start, save_time;

  g_mkdir_with_parents (folder, 0755);
  g_assert_true (polisi_file_replace (file, g_bytes_get_data (a, NULL), g_bytes_get_size (a), NULL));

  /* How long one save takes here (much longer under valgrind or a
   * sanitizer): the kills are spread over a few saves' time. */
  start = g_get_monotonic_time ();
  g_assert_true (polisi_file_replace (file, g_bytes_get_data (b, NULL), g_bytes_get_size (b), NULL));
  g_assert_true (polisi_file_replace (file, g_bytes_get_data (a, NULL), g_bytes_get_size (a), NULL));
  save_time = MAX ((g_get_monotonic_time () - start) / 2, 1000);
  g_test_message ("one save takes %.1f ms", save_time / 1000.0);

  for (guint i = 0; i < KILLS; i++)
    {
      g_autofree char *contents = NULL;
      gsize length;
      int status;
      pid_t pid = fork ();

      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        save_forever (path, a, b);

      /* somewhere in a save: before, during the write, at the rename */
      g_usleep (g_random_int_range (200, (gint32) MIN (save_time * 4, G_USEC_PER_SEC)));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));

      contents = polisi_test_read_file (path, &length);
      if (length == g_bytes_get_size (a) && memcmp (contents, g_bytes_get_data (a, NULL), length) == 0)
        olds++;
      else if (length == g_bytes_get_size (b) && memcmp (contents, g_bytes_get_data (b, NULL), length) == 0)
        news++;
      else
        g_error ("after kill %u the file is neither version (%" G_GSIZE_FORMAT " bytes)", i, length);

      /* nothing beside it */
      g_assert_cmpuint (polisi_test_count_entries (folder), ==, 1);
    }

  g_test_message ("%u kills: %u left the first version, %u the second", KILLS, olds, news);
  g_assert_cmpuint (olds, >, 0);
  g_assert_cmpuint (news, >, 0);

  /* a killed process's partial file, if any, goes at the next save */
  g_assert_true (polisi_file_replace (file, g_bytes_get_data (a, NULL), g_bytes_get_size (a), NULL));
  if (g_file_test (partials, G_FILE_TEST_IS_DIR))
    g_assert_cmpuint (polisi_test_count_entries (partials), ==, 0);
}

/* The same through a policy's own save: the file always loads. */
static void
test_kill_while_saving_policy (void)
{
  g_autoptr(PolisiLibrary) library = polisi_test_load_mini_library ();
  g_autofree char *folder = g_build_filename (root, "policies", NULL);
  g_autofree char *path = g_build_filename (folder, "school.polisi", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PolisiPolicy) policy = polisi_policy_new_from_library (library, POLISI_LANGUAGE_CATEGORY_DUAL);

  g_mkdir_with_parents (folder, 0755);
  polisi_policy_set_name (policy, POLISI_LANG_CY, "Ysgol Gyntaf");
  g_assert_true (polisi_policy_save (policy, file, NULL));

  for (guint i = 0; i < KILLS / 3; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PolisiPolicy) loaded = NULL;
      int status;
      pid_t pid = fork ();

      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          for (guint n = 0;; n++)
            {
              g_autofree char *name = g_strdup_printf ("Ysgol %u", n);
              polisi_policy_set_name (policy, POLISI_LANG_CY, name);
              for (guint k = 0; k < 50; k++)
                {
                  g_autofree char *key = g_strdup_printf ("answer_%u", k);
                  polisi_policy_set_answer (policy, key, name);
                }
              polisi_policy_save (policy, file, NULL);
            }
        }

      g_usleep (g_random_int_range (100, 5000));
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);

      loaded = polisi_policy_load (file, &error);
      g_assert_no_error (error);
      g_assert_nonnull (loaded);
      g_assert_true (g_str_has_prefix (polisi_policy_get_name (loaded, POLISI_LANG_CY), "Ysgol "));
      g_assert_cmpuint (polisi_test_count_entries (folder), ==, 1);
    }
}


/* A folder on another file system than the cache of partial files (a
 * USB stick, a network share): the new file gets its name beside the
 * target for the instant before the rename. A save killed in that instant
 * leaves a hidden partial file there; the next save of the same file
 * removes it, but never one that a running save still holds. */
static void
test_partials_beside_target (void)
{
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autofree char *abandoned = NULL;
  g_autofree char *held = NULL;
  g_autofree char *other = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf root_st, shm_st;
  int held_fd;

  if (g_stat (root, &root_st) != 0 || g_stat ("/dev/shm", &shm_st) != 0 ||
      root_st.st_dev == shm_st.st_dev || g_access ("/dev/shm", W_OK) != 0)
    {
      g_test_skip ("no writable file system other than the cache's (/dev/shm)");
      return;
    }

  folder = g_strdup_printf ("/dev/shm/polisi-test-%d", (int) getpid ());
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  path = g_build_filename (folder, "school.polisi", NULL);
  file = g_file_new_for_path (path);

  polisi_test_write_file (path, "old", 3);
  abandoned = g_build_filename (folder, ".school.polisi.0badf00d.partial", NULL);
  polisi_test_write_file (abandoned, "killed", 6);
  held = g_build_filename (folder, ".school.polisi.0000beef.partial", NULL);
  polisi_test_write_file (held, "running", 7);
  other = g_build_filename (folder, ".another.polisi.0badf00d.partial", NULL);
  polisi_test_write_file (other, "not ours", 8);

  /* a save still running holds its partial file locked */
  held_fd = open (held, O_RDONLY | O_CLOEXEC);
  g_assert_cmpint (held_fd, >=, 0);
  g_assert_cmpint (flock (held_fd, LOCK_EX), ==, 0);

  g_assert_true (polisi_file_replace (file, "new", 3, &error));
  g_assert_no_error (error);
  {
    g_autofree char *contents = polisi_test_read_file (path, NULL);
    g_assert_cmpstr (contents, ==, "new");
  }
  g_assert_false (g_file_test (abandoned, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (held, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  close (held_fd);

  /* now nobody holds it: the next save clears it too */
  g_assert_true (polisi_file_replace (file, "newer", 5, &error));
  g_assert_false (g_file_test (held, G_FILE_TEST_EXISTS));
  /* the target, the other file's partial, and nothing else */
  g_assert_cmpuint (polisi_test_count_entries (folder), ==, 2);

  polisi_test_remove_tree (folder);
}

/* A symbolic link whose file does not exist yet: the new file is made
 * where it points, and the link stays a link. */
static void
test_dangling_link (void)
{
  g_autofree char *folder = g_build_filename (root, "links", NULL);
  g_autofree char *link = g_build_filename (folder, "latest.pdf", NULL);
  g_autofree char *target = g_build_filename (folder, "exports", "policy-2026.pdf", NULL);
  g_autofree char *target_folder = g_path_get_dirname (target);
  g_autoptr(GFile) file = g_file_new_for_path (link);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (g_mkdir_with_parents (target_folder, 0700), ==, 0);
  g_assert_cmpint (symlink ("exports/policy-2026.pdf", link), ==, 0);

  g_assert_true (polisi_file_replace (file, "%PDF", 4, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  {
    g_autofree char *contents = polisi_test_read_file (target, NULL);
    g_assert_cmpstr (contents, ==, "%PDF");
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* the partial files' folder on the same file system as the documents,
   * as a home folder is */
  root = polisi_test_make_temp_dir ();
  {
    g_autofree char *cache = g_build_filename (root, "cache", NULL);
    g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  }

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/atomic-save/kill-while-saving", test_kill_while_saving);
  g_test_add_func ("/atomic-save/kill-while-saving-policy", test_kill_while_saving_policy);
  g_test_add_func ("/atomic-save/partials-beside-target", test_partials_beside_target);
  g_test_add_func ("/atomic-save/dangling-link", test_dangling_link);
  status = g_test_run ();

  polisi_test_remove_tree (root);
  g_free (root);
  return status;
}
