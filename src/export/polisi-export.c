/* polisi-export.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parts of exporting that do not depend on the format: the language
 * order of a layout (Welsh first unless English first is asked for), the
 * fixed words of the output in each language, the note a one-language
 * version carries about the other, links in text, and writing the result
 * to disk in one atomic step.
 *
 * And the way back: the comments of a consultation draft returned as an
 * ODT. The package is read from memory with libgsf, within bounds (the
 * file, and content.xml unpacked), and every way it can be wrong gets its
 * own message: not a package at all, a Word document, another kind of
 * OpenDocument, a broken zip, a part missing or cut short.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-infile-impl.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-input-memory.h>

#include "polisi-assembler.h"
#include "polisi-docx.h"
#include "polisi-error.h"
#include "polisi-export.h"
#include "polisi-file.h"
#include "polisi-odt.h"
#include "polisi-pdf.h"

/* One row per format, in PolisiFormat's order. */
static const struct {
  const char *name;        /* as on the command line: --export=NAME */
  const char *extension;   /* with its dot */
  gboolean    editable;    /* a reader can edit it, comment on it and track changes */
  const char *description; /* for file choosers, translated */
} formats[N_POLISI_FORMATS] = {
  [POLISI_FORMAT_ODT] = { "odt", ".odt", TRUE, N_("OpenDocument text") },
  [POLISI_FORMAT_PDF] = { "pdf", ".pdf", FALSE, N_("PDF documents") },
  [POLISI_FORMAT_DOCX] = { "docx", ".docx", TRUE, N_("Word documents") },
};

const char *
polisi_format_get_name (PolisiFormat format)
{
  g_return_val_if_fail (format < N_POLISI_FORMATS, NULL);
  return formats[format].name;
}

const char *
polisi_format_get_extension (PolisiFormat format)
{
  g_return_val_if_fail (format < N_POLISI_FORMATS, NULL);
  return formats[format].extension;
}

/* "PDF documents": what a file chooser calls files of the format. */
const char *
polisi_format_get_description (PolisiFormat format)
{
  g_return_val_if_fail (format < N_POLISI_FORMATS, NULL);
  return _(formats[format].description);
}

/* Whether the format is one a reviewer edits: it can carry tracked changes
 * and comments, and come back to be imported. */
gboolean
polisi_format_is_editable (PolisiFormat format)
{
  g_return_val_if_fail (format < N_POLISI_FORMATS, FALSE);
  return formats[format].editable;
}

gboolean
polisi_format_from_name (const char   *name,
                         PolisiFormat *format)
{
  for (guint i = 0; i < N_POLISI_FORMATS; i++)
    if (name != NULL && g_ascii_strcasecmp (name, formats[i].name) == 0)
      {
        *format = i;
        return TRUE;
      }
  return FALSE;
}

/* "odt, pdf, docx": the names of every format, for messages. */
char *
polisi_format_list_names (const char *separator)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < N_POLISI_FORMATS; i++)
    {
      if (i > 0)
        g_string_append (names, separator);
      g_string_append (names, formats[i].name);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* @path without @old_suffix (when it ends with it), then @insert (or
 * nothing), then the format's extension: "school.polisi" becomes
 * "school-changes.pdf". */
char *
polisi_format_replace_extension (const char   *path,
                                 const char   *old_suffix,
                                 const char   *insert,
                                 PolisiFormat  format)
{
  gsize length = strlen (path);

  g_return_val_if_fail (format < N_POLISI_FORMATS, NULL);

  if (old_suffix != NULL && g_str_has_suffix (path, old_suffix))
    length -= strlen (old_suffix);
  return g_strdup_printf ("%.*s%s%s", (int) length, path, insert != NULL ? insert : "",
                          formats[format].extension);
}

void
polisi_export_options_init (PolisiExportOptions *options,
                            PolisiLayout         layout)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->layout = layout;
}

/**
 * polisi_export_get_languages:
 * @langs: (out caller-allocates): the languages, in reading order
 *
 * Returns: how many languages the layout shows (1 or 2)
 */
guint
polisi_export_get_languages (const PolisiExportOptions *options,
                             PolisiLang                 langs[POLISI_N_LANGS])
{
  switch (options->layout)
    {
    case POLISI_LAYOUT_CY:
      langs[0] = POLISI_LANG_CY;
      return 1;
    case POLISI_LAYOUT_EN:
      langs[0] = POLISI_LANG_EN;
      return 1;
    case POLISI_LAYOUT_COLUMNS:
    case POLISI_LAYOUT_SEQUENTIAL:
    case POLISI_LAYOUT_SEPARATE:
    default:
      langs[0] = options->english_first ? POLISI_LANG_EN : POLISI_LANG_CY;
      langs[1] = POLISI_LANG_OTHER (langs[0]);
      return 2;
    }
}

const char *
polisi_export_term (PolisiTerm term,
                    PolisiLang lang)
{
  static const char *terms[N_POLISI_TERMS][POLISI_N_LANGS] = {
    [POLISI_TERM_CONTENTS] = { "Cynnwys", "Contents" },
    [POLISI_TERM_PAGE_X_OF_Y] = { "Tudalen %s o %s", "Page %s of %s" },
    [POLISI_TERM_VERSION] = { "Fersiwn", "Version" },
    [POLISI_TERM_REVIEW_DATE] = { "Dyddiad adolygu", "Review date" },
    [POLISI_TERM_CLOSING_DATE] = { "Dyddiad cau ar gyfer sylwadau", "Closing date for comments" },
    [POLISI_TERM_DATE] = { "Dyddiad", "Date" },
    [POLISI_TERM_LANGUAGE_NAME] = { "Cymraeg", "English" },
  };

  g_return_val_if_fail (term < N_POLISI_TERMS, NULL);
  return terms[term][lang];
}

/* "Tudalen 3 o 12", "Page 3 of 12"; numbers in the C locale. */
char *
polisi_export_page_x_of_y (PolisiLang lang,
                           guint      page,
                           guint      n_pages)
{
  char x[16], y[16];

  g_snprintf (x, sizeof x, "%u", page);
  g_snprintf (y, sizeof y, "%u", n_pages);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  return g_strdup_printf (polisi_export_term (POLISI_TERM_PAGE_X_OF_Y, lang), x, y);
#pragma GCC diagnostic pop
}

/**
 * polisi_export_availability_note:
 *
 * A policy for Wales published in one language says that the other
 * language's version exists (and, for two separate files, its name).
 *
 * Returns: (transfer full) (nullable): the note in @lang, or %NULL
 */
char *
polisi_export_availability_note (PolisiDocument            *document,
                                 const PolisiExportOptions *options,
                                 PolisiLang                 lang)
{
  if (polisi_document_get_nation (document) != POLISI_NATION_WALES)
    return NULL;
  if (options->layout != POLISI_LAYOUT_CY && options->layout != POLISI_LAYOUT_EN)
    return NULL;

  if (options->other_file != NULL)
    return lang == POLISI_LANG_CY ?
           g_strdup_printf ("Mae fersiwn Saesneg o'r polisi hwn ar gael yn y ffeil %s.", options->other_file) :
           g_strdup_printf ("This policy is also available in Welsh, in the file %s.", options->other_file);

  return lang == POLISI_LANG_CY ?
         g_strdup ("Mae fersiwn Saesneg o'r polisi hwn ar gael.") :
         g_strdup ("This policy is also available in Welsh.");
}

/* "Fersiwn 1.0 · Drafft · 21 Tachwedd 2026" */
char *
polisi_export_version_line (PolisiDocument *document,
                            PolisiLang      lang)
{
  return g_strdup_printf ("%s %s · %s · %s",
                          polisi_export_term (POLISI_TERM_VERSION, lang),
                          polisi_document_get_version (document),
                          polisi_document_get_status_text (document, lang),
                          polisi_document_get_date_text (document, lang));
}

/* "3 Diogelu", "Atodiad A: ...", "Hanes fersiynau": a heading as shown. */
char *
polisi_export_heading_label (PolisiBlock *block,
                             PolisiLang   lang)
{
  const char *text = polisi_block_get_heading_text (block, lang);

  if (block->number == NULL || block->appendix)
    return g_strdup (text);
  return g_strdup_printf ("%s  %s", block->number, text);
}

static gboolean
is_link_end (gunichar c)
{
  return c == 0 || g_unichar_isspace (c) || c == '<' || c == '>' || c == '"';
}

/**
 * polisi_export_find_links:
 *
 * Finds web addresses (http://, https://, www.) in @text. A full stop,
 * comma or closing bracket at the end belongs to the sentence, not the
 * address.
 *
 * Returns: (transfer full) (element-type PolisiLinkSpan): the links
 */
GArray *
polisi_export_find_links (const char *text)
{
  GArray *links = g_array_new (FALSE, FALSE, sizeof (PolisiLinkSpan));
  const char *p = text;

  while (p != NULL && *p != '\0')
    {
      const char *start = NULL;
      const char *end;

      for (const char *q = p; *q != '\0'; q++)
        if ((g_str_has_prefix (q, "https://") || g_str_has_prefix (q, "http://") || g_str_has_prefix (q, "www.")) &&
            (q == text || !g_ascii_isalnum (q[-1])))
          {
            start = q;
            break;
          }
      if (start == NULL)
        break;

      end = start;
      while (!is_link_end (g_utf8_get_char (end)))
        end = g_utf8_next_char (end);
      while (end > start && strchr (".,;:)]}!?'", end[-1]) != NULL)
        end--;

      if (end - start > (gssize) strlen ("www."))
        {
          PolisiLinkSpan span = { start - text, end - text };
          g_array_append_val (links, span);
        }
      p = end > start ? end : start + 1;
    }

  return links;
}

GBytes *
polisi_export_to_bytes (PolisiDocument            *document,
                        PolisiFormat               format,
                        const PolisiExportOptions *options,
                        GError                   **error)
{
  g_return_val_if_fail (POLISI_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->layout != POLISI_LAYOUT_SEPARATE, NULL);

  switch (format)
    {
    case POLISI_FORMAT_ODT:
      return polisi_odt_write (document, options, error);
    case POLISI_FORMAT_PDF:
      return polisi_pdf_write (document, options, error);
    case POLISI_FORMAT_DOCX:
      return polisi_docx_write (document, options, error);
    case N_POLISI_FORMATS:
    default:
      break;
    }
  g_return_val_if_reached (NULL);
}

/**
 * polisi_export_to_file:
 *
 * Builds the whole file in memory, then replaces @file with it in one
 * atomic step: a failure (a missing folder, no permission, a full disk)
 * leaves whatever was there as it was, and nothing beside it.
 */
gboolean
polisi_export_to_file (PolisiDocument            *document,
                       PolisiFormat               format,
                       const PolisiExportOptions *options,
                       GFile                     *file,
                       GError                   **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const void *data;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = polisi_export_to_bytes (document, format, options, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &size);
  return polisi_file_replace (file, data, size, error);
}

/* A returned draft is some hundreds of kilobytes; with pictures pasted in,
 * a few megabytes. */
#define RETURNED_MAX_SIZE (64 * 1024 * 1024)
#define CONTENT_MAX_SIZE (16 * 1024 * 1024)
#define ODT_MIME "application/vnd.oasis.opendocument.text"

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
  gboolean lost_member;   /* the mimetype or content.xml not where the directory says */
} ZipScan;

/* Walks the directory at @dir_pos; clears impossible dates when @clear,
 * else only counts them. An entry already walked (@seen, a bit for each
 * byte of @zip) ends the walk: directories that share entries are walked
 * once, however many end records point into them.
 *
 * It also checks that the two members Polisi reads start where the
 * directory says: libgsf would find that out too, but say so on standard
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
      if (size - dir_pos - 46 >= name_length && local != 0xffffffff &&
          ((name_length == strlen ("mimetype") && memcmp (entry + 46, "mimetype", name_length) == 0) ||
           (name_length == strlen ("content.xml") && memcmp (entry + 46, "content.xml", name_length) == 0)) &&
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

/* Walks the zip directories of @data: @lost_member says whether the
 * mimetype or content.xml is not where the directory says.
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

/* libgsf 1.14.50 declares no autoptr cleanups: members are unreffed by
 * hand. */
static GBytes *
read_member (GsfInfile  *zip,
             const char *name,
             gsize       max_size,
             gboolean   *too_large)
{
  GsfInput *member = open_member (zip, name);
  g_autoptr(GByteArray) data = NULL;
  gsf_off_t size;

  *too_large = FALSE;
  if (member == NULL)
    return NULL;
  size = gsf_input_size (member);
  if (size < 0 || (guint64) size > max_size)
    {
      *too_large = TRUE;
      g_object_unref (member);
      return NULL;
    }

  /* The size is what the zip directory says; the reading is bounded by it
   * whatever the compressed data would unpack to. */
  data = g_byte_array_sized_new ((guint) size);
  while (gsf_input_remaining (member) > 0)
    {
      gsize chunk = MIN ((gsize) gsf_input_remaining (member), 64 * 1024);
      const guint8 *bytes = gsf_input_read (member, chunk, NULL);

      if (bytes == NULL)
        {
          g_object_unref (member);
          return NULL;
        }
      g_byte_array_append (data, bytes, chunk);
    }
  g_object_unref (member);
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

static gboolean
has_member (GsfInfile  *zip,
            const char *name)
{
  GsfInput *member = open_member (zip, name);

  if (member == NULL)
    return FALSE;
  g_object_unref (member);
  return TRUE;
}

/**
 * polisi_odt_read_content:
 * @package: the file, whole
 * @display_name: its name, for messages
 *
 * Checks that @package is an OpenDocument text and unpacks its
 * content.xml.
 *
 * Returns: (transfer full): content.xml, or %NULL with @error set
 */
GBytes *
polisi_odt_read_content (GBytes      *package,
                         const char  *display_name,
                         GError     **error)
{
  GsfInput *input = NULL;
  GsfInfile *zip = NULL;
  g_autofree guint8 *repaired = NULL;
  gboolean lost_member;
  g_autoptr(GError) zip_error = NULL;
  g_autoptr(GBytes) mimetype = NULL;
  g_autoptr(GBytes) content = NULL;
  gboolean too_large;
  gsize size;
  const char *data = g_bytes_get_data (package, &size);

  g_return_val_if_fail (package != NULL, NULL);

  if (size > RETURNED_MAX_SIZE)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_TOO_LARGE,
                   _("“%s” is larger than %u MB, too large to be a returned consultation draft. Nothing was imported. "
                     "Check that you chose the draft that came back; if pictures were pasted into it, ask for it without them."),
                   display_name, (guint) (RETURNED_MAX_SIZE / (1024 * 1024)));
      return NULL;
    }
  if (size < 4 || memcmp (data, "PK\003\004", 4) != 0)
    {
      if (size >= 5 && memcmp (data, "%PDF-", 5) == 0)
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_NOT_POLICY,
                     _("“%s” is a PDF document. Nothing was imported: comments can be read only from an ODT document. "
                       "Ask for the consultation draft back as ODT, with the comments added to it."),
                     display_name);
      else if (data != NULL && g_strstr_len (data, MIN (size, 4096), "https://polisi.cymru/ns/policy/") != NULL)
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_NOT_POLICY,
                     _("“%s” is a Polisi policy, not a returned consultation draft. Nothing was imported. "
                       "Choose the ODT document that came back with the comments."),
                     display_name);
      else
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_NOT_POLICY,
                     _("“%s” is not an ODT document. Nothing was imported. "
                       "Choose the consultation draft that came back, saved as ODT (OpenDocument text)."),
                     display_name);
      return NULL;
    }

  repaired = examine_zip_directory ((const guint8 *) data, size, &lost_member);
  if (lost_member)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_MALFORMED,
                   _("“%s” is damaged: it is not a complete ODT package (%s). Nothing was imported. "
                     "Ask whoever returned it to save it again as ODT and send it again."),
                   display_name, _("the zip directory points to a part that is not there"));
      return NULL;
    }
  if (repaired != NULL)
    input = gsf_input_memory_new (repaired, size, FALSE);
  else
    input = gsf_input_memory_new ((const guint8 *) data, size, FALSE);
  zip = gsf_infile_zip_new (input, &zip_error);
  g_object_unref (input);
  if (zip == NULL)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_MALFORMED,
                   _("“%s” is damaged: it is not a complete ODT package (%s). Nothing was imported. "
                     "Ask whoever returned it to save it again as ODT and send it again."),
                   display_name, zip_error != NULL ? zip_error->message : _("the zip directory cannot be read"));
      return NULL;
    }

  mimetype = read_member (zip, "mimetype", 256, &too_large);
  if (mimetype == NULL ||
      g_bytes_get_size (mimetype) != strlen (ODT_MIME) ||
      memcmp (g_bytes_get_data (mimetype, NULL), ODT_MIME, strlen (ODT_MIME)) != 0)
    {
      if (has_member (zip, "word"))
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_NOT_POLICY,
                     _("“%s” is a Word document (DOCX). Nothing was imported. Open it in Word and save it as "
                       "“OpenDocument Text (.odt)”, or ask whoever returned it to do so, then import that file."),
                     display_name);
      else if (mimetype != NULL && g_bytes_get_size (mimetype) > strlen ("application/vnd.oasis.opendocument.") &&
               memcmp (g_bytes_get_data (mimetype, NULL), "application/vnd.oasis.opendocument.",
                       strlen ("application/vnd.oasis.opendocument.")) == 0)
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_NOT_POLICY,
                     _("“%s” is an OpenDocument file, but not a text document (it may be a spreadsheet or a "
                       "presentation). Nothing was imported. Choose the consultation draft that came back."),
                     display_name);
      else
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_NOT_POLICY,
                     _("“%s” is a packaged file, but not an ODT document. Nothing was imported. "
                       "Choose the consultation draft that came back, saved as ODT (OpenDocument text)."),
                     display_name);
      g_object_unref (zip);
      return NULL;
    }

  content = read_member (zip, "content.xml", CONTENT_MAX_SIZE, &too_large);
  g_object_unref (zip);
  if (content == NULL)
    {
      if (too_large)
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_TOO_LARGE,
                     _("“%s” holds more than %u MB of text, too much to be a consultation draft. Nothing was imported. "
                       "Check that you chose the draft that came back."),
                     display_name, (guint) (CONTENT_MAX_SIZE / (1024 * 1024)));
      else
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_MALFORMED,
                     _("“%s” is damaged: its text (content.xml) is missing or cannot be unpacked. Nothing was imported. "
                       "Ask whoever returned it to save it again as ODT and send it again."),
                     display_name);
      return NULL;
    }

  return g_steal_pointer (&content);
}

/**
 * polisi_import_comments:
 * @library: the library @policy is assembled with, for clause numbers
 * @returned: the consultation draft that came back, as ODT
 * @result: (out caller-allocates): what was imported; clear it with
 *   polisi_comment_import_clear()
 *
 * Reads the comments of @returned and stores those not stored yet in
 * @policy (see polisi-comments.c). @policy is changed only when the whole
 * file could be read; saving it is the caller's part.
 *
 * Returns: %FALSE with @error set, @policy unchanged, when @returned
 *   cannot be read
 */
gboolean
polisi_import_comments (PolisiPolicy         *policy,
                        PolisiLibrary        *library,
                        GFile                *returned,
                        PolisiCommentImport  *result,
                        GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) package = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(PolisiDocument) document = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autofree char *name = NULL;
  char *contents = NULL;
  gsize length;

  g_return_val_if_fail (POLISI_IS_POLICY (policy), FALSE);
  g_return_val_if_fail (POLISI_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (G_IS_FILE (returned), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  name = g_file_get_parse_name (returned);

  info = g_file_query_info (returned, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO, _("“%s” does not exist. Check the name and the folder."), name);
      else
        g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO, _("“%s” cannot be read: %s"), name, local_error->message);
      return FALSE;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO, _("“%s” is a folder, not a file."), name);
      return FALSE;
    }
  if ((guint64) g_file_info_get_size (info) > RETURNED_MAX_SIZE)
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_TOO_LARGE,
                   _("“%s” is larger than %u MB, too large to be a returned consultation draft. Nothing was imported. "
                     "Check that you chose the draft that came back; if pictures were pasted into it, ask for it without them."),
                   name, (guint) (RETURNED_MAX_SIZE / (1024 * 1024)));
      return FALSE;
    }
  if (!g_file_load_contents (returned, NULL, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO, _("“%s” cannot be read: %s"), name, local_error->message);
      return FALSE;
    }
  package = g_bytes_new_take (contents, length);

  content = polisi_odt_read_content (package, name, error);
  if (content == NULL)
    return FALSE;

  document = polisi_assemble (policy, library, POLISI_ASSEMBLE_FINAL | POLISI_ASSEMBLE_NO_HISTORY);
  annotations = polisi_comments_read_content (content, name, policy, document, error);
  if (annotations == NULL)
    return FALSE;

  polisi_comments_import (policy, annotations, result);
  return TRUE;
}
