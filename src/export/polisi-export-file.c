/* polisi-export-file.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What exporting needs that does not draw or pack a document: the table of
 * formats, and writing an export to disk (one file in one atomic step, or
 * two separate files, both or neither). The program holds this part
 * itself; the writers, which need cairo, pango and libgsf, are the export
 * module it loads only when a command exports (src/polisi-export-loader.c).
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "polisi-error.h"
#include "polisi-export.h"
#include "polisi-file.h"
#include "polisi-policy-io.h"

/* One row per format, in PolisiFormat's order (a row with no name is a
 * value not in use). */
static const struct {
  const char *name;        /* as on the command line: --export=NAME */
  const char *extension;   /* with its dot */
  gboolean    editable;    /* a reader can edit it, comment on it and track changes */
  const char *description; /* for file choosers, translated */
  gboolean    one_language;/* a file per language: both languages make two files */
} formats[N_POLISI_FORMATS] = {
  [POLISI_FORMAT_ODT] = { "odt", ".odt", TRUE, N_("OpenDocument text") },
  [POLISI_FORMAT_PDF] = { "pdf", ".pdf", FALSE, N_("PDF documents") },
  [POLISI_FORMAT_DOCX] = { "docx", ".docx", TRUE, N_("Word documents"), FALSE },
  [POLISI_FORMAT_HTML] = { "html", ".html", FALSE, N_("Web pages"), TRUE },
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

/* The layout @format writes for @layout. A web page is in one language,
 * and a page per language is how the web publishes both (see
 * polisi-html.c): parallel columns and back to back become two files. */
PolisiLayout
polisi_format_get_layout (PolisiFormat format,
                          PolisiLayout layout)
{
  g_return_val_if_fail (format < N_POLISI_FORMATS, layout);

  if (formats[format].one_language && (layout == POLISI_LAYOUT_COLUMNS || layout == POLISI_LAYOUT_SEQUENTIAL))
    return POLISI_LAYOUT_SEPARATE;
  return layout;
}

gboolean
polisi_format_from_name (const char   *name,
                         PolisiFormat *format)
{
  for (guint i = 0; i < N_POLISI_FORMATS; i++)
    if (name != NULL && formats[i].name != NULL && g_ascii_strcasecmp (name, formats[i].name) == 0)
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
      if (formats[i].name == NULL)
        continue;
      if (names->len > 0)
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

  /* An export never replaces a policy: not the one it was made from, not
   * the older version of a comparison, not any other. */
  if (polisi_policy_file_is_policy (file))
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *instead = polisi_format_replace_extension (name, POLISI_POLICY_SUFFIX, NULL, format);

      g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO,
                   _("“%s” is a Polisi policy, and an export never replaces one: it was left as it was. "
                     "Choose another name for the exported file, such as “%s”."),
                   name, instead);
      return FALSE;
    }

  bytes = polisi_export_to_bytes (document, format, options, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &size);
  return polisi_file_replace (file, data, size, error);
}

/**
 * polisi_export_path_with_language:
 *
 * The name of one of two separate files: "policy.pdf" becomes
 * "policy-cy.pdf" and "policy-en.pdf".
 *
 * Returns: (transfer full): the path
 */
char *
polisi_export_path_with_language (const char *path,
                                  PolisiLang  lang)
{
  const char *dot = strrchr (path, '.');
  const char *slash = strrchr (path, G_DIR_SEPARATOR);

  if (dot == NULL || (slash != NULL && dot < slash))
    return g_strdup_printf ("%s-%s", path, polisi_lang_to_code (lang));
  return g_strdup_printf ("%.*s-%s%s", (int) (dot - path), path, polisi_lang_to_code (lang), dot);
}

/**
 * polisi_export_to_separate_files:
 * @options: the options both files share (tracked changes and their
 *   author); the layout is each file's language
 * @file: names both files (see polisi_export_path_with_language())
 * @written: (out caller-allocates) (array fixed-size=2) (optional): the
 *   two files, Welsh first
 *
 * The "two separate files" layout: a Welsh and an English file, each
 * naming the other. Both are written or neither: when the second fails,
 * the first is removed.
 */
gboolean
polisi_export_to_separate_files (PolisiDocument             *document,
                                 PolisiFormat                format,
                                 const PolisiExportOptions  *options,
                                 GFile                      *file,
                                 GFile                     **written,
                                 GError                    **error)
{
  g_autofree char *path = NULL;
  GFile *files[POLISI_N_LANGS] = { NULL, NULL };
  char *names[POLISI_N_LANGS] = { NULL, NULL };
  gboolean ok = TRUE;

  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_set_error (error, POLISI_ERROR, POLISI_ERROR_IO,
                   _("“%s” is not on this computer. Choose a folder on this computer."), uri);
      return FALSE;
    }
  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      g_autofree char *lang_path = polisi_export_path_with_language (path, lang);

      files[lang] = g_file_new_for_path (lang_path);
      names[lang] = g_path_get_basename (lang_path);
    }

  for (guint lang = 0; lang < POLISI_N_LANGS && ok; lang++)
    {
      PolisiExportOptions one = *options;

      one.layout = lang == POLISI_LANG_CY ? POLISI_LAYOUT_CY : POLISI_LAYOUT_EN;
      /* kept: a web page puts its language switch in this order */
      one.other_file = names[POLISI_LANG_OTHER (lang)];
      if (!polisi_export_to_file (document, format, &one, files[lang], error))
        {
          /* both files or neither */
          if (lang > 0)
            g_file_delete (files[0], NULL, NULL);
          ok = FALSE;
        }
    }

  for (guint lang = 0; lang < POLISI_N_LANGS; lang++)
    {
      if (ok && written != NULL)
        written[lang] = g_steal_pointer (&files[lang]);
      g_clear_object (&files[lang]);
      g_free (names[lang]);
    }
  return ok;
}
