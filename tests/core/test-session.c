/* test-session.c: a policy open in a session: saving, autosave, recovery,
 * changes made on disk by others, read-only and hard-linked files, and
 * two sessions changing the same file at once; no display
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "polisi-error.h"
#include "polisi-policy-io.h"
#include "polisi-session.h"
#include "polisi-test-utils.h"

typedef struct {
  char          *dir;
  char          *path;
  GFile         *file;
  PolisiRecovery  *recovery;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *example = polisi_test_example_path ("secondary-wales.polisi");
  g_autofree char *contents = polisi_test_read_file (example, NULL);
  g_autofree char *recovery = NULL;

  fixture->dir = polisi_test_make_temp_dir ();
  fixture->path = g_build_filename (fixture->dir, "polisi cyfryngau.polisi", NULL);
  polisi_test_write_file (fixture->path, contents, -1);
  fixture->file = g_file_new_for_path (fixture->path);
  recovery = g_build_filename (fixture->dir, "recovery", NULL);
  fixture->recovery = polisi_recovery_new (recovery);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->recovery);
  g_clear_object (&fixture->file);
  g_chmod (fixture->path, 0644);
  polisi_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static char *
read_path (const char *path)
{
  return polisi_test_read_file (path, NULL);
}

static PolisiPolicy *
load_direct (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PolisiPolicy *policy = polisi_policy_load (file, &error);

  g_assert_no_error (error);
  return policy;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_new_and_finalize (Fixture       *fixture,
                       gconstpointer  data)
{
  PolisiSession *session = polisi_session_new (fixture->recovery);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (polisi_session_get_recovery_id (session));
  g_assert_null (polisi_session_get_policy (session));
  g_assert_true (polisi_session_load (session, fixture->file, POLISI_LOAD_LOCK, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (session);

  session = polisi_session_new (NULL);
  g_assert_null (polisi_session_get_recovery_id (session));
  g_assert_finalize_object (session);
}

static void
test_properties (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(PolisiSession) session = polisi_session_new (fixture->recovery);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(PolisiPolicy) policy = NULL;
  gboolean modified;
  guint n_policy = 0, n_file = 0, n_modified = 0, n_interval = 0, n_recovery_id = 0;
  guint interval;

  polisi_test_assert_explicit_notify (POLISI_TYPE_SESSION);
  g_signal_connect (session, "notify::policy", G_CALLBACK (count_notify), &n_policy);
  g_signal_connect (session, "notify::file", G_CALLBACK (count_notify), &n_file);
  g_signal_connect (session, "notify::modified", G_CALLBACK (count_notify), &n_modified);
  g_signal_connect (session, "notify::autosave-interval", G_CALLBACK (count_notify), &n_interval);
  g_signal_connect (session, "notify::recovery-id", G_CALLBACK (count_notify), &n_recovery_id);

  g_assert_true (polisi_session_load (session, fixture->file, POLISI_LOAD_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_policy, ==, 1);
  g_assert_cmpuint (n_file, ==, 1);
  g_assert_cmpuint (n_modified, ==, 0);
  g_assert_cmpuint (n_recovery_id, ==, 1);   /* a new policy, a new recovery id */

  g_object_get (session, "policy", &policy, "file", &file, "modified", &modified, NULL);
  g_assert_true (policy == polisi_session_get_policy (session));
  g_assert_true (g_file_equal (file, fixture->file));
  g_assert_false (modified);

  /* a change marks it modified once; a second change does not notify */
  polisi_policy_set_name (policy, POLISI_LANG_CY, "Ysgol Gyfun Llanŵy");
  polisi_policy_set_name (policy, POLISI_LANG_EN, "Llanŵy Comprehensive School");
  g_assert_true (polisi_session_get_modified (session));
  g_assert_cmpuint (n_modified, ==, 1);

  /* the same file again: no notify::file, a new policy */
  g_assert_true (polisi_session_load (session, fixture->file, POLISI_LOAD_DEFAULT, &error));
  g_assert_cmpuint (n_file, ==, 1);
  g_assert_cmpuint (n_policy, ==, 2);
  g_assert_cmpuint (n_modified, ==, 2);
  g_assert_false (polisi_session_get_modified (session));

  polisi_session_set_autosave_interval (session, 9);
  polisi_session_set_autosave_interval (session, 9);
  g_object_get (session, "autosave-interval", &interval, NULL);
  g_assert_cmpuint (interval, ==, 9);
  g_assert_cmpuint (n_interval, ==, 1);
  g_object_set (session, "modified", TRUE, NULL);
  g_assert_cmpuint (n_modified, ==, 3);
  g_object_set (session, "modified", TRUE, NULL);
  g_assert_cmpuint (n_modified, ==, 3);
}

static void
test_load_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PolisiSession) session = polisi_session_new (NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "nid-yma.polisi", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (missing);
  g_autoptr(GError) error = NULL;
  PolisiPolicy *before;

  g_assert_true (polisi_session_load (session, fixture->file, POLISI_LOAD_DEFAULT, &error));
  before = polisi_session_get_policy (session);
  g_assert_false (polisi_session_load (session, file, POLISI_LOAD_LOCK, &error));
  g_assert_error (error, POLISI_ERROR, POLISI_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "nid-yma.polisi"));
  /* the session keeps what it had */
  g_assert_true (polisi_session_get_policy (session) == before);
  g_assert_true (g_file_equal (polisi_session_get_file (session), fixture->file));
}

static void
test_save (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(PolisiSession) session = polisi_session_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiPolicy) back = NULL;
  g_autofree char *other_path = g_build_filename (fixture->dir, "copi.polisi", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);

  g_assert_true (polisi_session_load (session, fixture->file, POLISI_LOAD_DEFAULT, &error));
  polisi_policy_set_name (polisi_session_get_policy (session), POLISI_LANG_CY, "Ysgol Ŷ Ŵ ẁẃẅỳ");
  g_assert_true (polisi_session_save (session, NULL, POLISI_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_false (polisi_session_get_modified (session));
  back = load_direct (fixture->path);
  g_assert_cmpstr (polisi_policy_get_name (back, POLISI_LANG_CY), ==, "Ysgol Ŷ Ŵ ẁẃẅỳ");
  g_assert_true (polisi_policy_equal (back, polisi_session_get_policy (session)));

  /* saving again after our own save is no conflict */
  polisi_policy_set_name (polisi_session_get_policy (session), POLISI_LANG_EN, "Ŷ School");
  g_assert_true (polisi_session_save (session, NULL, POLISI_SAVE_DEFAULT, &error));
  g_assert_no_error (error);

  /* Save As: the session follows the new file */
  g_assert_true (polisi_session_save (session, other, POLISI_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (polisi_session_get_file (session), other));
  g_clear_object (&back);
  back = load_direct (other_path);
  g_assert_cmpstr (polisi_policy_get_name (back, POLISI_LANG_EN), ==, "Ŷ School");
}

/* Writes @contents into @path in place (the same inode, as cp -p does) and
 * gives it back the modification time it had. */
static void
write_keeping_time (const char *path,
                    const char *contents)
{
  struct stat st;
  struct timespec times[2];
  int fd;

  g_assert_cmpint (stat (path, &st), ==, 0);
  fd = open (path, O_WRONLY | O_TRUNC);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, contents, strlen (contents)), ==, (gssize) strlen (contents));
  close (fd);
  times[0] = st.st_atim;
  times[1] = st.st_mtim;
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
}

static void
test_changed_on_disk (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(PolisiSession) session = polisi_session_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *original = read_path (fixture->path);
  g_autofree char *theirs = NULL;
  g_autofree char *after = NULL;
  g_autoptr(PolisiPolicy) back = NULL;
  char *at;
  struct stat before, now;
  guint n_changed = 0;

  g_assert_true (polisi_session_load (session, fixture->file, POLISI_LOAD_DEFAULT, &error));
  g_signal_connect (session, "notify::changed-on-disk", G_CALLBACK (count_notify), &n_changed);
  g_assert_false (polisi_session_check_disk (session));

  /* someone else changes one letter of the file: same size, same inode,
   * same modification time */
  theirs = g_strdup (original);
  at = strstr (theirs, "Ysgol");
  g_assert_nonnull (at);
  at[0] = 'Z';
  g_assert_cmpint (stat (fixture->path, &before), ==, 0);
  write_keeping_time (fixture->path, theirs);
  g_assert_cmpint (stat (fixture->path, &now), ==, 0);
  g_assert_true (before.st_ino == now.st_ino && before.st_size == now.st_size &&
                 before.st_mtim.tv_sec == now.st_mtim.tv_sec && before.st_mtim.tv_nsec == now.st_mtim.tv_nsec);

  g_assert_true (polisi_session_check_disk (session));
  g_assert_true (polisi_session_get_changed_on_disk (session));
  g_assert_cmpuint (n_changed, ==, 1);

  /* a save does not overwrite their change */
  polisi_policy_set_name (polisi_session_get_policy (session), POLISI_LANG_EN, "Our Change");
  g_assert_false (polisi_session_save (session, NULL, POLISI_SAVE_DEFAULT, &error));
  g_assert_error (error, POLISI_ERROR, POLISI_ERROR_CHANGED_ON_DISK);
  g_assert_nonnull (strstr (error->message, "polisi cyfryngau.polisi"));
  g_clear_error (&error);
  after = read_path (fixture->path);
  g_assert_cmpstr (after, ==, theirs);
  g_assert_true (polisi_session_get_modified (session));

  /* unless asked to */
  g_assert_true (polisi_session_save (session, NULL, POLISI_SAVE_REPLACE_CHANGED, &error));
  g_assert_no_error (error);
  g_assert_false (polisi_session_get_changed_on_disk (session));
  back = load_direct (fixture->path);
  g_assert_cmpstr (polisi_policy_get_name (back, POLISI_LANG_EN), ==, "Our Change");

  /* a new file put in its place (rsync -t: a new inode, the old time) */
  {
    g_autofree char *tmp = g_build_filename (fixture->dir, "rsync.tmp", NULL);
    g_autofree char *ours = read_path (fixture->path);
    g_autofree char *replaced = g_strdup (ours);

    at = strstr (replaced, "Our Change");
    g_assert_nonnull (at);
    at[0] = 'X';
    polisi_test_write_file (tmp, replaced, -1);
    g_assert_cmpint (stat (fixture->path, &before), ==, 0);
    {
      struct timespec times[2] = { before.st_atim, before.st_mtim };
      g_assert_cmpint (utimensat (AT_FDCWD, tmp, times, 0), ==, 0);
    }
    g_assert_cmpint (g_rename (tmp, fixture->path), ==, 0);
    polisi_policy_set_name (polisi_session_get_policy (session), POLISI_LANG_EN, "Our Second Change");
    g_assert_false (polisi_session_save (session, NULL, POLISI_SAVE_DEFAULT, &error));
    g_assert_error (error, POLISI_ERROR, POLISI_ERROR_CHANGED_ON_DISK);
    g_clear_error (&error);
    g_free (after);
    after = read_path (fixture->path);
    g_assert_cmpstr (after, ==, replaced);
  }
}

static gboolean
wait_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @session's changed-on-disk is @expected, or
 * for @ms milliseconds at most; returns its value. */
static gboolean
wait_for_changed_on_disk (PolisiSession *session,
                          gboolean       expected,
                          guint          ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (ms, wait_timeout, &timed_out);

  while (!timed_out && polisi_session_get_changed_on_disk (session) != expected)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return polisi_session_get_changed_on_disk (session);
}

/* Runs the main loop for @ms milliseconds. */
static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, wait_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_watch_disk (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(PolisiSession) session = polisi_session_new (fixture->recovery);
  g_autoptr(GError) error = NULL;
  g_autofree char *original = read_path (fixture->path);
  g_autofree char *theirs = NULL;
  g_autofree char *tmp = g_build_filename (fixture->dir, "theirs.tmp", NULL);
  guint n_watch = 0;
  char *at;

  g_signal_connect (session, "notify::watch-disk", G_CALLBACK (count_notify), &n_watch);
  g_assert_false (polisi_session_get_watch_disk (session));
  g_object_set (session, "watch-disk", TRUE, NULL);
  g_object_set (session, "watch-disk", TRUE, NULL);
  g_assert_true (polisi_session_get_watch_disk (session));
  g_assert_cmpuint (n_watch, ==, 1);

  g_assert_true (polisi_session_load (session, fixture->file, POLISI_LOAD_DEFAULT, &error));
  g_assert_no_error (error);

  /* the session's own saves are not someone else's change */
  polisi_policy_set_name (polisi_session_get_policy (session), POLISI_LANG_EN, "Our Change");
  g_assert_true (polisi_session_save (session, NULL, POLISI_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  run_for (800);
  g_assert_false (polisi_session_get_changed_on_disk (session));

  /* another program writes the file in place: noticed without a save */
  theirs = read_path (fixture->path);
  at = strstr (theirs, "Our Change");
  g_assert_nonnull (at);
  at[0] = 'Z';
  polisi_test_write_file (fixture->path, theirs, -1);
  g_assert_true (wait_for_changed_on_disk (session, TRUE, 5000));
  g_assert_false (polisi_session_get_modified (session));

  /* opened again, the session knows the file as it is now */
  g_assert_true (polisi_session_load (session, fixture->file, POLISI_LOAD_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_false (polisi_session_get_changed_on_disk (session));
  g_assert_cmpstr (polisi_policy_get_name (polisi_session_get_policy (session), POLISI_LANG_EN), ==, "Zur Change");

  /* another program replaces it by renaming a new file over it, as most
   * editors and synchronising tools do */
  polisi_test_write_file (tmp, original, -1);
  g_assert_cmpint (g_rename (tmp, fixture->path), ==, 0);
  g_assert_true (wait_for_changed_on_disk (session, TRUE, 5000));

  /* a save that replaces their change on purpose clears it */
  g_assert_true (polisi_session_save (session, NULL, POLISI_SAVE_REPLACE_CHANGED, &error));
  g_assert_no_error (error);
  run_for (800);
  g_assert_false (polisi_session_get_changed_on_disk (session));

  /* not watching: nothing is noticed until asked */
  g_object_set (session, "watch-disk", FALSE, NULL);
  polisi_test_write_file (fixture->path, original, -1);
  run_for (800);
  g_assert_false (polisi_session_get_changed_on_disk (session));
  g_assert_true (polisi_session_check_disk (session));
  g_assert_cmpuint (n_watch, ==, 2);
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PolisiSession) session = polisi_session_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *original = read_path (fixture->path);
  g_autofree char *after = NULL;
  PolisiTestNotify read_only;

  polisi_test_notify_watch (&read_only, session, "read-only");
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  g_assert_true (polisi_session_load (session, fixture->file, POLISI_LOAD_LOCK, &error));
  g_assert_no_error (error);
  g_assert_true (polisi_session_get_read_only (session));
  /* read-only notifies when it becomes true, not when it stays so */
  g_assert_cmpuint (read_only.count, ==, 1);
  g_assert_true (polisi_session_load (session, fixture->file, POLISI_LOAD_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (read_only.count, ==, 1);
  polisi_test_notify_unwatch (&read_only);

  polisi_policy_set_name (polisi_session_get_policy (session), POLISI_LANG_EN, "Changed");
  g_assert_false (polisi_session_save (session, NULL, POLISI_SAVE_REPLACE_CHANGED | POLISI_SAVE_SPLIT_LINKS, &error));
  g_assert_error (error, POLISI_ERROR, POLISI_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));
  after = read_path (fixture->path);
  g_assert_cmpstr (after, ==, original);
  g_assert_true (polisi_session_get_modified (session));
}

static void
test_hard_link (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PolisiSession) session = polisi_session_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *link_path = g_build_filename (fixture->dir, "link.polisi", NULL);
  g_autofree char *original = read_path (fixture->path);
  g_autofree char *after = NULL;
  g_autofree char *linked = NULL;
  g_autoptr(PolisiPolicy) back = NULL;
  struct stat st;

  g_assert_cmpint (link (fixture->path, link_path), ==, 0);
  g_assert_true (polisi_session_load (session, fixture->file, POLISI_LOAD_DEFAULT, &error));
  polisi_policy_set_name (polisi_session_get_policy (session), POLISI_LANG_EN, "Changed");

  g_assert_false (polisi_session_save (session, NULL, POLISI_SAVE_DEFAULT, &error));
  g_assert_error (error, POLISI_ERROR, POLISI_ERROR_HARD_LINKED);
  g_clear_error (&error);
  after = read_path (fixture->path);
  g_assert_cmpstr (after, ==, original);
  g_assert_cmpint (stat (fixture->path, &st), ==, 0);
  g_assert_cmpuint (st.st_nlink, ==, 2);

  /* asked to, the name gets a file of its own; the other keeps the old */
  g_assert_true (polisi_session_save (session, NULL, POLISI_SAVE_SPLIT_LINKS, &error));
  g_assert_no_error (error);
  back = load_direct (fixture->path);
  g_assert_cmpstr (polisi_policy_get_name (back, POLISI_LANG_EN), ==, "Changed");
  linked = read_path (link_path);
  g_assert_cmpstr (linked, ==, original);
}

static void
wait_for_file (const char *path)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!g_file_test (path, G_FILE_TEST_IS_REGULAR) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE), g_usleep (10000);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_autosave_and_recovery (Fixture       *fixture,
                            gconstpointer  data)
{
  PolisiSession *session = polisi_session_new (fixture->recovery);
  g_autoptr(PolisiSession) recovering = NULL;
  g_autoptr(PolisiSession) other = NULL;
  g_autoptr(PolisiRecovery) elsewhere = polisi_recovery_new (polisi_recovery_get_folder (fixture->recovery));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(PolisiRecoveryInfo) info = NULL;
  g_autoptr(PolisiPolicy) expected = NULL;
  g_autoptr(GKeyFile) note = g_key_file_new ();
  g_autofree char *id = NULL;
  g_autofree char *copy_path = NULL;
  g_autofree char *note_path = NULL;
  gboolean older = TRUE;

  polisi_session_set_autosave_interval (session, 1);
  g_assert_true (polisi_session_load (session, fixture->file, POLISI_LOAD_DEFAULT, &error));
  id = g_strdup (polisi_session_get_recovery_id (session));
  copy_path = g_strdup_printf ("%s/%s.polisi", polisi_recovery_get_folder (fixture->recovery), id);
  note_path = g_strdup_printf ("%s/%s.draft", polisi_recovery_get_folder (fixture->recovery), id);

  /* no change, no recovery copy */
  g_usleep (G_USEC_PER_SEC / 10);
  g_main_context_iteration (NULL, FALSE);
  g_assert_false (g_file_test (copy_path, G_FILE_TEST_EXISTS));

  polisi_policy_set_answer (polisi_session_get_policy (session), "head_teacher", "Mrs Siân Ŵyn");
  wait_for_file (copy_path);
  expected = g_object_ref (polisi_session_get_policy (session));

  /* the note says nothing of process ids */
  g_assert_true (g_key_file_load_from_file (note, note_path, G_KEY_FILE_NONE, NULL));
  g_assert_false (g_key_file_has_key (note, "Draft", "Process", NULL));
  g_assert_true (g_key_file_has_key (note, "Draft", "Base", NULL));

  /* a live session's recovery copy is not offered, not even in this process */
  orphans = polisi_recovery_list_orphans (elsewhere);
  g_assert_cmpuint (orphans->len, ==, 0);
  g_clear_pointer (&orphans, g_ptr_array_unref);

  /* the session ends without closing, as in a crash */
  g_object_unref (session);
  orphans = polisi_recovery_list_orphans (elsewhere);
  g_assert_cmpuint (orphans->len, ==, 1);
  g_assert_cmpstr (((PolisiRecoveryInfo *) orphans->pdata[0])->id, ==, id);

  /* opening the file finds it, not older than the file */
  recovering = polisi_session_new (elsewhere);
  g_assert_true (polisi_session_load (recovering, fixture->file, POLISI_LOAD_DEFAULT, &error));
  info = polisi_session_find_recovery_copy (recovering, &older);
  g_assert_nonnull (info);
  g_assert_cmpstr (info->id, ==, id);
  g_assert_false (older);
  g_clear_pointer (&info, polisi_recovery_info_free);

  /* someone saves the file since: the copy is now older than it */
  other = polisi_session_new (NULL);
  g_assert_true (polisi_session_load (other, fixture->file, POLISI_LOAD_DEFAULT, &error));
  polisi_policy_set_name (polisi_session_get_policy (other), POLISI_LANG_EN, "Saved Since");
  g_assert_true (polisi_session_save (other, NULL, POLISI_SAVE_DEFAULT, &error));
  info = polisi_session_find_recovery_copy (recovering, &older);
  g_assert_nonnull (info);
  g_assert_true (older);
  g_assert_true (polisi_recovery_info_is_superseded (info));

  /* recovered, it is the autosaved policy, unsaved changes to the file */
  g_assert_true (polisi_session_recover (recovering, id, &error));
  g_assert_no_error (error);
  g_assert_true (polisi_policy_equal (polisi_session_get_policy (recovering), expected));
  g_assert_true (polisi_session_get_modified (recovering));
  g_assert_true (g_file_equal (polisi_session_get_file (recovering), fixture->file));
  g_assert_cmpstr (polisi_session_get_recovery_id (recovering), ==, id);
  /* it is this session's now */
  g_clear_pointer (&orphans, g_ptr_array_unref);
  orphans = polisi_recovery_list_orphans (fixture->recovery);
  g_assert_cmpuint (orphans->len, ==, 0);
  /* the file changed after the copy began: saving asks first */
  g_assert_false (polisi_session_save (recovering, NULL, POLISI_SAVE_DEFAULT, &error));
  g_assert_error (error, POLISI_ERROR, POLISI_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);

  /* closing on purpose removes it */
  polisi_session_close (recovering);
  g_assert_false (g_file_test (copy_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (note_path, G_FILE_TEST_EXISTS));
}

static void
test_save_removes_recovery_copy (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(PolisiSession) session = polisi_session_new (fixture->recovery);
  g_autoptr(GError) error = NULL;
  g_autofree char *copy_path = NULL;

  g_assert_true (polisi_session_load (session, fixture->file, POLISI_LOAD_DEFAULT, &error));
  copy_path = g_strdup_printf ("%s/%s.polisi", polisi_recovery_get_folder (fixture->recovery),
                                polisi_session_get_recovery_id (session));
  polisi_policy_set_name (polisi_session_get_policy (session), POLISI_LANG_EN, "Changed");
  g_assert_true (polisi_session_autosave_now (session, &error));
  g_assert_true (g_file_test (copy_path, G_FILE_TEST_EXISTS));
  g_assert_true (polisi_session_save (session, NULL, POLISI_SAVE_DEFAULT, &error));
  g_assert_false (g_file_test (copy_path, G_FILE_TEST_EXISTS));
}

static void
on_async_done (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  GAsyncResult **out = data;

  *out = g_object_ref (result);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(PolisiSession) session = polisi_session_new (NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiPolicy) back = NULL;
  guint n_saving = 0;

  polisi_session_load_async (session, fixture->file, NULL, on_async_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (polisi_session_load_finish (session, result, &error));
  g_assert_no_error (error);
  g_assert_nonnull (polisi_session_get_policy (session));
  g_clear_object (&result);

  /* a change made while the save is under way stays to be saved */
  g_signal_connect (session, "notify::saving", G_CALLBACK (count_notify), &n_saving);
  polisi_policy_set_name (polisi_session_get_policy (session), POLISI_LANG_EN, "Before the Save");
  polisi_session_save_async (session, NULL, POLISI_SAVE_DEFAULT, NULL, on_async_done, &result);
  g_assert_true (polisi_session_get_saving (session));
  g_assert_cmpuint (n_saving, ==, 1);
  polisi_policy_set_name (polisi_session_get_policy (session), POLISI_LANG_CY, "Ar ôl Cadw");
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (polisi_session_save_finish (session, result, &error));
  g_assert_false (polisi_session_get_saving (session));
  g_assert_cmpuint (n_saving, ==, 2);
  g_assert_no_error (error);
  g_assert_true (polisi_session_get_modified (session));
  back = load_direct (fixture->path);
  g_assert_cmpstr (polisi_policy_get_name (back, POLISI_LANG_EN), ==, "Before the Save");
  g_assert_cmpstr (polisi_policy_get_name (back, POLISI_LANG_CY), !=, "Ar ôl Cadw");
  g_clear_object (&result);

  /* an async save refused like a sync one */
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  polisi_session_save_async (session, NULL, POLISI_SAVE_DEFAULT, NULL, on_async_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (polisi_session_save_finish (session, result, &error));
  g_assert_error (error, POLISI_ERROR, POLISI_ERROR_READ_ONLY);
}

typedef struct {
  const char *path;
  char       *name_seen;
  gint64      waited;
} Second;

static gpointer
second_command (gpointer data)
{
  Second *second = data;
  g_autoptr(PolisiSession) session = polisi_session_new (NULL);
  g_autoptr(GFile) file = g_file_new_for_path (second->path);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_true (polisi_session_load (session, file, POLISI_LOAD_LOCK, &error));
  g_assert_no_error (error);
  second->waited = g_get_monotonic_time () - start;
  second->name_seen = g_strdup (polisi_policy_get_name (polisi_session_get_policy (session), POLISI_LANG_EN));
  polisi_policy_set_name (polisi_session_get_policy (session), POLISI_LANG_CY, "Ail Newid");
  g_assert_true (polisi_session_save (session, NULL, POLISI_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  return NULL;
}

/* Recovery in a worker thread: nothing of the session changes until the
 * main loop runs the result; then it is as polisi_session_recover() leaves
 * it. A copy that cannot be read leaves the session as it was. */
static void
test_recover_async (Fixture       *fixture,
                    gconstpointer  data)
{
  PolisiSession *crashed = polisi_session_new (fixture->recovery);
  g_autoptr(PolisiRecovery) elsewhere = polisi_recovery_new (polisi_recovery_get_folder (fixture->recovery));
  g_autoptr(PolisiSession) recovering = polisi_session_new (elsewhere);
  g_autoptr(PolisiPolicy) expected = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autofree char *id = NULL;
  g_autofree char *before_id = NULL;
  guint n_recovery_id = 0;

  g_assert_true (polisi_session_load (crashed, fixture->file, POLISI_LOAD_DEFAULT, &error));
  polisi_policy_set_answer (polisi_session_get_policy (crashed), "head_teacher", "Mr Ŷwain ap Ŵyn");
  g_assert_true (polisi_session_autosave_now (crashed, &error));
  g_assert_no_error (error);
  id = g_strdup (polisi_session_get_recovery_id (crashed));
  expected = g_object_ref (polisi_session_get_policy (crashed));
  g_object_unref (crashed);   /* not closed: a crash */

  /* a copy that cannot be read: an error, the session as it was */
  before_id = g_strdup (polisi_session_get_recovery_id (recovering));
  polisi_session_recover_async (recovering, "00000000-0000-4000-8000-000000000000", NULL, on_async_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (polisi_session_recover_finish (recovering, result, &error));
  g_assert_error (error, POLISI_ERROR, POLISI_ERROR_IO);
  g_clear_error (&error);
  g_clear_object (&result);
  g_assert_null (polisi_session_get_policy (recovering));
  g_assert_cmpstr (polisi_session_get_recovery_id (recovering), ==, before_id);

  g_signal_connect (recovering, "notify::recovery-id", G_CALLBACK (count_notify), &n_recovery_id);
  polisi_session_recover_async (recovering, id, NULL, on_async_done, &result);
  /* read in a worker thread: the session changes only in _finish() */
  g_assert_null (polisi_session_get_policy (recovering));
  g_assert_cmpuint (n_recovery_id, ==, 0);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (polisi_session_recover_finish (recovering, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_recovery_id, ==, 1);
  g_assert_cmpstr (polisi_session_get_recovery_id (recovering), ==, id);
  g_assert_true (polisi_policy_equal (polisi_session_get_policy (recovering), expected));
  g_assert_cmpstr (polisi_policy_get_answer (polisi_session_get_policy (recovering), "head_teacher", POLISI_LANG_EN), ==,
                   "Mr Ŷwain ap Ŵyn");
  g_assert_true (polisi_session_get_modified (recovering));
  g_assert_true (g_file_equal (polisi_session_get_file (recovering), fixture->file));
  /* the session's own now: no longer offered */
  orphans = polisi_recovery_list_orphans (fixture->recovery);
  g_assert_cmpuint (orphans->len, ==, 0);

  /* the file is as the copy started from it: the save goes through, and
   * removes the copy */
  g_assert_true (polisi_session_save (recovering, NULL, POLISI_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  {
    g_autoptr(PolisiPolicy) back = load_direct (fixture->path);

    g_assert_cmpstr (polisi_policy_get_answer (back, "head_teacher", POLISI_LANG_EN), ==, "Mr Ŷwain ap Ŵyn");
  }
  polisi_session_close (recovering);
  g_clear_pointer (&orphans, g_ptr_array_unref);
  orphans = polisi_recovery_list_orphans (fixture->recovery);
  g_assert_cmpuint (orphans->len, ==, 0);
}

static void
test_lock (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(PolisiSession) first = polisi_session_new (NULL);
  g_autoptr(PolisiSession) third = polisi_session_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PolisiPolicy) back = NULL;
  Second second = { fixture->path, NULL, 0 };
  GThread *thread;

  g_assert_true (polisi_session_load (first, fixture->file, POLISI_LOAD_LOCK, &error));
  g_assert_no_error (error);

  /* whoever cannot wait is told, and nothing changes */
  polisi_session_set_lock_timeout (third, 100);
  g_assert_false (polisi_session_load (third, fixture->file, POLISI_LOAD_LOCK, &error));
  g_assert_error (error, POLISI_ERROR, POLISI_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "polisi cyfryngau.polisi"));
  g_clear_error (&error);
  /* reading without the lock is never held up */
  g_assert_true (polisi_session_load (third, fixture->file, POLISI_LOAD_DEFAULT, &error));

  /* the session holding the lock reads the file again at once, and keeps
   * its lock */
  polisi_session_set_lock_timeout (first, 100);
  g_assert_true (polisi_session_load (first, fixture->file, POLISI_LOAD_LOCK, &error));
  g_assert_no_error (error);
  g_assert_false (polisi_session_load (third, fixture->file, POLISI_LOAD_LOCK, &error));
  g_assert_error (error, POLISI_ERROR, POLISI_ERROR_BUSY);
  g_clear_error (&error);
  polisi_session_set_lock_timeout (first, 60 * 1000);

  /* a second command waits for the first, then reads what it saved */
  thread = g_thread_new ("second", second_command, &second);
  g_usleep (300 * 1000);
  polisi_policy_set_name (polisi_session_get_policy (first), POLISI_LANG_EN, "First Change");
  g_assert_true (polisi_session_save (first, NULL, POLISI_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  polisi_session_unlock (first);
  g_thread_join (thread);

  g_assert_cmpint (second.waited, >=, 250 * 1000);
  g_assert_cmpstr (second.name_seen, ==, "First Change");
  back = load_direct (fixture->path);
  g_assert_cmpstr (polisi_policy_get_name (back, POLISI_LANG_EN), ==, "First Change");
  g_assert_cmpstr (polisi_policy_get_name (back, POLISI_LANG_CY), ==, "Ail Newid");
  g_free (second.name_seen);

  /* the first session's save after that is refused: the file moved on */
  polisi_policy_set_name (polisi_session_get_policy (first), POLISI_LANG_EN, "Stale");
  g_assert_false (polisi_session_save (first, NULL, POLISI_SAVE_DEFAULT, &error));
  g_assert_error (error, POLISI_ERROR, POLISI_ERROR_CHANGED_ON_DISK);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = polisi_test_make_temp_dir ();
  g_autofree char *cache = g_build_filename (home, "cache", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  int status;

  /* Polisi's partial files and recovery copies go to a folder of the test's own */
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/session/new-and-finalize", test_new_and_finalize);
  ADD ("/session/properties", test_properties);
  ADD ("/session/load-refused", test_load_refused);
  ADD ("/session/save", test_save);
  ADD ("/session/changed-on-disk", test_changed_on_disk);
  ADD ("/session/watch-disk", test_watch_disk);
  ADD ("/session/read-only", test_read_only);
  ADD ("/session/hard-link", test_hard_link);
  ADD ("/session/autosave-and-recovery", test_autosave_and_recovery);
  ADD ("/session/save-removes-recovery-copy", test_save_removes_recovery_copy);
  ADD ("/session/async", test_async);
  ADD ("/session/recover-async", test_recover_async);
  ADD ("/session/lock", test_lock);
#undef ADD

  status = g_test_run ();
  polisi_test_remove_tree (home);
  return status;
}
