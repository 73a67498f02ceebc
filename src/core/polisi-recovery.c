/* polisi-recovery.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Recovery copies: while a policy is open, its session saves a copy of it
 * a few seconds after each change, in the user's data folder
 * (…/polisi/drafts): the policy itself (ID.polisi) and a note of what it
 * is a copy of (ID.draft, a key file with the original's path, a checksum
 * of the original as the copy started from it, and the time). Saving the
 * policy or closing it on purpose removes the copy. (The folder and the
 * ".draft" notes keep the names earlier versions gave them, so that work
 * a crash left is found after an update. "Draft" in Polisi's own words is
 * a policy's status: a version not adopted yet.)
 *
 * Whoever keeps a copy holds a lock on ID.lock (flock(), which the system
 * releases when the process ends, however it ends). A copy whose lock
 * nobody holds was left by a crash: it is offered back, from the welcome
 * page and whenever its original is opened. Process ids are not used: a
 * number can belong to another process after a crash, and a lock cannot.
 *
 * Copies are written with polisi_file_replace(), like everything else, so
 * a crash while autosaving cannot damage the last good copy.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "polisi-recovery.h"
#include "polisi-error.h"
#include "polisi-file.h"
#include "polisi-policy-io.h"
#include "polisi-xml-private.h"

#define GROUP "Draft"

struct _PolisiRecovery
{
  GObject  parent_instance;

  char       *folder;
  GHashTable *locks;   /* id → the descriptor of its held ID.lock */
};

G_DEFINE_FINAL_TYPE (PolisiRecovery, polisi_recovery, G_TYPE_OBJECT)

void
polisi_recovery_info_free (PolisiRecoveryInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_free (info->path);
  g_free (info->original);
  g_free (info->title);
  g_free (info->base);
  g_clear_pointer (&info->saved, g_date_time_unref);
  g_free (info);
}

static void
polisi_recovery_finalize (GObject *object)
{
  PolisiRecovery *self = (PolisiRecovery *) object;

  /* the locks go, the copies stay: a copy not discarded is recoverable */
  g_hash_table_unref (self->locks);
  g_free (self->folder);

  G_OBJECT_CLASS (polisi_recovery_parent_class)->finalize (object);
}

static void
polisi_recovery_class_init (PolisiRecoveryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = polisi_recovery_finalize;
}

static void
close_lock (gpointer data)
{
  close (GPOINTER_TO_INT (data));
}

static void
polisi_recovery_init (PolisiRecovery *self)
{
  self->locks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, close_lock);
}

PolisiRecovery *
polisi_recovery_new (const char *folder)
{
  PolisiRecovery *self;

  g_return_val_if_fail (folder != NULL, NULL);

  self = g_object_new (POLISI_TYPE_RECOVERY, NULL);
  self->folder = g_strdup (folder);
  return self;
}

PolisiRecovery *
polisi_recovery_new_default (void)
{
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "polisi", "drafts", NULL);

  return polisi_recovery_new (folder);
}

const char *
polisi_recovery_get_folder (PolisiRecovery *self)
{
  g_return_val_if_fail (POLISI_IS_RECOVERY (self), NULL);
  return self->folder;
}

char *
polisi_recovery_new_id (PolisiRecovery *self)
{
  g_return_val_if_fail (POLISI_IS_RECOVERY (self), NULL);
  return g_uuid_string_random ();
}

static gboolean
is_valid_id (const char *id)
{
  return id != NULL && g_uuid_string_is_valid (id);
}

static char *
copy_path (PolisiRecovery *self,
           const char     *id,
           const char     *suffix)
{
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (self->folder, name, NULL);
}

static gboolean
make_folder (PolisiRecovery  *self,
             GError       **error)
{
  if (g_mkdir_with_parents (self->folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO,
                   _("The folder for recovery copies, “%s”, cannot be made: %s"), self->folder, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/**
 * polisi_recovery_claim:
 *
 * Takes the lock of recovery copy @id for this object, so that no other window or
 * process offers it while it is kept here. Saving a copy claims it.
 *
 * Returns: %FALSE (with an error) when someone else keeps it
 */
gboolean
polisi_recovery_claim (PolisiRecovery  *self,
                     const char    *id,
                     GError       **error)
{
  g_autofree char *lock_path = NULL;
  int fd;

  g_return_val_if_fail (POLISI_IS_RECOVERY (self), FALSE);
  g_return_val_if_fail (is_valid_id (id), FALSE);

  if (g_hash_table_contains (self->locks, id))
    return TRUE;
  if (!make_folder (self, error))
    return FALSE;

  lock_path = copy_path (self, id, ".lock");
  fd = open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO,
                   _("The recovery copy cannot be kept in the folder “%s”: %s"), self->folder, g_strerror (saved_errno));
      return FALSE;
    }
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      close (fd);
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO,
                   _("This recovery copy is open in another Polisi window. Switch to that window to carry on with it."));
      return FALSE;
    }
  g_hash_table_insert (self->locks, g_strdup (id), GINT_TO_POINTER (fd));
  return TRUE;
}

/* Whether a live session keeps recovery copy @id: its lock is held, here or by
 * another process. A lock nobody holds was left by a crash. */
static gboolean
is_kept (PolisiRecovery *self,
         const char   *id)
{
  g_autofree char *lock_path = NULL;
  int fd;
  gboolean kept;

  if (g_hash_table_contains (self->locks, id))
    return TRUE;
  lock_path = copy_path (self, id, ".lock");
  fd = open (lock_path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return FALSE;
  kept = flock (fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  close (fd);
  return kept;
}

/**
 * polisi_recovery_save:
 * @original: (nullable): the file the policy was opened from or saved to
 * @base: (nullable): the SHA-256 checksum of @original as the policy was
 *   read from it or last saved to it
 *
 * Saves a recovery copy of @policy under @id, replacing the previous one, and
 * claims it.
 */
gboolean
polisi_recovery_save (PolisiRecovery  *self,
                    const char    *id,
                    PolisiPolicy  *policy,
                    GFile         *original,
                    const char    *base,
                    GError       **error)
{
  g_autoptr(GKeyFile) note = g_key_file_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *policy_path = NULL;
  g_autofree char *note_path = NULL;
  g_autofree char *note_data = NULL;
  g_autofree char *stamp = NULL;
  g_autoptr(GFile) policy_file = NULL;
  g_autoptr(GFile) note_file = NULL;
  const char *title;
  gsize note_length;

  g_return_val_if_fail (POLISI_IS_RECOVERY (self), FALSE);
  g_return_val_if_fail (is_valid_id (id), FALSE);
  g_return_val_if_fail (POLISI_IS_POLICY (policy), FALSE);

  if (!polisi_recovery_claim (self, id, error))
    return FALSE;

  policy_path = copy_path (self, id, ".polisi");
  note_path = copy_path (self, id, ".draft");
  policy_file = g_file_new_for_path (policy_path);
  note_file = g_file_new_for_path (note_path);

  bytes = polisi_policy_to_file_bytes (policy, policy_path, error);
  if (bytes == NULL || !polisi_file_replace (policy_file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return FALSE;

  title = polisi_policy_get_name (policy, POLISI_LANG_CY);
  if (title == NULL)
    title = polisi_policy_get_name (policy, POLISI_LANG_EN);
  stamp = g_date_time_format_iso8601 (now);
  g_key_file_set_string (note, GROUP, "Saved", stamp);
  if (title != NULL)
    g_key_file_set_string (note, GROUP, "Title", title);
  if (original != NULL)
    {
      g_autofree char *path = g_file_get_path (original);
      if (path != NULL)
        g_key_file_set_string (note, GROUP, "Original", path);
    }
  if (base != NULL)
    g_key_file_set_string (note, GROUP, "Base", base);
  note_data = g_key_file_to_data (note, &note_length, NULL);

  return polisi_file_replace (note_file, note_data, note_length, error);
}

void
polisi_recovery_discard (PolisiRecovery *self,
                       const char   *id)
{
  g_autofree char *policy_path = NULL;
  g_autofree char *note_path = NULL;
  g_autofree char *lock_path = NULL;

  g_return_if_fail (POLISI_IS_RECOVERY (self));

  if (!is_valid_id (id))
    return;
  policy_path = copy_path (self, id, ".polisi");
  note_path = copy_path (self, id, ".draft");
  lock_path = copy_path (self, id, ".lock");
  g_unlink (policy_path);
  g_unlink (note_path);
  /* another window's copy keeps its lock; ours goes with the copy */
  if (g_hash_table_contains (self->locks, id) || !is_kept (self, id))
    g_unlink (lock_path);
  g_hash_table_remove (self->locks, id);
}

/**
 * polisi_recovery_release:
 *
 * Lets go of recovery copy @id without removing it, as a crash would: it
 * is then offered back like any copy left behind.
 */
void
polisi_recovery_release (PolisiRecovery *self,
                       const char   *id)
{
  g_return_if_fail (POLISI_IS_RECOVERY (self));

  if (id == NULL || !g_hash_table_remove (self->locks, id))
    return;
  /* a lock whose copy is gone (discarded elsewhere) goes too */
  {
    g_autofree char *note_path = copy_path (self, id, ".draft");
    g_autofree char *lock_path = copy_path (self, id, ".lock");

    if (!g_file_test (note_path, G_FILE_TEST_EXISTS))
      g_unlink (lock_path);
  }
}

static int
compare_infos (gconstpointer a,
               gconstpointer b)
{
  const PolisiRecoveryInfo *x = *(PolisiRecoveryInfo * const *) a;
  const PolisiRecoveryInfo *y = *(PolisiRecoveryInfo * const *) b;

  return g_date_time_compare (y->saved, x->saved);
}

/**
 * polisi_recovery_list_orphans:
 *
 * The recovery copies left by sessions that ended without saving or closing their
 * policy: a crash, a power cut, a killed process. Newest first.
 *
 * Returns: (transfer container) (element-type PolisiRecoveryInfo): the copies
 */
GPtrArray *
polisi_recovery_list_orphans (PolisiRecovery *self)
{
  GPtrArray *copies = g_ptr_array_new_with_free_func ((GDestroyNotify) polisi_recovery_info_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (POLISI_IS_RECOVERY (self), copies);

  dir = g_dir_open (self->folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GKeyFile) note = g_key_file_new ();
      g_autofree char *id = NULL;
      g_autofree char *note_path = NULL;
      g_autofree char *policy_path = NULL;
      g_autofree char *saved = NULL;
      PolisiRecoveryInfo *info;

      if (!g_str_has_suffix (name, ".draft"))
        continue;
      id = g_strndup (name, strlen (name) - strlen (".draft"));
      if (!is_valid_id (id))
        continue;

      note_path = g_build_filename (self->folder, name, NULL);
      policy_path = copy_path (self, id, ".polisi");
      if (!g_key_file_load_from_file (note, note_path, G_KEY_FILE_NONE, NULL) ||
          !g_file_test (policy_path, G_FILE_TEST_IS_REGULAR))
        continue;
      if (is_kept (self, id))
        continue;

      info = g_new0 (PolisiRecoveryInfo, 1);
      info->id = g_steal_pointer (&id);
      info->path = g_steal_pointer (&policy_path);
      info->original = g_key_file_get_string (note, GROUP, "Original", NULL);
      info->title = g_key_file_get_string (note, GROUP, "Title", NULL);
      info->base = g_key_file_get_string (note, GROUP, "Base", NULL);
      saved = g_key_file_get_string (note, GROUP, "Saved", NULL);
      info->saved = saved != NULL ? g_date_time_new_from_iso8601 (saved, NULL) : NULL;
      if (info->saved == NULL)
        info->saved = g_date_time_new_from_unix_utc (0);
      g_ptr_array_add (copies, info);
    }

  g_ptr_array_sort (copies, compare_infos);
  return copies;
}

/**
 * polisi_recovery_load:
 * @original: (out) (optional) (nullable): the file the copy is of
 *
 * Reads a recovery copy back. The copy stays until it is discarded, so that a
 * second crash before the recovered policy is saved loses nothing. Reads
 * only the copy's files, so that a worker thread may call it.
 */
PolisiPolicy *
polisi_recovery_load (PolisiRecovery  *self,
                    const char    *id,
                    GFile        **original,
                    GError       **error)
{
  g_autofree char *policy_path = NULL;
  g_autofree char *note_path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GKeyFile) note = g_key_file_new ();

  g_return_val_if_fail (POLISI_IS_RECOVERY (self), NULL);

  if (!is_valid_id (id))
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO, _("There is no such recovery copy."));
      return NULL;
    }

  policy_path = copy_path (self, id, ".polisi");
  note_path = copy_path (self, id, ".draft");
  file = g_file_new_for_path (policy_path);

  if (original != NULL)
    {
      g_autofree char *path = NULL;

      *original = NULL;
      if (g_key_file_load_from_file (note, note_path, G_KEY_FILE_NONE, NULL) &&
          (path = g_key_file_get_string (note, GROUP, "Original", NULL)) != NULL)
        *original = g_file_new_for_path (path);
    }

  return polisi_policy_load (file, error);
}

/**
 * polisi_recovery_read_base:
 *
 * The SHA-256 checksum of the original as recovery copy @id started from
 * it, as its note records it. Reads only the copy's files, never what this
 * object keeps, so that a worker thread may call it.
 *
 * Returns: (transfer full) (nullable): the checksum, or %NULL when the note
 *   records none (a policy never saved) or cannot be read
 */
char *
polisi_recovery_read_base (PolisiRecovery *self,
                           const char     *id)
{
  g_autofree char *note_path = NULL;
  g_autoptr(GKeyFile) note = g_key_file_new ();

  g_return_val_if_fail (POLISI_IS_RECOVERY (self), NULL);

  if (!is_valid_id (id))
    return NULL;
  note_path = copy_path (self, id, ".draft");
  if (!g_key_file_load_from_file (note, note_path, G_KEY_FILE_NONE, NULL))
    return NULL;
  return g_key_file_get_string (note, GROUP, "Base", NULL);
}

/**
 * polisi_recovery_find_for_file:
 *
 * The newest recovery copy left behind (by a crash) of @original.
 *
 * Returns: (transfer full) (nullable): the copy, or %NULL
 */
PolisiRecoveryInfo *
polisi_recovery_find_for_file (PolisiRecovery *self,
                             GFile        *original)
{
  g_autoptr(GPtrArray) orphans = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (POLISI_IS_RECOVERY (self), NULL);
  g_return_val_if_fail (G_IS_FILE (original), NULL);

  path = g_file_get_path (original);
  if (path == NULL)
    return NULL;
  orphans = polisi_recovery_list_orphans (self);
  for (guint i = 0; i < orphans->len; i++)
    {
      PolisiRecoveryInfo *info = orphans->pdata[i];
      g_autoptr(GFile) other = NULL;

      if (info->original == NULL)
        continue;
      other = g_file_new_for_path (info->original);
      if (g_file_equal (other, original))
        return g_ptr_array_steal_index (orphans, i);
    }
  return NULL;
}

/**
 * polisi_recovery_info_is_superseded:
 *
 * Whether the copy's original was saved after the copy was made from
 * it: its contents are no longer those the copy started from, or it is
 * newer than the copy. The copy then lacks what was saved since, and
 * recovering it over the file would lose that.
 */
gboolean
polisi_recovery_info_is_superseded (const PolisiRecoveryInfo *info)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) file_info = NULL;
  g_autoptr(GDateTime) modified = NULL;

  g_return_val_if_fail (info != NULL, FALSE);

  if (info->original == NULL)
    return FALSE;
  file = g_file_new_for_path (info->original);
  file_info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (file_info == NULL)
    return FALSE;

  if (info->base != NULL)
    {
      g_autoptr(GBytes) bytes = polisi_xml_load_file (file, POLISI_XML_MAX_SIZE, NULL);
      g_autofree char *checksum = bytes != NULL ? g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes) : NULL;

      if (checksum != NULL)
        return g_strcmp0 (checksum, info->base) != 0;
    }

  modified = g_file_info_get_modification_date_time (file_info);
  return modified != NULL && info->saved != NULL && g_date_time_compare (modified, info->saved) > 0;
}
