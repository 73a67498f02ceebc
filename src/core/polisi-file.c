/* polisi-file.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file Polisi writes (a policy, an ODT, a PDF) goes through
 * polisi_file_replace(): the new contents go to a temporary file in the
 * same folder, are flushed to disk, and replace the target with one
 * rename(). Whatever happens (a full disk, a crash, the power going off),
 * the target is either the old file or the new one, never half of each.
 *
 * On Linux the temporary file is created with O_TMPFILE, without a name,
 * so a process killed while writing leaves nothing behind. It gets a name
 * only for the instant before the rename, and that name is not beside the
 * target but in Polisi's own folder of partial files in the user's cache
 * (when it is on the same file system, so that the rename stays atomic): a
 * process killed in that instant leaves nothing in the user's folder, and
 * the next save clears what it left. Elsewhere, a hidden named file beside
 * the target is used and removed on failure.
 */
#define _GNU_SOURCE 1  /* O_TMPFILE, linkat */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "polisi-error.h"
#include "polisi-file.h"

static void
set_write_error (GError     **error,
                 int          saved_errno,
                 const char  *path,
                 const char  *folder)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *folder_name = g_filename_display_name (folder);

  switch (saved_errno)
    {
    case ENOSPC:
    case EFBIG:
#ifdef EDQUOT
    case EDQUOT:
#endif
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO,
                   _("There is not enough space to save “%s”. Free some space on the disk or choose another place; "
                     "nothing there has been changed."),
                   name);
      break;
    case EACCES:
    case EPERM:
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO,
                   _("You do not have permission to save in the folder “%s”. Choose another folder, such as your Documents folder."),
                   folder_name);
      break;
    case EROFS:
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO,
                   _("The folder “%s” cannot be written to (the disk is read-only). Choose another folder."),
                   folder_name);
      break;
    case ENOENT:
    case ENOTDIR:
      if (g_file_test (folder, G_FILE_TEST_IS_DIR))
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO,
                     _("Files cannot be created in the folder “%s”. Choose another folder, such as your Documents folder."),
                     folder_name);
      else
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO,
                     _("The folder “%s” does not exist. Choose a folder that exists, or create it first."),
                     folder_name);
      break;
    case EISDIR:
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO,
                   _("“%s” is a folder. Choose a file name."), name);
      break;
    default:
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO,
                   _("“%s” could not be saved: %s. Nothing there has been changed."),
                   name, g_strerror (saved_errno));
      break;
    }
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       length)
{
  while (length > 0)
    {
      ssize_t n = write (fd, data, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      data += n;
      length -= n;
    }

  return TRUE;
}

/* Removes the partial files of processes that no longer run. Their names
 * start with the process id. */
static void
clear_stale_partials (const char *partials)
{
  g_autoptr(GDir) dir = g_dir_open (partials, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      guint64 pid = g_ascii_strtoull (name, NULL, 10);

      if (pid > 0 && kill ((pid_t) pid, 0) != 0 && errno == ESRCH)
        {
          g_autofree char *stale = g_build_filename (partials, name, NULL);
          g_unlink (stale);
        }
    }
}

/* The folder for the instant a new file has a name before it replaces the
 * target: Polisi's partial files, if they are on the target's file system;
 * else the target's own folder. */
static char *
choose_partial_folder (const char *target_folder,
                       gboolean   *beside)
{
  g_autofree char *partials = g_build_filename (g_get_user_cache_dir (), "polisi", "partial", NULL);
  GStatBuf target_st, partial_st;

  *beside = TRUE;
  if (g_stat (target_folder, &target_st) != 0)
    return g_strdup (target_folder);
  if (g_mkdir_with_parents (partials, 0700) != 0 || g_stat (partials, &partial_st) != 0 ||
      partial_st.st_dev != target_st.st_dev)
    return g_strdup (target_folder);

  clear_stale_partials (partials);
  *beside = FALSE;
  return g_steal_pointer (&partials);
}

static gboolean
replace_through_gio (GFile       *file,
                     const void  *data,
                     gsize        length,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE,
                                NULL, NULL, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO,
                   _("“%s” could not be saved: %s"), name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * polisi_file_replace:
 *
 * Replaces the contents of @file with @data, atomically. On failure the
 * old file (if any) is untouched and no temporary file is left.
 */
gboolean
polisi_file_replace (GFile       *file,
                     const void  *data,
                     gsize        length,
                     GError     **error)
{
  g_autofree char *given = NULL;
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *partials = NULL;
  gboolean beside = TRUE;
  struct stat st;
  mode_t mode = 0666;
  int fd = -1;
  gboolean named = FALSE;
  gboolean existed = FALSE;
  int saved_errno;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  given = g_file_get_path (file);
  if (given == NULL)
    return replace_through_gio (file, data, length, error);

  /* Replace what a symbolic link points to, not the link. */
  path = realpath (given, NULL);
  if (path == NULL)
    path = g_strdup (given);
  folder = g_path_get_dirname (path);

  if (g_stat (folder, &st) != 0)
    {
      set_write_error (error, errno, path, folder);
      return FALSE;
    }
  if (!S_ISDIR (st.st_mode))
    {
      set_write_error (error, ENOTDIR, path, folder);
      return FALSE;
    }
  if (g_stat (path, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        {
          set_write_error (error, EISDIR, path, folder);
          return FALSE;
        }
      mode = st.st_mode & 07777;
      existed = TRUE;
    }

  partials = choose_partial_folder (folder, &beside);

#ifdef O_TMPFILE
  fd = open (partials, O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
  /* A replaced file keeps its permissions; a new one gets the umask's. */
  if (fd >= 0 && existed && fchmod (fd, mode) != 0)
    g_debug ("Could not keep the permissions of %s: %s", path, g_strerror (errno));
#endif
  if (fd < 0)
    {
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *template = g_strdup_printf (".%s.XXXXXX", base);

      temp_path = g_build_filename (folder, template, NULL);
      fd = g_mkstemp_full (temp_path, O_WRONLY | O_CLOEXEC, mode);
      if (fd < 0)
        {
          set_write_error (error, errno, path, folder);
          return FALSE;
        }
      named = TRUE;
    }

  if (!write_all (fd, data, length) || fsync (fd) != 0)
    goto fail;

  if (!named)
    {
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *proc = g_strdup_printf ("/proc/self/fd/%d", fd);

      for (guint attempt = 0; attempt < 100 && !named; attempt++)
        {
          g_free (temp_path);
          if (beside)
            temp_path = g_strdup_printf ("%s/.%s.%08x", folder, base, g_random_int ());
          else
            temp_path = g_strdup_printf ("%s/%d-%08x.partial", partials, (int) getpid (), g_random_int ());
          if (linkat (AT_FDCWD, proc, AT_FDCWD, temp_path, AT_SYMLINK_FOLLOW) == 0)
            named = TRUE;
          else if (errno != EEXIST)
            goto fail;
        }
      if (!named)
        goto fail;
    }

  if (close (fd) != 0)
    {
      fd = -1;
      goto fail;
    }
  fd = -1;

  if (rename (temp_path, path) != 0)
    goto fail;

  /* Make the rename itself durable. */
  {
    int dir_fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

    if (dir_fd >= 0)
      {
        fsync (dir_fd);
        close (dir_fd);
      }
  }

  return TRUE;

fail:
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  if (named && temp_path != NULL)
    g_unlink (temp_path);
  set_write_error (error, saved_errno, path, folder);
  return FALSE;
}
