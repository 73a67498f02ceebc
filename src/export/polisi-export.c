/* polisi-export.c
 *
 * Copyright 2026 The Polisi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parts of exporting that do not depend on the format: the language
 * order of a layout (Welsh first unless English first is asked for), the
 * fixed words of the output in each language, the note a one-language
 * version carries about the other, links in text, and the writer each
 * format is made by (polisi_export_to_bytes()). The table of formats and
 * writing an export to disk are in polisi-export-file.c, which the program
 * holds itself; this file and the writers are the export module.
 *
 * The way back, reading a returned draft, is in src/import.
 */
#include "config.h"

#include <fontconfig/fontconfig.h>

#include <string.h>

#include <glib/gi18n-lib.h>

#include "polisi-assembler.h"
#include "polisi-docx.h"
#include "polisi-export.h"
#include "polisi-html.h"
#include "polisi-odt.h"
#include "polisi-pdf.h"

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
        if ((*q == 'h' || *q == 'w') &&
            (strncmp (q, "https://", 8) == 0 || strncmp (q, "http://", 7) == 0 || strncmp (q, "www.", 4) == 0) &&
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

/**
 * polisi_export_prepare:
 *
 * Gets ready to export soon: sets up what every writer that lays out pages
 * needs first and takes a few milliseconds, fontconfig's configuration and
 * its cache of the system's fonts. The program's door of the same name
 * (src/polisi-modules.c) does it in a thread of its own, so that it is done
 * while the program reads what it will export.
 */
void
polisi_export_prepare (void)
{
  FcInit ();
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
