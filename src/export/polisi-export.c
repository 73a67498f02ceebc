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
 * The way back, reading a returned draft, is in src/import.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "polisi-assembler.h"
#include "polisi-docx.h"
#include "polisi-error.h"
#include "polisi-export.h"
#include "polisi-file.h"
#include "polisi-html.h"
#include "polisi-odt.h"
#include "polisi-pdf.h"
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
    [POLISI_TERM_DELETED] = { "wedi’i ddileu", "deleted" },
    [POLISI_TERM_INSERTED] = { "wedi’i ychwanegu", "inserted" },
    [POLISI_TERM_PAGE] = { "tudalen", "page" },
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
 * language's version exists (and, for two separate files, its title).
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

  /* two separate files name each other by title and language: a file's
   * name changes when it is renamed or sent on */
  if (options->other_file != NULL)
    return lang == POLISI_LANG_CY ?
           g_strdup_printf ("Mae’r polisi hwn ar gael yn Saesneg hefyd, mewn ffeil ar wahân: “%s”.",
                            polisi_document_get_title (document, POLISI_LANG_EN)) :
           g_strdup_printf ("This policy is also available in Welsh, in a separate file: “%s”.",
                            polisi_document_get_title (document, POLISI_LANG_CY));

  return lang == POLISI_LANG_CY ?
         g_strdup ("Mae fersiwn Saesneg o’r polisi hwn ar gael.") :
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

/* A heading's text as the new version has it: without deleted words. */
static char *
text_without_deletions (const PolisiTextBlock *para)
{
  GString *out = g_string_new (NULL);
  gsize done = 0;

  for (guint i = 0; para->marks != NULL && i < para->marks->len; i++)
    {
      const PolisiTextMark *mark = &g_array_index (para->marks, PolisiTextMark, i);

      if (mark->kind != POLISI_MARK_DELETED)
        continue;
      g_string_append_len (out, para->text + done, mark->start - done);
      done = mark->end;
    }
  g_string_append (out, para->text + done);
  return g_string_free (out, FALSE);
}

/**
 * polisi_export_contents_label:
 *
 * "3  Diogelu": a heading as a contents list shows it; in a comparison,
 * as the new version has it (without deleted words).
 */
char *
polisi_export_contents_label (PolisiBlock *block,
                              PolisiLang   lang)
{
  PolisiTextBlock *para = block->paras[lang]->len > 0 ? block->paras[lang]->pdata[0] : NULL;
  g_autofree char *text = NULL;

  if (para == NULL || para->marks == NULL)
    return polisi_export_heading_label (block, lang);
  text = text_without_deletions (para);
  if (block->number == NULL || block->appendix)
    return g_steal_pointer (&text);
  return g_strdup_printf ("%s  %s", block->number, text);
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
    case POLISI_FORMAT_HTML:
      /* one page per call: the caller writes both for two languages */
      g_return_val_if_fail (options->layout == POLISI_LAYOUT_CY || options->layout == POLISI_LAYOUT_EN, NULL);
      return polisi_html_write (document, options, error);
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
