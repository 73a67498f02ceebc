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

#include <sys/file.h>

/* The end of the name of a partial file: "123-0a1b2c3d.partial" in the
 * cache's folder, ".school.polisi.0a1b2c3d.partial" beside a target. */
#define PARTIAL_SUFFIX ".partial"

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
      {
        /* the nearest of the folders on the way that exists: is it a file? */
        g_autofree char *existing = g_strdup (folder);

        while (!g_file_test (existing, G_FILE_TEST_EXISTS) && strchr (existing, '/') != NULL &&
               !g_str_equal (existing, "/"))
          {
            char *parent = g_path_get_dirname (existing);
            g_free (existing);
            existing = parent;
          }
        if (g_file_test (existing, G_FILE_TEST_EXISTS) && !g_file_test (existing, G_FILE_TEST_IS_DIR))
          {
            g_autofree char *file_name = g_filename_display_name (existing);
            g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO,
                         _("“%s” is a file, not a folder, so nothing can be saved inside it. Choose a folder."),
                         file_name);
            break;
          }
      }
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

/* Every partial file is locked (flock) by the process writing it, from
 * before it has a name until it has replaced its target. A partial file
 * nobody holds a lock on was left by a process that was killed: it is
 * removed. This does not depend on process ids, which are used again. */
static void
remove_if_abandoned (const char *path)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);

  if (fd < 0)
    return;
  if (flock (fd, LOCK_EX | LOCK_NB) == 0)
    {
      struct stat st;

      /* still the same file, and still a regular one */
      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode))
        g_unlink (path);
    }
  close (fd);
}

/* Removes, from @folder, the partial files whose names start with
 * @prefix and that no process is writing any more. */
static void
clear_abandoned_partials (const char *folder,
                          const char *prefix)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, PARTIAL_SUFFIX))
        {
          g_autofree char *stale = g_build_filename (folder, name, NULL);
          remove_if_abandoned (stale);
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

  clear_abandoned_partials (partials, "");
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

/* The file @given stands for: itself, or what the symbolic links it is
 * lead to, even when the last of them points at a file that does not
 * exist yet (the new file is made there, and the link stays a link). */
static char *
resolve_target (const char *given)
{
  g_autofree char *path = g_strdup (given);

  for (guint depth = 0; depth < 32; depth++)
    {
      char *resolved = realpath (path, NULL);
      g_autofree char *link = NULL;
      g_autofree char *folder = NULL;

      if (resolved != NULL)
        return resolved;
      /* a dangling link: follow it by hand */
      link = g_file_read_link (path, NULL);
      if (link == NULL)
        break;
      folder = g_path_get_dirname (path);
      g_free (path);
      path = g_path_is_absolute (link) ? g_strdup (link) : g_build_filename (folder, link, NULL);
    }
  return g_steal_pointer (&path);
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
  path = resolve_target (given);
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
      g_autofree char *template = g_strdup_printf (".%s.XXXXXX" PARTIAL_SUFFIX, base);
      g_autofree char *prefix = g_strdup_printf (".%s.", base);

      clear_abandoned_partials (folder, prefix);

      temp_path = g_build_filename (folder, template, NULL);
      fd = g_mkstemp_full (temp_path, O_WRONLY | O_CLOEXEC, mode);
      if (fd < 0)
        {
          set_write_error (error, errno, path, folder);
          return FALSE;
        }
      named = TRUE;
    }

  /* Held until the new file has replaced the target: see
   * remove_if_abandoned(). */
  if (flock (fd, LOCK_EX) != 0)
    g_debug ("Could not lock the partial file for %s: %s", path, g_strerror (errno));

  if (!write_all (fd, data, length) || fsync (fd) != 0)
    goto fail;

  if (!named)
    {
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *proc = g_strdup_printf ("/proc/self/fd/%d", fd);

      /* What an earlier save of the same file left beside it when it was
       * killed in the instant before its rename goes now. */
      if (beside)
        {
          g_autofree char *prefix = g_strdup_printf (".%s.", base);
          clear_abandoned_partials (folder, prefix);
        }

      for (guint attempt = 0; attempt < 100 && !named; attempt++)
        {
          g_free (temp_path);
          if (beside)
            temp_path = g_strdup_printf ("%s/.%s.%08x" PARTIAL_SUFFIX, folder, base, g_random_int ());
          else
            temp_path = g_strdup_printf ("%s/%d-%08x" PARTIAL_SUFFIX, partials, (int) getpid (), g_random_int ());
          if (linkat (AT_FDCWD, proc, AT_FDCWD, temp_path, AT_SYMLINK_FOLLOW) == 0)
            named = TRUE;
          else if (errno == ENOENT && !beside)
            /* the cache's folder went away under us (someone cleared the
             * cache): the same file system, so beside the target will do */
            beside = TRUE;
          else if (errno != EEXIST)
            goto fail;
        }
      if (!named)
        goto fail;
    }

  if (rename (temp_path, path) != 0)
    goto fail;

  /* Closing releases the lock, now that the partial name is gone. The
   * data reached the disk (fsync) before the rename. */
  close (fd);
  fd = -1;

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
