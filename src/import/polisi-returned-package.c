/* polisi-returned-package.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The zip package of a returned draft (ODT or DOCX), read from memory with
 * libgsf under rules of its own, before any part is unpacked:
 *
 *  - the directory is read (the last one, as every other reader does) and
 *    refused when two members have the same name (readers disagree on
 *    which one counts), a name leaves the package ("..", "/", "\\"), a
 *    member is encrypted, there are more members than any document has, or
 *    the members claim to unpack to more than Polisi would ever read;
 *  - every member read is bounded by the size the directory gives, and
 *    checked against its CRC-32: a member that unpacks to more or less than
 *    it says, or to other bytes, is refused as damaged.
 */
#include "config.h"

#include <string.h>
#include <zlib.h>

#include <glib/gi18n-lib.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-infile-impl.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-input-memory.h>

#include "polisi-error.h"
#include "polisi-returned-private.h"

/* No document has this many parts. */
#define MAX_MEMBERS 5000
/* What all the members together may claim to unpack to. */
#define MAX_TOTAL_SIZE ((guint64) 1024 * 1024 * 1024)

typedef struct {
  guint32 crc;
  guint64 size;
} Member;

struct _PolisiPackage {
  GBytes     *data;
  guint8     *repaired;     /* a copy with impossible dates cleared, or NULL */
  GsfInfile  *zip;
  GHashTable *members;      /* name -> Member */
  char       *display_name;
  char       *format_name;
};

/* libgsf 1.14.50 turns each member's DOS date and time into a GDateTime
 * when it opens the member, and unrefs it without checking: an impossible
 * date (month 13, 30 February, minute 63) in a damaged zip directory is a
 * GLib critical. Polisi never uses those dates, so a package with an
 * impossible one is read from a copy where it is cleared to zero ("no
 * date"), which libgsf skips.
 *
 * Every central directory libgsf might read is walked: from each end of
 * directory record in the last 64 KiB (and its zip64 record), entry by
 * entry while the entries' signatures hold. */
#define ZIP_TRAILER_SEARCH (64 * 1024 + 1024)

static guint32
get_le32 (const guint8 *at)
{
  return (guint32) at[0] | ((guint32) at[1] << 8) | ((guint32) at[2] << 16) | ((guint32) at[3] << 24);
}

static guint16
get_le16 (const guint8 *at)
{
  return (guint16) (at[0] | (at[1] << 8));
}

static gboolean
dos_time_possible (guint32 dostime)
{
  g_autoptr(GDateTime) when = NULL;

  if (dostime == 0)
    return TRUE;
  /* decoded as libgsf decodes it */
  when = g_date_time_new_utc ((dostime >> 25) + 1980, (dostime >> 21) & 0x0f, (dostime >> 16) & 0x1f,
                              (dostime >> 11) & 0x0f, (dostime >> 5) & 0x3f, (dostime & 0x1f) * 2);
  return when != NULL;
}

/* What walking the zip directories found. */
typedef struct {
  guint    n_impossible;  /* dates */
  gboolean lost_member;   /* a member not where the directory says */
} ZipScan;

/* Walks the directory at @dir_pos; clears impossible dates when @clear,
 * else only counts them. An entry already walked (@seen, a bit for each
 * byte of @zip) ends the walk: directories that share entries are walked
 * once, however many end records point into them.
 *
 * It also checks that every member starts where the directory says: libgsf would find that out too, but say so on standard
 * error ("Header is 0x..."), which is not for the user to read. */
static void
walk_directory (guint8   *zip,
                gsize     size,
                guint64   dir_pos,
                guint8   *seen,
                gboolean  clear,
                ZipScan  *scan)
{
  while (dir_pos < size && size - dir_pos >= 46 && get_le32 (zip + dir_pos) == 0x02014b50 &&
         (seen[dir_pos / 8] & (1u << (dir_pos % 8))) == 0)
    {
      guint8 *entry = zip + dir_pos;
      guint16 name_length = get_le16 (entry + 28);
      guint32 local = get_le32 (entry + 42);

      seen[dir_pos / 8] |= 1u << (dir_pos % 8);
      if (!dos_time_possible (get_le32 (entry + 12)))
        {
          scan->n_impossible++;
          if (clear)
            memset (entry + 12, 0, 4);
        }
      /* (a zip64 offset, 0xffffffff, is left to libgsf) */
      if (local != 0xffffffff &&
          (local >= size || size - local < 30 || get_le32 (zip + local) != 0x04034b50))
        scan->lost_member = TRUE;
      dir_pos += 46 + (guint64) name_length + get_le16 (entry + 30) + get_le16 (entry + 32);
    }
}

static void
walk_directories (guint8   *zip,
                  gsize     size,
                  gboolean  clear,
                  ZipScan  *scan)
{
  gsize from = size > ZIP_TRAILER_SEARCH ? size - ZIP_TRAILER_SEARCH : 0;
  g_autofree guint8 *seen = NULL;

  memset (scan, 0, sizeof (ZipScan));
  for (gsize at = from; at + 22 <= size; at++)
    {
      if (get_le32 (zip + at) != 0x06054b50)
        continue;
      if (seen == NULL)
        seen = g_malloc0 (size / 8 + 1);
      walk_directory (zip, size, get_le32 (zip + at + 16), seen, clear, scan);
      /* the zip64 locator just before it, and the record it points to */
      if (at >= 20 && get_le32 (zip + at - 20) == 0x07064b50)
        {
          guint64 record = (guint64) get_le32 (zip + at - 12) | ((guint64) get_le32 (zip + at - 8) << 32);

          if (record < size && size - record >= 56 && get_le32 (zip + record) == 0x06064b50)
            walk_directory (zip, size, (guint64) get_le32 (zip + record + 48) |
                                       ((guint64) get_le32 (zip + record + 52) << 32),
                            seen, clear, scan);
        }
    }
}

/* Walks the zip directories of @data: @lost_member says whether a member
 * is not where the directory says.
 *
 * Returns: (transfer full) (nullable): a copy of @data with impossible
 *   dates cleared, or %NULL if it has none (or a member is lost) */
static guint8 *
examine_zip_directory (const guint8 *data,
                        gsize         size,
                        gboolean     *lost_member)
{
  g_autofree guint8 *copy = NULL;
  ZipScan scan;

  walk_directories ((guint8 *) data, size, FALSE, &scan);
  *lost_member = scan.lost_member;
  if (scan.n_impossible == 0 || scan.lost_member)
    return NULL;
  copy = g_memdup2 (data, size);
  walk_directories (copy, size, TRUE, &scan);
  return g_steal_pointer (&copy);
}

/* gsf_infile_child_by_name() reports a member it cannot open (a damaged
 * local header, an unknown compression) with g_warning(). A damaged
 * returned draft is reported to the user as an error, so the member is
 * opened through the class method, which hands the failure back. */
static GsfInput *
open_member (GsfInfile  *zip,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  GsfInput *member = GSF_INFILE_CLASS (G_OBJECT_GET_CLASS (zip))->child_by_name (zip, name, &error);

  if (error != NULL)
    g_clear_object (&member);
  return member;
}


/* libgsf keeps folders as nested packages: "word/document.xml" is the
 * member "document.xml" of the folder "word". */
static GsfInput *
open_path (GsfInfile  *zip,
           const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  GsfInput *current = GSF_INPUT (g_object_ref (zip));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      GsfInput *next;

      if (!GSF_IS_INFILE (current))
        {
          g_object_unref (current);
          return NULL;
        }
      next = open_member (GSF_INFILE (current), parts[i]);
      g_object_unref (current);
      if (next == NULL)
        return NULL;
      current = next;
    }
  if (GSF_IS_INFILE (current) && gsf_infile_num_children (GSF_INFILE (current)) >= 0)
    {
      /* a folder, not a member */
      g_object_unref (current);
      return NULL;
    }
  return current;
}

void
polisi_package_free (PolisiPackage *package)
{
  if (package == NULL)
    return;
  g_clear_object (&package->zip);
  g_clear_pointer (&package->members, g_hash_table_unref);
  g_clear_pointer (&package->data, g_bytes_unref);
  g_free (package->repaired);
  g_free (package->display_name);
  g_free (package->format_name);
  g_free (package);
}

static void
set_damaged (GError     **error,
             const char  *display_name,
             const char  *format_name,
             const char  *why)
{
  g_set_error (error, POLISI_ERROR, POLISI_ERROR_MALFORMED,
               /* Translators: the second %s is ODT or DOCX, the third says what is wrong */
               _("“%s” is damaged: it is not a complete %s package (%s). Nothing was imported. "
                 "Ask whoever returned it to save it again and send it again."),
               display_name, format_name, why);
}

/* A name that would leave the package if it were unpacked. */
static gboolean
name_leaves_package (const char *name,
                     gsize       length)
{
  if (length == 0 || name[0] == '/' || memchr (name, '\\', length) != NULL || memchr (name, '\0', length) != NULL)
    return TRUE;
  for (gsize i = 0; i + 1 < length; i++)
    if (name[i] == '.' && name[i + 1] == '.' &&
        (i == 0 || name[i - 1] == '/') && (i + 2 == length || name[i + 2] == '/'))
      return TRUE;
  return FALSE;
}

/* Reads the last central directory, the one readers use. */
static gboolean
read_directory (PolisiPackage  *package,
                const guint8   *zip,
                gsize           size,
                GError        **error)
{
  gsize from = size > ZIP_TRAILER_SEARCH ? size - ZIP_TRAILER_SEARCH : 0;
  gssize end = -1;
  guint64 dir_pos, n_entries, total = 0;

  for (gsize at = size >= 22 ? size - 22 + 1 : 0; at-- > from;)
    if (get_le32 (zip + at) == 0x06054b50)
      {
        end = at;
        break;
      }
  if (end < 0)
    {
      set_damaged (error, package->display_name, package->format_name, _("the zip directory cannot be found"));
      return FALSE;
    }
  n_entries = get_le16 (zip + end + 10);
  dir_pos = get_le32 (zip + end + 16);
  if (n_entries == 0xffff || dir_pos == 0xffffffff)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_TOO_LARGE,
                   _("“%s” is a zip archive too large to be a returned consultation draft (it uses the zip64 format). "
                     "Nothing was imported. Check that you chose the draft that came back."),
                   package->display_name);
      return FALSE;
    }
  if (n_entries > MAX_MEMBERS)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_TOO_LARGE,
                   _("“%s” holds more than %u parts, more than any document has. Nothing was imported. "
                     "Check that you chose the draft that came back."),
                   package->display_name, MAX_MEMBERS);
      return FALSE;
    }

  for (guint64 i = 0; i < n_entries; i++)
    {
      const guint8 *entry;
      guint16 flags, name_length;
      g_autofree char *name = NULL;
      Member *member;

      if (dir_pos >= size || size - dir_pos < 46 || get_le32 (zip + dir_pos) != 0x02014b50)
        {
          set_damaged (error, package->display_name, package->format_name, _("the zip directory is cut short"));
          return FALSE;
        }
      entry = zip + dir_pos;
      flags = get_le16 (entry + 8);
      name_length = get_le16 (entry + 28);
      if (size - dir_pos - 46 < name_length)
        {
          set_damaged (error, package->display_name, package->format_name, _("the zip directory is cut short"));
          return FALSE;
        }
      if (name_leaves_package ((const char *) entry + 46, name_length))
        {
          g_autofree char *shown = g_utf8_make_valid ((const char *) entry + 46, MIN (name_length, 200));

          g_set_error (error, POLISI_ERROR, POLISI_ERROR_UNSAFE,
                       _("“%s” was refused: it holds a part named “%s”, which points outside the document. "
                         "Office programs never write such names. Nothing was imported. "
                         "Ask whoever returned it to save it again from their office program."),
                       package->display_name, shown);
          return FALSE;
        }
      name = g_strndup ((const char *) entry + 46, name_length);
      if (flags & 0x0001)
        {
          g_set_error (error, POLISI_ERROR, POLISI_ERROR_NOT_POLICY,
                       _("“%s” is protected with a password, so Polisi cannot read it. Nothing was imported. "
                         "Ask whoever returned it to save it again without a password, then import that file."),
                       package->display_name);
          return FALSE;
        }
      if (g_hash_table_contains (package->members, name))
        {
          g_autofree char *shown = g_utf8_make_valid (name, -1);

          g_set_error (error, POLISI_ERROR, POLISI_ERROR_MALFORMED,
                       _("“%s” was refused: it holds two parts named “%s”, and office programs would not agree on "
                         "which one is the document. Nothing was imported. "
                         "Ask whoever returned it to save it again from their office program."),
                       package->display_name, shown);
          return FALSE;
        }
      member = g_new0 (Member, 1);
      member->crc = get_le32 (entry + 16);
      member->size = get_le32 (entry + 24);
      total += member->size;
      g_hash_table_insert (package->members, g_steal_pointer (&name), member);
      dir_pos += 46 + (guint64) name_length + get_le16 (entry + 30) + get_le16 (entry + 32);
    }

  if (total > MAX_TOTAL_SIZE)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_TOO_LARGE,
                   _("“%s” was refused: its parts would unpack to more than %u MB, far more than any consultation "
                     "draft. Nothing was imported. Check that you chose the draft that came back."),
                   package->display_name, (guint) (MAX_TOTAL_SIZE / (1024 * 1024)));
      return FALSE;
    }
  return TRUE;
}

/**
 * polisi_package_open:
 * @data: the whole file, which starts with a zip local header
 * @format_name: "ODT" or "DOCX", for messages
 *
 * Returns: (transfer full): the package, or %NULL with @error set
 */
PolisiPackage *
polisi_package_open (GBytes      *data,
                     const char  *display_name,
                     const char  *format_name,
                     GError     **error)
{
  g_autoptr(PolisiPackage) package = g_new0 (PolisiPackage, 1);
  g_autoptr(GError) zip_error = NULL;
  GsfInput *input;
  gboolean lost_member;
  gsize size;
  const guint8 *bytes = g_bytes_get_data (data, &size);

  package->data = g_bytes_ref (data);
  package->display_name = g_strdup (display_name);
  package->format_name = g_strdup (format_name);
  package->members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (!read_directory (package, bytes, size, error))
    return NULL;

  package->repaired = examine_zip_directory (bytes, size, &lost_member);
  if (lost_member)
    {
      set_damaged (error, display_name, format_name, _("the zip directory points to a part that is not there"));
      return NULL;
    }
  input = gsf_input_memory_new (package->repaired != NULL ? package->repaired : bytes, size, FALSE);
  package->zip = gsf_infile_zip_new (input, &zip_error);
  g_object_unref (input);
  if (package->zip == NULL)
    {
      set_damaged (error, display_name, format_name,
                   zip_error != NULL ? zip_error->message : _("the zip directory cannot be read"));
      return NULL;
    }
  return g_steal_pointer (&package);
}

gboolean
polisi_package_has (PolisiPackage *package,
                    const char    *name)
{
  return g_hash_table_contains (package->members, name);
}

/* Whether any member's name starts with @prefix ("word/"). */
gboolean
polisi_package_has_prefix (PolisiPackage *package,
                           const char    *prefix)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, package->members);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_str_has_prefix (key, prefix))
      return TRUE;
  return FALSE;
}

/**
 * polisi_package_read:
 * @name: the member, as the directory names it
 * @max_size: the most it may unpack to
 * @required: whether a missing member is an error
 *
 * Unpacks a member, no further than the size the directory gives, and
 * checks it against the directory's CRC-32.
 *
 * Returns: (transfer full) (nullable): the member; %NULL with @error set
 *   when it cannot be read, or without when it is missing and not @required
 */
GBytes *
polisi_package_read (PolisiPackage  *package,
                     const char     *name,
                     gsize           max_size,
                     gboolean        required,
                     GError        **error)
{
  Member *entry = g_hash_table_lookup (package->members, name);
  g_autoptr(GByteArray) data = NULL;
  GsfInput *member;
  uLong crc;

  if (entry == NULL)
    {
      if (required)
        {
          g_autofree char *why = g_strdup_printf (_("its part “%s” is missing"), name);
          set_damaged (error, package->display_name, package->format_name, why);
        }
      return NULL;
    }
  if (entry->size > max_size)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_TOO_LARGE,
                   _("“%s” was refused: its part “%s” would unpack to more than %u MB, too much for a consultation "
                     "draft. Nothing was imported. Check that you chose the draft that came back."),
                   package->display_name, name, (guint) MAX (max_size / (1024 * 1024), 1));
      return NULL;
    }

  member = open_path (package->zip, name);
  if (member == NULL || gsf_input_size (member) < 0 || (guint64) gsf_input_size (member) != entry->size)
    {
      g_autofree char *why = g_strdup_printf (_("its part “%s” cannot be unpacked"), name);

      g_clear_object (&member);
      set_damaged (error, package->display_name, package->format_name, why);
      return NULL;
    }

  data = g_byte_array_sized_new ((guint) entry->size);
  while (gsf_input_remaining (member) > 0)
    {
      gsize chunk = MIN ((gsize) gsf_input_remaining (member), 64 * 1024);
      const guint8 *bytes = gsf_input_read (member, chunk, NULL);

      if (bytes == NULL)
        {
          g_autofree char *why = g_strdup_printf (_("its part “%s” is cut short"), name);

          g_object_unref (member);
          set_damaged (error, package->display_name, package->format_name, why);
          return NULL;
        }
      g_byte_array_append (data, bytes, chunk);
    }
  g_object_unref (member);

  crc = crc32 (0L, Z_NULL, 0);
  for (gsize done = 0; done < data->len;)
    {
      uInt chunk = (uInt) MIN (data->len - done, (gsize) 1 << 30);

      crc = crc32 (crc, data->data + done, chunk);
      done += chunk;
    }
  if ((guint32) crc != entry->crc)
    {
      g_autofree char *why = g_strdup_printf (_("its part “%s” does not match the checksum recorded for it"), name);

      set_damaged (error, package->display_name, package->format_name, why);
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}
