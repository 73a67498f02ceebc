/* polisi-session.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A session is one open policy: the policy, the file it came from, whether
 * it has changes not yet saved, and its recovery copy. The window shows a
 * session and the command line works through one; neither keeps any of
 * this itself.
 *
 * What the file was. When the session reads or writes the file it keeps
 * the file's device, inode, size and a SHA-256 checksum of its contents.
 * Before a save replaces the file, the file is read again: if its contents
 * differ, someone else changed it (a copy with `cp -p` or `rsync -t` keeps
 * the time, so time is not enough), and the save is refused
 * (POLISI_ERROR_CHANGED_ON_DISK) unless the caller says to replace it.
 *
 * What a careful editor does. A file that may not be written is not
 * replaced (POLISI_ERROR_READ_ONLY), though the folder would let a rename
 * through. A file with other names (hard links) would lose them to an
 * atomic save, which gives the name a new file: the save is refused
 * (POLISI_ERROR_HARD_LINKED) unless the caller says to split them.
 *
 * Locking. While a session reads, changes and saves a file, it can hold an
 * exclusive flock() on it (POLISI_LOAD_LOCK; the command line does), and
 * every save takes the lock for the moment it checks and writes. Two
 * commands changing the same file at once therefore run one after the
 * other, and the second reads what the first saved. The save replaces the
 * file with a new inode; whoever waited on the old one sees that the name
 * now points elsewhere and locks the new file instead.
 *
 * Recovery. A few seconds after each change (autosave-interval) the
 * session writes a recovery copy (polisi-recovery), with the checksum of the
 * file as the copy started from it, so that a copy can tell whether the
 * file was saved since. Saving or closing on purpose removes the copy;
 * dropping the session without closing (a crash) leaves it to be offered.
 */
#define _GNU_SOURCE 1
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "polisi-error.h"
#include "polisi-file.h"
#include "polisi-policy-io.h"
#include "polisi-session.h"
#include "polisi-xml-private.h"

#define DEFAULT_LOCK_TIMEOUT_MS (60 * 1000)

/* What a file was when the session last read or wrote it. The checksum
 * is computed from @contents the first time something asks for it (a save
 * over the file, a recovery copy): a command that only reads a policy
 * never needs it. */
typedef struct {
  gboolean  known;
  dev_t     dev;
  ino_t     ino;
  goffset   size;
  char     *checksum;
  GBytes   *contents;   /* the file's contents while @checksum is not computed */
} DiskState;

static void
disk_state_clear (DiskState *state)
{
  g_clear_pointer (&state->checksum, g_free);
  g_clear_pointer (&state->contents, g_bytes_unref);
  memset (state, 0, sizeof *state);
}

static void
disk_state_copy (DiskState       *dest,
                 const DiskState *src)
{
  disk_state_clear (dest);
  *dest = *src;
  dest->checksum = g_strdup (src->checksum);
  if (src->contents != NULL)
    dest->contents = g_bytes_ref (src->contents);
}

/* Takes @contents as what the file holds: its checksum is computed when
 * asked for. */
static void
disk_state_set_contents (DiskState *state,
                         GBytes    *contents)
{
  g_clear_pointer (&state->checksum, g_free);
  g_clear_pointer (&state->contents, g_bytes_unref);
  state->contents = g_bytes_ref (contents);
}

/* The SHA-256 of what the file held, or %NULL when that is not known. */
static const char *
disk_state_get_checksum (DiskState *state)
{
  if (state->checksum == NULL && state->contents != NULL)
    {
      state->checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, state->contents);
      g_clear_pointer (&state->contents, g_bytes_unref);
    }
  return state->checksum;
}

struct _PolisiSession
{
  GObject        parent_instance;

  PolisiPolicy  *policy;
  GFile         *file;
  gboolean       modified;
  gboolean       read_only;
  gboolean       changed_on_disk;
  gboolean       saving;
  guint          autosave_interval;
  guint          lock_timeout;

  PolisiRecovery  *recovery;
  char          *recovery_id;
  guint          autosave_id;

  gulong         changed_id;
  guint64        generation;   /* counts the policy's changes */

  DiskState      disk;
  int            lock_fd;

  gboolean       watch_disk;
  GFileMonitor  *monitor;      /* of the file, while watch-disk is on */
  guint          disk_check_id;
};

G_DEFINE_FINAL_TYPE (PolisiSession, polisi_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_POLICY,
  PROP_FILE,
  PROP_MODIFIED,
  PROP_READ_ONLY,
  PROP_CHANGED_ON_DISK,
  PROP_SAVING,
  PROP_AUTOSAVE_INTERVAL,
  PROP_RECOVERY_ID,
  PROP_WATCH_DISK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  AUTOSAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Files, without the session: safe in a worker thread ---------------------- */

static char *
display_name_of_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return polisi_xml_display_name (file);
}

/* Opens @path and takes its exclusive lock, waiting up to @timeout_ms for
 * whoever holds it. *fd is -1 when the file does not exist. */
static gboolean
lock_path (const char  *path,
           guint        timeout_ms,
           int         *fd_out,
           GError     **error)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  *fd_out = -1;
  for (;;)
    {
      struct stat by_fd, by_name;
      int fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);

      if (fd < 0)
        {
          int saved_errno = errno;
          g_autofree char *name = NULL;

          if (saved_errno == ENOENT)
            return TRUE;
          name = display_name_of_path (path);
          if (saved_errno == EACCES)
            g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO,
                         _("You do not have permission to read “%s”. Ask whoever manages the computer, or copy the file to your own folder."),
                         name);
          else
            g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO, _("“%s” cannot be read: %s"), name, g_strerror (saved_errno));
          return FALSE;
        }

      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        {
          /* the name may have been given a new file while we waited */
          if (fstat (fd, &by_fd) == 0 && stat (path, &by_name) == 0 &&
              by_fd.st_dev == by_name.st_dev && by_fd.st_ino == by_name.st_ino)
            {
              *fd_out = fd;
              return TRUE;
            }
          close (fd);
          continue;
        }

      close (fd);
      if (errno != EWOULDBLOCK && errno != EINTR)
        {
          /* a file system without locks: go on as before locks */
          return TRUE;
        }
      if (g_get_monotonic_time () >= deadline)
        {
          g_autofree char *name = display_name_of_path (path);

          g_set_error (error, POLISI_ERROR, POLISI_ERROR_BUSY,
                       _("“%s” is being changed by another Polisi command or window. Try again when it has finished; "
                         "nothing has been changed."),
                       name);
          return FALSE;
        }
      g_usleep (20 * 1000);
    }
}

/* Whether the file may not be written: no permission, or no write bit at
 * all (which even the superuser's Polisi respects, as editors do). */
static gboolean
is_read_only (const char        *path,
              const struct stat *st)
{
  return access (path, W_OK) != 0 || (st->st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0;
}

/* Reads @file whole, with what it is on disk. */
static GBytes *
read_with_state (GFile      *file,
                 DiskState  *state,
                 GError    **error)
{
  g_autofree char *path = g_file_get_path (file);

  for (guint attempt = 0; ; attempt++)
    {
      g_autoptr(GBytes) bytes = NULL;
      struct stat before, after;
      gboolean have_before;

      have_before = path != NULL && stat (path, &before) == 0;
      bytes = polisi_xml_load_file (file, POLISI_XML_MAX_SIZE, error);
      if (bytes == NULL)
        return NULL;

      disk_state_clear (state);
      disk_state_set_contents (state, bytes);
      if (path == NULL || !have_before || stat (path, &after) != 0)
        return g_steal_pointer (&bytes);

      /* written to while we read: read again, once */
      if ((before.st_ino != after.st_ino || before.st_size != after.st_size ||
           (gsize) after.st_size != g_bytes_get_size (bytes)) && attempt == 0)
        continue;

      state->known = TRUE;
      state->dev = after.st_dev;
      state->ino = after.st_ino;
      state->size = after.st_size;
      return g_steal_pointer (&bytes);
    }
}

/* Whether the file at @path is no longer what @state says. A missing file
 * has nothing to lose. */
static gboolean
differs_from (const char *path,
              DiskState  *state)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *checksum = NULL;
  struct stat st;

  if (path == NULL || (state->checksum == NULL && state->contents == NULL))
    return FALSE;
  if (stat (path, &st) != 0)
    return FALSE;
  if (!S_ISREG (st.st_mode))
    return TRUE;
  if (state->known && st.st_size != state->size)
    return TRUE;

  /* same size and maybe the same time: only the contents can tell */
  file = g_file_new_for_path (path);
  bytes = polisi_xml_load_file (file, POLISI_XML_MAX_SIZE, NULL);
  if (bytes == NULL)
    return TRUE;
  /* the contents themselves while they are kept, else their checksum */
  if (state->contents != NULL)
    return !g_bytes_equal (bytes, state->contents);
  checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  return g_strcmp0 (checksum, state->checksum) != 0;
}

typedef struct {
  GFile           *file;
  GBytes          *bytes;
  PolisiSaveFlags  flags;
  DiskState        expected;   /* of the file the session has; unknown for another file */
  int              held_fd;    /* the session's own lock, or -1 */
  guint            lock_timeout;
  DiskState        written;
  guint64          generation;
  char            *previous_stamp;
  GError          *refusal;    /* the policy cannot be saved as a file Polisi reads */
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->file);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  disk_state_clear (&job->expected);
  disk_state_clear (&job->written);
  g_free (job->previous_stamp);
  g_clear_error (&job->refusal);
  g_free (job);
}

/* Checks the target as a careful editor would and writes it atomically,
 * under its lock. */
static gboolean
write_checked (SaveJob  *job,
               GError  **error)
{
  g_autofree char *path = g_file_get_path (job->file);
  g_autofree char *name = polisi_xml_display_name (job->file);
  struct stat st;
  int fd = -1;
  gboolean ok = FALSE;

  /* what would not read back is never written (polisi_policy_to_file_bytes) */
  if (job->bytes == NULL)
    {
      g_propagate_error (error, g_error_copy (job->refusal));
      return FALSE;
    }
  if (path == NULL)
    return polisi_file_replace (job->file, g_bytes_get_data (job->bytes, NULL), g_bytes_get_size (job->bytes), error);

  /* our own lock, if it is on the file the name has now */
  if (job->held_fd >= 0)
    {
      struct stat held;

      if (fstat (job->held_fd, &held) != 0 || stat (path, &st) != 0 ||
          held.st_dev != st.st_dev || held.st_ino != st.st_ino)
        job->held_fd = -1;
    }
  if (job->held_fd < 0 && !lock_path (path, job->lock_timeout, &fd, error))
    return FALSE;

  if (stat (path, &st) == 0)
    {
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO,
                       _("“%s” is not an ordinary file. Choose another name; nothing has been changed."), name);
          goto out;
        }
      if (is_read_only (path, &st))
        {
          g_set_error (error, POLISI_ERROR, POLISI_ERROR_READ_ONLY,
                       _("“%s” is read-only, so it has not been changed. Save the policy under another name, "
                         "or make the file writable (in its properties) and save again."),
                       name);
          goto out;
        }
      if (st.st_nlink > 1 && !(job->flags & POLISI_SAVE_SPLIT_LINKS))
        {
          g_set_error (error, POLISI_ERROR, POLISI_ERROR_HARD_LINKED,
                       _("“%s” has another name in another place as well (a hard link). Saving would give this "
                         "name a file of its own and leave the other as it was, so nothing has been saved. "
                         "Save the policy under another name, or make a copy of the file with one name only and "
                         "work on that."),
                       name);
          goto out;
        }
      if (!(job->flags & POLISI_SAVE_REPLACE_CHANGED) && differs_from (path, &job->expected))
        {
          g_set_error (error, POLISI_ERROR, POLISI_ERROR_CHANGED_ON_DISK,
                       _("“%s” was changed by someone or something else after Polisi read it. Saving now would "
                         "lose their changes, so nothing has been saved. Save the policy under another name, "
                         "or open the file again to see their changes."),
                       name);
          goto out;
        }
    }

  if (!polisi_file_replace (job->file, g_bytes_get_data (job->bytes, NULL), g_bytes_get_size (job->bytes), error))
    goto out;

  disk_state_clear (&job->written);
  disk_state_set_contents (&job->written, job->bytes);
  if (stat (path, &st) == 0)
    {
      job->written.known = TRUE;
      job->written.dev = st.st_dev;
      job->written.ino = st.st_ino;
      job->written.size = st.st_size;
    }
  ok = TRUE;

out:
  if (fd >= 0)
    close (fd);
  return ok;
}

/* The session ---------------------------------------------------------------- */

static void
set_modified (PolisiSession *self,
              gboolean       modified)
{
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
set_changed_on_disk (PolisiSession *self,
                     gboolean       changed)
{
  if (self->changed_on_disk == changed)
    return;
  self->changed_on_disk = changed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGED_ON_DISK]);
}

static void
set_saving (PolisiSession *self,
            gboolean       saving)
{
  if (self->saving == saving)
    return;
  self->saving = saving;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
}

static void
set_read_only (PolisiSession *self,
               gboolean       read_only)
{
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

static void
update_read_only (PolisiSession *self)
{
  g_autofree char *path = self->file != NULL ? g_file_get_path (self->file) : NULL;
  struct stat st;

  set_read_only (self, path != NULL && stat (path, &st) == 0 && is_read_only (path, &st));
}

/* Watching the file: another program's change is noticed when it happens,
 * not only when saving. The events only start a look at the file after a
 * quiet moment; the look (polisi_session_check_disk()) compares contents,
 * so the session's own saves, which leave the file as it knows it, are
 * not taken for someone else's. */

#define DISK_CHECK_DELAY_MS 250

static gboolean
disk_check_timeout (gpointer data)
{
  PolisiSession *self = data;

  self->disk_check_id = 0;
  /* a save under way is the session's own; it looks for itself first */
  if (!self->saving)
    polisi_session_check_disk (self);
  return G_SOURCE_REMOVE;
}

static void
on_file_event (GFileMonitor      *monitor,
               GFile             *file,
               GFile             *other,
               GFileMonitorEvent  event,
               PolisiSession     *self)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_RENAMED:
      /* wait for the writes to end */
      g_clear_handle_id (&self->disk_check_id, g_source_remove);
      self->disk_check_id = g_timeout_add (DISK_CHECK_DELAY_MS, disk_check_timeout, self);
      break;
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    default:
      /* gone: the next save writes it again */
      break;
    }
}

static void
stop_watching (PolisiSession *self)
{
  g_clear_handle_id (&self->disk_check_id, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
}

static void
update_watch (PolisiSession *self)
{
  stop_watching (self);
  if (!self->watch_disk || self->file == NULL)
    return;
  /* a file that cannot be watched (some network shares) is still
   * looked at when saving */
  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (on_file_event), self);
}

static void
set_file (PolisiSession *self,
          GFile         *file)
{
  if (self->file != file && (self->file == NULL || file == NULL || !g_file_equal (self->file, file)))
    {
      g_set_object (&self->file, file);
      update_watch (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }
  else
    g_set_object (&self->file, file);
  if (self->watch_disk && self->file != NULL && self->monitor == NULL)
    update_watch (self);
  update_read_only (self);
}

static gboolean
autosave_timeout (gpointer data)
{
  PolisiSession *self = data;
  g_autoptr(GError) error = NULL;

  self->autosave_id = 0;
  if (!polisi_session_autosave_now (self, &error))
    g_signal_emit (self, signals[AUTOSAVE_FAILED], 0, error);
  return G_SOURCE_REMOVE;
}

static void
schedule_autosave (PolisiSession *self)
{
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->recovery != NULL && self->autosave_interval > 0)
    self->autosave_id = g_timeout_add_seconds (self->autosave_interval, autosave_timeout, self);
}

static void
on_policy_changed (PolisiSession *self)
{
  self->generation++;
  set_modified (self, TRUE);
  schedule_autosave (self);
}

static void
discard_recovery_copy (PolisiSession *self)
{
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->recovery != NULL && self->recovery_id != NULL)
    polisi_recovery_discard (self->recovery, self->recovery_id);
}

/* A new recovery id for a newly shown policy: the old copy is not its. */
static void
new_recovery_id (PolisiSession *self)
{
  if (self->recovery == NULL)
    return;
  if (self->recovery_id != NULL)
    polisi_recovery_release (self->recovery, self->recovery_id);
  g_free (self->recovery_id);
  self->recovery_id = polisi_recovery_new_id (self->recovery);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECOVERY_ID]);
}

static void
show_policy (PolisiSession *self,
             PolisiPolicy  *policy,
             GFile         *file,
             gboolean       modified)
{
  if (self->policy != NULL)
    g_clear_signal_handler (&self->changed_id, self->policy);
  g_clear_handle_id (&self->autosave_id, g_source_remove);

  g_set_object (&self->policy, policy);
  if (policy != NULL)
    self->changed_id = g_signal_connect_swapped (policy, "changed", G_CALLBACK (on_policy_changed), self);
  set_file (self, file);
  set_changed_on_disk (self, FALSE);
  set_modified (self, modified);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POLICY]);
}

void
polisi_session_unlock (PolisiSession *self)
{
  g_return_if_fail (POLISI_IS_SESSION (self));

  if (self->lock_fd >= 0)
    {
      close (self->lock_fd);
      self->lock_fd = -1;
    }
}

static void
polisi_session_dispose (GObject *object)
{
  PolisiSession *self = (PolisiSession *) object;

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  stop_watching (self);
  if (self->policy != NULL)
    g_clear_signal_handler (&self->changed_id, self->policy);
  g_clear_object (&self->policy);
  polisi_session_unlock (self);
  /* not closed on purpose: the recovery copy stays, to be offered back */
  if (self->recovery != NULL && self->recovery_id != NULL)
    polisi_recovery_release (self->recovery, self->recovery_id);
  g_clear_object (&self->recovery);

  G_OBJECT_CLASS (polisi_session_parent_class)->dispose (object);
}

static void
polisi_session_finalize (GObject *object)
{
  PolisiSession *self = (PolisiSession *) object;

  g_clear_object (&self->file);
  g_free (self->recovery_id);
  disk_state_clear (&self->disk);

  G_OBJECT_CLASS (polisi_session_parent_class)->finalize (object);
}

static void
polisi_session_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PolisiSession *self = POLISI_SESSION (object);

  switch (prop_id)
    {
    case PROP_POLICY:
      g_value_set_object (value, self->policy);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_CHANGED_ON_DISK:
      g_value_set_boolean (value, self->changed_on_disk);
      break;
    case PROP_SAVING:
      g_value_set_boolean (value, self->saving);
      break;
    case PROP_AUTOSAVE_INTERVAL:
      g_value_set_uint (value, self->autosave_interval);
      break;
    case PROP_RECOVERY_ID:
      g_value_set_string (value, self->recovery_id);
      break;
    case PROP_WATCH_DISK:
      g_value_set_boolean (value, self->watch_disk);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
polisi_session_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PolisiSession *self = POLISI_SESSION (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      set_modified (self, g_value_get_boolean (value));
      break;
    case PROP_AUTOSAVE_INTERVAL:
      polisi_session_set_autosave_interval (self, g_value_get_uint (value));
      break;
    case PROP_WATCH_DISK:
      polisi_session_set_watch_disk (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
polisi_session_class_init (PolisiSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = polisi_session_dispose;
  object_class->finalize = polisi_session_finalize;
  object_class->get_property = polisi_session_get_property;
  object_class->set_property = polisi_session_set_property;

  properties[PROP_POLICY] = g_param_spec_object ("policy", NULL, NULL, POLISI_TYPE_POLICY, ro);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, ro);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, rw);
  properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE, ro);
  properties[PROP_CHANGED_ON_DISK] = g_param_spec_boolean ("changed-on-disk", NULL, NULL, FALSE, ro);
  /* an asynchronous save is under way (until polisi_session_save_finish()) */
  properties[PROP_SAVING] = g_param_spec_boolean ("saving", NULL, NULL, FALSE, ro);
  properties[PROP_AUTOSAVE_INTERVAL] = g_param_spec_uint ("autosave-interval", NULL, NULL, 0, 3600, 5, rw);
  properties[PROP_RECOVERY_ID] = g_param_spec_string ("recovery-id", NULL, NULL, NULL, ro);
  /* the file is watched, and #PolisiSession:changed-on-disk set as soon as
   * someone else changes it (the window); off, it is looked at when saving
   * or when polisi_session_check_disk() is called (the command line) */
  properties[PROP_WATCH_DISK] = g_param_spec_boolean ("watch-disk", NULL, NULL, FALSE, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PolisiSession::autosave-failed:
   * @error: what went wrong
   *
   * The recovery copy could not be written.
   */
  signals[AUTOSAVE_FAILED] = g_signal_new ("autosave-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
polisi_session_init (PolisiSession *self)
{
  self->autosave_interval = 5;
  self->lock_timeout = DEFAULT_LOCK_TIMEOUT_MS;
  self->lock_fd = -1;
}

/**
 * polisi_session_new:
 * @recovery: (nullable): where recovery copies are kept; %NULL for none (the
 *   command line)
 */
PolisiSession *
polisi_session_new (PolisiRecovery *recovery)
{
  PolisiSession *self = g_object_new (POLISI_TYPE_SESSION, NULL);

  g_return_val_if_fail (recovery == NULL || POLISI_IS_RECOVERY (recovery), self);

  if (recovery != NULL)
    {
      self->recovery = g_object_ref (recovery);
      self->recovery_id = polisi_recovery_new_id (recovery);
    }
  return self;
}

gboolean
polisi_session_get_watch_disk (PolisiSession *self)
{
  g_return_val_if_fail (POLISI_IS_SESSION (self), FALSE);
  return self->watch_disk;
}

/**
 * polisi_session_set_watch_disk:
 *
 * Watches the session's file (and each file it is given later), so that
 * #PolisiSession:changed-on-disk turns %TRUE a moment after another
 * program changes it, without waiting for a save. The session's own
 * saves do not set it.
 */
void
polisi_session_set_watch_disk (PolisiSession *self,
                               gboolean       watch)
{
  g_return_if_fail (POLISI_IS_SESSION (self));

  watch = !!watch;
  if (self->watch_disk == watch)
    return;
  self->watch_disk = watch;
  update_watch (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WATCH_DISK]);
}

PolisiPolicy *
polisi_session_get_policy (PolisiSession *self)
{
  g_return_val_if_fail (POLISI_IS_SESSION (self), NULL);
  return self->policy;
}

GFile *
polisi_session_get_file (PolisiSession *self)
{
  g_return_val_if_fail (POLISI_IS_SESSION (self), NULL);
  return self->file;
}

gboolean
polisi_session_get_modified (PolisiSession *self)
{
  g_return_val_if_fail (POLISI_IS_SESSION (self), FALSE);
  return self->modified;
}

gboolean
polisi_session_get_read_only (PolisiSession *self)
{
  g_return_val_if_fail (POLISI_IS_SESSION (self), FALSE);
  return self->read_only;
}

gboolean
polisi_session_get_changed_on_disk (PolisiSession *self)
{
  g_return_val_if_fail (POLISI_IS_SESSION (self), FALSE);
  return self->changed_on_disk;
}

gboolean
polisi_session_get_saving (PolisiSession *self)
{
  g_return_val_if_fail (POLISI_IS_SESSION (self), FALSE);
  return self->saving;
}

guint
polisi_session_get_autosave_interval (PolisiSession *self)
{
  g_return_val_if_fail (POLISI_IS_SESSION (self), 0);
  return self->autosave_interval;
}

/**
 * polisi_session_set_autosave_interval:
 * @seconds: how long after a change the recovery copy is written; 0 for
 *   never
 */
void
polisi_session_set_autosave_interval (PolisiSession *self,
                                      guint          seconds)
{
  g_return_if_fail (POLISI_IS_SESSION (self));

  if (self->autosave_interval == seconds)
    return;
  self->autosave_interval = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOSAVE_INTERVAL]);
  if (self->autosave_id != 0)
    schedule_autosave (self);
}

const char *
polisi_session_get_recovery_id (PolisiSession *self)
{
  g_return_val_if_fail (POLISI_IS_SESSION (self), NULL);
  return self->recovery_id;
}

PolisiRecovery *
polisi_session_get_recovery (PolisiSession *self)
{
  g_return_val_if_fail (POLISI_IS_SESSION (self), NULL);
  return self->recovery;
}

guint
polisi_session_get_lock_timeout (PolisiSession *self)
{
  g_return_val_if_fail (POLISI_IS_SESSION (self), 0);
  return self->lock_timeout;
}

/**
 * polisi_session_set_lock_timeout:
 *
 * How long a load with POLISI_LOAD_LOCK, or a save, waits for another
 * Polisi that is changing the same file (a minute unless set).
 */
void
polisi_session_set_lock_timeout (PolisiSession *self,
                                 guint          milliseconds)
{
  g_return_if_fail (POLISI_IS_SESSION (self));
  self->lock_timeout = milliseconds;
}

/**
 * polisi_session_set_policy:
 *
 * Shows a new policy that has no file yet, with nothing to save.
 */
void
polisi_session_set_policy (PolisiSession *self,
                           PolisiPolicy  *policy)
{
  g_return_if_fail (POLISI_IS_SESSION (self));
  g_return_if_fail (POLISI_IS_POLICY (policy));

  discard_recovery_copy (self);
  new_recovery_id (self);
  polisi_session_unlock (self);
  disk_state_clear (&self->disk);
  show_policy (self, policy, NULL, FALSE);
}

static gboolean
finish_load (PolisiSession  *self,
             GFile          *file,
             PolisiPolicy   *policy,
             DiskState      *state,
             int             lock_fd)
{
  discard_recovery_copy (self);
  new_recovery_id (self);
  polisi_session_unlock (self);
  self->lock_fd = lock_fd;
  disk_state_copy (&self->disk, state);
  show_policy (self, policy, file, FALSE);
  return TRUE;
}

static PolisiPolicy *
load_file (GFile       *file,
           gboolean     lock,
           guint        lock_timeout,
           DiskState   *state,
           int         *lock_fd,
           GError     **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = polisi_xml_display_name (file);
  g_autoptr(GBytes) bytes = NULL;
  PolisiPolicy *policy;

  *lock_fd = -1;
  if (lock && path != NULL && !lock_path (path, lock_timeout, lock_fd, error))
    return NULL;

  bytes = read_with_state (file, state, error);
  if (bytes == NULL || (policy = polisi_policy_load_bytes (bytes, name, error)) == NULL)
    {
      /* the caller keeps what it had: nothing of this file's state */
      disk_state_clear (state);
      if (*lock_fd >= 0)
        close (*lock_fd);
      *lock_fd = -1;
      return NULL;
    }
  return policy;
}

/* Whether the open file @fd is the file @file names now. */
static gboolean
fd_is_file (int    fd,
            GFile *file)
{
  const char *path = g_file_peek_path (file);
  struct stat open_file, named;

  return path != NULL && fstat (fd, &open_file) == 0 && g_stat (path, (GStatBuf *) &named) == 0 &&
         open_file.st_dev == named.st_dev && open_file.st_ino == named.st_ino;
}

/**
 * polisi_session_load:
 * @flags: POLISI_LOAD_LOCK to hold the file's lock until
 *   polisi_session_unlock(), so that no other Polisi changes it meanwhile
 *
 * Reads the policy in @file. When it cannot be read, the session keeps
 * what it had.
 */
gboolean
polisi_session_load (PolisiSession    *self,
                     GFile            *file,
                     PolisiLoadFlags   flags,
                     GError          **error)
{
  g_autoptr(PolisiPolicy) policy = NULL;
  DiskState state = { 0 };
  gboolean lock = (flags & POLISI_LOAD_LOCK) != 0;
  int held_fd = -1;
  int lock_fd = -1;

  g_return_val_if_fail (POLISI_IS_SESSION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* the session's own lock on this very file is kept, not taken again: a
   * second flock() of it would wait for the session itself */
  if (lock && self->lock_fd >= 0 && fd_is_file (self->lock_fd, file))
    {
      held_fd = self->lock_fd;
      lock = FALSE;
    }

  policy = load_file (file, lock, self->lock_timeout, &state, &lock_fd, error);
  if (policy == NULL)
    return FALSE;
  if (held_fd >= 0)
    {
      self->lock_fd = -1;
      lock_fd = held_fd;
    }
  finish_load (self, file, policy, &state, lock_fd);
  disk_state_clear (&state);
  return TRUE;
}

typedef struct {
  GFile        *file;
  PolisiPolicy *policy;
  DiskState     state;
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_clear_object (&job->file);
  g_clear_object (&job->policy);
  disk_state_clear (&job->state);
  g_free (job);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadJob *job = task_data;
  GError *error = NULL;
  int lock_fd = -1;

  job->policy = load_file (job->file, FALSE, 0, &job->state, &lock_fd, &error);
  if (job->policy == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * polisi_session_load_async:
 *
 * Reads the policy in @file in a worker thread, leaving the main loop free.
 */
void
polisi_session_load_async (PolisiSession       *self,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadJob *job;

  g_return_if_fail (POLISI_IS_SESSION (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, polisi_session_load_async);
  job = g_new0 (LoadJob, 1);
  job->file = g_object_ref (file);
  g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
  g_task_run_in_thread (task, load_thread);
}

gboolean
polisi_session_load_finish (PolisiSession  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  LoadJob *job;

  g_return_val_if_fail (POLISI_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  job = g_task_get_task_data (G_TASK (result));
  return finish_load (self, job->file, job->policy, &job->state, -1);
}

static SaveJob *
prepare_save (PolisiSession   *self,
              GFile           *file,
              PolisiSaveFlags  flags)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  SaveJob *job = g_new0 (SaveJob, 1);

  job->file = g_object_ref (file);
  job->flags = flags;
  job->lock_timeout = self->lock_timeout;
  job->held_fd = self->lock_fd;
  if (self->file != NULL && g_file_equal (file, self->file))
    disk_state_copy (&job->expected, &self->disk);

  job->previous_stamp = g_strdup (polisi_policy_get_modified (self->policy));
  polisi_policy_set_modified (self->policy, stamp);
  {
    g_autofree char *name = polisi_xml_display_name (file);
    job->bytes = polisi_policy_to_file_bytes (self->policy, name, &job->refusal);
  }
  job->generation = self->generation;
  return job;
}

static void
finish_save (PolisiSession *self,
             SaveJob       *job,
             gboolean       ok)
{
  if (!ok)
    {
      polisi_policy_set_modified (self->policy, job->previous_stamp);
      return;
    }

  disk_state_copy (&self->disk, &job->written);
  set_file (self, job->file);
  set_changed_on_disk (self, FALSE);
  /* a change made while a save was under way is still to be saved */
  if (self->generation == job->generation)
    {
      set_modified (self, FALSE);
      discard_recovery_copy (self);
    }
}

/**
 * polisi_session_save:
 * @file: (nullable): where to save; %NULL for the session's file
 * @flags: what a careful editor would ask before doing
 *
 * Saves the policy atomically and removes its recovery copy. Refused,
 * with nothing written, when the file changed on disk since it was read
 * (POLISI_ERROR_CHANGED_ON_DISK), is read-only (POLISI_ERROR_READ_ONLY),
 * has other names (POLISI_ERROR_HARD_LINKED), or another Polisi holds its
 * lock for longer than the lock timeout (POLISI_ERROR_BUSY).
 */
gboolean
polisi_session_save (PolisiSession    *self,
                     GFile            *file,
                     PolisiSaveFlags   flags,
                     GError          **error)
{
  SaveJob *job;
  gboolean ok;

  g_return_val_if_fail (POLISI_IS_SESSION (self), FALSE);
  g_return_val_if_fail (self->policy != NULL, FALSE);
  g_return_val_if_fail (file != NULL || self->file != NULL, FALSE);

  job = prepare_save (self, file != NULL ? file : self->file, flags);
  ok = write_checked (job, error);
  finish_save (self, job, ok);
  save_job_free (job);
  return ok;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (write_checked (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * polisi_session_save_async:
 *
 * As polisi_session_save(), writing in a worker thread. The policy is
 * turned into its file's contents at once; what changes after that is
 * left for the next save (the session stays modified).
 */
void
polisi_session_save_async (PolisiSession       *self,
                           GFile               *file,
                           PolisiSaveFlags      flags,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (POLISI_IS_SESSION (self));
  g_return_if_fail (self->policy != NULL);
  g_return_if_fail (file != NULL || self->file != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, polisi_session_save_async);
  /* the lock the session holds stays the session's: the thread only looks */
  g_task_set_task_data (task, prepare_save (self, file != NULL ? file : self->file, flags),
                        (GDestroyNotify) save_job_free);
  set_saving (self, TRUE);
  g_task_run_in_thread (task, save_thread);
}

gboolean
polisi_session_save_finish (PolisiSession  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  gboolean ok;

  g_return_val_if_fail (POLISI_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  ok = g_task_propagate_boolean (G_TASK (result), error);
  finish_save (self, g_task_get_task_data (G_TASK (result)), ok);
  set_saving (self, FALSE);
  return ok;
}

/**
 * polisi_session_check_disk:
 *
 * Looks whether the file was changed by someone else since the session
 * read or saved it: by its contents, not only its time. Sets
 * #PolisiSession:changed-on-disk and #PolisiSession:read-only.
 *
 * Returns: %TRUE if it was changed
 */
gboolean
polisi_session_check_disk (PolisiSession *self)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (POLISI_IS_SESSION (self), FALSE);

  if (self->file == NULL)
    return FALSE;
  path = g_file_get_path (self->file);
  set_changed_on_disk (self, differs_from (path, &self->disk));
  update_read_only (self);
  return self->changed_on_disk;
}

/**
 * polisi_session_close:
 *
 * Closes the policy on purpose: its recovery copy goes, and so does any
 * lock. The session keeps the policy until it is given another.
 */
void
polisi_session_close (PolisiSession *self)
{
  g_return_if_fail (POLISI_IS_SESSION (self));

  discard_recovery_copy (self);
  polisi_session_unlock (self);
}

/**
 * polisi_session_autosave_now:
 *
 * Writes the recovery copy now if there are changes not yet saved.
 */
gboolean
polisi_session_autosave_now (PolisiSession  *self,
                             GError        **error)
{
  g_return_val_if_fail (POLISI_IS_SESSION (self), FALSE);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->recovery == NULL || self->policy == NULL || !self->modified)
    return TRUE;
  return polisi_recovery_save (self->recovery, self->recovery_id, self->policy, self->file, disk_state_get_checksum (&self->disk), error);
}

/**
 * polisi_session_find_recovery_copy:
 * @older: (out) (optional): set to %TRUE when the file was saved after the
 *   copy was made from it: the copy then lacks what was saved since
 *
 * The recovery copy of the session's file that a crash left behind.
 *
 * Returns: (transfer full) (nullable): the recovery copy, or %NULL
 */
PolisiRecoveryInfo *
polisi_session_find_recovery_copy (PolisiSession *self,
                                   gboolean      *older)
{
  PolisiRecoveryInfo *info;

  g_return_val_if_fail (POLISI_IS_SESSION (self), NULL);

  if (older != NULL)
    *older = FALSE;
  if (self->recovery == NULL || self->file == NULL)
    return NULL;
  info = polisi_recovery_find_for_file (self->recovery, self->file);
  if (info != NULL && older != NULL)
    *older = polisi_recovery_info_is_superseded (info);
  return info;
}

/* What recovering a copy reads: the copy, the file it is a copy of as it
 * is now, and the checksum of that file as the copy started from it. Read
 * in a worker thread by polisi_session_recover_async(). */
typedef struct {
  char           *id;
  PolisiRecovery *recovery;
  PolisiPolicy   *policy;
  GFile          *original;
  DiskState       state;
} RecoverJob;

static void
recover_job_free (RecoverJob *job)
{
  g_free (job->id);
  g_clear_object (&job->recovery);
  g_clear_object (&job->policy);
  g_clear_object (&job->original);
  disk_state_clear (&job->state);
  g_free (job);
}

/* Reads what recovering needs, touching nothing the session or the
 * recovery object keeps (only their files): a worker thread may run it. */
static gboolean
recover_read (RecoverJob  *job,
              GError     **error)
{
  job->policy = polisi_recovery_load (job->recovery, job->id, &job->original, error);
  if (job->policy == NULL)
    return FALSE;

  /* the file as the copy knew it: if it was saved since, a save asks */
  if (job->original != NULL)
    {
      g_autofree char *base = polisi_recovery_read_base (job->recovery, job->id);
      g_autoptr(GBytes) bytes = read_with_state (job->original, &job->state, NULL);

      if (bytes == NULL)
        disk_state_clear (&job->state);
      else if (base != NULL)
        {
          /* the checksum the copy started from, not the file's now */
          g_clear_pointer (&job->state.contents, g_bytes_unref);
          g_free (job->state.checksum);
          job->state.checksum = g_steal_pointer (&base);
        }
    }
  return TRUE;
}

/* In the main thread: the copy becomes this session's, and its policy is
 * shown as unsaved changes. */
static gboolean
recover_finish (PolisiSession  *self,
                RecoverJob     *job,
                GError        **error)
{
  if (!polisi_recovery_claim (self->recovery, job->id, error))
    return FALSE;

  if (g_strcmp0 (self->recovery_id, job->id) != 0)
    discard_recovery_copy (self);
  g_free (self->recovery_id);
  self->recovery_id = g_strdup (job->id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECOVERY_ID]);

  polisi_session_unlock (self);
  disk_state_copy (&self->disk, &job->state);
  show_policy (self, job->policy, job->original, TRUE);
  return TRUE;
}

static RecoverJob *
recover_job_new (PolisiSession *self,
                 const char    *id)
{
  RecoverJob *job = g_new0 (RecoverJob, 1);

  job->id = g_strdup (id);
  job->recovery = g_object_ref (self->recovery);
  return job;
}

/**
 * polisi_session_recover:
 * @id: the recovery copy's id (a #PolisiRecoveryInfo's)
 *
 * Shows the policy of recovery copy @id as unsaved changes to the file it
 * was a copy of, and keeps the copy (now this session's) until the policy is
 * saved or closed. The file's state is read now, so a save still notices
 * changes made to it later. polisi_session_recover_async() reads in a
 * worker thread.
 */
gboolean
polisi_session_recover (PolisiSession  *self,
                        const char     *id,
                        GError        **error)
{
  RecoverJob *job;
  gboolean done;

  g_return_val_if_fail (POLISI_IS_SESSION (self), FALSE);
  g_return_val_if_fail (self->recovery != NULL, FALSE);

  job = recover_job_new (self, id);
  done = recover_read (job, error) && recover_finish (self, job, error);
  recover_job_free (job);
  return done;
}

static void
recover_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;

  if (recover_read (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * polisi_session_recover_async:
 * @id: the recovery copy's id
 *
 * Recovers copy @id as polisi_session_recover() does, reading the copy and
 * its original in a worker thread, leaving the main loop free. The session
 * changes only in polisi_session_recover_finish(), in the main thread.
 */
void
polisi_session_recover_async (PolisiSession       *self,
                              const char          *id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (POLISI_IS_SESSION (self));
  g_return_if_fail (self->recovery != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, polisi_session_recover_async);
  g_task_set_task_data (task, recover_job_new (self, id), (GDestroyNotify) recover_job_free);
  g_task_run_in_thread (task, recover_thread);
}

/**
 * polisi_session_recover_finish:
 *
 * Returns: %TRUE when the recovered policy is shown; %FALSE with @error
 *   set when the copy could not be read or is kept by another window
 */
gboolean
polisi_session_recover_finish (PolisiSession  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (POLISI_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == polisi_session_recover_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  return recover_finish (self, g_task_get_task_data (G_TASK (result)), error);
}
